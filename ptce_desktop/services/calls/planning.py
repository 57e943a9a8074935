"""What a batch of calls will hold, computed once for the preview and for issuing alike.

A :class:`CallPlan` is the list of calls an issue would write (one per member, its lines),
computed inside the caller's transaction: the preview (a read) shows it, issuing (a write)
inserts exactly it — so the preview is what issuing writes, by construction.

Lines (DESIGN §4b), per member and service, each split exactly (largest remainder):

* **quarter**: the quarter's part of the service's billed budget — base, surcharge and fee
  (:func:`~ptce_desktop.domain.billing.bill` on the year's budget, each rounded once) each split
  over the four quarters, then over the members with the key version in force on the quarter's
  first day (presence prorated over the quarter);
* **catch-up** (budget or key revised after quarters were called): Σ over the quarters already
  called of (that quarter's share as it is computed today − what was called for it), per
  component; see :func:`catch_up_parts`;
* **exceptional**: pending exceptional charges, split once by their key;
* **true-up**: per member, service and component, the year's actual shares minus every line
  already called for the year (quarters, catch-ups, exceptional lines).

VAT (DESIGN §4.5): for a taxable service of a VAT-registered pole each line is HT and its VAT is
computed on it, half up; otherwise the line is TTC and carries no VAT.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.billing import (
    Billing,
    LineComponent,
    LineKind,
    bill,
    billing_in_force,
    catch_up_label,
    component_label,
)
from ptce_desktop.domain.errors import PtceError, error_text
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import FiscalYear, format_date
from ptce_desktop.domain.split import allocate_cents, split_over_quarters
from ptce_desktop.domain.vat import SplitBasis, split_basis, vat_cents
from ptce_desktop.services.calls.exceptional import charge_key_id, pending_charges
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.services.keys.loader import split_for
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    AllocationKey,
    Call,
    CallLine,
    Cost,
    ExceptionalCharge,
    KeyVersion,
    KeyVersionUnit,
    Member,
    ServiceBudget,
    Share,
    SharedService,
)

PROVISIONAL = "provisional"
TRUE_UP = "true_up"

_KIND_ORDER = {kind: n for n, kind in enumerate(LineKind)}
_COMPONENT_ORDER = {component: n for n, component in enumerate(LineComponent)}


def billing_on(service: SharedService, day: dt.date) -> Billing:
    """The service's coefficient and fee for a quarter or cost starting on ``day``: the term
    in force that day (DESIGN §4b, dated: a closed year keeps its own)."""
    return billing_in_force((term.term() for term in service.billing_terms), day)


@dataclass(frozen=True)
class PlannedLine:
    """One line of a planned call (cents; ``ht_cents`` is the split amount, the "basis")."""

    member_id: int
    service_id: int
    service_name: str
    kind: LineKind
    component: LineComponent
    label: str | None
    ht_cents: int
    vat_rate_bp: int
    vat_cents: int
    #: The exceptional charge a line of kind ``exceptional`` calls.
    exceptional_id: int | None = None

    @property
    def ttc_cents(self) -> int:
        return self.ht_cents + self.vat_cents

    @property
    def shown_kind(self) -> str:
        """The preview's line kind: quarter, catch_up, exceptional, true_up, surcharge, fee."""
        return self.kind.value if self.component is LineComponent.BASE else self.component.value


@dataclass(frozen=True)
class PlannedCall:
    member_id: int
    member_name: str
    lines: tuple[PlannedLine, ...]

    @property
    def total_cents(self) -> int:
        return sum(line.ttc_cents for line in self.lines)

    def by_kind(self) -> list[tuple[str, int]]:
        """(kind, cents) per line kind in a fixed order, then ("vat", cents) when any."""
        order = KINDS[:-1]
        sums: dict[str, int] = defaultdict(int)
        for line in self.lines:
            sums[line.shown_kind] += line.ht_cents
        rows = [(kind, sums[kind]) for kind in order if kind in sums]
        vat = sum(line.vat_cents for line in self.lines)
        if vat or any(line.vat_rate_bp for line in self.lines):
            rows.append(("vat", vat))
        return rows


