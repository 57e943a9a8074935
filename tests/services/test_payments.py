"""Payments: oldest-first and user matching, edits, refunds, balances, closed years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from support.factories.calls import seed_cost, set_closed, standard_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.payments import MemberBalance, MemberDebt, PaymentService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
NB = "\xa0"  # the group separator and the space before € in French amounts


class World:
    def __init__(self, uow: UnitOfWork) -> None:
        self.members, _, self.service_id = standard_world(uow)
        self.calls = CallService(uow)
        self.payments = PaymentService(uow)
        q1 = self.calls.issue_provisional_calls(
            2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
        )
        q2 = self.calls.issue_provisional_calls(
            2025, 2, issue_date=D(2025, 4, 5), due_date=D(2025, 4, 30)
        )
        # members[i] -> (its Q1 call, its Q2 call); totals 1 440 / 960 / 600 €
        self.by_member = {m: (q1[i], q2[i]) for i, m in enumerate(self.members)}

    def pay(self, member: int, cents: int, **kwargs: Any) -> Any:
        day = kwargs.pop("date", D(2025, 5, 2))
        return self.payments.record_payment(
            member, day, cents, "virement", "VIR-42 & <co>", "Reçu l'€", **kwargs
        )

    def call(self, member: int, quarter: int) -> CallView:
        return self.calls.call_detail(self.by_member[member][quarter - 1].id)


@pytest.fixture
def world(uow: UnitOfWork) -> World:
    return World(uow)


def _error(action: Callable[[], object]) -> PtceError:
    with pytest.raises(PtceError) as excinfo:
        action()
    return excinfo.value


def test_default_matching_settles_the_oldest_call_first(world: World) -> None:
    a = world.members[0]
    q1, q2 = world.by_member[a]
    paid = world.pay(a, 200_000)
    assert paid.matches_by_call() == {q1.id: 144_000, q2.id: 56_000}
    assert [m.call_number for m in paid.matches] == [q1.number, q2.number]
    assert (paid.matched_cents, paid.unmatched_cents) == (200_000, 0)
    assert world.call(a, 1).outstanding_cents == 0
    assert (world.call(a, 2).paid_cents, world.call(a, 2).outstanding_cents) == (56_000, 88_000)
    assert paid.reference == "VIR-42 & <co>" and paid.note == "Reçu l'€"


def test_a_surplus_stays_unmatched_as_a_credit(world: World) -> None:
    a = world.members[0]
    paid = world.pay(a, 300_000)
    assert (paid.matched_cents, paid.unmatched_cents) == (288_000, 12_000)
    again = world.pay(a, 5_000)
    assert again.matches == () and again.unmatched_cents == 5_000


def test_the_user_chooses_the_calls(world: World) -> None:
    a = world.members[0]
    q1, q2 = world.by_member[a]
    paid = world.pay(a, 100_000, matches={q2.id: 40_000, q1.id: 0})
    assert paid.matches_by_call() == {q2.id: 40_000}
    assert paid.unmatched_cents == 60_000
    assert world.pay(a, 1_000, matches={}).matches == ()


def test_over_matching_is_refused(world: World) -> None:
    a, b = world.members[:2]
    q1, q2 = world.by_member[a]
    error = _error(lambda: world.pay(a, 200_000, matches={q1.id: 150_000}))
    assert (error.code, error.field) == ("match_exceeds_call", "matches")
    assert error.message() == (
        f"Le montant affecté à l'appel AF-2025-0001 (1{NB}500,00{NB}€) dépasse son reste à "
        f"payer (1{NB}440,00{NB}€)."
    )
    error = _error(lambda: world.pay(a, 1_000, matches={q1.id: 800, q2.id: 800}))
    assert error.message() == (
        f"Les montants affectés aux appels (16,00{NB}€) dépassent le montant du règlement "
        f"(10,00{NB}€)."
    )
    other = world.by_member[b][0]
    error = _error(lambda: world.pay(a, 1_000, matches={other.id: 500}))
    assert error.message() == f"L'appel de fonds {other.number} concerne un autre membre."
    error = _error(lambda: world.pay(a, 1_000, matches={q1.id: -500}))
    assert error.message() == (
        f"Le montant affecté à l'appel AF-2025-0001 (-5,00{NB}€) doit être non nul et du même "
        "signe que le règlement."
    )
    error = _error(lambda: world.pay(a, 1_000, matches={999: 500}))
    assert error.message() == "Appel de fonds introuvable (n° 999)."
    world.pay(a, 100_000, matches={q1.id: 100_000})
    error = _error(lambda: world.pay(a, 50_000, matches={q1.id: 50_000}))
    assert error.code == "match_exceeds_call"
    assert len(world.payments.list_payments(2025)) == 1


def test_invalid_payments_are_refused(world: World) -> None:
    a = world.members[0]
    cases: list[tuple[Callable[[], object], str | None, str]] = [
        (lambda: world.pay(a, 0), "amount_cents", "Le montant du règlement ne peut pas être nul."),
        (
            lambda: world.pay(a, 10**11),
            "amount_cents",
            f"Le montant du règlement (1{NB}000{NB}000{NB}000,00{NB}€) dépasse les limites "
            "autorisées.",
        ),
        (
            lambda: world.payments.record_payment(a, D(2025, 5, 2), 100, "troc", None, None),
            "method",
            "Mode de règlement inconnu : « troc ».",
        ),
        (
            lambda: world.payments.record_payment(a, D(2025, 5, 2), 100, "cheque", "x" * 101, None),
            "reference",
            "Le champ « Référence » dépasse 100 caractères.",
        ),
        (lambda: world.pay(999, 100), None, "Membre introuvable (n° 999)."),
    ]
    for action, field, text in cases:
        error = _error(action)
        assert (error.field, error.message()) == (field, text)
    assert world.payments.list_payments() == []


def test_editing_a_payment_matches_it_again(world: World) -> None:
    a, b = world.members[:2]
    q1, q2 = world.by_member[a]
    paid = world.pay(a, 200_000)
    smaller = world.payments.update_payment(
        paid.id, a, D(2025, 5, 3), 100_000, "cheque", None, "  "
    )
    assert smaller.matches_by_call() == {q1.id: 100_000}
    assert (smaller.method, smaller.reference, smaller.note) == ("cheque", None, None)
    assert world.call(a, 2).paid_cents == 0
    chosen = world.payments.update_payment(
        paid.id, a, D(2025, 5, 3), 100_000, "cheque", None, None, matches={q2.id: 100_000}
    )
    assert chosen.matches_by_call() == {q2.id: 100_000}
    assert world.call(a, 1).paid_cents == 0
    moved = world.payments.update_payment(paid.id, b, D(2025, 5, 3), 10_000, "cheque", None, None)
    assert moved.member_id == b and moved.matches_by_call() == {world.by_member[b][0].id: 10_000}
    assert world.call(a, 2).paid_cents == 0
    assert world.payments.get_payment(paid.id) == moved


def test_deleting_a_payment_frees_its_calls(world: World) -> None:
    a = world.members[0]
    paid = world.pay(a, 200_000)
    world.payments.delete_payment(paid.id)
    assert world.call(a, 1).outstanding_cents == 144_000
    assert world.payments.list_payments() == []
    error = _error(lambda: world.payments.delete_payment(paid.id))
    assert error.message() == "Règlement introuvable (n° 1)."


def test_a_refund_settles_a_true_up_credit_note(world: World, uow: UnitOfWork) -> None:
    a, b, c = world.members
    for quarter in (3, 4):
        world.calls.issue_provisional_calls(
            2025, quarter, issue_date=D(2025, 7, 1), due_date=D(2025, 7, 31)
        )
    weights = {a: 120, b: 80, c: 50}
    seed_cost(uow, world.service_id, 1_000_000, weights, start=D(2025, 1, 1), end=D(2025, 12, 31))
    true_ups = world.calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
    credit = true_ups[0]
    assert credit.total_cents == -96_000
    world.pay(a, 576_000)  # the four quarters
    refund = world.pay(a, -96_000, date=D(2026, 2, 1))
    assert refund.matches_by_call() == {credit.id: -96_000}
    assert world.calls.call_detail(credit.id).outstanding_cents == 0
    balance = next(x for x in world.payments.balances(2025) if x.member_id == a)
    assert (balance.called_cents, balance.paid_cents, balance.outstanding_cents) == (
        480_000,
        480_000,
        0,
    )


def test_balances_and_who_owes(world: World) -> None:
    a, b, c = world.members
    world.pay(a, 200_000)
    world.pay(c, 130_000)
    world.pay(b, 5_000, date=D(2026, 1, 10), matches={})  # next year's credit
    assert world.payments.balances(2025) == [
        MemberBalance(a, "Atelier Dupont & Fils <SARL>", 288_000, 200_000, 88_000, 0),
        MemberBalance(b, "Bureau L'Épicerie solidaire — 1 234,56 €", 192_000, 0, 192_000, 0),
        MemberBalance(c, world.call(c, 1).member_name, 120_000, 120_000, 0, 10_000),
    ]
    assert [x.member_id for x in world.payments.balances(2026)] == [b]
    assert world.payments.outstanding_by_member(2025, on=D(2025, 5, 10)) == [
        MemberDebt(b, "Bureau L'Épicerie solidaire — 1 234,56 €", 192_000, D(2025, 1, 31), 99),
        MemberDebt(a, "Atelier Dupont & Fils <SARL>", 88_000, D(2025, 4, 30), 10),
    ]
    early = world.payments.outstanding_by_member(2025, on=D(2025, 1, 1))
    assert [debt.days_late for debt in early] == [0, 0]
    assert world.payments.outstanding_by_member(2024, on=D(2025, 1, 1)) == []


def test_statement_of_a_member(world: World) -> None:
    a = world.members[0]
    world.pay(a, 200_000)
    world.pay(a, 90_000, date=D(2026, 1, 20))  # settles the rest of Q2 2025, 2 000 € left over
    world.pay(a, 7_000, date=D(2024, 12, 20), matches={})  # another year: not listed
    statement = world.calls.statement(a, 2025)
    assert [c.period_label for c in statement.calls] == ["T1 2025", "T2 2025"]
    assert [p.amount_cents for p in statement.payments] == [200_000, 90_000]
    assert (statement.called_cents, statement.paid_cents) == (288_000, 288_000)
    assert (statement.unapplied_cents, statement.balance_cents) == (0, 0)
    assert statement.pole_iban == "FR7630006000011234567890189"
    assert statement.pole_name == "Pôle Sud & Drôme <test> — l'€"
    assert statement.member_address == "1 rue de l'Église & <annexe>"
    assert world.calls.statement(a, 2026).unapplied_cents == 2_000
    assert world.calls.statement(a, 2026).balance_cents == -2_000


def test_a_closed_year_freezes_payments(world: World, uow: UnitOfWork) -> None:
    a = world.members[0]
    q1 = world.by_member[a][0]
    paid = world.pay(a, 10_000)
    set_closed(uow, 2025)
    error = _error(lambda: world.pay(a, 10_000, date=D(2025, 12, 31)))
    assert error.code == "closed_year"
    assert error.message().startswith(
        "L'exercice 2025 est clôturé : impossible de modifier le règlement"
    )
    assert _error(lambda: world.payments.delete_payment(paid.id)).code == "closed_year"
    # A late payment dated in the open year settles the closed year's call, by hand or not.
    by_hand = world.pay(a, 1_000, date=D(2026, 1, 5), matches={q1.id: 1_000})
    assert [(m.call_id, m.amount_cents) for m in by_hand.matches] == [(q1.id, 1_000)]
    later = world.pay(a, 1_000, date=D(2026, 1, 5))
    assert later.unmatched_cents == 0 and later.matches[0].call_id == q1.id
