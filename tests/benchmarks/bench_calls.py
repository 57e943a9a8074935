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
