"""Calls for funds (appels de fonds): quarterly provisional calls, the year-end true-up, and
the read models behind the call list and the "Appel de fonds / relevé" PDF (DESIGN §4b).

* **Provisional calls** for quarter *q* of fiscal year *Y*: every shared service active during
  *Y* (its active dates overlap the year) with a budget for *Y* has that budget split over the
  four quarters (:func:`~ptce_desktop.domain.split.split_over_quarters`), then the
  quarter's amount over the members with the service's key (version in force on the quarter's
  first day, presence prorated over the quarter). A service starting mid-year still has its
  budget spread over the four quarters: the coordinator budgets accordingly, and the true-up
  corrects. Every active service needs a budget row for *Y* (0 € when it is not called), so a
  forgotten budget is an error, not a silent omission.
* **Catch-up** (DESIGN §4b): when a budget or key changed after quarters were called, the
  next quarterly call carries per member, service and component « Régularisation budget révisé
  (T1–T2) » = Σ over the quarters already called of (the quarter's share as computed today −
  what was called for it) − earlier catch-ups; negative, it is a credit. A revision after Q4
  was called is left to the true-up, whose preview says so (notice ``revision_after_q4``).
* **Coefficient and fee** (DESIGN §4b, :mod:`ptce_desktop.domain.billing`): a service's
  billing coefficient and management fee apply to its budget before the split (the true-up:
  to each cost), each rounded once half up; surcharge and fee are call lines of their own.
  What a batch holds is computed by :mod:`.planning`, once, for the preview and for issuing.
* **VAT** (DESIGN §4.5): for a taxable service of a VAT-registered pole the split amount is HT
  and the VAT is computed once per line, half up; otherwise the split amount is TTC, VAT 0.
  ``CallLine.ht_cents`` always holds the split amount (the "basis").
* **True-up** of *Y*, per member and service: the sum of the shares of the costs whose period
  starts in *Y* (shares are stored in the split basis already) minus the basis of every
  line already called for *Y* (quarters, catch-ups, exceptional lines), per component (base,
  surcharge, fee); VAT is recomputed on that difference. Lines may be negative (a
  credit); a member whose lines are all zero gets no true-up call. It does not require the four
  quarters to have been issued.
* Calls are numbered ``AF-<year>-<nnnn>`` without gaps per fiscal year, the number being taken
  inside the issuing transaction, so a failed issue gives its numbers back. Within one issue,
  members are numbered in name order. A member with nothing to pay gets no call.
* **Issuing calls is not undoable** (DESIGN §5): numbers are printed and sent. A closed fiscal
  year refuses new calls through the unit of work's guard.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.calls.listing import (
    CallListTotals,
    CallSummaryPage,
    call_list_totals,
    call_search,
    call_summary_page,
    period_call_ids,
)
from ptce_desktop.services.calls.planning import (
    CallPlan,
    PlannedCall,
    PlannedLine,
    plan_exceptional,
    plan_quarter,
    plan_true_up,
)
from ptce_desktop.services.calls.views import (
    MENTION_261B,
    CallLinePage,
    CallLineView,
    CallSummary,
    CallView,
    MemberStatement,
    call_line_page,
    call_summaries,
    call_views,
    payment_views,
)
from ptce_desktop.services.common import fiscal_year, get_or_error, pole_row
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Member,
    Payment,
    PaymentMatch,
)
from ptce_desktop.store.unit_of_work import UnitOfWork, next_sequence

__all__ = [
    "MENTION_261B",
    "CallLinePage",
    "CallLineView",
    "CallListTotals",
    "CallPlan",
    "CallService",
    "CallSummary",
    "CallSummaryPage",
    "CallView",
    "MemberStatement",
    "PlannedCall",
    "PlannedLine",
]

SEQUENCE_NAME = "call"


def _check_dates(issue_date: dt.date, due_date: dt.date) -> None:
    if due_date < issue_date:
        raise PtceError(
            "due_before_issue", "due_date", due=format_date(due_date), issue=format_date(issue_date)
        )


def _write_plan(
    session: Session, plan: CallPlan, *, issue_date: dt.date, due_date: dt.date
) -> list[int]:
    """Insert the plan's calls, numbered in its order; returns the call ids."""
    ids = []
    for planned in plan.calls:
        number = next_sequence(session, SEQUENCE_NAME, plan.year)
        call = Call(
            number=f"AF-{plan.year}-{number:04d}",
            member_id=planned.member_id,
            year=plan.year,
            quarter=plan.quarter,
            kind=plan.kind,
            issue_date=issue_date,
            due_date=due_date,
        )
        for line in planned.lines:
            call.lines.append(
                CallLine(
                    service_id=line.service_id,
                    ht_cents=line.ht_cents,
                    vat_rate_bp=line.vat_rate_bp,
                    vat_cents=line.vat_cents,
                    ttc_cents=line.ttc_cents,
                    kind=line.kind,
                    component=line.component,
                    label=line.label,
                    exceptional_id=line.exceptional_id,
                )
            )
        session.add(call)
        session.flush()
        ids.append(call.id)
    return ids


