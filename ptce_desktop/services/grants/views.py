"""Inputs (drafts) and outputs (views) of the grant services, and the reads that build them.

Field names of the drafts are the model's attribute names, so a ``PtceError.field`` names the
draft field to mark. Money in integer cents, percentages in basis points. The read functions
take an open session; :class:`~ptce_desktop.services.grants.grants.GrantService` opens it.

* **Suggested status** (:func:`suggested_status`): the status stays a user decision (recording
  an instalment never changes it); every view says what the money suggests — "versée
  partiellement" once something was received, "soldée" once the voted amount was received —
  and only where :func:`~ptce_desktop.domain.categories.check_grant_transition` allows it.
* **Fiscal year of a grant** (:func:`grant_in_year`): its period overlaps the year (an open end
  extends forever); without a period, the year of the decision date, else of the convention
  date; a grant with none of these dates is listed in every year rather than lost.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import FunderType, GrantStatus, check_grant_transition
from ptce_desktop.domain.cerfa import CERFA_GRID, FUNDER_TYPE_TO_CERFA, cerfa_line
from ptce_desktop.domain.errors import Lang, PtceError, error_text
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.services.grants.plan import PlanLine, apply_plan
from ptce_desktop.services.grants.redistributions import (
    MemberPlanView,
    RedistributionView,
    plan_state,
    redistribution_views,
)
from ptce_desktop.services.grants.report_sheet import ReportSheet, sheet_of
from ptce_desktop.store.models import (
    Funder,
    Grant,
    GrantPlanLine,
    GrantReportText,
    Instalment,
    Project,
    Redistribution,
)

__all__ = [
    "VOTED_STATUSES",
    "BudgetLineView",
    "FunderTypeTotal",
    "GrantDetail",
    "GrantDraft",
    "GrantReportTexts",
    "GrantSummaryView",
    "InstalmentDraft",
    "InstalmentView",
    "funder_type_totals",
    "grant_detail_view",
    "grant_in_year",
    "grant_summaries",
    "instalment_view",
    "report_texts_view",
    "suggested_status",
]


@dataclass(frozen=True)
class GrantDraft:
    """Every field of a grant (DESIGN §3) as the user enters it.

    ``status``: a :class:`~ptce_desktop.domain.categories.GrantStatus` code; ``nature``:
    "cash" | "in_kind"; ``overhead_method``: "none" | "flat_rate" (``overhead_rate_bp`` of the
    direct costs) | "key" (``overhead_key_id``, a key on physical units); ``overhead_note``
    explains the rule in words (printed in the Cerfa annex).
    """

    funder_id: int
    title: str
    project_id: int | None = None
    amount_requested_cents: int | None = None
    amount_voted_cents: int | None = None
    status: str = "demandee"
    decision_ref: str | None = None
    decision_date: dt.date | None = None
    convention_ref: str | None = None
    convention_date: dt.date | None = None
    nature: str = "cash"
    staged: bool = False
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    report_due: dt.date | None = None
    amount_to_repay_cents: int = 0
    overhead_method: str = "none"
    overhead_rate_bp: int | None = None
    overhead_key_id: int | None = None
    overhead_note: str | None = None
    coordination_share_bp: int = 0


@dataclass(frozen=True)
class InstalmentDraft:
    date: dt.date
    amount_cents: int
    reference: str | None = None


@dataclass(frozen=True)
class InstalmentView:
    id: int
    grant_id: int
    date: dt.date
    amount_cents: int
    reference: str | None


@dataclass(frozen=True)
class GrantReportTexts:
    """The free parts of the Cerfa 15059 (input and output alike)."""

    bilan_qualitatif: str | None = None
    beneficiaires: str | None = None
    dates_lieux: str | None = None
    ecarts: str | None = None
    cvn_note: str | None = None
    remarques: str | None = None


@dataclass(frozen=True)
class BudgetLineView:
    cerfa_code: str
    label: str
    amount_cents: int


@dataclass(frozen=True)
class GrantSummaryView:
    """One row of the grants list: the money in SQL sums, the plan applied to it."""

    id: int
    title: str
    funder_id: int
    funder_name: str
    funder_type: str
    project_id: int | None
    project_name: str | None
    status: str
    suggested_status: str
    nature: str
    period_start: dt.date | None
    period_end: dt.date | None
    report_due: dt.date | None
    requested_cents: int | None
    voted_cents: int | None
    received_cents: int
    passed_cents: int
    coordination_cents: int
    remaining_cents: int


@dataclass(frozen=True)
class GrantDetail:
    """A grant with everything about it; ``plan`` holds per member due / passed / remaining
    (members paid outside the plan included, with no amount nor share)."""

    id: int
    funder_id: int
    funder_name: str
    funder_type: str
    project_id: int | None
    project_name: str | None
    title: str
    amount_requested_cents: int | None
    amount_voted_cents: int | None
    status: str
    suggested_status: str
    decision_ref: str | None
    decision_date: dt.date | None
    convention_ref: str | None
    convention_date: dt.date | None
    nature: str
    staged: bool
    period_start: dt.date | None
    period_end: dt.date | None
    report_due: dt.date | None
    amount_to_repay_cents: int
    overhead_method: str
    overhead_rate_bp: int | None
    overhead_key_id: int | None
    overhead_key_name: str | None
    overhead_note: str | None
    coordination_share_bp: int
    budget_lines: tuple[BudgetLineView, ...]
    plan: tuple[MemberPlanView, ...]
    instalments: tuple[InstalmentView, ...]
    redistributions: tuple[RedistributionView, ...]
    received_cents: int
    passed_cents: int
    #: Received × coordination share (kept by the pole).
    coordination_cents: int
    #: Received that the plan does not assign (kept by the pole too).
    unplanned_cents: int
    #: Reste à reverser: the plan applied to what was received, minus what was passed on.
    remaining_cents: int
    report_texts: GrantReportTexts
    #: Feuillet 1 beyond the free texts (objectives, indicators, beneficiaries, dates, places).
    report_sheet: ReportSheet = field(default_factory=ReportSheet)


@dataclass(frozen=True)
class FunderTypeTotal:
    """One funder type's grants for a fiscal year (a row of Cerfa 74)."""

    funder_type: str
    label: str
    cerfa_code: str
    grant_count: int
    requested_cents: int
    voted_cents: int
    received_cents: int