#: The order of the line kinds of a preview.
KINDS = ("quarter", "catch_up", "exceptional", "true_up", "surcharge", "fee", "vat")


def kind_text(kind: str, lang: str = "fr") -> str:
    """« Trimestre », « Frais de gestion », « TVA »… for a preview's line kind."""
    return error_text(f"line_kind_{kind}", None, {}, lang)


@dataclass(frozen=True)
class Notice:
    """Something the coordinator should know before issuing (not an error)."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "fr") -> str:
        return error_text(self.code, None, self.values, lang)


@dataclass(frozen=True)
class CallPlan:
    """The calls an issue would write, in the order they would be numbered."""

    year: int
    year_label: str
    #: 1–4 for quarterly calls, None for the true-up or a call of exceptional lines alone.
    quarter: int | None
    kind: str
    period_label: str
    calls: tuple[PlannedCall, ...]
    notices: tuple[Notice, ...] = ()

    @property
    def count(self) -> int:
        return len(self.calls)

    @property
    def total_cents(self) -> int:
        return sum(call.total_cents for call in self.calls)

    def check_expected(self, expected: tuple[int, int] | None) -> None:
        """Refuse to issue when (count, total) is not what the preview showed."""
        if expected is not None and (self.count, self.total_cents) != tuple(expected):
            raise PtceError("preview_outdated", count=expected[0], total=format_money(expected[1]))


@dataclass(frozen=True)
class VatOn:
    """The VAT settings as dated on ``day`` (:mod:`ptce_desktop.store.dated`): the pole's
    registration and each service's regime and rate — a closed year keeps its own."""

    session: Session
    day: dt.date

    def rate(self, service: SharedService) -> int | None:
        """The VAT rate of the service's lines, or None when they are TTC without VAT."""
        regime, rate = service_vat_on(self.session, service, self.day)
        registered = vat_registered_on(self.session, self.day)
        return rate if split_basis(regime, registered) is SplitBasis.HT else None


def planned_line(
    member_id: int,
    service: SharedService,
    kind: LineKind,
    component: LineComponent,
    label: str | None,
    cents: int,
    vat: VatOn,
    exceptional_id: int | None = None,
) -> PlannedLine:
    rate = vat.rate(service)
    return PlannedLine(
        exceptional_id=exceptional_id,
        member_id=member_id,
        service_id=service.id,
        service_name=service.name,
        kind=kind,
        component=component,
        label=label,
        ht_cents=cents,
        vat_rate_bp=rate or 0,
        vat_cents=vat_cents(cents, rate) if rate else 0,
    )


def budgeted_services(session: Session, fy: FiscalYear) -> list[tuple[SharedService, int]]:
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


def check_units(session: Session, service: SharedService, start: dt.date, end: dt.date) -> None:
    """Refuse a member present in the period who is listed in the service's units or
    percentage key (version in force on ``start``) without a value: it would silently weigh 0
    (``member_without_units``)."""
    if service.key_id is None:
        return
    key = session.get(AllocationKey, service.key_id)
    if key is None or key.method not in (Method.UNITS, Method.PERCENT):
        return
    version_id = session.scalar(
        select(KeyVersion.id)
        .where(KeyVersion.key_id == key.id, KeyVersion.valid_from <= start)
        .order_by(KeyVersion.valid_from.desc())
        .limit(1)
    )
    if version_id is None:
        return  # the engine names the key without a version
    column = KeyVersionUnit.units_milli if key.method is Method.UNITS else KeyVersionUnit.percent_bp
    name = session.scalar(
        select(Member.name)
        .join(KeyVersionUnit, KeyVersionUnit.member_id == Member.id)
        .where(
            KeyVersionUnit.version_id == version_id,
            column.is_(None),
            or_(Member.joined_on.is_(None), Member.joined_on <= end),
            or_(Member.left_on.is_(None), Member.left_on >= start),
        )
        .order_by(Member.name)
        .limit(1)
    )
    if name is not None:
        raise PtceError(
            "member_without_units",
            member=name,
            key=key.name,
            service=service.name,
            period=f"{format_date(start)} – {format_date(end)}",
        )


