"""Rebuild a damaged pole file from what SQLite can still read (DESIGN §7, issue 12 item 6).

Python's ``sqlite3`` has no ``.recover``. :func:`salvage` does what ``iterdump`` does — the
schema from ``sqlite_master``, then every row of every table — but table by table and, where a
scan stops on a damaged page, by ranges of ``rowid`` split in halves until each unreadable
``rowid`` is isolated: every row SQLite can still reach is copied, and the rows that cannot be
read are counted (a range of ``rowid`` that cannot be read at all is reported as such).
Tables are read ``NOT INDEXED`` (a damaged index loses nothing: indexes are rebuilt from the
rows), and the indexes, triggers and views are created after the rows.

The copy is a new file (never the damaged one, which is only read); checking it and putting it
in place is :mod:`ptce_desktop.services.pole.repair`'s work.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ptce_desktop.store.engine import (
    APPLICATION_ID,
    file_writable,
    folder_writable,
    sqlite_uri,
)

#: Rows copied per INSERT batch.
BATCH = 500


@dataclass
class TableSalvage:
    """What was read of one table."""

    name: str
    recovered: int = 0
    #: ``rowid`` values that could not be read (isolated one by one).
    lost_rowids: list[int] = field(default_factory=list)
    #: ``(first, last)`` ranges of ``rowid`` that could not be searched at all.
    lost_ranges: list[tuple[int, int]] = field(default_factory=list)
    #: Why nothing at all could be read of the table (its root page is gone), or None.
    unreadable: str | None = None

    @property
    def complete(self) -> bool:
        return not self.lost_rowids and not self.lost_ranges and self.unreadable is None


@dataclass
class Salvage:
    """What :func:`salvage` copied, table by table, and the schema objects it could not make."""

    tables: list[TableSalvage]
    failed_objects: list[str]

    @property
    def complete(self) -> bool:
        return all(table.complete for table in self.tables) and not self.failed_objects

    @property
    def recovered(self) -> int:
        return sum(table.recovered for table in self.tables)


class SalvageError(Exception):
    """Nothing can be rebuilt: the schema itself (``sqlite_master``) cannot be read."""


def salvage(source: Path, target: Path) -> Salvage:
    """Copy what can be read of ``source`` into the new file ``target``; what was copied.

    Raises :class:`SalvageError` when the schema cannot be read at all.
    """
    # Read-write but query-only when it may (nothing is written): closing it then removes the
    # -wal and -shm that reading makes, as a read-only connection could not.
    if file_writable(source) and folder_writable(source):
        uri = sqlite_uri(source, read_only=False) + "?mode=rw"
    else:
        uri = sqlite_uri(source, read_only=True)
    src = sqlite3.connect(uri, uri=True)
    dst = sqlite3.connect(sqlite_uri(target, read_only=False), uri=True)
    try:
        src.execute("PRAGMA query_only = ON")
        src.execute("PRAGMA trusted_schema = OFF")
        dst.isolation_level = None
        try:
            schema = src.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
            ).fetchall()
            user_version = src.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise SalvageError(str(error)) from error
        dst.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        dst.execute(f"PRAGMA user_version = {int(user_version)}")
        dst.execute("PRAGMA foreign_keys = OFF")
        tables: list[TableSalvage] = []
        failed: list[str] = []
        for kind, name, _table, sql in schema:
            if kind == "table" and sql and not name.startswith("sqlite_"):
                dst.execute(sql)
        for kind, name, _table, sql in schema:
            if kind == "table" and sql and not name.startswith("sqlite_"):
                tables.append(_copy_table(src, dst, name))
        if any(name == "sqlite_sequence" for _kind, name, _t, _s in schema):
            _copy_sequence(src, dst)
        for kind, name, _table, sql in schema:
            if kind in ("index", "trigger", "view") and sql:
                try:
                    dst.execute(sql)
                except sqlite3.DatabaseError:
                    failed.append(name)
        dst.execute("PRAGMA journal_mode = DELETE")
        return Salvage(tables, failed)
    finally:
        src.close()
        dst.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, name: str) -> TableSalvage:
    result = TableSalvage(name)
    table = _quoted(name)
    try:
        info = src.execute(f"PRAGMA table_info({table})").fetchall()
    except sqlite3.DatabaseError as error:
        result.unreadable = str(error)
        return result
    columns = [row[1] for row in info]
    keys = [row for row in info if row[5]]
    # An INTEGER PRIMARY KEY is the rowid itself; otherwise the rowid is kept explicitly.
    aliased = len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER"
    names = [_quoted(column) for column in columns]
    if aliased:
        insert = (
            f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        select = f"SELECT * FROM {table} NOT INDEXED"
    else:
        insert = (
            f"INSERT OR IGNORE INTO {table} (rowid, {', '.join(names)}) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))})"
        )
        select = f"SELECT rowid, * FROM {table} NOT INDEXED"
    dst.execute("BEGIN")
    try:
        try:  # the whole table in one scan: the usual case, and every row of a sound table
            rows = src.execute(select + " ORDER BY rowid").fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows is not None:
            dst.executemany(insert, rows)
            result.recovered = len(rows)
        else:
            _copy_by_ranges(src, dst, table, select, insert, result)
        dst.execute("COMMIT")
    except BaseException:
        dst.execute("ROLLBACK")
        raise
    return result


def _copy_by_ranges(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    table: str,
    select: str,
    insert: str,
    result: TableSalvage,
) -> None:
    """The rows of a table whose scan stops: by ``rowid`` ranges, halved where they fail."""
    top = _max_rowid(src, table)
    if top is None:
        result.unreadable = "aucune ligne lisible"
        return
    pending = [(_min_rowid(src, table), top)]
    while pending:
        first, last = pending.pop()
        if first > last:
            continue
        try:
            rows = src.execute(
                select + " WHERE rowid BETWEEN ? AND ? ORDER BY rowid", (first, last)
            ).fetchall()
        except sqlite3.DatabaseError:
            if first == last:
                result.lost_rowids.append(first)
            elif last - first > 1_000_000:  # too wide to isolate row by row
                result.lost_ranges.append((first, last))
            else:
                middle = (first + last) // 2
                pending += [(middle + 1, last), (first, middle)]
            continue
        dst.executemany(insert, rows)
        result.recovered += len(rows)
    result.lost_rowids.sort()


def _max_rowid(src: sqlite3.Connection, table: str) -> int | None:
    """The largest ``rowid``, or a bound above every readable one when that seek fails."""
    try:
        found = src.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
        return int(found) if found is not None else None
    except sqlite3.DatabaseError:
        pass
    best: int | None = None
    try:
        for (rowid,) in src.execute(f"SELECT rowid FROM {table} NOT INDEXED"):
            best = rowid if best is None else max(best, rowid)
    except sqlite3.DatabaseError:
        pass
    return None if best is None else best * 2 + 1000


def _min_rowid(src: sqlite3.Connection, table: str) -> int:
    try:
        found = src.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
        return min(int(found), 1) if found is not None else 1
    except sqlite3.DatabaseError:
        return 1


def _copy_sequence(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """AUTOINCREMENT counters, so that no id is ever given twice."""
    try:
        rows = src.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    except sqlite3.DatabaseError:
        return
    dst.execute("DELETE FROM sqlite_sequence")
    dst.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", rows)
