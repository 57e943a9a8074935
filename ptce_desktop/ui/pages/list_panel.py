"""A searchable list: a search field and buttons above a sortable table, a count below.

:class:`SearchableTable` is the part every such list shares (the activity and in-kind pages'
panel in :mod:`.activity_list` builds on it too); :class:`ListPanel` is the building block of
the calls and funding pages' lists. A small table of one year sits behind a
:class:`~ptce_desktop.ui.widgets.table_model.FilterProxy`; a long one (the year's calls) is
*paged*: given a model that fetches its rows a page at a time from the database, the panel
shows it as is (no proxy, no sorting of the rows loaded), its search is the page's query
(``searchChanged``), and its count and totals are the ones the service gives
(:meth:`ListPanel.show_counts`, :meth:`ListPanel.show_totals`) — never worked out from the rows
loaded. The panels keep the selection across reloads by the rows' ``id``.

The totals row never walks a long list on the GUI thread: a paged list shows the service's
aggregate; a small list is given its totals with its rows (summed in the loading worker), and
only a search over it sums the rows the proxy kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.scaffold import (
    delete_shortcut,
    hint_label,
    page_layout,
    search_field,
    select_row,
)
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView
from ptce_desktop.ui.widgets.totals_row import TotalsRow, column_cents, shown_rows

translate = QCoreApplication.translate


class SearchableTable(QWidget):
    """A search field (``bar`` holds it; subclasses add their buttons), a table of rows behind a
    filter proxy, a count line. The search filters as typed and calls :meth:`_filtered`."""

    def __init__(
        self,
        settings_key: str,
        columns: Sequence[Column],
        search_name: str,
        search_hint: str,
        parent: QWidget | None = None,
        *,
        paged_model: RowTableModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = search_field(search_name, search_hint, search_hint)
        self.bar = QHBoxLayout()
        self.bar.setSpacing(8)
        self.bar.addWidget(self.search, 1)
        self.paged = paged_model is not None
        self.view = TableView(settings_key)
        self.model: Any
        self.proxy: Any
        if paged_model is not None:
            # the rows come in the database's order a page at a time: a proxy would filter
            # and sort only those loaded; rows are read through ``proxy`` all the same
            paged_model.setParent(self)
            self.model = self.proxy = paged_model
            self.view.setSortingEnabled(False)
            self.view.setModel(paged_model)
        else:
            self.model = RowTableModel(columns, parent=self)
            self.proxy = FilterProxy(self)
            self.proxy.setSourceModel(self.model)
            self.view.setModel(self.proxy)
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(search_hint)
        self.count_label = hint_label()
        page_layout(self, self.bar, self.view, self.count_label)
        self.search.textChanged.connect(self._filter)

    def current_row(self) -> Any:
        return self.view.current_row()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _select(self, record_id: int | None) -> bool:
        """Make the row of ``record_id`` current; False (and no current row) when not shown."""
        if record_id is None:
            self.view.setCurrentIndex(QModelIndex())
            return False
        return select_row(self.view, self.proxy, lambda row: getattr(row, "id", None) == record_id)

    def _filter(self, text: str) -> None:
        if self.paged:
            self._search_changed(text)
            return
        self.proxy.set_filter_text(text)
        self._filtered()

    def _search_changed(self, text: str) -> None:
        """A paged list's search changed: subclasses ask for the rows again."""

    def _filtered(self) -> None:
        """The rows shown changed: subclasses update their count and buttons."""


