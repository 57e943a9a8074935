"""The Services mutualisés page: the services with their figures of the fiscal year shown, their
users and their budgets.

Every edit is one call to :class:`~ptce_desktop.services.costs.shared_services.SharedServiceService`
pushed on the undo stack (:class:`~.services_dialogs.ServiceActions`): add, edit, delete a
service; set or remove the budget of the fiscal year shown.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.shared_services import ServiceView, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.exports.clipboard import install_paste
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.creators import new_key, new_member
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
from ptce_desktop.ui.pages.services.detail import (
    ServiceDetailPanel,
    ServiceRow,
    service_columns,
)
from ptce_desktop.ui.pages.services.dialogs import (
    BudgetDialog,
    DialogChoices,
    ServiceActions,
    ServiceDialog,
)
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.empty_state import EmptyState
from ptce_desktop.ui.widgets.history import add_history_button
from ptce_desktop.ui.widgets.pastable_model import PastableRowModel
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, FilterProxy
from ptce_desktop.ui.widgets.table_view import TableView
from ptce_desktop.ui.widgets.totals_row import TotalsRow, column_sums, shown_rows

log = logging.getLogger(__name__)

TABLES = (
    "shared_services",
    "service_budgets",
    "costs",
    "shares",
    "allocation_keys",
    "key_versions",
    "key_version_units",
    "key_mix_parts",
    "usage_records",
    "members",
    "poles",
    "fiscal_years",
)


#: the column of the year's budget in service_columns() (name, category, VAT, budget…)
BUDGET_COLUMN = 3
#: the amounts' columns (budget, costs, shared): never cut, never folded
MONEY_COLUMNS = (3, 4, 5)
#: the list and the panel beside it the first time: the panel narrow enough for the list to
#: show the name, VAT and key of a service beside its amounts at 1366 px
DEFAULT_SPLIT = (880, 280)
#: letters of each text column kept when the list is narrowed (name, category, key, carrier)
READABLE_LETTERS = {0: 30, 1: 14, 6: 21, 7: 21}


def readable_widths(view: TableView) -> dict[int, int]:
    """The narrowest each text column is made before a foldable one goes (TableView.min_widths):
    the VAT regime whole (« Exonéré 261 B »), a name, category, key or carrier member whole up
    to :data:`READABLE_LETTERS` (the rest elides, whole in the tooltip)."""
    letter = view.fontMetrics().averageCharWidth()
    widths = {
        column: min(view.sizeHintForColumn(column) + 16, letter * count + 16)
        for column, count in READABLE_LETTERS.items()
    }
    widths[2] = view.sizeHintForColumn(2) + 4
    return widths


def fit_service_columns(view: TableView) -> None:
    """The first layout on the rows shown: each column fitted to its text, the amounts to theirs
    with a small margin (every pixel spared goes to the names and keys), the long texts within a
    cap (the name column then takes the spare width)."""
    view.fit_columns()
    header = view.horizontalHeader()
    for column in MONEY_COLUMNS:
        needed = max(view.sizeHintForColumn(column) + 4, header.sectionSizeHint(column))
        header.resizeSection(column, needed)
    header.resizeSection(2, view.sizeHintForColumn(2) + 4)
    header.resizeSection(1, min(header.sectionSize(1), 110))
    for column in (6, 7):  # key and carrier names can be long
        header.resizeSection(column, min(header.sectionSize(column), 200))


class ServicesPage(QWidget):
    #: "journal:shared_services/<id>": the window shows the service's history (Journal page).
    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ServicesPage")
        self.ctx = ctx
        self.service: SharedServiceService = ctx.service(SharedServiceService)
        self.edits = ServiceActions(self.service, ctx.history)
        self.year: int | None = None
        self.year_label = ""
        self._year_labels: dict[int, str] = {}
        self.last_message = ""
        self._settings = ui_settings()

        self.search = search_field(
            "serviceSearch",
            self.tr("Search a service (name, category, key, member…)"),
            self.tr("Search a service"),
        )
        self.add_button = QPushButton(self.tr("&Add a service…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.import_button = import_button("services")
        bar = action_bar(
            self.search, self.add_button, self.edit_button, self.delete_button, self.import_button
        )

        self.model = PastableRowModel(  # the year's budgets take a block pasted with Ctrl+V
            service_columns(), {BUDGET_COLUMN: self._paste_budget}, parent=self,
            row_key=lambda row: row.view.id,
        )  # fmt: skip
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = sample_fit(TableView("services"))
        # too narrow for all (the users' panel beside, 1366 px or less): active, carrying
        # member, category, VAT and at last the key (1200 px) give way, in that order, rather
        # than a horizontal scroll bar; the name and the amounts stay
        self.view.foldable = (8, 7, 1, 2, 6)
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Shared services"))
        self.paste = install_paste(
            self.view, name_column=0, value_column=BUDGET_COLUMN, history=ctx.history
        )
        self.empty_state = EmptyState(
            self.view,
            self.tr("No shared service yet: premises, accounting, staff… each with a budget."),
            self.tr("Create the first service…"),
            self.add_button,
        )
        self.detail = ServiceDetailPanel(self.label_of)
        self.history_button = add_history_button(
            self.detail,
            "shared_services",
            self.selected_id,
            self.pageRequested.emit,
            self.tr("Every change made to this service, in the change log"),
        ).follow(self.view.selectionModel().currentRowChanged)
        self.splitter = remembered_splitter(
            self._settings,
            "services/splitter",
            "servicesSplitter",
            (self.view, self.detail),
            DEFAULT_SPLIT,
            stretch=(1, 0),  # a wider window widens the list, the panel keeps its width
        )
        self.count_label = hint_label()
        self.totals_row = TotalsRow(self.view, self)  # budget, costs, shared of those shown
        layout = page_layout(self, bar, self.splitter, self.count_label)
        layout.insertWidget(layout.indexOf(self.count_label), self.totals_row)

        self.search.textChanged.connect(self._filter)
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.rowActivated.connect(lambda _row: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        delete_shortcut(self.view, self.delete_selected)
        self.detail.set_budget_button.clicked.connect(self.set_budget)
        self.detail.remove_budget_button.clicked.connect(self.remove_budget)
        self.detail.budgets_view.rowActivated.connect(lambda _row: self.set_budget())
        self._wanted: int | None = None  # to select once the list on its way is shown
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )
        self.detail_loads = PageLoads(self, ctx.runner, over=self.detail)
        # the service dialog's keys and members (thousands on a large pole), read on a worker
        # after the list, so that « Ajouter » opens the dialog without reading them
        self._choices: DialogChoices | None = None
        self.choice_loads = PageLoads(self, ctx.runner, over=self.view, on_error=self._no_choices)
        self._update_buttons()

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self.reload()

    def refresh(self, changes: Any) -> None:
        if touches(changes, "members", "allocation_keys", "fiscal_years"):
            self._choices = None  # read again after the list
        if touches(changes, *TABLES):
            self.reload()

    # --- loading -----------------------------------------------------------------------------
    def label_of(self, year: int) -> str:
        return self._year_labels.get(year, str(year))

    def reload(self, select: int | None = None) -> None:
        """Read the services of the year off the GUI thread; ``select`` that one when shown
        (else the one selected then)."""
        if self.year is None:
            return
        if select is not None:
            self._wanted = select
        service, fiscal_years, year = self.service, self.ctx.fiscal_years, self.year

        def fetch() -> tuple[dict[int, str], list[ServiceRow]]:
            labels = {y.start_year: y.label for y in fiscal_years.list_years()}
            views = service.service_views()
            rows = [ServiceRow(t, views[t.service_id]) for t in service.list_services(year)]
            return labels, rows

        self.loads.start(fetch, self._show_rows)

    def _show_rows(self, loaded: tuple[dict[int, str], list[ServiceRow]]) -> None:
        self._year_labels, rows = loaded
        self.year_label = self.label_of(self.year) if self.year is not None else ""
        self.detail.set_year_label(self.year_label)
        selected = self._wanted if self._wanted is not None else self.selected_id()
        self._wanted = None
        self.model.set_rows(rows)
        if not getattr(self, "_fitted", False) and rows:
            self._fitted = True
            self.view.min_widths = readable_widths(self.view)
            if not self.view.restore_state():
                fit_service_columns(self.view)
        self.select_id(selected)
        self._update_count()
        if self._choices is None or self._choices.year != self.year:
            self._load_choices()

    def _load_choices(self) -> None:
        keys, members, year = self.ctx.service(KeyService), self.ctx.members, self.year

        def fetch() -> DialogChoices:
            return DialogChoices(
                year,
                [(key.id, key.name) for key in keys.list_keys()],
                [
                    (row.id, row.name)
                    for row in members.list_members(include_archived=False, year=year)
                ],
            )

        self.choice_loads.start(fetch, self._choices_read)

    def _choices_read(self, choices: DialogChoices) -> None:
        self._choices = choices

    def _no_choices(self, error: BaseException) -> None:
        log.warning("the service dialog's choices were not read ahead: %s", error)
        self._choices = None  # the dialog reads them when opened

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        rows: list[ServiceRow] = self.model.rows()
        text = self.tr("%n service(s)", "", len(rows))
        text = shown_of(self.tr("%1 shown of %2"), self.proxy.rowCount(), len(rows), text)
        budgets = sum(row.totals.budget_cents or 0 for row in rows)
        shared = sum(row.totals.shared_cents for row in rows)
        totals = (
            self.tr("budgets %1 · shared %2")
            .replace("%1", money_text(budgets))
            .replace("%2", money_text(shared))
        )
        self.count_label.setText(f"{text} — {totals}")
        shown = shown_rows(self.proxy)
        caption = self.tr("Total of the %n service(s) shown", "", len(shown))
        figures = column_sums(self.model, shown, (BUDGET_COLUMN, 4, 5)) if shown else {}
        self.totals_row.set_totals(caption, figures)

    def selected_id(self) -> int | None:
        row = self.view.current_row()
        return row.id if row is not None else None

    def current_view(self) -> ServiceView | None:
        row: ServiceRow | None = self.view.current_row()
        return row.view if row is not None else None

    def select_id(self, service_id: int | None) -> None:
        found = service_id is not None and select_row(
            self.view, self.proxy, lambda r: r.id == service_id
        )
        if not found:
            self._show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self._show_detail(row)

    def _show_detail(self, row: ServiceRow | None) -> None:
        self._update_buttons()
        if row is None or self.year is None:
            self.detail_loads.cancel()
            self.detail.show_service(None)
            return
        service, year, view = self.service, self.year, row.view
        self.detail_loads.start(
            lambda: service.service_users(view.id, year),
            lambda users: self.detail.show_service(view, users),
            on_error=self._detail_failed,
        )

    def _detail_failed(self, error: BaseException) -> None:
        if not isinstance(error, PtceError):
            self.ctx.presenter.present(error, self)
        self.detail.show_service(None)  # deleted meanwhile: the next reload fixes the list

    def _update_buttons(self) -> None:
        writable = not self.ctx.read_only
        view = self.current_view()
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(view is not None)
        self.delete_button.setEnabled(writable and view is not None)
        has_budget = view is not None and self.year in dict(view.budgets)
        self.detail.set_budget_button.setEnabled(writable and view is not None)
        self.detail.remove_budget_button.setEnabled(writable and has_budget)

    def say(self, text: str) -> None:
        """Say it in the window's status bar (kept in ``last_message`` for tests)."""
        self.last_message = text
        window = self.window()
        if window is not self and hasattr(window, "show_message"):
            window.show_message(text, 10_000)

    # --- actions -----------------------------------------------------------------------------
    def _dialog(self, view: ServiceView | None) -> ServiceDialog:
        choices = self._choices
        if choices is not None and choices.year == self.year and not self.choice_loads.loading:
            keys, members = choices.keys, choices.members
        else:  # asked for before they were read ahead
            keys = [(key.id, key.name) for key in self.ctx.service(KeyService).list_keys()]
            members = [
                (row.id, row.name)
                for row in self.ctx.members.list_members(include_archived=False, year=self.year)
            ]
        categories = [row.view.category for row in self.model.rows() if row.view.category]
        return ServiceDialog(
            self.edits,
            view,
            keys,
            members,
            categories,
            self,
            new_key=new_key(self.ctx, self),
            new_member=new_member(self.ctx, self, self.year),
        )

    def _exec(self, dialog: QDialog) -> bool:
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)  # type: ignore[attr-defined]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def new_item(self) -> int | None:
        if self.ctx.read_only:
            return None
        dialog = self._dialog(None)
        if not self._exec(dialog):
            return None
        self.reload(select=dialog.result_value)
        return dialog.result_value

    def edit_selected(self) -> int | None:
        service_id = self.selected_id()
        if service_id is None:
            return None
        dialog = self._dialog(self.service.get_service(service_id))
        if not self._exec(dialog):
            return None
        if dialog.recomputed:
            self.say(
                self.tr(
                    "Service saved; the shares of %n cost(s) were recomputed.",
                    "",
                    dialog.recomputed,
                )
            )
        self.reload()
        return service_id

    def delete_selected(self) -> bool:
        view = self.current_view()
        if view is None or self.ctx.read_only:
            return False
        text = self.tr("Delete the service “%1” and its budgets? You can undo it with Ctrl+Z.")
        if not confirm(self, self.tr("Delete a service"), text.replace("%1", view.name)):
            return False
        try:
            self.edits.delete(view.id)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.reload()
        return True

    def set_budget(self) -> bool:
        view = self.current_view()
        if view is None or self.year is None or self.ctx.read_only:
            return False
        dialog = BudgetDialog(self.edits, view, self.year, self.year_label, self)
        if not self._exec(dialog):
            return False
        self.reload()
        return True

    def _paste_budget(self, row: Any, text: str) -> None:
        if self.year is None or self.ctx.read_only:
            raise PtceError("read_only")
        self.edits.budget_from_text(row.view, self.year, self.year_label, text)

    def remove_budget(self) -> bool:
        view = self.current_view()
        if view is None or self.year is None or self.year not in dict(view.budgets):
            return False
        text = self.tr("Remove the budget %1 of “%2”? You can undo it with Ctrl+Z.")
        text = text.replace("%1", self.year_label).replace("%2", view.name)
        if not confirm(self, self.tr("Remove a budget"), text):
            return False
        try:
            self.edits.remove_budget(view, self.year, self.year_label)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.reload()
        return True


def create_page(ctx: AppContext) -> ServicesPage:
    return ServicesPage(ctx)
