"""Read model of one member for one fiscal year: figures, services, shares, calls, payments.

Queried straight from the tables (shares, costs, calls, call lines, payments, matches, keys),
every total summed in SQL; a bounded number of statements whatever the data size.

Decisions:

* a share belongs to the fiscal year and quarter of the **first day of its cost's period**
  (the store's rule for a cost's fiscal year, see ``Cost``), so quarters add up to the year;
* a service is **used** by the member when the member has shares on the year's costs, or when
  the service's key gives it weight during the year: a non-zero unit or percentage (or a
  listed presence for an equal key) in a key version in force during the year, an equal key
  whose version lists nobody (every member takes part) while the member is active, usage
  recorded during the year, or any of those through the parts of a mixed key;
* ``called``/``paid``/``balance`` are those of the year (calls of the fiscal year, payments
  dated in it); ``overall_balance_cents`` is everything called minus everything paid, ever.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.store.models import (
    AllocationKey,
    Call,
    CallLine,
    Cost,
    KeyMixPart,
    KeyVersion,
    KeyVersionUnit,
    Member,
    MemberYearFigures,
    Payment,
    PaymentMatch,
    Share,
    SharedService,
    UsageRecord,
)

if TYPE_CHECKING:
    from ptce_desktop.services.members.members import MemberView

CALL_KIND_LABELS: dict[str, str] = {
    "provisional": "Appel provisionnel",
    "true_up": "Régularisation",
}


def active_condition(fy: FiscalYear) -> ColumnElement[bool]:
    """SQL condition: the member is present on at least one day of the fiscal year."""
    return and_(
        or_(Member.joined_on.is_(None), Member.joined_on <= fy.end),
        or_(Member.left_on.is_(None), Member.left_on >= fy.start),
    )


@dataclass(frozen=True)
class YearFigures:
    """Figures a member declared for one fiscal year (None = not declared)."""

    year: int
    headcount: int | None = None
    etp_milli: int | None = None
    jobs_created: int | None = None
    jobs_maintained: int | None = None
    volunteers: int | None = None
    turnover_cents: int | None = None


@dataclass(frozen=True)
class ServiceUse:
    service_id: int
    name: str
    via_key: bool
    shares_cents: int


@dataclass(frozen=True)
class ServiceQuarterShares:
    """The member's shares of one service's costs, per quarter of the fiscal year."""

    service_id: int
    service_name: str
    quarters: tuple[int, int, int, int]

    @property
    def total_cents(self) -> int:
        return sum(self.quarters)


@dataclass(frozen=True)
class CallSummary:
    id: int
    number: str
    kind: str
    kind_label: str
    quarter: int | None
    issue_date: dt.date
    due_date: dt.date
    total_cents: int
    paid_cents: int

    @property
    def outstanding_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class PaymentSummary:
    id: int
    date: dt.date
    amount_cents: int
    method: str
    reference: str | None
    matched_cents: int


@dataclass(frozen=True)
class MemberDetail:
    member: MemberView
    year: int
    year_label: str
    active: bool
    figures: YearFigures | None
    services: tuple[ServiceUse, ...]
    shares: tuple[ServiceQuarterShares, ...]
    calls: tuple[CallSummary, ...]
    payments: tuple[PaymentSummary, ...]
    overall_balance_cents: int

    @property
    def shares_total_cents(self) -> int:
        return sum(item.total_cents for item in self.shares)

    @property
    def called_cents(self) -> int:
        return sum(call.total_cents for call in self.calls)

    @property
    def paid_cents(self) -> int:
        return sum(payment.amount_cents for payment in self.payments)

    @property
    def balance_cents(self) -> int:
        """Called minus paid in the year: positive = the member still owes."""
        return self.called_cents - self.paid_cents


def _in_force(fy: FiscalYear) -> ColumnElement[bool]:
    """KeyVersion in force on at least one day of the year (not superseded before it)."""
    later = aliased(KeyVersion)
    return and_(
        KeyVersion.valid_from <= fy.end,
        ~exists().where(
            later.key_id == KeyVersion.key_id,
            later.valid_from > KeyVersion.valid_from,
            later.valid_from <= fy.start,
        ),
    )


def _weighted_keys(session: Session, member_id: int, fy: FiscalYear, active: bool) -> set[int]:
    """Keys giving the member weight during the year (see the module docstring)."""
    units, percent = KeyVersionUnit.units_milli, KeyVersionUnit.percent_bp
    weighted = or_(
        func.coalesce(units, 0) > 0,
        func.coalesce(percent, 0) > 0,
        and_(units.is_(None), percent.is_(None)),
    )
    keys = set(
        session.scalars(
            select(KeyVersion.key_id)
            .join(KeyVersionUnit, KeyVersionUnit.version_id == KeyVersion.id)
            .where(KeyVersionUnit.member_id == member_id, weighted, _in_force(fy))
        )
    )
    keys.update(
        session.scalars(
            select(UsageRecord.key_id).where(
                UsageRecord.member_id == member_id,
                UsageRecord.date.between(fy.start, fy.end),
                UsageRecord.quantity_milli > 0,
            )
        )
    )
    if active:
        keys.update(
            session.scalars(
                select(KeyVersion.key_id)
                .join(AllocationKey, AllocationKey.id == KeyVersion.key_id)
                .where(
                    AllocationKey.method == Method.EQUAL,
                    _in_force(fy),
                    ~exists().where(KeyVersionUnit.version_id == KeyVersion.id),
                )
            )
        )
    frontier = set(keys)
    for _depth in range(5):  # mixed keys of mixed keys: bounded, cycles are refused upstream
        if not frontier:
            break
        parents = set(
            session.scalars(
                select(KeyVersion.key_id)
                .join(KeyMixPart, KeyMixPart.version_id == KeyVersion.id)
                .where(KeyMixPart.part_key_id.in_(frontier), KeyMixPart.weight_bp > 0)
                .where(_in_force(fy))
            )
        )
        frontier = parents - keys
        keys |= parents
    return keys


def _quarter_shares(
    session: Session, member_id: int, fy: FiscalYear
) -> tuple[ServiceQuarterShares, ...]:
    columns: list[Any] = [
        func.coalesce(
            func.sum(case((Cost.period_start.between(q.start, q.end), Share.cents), else_=0)), 0
        )
        for q in fy.quarters()
    ]
    statement = (
        select(SharedService.id, SharedService.name, *columns)
        .select_from(Share)
        .join(Cost, Cost.id == Share.cost_id)
        .join(SharedService, SharedService.id == Cost.service_id)
        .where(Share.member_id == member_id, Cost.period_start.between(fy.start, fy.end))
        .group_by(SharedService.id, SharedService.name)
        .order_by(SharedService.name, SharedService.id)
    )
    return tuple(
        ServiceQuarterShares(sid, name, (int(q1), int(q2), int(q3), int(q4)))
        for sid, name, q1, q2, q3, q4 in session.execute(statement)
    )


def _services(
    session: Session,
    member_id: int,
    fy: FiscalYear,
    active: bool,
    shares: tuple[ServiceQuarterShares, ...],
) -> tuple[ServiceUse, ...]:
    keys = _weighted_keys(session, member_id, fy, active)
    by_key: dict[int, str] = {}
    if keys:
        by_key = dict(
            session.execute(
                select(SharedService.id, SharedService.name).where(
                    SharedService.key_id.in_(keys),
                    or_(SharedService.active_from.is_(None), SharedService.active_from <= fy.end),
                    or_(SharedService.active_to.is_(None), SharedService.active_to >= fy.start),
                )
            ).all()
        )
    shared = {item.service_id: item for item in shares}
    names = {**by_key, **{sid: item.service_name for sid, item in shared.items()}}
    uses = [
        ServiceUse(
            sid,
            name,
            sid in by_key,
            shared[sid].total_cents if sid in shared else 0,
        )
        for sid, name in names.items()
    ]
    return tuple(sorted(uses, key=lambda use: (use.name.casefold(), use.service_id)))


def _calls(session: Session, member_id: int, fy: FiscalYear) -> tuple[CallSummary, ...]:
    totals = (
        select(CallLine.call_id, func.sum(CallLine.ttc_cents).label("total"))
        .group_by(CallLine.call_id)
        .subquery()
    )
    paid = (
        select(PaymentMatch.call_id, func.sum(PaymentMatch.amount_cents).label("paid"))
        .group_by(PaymentMatch.call_id)
        .subquery()
    )
    statement = (
        select(
            Call.id,
            Call.number,
            Call.kind,
            Call.quarter,
            Call.issue_date,
            Call.due_date,
            func.coalesce(totals.c.total, 0),
            func.coalesce(paid.c.paid, 0),
        )
        .outerjoin(totals, totals.c.call_id == Call.id)
        .outerjoin(paid, paid.c.call_id == Call.id)
        .where(Call.member_id == member_id, Call.year == fy.start_year)
        .order_by(Call.issue_date, Call.number)
    )
    return tuple(
        CallSummary(
            cid,
            number,
            kind,
            CALL_KIND_LABELS.get(kind, kind),
            quarter,
            issued,
            due,
            int(t),
            int(p),
        )
        for cid, number, kind, quarter, issued, due, t, p in session.execute(statement)
    )


def _payments(session: Session, member_id: int, fy: FiscalYear) -> tuple[PaymentSummary, ...]:
    matched = (
        select(PaymentMatch.payment_id, func.sum(PaymentMatch.amount_cents).label("matched"))
        .group_by(PaymentMatch.payment_id)
        .subquery()
    )
    statement = (
        select(
            Payment.id,
            Payment.date,
            Payment.amount_cents,
            Payment.method,
            Payment.reference,
            func.coalesce(matched.c.matched, 0),
        )
        .outerjoin(matched, matched.c.payment_id == Payment.id)
        .where(Payment.member_id == member_id, Payment.date.between(fy.start, fy.end))
        .order_by(Payment.date, Payment.id)
    )
    return tuple(
        PaymentSummary(pid, day, int(amount), method, reference, int(m))
        for pid, day, amount, method, reference, m in session.execute(statement)
    )


def _overall_balance(session: Session, member_id: int) -> int:
    called = (
        select(func.coalesce(func.sum(CallLine.ttc_cents), 0))
        .join(Call, Call.id == CallLine.call_id)
        .where(Call.member_id == member_id)
        .scalar_subquery()
    )
    paid = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.member_id == member_id)
        .scalar_subquery()
    )
    return int(session.execute(select(called - paid)).scalar_one())


def load_member_detail(session: Session, member: MemberView, fy: FiscalYear) -> MemberDetail:
    """Everything the member page and the member statement show for ``fy``."""
    active = bool(
        session.scalar(
            select(func.count())
            .select_from(Member)
            .where(Member.id == member.id, active_condition(fy))
        )
    )
    figures_row = session.scalars(
        select(MemberYearFigures).where(
            MemberYearFigures.member_id == member.id, MemberYearFigures.year == fy.start_year
        )
    ).one_or_none()
    figures = (
        None
        if figures_row is None
        else YearFigures(
            fy.start_year,
            figures_row.headcount,
            figures_row.etp_milli,
            figures_row.jobs_created,
            figures_row.jobs_maintained,
            figures_row.volunteers,
            figures_row.turnover_cents,
        )
    )
    shares = _quarter_shares(session, member.id, fy)
    return MemberDetail(
        member=member,
        year=fy.start_year,
        year_label=fy.label,
        active=active,
        figures=figures,
        services=_services(session, member.id, fy, active, shares),
        shares=shares,
        calls=_calls(session, member.id, fy),
        payments=_payments(session, member.id, fy),
        overall_balance_cents=_overall_balance(session, member.id),
    )
