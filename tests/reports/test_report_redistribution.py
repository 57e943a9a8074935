"""The redistribution report from hand-made read models: texts, amounts, totals, hostile names,
an empty year, a funder filter, reproducibility."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

from ptce_desktop.documents.redistribution import (
    GrantMemberLine,
    GrantSection,
    MemberCostLine,
    RedistributionLine,
    RedistributionReportData,
    ServiceSection,
)
from ptce_desktop.reports.redistribution import build_redistribution_report

HOSTILE = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b>"
APOSTROPHE = "l'Éclair — œuvre €"
LONG_NAME = "Coopérative " + "très " * 57 + "longue"  # 300 characters
LONG_TEXT = ("Décision du conseil d'administration & du comité <copil>. " * 90)[:5000]
GENERATED = date(2027, 2, 15)


def grant(**changes: object) -> GrantSection:
    values: dict[str, object] = {
        "grant_id": 1,
        "title": "Animation du pôle 2026",
        "funder_name": "Région Auvergne-Rhône-Alpes",
        "funder_type_label": "Région",
        "project_name": "Tiers-lieu & <atelier>",
        "status_label": "Versée partiellement",
        "decision_ref": "CP-2026/042",
        "decision_date": date(2026, 3, 14),
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "voted_cents": 50_000_00,
        "received_cents": 30_000_00,
        "passed_cents": 15_000_00,
        "coordination_share_bp": 1000,
        "coordination_cents": 3_000_00,
        "unplanned_cents": 0,
        "remaining_cents": 12_000_00,
        "received_year_cents": 20_000_00,
        "passed_year_cents": 15_000_00,
        "members": (
            GrantMemberLine(
                1, HOSTILE, "Plan : 40 % du reçu", 12_000_00, 10_000_00, 2_000_00, 10_000_00
            ),
            GrantMemberLine(
                2, APOSTROPHE, "Plan : montant fixe 25 000,00 €", 15_000_00, 5_000_00, 10_000_00
            ),
            GrantMemberLine(3, MARKUP, "Hors plan", 0, 0, 0),
        ),
        "redistributions": (
            RedistributionLine(date(2026, 5, 2), HOSTILE, 10_000_00, LONG_TEXT),
            RedistributionLine(date(2026, 6, 1), APOSTROPHE, 5_000_00, None),
        ),
    }
    values.update(changes)
    return GrantSection(**values)  # type: ignore[arg-type]


def service(**changes: object) -> ServiceSection:
    values: dict[str, object] = {
        "service_id": 1,
        "name": "Locaux partagés & accueil",
        "key_name": "Surface (m²)",
        "key_versions": (date(2025, 1, 1), date(2026, 7, 1)),
        "basis": "TTC",
        "cost_count": 12,
        "costs_cents": 12_345_67,
        "ttc_cents": 12_345_67,
        "shared_cents": 12_345_67,
        "members": (
            MemberCostLine(1, HOSTILE, 6_000_00, 6_500_00, 6_500_00),
            MemberCostLine(2, LONG_NAME, 4_345_67, 4_000_00, 1_000_00),
            MemberCostLine(3, MARKUP, 2_000_00, 2_000_00, 0),
        ),
    }
    values.update(changes)
    return ServiceSection(**values)  # type: ignore[arg-type]


def model(**changes: object) -> RedistributionReportData:
    values: dict[str, object] = {
        "year": 2026,
        "year_label": "2026",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "pole_name": "Pôle Sud & Drôme <PTCE>",
        "logo_path": None,
        "funder_name": None,
        "grants": (grant(),),
        "services": (service(),),
    }
    values.update(changes)
    return RedistributionReportData(**values)  # type: ignore[arg-type]


def render(data: RedistributionReportData) -> tuple[bytes, int]:
    buffer = BytesIO()
    pages = build_redistribution_report(data, buffer, generated_on=GENERATED)
    return buffer.getvalue(), pages


def test_grant_and_service_figures_are_printed(page_texts: Callable[[bytes], list[str]]) -> None:
    data, pages = render(model())
    texts = page_texts(data)
    assert pages == len(texts)
    text = " ".join(texts)
    assert "Rapport de redistribution — exercice 2026" in text
    assert "Tous financeurs" in text
    # the grant summary line, then its members with the key or decision behind their part
    # voted, received and passed on in the exercice, then to date, and reste à reverser
    summary = "50 000,00 € 20 000,00 € 15 000,00 € 30 000,00 € 15 000,00 € 12 000,00 €"
    assert f"Alpes) {summary}" in text  # the name wraps in its column
    assert (
        "Dupont & Fils <SARL> Plan : 40 % du reçu : dû 12 000,00 € \u2212 déjà reversé "
        "10 000,00 € = 2 000,00 € 10 000,00 € 2 000,00 €"
    ) in text
    assert "Plan : montant fixe 25 000,00 €" in text
    assert "<b>x</b> Hors plan" in text
    assert "Conservé pour la coordination (10 %), à la date du rapport 3 000,00 €" in text
    assert "Total dû 27 000,00 € \u2212 déjà reversé 15 000,00 € 10 000,00 € 12 000,00 €" in text
    assert "Reçu — exercice 2026 20 000,00 €" in text
    assert "négatif" not in text
    # cost sharing: each member's share, called, paid, outstanding and the reconciliation
    assert "Dupont & Fils <SARL> 6 000,00 € 6 500,00 € 6 500,00 € 0,00 €" in text
    assert "Total 12 345,67 € 12 500,00 € 7 500,00 € 5 000,00 €" in text
    assert "Clé : Surface (m²) (versions du 01/01/2025, 01/07/2026)" in text
    assert (
        "Contrôle : total des quotes-parts 12 345,67 € = charges de l'exercice 12 345,67 €" in text
    )
    assert "page 1 / " in texts[0] and "Généré le 15/02/2027" in texts[0]


def test_hostile_names_and_texts_print_literally(body_text: Callable[[bytes], str]) -> None:
    # the long basis crosses pages inside its table row: drop the repeated header's words
    text = re.sub("DateMembreMontantFondement", "", body_text(render(model())[0]))
    for value in (HOSTILE, MARKUP, APOSTROPHE, LONG_NAME, LONG_TEXT):
        assert "".join(value.split()) in text


def test_empty_year_prints_no_data_notes(page_texts: Callable[[bytes], list[str]]) -> None:
    data, pages = render(model(grants=(), services=()))
    text = " ".join(page_texts(data))
    assert pages == 1
    assert "Aucune donnée : aucune subvention pour cet exercice." in text
    assert "Aucune donnée : aucune charge mutualisée ni appel de fonds pour cet exercice." in text
    assert "Reste à reverser à la date du rapport 0,00 €" in text


def test_grant_without_plan_nor_redistributions(page_texts: Callable[[bytes], list[str]]) -> None:
    bare = grant(members=(), redistributions=(), voted_cents=None, unplanned_cents=1_00)
    text = " ".join(page_texts(render(model(grants=(bare,)))[0]))
    assert "Aucun membre dans le plan de reversement ni aucun reversement." in text
    assert "Aucun reversement daté de l'exercice 2026." in text
    assert "Montant voté —" in text
    assert "Reçu non affecté par le plan 1,00 €" in text


def test_unshared_costs_are_flagged(page_texts: Callable[[bytes], list[str]]) -> None:
    short = service(costs_cents=13_000_00)
    text = " ".join(page_texts(render(model(services=(short,)))[0]))
    assert "Écart : total des quotes-parts 12 345,67 €" in text
    assert "charges non réparties : 654,33 €" in text


def test_one_funder_in_the_subtitle_and_metadata(
    page_texts: Callable[[bytes], list[str]], pdf_reader: Callable[[bytes], object]
) -> None:
    data, _ = render(model(funder_name="Région & <Drôme>"))
    assert "Financeur : Région & <Drôme>" in page_texts(data)[0]
    reader = pdf_reader(data)
    assert reader.metadata.subject == "Exercice 2026 — financeur : Région & <Drôme>"  # type: ignore[attr-defined]


def test_same_model_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_redistribution_report(model(), first, generated_on=GENERATED)
    build_redistribution_report(model(), second, generated_on=GENERATED)
    assert first.read_bytes() == second.read_bytes()


def test_many_members_paginate_with_progress(page_texts: Callable[[bytes], list[str]]) -> None:
    lines = tuple(
        MemberCostLine(i, f"Membre n° {i:03d} & co", 100_00, 100_00, 50_00) for i in range(300)
    )
    big = service(members=lines, costs_cents=300 * 100_00, shared_cents=300 * 100_00)
    seen: list[int] = []
    buffer = BytesIO()
    pages = build_redistribution_report(
        model(services=(big,)), buffer, generated_on=GENERATED, progress=seen.append
    )
    texts = page_texts(buffer.getvalue())
    assert pages == len(texts) == len(seen) >= 6
    assert seen == list(range(1, pages + 1))
    assert "Total 30 000,00 € 30 000,00 € 15 000,00 € 15 000,00 €" in texts[-1]
    assert (
        sum(
            text.count("Quote-part Appelé Payé à la date du rapport Reste dû à la date du rapport")
            for text in texts
        )
        >= 5
    )
