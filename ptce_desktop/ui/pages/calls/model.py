"""The call list as a Qt model fetching a page of calls at a time (keyset by number), as the
Charges list pages its costs (:mod:`ptce_desktop.ui.pages.costs.model`).

The year's calls never sit in memory: :meth:`CallListModel.show_page` takes the first page (read
by the page's loading worker with its counts and totals), and the view pulls the next ones as
it scrolls (``canFetchMore``/``fetchMore``, one range of ``ix_calls_year_number``). The search
is part of the query (:meth:`CallService.list_call_page`), so the rows are those the search
leaves, in number order; the list is not sorted by its headers. The paging itself is
:class:`~ptce_desktop.ui.pages.keyset_model.KeysetListModel`, shared with the payments list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from ptce_desktop.services.calls.listing import CallSummaryPage
from ptce_desktop.ui.pages.keyset_model import PAGE_SIZE, KeysetListModel
from ptce_desktop.ui.widgets.table_model import Column

__all__ = ["PAGE_SIZE", "CallListModel", "Pages"]

#: (search, after, limit) → the next page of the calls the search leaves.
Pages = Callable[[str, tuple[str, int] | None, int], CallSummaryPage]


class CallListModel(KeysetListModel):
    """Call summaries of one year, one keyset page at a time through ``pages``."""

    def __init__(
        self,
        columns: Sequence[Column],
        pages: Pages,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(columns, pages, parent, page_size)
