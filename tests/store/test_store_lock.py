"""One writer per file: a second process is refused; a killed holder frees the lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.lock import DatabaseLock

HOLDER = """
import sys, time
from ptce_desktop.store.lock import DatabaseLock
lock = DatabaseLock(sys.argv[1], program="test-holder")
lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    db_path = tmp_path / "dossier « é & ' »" / "ptce.sqlite3"
    db_path.parent.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        yield process, db_path
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def test_second_process_is_refused_then_free_after_kill_9(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    process, db_path = holder
    lock = DatabaseLock(db_path)
    with pytest.raises(PtceError) as caught:
        lock.acquire()
    assert caught.value.code == "file_locked"
    assert caught.value.values["owner"].endswith(f"pid {process.pid}")
    assert caught.value.values["path"] == str(db_path)
    assert "déjà ouvert" in caught.value.message("fr")
    info = json.loads(lock.info_path.read_text(encoding="utf-8"))
    assert info["pid"] == process.pid and info["program"] == "test-holder"
    assert {"host", "started_at"} <= set(info)

    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    lock.acquire()  # the OS released the dead holder's lock; the stale sidecar is replaced
    try:
        assert lock.is_held
        assert lock.read_info() is not None
        assert lock.read_info()["pid"] == os.getpid()  # type: ignore[index]
    finally:
        lock.release()


def test_lock_is_a_context_manager(tmp_path: Path) -> None:
    db_path = tmp_path / "ptce.sqlite3"
    with DatabaseLock(db_path) as lock:
        assert lock.is_held
        assert lock.info_path.exists()
        with pytest.raises(PtceError, match="already open"):
            DatabaseLock(db_path).acquire()
    assert not lock.is_held
    assert not lock.info_path.exists()
    with DatabaseLock(db_path) as again:
        assert again.is_held


def test_acquire_twice_on_the_same_object_is_harmless(tmp_path: Path) -> None:
    lock = DatabaseLock(tmp_path / "ptce.sqlite3")
    lock.acquire()
    lock.acquire()
    lock.release()
    assert not lock.is_held
    lock.release()
