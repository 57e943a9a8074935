"""The one door to a pole file: lock, checks, migration, unit of work, read-only mode.

Every program that works on a pole file opens it here — the command-line verbs, the window's
file-opening code (``ui.shell.context.open_context``) and the backup actions (which close,
restore and reopen through the same door)::

    with open_pole_file(path, create=True) as pole:
        MemberService(pole.uow).create_member(...)

:func:`open_pole_file`, in this order:

1. refuses a missing file unless asked to create it (``file_not_found``), before any lock file
   is made beside it;
2. for writing, refuses a file or folder it cannot write (``file_read_only``,
   ``folder_read_only``: open it read-only), takes the one-writer lock (``file_locked`` names
   the other program, ``lock_unavailable`` when it cannot be made); a reader takes none, so
   a file open in a window can still be read; with ``sole=True`` (the command-line verbs that
   write) it also refuses a file another program has open (``file_in_use``, from SQLite's own
   locks: whatever became of the lock file);
3. recognises and checks the file (:func:`~.database.inspect_file`: ``foreign_file``,
   ``integrity_failed``, ``newer_schema``), backs it up (verified) before migrating it, then
   migrates it; a read-only open, or ``migrate=False``, refuses an outdated file
   (``schema_outdated``) rather than changing it;
4. builds the :class:`~.unit_of_work.UnitOfWork` on it.

``defer_check=True`` (the window, DESIGN §7) leaves the full-file quick check of step 3 out of
the open, so the window shows at once: the caller runs :meth:`OpenPole.check_integrity` off
the GUI thread; until it passes writes wait for it a moment then are refused
(``integrity_pending``), and after it failed they stay refused (``integrity_failed``).

Any failure gives the lock back. While open, every write transaction first checks that the
lock file is still the one held and the file at the path still the one opened; the first
failure (``lock_lost``, ``file_replaced``) is kept in :attr:`OpenPole.lost` and refuses every
later write: this program stops writing, and :meth:`OpenPole.save_copy` saves what it has to a
new file. The window also calls :meth:`OpenPole.check_still_ours` periodically.

:meth:`OpenPole.close` closes the database and releases the lock; :meth:`OpenPole.detach_lock`
keeps the lock across a close (a restore replaces the file with no other program slipping in,
then hands the lock back to :func:`open_pole_file`). A file that cannot be opened at all (a
restore over a damaged file) is locked with :func:`lock_pole_file`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.engine import file_writable, folder_writable, sole_user
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.unit_of_work import ChangeBus, UnitOfWork

log = logging.getLogger(__name__)

PROGRAM = "ptce-desktop"


class OpenPole:
    """A pole file opened by :func:`open_pole_file`: database, lock (when writing) and UoW."""

    def __init__(self, database: Database, uow: UnitOfWork, lock: DatabaseLock | None) -> None:
        self.database = database
        self.uow = uow
        self.lock = lock
        self.closed = False
        #: Why this program stopped writing (the lock or the file is no longer ours), or None.
        self.lost: PtceError | None = None
        database.write_guards.append(self._guard)

    def _guard(self) -> None:
        if self.lost is not None:
            raise self.lost
        if self.lock is not None:
            try:
                self.lock.verify()
            except PtceError as error:
                self._lose(error)
                raise

    def _lose(self, error: PtceError) -> None:
        if self.lost is None:
            log.error("stopped writing to %s: %s", self.path, error.message("en"))
            self.lost = error

    def check_still_ours(self) -> PtceError | None:
        """None while the lock and the file are still ours; else why (kept in :attr:`lost`)."""
        if self.closed or self.read_only:
            return None
        try:
            # Not the integrity check: a check running or failed does not make the file
            # someone else's.
            self.database.check_write(integrity=False)
        except PtceError as error:
            self._lose(error)
            return self.lost
        return None

    def check_integrity(self) -> PtceError | None:
        """Run the file's quick check if the open left it out (see ``defer_check``): None
        when the file is sound, else why (writes then stay refused). Safe in a worker."""
        integrity = self.database.integrity
        return integrity.run() if integrity is not None else None

    @property
    def integrity_pending(self) -> bool:
        """True while the quick check left out of the open has not finished."""
        integrity = self.database.integrity
        return integrity is not None and integrity.pending

    @property
    def integrity_error(self) -> PtceError | None:
        """Why the quick check failed (None: passed, or not finished)."""
        integrity = self.database.integrity
        return integrity.error if integrity is not None and integrity.done else None

    def save_copy(self, target: Path | str) -> Path:
        """Save what this program has open to the new file ``target`` (see
        :meth:`~.database.Database.save_copy`)."""
        return self.database.save_copy(Path(target))

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    @property
    def migrated_from(self) -> str | None:
        """The revision the file had before this open migrated it (None: not migrated)."""
        return self.database.migrated_from

    @property
    def pre_migration_backup(self) -> Path | None:
        """The verified copy taken before migrating (None: not migrated)."""
        return self.database.pre_migration_backup

    def detach_lock(self) -> DatabaseLock | None:
        """Hand the held lock to the caller: :meth:`close` will then leave it held."""
        lock, self.lock = self.lock, None
        return lock

    def close(self) -> None:
        """Close the database, then release the lock (idempotent)."""
        if self.closed:
            return
        self.closed = True
        try:
            self.database.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> OpenPole:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def lock_pole_file(path: Path | str, *, program: str = PROGRAM) -> DatabaseLock:
    """The one-writer lock of ``path``, taken (``file_locked`` if another program holds it).

    For replacing a file without opening it (a restore, perhaps over a damaged file); release
    it, or hand it to :func:`open_pole_file` (``lock=``) to reopen the file under it.
    """
    lock = DatabaseLock(_absolute(path), program=program)
    lock.acquire()
    return lock


def open_pole_file(
    path: Path | str,
    *,
    create: bool = False,
    read_only: bool = False,
    migrate: bool = True,
    lock: DatabaseLock | None = None,
    program: str = PROGRAM,
    bus: ChangeBus | None = None,
    backup_keep: int = 10,
    sole: bool = False,
    defer_check: bool = False,
) -> OpenPole:
    """Open the pole file ``path`` for work; raises ``PtceError`` with a catalogue text.

    ``create`` makes a new file when none exists (never read-only). ``lock`` is a lock of this
    file already held (from :meth:`OpenPole.detach_lock` or :func:`lock_pole_file`): the opened
    pole takes it over, and releases it if the opening fails. ``program`` names this program
    in the lock's sidecar; ``bus`` is where the unit of work publishes its changes. ``sole``
    (for writing) refuses a file another program has open (``file_in_use``). ``defer_check``
    leaves the full-file quick check to :meth:`OpenPole.check_integrity` (see above).
    """
    db_path = _absolute(path)
    try:
        if not db_path.exists() and (read_only or not create):
            raise PtceError("file_not_found", path=str(db_path))
        if lock is not None and lock.db_path.absolute() != db_path:
            raise ValueError(f"the lock of {lock.db_path} cannot open {db_path}")
        if not read_only:
            check_writable(db_path)
        if not read_only and lock is None:
            lock = lock_pole_file(db_path, program=program)
        if sole and not read_only:
            with sole_user(db_path):
                pass
        database = open_database(
            db_path,
            read_only=read_only,
            create=create,
            migrate=migrate,
            backup_keep=backup_keep,
            check=not defer_check,
        )
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if database.migrated_from is not None:
        log.info(
            "migrated %s from %s (copy kept: %s)",
            db_path,
            database.migrated_from,
            database.pre_migration_backup,
        )
    log.info("opened %s%s", db_path, " (read-only)" if read_only else "")
    return OpenPole(database, UnitOfWork(database, bus), None if read_only else lock)


def check_writable(path: Path) -> None:
    """Refuse to open ``path`` for writing when it cannot be written: ``file_read_only`` (the
    file's rights) or ``folder_read_only`` (its lock, SQLite's WAL and the backups go beside
    it). Both say it can be opened read-only; neither calls the file damaged."""
    if path.exists() and not file_writable(path):
        raise PtceError("file_read_only", path=str(path))
    if path.parent.exists() and not folder_writable(path):
        raise PtceError("folder_read_only", path=str(path), folder=str(path.parent))


def _absolute(path: Path | str) -> Path:
    return Path(path).expanduser().absolute()
