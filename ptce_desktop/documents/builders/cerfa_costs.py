"""The charges of a grant's Cerfa 15059: the action's costs and the overhead rule.

Used by :mod:`.cerfa_build` inside its read session (rules in its docstring).
The amount of a cost is the one the pole bears, by the one basis rule
(:func:`~ptce_desktop.domain.vat.amount_to_split`: TTC when the service is exempt under
CGI 261 B or the pole is not VAT-registered, HT otherwise).

**Dating.** A cost counts for the part of its period (the period it covers, not its invoice or
payment date) inside the report period, pro rata of days
(:func:`~ptce_desktop.documents.cerfa.prorate`): accrual, the rule of the compte de résultat the
form is drawn from.

**Overhead by key.** The pole's overhead costs (costs without a project, for the part of their
period inside the report period) × the weight of the action in the grant's overhead key. The
action is not a member, so its weight is that of the members taking part in the project (and of
its lead member): their weights over the weights of all members, as the allocation engine weighs
them for the report period (:func:`~ptce_desktop.domain.weights.effective_weights`: version
in force on the first day, presence prorated, usage recorded inside the period). The key is the
grant's own overhead key (a key on physical units, checked by the grants service), never the
keys the services' costs are shared with. Overhead costs booked on 66 go to "Frais financiers",
those without a Cerfa code to "Autres", the rest to "Charges fixes de fonctionnement"; each row
is rounded half up to the cent. A grant without a project funds the pole's general activity: all
its costs are already direct, so no overhead is added by key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session, object_session

from ptce_desktop.documents.cerfa import (
    NO_PERIOD,
    NO_PROJECT,
    NO_UNITS,
    CerfaOverhead,
    prorate,
    round_half_up,
)
from ptce_desktop.domain.categories import OverheadMethod
from ptce_desktop.domain.cerfa import cerfa_line
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.vat import VatRegime, amount_to_split
from ptce_desktop.domain.weights import effective_weights
from ptce_desktop.services.keys.loader import load_key_spec, member_presences
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import Cost, Grant, Member, Project, ProjectMember, SharedService

Period = tuple[dt.date, dt.date]

UNCODED_ROW = "62x"
"""Where a cost without a (known) Cerfa code of charges directes is printed once the user has
allowed it (``--allow-unclassified``; the costs are listed in the annex)."""

FIXED, FINANCIAL, OTHER = "ci_fixes", "ci_financieres", "ci_autres"


def target_row(code: str | None) -> str | None:
    """The printed row of ``code``; ``None`` for an empty or unknown code."""
    if not code:
        return None
    try:
        return cerfa_line(code).target
    except PtceError:
        return None


def direct_row(code: str | None) -> str | None:
    """The row of charges directes a cost's code prints on; ``None`` when it has none."""
    target = target_row(code)
    if target is None:
        return None
    line = cerfa_line(target)
    while line.parent is not None:
        line = cerfa_line(line.parent)
    return target if line.code == "charges_directes" else None


def same_project(
    column: InstrumentedAttribute[int | None], project_id: int | None
) -> ColumnElement[bool]:
    """``column`` is ``project_id`` (IS NULL for no project)."""
    return column.is_(None) if project_id is None else column == project_id


def borne_cents(cost: Cost, service: SharedService, vat_registered: bool) -> int:
    """What the pole bears of ``cost``: its TTC or its HT (the costs service's rule), with
    the regime and registration in force on the first day of its period (dated values)."""
    regime = VatRegime(service.vat_regime)
    session = object_session(cost)
    if session is not None:
        regime = service_vat_on(session, service, cost.period_start)[0]
        vat_registered = vat_registered_on(session, cost.period_start)
    return amount_to_split(cost.ht_cents, cost.ttc_cents, regime, vat_registered)


@dataclass(frozen=True)
class PeriodCost:
    """A cost and the part of it that falls in the report period (cents, on the basis the
    pole bears)."""

    cost: Cost
    service: SharedService
    cents: int


