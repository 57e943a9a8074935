"""Calls for funds (appels de fonds): quarterly provisional calls, the year-end true-up, and
the read models behind the call list and the "Appel de fonds / relevé" PDF (DESIGN §4b).

* **Provisional calls** for quarter *q* of fiscal year *Y*: every shared service active during
  *Y* (its active dates overlap the year) with a budget for *Y* has that budget split over the
  four quarters (:func:`~ptce_desktop.domain.allocation.split_over_quarters`), then the
  quarter's amount over the members with the service's key (version in force on the quarter's
  first day, presence prorated over the quarter). A service starting mid-year still has its
  budget spread over the four quarters: the coordinator budgets accordingly, and the true-up
  corrects. Every active service needs a budget row for *Y* (0 € when it is not called), so a
  forgotten budget is an error, not a silent omission.
* **VAT** (DESIGN §4.5): for a taxable service of a VAT-registered pole the split amount is HT
  and the VAT is computed once per line, half up; otherwise the split amount is TTC, VAT 0.
  ``CallLine.ht_cents`` always holds the split amount (the "basis").
* **True-up** of *Y*, per member and service: the sum of the shares of the costs whose period
  starts in *Y* (shares are stored in the split basis already) minus the basis of the
  provisional calls of *Y*; VAT is recomputed on that difference. Lines may be negative (a
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
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.allocation import (
    SplitBasis,
    split_basis,
    split_over_quarters,
    vat_cents,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import FiscalYear, format_date
from ptce_desktop.services.calls.views import (
    MENTION_261B,
    CallLineView,
    CallView,
    MemberStatement,
    call_views,
    payment_views,
)
from ptce_desktop.services.common import fiscal_year, get_or_error, pole_row
from ptce_desktop.services.keys.loader import split_for
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Member,
    Payment,
    PaymentMatch,
    ServiceBudget,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork, next_sequence

__all__ = ["MENTION_261B", "CallLineView", "CallService", "CallView", "MemberStatement"]

PROVISIONAL = "provisional"
TRUE_UP = "true_up"
SEQUENCE_NAME = "call"


@dataclass(frozen=True)
class _Line:
    service_id: int
    service_name: str
    ht_cents: int
    vat_rate_bp: int
    vat_cents: int

    @property
    def ttc_cents(self) -> int:
        return self.ht_cents + self.vat_cents


def _line(service: SharedService, basis_cents: int, registered: bool) -> _Line:
    """A call line for ``basis_cents`` of ``service`` (HT if taxable, else TTC)."""
    taxable = split_basis(service.vat_regime, registered) is SplitBasis.HT
    rate = service.vat_rate_bp if taxable else 0
    vat = vat_cents(basis_cents, rate) if taxable else 0
    return _Line(service.id, service.name, basis_cents, rate, vat)


def _check_dates(issue_date: dt.date, due_date: dt.date) -> None:
    if due_date < issue_date:
        raise PtceError(
            "due_before_issue", "due_date", due=format_date(due_date), issue=format_date(issue_date)
        )


def _insert_calls(
    session: Session,
    *,
    year: int,
    quarter: int | None,
    kind: str,
    issue_date: dt.date,
    due_date: dt.date,
    lines: dict[int, list[_Line]],
) -> list[int]:
    """One call per member with lines, numbered in member-name order; returns the call ids."""
    names = {
        member_id: name
        for member_id, name in session.execute(
            select(Member.id, Member.name).where(Member.id.in_(lines))
        )
    }
    ids = []
    for member_id in sorted(lines, key=lambda m: (names[m].casefold(), m)):
        number = next_sequence(session, SEQUENCE_NAME, year)
        call = Call(
            number=f"AF-{year}-{number:04d}",
            member_id=member_id,
            year=year,
            quarter=quarter,
            kind=kind,
            issue_date=issue_date,
            due_date=due_date,
        )
        for line in sorted(
            lines[member_id], key=lambda x: (x.service_name.casefold(), x.service_id)
        ):
            call.lines.append(
                CallLine(
                    service_id=line.service_id,
                    ht_cents=line.ht_cents,
                    vat_rate_bp=line.vat_rate_bp,
                    vat_cents=line.vat_cents,
                    ttc_cents=line.ttc_cents,
                )
            )
        session.add(call)
        session.flush()
        ids.append(call.id)
    return ids


def _budgeted_services(session: Session, fy: FiscalYear) -> list[tuple[SharedService, int]]:
    """Services active during ``fy`` with their budget; errors if budgets are missing."""
    rows = session.execute(
        select(SharedService, ServiceBudget.amount_cents)
        .outerjoin(
            ServiceBudget,
            and_(
                ServiceBudget.service_id == SharedService.id,
                ServiceBudget.year == fy.start_year,
            ),
        )
        .where(
            or_(SharedService.active_from.is_(None), SharedService.active_from <= fy.end),
            or_(SharedService.active_to.is_(None), SharedService.active_to >= fy.start),
        )
        .order_by(SharedService.name, SharedService.id)
    ).all()
    budgeted = [(service, amount) for service, amount in rows if amount is not None]
    if not budgeted:
        raise PtceError("no_budgets", year=fy.label)
    missing = [service.name for service, amount in rows if amount is None]
    if missing:
        raise PtceError("budgets_missing", year=fy.label, services=", ".join(missing))
    return budgeted


class CallService:
    """Issue calls for funds and read them back."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def issue_provisional_calls(
        self, year: int, quarter: int, *, issue_date: dt.date, due_date: dt.date
    ) -> list[CallView]:
        """Issue the provisional calls of one quarter (not undoable); see the module doc."""
        if quarter not in (1, 2, 3, 4):
            raise PtceError("invalid_quarter", "quarter", value=quarter)
        _check_dates(issue_date, due_date)
        with self.uow.write(f"Émettre les appels de fonds du T{quarter} {year}") as session:
            fy = fiscal_year(session, year)
            period = fy.quarters()[quarter - 1]
            issued = session.scalar(
                select(Call.id)
                .where(Call.year == year, Call.quarter == quarter, Call.kind == PROVISIONAL)
                .limit(1)
            )
            if issued is not None:
                raise PtceError("calls_already_issued", quarter=period.label)
            pole = pole_row(session)
            registered = pole is not None and pole.vat_registered
            lines: dict[int, list[_Line]] = defaultdict(list)
            for service, budget in _budgeted_services(session, fy):
                amount = split_over_quarters(budget)[quarter - 1]
                if amount == 0:
                    continue
                if service.key_id is None:
                    raise PtceError("call_service_without_key", service=service.name)
                shares = split_for(
                    session,
                    total_cents=amount,
                    key_id=service.key_id,
                    period_start=period.start,
                    period_end=period.end,
                    label=f"{service.name} — {period.label}",
                )
                for share in shares:
                    if share.cents != 0:
                        lines[share.member_id].append(_line(service, share.cents, registered))
            ids = _insert_calls(
                session,
                year=year,
                quarter=quarter,
                kind=PROVISIONAL,
                issue_date=issue_date,
                due_date=due_date,
                lines=lines,
            )
            return call_views(session, Call.id.in_(ids))

    def issue_true_up(self, year: int, *, issue_date: dt.date, due_date: dt.date) -> list[CallView]:
        """Issue the year-end true-up calls (actual shares − provisional calls; not undoable)."""
        _check_dates(issue_date, due_date)
        with self.uow.write(f"Émettre la régularisation {year}") as session:
            fy = fiscal_year(session, year)
            exists = session.scalar(
                select(Call.id).where(Call.year == year, Call.kind == TRUE_UP).limit(1)
            )
            if exists is not None:
                raise PtceError("true_up_already_issued", year=fy.label)
            diff: dict[tuple[int, int], int] = defaultdict(int)
            for member_id, service_id, cents in session.execute(
                select(Share.member_id, Cost.service_id, func.sum(Share.cents))
                .join(Cost, Cost.id == Share.cost_id)
                .where(Cost.period_start.between(fy.start, fy.end))
                .group_by(Share.member_id, Cost.service_id)
            ):
                diff[member_id, service_id] += int(cents)
            for member_id, service_id, cents in session.execute(
                select(Call.member_id, CallLine.service_id, func.sum(CallLine.ht_cents))
                .join(CallLine, CallLine.call_id == Call.id)
                .where(Call.year == year, Call.kind == PROVISIONAL)
                .group_by(Call.member_id, CallLine.service_id)
            ):
                diff[member_id, service_id] -= int(cents)
            service_ids = {service_id for (_, service_id), cents in diff.items() if cents}
            services = {
                service.id: service
                for service in session.scalars(
                    select(SharedService).where(SharedService.id.in_(service_ids))
                )
            }
            pole = pole_row(session)
            registered = pole is not None and pole.vat_registered
            lines: dict[int, list[_Line]] = defaultdict(list)
            for (member_id, service_id), cents in sorted(diff.items()):
                if cents:
                    lines[member_id].append(_line(services[service_id], cents, registered))
            ids = _insert_calls(
                session,
                year=year,
                quarter=None,
                kind=TRUE_UP,
                issue_date=issue_date,
                due_date=due_date,
                lines=lines,
            )
            return call_views(session, Call.id.in_(ids))

    def list_calls(self, year: int, *, member_id: int | None = None) -> list[CallView]:
        """The calls of a fiscal year (of one member), by number."""
        with self.uow.read() as session:
            where = [Call.year == year]
            if member_id is not None:
                where.append(Call.member_id == member_id)
            return call_views(session, *where)

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
