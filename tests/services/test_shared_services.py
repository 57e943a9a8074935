"""Shared services: CRUD, VAT rules, budgets, users, totals and key changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest
from support.factories.costs import (
    LONG_NAME,
    close_year,
    draft,
    make_key,
    make_service,
    seed_members,
    seed_pole,
    seed_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def test_service_crud(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    key = make_key(uow, "equal", name="Égal")
    services = SharedServiceService(uow)
    service_id = services.create_service(
        ServiceDraft(
            name="  Informatique « partagée » & <co>  ",
            vat_regime="taxable",
            vat_rate_bp=2000,
            key_id=key,
            carrier_member_id=world.members[2],
            category="Numérique",
            description="Serveur, licences, l'€",
            active_from=D(2025, 1, 1),
            active_to=D(2027, 12, 31),
        )
    )
    view = services.get_service(service_id)
    assert view.name == "Informatique « partagée » & <co>"
    assert (view.vat_regime, view.vat_rate_bp, view.key_name) == (VatRegime.TAXABLE, 2000, "Égal")
    assert view.carrier_name == LONG_NAME
    services.update_service(service_id, ServiceDraft(name="Informatique", key_id=key))
    view = services.get_service(service_id)
    assert (view.vat_regime, view.vat_rate_bp, view.carrier_member_id) == (
        VatRegime.EXEMPT_261B,
        0,
        None,
    )
    services.delete_service(service_id)
    assert services.list_services(2025) == []


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"name": ""}, "required", "name"),
        ({"name": "x" * 201}, "too_long", "name"),
        ({"name": "Déjà là"}, "service_name_taken", "name"),
        ({"vat_regime": "taxable", "vat_rate_bp": 0}, "vat_rate_required", "vat_rate_bp"),
        ({"vat_regime": "taxable", "vat_rate_bp": 10_001}, "vat_rate_required", "vat_rate_bp"),
        ({"vat_rate_bp": 550}, "vat_rate_exempt", "vat_rate_bp"),
        ({"vat_regime": "mystère"}, "unknown_vat_regime", "vat_regime"),
        ({"key_id": 4242}, "not_found", None),
        ({"carrier_member_id": 4242}, "not_found", None),
        (
            {"active_from": D(2025, 2, 1), "active_to": D(2025, 1, 1)},
            "end_before_start",
            "active_to",
        ),
        ({"category": "c" * 61}, "too_long", "category"),
    ],
)
def test_service_validation_errors(
    uow: UnitOfWork, change: dict[str, object], code: str, field: str | None
) -> None:
    seed_world(uow)
    services = SharedServiceService(uow)
    services.create_service(ServiceDraft(name="Déjà là"))
    bad = dataclasses.replace(ServiceDraft(name="Nouveau"), **change)  # type: ignore[arg-type]
    with pytest.raises(PtceError) as caught:
        services.create_service(bad)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert caught.value.message("fr")


def test_service_with_costs_cannot_be_deleted(uow: UnitOfWork) -> None:
    seed_world(uow)
    service = make_service(uow, make_key(uow, "equal", name="Égal"))
    CostService(uow).create_cost(draft(service, 100))
    with pytest.raises(PtceError) as caught:
        SharedServiceService(uow).delete_service(service)
    assert caught.value.code == "service_has_costs"


def test_budgets_and_totals(uow: UnitOfWork) -> None:
    seed_world(uow)
    key = make_key(uow, "equal", name="Égal")
    locaux = make_service(uow, key, name="Locaux")
    it = make_service(uow, key, name="Informatique", taxable=True)
    services = SharedServiceService(uow)
    services.set_budget(locaux, 2025, 1_200_000)
    services.set_budget(locaux, 2025, 1_300_000)
    services.set_budget(locaux, 2026, 1_000)
    costs = CostService(uow)
    costs.create_cost(draft(locaux, 100_000))
    costs.create_cost(draft(locaux, 50_000, 10_000))
    costs.create_cost(draft(it, 30_000, 6_000))
    costs.create_cost(
        draft(locaux, 7, start=D(2026, 1, 1), end=D(2026, 1, 31), invoice=D(2026, 1, 5))
    )
    totals = {t.name: t for t in services.list_services(2025)}
    assert (totals["Locaux"].cost_count, totals["Locaux"].ht_cents, totals["Locaux"].vat_cents) == (
        2,
        150_000,
        10_000,
    )
    assert (totals["Locaux"].ttc_cents, totals["Locaux"].shared_cents) == (160_000, 160_000)
    assert totals["Locaux"].budget_cents == 1_300_000
    assert (totals["Informatique"].ttc_cents, totals["Informatique"].shared_cents) == (
        36_000,
        30_000,
    )
    assert totals["Informatique"].budget_cents is None
    assert services.get_service(locaux).budgets == ((2025, 1_300_000), (2026, 1_000))
    services.remove_budget(locaux, 2026)
    assert services.get_service(locaux).budgets == ((2025, 1_300_000),)
    with pytest.raises(PtceError) as caught:
        services.remove_budget(locaux, 2026)
    assert caught.value.code == "not_found"
    with pytest.raises(PtceError) as caught:
        services.set_budget(locaux, 2025, -1)
    assert (caught.value.code, caught.value.field) == ("negative_amount", "amount_cents")
    with pytest.raises(PtceError) as caught:
        services.set_budget(locaux, 2025, 10**12)
    assert (caught.value.code, caught.value.field) == ("amount_out_of_bounds", "amount_cents")


def test_service_users(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 4)
    key = make_key(uow, "units", {members[0]: 3_000, members[1]: 1_000, members[2]: 0})
    service = make_service(uow, key)
    other_key = make_key(uow, "units", {members[3]: 1_000}, name="Autre")
    services = SharedServiceService(uow)
    users = services.service_users(service, 2025)
    assert [(u.member_id, u.weight) for u in sorted(users, key=lambda u: u.member_id)] == [
        (members[0], Fraction(3, 4)),
        (members[1], Fraction(1, 4)),
    ]
    # A member with shares that year is a user too, even without weight on the first day.
    services.update_service(service, ServiceDraft(name="Locaux", key_id=other_key))
    CostService(uow).create_cost(draft(service, 500))
    users = {u.member_id: u for u in services.service_users(service, 2025)}
    assert set(users) == {members[3]}
    assert users[members[3]].shares_cents == 500


def test_changing_the_key_recomputes_open_year_costs(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    equal = make_key(uow, "equal", name="Égal", valid_from=D(2024, 1, 1))
    first_only = make_key(
        uow, "units", {world.members[0]: 1}, name="Premier", valid_from=D(2024, 1, 1)
    )
    service = make_service(uow, equal, name="Locaux")
    costs = CostService(uow)
    old = costs.create_cost(
        draft(service, 300, invoice=D(2024, 3, 1), start=D(2024, 1, 1), end=D(2024, 12, 31))
    )
    new = costs.create_cost(draft(service, 300))
    other = make_service(uow, equal, name="Atelier « neuf » & <co>")
    newer = costs.create_cost(draft(other, 300))
    close_year(uow, 2024)
    # The service has costs in the closed year: its key is frozen with it (issue 12).
    with pytest.raises(PtceError) as caught:
        SharedServiceService(uow).update_service(
            service, ServiceDraft(name="Locaux", key_id=first_only)
        )
    assert caught.value.code == "closed_year_service_key"
    assert "2024" in caught.value.message("fr") and "Locaux" in caught.value.message("fr")
    assert len(costs.get_cost(new).shares) == 3
    # A service without closed-year data can change its key: its open costs follow.
    recomputed = SharedServiceService(uow).update_service(
        other, ServiceDraft(name="Atelier « neuf » & <co>", key_id=first_only)
    )
    assert recomputed == 1
    assert [s.cents for s in costs.get_cost(newer).shares] == [300]
    assert len(costs.get_cost(old).shares) == 3


def test_all_views_at_once_equal_the_single_views(uow: UnitOfWork) -> None:
    seed_world(uow)
    key = make_key(uow, "equal", name="Égal & <co>")
    locaux = make_service(uow, key, name="Locaux « l'Éclair »")
    it = make_service(uow, None, name="Informatique", taxable=True)
    services = SharedServiceService(uow)
    services.set_budget(locaux, 2025, 1_200_000)
    services.set_budget(locaux, 2026, 1_000)
    views = services.service_views()
    assert set(views) == {locaux, it}
    assert views[locaux] == services.get_service(locaux)
    assert views[it] == services.get_service(it)
    assert views[locaux].budgets == ((2025, 1_200_000), (2026, 1_000))
