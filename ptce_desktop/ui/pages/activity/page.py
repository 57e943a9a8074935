"""The Activité page: cooperation projects, governance bodies and their meetings, events, jobs
and the texts of the activity report — for the selected fiscal year.

Every change is one call of :class:`~ptce_desktop.services.activity.activity.ActivityService`
pushed on
the undo history. Deleting a project or a body unlinks the events or meetings attached to it
(the database keeps them); undoing the deletion brings the record back and re-attaches the
events or meetings of the year shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import (
    ActivityService,
    ActivityYear,
    BodyView,
    EventView,
    MeetingView,
    ProjectView,
)
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.pages.activity.columns import (
    body_columns,
    body_draft,
    event_columns,
    event_draft,
    meeting_columns,
    meeting_draft,
    project_columns,
    project_draft,
)
from ptce_desktop.ui.pages.activity.dialogs import (
    BodyDialog,
    EventDialog,
    MeetingDialog,
    ProjectDialog,
)
from ptce_desktop.ui.pages.activity.list import ListPanel, short
from ptce_desktop.ui.pages.activity.texts import JobsPanel, ReportTextsPanel
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import confirm
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import Column

translate = QCoreApplication.translate

ACTIVITY_TABLES = (
    "projects",
    "project_members",
    "governance_bodies",
    "meetings",
    "events",
    "report_texts",
    "members",
    "member_year_figures",
    "fiscal_years",
    "poles",
)

#: How many letters of each key column stay readable when the window is narrow (see
#: :func:`~.list.readable_widths`): a project's, meeting's or event's name or title, its
#: status, lead member, governance body, place or project; the long free texts (partners,
#: attendees) take what is left, eliding (whole in their tooltip).
PROJECT_READABLE = {0: 42, 1: 12, 4: 24}
MEETING_READABLE = {1: 42, 2: 30, 3: 16}
EVENT_READABLE = {1: 42, 2: 14, 3: 16, 5: 30}


class ActivityPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ActivityPage")
        self.ctx = ctx
        self.service = ctx.service(ActivityService)
        self.history = ctx.history
        self.year: int | None = None
        self.data: ActivityYear | None = None

        def panel(
            key: str,
            columns: list[Column],
            count: Callable[[int], str],
            hint: str,
            readable: dict[int, int],
        ) -> ListPanel:
            made = ListPanel(f"activity-{key}", columns, count, search_hint=hint, readable=readable)
            made.set_writable(not ctx.read_only)
            return made

        self.projects = panel(
            "projects",
            project_columns(),
            lambda n: self.tr("%n project(s)", "", n),
            self.tr("Search a project (name, member…)"),
            PROJECT_READABLE,
        )
        self.all_projects = QCheckBox(self.tr("Projects of &every year"))
        self.projects.bar.insertWidget(1, self.all_projects)
        self.bodies = panel(
            "bodies",
            body_columns(),
            lambda n: self.tr("%n governance body(ies)", "", n),
            self.tr("Search a governance body"),
            {0: 40, 1: 24},
        )
        self.bodies.add_button.setText(self.tr("Add a &body…"))
        self.meetings = panel(
            "meetings",
            meeting_columns(),
            lambda n: self.tr("%n meeting(s)", "", n),
            self.tr("Search a meeting (title, place, attendees…)"),
            MEETING_READABLE,
        )
        self.meetings.add_button.setText(self.tr("Add a &meeting…"))
        self.body_filter = QComboBox()
        self.body_filter.setAccessibleName(self.tr("Meetings of which governance body"))
        self.meetings.bar.insertWidget(1, self.body_filter)
        self.events = panel(
            "events",
            event_columns(),
            lambda n: self.tr("%n event(s)", "", n),
            self.tr("Search an event (title, place, project…)"),
            EVENT_READABLE,
        )
        self.jobs = JobsPanel()
        self.texts = ReportTextsPanel(
            self.service, self.history, lambda error: ctx.presenter.present(error, self)
        )
        self.texts.set_read_only(ctx.read_only)

        governance = QSplitter(Qt.Orientation.Vertical)
        governance.addWidget(self.bodies)
        governance.addWidget(self.meetings)
        governance.setStretchFactor(0, 1)
        governance.setStretchFactor(1, 3)
        governance.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.projects, self.tr("Cooperation &projects"))
        self.tabs.addTab(governance, self.tr("&Governance and meetings"))
        self.tabs.addTab(self.events, self.tr("E&vents"))
        self.tabs.addTab(self.jobs, self.tr("&Jobs"))
        self.tabs.addTab(self.texts, self.tr("Activity report &texts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.loads = PageLoads(
            self, ctx.runner, over=self.tabs, on_error=lambda e: ctx.presenter.present(e, self)
        )

        self.all_projects.toggled.connect(lambda _on: self._show_projects())
        self.body_filter.currentIndexChanged.connect(lambda _i: self._show_meetings())
        self.bodies.currentChanged.connect(self._body_selected)
        for list_panel, new, edit, delete in (
            (self.projects, self.new_project, self.edit_project, self.delete_project),
            (self.bodies, self.new_body, self.edit_body, self.delete_body),
            (self.meetings, self.new_meeting, self.edit_meeting, self.delete_meeting),
            (self.events, self.new_event, self.edit_event, self.delete_event),
        ):
            list_panel.addRequested.connect(new)
            list_panel.editRequested.connect(edit)
            list_panel.deleteRequested.connect(delete)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        current = self.tabs.currentIndex()
        target = {0: self.projects, 1: self.meetings, 2: self.events}.get(current)
        if current == 1 and self.bodies.view.hasFocus():
            target = self.bodies
        if target is not None:
            target.focus_search()

    def new_item(self) -> Any:
        current = self.tabs.currentIndex()
        if current == 0:
            return self.new_project()
        if current == 1:
            return self.new_body() if self.bodies.view.hasFocus() else self.new_meeting()
        if current == 2:
            return self.new_event()
        return None

    def set_fiscal_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.reload()

    def refresh(self, changes: Any) -> None:
        if self.year is not None and touches(changes, *ACTIVITY_TABLES):
            self.reload()

    def hideEvent(self, event: Any) -> None:
        self.texts.save_all()  # leaving the page keeps what was typed
        super().hideEvent(event)

    # --- loading -----------------------------------------------------------------------------
    def reload(self, then: Callable[[], Any] | None = None) -> None:
        """Read the year's activity off the GUI thread, then show it (and call ``then``)."""
        if self.year is None:
            return
        service, year = self.service, self.year

        def show(loaded: tuple[int, ActivityYear, Any]) -> None:
            self._show_year(loaded)
            if then is not None:
                then()

        self.loads.start(
            lambda: (year, service.activity_year(year), service.jobs_summary(year)), show
        )

    def _show_year(self, loaded: tuple[int, ActivityYear, Any]) -> None:
        year, self.data, jobs = loaded
        self._show_projects()
        self.bodies.set_rows(self.data.bodies)
        self._fill_body_filter()
        self._show_meetings()
        self.events.set_rows(self.data.events)
        self.jobs.show_summary(jobs)
        self.texts.load(year)

    def _show_projects(self) -> None:
        if self.data is None:
            return
        all_years = self.all_projects.isChecked()
        self.projects.set_rows(self.service.list_projects() if all_years else self.data.projects)

    def _fill_body_filter(self) -> None:
        assert self.data is not None
        current = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(self.tr("All governance bodies"), None)
        for body in self.data.bodies:
            self.body_filter.addItem(short(body.name, 50), body.id)
        self.body_filter.setCurrentIndex(max(self.body_filter.findData(current), 0))
        self.body_filter.blockSignals(False)

    def _show_meetings(self) -> None:
        if self.data is None:
            return
        body_id = self.body_filter.currentData()
        rows = self.data.meetings
        if body_id is not None:
            rows = tuple(m for m in rows if m.body_id == body_id)
        self.meetings.set_rows(rows)

    def _body_selected(self, body: BodyView | None) -> None:
        if body is not None:
            self.body_filter.setCurrentIndex(max(self.body_filter.findData(body.id), 0))

    # --- dialogs -----------------------------------------------------------------------------
    def _default_date(self) -> dt.date | None:
        if self.year is None:
            return None
        today = dt.date.today()
        return today if today.year == self.year else dt.date(self.year, 1, 1)

    def _exec(self, dialog: QDialog, view: Any, target: ListPanel) -> Any:
        if view is not None and self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)  # type: ignore[attr-defined]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        result = dialog.result_value  # type: ignore[attr-defined]
        self.reload(then=lambda: target.select_id(result.id))
        return result

    def _members(self) -> list[tuple[int, str]]:
        return [(m.id, m.name) for m in self.ctx.members.list_members(year=self.year)]

    def new_project(self) -> ProjectView | None:
        return None if self.ctx.read_only else self.edit_project(None, creating=True)

    def edit_project(self, view: ProjectView | None = None, creating: bool = False) -> Any:
        view = None if creating else (view or self.projects.current_row())
        if view is None and not creating:
            return None
        dialog = ProjectDialog(self.service, self.history, self._members(), view, self)
        return self._exec(dialog, view, self.projects)

    def new_body(self) -> BodyView | None:
        return None if self.ctx.read_only else self.edit_body(None, creating=True)

    def edit_body(self, view: BodyView | None = None, creating: bool = False) -> Any:
        view = None if creating else (view or self.bodies.current_row())
        if view is None and not creating:
            return None
        return self._exec(BodyDialog(self.service, self.history, view, self), view, self.bodies)

    def _bodies(self) -> list[tuple[int, str]]:
        return [(b.id, b.name) for b in (self.data.bodies if self.data else ())]

    def new_meeting(self) -> MeetingView | None:
        return None if self.ctx.read_only else self.edit_meeting(None, creating=True)

    def edit_meeting(self, view: MeetingView | None = None, creating: bool = False) -> Any:
        view = None if creating else (view or self.meetings.current_row())
        if view is None and not creating:
            return None
        dialog = MeetingDialog(
            self.service,
            self.history,
            self._bodies(),
            view,
            self._default_date(),
            self.body_filter.currentData(),
            self,
        )
        return self._exec(dialog, view, self.meetings)

    def new_event(self) -> EventView | None:
        return None if self.ctx.read_only else self.edit_event(None, creating=True)

    def edit_event(self, view: EventView | None = None, creating: bool = False) -> Any:
        view = None if creating else (view or self.events.current_row())
        if view is None and not creating:
            return None
        projects = [(p.id, p.name) for p in self.service.list_projects()]
        dialog = EventDialog(self.service, self.history, projects, view, self._default_date(), self)
        return self._exec(dialog, view, self.events)

    # --- deleting ----------------------------------------------------------------------------
    def _delete(self, title: str, question: str, run: Callable[[], None]) -> bool:
        if self.ctx.read_only or not confirm(self, title, question):
            return False
        try:
            run()
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        return True

    def delete_project(self, view: ProjectView | None = None) -> bool:
        view = view or self.projects.current_row()
        if view is None:
            return False
        s, history, draft = self.service, self.history, project_draft(view)
        linked = [
            (history.ref("event", e.id), e)
            for e in (self.data.events if self.data else ())
            if e.project_id == view.id
        ]

        def recreate() -> ProjectView:
            made = s.create_project(draft)
            for ref, event in linked:
                s.update_event(ref.id, replace(event_draft(event), project_id=made.id))
            return made

        text = self.tr("Delete project “%1”").replace("%1", short(view.name))
        question = self.tr("Delete the project “%1”? You can undo it with Ctrl+Z.")
        return self._delete(
            self.tr("Delete a project"),
            question.replace("%1", short(view.name)),
            lambda: history.delete(text, "project", view.id, s.delete_project, recreate),
        )

    def delete_body(self, view: BodyView | None = None) -> bool:
        view = view or self.bodies.current_row()
        if view is None:
            return False
        s, history, draft = self.service, self.history, body_draft(view)
        linked = [
            (history.ref("meeting", m.id), m)
            for m in (self.data.meetings if self.data else ())
            if m.body_id == view.id
        ]

        def recreate() -> BodyView:
            made = s.create_body(draft)
            for ref, meeting in linked:
                s.update_meeting(ref.id, replace(meeting_draft(meeting), body_id=made.id))
            return made

        text = self.tr("Delete governance body “%1”").replace("%1", short(view.name))
        question = self.tr(
            "Delete the governance body “%1”? Its meetings are kept, without a body. "
            "You can undo it with Ctrl+Z."
        )
        return self._delete(
            self.tr("Delete a governance body"),
            question.replace("%1", short(view.name)),
            lambda: history.delete(text, "body", view.id, s.delete_body, recreate),
        )

    def delete_meeting(self, view: MeetingView | None = None) -> bool:
        view = view or self.meetings.current_row()
        if view is None:
            return False
        s, draft = self.service, meeting_draft(view)
        text = self.tr("Delete meeting “%1”").replace("%1", short(view.title))
        question = self.tr("Delete the meeting “%1”? You can undo it with Ctrl+Z.")
        return self._delete(
            self.tr("Delete a meeting"),
            question.replace("%1", short(view.title)),
            lambda: self.history.delete(
                text, "meeting", view.id, s.delete_meeting, lambda: s.create_meeting(draft)
            ),
        )

    def delete_event(self, view: EventView | None = None) -> bool:
        view = view or self.events.current_row()
        if view is None:
            return False
        s, draft = self.service, event_draft(view)
        text = self.tr("Delete event “%1”").replace("%1", short(view.title))
        question = self.tr("Delete the event “%1”? You can undo it with Ctrl+Z.")
        return self._delete(
            self.tr("Delete an event"),
            question.replace("%1", short(view.title)),
            lambda: self.history.delete(
                text, "event", view.id, s.delete_event, lambda: s.create_event(draft)
            ),
        )


def create_page(ctx: AppContext) -> ActivityPage:
    return ActivityPage(ctx)
