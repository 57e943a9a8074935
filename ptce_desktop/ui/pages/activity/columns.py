"""What the Activité page's lists show and how a shown record turns back into a draft:
columns of the projects, bodies, meetings and events tables, labels of the stored codes, and
the view → draft conversions the undo steps replay."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.activity.activity import (
    GOVERNANCE_KIND_LABELS,
    PROJECT_STATUS_LABELS,
    BodyDraft,
    BodyView,
    EventDraft,
    EventView,
    MeetingDraft,
    MeetingView,
    ProjectDraft,
    ProjectView,
)
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

translate = QCoreApplication.translate


def code_label(labels: dict[str, tuple[str, str]], code: str | None) -> str:
    """The French or English label of a stored code (the code itself when unknown)."""
    if code is None:
        return ""
    fr, en = labels.get(code, (code, code))
    return en if current_language() == "en" else fr


def project_draft(view: ProjectView) -> ProjectDraft:
    return ProjectDraft(
        name=view.name,
        description=view.description,
        start=view.start,
        end=view.end,
        status=view.status,
        lead_member_id=view.lead_member_id,
        partner_ids=tuple(partner.member_id for partner in view.partners),
    )


def body_draft(view: BodyView) -> BodyDraft:
    return BodyDraft(name=view.name, kind=view.kind)


def meeting_draft(view: MeetingView) -> MeetingDraft:
    return MeetingDraft(
        date=view.date,
        title=view.title,
        body_id=view.body_id,
        place=view.place,
        attendees=view.attendees,
        notes=view.notes,
    )


def event_draft(view: EventView) -> EventDraft:
    return EventDraft(
        date=view.date,
        title=view.title,
        kind=view.kind,
        place=view.place,
        participants=view.participants,
        description=view.description,
        project_id=view.project_id,
    )


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def project_columns() -> list[Column]:
    return [
        Column(translate("ActivityPage", "Name"), lambda r: r.name),
        Column(
            translate("ActivityPage", "Status"),
            lambda r: code_label(PROJECT_STATUS_LABELS, r.status),
        ),
        Column(translate("ActivityPage", "Starts"), lambda r: r.start, display=_date),
        Column(translate("ActivityPage", "Ends"), lambda r: r.end, display=_date),
        Column(translate("ActivityPage", "Lead member"), lambda r: r.lead_member_name),
        Column(
            translate("ActivityPage", "Partners"),
            lambda r: ", ".join(p.name for p in r.partners),
            sort_key=lambda r: len(r.partners),
            tooltip=lambda r: "\n".join(p.name for p in r.partners) or None,
        ),
    ]


def body_columns() -> list[Column]:
    return [
        Column(translate("ActivityPage", "Name"), lambda r: r.name),
        Column(
            translate("ActivityPage", "Kind"), lambda r: code_label(GOVERNANCE_KIND_LABELS, r.kind)
        ),
        Column(
            translate("ActivityPage", "Meetings"),
            lambda r: r.meetings_count,
            align=RIGHT,
            header_tooltip=translate("ActivityPage", "Meetings in the fiscal year"),
        ),
    ]


def meeting_columns() -> list[Column]:
    return [
        Column(translate("ActivityPage", "Date"), lambda r: r.date, display=_date),
        Column(translate("ActivityPage", "Title"), lambda r: r.title),
        Column(translate("ActivityPage", "Governance body"), lambda r: r.body_name),
        Column(translate("ActivityPage", "Place"), lambda r: r.place),
        Column(
            translate("ActivityPage", "Attendees"),
            lambda r: " ".join((r.attendees or "").split()),
            tooltip=lambda r: r.attendees,
        ),
    ]


def event_columns() -> list[Column]:
    return [
        Column(translate("ActivityPage", "Date"), lambda r: r.date, display=_date),
        Column(translate("ActivityPage", "Title"), lambda r: r.title),
        Column(translate("ActivityPage", "Kind"), lambda r: r.kind),
        Column(translate("ActivityPage", "Place"), lambda r: r.place),
        Column(translate("ActivityPage", "Participants"), lambda r: r.participants, align=RIGHT),
        Column(translate("ActivityPage", "Project"), lambda r: r.project_name),
    ]
