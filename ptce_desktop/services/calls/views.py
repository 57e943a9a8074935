"""Read models of calls and payments (frozen views) and the SQL that builds them.

Shared by :mod:`.calls` and :mod:`.payments`, which re-export the views; nothing here writes.
Each loader runs a fixed number of queries whatever the number of rows (no N+1).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    bindparam,
    func,
    literal,
    select,
    tuple_,
)
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.services.common import start_month
from ptce_desktop.store.dated import service_vats_on
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Member,
    Payment,
    PaymentMatch,
    Pole,
    SharedService,
)

#: The mention printed on a call line of a service exempt under CGI art. 261 B.
MENTION_261B = "Exonération de TVA — article 261 B du CGI"


@dataclass(frozen=True)
class CallLineView:
    service_id: int
    service_name: str
    ht_cents: int
    vat_rate_bp: int
    vat_cents: int
    ttc_cents: int
    #: The service is exempt under CGI art. 261 B: print :data:`MENTION_261B`.
    exempt_261b: bool
    #: quarter, catch_up, exceptional or true_up (:class:`~ptce_desktop.domain.billing.LineKind`).
    kind: str = "quarter"
    #: base, surcharge or fee (:class:`~ptce_desktop.domain.billing.LineComponent`).
    component: str = "base"
    #: « Frais de gestion 6 % », « Régularisation budget révisé (T1–T2) »…; None: the service.
    label: str | None = None
    line_id: int = 0

    @property
    def text(self) -> str:
        """What a document prints for the line: the service, then its label if any."""
        return f"{self.service_name} — {self.label}" if self.label else self.service_name


@dataclass(frozen=True)
class CallView:
    id: int
    number: str
    member_id: int
    member_name: str
    year: int
    year_label: str
    #: 1–4 for a provisional call, None for a true-up.
    quarter: int | None
    #: "T2 2025" or "Régularisation 2025".
    period_label: str
    kind: str
    issue_date: dt.date
    due_date: dt.date
    lines: tuple[CallLineView, ...]
    total_ht_cents: int
    total_vat_cents: int
    #: TTC, what the member is asked to pay (negative for a credit note).
    total_cents: int
    paid_cents: int
    outstanding_cents: int

    @property
    def exempt_261b(self) -> bool:
        return any(line.exempt_261b for line in self.lines)


@dataclass(frozen=True)
class MemberStatement:
    """A member's account for one fiscal year (the "relevé").

    ``payments`` are the member's payments dated in the year or settling one of its calls;
    ``paid_cents`` is what payments settle of the year's calls; ``unapplied_cents`` the
    unmatched part of the payments dated in the year; ``balance_cents`` = called − paid −
    unapplied (positive: the member owes; negative: the pole owes the member).
    """

    member_id: int
    member_name: str
    member_address: str | None
    member_postcode: str | None
    member_city: str | None
    year: int
    year_label: str
    pole_name: str
    pole_iban: str | None
    pole_bic: str | None
    calls: tuple[CallView, ...]
    payments: tuple[PaymentView, ...]
    called_cents: int
    paid_cents: int
    unapplied_cents: int
    balance_cents: int


@dataclass(frozen=True)
class PaymentMatchView:
    """The part of a payment that settles one call."""

    call_id: int
    call_number: str
    amount_cents: int


@dataclass(frozen=True)
class PaymentView:
    id: int
    member_id: int
    member_name: str
    date: dt.date
    amount_cents: int
    method: str
    reference: str | None
    note: str | None
    matches: tuple[PaymentMatchView, ...]
    matched_cents: int
    #: What no call absorbs: a credit on the member's account (negative for a refund).
    unmatched_cents: int

    def matches_by_call(self) -> dict[int, int]:
        """``{call_id: cents}``, e.g. to record the same payment again (undo of a delete)."""
        return {match.call_id: match.amount_cents for match in self.matches}


@dataclass(frozen=True)
class MemberBalance:
    member_id: int
    name: str
    called_cents: int
    paid_cents: int
    outstanding_cents: int
    unapplied_cents: int


@dataclass(frozen=True)
class MemberDebt:
    """A member who still owes on a year's calls."""

    member_id: int
    name: str
    outstanding_cents: int
    oldest_due_date: dt.date
    days_late: int


