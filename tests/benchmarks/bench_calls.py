"""Benchmark: opening the calls of a year (the Appels page's list) vs a lazy raw cursor.

Run on demand::

    uv run pytest tests/benchmarks/bench_calls.py --run-benchmarks -s [-k L]

On the cached M and L poles of :mod:`poles` (L: 5 000 members, the last year's four quarters
of provisional calls, ~13 000 calls and their lines), interleaved, median of 9 (``benchlib``):

* **app**: ``CallService.list_call_page(year, count=True)`` — what the Appels list asks to
  show itself: the count of the year's calls and the first keyset page (200 summaries, their
  totals summed by one GROUP BY over an index range; the next pages come as the view scrolls);
* **base**: the bare tool as ``baselines/qt_table_model.py`` ("lazy") opens a list: raw
  ``sqlite3``, ``COUNT(*)`` of the year's calls, then one cursor over the same call rows with
  their totals (number, member, kind, quarter, dates, Σ TTC of the lines) and its first
  ``fetchmany(1000)``.

``BENCH calls_open_<size>`` (target 2). For information (no target), ``calls_totals_<size>``:
the totals row's aggregate over every call of the year (``CallService.call_list_totals``,
read by the page's worker with the first page) vs the same three aggregates in raw SQL.
Checked first (untimed): the pages, read to the end, list every call of the year with the
totals the raw query gives, and the aggregate equals the raw one.

``BENCH calls_page_mem_L`` (target 1, unit MB; issue #18 item 3: « the Appels page … memory
on the 1 M pole ≤ start + 60 MB »): what showing the Appels page adds to the memory of the
app. A fresh interpreter (this file run as a script, ``--mem-child``, real workers, offscreen)
opens a copy of the L pole through the composition root (``Shell.start``, ``show()``), lets
the start's background work end (the pages' imports, the first page's load, the quick check),
chooses the fiscal year of the pole's calls (the last one, 2025, as the first page shows it)
and reads its resident set (``VmRSS`` of ``/proc/self/status``, after ``gc.collect()``): the
window open on its first page. Then it shows the Appels page, waits for its load (the first
page of the year's calls, counts and totals, payments, debts, balances), selects the first
call (its lines read), waits again and reads the resident set once more. **app** is the
increase in MB, **base** the 60 MB allowed, ratio = app / 60. One child (the figure is a
memory size, steady from run to run; it prints both resident sets on stderr as a ``#`` line).
Run alone on any file with ``uv run python tests/benchmarks/bench_calls.py --mem-child COPY``
(it only reads, but the app opens the file for writing: never the cached pole itself).
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from benchlib import bench_line, interleaved_median  # noqa: E402
from poles import LAST_YEAR, pole_path  # noqa: E402

from ptce_desktop.services.calls.calls import CallService  # noqa: E402
from ptce_desktop.store.database import open_database  # noqa: E402
from ptce_desktop.store.unit_of_work import UnitOfWork  # noqa: E402

#: The Appels page may add this much to the window's memory (issue #18 item 3).
PAGE_MEM_BUDGET_MB = 60.0
#: How long the child waits for the start's background work (the quick check of a 1.7 GB file).
QUIET_TIMEOUT_S = 600.0

CALL_ROWS = """SELECT c.id, c.number, m.name, c.kind, c.quarter, c.issue_date, c.due_date,
               (SELECT SUM(l.ttc_cents) FROM call_lines l WHERE l.call_id = c.id)
               FROM calls c JOIN members m ON m.id = c.member_id
               WHERE c.year = ? ORDER BY c.number"""


def lazy_open(con: sqlite3.Connection, batch: int = 1000) -> list[tuple[object, ...]]:
    """What a lazy list model does to show its first rows."""
    con.execute("SELECT COUNT(*) FROM calls WHERE year = ?", (LAST_YEAR,)).fetchone()
    cursor = con.execute(CALL_ROWS, (LAST_YEAR,))
    rows = cursor.fetchmany(batch)
    cursor.close()
    return rows


TOTALS = (
    "SELECT COUNT(*) FROM calls WHERE year = ?",
    """SELECT SUM(l.ht_cents), SUM(l.vat_cents), SUM(l.ttc_cents)
       FROM calls c JOIN call_lines l ON l.call_id = c.id WHERE c.year = ?""",
    """SELECT SUM(p.amount_cents)
       FROM calls c JOIN payment_matches p ON p.call_id = c.id WHERE c.year = ?""",
)


def raw_totals(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [con.execute(sql, (LAST_YEAR,)).fetchone() for sql in TOTALS]


def every_page(calls: CallService) -> list[tuple[str, int]]:
    """Every call of the year, page after page (number, Σ TTC)."""
    page = calls.list_call_page(LAST_YEAR, count=True)
    rows = list(page.rows)
    while page.next_cursor is not None:
        page = calls.list_call_page(LAST_YEAR, after=page.next_cursor, limit=2000)
        rows += page.rows
    return [(row.number, row.total_cents) for row in rows]


@pytest.mark.parametrize("size", ["M", "L"])
def test_calls_open(size: str) -> None:
    path = pole_path(size)
    db = open_database(path)
    con = sqlite3.connect(path)
    try:
        calls = CallService(UnitOfWork(db))
        everything = con.execute(CALL_ROWS, (LAST_YEAR,)).fetchall()
        assert every_page(calls) == [(row[1], row[7] or 0) for row in everything]
        first = calls.list_call_page(LAST_YEAR, count=True)
        assert first.total_count == first.year_count == len(everything) > 0
        assert len(lazy_open(con)) == min(1000, len(everything)) > 0
        app, base = interleaved_median(
            lambda: calls.list_call_page(LAST_YEAR, count=True), lambda: lazy_open(con), reps=9
        )
        bench_line(f"calls_open_{size}", app, base, 2.0, "s")

        totals = calls.call_list_totals(LAST_YEAR)
        (count,), (ht, vat, ttc), (paid,) = raw_totals(con)
        assert (totals.count, totals.total_ht_cents, totals.total_vat_cents) == (count, ht, vat)
        assert (totals.total_cents, totals.paid_cents) == (ttc, paid or 0)
        app, base = interleaved_median(
            lambda: calls.call_list_totals(LAST_YEAR), lambda: raw_totals(con), reps=5
        )
        bench_line(f"calls_totals_{size}", app, base, None, "s")
    finally:
        con.close()
        db.close()


# --- the Appels page's memory (a child process) ------------------------------------------


def rss_mb() -> float:
    """The resident set of this process now, in MB (``VmRSS``), after a garbage collection."""
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _quiet(window: Any, shell: Any, extra_s: float = 0.5) -> None:
    """Run the event loop until no task runs nor refresh waits, then ``extra_s`` more."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + QUIET_TIMEOUT_S
    quiet_since: float | None = None
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
        ctx = shell.ctx
        busy = bool(shell.runner._running) or (ctx is not None and bool(ctx.runner._running))
        busy = busy or window._refresh_timer.isActive()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since >= extra_s:
            return
    raise SystemExit(f"still busy after {QUIET_TIMEOUT_S:.0f} s")