class CallService:
    """Issue calls for funds (after a preview that writes nothing) and read them back."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def preview_provisional_calls(self, year: int, quarter: int) -> CallPlan:
        """What :meth:`issue_provisional_calls` would write; writes nothing."""
        with self.uow.read() as session:
            return plan_quarter(session, year, quarter)

    def preview_true_up(self, year: int) -> CallPlan:
        """What :meth:`issue_true_up` would write; writes nothing."""
        with self.uow.read() as session:
            return plan_true_up(session, year)

    def preview_exceptional_calls(self, year: int) -> CallPlan:
        """What :meth:`issue_exceptional_calls` would write; writes nothing."""
        with self.uow.read() as session:
            return plan_exceptional(session, year)

    def issue_exceptional_calls(
        self,
        year: int,
        *,
        issue_date: dt.date,
        due_date: dt.date,
        expected: tuple[int, int] | None = None,
    ) -> list[CallView]:
        """A call of its own per member for the year's pending exceptional charges marked
        « appel séparé » (not undoable)."""
        _check_dates(issue_date, due_date)
        with self.uow.write(f"Émettre les appels exceptionnels {year}") as session:
            plan = plan_exceptional(session, year)
            plan.check_expected(expected)
            ids = _write_plan(session, plan, issue_date=issue_date, due_date=due_date)
            return call_views(session, Call.id.in_(ids))

    def issue_provisional_calls(
        self,
        year: int,
        quarter: int,
        *,
        issue_date: dt.date,
        due_date: dt.date,
        expected: tuple[int, int] | None = None,
    ) -> list[CallView]:
        """Issue the provisional calls of one quarter (not undoable); see the module doc.

        ``expected`` = (count, total in cents) of the preview the user confirmed: issuing
        refuses (``preview_outdated``, nothing written) when the plan differs."""
        if quarter not in (1, 2, 3, 4):
            raise PtceError("invalid_quarter", "quarter", value=quarter)
        _check_dates(issue_date, due_date)
        with self.uow.write(f"Émettre les appels de fonds du T{quarter} {year}") as session:
            plan = plan_quarter(session, year, quarter)
            plan.check_expected(expected)
            ids = _write_plan(session, plan, issue_date=issue_date, due_date=due_date)
            return call_views(session, Call.id.in_(ids))

    def issue_true_up(
        self,
        year: int,
        *,
        issue_date: dt.date,
        due_date: dt.date,
        expected: tuple[int, int] | None = None,
    ) -> list[CallView]:
        """Issue the year-end true-up calls (actual shares − everything called; not undoable)."""
        _check_dates(issue_date, due_date)
        with self.uow.write(f"Émettre la régularisation {year}") as session:
            plan = plan_true_up(session, year)
            plan.check_expected(expected)
            ids = _write_plan(session, plan, issue_date=issue_date, due_date=due_date)
            return call_views(session, Call.id.in_(ids))

    def list_calls(self, year: int, *, member_id: int | None = None) -> list[CallView]:
        """The calls of a fiscal year (of one member), by number."""
        with self.uow.read() as session:
            where = [Call.year == year]
            if member_id is not None:
                where.append(Call.member_id == member_id)
            return call_views(session, *where)

    def list_call_summaries(self, year: int, *, member_id: int | None = None) -> list[CallSummary]:
        """The calls of a fiscal year (of one member), by number, with totals summed in SQL
        and no lines: what the call list shows (lines: :meth:`call_lines`)."""
        with self.uow.read() as session:
            where = [] if member_id is None else [Call.member_id == member_id]
            return call_summaries(session, year, *where)

    def list_call_page(
        self,
        year: int,
        *,
        search: str = "",
        after: tuple[str, int] | None = None,
        limit: int = 200,
        count: bool = False,
        totals: bool = False,
    ) -> CallSummaryPage:
        """One keyset page of the call list (by number) of the calls ``search`` leaves; with
        ``count`` their number and the year's, with ``totals`` their sums (the totals row)."""
        with self.uow.read() as session:
            return call_summary_page(
                session, year, search=search, after=after, limit=limit, count=count, totals=totals
            )

    def call_list_totals(self, year: int, *, search: str = "") -> CallListTotals:
        """Σ over every call of ``year`` that ``search`` leaves, summed by the database."""
        with self.uow.read() as session:
            return call_list_totals(session, year, *call_search(session, year, search))

    def period_call_ids(self, call_id: int) -> list[int]:
        """The calls of the same period as ``call_id`` (year, quarter, kind), by number."""
        with self.uow.read() as session:
            get_or_error(session, Call, call_id, Entity.CALL)
            return period_call_ids(session, call_id)

    def call_summary(self, call_id: int) -> CallSummary:
        with self.uow.read() as session:
            call = get_or_error(session, Call, call_id, Entity.CALL)
            return call_summaries(session, call.year, Call.id == call_id)[0]

    def call_lines(
        self, call_id: int, *, after: tuple[str, int] | None = None, limit: int = 200
    ) -> CallLinePage:
        """One page of a call's lines (by service name), after the keyset ``after``."""
        with self.uow.read() as session:
            get_or_error(session, Call, call_id, Entity.CALL)
            return call_line_page(session, call_id, after=after, limit=limit)

    def issued_quarters(self, year: int) -> set[int]:
        """The quarters of fiscal year ``year`` that have provisional calls."""
        with self.uow.read() as session:
            quarters = session.scalars(
                select(Call.quarter).where(Call.year == year, Call.quarter.is_not(None)).distinct()
            )
            return {int(quarter) for quarter in quarters if quarter is not None}

    def call_detail(self, call_id: int) -> CallView:
        with self.uow.read() as session:
            get_or_error(session, Call, call_id, Entity.CALL)
            return call_views(session, Call.id == call_id)[0]

    def statement(self, member_id: int, year: int) -> MemberStatement:
        """A member's calls, payments and balance for one fiscal year (the "relevé")."""
        with self.uow.read() as session:
            member = get_or_error(session, Member, member_id, Entity.MEMBER)
            fy = fiscal_year(session, year)
            calls = call_views(session, Call.year == year, Call.member_id == member_id)
            year_calls = select(Call.id).where(Call.year == year, Call.member_id == member_id)
            settling = select(PaymentMatch.payment_id).where(PaymentMatch.call_id.in_(year_calls))
            dated = Payment.date.between(fy.start, fy.end)
            payments = payment_views(
                session,
                Payment.member_id == member_id,
                or_(dated, Payment.id.in_(settling)),
            )
            called = sum(call.total_cents for call in calls)
            paid = sum(call.paid_cents for call in calls)
            unapplied = sum(
                payment.unmatched_cents for payment in payments if fy.contains(payment.date)
            )
            pole = pole_row(session)
            return MemberStatement(
                member_id=member.id,
                member_name=member.name,
                member_address=member.address,
                member_postcode=member.postcode,
                member_city=member.city,
                year=year,
                year_label=fy.label,
                pole_name=pole.name if pole is not None else "",
                pole_iban=pole.iban if pole is not None else None,
                pole_bic=pole.bic if pole is not None else None,
                calls=tuple(calls),
                payments=tuple(payments),
                called_cents=called,
                paid_cents=paid,
                unapplied_cents=unapplied,
                balance_cents=called - paid - unapplied,
            )