def call_ttc() -> Any:
    """Correlated scalar subquery: TTC total of the enclosing ``Call`` row."""
    return (
        select(func.coalesce(func.sum(CallLine.ttc_cents), 0))
        .where(CallLine.call_id == Call.id)
        .scalar_subquery()
    )


def call_paid() -> Any:
    """Correlated scalar subquery: what payments settle of the enclosing ``Call`` row."""
    return (
        select(func.coalesce(func.sum(PaymentMatch.amount_cents), 0))
        .where(PaymentMatch.call_id == Call.id)
        .scalar_subquery()
    )


def payment_rows() -> Select[*tuple[Any, ...]]:
    """The columns :func:`payment_view` reads, one row a payment (its member's name joined)."""
    return select(
        Payment.id,
        Payment.member_id,
        Member.name,
        Payment.date,
        Payment.amount_cents,
        Payment.method,
        Payment.reference,
        Payment.note,
    ).join(Member, Member.id == Payment.member_id)


def payment_views(session: Session, *where: ColumnElement[bool]) -> list[PaymentView]:
    """Payments matching ``where`` (by date, then id), with their matches: two queries, both
    read in the order of ``ix_payments_date`` (plain rows, no ORM object per payment)."""
    rows = session.execute(payment_rows().where(*where).order_by(Payment.date, Payment.id)).all()
    matches: dict[int, list[PaymentMatchView]] = {}
    for payment_id, call_id, number, cents in session.execute(
        select(
            PaymentMatch.payment_id, PaymentMatch.call_id, Call.number, PaymentMatch.amount_cents
        )
        .select_from(Payment)
        .join(PaymentMatch, PaymentMatch.payment_id == Payment.id)
        .join(Call, Call.id == PaymentMatch.call_id)
        .where(*where)
        .order_by(Payment.date, Payment.id)
    ):
        matches.setdefault(payment_id, []).append(PaymentMatchView(call_id, number, cents))
    return [payment_view(tuple(row), matches.get(row[0], ())) for row in rows]


def payment_view(row: tuple[Any, ...], matches: Iterable[PaymentMatchView]) -> PaymentView:
    """A payment's view from its row (id, member id, member name, date, amount, method,
    reference, note) and its matches (shown by call number); the list's pages build theirs
    with it too (:mod:`.payment_listing`)."""
    payment_id, member_id, name, date, amount, method, reference, note = row
    own = tuple(sorted(matches, key=lambda match: match.call_number))
    matched = sum(match.amount_cents for match in own)
    return PaymentView(
        id=payment_id,
        member_id=member_id,
        member_name=name,
        date=date,
        amount_cents=amount,
        method=method,
        reference=reference,
        note=note,
        matches=own,
        matched_cents=matched,
        unmatched_cents=amount - matched,
    )


def period_label_of(fy: FiscalYear, quarter: int | None, kind: str = "true_up") -> str:
    if quarter is not None:
        return f"T{quarter} {fy.label}"
    if kind != "true_up":  # a call of exceptional lines alone
        return f"Appel exceptionnel {fy.label}"
    return f"Régularisation {fy.label}"