def quarter_due(
    session: Session, service: SharedService, budget: int, fy: FiscalYear, quarter: int
) -> dict[tuple[int, LineComponent], int]:
    """(member, component) → cents of the service's quarter ``quarter`` as computed today."""
    period = fy.quarters()[quarter - 1]
    billed = bill(budget, billing_on(service, period.start))
    due: dict[tuple[int, LineComponent], int] = {}
    for component in LineComponent:
        amount = split_over_quarters(billed.component(component))[quarter - 1]
        if amount == 0:
            continue
        if service.key_id is None:
            raise PtceError("call_service_without_key", service=service.name)
        suffix = "" if component is LineComponent.BASE else f" ({component.value})"
        for share in split_for(
            session,
            total_cents=amount,
            key_id=service.key_id,
            period_start=period.start,
            period_end=period.end,
            label=f"{service.name} — {period.label}{suffix}",
        ):
            if share.cents != 0:
                due[share.member_id, component] = share.cents
    return due


def called_quarters(session: Session, year: int, *, before_call_id: int | None = None) -> set[int]:
    """The quarters of ``year`` whose provisional calls were issued (before the call
    ``before_call_id`` when given). A quarter where nobody owed anything left no call and does
    not count: the true-up settles what a catch-up would have added for it."""
    where = [Call.year == year, Call.kind == PROVISIONAL, Call.quarter.is_not(None)]
    if before_call_id is not None:
        where.append(Call.id < before_call_id)
    return {
        quarter
        for quarter in session.scalars(select(Call.quarter).where(*where).distinct())
        if quarter is not None
    }


def called_amounts(
    session: Session,
    year: int,
    *,
    kinds: Iterable[LineKind],
    quarters: Iterable[int] | None,
    before_call_id: int | None = None,
) -> dict[tuple[int, int, LineComponent], int]:
    """(member, service, component) → Σ of the year's call lines of ``kinds`` (on calls of
    ``quarters`` when given, issued before the call ``before_call_id`` when given)."""
    where = [Call.year == year, CallLine.kind.in_(list(kinds))]
    if quarters is not None:
        where.append(Call.quarter.in_(list(quarters)))
    if before_call_id is not None:
        where.append(Call.id < before_call_id)
    called: dict[tuple[int, int, LineComponent], int] = defaultdict(int)
    for member_id, service_id, component, cents in session.execute(
        select(Call.member_id, CallLine.service_id, CallLine.component, CallLine.ht_cents)
        .join(CallLine, CallLine.call_id == Call.id)
        .where(*where)
    ):
        called[member_id, service_id, LineComponent(component)] += int(cents)
    return called


@dataclass(frozen=True)
class CatchUpQuarter:
    """One called quarter of a catch-up: what was called for it and what is due today."""

    quarter: int
    called_cents: int
    due_cents: int

    @property
    def difference_cents(self) -> int:
        return self.due_cents - self.called_cents


