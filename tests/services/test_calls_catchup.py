"""Catch-up on a budget or key revised after quarters were called (DESIGN §4b, issue 11 item 1).

The next quarterly call carries, per member and service, « Régularisation budget révisé
(T1–T2) » = Σ over the quarters already called of (the quarter's share under the revised budget
or key − what was called for it); the true-up counts what catch-ups called.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from support.factories.calls import (
    fresh_uow,
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
)

from ptce_desktop.domain.billing import Billing, bill, quarters_text
from ptce_desktop.domain.split import allocate_cents, split_over_quarters
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.store.models import (
    KeyVersion,
    KeyVersionUnit,
    ServiceBudget,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
ISSUE, DUE = D(2025, 1, 5), D(2025, 1, 31)
CATCH_UP = "Régularisation budget révisé (T1–T2)"


def _issue(calls: CallService, quarter: int) -> list[CallView]:
    return calls.issue_provisional_calls(2025, quarter, issue_date=ISSUE, due_date=DUE)


def _set_budget(uow: UnitOfWork, service_id: int, cents: int) -> None:
    with uow.write("Réviser le budget") as session:
        row = session.scalars(
            select(ServiceBudget).where(
                ServiceBudget.service_id == service_id, ServiceBudget.year == 2025
            )
        ).one()
        row.amount_cents = cents


def _new_version(uow: UnitOfWork, key_id: int, units: dict[int, int], valid_from: dt.date) -> None:
    with uow.write("Réviser la clé") as session:
        session.add(
            KeyVersion(
                key_id=key_id,
                valid_from=valid_from,
                units=[KeyVersionUnit(member_id=m, units_milli=v * 1000) for m, v in units.items()],
            )
        )


def _lines(call: CallView, kind: str) -> list[tuple[int, int, str | None]]:
    return [
        (line.service_id, line.ht_cents, line.label) for line in call.lines if line.kind == kind
    ]


def _pole_of_four(uow: UnitOfWork) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
    """Four members, four services each with its own key: (members, [(key, service)])."""
    seed_pole(uow, iban="FR7630006000011234567890189")
    members = seed_members(uow, 4)
    setups = []
    for n, (units, budget, name) in enumerate(
        (
            ((40, 30, 20, 10), 10_000_000, "Locaux & accueil <RDC>"),
            ((1, 1, 1, 1), 2_000_000, "Comptabilité « mutualisée »"),
            ((5, 0, 3, 2), 1_000_004, "Véhicule partagé l'€"),
            ((10, 10, 0, 0), 400_000, "Informatique " + "é" * 150),
        )
    ):
        key_id = seed_units_key(
            uow, dict(zip(members, units, strict=True)), name=f"Clé n° {n} & <co>"
        )
        setups.append((key_id, seed_service(uow, key_id, {2025: budget}, name=name)))
    return members, setups


def test_a_q3_revision_gives_the_hand_computed_catch_up(uow: UnitOfWork) -> None:
    members, setups = _pole_of_four(uow)
    (_, premises), (accounting_key, accounting), (_, vehicle), (_, it) = setups
    calls = CallService(uow)
    _issue(calls, 1)
    _issue(calls, 2)
    # June: the members' meeting raises the premises' budget from 100 000 € to 120 000 €, and
    # the accounting key becomes 1/1/1/3 from 1 January (retroactive).
    _set_budget(uow, premises, 12_000_000)
    _new_version(uow, accounting_key, dict(zip(members, (1, 1, 1, 3), strict=True)), D(2025, 1, 1))
    q3 = _issue(calls, 3)
    by_member = {call.member_id: call for call in q3}
    # premises: a quarter is 3 000 000 now, 2 500 000 was called: 40/30/20/10 of 500 000 a
    # quarter, twice.
    # accounting: 500 000 a quarter, called 125 000 each; due now 83 333,33 ×3 and 250 000:
    # floors 83 333 ×3 + 250 000 = 499 999, the leftover cent to the lowest id on equal
    # remainders → 83 334, 83 333, 83 333, 250 000; differences −41 666, −41 667, −41 667,
    # +125 000 a quarter, twice.
    expected = {
        members[0]: [(accounting, -83_332, CATCH_UP), (premises, 400_000, CATCH_UP)],
        members[1]: [(accounting, -83_334, CATCH_UP), (premises, 300_000, CATCH_UP)],
        members[2]: [(accounting, -83_334, CATCH_UP), (premises, 200_000, CATCH_UP)],
        members[3]: [(accounting, 250_000, CATCH_UP), (premises, 100_000, CATCH_UP)],
    }
    got = {m: sorted(_lines(by_member[m], "catch_up"), key=lambda x: x[0]) for m in members}
    assert got == {m: sorted(rows, key=lambda x: x[0]) for m, rows in expected.items()}
    # the two untouched services carry no catch-up
    assert all(
        line.service_id not in (vehicle, it)
        for c in q3
        for line in c.lines
        if line.kind == "catch_up"
    )
    # the quarter's own lines are on the revised budget and key
    premises_q3 = {
        c.member_id: sum(x[1] for x in _lines(c, "quarter") if x[0] == premises) for c in q3
    }
    assert premises_q3 == dict(zip(members, (1_200_000, 900_000, 600_000, 300_000), strict=True))
    # the line explains itself: per quarter, called / due / difference
    line = next(
        x for x in by_member[members[0]].lines if x.kind == "catch_up" and x.service_id == premises
    )
    assert line.text.endswith("— Régularisation budget révisé (T1–T2)")
    why = explain_call_line(uow, by_member[members[0]].id, premises, line_id=line.line_id)
    assert why.is_catch_up and why.matches_stored
    assert [(q.quarter, q.called_cents, q.due_cents, q.difference_cents) for q in why.catch_up] == [
        (1, 1_000_000, 1_200_000, 200_000),
        (2, 1_000_000, 1_200_000, 200_000),
    ]
    # Q4: nothing left to catch up
    q4 = _issue(calls, 4)
    assert not any(line.kind == "catch_up" for c in q4 for line in c.lines)


def test_the_true_up_counts_the_catch_ups(uow: UnitOfWork) -> None:
    members, setups = _pole_of_four(uow)
    premises = setups[0][1]
    calls = CallService(uow)
    _issue(calls, 1)
    _set_budget(uow, premises, 12_000_000)
    _issue(calls, 2)
    _issue(calls, 3)
    _issue(calls, 4)
    # actual costs equal the revised budget: the true-up has nothing for the premises
    seed_cost(
        uow,
        premises,
        12_000_000,
        dict(zip(members, (40, 30, 20, 10), strict=True)),
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
    )
    plan = calls.preview_true_up(2025)
    assert not any(line.service_id == premises for c in plan.calls for line in c.lines)
    assert plan.notices == ()


def test_a_lowered_budget_is_a_credit_and_may_make_the_call_negative(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 2)
    key_id = seed_units_key(uow, dict(zip(members, (1, 1), strict=True)))
    service_id = seed_service(uow, key_id, {2025: 800_000})
    calls = CallService(uow)
    _issue(calls, 1)
    _issue(calls, 2)
    _set_budget(uow, service_id, 0)
    q3 = _issue(calls, 3)
    assert [c.total_cents for c in q3] == [-200_000, -200_000]
    assert all(_lines(c, "quarter") == [] for c in q3)


def test_a_revision_after_q4_is_left_to_the_true_up_and_said(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 2)
    key_id = seed_units_key(uow, dict(zip(members, (1, 1), strict=True)))
    service_id = seed_service(uow, key_id, {2025: 800_000}, name="Locaux & <co> l'€")
    calls = CallService(uow)
    for quarter in (1, 2, 3, 4):
        _issue(calls, quarter)
    _set_budget(uow, service_id, 900_000)
    plan = calls.preview_true_up(2025)
    assert [n.code for n in plan.notices] == ["revision_after_q4"]
    text = plan.notices[0].message("fr")
    assert "Locaux & <co> l'€" in text and "régularisation de fin d'exercice" in text


def test_quarters_text() -> None:
    assert quarters_text([1, 2]) == "T1–T2"
    assert quarters_text([1, 2, 3]) == "T1–T3"
    assert quarters_text([1, 3]) == "T1, T3"
    assert quarters_text([2]) == "T2"


@pytest.mark.parametrize("quarter", [2, 3, 4])
def test_no_revision_no_catch_up(uow: UnitOfWork, quarter: int) -> None:
    _pole_of_four(uow)
    calls = CallService(uow)
    for q in range(1, quarter + 1):
        issued = _issue(calls, q)
    assert not any(line.kind == "catch_up" for c in issued for line in c.lines)


# --- the property ----------------------------------------------------------------------------


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(st.integers(0, 300), min_size=2, max_size=4).filter(any),
    new_weights=st.lists(st.integers(0, 300), min_size=4, max_size=4),
    budgets=st.lists(st.integers(0, 5_000_000), min_size=4, max_size=4),
    revised_before=st.lists(st.integers(1, 4), min_size=3, max_size=3),
    coefficient=st.one_of(st.none(), st.integers(5_000, 30_000)),
    fee=st.one_of(st.none(), st.integers(0, 2_000)),
    costs=st.lists(st.integers(-50_000, 2_000_000), min_size=0, max_size=3),
)
def test_calls_so_far_equal_what_the_called_quarters_are_due_today(
    _template_db: Path,
    weights: list[int],
    new_weights: list[int],
    budgets: list[int],
    revised_before: list[int],
    coefficient: int | None,
    fee: int | None,
    costs: list[int],
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow, vat_registered=True)
        members = seed_members(uow, len(weights))
        key_id = seed_units_key(uow, dict(zip(members, weights, strict=True)))
        service_id = seed_service(
            uow, key_id, {2025: budgets[0]}, vat_regime="taxable", vat_rate_bp=2000
        )
        SharedServiceService(uow).set_billing_term(service_id, None, Billing(coefficient, fee))
        calls = CallService(uow)
        issued: list[CallView] = []
        revisions = sorted(revised_before)
        weights_now = list(weights)
        for quarter in (1, 2, 3, 4):
            for n, before in enumerate(revisions):
                if before == quarter:
                    _set_budget(uow, service_id, budgets[n + 1])
                    if n == 1 and any(new_weights[: len(members)]):
                        weights_now = new_weights[: len(members)]
                        _new_version(
                            uow, key_id, dict(zip(members, weights_now, strict=True)), D(2025, 1, 1)
                        )
            issued += _issue(calls, quarter)
            # every call adds up, and what was called so far is what Q1..quarter are due now
            with uow.read() as session:
                budget = session.scalar(select(ServiceBudget.amount_cents))
            plan_due: dict[int, int] = defaultdict(int)
            billed = bill(budget, Billing(coefficient, fee))
            # a quarter counts as called when it gave at least one call (a quarter where nobody
            # owed anything leaves no call: the true-up settles what it would have caught up)
            called_quarters = {c.quarter for c in issued} | {quarter}
            for q in sorted(q for q in called_quarters if q is not None and q <= quarter):
                for part in (billed.base_cents, billed.surcharge_cents, billed.fee_cents):
                    amount = split_over_quarters(part)[q - 1]
                    if amount and any(weights_now):
                        for m, cents in allocate_cents(
                            amount, dict(zip(members, weights_now, strict=True))
                        ).items():
                            plan_due[m] += cents
            so_far: dict[int, int] = defaultdict(int)
            for call in issued:
                assert call.total_cents == sum(line.ttc_cents for line in call.lines)
                for line in call.lines:
                    so_far[call.member_id] += line.ht_cents
            assert {m: so_far[m] for m in members} == {m: plan_due[m] for m in members}
        for n, amount in enumerate(costs):
            seed_cost(
                uow,
                service_id,
                amount,
                dict(zip(members, weights_now, strict=True)),
                start=D(2025, 1 + n, 1),
                end=D(2025, 1 + n, 28),
            )
        issued += calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
        called: dict[int, int] = defaultdict(int)
        for call in issued:
            for line in call.lines:
                called[call.member_id] += line.ht_cents
        actual: dict[int, int] = defaultdict(int)
        for amount in costs:
            shares = allocate_cents(amount, dict(zip(members, weights_now, strict=True)))
            billed = bill(amount, Billing(coefficient, fee))
            for m, cents in shares.items():
                actual[m] += cents
            for part in (billed.surcharge_cents, billed.fee_cents):
                if part:
                    for m, cents in allocate_cents(
                        part, {m: abs(c) for m, c in shares.items()}
                    ).items():
                        actual[m] += cents
        assert {m: called[m] for m in members} == {m: actual[m] for m in members}