def call_views(session: Session, *where: ColumnElement[bool]) -> list[CallView]:
    """Calls matching ``where`` (by number) with lines and paid amounts: three queries."""
    month = start_month(session)
    calls = session.execute(
        select(Call, Member.name)
        .join(Member, Member.id == Call.member_id)
        .where(*where)
        .order_by(Call.number)
    ).all()
    lines: dict[int, list[CallLineView]] = defaultdict(list)
    # The 261 B mention as the call's year had it (a dated value, see store.dated).
    call_years = {call.id: call.year for call, _ in calls}
    dated = {
        year: service_vats_on(session, FiscalYear(year, month).start)
        for year in set(call_years.values())
    }
    for call_id, line, name, regime in session.execute(
        select(CallLine.call_id, CallLine, SharedService.name, SharedService.vat_regime)
        .join(Call, Call.id == CallLine.call_id)
        .join(SharedService, SharedService.id == CallLine.service_id)
        .where(*where)
        .order_by(CallLine.call_id, SharedService.name, CallLine.id)
    ):
        lines[call_id].append(
            CallLineView(
                service_id=line.service_id,
                service_name=name,
                ht_cents=line.ht_cents,
                vat_rate_bp=line.vat_rate_bp,
                vat_cents=line.vat_cents,
                ttc_cents=line.ttc_cents,
                exempt_261b=dated[call_years[call_id]].get(line.service_id, (regime, 0))[0]
                is VatRegime.EXEMPT_261B,
                kind=line.kind.value,
                component=line.component.value,
                label=line.label,
                line_id=line.id,
            )
        )
    paid: dict[int, int] = {
        call_id: int(cents)
        for call_id, cents in session.execute(
            select(PaymentMatch.call_id, func.sum(PaymentMatch.amount_cents))
            .join(Call, Call.id == PaymentMatch.call_id)
            .where(*where)
            .group_by(PaymentMatch.call_id)
        )
    }
    views = []
    for call, member_name in calls:
        own = tuple(lines.get(call.id, ()))
        fy = FiscalYear(call.year, month)
        total = sum(line.ttc_cents for line in own)
        paid_cents = int(paid.get(call.id, 0))
        views.append(
            CallView(
                id=call.id,
                number=call.number,
                member_id=call.member_id,
                member_name=member_name,
                year=call.year,
                year_label=fy.label,
                quarter=call.quarter,
                period_label=period_label_of(fy, call.quarter, call.kind),
                kind=call.kind,
                issue_date=call.issue_date,
                due_date=call.due_date,
                lines=own,
                total_ht_cents=sum(line.ht_cents for line in own),
                total_vat_cents=sum(line.vat_cents for line in own),
                total_cents=total,
                paid_cents=paid_cents,
                outstanding_cents=total - paid_cents,
            )
        )
    return views


@dataclass(frozen=True)
class MemberAccount:
    """A member's account for fiscal year *Y* as the relevé prints it (one meaning per word):

    * **appelé — exercice Y**: the calls of fiscal year *Y* (its quarters and its
      régularisation, whatever the régularisation's issue date; an avoir counts negative);
    * **réglé — exercice Y**: the member's payments **dated** within *Y* (a refund counts
      negative), whatever call they settle: each payment belongs to one year only;
    * **solde d'ouverture**: every call of the years before *Y* minus every payment dated before
      *Y*'s first day; **solde de clôture** = ouverture + appelé − réglé (positive: the member
      owes; negative: the pole owes the member). The closing balance of *Y* is the opening
      balance of *Y* + 1.
    """

    member_id: int
    year: int
    year_label: str
    start: dt.date
    end: dt.date
    opening_cents: int
    calls: tuple[CallView, ...]
    payments: tuple[PaymentView, ...]
    called_cents: int
    paid_cents: int

    @property
    def closing_cents(self) -> int:
        return self.opening_cents + self.called_cents - self.paid_cents


def member_account(session: Session, member_id: int, fy: FiscalYear) -> MemberAccount:
    """The account of ``member_id`` for ``fy`` (see :class:`MemberAccount`): four queries."""
    calls = call_views(session, Call.year == fy.start_year, Call.member_id == member_id)
    payments = payment_views(
        session, Payment.member_id == member_id, Payment.date.between(fy.start, fy.end)
    )
    called_before = session.scalar(
        select(func.coalesce(func.sum(CallLine.ttc_cents), 0))
        .join(Call, Call.id == CallLine.call_id)
        .where(Call.member_id == member_id, Call.year < fy.start_year)
    )
    paid_before = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.member_id == member_id, Payment.date < fy.start
        )
    )
    return MemberAccount(
        member_id=member_id,
        year=fy.start_year,
        year_label=fy.label,
        start=fy.start,
        end=fy.end,
        opening_cents=int(called_before or 0) - int(paid_before or 0),
        calls=tuple(calls),
        payments=tuple(payments),
        called_cents=sum(call.total_cents for call in calls),
        paid_cents=sum(payment.amount_cents for payment in payments),
    )


