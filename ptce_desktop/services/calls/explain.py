"""« Pourquoi ce montant ? » for a call line: the line re-derived exactly as issuing did it.

A **provisional** line of quarter *q* of fiscal year *Y* (DESIGN §4b): the service's budget for
*Y* → :func:`~ptce_desktop.domain.split.split_over_quarters` (the four parts, which one)
→ the member's share of that part with the service's key, version in force on the quarter's
first day, presence prorated over the quarter (the domain's
:class:`~ptce_desktop.domain.keys.ShareExplanation`) → the VAT of the line.

A **true-up** line: the member's actual shares of the service's costs of *Y* (costs whose
period starts in *Y*) minus the basis of the provisional calls of *Y* issued before the
true-up (those the true-up saw) → the VAT of the line.

A **surcharge** or **fee** line (coefficient and management fee, DESIGN §4b): the same steps on
the surcharge or fee of the budget (:attr:`CallLineExplanation.billing`: base × (coefficient −
1) or base × rate, rounded once, half up) — for the true-up, on each cost of the year.

A **catch-up** line (budget or key revised after quarters were called): per called quarter,
what was called, what is due as computed today and the difference
(:attr:`CallLineExplanation.catch_up`), minus what earlier catch-ups already called.

The VAT (DESIGN §4.5): for a taxable service of a VAT-registered pole the amount is HT and
the VAT is rate × HT rounded half up; otherwise the amount is TTC and there is no VAT.

Re-deriving reads today's budgets, keys, members and VAT settings: when one of them changed
after the call was issued, the amount found differs from the stored line and
:attr:`CallLineExplanation.matches_stored` is False (the stored line stays what the member was
asked to pay). Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.billing import Billed, LineComponent, LineKind, bill
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import ShareExplanation
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.split import split_over_quarters
from ptce_desktop.domain.vat import SplitBasis, VatRegime, split_basis, vat_cents
from ptce_desktop.services.calls.exceptional import charge_key_id
from ptce_desktop.services.calls.planning import (
    CatchUpQuarter,
    actual_parts,
    billing_on,
    catch_up_parts,
)
from ptce_desktop.services.calls.views import call_views
from ptce_desktop.services.common import fiscal_year, get_or_error
from ptce_desktop.services.keys.loader import split_for
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    ExceptionalCharge,
    Member,
    ServiceBudget,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "ActualShare",
    "BillingPart",
    "CallLineExplanation",
    "CatchUpQuarter",
    "EarlierCall",
    "ExceptionalPart",
    "QuarterPart",
    "VatPart",
    "explain_call_line",
]

PROVISIONAL = "provisional"
TRUE_UP = "true_up"


@dataclass(frozen=True)
class QuarterPart:
    """The service's budget of the year and the quarter's part of it."""

    #: None when the service has no budget row for the year any more (taken as 0).
    budget_cents: int | None
    quarter: int
    quarter_label: str
    quarter_start: dt.date
    quarter_end: dt.date
    #: The four parts (T1 first); they sum to the budget; an odd cent goes to T1 first.
    parts: tuple[int, int, int, int]

    @property
    def quarter_cents(self) -> int:
        return self.parts[self.quarter - 1]


@dataclass(frozen=True)
class VatPart:
    """The VAT of the line: on the HT for a taxable service of a VAT-registered pole."""

    basis: SplitBasis
    regime: VatRegime
    pole_vat_registered: bool
    rate_bp: int
    #: rate × amount, in cents, before rounding half up.
    exact_cents: Fraction
    cents: int


@dataclass(frozen=True)
class BillingPart:
    """How a surcharge or fee line's amount comes from the base (DESIGN §4b)."""

    component: str
    #: The base it applies to: the year's budget (calls); None for a true-up (cost by cost).
    base_cents: int | None
    coefficient_e4: int | None
    fee_rate_bp: int | None
    #: The exact surcharge or fee of the base, before rounding half up (None for a true-up).
    exact: Fraction | None
    cents: int | None


@dataclass(frozen=True)
class ExceptionalPart:
    """An exceptional charge a line calls: split once by its key on its date."""

    charge_id: int
    label: str
    date: dt.date
    amount_cents: int


