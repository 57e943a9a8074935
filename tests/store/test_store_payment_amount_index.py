"""Migration 0015: a file at 0014 gets ``ix_payments_amount_cents`` (its payments untouched),
the payments list by amount then reads along it, and the downgrade takes it away again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from ptce_desktop.store import migrate
from ptce_desktop.store.engine import WRITE_OPTION, make_engine

LONG_NAME = "Coopérative « L'Atelier & Cie » <Lyon> € " + "très long nom " * 12
PAYMENTS = [
    (1, 1, "2025-02-15", 60_000, "cheque", "Chèque n° 42 « Éclair » & <co>", "l'été"),
    (2, 1, "2025-03-01", -1_250, "virement", None, None),
    (3, 2, "2025-01-10", 99_999_999_999, "especes", "Réf. 100 % € ", None),
]
ORDER_BY_AMOUNT = (
    "SELECT id FROM payments WHERE +date BETWEEN '2025-01-01' AND '2025-12-31' "
    "ORDER BY amount_cents DESC, id DESC"
)


def _plan(connection: sqlite3.Connection) -> str:
    return " ".join(str(r[3]) for r in connection.execute("EXPLAIN QUERY PLAN " + ORDER_BY_AMOUNT))


def _indexes(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payments'"
        ).fetchall()
    finally:
        connection.close()
    return {row[0] for row in rows}


def test_0015_indexes_the_payments_by_amount(tmp_path: Path) -> None:
    path = tmp_path / "pôle « 0014 » & <ancien>.sqlite3"
    migrate.upgrade(path, "0014")
    assert "ix_payments_amount_cents" not in _indexes(path)
    connection = sqlite3.connect(path)
    try:
        connection.executemany(
            "INSERT INTO members (id, name, category, qpv) VALUES (?, ?, 'other', 0)",
            [(1, LONG_NAME), (2, "Éclair & fils")],
        )
        connection.executemany("INSERT INTO payments VALUES (?, ?, ?, ?, ?, ?, ?)", PAYMENTS)
        connection.commit()
        plan = _plan(connection)
        assert "TEMP B-TREE" in plan  # before: every page sorted the year
    finally:
        connection.close()

    migrate.upgrade(path)
    assert "ix_payments_amount_cents" in _indexes(path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT * FROM payments ORDER BY id").fetchall() == PAYMENTS
        plan = _plan(connection)
        assert "ix_payments_amount_cents" in plan and "TEMP B-TREE" not in plan
        assert [r[0] for r in connection.execute(ORDER_BY_AMOUNT)] == [3, 1, 2]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()

    engine = make_engine(path)
    try:
        with engine.connect() as live:
            live.execution_options(**{WRITE_OPTION: True})
            command.downgrade(migrate.make_config(live), "0014")
    finally:
        engine.dispose()
    assert "ix_payments_amount_cents" not in _indexes(path)
    assert "ix_payments_date" in _indexes(path)
