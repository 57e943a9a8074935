"""Drafts, read models and their queries for the activity service (projects, governance
bodies, meetings, events, jobs summary); labels of the stored codes in French and English."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.services.members.input import sort_key
from ptce_desktop.store.models import Event, GovernanceBody, Meeting, Member, Project, ProjectMember

PROJECT_STATUS_LABELS: dict[str, tuple[str, str]] = {
    "prevu": ("Prévu", "Planned"),
    "en_cours": ("En cours", "In progress"),
    "termine": ("Terminé", "Completed"),
    "abandonne": ("Abandonné", "Abandoned"),
}
GOVERNANCE_KIND_LABELS: dict[str, tuple[str, str]] = {
    "ca": ("Conseil d'administration", "Board of directors"),
    "bureau": ("Bureau", "Executive committee"),
    "ag": ("Assemblée générale", "General meeting"),
    "copil": ("Comité de pilotage", "Steering committee"),
    "college": ("Collège", "College"),
    "comite": ("Comité", "Committee"),
    "autre": ("Autre", "Other"),
}
REPORT_SECTIONS = ("edito", "perspectives")
LONG_TEXT_MAX = 100_000


@dataclass(frozen=True)
class ProjectDraft:
    name: str
    description: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    status: str = "en_cours"
    lead_member_id: int | None = None
    partner_ids: tuple[int, ...] = ()


class Partner(NamedTuple):
    member_id: int
    name: str


@dataclass(frozen=True)
class ProjectView:
    id: int
    name: str
    description: str | None
    start: dt.date | None
    end: dt.date | None
    status: str
    status_label: str
    lead_member_id: int | None
    lead_member_name: str | None
    partners: tuple[Partner, ...]


@dataclass(frozen=True)
class BodyDraft:
    name: str
    kind: str = "autre"


@dataclass(frozen=True)
class BodyView:
    id: int
    name: str
    kind: str
    kind_label: str
    #: Meetings of the year asked for (all meetings when no year is given).
    meetings_count: int


@dataclass(frozen=True)
class MeetingDraft:
    date: dt.date
    title: str
    body_id: int | None = None
    place: str | None = None
    attendees: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class MeetingView(MeetingDraft):
    id: int
    body_name: str | None


@dataclass(frozen=True)
class EventDraft:
    date: dt.date
    title: str
    kind: str | None = None
    place: str | None = None
    participants: int | None = None
    description: str | None = None
    project_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class EventView(EventDraft):
    id: int
    project_name: str | None


@dataclass(frozen=True)
class JobsSummary:
    """Totals over the members active in the year (undeclared figures count as 0)."""

    year: int
    active_members: int
    members_reporting: int
    headcount: int
    etp_milli: int
    jobs_created: int
    jobs_maintained: int
    volunteers: int
    turnover_cents: int


@dataclass(frozen=True)
class ActivityYear:
    year: int
    label: str
    projects: tuple[ProjectView, ...]
    bodies: tuple[BodyView, ...]
    meetings: tuple[MeetingView, ...]
    events: tuple[EventView, ...]


def in_year(column: Any, fy: FiscalYear) -> Any:
    return column.between(fy.start, fy.end)


def project_views(session: Session, fy: FiscalYear | None) -> tuple[ProjectView, ...]:
    statement = select(Project, Member.name).outerjoin(Member, Member.id == Project.lead_member_id)
    if fy is not None:
        statement = statement.where(
            or_(Project.start.is_(None), Project.start <= fy.end),
            or_(Project.end.is_(None), Project.end >= fy.start),
        )
    rows = session.execute(statement).all()
    partners: dict[int, list[Partner]] = {}
    if rows:
        for project_id, member_id, name in session.execute(
            select(ProjectMember.project_id, Member.id, Member.name)
            .join(Member, Member.id == ProjectMember.member_id)
            .where(ProjectMember.project_id.in_([p.id for p, _ in rows]))
        ):
            partners.setdefault(project_id, []).append(Partner(member_id, name))
    views = [
        ProjectView(
            id=p.id,
            name=p.name,
            description=p.description,
            start=p.start,
            end=p.end,
            status=p.status,
            status_label=PROJECT_STATUS_LABELS[p.status][0],
            lead_member_id=p.lead_member_id,
            lead_member_name=lead,
            partners=tuple(sorted(partners.get(p.id, []), key=lambda m: sort_key(m.name))),
        )
        for p, lead in rows
    ]
    return tuple(sorted(views, key=lambda v: (v.start or dt.date.min, sort_key(v.name), v.id)))


def meeting_view(row: Meeting, body_name: str | None) -> MeetingView:
    return MeetingView(
        id=row.id,
        date=row.date,
        title=row.title,
        body_id=row.body_id,
        place=row.place,
        attendees=row.attendees,
        notes=row.notes,
        body_name=body_name,
    )


def event_view(row: Event, project_name: str | None) -> EventView:
    return EventView(
        id=row.id,
        date=row.date,
        title=row.title,
        kind=row.kind,
        place=row.place,
        participants=row.participants,
        description=row.description,
        project_id=row.project_id,
        project_name=project_name,
    )


def body_views(session: Session, fy: FiscalYear | None) -> tuple[BodyView, ...]:
    on = Meeting.body_id == GovernanceBody.id
    if fy is not None:
        on = and_(on, in_year(Meeting.date, fy))
    statement = (
        select(GovernanceBody.id, GovernanceBody.name, GovernanceBody.kind, func.count(Meeting.id))
        .outerjoin(Meeting, on)
        .group_by(GovernanceBody.id, GovernanceBody.name, GovernanceBody.kind)
    )
    views = [
        BodyView(bid, name, kind, GOVERNANCE_KIND_LABELS[kind][0], int(count))
        for bid, name, kind, count in session.execute(statement)
    ]
    return tuple(sorted(views, key=lambda v: (sort_key(v.name), v.id)))
