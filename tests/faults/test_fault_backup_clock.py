"""Backups that survive a wrong clock (issue 12, item 4), and a second backup folder.

Before: one backup dated in the future stopped automatic backups for good; with the clock
behind, a new manual backup was rotated away by its own rotation while reported « vérifiée ».
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ptce_desktop.services.pole.backups import AUTO, MANUAL, BackupService
from ptce_desktop.store.backup import create_backup, list_backups
from ptce_desktop.store.paths import backups_dir

NOW = datetime(2026, 12, 6, 10, 30)
NAME = "Pôle « Sud » & Drôme <test> — l'€"


@pytest.fixture
def pole(db_path: Path) -> Path:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute(
            "INSERT INTO members (name, category, qpv) VALUES (?, 'other', 0)", (NAME,)
        )
        connection.commit()
    finally:
        connection.close()
    return db_path


def test_a_future_dated_backup_never_stops_the_daily_one(pole: Path) -> None:
    service = BackupService()
    future = create_backup(pole, reason=AUTO, now=NOW + timedelta(days=400))  # clock was ahead
    made = service.automatic_backup(pole, now=NOW)
    assert made is not None and made.exists() and future.exists()
    assert service.automatic_backup(pole, now=NOW + timedelta(hours=1)) is None  # once a day
    tomorrow = service.automatic_backup(pole, now=NOW + timedelta(days=1))
    assert tomorrow is not None
    newest = list_backups(backups_dir(pole))[0]
    assert newest.path == tomorrow  # the last written comes first, not the one « in 2028 »


def test_with_the_clock_behind_a_new_backup_is_kept_and_comes_first(pole: Path) -> None:
    service = BackupService()
    for day in range(10):  # a full rotation of manual backups, at the right time
        service.backup_now(pole, now=NOW + timedelta(days=day))
    behind = NOW - timedelta(days=3 * 365)  # the clock is now three years late
    made = service.backup_now(pole, now=behind)
    assert made.exists(), "the backup just written was rotated away"
    manual = [info for info in list_backups(backups_dir(pole)) if info.reason == MANUAL]
    assert len(manual) == 10 and manual[0].path == made
    assert [info.order for info in manual] == sorted((info.order for info in manual), reverse=True)
    newest = service.newest_verified(pole)
    assert newest is not None and newest.path == made and newest.verified
    assert service.newest_verified_date(pole) == behind.replace(microsecond=0)

    auto_behind = service.automatic_backup(pole, now=behind)
    assert auto_behind is not None and auto_behind.exists()


def test_rotation_removes_the_oldest_written_whatever_their_names_say(pole: Path) -> None:
    dates = [NOW + timedelta(days=offset) for offset in (5, -100, 30, -2, 0)]
    made = [create_backup(pole, reason=AUTO, keep=3, now=when) for when in dates]
    left = {info.path for info in list_backups(backups_dir(pole))}
    assert left == set(made[-3:])
    assert not any(path.with_name(path.name + ".json").exists() for path in made[:2])


def test_a_second_backup_folder_gets_a_copy_and_its_absence_fails_nothing(
    pole: Path, tmp_path: Path
) -> None:
    service = BackupService()
    assert service.newest_verified_date(pole) is None
    usb = tmp_path / "clé USB « Été » & co"
    usb.mkdir()
    service.set_second_folder(pole, usb)
    assert service.second_folder(pole) == usb
    made = service.backup_now(pole, now=NOW)
    copies = list_backups(usb / backups_dir(pole).name)
    assert [info.reason for info in copies] == [MANUAL] and service.second_folder_error is None
    assert copies[0].path.name == made.name

    usb.rename(tmp_path / "débranchée")
    again = service.automatic_backup(pole, now=NOW + timedelta(days=1))
    assert again is not None and again.exists()
    assert service.second_folder_error is not None
    assert "introuvable" in service.second_folder_error.message("fr")
    with pytest.raises(Exception, match="already holds"):
        service.set_second_folder(pole, backups_dir(pole))
    service.set_second_folder(pole, None)
    assert service.second_folder(pole) is None


def test_cli_sets_a_second_folder_and_a_missing_one_is_said_not_fatal(
    pole: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ptce_desktop.app import main

    usb = tmp_path / "clé « USB » & co"
    usb.mkdir()
    assert main(["--db", str(pole), "backup", "--second-folder", str(usb)]) == 0
    out = capsys.readouterr().out
    assert f"Second dossier de sauvegarde : {usb}" in out
    assert f"Copie dans le second dossier : {usb}" in out
    assert len(list_backups(usb / backups_dir(pole).name)) == 1

    usb.rename(tmp_path / "débranchée")
    assert main(["--db", str(pole), "backup"]) == 0
    out = capsys.readouterr().out
    assert "Sauvegarde vérifiée" in out and "Attention" in out and "introuvable" in out
    assert main(["--db", str(pole), "backup", "--no-second-folder"]) == 0
    assert "oublié" in capsys.readouterr().out
    assert BackupService().second_folder(pole) is None