# --- the call list in SQL: one aggregated row per call, the lines one page at a time ----------


@dataclass(frozen=True, slots=True)
class CallSummary:
    """A call as the call list shows it: its totals summed by the database, no lines.

    The same names as :class:`CallView` (without ``lines``): the list, the detail's header
    and totals, and the envelopes read either. ``line_count`` is the number of lines.
    """

    id: int
    number: str
    member_id: int
    member_name: str
    year: int
    year_label: str
    quarter: int | None
    period_label: str
    kind: str
    issue_date: dt.date
    due_date: dt.date
    total_ht_cents: int
    total_vat_cents: int
    total_cents: int
    paid_cents: int
    outstanding_cents: int
    #: One of the lines is of a service exempt under CGI art. 261 B (as the year had it).
    exempt_261b: bool
    line_count: int


@dataclass(frozen=True)
class CallLinePage:
    """One page of a call's lines (by service name, then line id)."""

    rows: tuple[CallLineView, ...]
    #: Pass as ``after`` for the next page; None on the last page.
    next_cursor: tuple[str, int] | None


def pole_start_month(session: Session) -> int:
    """The fiscal-year start month (1 with no pole yet), read as one value, not a ``Pole``."""
    month = session.scalar(select(Pole.fiscal_year_start_month).order_by(Pole.id).limit(1))
    return int(month) if month is not None else 1


def exempt_services(session: Session, year: int, month: int | None = None) -> set[int]:
    """The services exempt under CGI art. 261 B on the first day of fiscal year ``year``."""
    month = pole_start_month(session) if month is None else month
    dated = service_vats_on(session, FiscalYear(year, month).start)
    return {
        service_id
        for service_id, regime in session.connection()
        .execute(select(SharedService.id, SharedService.vat_regime))
        .all()
        if dated.get(service_id, (regime, 0))[0] is VatRegime.EXEMPT_261B
    }


@functools.cache
def _summary_query() -> Select[*tuple[Any, ...]]:
    """The call list's statement, built once (its values are bound parameters): one row per
    call of ``:year`` after the keyset (``:number``, ``:last_id``), ``:limit`` of them, its
    lines summed, ``:exempt`` the services exempt under 261 B that year."""
    is_exempt = CallLine.service_id.in_(bindparam("exempt", expanding=True))
    paid = (
        select(func.coalesce(func.sum(PaymentMatch.amount_cents), 0))
        .where(PaymentMatch.call_id == Call.id)
        .correlate(Call)
        .scalar_subquery()
    )
    number, last_id = bindparam("number", type_=String), bindparam("last_id", type_=Integer)
    return (
        select(
            Call.id,
            Call.number,
            Call.member_id,
            Member.name,
            Call.quarter,
            Call.kind,
            Call.issue_date,
            Call.due_date,
            func.coalesce(func.sum(CallLine.ht_cents), 0),
            func.coalesce(func.sum(CallLine.vat_cents), 0),
            func.coalesce(func.sum(CallLine.ttc_cents), 0),
            func.coalesce(func.max(is_exempt), literal(False)),
            func.count(CallLine.id),
            paid,
        )
        .join(Member, Member.id == Call.member_id)
        .outerjoin(CallLine, CallLine.call_id == Call.id)
        # numbers are unique per year: ``number >= ?`` is the index's range, the id the tie
        .where(
            Call.year == bindparam("year", type_=Integer),
            Call.number >= number,
            tuple_(Call.number, Call.id) > tuple_(number, last_id),
        )
        .group_by(Call.number, Call.id)
        .order_by(Call.number, Call.id)
        .limit(bindparam("limit", type_=Integer))
    )


