"""Opening a PTCE database file: recognise it, check it, migrate it, hand out sessions.

Open sequence (research §2.1): the file must be ours (SQLite header and ``application_id``),
pass ``PRAGMA quick_check`` and carry a schema revision this app knows; a file that needs
migrating is first backed up (verified), then upgraded by Alembic. A new file gets our
``application_id`` and its schema from the migrations, never from ``create_all``.

:func:`open_database` takes no lock and builds no unit of work: the programs open a pole file
through :func:`~.opening.open_pole_file` (the one door: lock, these checks and migration, the
unit of work, read-only mode). Tests and tools that need a bare database call it directly.

An open :class:`Database` keeps one extra connection for its lifetime (its *presence*,
:func:`~.engine.hold_presence`): SQLite then holds a shared lock on the file, so another
program's restore or writing verb is refused (:func:`~.engine.sole_user`), and what this
program has can still be saved to a new file should the path be deleted or replaced
(:meth:`Database.save_copy`). Before every write transaction the unit of work calls
:meth:`Database.check_write`: the file at the path must still be the one opened, and every
guard in ``write_guards`` (the one-writer lock's :meth:`~.lock.DatabaseLock.verify`) must pass.

The full-file ``PRAGMA quick_check`` (seconds on a large file) may be left out of the open
(``check=False``, the window: DESIGN §7) and run afterwards off the GUI thread through
:attr:`Database.integrity` (:class:`IntegrityCheck`). Until it has passed, writes wait a moment
for it, then are refused (``integrity_pending``); once it has failed they stay refused
(``integrity_failed``). Reads go on meanwhile. A file that needs migrating is always checked
before it is migrated.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.durable import sync_folder
from ptce_desktop.store import migrate as migrations
from ptce_desktop.store.backup import create_backup
from ptce_desktop.store.engine import (
    APPLICATION_ID,
    copy_from_connection,
    file_writable,
    folder_writable,
    hold_presence,
    make_engine,
    sqlite_uri,
    writer,
)
from ptce_desktop.store.paths import attachments_dir, backups_dir

SQLITE_HEADER = b"SQLite format 3\x00"

#: How long a write waits for a quick check still running before it is refused.
INTEGRITY_WAIT_S = 2.0


#: The page cache of the quick check's own connection, in KiB (SQLite's default: 2000).
QUICK_CHECK_CACHE_KIB = 256


def quick_check(path: Path) -> PtceError | None:
    """``PRAGMA quick_check`` of ``path`` on its own connection (nothing written): None when
    SQLite says the file is sound, else ``integrity_failed`` (or what opening it says)."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    except sqlite3.Error as exc:
        return open_error(path, exc)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        # One pass over each b-tree: a small page cache does (SQLite's 2 MB default was the
        # start's peak memory on a small file; on a 1.7 GB one the check takes as long).
        connection.execute(f"PRAGMA cache_size = -{QUICK_CHECK_CACHE_KIB}")
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return open_error(path, exc)
    finally:
        connection.close()
    if rows != [("ok",)]:
        return PtceError("integrity_failed", path=str(path), detail=_first_problem(rows))
    return None


def _first_problem(rows: list[tuple[object, ...]]) -> str:
    """The first problem SQLite lists, and how many more (its report may run to hundreds of
    lines, in one row or several)."""
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")] or ["?"]
    more = len(problems) - 1
    return problems[0][:200] + (f" (+{more})" if more else "")