def overpaid_warning(title: str, remaining_cents: int, lang: Lang = "fr") -> str | None:
    """The warning of a negative « reste à reverser » (more passed on than is due on what was
    received), in ``lang``; None when it is not negative. One text for the window, the
    dashboard's « À faire » and the CLI."""
    if remaining_cents >= 0:
        return None
    values = {"title": title}
    for code in ("fr", "en"):
        values[f"remaining_{code}"] = format_money(remaining_cents, lang=code)
        values[f"excess_{code}"] = format_money(-remaining_cents, lang=code)
    return error_text("grant_overpaid", None, values, lang)


# --- reads ------------------------------------------------------------------------------------

VOTED_STATUSES = (GrantStatus.VOTEE, GrantStatus.VERSEE_PARTIELLEMENT, GrantStatus.SOLDEE)


def suggested_status(status: str, voted_cents: int | None, received_cents: int) -> str:
    """The status the money suggests, if the transition rules allow it; else ``status``."""
    current = GrantStatus(status)
    if current not in VOTED_STATUSES or not voted_cents or received_cents <= 0:
        return current.value
    wanted = (
        GrantStatus.SOLDEE if received_cents >= voted_cents else GrantStatus.VERSEE_PARTIELLEMENT
    )
    try:
        check_grant_transition(current, wanted)
    except PtceError:
        return current.value
    return wanted.value


