"""A backup is copied first and verified after (issue 18 item 7): « vérifiée » only once it is."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.store.backup import (
    confirm_backup,
    create_backup,
    list_backups,
    metadata_beside,
)
from ptce_desktop.store.database import Database
from ptce_desktop.store.models import Member
from ptce_desktop.store.unit_of_work import UnitOfWork

NAME = "Coopérative « L'Été » & <Fils> — 1 234,56 € " + "très long nom " * 8


def _add_member(db: Database) -> None:
    with UnitOfWork(db).write("Créer un membre") as session:
        session.add(Member(name=NAME, category="ess_enterprise"))


def _sidecar(backup: Path) -> dict[str, object]:
    data = json.loads(metadata_beside(backup).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _damage(backup: Path) -> None:
    data = bytearray(backup.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):
        data[offset : offset + 32] = b"\x00\xff" * 16
    backup.write_bytes(bytes(data))


def test_an_unverified_copy_is_marked_so_until_confirmed(db: Database) -> None:
    _add_member(db)
    copy = create_backup(db.path, reason="manuelle", verify=False)
    assert copy.is_file() and _sidecar(copy)["verified"] is False
    [info] = list_backups(db.backups_dir)
    assert info.verified is False
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT name FROM members").fetchall() == [(NAME,)]
    finally:
        connection.close()
    assert confirm_backup(copy) == copy
    assert _sidecar(copy)["verified"] is True
    assert list_backups(db.backups_dir)[0].verified is True


def test_a_verified_backup_is_marked_verified(db: Database) -> None:
    backup = create_backup(db.path, reason="manuelle")
    assert _sidecar(backup)["verified"] is True


def test_a_copy_failing_its_check_is_removed_and_never_rotates_good_ones(db: Database) -> None:
    good = [create_backup(db.path, reason="auto", keep=2) for _ in range(2)]
    copy = create_backup(db.path, reason="auto", keep=2, verify=False)
    # Nothing rotated before the copy is checked: the two verified ones are still there.
    assert {info.path for info in list_backups(db.backups_dir)} == {*good, copy}
    _damage(copy)
    with pytest.raises(PtceError) as caught:
        confirm_backup(copy, keep=2)
    assert caught.value.code == "integrity_failed"
    assert not copy.exists() and not metadata_beside(copy).exists()
    assert {info.path for info in list_backups(db.backups_dir)} == set(good)


def test_confirming_rotates_among_the_same_reason(db: Database) -> None:
    made = [create_backup(db.path, reason="auto", keep=2) for _ in range(2)]
    other = create_backup(db.path, reason="manuelle")
    copy = create_backup(db.path, reason="auto", keep=2, verify=False)
    confirm_backup(copy, keep=2, protect=db.path)
    assert {info.path for info in list_backups(db.backups_dir)} == {made[-1], copy, other}


def test_the_service_copies_then_confirms(db: Database) -> None:
    service = BackupService()
    copy = service.automatic_backup(db.path, now=datetime(2025, 3, 14, 9, 5), verify=False)
    assert copy is not None and _sidecar(copy)["verified"] is False
    service.confirm(db.path, copy)
    assert _sidecar(copy)["verified"] is True
    [entry] = service.list_restorable(db.path)
    assert entry.path == copy and entry.verified
    manual = service.backup_now(db.path, now=datetime(2025, 3, 14, 10, 0))
    assert _sidecar(manual)["verified"] is True


def test_an_old_sidecar_without_the_mark_counts_as_verified(db: Database) -> None:
    backup = create_backup(db.path, reason="manuelle")
    metadata_beside(backup).write_text(
        json.dumps({"order": 1, "clock": "2025-03-14T09:05:00", "reason": "manuelle"}),
        encoding="utf-8",
    )
    assert list_backups(db.backups_dir)[0].verified is True
    metadata_beside(backup).unlink()
    assert list_backups(db.backups_dir)[0].verified is None
