"""A list model that fetches its rows a keyset page at a time (the calls and payments lists).

The rows never all sit in memory: :meth:`KeysetListModel.show_page` takes a first page (read by
the page's loading worker, with its counts and totals), and the view pulls the next ones as it
scrolls (``canFetchMore``/``fetchMore``: one range of an index each, a few ms). The search is
part of the query, so the rows are those the search leaves, in the query's order.

A page is any object with ``rows`` (each with an ``id``) and ``next_cursor`` (None on the last
page); ``pages(search, after, limit)`` reads the next one. A subclass that orders by more than
the search (the payments list's sort) overrides :meth:`next_page`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from ptce_desktop.ui.widgets.table_model import Column, RowTableModel

#: Rows per page (the first one comes with the page's load).
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex


class KeysetPage(Protocol):
    @property
    def rows(self) -> Sequence[Any]: ...

    @property
    def next_cursor(self) -> Any: ...


#: (search, after, limit) → the next page of the rows the search leaves.
Pages = Callable[[str, Any, int], KeysetPage]


class KeysetListModel(RowTableModel):
    """Rows of one list, one keyset page at a time through ``pages``."""

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
        self._cursor: Any = None
        self._ids: set[int] = set()

    def show_page(self, page: KeysetPage | None, search: str = "") -> None:
        """The first page of the rows ``search`` leaves (None: no year, no rows)."""
        self.search = search
        self._cursor = page.next_cursor if page is not None else None
        self.set_rows(list(page.rows) if page is not None else [])

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._ids = {row.id for row in rows}
        super().set_rows(rows)

    def holds(self, record_id: int) -> bool:
        """Whether the row of ``record_id`` is among the rows loaded."""
        return record_id in self._ids

    def stop_paging(self) -> None:
        """No more pages of the rows shown (a new query is on its way: its first page will
        bring its own cursor)."""
        self._cursor = None

    def next_page(self, after: Any, limit: int) -> KeysetPage:
        return self._pages(self.search, after, limit)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None:
            return
        page = self.next_page(self._cursor, self.page_size)
        self._cursor = page.next_cursor
        fresh = [row for row in page.rows if row.id not in self._ids]  # never twice
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(row.id for row in fresh)
            self.endInsertRows()

    def fetch_until(self, record_id: int, pages: int = 4) -> bool:
        """Load pages until ``record_id`` is among the rows (at most ``pages`` more: each is a
        few ms on the GUI thread, and a row far down the list is not worth a stall)."""
        while record_id not in self._ids and pages > 0 and self.canFetchMore():
            self.fetchMore()
            pages -= 1
        return record_id in self._ids
