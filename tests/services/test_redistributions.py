"""Redistributions: reste à reverser from the plan, by hand and by the plan, exact to the cent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.factories.grants import close_year, euros, instalment, make_grant, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.plan import PlanLine, apply_plan
from ptce_desktop.store.models import AuditEntry


def _error(call: Any, *args: Any, **kwargs: Any) -> PtceError:
    with pytest.raises(PtceError) as caught:
        call(*args, **kwargs)
    return caught.value


def _remaining(world: Any, grant_id: int) -> dict[int, int]:
    return {
        m.member_id: m.remaining_cents for m in world.services.grants.grant_detail(grant_id).plan
    }


def test_staged_grant_with_plan_end_to_end(uow: Any) -> None:
    """30 000,00 € voted; plan 40 % / 35 % / 15 % + 10 % coordination."""
    world = seed_world(uow)
    grants, redistributions = world.services.grants, world.services.redistributions
    a, b, c = world.members
    grant_id = make_grant(world, amount_voted_cents=euros("30 000,00"), coordination_share_bp=1000)
    grants.set_plan(
        grant_id,
        [PlanLine(a, share_bp=4000), PlanLine(b, share_bp=3500), PlanLine(c, share_bp=1500)],
    )
    grants.add_instalment(grant_id, instalment(dt.date(2025, 4, 15), "12 000,00", "Avance 40 %"))
    detail = grants.grant_detail(grant_id)
    assert _remaining(world, grant_id) == {
        a: euros("4 800,00"),
        b: euros("4 200,00"),
        c: euros("1 800,00"),
    }
    assert detail.coordination_cents == euros("1 200,00")
    assert detail.remaining_cents == euros("10 800,00")
    assert detail.unplanned_cents == 0

    manual = redistributions.record_redistribution(
        grant_id, a, dt.date(2025, 5, 2), euros("2 000,00"), "Décision du copil du 30/04 & <co>"
    )
    assert manual.member_name == "Dupont & Fils <SARL>"
    assert _remaining(world, grant_id)[a] == euros("2 800,00")

    grants.add_instalment(grant_id, instalment(dt.date(2025, 11, 20), "18 000,00", "Solde"))
    made = redistributions.redistribute_by_plan(grant_id, dt.date(2025, 12, 1))
    assert [(r.member_id, r.amount_cents) for r in made] == [
        (a, euros("10 000,00")),
        (b, euros("10 500,00")),
        (c, euros("4 500,00")),
    ]
    # the amount checks out on the page: 12 000,00 due − 2 000,00 already passed = 10 000,00
    assert made[0].basis == (
        "Plan de reversement : 40\u00a0% des 30\u00a0000,00\u00a0€ reçus, "
        "soit 12\u00a0000,00\u00a0€ ; déjà reversé 2\u00a0000,00\u00a0€"
    )
    assert made[1].basis == (
        "Plan de reversement : 35\u00a0% des 30\u00a0000,00\u00a0€ reçus, "
        "soit 10\u00a0500,00\u00a0€"
    )
    detail = grants.grant_detail(grant_id)
    assert [(m.due_cents, m.passed_cents, m.remaining_cents) for m in detail.plan] == [
        (euros("12 000,00"), euros("12 000,00"), 0),
        (euros("10 500,00"), euros("10 500,00"), 0),
        (euros("4 500,00"), euros("4 500,00"), 0),
    ]
    assert detail.received_cents == euros("30 000,00")
    assert detail.passed_cents == euros("27 000,00")
    assert detail.coordination_cents == euros("3 000,00")
    assert detail.remaining_cents == 0
    assert detail.passed_cents + detail.coordination_cents + detail.unplanned_cents == (
        detail.received_cents
    )
    assert len(detail.redistributions) == 4
    assert redistributions.redistribute_by_plan(grant_id, dt.date(2025, 12, 2)) == []
    with uow.read() as session:
        entries = session.query(AuditEntry).filter_by(action="Reverser selon le plan").count()
    assert entries == 3


def test_awkward_amount_stays_exact(uow: Any) -> None:
    """1 000,01 € over three equal shares: 33,33 % + 33,33 % + 33,34 %."""
    world = seed_world(uow)
    grants = world.services.grants
    a, b, c = world.members
    grant_id = make_grant(world, amount_voted_cents=euros("1 000,01"), coordination_share_bp=0)
    grants.set_plan(
        grant_id,
        [PlanLine(a, share_bp=3333), PlanLine(b, share_bp=3333), PlanLine(c, share_bp=3334)],
    )
    grants.add_instalment(grant_id, instalment(dt.date(2025, 4, 15), "1 000,01"))
    assert _remaining(world, grant_id) == {a: 33_330, b: 33_330, c: 33_341}
    made = world.services.redistributions.redistribute_by_plan(grant_id, dt.date(2025, 5, 1))
    assert sum(r.amount_cents for r in made) == 100_001
    # Truly equal thirds of 1 000,01 € (no coordination, 3 × 33,33 %): one cent stays unplanned
    # and the largest remainders take the leftovers, ties to the lower member id.
    other = make_grant(world, title="Tiers", amount_voted_cents=100_001, coordination_share_bp=1)
    grants.set_plan(other, [PlanLine(m, share_bp=3333) for m in (a, b, c)])
    grants.add_instalment(other, instalment(dt.date(2025, 4, 15), "1 000,01"))
    detail = grants.grant_detail(other)
    dues = [m.due_cents for m in detail.plan]
    assert dues == [33_331, 33_330, 33_330]
    assert sum(dues) + detail.coordination_cents + detail.unplanned_cents == 100_001


def test_fixed_amounts_are_paid_pro_rata_and_capped(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    a, b, _ = world.members
    grant_id = make_grant(world, amount_voted_cents=euros("10 000,00"), coordination_share_bp=500)
    grants.set_plan(
        grant_id, [PlanLine(a, amount_cents=euros("6 000,00")), PlanLine(b, share_bp=2000)]
    )
    grants.add_instalment(grant_id, instalment(dt.date(2025, 4, 15), "5 000,00"))
    detail = grants.grant_detail(grant_id)
    assert [m.due_cents for m in detail.plan] == [euros("3 000,00"), euros("1 000,00")]
    assert detail.coordination_cents == euros("250,00")
    assert detail.unplanned_cents == euros("750,00")
    made = world.services.redistributions.redistribute_by_plan(grant_id, dt.date(2025, 5, 1))
    assert made[0].basis == (
        "Plan de reversement : 6\u00a0000,00\u00a0€ sur 10\u00a0000,00\u00a0€ votés, "
        "au prorata des 5\u00a0000,00\u00a0€ reçus, soit 3\u00a0000,00\u00a0€"
    )
    # More than voted comes in: the fixed amount is capped, the excess stays with the pole.
    grants.add_instalment(grant_id, instalment(dt.date(2025, 9, 15), "6 000,00"))
    detail = grants.grant_detail(grant_id)
    assert detail.plan[0].due_cents == euros("6 000,00")
    assert detail.plan[1].due_cents == euros("2 200,00")
    assert sum(m.due_cents for m in detail.plan) + detail.coordination_cents + (
        detail.unplanned_cents
    ) == euros("11 000,00")


def test_over_redistribution_needs_force(uow: Any) -> None:
    world = seed_world(uow)
    grants, redistributions = world.services.grants, world.services.redistributions
    a, b, c = world.members
    grant_id = make_grant(world)
    grants.set_plan(grant_id, [PlanLine(a, share_bp=5000), PlanLine(b, share_bp=4000)])
    grants.add_instalment(grant_id, instalment(dt.date(2025, 4, 15), "1 000,00"))
    error = _error(
        redistributions.record_redistribution, grant_id, a, dt.date(2025, 5, 1), euros("500,01")
    )
    assert (error.code, error.field) == ("redistribution_exceeds", "amount_cents")
    assert error.message() == (
        "Reverser 500,01\u00a0€ à « Dupont & Fils <SARL> » dépasse son reste à reverser "
        "(500,00\u00a0€)."
    )
    assert "exceeds what remains due to it (€500.00)" in error.message("en")
    # A member outside the plan has nothing due.
    error = _error(redistributions.record_redistribution, grant_id, c, dt.date(2025, 5, 1), 1)
    assert error.values["remaining_fr"] == "0,00\u00a0€"
    forced = redistributions.record_redistribution(
        grant_id, c, dt.date(2025, 5, 1), 1_000, "Accord exceptionnel", force=True
    )
    detail = grants.grant_detail(grant_id)
    outsider = next(m for m in detail.plan if m.member_id == c)
    assert (outsider.share_bp, outsider.due_cents, outsider.remaining_cents) == (None, 0, -1_000)
    assert detail.remaining_cents == euros("900,00") - 1_000
    # Editing a redistribution measures it against the reste without itself.
    paid = redistributions.record_redistribution(grant_id, a, dt.date(2025, 5, 1), euros("400,00"))
    edited = redistributions.update_redistribution(paid.id, a, dt.date(2025, 5, 3), euros("500,00"))
    assert (edited.date, edited.amount_cents, edited.basis) == (dt.date(2025, 5, 3), 50_000, None)
    error = _error(
        redistributions.update_redistribution, paid.id, a, dt.date(2025, 5, 3), euros("500,01")
    )
    assert error.code == "redistribution_exceeds"
    redistributions.delete_redistribution(forced.id)
    assert [r.id for r in redistributions.list_redistributions(grant_id)] == [paid.id]
    assert redistributions.remaining_by_member(grant_id).remaining_cents == euros("400,00")


@pytest.mark.parametrize(
    ("amount", "member", "code", "text"),
    [
        (0, None, "grant_amount_not_positive", "Le montant « montant » doit être supérieur à 0."),
        (-5, None, "grant_amount_not_positive", "Le montant « montant » doit être supérieur à 0."),
        (1, 404, "not_found", "Membre introuvable (n° 404)."),
    ],
)
def test_invalid_redistributions(
    uow: Any, amount: int, member: int | None, code: str, text: str
) -> None:
    world = seed_world(uow)
    grant_id = make_grant(world)
    error = _error(
        world.services.redistributions.record_redistribution,
        grant_id,
        member or world.members[0],
        dt.date(2025, 5, 1),
        amount,
    )
    assert (error.code, error.message()) == (code, text)
    error = _error(
        world.services.redistributions.record_redistribution, 505, 1, dt.date(2025, 5, 1), 1
    )
    assert error.message() == "Subvention introuvable (n° 505)."


def test_closed_year_refuses_redistributions(uow: Any) -> None:
    world = seed_world(uow)
    grants, redistributions = world.services.grants, world.services.redistributions
    a = world.members[0]
    grant_id = make_grant(world)
    grants.set_plan(grant_id, [PlanLine(a, share_bp=9000)])
    grants.add_instalment(grant_id, instalment(dt.date(2024, 11, 1), "1 000,00"))
    old = redistributions.record_redistribution(grant_id, a, dt.date(2024, 12, 1), 10_000)
    close_year(uow, 2024)
    error = _error(redistributions.record_redistribution, grant_id, a, dt.date(2024, 12, 31), 100)
    assert (error.code, error.field) == ("closed_year", "date")
    assert error.message() == (
        "L'exercice 2024 est clôturé : impossible de modifier le reversement."
    )
    assert _error(redistributions.redistribute_by_plan, grant_id, dt.date(2024, 12, 31)).code == (
        "closed_year"
    )
    assert _error(redistributions.delete_redistribution, old.id).code == "closed_year"
    moved = _error(redistributions.update_redistribution, old.id, a, dt.date(2025, 1, 2), 100)
    assert moved.code == "closed_year"
    made = redistributions.redistribute_by_plan(grant_id, dt.date(2025, 1, 10))
    assert [r.amount_cents for r in made] == [80_000]


_lines = st.lists(
    st.tuples(st.booleans(), st.integers(min_value=0, max_value=3000), st.integers(0, 2_000_000)),
    max_size=6,
)


@given(
    received=st.integers(min_value=0, max_value=10_000_000_000),
    voted=st.one_of(st.none(), st.integers(min_value=1, max_value=10_000_000_000)),
    raw=_lines,
    coordination=st.integers(min_value=0, max_value=1000),
)
def test_apply_plan_always_sums_to_received(
    received: int, voted: int | None, raw: list[tuple[bool, int, int]], coordination: int
) -> None:
    lines = [
        PlanLine(index + 1, share_bp=share)
        if is_share
        else PlanLine(index + 1, amount_cents=amount)
        for index, (is_share, share, amount) in enumerate(raw)
    ]
    split = apply_plan(received, voted, lines, coordination)
    assert sum(split.due.values()) + split.coordination_cents + split.unplanned_cents == received
    assert all(value >= 0 for value in split.due.values())
    assert split.unplanned_cents >= 0 and split.coordination_cents >= 0
    for line in lines:
        if line.amount_cents is not None:
            assert split.due[line.member_id] <= line.amount_cents