def period_costs(
    session: Session, project_id: int | None, period: Period | None, vat_registered: bool
) -> list[PeriodCost]:
    """Costs of ``project_id`` (none: without a project) whose period meets ``period``, each
    with its part of the period (pro rata of days; costs whose part rounds to 0 are kept)."""
    if period is None:
        return []
    rows = session.execute(
        select(Cost, SharedService)
        .join(SharedService, SharedService.id == Cost.service_id)
        .where(
            same_project(Cost.project_id, project_id),
            Cost.period_start <= period[1],
            Cost.period_end >= period[0],
        )
        .order_by(Cost.period_start, Cost.id)
    )
    return [
        PeriodCost(
            cost,
            service,
            prorate(
                borne_cents(cost, service, vat_registered),
                (cost.period_start, cost.period_end),
                period,
            ),
        )
        for cost, service in rows
    ]


@dataclass(frozen=True)
class _Weight:
    action: Fraction = Fraction(0)
    total: Fraction = Fraction(0)
    members: tuple[str, ...] = ()
    problem: str | None = None


def overhead(
    session: Session,
    grant: Grant,
    period: Period | None,
    direct_costs: int,
    vat_registered: bool,
) -> tuple[CerfaOverhead, list[tuple[str, int]]]:
    """The grant's overhead rule with its figures, and its amounts by row of charges
    indirectes (flat rate: ``direct_costs`` × rate, half up, on "Charges fixes")."""
    key = grant.overhead_key
    base = amount = 0
    rows: list[tuple[str, int]] = []
    weight = _Weight()
    if grant.overhead_method is OverheadMethod.FLAT_RATE:
        base = direct_costs
        amount = round_half_up(Fraction(direct_costs * (grant.overhead_rate_bp or 0), 10_000))
        rows = [(FIXED, amount)]
    elif grant.overhead_method is OverheadMethod.KEY and key is not None:
        weight = _key_weight(session, grant, period, key.id)
        pool = _overhead_pool(session, period, vat_registered) if period else {}
        base = sum(pool.values())
        if weight.total:
            share = weight.action / weight.total
            rows = [(row, round_half_up(cents * share)) for row, cents in sorted(pool.items())]
            amount = sum(cents for _, cents in rows)
    rule = CerfaOverhead(
        method=grant.overhead_method,
        rate_bp=grant.overhead_rate_bp,
        key_name=key.name if key else None,
        key_unit=(key.unit or "").strip() or None if key else None,
        key_method=key.method if key else None,
        base_cents=base,
        action_weight=weight.action,
        total_weight=weight.total,
        action_members=weight.members,
        amount_cents=amount,
        note=(grant.overhead_note or "").strip() or None,
        problem=weight.problem,
    )
    return rule, rows


def _key_weight(session: Session, grant: Grant, period: Period | None, key_id: int) -> _Weight:
    """The weight of the action (its members) and of all members in the overhead key."""
    if grant.project_id is None:
        return _Weight(problem=NO_PROJECT)
    if period is None:
        return _Weight(problem=NO_PERIOD)
    member_ids = set(
        session.scalars(
            select(ProjectMember.member_id).where(ProjectMember.project_id == grant.project_id)
        )
    )
    project = session.get(Project, grant.project_id)
    if project is not None and project.lead_member_id is not None:
        member_ids.add(project.lead_member_id)
    try:
        spec = load_key_spec(session, key_id)
        weights = effective_weights(spec, *period, member_presences(session)).weights()
    except PtceError as error:
        return _Weight(problem=error.message("fr"))
    names = tuple(
        session.scalars(
            select(Member.name).where(Member.id.in_(member_ids)).order_by(Member.name, Member.id)
        )
    )
    action = sum((w for member, w in weights.items() if member in member_ids), Fraction(0))
    total = sum(weights.values(), Fraction(0))
    return _Weight(action, total, names, None if total else NO_UNITS)


def _overhead_pool(session: Session, period: Period, vat_registered: bool) -> dict[str, int]:
    """The pole's overhead costs of the period by row of charges indirectes."""
    pool: dict[str, int] = defaultdict(int)
    for item in period_costs(session, None, period, vat_registered):
        target = direct_row(item.cost.cerfa_code)
        if target is None:
            row = OTHER
        elif target == "66" or cerfa_line(target).parent == "66":
            row = FINANCIAL
        else:
            row = FIXED
        pool[row] += item.cents
    return pool