@dataclass(frozen=True)
class ActualShare:
    """The member's share of one cost of the year (true-up)."""

    cost_id: int
    period_start: dt.date
    label: str
    cents: int


@dataclass(frozen=True)
class EarlierCall:
    """A provisional call of the year the true-up deducts (its line for the service)."""

    call_id: int
    number: str
    period_label: str
    cents: int


@dataclass(frozen=True)
class CallLineExplanation:
    """One call line, re-derived (see the module doc); amounts in cents.

    ``amount_cents`` is the re-derived basis (HT for a taxable line, else TTC) and
    ``vat.cents`` its VAT; ``stored_*`` are what the line holds. For a provisional line
    ``quarter_part`` is set and ``share`` is the member's share explanation (None when the
    member no longer takes part in the key for that quarter: 0); for a true-up line
    ``actual_shares`` and ``earlier_calls`` list what is added and deducted.
    """

    call_id: int
    call_number: str
    kind: str
    member_id: int
    member_name: str
    service_id: int
    service_name: str
    year: int
    year_label: str
    period_label: str
    key_unit: str
    quarter_part: QuarterPart | None
    share: ShareExplanation | None
    actual_shares: tuple[ActualShare, ...]
    earlier_calls: tuple[EarlierCall, ...]
    amount_cents: int
    vat: VatPart
    stored_ht_cents: int
    stored_vat_rate_bp: int
    stored_vat_cents: int
    stored_ttc_cents: int
    line_kind: str = LineKind.QUARTER.value
    component: str = LineComponent.BASE.value
    label: str | None = None
    billing: BillingPart | None = None
    #: A catch-up line: per called quarter, called / due / difference.
    catch_up: tuple[CatchUpQuarter, ...] = ()
    #: A catch-up line: what earlier catch-ups already called for those quarters.
    already_caught_up_cents: int = 0
    #: An exceptional line: the charge it calls (``share`` is the member's part of it).
    exceptional: ExceptionalPart | None = None

    @property
    def is_catch_up(self) -> bool:
        return self.line_kind == LineKind.CATCH_UP.value

    @property
    def is_true_up(self) -> bool:
        return self.line_kind == LineKind.TRUE_UP.value

    @property
    def actual_cents(self) -> int:
        return sum(share.cents for share in self.actual_shares)

    @property
    def called_cents(self) -> int:
        return sum(call.cents for call in self.earlier_calls)

    @property
    def ttc_cents(self) -> int:
        return self.amount_cents + self.vat.cents

    @property
    def matches_stored(self) -> bool:
        """The line re-derived today is the line stored (amount, VAT rate and VAT)."""
        return (self.amount_cents, self.vat.rate_bp, self.vat.cents) == (
            self.stored_ht_cents,
            self.stored_vat_rate_bp,
            self.stored_vat_cents,
        )


def _vat(session: Session, service: SharedService, amount: int, day: dt.date) -> VatPart:
    """The VAT of a line of ``amount`` cents, as issuing computes it: the settings as dated
    on ``day`` (the quarter's first day, the charge's date, the year's first day)."""
    regime, dated_rate = service_vat_on(session, service, day)
    registered = vat_registered_on(session, day)
    basis = split_basis(regime, registered)
    rate = dated_rate if basis is SplitBasis.HT else 0
    return VatPart(
        basis=basis,
        regime=regime,
        pole_vat_registered=registered,
        rate_bp=rate,
        exact_cents=Fraction(amount * rate, 10_000),
        cents=vat_cents(amount, rate) if rate else 0,
    )


def _billing_part(
    component: LineComponent, billed: Billed, service: SharedService, day: dt.date
) -> BillingPart:
    billing = billing_on(service, day)
    return BillingPart(
        component=component.value,
        base_cents=billed.base_cents,
        coefficient_e4=billing.coefficient_e4,
        fee_rate_bp=billing.fee_rate_bp,
        exact=billed.surcharge_exact if component is LineComponent.SURCHARGE else billed.fee_exact,
        cents=billed.component(component),
    )


