"""The call list as a Qt model fetching a page of calls at a time (keyset by number), as the
Charges list pages its costs (:mod:`ptce_desktop.ui.pages.costs.model`).

The year's calls never sit in memory: :meth:`CallListModel.show_page` takes the first page (read
by the page's loading worker with its counts and totals), and the view pulls the next ones as
it scrolls (``canFetchMore``/``fetchMore``, one range of ``ix_calls_year_number``). The search
is part of the query (:meth:`CallService.list_call_page`), so the rows are those the search
leaves, in number order; the list is not sorted by its headers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from ptce_desktop.services.calls.listing import CallSummaryPage
from ptce_desktop.services.calls.views import CallSummary
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel

#: Rows per page (the first one comes with the year's load).
PAGE_SIZE = 200

#: (search, after, limit) → the next page of the calls the search leaves.
Pages = Callable[[str, tuple[str, int] | None, int], CallSummaryPage]

Index = QModelIndex | QPersistentModelIndex


class CallListModel(RowTableModel):
    """Call summaries of one year, one keyset page at a time through ``pages``."""

    def __init__(
        self,
        columns: Sequence[Column],
        pages: Pages,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(columns, parent=parent)
        self._pages = pages
        self.page_size = page_size
        self.search = ""
        self._cursor: tuple[str, int] | None = None
        self._ids: set[int] = set()

    def show_page(self, page: CallSummaryPage | None, search: str = "") -> None:
        """The first page of the calls ``search`` leaves (None: no year, no rows)."""
        self.search = search
        self._cursor = page.next_cursor if page is not None else None
        rows = list(page.rows) if page is not None else []
        self._ids = {row.id for row in rows}
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[CallSummary]) -> None:
        self._ids = {row.id for row in rows}
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None:
            return
        page = self._pages(self.search, self._cursor, self.page_size)
        self._cursor = page.next_cursor
        fresh = [row for row in page.rows if row.id not in self._ids]  # never twice
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(row.id for row in fresh)
            self.endInsertRows()

    def fetch_until(self, call_id: int, pages: int = 4) -> bool:
        """Load pages until ``call_id`` is among the rows (at most ``pages`` more: each is a
        few ms on the GUI thread, and a call far down the year is not worth a stall)."""
        while call_id not in self._ids and pages > 0 and self.canFetchMore():
            self.fetchMore()
            pages -= 1
        return call_id in self._ids
