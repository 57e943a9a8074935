"""Benchmark: one UI edit per transaction, and a backup, vs the bare sqlite3 equivalents.

Run on demand (not collected by pytest)::

    uv run python tests/benchmarks/bench_writes.py [--runs 3] [--edits 100]

Files go to a temporary folder under ``--dir`` (default: the temp dir; fsync cost depends on the
file system). Timed, interleaved in the same run, median of ``--runs`` rounds:

* **edit_app**: ``CostService.create_cost`` on a 300-member pole (20 services with a units key
  over every member, 10 000 costs already there): validation, the key read, the cents-only
  split of the cost between the 300 members, the cost (ORM: guarded, audited) and its 300
  shares (one Core INSERT), the audit entry — one ``BEGIN IMMEDIATE`` … ``COMMIT`` per cost,
  WAL with ``synchronous=FULL`` (DESIGN §7); ``--edits`` costs a round;
* **update_app**: ``CostService.update_cost`` of each cost just entered, with a new amount:
  the same, and its shares replaced (one DELETE + one INSERT);
* **edit_sql**: the bare tool as ``baselines/sqlite_write.py`` measures "one transaction per
  row", with the app's pragmas (``journal_mode=WAL``, ``synchronous=FULL``): raw ``sqlite3``
  ``BEGIN`` / one ``INSERT`` of a cost line / ``COMMIT``, the same number of times;
* **edit_shares_sql**: the same raw commit carrying what a cost is — its row and its 300 share
  rows (``executemany``): the floor of any save of a cost with its shares;
* **backup_app**: :func:`ptce_desktop.store.backup.create_backup` of the 100 000-line pole of
  ``bench_year_totals.py`` (~70 MB; online copy, fsync, rename) with ``verify=False``: the
  backup the window makes, whose ``integrity_check`` (and rotation) then runs in the
  background (:func:`~ptce_desktop.store.backup.confirm_backup`, untimed here);
* **backup_sql**: ``sqlite3.Connection.backup()`` of the same file to a new file (one step).

Prints one JSON line: milliseconds per edit (entered or updated) and per MB, and
``ratio_* = app / sql``
(target: ≤ 2 for both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_year_totals import build_pole, cached_pole

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.store.backup import confirm_backup, create_backup
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

SCHEMA = """CREATE TABLE cost_line(id INTEGER PRIMARY KEY, date TEXT NOT NULL,
            service_id INTEGER NOT NULL, amount_cents INTEGER NOT NULL,
            label TEXT NOT NULL, key TEXT NOT NULL);
            CREATE INDEX cost_line_date ON cost_line(date);
            CREATE TABLE share(id INTEGER PRIMARY KEY, cost_line_id INTEGER NOT NULL,
            member_id INTEGER NOT NULL, cents INTEGER NOT NULL, UNIQUE(cost_line_id, member_id));"""
INSERT = "INSERT INTO cost_line(date, service_id, amount_cents, label, key) VALUES (?,?,?,?,?)"
INSERT_SHARE = "INSERT INTO share(cost_line_id, member_id, cents) VALUES (?,?,?)"


def raw_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.executescript(SCHEMA)
    return con


def edit_sql(con: sqlite3.Connection, n: int, start: int) -> float:
    t = time.perf_counter()
    for i in range(start, start + n):
        con.execute("BEGIN")
        con.execute(INSERT, (f"2025-{i % 12 + 1:02d}-01", i % 20 + 1, 10_000 + i, f"n° {i}", "m2"))
        con.execute("COMMIT")
    return time.perf_counter() - t


def _drafts(n: int, start: int, extra: int = 0) -> list[CostDraft]:
    drafts = []
    for i in range(start, start + n):
        month = i % 12 + 1
        begin = dt.date(2025, month, 1)
        end = (begin + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        drafts.append(
            CostDraft(
                service_id=i % 20 + 1,
                invoice_date=begin,
                period_start=begin,
                period_end=end,
                label=f"Facture saisie n° {i} — l'Éclair",
                ht_cents=10_000 + i + extra,
                vat_cents=0,
                ttc_cents=10_000 + i + extra,
                supplier="Fournisseur & Cie",
            )
        )
    return drafts


def edit_shares_sql(con: sqlite3.Connection, n: int, start: int) -> float:
    """The same commit carrying what a cost is: its row and 300 share rows (executemany)."""
    t = time.perf_counter()
    for i in range(start, start + n):
        amount = 10_000 + i
        q, r = divmod(amount, 300)
        con.execute("BEGIN")
        row = (f"2025-{i % 12 + 1:02d}-01", i % 20 + 1, amount, f"n° {i}", "m2")
        cost_id = con.execute(INSERT, row).lastrowid
        con.executemany(INSERT_SHARE, [(cost_id, m, q + (m <= r)) for m in range(1, 301)])
        con.execute("COMMIT")
    return time.perf_counter() - t


def edit_app(costs: CostService, n: int, start: int, created: list[int] | None = None) -> float:
    drafts = _drafts(n, start)
    t = time.perf_counter()
    ids = [costs.create_cost(draft) for draft in drafts]
    elapsed = time.perf_counter() - t
    if created is not None:
        created.extend(ids)
    return elapsed


def update_app(costs: CostService, ids: list[int], start: int) -> float:
    drafts = _drafts(len(ids), start, extra=977)  # another amount: every share changes
    t = time.perf_counter()
    for cost_id, draft in zip(ids, drafts, strict=True):
        costs.update_cost(cost_id, draft)
    return time.perf_counter() - t


def backup_sql(source: Path, folder: Path) -> float:
    target = folder / "raw-backup.sqlite3"
    target.unlink(missing_ok=True)
    t = time.perf_counter()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()
    return time.perf_counter() - t


def backup_app(source: Path, folder: Path) -> float:
    t = time.perf_counter()
    copy = create_backup(source, reason="banc", directory=folder, keep=1, verify=False)
    elapsed = time.perf_counter() - t
    confirm_backup(copy, keep=1)  # the background verification: as thorough, not waited for
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    args = parser.parse_args()
    big, _ = cached_pole(300, 100_000)
    work = Path(tempfile.mkdtemp(prefix="ptce_bench_writes_", dir=args.dir))
    try:
        pole = work / "pôle 300.sqlite3"
        build_pole(pole, 300, 10_000)
        db = open_database(pole)
        con = raw_connection(work / "raw.sqlite3")
        costs = CostService(UnitOfWork(db))
        edit_app(costs, 5, 0)  # warm-up: imports, statement caches
        edit_sql(con, 5, 0)
        edit_shares_sql(con, 5, 0)
        times: dict[str, list[float]] = {
            "edit_sql": [],
            "edit_shares_sql": [],
            "edit_app": [],
            "update_app": [],
        }
        entered: list[int] = []
        backups: dict[str, list[float]] = {"backup_sql": [], "backup_app": []}
        for run in range(args.runs):
            start = 10 + run * args.edits
            times["edit_sql"].append(edit_sql(con, args.edits, start))
            times["edit_shares_sql"].append(edit_shares_sql(con, args.edits, start))
            created: list[int] = []
            times["edit_app"].append(edit_app(costs, args.edits, start, created))
            times["update_app"].append(update_app(costs, created, start))
            entered.extend(created)
            backups["backup_sql"].append(backup_sql(big, work))
            backups["backup_app"].append(backup_app(big, work / "backups"))
        with db.engine.connect() as check:
            shares = check.exec_driver_sql("SELECT COUNT(*) FROM shares").scalar()
            for cost_id in entered:  # untimed: every cost entered then updated adds up
                count, total, ttc = check.exec_driver_sql(
                    "SELECT COUNT(*), SUM(s.cents), c.ttc_cents FROM costs c"
                    " JOIN shares s ON s.cost_id = c.id WHERE c.id = ?",
                    (cost_id,),
                ).one()
                assert (count, total) == (300, ttc), cost_id
        con.close()
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mb = big.stat().st_size / 2**20
    per_edit = {k: statistics.median(v) / args.edits * 1000 for k, v in times.items()}
    per_mb = {k: statistics.median(v) / mb * 1000 for k, v in backups.items()}
    result: dict[str, Any] = {
        "bench": "writes",
        "runs": args.runs,
        "edits_per_run": args.edits,
        "members": 300,
        "shares_per_edit": 300,
        "shares_total": shares,
        "edit_sql_ms": round(per_edit["edit_sql"], 3),
        "edit_app_ms": round(per_edit["edit_app"], 3),
        "ratio_edit": round(per_edit["edit_app"] / per_edit["edit_sql"], 2),
        "update_app_ms": round(per_edit["update_app"], 3),
        "ratio_update": round(per_edit["update_app"] / per_edit["edit_sql"], 2),
        "edit_shares_sql_ms": round(per_edit["edit_shares_sql"], 3),
        "ratio_edit_vs_shares_sql": round(per_edit["edit_app"] / per_edit["edit_shares_sql"], 2),
        "backup_mb": round(mb, 1),
        "backup_sql_s": round(statistics.median(backups["backup_sql"]), 4),
        "backup_app_s": round(statistics.median(backups["backup_app"]), 4),
        "backup_sql_ms_per_mb": round(per_mb["backup_sql"], 2),
        "backup_app_ms_per_mb": round(per_mb["backup_app"], 2),
        "ratio_backup": round(per_mb["backup_app"] / per_mb["backup_sql"], 2),
        "target": 2.0,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
