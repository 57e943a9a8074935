"""BackupService: automatic backups, the verified list, restore keeping the current file."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.backups import BackupService, format_size, kind_of
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.backup import create_backup, list_backups
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import backups_dir
from ptce_desktop.store.unit_of_work import UnitOfWork

T0 = datetime(2025, 3, 14, 9, 30)  # before the real clock: kept copies are newer
PAGE = 4096


def _create_pole(db_path: Path, name: str) -> None:
    database = open_database(db_path)
    try:
        PoleService(UnitOfWork(database)).create_pole(name)
    finally:
        database.close()


def _rename_pole(db_path: Path, name: str) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE poles SET name = ?", (name,))
    connection.close()


def _pole_name(db_path: Path) -> str | None:
    database = open_database(db_path)
    try:
        view = PoleService(UnitOfWork(database)).get()
        return view.name if view is not None else None
    finally:
        database.close()


def damage(path: Path) -> None:
    """Overwrite one b-tree page, as a failing disk would."""
    data = bytearray(path.read_bytes())
    assert len(data) >= 3 * PAGE
    data[2 * PAGE : 3 * PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


@pytest.fixture
def service() -> BackupService:
    return BackupService()


def test_automatic_backup_once_then_skipped_within_the_interval(
    db_path: Path, service: BackupService
) -> None:
    first = service.automatic_backup(db_path, now=T0)
    assert first is not None and first.parent == backups_dir(db_path)
    assert first.name == "ptce-20250314-093000-auto.sqlite3"
    assert service.automatic_backup(db_path, now=T0 + timedelta(hours=2)) is None
    assert service.automatic_backup(db_path, now=T0 + timedelta(hours=14)) is None  # same day
    # The next morning but under 20 hours: still skipped; the day after: made.
    assert service.automatic_backup(db_path, now=T0 + timedelta(hours=19)) is None
    second = service.automatic_backup(db_path, now=T0 + timedelta(hours=21))
    assert second is not None and second != first
    entries = service.list_restorable(db_path)
    assert [entry.path for entry in entries] == [second, first]
    assert all(entry.verified and entry.kind == "auto" for entry in entries)


def test_rotation_keeps_the_last_automatic_ones_and_every_manual_one(
    db_path: Path, service: BackupService
) -> None:
    manual = [service.backup_now(db_path, now=T0 - timedelta(days=30 - i)) for i in range(3)]
    migration = create_backup(db_path, reason="avant-migration-0001", now=T0 - timedelta(days=40))
    made = [service.automatic_backup(db_path, now=T0 + timedelta(days=i), keep=3) for i in range(5)]
    assert all(path is not None for path in made)
    left = {info.path for info in list_backups(backups_dir(db_path))}
    assert left == {*manual, migration, *made[2:]}  # type: ignore[arg-type]


def test_a_damaged_backup_is_listed_as_not_restorable_and_refused(
    db_path: Path, service: BackupService
) -> None:
    _create_pole(db_path, "Pôle Sud")
    good = service.automatic_backup(db_path, now=T0)
    bad = service.backup_now(db_path, now=T0 + timedelta(hours=1))
    assert good is not None
    damage(bad)
    entries = {entry.path: entry for entry in service.list_restorable(db_path)}
    assert entries[good].verified and entries[good].problem is None
    assert not entries[bad].verified
    assert "endommagée" in (entries[bad].problem or "")
    assert service.newest_verified(db_path).path == good  # type: ignore[union-attr]

    before = db_path.read_bytes()
    with pytest.raises(PtceError) as caught:
        service.restore(db_path, bad)
    assert caught.value.code == "backup_damaged"
    assert "ne peut pas être restaurée" in caught.value.message("fr")
    assert db_path.read_bytes() == before  # refused before anything was touched


def test_foreign_missing_and_self_backups_are_refused(
    db_path: Path, tmp_path: Path, service: BackupService
) -> None:
    foreign = tmp_path / "autre.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    codes = []
    for candidate in (foreign, tmp_path / "absente.sqlite3", db_path):
        with pytest.raises(PtceError) as caught:
            service.restore(db_path, candidate)
        codes.append(caught.value.code)
    assert codes == ["backup_foreign", "backup_not_found", "restore_onto_itself"]


def test_restore_keeps_the_current_file_and_brings_back_the_data(
    db_path: Path, service: BackupService
) -> None:
    _create_pole(db_path, "Pôle d'avant")
    backup = service.backup_now(db_path, now=T0)
    _rename_pole(db_path, "Pôle d'après")

    kept = service.restore(db_path, backup)
    assert kept is not None and kept.parent == backups_dir(db_path)
    assert kind_of(service.list_restorable(db_path)[0].reason) == "before_restore"
    assert _pole_name(db_path) == "Pôle d'avant"
    assert _pole_name(kept) == "Pôle d'après"  # the replaced file is still there


def test_a_damaged_current_file_is_kept_raw(db_path: Path, service: BackupService) -> None:
    _create_pole(db_path, "Pôle sain")
    backup = service.backup_now(db_path, now=T0)
    db_path.write_bytes(b"")  # a zero-byte file, as after a crash on some disks
    kept = service.restore(db_path, backup)
    assert kept is not None and kept.exists() and kept.stat().st_size == 0
    assert "brut" in kept.name
    assert _pole_name(db_path) == "Pôle sain"


def test_restoring_the_oldest_kept_copy_survives_its_rotation(
    db_path: Path, service: BackupService
) -> None:
    _create_pole(db_path, "Pôle 0")
    folder = backups_dir(db_path)
    kept_copies = [
        create_backup(db_path, reason="avant-restauration", now=T0 + timedelta(minutes=i))
        for i in range(10)
    ]
    _rename_pole(db_path, "Pôle actuel")
    service.restore(db_path, kept_copies[0])  # keeping the current one rotates this one away
    assert _pole_name(db_path) == "Pôle 0"
    assert not kept_copies[0].exists() and len(list_backups(folder)) == 10


def test_format_size() -> None:
    assert format_size(512) == "512 o"
    assert format_size(1_234_567) == "1,2 Mo"
    assert format_size(1_234_567, "en") == "1.2 MB"
    assert format_size(250_000) == "250 Ko"