def calls_page_memory(db: Path) -> tuple[float, float]:
    """(RSS with the window open on its first page, RSS once the Appels page is shown with its
    first call selected), in MB, in this process."""
    from PySide6.QtWidgets import QApplication

    from ptce_desktop.ui import pages
    from ptce_desktop.ui.errors import ErrorPresenter
    from ptce_desktop.ui.shell.launch import Shell, create_application
    from ptce_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or create_application(None)
    window = MainWindow()
    errors: list[BaseException] = []
    presenter = ErrorPresenter(None, lambda: window)
    presenter.present = lambda error, parent=None: errors.append(error)  # type: ignore[method-assign]
    shell = Shell(window, presenter=presenter)
    try:
        if not shell.start(db):
            raise SystemExit("the window did not open the file")
        window.show()
        _quiet(window, shell)
        pages.import_pages_ahead().join()
        # the year of the pole's calls (the current one, by default, has none yet)
        index = window.year_combo.findData(LAST_YEAR)
        if index < 0:
            raise SystemExit(f"no fiscal year {LAST_YEAR} in the file")
        window.year_combo.setCurrentIndex(index)
        _quiet(window, shell)
        before = rss_mb()
        window.show_page("calls")
        _quiet(window, shell)
        page: Any = window.page("calls")
        if page.call_model.rowCount() == 0:
            raise SystemExit("the Appels page shows no call")
        page.select_call(page.call_model.row_at(0).id)
        _quiet(window, shell)
        if page.detail.model.rowCount() == 0:
            raise SystemExit("the first call shows no line")
        after = rss_mb()
        if errors:
            raise SystemExit(f"errors shown: {errors!r}")
        return before, after
    finally:
        shell.close_document()
        window.close()
        app.processEvents()


def _mem_child(db: Path, home: Path) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PTCE_INLINE_WORKERS"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "c"))
    env["XDG_DATA_HOME"] = str(home / "d")
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--mem-child", str(db)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    before, after = done.stdout.strip().splitlines()[-1].split()
    return float(before), float(after)


@pytest.mark.benchmark
def test_calls_page_memory(tmp_path: Path) -> None:
    copy = tmp_path / "pole-L.sqlite3"  # the app opens its file for writing
    shutil.copyfile(pole_path("L"), copy)
    try:
        before, after = _mem_child(copy, tmp_path / "home")
    finally:
        copy.unlink()
    print(f"\n# Appels page on L: RSS {before:.1f} MB with the window open, {after:.1f} MB after")
    bench_line("calls_page_mem_L", after - before, PAGE_MEM_BUDGET_MB, 1, "MB")


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="The Appels page's memory (one child)")
    parser.add_argument("--mem-child", type=Path, required=True, metavar="DB")
    args = parser.parse_args(argv)
    before, after = calls_page_memory(args.mem_child)
    print(f"# RSS {before:.1f} MB with the window open, {after:.1f} MB after", file=sys.stderr)
    print(f"{before:.2f} {after:.2f}", flush=True)


if __name__ == "__main__":
    main()