def _provisional(
    session: Session, call: Call, service: SharedService, component: LineComponent
) -> tuple[QuarterPart, ShareExplanation | None, int, BillingPart | None]:
    assert call.quarter is not None
    fy = fiscal_year(session, call.year)
    period = fy.quarters()[call.quarter - 1]
    budget = session.scalar(
        select(ServiceBudget.amount_cents).where(
            ServiceBudget.service_id == service.id, ServiceBudget.year == call.year
        )
    )
    billed = bill(budget or 0, billing_on(service, period.start))
    billing = (
        None
        if component is LineComponent.BASE
        else _billing_part(component, billed, service, period.start)
    )
    first, second, third, fourth = split_over_quarters(billed.component(component))
    part = QuarterPart(
        budget_cents=budget,
        quarter=call.quarter,
        quarter_label=period.label,
        quarter_start=period.start,
        quarter_end=period.end,
        parts=(first, second, third, fourth),
    )
    if part.quarter_cents == 0:
        return part, None, 0, billing
    if service.key_id is None:
        raise PtceError("call_service_without_key", service=service.name)
    suffix = "" if component is LineComponent.BASE else f" ({component.value})"
    shares = split_for(
        session,
        total_cents=part.quarter_cents,
        key_id=service.key_id,
        period_start=period.start,
        period_end=period.end,
        label=f"{service.name} — {period.label}{suffix}",
    )
    share = next((s for s in shares if s.member_id == call.member_id), None)
    return part, share, share.cents if share is not None else 0, billing


def _actual_shares(
    session: Session, call: Call, service_id: int, component: LineComponent
) -> tuple[ActualShare, ...]:
    fy = fiscal_year(session, call.year)
    parts, _ = actual_parts(session, fy, service_id=service_id)
    found = dict(parts.get((call.member_id, service_id, component), []))
    if not found:
        return ()
    rows = session.execute(
        select(Cost.id, Cost.period_start, Cost.label)
        .where(Cost.id.in_(list(found)))
        .order_by(Cost.period_start, Cost.id)
    )
    return tuple(
        ActualShare(cost_id, start, label, found[cost_id]) for cost_id, start, label in rows
    )


def _earlier_calls(
    session: Session, call: Call, service_id: int, component: LineComponent
) -> tuple[EarlierCall, ...]:
    """The calls of the year issued before the true-up ``call`` (lower ids): their lines of
    the service and component (quarters, catch-ups, exceptional lines)."""
    where = (
        Call.year == call.year,
        Call.member_id == call.member_id,
        Call.id < call.id,
    )
    amounts = dict(
        session.execute(
            select(CallLine.call_id, func.sum(CallLine.ht_cents))
            .join(Call, Call.id == CallLine.call_id)
            .where(
                *where,
                CallLine.service_id == service_id,
                CallLine.component == component,
                CallLine.kind != LineKind.TRUE_UP,
            )
            .group_by(CallLine.call_id)
        ).all()
    )
    return tuple(
        EarlierCall(view.id, view.number, view.period_label, int(amounts[view.id]))
        for view in call_views(session, *where, Call.id.in_(list(amounts)))
    )


def _catch_up(
    session: Session, call: Call, service: SharedService, component: LineComponent
) -> tuple[tuple[CatchUpQuarter, ...], int]:
    """Per called quarter before the call's, called / due today; and earlier catch-ups."""
    assert call.quarter is not None
    fy = fiscal_year(session, call.year)
    budget = session.scalar(
        select(ServiceBudget.amount_cents).where(
            ServiceBudget.service_id == service.id, ServiceBudget.year == call.year
        )
    )
    # What the quarters looked like when this call was issued: calls issued before it.
    _, parts, _ = catch_up_parts(
        session, service, budget or 0, fy, call.quarter, before_call_id=call.id
    )
    earlier = session.scalar(
        select(func.coalesce(func.sum(CallLine.ht_cents), 0))
        .join(Call, Call.id == CallLine.call_id)
        .where(
            Call.year == call.year,
            Call.member_id == call.member_id,
            Call.id < call.id,
            CallLine.service_id == service.id,
            CallLine.component == component,
            CallLine.kind == LineKind.CATCH_UP,
        )
    )
    return tuple(parts.get((call.member_id, component), [])), int(earlier or 0)


