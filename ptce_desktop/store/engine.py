"""The SQLAlchemy engine over one SQLite file, with the pragmas of DESIGN §7.

Every connection gets ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL``,
``busy_timeout=5000`` and ``trusted_schema=OFF``. Transactions follow the pysqlite
``isolation_level=None`` recipe: the driver never begins on its own, and SQLAlchemy's ``begin``
event emits ``BEGIN IMMEDIATE`` for connections marked as writers (``ptce_write``) and a plain,
deferred ``BEGIN`` otherwise. (``dbapi_connection.autocommit`` does not exist on Python 3.11.)

SQLite-specific SQL stays in this package (DESIGN §8).

SQLite's own locks say whether another program has a file open, whatever became of our lock
file: in WAL mode every open connection keeps a shared lock on the database file, and
:func:`hold_presence` opens one such connection for the life of an opened pole file.
:func:`sole_user` takes an exclusive lock (``locking_mode = EXCLUSIVE``, ``BEGIN EXCLUSIVE``),
which SQLite refuses with ``SQLITE_BUSY`` while any other connection — of any process — has the
file open: a restore, the command-line verbs that write, and a repair go through it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection

from ptce_desktop.domain.errors import PtceError

#: ``PRAGMA application_id`` of every PTCE Desktop file: the ASCII bytes "PTCE" (0x50544345,
#: 1347699525). A file with any other id is not ours and is refused, never adopted.
APPLICATION_ID = 0x50544345

#: Execution option marking a connection whose transactions must take the write lock up front.
WRITE_OPTION = "ptce_write"

BUSY_TIMEOUT_MS = 5000


def sqlite_uri(path: Path, *, read_only: bool) -> str:
    """A ``file:`` URI for ``path`` (quoted: spaces, accents, ``#`` and ``?`` are safe).

    Read-only, when this program cannot write the file or its folder and no ``-wal`` is
    beside the file, it is opened ``immutable``: SQLite could not create (or remove) the
    ``-shm`` a WAL file needs, and no WAL is there to read.
    """
    uri = "file:" + quote(str(path.absolute()), safe="/")
    if not read_only:
        return uri
    unwritable = not folder_writable(path) or (path.exists() and not os.access(path, os.W_OK))
    if unwritable and not path.with_name(path.name + "-wal").exists():
        return uri + "?mode=ro&immutable=1"
    return uri + "?mode=ro"


def folder_writable(path: Path) -> bool:
    """True when this program may create files beside ``path`` (its lock, WAL, backups)."""
    return os.access(path.absolute().parent, os.W_OK | os.X_OK)


def file_writable(path: Path) -> bool:
    """True when ``path`` may be written by this program (a missing file: its folder)."""
    return os.access(path, os.W_OK) if path.exists() else folder_writable(path)


def apply_pragmas(dbapi_connection: sqlite3.Connection, *, read_only: bool) -> None:
    """Settings every connection needs; also used on raw connections (backup, inspection)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA trusted_schema = OFF")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine over the SQLite file ``path`` (read-only opens use ``mode=ro``)."""
    url = URL.create(
        "sqlite+pysqlite",
        database=sqlite_uri(path, read_only=read_only),
        query={"uri": "true"},
    )
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        apply_pragmas(dbapi_connection, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writer = bool(connection.get_execution_options().get(WRITE_OPTION, False))
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer and not read_only else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions begin with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{WRITE_OPTION: True})


#: How long :func:`sole_user` waits for another program's brief read to end.
SOLE_USER_TIMEOUT_S = 0.5


def hold_presence(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection kept open (and read once) so that SQLite holds a shared lock on ``path``.

    Its file descriptor also keeps the file we opened, should another program replace or
    delete the path: :func:`copy_from_connection` saves what it holds to a new file.
    """
    connection = sqlite3.connect(
        sqlite_uri(path, read_only=read_only), uri=True, check_same_thread=False
    )
    try:
        apply_pragmas(connection, read_only=read_only)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


@contextlib.contextmanager
def sole_user(path: Path) -> Iterator[sqlite3.Connection | None]:
    """Hold an exclusive SQLite lock on ``path``, or ``PtceError("file_in_use")``.

    Refused (``SQLITE_BUSY``) while any other connection, in this process or another, has the
    file open. Yields the connection holding the lock (``locking_mode = EXCLUSIVE`` keeps it
    between transactions; read through it, e.g. to copy the file) — or None for a file SQLite
    cannot read at all (damaged header, foreign, missing), which has no SQLite user to wait for.
    """
    if not path.exists():
        yield None
        return
    try:
        connection = sqlite3.connect(
            sqlite_uri(path, read_only=False) + "?mode=rw",
            uri=True,
            timeout=SOLE_USER_TIMEOUT_S,
            check_same_thread=False,
        )
    except sqlite3.Error:
        yield None
        return
    try:
        connection.isolation_level = None
        holder: sqlite3.Connection | None = connection
        try:
            connection.execute("PRAGMA trusted_schema = OFF")
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("ROLLBACK")  # the exclusive locking mode keeps the lock
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise PtceError("file_in_use", path=str(path)) from None
            holder = None
        except sqlite3.DatabaseError:  # not a database, damaged header: no SQLite user
            holder = None
        yield holder
    finally:
        connection.close()


def _is_busy(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return (
        name.startswith("SQLITE_BUSY")
        or name.startswith("SQLITE_LOCKED")
        or (not name and "locked" in str(error))
    )


def copy_from_connection(source: sqlite3.Connection, destination: Path) -> None:
    """Copy the database ``source`` holds into the new file ``destination`` (backup API)."""
    target = sqlite3.connect(sqlite_uri(destination, read_only=False), uri=True)
    try:
        source.backup(target)
        target.isolation_level = None
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
