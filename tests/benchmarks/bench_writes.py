"""Benchmark: one UI edit per transaction on the L pole, and a backup, vs bare sqlite3.

Run on demand::

    uv run pytest tests/benchmarks/bench_writes.py --run-benchmarks -s [-k edit]

Interleaved in the same run, median of 3 (``benchlib``), WAL with ``synchronous=FULL``
(DESIGN §7) on both sides:

* ``edit_cost_L``: ``CostService.create_cost`` on the cached L pole (5 000 members, 1 M costs;
  keys of 5-50 members): validation, the key read, the cents-only split, the cost (ORM:
  guarded, audited) and its shares (one Core INSERT), the audit entry — one transaction a
  cost, 20 costs a round — vs **the raw commit of the same rows**: raw ``sqlite3``
  ``BEGIN`` / the cost's row and its share rows (copied from costs the app entered) /
  ``COMMIT`` into the same file (target 1.5, ms a cost);
* ``update_cost_L``: ``CostService.update_cost`` of each cost just entered, as it was entered
  but for a new amount (its shares replaced) vs the raw commit of the same change (UPDATE the
  row's amounts, DELETE + INSERT its shares); ms a cost, target 1.5 as for an entry. (Until
  2026-12-06 10:00 the app's side also changed each cost's label, dates and service — another
  draft than the one it was entered with — while the raw side changed only the amounts.)
* ``edit_cost_floor_session_L``, ``edit_cost_floor_core_L`` (no target): the rows of each save
  (the cost, its shares and its audit entry, copied from the app's) committed through
  SQLAlchemy with no ORM object, no check, no split — on a write session of the app
  (``session``) or a Core connection of its engine (``core``) — vs the raw commit of the same
  rows: the floor under ``edit_cost_L`` of any save that goes through SQLAlchemy;
* ``edit_cost_one_row_L`` (no target): ``create_cost`` vs a raw one-row commit of a cost line
  in a bare table of a fresh file (what ``baselines/sqlite_write.py`` calls one transaction
  per row);
* ``backup_per_mb``: :func:`ptce_desktop.store.backup.create_backup` (as the app calls it:
  online copy, fsync, verification, rename, rotation) of the cached M pole vs
  ``sqlite3.Connection.backup()`` of the same file to a new file (ms per MB, target 2).

The edits are written into a private copy of the cached L pole (one copy a run, in the test's
temporary folder, removed at the end): the shared cache is only read, never written. The
copy's row counts are still checked back to what they were once the added rows are deleted.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from benchlib import bench_line, interleaved_median
from poles import pole_path
from sqlalchemy import Connection

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.store.backup import confirm_backup, create_backup
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.engine import writer
from ptce_desktop.store.unit_of_work import UnitOfWork

SCHEMA = """CREATE TABLE cost_line(id INTEGER PRIMARY KEY, date TEXT NOT NULL,
            service_id INTEGER NOT NULL, amount_cents INTEGER NOT NULL,
            label TEXT NOT NULL, key TEXT NOT NULL);
            CREATE INDEX cost_line_date ON cost_line(date);
            CREATE TABLE share(id INTEGER PRIMARY KEY, cost_line_id INTEGER NOT NULL,
            member_id INTEGER NOT NULL, cents INTEGER NOT NULL, UNIQUE(cost_line_id, member_id));"""
INSERT = "INSERT INTO cost_line(date, service_id, amount_cents, label, key) VALUES (?,?,?,?,?)"


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


def _drafts(n: int, start: int) -> list[CostDraft]:
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
                ht_cents=10_000 + i,
                vat_cents=0,
                ttc_cents=10_000 + i,
                supplier="Fournisseur & Cie",
            )
        )
    return drafts


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


EDITS = 20


def table_counts(con: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def app_drafts(n: int, start: int, services: int) -> list[CostDraft]:
    drafts = _drafts(n, start)
    return [replace(d, service_id=(i * 7) % services + 1) for i, d in enumerate(drafts)]


class RawCopies:
    """The raw side: commits of the same rows as the app's (cost row + its share rows)."""

    COST_COLUMNS = (
        "service_id, invoice_date, period_start, period_end, label, supplier, ht_cents,"
        " vat_cents, ttc_cents, is_adjustment"
    )
    AUDIT_COLUMNS = "at, action, operation, entity, record_id, summary, before_json, after_json"
    INSERT_COST = f"INSERT INTO costs ({COST_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)"
    INSERT_SHARES = (
        "INSERT INTO shares (cost_id, member_id, cents, key_version_id) VALUES (?, ?, ?, ?)"
    )
    INSERT_AUDIT = f"INSERT INTO audit_entries ({AUDIT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)"

    def __init__(self, path: Path, model_ids: list[int]) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=FULL")
        self.rows = []
        for cost_id in model_ids:
            cost = self.con.execute(
                f"SELECT {self.COST_COLUMNS} FROM costs WHERE id = ?", (cost_id,)
            ).fetchone()
            shares = self.con.execute(
                "SELECT member_id, cents, key_version_id FROM shares WHERE cost_id = ?",
                (cost_id,),
            ).fetchall()
            self.rows.append((cost, shares))
        # each cost's audit entry as the app wrote it: for the floors, the rows of a save
        self.audits = [
            self.con.execute(
                f"SELECT {self.AUDIT_COLUMNS} FROM audit_entries"
                " WHERE entity = 'costs' AND record_id = ? ORDER BY id DESC",
                (cost_id,),
            ).fetchone()
            for cost_id in model_ids
        ]
        assert all(self.audits), "every cost the app entered has its audit entry"
        self.created: list[int] = []

    def insert(self) -> float:
        start = time.perf_counter()
        for cost, shares in self.rows:
            self.con.execute("BEGIN IMMEDIATE")
            cost_id = self.con.execute(self.INSERT_COST, cost).lastrowid
            assert cost_id is not None
            self.con.executemany(self.INSERT_SHARES, [(cost_id, *share) for share in shares])
            self.con.execute("COMMIT")
            self.created.append(cost_id)
        return (time.perf_counter() - start) / len(self.rows) * 1000

    def insert_audited(self, execute: Callable[[Rows], None]) -> float:
        """ms a save of each cost's rows with its audit entry (as the app writes them), one
        transaction a cost: ``execute(run)`` opens and commits the transaction around
        ``run(sql, parameters)`` (which returns the new row's id)."""
        start = time.perf_counter()
        for (cost, shares), audit in zip(self.rows, self.audits, strict=True):
            execute(partial(self._rows, cost, shares, audit))
        return (time.perf_counter() - start) / len(self.rows) * 1000

    def _rows(
        self, cost: Any, shares: list[Any], audit: Any, run: Callable[[str, Any], int | None]
    ) -> None:
        cost_id = run(self.INSERT_COST, cost)
        run(self.INSERT_SHARES, [(cost_id, *share) for share in shares])
        run(self.INSERT_AUDIT, audit)

    def raw_audited(self) -> float:
        """The raw commit of a cost's rows and its audit entry (``sqlite3``)."""

        def execute(rows: Rows) -> None:
            def run(sql: str, parameters: Any) -> int | None:
                if isinstance(parameters, list):
                    self.con.executemany(sql, parameters)
                    return None
                return self.con.execute(sql, parameters).lastrowid

            self.con.execute("BEGIN IMMEDIATE")
            rows(run)
            self.con.execute("COMMIT")

        return self.insert_audited(execute)

    def update(self, ids: list[int]) -> float:
        start = time.perf_counter()
        for cost_id, (cost, shares) in zip(ids, self.rows, strict=True):
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute(
                "UPDATE costs SET ht_cents = ?, ttc_cents = ? WHERE id = ?",
                (cost[6] + 977, cost[8] + 977, cost_id),
            )
            self.con.execute("DELETE FROM shares WHERE cost_id = ?", (cost_id,))
            self.con.executemany(
                "INSERT INTO shares (cost_id, member_id, cents, key_version_id)"
                " VALUES (?, ?, ?, ?)",
                [(cost_id, m, c + (i == 0) * 977, v) for i, (m, c, v) in enumerate(shares)],
            )
            self.con.execute("COMMIT")
        return (time.perf_counter() - start) / len(ids) * 1000


