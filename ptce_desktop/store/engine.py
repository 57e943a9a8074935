"""The SQLAlchemy engine over one SQLite file, with the pragmas of DESIGN §7.

Every connection gets ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL``,
``busy_timeout=5000`` and ``trusted_schema=OFF``. Transactions follow the pysqlite
``isolation_level=None`` recipe: the driver never begins on its own, and SQLAlchemy's ``begin``
event emits ``BEGIN IMMEDIATE`` for connections marked as writers (``ptce_write``) and a plain,
deferred ``BEGIN`` otherwise. (``dbapi_connection.autocommit`` does not exist on Python 3.11.)

SQLite-specific SQL stays in this package (DESIGN §8).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection

#: ``PRAGMA application_id`` of every PTCE Desktop file: the ASCII bytes "PTCE" (0x50544345,
#: 1347699525). A file with any other id is not ours and is refused, never adopted.
APPLICATION_ID = 0x50544345

#: Execution option marking a connection whose transactions must take the write lock up front.
WRITE_OPTION = "ptce_write"

BUSY_TIMEOUT_MS = 5000


def sqlite_uri(path: Path, *, read_only: bool) -> str:
    """A ``file:`` URI for ``path`` (quoted: spaces, accents, ``#`` and ``?`` are safe)."""
    uri = "file:" + quote(str(path.absolute()), safe="/")
    return uri + ("?mode=ro" if read_only else "")


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
