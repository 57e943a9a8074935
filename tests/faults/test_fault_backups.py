"""Backups that cannot be written, backups damaged later, and a copy saved onto the live
file (§5, items 33, 34 and 38)."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ptce_desktop.app import main
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import backup as backup_module
from ptce_desktop.store.backup import create_backup, list_backups, restore, verify_backup
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import backups_dir
from ptce_desktop.store.unit_of_work import UnitOfWork

NAME = "Dupont & Fils <SARL> — l'€"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_member(db_path: Path, name: str = NAME) -> None:
    from ptce_desktop.services.members.members import MemberDraft, MemberService
    from ptce_desktop.services.pole.pole import PoleService

    database = open_database(db_path)
    try:
        uow = UnitOfWork(database)
        if PoleService(uow).get() is None:
            PoleService(uow).create_pole("Pôle Sud & Drôme <test>")
        MemberService(uow).create(MemberDraft(name=name))
    finally:
        database.close()


def _members(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM members ORDER BY id")]
    finally:
        connection.close()


def _unwritable_folder(tmp_path: Path) -> Path:
    """A backup folder the process cannot write into (a read-only folder; as root, where
    chmod does not stop anything, a folder path under a regular file)."""
    if os.geteuid() == 0:
        blocker = tmp_path / "un fichier, pas un dossier"
        blocker.write_text("x", encoding="utf-8")
        return blocker / "sauvegardes"
    folder = tmp_path / "lecture seule"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_item33_read_only_backup_folder_french_error_nothing_lost(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_member(db_path)
    earlier = create_backup(db_path, reason="quotidienne")
    before = _digest(earlier)
    folder = _unwritable_folder(tmp_path)
    try:
        with pytest.raises(PtceError) as caught:
            create_backup(db_path, reason="manuelle", directory=folder)
        assert caught.value.code == "backup_failed"
        message = caught.value.message("fr")
        assert "La sauvegarde n'a pas pu être écrite" in message
        assert "sauvegardes précédentes sont intactes" in message
        # The command line gives the same French sentence, no traceback, exit status 2.
        assert main(["--db", str(db_path), "backup", "--out", str(folder)]) == 2
        err = capsys.readouterr().err
        assert "La sauvegarde n'a pas pu être écrite" in err and "Traceback" not in err
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    assert [info.path for info in list_backups(backups_dir(db_path))] == [earlier]
    assert _digest(earlier) == before
    assert _members(db_path) == [NAME]


def test_item33_disk_full_while_writing_keeps_previous_backups(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_member(db_path)
    earlier = create_backup(db_path, reason="quotidienne")

    def disk_full(_path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup_module, "sync_file", disk_full)
    with pytest.raises(PtceError) as caught:
        create_backup(db_path, reason="quotidienne", keep=1)
    assert caught.value.code == "backup_failed"
    assert os.strerror(errno.ENOSPC) in caught.value.message("fr")
    folder = backups_dir(db_path)
    assert [info.path for info in list_backups(folder)] == [earlier]  # not rotated away
    assert not list(folder.glob("*.tmp"))  # the half-written copy is gone
    verify_backup(earlier)


def test_item34_backup_damaged_after_creation_fails_verification_and_restore(
    db_path: Path,
) -> None:
    _add_member(db_path)
    good = create_backup(db_path, reason="quotidienne")
    _add_member(db_path, "Deuxième membre & <co>")
    damaged = create_backup(db_path, reason="quotidienne")
    data = bytearray(damaged.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xa5" * page  # a b-tree page overwritten on the disk
    damaged.write_bytes(bytes(data))

    with pytest.raises(PtceError) as caught:
        verify_backup(damaged)
    assert caught.value.code == "integrity_failed"
    assert "est endommagé" in caught.value.message("fr")
    before = _digest(db_path)
    with pytest.raises(PtceError):
        restore(damaged, db_path)
    assert _digest(db_path) == before  # checked before the current file is touched
    assert {info.path for info in list_backups(backups_dir(db_path))} == {good, damaged}
    # The older, sound backup still restores.
    verify_backup(good)
    restore(good, db_path)
    assert _members(db_path) == [NAME]


def test_item38_save_a_copy_into_the_live_files_folder_never_overwrites_it(
    db_path: Path,
) -> None:
    """Sauvegarder une copie… (Shell.save_copy) with the live file's own folder."""
    _add_member(db_path)
    database = open_database(db_path)  # the file is open in the window
    try:
        copy = create_backup(db_path, reason="copie", directory=db_path.parent, keep=1000)
    finally:
        database.close()
    assert copy != db_path and copy.parent == db_path.parent
    assert _members(copy) == _members(db_path) == [NAME]


def test_item38_a_live_file_named_like_a_copy_is_never_rotated_away(tmp_path: Path) -> None:
    """The working file is itself a former copy (opened from its folder); new copies and
    their rotation in that same folder must never delete or overwrite it."""
    live = tmp_path / "ptce-20240101-120000-copie.sqlite3"
    open_database(live).close()
    _add_member(live)
    before = _members(live)
    copies = [create_backup(live, reason="copie", directory=tmp_path, keep=2) for _ in range(3)]
    assert live.is_file() and live not in copies
    assert _members(live) == before
    assert live in {info.path for info in list_backups(tmp_path)}
    assert sum(1 for info in list_backups(tmp_path) if info.path != live) == 2


def test_item38_the_live_file_chosen_as_the_copy_folder_is_refused(db_path: Path) -> None:
    _add_member(db_path)
    before = _digest(db_path)
    with pytest.raises(PtceError) as caught:
        create_backup(db_path, reason="copie", directory=db_path, keep=1000)
    assert caught.value.code == "backup_failed"
    assert _digest(db_path) == before
