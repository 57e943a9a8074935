"""Benchmark: per-member totals of one fiscal year through the services vs one raw GROUP BY.

Run on demand::

    uv run pytest tests/benchmarks/bench_year_totals.py --run-benchmarks -s [-k L]

On the cached poles of :mod:`poles` (M: 300 members, 100 000 costs over 10 years; L: 5 000
members, 1 000 000 costs, ~27 M shares), the year asked is the last one (a tenth of the costs).
Timed, interleaved in the same run, median of 3 (``benchlib``), after one warm-up that also
checks the totals agree:

* ``year_totals_<size>``: what the year summary asks for each member's share —
  ``CostService.shares_by_member(year)`` (one GROUP BY member, names joined to the totals) vs
  the bare tool, raw ``sqlite3``: ``SELECT member_id, SUM(cents) … JOIN costs … WHERE
  period_start BETWEEN … GROUP BY member_id`` on the same file (target 2);
* ``year_quarters_<size>``: ``CostService.shares_by_quarter(year)`` (member × service ×
  quarter, the member page's and the reports' table) vs the same GROUP BY in raw ``sqlite3``;
* ``balances_<size>``: ``PaymentService.balances(year)`` (called, paid, unapplied) vs the
  same three figures with three raw ``GROUP BY`` queries.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from benchlib import bench_line, interleaved_median
from poles import LAST_YEAR, pole_path

from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

YEAR = LAST_YEAR


# --- the bare tool ------------------------------------------------------------------------------

SHARES_SQL = """SELECT s.member_id, SUM(s.cents) FROM shares s JOIN costs c ON c.id = s.cost_id
                WHERE c.period_start BETWEEN ? AND ? GROUP BY s.member_id"""
CALLED_SQL = """SELECT c.member_id, SUM(l.ttc_cents) FROM calls c
                JOIN call_lines l ON l.call_id = c.id WHERE c.year = ? GROUP BY c.member_id"""
PAID_SQL = """SELECT c.member_id, SUM(m.amount_cents) FROM calls c
              JOIN payment_matches m ON m.call_id = c.id WHERE c.year = ? GROUP BY c.member_id"""
UNAPPLIED_SQL = """SELECT p.member_id, SUM(p.amount_cents - COALESCE((SELECT SUM(m.amount_cents)
                   FROM payment_matches m WHERE m.payment_id = p.id), 0))
                   FROM payments p WHERE p.date BETWEEN ? AND ? GROUP BY p.member_id"""
YEAR_BOUNDS = (dt.date(YEAR, 1, 1).isoformat(), dt.date(YEAR, 12, 31).isoformat())


def sql_shares(con: sqlite3.Connection) -> dict[int, int]:
    return dict(con.execute(SHARES_SQL, YEAR_BOUNDS).fetchall())


def sql_balances(con: sqlite3.Connection) -> dict[int, tuple[int, int, int]]:
    called = dict(con.execute(CALLED_SQL, (YEAR,)).fetchall())
    paid = dict(con.execute(PAID_SQL, (YEAR,)).fetchall())
    unapplied = dict(con.execute(UNAPPLIED_SQL, YEAR_BOUNDS).fetchall())
    return {
        m: (called.get(m, 0), paid.get(m, 0), unapplied.get(m, 0))
        for m in called.keys() | paid.keys() | unapplied.keys()
    }


# --- the app ------------------------------------------------------------------------------------


def app_shares(costs: CostService) -> dict[int, int]:
    return {row.member_id: row.cents for row in costs.shares_by_member(YEAR)}


def app_quarters(costs: CostService) -> list[tuple[int, int, int, int]]:
    return [(r.member_id, r.service_id, r.quarter, r.cents) for r in costs.shares_by_quarter(YEAR)]


def sql_quarters(con: sqlite3.Connection) -> list[tuple[int, int, int, int]]:
    def last_day(month: int) -> dt.date:
        return (dt.date(YEAR, month, 1) + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(1)

    quarters = " ".join(
        f"WHEN c.period_start BETWEEN '{dt.date(YEAR, 3 * q - 2, 1)}' AND '{last_day(3 * q)}'"
        f" THEN {q}"
        for q in range(1, 5)
    )
    rows = con.execute(
        f"""SELECT s.member_id, m.name, c.service_id, sv.name, CASE {quarters} END AS quarter,
            SUM(s.cents) FROM shares s JOIN costs c ON c.id = s.cost_id
            JOIN members m ON m.id = s.member_id JOIN shared_services sv ON sv.id = c.service_id
            WHERE c.period_start BETWEEN ? AND ?
            GROUP BY s.member_id, m.name, c.service_id, sv.name, quarter
            ORDER BY m.name, s.member_id, sv.name, c.service_id, quarter""",
        YEAR_BOUNDS,
    ).fetchall()
    return [(m, s, q, cents) for m, _name, s, _service, q, cents in rows]


def app_balances(payments: PaymentService) -> dict[int, tuple[int, int, int]]:
    return {
        b.member_id: (b.called_cents, b.paid_cents, b.unapplied_cents)
        for b in payments.balances(YEAR)
    }


@pytest.mark.parametrize("size", ["M", "L"])
def test_year_totals(size: str) -> None:
    path = pole_path(size)
    db: Database = open_database(path)
    con = sqlite3.connect(path)
    try:
        uow = UnitOfWork(db)
        costs, payments = CostService(uow), PaymentService(uow)
        assert app_shares(costs) == sql_shares(con), "shares differ"
        assert app_quarters(costs) == sql_quarters(con), "quarters differ"
        assert app_balances(payments) == sql_balances(con), "balances differ"
        app, base = interleaved_median(lambda: app_shares(costs), lambda: sql_shares(con))
        bench_line(f"year_totals_{size}", app, base, 2.0, "s")
        app, base = interleaved_median(lambda: app_quarters(costs), lambda: sql_quarters(con))
        bench_line(f"year_quarters_{size}", app, base, 2.0, "s")
        app, base = interleaved_median(lambda: app_balances(payments), lambda: sql_balances(con))
        bench_line(f"balances_{size}", app, base, 2.0, "s")
    finally:
        con.close()
        db.close()
