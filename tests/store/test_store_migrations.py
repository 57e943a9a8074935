"""Alembic: from an empty file to head, no drift, one head, safe table rebuilds."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import text

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import migrate
from ptce_desktop.store.database import open_database
from ptce_desktop.store.engine import make_engine
from ptce_desktop.store.models import Base


def test_exactly_one_head() -> None:
    heads = migrate.script_directory().get_heads()
    assert heads == [migrate.head_revision()]


def test_migration_scripts_are_shipped_in_the_package() -> None:
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "script.py.mako").is_file()
    assert any((migrate.MIGRATIONS_DIR / "versions").glob("0001_*.py"))
    assert not (Path(__file__).parents[2] / "alembic.ini").exists()


def test_upgrade_from_empty_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "vide.sqlite3")
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            tables = set(
                connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
            )
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_accepts_a_path(tmp_path: Path) -> None:
    path = tmp_path / "chemin.sqlite3"
    migrate.upgrade(path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    finally:
        connection.close()


def _write_revision(folder: Path, revision: str, body: str) -> None:
    """A throw-away migration on top of the real head, in a folder of the test's own."""
    folder.mkdir(exist_ok=True)
    lines = [
        '"""Throw-away revision written by a test."""',
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
    (folder / f"{revision}_test.py").write_text("\n".join(lines), encoding="utf-8")


def _member_with_figures(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO members (id, name, category, qpv) VALUES (1, :n, 'other', 0)"),
                {"n": "Coopérative « L'Arbre » & Cie <test>"},
            )
            connection.execute(
                text("INSERT INTO member_year_figures (member_id, year) VALUES (1, 2025)")
            )
    finally:
        database.close()


def _count_figures(db_path: Path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return int(connection.execute("SELECT COUNT(*) FROM member_year_figures").fetchone()[0])
    finally:
        connection.close()


def test_rebuilding_a_parent_table_keeps_its_cascading_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "ptce.sqlite3"
    _member_with_figures(db_path)
    extra = tmp_path / "versions"
    _write_revision(
        extra,
        "ffff01",
        """
        with op.batch_alter_table("members", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("extra_note", sa.String(20), nullable=True))
        """,
    )
    migrate.upgrade(db_path, extra_version_locations=[extra])
    assert _count_figures(db_path) == 1
    connection = sqlite3.connect(db_path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(members)")]
        assert "extra_note" in columns
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_without_the_recipe_a_rebuild_would_lose_the_children(tmp_path: Path) -> None:
    """Why env.py turns foreign keys off: the same rebuild with them on cascades the DROP."""
    db_path = tmp_path / "ptce.sqlite3"
    _member_with_figures(db_path)
    engine = make_engine(db_path)  # foreign_keys=ON on every connection
    try:
        with engine.begin() as connection:
            operations = Operations(MigrationContext.configure(connection))
            with operations.batch_alter_table("members", recreate="always") as batch_op:
                batch_op.add_column(
                    __import__("sqlalchemy").Column("extra_note", __import__("sqlalchemy").Text)
                )
    finally:
        engine.dispose()
    assert _count_figures(db_path) == 0


def test_a_migration_leaving_broken_foreign_keys_is_rolled_back(tmp_path: Path) -> None:
    db_path = tmp_path / "ptce.sqlite3"
    _member_with_figures(db_path)
    extra = tmp_path / "versions"
    _write_revision(extra, "ffff02", 'op.execute("DELETE FROM members")')
    with pytest.raises(PtceError) as caught:
        migrate.upgrade(db_path, extra_version_locations=[extra])
    assert caught.value.code == "integrity_failed"
    assert "foreign_key_check" in caught.value.values["detail"]
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 1
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    finally:
        connection.close()


def test_opening_a_file_that_needs_migrating_backs_it_up_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "ptce.sqlite3"
    _member_with_figures(db_path)
    old_head = migrate.head_revision()
    extra = tmp_path / "versions"
    _write_revision(
        extra,
        "ffff03",
        """
        with op.batch_alter_table("members", recreate="always") as batch_op:
            batch_op.add_column(sa.Column("extra_note", sa.String(20), nullable=True))
        """,
    )
    monkeypatch.setattr(migrate, "EXTRA_VERSION_LOCATIONS", [extra])
    database = open_database(db_path)
    try:
        assert database.migrated_from == old_head
        assert database.pre_migration_backup is not None
        assert database.pre_migration_backup.is_file()
        assert "avant-migration" in database.pre_migration_backup.name
        assert migrate.current_revision(database.engine) == "ffff03"
    finally:
        database.close()
    assert _count_figures(db_path) == 1
    backup = sqlite3.connect(database.pre_migration_backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
    finally:
        backup.close()


def test_the_quick_revision_reading_agrees_with_alembic() -> None:
    from ptce_desktop.store.migrate import _revision_graph

    scripts = migrate.script_directory()
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    assert _revision_graph() == {s.revision: s.down_revision for s in scripts.walk_revisions()}
