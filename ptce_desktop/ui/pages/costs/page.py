"""The Charges page: the costs of the fiscal year, paged in SQL, with their shares.

The list (:class:`~.costs_model.CostListModel`) pages, sorts and filters in the database
through :meth:`CostService.list_costs`; the search field and the service / project / member
filters re-query after a short pause. The panel beside it shows the selected cost, its shares
(« Pourquoi ce montant ? ») and its attachments. Adding, editing and deleting go through
:class:`~.cost_dialog.CostDialog` and the service, each pushed on the undo stack.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.costs.views import CostFilters, CostPage, CostRow
from ptce_desktop.services.pole.attachments import AttachmentService
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.choice_combo import large_combo
from ptce_desktop.ui.pages.costs.detail import CostDetailPanel
from ptce_desktop.ui.pages.costs.dialog import CostDialog
from ptce_desktop.ui.pages.costs.model import (
    DATE,
    FOLDABLE,
    HT,
    MEMBER_SHARE,
    TTC,
    CostListModel,
    default_layout,
    fit_widths,
    readable_widths,
)
from ptce_desktop.ui.pages.costs.parts import (
    CostChoices,
    Created,
    adjustment_day,
    closed_year_of,
    recreate_cost,
    short,
)
from ptce_desktop.ui.pages.creators import new_service
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import (
    action_bar,
    delete_shortcut,
    hint_label,
    page_layout,
    remembered_splitter,
    sample_fit,
    search_field,
)
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.history import add_history_button
from ptce_desktop.ui.widgets.table_view import TableView
from ptce_desktop.ui.widgets.totals_row import TotalsRow

FILTER_DELAY_MS = 250
#: The search field is typed in daily: below this the filters leave its row.
SEARCH_MIN_WIDTH = 200
#: A filter widens to show its current choice up to this (a very long name is cut there).
FILTER_MAX_WIDTH = 260
Choices = list[tuple[int, str]]
LIST_TABLES = ("costs", "shares", "attachment_links", "attachments", "shared_services")
CHOICE_TABLES = ("shared_services", "projects", "members", "project_members")


def service_choices(shared: SharedServiceService) -> Choices:
    """Every service by name, (id, name): not their year's totals (``list_services`` sums the
    year's shares, 2.7 M on a large pole: seconds of the worker for a list of names)."""
    views = sorted(shared.service_views().values(), key=lambda view: (view.name, view.id))
    return [(view.id, view.name) for view in views]