class ListPanel(SearchableTable):
    """``currentChanged(row or None)`` follows the cursor; ``activated(row)`` on Enter/double
    click; ``deleteRequested()`` on the Delete key."""

    currentChanged = Signal(object)
    activated = Signal(object)
    deleteRequested = Signal()
    #: A paged list's search text changed: its page asks the service again.
    searchChanged = Signal(str)

    def __init__(
        self,
        settings_key: str,
        columns: Sequence[Column],
        search_placeholder: str,
        count_text: Callable[[int], str],
        parent: QWidget | None = None,
        *,
        searchable: bool = True,
        max_width: int = 280,
        stretch_column: int | None = None,
        fixed_widths: dict[int, int] | None = None,
        paged_model: RowTableModel | None = None,
    ) -> None:
        super().__init__(
            settings_key,
            columns,
            f"{settings_key}Search",
            search_placeholder,
            parent,
            paged_model=paged_model,
        )
        self._count_text = count_text
        self._counts = (0, 0)  # a paged list's (matching, all), as the service counted them
        self._given: Mapping[int, int] | None = None  # totals given with the rows, in cents
        self._fitted = False
        self._max_width = max_width
        if not searchable:  # a few rows: the buttons alone, on the right
            self.search.hide()
            self.bar.addStretch(1)
        if stretch_column is not None:
            # a table inside a tab that may never have been shown: Qt sizes it when it shows
            self._fitted = True
            header = self.view.horizontalHeader()
            header.setStretchLastSection(False)
            fixed = fixed_widths or {}
            for section in range(len(columns)):
                if section == stretch_column:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                elif section in fixed:
                    header.resizeSection(section, fixed[section])
                else:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.view.rowActivated.connect(self.activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        delete_shortcut(self.view, self.deleteRequested.emit)
        self.totals_row: TotalsRow | None = None
        self._totals: tuple[int, ...] = ()

    def add_totals(self, *columns: int) -> TotalsRow:
        """A totals row under the list: for each of these amount columns, the sum over the
        rows shown (the search applied) of the cents each row already holds (the column's
        value: the read model's figure, never worked out again here). A paged list shows
        the service's aggregate instead (:meth:`show_totals`); a small one the totals given
        with its rows (:meth:`set_rows`) until a search narrows it."""
        self._totals = columns
        self.totals_row = TotalsRow(self.view, self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.count_label), self.totals_row)
        self._show_totals()
        return self.totals_row

    def totals_columns(self) -> tuple[int, ...]:
        """The amount columns of the totals row (none without one)."""
        return self._totals

    def shown_rows(self) -> list[Any]:
        """The rows the search leaves, in the order shown."""
        return shown_rows(self.proxy)

    def _show_totals(self) -> None:
        if getattr(self, "totals_row", None) is None or self.paged:
            return  # no totals row (or not built yet); a paged list's come from its service
        assert self.totals_row is not None
        if self._given is not None and not self.proxy.filter_text():
            # every row shown: the totals summed with them off the GUI thread
            count = self.model.rowCount()
            cents = {column: int(self._given.get(column, 0)) for column in self._totals}
        else:
            rows = self.shown_rows()  # a search left these (the proxy has walked them anyway)
            count, cents = len(rows), column_cents(self.model, rows, self._totals)
        self._put_totals(count, cents)

    def _put_totals(self, count: int, cents: Mapping[int, int]) -> None:
        assert self.totals_row is not None
        caption = translate("ListPanel", "Total of the %n row(s) shown", "", count)
        figures = {column: money_text(value) for column, value in cents.items()}
        self.totals_row.set_totals(caption, figures if count else {})

    def show_totals(self, count: int, cents: Mapping[int, int] | None) -> None:
        """A paged list's totals row: ``cents`` (column → Σ) is the service's aggregate over
        the ``count`` rows its search leaves (None: not known yet, the row is hidden)."""
        if self.totals_row is None:
            return
        self._put_totals(count if cents is not None else 0, cents or {})

    def _search_changed(self, text: str) -> None:
        self.searchChanged.emit(text)

    def show_counts(self, shown: int, total: int) -> None:
        """A paged list's count line: ``shown`` rows match the search of the ``total``."""
        self._counts = (shown, total)
        self._filtered()

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        self.bar.addWidget(button)
        return button

    # --- rows --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], totals: Mapping[int, int] | None = None) -> None:
        """Show ``rows``; ``totals`` (column → cents over every row, e.g. summed by the loading
        worker with :func:`column_cents`) spare the GUI thread a walk over them."""
        selected = self.selected_id()
        self._given = totals
        self.model.set_rows(rows)
        self.fit_once(bool(rows))
        self.select_id(selected)
        self._filtered()

    def fit_once(self, has_rows: bool) -> None:
        """Columns sized to the first rows (or the layout saved), once."""
        if has_rows and not self._fitted:
            self._fitted = True
            header = self.view.horizontalHeader()
            precision = header.resizeContentsPrecision()
            restored = self.view.restore_state()
            # a layout saved before the page chose its precision brings Qt's 1 000 rows back
            header.setResizeContentsPrecision(precision)
            if not restored:
                self.view.fit_columns()
                header = self.view.horizontalHeader()
                for section in range(header.count() - 1):  # long names must not hide amounts
                    header.resizeSection(section, min(header.sectionSize(section), self._max_width))

    def selected_id(self) -> int | None:
        row = self.view.current_row()
        return getattr(row, "id", None) if row is not None else None

    def select_id(self, record_id: int | None) -> None:
        if not self._select(record_id):
            self.currentChanged.emit(None)

    # --- internals ---------------------------------------------------------------------------
    def _filtered(self) -> None:
        if self.paged:
            shown, total = self._counts
        else:
            shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self._count_text(total)
        if shown != total:
            text = translate("ListPanel", "%n shown of %1", "", shown).replace("%1", text)
        self.count_label.setText(text)
        self._show_totals()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentChanged.emit(current.data(ROW_ROLE) if current.isValid() else None)
