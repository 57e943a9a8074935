"""Migrating a file: from empty, from the previous schema with data, and a failing step
(§5, items 31–32). Throw-away revisions on top of the real head stand for the next release."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest
from support.faults_world import build_world

from ptce_desktop.store import migrate
from ptce_desktop.store.backup import list_backups, verify_backup
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Base
from ptce_desktop.store.paths import backups_dir
from ptce_desktop.store.unit_of_work import UnitOfWork


def _revision(folder: Path, revision: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [
        '"""Throw-away revision written by a fault test."""',
        "import sqlalchemy as sa",
        "from alembic import op",
        "",
        f"revision = {revision!r}",
        f"down_revision = {migrate.head_revision()!r}",
        "branch_labels = None",
        "depends_on = None",
        "",
        "",
        "def upgrade() -> None:",
        textwrap.indent(textwrap.dedent(body).strip(), "    "),
        "",
        "",
        "def downgrade() -> None:",
        "    pass",
        "",
    ]
    (folder / f"{revision}_faute.py").write_text("\n".join(lines), encoding="utf-8")
    return folder


def _snapshot(path: Path) -> tuple[dict[str, int], list[tuple[str, str]], str]:
    """Row count of every table, the schema, and the stamped revision."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        counts = {
            t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables
        }
        schema = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()
    return counts, schema, revision


def _filled(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        build_world(
            UnitOfWork(database),
            ["Dupont & Fils <SARL>", "L'Épicerie — 1 234,56 €", "Œuvre & Cœur " + "é" * 150],
        )
    finally:
        database.close()


def test_item31_empty_file_upgrades_to_head_with_every_table(tmp_path: Path) -> None:
    path = tmp_path / "nouveau « pôle ».sqlite3"
    database = open_database(path)
    try:
        assert database.migrated_from is None and database.pre_migration_backup is None
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()
    counts, _, revision = _snapshot(path)
    assert revision == migrate.head_revision()
    assert set(counts) == set(Base.metadata.tables) | {"alembic_version"}


def test_item31_previous_schema_with_data_migrates_keeping_every_row(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(db_path)
    counts_before, _, old_head = _snapshot(db_path)
    assert counts_before["shares"] and counts_before["call_lines"] and counts_before["members"]
    extra = _revision(
        tmp_path / "versions",
        "fa0031",
        """
        with op.batch_alter_table("members", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("note_interne", sa.String(50), nullable=True))
        """,
    )
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [extra])
    database = open_database(db_path)
    try:
        assert database.migrated_from == old_head
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        database.close()
    counts_after, _, revision = _snapshot(db_path)
    assert revision == "fa0031"
    assert counts_after == counts_before  # the rebuilt parent kept all its children
    assert database.pre_migration_backup is not None
    assert _snapshot(database.pre_migration_backup)[2] == old_head


def test_item32_failing_migration_leaves_the_file_unchanged_with_a_backup(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(db_path)
    before = _snapshot(db_path)
    extra = _revision(
        tmp_path / "versions",
        "fa0032",
        """
        op.create_table("brouillon", sa.Column("id", sa.Integer, primary_key=True))
        with op.batch_alter_table("members", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("note_interne", sa.String(50), nullable=True))
        op.execute("DELETE FROM shares")
        raise RuntimeError("panne au milieu de la migration")
        """,
    )
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [extra])
    with pytest.raises(RuntimeError, match="panne au milieu"):
        open_database(db_path)
    assert _snapshot(db_path) == before  # transactional DDL: no table, column or delete left
    backups = list_backups(backups_dir(db_path))
    assert len(backups) == 1 and backups[0].reason is not None
    assert backups[0].reason.startswith("avant-migration")
    verify_backup(backups[0].path)
    assert _snapshot(backups[0].path) == before
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [])
    open_database(db_path).close()  # this version still opens it