def grant_in_year(start: dt.date, end: dt.date) -> ColumnElement[bool]:
    """SQL condition: the grant belongs to the fiscal year [start, end] (see module doc)."""
    no_period = and_(Grant.period_start.is_(None), Grant.period_end.is_(None))
    return or_(
        and_(
            ~no_period,
            or_(Grant.period_start.is_(None), Grant.period_start <= end),
            or_(Grant.period_end.is_(None), Grant.period_end >= start),
        ),
        and_(no_period, Grant.decision_date.between(start, end)),
        and_(
            no_period,
            Grant.decision_date.is_(None),
            Grant.convention_date.between(start, end),
        ),
        and_(no_period, Grant.decision_date.is_(None), Grant.convention_date.is_(None)),
    )


def grant_summaries(
    session: Session,
    year: int | None = None,
    funder_id: int | None = None,
    project_id: int | None = None,
) -> list[GrantSummaryView]:
    """Grants (of a fiscal year, a funder, a project), with their money in SQL sums."""
    received = (
        select(Instalment.grant_id, func.sum(Instalment.amount_cents).label("total"))
        .group_by(Instalment.grant_id)
        .subquery()
    )
    passed = (
        select(Redistribution.grant_id, func.sum(Redistribution.amount_cents).label("total"))
        .group_by(Redistribution.grant_id)
        .subquery()
    )
    query = (
        select(
            Grant,
            Funder.name,
            Funder.type,
            Project.name,
            func.coalesce(received.c.total, 0),
            func.coalesce(passed.c.total, 0),
        )
        .join(Funder, Funder.id == Grant.funder_id)
        .outerjoin(Project, Project.id == Grant.project_id)
        .outerjoin(received, received.c.grant_id == Grant.id)
        .outerjoin(passed, passed.c.grant_id == Grant.id)
        .order_by(func.lower(Funder.name), func.lower(Grant.title), Grant.id)
    )
    if funder_id is not None:
        query = query.where(Grant.funder_id == funder_id)
    if project_id is not None:
        query = query.where(Grant.project_id == project_id)
    if year is not None:
        fy = fiscal_year(session, year)
        query = query.where(grant_in_year(fy.start, fy.end))
    rows = session.execute(query).all()
    plans: dict[int, list[PlanLine]] = defaultdict(list)
    plan_rows = session.scalars(
        select(GrantPlanLine)
        .where(GrantPlanLine.grant_id.in_([row[0].id for row in rows]))
        .order_by(GrantPlanLine.id)
    )
    for line in plan_rows:
        plans[line.grant_id].append(PlanLine(line.member_id, line.amount_cents, line.share_bp))
    views = []
    for grant, funder_name, funder_type, project_name, got, gave in rows:
        split = apply_plan(
            int(got), grant.amount_voted_cents, plans[grant.id], grant.coordination_share_bp
        )
        views.append(
            GrantSummaryView(
                id=grant.id,
                title=grant.title,
                funder_id=grant.funder_id,
                funder_name=funder_name,
                funder_type=funder_type,
                project_id=grant.project_id,
                project_name=project_name,
                status=grant.status,
                suggested_status=suggested_status(grant.status, grant.amount_voted_cents, int(got)),
                nature=grant.nature,
                period_start=grant.period_start,
                period_end=grant.period_end,
                report_due=grant.report_due,
                requested_cents=grant.amount_requested_cents,
                voted_cents=grant.amount_voted_cents,
                received_cents=int(got),
                passed_cents=int(gave),
                coordination_cents=split.coordination_cents,
                remaining_cents=sum(split.due.values()) - int(gave),
            )
        )
    return views


