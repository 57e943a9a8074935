"""The dashboard's « À faire » reads the backups' marks, not their content (issue 18): the newest
backup its sidecar says verified counts, one not verified yet does not, and nothing is opened
to check it again (a full ``integrity_check`` of a 1.7 GB backup took 90 s at each showing)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from support.factories.calls import seed_pole

from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.services.pole.todo import BACKUP_NONE, BACKUP_OLD, TodoService
from ptce_desktop.store import backup as store_backup
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
T0 = dt.datetime(2025, 4, 20, 9, 30)


@pytest.fixture
def no_check(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every backup opened to be checked, listed (the « À faire » must open none)."""
    opened: list[Path] = []

    def verify(path: Path) -> None:
        opened.append(path)

    monkeypatch.setattr(store_backup, "verify_backup", verify)
    return opened


def test_the_newest_backup_marked_verified_counts_without_being_opened(
    uow: UnitOfWork, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pole(uow)
    service = BackupService()
    made = service.backup_now(db_path, now=T0)
    later = service.backup_now(db_path, now=T0 + dt.timedelta(days=1), verify=False)  # unchecked
    opened: list[Path] = []
    monkeypatch.setattr(store_backup, "verify_backup", opened.append)
    newest = service.newest_marked_verified(db_path)
    assert newest is not None and newest.path == made and later != made
    (old,) = TodoService(uow).items(db_path, today=D(2025, 4, 28))
    assert old.kind == BACKUP_OLD and old.date == D(2025, 4, 20)  # the verified one: 8 days
    assert opened == []


def test_a_sidecar_marked_not_verified_is_no_backup_and_none_without_sidecar_is_one(
    uow: UnitOfWork, db_path: Path, no_check: list[Path]
) -> None:
    seed_pole(uow)
    service = BackupService()
    todo = TodoService(uow)
    made = service.backup_now(db_path, now=T0, verify=False)
    sidecar = store_backup.metadata_beside(made)
    assert json.loads(sidecar.read_text(encoding="utf-8"))["verified"] is False
    assert service.newest_marked_verified(db_path) is None
    (none,) = todo.items(db_path, today=D(2025, 4, 21))
    assert none.kind == BACKUP_NONE
    sidecar.unlink()  # a backup of an earlier version: checked before it was named
    newest = service.newest_marked_verified(db_path)
    assert newest is not None and newest.path == made
    assert todo.items(db_path, today=D(2025, 4, 21)) == []
    assert no_check == []
