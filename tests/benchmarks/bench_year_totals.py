"""Benchmark: per-member totals of one fiscal year through the services vs one raw GROUP BY.

Run on demand (not collected by pytest)::

    uv run python tests/benchmarks/bench_year_totals.py [--runs 5] [--members 300 5000]

For each member count it builds (bulk Core inserts, cached in ``<tmp>/ptce_bench_cache``) a
pole of ``--lines`` (100 000) cost lines spread over 10 fiscal years (2016-2025), each split
between 5 and 15 members to the cent (~1 M shares), plus one call a member a quarter (one line
per service used), payments and their matches; the year asked is the last one (10 000 lines,
~100 000 shares), as in ``baselines/sqlite_aggregate.py``.

Timed, interleaved in the same run, median of ``--runs`` (after one warm-up that also checks
the totals agree):

* **shares_app**: what the year summary asks for each member's share —
  ``CostService.shares_by_member(year)`` (one GROUP BY member, names joined to the totals);
* **shares_sql**: the bare tool — raw ``sqlite3``, one ``SELECT member_id, SUM(cents) … JOIN
  costs … WHERE period_start BETWEEN … GROUP BY member_id`` on the same file;
* **quarters_app**: ``CostService.shares_by_quarter(year)`` (member × service × quarter, the
  member page's and the reports' table) vs **quarters_sql**, the same GROUP BY in raw
  ``sqlite3`` (what the layers above SQL cost);
* **balances_app**: ``PaymentService.balances(year)`` (called, paid, outstanding, unapplied);
* **balances_sql**: the same three figures with three raw ``GROUP BY`` queries on the file.

Prints one JSON line per member count with both figures and ``ratio_* = app / sql``
(target: ≤ 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_data import insert_keys_and_services
from sqlalchemy import insert

from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Member,
    Payment,
    PaymentMatch,
    Pole,
    Share,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

FIRST_YEAR = 2016
YEARS = 10
YEAR = FIRST_YEAR + YEARS - 1
SERVICES = 20
KMIN, KMAX = 5, 15
CACHE = Path(tempfile.gettempdir()) / "ptce_bench_cache"


def _hamilton(amount: int, weights: list[int]) -> list[int]:
    """Largest remainder, integer only (builds the data; the app's engine is benched apart)."""
    total = sum(weights)
    products = [amount * w for w in weights]
    shares = [p // total for p in products]
    left = amount - sum(shares)
    if left:
        rems = [p % total for p in products]
        for i in sorted(range(len(weights)), key=rems.__getitem__, reverse=True)[:left]:
            shares[i] += 1
    return shares


def build_pole(path: Path, members: int, lines: int, *, seed: int = 2025) -> dict[str, int]:
    """A migrated database with a pole, ``members`` members, ``lines`` costs over 10 years,
    their shares, quarterly calls with their lines, payments and matches (bulk Core inserts)."""
    rng = random.Random(seed)
    ids = list(range(1, members + 1))
    costs: list[dict[str, Any]] = []
    shares: list[dict[str, Any]] = []
    per_call: dict[tuple[int, int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for cost_id in range(1, lines + 1):
        year = FIRST_YEAR + (cost_id - 1) * YEARS // lines
        month = rng.randrange(1, 13)
        start = dt.date(year, month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        amount = rng.randrange(5_00, 5_000_00)
        service = cost_id % SERVICES + 1
        costs.append(
            {
                "id": cost_id,
                "service_id": service,
                "invoice_date": start + dt.timedelta(days=rng.randrange(0, 28)),
                "period_start": start,
                "period_end": end,
                "label": f"Facture n° {cost_id} — l'Éclair & <co>",
                "supplier": f"Fournisseur n° {cost_id % 150}",
                "ht_cents": amount,
                "vat_cents": 0,
                "ttc_cents": amount,
                "is_adjustment": False,
            }
        )
        chosen = sorted(rng.sample(ids, rng.randint(KMIN, min(KMAX, members))))
        split = _hamilton(amount, [rng.randrange(1, 50_000) for _ in chosen])
        quarter = (month - 1) // 3 + 1
        for member, cents in zip(chosen, split, strict=True):
            shares.append(
                {"cost_id": cost_id, "member_id": member, "cents": cents, "key_version_id": service}
            )
            per_call[year, member, quarter][service] += cents
    calls, call_lines, payments, matches = [], [], [], []
    for number, ((year, member, quarter), by_service) in enumerate(sorted(per_call.items()), 1):
        issue = dt.date(year, 3 * quarter - 2, 5)
        calls.append(
            {
                "id": number,
                "number": f"AF-{year}-{number:06d}",
                "member_id": member,
                "year": year,
                "quarter": quarter,
                "kind": "provisional",
                "issue_date": issue,
                "due_date": issue + dt.timedelta(days=30),
            }
        )
        total = 0
        for service, cents in sorted(by_service.items()):
            call_lines.append(
                {
                    "call_id": number,
                    "service_id": service,
                    "ht_cents": cents,
                    "vat_rate_bp": 0,
                    "vat_cents": 0,
                    "ttc_cents": cents,
                }
            )
            total += cents
        if member % 7 == 0 and quarter == 4:
            continue  # unpaid
        paid = total // 2 if member % 5 == 0 else total
        extra = 10_00 if member % 11 == 0 else 0  # a little credit left unapplied
        payments.append(
            {
                "id": number,
                "member_id": member,
                "date": issue + dt.timedelta(days=20),
                "amount_cents": paid + extra,
                "method": "virement",
            }
        )
        matches.append({"payment_id": number, "call_id": number, "amount_cents": paid})
    db = open_database(path)
    try:
        with db.engine.begin() as connection:

            def rows(model: Any, values: list[dict[str, Any]]) -> None:
                if values:
                    connection.execute(insert(model.__table__), values)

            rows(Pole, [{"id": 1, "name": "Pôle Sud & <banc d'essai>", "vat_registered": False}])
            rows(
                Member,
                [
                    {"id": m, "name": f"Membre n° {m:05d} — l'Éclair", "category": "other"}
                    for m in ids
                ],
            )
            insert_keys_and_services(
                connection,
                ids,
                services=SERVICES,
                valid_from=dt.date(FIRST_YEAR, 1, 1),
                service_name="Service mutualisé n° {:02d}",
            )
            rows(Cost, costs)
            rows(Share, shares)
            rows(Call, calls)
            rows(CallLine, call_lines)
            rows(Payment, payments)
            rows(PaymentMatch, matches)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    finally:
        db.close()
    return {
        "members": members,
        "cost_lines": len(costs),
        "shares": len(shares),
        "calls": len(calls),
        "call_lines": len(call_lines),
    }


def cached_pole(members: int, lines: int) -> tuple[Path, float]:
    """The pole's file (built once per size and schema head); (path, build seconds)."""
    from ptce_desktop.store import migrate

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"pole_{members}m_{lines}l_{migrate.head_revision()}.sqlite3"
    if path.exists():
        return path, 0.0
    part = path.with_name(path.name + ".part.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(str(part) + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    build_pole(part, members, lines)
    os.replace(part, path)
    return path, time.perf_counter() - start


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


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench(members: int, lines: int, runs: int) -> dict[str, Any]:
    path, build_s = cached_pole(members, lines)
    db: Database = open_database(path)
    con = sqlite3.connect(path)
    try:
        uow = UnitOfWork(db)
        costs, payments = CostService(uow), PaymentService(uow)
        cases: dict[str, Callable[[], Any]] = {
            "shares_sql": lambda: sql_shares(con),
            "shares_app": lambda: app_shares(costs),
            "quarters_sql": lambda: sql_quarters(con),
            "quarters_app": lambda: app_quarters(costs),
            "balances_sql": lambda: sql_balances(con),
            "balances_app": lambda: app_balances(payments),
        }
        assert app_shares(costs) == sql_shares(con), "shares differ"
        assert app_quarters(costs) == sql_quarters(con), "quarters differ"
        assert app_balances(payments) == sql_balances(con), "balances differ"
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, fn in cases.items():
                times[name].append(timed(fn))
        year_shares, year_lines = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT s.cost_id) FROM shares s JOIN costs c "
            "ON c.id = s.cost_id WHERE c.period_start BETWEEN ? AND ?",
            YEAR_BOUNDS,
        ).fetchone()
    finally:
        con.close()
        db.close()
    med = {name: statistics.median(values) for name, values in times.items()}
    return {
        "bench": "year_totals",
        "members": members,
        "lines": lines,
        "year": YEAR,
        "year_lines": year_lines,
        "year_shares": year_shares,
        "runs": runs,
        "build_s": round(build_s, 1),
        "db_mb": round(path.stat().st_size / 2**20, 1),
        **{f"{name}_s": round(value, 4) for name, value in med.items()},
        "ratio_shares": round(med["shares_app"] / med["shares_sql"], 2),
        "ratio_quarters": round(med["quarters_app"] / med["quarters_sql"], 2),
        "ratio_balances": round(med["balances_app"] / med["balances_sql"], 2),
        "target": 2.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--members", type=int, nargs="+", default=[300, 5000])
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    for members in args.members:
        print(json.dumps(bench(members, args.lines, args.runs), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
