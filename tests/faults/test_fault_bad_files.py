"""Files that are not (or no longer) a sound PTCE database (§5, items 26–30).

Each is refused with a French message before anything is written: the file keeps its bytes,
no ``-wal``/``-shm`` appears beside it and no migration runs.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ptce_desktop.app import main
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.store import migrate
from ptce_desktop.store.backup import create_backup, list_backups, restore, verify_backup
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import backups_dir

PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(db_path: Path, rows: int = 400) -> None:
    """Members written straight into the file, so it spans a few hundred pages."""
    connection = sqlite3.connect(db_path)
    try:
        connection.executemany(
            "INSERT INTO members (name, category, qpv) VALUES (?, 'other', 0)",
            [(f"Membre n° {i} & <co> l'€ " + "é" * 150,) for i in range(rows)],
        )
        connection.commit()
    finally:
        connection.close()


def _refused(path: Path, code: str) -> PtceError:
    """Open ``path`` for writing and for reading: refused both times, nothing written."""
    before = _digest(path)
    siblings = set(path.parent.iterdir())
    for read_only in (False, True):
        with pytest.raises(PtceError) as caught:
            open_database(path, read_only=read_only)
        assert caught.value.code == code
    assert _digest(path) == before
    assert set(path.parent.iterdir()) == siblings  # no -wal, -shm, backup or new file
    return caught.value


def test_item26_random_bytes_french_error_backups_kept_and_restorable(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db_path, 50)
    backup = create_backup(db_path, reason="quotidienne")
    db_path.write_bytes(os.urandom(64 * 1024))
    error = _refused(db_path, "foreign_file")
    assert "n'est pas une base PTCE Desktop" in error.message("fr")
    # The command line says it in one French line, no traceback.
    assert main(["--db", str(db_path), "check"]) == 2
    err = capsys.readouterr().err
    assert "n'est pas une base PTCE Desktop" in err and "Traceback" not in err
    # The verified backups are still there, listed, and restore the file.
    assert [info.path for info in list_backups(backups_dir(db_path))] == [backup]
    verify_backup(backup)
    kept = restore(backup, db_path)
    assert kept is not None and "avant-restauration-brut" in kept.name  # the bad bytes, kept
    database = open_database(db_path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT COUNT(*) FROM members").scalar() == 50
    finally:
        database.close()


@pytest.mark.parametrize("damage", ["tronqué", "page écrasée"])
def test_item27_truncated_or_page_corrupted_file_is_caught_at_open(
    db_path: Path, damage: str
) -> None:
    _fill(db_path)
    data = db_path.read_bytes()
    assert len(data) > 100 * PAGE
    if damage == "tronqué":
        data = data[: len(data) // 2]
    else:  # one b-tree page of the members table overwritten
        data = data[: 60 * PAGE] + b"\xff" * PAGE + data[61 * PAGE :]
    db_path.write_bytes(data)
    error = _refused(db_path, "integrity_failed")
    message = error.message("fr")
    assert "est endommagé" in message and "restaurez une sauvegarde" in message
    assert "ptce-desktop repair" in message
    with pytest.raises(PtceError) as checked:  # "Vérifier la base" / ptce-desktop check
        check_database(db_path)
    assert checked.value.code == "integrity_failed"


def test_item28_zero_byte_file_is_refused_not_adopted_as_new(tmp_path: Path) -> None:
    path = tmp_path / "vide & <co>.sqlite3"
    path.touch()
    _refused(path, "foreign_file")
    assert path.stat().st_size == 0


def _foreign_sqlite(path: Path, *, application_id: int = 0) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {application_id}")
        connection.execute("CREATE TABLE comptes (id INTEGER PRIMARY KEY, libelle TEXT)")
        connection.execute("INSERT INTO comptes (libelle) VALUES ('Banque & <co>')")
        connection.commit()
    finally:
        connection.close()


def test_item29_foreign_sqlite_file_refused_for_restore_and_open_before_migrating(
    tmp_path: Path, db_path: Path
) -> None:
    from ptce_desktop.store.engine import APPLICATION_ID

    foreign = tmp_path / "autre appli.sqlite3"
    _foreign_sqlite(foreign)
    error = _refused(foreign, "foreign_file")
    assert "n'est pas une base PTCE Desktop" in error.message("fr")
    # Our id on somebody else's tables: refused too, never "migrated" into ours.
    impostor = tmp_path / "imposteur.sqlite3"
    _foreign_sqlite(impostor, application_id=APPLICATION_ID)
    _refused(impostor, "foreign_file")
    # Chosen as a backup to restore: refused before the current file is touched.
    before = _digest(db_path)
    with pytest.raises(PtceError) as caught:
        restore(foreign, db_path)
    assert caught.value.code == "foreign_file"
    assert _digest(db_path) == before
    assert list_backups(backups_dir(db_path)) == []  # not even an "avant-restauration" copy
    connection = sqlite3.connect(foreign)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert tables == {"comptes"}  # no alembic_version: no migration ran


def test_item30_file_from_a_newer_version_is_refused_never_downgraded(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999_futur'")
        connection.commit()
    finally:
        connection.close()
    error = _refused(db_path, "newer_schema")
    assert "version plus récente" in error.message("fr")
    assert "9999_futur" not in migrate.known_revisions()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_futur",
        )
    finally:
        connection.close()