class IntegrityCheck:
    """The quick check of an open file: done at open, or run later by :meth:`run` (in a
    worker); :meth:`require` is what a write asks before it begins. Thread-safe."""

    def __init__(self, path: Path, *, passed: bool = False) -> None:
        self.path = path
        self._guard = threading.Lock()
        self._started = passed
        self._finished = threading.Event()
        #: Why the file is not sound (None: sound, or not checked yet).
        self.error: PtceError | None = None
        if passed:
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    @property
    def pending(self) -> bool:
        return not self._finished.is_set()

    @property
    def failed(self) -> bool:
        return self._finished.is_set() and self.error is not None

    def run(self) -> PtceError | None:
        """Run the check (once: a second call waits for the first); None when sound."""
        with self._guard:
            first, self._started = not self._started, True
        if not first:
            self._finished.wait()
            return self.error
        try:
            self.error = quick_check(self.path)
        except Exception as exc:  # an unexpected failure must not leave writes allowed
            self.error = PtceError("integrity_failed", path=str(self.path), detail=str(exc))
        finally:
            self._finished.set()
        return self.error

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the check to finish; False when still running after ``timeout``."""
        return self._finished.wait(timeout)

    def require(self, wait_s: float | None = None) -> None:
        """Before a write: the check has passed, or ``PtceError``. A check nobody started is
        run here; one still running is waited for ``wait_s``, then ``integrity_pending``."""
        with self._guard:
            started = self._started
        if not started:
            self.run()
        elif not self._finished.wait(INTEGRITY_WAIT_S if wait_s is None else wait_s):
            raise PtceError("integrity_pending", path=str(self.path))
        if self.error is not None:
            raise self.error


@dataclass
class Database:
    """An open database file. ``session_factory`` is for reads; writes go through the UoW."""

    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    write_session_factory: sessionmaker[Session]
    read_only: bool
    attachments_dir: Path
    backups_dir: Path
    migrated_from: str | None = field(default=None)
    pre_migration_backup: Path | None = field(default=None)
    #: The connection that holds SQLite's shared lock while the file is open (None: closed).
    presence: sqlite3.Connection | None = field(default=None, repr=False)
    #: (device, inode) of the file when it was opened.
    identity: tuple[int, int] | None = field(default=None)
    #: (device, inode) of its ``-wal`` while open (None: none, e.g. opened immutable).
    wal_identity: tuple[int, int] | None = field(default=None)
    #: Called before every write transaction; each raises ``PtceError`` to refuse it.
    write_guards: list[Callable[[], None]] = field(default_factory=list, repr=False)
    #: The quick check of the file (passed at open unless opened with ``check=False``).
    integrity: IntegrityCheck | None = field(default=None, repr=False)

    def check_write(self, *, integrity: bool = True) -> None:
        """Refuse a write (``PtceError``) when the file at the path is no longer the one opened
        (``file_replaced``), its WAL journal was deleted (``journal_lost``) or a guard says so
        (``lock_lost``); with ``integrity``, also while its quick check has not passed
        (``integrity_pending``, ``integrity_failed``)."""
        if self.identity is not None and file_identity(self.path) != self.identity:
            raise PtceError("file_replaced", path=str(self.path))
        wal = self.path.with_name(self.path.name + "-wal")
        if self.wal_identity is not None and file_identity(wal) != self.wal_identity:
            # A cleaning tool deleted the journal holding the last commits: they live on only
            # in this program's open files (save_copy), never to be mixed with a new journal.
            raise PtceError("journal_lost", path=str(self.path))
        for guard in list(self.write_guards):
            guard()
        if integrity and self.integrity is not None:
            self.integrity.require()

    def save_copy(self, target: Path) -> Path:
        """Write what this program has open (even if the path was deleted or replaced) to the
        new file ``target``, verified; raises ``PtceError`` (``save_copy_failed``)."""
        from ptce_desktop.store.backup import verify_backup

        target = Path(target).expanduser().absolute()
        temporary = target.with_name(target.name + ".tmp")
        try:
            if self.presence is None:
                raise OSError("le fichier est fermé")
            temporary.unlink(missing_ok=True)
            copy_from_connection(self.presence, temporary)
            verify_backup(temporary)
            os.replace(temporary, target)
        except (OSError, sqlite3.Error, PtceError) as error:
            temporary.unlink(missing_ok=True)
            detail = error.message("fr") if isinstance(error, PtceError) else str(error)
            raise PtceError("save_copy_failed", path=str(target), detail=detail) from error
        return target

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints and removes the WAL)."""
        self.engine.dispose()
        presence, self.presence = self.presence, None
        if presence is not None:
            presence.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of ``path``, None when there is nothing there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


@dataclass(frozen=True)
class FileState:
    """What :func:`inspect_file` found in an existing file."""

    revision: str | None
    has_tables: bool


def inspect_file(path: Path, *, check: bool = True) -> FileState:
    """Check that ``path`` is one of our files, intact, with a known schema revision.

    Raises ``PtceError`` with code ``foreign_file``, ``integrity_failed`` (only when SQLite
    says the file is damaged), ``file_unreadable`` (it cannot be opened: rights, a folder
    SQLite cannot write in) or ``newer_schema``. Nothing is written. ``check=False`` leaves
    out the full-file ``quick_check`` (the caller runs it, or ``integrity_check``, itself).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise PtceError("file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        # Random bytes, a text file, or a zero-byte file: never adopted as a new database.
        raise PtceError("foreign_file", path=str(path))
    # mode=rw (never creates); nothing is written. A read-only connection could not
    # remove the -wal/-shm files it makes when closing — unless the file or its folder cannot
    # be written: then read-only (immutable, see sqlite_uri), which leaves nothing either.
    if file_writable(path) and folder_writable(path):
        uri = sqlite_uri(path, read_only=False) + "?mode=rw"
    else:
        uri = sqlite_uri(path, read_only=True)
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise open_error(path, exc) from exc
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise PtceError("foreign_file", path=str(path))
        if check:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise PtceError("integrity_failed", path=str(path), detail=str(rows[0][0]))
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision: str | None = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
    except sqlite3.DatabaseError as exc:
        raise open_error(path, exc) from exc
    finally:
        connection.close()
    if revision is not None and revision not in migrations.known_revisions():
        raise PtceError("newer_schema", path=str(path), revision=revision)
    has_tables = bool(tables - {"alembic_version"})
    if revision is None and has_tables:
        # Our id but tables no migration made: not a state this app ever leaves a file in.
        raise PtceError("foreign_file", path=str(path))
    return FileState(revision=revision, has_tables=has_tables)


def open_error(path: Path, exc: sqlite3.Error) -> PtceError:
    """What SQLite's ``exc`` on ``path`` means: damaged only when SQLite says so."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        not name and isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc)
    ):
        return PtceError("integrity_failed", path=str(path), detail=str(exc))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return PtceError("file_in_use", path=str(path))
    return PtceError("file_unreadable", path=str(path), detail=str(exc))


