"""The Clés de répartition page: the keys, their dated versions, each member's units, and the
usage recorded for usage keys.

Every edit is one call to :class:`~ptce_desktop.services.keys.keys.KeyService` pushed on the undo
stack (:mod:`.keys_actions`). Editing a version recomputes the shares of the costs it governs in
open fiscal years; the status bar says how many, and how many closed-year costs kept theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyView, UsageView, VersionChange, VersionSummary
from ptce_desktop.services.pole.fiscal_years import FiscalYearView
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.keys import usage as keys_usage
from ptce_desktop.ui.pages.keys.actions import KeyActions, version_draft
from ptce_desktop.ui.pages.keys.detail import TITLE_ROOM, KeyDetailPanel
from ptce_desktop.ui.pages.keys.dialogs import KeyDialog, VersionDialog
from ptce_desktop.ui.pages.keys.models import KeyRow, key_columns, load_key_rows
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import (
    action_bar,
    confirm,
    delete_shortcut,
    hint_label,
    page_layout,
    remembered_splitter,
    sample_fit,
    search_field,
    select_row,
    shown_of,
)
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.empty_state import EmptyState
from ptce_desktop.ui.widgets.history import add_history_button
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate
#: A key's name is given room up to this width before the other columns fold (then it is cut,
#: whole in the tooltip and in the panel's title).
NAME_MAX_WIDTH = 300

TABLES = (
    "allocation_keys",
    "key_versions",
    "key_version_units",
    "key_mix_parts",
    "usage_records",
    "members",
    "poles",
    "fiscal_years",
)


class KeysPage(QWidget):
    #: "journal:allocation_keys/<id>": the window shows the key's history (Journal page).
    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeysPage")
        self.ctx = ctx
        self.service: KeyService = ctx.service(KeyService)
        self.edits = KeyActions(self.service, ctx.history)
        self.year: int | None = None
        self.year_label = ""
        self.period = (dt.date.today(), dt.date.today())
        self.last_message = ""
        self._settings = ui_settings()

        self.search = search_field(
            "keySearch",
            self.tr("Search a key (name, method, unit…)"),
            self.tr("Search a key"),
        )
        self.add_button = QPushButton(self.tr("&Add a key…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.import_button = import_button("keys")
        bar = action_bar(
            self.search, self.add_button, self.edit_button, self.delete_button, self.import_button
        )

        self.model = RowTableModel(key_columns(), parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = sample_fit(TableView("keys"))
        # too narrow for all: description, versions, unit, in force since, method give way
        self.view.foldable = (6, 5, 2, 3, 1)
        self.view.setModel(self.proxy)
        # « En vigueur depuis » is narrowed no further than its title (it was cut to « En
        # vigueur dep » at 1200 px): below that it folds, its dates are in the versions panel
        title = self.proxy.headerData(3, Qt.Orientation.Horizontal) or ""
        self.view.min_widths = {3: self.view.fontMetrics().horizontalAdvance(str(title)) + 16}
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Allocation keys"))
        self.empty_state = EmptyState(
            self.view,
            self.tr("No allocation key yet. A key says how a service's costs are split."),
            self.tr("Create the first key…"),
            self.add_button,
        )
        self.detail = KeyDetailPanel()
        self.history_button = add_history_button(
            self.detail,
            "allocation_keys",
            lambda: key.id if (key := self.current_key()) is not None else None,
            self.pageRequested.emit,
            self.tr("Every change made to this key, in the change log"),
        ).follow(self.view.selectionModel().currentRowChanged)
        self.splitter = remembered_splitter(
            self._settings, "keys/splitter", "keysSplitter", (self.view, self.detail), (550, 450)
        )
        self.count_label = hint_label()
        page_layout(self, bar, self.splitter, self.count_label)
        self._wanted: int | None = None  # to select once the list on its way is shown
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )
        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        d = self.detail
        self.search.textChanged.connect(self._filter)
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.rowActivated.connect(lambda _row: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._key_changed)
        delete_shortcut(self.view, self.delete_selected)
        d.add_version_button.clicked.connect(self.new_version)
        d.edit_version_button.clicked.connect(self.edit_version)
        d.delete_version_button.clicked.connect(self.delete_version)
        d.versions_view.rowActivated.connect(lambda _row: self.edit_version())
        d.versions_view.selectionModel().currentRowChanged.connect(self._version_changed)
        delete_shortcut(d.versions_view, self.delete_version)
        d.add_usage_button.clicked.connect(self.new_usage)
        d.edit_usage_button.clicked.connect(self.edit_usage)
        d.delete_usage_button.clicked.connect(self.delete_usage)
        d.usage_view.rowActivated.connect(lambda _row: self.edit_usage())
        d.usage_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        delete_shortcut(d.usage_view, self.delete_usage)
        # Ctrl+V: lines (date, member, quantity) record usage; a column of quantities edits
        # the records from the current one down
        d.usage_model.editors[2] = lambda usage, text: keys_usage.paste_quantity(self, usage, text)
        self.usage_paste = keys_usage.ReadingsPaste(self)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self.reload()  # the year's label and dates come with the keys (read on the worker)

    def refresh(self, changes: Any) -> None:
        if touches(changes, *TABLES):
            self.reload()

    # --- loading -----------------------------------------------------------------------------
    def in_force_on(self) -> dt.date:
        """The day whose version is "in force": today, kept inside the fiscal year shown."""
        start, end = self.period
        return min(max(dt.date.today(), start), end)

    def reload(self, select: int | None = None, then: Callable[[], object] | None = None) -> None:
        """Read the keys off the GUI thread; once shown, select ``select`` (else the key
        selected then) and call ``then``."""
        if select is not None:
            self._wanted = select
        service, year, period = self.service, self.year, self.period
        fiscal_years = self.ctx.fiscal_years

        def fetch() -> tuple[FiscalYearView | None, list[KeyRow]]:
            # the fiscal years' query reads the whole file: here, not on the GUI thread
            view = fiscal_years.get(year) if year is not None else None
            start, end = (view.start, view.end) if view is not None else period
            on = min(max(dt.date.today(), start), end)
            return view, load_key_rows(service, on, start, end)

        def show(loaded: tuple[FiscalYearView | None, list[KeyRow]]) -> None:
            view, rows = loaded
            if view is not None:
                if view.start_year != self.year:
                    return  # another year chosen meanwhile: its load is on its way
                self.year_label = view.label
                self.period = (view.start, view.end)
            self._show_rows(rows)
            if then is not None:
                then()

        self.loads.start(fetch, show)

    def _show_rows(self, rows: list[KeyRow]) -> None:
        selected = self.current_key()
        wanted = self._wanted if self._wanted is not None else (selected.id if selected else None)
        self._wanted = None
        self.model.set_rows(rows)
        if not getattr(self, "_fitted", False) and rows:
            self._fitted = True
            if not self.view.restore_state():
                self.view.fit_columns()
                header = self.view.horizontalHeader()
                header.resizeSection(0, min(header.sectionSize(0), NAME_MAX_WIDTH))
                title = str(self.proxy.headerData(4, Qt.Orientation.Horizontal) or "")
                members = max(  # a count: its figures and title (and a sort arrow), no more
                    self.view.sizeHintForColumn(4) + 8,
                    header.fontMetrics().horizontalAdvance(title) + TITLE_ROOM,
                )
                header.resizeSection(4, members)
        self._give_names_room()
        self.select_key(wanted)
        self._update_count()

    def _give_names_room(self) -> None:
        """The names (up to :data:`NAME_MAX_WIDTH`) and the methods are not cut to make room:
        the unit, the date in force and then the method fold first (the panel shows them)."""
        view = self.view
        title = self.proxy.headerData(3, Qt.Orientation.Horizontal) or ""
        widths = {3: view.fontMetrics().horizontalAdvance(str(title)) + 16}
        if self.proxy.rowCount():
            widths[0] = min(view.sizeHintForColumn(0) + 8, NAME_MAX_WIDTH)
            widths[1] = view.sizeHintForColumn(1) + 8
        view.min_widths = widths
        view.fit_width()

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%n key(s)", "", total)
        self.count_label.setText(shown_of(self.tr("%1 shown of %2"), shown, total, text))

    def current_key(self) -> KeyView | None:
        row: KeyRow | None = self.view.current_row()
        return row.key if row is not None else None

    def current_version(self) -> VersionSummary | None:
        return self.detail.versions_view.current_row()

    def current_usage(self) -> UsageView | None:
        return self.detail.usage_view.current_row()

    def select_key(self, key_id: int | None) -> None:
        found = key_id is not None and select_row(self.view, self.proxy, lambda r: r.id == key_id)
        if not found:
            self._show_key(None)

    def _key_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self._show_key(row)

    def _show_key(self, row: KeyRow | None, version_id: int | None = None) -> None:
        d = self.detail
        previous = self.current_version()
        if row is None:
            d.show_key(None)
            self._update_buttons()
            return
        d.show_key(row.key, row.key.versions, row.in_force.id if row.in_force else None)
        if row.key.method is Method.USAGE:
            start, end = self.period
            d.show_usage(self.year_label, self.service.list_usage(row.key.id, start, end))
        else:
            wanted = version_id
            if wanted is None and previous is not None and previous in row.key.versions:
                wanted = previous.id
            if wanted is None and row.in_force is not None:
                wanted = row.in_force.id
            if wanted is None and row.key.versions:
                wanted = row.key.versions[-1].id
            if not select_row(d.versions_view, d.versions_proxy, lambda v: v.id == wanted):
                d.show_version(None)
        self._update_buttons()

    def _version_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        version = current.data(ROW_ROLE) if current.isValid() else None
        if version is None:
            self.detail.show_version(None)
        else:
            try:
                self.detail.show_version(self.service.get_version(version.id, self.period))
            except PtceError:  # deleted meanwhile: the next reload fixes the list
                self.detail.show_version(None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.ctx.read_only
        key = self.current_key()
        d = self.detail
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(key is not None)
        self.delete_button.setEnabled(writable and key is not None)
        d.add_version_button.setEnabled(writable and key is not None)
        has_version = self.current_version() is not None
        d.edit_version_button.setEnabled(has_version)
        d.delete_version_button.setEnabled(writable and has_version)
        d.add_usage_button.setEnabled(writable and key is not None)
        has_usage = self.current_usage() is not None
        d.edit_usage_button.setEnabled(has_usage)
        d.delete_usage_button.setEnabled(writable and has_usage)

    def say(self, text: str) -> None:
        """Say it in the window's status bar (kept in ``last_message`` for tests)."""
        self.last_message = text
        window = self.window()
        if window is not self and hasattr(window, "show_message"):
            window.show_message(text, 10_000)

    def _run_dialog(self, dialog: QDialog) -> Any:
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)  # type: ignore[attr-defined]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.result_value if accepted else None  # type: ignore[attr-defined]

    def _present(self, error: PtceError) -> None:
        self.ctx.presenter.present(error, self)

    # --- keys --------------------------------------------------------------------------------
    def new_item(self) -> int | None:
        if self.ctx.read_only:
            return None
        key_id = self._run_dialog(KeyDialog(self.edits, None, self))
        if key_id is not None:
            self.reload(select=key_id)
        return key_id

    def edit_selected(self) -> int | None:
        key = self.current_key()
        if key is None:
            return None
        key_id = self._run_dialog(KeyDialog(self.edits, self.service.get_key(key.id), self))
        if key_id is not None:
            self.reload()
        return key_id

    def delete_selected(self) -> bool:
        key = self.current_key()
        if key is None or self.ctx.read_only:
            return False
        text = self.tr("Delete the key “%1” with its versions? You can undo it with Ctrl+Z.")
        if not confirm(self, self.tr("Delete a key"), text.replace("%1", key.name)):
            return False
        try:
            self.edits.delete_key(key.id)
        except PtceError as error:
            self._present(error)
            return False
        self.reload()
        return True

    # --- versions ----------------------------------------------------------------------------
    def _members(self, *, in_year: bool = False) -> list[tuple[int, str]]:
        rows = self.ctx.members.list_members(include_archived=True, year=self.year)
        return [(r.id, r.name) for r in rows if (r.active if in_year else not r.archived)]

    def _report(self, what: str, change: VersionChange) -> None:
        parts = [what, self.tr("Shares of %n cost(s) recomputed.", "", change.recomputed)]
        if change.skipped_closed:
            parts.append(
                self.tr(
                    "%n cost(s) of closed fiscal years keep their shares.",
                    "",
                    change.skipped_closed,
                )
            )
        self.say(" ".join(parts))

    def _version_dialog(self, key: KeyView, version_id: int | None) -> VersionChange | None:
        detail = self.service.get_version(version_id) if version_id is not None else None
        template = None
        start_date: dt.date | None = None
        if detail is None:
            in_force = key.current_version or (key.versions[-1] if key.versions else None)
            template = self.service.get_version(in_force.id) if in_force else None
            taken = {v.valid_from for v in key.versions}
            start = self.period[0]
            start_date = start if start not in taken else None
        keys = [k for k in self.service.list_keys() if k.id != key.id]
        dialog = VersionDialog(
            self.edits, key, detail, template, self._members(), keys, start_date, self
        )
        return self._run_dialog(dialog)

    def new_version(self) -> VersionChange | None:
        key = self.current_key()
        if key is None or self.ctx.read_only:
            return None
        change = self._version_dialog(self.service.get_key(key.id, self.in_force_on()), None)
        if change is not None:
            self._after_version(change, self.tr("Version added."))
        return change

    def edit_version(self) -> VersionChange | None:
        key, version = self.current_key(), self.current_version()
        if key is None or version is None:
            return None
        change = self._version_dialog(self.service.get_key(key.id, self.in_force_on()), version.id)
        if change is not None:
            self._after_version(change, self.tr("Version saved."))
        return change

    def delete_version(self) -> VersionChange | None:
        key, version = self.current_key(), self.current_version()
        if key is None or version is None or self.ctx.read_only:
            return None
        text = self.tr(
            "Delete the version of %1? Costs it governed will be shared with the version in "
            "force before it. You can undo it with Ctrl+Z."
        ).replace("%1", format_date(version.valid_from))
        if not confirm(self, self.tr("Delete a version"), text):
            return None
        before = version_draft(self.service.get_version(version.id))
        try:
            change = self.edits.delete_version(key.id, key.name, before)
        except PtceError as error:
            self._present(error)
            return None
        self._after_version(change, self.tr("Version deleted."))
        return change

    def _after_version(self, change: VersionChange, what: str) -> None:
        self._report(what, change)
        key = self.current_key()
        if key is None:
            self.reload()
            return
        d = self.detail
        self.reload(
            select=key.id,
            then=lambda: select_row(
                d.versions_view, d.versions_proxy, lambda v: v.id == change.version_id
            ),
        )

    # --- usage (see keys_usage) --------------------------------------------------------------
    def new_usage(self) -> int | None:
        return keys_usage.new_usage(self)

    def edit_usage(self) -> int | None:
        return keys_usage.edit_usage(self)

    def delete_usage(self) -> bool:
        return keys_usage.delete_usage(self)


def create_page(ctx: AppContext) -> KeysPage:
    return KeysPage(ctx)
