"""Online, verified, rotating backups; restore keeps a copy of what it replaces."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.backup import (
    attachments_beside,
    create_backup,
    list_backups,
    restore,
    verify_backup,
)
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.models import Member
from ptce_desktop.store.unit_of_work import UnitOfWork


def _add_member(db: Database, name: str) -> None:
    with UnitOfWork(db).write("Créer un membre") as session:
        session.add(Member(name=name, category="ess_enterprise"))


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM members ORDER BY id")]
    finally:
        connection.close()


def test_backup_while_open_is_verified_and_named(db: Database) -> None:
    _add_member(db, "Avant la sauvegarde « é & < ' »")
    db.attachments_dir.mkdir(parents=True)
    (db.attachments_dir / "ab12.pdf").write_bytes(b"%PDF facture 1 234,56 \xe2\x82\xac")
    backup = create_backup(db.path, reason="Manuelle")  # the engine is still open
    assert backup.parent == db.backups_dir
    assert backup.name.startswith("ptce-") and backup.name.endswith("-manuelle.sqlite3")
    verify_backup(backup)
    assert _names(backup) == ["Avant la sauvegarde « é & < ' »"]
    assert (attachments_beside(backup) / "ab12.pdf").read_bytes().startswith(b"%PDF")
    assert not list(db.backups_dir.glob("*.tmp"))
    assert not backup.with_name(backup.name + "-wal").exists()
    [info] = list_backups(db.backups_dir)
    assert info.path == backup and info.reason == "manuelle" and info.size > 0


def test_rotation_keeps_the_newest_of_each_reason(db: Database) -> None:
    made = [create_backup(db.path, reason="auto", keep=3) for _ in range(5)]
    other = create_backup(db.path, reason="avant-migration", keep=3)
    listed = {info.path for info in list_backups(db.backups_dir)}
    assert listed == {*made[-3:], other}


def test_a_corrupted_backup_is_detected(db: Database) -> None:
    backup = create_backup(db.path)
    data = bytearray(backup.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):
        data[offset : offset + 32] = b"\x00\xff" * 16
    backup.write_bytes(bytes(data))
    with pytest.raises(PtceError) as caught:
        verify_backup(backup)
    assert caught.value.code == "integrity_failed"


def test_a_foreign_file_is_not_a_backup(tmp_path: Path) -> None:
    other = tmp_path / "autre.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(PtceError) as caught:
        verify_backup(other)
    assert caught.value.code == "foreign_file"
    target = tmp_path / "ptce.sqlite3"
    with pytest.raises(PtceError):
        restore(other, target)
    assert not target.exists()


def test_restore_brings_back_the_backup_and_keeps_the_current_file(db_path: Path) -> None:
    database = open_database(db_path)
    _add_member(database, "Membre d'origine")
    backup = create_backup(db_path, reason="manuelle")
    _add_member(database, "Ajouté après — 99 €")
    database.close()

    kept = restore(backup, db_path)
    assert kept is not None and kept.is_file()
    assert "avant-restauration" in kept.name
    assert _names(kept) == ["Membre d'origine", "Ajouté après — 99 €"]
    assert _names(db_path) == ["Membre d'origine"]

    reopened = open_database(db_path)
    try:
        with UnitOfWork(reopened).read() as session:
            assert list(session.scalars(select(Member.name))) == ["Membre d'origine"]
    finally:
        reopened.close()


def test_restore_over_an_unreadable_file_keeps_its_raw_bytes(db_path: Path) -> None:
    open_database(db_path).close()
    backup = create_backup(db_path)
    db_path.write_bytes(b"garbage \x00\x01 & <not sqlite>")
    kept = restore(backup, db_path)
    assert kept is not None and kept.read_bytes() == b"garbage \x00\x01 & <not sqlite>"
    open_database(db_path).close()


def test_restore_brings_attachments_back(db: Database) -> None:
    db.attachments_dir.mkdir(parents=True)
    (db.attachments_dir / "cafe.png").write_bytes(b"\x89PNG")
    backup = create_backup(db.path)
    (db.attachments_dir / "cafe.png").unlink()
    db.close()
    restore(backup, db.path)
    assert (db.attachments_dir / "cafe.png").read_bytes() == b"\x89PNG"
