"""Payments (règlements) received from members, their matching to calls, and balances.

Decisions (DESIGN §4b leaves them open):

* A payment amount is never 0. A **refund** to a member is a *negative* payment. Matching is
  symmetric: a positive payment settles calls that still have something to pay (outstanding
  > 0); a refund settles credit notes, i.e. true-up calls whose outstanding is negative. A
  match always has the payment's sign and never exceeds the call's outstanding (in absolute
  value), and the matches of a payment never exceed the payment.
* ``matches=None`` matches automatically, oldest call first (due date, then issue date, then
  number); ``matches={}`` deliberately leaves the whole payment unmatched. Entries of 0 cents
  are ignored. Whatever is not matched stays on the payment as a credit (*non affecté*).
* A match belongs to its payment's fiscal year (see ``PaymentMatch``): a late payment dated
  in an open year settles a call of a closed year, automatically or by hand; a payment dated
  in a closed year cannot be recorded, edited or deleted (``closed_year``).
* Editing a payment removes its matches and matches it again (automatically, or with the
  matches given); deleting it frees the calls it settled.
* ``balances(year)`` per member: ``called`` = TTC of the year's calls, ``paid`` = what payments
  (of any date) settle of those calls, ``outstanding`` = called − paid, and ``unapplied`` = the
  unmatched part of the payments dated in that fiscal year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import CTE, ColumnElement, case, func, or_, select, union
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import PaymentMethod
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.calls.payment_listing import DEFAULT_SORT, PaymentPage, payment_page
from ptce_desktop.services.calls.views import (
    MemberBalance,
    MemberDebt,
    PaymentMatchView,
    PaymentView,
    call_paid,
    call_ttc,
    payment_views,
)
from ptce_desktop.services.common import clean_text, fiscal_year, get_or_error, parse_code
from ptce_desktop.store.base import LEN_REF, MONEY_MAX
from ptce_desktop.store.models import Call, CallLine, Member, Payment, PaymentMatch
from ptce_desktop.store.models import FiscalYear as FiscalYearRow
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "MemberBalance",
    "MemberDebt",
    "PaymentMatchView",
    "PaymentPage",
    "PaymentService",
    "PaymentView",
]

NOTE_MAX = 2000


def closed_years(session: Session) -> set[int]:
    return set(
        session.scalars(
            select(FiscalYearRow.start_year).where(FiscalYearRow.closed_at.is_not(None))
        )
    )


# --- matching --------------------------------------------------------------------------------


def _auto_match(session: Session, payment: Payment) -> None:
    sign = 1 if payment.amount_cents > 0 else -1
    outstanding = (call_ttc() - call_paid()).label("outstanding")
    query = (
        select(Call.id, outstanding)
        .where(Call.member_id == payment.member_id, (call_ttc() - call_paid()) * sign > 0)
        .order_by(Call.due_date, Call.issue_date, Call.number)
    )
    remaining = abs(payment.amount_cents)
    for call_id, due in session.execute(query):
        if remaining == 0:
            break
        take = min(remaining, abs(due))
        session.add(PaymentMatch(payment_id=payment.id, call_id=call_id, amount_cents=sign * take))
        remaining -= take


def _user_match(session: Session, payment: Payment, wanted: Mapping[int, int]) -> None:
    sign = 1 if payment.amount_cents > 0 else -1
    items = {call_id: cents for call_id, cents in wanted.items() if cents != 0}
    rows = {
        call_id: (number, member_id, due)
        for call_id, number, member_id, due in session.execute(
            select(Call.id, Call.number, Call.member_id, call_ttc() - call_paid()).where(
                Call.id.in_(items)
            )
        )
    }
    total = 0
    for call_id, cents in sorted(items.items()):
        if call_id not in rows:
            raise PtceError("not_found", "matches", entity=Entity.CALL, id=call_id)
        number, member_id, due = rows[call_id]
        if member_id != payment.member_id:
            raise PtceError("match_other_member", "matches", call=number)
        if cents * sign < 0:
            raise PtceError("match_sign", "matches", call=number, amount=format_money(cents))
        if cents * sign > due * sign:
            raise PtceError(
                "match_exceeds_call",
                "matches",
                call=number,
                amount=format_money(cents),
                outstanding=format_money(due),
            )
        total += abs(cents)
    if total > abs(payment.amount_cents):
        raise PtceError(
            "match_exceeds_payment",
            "matches",
            matched=format_money(sign * total),
            amount=format_money(payment.amount_cents),
        )
    for call_id, cents in sorted(items.items()):
        session.add(PaymentMatch(payment_id=payment.id, call_id=call_id, amount_cents=cents))


def _match(session: Session, payment: Payment, matches: Mapping[int, int] | None) -> None:
    session.flush()
    if matches is None:
        _auto_match(session, payment)
    else:
        _user_match(session, payment, matches)
    session.flush()


@dataclass(frozen=True)
class _Clean:
    amount_cents: int
    method: PaymentMethod
    reference: str | None
    note: str | None


def _clean(amount_cents: int, method: str, reference: str | None, note: str | None) -> _Clean:
    if amount_cents == 0:
        raise PtceError("payment_zero", "amount_cents")
    if abs(amount_cents) > MONEY_MAX:
        raise PtceError("payment_out_of_range", "amount_cents", amount=format_money(amount_cents))
    return _Clean(
        amount_cents=amount_cents,
        method=parse_code(PaymentMethod, method, "unknown_payment_method", "method"),
        reference=clean_text(reference, "reference", max_length=LEN_REF),
        note=clean_text(note, "note", max_length=NOTE_MAX),
    )


class PaymentService:
    """Record, edit and delete payments; who paid what, who still owes."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def record_payment(
        self,
        member_id: int,
        date: dt.date,
        amount_cents: int,
        method: str,
        reference: str | None,
        note: str | None,
        *,
        matches: Mapping[int, int] | None = None,
    ) -> PaymentView:
        """Record money received from (or, negative, refunded to) a member and match it."""
        clean = _clean(amount_cents, method, reference, note)
        with self.uow.write("Enregistrer un règlement") as session:
            get_or_error(session, Member, member_id, Entity.MEMBER)
            payment = Payment(
                member_id=member_id,
                date=date,
                amount_cents=clean.amount_cents,
                method=clean.method,
                reference=clean.reference,
                note=clean.note,
            )
            session.add(payment)
            _match(session, payment, matches)
            return payment_views(session, Payment.id == payment.id)[0]

    def update_payment(
        self,
        payment_id: int,
        member_id: int,
        date: dt.date,
        amount_cents: int,
        method: str,
        reference: str | None,
        note: str | None,
        *,
        matches: Mapping[int, int] | None = None,
    ) -> PaymentView:
        """Change a payment; its matches are removed and made again."""
        clean = _clean(amount_cents, method, reference, note)
        with self.uow.write("Modifier un règlement") as session:
            payment = get_or_error(session, Payment, payment_id, Entity.PAYMENT)
            get_or_error(session, Member, member_id, Entity.MEMBER)
            payment.matches.clear()  # delete-orphan: removed through the ORM, guarded
            session.flush()
            payment.member_id = member_id
            payment.date = date
            payment.amount_cents = clean.amount_cents
            payment.method = clean.method
            payment.reference = clean.reference
            payment.note = clean.note
            _match(session, payment, matches)
            return payment_views(session, Payment.id == payment.id)[0]

    def delete_payment(self, payment_id: int) -> None:
        """Delete a payment; the calls it settled are outstanding again."""
        with self.uow.write("Supprimer un règlement") as session:
            payment = get_or_error(session, Payment, payment_id, Entity.PAYMENT)
            payment.matches.clear()  # delete-orphan: removed through the ORM, guarded
            session.flush()
            session.delete(payment)

    def get_payment(self, payment_id: int) -> PaymentView:
        with self.uow.read() as session:
            get_or_error(session, Payment, payment_id, Entity.PAYMENT)
            return payment_views(session, Payment.id == payment_id)[0]

    def list_payments(
        self, year: int | None = None, *, member_id: int | None = None
    ) -> list[PaymentView]:
        """Payments (of one fiscal year, of one member), by date."""
        with self.uow.read() as session:
            where: list[ColumnElement[bool]] = []
            if year is not None:
                period = fiscal_year(session, year)
                where.append(Payment.date.between(period.start, period.end))
            if member_id is not None:
                where.append(Payment.member_id == member_id)
            return payment_views(session, *where)

    def list_payment_page(
        self,
        year: int,
        *,
        search: str = "",
        sort: str = DEFAULT_SORT,
        after: str | None = None,
        limit: int = 200,
        count: bool = False,
        totals: bool = False,
        method_labels: Mapping[str, str] | None = None,
    ) -> PaymentPage:
        """One keyset page of the payments list of fiscal year ``year`` (see
        :func:`~.payment_listing.payment_page`): the search, the order, the count and the
        totals row's sums all in SQL."""
        with self.uow.read() as session:
            return payment_page(
                session,
                year,
                search=search,
                sort=sort,
                after=after,
                limit=limit,
                count=count,
                totals=totals,
                method_labels=method_labels,
            )

    def balances(self, year: int) -> list[MemberBalance]:
        """Per member with calls or payments in the fiscal year: called, paid, outstanding.

        Aggregated by the database in one statement (see :func:`_year_calls`): the year's
        calls read once along ``ix_calls_year_number``, each with its lines and its matches
        summed along their ``call_id`` indexes, then grouped by member — no Python object per
        call, and no scan of the other years' calls."""
        with self.uow.read() as session:
            period = fiscal_year(session, year)
            per_call = _year_calls(year)
            called = (
                select(
                    per_call.c.member_id,
                    func.coalesce(func.sum(per_call.c.ttc), 0).label("called"),
                    func.coalesce(func.sum(per_call.c.paid), 0).label("paid"),
                )
                .group_by(per_call.c.member_id)
                # a member counts when a call of the year has lines or matches (as before)
                .having(or_(func.count(per_call.c.ttc) > 0, func.count(per_call.c.paid) > 0))
                .cte("member_called")
                .prefix_with("MATERIALIZED")
            )
            matched_of_payment = (
                select(func.coalesce(func.sum(PaymentMatch.amount_cents), 0))
                .where(PaymentMatch.payment_id == Payment.id)
                .scalar_subquery()
            )
            unapplied = (
                select(
                    Payment.member_id,
                    func.sum(Payment.amount_cents - matched_of_payment).label("cents"),
                )
                .where(Payment.date.between(period.start, period.end))
                .group_by(Payment.member_id)
                .cte("member_unapplied")
                .prefix_with("MATERIALIZED")
            )
            ids = union(select(called.c.member_id), select(unapplied.c.member_id)).subquery(
                "member_ids"
            )
            rows = session.execute(
                select(
                    Member.id,
                    Member.name,
                    func.coalesce(called.c.called, 0),
                    func.coalesce(called.c.paid, 0),
                    func.coalesce(unapplied.c.cents, 0),
                )
                .join(ids, ids.c.member_id == Member.id)
                .outerjoin(called, called.c.member_id == Member.id)
                .outerjoin(unapplied, unapplied.c.member_id == Member.id)
                .order_by(Member.name, Member.id)
            ).all()
            return [
                MemberBalance(
                    member_id=member_id,
                    name=name,
                    called_cents=int(called_cents),
                    paid_cents=int(paid_cents),
                    outstanding_cents=int(called_cents) - int(paid_cents),
                    unapplied_cents=int(unapplied_cents),
                )
                for member_id, name, called_cents, paid_cents, unapplied_cents in rows
            ]

    def outstanding_by_member(self, year: int, *, on: dt.date) -> list[MemberDebt]:
        """Members who owe on the year's calls, largest debt first, with their oldest unpaid
        due date and how many days late it is on ``on`` (0 when not yet due).

        Aggregated by the database (see :func:`_year_calls`): each call's outstanding is
        computed once, then grouped by member; only the members who owe come back."""
        with self.uow.read() as session:
            per_call = _year_calls(year)
            outstanding = func.coalesce(per_call.c.ttc, 0) - func.coalesce(per_call.c.paid, 0)
            owed_cents = func.sum(outstanding)
            oldest_due = func.min(case((outstanding > 0, per_call.c.due_date), else_=None))
            debts_cte = (
                select(
                    per_call.c.member_id,
                    owed_cents.label("owed"),
                    oldest_due.label("oldest"),
                )
                .group_by(per_call.c.member_id)
                .cte("member_debts")
                .prefix_with("MATERIALIZED")
            )
            rows = session.execute(
                select(Member.id, Member.name, debts_cte.c.owed, debts_cte.c.oldest)
                .join(debts_cte, debts_cte.c.member_id == Member.id)
                .where(debts_cte.c.owed > 0)
                .order_by(debts_cte.c.owed.desc(), Member.name, Member.id)
            ).all()
            debts = []
            for member_id, name, cents, due in rows:
                due_date = due if isinstance(due, dt.date) else _date_of(due)
                assert due_date is not None, "a positive debt has an unpaid call"
                debts.append(
                    MemberDebt(
                        member_id=member_id,
                        name=name,
                        outstanding_cents=int(cents),
                        oldest_due_date=due_date,
                        days_late=max(0, (on - due_date).days),
                    )
                )
            return debts


def _date_of(value: object) -> dt.date | None:
    """A date SQLite gave back as text (an aggregate may lose the column's type)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else None


def _year_calls(year: int) -> CTE:
    """The calls of fiscal year ``year``, one row each: ``member_id``, ``due_date``, ``ttc``
    (the sum of its lines, NULL without lines) and ``paid`` (the sum of its matches, NULL
    without any). Materialised: the year's calls are read once along ``ix_calls_year_number``
    and each call's sums once along ``ix_call_lines_call_id`` / ``ix_payment_matches_call_id``
    (the planner would otherwise walk every year's calls member by member and evaluate the
    sums again for each use)."""
    ttc = (
        select(func.sum(CallLine.ttc_cents))
        .where(CallLine.call_id == Call.id)
        .correlate(Call)
        .scalar_subquery()
    )
    paid = (
        select(func.sum(PaymentMatch.amount_cents))
        .where(PaymentMatch.call_id == Call.id)
        .correlate(Call)
        .scalar_subquery()
    )
    return (
        select(
            Call.member_id,
            Call.due_date,
            ttc.label("ttc"),
            paid.label("paid"),
        )
        .where(Call.year == year)
        .cte("year_calls")
        .prefix_with("MATERIALIZED")
    )
