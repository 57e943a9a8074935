"""One writer per file, a killed writer, a stale lock (§5, items 23–25)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.paths import lock_path
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.compat import pin_singletons
from ptce_desktop.ui.shell.context import open_context

pin_singletons()  # PySide6 6.12 on Python 3.11 (see ptce_desktop/ui/compat.py)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_pole(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        PoleService(UnitOfWork(database)).create_pole("Pôle Sud & Drôme <test> — l'€")
    finally:
        database.close()


def test_item23_second_instance_is_told_deja_ouvert_and_writes_nothing(
    qapp: QApplication, db_path: Path
) -> None:
    _with_pole(db_path)
    before = _digest(db_path)
    first = open_context(db_path)  # the first window
    try:
        with pytest.raises(PtceError) as caught:
            open_context(db_path)  # the second window or process on the same file
        assert caught.value.code == "file_locked"
        message = caught.value.message("fr")
        assert "déjà ouvert" in message and f"pid {os.getpid()}" in message
        # What the window then offers: the same file read-only, where every write is refused.
        reader = open_context(db_path, read_only=True)
        try:
            assert reader.read_only and reader.pole_name() == "Pôle Sud & Drôme <test> — l'€"
            with pytest.raises(PtceError) as refused:
                reader.members.create(MemberDraft(name="Intrus & <co>"))
            assert refused.value.code == "read_only"
        finally:
            reader.close()
    finally:
        first.close()
    assert _digest(db_path) == before
    assert not lock_path(db_path).with_name(lock_path(db_path).name + ".info").exists()


WRITER = textwrap.dedent(
    """
    import sys
    from ptce_desktop.services.members.members import MemberDraft, MemberService
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.lock import DatabaseLock
    from ptce_desktop.store.unit_of_work import UnitOfWork

    DatabaseLock(sys.argv[1], program="test-writer").acquire()
    members = MemberService(UnitOfWork(open_database(sys.argv[1])))
    number = 0
    while True:
        number += 1
        members.create(MemberDraft(name=f"Membre n° {number} & <co> l'€"))
        print(number, flush=True)  # after the commit
    """
)


def test_item24_killed_during_a_save_loop_reopens_intact_with_the_last_commit(
    db_path: Path,
) -> None:
    _with_pole(db_path)
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    last = 0
    try:
        while last < 25:
            line = process.stdout.readline()
            assert line, "the writer stopped on its own"
            last = int(line)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    for line in process.stdout.read().split():  # commits printed before the kill
        last = int(line)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    # The WAL the dead process left is part of the file: reopening replays it.
    database = open_database(db_path)  # quick_check at open
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            names = set(connection.exec_driver_sql("SELECT name FROM members").scalars())
    finally:
        database.close()
    assert f"Membre n° {last} & <co> l'€" in names  # the last commit it reported
    assert last <= len(names) <= last + 1  # at most one more, committed just before the kill
    assert {f"Membre n° {n} & <co> l'€" for n in range(1, last + 1)} <= names
    with DatabaseLock(db_path):  # the dead writer's lock went with it
        pass


def test_item25_stale_lock_file_from_a_crashed_run_does_not_block_the_start(
    qapp: QApplication, db_path: Path
) -> None:
    _with_pole(db_path)
    stale = lock_path(db_path)
    stale.write_text("", encoding="utf-8")
    info = stale.with_name(stale.name + ".info")
    info.write_text(
        json.dumps({"host": "ancien-poste", "pid": 999_999, "program": "ptce-desktop"}),
        encoding="utf-8",
    )
    context = open_context(db_path)
    try:
        assert not context.read_only
        assert context.pole_name() == "Pôle Sud & Drôme <test> — l'€"
        context.members.create(MemberDraft(name="Après le plantage & <co>"))
        assert json.loads(info.read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        context.close()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT name FROM members").fetchall() == [
            ("Après le plantage & <co>",)
        ]
    finally:
        connection.close()
