"""Benchmark: opening the calls of a year (the Appels page's load) vs a lazy raw cursor.

Run on demand::

    uv run pytest tests/benchmarks/bench_calls.py --run-benchmarks -s [-k L]

On the cached M and L poles of :mod:`poles` (L: 5 000 members, the last year's four quarters
of provisional calls, ~20 000 calls and their lines), interleaved, median of 3 (``benchlib``):

* **app**: ``CallService.list_call_summaries(year)`` — what the Appels page asks for the year:
  one summary per call, its totals summed by one GROUP BY, no line objects (the lines of the
  selected call are read apart, a keyset page at a time);
* **base**: the bare tool as ``baselines/qt_table_model.py`` ("lazy") opens a list: raw
  ``sqlite3``, ``COUNT(*)`` of the year's calls, then one cursor over the same call rows with
  their totals (number, member, kind, quarter, dates, Σ TTC of the lines) and its first
  ``fetchmany(1000)``.

``BENCH calls_open_<size>`` (target 2). Checked first (untimed): the service lists every call
of the year, with the totals the raw query gives.
"""

from __future__ import annotations

import sqlite3

import pytest
from benchlib import bench_line, interleaved_median
from poles import LAST_YEAR, pole_path

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

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


@pytest.mark.parametrize("size", ["M", "L"])
def test_calls_open(size: str) -> None:
    path = pole_path(size)
    db = open_database(path)
    con = sqlite3.connect(path)
    try:
        calls = CallService(UnitOfWork(db))
        listed = calls.list_call_summaries(LAST_YEAR)
        everything = con.execute(CALL_ROWS, (LAST_YEAR,)).fetchall()
        assert [(v.number, v.total_cents) for v in listed] == [
            (row[1], row[7] or 0) for row in everything
        ]
        assert len(lazy_open(con)) == min(1000, len(everything)) > 0
        app, base = interleaved_median(
            lambda: calls.list_call_summaries(LAST_YEAR), lambda: lazy_open(con)
        )
        bench_line(f"calls_open_{size}", app, base, 2.0, "s")
    finally:
        con.close()
        db.close()