class ChoiceModel(QAbstractListModel):
    """A filter's choices, (id or None, name): the name shown and as tooltip, the id as the
    item's data. A list of the year's 5 000 members fills in one reset where a combo box's own
    items took one call (and one item) each on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[int | None, str]] = []

    def set_choices(self, choices: list[tuple[int | None, str]]) -> None:
        self.beginResetModel()
        self._choices = choices
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        item_id, name = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            return name if item_id is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        return None


class CostsPage(QWidget):
    #: "journal:costs/<id>": the window shows the cost's history (Journal page).
    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CostsPage")
        self.ctx = ctx
        self.costs: CostService = ctx.service(CostService)
        self.history = ctx.history
        self.year: int | None = None
        self._projects: dict[int, str] = {}
        self._services: Choices | None = None
        self._settings = ui_settings()

        self.search = search_field(
            "costSearch",
            self.tr("Search label, supplier, invoice reference…"),
            self.tr("Search costs"),
        )
        self.service_filter = self._combo("serviceFilter", self.tr("Filter by service"))
        self.project_filter = self._combo("projectFilter", self.tr("Filter by project"))
        self.member_filter = self._combo("memberFilter", self.tr("Filter by member"))
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        bar = action_bar(
            self.search,
            self.add_button,
            self.edit_button,
            self.delete_button,
            import_button("costs"),
            search_stretch=3,
            filters=self._filters(),
            filter_stretch=2,
        )
        self.bar = bar
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH - 40)
        # too narrow for the search, the filters and the buttons in one row: the filters go
        # on a row of their own under the search (see _arrange_bar)
        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(8)

        self.model = CostListModel(self.costs, self)
        self.view = sample_fit(TableView("costs"))
        self.view.setObjectName("costList")
        self.view.setAccessibleName(self.tr("Costs"))
        readable = readable_widths(self.view.fontMetrics())
        self.view.min_widths = readable
        self.view.setModel(self.model)
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self._fitted = self.view.restore_state()
        if self._fitted:
            readable.bind(self.view)  # a restored layout has no first fit to bind them
        else:
            default_layout(self.view.horizontalHeader())
        # after the first layout's hiding: Qt narrows a section to 0 before marking it hidden,
        # and the view would fold it then (and show it again when it unfolds)
        self.view.foldable = FOLDABLE
        self._show_sort()
        self.detail = CostDetailPanel(ctx)
        self.detail.project_name = lambda pid: self._projects.get(pid) if pid else None
        self.history_button = add_history_button(
            self.detail,
            "costs",
            self.detail.cost_id,
            self.pageRequested.emit,
            self.tr("Every change made to this cost, in the change log"),
        ).follow(self.view.selectionModel().currentRowChanged)
        self.splitter = remembered_splitter(
            self._settings, "costs/splitter", "costsSplitter", (self.view, self.detail), (820, 360)
        )
        self.count_label = hint_label()
        self.totals_row = TotalsRow(self.view, self)
        layout = page_layout(self, bar, self.splitter, self.count_label)
        layout.insertWidget(layout.indexOf(self.count_label), self.totals_row)
        layout.insertLayout(1, self.filter_row)
        self._filters_below = False
        for combo in self._filters():
            combo.currentTextChanged.connect(lambda _text: self._arrange_bar())
        self.setTabOrder(self.search, self.service_filter)
        self.setTabOrder(self.service_filter, self.project_filter)
        self.setTabOrder(self.project_filter, self.member_filter)
        self.setTabOrder(self.member_filter, self.view)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start())
        for combo in (self.service_filter, self.project_filter, self.member_filter):
            combo.currentIndexChanged.connect(lambda _index: self._filter_timer.start())
        self.model.totalChanged.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_a: self._update_count(self.model.total))
        self.model.loadFailed.connect(lambda error: self.ctx.presenter.present(error, self))
        self.model.modelReset.connect(self._after_reset)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.rowActivated.connect(lambda _row: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        delete_shortcut(self.view, self.delete_selected)
        self.view.setColumnHidden(MEMBER_SHARE, True)
        self.loads = PageLoads(self, ctx.runner, over=self.view, on_error=self._list_failed)
        self._update_buttons()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setModel(ChoiceModel(combo))
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        # sized by 11 characters, its list one row height for all: neither measures each of
        # the year's 5 000 members (a Python call per row and role) when filled or polished
        return large_combo(combo, 11)

    def _filters(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return (self.service_filter, self.project_filter, self.member_filter)

    # --- the bar: one row when wide enough, the filters below the search when not -------------
    @staticmethod
    def filter_width(combo: QComboBox) -> int:
        """How wide ``combo`` must be to show its current choice whole (a combo box does not
        elide: it cuts), at most :data:`FILTER_MAX_WIDTH` (a very long name is in the list)."""
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        metrics = combo.fontMetrics()
        text = QSize(metrics.horizontalAdvance(combo.currentText() or "x" * 11), metrics.height())
        size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo)
        return min(max(size.width(), combo.minimumSizeHint().width()), FILTER_MAX_WIDTH)

    def _bar_width_needed(self) -> int:
        """The page width the bar needs in one row: the search usable, each filter showing its
        choice, every button whole."""
        bar = self.bar
        items = [bar.itemAt(i) for i in range(bar.count())]
        widgets = [item.widget() for item in items if item is not None]
        buttons = [w for w in widgets if w is not None and isinstance(w, QPushButton)]
        spacing = bar.spacing()
        width = SEARCH_MIN_WIDTH + 12 + spacing
        width += sum(self.filter_width(combo) + spacing for combo in self._filters())
        width += sum(button.sizeHint().width() + spacing for button in buttons)
        return width

    def _arrange_bar(self) -> None:
        for combo in self._filters():
            combo.setMinimumWidth(self.filter_width(combo))
        below = self.width() < self._bar_width_needed()
        if below == self._filters_below:
            return
        self._filters_below = below
        for position, combo in enumerate(self._filters()):
            if below:
                self.bar.removeWidget(combo)
                self.filter_row.addWidget(combo, 1)
            else:
                self.filter_row.removeWidget(combo)
                self.bar.insertWidget(1 + position, combo, 2)

    def filters_below(self) -> bool:
        """True while the filters are on their own row under the search."""
        return self._filters_below

    def resizeEvent(self, event: Any) -> None:
        self._arrange_bar()
        super().resizeEvent(event)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self._services = None
        self._load_choices()
        self.apply_filters()

    def refresh(self, changes: Any) -> None:
        if self.year is None:
            return
        if touches(changes, *CHOICE_TABLES):
            self._load_choices()
        if touches(changes, *LIST_TABLES, *CHOICE_TABLES):
            self._load_list(keep_loaded=True)

    def _load_list(self, keep_loaded: bool) -> None:
        """Query the list off the GUI thread (as many rows as loaded, or the first page); the
        cost selected (or shown alone in the panel) is selected again when the rows arrive."""
        self.loads.start(
            self.model.first_page_query(keep_loaded),
            lambda page: self._list_loaded(page, keep_detail=keep_loaded),
        )

    def _list_loaded(self, page: CostPage | None, keep_detail: bool) -> None:
        """After a change the cost shown stays shown (alone if not loaded); after new filters
        it stays only if it matches them."""
        selected = self.selected_id() or self.detail.cost_id()
        self.model.show_first_page(page)
        if not keep_detail and self.model.row_of(selected or 0) < 0:
            selected = None
        self.select_id(selected)

    def _list_failed(self, error: BaseException) -> None:
        self.model.show_first_page(None)
        self.ctx.presenter.present(error, self)

    # --- filters -----------------------------------------------------------------------------
    def _load_choices(self) -> None:
        """Fill the filters' lists off the GUI thread (the year's members take a while on a
        large file); the cost list does not wait for it."""
        if self.year is None:
            return
        year = self.year
        shared = self.ctx.service(SharedServiceService)
        activity = self.ctx.service(ActivityService)
        members = self.ctx.members

        def work(_progress: Any) -> tuple[int, Choices, Choices, Choices]:
            return (
                year,
                service_choices(shared),
                [(p.id, p.name) for p in activity.list_projects()],
                [(m.id, m.name) for m in members.list_members(year=year)],
            )

        self.ctx.runner.run(work, on_done=self._choices_loaded, on_error=self._choices_failed)

    def _choices_loaded(self, result: tuple[int, Choices, Choices, Choices]) -> None:
        year, services, projects, members = result
        if year != self.year:
            return  # the year changed meanwhile: a newer load is on its way
        self._services = services
        self._projects = dict(projects)
        self.model.set_project_names(self._projects)
        self._fill(self.service_filter, self.tr("All services"), services)
        self._fill(self.project_filter, self.tr("All projects"), projects)
        self._fill(self.member_filter, self.tr("All members"), members)
        self._arrange_bar()  # their texts (filled with signals blocked) size them
        self.detail.show_cost(self.detail.cost_id())  # its project name, now known

    def _choices_failed(self, error: BaseException) -> None:
        self.ctx.presenter.present(error, self)

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[int, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        model = combo.model()
        assert isinstance(model, ChoiceModel)
        model.set_choices([(None, everything), *items])  # 5 000 members: one reset, no item
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def filters(self) -> CostFilters:
        return CostFilters(
            service_id=self.service_filter.currentData(),
            member_id=self.member_filter.currentData(),
            project_id=self.project_filter.currentData(),
            text=self.search.text().strip() or None,
        )

    def apply_filters(self) -> None:
        """Query the list again with the filters as they are now (the debounce's end)."""
        self._filter_timer.stop()
        filters = self.filters()
        shown_before = not self.view.isColumnHidden(MEMBER_SHARE)
        self.view.setColumnHidden(MEMBER_SHARE, filters.member_id is None)
        self.model.set_query(self.year, filters, load=False)
        if filters.member_id is not None and not shown_before:
            self.view.setColumnWidth(MEMBER_SHARE, 105)  # amounts; the header has a tooltip
        self._load_list(keep_loaded=False)

    def _after_reset(self) -> None:
        if not self._fitted and self.model.rowCount():
            self._fitted = True
            self.view.fit_columns()
            fit_widths(self.view)
        self._show_sort()
        self._update_buttons()

    def _update_count(self, total: int) -> None:
        text = self.tr("%Ln cost(s)", "", total)
        if self.filters() != CostFilters():
            text = self.tr("%1 matching the filters").replace("%1", text)
        self.count_label.setText(text)
        self._show_totals(total)

    def _show_totals(self, count: int) -> None:
        """The sums of every cost matching (not only the rows loaded), as the service adds
        them up in SQL."""
        page = getattr(self.model, "first_page", None)
        figures: dict[int, str] = {}
        if page is not None and count > 0:
            figures = {HT: money_text(page.total_ht_cents), TTC: money_text(page.total_ttc_cents)}
            if page.total_member_cents is not None:
                figures[MEMBER_SHARE] = money_text(page.total_member_cents)
        caption = self.tr("Total of the %Ln cost(s) shown", "", count)
        self.totals_row.set_totals(caption, figures)

    def _show_sort(self) -> None:
        column, order = self.model.sort_column()
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.blockSignals(True)
            header.setSortIndicator(column if column >= 0 else DATE, order)
            header.blockSignals(False)
            header.viewport().update()

    def _sort_clicked(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            self._show_sort()  # that column has no SQL order: the arrow goes back

    # --- selection ---------------------------------------------------------------------------
    def selected_row(self) -> CostRow | None:
        row = self.view.current_row()
        return row if isinstance(row, CostRow) else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_id(self, cost_id: int | None) -> None:
        """Select ``cost_id`` if it is loaded; otherwise show its detail alone."""
        row = self.model.row_of(cost_id) if cost_id is not None else -1
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.selectRow(row)
            self.view.scrollTo(index)
            return
        self.view.setCurrentIndex(QModelIndex())
        self.detail.show_cost(cost_id)
        self._update_buttons()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None or self.detail.cost_id() is not None:
            self.detail.show_cost(row.id if row is not None else self.detail.cost_id())
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_row = self.selected_row() is not None
        writable = not self.ctx.read_only
        self.add_button.setEnabled(writable and self.year is not None)
        self.edit_button.setEnabled(has_row)
        self.delete_button.setEnabled(writable and has_row)
        self.history_button.update_state()  # the detail may show a cost the list has not

    # --- actions -----------------------------------------------------------------------------
    def choices(self, frozen: CostRow | None = None) -> CostChoices:
        year = self.year if self.year is not None else dt.date.today().year
        view = self.ctx.fiscal_years.get(year)
        if self._services is None:  # the background load has not arrived yet
            self._services = service_choices(self.ctx.service(SharedServiceService))
        projects = sorted(self._projects.items(), key=lambda p: p[1])
        day = None
        if frozen is not None:
            day = adjustment_day(self.ctx.fiscal_years.list_years(), frozen, dt.date.today())
        return CostChoices(self._services, projects, view.start, view.end, day)

    def closed_year_of(self, row: CostRow) -> str | None:
        return closed_year_of(self.ctx.fiscal_years.list_years(), row)

    def _run(self, dialog: CostDialog) -> Created | None:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        created: Created = dialog.result_value
        self.select_id(created.id)  # the change signal has already reloaded the list
        return created

    def new_item(self) -> Created | None:
        if self.ctx.read_only or self.year is None:
            return None
        creator = new_service(self.ctx, self, self.year)
        dialog = CostDialog(
            self.costs, self.history, self.choices(), parent=self, new_service=creator
        )
        return self._run(dialog)

    def edit_selected(self) -> Created | None:
        row = self.selected_row()
        if row is None:
            return None
        frozen = self.closed_year_of(row)
        choices = self.choices(row if frozen else None)
        dialog = CostDialog(self.costs, self.history, choices, row, frozen, self)
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)
            dialog.adjust_button.hide()
        return self._run(dialog)

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None or self.ctx.read_only:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete a cost"),
            self.tr("Delete “%1” and its shares? You can undo it with Ctrl+Z.").replace(
                "%1", short(row.label, 60)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        costs, history = self.costs, self.history
        try:
            files = costs.get_cost(row.id).attachments
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        attachments = self.ctx.service(AttachmentService)
        adjusted = (
            history.ref("cost", row.adjusts_cost_id) if row.adjusts_cost_id is not None else None
        )
        recreate = partial(recreate_cost, costs, attachments, adjusted, row, files)
        text = self.tr("Delete cost “%1”").replace("%1", short(row.label))
        try:
            history.delete(text, "cost", row.id, costs.delete_cost, recreate)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.select_id(None)
        return True


def create_page(ctx: AppContext) -> CostsPage:
    return CostsPage(ctx)
