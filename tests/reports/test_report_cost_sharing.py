"""The cost-sharing report built from hand-made read models, read back with pypdf."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

from pypdf import PdfReader

from ptce_desktop.documents.cost_sharing import (
    CostSharingData,
    KeyBlock,
    KeyPartBlock,
    KeyUnitsRow,
    KeyVersionBlock,
    MemberQuarterShares,
    ServiceSharing,
)
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_money, format_units
from ptce_desktop.domain.percentages import percent_column, share_percent_bp
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.vat import SplitBasis, VatRegime
from ptce_desktop.reports.cost_sharing import build_cost_sharing_report

GENERATED = date(2026, 5, 4)
LONG_NAME = ("Association intercommunale d'insertion & de coopération " * 6)[:300]
NAMES = ("Dupont & Fils <SARL>", "<b>x</b>", "l'Éclair — œuvre €", LONG_NAME)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _money(cents: int) -> str:
    return _flat(format_money(cents))


def units_key(units: tuple[int, ...] = (120, 80, 50, 10)) -> KeyBlock:
    total = sum(units) * 1000
    column = percent_column({i + 1: u for i, u in enumerate(units)})
    rows = tuple(
        KeyUnitsRow(i + 1, NAMES[i], u * 1000, Fraction(u * 1000, total), column[i + 1])
        for i, u in enumerate(units)
    )
    first = KeyVersionBlock(
        date(2020, 1, 1), date(2025, 1, 1), date(2025, 6, 30), "Mesures & <plan> 2020", rows, total
    )
    kept = tuple(
        dataclasses.replace(
            row,
            share=Fraction(row.units, 200_000),
            percent_bp=share_percent_bp(Fraction(row.units, 200_000)),
        )
        for row in rows[:2]
    )
    second = KeyVersionBlock(
        date(2025, 7, 1), date(2025, 7, 1), date(2025, 12, 31), None, kept, 200_000
    )
    return KeyBlock("Surface (m²) & <co>", Method.UNITS, "m²", (first, second))


def service(
    name: str = "Locaux partagés & accueil <RDC>",
    quarters: tuple[tuple[int, int, int, int], ...] = (
        (100_00, 200_00, 300_00, 400_01),
        (50_00, 50_00, 50_00, 50_00),
        (1, 2, 3, 4),
        (0, 0, 0, 123_456_78),
    ),
    key: KeyBlock | None = None,
) -> ServiceSharing:
    members = tuple(MemberQuarterShares(i + 1, NAMES[i], q, sum(q)) for i, q in enumerate(quarters))
    shared = tuple(sum(m.quarters[i] for m in members) for i in range(4))
    quad = (shared[0], shared[1], shared[2], shared[3])
    return ServiceSharing(
        service_id=1,
        name=name,
        vat_regime=VatRegime.EXEMPT_261B,
        vat_rate_bp=0,
        basis=SplitBasis.TTC,
        key=key if key is not None else units_key(),
        cost_count=5,
        costs_ht_cents=sum(quad),
        costs_vat_cents=0,
        costs_ttc_cents=sum(quad),
        costs_quarters=quad,
        costs_cents=sum(quad),
        members=members,
        shared_quarters=quad,
        shared_cents=sum(quad),
    )


def report(*services: ServiceSharing, single: str | None = None) -> CostSharingData:
    return CostSharingData(
        pole_name="Pôle Sud & Co <Drôme>",
        logo_path=None,
        year=2025,
        year_label="2025",
        quarters=tuple(FiscalYear(2025).quarters()),
        service_name=single,
        services=services,
        costs_cents=sum(s.costs_cents for s in services),
        shared_cents=sum(s.shared_cents for s in services),
    )


def render(model: CostSharingData, tmp_path: Path, name: str = "r.pdf") -> Path:
    target = tmp_path / name
    assert build_cost_sharing_report(model, target, generated_on=GENERATED) >= 1
    return target


def test_prints_keys_shares_per_quarter_and_reconciliation(
    tmp_path: Path, page_texts: Callable[[Path], list[str]], body_text: Callable[[Path], str]
) -> None:
    one = service()
    model = report(one)
    pdf = render(model, tmp_path)
    text = " ".join(page_texts(pdf))
    for expected in (
        "Rapport de répartition des charges",
        "Exercice 2025",
        "Locaux partagés & accueil <RDC>",
        "Exonéré de TVA — article 261 B du CGI",
        "Surface (m²) & <co>",
        "unités par membre",
        "Version du 01/01/2020, appliquée du 01/01/2025 au 30/06/2025",
        "Mesures & <plan> 2020",
        "Version du 01/07/2025, appliquée du 01/07/2025 au 31/12/2025",
        "Dupont & Fils <SARL>",
        "<b>x</b>",
        "l'Éclair — œuvre €",
        "Unités (m²)",
        "46,15 %",  # 120 / 260
        "60,00 %",  # 120 / 200 in the second version: a column keeps two decimals
        "100,00 %",
        "T1 du 01/01/2025 au 31/03/2025",
        "Total réparti",
        "Écart",
        "Synthèse de l'exercice",
    ):
        assert _flat(expected) in text, expected
    assert "".join(LONG_NAME.split()) in body_text(pdf)
    for member in one.members:
        for cents in (*member.quarters, member.total_cents):
            assert _money(cents) in text
    for cents in (*one.shared_quarters, one.shared_cents, one.costs_cents):
        assert _money(cents) in text
    assert _money(0) in text  # the differences


def test_quarter_headers_follow_the_fiscal_year(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = dataclasses.replace(
        report(service()), quarters=tuple(FiscalYear(2025, 9).quarters()), year_label="2025/2026"
    )
    text = " ".join(page_texts(render(model, tmp_path)))
    assert "T1 du 01/09/2025 au 30/11/2025" in text
    assert "T4 du 01/06/2026 au 31/08/2026" in text
    assert "Exercice 2025/2026" in text


def test_other_key_methods(tmp_path: Path, page_texts: Callable[[Path], list[str]]) -> None:
    rows = (
        KeyUnitsRow(1, NAMES[0], 3000, Fraction(3, 10), 3000),
        KeyUnitsRow(2, NAMES[1], 7000, Fraction(7, 10), 7000),
    )
    percent = KeyBlock(
        "Pourcentages",
        Method.PERCENT,
        "%",
        (
            KeyVersionBlock(
                date(2025, 1, 1), date(2025, 1, 1), date(2025, 12, 31), None, rows, 10_000
            ),
        ),
    )
    equal_rows = (
        KeyUnitsRow(1, NAMES[0], 1000, Fraction(1, 2), 5000),
        KeyUnitsRow(2, NAMES[1], 1000, Fraction(1, 2), 5000),
    )
    usage = KeyBlock(
        "Heures de salle",
        Method.USAGE,
        "h",
        (KeyVersionBlock(None, date(2025, 1, 1), date(2025, 12, 31), None, rows, 10_000),),
    )
    mixed = KeyBlock(
        "Mixte 30/70",
        Method.MIXED,
        "",
        (
            KeyVersionBlock(
                date(2025, 1, 1),
                date(2025, 1, 1),
                date(2025, 12, 31),
                None,
                (),
                0,
                (
                    KeyPartBlock(
                        "Égalitaire", Method.EQUAL, "", 3000, Fraction(3, 10), equal_rows, 2000
                    ),
                    KeyPartBlock(
                        "Surface", Method.UNITS, "m²", 7000, Fraction(7, 10), rows, 10_000
                    ),
                ),
            ),
        ),
    )
    model = report(
        service("A percent", key=percent),
        service("B usage", key=usage),
        service("C mixte", key=mixed),
    )
    text = " ".join(page_texts(render(model, tmp_path)))
    for expected in (
        "Pourcentage fixé",
        "30 %",
        "70 %",
        "Utilisation (h)",
        "Utilisation enregistrée du 01/01/2025 au 31/12/2025",
        "Composante « Égalitaire » (parts égales) — pondération 30 %",
        "Composante « Surface » (unités par membre) — pondération 70 %",
        "Parts",
    ):
        assert _flat(expected) in text, expected


def test_service_without_key_or_costs(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    empty = dataclasses.replace(
        service("Véhicule <partagé>"),
        key=None,
        cost_count=0,
        members=(),
        costs_quarters=(0, 0, 0, 0),
        shared_quarters=(0, 0, 0, 0),
        costs_cents=0,
        shared_cents=0,
        costs_ht_cents=0,
        costs_ttc_cents=0,
    )
    text = " ".join(page_texts(render(report(empty, single="Véhicule <partagé>"), tmp_path)))
    assert "Aucune clé" in text
    assert "Aucune donnée" in text
    assert "service « Véhicule <partagé> »" in text


def test_empty_year_prints_aucune_donnee(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    text = " ".join(page_texts(render(report(), tmp_path)))
    assert "Aucune donnée" in text
    assert "Synthèse" not in text


def test_same_model_same_bytes(tmp_path: Path) -> None:
    model = report(service(), service("Secrétariat & <accueil>"))
    first = render(model, tmp_path, "a.pdf").read_bytes()
    assert render(model, tmp_path, "b.pdf").read_bytes() == first
    other = dataclasses.replace(model, pole_name="Autre pôle")
    assert render(other, tmp_path, "c.pdf").read_bytes() != first


def test_many_members_and_services_flow_over_pages(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    members = tuple(
        MemberQuarterShares(i, f"Membre n° {i} & <co>", (i, 2 * i, 3 * i, 4 * i), 10 * i)
        for i in range(1, 120)
    )
    base = service()
    shared = tuple(sum(m.quarters[q] for m in members) for q in range(4))
    quad = (shared[0], shared[1], shared[2], shared[3])
    big = dataclasses.replace(
        base,
        members=members,
        shared_quarters=quad,
        costs_quarters=quad,
        shared_cents=sum(quad),
        costs_cents=sum(quad),
    )
    texts = page_texts(render(report(big, base), tmp_path))
    assert len(texts) >= 4
    assert all(f"/ {len(texts)}" in page for page in texts)
    assert "Membre n° 119 & <co>" in " ".join(texts)


def test_landscape_only_when_amounts_need_it(
    tmp_path: Path, pdf_reader: Callable[[Path], PdfReader], page_texts: Callable[[Path], list[str]]
) -> None:
    small = render(report(service()), tmp_path, "small.pdf")
    box = pdf_reader(small).pages[0].mediabox
    assert box.width < box.height
    huge = service(quarters=((12_345_678_90, 1, 1, 1), (1, 1, 1, 1)))
    large = render(report(huge), tmp_path, "large.pdf")
    box = pdf_reader(large).pages[0].mediabox
    assert box.width > box.height
    assert _money(12_345_678_90) in " ".join(page_texts(large))


def test_budget_against_actual_and_member_by_service_totals(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    premises = dataclasses.replace(service(), budget_cents=1_000_00)
    it = dataclasses.replace(
        service("Informatique l'Éclair & <co>", ((10_00, 0, 0, 0), (0, 5_00, 0, 0))),
        service_id=2,
        budget_cents=None,
    )
    assert premises.budget_gap_cents == premises.costs_cents - 1_000_00
    text = _flat(" ".join(page_texts(render(report(premises, it), tmp_path))))
    assert "Budget et réalisé" in text
    gap = premises.budget_gap_cents
    assert f"{_money(1_000_00)} {_money(premises.costs_cents)} {_money(gap)}" in text
    assert "aucun budget saisi" in text
    # member × service: each member's total over the services, and the grand total
    assert "Quotes-parts par membre et par service" in text
    first = premises.members[0].total_cents + it.members[0].total_cents
    assert f"{_money(premises.members[0].total_cents)} {_money(10_00)} {_money(first)}" in text
    grand = premises.shared_cents + it.shared_cents
    assert f"Total réparti {_money(premises.shared_cents)} {_money(it.shared_cents)} " in text
    assert _money(grand) in text


def test_prorata_is_explained_where_it_applies(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    key = units_key()
    plain = _flat(" ".join(page_texts(render(report(service(key=key)), tmp_path, "a.pdf"))))
    assert "proratisé" not in plain
    version = key.versions[0]
    partial = dataclasses.replace(version.rows[0], days_present=90, period_days=181)
    weight = Fraction(120_000 * 90, 181) + 80_000 + 50_000 + 10_000  # what the parts divide
    prorated = dataclasses.replace(
        key,
        versions=(
            dataclasses.replace(version, rows=(partial, *version.rows[1:]), total_weight=weight),
        ),
    )
    sharing = service(key=prorated)
    assert sharing.prorated
    text = _flat(" ".join(page_texts(render(report(sharing), tmp_path, "b.pdf"))))
    assert "× 90/181 j" in text
    assert "proratisé (unités × n / N)" in text
    # the units' total and the weighted total the percentages divide by (≈: not exact)
    assert f"Total 260 ; pondéré ≈ {_flat(format_units(round(weight)))} 100,00 %" in text


def test_the_name_column_takes_the_spare_width(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    """A 60-character member name fits one line of the quarter table (it wrapped over three)."""
    name = "Compétences & Territoires – organisme de formation de la Drôme"
    one = service(quarters=((1_00, 2_00, 3_00, 4_00),))
    one = dataclasses.replace(one, members=(dataclasses.replace(one.members[0], member_name=name),))
    text = _flat(" ".join(page_texts(render(report(one), tmp_path))))
    # wrapped, the amounts would be read between the two lines of the name
    amounts = " ".join(_money(c) for c in (1_00, 2_00, 3_00, 4_00, 10_00))
    assert f"{name} {amounts}" in text
