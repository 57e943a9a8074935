"""The pole's activity: cooperation projects, governance bodies and their meetings, events,
the free texts of the activity report, and the jobs summary (rapport d'activité, sections 1,
5, 7, 8, 9 and 13 of docs/research/cerfa-and-reports.md §3.6).

Decisions:

* a project is **active in a fiscal year** when its dates overlap the year (a missing start or
  end is open-ended); its partners are members other than its lead (the lead listed again as
  a partner is ignored);
* a project linked to costs or grants is not deleted (``project_in_use``): the database would
  silently unlink them, even in a closed year. Deleting a body keeps its meetings (unlinked);
* report texts are keyed by (year, section), any section name of 1 to 40 characters
  ("edito", "perspectives"…); saving an empty text removes it;
* the jobs summary adds the figures declared for the year by the members active in it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import GovernanceKind, ProjectStatus
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.activity.views import (
    GOVERNANCE_KIND_LABELS,
    LONG_TEXT_MAX,
    PROJECT_STATUS_LABELS,
    REPORT_SECTIONS,
    ActivityYear,
    BodyDraft,
    BodyView,
    EventDraft,
    EventView,
    JobsSummary,
    MeetingDraft,
    MeetingView,
    Partner,
    ProjectDraft,
    ProjectView,
    body_views,
    event_view,
    in_year,
    meeting_view,
    project_views,
)
from ptce_desktop.services.common import check_date_order, fiscal_year, get_or_error, parse_code
from ptce_desktop.services.members.input import FIELD_LABELS, check_year, text
from ptce_desktop.services.members.members import active_condition as member_active
from ptce_desktop.store.base import LEN_CODE, LEN_LABEL, LEN_SHORT
from ptce_desktop.store.models import (
    Cost,
    Event,
    GovernanceBody,
    Grant,
    Meeting,
    Member,
    MemberYearFigures,
    Project,
    ProjectMember,
    ReportText,
)
from ptce_desktop.store.unit_of_work import UnitOfWork


def _check_ids(session: Session, ids: set[int], model: Any, entity: Entity) -> None:
    found = set(session.scalars(select(model.id).where(model.id.in_(ids)))) if ids else set()
    for missing in sorted(ids - found):
        raise PtceError("not_found", entity=entity, id=missing)


def _unique(session: Session, model: Any, name: str, own_id: int | None, code: str) -> None:
    clash = session.scalar(select(model.id).where(model.name == name, model.id != (own_id or 0)))
    if clash is not None:
        raise PtceError(code, "name", name=name)


class ActivityService:
    """Projects, governance, meetings, events, report texts and jobs figures."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- projects -----------------------------------------------------------------------------
    def _project_values(self, session: Session, draft: ProjectDraft) -> dict[str, Any]:
        check_date_order(draft.start, draft.end, "end")
        values = {
            "name": text(draft.name, "name", required=True),
            "description": text(draft.description, "description", max_length=LONG_TEXT_MAX),
            "start": draft.start,
            "end": draft.end,
            "status": parse_code(
                ProjectStatus, draft.status, "invalid_value", "status", field_label="Statut"
            ),
            "lead_member_id": draft.lead_member_id,
        }
        lead = {draft.lead_member_id} if draft.lead_member_id is not None else set()
        _check_ids(session, lead | set(draft.partner_ids), Member, Entity.MEMBER)
        return values

    def _save_project(
        self, session: Session, row: Project | None, draft: ProjectDraft
    ) -> ProjectView:
        values = self._project_values(session, draft)
        _unique(session, Project, values["name"], row.id if row else None, "project_name_taken")
        if row is None:
            row = Project()
            session.add(row)
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        wanted = set(draft.partner_ids) - {draft.lead_member_id}
        for link in list(row.members):
            if link.member_id not in wanted:
                row.members.remove(link)
        present = {link.member_id for link in row.members}
        row.members.extend(ProjectMember(member_id=mid) for mid in sorted(wanted - present))
        session.flush()
        return next(v for v in project_views(session, None) if v.id == row.id)

    def create_project(self, draft: ProjectDraft) -> ProjectView:
        with self.uow.write("Créer un projet") as session:
            return self._save_project(session, None, draft)

    def update_project(self, project_id: int, draft: ProjectDraft) -> ProjectView:
        with self.uow.write("Modifier un projet") as session:
            row = get_or_error(session, Project, project_id, Entity.PROJECT)
            return self._save_project(session, row, draft)

    def delete_project(self, project_id: int) -> None:
        with self.uow.write("Supprimer un projet") as session:
            row = get_or_error(session, Project, project_id, Entity.PROJECT)
            costs, grants = session.execute(
                select(
                    select(func.count()).where(Cost.project_id == project_id).scalar_subquery(),
                    select(func.count()).where(Grant.project_id == project_id).scalar_subquery(),
                )
            ).one()
            if costs or grants:
                found = [
                    (int(n), words)
                    for n, words in (
                        (costs, ("charge", "charges", "cost", "costs")),
                        (grants, ("subvention", "subventions", "grant", "grants")),
                    )
                    if n
                ]
                fr = [f"{n} {w[0] if n == 1 else w[1]}" for n, w in found]
                en = [f"{n} {w[2] if n == 1 else w[3]}" for n, w in found]
                raise PtceError(
                    "project_in_use",
                    name=row.name,
                    details=" et ".join(fr),
                    details_en=" and ".join(en),
                    costs=int(costs),
                    grants=int(grants),
                )
            session.delete(row)

    def list_projects(self, year: int | None = None) -> list[ProjectView]:
        """All projects, or those active in the fiscal year ``year``."""
        with self.uow.read() as session:
            fy = None if year is None else fiscal_year(session, check_year(year))
            return list(project_views(session, fy))

    # --- governance bodies and meetings ---------------------------------------------------------
    def _save_body(
        self, session: Session, row: GovernanceBody | None, draft: BodyDraft
    ) -> BodyView:
        name = text(draft.name, "name", required=True)
        assert name is not None
        _unique(session, GovernanceBody, name, row.id if row else None, "body_name_taken")
        kind = parse_code(
            GovernanceKind, draft.kind, "invalid_value", "kind", field_label=FIELD_LABELS["kind"]
        )
        if row is None:
            row = GovernanceBody()
            session.add(row)
        row.name, row.kind = name, kind
        session.flush()
        return next(v for v in body_views(session, None) if v.id == row.id)

    def create_body(self, draft: BodyDraft) -> BodyView:
        with self.uow.write("Créer une instance") as session:
            return self._save_body(session, None, draft)

    def update_body(self, body_id: int, draft: BodyDraft) -> BodyView:
        with self.uow.write("Modifier une instance") as session:
            row = get_or_error(session, GovernanceBody, body_id, Entity.GOVERNANCE_BODY)
            return self._save_body(session, row, draft)

    def delete_body(self, body_id: int) -> None:
        """Delete a body; its meetings stay, no longer attached to it."""
        with self.uow.write("Supprimer une instance") as session:
            session.delete(get_or_error(session, GovernanceBody, body_id, Entity.GOVERNANCE_BODY))

    def list_bodies(self) -> list[BodyView]:
        with self.uow.read() as session:
            return list(body_views(session, None))

    def _save_meeting(
        self, session: Session, row: Meeting | None, draft: MeetingDraft
    ) -> MeetingView:
        if draft.body_id is not None:
            get_or_error(session, GovernanceBody, draft.body_id, Entity.GOVERNANCE_BODY)
        values = {
            "date": draft.date,
            "title": text(draft.title, "title", required=True, max_length=LEN_LABEL),
            "body_id": draft.body_id,
            "place": text(draft.place, "place"),
            "attendees": text(draft.attendees, "attendees", max_length=LONG_TEXT_MAX),
            "notes": text(draft.notes, "notes", max_length=LONG_TEXT_MAX),
        }
        if row is None:
            row = Meeting()
            session.add(row)
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        session.flush()
        body = session.get(GovernanceBody, row.body_id) if row.body_id is not None else None
        return meeting_view(row, body.name if body else None)

    def create_meeting(self, draft: MeetingDraft) -> MeetingView:
        with self.uow.write("Créer une réunion") as session:
            return self._save_meeting(session, None, draft)

    def update_meeting(self, meeting_id: int, draft: MeetingDraft) -> MeetingView:
        with self.uow.write("Modifier une réunion") as session:
            row = get_or_error(session, Meeting, meeting_id, Entity.MEETING)
            return self._save_meeting(session, row, draft)

    def delete_meeting(self, meeting_id: int) -> None:
        with self.uow.write("Supprimer une réunion") as session:
            session.delete(get_or_error(session, Meeting, meeting_id, Entity.MEETING))

    # --- events -------------------------------------------------------------------------------
    def _save_event(self, session: Session, row: Event | None, draft: EventDraft) -> EventView:
        if draft.participants is not None and draft.participants < 0:
            raise PtceError(
                "negative_figure",
                "participants",
                field_label=FIELD_LABELS["participants"],
                value=draft.participants,
            )
        project = None
        if draft.project_id is not None:
            project = get_or_error(session, Project, draft.project_id, Entity.PROJECT)
        values = {
            "date": draft.date,
            "title": text(draft.title, "title", required=True, max_length=LEN_LABEL),
            "kind": text(draft.kind, "kind", max_length=LEN_SHORT),
            "place": text(draft.place, "place"),
            "participants": draft.participants,
            "description": text(draft.description, "description", max_length=LONG_TEXT_MAX),
            "project_id": draft.project_id,
        }
        if row is None:
            row = Event()
            session.add(row)
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        session.flush()
        return event_view(row, project.name if project else None)

    def create_event(self, draft: EventDraft) -> EventView:
        with self.uow.write("Créer un événement") as session:
            return self._save_event(session, None, draft)

    def update_event(self, event_id: int, draft: EventDraft) -> EventView:
        with self.uow.write("Modifier un événement") as session:
            row = get_or_error(session, Event, event_id, Entity.EVENT)
            return self._save_event(session, row, draft)

    def delete_event(self, event_id: int) -> None:
        with self.uow.write("Supprimer un événement") as session:
            session.delete(get_or_error(session, Event, event_id, Entity.EVENT))

    # --- report texts -------------------------------------------------------------------------
    def set_report_text(self, year: int, section: str, value: str | None) -> None:
        """Save the free text of a report section ("edito", "perspectives"…)."""
        check_year(year)
        key = text(section, "section", required=True, max_length=LEN_CODE)
        body = text(value, "text", max_length=LONG_TEXT_MAX)
        with self.uow.write("Modifier un texte du rapport d'activité") as session:
            row = session.scalars(
                select(ReportText).where(ReportText.year == year, ReportText.section == key)
            ).one_or_none()
            if body is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(ReportText(year=year, section=key, text=body))
            elif row.text != body:
                row.text = body

    def get_report_texts(self, year: int) -> dict[str, str]:
        check_year(year)
        with self.uow.read() as session:
            return dict(
                session.execute(
                    select(ReportText.section, ReportText.text)
                    .where(ReportText.year == year)
                    .order_by(ReportText.section)
                ).all()
            )

    # --- figures and the year's activity --------------------------------------------------------
    def jobs_summary(self, year: int) -> JobsSummary:
        check_year(year)
        figures = MemberYearFigures

        def total(column: Any) -> Any:
            return func.coalesce(func.sum(column), 0)

        with self.uow.read() as session:
            fy = fiscal_year(session, year)
            row = session.execute(
                select(
                    func.count(Member.id),
                    func.count(figures.id),
                    total(figures.headcount),
                    total(figures.etp_milli),
                    total(figures.jobs_created),
                    total(figures.jobs_maintained),
                    total(figures.volunteers),
                    total(figures.turnover_cents),
                )
                .select_from(Member)
                .outerjoin(figures, and_(figures.member_id == Member.id, figures.year == year))
                .where(member_active(fy))
            ).one()
        return JobsSummary(year, *(int(value) for value in row))

    def activity_year(self, year: int) -> ActivityYear:
        """Projects active in the fiscal year, bodies with their meetings count, the year's
        meetings and events (by date)."""
        check_year(year)
        with self.uow.read() as session:
            fy = fiscal_year(session, year)
            meetings = tuple(
                meeting_view(row, body)
                for row, body in session.execute(
                    select(Meeting, GovernanceBody.name)
                    .outerjoin(GovernanceBody, GovernanceBody.id == Meeting.body_id)
                    .where(in_year(Meeting.date, fy))
                    .order_by(Meeting.date, Meeting.id)
                ).all()
            )
            events = tuple(
                event_view(row, project)
                for row, project in session.execute(
                    select(Event, Project.name)
                    .outerjoin(Project, Project.id == Event.project_id)
                    .where(in_year(Event.date, fy))
                    .order_by(Event.date, Event.id)
                ).all()
            )
            return ActivityYear(
                year=year,
                label=fy.label,
                projects=project_views(session, fy),
                bodies=body_views(session, fy),
                meetings=meetings,
                events=events,
            )


__all__ = [
    "GOVERNANCE_KIND_LABELS",
    "PROJECT_STATUS_LABELS",
    "REPORT_SECTIONS",
    "ActivityService",
    "ActivityYear",
    "BodyDraft",
    "BodyView",
    "EventDraft",
    "EventView",
    "JobsSummary",
    "MeetingDraft",
    "MeetingView",
    "Partner",
    "ProjectDraft",
    "ProjectView",
]
