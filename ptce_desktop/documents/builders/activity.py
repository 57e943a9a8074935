"""Builds the read model of the "Rapport d'activité" PDF (DESIGN §6;
docs/research/cerfa-and-reports.md §3.6).

Assembled in **one** read transaction from the services' own session-level computations:
the member register (:func:`~.member_lists.member_rows`, :func:`~.member_lists.category_counts`,
the domain's :func:`~ptce_desktop.domain.categories.eligibility`), the activity
(:func:`~.activity_views.project_views`, :func:`~.activity_views.body_views`, meetings and
events of the year), the shared services (:func:`~.shared_services.service_totals`, the shares per
service and member), the grants (:func:`~.grant_views.grant_summaries`,
:func:`~.grant_views.funder_type_totals`) and the in-kind contributions.

Decisions:

* **Members of the year** are those present on at least one day of it (the register's
  ``active`` flag); the annex lists them, including those who left during the year.
* **Jobs** are the figures declared for the year by those members; totals count an undeclared
  figure as 0 (as the activity service's jobs summary does), and the report says how many
  members declared nothing.
* **Users of a service** are the members with a share of its costs of the year.
* A **service of the year** has costs in it or is active on at least one of its days.
* **Grants received** are the instalments dated in the year (Cerfa line 74's rule); **voted**
  counts the grants of the year in a voted status; a funder is listed when it has a grant of
  the year or an instalment dated in it.
* **In kind** is the contributions dated in the year.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.documents.activity import (
    ActivityReportData,
    BodyLine,
    CategoryLine,
    EligibilityView,
    EventLine,
    FinanceView,
    FunderLine,
    JobsLine,
    JobsTotals,
    KeyFigures,
    MeetingLine,
    MemberLine,
    PoleIdentity,
    ProjectLine,
    ServiceLine,
)
from ptce_desktop.documents.builders.redistribution import logo_path, shares_by_service_member
from ptce_desktop.domain.categories import MISSING_LABELS, eligibility
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import format_siret
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.vat import SplitBasis, split_basis
from ptce_desktop.services.activity.views import (
    body_views,
    event_view,
    in_year,
    meeting_view,
    project_views,
)
from ptce_desktop.services.common import fiscal_year, pole_row
from ptce_desktop.services.costs.shared_services import service_totals
from ptce_desktop.services.costs.shares import pole_vat_registered
from ptce_desktop.services.grants.views import VOTED_STATUSES, funder_type_totals, grant_summaries
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.services.members.lists import category_counts, member_rows
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Event,
    Funder,
    GovernanceBody,
    Grant,
    InKindContribution,
    Instalment,
    Meeting,
    Project,
    Redistribution,
    ReportText,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["build_activity_data"]


def build_activity_reports(uow: UnitOfWork, years: Sequence[int]) -> list[ActivityReportData]:
    """The activity reports of ``years`` that have activity (for a grant's period), in order."""
    return [
        data for data in (build_activity_data(uow, year) for year in years) if data.has_activity
    ]


def build_activity_data(
    uow: UnitOfWork, year: int, *, refuse_empty: bool = False
) -> ActivityReportData:
    """The activity report's read model for fiscal ``year``.

    ``refuse_empty``: a year without activity (:attr:`ActivityReportData.has_activity`) raises
    ``PtceError("activity_year_empty")`` instead of giving an all-zero report.
    """
    data = _with_finance(uow, _build_activity_data(uow, year))
    if refuse_empty and not data.has_activity:
        raise PtceError("activity_year_empty", "year", year=data.year_label)
    previous = _with_finance(uow, _build_activity_data(uow, year - 1))
    return replace(data, previous=previous if previous.has_activity else None)


def _with_finance(uow: UnitOfWork, data: ActivityReportData) -> ActivityReportData:
    """``data`` with the pole's income and charges of its year (see :class:`FinanceView`)."""
    fees = FeeService(uow).total_fees_due(data.year)
    with uow.read() as session:
        called = session.scalar(
            select(func.coalesce(func.sum(CallLine.ttc_cents), 0))
            .join(Call, Call.id == CallLine.call_id)
            .where(Call.year == data.year)
        )
        passed = session.scalar(
            select(func.coalesce(func.sum(Redistribution.amount_cents), 0)).where(
                Redistribution.date.between(data.period_start, data.period_end)
            )
        )
    finance = FinanceView(
        contributions_cents=int(called or 0),
        fees_cents=fees,
        grants_cents=data.figures.grants_received_cents,
        shared_costs_cents=data.figures.costs_cents,
        passed_on_cents=int(passed or 0),
    )
    return replace(data, finance=finance)


def _build_activity_data(uow: UnitOfWork, year: int) -> ActivityReportData:
    with uow.read() as session:
        fy = fiscal_year(session, year)
        texts = dict(
            session.execute(
                select(ReportText.section, ReportText.text).where(ReportText.year == year)
            ).all()
        )
        rows = [row for row in member_rows(session, fy, include_archived=True) if row.active]
        jobs = tuple(
            JobsLine(
                row.name,
                row.figures.headcount,
                row.figures.etp_milli,
                row.figures.jobs_created,
                row.figures.jobs_maintained,
                row.figures.volunteers,
            )
            for row in rows
            if row.figures is not None
        )
        jobs_totals = JobsTotals(
            members=len(rows),
            reporting=len(jobs),
            headcount=sum(j.headcount or 0 for j in jobs),
            etp_milli=sum(j.etp_milli or 0 for j in jobs),
            created=sum(j.created or 0 for j in jobs),
            maintained=sum(j.maintained or 0 for j in jobs),
            volunteers=sum(j.volunteers or 0 for j in jobs),
        )
        rule = eligibility(row.category for row in rows)
        services = _services(session, fy)
        projects = tuple(
            ProjectLine(
                p.name,
                p.status_label,
                p.start,
                p.end,
                p.lead_member_name,
                tuple(partner.name for partner in p.partners),
                p.description,
            )
            for p in project_views(session, fy)
        )
        events = tuple(
            EventLine(view.date, view.title, view.kind, view.place, view.participants)
            for view in (
                event_view(row, project)
                for row, project in session.execute(
                    select(Event, Project.name)
                    .outerjoin(Project, Project.id == Event.project_id)
                    .where(in_year(Event.date, fy))
                    .order_by(Event.date, Event.id)
                ).all()
            )
        )
        meetings = tuple(
            MeetingLine(view.date, view.title, view.body_name, view.place)
            for view in (
                meeting_view(row, body)
                for row, body in session.execute(
                    select(Meeting, GovernanceBody.name)
                    .outerjoin(GovernanceBody, GovernanceBody.id == Meeting.body_id)
                    .where(in_year(Meeting.date, fy))
                    .order_by(Meeting.date, Meeting.id)
                ).all()
            )
        )
        funding = [
            (t.label, t.received_cents)
            for t in funder_type_totals(session, year)
            if t.received_cents
        ]
        in_kind_cents, in_kind_hours = session.execute(
            select(
                func.coalesce(func.sum(InKindContribution.amount_cents), 0),
                func.coalesce(func.sum(InKindContribution.hours_milli), 0),
            ).where(in_year(InKindContribution.date, fy))
        ).one()
        figures = KeyFigures(
            members=len(rows),
            headcount=jobs_totals.headcount,
            etp_milli=jobs_totals.etp_milli,
            services=len(services),
            projects=len(projects),
            events=len(events),
            meetings=len(meetings),
            costs_cents=sum(s.costs_cents for s in services),
            grants_received_cents=sum(cents for _, cents in funding),
            in_kind_cents=int(in_kind_cents or 0),
        )
        return ActivityReportData(
            year=year,
            year_label=fy.label,
            period_start=fy.start,
            period_end=fy.end,
            pole=_pole(session),
            logo_path=logo_path(uow, session),
            edito=texts.get("edito", ""),
            perspectives=texts.get("perspectives", ""),
            figures=figures,
            categories=tuple(
                CategoryLine(c.label, c.count, c.joined_in_year, c.left_in_year)
                for c in category_counts(session, fy)
            ),
            eligibility=EligibilityView(
                rule.ess,
                rule.non_ess,
                rule.other,
                tuple(MISSING_LABELS[m][0] for m in rule.missing),
            ),
            members=tuple(
                MemberLine(r.name, r.category_label, r.siret_display, r.joined_on, r.left_on)
                for r in rows
            ),
            jobs=jobs,
            jobs_totals=jobs_totals,
            services=services,
            projects=projects,
            events=events,
            bodies=tuple(
                BodyLine(b.name, b.kind_label, b.meetings_count) for b in body_views(session, fy)
            ),
            meetings=meetings,
            funding_by_type=tuple(funding),
            funders=_funders(session, fy),
            in_kind_cents=int(in_kind_cents or 0),
            in_kind_hours_milli=int(in_kind_hours or 0),
        )


def _pole(session: Session) -> PoleIdentity:
    pole = pole_row(session)
    if pole is None:
        return PoleIdentity(name="")
    city = " ".join(part for part in (pole.postcode, pole.city) if part)
    address = ", ".join(part for part in (pole.address, city) if part)
    rep = ", ".join(part for part in (pole.legal_rep_name, pole.legal_rep_title) if part)
    return PoleIdentity(
        name=pole.name,
        siret=format_siret(pole.siret) if pole.siret else None,
        rna=pole.rna,
        territory=pole.territory,
        address=address or None,
        email=pole.email,
        phone=pole.phone,
        website=pole.website,
        legal_rep=rep or None,
        lead_member=pole.lead_member.name if pole.lead_member is not None else None,
    )


def _services(session: Session, fy: FiscalYear) -> tuple[ServiceLine, ...]:
    users: Counter[int] = Counter(
        service for (service, _), cents in shares_by_service_member(session, fy).items() if cents
    )
    active = set(
        session.scalars(
            select(SharedService.id).where(
                or_(SharedService.active_from.is_(None), SharedService.active_from <= fy.end),
                or_(SharedService.active_to.is_(None), SharedService.active_to >= fy.start),
            )
        )
    )
    # « Charges mutualisées — exercice Y »: the costs of Y in the amount that is split (HT for a
    # taxable service of a VAT-registered pole, else TTC), the figure of the cost-sharing and
    # redistribution reports: one definition per label (issue 10).
    registered = pole_vat_registered(session, fy.start)
    return tuple(
        ServiceLine(
            t.name,
            t.key_name,
            users[t.service_id],
            t.cost_count,
            t.ht_cents if split_basis(t.vat_regime, registered) is SplitBasis.HT else t.ttc_cents,
            t.shared_cents,
        )
        for t in service_totals(session, fy.start_year)
        if t.cost_count or t.service_id in active
    )


def _funders(session: Session, fy: FiscalYear) -> tuple[FunderLine, ...]:
    grants: Counter[int] = Counter()
    voted: dict[int, int] = defaultdict(int)
    for grant in grant_summaries(session, fy.start_year):
        grants[grant.funder_id] += 1
        if grant.status in VOTED_STATUSES:
            voted[grant.funder_id] += grant.voted_cents or 0
    received = dict(
        session.execute(
            select(Grant.funder_id, func.sum(Instalment.amount_cents))
            .join(Grant, Grant.id == Instalment.grant_id)
            .where(in_year(Instalment.date, fy))
            .group_by(Grant.funder_id)
        ).all()
    )
    ids = set(grants) | set(received)
    if not ids:
        return ()
    funders = session.execute(
        select(Funder.id, Funder.name, Funder.type)
        .where(Funder.id.in_(ids))
        .order_by(func.lower(Funder.name), Funder.id)
    ).all()
    return tuple(
        FunderLine(
            name,
            kind.label(),
            grants[funder_id],
            voted[funder_id],
            received.get(funder_id) or 0,
        )
        for funder_id, name, kind in funders
    )