def call_summaries(
    session: Session,
    year: int,
    *where: ColumnElement[bool],
    after: tuple[str, int] | None = None,
    limit: int | None = None,
) -> list[CallSummary]:
    """The calls of fiscal year ``year`` matching ``where``, by number, with their totals;
    with ``after`` (number, id) and ``limit``, one keyset page of them.

    One aggregated query (the lines summed per call, the paid part by a correlated sum over
    the matches) read as plain tuples: no ORM object per call or per line. Its ORDER BY is the
    ``ix_calls_year_number`` index's order, so SQLite groups and sorts without a temp B-tree,
    and a page is a range of that index (``number > ?``), never the whole year.
    """
    fy = FiscalYear(year, pole_start_month(session))
    if after is not None:
        try:
            number, last_id = str(after[0]), int(after[1])
        except (IndexError, TypeError, ValueError) as error:
            raise PtceError("invalid_cursor", "after") from error
    else:
        number, last_id = "", 0  # before every number
    query = _summary_query()
    if where:
        query = query.where(*where)
    params = {
        "year": year,
        "exempt": sorted(exempt_services(session, year, fy.start_month)),
        "number": number,
        "last_id": last_id,
        "limit": -1 if limit is None else max(1, limit),  # SQLite: -1, no limit
    }
    summaries = []
    for (
        call_id,
        number,
        member_id,
        member_name,
        quarter,
        kind,
        issue_date,
        due_date,
        ht,
        vat,
        ttc,
        exempt_any,
        count,
        paid_cents,
    ) in session.connection().execute(query, params).all():
        summaries.append(
            CallSummary(
                id=call_id,
                number=number,
                member_id=member_id,
                member_name=member_name,
                year=year,
                year_label=fy.label,
                quarter=quarter,
                period_label=period_label_of(fy, quarter, kind),
                kind=str(kind),
                issue_date=issue_date,
                due_date=due_date,
                total_ht_cents=int(ht),
                total_vat_cents=int(vat),
                total_cents=int(ttc),
                paid_cents=int(paid_cents),
                outstanding_cents=int(ttc) - int(paid_cents),
                exempt_261b=bool(exempt_any),
                line_count=int(count),
            )
        )
    return summaries


def call_line_page(
    session: Session, call_id: int, *, after: tuple[str, int] | None = None, limit: int = 200
) -> CallLinePage:
    """One page of the lines of call ``call_id`` after the keyset ``after`` (service name,
    line id), as the Charges list pages its costs: ``WHERE call_id = ? AND (name, id) > (?, ?)
    ORDER BY name, id LIMIT n``. SQLite reads the one call's lines by ``ix_call_lines_call_id``
    (a range of a few dozen rows) and orders that range by service name, never more."""
    year = session.scalar(select(Call.year).where(Call.id == call_id))
    if year is None:
        return CallLinePage((), None)
    size = max(1, limit)
    exempt = exempt_services(session, year)
    query = (
        select(CallLine, SharedService.name)
        .select_from(SharedService)
        .join(CallLine, CallLine.service_id == SharedService.id)
        .where(CallLine.call_id == call_id)
    )
    if after is not None:
        try:
            name, last_id = str(after[0]), int(after[1])
        except (IndexError, TypeError, ValueError) as error:
            raise PtceError("invalid_cursor", "after") from error
        query = query.where(tuple_(SharedService.name, CallLine.id) > tuple_(name, last_id))
    fetched = session.execute(query.order_by(SharedService.name, CallLine.id).limit(size + 1))
    rows = [
        CallLineView(
            service_id=line.service_id,
            service_name=name,
            ht_cents=line.ht_cents,
            vat_rate_bp=line.vat_rate_bp,
            vat_cents=line.vat_cents,
            ttc_cents=line.ttc_cents,
            exempt_261b=line.service_id in exempt,
            kind=line.kind.value,
            component=line.component.value,
            label=line.label,
            line_id=line.id,
        )
        for line, name in fetched
    ]
    cursor = None
    if len(rows) > size:
        rows = rows[:size]
        cursor = (rows[-1].service_name, rows[-1].line_id)
    return CallLinePage(tuple(rows), cursor)
