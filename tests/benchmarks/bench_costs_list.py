"""Benchmark: the Charges list over a 300-member pole with 100 000 cost lines in one year.

Run on demand (not collected by pytest)::

    uv run python tests/benchmarks/bench_costs_list.py [--runs 5]

It builds a temporary database with bulk Core inserts (300 members, 20 shared services with
their keys, 100 000 cost lines of 2025 each shared by 5 members — 500 000 shares), then
times, interleaved in the same run, offscreen:

* **ours**: :class:`~ptce_desktop.ui.pages.costs.model.CostListModel` (keyset pages of 200
  through ``CostService.list_costs``, count of the matching costs, sort and filters in SQL)
  in a ``QTableView``; and the whole :class:`~ptce_desktop.ui.pages.costs.page.CostsPage` opening
  (first page painted; then, apart, until its filters' lists arrive from the worker thread);
* **baseline**: the bare tool as ``baselines/qt_table_model.py`` ("lazy") does it — a
  ``QAbstractTableModel`` over one raw ``sqlite3`` cursor (``COUNT(*)`` then ``fetchmany(1000)``
  per ``fetchMore``) on the same file and the same rows (costs of the year joined to their
  service's name), re-executed with another ``ORDER BY`` or ``WHERE`` for a sort or a filter.

Each figure is the time until the view has painted its visible rows: **open** (model made,
first page shown), **fetch_more** (one more page), **resort** (incl. VAT, descending),
**filter** (a text filter "ménage" plus a service). Prints one JSON line: medians over
``--runs`` runs and the ratios ours / baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_data import insert_keys_and_services
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import insert

from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostFilters
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import (
    Cost,
    Member,
    Pole,
    Share,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

YEAR = 2025
MEMBERS = 300
SERVICES = 20
COST_LINES = 100_000
MEMBERS_PER_LINE = 5
WORDS = ("Loyer", "Ménage", "Électricité", "Fibre", "Carburant", "Honoraires", "Papeterie")
FILTER_TEXT = "ménage"
FILTER_SERVICE = 3


# --- the pole -----------------------------------------------------------------------------------


def build_pole(path: Path) -> dict[str, int]:
    """Bulk Core inserts; returns the row counts."""
    rng = random.Random(2025)
    members = list(range(1, MEMBERS + 1))
    costs: list[dict[str, Any]] = []
    shares: list[dict[str, Any]] = []
    for cost_id in range(1, COST_LINES + 1):
        month = rng.randrange(1, 13)
        start = dt.date(YEAR, month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        amount = rng.randrange(5_00, 5_000_00)
        vat = amount // 5 if cost_id % 4 == 0 else 0
        service = (cost_id - 1) % SERVICES + 1
        word = WORDS[cost_id % len(WORDS)]
        costs.append(
            {
                "id": cost_id,
                "service_id": service,
                "invoice_date": dt.date(YEAR, month, rng.randrange(1, 29)),
                "period_start": start,
                "period_end": end,
                "label": f"{word} n° {cost_id} — lot « {cost_id % 97} » & co",
                "supplier": f"Fournisseur l'Éclair n° {cost_id % 150}",
                "ht_cents": amount,
                "vat_cents": vat,
                "ttc_cents": amount + vat,
                "cerfa_code": "613",
                "invoice_ref": f"F{YEAR}-{cost_id:06d}",
                "is_adjustment": False,
            }
        )
        chosen = rng.sample(members, MEMBERS_PER_LINE)
        split = allocate_cents(amount + vat, {m: rng.randrange(1, 100) for m in chosen})
        shares.extend(
            {"cost_id": cost_id, "member_id": m, "cents": c, "key_version_id": service}
            for m, c in split.items()
        )
    db = open_database(path)
    try:
        with db.engine.begin() as connection:

            def rows(model: Any, values: list[dict[str, Any]]) -> None:
                connection.execute(insert(model.__table__), values)

            rows(Pole, [{"id": 1, "name": "Pôle Sud & <banc d'essai>", "vat_registered": False}])
            rows(
                Member,
                [
                    {"id": m, "name": f"Membre n° {m:03d} — l'Éclair & <co>", "category": "other"}
                    for m in members
                ],
            )
            insert_keys_and_services(
                connection, members, services=SERVICES, valid_from=dt.date(YEAR, 1, 1)
            )
            rows(Cost, costs)
            rows(Share, shares)
    finally:
        db.close()
    return {"members": MEMBERS, "cost_lines": len(costs), "shares": len(shares)}


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
        assert model.rowCount() > 0 and model.total < COST_LINES
        view.close()
        view.deleteLater()
        return figures
    finally:
        db.close()


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
        assert page.model.total == COST_LINES and page.service_filter.count() == SERVICES + 1
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")  # the page's UI state, not yours
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root))
        path = root / "banc charges.sqlite3"
        start = time.perf_counter()
        counts = build_pole(path)
        build_s = time.perf_counter() - start
        ours: dict[str, list[float]] = {}
        base: dict[str, list[float]] = {}
        page: list[tuple[float, float]] = []
        for _ in range(args.runs):
            for name, value in run_baseline(app, path).items():
                base.setdefault(name, []).append(value)
            for name, value in run_ours(app, path).items():
                ours.setdefault(name, []).append(value)
            page.append(run_page(app, path))
    median = {name: statistics.median(values) for name, values in ours.items()}
    baseline = {name: statistics.median(values) for name, values in base.items()}
    result: dict[str, Any] = {
        "bench": "costs_list",
        "runs": args.runs,
        **counts,
        "build_s": round(build_s, 2),
        "page_size": 200,
        "baseline_batch": 1000,
    }
    for name in median:
        result[f"ours_{name}_s"] = round(median[name], 4)
        result[f"baseline_{name}_s"] = round(baseline[name], 4)
        result[f"ratio_{name}"] = round(median[name] / baseline[name], 2)
    shown = statistics.median(p[0] for p in page)
    result["page_open_s"] = round(shown, 4)
    result["ratio_page_open"] = round(shown / baseline["open"], 2)
    result["page_filter_lists_loaded_s"] = round(statistics.median(p[1] for p in page), 4)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
