"""One writer per database file: an OS-level lock (``filelock``), Qt-free.

The lock is ``<db>.lock`` held with ``flock``/``LockFileEx``, so the operating system releases
it when the holder dies, even on ``kill -9``: a stale lock file never blocks the next start. A
sidecar ``<db>.lock.info`` (JSON: host, pid, started at, program) says who holds it, so the
refusal can name the other program.

The lock is only worth something while ``<db>.lock`` is still the file we locked: a cleaning
tool or a sync client may delete it, and the next program would lock a new file at the same
path. :meth:`DatabaseLock.verify` (called by the unit of work before every write transaction,
and periodically by the window) compares the identity (device, inode) of the file we hold
with what is at the path now, and raises ``PtceError("lock_lost")`` when it is gone or another
file. That check does not stop a second program from starting; SQLite's own locks do
(:func:`~.engine.sole_user`): every program that has the file open holds a shared lock on it.

Programs do not take it themselves: :func:`~.opening.open_pole_file` (the one door to a pole
file) takes it before opening for writing, and :func:`~.opening.lock_pole_file` when a file is
to be replaced without being opened (a restore).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.paths import lock_path


class DatabaseLock:
    """``with DatabaseLock(db_path):`` — raises ``PtceError("file_locked")`` if held elsewhere."""

    def __init__(self, db_path: Path | str, *, program: str = "ptce-desktop") -> None:
        self.db_path = Path(db_path)
        self.lock_path = lock_path(self.db_path)
        self.info_path = self.lock_path.with_name(self.lock_path.name + ".info")
        self.program = program
        self._lock = FileLock(str(self.lock_path), timeout=0, thread_local=False)
        #: (device, inode) of the lock file we hold, taken right after acquiring it.
        self._identity: tuple[int, int] | None = None

    @property
    def is_held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock now or raise ``PtceError("file_locked", path=..., owner=...)``
        (``lock_unavailable`` when the lock file cannot be made or opened)."""
        if self._lock.is_locked:
            return
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=0)
        except Timeout:
            raise PtceError(
                "file_locked", path=str(self.db_path), owner=self.owner_text()
            ) from None
        except OSError as error:  # a read-only folder, a lock file that is not ours
            raise PtceError(
                "lock_unavailable",
                path=str(self.db_path),
                lock=str(self.lock_path),
                detail=error.strerror or str(error),
            ) from error
        self._identity = self._held_identity()
        with contextlib.suppress(OSError):  # the sidecar only names the holder
            self._write_info()

    def verify(self) -> None:
        """Raise ``PtceError("lock_lost")`` unless the lock file at the path is the one we hold.

        Nothing happens when the lock is not held (a read-only open holds none).
        """
        if not self._lock.is_locked:
            return
        held = self._held_identity() or self._identity
        try:
            found = os.stat(self.lock_path)
        except OSError:
            raise PtceError("lock_lost", path=str(self.db_path)) from None
        if held is not None and (found.st_dev, found.st_ino) != held:
            raise PtceError("lock_lost", path=str(self.db_path))

    def _held_identity(self) -> tuple[int, int] | None:
        """(device, inode) of the open lock file, from its descriptor when filelock says it."""
        fd = getattr(getattr(self._lock, "_context", None), "lock_file_fd", None)
        try:
            info = os.fstat(fd) if isinstance(fd, int) else os.stat(self.lock_path)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        try:
            if self._still_ours():  # never remove the sidecar of a program that took over
                self.info_path.unlink(missing_ok=True)
        finally:
            self._identity = None
            self._lock.release(force=True)

    def _still_ours(self) -> bool:
        try:
            self.verify()
        except PtceError:
            return False
        return True

    def read_info(self) -> dict[str, Any] | None:
        """The sidecar of the current (or last) holder, if readable."""
        try:
            data = json.loads(self.info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def owner_text(self) -> str:
        """ "host pid N" of the holder, as far as the sidecar says."""
        info = self.read_info()
        if not info:
            return "?"
        return f"{info.get('host', '?')} pid {info.get('pid', '?')}"

    def _write_info(self) -> None:
        info = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "program": self.program,
            "argv0": sys.argv[0] if sys.argv else "",
        }
        temporary = self.info_path.with_name(self.info_path.name + ".tmp")
        temporary.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.info_path)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
