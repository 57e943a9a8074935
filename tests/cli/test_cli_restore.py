"""``ptce-desktop restore`` and ``backup --list``: French lines, the lock, refusals."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from ptce_desktop.app import main
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.store.backup import list_backups
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.paths import backups_dir

PAGE = 4096


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stamp(db_path: Path, value: str) -> None:
    """A mark in the file to tell versions apart (a table of our own would not be ours)."""
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {int(value)}")
    connection.close()


def _mark(db_path: Path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[2 * PAGE : 3 * PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


def test_restore_keeps_the_current_file_and_says_where(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _stamp(db_path, "1")
    backup = BackupService().backup_now(db_path, now=datetime(2025, 3, 14, 9, 5))
    _stamp(db_path, "2")
    code, out, err = run(capsys, "restore", "--db", str(db_path), str(backup))
    assert code == 0, err
    assert err == ""
    assert f"Sauvegarde restaurée : {backup} → {db_path}" in out
    kept = [i.path for i in list_backups(backups_dir(db_path)) if i.reason == "avant-restauration"]
    assert len(kept) == 1 and f"Le fichier précédent est conservé : {kept[0]}" in out
    assert _mark(db_path) == 1 and _mark(kept[0]) == 2


def test_restore_refuses_a_damaged_backup(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = BackupService().backup_now(db_path)
    _damage(backup)
    before = db_path.read_bytes()
    code, out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "est endommagée" in err and "ne peut pas être restaurée" in err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        ("missing", "est introuvable"),
        ("foreign", "n'est pas une sauvegarde PTCE Desktop"),
        ("self", "est le fichier ouvert lui-même"),
    ],
)
def test_restore_refusals_are_one_french_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str, expected: str
) -> None:
    candidate = {"missing": tmp_path / "absente.sqlite3", "self": db_path}.get(make)
    if candidate is None:
        candidate = tmp_path / "notes.txt"
        candidate.write_text("pas une base", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(db_path), "restore", str(candidate))
    assert code == 2 and err.startswith("ptce-desktop : ") and err.count("\n") == 1
    assert expected in err


def test_restore_takes_the_lock(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = BackupService().backup_now(db_path)
    with DatabaseLock(db_path):
        code, _out, err = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 2 and "déjà ouvert par un autre programme" in err
    assert len(list_backups(backups_dir(db_path))) == 1  # nothing kept: nothing was done


def test_restore_refuses_read_only(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = BackupService().backup_now(db_path)
    code, _out, err = run(capsys, "--db", str(db_path), "--read-only", "restore", str(backup))
    assert code == 2 and "lecture seule" in err


def test_backup_list_shows_the_state_of_each_backup(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = BackupService()
    service.automatic_backup(db_path, now=datetime(2025, 3, 13, 8, 0))
    service.backup_now(db_path, now=datetime(2025, 3, 14, 9, 5))
    _damage(service.backup_now(db_path, now=datetime(2025, 3, 15, 16, 40)))
    code, out, err = run(capsys, "--db", str(db_path), "backup", "--list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"Sauvegardes de {db_path.name} dans ")
    assert "15/03/2025 16:40  manuelle" in lines[1] and "NON RESTAURABLE" in lines[1]
    assert "est endommagée" in lines[2]
    assert "14/03/2025 09:05  manuelle" in lines[3] and "vérifiée" in lines[3]
    assert "13/03/2025 08:00  automatique" in lines[4] and "vérifiée" in lines[4]
    assert lines[-1] == "3 sauvegardes, dont 1 endommagée."


def test_backup_list_without_backups(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(db_path), "backup", "--list")
    assert code == 0 and out.startswith("Aucune sauvegarde dans ")
    # A folder given with --out is listed instead (e.g. copies on a USB key).
    folder = tmp_path / "clé"
    code, out, err = run(capsys, "--db", str(db_path), "backup", "--out", str(folder))
    assert code == 0, err
    code, out, _err = run(capsys, "--db", str(db_path), "backup", "--list", "--out", str(folder))
    assert code == 0 and "1 sauvegarde, vérifiée." in out