def building_path(path: Path) -> Path:
    """Where a new ``path`` is built before it is given its name (hidden, beside it)."""
    return path.with_name(f".{path.name}.en-construction")


def discard(path: Path) -> None:
    """Remove ``path`` and its SQLite companions (``-wal``, ``-shm``, ``-journal``)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def publish(temporary: Path, path: Path) -> None:
    """Give the complete file ``temporary`` the name ``path``, never over an existing file:
    before that instant nothing is at ``path``; after it, the whole file is."""
    fd = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temporary, path)  # fails if path exists: another program was quicker
    except FileExistsError:
        raise PtceError("file_exists", path=str(path)) from None
    except OSError:  # a file system without hard links (FAT on a USB key)
        if path.exists():
            raise PtceError("file_exists", path=str(path)) from None
        os.replace(temporary, path)
    else:
        temporary.unlink()
    sync_folder(path.parent)


def _create(path: Path) -> None:
    """A new file with our id and its whole schema, built aside and then named ``path``: a
    program killed midway leaves nothing at ``path``, never a half-made file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = building_path(path)
    discard(temporary)
    try:
        _initialise(temporary)
        engine = make_engine(temporary)
        try:
            migrations.upgrade(engine)
        finally:
            engine.dispose()  # the last connection checkpoints and removes the WAL
        publish(temporary, path)
    except BaseException:
        discard(temporary)
        raise


def _initialise(path: Path) -> None:
    """Stamp a brand-new file as ours; the schema comes next, from the migrations."""
    connection = sqlite3.connect(sqlite_uri(path, read_only=False), uri=True)
    try:
        connection.isolation_level = None
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    finally:
        connection.close()


def open_database(
    path: Path | str,
    *,
    read_only: bool = False,
    create: bool = True,
    migrate: bool = True,
    backup_keep: int = 10,
    check: bool = True,
) -> Database:
    """Open (creating or migrating if needed) the database file ``path``; no lock is taken.

    ``check=False`` opens without the full-file quick check: run ``database.integrity.run()``
    afterwards (off the GUI thread); writes wait for it. A file to migrate is checked first
    all the same, and a new file needs none.

    Raises ``PtceError``: ``file_not_found`` (missing and not ``create``, or read-only),
    ``foreign_file``, ``integrity_failed``, ``newer_schema`` (see :func:`inspect_file`), and
    ``schema_outdated`` for a file needing a migration when opened read-only or with
    ``migrate=False`` (a new file always gets its schema). A migration is preceded by a verified
    backup (``avant-migration-<revision>``, the last ``backup_keep`` kept).
    """
    db_path = Path(path).expanduser().absolute()
    state: FileState | None = None
    checked = True
    if db_path.exists():
        state = inspect_file(db_path, check=check)
        checked = check
    elif read_only or not create:
        raise PtceError("file_not_found", path=str(db_path))
    else:
        _create(db_path)
        state = FileState(revision=migrations.head_revision(), has_tables=True)

    head = migrations.head_revision()
    current = state.revision if state else None
    if not checked and current != head and not read_only and (migrate or current is None):
        # Never migrate a damaged file: this one is checked now, before anything is written.
        problem = quick_check(db_path)
        if problem is not None:
            raise problem
        checked = True
    backup: Path | None = None
    if current != head and (read_only or (not migrate and current is not None)):
        raise PtceError("schema_outdated", path=str(db_path))

    engine = make_engine(db_path, read_only=read_only)
    try:
        if current != head:
            if current is not None:
                backup = create_backup(
                    db_path, reason=f"avant-migration-{current}", keep=backup_keep
                )
            migrations.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise

    try:
        presence = hold_presence(db_path, read_only=read_only)
    except sqlite3.Error as exc:
        engine.dispose()
        raise PtceError("database_error", detail=str(exc)) from exc
    return Database(
        path=db_path,
        engine=engine,
        session_factory=sessionmaker(bind=engine, expire_on_commit=False),
        write_session_factory=sessionmaker(bind=writer(engine), expire_on_commit=False),
        read_only=read_only,
        attachments_dir=attachments_dir(db_path),
        backups_dir=backups_dir(db_path),
        migrated_from=current if current != head else None,
        pre_migration_backup=backup,
        presence=presence,
        identity=file_identity(db_path),
        wal_identity=file_identity(db_path.with_name(db_path.name + "-wal")),
        integrity=IntegrityCheck(db_path, passed=checked),
    )
