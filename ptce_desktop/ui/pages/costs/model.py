"""The cost list as a Qt model that pages, sorts and filters in SQL (DESIGN §5 "Long lists").

A year holds thousands of cost lines, so the model never loads them all: it asks
``CostService.list_costs`` for one page (keyset cursor) and pulls the next one when the view
scrolls near the end (``canFetchMore``/``fetchMore``). Clicking a sortable header re-queries
with that sort key (``"-ttc"`` for descending); changing the filters re-queries too. A
``QSortFilterProxyModel`` would only see the rows already fetched, hence none here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from ptce_desktop.domain.cerfa import cerfa_line
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.costs.views import CostFilters, CostPage, CostRow
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.widgets.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

# Column numbers (logical; the view may move them).
DATE, PERIOD, SERVICE, LABEL, SUPPLIER, HT, VAT, TTC, CERFA, PROJECT, FILES, MEMBER_SHARE = range(
    12
)


@dataclass(frozen=True)
class CostColumn:
    header: str
    sort: str | None  # the service's sort key, None when the column cannot be sorted in SQL
    align: Qt.AlignmentFlag
    tooltip: str | None = None


def cost_columns() -> list[CostColumn]:
    return [
        CostColumn(translate("CostListModel", "Invoice date"), "invoice_date", LEFT),
        CostColumn(
            translate("CostListModel", "Period"),
            "period_start",
            LEFT,
            translate("CostListModel", "Period covered by the cost"),
        ),
        CostColumn(translate("CostListModel", "Service"), "service", LEFT),
        CostColumn(translate("CostListModel", "Label"), "label", LEFT),
        CostColumn(translate("CostListModel", "Supplier"), None, LEFT),
        CostColumn(translate("CostListModel", "Excl. VAT"), "ht", RIGHT),
        CostColumn(translate("CostListModel", "VAT"), None, RIGHT),
        CostColumn(translate("CostListModel", "Incl. VAT"), "ttc", RIGHT),
        CostColumn(
            translate("CostListModel", "Cerfa"),
            None,
            LEFT,
            translate("CostListModel", "Line of the Cerfa 15059 budget"),
        ),
        CostColumn(translate("CostListModel", "Project"), None, LEFT),
        CostColumn(
            translate("CostListModel", "Files"),
            None,
            RIGHT,  # a count: kept whole, as the amounts (and sized by fit_widths, not narrowed)
            translate("CostListModel", "Number of attachments (justificatifs)"),
        ),
        CostColumn(
            translate("CostListModel", "Share"),
            None,
            RIGHT,
            translate("CostListModel", "Share of the member chosen in the filter"),
        ),
    ]


def period_text(start: dt.date, end: dt.date) -> str:
    """``01/01 – 31/03/2025`` within one year, both dates in full otherwise."""
    if start.year == end.year:
        return f"{start:%d/%m} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def cerfa_label(code: str) -> str:
    """``613 – Locations`` (the label of the grid, with its code once)."""
    try:
        label = cerfa_line(code).label_fr
    except PtceError:
        return code
    return label if label.startswith(code) else f"{code} – {label}"


# Widest first widths: long names are whole in the tooltip and the detail panel (and each at
# least its readable width, TableView.min_widths).
WIDEST = {DATE: 105, PERIOD: 135, SERVICE: 230, LABEL: 210, SUPPLIER: 150, PROJECT: 160}


def default_layout(header: QHeaderView) -> None:
    """First run: the amount next to the label (and the filtered member's share before it,
    when shown); the columns the detail panel shows
    anyway (excl. VAT, VAT, Cerfa line, project) start hidden — the header's menu brings them
    back, and the view remembers the choice."""
    header.moveSection(header.visualIndex(TTC), header.visualIndex(LABEL) + 1)
    header.moveSection(header.visualIndex(MEMBER_SHARE), header.visualIndex(LABEL) + 1)
    for column in (HT, VAT, CERFA, PROJECT):
        header.setSectionHidden(column, True)


#: At a laptop's width (1200 or 1366 px beside the panel) these columns go, in this order,
#: rather than every column being cut to a few letters: the period and the supplier are in the
#: panel and in the label's tooltip, the others are hidden at first anyway (TableView.foldable).
FOLDABLE = (PERIOD, SUPPLIER, PROJECT, CERFA, VAT, HT, FILES)


# Some twenty-four letters of a service name, and its ellipsis: a pole's services often
# share their first words (« Personnel mutualisé… », « Locaux partagés – Maison… »,
# « Comptabilité et paie… »), and « Personnel mutu… » (twelve letters) told little.
SERVICE_SAMPLE = "Informatique, téléphonie…"


class ReadableWidths(dict[int, int]):
    """:attr:`TableView.min_widths` for the costs: the service's floor is some twenty-four
    letters, but only sixteen while the filtered member's share is shown too (at 1200 px the
    date, the label's least, both amounts and the service's twenty-four letters do not fit:
    the service gives way rather than an amount or a scroll bar). It follows its view once
    bound (:meth:`bind`: by :func:`fit_widths` on a first fit, by the page when it restores
    a saved layout instead); until then it keeps the wider floor."""

    def __init__(self, widths: dict[int, int], crowded_service: int) -> None:
        super().__init__(widths)
        self.crowded_service = crowded_service
        self.view: Any = None  # the TableView whose min_widths this is
        self._recheck = False

    def get(self, key: int, default: Any = None) -> Any:
        if key == SERVICE and self._crowded():
            if not self._recheck:  # the share's column may be on its way out: see then
                self._recheck = True
                QTimer.singleShot(0, self.view, self._fit_if_roomier)
            return self.crowded_service
        return super().get(key, default)

    def bind(self, view: Any) -> None:
        """Follow ``view``'s header from now on (once); a shown column narrower than its
        readable width (a layout saved before it was readable) gets it."""
        if self.view is not None:
            return
        self.view = view
        header = view.horizontalHeader()
        for column in dict.keys(self):
            least = self.get(column, 0)
            if not header.isSectionHidden(column) and 0 < header.sectionSize(column) < least:
                header.resizeSection(column, least)  # the view fits the others to it

    def _crowded(self) -> bool:
        if self.view is None:
            return False
        return not self.view.horizontalHeader().isSectionHidden(MEMBER_SHARE)

    def _fit_if_roomier(self) -> None:
        # Qt narrows a section it hides, and the view fits the others, before marking it
        # hidden: the service's wider floor is then owed a fit of its own
        self._recheck = False
        if self.view is None or self._crowded():
            return
        header = self.view.horizontalHeader()
        shown = sum(header.sectionSize(c) for c in range(header.count()))
        if header.length() != shown:
            # the share's column hidden while the view fitted the others (inside Qt's hiding)
            # kept its width in the header: a blank gap before the amount. Hidden again
            # quietly, it gives that width back.
            blocked = header.blockSignals(True)
            try:
                header.showSection(MEMBER_SHARE)
                header.hideSection(MEMBER_SHARE)
            finally:
                header.blockSignals(blocked)
        self.view.fit_width()


def readable_widths(metrics: QFontMetrics) -> ReadableWidths:
    """The narrowest each text column is made before a foldable one goes (TableView.min_widths):
    a period whole, some twenty-four letters of a service (:data:`SERVICE_SAMPLE`; sixteen
    beside the member's share, see :class:`ReadableWidths`), sixteen of a supplier, project or
    Cerfa line."""
    name = metrics.averageCharWidth() * 16 + 16
    period = metrics.horizontalAdvance(period_text(dt.date(2025, 12, 1), dt.date(2025, 12, 31)))
    widths = {
        PERIOD: period + 16,
        SERVICE: metrics.horizontalAdvance(SERVICE_SAMPLE) + 16,
        SUPPLIER: name,
        PROJECT: name,
        CERFA: name,
    }
    return ReadableWidths(widths, crowded_service=name)


def fit_widths(view: QTableView) -> None:
    """The first fit's widths kept within :data:`WIDEST`; the columns the first layout hides
    (Qt measures no hidden column: they came back 0 or 26 px wide from the header's menu) get
    their header's and the sampled rows' width, for when the user shows them."""
    header = view.horizontalHeader()
    readable: dict[int, int] = getattr(view, "min_widths", {})
    if isinstance(readable, ReadableWidths):
        readable.bind(view)
    for column, widest in WIDEST.items():
        if not header.isSectionHidden(column):
            width = min(header.sectionSize(column), widest)
            header.resizeSection(column, max(width, readable.get(column, 0)))
    model, metrics = view.model(), header.fontMetrics()
    for column in range(header.count()):
        if header.isSectionHidden(column):  # (nor gives it a size hint: its title measured)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = max(view.sizeHintForColumn(column) + 16, metrics.horizontalAdvance(title) + 32)
            header.resizeSection(column, min(need, WIDEST.get(column, 160)))
    # the attachments' count under « PJ » is never sorted: no room kept for an arrow (54 px,
    # it folded at 1200 px wide beside the service's readable width)
    title = str(model.headerData(FILES, Qt.Orientation.Horizontal) or "")
    need = max(view.sizeHintForColumn(FILES) + 16, metrics.horizontalAdvance(title) + 20)
    header.resizeSection(FILES, min(header.sectionSize(FILES), need) or need)


class CostListModel(QAbstractTableModel):
    """Cost rows of one fiscal year, fetched page by page from ``service.list_costs``.

    ``loadFailed(error)`` reports a refused query (the list then shows nothing);
    ``totalChanged(count)`` the number of costs matching the filters (all pages).
    """

    loadFailed = Signal(object)
    totalChanged = Signal(int)

    def __init__(
        self, service: Any, parent: QObject | None = None, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._columns = cost_columns()
        self.page_size = page_size
        self._rows: list[CostRow] = []
        self._ids: set[int] = set()
        self._cursor: str | None = None
        self._total = 0
        self._year: int | None = None
        self._filters = CostFilters()
        self._sort = "-invoice_date"
        self._projects: dict[int, str] = {}

    # --- the query ---------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self._year

    @property
    def filters(self) -> CostFilters:
        return self._filters

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def total(self) -> int:
        return self._total

    def set_query(
        self,
        year: int | None,
        filters: CostFilters | None = None,
        sort: str | None = None,
        *,
        load: bool = True,
    ) -> None:
        """Show the costs of ``year`` matching ``filters``, sorted by ``sort``; first page
        (``load=False``: the caller loads it, see :meth:`first_page_query`)."""
        self._year = year
        self._filters = filters or CostFilters()
        if sort is not None:
            self._sort = sort
        if load:
            self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again (after a change): as many rows as were loaded, or the first page."""
        try:
            page = self.first_page_query(keep_loaded)()
        except PtceError as error:
            log.info("cost list refused: %s", error.code)
            self.loadFailed.emit(error)
            page = None
        self.show_first_page(page)

    def first_page_query(self, keep_loaded: bool = True) -> Callable[[], CostPage | None]:
        """:meth:`reload`'s query as a plain function calling the service only (it may run on
        a worker thread); :meth:`show_first_page` then shows its result."""
        wanted = self.page_size
        if keep_loaded and len(self._rows) > wanted:
            wanted = len(self._rows)
        service, year, filters, sort = self._service, self._year, self._filters, self._sort

        def query() -> CostPage | None:
            if year is None:
                return None
            page: CostPage = service.list_costs(
                year, filters=filters, sort=sort, after=None, limit=wanted, count=True
            )
            return page

        return query

    def show_first_page(self, page: CostPage | None) -> None:
        """The rows of ``page`` (None: none) in place of those shown."""
        self.beginResetModel()
        self._rows, self._ids, self._cursor = [], set(), None
        if page is not None:
            self._take(page)
        self.endResetModel()
        new_total = page.total_count if page is not None else 0
        self._total = new_total
        self.first_page = page  # its sums are the totals of every cost matching
        self.totalChanged.emit(new_total)

    def _query(self, after: str | None, limit: int) -> CostPage | None:
        if self._year is None:
            return None
        try:
            page: CostPage = self._service.list_costs(
                self._year,
                filters=self._filters,
                sort=self._sort,
                after=after,
                limit=limit,
                count=after is None,  # the total is known from the first page
            )
        except PtceError as error:
            log.info("cost list refused: %s", error.code)
            self.loadFailed.emit(error)
            return None
        return page

    def _take(self, page: CostPage) -> list[CostRow]:
        fresh = [row for row in page.rows if row.id not in self._ids]  # never twice
        self._rows.extend(fresh)
        self._ids.update(row.id for row in fresh)
        self._cursor = page.next_cursor
        return fresh

    # --- paging ------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None:
            return
        page = self._query(self._cursor, self.page_size)
        if page is None:
            self._cursor = None  # stop asking; the error was reported
            return
        fresh = [row for row in page.rows if row.id not in self._ids]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._take(page)
            self.endInsertRows()
        else:
            self._cursor = page.next_cursor

    # --- sorting (in SQL) --------------------------------------------------------------------
    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort is not None

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the current sort (for the header's indicator)."""
        name = self._sort.removeprefix("-")
        order = (
            Qt.SortOrder.DescendingOrder
            if self._sort.startswith("-")
            else Qt.SortOrder.AscendingOrder
        )
        for number, column in enumerate(self._columns):
            if column.sort == name:
                return number, order
        return -1, order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):
            return  # supplier, VAT…: no index behind them; the view puts its arrow back
        name = self._columns[column].sort
        assert name is not None
        key = name if order == Qt.SortOrder.AscendingOrder else f"-{name}"
        if key == self._sort and self._rows:
            return
        self._sort = key
        self.reload(keep_loaded=False)

    # --- rows --------------------------------------------------------------------------------
    def rows(self) -> list[CostRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CostRow:
        return self._rows[row]

    def row_of(self, cost_id: int) -> int:
        """The row number of cost ``cost_id`` among the loaded rows, or -1."""
        if cost_id not in self._ids:
            return -1
        return next(n for n, row in enumerate(self._rows) if row.id == cost_id)

    def set_project_names(self, names: dict[int, str]) -> None:
        self._projects = dict(names)
        if self._rows:
            top, bottom = self.index(0, PROJECT), self.index(len(self._rows) - 1, PROJECT)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[column].align.value)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _value(self, row: CostRow, column: int) -> Any:
        values = {
            DATE: row.invoice_date,
            PERIOD: row.period_start,
            SERVICE: row.service_name,
            LABEL: row.label,
            SUPPLIER: row.supplier,
            HT: row.ht_cents,
            VAT: row.vat_cents,
            TTC: row.ttc_cents,
            CERFA: row.cerfa_code,
            PROJECT: self._projects.get(row.project_id) if row.project_id else None,
            FILES: row.attachment_count,
            MEMBER_SHARE: row.member_cents,
        }
        return values.get(column)

    def _text(self, row: CostRow, column: int) -> str:
        if column == DATE:
            return format_date(row.invoice_date)
        if column == PERIOD:
            return period_text(row.period_start, row.period_end)
        if column in (HT, VAT, TTC, MEMBER_SHARE):
            return money_text(self._value(row, column))
        if column == LABEL and row.is_adjustment:
            return "↺ " + row.label
        if column == FILES:
            return str(row.attachment_count) if row.attachment_count else ""
        value = self._value(row, column)
        return "" if value is None else str(value)

    def _tooltip(self, row: CostRow, column: int) -> str | None:
        if column == CERFA and row.cerfa_code:
            return cerfa_label(row.cerfa_code)
        if column == LABEL:
            label = row.label
            if row.is_adjustment:
                label = translate(
                    "CostListModel", "Adjustment of a cost of a closed year: %1"
                ).replace("%1", row.label)
            # the period and the supplier, whose columns fold first at a laptop's width
            more = [period_text(row.period_start, row.period_end), row.supplier or ""]
            return label + "\n" + " · ".join(part for part in more if part)
        if column in (SERVICE, SUPPLIER, PROJECT):
            value = self._value(row, column)
            return str(value) if value else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = column.tooltip or column.header
            if column.sort is None:
                return hint + " " + translate("CostListModel", "(cannot be sorted)")
            return hint
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
