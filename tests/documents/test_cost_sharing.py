"""The cost-sharing read model over a database filled through the key, service and cost
services; its figures are the costs service's, and the PDF prints them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from support.factories.costs import (
    LONG_NAME,
    draft,
    make_key,
    make_service,
    seed_members,
    seed_pole,
)

from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
from ptce_desktop.documents.cost_sharing import CostSharingData, CostSharingMismatch
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.reports.cost_sharing import build_cost_sharing_report
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import UsageDraft, VersionDraft
from ptce_desktop.store.models import Share
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2026, 5, 4)
TAXABLE = "<b>x</b> Informatique & réseau"


def _pdf(model: CostSharingData) -> bytes:
    out = BytesIO()
    build_cost_sharing_report(model, out, generated_on=GENERATED)
    return out.getvalue()


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)


def _money(cents: int, printed: bool = False) -> str:
    return " ".join(format_money(cents, typographic=printed).split())


def _world(uow: UnitOfWork, *, start_month: int = 1) -> tuple[tuple[int, ...], int, int]:
    """Two services over 2025: premises (261 B, m² key with a new version on 1 July) and IT
    (taxable, equal key); costs in each quarter and outside the year."""
    seed_pole(uow, vat_registered=True, start_month=start_month)
    members = seed_members(uow, 3)
    m2 = make_key(
        uow,
        "units",
        dict(zip(members, (120_000, 80_000, 50_000), strict=True)),
        valid_from=D(2024, 1, 1),
    )
    KeyService(uow).add_version(
        m2, VersionDraft(D(2025, 7, 1), {members[0]: 100_000, members[1]: 100_000})
    )
    equal = make_key(uow, "equal", name="Parts égales", valid_from=D(2024, 1, 1))
    premises = make_service(uow, m2, name="Locaux partagés & accueil <RDC>")
    it = make_service(uow, equal, name=TAXABLE, taxable=True)
    costs = CostService(uow)
    for ht, start, end, invoice in (
        (100_001, D(2025, 1, 1), D(2025, 3, 31), D(2025, 1, 10)),
        (77_777, D(2025, 7, 1), D(2025, 9, 30), D(2025, 7, 2)),
        (50_000, D(2025, 10, 1), D(2025, 12, 31), D(2026, 1, 15)),  # invoiced next year
        (-1_001, D(2025, 11, 1), D(2025, 11, 30), D(2025, 11, 30)),  # a credit note
        (99_999, D(2024, 12, 1), D(2024, 12, 31), D(2025, 1, 5)),  # belongs to 2024
        (88_888, D(2026, 1, 1), D(2026, 1, 31), D(2025, 12, 20)),  # belongs to 2026
    ):
        costs.create_cost(draft(premises, ht, start=start, end=end, invoice=invoice))
    costs.create_cost(
        draft(it, 30_000, 6_000, start=D(2025, 4, 1), end=D(2025, 6, 30), invoice=D(2025, 4, 3))
    )
    return members, premises, it


def test_figures_are_the_costs_service_figures(uow: UnitOfWork) -> None:
    members, premises, it = _world(uow)
    model = build_cost_sharing_data(uow, 2025)
    assert [s.service_id for s in model.services] == [it, premises]  # by name: '<' < 'L'
    service = CostService(uow)
    expected: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for aggregate in service.shares_by_quarter(2025):
        key = (aggregate.service_id, aggregate.member_id)
        expected[key][aggregate.quarter - 1] += aggregate.cents
    totals = {t.service_id: t for t in service.totals_per_service(2025)}
    for sharing in model.services:
        for row in sharing.members:
            assert list(row.quarters) == expected[sharing.service_id, row.member_id]
            assert row.total_cents == sum(row.quarters)
        total = totals[sharing.service_id]
        split = total.ttc_cents if sharing.basis is SplitBasis.TTC else total.ht_cents
        assert sharing.costs_cents == sharing.shared_cents == split == total.shared_cents
        for q in range(4):
            assert sharing.costs_quarters[q] == sharing.shared_quarters[q]
            assert sharing.shared_quarters[q] == sum(r.quarters[q] for r in sharing.members)
        assert sharing.difference_cents == 0
    second, first = model.services
    assert first.basis is SplitBasis.TTC and second.basis is SplitBasis.HT
    # Q4 holds the cost invoiced in 2026 and the credit note; 2024 and 2026 costs are out
    assert first.costs_quarters == (100_001, 0, 77_777, 50_000 - 1_001)
    assert second.costs_quarters == (0, 30_000, 0, 0)
    assert (second.costs_ht_cents, second.costs_vat_cents, second.costs_ttc_cents) == (
        30_000,
        6_000,
        36_000,
    )
    assert model.costs_cents == model.shared_cents == 100_001 + 77_777 + 48_999 + 30_000
    # the second m² version gives nothing to the third member from July on
    third = next(r for r in first.members if r.member_id == members[2])
    assert third.quarters[2] == 0 and third.quarters[0] > 0


def test_key_versions_in_force_during_the_year(uow: UnitOfWork) -> None:
    members, premises, _ = _world(uow)
    sharing = build_cost_sharing_data(uow, 2025, premises).services[0]
    key = sharing.key
    assert key is not None and key.method is Method.UNITS and key.unit == "m²"
    before, after = key.versions
    assert (before.valid_from, before.applies_from, before.applies_to) == (
        D(2024, 1, 1),
        D(2025, 1, 1),
        D(2025, 6, 30),
    )
    assert (after.valid_from, after.applies_from, after.applies_to) == (
        D(2025, 7, 1),
        D(2025, 7, 1),
        D(2025, 12, 31),
    )
    assert before.total_units == 250_000
    assert {r.member_id: r.share for r in before.rows} == {
        members[0]: Fraction(12, 25),
        members[1]: Fraction(8, 25),
        members[2]: Fraction(5, 25),
    }
    assert [r.units for r in after.rows] == [100_000, 100_000]
    # the next year only shows the version of 1 July, over the whole year
    (only,) = build_cost_sharing_data(uow, 2026, premises).services[0].key.versions  # type: ignore[union-attr]
    assert (only.valid_from, only.applies_from, only.applies_to) == (
        D(2025, 7, 1),
        D(2026, 1, 1),
        D(2026, 12, 31),
    )


def test_pdf_prints_the_figures(uow: UnitOfWork) -> None:
    _world(uow)
    model = build_cost_sharing_data(uow, 2025)
    text = _text(_pdf(model))
    for expected in (
        "Rapport de répartition des charges",
        "Locaux partagés & accueil <RDC>",
        TAXABLE,
        "Dupont & Fils <SARL>",
        "Surface (m²) « bureaux » & <co>",
        "Exonéré de TVA — article 261 B du CGI",
        "Soumis à la TVA au taux de 20 %",
        "Version du 01/07/2025, appliquée du 01/07/2025 au 31/12/2025",
        "Synthèse de l'exercice",
    ):
        assert expected in text, expected
    assert "".join(LONG_NAME.split())[:60] in "".join(text.split())
    for sharing in model.services:
        for row in sharing.members:
            for cents in (*row.quarters, row.total_cents):
                assert _money(cents) in text
        for cents in (*sharing.costs_quarters, sharing.costs_cents):
            assert _money(cents) in text
    assert _money(model.costs_cents) in text


def test_one_service(uow: UnitOfWork) -> None:
    _, _, it = _world(uow)
    model = build_cost_sharing_data(uow, 2025, service_id=it)
    assert model.service_name == TAXABLE
    assert [s.service_id for s in model.services] == [it]
    assert model.costs_cents == 30_000
    assert f"service « {TAXABLE} »" in _text(_pdf(model))
    with pytest.raises(PtceError) as error:
        build_cost_sharing_data(uow, 2025, service_id=9999)
    assert error.value.code == "not_found"


def test_year_without_costs_prints_aucune_donnee(uow: UnitOfWork) -> None:
    _world(uow)
    model = build_cost_sharing_data(uow, 2030)
    assert len(model.services) == 2  # active services, no costs
    assert all(s.members == () and s.costs_cents == 0 for s in model.services)
    assert "Aucune donnée" in _text(_pdf(model))


def test_empty_database_prints_aucune_donnee(uow: UnitOfWork) -> None:
    model = build_cost_sharing_data(uow, 2025)
    assert model.services == () and model.pole_name == ""
    assert "Aucune donnée" in _text(_pdf(model))


def test_a_damaged_share_is_refused(uow: UnitOfWork) -> None:
    _world(uow)
    with uow.write("Altérer une quote-part (test)") as session:
        share = session.scalars(select(Share).order_by(Share.id).limit(1)).one()
        share.cents += 1
    with pytest.raises(CostSharingMismatch, match="Locaux partagés"):
        build_cost_sharing_data(uow, 2025)


def test_usage_and_mixed_keys(uow: UnitOfWork) -> None:
    seed_pole(uow, vat_registered=False)
    members = seed_members(uow, 3)
    keys = KeyService(uow)
    usage = make_key(uow, "usage", name="Heures de salle")
    for member, day, hours in ((0, 10, 3_000), (1, 11, 1_000), (0, 12, 2_000)):
        keys.add_usage(UsageDraft(usage, members[member], D(2025, 2, day), hours))
    keys.add_usage(UsageDraft(usage, members[2], D(2024, 2, 1), 9_000))  # another year
    equal = make_key(uow, "equal", name="Égalitaire", valid_from=D(2024, 1, 1))
    mixed = make_key(uow, "mixed", name="Mixte", parts={equal: 3_000, usage: 7_000})
    hall = make_service(uow, usage, name="Salle")
    both = make_service(uow, mixed, name="Accueil")
    costs = CostService(uow)
    costs.create_cost(draft(hall, 60_000, start=D(2025, 2, 1), end=D(2025, 2, 28)))
    costs.create_cost(draft(both, 10_000, 2_000, start=D(2025, 2, 1), end=D(2025, 2, 28)))
    model = build_cost_sharing_data(uow, 2025)
    accueil, salle = model.services
    assert accueil.basis is SplitBasis.TTC and accueil.costs_cents == 12_000
    (recorded,) = salle.key.versions  # type: ignore[union-attr]
    assert recorded.valid_from is None
    assert {r.member_id: r.units for r in recorded.rows} == {members[0]: 5_000, members[1]: 1_000}
    (version,) = accueil.key.versions  # type: ignore[union-attr]
    parts = {p.key_name: p for p in version.parts}
    assert parts["Égalitaire"].share == Fraction(3, 10)
    assert len(parts["Égalitaire"].rows) == 3
    assert parts["Heures de salle"].total_units == 6_000
    text = _text(_pdf(model))
    assert "Utilisation enregistrée du 01/01/2025 au 31/12/2025" in text
    assert "Composante « Égalitaire » (parts égales) — pondération 30 %" in text


def test_fiscal_year_starting_in_september(uow: UnitOfWork) -> None:
    seed_pole(uow, vat_registered=True, start_month=9)
    members = seed_members(uow, 2)
    key = make_key(uow, "equal", name="Égal", valid_from=D(2025, 1, 1))
    service = make_service(uow, key)
    CostService(uow).create_cost(
        draft(service, 10_001, start=D(2025, 12, 1), end=D(2025, 12, 31), invoice=D(2025, 12, 2))
    )
    model = build_cost_sharing_data(uow, 2025)
    assert model.year_label == "2025/2026"
    (sharing,) = model.services
    assert sharing.costs_quarters == (0, 10_001, 0, 0)
    assert sorted(r.quarters[1] for r in sharing.members) == [5_000, 5_001]
    assert len(members) == 2
    assert "T2 du 01/12/2025 au 28/02/2026" in _text(_pdf(model))


def test_same_data_same_bytes(uow: UnitOfWork) -> None:
    _world(uow)
    first = build_cost_sharing_data(uow, 2025)
    assert build_cost_sharing_data(uow, 2025) == first
    assert _pdf(first) == _pdf(build_cost_sharing_data(uow, 2025))


def test_budget_of_the_year_is_read_per_service(uow: UnitOfWork) -> None:
    _, premises, it = _world(uow)
    shared = SharedServiceService(uow)
    shared.set_budget(premises, 2025, 2_500_00)
    shared.set_budget(premises, 2026, 9_999_99)  # another year: not this report's budget
    model = build_cost_sharing_data(uow, 2025)
    by_id = {s.service_id: s for s in model.services}
    assert by_id[premises].budget_cents == 2_500_00
    assert by_id[premises].budget_gap_cents == by_id[premises].costs_cents - 2_500_00
    assert by_id[it].budget_cents is None and by_id[it].budget_gap_cents is None
    text = _text(_pdf(model))
    assert "Budget et réalisé" in text
    assert f"{_money(2_500_00, True)} {_money(by_id[premises].costs_cents, True)}" in text