Rows = Callable[[Callable[[str, Any], int | None]], None]


def floors(db: Database) -> dict[str, Callable[[Rows], None]]:
    """What committing a save's rows costs through SQLAlchemy alone, with no ORM object, no
    check, no split: the floor under ``edit_cost_L`` of a save that goes through SQLAlchemy.
    ``session``: a write session of the app (its ``BEGIN IMMEDIATE``, its listeners), the
    statements run on its connection; ``core``: a Core connection of the same engine."""

    def runner(connection: Connection) -> Callable[[str, Any], int | None]:
        def run(sql: str, parameters: Any) -> int | None:
            result = connection.exec_driver_sql(sql, parameters)
            return None if isinstance(parameters, list) else result.lastrowid

        return run

    def session(rows: Rows) -> None:
        with db.write_session_factory() as opened, opened.begin():
            rows(runner(opened.connection()))

    def core(rows: Rows) -> None:
        with writer(db.engine).begin() as connection:
            rows(runner(connection))

    return {"session": session, "core": core}


def private_copy(source: Path, folder: Path) -> Path:
    """A copy of the pole file ``source`` (and its WAL, if one is beside it) in ``folder``: the
    benchmark's writes never touch the shared cache."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    for suffix in ("", "-wal"):
        origin = Path(f"{source}{suffix}")
        if origin.exists() and (suffix == "" or origin.stat().st_size > 0):
            shutil.copyfile(origin, f"{target}{suffix}")
    return target


def remove_copy(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_edit_cost_L(tmp_path: Path) -> None:
    path = private_copy(pole_path("L"), tmp_path / "pole")
    try:
        _edit_cost(path, tmp_path)
    finally:
        remove_copy(path)  # 1.7 GB: not left for pytest's kept temporary folders


def _edit_cost(path: Path, tmp_path: Path) -> None:
    check = sqlite3.connect(path)
    before = table_counts(check)
    marks = {
        table: check.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
        for table in ("costs", "shares", "audit_entries")
    }
    services = before["shared_services"]
    db = open_database(path)
    raw: RawCopies | None = None
    try:
        costs = CostService(UnitOfWork(db))
        entered: list[list[int]] = []
        drafted: list[list[CostDraft]] = []
        rounds = iter(range(10, 10_000, EDITS))

        def app_create() -> float:
            ids: list[int] = []
            start = next(rounds)
            drafts = app_drafts(EDITS, start, services)
            t = time.perf_counter()
            ids.extend(costs.create_cost(draft) for draft in drafts)
            elapsed = (time.perf_counter() - t) / EDITS * 1000
            entered.append(ids)
            drafted.append(drafts)
            return elapsed

        app_create()  # warm-up, and the rows the raw side copies
        raw = RawCopies(path, entered[0])
        app_ms, base_ms = interleaved_median(app_create, raw.insert, 3, timed=False)
        bench_line("edit_cost_L", app_ms, base_ms, 1.5, "ms")
        for name, execute in floors(db).items():
            app_ms, base_ms = interleaved_median(
                partial(raw.insert_audited, execute),
                raw.raw_audited,
                3,
                timed=False,
            )
            bench_line(f"edit_cost_floor_{name}_L", app_ms, base_ms, None, "ms")

        # each cost as it was entered, its amount only changed: the change the raw side makes
        updates = iter(zip(entered[1:], drafted[1:], strict=True))
        raw_updates = iter([raw.created[i : i + EDITS] for i in range(0, len(raw.created), EDITS)])

        def app_update() -> float:
            ids, entered_as = next(updates)
            drafts = [
                replace(d, ht_cents=d.ht_cents + 977, ttc_cents=d.ttc_cents + 977)
                for d in entered_as
            ]
            t = time.perf_counter()
            for cost_id, draft in zip(ids, drafts, strict=True):
                costs.update_cost(cost_id, draft)
            return (time.perf_counter() - t) / EDITS * 1000

        app_ms, base_ms = interleaved_median(
            app_update, lambda: raw.update(next(raw_updates)), 3, warmup=0, timed=False
        )
        bench_line("update_cost_L", app_ms, base_ms, 1.5, "ms")

        one_row = raw_connection(tmp_path / "une ligne.sqlite3")
        app_ms, base_ms = interleaved_median(
            app_create,
            lambda: edit_sql(one_row, EDITS, 0) / EDITS * 1000,
            3,
            warmup=0,
            timed=False,
        )
        one_row.close()
        bench_line("edit_cost_one_row_L", app_ms, base_ms, None, "ms")
        for cost_id in [i for ids in entered for i in ids]:  # every cost entered adds up
            count, total, ttc = check.execute(
                "SELECT COUNT(*), SUM(s.cents), c.ttc_cents FROM costs c"
                " JOIN shares s ON s.cost_id = c.id WHERE c.id = ?",
                (cost_id,),
            ).fetchone()
            assert count >= 5 and total == ttc, cost_id
    finally:
        db.close()
        if raw is not None:
            raw.con.close()
        with check:  # the copy back as it was: every row added is accounted for
            check.execute("DELETE FROM shares WHERE id > ?", (marks["shares"],))
            check.execute("DELETE FROM costs WHERE id > ?", (marks["costs"],))
            check.execute("DELETE FROM audit_entries WHERE id > ?", (marks["audit_entries"],))
        after = table_counts(check)
        check.close()
    assert after == before


def test_backup_per_mb(tmp_path: Path) -> None:
    path = pole_path("M")
    mb = path.stat().st_size / 2**20
    # Each returns its own seconds: the app's copy, without the verification that follows it
    # in the background (confirm_backup, run by backup_app after the timed part).
    app_s, base_s = interleaved_median(
        lambda: backup_app(path, tmp_path / "sauvegardes"),
        lambda: backup_sql(path, tmp_path),
        timed=False,
    )
    bench_line("backup_per_mb", app_s / mb * 1000, base_s / mb * 1000, 2.0, "ms_per_MB")
