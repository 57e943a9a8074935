"""Debts and balances aggregated by the database equal the same figures computed in Python.

``PaymentService.outstanding_by_member`` and ``balances`` sum each call of the year once in
SQL, then group by member. Here the same figures are computed the plain way — every call, call
line, match and payment read as rows and added up in Python, as the module's docstring defines
them — over a year with partial payments, credits, a refund of a true-up credit note, a late
payment dated in the next year and a member with a payment but no call.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import select
from support.factories.calls import seed_cost, standard_world

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import MemberBalance, MemberDebt, PaymentService
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.store.models import Call, CallLine, Member, Payment, PaymentMatch
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
OUTSIDER = "Régie « Œuvres & Cœurs » <Drôme> — l'€ " + "ü" * 150


def python_figures(uow: UnitOfWork, year: int, on: dt.date) -> tuple[list[Any], list[Any]]:
    """(debts, balances) of ``year`` computed in Python from plain rows."""
    with uow.read() as session:
        period = fiscal_year(session, year)
        names = {m: n for m, n in session.execute(select(Member.id, Member.name))}
        calls = session.execute(
            select(Call.id, Call.member_id, Call.due_date).where(Call.year == year)
        ).all()
        ttc: dict[int, int] = defaultdict(int)
        lines: set[int] = set()
        for call_id, cents in session.execute(select(CallLine.call_id, CallLine.ttc_cents)):
            ttc[call_id] += cents
            lines.add(call_id)
        paid: dict[int, int] = defaultdict(int)
        matched: dict[int, int] = defaultdict(int)
        for payment_id, call_id, cents in session.execute(
            select(PaymentMatch.payment_id, PaymentMatch.call_id, PaymentMatch.amount_cents)
        ):
            paid[call_id] += cents
            matched[payment_id] += cents
        payments = session.execute(
            select(Payment.id, Payment.member_id, Payment.amount_cents, Payment.date)
        ).all()
    called_by: dict[int, int] = defaultdict(int)
    paid_by: dict[int, int] = defaultdict(int)
    owed_by: dict[int, int] = defaultdict(int)
    oldest_by: dict[int, dt.date] = {}
    counted: set[int] = set()
    for call_id, member, due in calls:
        called_by[member] += ttc[call_id]
        paid_by[member] += paid[call_id]
        if call_id in lines or call_id in paid:
            counted.add(member)
        outstanding = ttc[call_id] - paid[call_id]
        owed_by[member] += outstanding
        if outstanding > 0:
            oldest_by[member] = min(due, oldest_by.get(member, due))
    unapplied_by: dict[int, int] = defaultdict(int)
    for payment_id, member, cents, day in payments:
        if period.start <= day <= period.end:
            unapplied_by[member] += cents - matched[payment_id]
            counted.add(member)
    debts = [
        MemberDebt(
            member,
            names[member],
            cents,
            oldest_by[member],
            max(0, (on - oldest_by[member]).days),
        )
        for member, cents in owed_by.items()
        if cents > 0
    ]
    debts.sort(key=lambda d: (-d.outstanding_cents, d.name, d.member_id))
    balances = [
        MemberBalance(
            member,
            names[member],
            called_by[member],
            paid_by[member],
            called_by[member] - paid_by[member],
            unapplied_by[member],
        )
        for member in counted
    ]
    balances.sort(key=lambda b: (b.name, b.member_id))
    return debts, balances


@pytest.fixture
def payments(uow: UnitOfWork) -> PaymentService:
    members, _key, service_id = standard_world(uow)
    a, b, c = members
    calls = CallService(uow)
    service = PaymentService(uow)
    for quarter, issued in ((1, D(2025, 1, 5)), (2, D(2025, 4, 5)), (3, D(2025, 7, 5))):
        calls.issue_provisional_calls(
            2025, quarter, issue_date=issued, due_date=issued + dt.timedelta(days=26)
        )
    calls.issue_provisional_calls(2025, 4, issue_date=D(2025, 10, 1), due_date=D(2025, 10, 31))
    seed_cost(
        uow, service_id, 1_000_000, {a: 120, b: 80, c: 50}, start=D(2025, 1, 1), end=D(2025, 12, 31)
    )
    calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
    with uow.write("Créer un membre") as session:
        outsider = Member(name=OUTSIDER, category="other")
        session.add(outsider)
        session.flush()
        outsider_id = outsider.id

    def pay(member: int, cents: int, day: dt.date, **kwargs: object) -> None:
        service.record_payment(
            member,
            day,
            cents,
            "virement",
            "VIR « 7 » & <co>",
            "Reçu l'€",
            **kwargs,  # type: ignore[arg-type]
        )

    pay(a, 200_000, D(2025, 2, 10))  # Q1 and part of Q2
    pay(a, 400_000, D(2025, 11, 2))  # the rest and a credit
    pay(a, -96_000, D(2026, 2, 1))  # the refund of the true-up's credit note
    pay(b, 12_345, D(2025, 3, 3))  # a part of Q1
    pay(b, 50_000, D(2026, 3, 1))  # late: a 2025 call settled by a 2026 payment
    pay(c, 7_777, D(2025, 6, 6), matches={})  # a credit left unmatched
    pay(outsider_id, 4_200, D(2025, 9, 9))  # no call at all: all of it a credit
    return service


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("on", [D(2025, 1, 1), D(2025, 8, 15), D(2026, 6, 30)])
def test_sql_aggregates_equal_the_python_computation(
    payments: PaymentService, uow: UnitOfWork, year: int, on: dt.date
) -> None:
    debts, balances = python_figures(uow, year, on)
    assert payments.outstanding_by_member(year, on=on) == debts
    assert payments.balances(year) == balances
    if year == 2025:  # the scenario gives figures to compare, not empty lists
        assert len(debts) >= 2 and len(balances) == 4
        assert any(b.name == OUTSIDER and b.unapplied_cents == 4_200 for b in balances)
        assert any(b.paid_cents < 0 or b.unapplied_cents > 0 for b in balances)
