"""Add / edit dialogs of the Activité page: projects, governance bodies, meetings, events.

Each OK is one service call of :class:`~ptce_desktop.services.activity.activity.ActivityService`,
recorded on the undo history (create ↔ delete, edit ↔ edit back); a refusal marks its field
with the service's message and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import (
    GOVERNANCE_KIND_LABELS,
    PROJECT_STATUS_LABELS,
    ActivityService,
    BodyDraft,
    BodyView,
    EventDraft,
    EventView,
    MeetingDraft,
    MeetingView,
    ProjectDraft,
    ProjectView,
)
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.pages.activity.columns import (
    body_draft,
    code_label,
    event_draft,
    meeting_draft,
    project_draft,
)
from ptce_desktop.ui.pages.activity.list import Choices, choice_combo, short, wide_combo
from ptce_desktop.ui.widgets import CountEdit, DateEdit, FormDialog

translate = QCoreApplication.translate


def _text_box(text: str | None, height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _code_combo(labels: dict[str, tuple[str, str]], current: str) -> QComboBox:
    combo = wide_combo()
    for code in labels:
        combo.addItem(code_label(labels, code), code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class ActivityDialog(FormDialog):
    """What the four dialogs share: the service, the history, create-or-update, names."""

    kind = ""

    def __init__(
        self, title: str, service: ActivityService, history: UndoHistory, view: Any, parent: Any
    ) -> None:
        super().__init__(title, parent)
        self.service, self.history, self.view = service, history, view

    def finish(self, width: int = 560, height: int = 480) -> None:
        for label in self.fields.captions:
            label.buddy().setAccessibleName(label.text().replace("&", ""))
        self.body_layout.addStretch(1)
        self.resize(width, height)

    def text(self, name: str) -> str | None:
        editor: Any = self.fields.editor(name)
        value = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        return value or None

    def required_date(self, name: str, label: str) -> dt.date:
        day = self.fields.editor(name).date()  # type: ignore[attr-defined]
        if day is None:
            raise PtceError("required", name, field_label=label)
        return day

    def save(
        self,
        draft: Any,
        name: str,
        create: Callable[[Any], Any],
        update: Callable[[int, Any], Any],
        delete: Callable[[int], Any],
        before: Callable[[Any], Any],
        texts: tuple[str, str],
    ) -> Any:
        """Create or update through the history; ``texts``: the two undo texts with %1."""
        label = short(name)
        if self.view is None:
            return self.history.create(
                texts[0].replace("%1", label), self.kind, lambda: create(draft), delete
            )
        return self.history.update(
            texts[1].replace("%1", label),
            self.kind,
            self.view.id,
            update,
            before(self.view),
            draft,
        )


class ProjectDialog(ActivityDialog):
    kind = "project"

    def __init__(
        self,
        service: ActivityService,
        history: UndoHistory,
        members: Choices,
        view: ProjectView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("ProjectDialog", "New cooperation project")
            if view is None
            else translate("ProjectDialog", "Project “%1”").replace("%1", short(view.name))
        )
        super().__init__(title, service, history, view, parent)
        self.setObjectName("ProjectDialog")
        add = self.fields.add
        form = self.new_form()
        add(form, "name", translate("ProjectDialog", "&Name"), QLineEdit(view.name if view else ""))
        status = _code_combo(PROJECT_STATUS_LABELS, view.status if view else "en_cours")
        add(form, "status", translate("ProjectDialog", "&Status"), status)
        for name, caption in (
            ("start", translate("ProjectDialog", "S&tarts on")),
            ("end", translate("ProjectDialog", "&Ends on")),
        ):
            edit = DateEdit(name)
            edit.set_date(getattr(view, name) if view else None)
            add(form, name, caption, edit)
        none = translate("ProjectDialog", "(none)")
        lead = choice_combo(members, none, view.lead_member_id if view else None)
        add(form, "lead_member_id", translate("ProjectDialog", "&Lead member"), lead)
        partners = QListWidget()
        partners.setMinimumHeight(230)
        partners.setTextElideMode(Qt.TextElideMode.ElideRight)
        partners.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chosen = {p.member_id for p in view.partners} if view else set()
        for member_id, member_name in members:
            item = QListWidgetItem(member_name)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = member_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            partners.addItem(item)
        add(
            form,
            "partner_ids",
            translate("ProjectDialog", "&Partners"),
            partners,
            translate("ProjectDialog", "Tick the members taking part (Space ticks)."),
        )
        add(
            form,
            "description",
            translate("ProjectDialog", "&Description"),
            _text_box(view.description if view else None),
        )
        self.finish(680, 660)
        self.fields.editor("name").setFocus()

    def partner_ids(self) -> tuple[int, ...]:
        box: Any = self.fields.editor("partner_ids")
        items = [box.item(row) for row in range(box.count())]
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def draft(self) -> ProjectDraft:
        editor: Any = self.fields.editor
        return ProjectDraft(
            name=editor("name").text(),
            description=self.text("description"),
            start=editor("start").date(),
            end=editor("end").date(),
            status=editor("status").currentData(),
            lead_member_id=editor("lead_member_id").currentData(),
            partner_ids=self.partner_ids(),
        )

    def submit(self) -> ProjectView:
        draft, s = self.draft(), self.service
        texts = (
            translate("ProjectDialog", "Add project “%1”"),
            translate("ProjectDialog", "Edit project “%1”"),
        )
        return self.save(
            draft,
            draft.name,
            s.create_project,
            s.update_project,
            s.delete_project,
            project_draft,
            texts,
        )


class BodyDialog(ActivityDialog):
    kind = "body"

    def __init__(
        self,
        service: ActivityService,
        history: UndoHistory,
        view: BodyView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("BodyDialog", "New governance body")
            if view is None
            else translate("BodyDialog", "Governance body “%1”").replace("%1", short(view.name))
        )
        super().__init__(title, service, history, view, parent)
        self.setObjectName("BodyDialog")
        form = self.new_form()
        name = QLineEdit(view.name if view else "")
        name.setPlaceholderText(translate("BodyDialog", "e.g. Board of directors"))
        self.fields.add(form, "name", translate("BodyDialog", "&Name"), name)
        kind = _code_combo(GOVERNANCE_KIND_LABELS, view.kind if view else "ca")
        self.fields.add(form, "kind", translate("BodyDialog", "&Kind"), kind)
        self.finish(480, 220)
        name.setFocus()

    def draft(self) -> BodyDraft:
        editor: Any = self.fields.editor
        return BodyDraft(name=editor("name").text(), kind=editor("kind").currentData())

    def submit(self) -> BodyView:
        draft, s = self.draft(), self.service
        texts = (
            translate("BodyDialog", "Add governance body “%1”"),
            translate("BodyDialog", "Edit governance body “%1”"),
        )
        return self.save(
            draft, draft.name, s.create_body, s.update_body, s.delete_body, body_draft, texts
        )


class MeetingDialog(ActivityDialog):
    kind = "meeting"

    def __init__(
        self,
        service: ActivityService,
        history: UndoHistory,
        bodies: Choices,
        view: MeetingView | None = None,
        default_date: dt.date | None = None,
        default_body: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("MeetingDialog", "New meeting")
            if view is None
            else translate("MeetingDialog", "Meeting “%1”").replace("%1", short(view.title))
        )
        super().__init__(title, service, history, view, parent)
        self.setObjectName("MeetingDialog")
        add = self.fields.add
        form = self.new_form()
        date = DateEdit("date")
        date.set_date(view.date if view else default_date)
        add(form, "date", translate("MeetingDialog", "&Date"), date)
        add(
            form,
            "title",
            translate("MeetingDialog", "&Title"),
            QLineEdit(view.title if view else ""),
        )
        none = translate("MeetingDialog", "(none)")
        body = choice_combo(bodies, none, view.body_id if view else default_body)
        add(form, "body_id", translate("MeetingDialog", "&Governance body"), body)
        add(
            form,
            "place",
            translate("MeetingDialog", "&Place"),
            QLineEdit(view.place or "" if view else ""),
        )
        attendees = _text_box(view.attendees if view else None)
        add(form, "attendees", translate("MeetingDialog", "&Attendees"), attendees)
        add(
            form,
            "notes",
            translate("MeetingDialog", "&Notes"),
            _text_box(view.notes if view else None),
        )
        self.finish(580, 450)
        self.fields.editor("title").setFocus()

    def draft(self) -> MeetingDraft:
        editor: Any = self.fields.editor
        return MeetingDraft(
            date=self.required_date("date", translate("MeetingDialog", "Date")),
            title=editor("title").text(),
            body_id=editor("body_id").currentData(),
            place=self.text("place"),
            attendees=self.text("attendees"),
            notes=self.text("notes"),
        )

    def submit(self) -> MeetingView:
        draft, s = self.draft(), self.service
        texts = (
            translate("MeetingDialog", "Add meeting “%1”"),
            translate("MeetingDialog", "Edit meeting “%1”"),
        )
        return self.save(
            draft,
            draft.title,
            s.create_meeting,
            s.update_meeting,
            s.delete_meeting,
            meeting_draft,
            texts,
        )


def event_kinds() -> list[str]:
    return [
        translate("EventDialog", "Forum"),
        translate("EventDialog", "Workshop"),
        translate("EventDialog", "Conference"),
        translate("EventDialog", "Visit"),
        translate("EventDialog", "Training"),
        translate("EventDialog", "Fair"),
    ]


class EventDialog(ActivityDialog):
    kind = "event"

    def __init__(
        self,
        service: ActivityService,
        history: UndoHistory,
        projects: Choices,
        view: EventView | None = None,
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("EventDialog", "New event")
            if view is None
            else translate("EventDialog", "Event “%1”").replace("%1", short(view.title))
        )
        super().__init__(title, service, history, view, parent)
        self.setObjectName("EventDialog")
        add = self.fields.add
        form = self.new_form()
        date = DateEdit("date")
        date.set_date(view.date if view else default_date)
        add(form, "date", translate("EventDialog", "&Date"), date)
        add(
            form, "title", translate("EventDialog", "&Title"), QLineEdit(view.title if view else "")
        )
        kind = wide_combo()
        kind.setEditable(True)
        kind.addItems(event_kinds())
        kind.setCurrentText(view.kind or "" if view else "")
        add(form, "kind", translate("EventDialog", "&Kind"), kind)
        add(
            form,
            "place",
            translate("EventDialog", "&Place"),
            QLineEdit(view.place or "" if view else ""),
        )
        participants = CountEdit("participants", translate("EventDialog", "Participants"))
        participants.set_value(view.participants if view else None)
        add(form, "participants", translate("EventDialog", "P&articipants"), participants)
        none = translate("EventDialog", "(none)")
        project = choice_combo(projects, none, view.project_id if view else None)
        add(form, "project_id", translate("EventDialog", "P&roject"), project)
        add(
            form,
            "description",
            translate("EventDialog", "D&escription"),
            _text_box(view.description if view else None),
        )
        self.finish(580, 450)
        self.fields.editor("title").setFocus()

    def draft(self) -> EventDraft:
        editor: Any = self.fields.editor
        return EventDraft(
            date=self.required_date("date", translate("EventDialog", "Date")),
            title=editor("title").text(),
            kind=editor("kind").currentText().strip() or None,
            place=self.text("place"),
            participants=editor("participants").value(),
            description=self.text("description"),
            project_id=editor("project_id").currentData(),
        )

    def submit(self) -> EventView:
        draft, s = self.draft(), self.service
        texts = (
            translate("EventDialog", "Add event “%1”"),
            translate("EventDialog", "Edit event “%1”"),
        )
        return self.save(
            draft, draft.title, s.create_event, s.update_event, s.delete_event, event_draft, texts
        )
