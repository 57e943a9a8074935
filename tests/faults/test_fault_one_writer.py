"""One writer, for real (issue 12, item 1): the lock file deleted or replaced under a writer.

Before: a second writer took a new lock at the same path and ``restore`` replaced the file under
the running program, which went on « saving » into a file no longer at that path.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.backup import create_backup
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.opening import open_pole_file
from ptce_desktop.store.paths import lock_path

CLI = "import sys; from ptce_desktop.app import main; sys.exit(main())"
NAMES = ["Régie « Côté Cour » & Fils", "L'Atelier <vélo> à 5 €", "Coopérative " + "très " * 30]

SECOND_WRITER = textwrap.dedent(
    """
    import sys
    from ptce_desktop.domain.errors import PtceError
    from ptce_desktop.store.opening import open_pole_file
    try:
        with open_pole_file(sys.argv[1], sole=True, program="second writer") as pole:
            print("OPENED", flush=True)
    except PtceError as error:
        print(error.code, flush=True)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys
    from ptce_desktop.store.opening import open_pole_file
    pole = open_pole_file(sys.argv[1], program="first window")
    print("open", flush=True)
    sys.stdin.readline()
    pole.close()
    """
)


def _members(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM members ORDER BY id")]
    finally:
        connection.close()


def _pole(path: Path) -> None:
    with open_pole_file(path) as pole:
        PoleService(pole.uow).create_pole("Pôle Sud & Drôme <test> — l'€")
        MemberService(pole.uow).create(MemberDraft(name=NAMES[0]))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lock_deleted_then_a_second_writer_is_refused_and_the_first_stops_writing(
    db_path: Path, tmp_path: Path
) -> None:
    _pole(db_path)
    pole = open_pole_file(db_path, program="the window")
    try:
        MemberService(pole.uow).create(MemberDraft(name=NAMES[1]))
        lock_path(db_path).unlink()  # a cleaning tool, a sync client

        second = subprocess.run(
            [sys.executable, "-c", SECOND_WRITER, str(db_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.stdout.strip() == "file_in_use", second.stdout + second.stderr

        with pytest.raises(PtceError) as caught:
            MemberService(pole.uow).create(MemberDraft(name=NAMES[2]))
        assert caught.value.code == "lock_lost"
        assert "n'enregistre plus rien" in caught.value.message("fr")
        assert pole.lost is not None and pole.check_still_ours() is pole.lost
        lock_path(db_path).touch()  # even if the path comes back, this program stays stopped
        with pytest.raises(PtceError, match="no longer saves"):
            MemberService(pole.uow).create(MemberDraft(name=NAMES[2]))

        copy = pole.save_copy(tmp_path / "copie « sauvée » & co.sqlite3")
        assert _members(copy) == NAMES[:2]
    finally:
        pole.close()
    assert _members(db_path) == NAMES[:2]  # nothing written after the lock was lost


def test_lock_replaced_by_another_program_is_detected_and_its_sidecar_left_alone(
    db_path: Path,
) -> None:
    _pole(db_path)
    pole = open_pole_file(db_path)
    lock_path(db_path).unlink()
    other = DatabaseLock(db_path, program="autre programme")
    other.acquire()  # a program that does not know about SQLite's lock: it gets a new file
    try:
        with pytest.raises(PtceError) as caught:
            MemberService(pole.uow).create(MemberDraft(name=NAMES[1]))
        assert caught.value.code == "lock_lost"
        pole.close()
        assert other.read_info() is not None  # our release did not remove the other's sidecar
        assert other.read_info()["program"] == "autre programme"  # type: ignore[index]
    finally:
        other.release()
        pole.close()


def test_restore_and_cli_writers_refused_while_another_process_has_the_file_open(
    db_path: Path,
) -> None:
    _pole(db_path)
    backup = create_backup(db_path, reason="manuelle")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "open"
        lock_path(db_path).unlink()  # whatever the state of the lock file
        before = db_path.stat().st_ino

        restored = _cli("--db", str(db_path), "restore", str(backup))
        assert restored.returncode == 2
        assert "est ouvert par un autre programme" in restored.stderr
        assert db_path.stat().st_ino == before  # not replaced

        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
        restored = _cli("--db", str(db_path), "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert db_path.stat().st_ino != before
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)


def test_file_replaced_under_the_program_stops_its_writes(db_path: Path, tmp_path: Path) -> None:
    _pole(db_path)
    other = tmp_path / "autre.sqlite3"
    other.write_bytes(db_path.read_bytes())
    pole = open_pole_file(db_path)
    try:
        os.replace(other, db_path)  # a tool that copies a file over it, ignoring every lock
        with pytest.raises(PtceError) as caught:
            MemberService(pole.uow).create(MemberDraft(name=NAMES[1]))
        assert caught.value.code == "file_replaced"
    finally:
        pole.close()
    assert _members(db_path) == NAMES[:1]


def test_sole_writer_open_is_refused_while_a_reader_has_the_file(db_path: Path) -> None:
    _pole(db_path)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER.replace('program="first window"', "read_only=True"),
            str(db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdin is not None
        assert reader.stdout.readline().strip() == "open"
        with pytest.raises(PtceError) as caught:
            open_pole_file(db_path, sole=True)
        assert caught.value.code == "file_in_use"
        assert _free_lock(db_path)  # refused cleanly: the lock was given back
        reader.stdin.write("\n")
        reader.stdin.flush()
        reader.wait(timeout=30)
        with open_pole_file(db_path, sole=True) as pole:
            MemberService(pole.uow).create(MemberDraft(name=NAMES[1]))
    finally:
        if reader.poll() is None:
            reader.kill()
        reader.wait(timeout=10)


def _free_lock(path: Path) -> bool:
    other = DatabaseLock(path)
    try:
        other.acquire()
    except PtceError:
        return False
    other.release()
    return True


def test_wal_journal_deleted_stops_writes_and_the_copy_keeps_its_commits(
    db_path: Path, tmp_path: Path
) -> None:
    _pole(db_path)
    pole = open_pole_file(db_path)
    try:
        MemberService(pole.uow).create(MemberDraft(name=NAMES[1]))  # only in the -wal so far
        db_path.with_name(db_path.name + "-wal").unlink()  # a cleaning tool: « *.sqlite3-wal »
        with pytest.raises(PtceError) as caught:
            MemberService(pole.uow).create(MemberDraft(name=NAMES[2]))
        assert caught.value.code == "journal_lost"
        assert "dernières modifications" in caught.value.message("fr")
        copy = pole.save_copy(tmp_path / "copie « journal » & co.sqlite3")
        assert _members(copy) == NAMES[:2]
    finally:
        pole.close()