def catch_up_parts(
    session: Session,
    service: SharedService,
    budget: int,
    fy: FiscalYear,
    before: int,
    *,
    before_call_id: int | None = None,
) -> tuple[list[int], dict[tuple[int, LineComponent], list[CatchUpQuarter]], dict[Any, int]]:
    """The catch-up of ``service`` on the call of quarter ``before``.

    Returns (the called quarters before ``before``, (member, component) → per-quarter
    called/due, (member, component) → what earlier catch-ups already called). The catch-up of a
    member and component = Σ due − Σ called − already caught up.
    """
    quarters = sorted(
        q
        for q in called_quarters(session, fy.start_year, before_call_id=before_call_id)
        if q < before
    )
    parts: dict[tuple[int, LineComponent], list[CatchUpQuarter]] = defaultdict(list)
    earlier: dict[Any, int] = {}
    if not quarters:
        return quarters, parts, earlier
    for quarter in quarters:
        due = quarter_due(session, service, budget, fy, quarter)
        called = {
            (member, component): cents
            for (member, service_id, component), cents in called_amounts(
                session,
                fy.start_year,
                kinds=[LineKind.QUARTER],
                quarters=[quarter],
                before_call_id=before_call_id,
            ).items()
            if service_id == service.id
        }
        for member_component in sorted(set(due) | set(called)):
            parts[member_component].append(
                CatchUpQuarter(
                    quarter, called.get(member_component, 0), due.get(member_component, 0)
                )
            )
    earlier = {
        (member, component): cents
        for (member, service_id, component), cents in called_amounts(
            session,
            fy.start_year,
            kinds=[LineKind.CATCH_UP],
            quarters=quarters,
            before_call_id=before_call_id,
        ).items()
        if service_id == service.id
    }
    return quarters, parts, earlier


def catch_ups(
    session: Session, service: SharedService, budget: int, fy: FiscalYear, quarter: int
) -> list[tuple[int, LineComponent, int, str]]:
    """(member, component, cents, label) of the catch-up lines of ``service`` on the call of
    ``quarter``: per member and component, Σ over the quarters already called of (that
    quarter's share as computed today − what was called for it) − what earlier catch-ups
    already called. Zero lines are left out."""
    quarters, parts, earlier = catch_up_parts(session, service, budget, fy, quarter)
    if not quarters:
        return []
    base_label = catch_up_label(quarters)
    found = []
    for member_id, component in sorted(set(parts) | set(earlier)):
        due = sum(q.difference_cents for q in parts.get((member_id, component), []))
        cents = due - earlier.get((member_id, component), 0)
        if not cents:
            continue
        own = component_label(component, billing_on(service, fy.quarters()[quarter - 1].start))
        label = base_label if own is None else f"{base_label} — {own}"
        found.append((member_id, component, cents, label))
    return found


def revised_after_q4(session: Session, fy: FiscalYear) -> list[Notice]:
    """A notice per service whose budget or key changed after Q4 was called: what the four
    quarters come to today differs from what was called; the true-up settles the gap."""
    if 4 not in called_quarters(session, fy.start_year):
        return []
    try:
        services = budgeted_services(session, fy)
    except PtceError:
        return []
    notices = []
    called = called_amounts(
        session, fy.start_year, kinds=[LineKind.QUARTER, LineKind.CATCH_UP], quarters=None
    )
    for service, budget in services:
        try:
            due: dict[tuple[int, LineComponent], int] = defaultdict(int)
            for quarter in (1, 2, 3, 4):
                for key, cents in quarter_due(session, service, budget, fy, quarter).items():
                    due[key] += cents
        except PtceError:
            continue
        mine = {(m, c): cents for (m, s, c), cents in called.items() if s == service.id}
        if any(due.get(k, 0) != mine.get(k, 0) for k in set(due) | set(mine)):
            notices.append(Notice("revision_after_q4", {"service": service.name, "year": fy.label}))
    return notices


def exceptional_lines(
    session: Session, charges: list[ExceptionalCharge]
) -> dict[int, list[PlannedLine]]:
    """member → the lines calling ``charges``: each split once by its key, version in force
    on its date (presence and VAT settings on that day)."""
    lines: dict[int, list[PlannedLine]] = defaultdict(list)
    for charge in charges:
        service = session.get(SharedService, charge.service_id)
        assert service is not None
        for share in split_for(
            session,
            total_cents=charge.amount_cents,
            key_id=charge_key_id(session, charge),
            period_start=charge.date,
            period_end=charge.date,
            label=charge.label,
        ):
            if share.cents:
                lines[share.member_id].append(
                    planned_line(
                        share.member_id,
                        service,
                        LineKind.EXCEPTIONAL,
                        LineComponent.BASE,
                        charge.label,
                        share.cents,
                        VatOn(session, charge.date),
                        charge.id,
                    )
                )
    return lines


