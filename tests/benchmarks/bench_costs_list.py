"""Benchmark: the Charges list over the last year of the M and L poles (10 000 / 100 000 costs).

Run on demand::

    uv run pytest tests/benchmarks/bench_costs_list.py --run-benchmarks -s [-k L]

On the cached poles of :mod:`poles`, times, interleaved in the same run (median of 3,
``benchlib``), offscreen:

* **app**: :class:`~ptce_desktop.ui.pages.costs.model.CostListModel` (keyset pages of 200
  through ``CostService.list_costs``, count of the matching costs, sort and filters in SQL)
  in a ``QTableView``; and the whole :class:`~ptce_desktop.ui.pages.costs.page.CostsPage`
  opening (first page painted; then, apart, until its filters' lists arrive from the worker);
* **base**: the bare tool as ``baselines/qt_table_model.py`` ("lazy") does it — a
  ``QAbstractTableModel`` over one raw ``sqlite3`` cursor (``COUNT(*)`` then ``fetchmany(1000)``
  per ``fetchMore``) on the same file and the same rows (costs of the year joined to their
  service's name), re-executed with another ``ORDER BY`` or ``WHERE`` for a sort or a filter.

Each figure is the time until the view has painted its visible rows. ``BENCH`` lines:
``costs_open_<size>`` (model made, first page shown; target 2), ``costs_scroll_<size>`` (one
more page, target 2), ``costs_resort_<size>`` (TTC descending), ``costs_filter_<size>`` (a
text filter plus a service), ``costs_page_open_<size>`` (the whole page vs the lazy open).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchlib import bench_line, interleaved_medians
from poles import LAST_YEAR, pole_path
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostFilters
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

YEAR = LAST_YEAR
FILTER_TEXT = "n° 42"
FILTER_SERVICE = 3


# --- the bare tool ------------------------------------------------------------------------------

BASE_COLUMNS = (
    "c.id, c.invoice_date, c.period_start, c.period_end, s.name, c.label, c.supplier, "
    "c.ht_cents, c.vat_cents, c.ttc_cents, c.cerfa_code, c.project_id"
)
HEADERS = ("N°", "Date", "Début", "Fin", "Service", "Libellé", "Fournisseur", "HT", "TVA", "TTC")


class LazyCursorModel(QAbstractTableModel):
    """``qt_table_model.py`` "lazy": one cursor, ``fetchmany(batch)`` per ``fetchMore``."""

    def __init__(self, path: Path, batch: int = 1000) -> None:
        super().__init__()
        self.connection = sqlite3.connect(path)
        self.batch = batch
        self.rows: list[tuple[Any, ...]] = []
        self.total = 0
        self.cursor: sqlite3.Cursor | None = None

    def query(self, where: str = "", params: tuple[Any, ...] = (), order: str = "") -> None:
        year = (dt.date(YEAR, 1, 1).isoformat(), dt.date(YEAR, 12, 31).isoformat())
        condition = "c.period_start BETWEEN ? AND ?" + (f" AND {where}" if where else "")
        source = f"FROM costs c JOIN shared_services s ON s.id = c.service_id WHERE {condition}"
        self.beginResetModel()
        self.total = self.connection.execute(f"SELECT COUNT(*) {source}", year + params).fetchone()[
            0
        ]
        order_by = order or "c.invoice_date DESC, c.id DESC"
        self.cursor = self.connection.execute(
            f"SELECT {BASE_COLUMNS} {source} ORDER BY {order_by}", year + params
        )
        self.rows = self.cursor.fetchmany(self.batch)
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Any, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column()]
        if index.column() in (7, 8, 9):
            return f"{value / 100:.2f}"
        return value

    def canFetchMore(self, parent: Any = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Any = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.cursor is None:
            return
        got = self.cursor.fetchmany(self.batch)
        if got:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(got) - 1)
            self.rows.extend(got)
            self.endInsertRows()


# --- timing -------------------------------------------------------------------------------------


def painted(app: QApplication, view: QTableView, action: Callable[[], Any]) -> float:
    """Seconds for ``action`` until the view has painted its visible rows."""
    start = time.perf_counter()
    action()
    app.processEvents()
    view.viewport().repaint()
    return time.perf_counter() - start


def new_view() -> QTableView:
    view = QTableView()
    view.setSortingEnabled(False)  # sorts are asked explicitly, as a header click would
    view.resize(1200, 700)
    view.show()
    return view


def run_ours(app: QApplication, path: Path) -> dict[str, float]:
    from ptce_desktop.ui.pages.costs.model import TTC, CostListModel

    db = open_database(path)
    try:
        service = CostService(UnitOfWork(db))
        view = new_view()
        model = CostListModel(service)
        figures = {
            "open": painted(app, view, lambda: (view.setModel(model), model.set_query(YEAR))),
            "fetch_more": painted(app, view, model.fetchMore),
            "resort": painted(app, view, lambda: model.sort(TTC, Qt.SortOrder.DescendingOrder)),
            "filter": painted(
                app,
                view,
                lambda: model.set_query(
                    YEAR, CostFilters(service_id=FILTER_SERVICE, text=FILTER_TEXT)
                ),
            ),
        }
        assert model.rowCount() > 0 and model.total < year_costs(path)
        view.close()
        view.deleteLater()
        return figures
    finally:
        db.close()


def year_costs(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(
            con.execute(
                "SELECT COUNT(*) FROM costs WHERE period_start BETWEEN ? AND ?",
                (f"{YEAR}-01-01", f"{YEAR}-12-31"),
            ).fetchone()[0]
        )
    finally:
        con.close()


def services(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT COUNT(*) FROM shared_services").fetchone()[0])
    finally:
        con.close()


def run_page(app: QApplication, path: Path) -> tuple[float, float]:
    """The whole page: (first page painted, the filters' lists loaded in the background)."""
    from ptce_desktop.ui.pages.costs.page import CostsPage
    from ptce_desktop.ui.shell.context import open_context

    ctx = open_context(path)
    try:
        start = time.perf_counter()
        page = CostsPage(ctx)
        page.resize(1300, 720)
        page.show()
        page.set_fiscal_year(YEAR)
        app.processEvents()
        page.view.viewport().repaint()
        shown = time.perf_counter() - start
        ctx.runner.wait()
        choices = time.perf_counter() - start
        assert page.model.total == year_costs(path)
        assert page.service_filter.count() == services(path) + 1
        page.close()
        page.deleteLater()
        app.processEvents()
        return shown, choices
    finally:
        ctx.close()


def run_baseline(app: QApplication, path: Path) -> dict[str, float]:
    view = new_view()
    model = LazyCursorModel(path)
    figures = {
        "open": painted(app, view, lambda: (view.setModel(model), model.query())),
        "fetch_more": painted(app, view, model.fetchMore),
        "resort": painted(app, view, lambda: model.query(order="c.ttc_cents DESC, c.id DESC")),
        "filter": painted(
            app,
            view,
            lambda: model.query(
                "c.service_id = ? AND (lower(c.label) LIKE ? OR lower(c.supplier) LIKE ? "
                "OR lower(c.invoice_ref) LIKE ?)",
                (FILTER_SERVICE, *(f"%{FILTER_TEXT}%",) * 3),
            ),
        ),
    }
    view.close()
    view.deleteLater()
    model.connection.close()
    return figures


@pytest.mark.parametrize("size", ["M", "L"])
def test_costs_list(size: str, qapp: QApplication, tmp_path: Path) -> None:
    path = pole_path(size)
    # the page's UI state goes to the test's folder (HOME is redirected by tests/conftest.py)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    app, base = interleaved_medians(
        lambda: run_ours(qapp, path), lambda: run_baseline(qapp, path), 3
    )
    bench_line(f"costs_open_{size}", app["open"], base["open"], 2.0, "s")
    bench_line(f"costs_scroll_{size}", app["fetch_more"], base["fetch_more"], 2.0, "s")
    bench_line(f"costs_resort_{size}", app["resort"], base["resort"], 2.0, "s")
    bench_line(f"costs_filter_{size}", app["filter"], base["filter"], 2.0, "s")
    page, lazy = interleaved_medians(
        lambda: dict(zip(("shown", "lists"), run_page(qapp, path), strict=True)),
        lambda: {"open": run_baseline(qapp, path)["open"]},
        3,
    )
    bench_line(f"costs_page_open_{size}", page["shown"], lazy["open"], 2.0, "s")
    bench_line(f"costs_page_lists_{size}", page["lists"], lazy["open"], None, "s")
