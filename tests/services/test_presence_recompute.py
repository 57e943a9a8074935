"""Open-year shares follow a member's presence dates and the pole's VAT registration."""

from __future__ import annotations

import datetime as dt

from support.factories.costs import close_year, draft, make_key, make_service, seed_world

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork


def _shares(costs: CostService, cost_id: int) -> dict[int, int]:
    return {share.member_id: share.cents for share in costs.get_cost(cost_id).shares}


def test_archiving_a_member_recomputes_open_costs_only(uow: UnitOfWork) -> None:
    a, b, c = seed_world(uow).members
    key = make_key(uow, "equal", name="Parts égales", valid_from=dt.date(2024, 1, 1))
    service = make_service(uow, key)
    costs = CostService(uow)
    old = costs.create_cost(
        draft(
            service,
            300_00,
            start=dt.date(2024, 1, 1),
            end=dt.date(2024, 12, 31),
            invoice=dt.date(2024, 12, 31),
        )
    )
    new = costs.create_cost(draft(service, 1_000_00))  # all of 2025
    close_year(uow, 2024)
    assert _shares(costs, new) == {a: 333_34, b: 333_33, c: 333_33}

    MemberService(uow).archive(c, dt.date(2025, 6, 30))  # present 181 days of 365

    shares = _shares(costs, new)
    assert sum(shares.values()) == 1_000_00
    assert shares[c] < shares[a] and shares[c] == round(1_000_00 * 181 / (365 + 365 + 181))
    assert _shares(costs, old) == {a: 100_00, b: 100_00, c: 100_00}  # closed: untouched


def test_changing_the_vat_registration_switches_the_split_basis(uow: UnitOfWork) -> None:
    a, b, c = seed_world(uow, vat_registered=True).members
    service = make_service(uow, make_key(uow, "equal", name="Égal"), taxable=True)
    costs = CostService(uow)
    cost = costs.create_cost(draft(service, 900_00, 180_00))
    assert sum(_shares(costs, cost).values()) == 900_00  # HT

    poles = PoleService(uow)
    pole = poles.get()
    assert pole is not None
    poles.update(pole.to_draft().__class__(**{**pole.to_draft().__dict__, "vat_registered": False}))

    assert _shares(costs, cost) == {a: 360_00, b: 360_00, c: 360_00}  # TTC 1 080,00 €