def plan_exceptional(session: Session, year: int) -> CallPlan:
    """A call of its own for the year's pending exceptional charges marked so."""
    fy = fiscal_year(session, year)
    charges = pending_charges(session, year, own_call=True)
    if not charges:
        raise PtceError("nothing_to_call", year=fy.label)
    lines = exceptional_lines(session, charges)
    return CallPlan(
        year=year,
        year_label=fy.label,
        quarter=None,
        kind=PROVISIONAL,
        period_label=f"Appel exceptionnel {fy.label}",
        calls=_calls(session, lines),
    )


def _calls(session: Session, lines: dict[int, list[PlannedLine]]) -> tuple[PlannedCall, ...]:
    """One planned call per member with lines (not all zero), in member-name order."""
    names = dict(
        session.execute(select(Member.id, Member.name).where(Member.id.in_(list(lines)))).all()
    )
    calls = []
    for member_id in sorted(lines, key=lambda m: (names[m].casefold(), m)):
        own = [line for line in lines[member_id] if line.ht_cents or line.vat_cents]
        if not own:
            continue
        own.sort(
            key=lambda x: (
                x.service_name.casefold(),
                x.service_id,
                _KIND_ORDER[x.kind],
                _COMPONENT_ORDER[x.component],
                x.label or "",
            )
        )
        calls.append(PlannedCall(member_id, names[member_id], tuple(own)))
    return tuple(calls)


def plan_quarter(session: Session, year: int, quarter: int) -> CallPlan:
    """The provisional calls of ``quarter``: quarter lines and catch-ups (see the module doc)."""
    if quarter not in (1, 2, 3, 4):
        raise PtceError("invalid_quarter", "quarter", value=quarter)
    fy = fiscal_year(session, year)
    period = fy.quarters()[quarter - 1]
    if quarter in called_quarters(session, year):
        raise PtceError("calls_already_issued", quarter=period.label)
    vat_registered = VatOn(session, period.start)
    lines: dict[int, list[PlannedLine]] = defaultdict(list)
    for service, budget in budgeted_services(session, fy):
        if budget:
            check_units(session, service, period.start, period.end)
        billing = billing_on(service, period.start)
        for (member_id, component), cents in quarter_due(
            session, service, budget, fy, quarter
        ).items():
            label = component_label(component, billing)
            lines[member_id].append(
                planned_line(
                    member_id, service, LineKind.QUARTER, component, label, cents, vat_registered
                )
            )
        for member_id, component, cents, label in catch_ups(session, service, budget, fy, quarter):
            lines[member_id].append(
                planned_line(
                    member_id, service, LineKind.CATCH_UP, component, label, cents, vat_registered
                )
            )
    charges = pending_charges(session, year, own_call=False)
    for member_id, found in exceptional_lines(session, charges).items():
        lines[member_id].extend(found)
    return CallPlan(
        year=year,
        year_label=fy.label,
        quarter=quarter,
        kind=PROVISIONAL,
        period_label=period.label,
        calls=_calls(session, lines),
    )