def funder_type_totals(
    session: Session, year: int, project_id: int | None = None
) -> list[FunderTypeTotal]:
    """Per funder type (every type, in Cerfa order, zeros included): grants of the year
    (period overlap; a multi-year grant counts whole in each year), the amounts requested
    (refused grants excluded) and voted, and the instalments received *dated in* the year."""
    fy = fiscal_year(session, year)
    grants = (
        select(
            Funder.type,
            func.count(Grant.id),
            func.sum(
                case(
                    (
                        Grant.status != GrantStatus.REFUSEE,
                        Grant.amount_requested_cents,
                    ),
                    else_=0,
                )
            ),
            func.sum(case((Grant.status.in_(VOTED_STATUSES), Grant.amount_voted_cents), else_=0)),
        )
        .join(Funder, Funder.id == Grant.funder_id)
        .where(grant_in_year(fy.start, fy.end))
        .group_by(Funder.type)
    )
    received = (
        select(Funder.type, func.sum(Instalment.amount_cents))
        .join(Grant, Grant.id == Instalment.grant_id)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(Instalment.date.between(fy.start, fy.end))
        .group_by(Funder.type)
    )
    if project_id is not None:
        grants = grants.where(Grant.project_id == project_id)
        received = received.where(Grant.project_id == project_id)
    by_type = {kind: (n, req, vot) for kind, n, req, vot in session.execute(grants)}
    got = {kind: total for kind, total in session.execute(received)}
    totals = []
    for kind in FunderType:
        count, requested, voted = by_type.get(kind, (0, 0, 0))
        totals.append(
            FunderTypeTotal(
                funder_type=kind.value,
                label=kind.label(),
                cerfa_code=FUNDER_TYPE_TO_CERFA[kind.value],
                grant_count=int(count),
                requested_cents=int(requested or 0),
                voted_cents=int(voted or 0),
                received_cents=int(got.get(kind) or 0),
            )
        )
    return totals


def grant_detail_view(session: Session, row: Grant) -> GrantDetail:
    state = plan_state(session, row)
    instalments = session.scalars(
        select(Instalment)
        .where(Instalment.grant_id == row.id)
        .order_by(Instalment.date, Instalment.id)
    )
    budget = sorted(row.budget_lines, key=lambda line: _grid_order(line.cerfa_code))
    return GrantDetail(
        id=row.id,
        funder_id=row.funder_id,
        funder_name=row.funder.name,
        funder_type=row.funder.type,
        project_id=row.project_id,
        project_name=row.project.name if row.project else None,
        title=row.title,
        amount_requested_cents=row.amount_requested_cents,
        amount_voted_cents=row.amount_voted_cents,
        status=row.status,
        suggested_status=suggested_status(row.status, row.amount_voted_cents, state.received_cents),
        decision_ref=row.decision_ref,
        decision_date=row.decision_date,
        convention_ref=row.convention_ref,
        convention_date=row.convention_date,
        nature=row.nature,
        staged=row.staged,
        period_start=row.period_start,
        period_end=row.period_end,
        report_due=row.report_due,
        amount_to_repay_cents=row.amount_to_repay_cents,
        overhead_method=row.overhead_method,
        overhead_rate_bp=row.overhead_rate_bp,
        overhead_key_id=row.overhead_key_id,
        overhead_key_name=row.overhead_key.name if row.overhead_key else None,
        overhead_note=row.overhead_note,
        coordination_share_bp=row.coordination_share_bp,
        budget_lines=tuple(
            BudgetLineView(line.cerfa_code, cerfa_line(line.cerfa_code).label_fr, line.amount_cents)
            for line in budget
        ),
        plan=state.members,
        instalments=tuple(instalment_view(i) for i in instalments),
        redistributions=tuple(redistribution_views(session, row.id)),
        received_cents=state.received_cents,
        passed_cents=state.passed_cents,
        coordination_cents=state.coordination_cents,
        unplanned_cents=state.unplanned_cents,
        remaining_cents=state.remaining_cents,
        report_texts=report_texts_view(row.report_text),
        report_sheet=sheet_of(row.report_text),
    )


_GRID_ORDER = {line.code: index for index, line in enumerate(CERFA_GRID)}


def _grid_order(code: str) -> int:
    return _GRID_ORDER.get(code, len(_GRID_ORDER))


def instalment_view(row: Instalment) -> InstalmentView:
    return InstalmentView(row.id, row.grant_id, row.date, row.amount_cents, row.reference)


def report_texts_view(row: GrantReportText | None) -> GrantReportTexts:
    if row is None:
        return GrantReportTexts()
    return GrantReportTexts(**{f.name: getattr(row, f.name) for f in fields(GrantReportTexts)})
