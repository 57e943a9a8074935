"""Opening files: pragmas on every connection, BEGIN IMMEDIATE for writes, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import paths
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.engine import APPLICATION_ID
from ptce_desktop.store.models import Member
from ptce_desktop.store.unit_of_work import UnitOfWork


def _pragmas(connection: sqlite3.Connection) -> tuple[object, ...]:
    return tuple(
        connection.execute(f"PRAGMA {name}").fetchone()[0]
        for name in (
            "foreign_keys",
            "journal_mode",
            "synchronous",
            "trusted_schema",
            "busy_timeout",
        )
    )


def test_default_paths_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTCE_DATA_DIR", str(tmp_path / "ailleurs"))
    assert paths.default_data_dir() == tmp_path / "ailleurs"
    assert paths.default_db_path() == tmp_path / "ailleurs" / "ptce.sqlite3"
    monkeypatch.delenv("PTCE_DATA_DIR")
    assert "ptce-desktop" in str(paths.default_data_dir())
    assert not (tmp_path / "ailleurs").exists()  # nothing created by asking


def test_pragmas_are_set_on_every_connection(db: Database) -> None:
    first = db.engine.raw_connection()
    second = db.engine.raw_connection()  # a second pooled connection, opened separately
    try:
        for raw in (first, second):
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            assert _pragmas(driver) == (1, "wal", 2, 0, 5000)
            assert driver.isolation_level is None
    finally:
        first.close()
        second.close()


def test_new_file_is_stamped_with_our_application_id(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA application_id")) == APPLICATION_ID == 0x50544345


def test_writes_begin_immediate_and_reads_stay_deferred(db: Database) -> None:
    statements: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("BEGIN"):
            statements.append(statement)

    uow = UnitOfWork(db)
    with uow.write("Créer un membre") as session:
        session.add(Member(name="Épicerie « Chez Lé & Co »", category="ess_enterprise"))
    assert statements == ["BEGIN IMMEDIATE"]
    statements.clear()
    with uow.read() as session:
        session.get(Member, 1)
    assert statements == ["BEGIN"]


def test_failed_transaction_leaves_nothing_even_ddl(db: Database) -> None:
    with pytest.raises(RuntimeError), db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        raise RuntimeError("boom")
    with db.engine.connect() as connection:
        found = connection.scalar(text("SELECT COUNT(*) FROM sqlite_master WHERE name='scratch'"))
    assert found == 0


def _code(path: Path, **kwargs: bool) -> str:
    with pytest.raises(PtceError) as caught:
        open_database(path, **kwargs).close()
    return caught.value.code


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Ceci n'est pas une base \xe2\x82\xac & <rien>" * 100)
    assert _code(path) == "foreign_file"
    assert path.read_bytes().startswith(b"Ceci")  # untouched


def test_zero_byte_file_is_refused_not_adopted(tmp_path: Path) -> None:
    path = tmp_path / "vide.sqlite3"
    path.touch()
    assert _code(path) == "foreign_file"
    assert path.stat().st_size == 0


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "autre-appli.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (nom TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Zoé')")
    connection.commit()
    connection.close()
    assert _code(path) == "foreign_file"
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    finally:
        connection.close()
    assert tables == ["contacts"]  # nothing migrated into it


def test_other_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "autre.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1234")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    assert _code(path) == "foreign_file"


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    with pytest.raises(PtceError) as caught:
        open_database(db_path)
    assert caught.value.code == "newer_schema"
    assert "plus récente" in caught.value.message("fr")


def test_corrupt_file_is_refused(db_path: Path) -> None:
    database = open_database(db_path)
    uow = UnitOfWork(database)
    with uow.write("Beaucoup de membres") as session:
        for index in range(400):
            session.add(Member(name=f"Membre n° {index} « é&<' »" * 3, category="other"))
    database.close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) > 6 * page_size
    for offset in range(2 * page_size, len(data) - page_size, page_size):
        data[offset : offset + 64] = b"\xff" * 64  # scribble on every b-tree page header
    db_path.write_bytes(bytes(data))
    assert _code(db_path) == "integrity_failed"


def test_missing_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    assert _code(path, create=False) == "file_not_found"
    assert _code(path, read_only=True) == "file_not_found"
    assert not path.exists()


def test_read_only_open_refuses_every_write(db_path: Path) -> None:
    open_database(db_path).close()
    database = open_database(db_path, read_only=True)
    try:
        uow = UnitOfWork(database)
        with pytest.raises(PtceError) as caught, uow.write("Créer") as session:
            session.add(Member(name="Interdit", category="other"))
        assert caught.value.code == "read_only"
        with uow.read() as session:
            assert session.get(Member, 1) is None
        # Even a raw statement cannot write through a mode=ro connection.
        with (
            pytest.raises(OperationalError, match=r"readonly"),
            database.engine.begin() as connection,
        ):
            connection.exec_driver_sql(
                "INSERT INTO members (name, category, qpv) VALUES ('x', 'other', 0)"
            )
    finally:
        database.close()