def actual_parts(
    session: Session, fy: FiscalYear, *, service_id: int | None = None
) -> tuple[dict[tuple[int, int, LineComponent], list[tuple[int, int]]], dict[int, SharedService]]:
    """(member, service, component) → [(cost id, cents)]: the year's actual amounts, cost by
    cost — the members' shares of the costs whose period starts in the year, and per cost its
    surcharge and fee (each rounded once on the cost's split amount = the sum of its shares,
    then split in proportion to those shares). Also the services met, by id."""
    parts: dict[tuple[int, int, LineComponent], list[tuple[int, int]]] = defaultdict(list)
    per_cost: dict[int, dict[int, int]] = defaultdict(dict)
    cost_info: dict[int, tuple[int, dt.date]] = {}
    query = (
        select(Cost.id, Cost.service_id, Cost.period_start, Share.member_id, Share.cents)
        .join(Share, Share.cost_id == Cost.id)
        .where(Cost.period_start.between(fy.start, fy.end))
        .order_by(Cost.period_start, Cost.id, Share.member_id)
    )
    if service_id is not None:
        query = query.where(Cost.service_id == service_id)
    for cost_id, cost_service, start, member_id, cents in session.execute(query):
        parts[member_id, cost_service, LineComponent.BASE].append((cost_id, int(cents)))
        per_cost[cost_id][member_id] = int(cents)
        cost_info[cost_id] = (cost_service, start)
    services = {
        service.id: service
        for service in session.scalars(
            select(SharedService).where(
                SharedService.id.in_({sid for sid, _ in cost_info.values()})
            )
        )
    }
    for cost_id, shares in per_cost.items():
        cost_service, start = cost_info[cost_id]
        billing = billing_on(services[cost_service], start)
        weights = {member: abs(cents) for member, cents in shares.items()}
        if not billing.active or not any(weights.values()):
            continue
        billed = bill(sum(shares.values()), billing)
        for component in (LineComponent.SURCHARGE, LineComponent.FEE):
            amount = billed.component(component)
            if amount:
                for member, cents in allocate_cents(amount, weights).items():
                    if cents:
                        parts[member, cost_service, component].append((cost_id, cents))
    return parts, services


def plan_true_up(session: Session, year: int) -> CallPlan:
    """The year-end true-up: actual (with coefficient and fee) − everything already called."""
    fy = fiscal_year(session, year)
    exists = session.scalar(select(Call.id).where(Call.year == year, Call.kind == TRUE_UP).limit(1))
    if exists is not None:
        raise PtceError("true_up_already_issued", year=fy.label)
    parts, services = actual_parts(session, fy)
    diff: dict[tuple[int, int, LineComponent], int] = defaultdict(int)
    for key, found in parts.items():
        diff[key] += sum(cents for _, cents in found)
    for key, cents in called_amounts(
        session,
        year,
        kinds=[LineKind.QUARTER, LineKind.CATCH_UP, LineKind.EXCEPTIONAL],
        quarters=None,
    ).items():
        diff[key] -= cents
    missing = {service_id for (_, service_id, _), cents in diff.items() if cents} - set(services)
    if missing:
        services.update(
            (service.id, service)
            for service in session.scalars(
                select(SharedService).where(SharedService.id.in_(missing))
            )
        )
    vat_registered = VatOn(session, fy.start)  # as the call's documents date their mentions
    lines: dict[int, list[PlannedLine]] = defaultdict(list)
    for (member_id, service_id, component), cents in sorted(diff.items()):
        if not cents:
            continue
        service = services[service_id]
        label = component_label(component, billing_on(service, fy.end))
        lines[member_id].append(
            planned_line(
                member_id, service, LineKind.TRUE_UP, component, label, cents, vat_registered
            )
        )
    return CallPlan(
        year=year,
        year_label=fy.label,
        quarter=None,
        kind=TRUE_UP,
        period_label=f"Régularisation {fy.label}",
        calls=_calls(session, lines),
        notices=tuple(revised_after_q4(session, fy)),
    )


__all__ = [
    "KINDS",
    "CallPlan",
    "CatchUpQuarter",
    "Notice",
    "PlannedCall",
    "PlannedLine",
    "actual_parts",
    "billing_on",
    "budgeted_services",
    "catch_up_label",
    "catch_up_parts",
    "catch_ups",
    "kind_text",
    "plan_exceptional",
    "plan_quarter",
    "plan_true_up",
    "quarter_due",
    "revised_after_q4",
]