def _exceptional(
    session: Session, line: CallLine, member_id: int
) -> tuple[ExceptionalPart | None, ShareExplanation | None, int]:
    """The charge an exceptional line calls, split again by its key on its date."""
    charge = (
        session.get(ExceptionalCharge, line.exceptional_id)
        if line.exceptional_id is not None
        else None
    )
    if charge is None:
        return None, None, 0
    shares = split_for(
        session,
        total_cents=charge.amount_cents,
        key_id=charge_key_id(session, charge),
        period_start=charge.date,
        period_end=charge.date,
        label=charge.label,
    )
    share = next((s for s in shares if s.member_id == member_id), None)
    part = ExceptionalPart(charge.id, charge.label, charge.date, charge.amount_cents)
    return part, share, share.cents if share is not None else 0


def explain_call_line(
    uow: UnitOfWork, call_id: int, service_id: int, *, line_id: int | None = None
) -> CallLineExplanation:
    """Re-derive a line of call ``call_id`` (see the module doc): ``line_id`` when given, else
    the service's first line (its quarter or true-up base line).

    Raises ``not_found`` for an unknown call or a call without that service; engine errors
    (a key without a version for the quarter, no participant…) name the service and quarter.
    """
    with uow.read() as session:
        call = get_or_error(session, Call, call_id, Entity.CALL)
        query = select(CallLine).where(
            CallLine.call_id == call_id, CallLine.service_id == service_id
        )
        if line_id is not None:
            query = query.where(CallLine.id == line_id)
        line = session.scalars(query.order_by(CallLine.id)).first()
        if line is None:
            raise PtceError("not_found", entity=Entity.CALL_LINE, id=line_id or service_id)
        service = get_or_error(session, SharedService, service_id, Entity.SHARED_SERVICE)
        member_name = session.scalar(select(Member.name).where(Member.id == call.member_id))
        fy = fiscal_year(session, call.year)
        vat_day = fy.quarters()[call.quarter - 1].start if call.quarter else fy.start
        component = LineComponent(line.component)
        kind = LineKind(line.kind)
        quarter_part: QuarterPart | None = None
        share: ShareExplanation | None = None
        billing: BillingPart | None = None
        actual: tuple[ActualShare, ...] = ()
        earlier: tuple[EarlierCall, ...] = ()
        catch_up: tuple[CatchUpQuarter, ...] = ()
        caught_up = 0
        exceptional: ExceptionalPart | None = None
        if kind is LineKind.TRUE_UP:
            actual = _actual_shares(session, call, service_id, component)
            earlier = _earlier_calls(session, call, service_id, component)
            amount = sum(s.cents for s in actual) - sum(c.cents for c in earlier)
            period_label = f"Régularisation {fy.label}"
        elif kind is LineKind.CATCH_UP:
            catch_up, caught_up = _catch_up(session, call, service, component)
            amount = sum(q.difference_cents for q in catch_up) - caught_up
            period_label = fy.quarters()[(call.quarter or 1) - 1].label
        elif kind is LineKind.EXCEPTIONAL:
            exceptional, share, amount = _exceptional(session, line, call.member_id)
            period_label = fy.label
            if exceptional is not None:
                vat_day = exceptional.date
        else:
            quarter_part, share, amount, billing = _provisional(session, call, service, component)
            period_label = quarter_part.quarter_label
        unit = (service.key.unit or "") if service.key is not None else ""
        return CallLineExplanation(
            call_id=call.id,
            call_number=call.number,
            kind=call.kind,
            member_id=call.member_id,
            member_name=member_name or "",
            service_id=service.id,
            service_name=service.name,
            year=call.year,
            year_label=fy.label,
            period_label=period_label,
            key_unit=unit,
            quarter_part=quarter_part,
            share=share,
            actual_shares=actual,
            earlier_calls=earlier,
            amount_cents=amount,
            vat=_vat(session, service, amount, vat_day),
            stored_ht_cents=line.ht_cents,
            stored_vat_rate_bp=line.vat_rate_bp,
            stored_vat_cents=line.vat_cents,
            stored_ttc_cents=line.ttc_cents,
            line_kind=kind.value,
            component=component.value,
            label=line.label,
            billing=billing,
            catch_up=catch_up,
            already_caught_up_cents=caught_up,
            exceptional=exceptional,
        )
