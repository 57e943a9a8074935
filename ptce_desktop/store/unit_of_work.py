"""The one door for writes: one user action = one transaction, guarded, audited, announced.

``UnitOfWork.write(action)`` opens a session whose transaction begins with ``BEGIN IMMEDIATE``
and commits whole or rolls back whole. A ``before_flush`` listener on that session, so that no
service can forget it:

* refuses any change (create, update, delete, or a move *into* or *out of* a year) to a record
  whose fiscal year is closed (:mod:`.guard`);
* writes one :class:`~.models.AuditEntry` per business record changed, with readable
  before/after JSON (:mod:`.audit`), or one entry for the whole action when ``bulk_summary`` is
  given (an import).

After commit, a :class:`Change` naming the tables touched is published on the
:class:`ChangeBus`, so pages refresh. A read-only database refuses every write.

Only ORM unit-of-work changes (``session.add``, attribute changes, ``session.delete``) are
guarded and audited; bulk ``insert()``/``update()``/``delete()`` statements are not, so services
use them only for derived rows of records they changed through the ORM in the same action, and
name their tables with :func:`mark_changed` (the unit of work only sees ORM objects).
:func:`flush_record` writes one ORM record with one Core statement after running this same
flush hook on it (a cost's save: the ORM's flush costs more than the rest of the save), and
falls back to the ORM's flush whenever that would not be exactly equivalent.

Saving costs one after the other reads the same rows each time (the closed years, the
service's key and VAT, the key's versions and members): a :class:`WriteCache`, one per open
file and shared by its units of work, keeps them between writes. A write reads through it only
under SQLite's write lock and while it has changed nothing but :data:`CACHE_NEUTRAL` tables
(:func:`write_cache`); a write that touches any other table empties it at once and again when
it ends, committed or not. Every table a write touches is seen: its ORM changes,
:func:`mark_changed`, and the INSERT, UPDATE and DELETE statements (or SQL text) its
connection runs. The one-writer lock keeps other programs from writing the file meanwhile.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, Insert, Select, Table, Update, event, exc, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session, UOWTransaction, make_transient, make_transient_to_detached
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql import bindparam
from sqlalchemy.sql.dml import UpdateBase

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.audit import AuditRecorder
from ptce_desktop.store.base import Base
from ptce_desktop.store.database import Database
from ptce_desktop.store.guard import check_closed_years
from ptce_desktop.store.models import SequenceCounter

log = logging.getLogger(__name__)

#: Key of ``Session.info`` holding the write tracker of a UoW write session.
WRITE_INFO_KEY = "ptce_uow_write"

#: The tables a cost's save writes. None of the values a :class:`WriteCache` keeps is read
#: from them, so a write that changed only these leaves the cache valid.
CACHE_NEUTRAL = frozenset({"costs", "shares", "audit_entries"})

_T = TypeVar("_T")
_B = TypeVar("_B", bound=Base)


class WriteCache:
    """Values read by write sessions that only a change to a table outside
    :data:`CACHE_NEUTRAL` can alter, kept from one write to the next (see the module's
    docstring for when it is emptied). Keys are chosen by the readers: ``("closed",)``,
    ``("service", 3)``…; values must not hold ORM objects or sessions."""

    #: Entries after which everything is dropped (a bound, never reached by a user's edits).
    MAX_ENTRIES = 4096

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, load: Callable[[], _T]) -> _T:
        """The value kept under ``key``, else ``load()`` (kept, unless it raises)."""
        try:
            value: _T = self._values[key]
        except KeyError:
            value = load()
            if len(self._values) >= self.MAX_ENTRIES:
                self._values.clear()
            self._values[key] = value
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


#: One cache per open file (its engine): every unit of work over it writes through it.
_CACHES: weakref.WeakKeyDictionary[Engine, WriteCache] = weakref.WeakKeyDictionary()


def _cache_of(db: Database) -> WriteCache:
    cache = _CACHES.get(db.engine)
    if cache is None:
        cache = _CACHES[db.engine] = WriteCache()
    return cache


@dataclass(frozen=True)
class Change:
    """What a committed user action changed: its name and the table names it touched."""

    action: str
    entities: frozenset[str]


Subscriber = Callable[[Change], None]


class ChangeBus:
    """Pure-Python publish/subscribe of :class:`Change` (the UI adapts it to a Qt signal)."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Register ``callback``; returns the function that unsubscribes it."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, change: Change) -> None:
        # The action is already committed: a failing subscriber must not make it look failed.
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:
                log.exception("change subscriber failed for %r", change)


class _WriteTracker:
    """Per-write state: tables touched and the audit recorder."""

    def __init__(self, action: str, bulk_summary: str | None, cache: WriteCache) -> None:
        self.tables: set[str] = set()
        self.audit = AuditRecorder(action, bulk_summary)
        self.cache = cache
        #: Tables named by the INSERT/UPDATE/DELETE statements this write ran, ORM or bulk
        #: ("?": SQL text that may write), for the cache only (the Change names ``tables``).
        self.written: set[str] = set()
        #: ``info`` of the pooled connections this write runs on (they outlive the write).
        self._infos: list[dict[Any, Any]] = []

    def keeps_cache(self) -> bool:
        """True while this write has changed only :data:`CACHE_NEUTRAL` tables."""
        return self.tables <= CACHE_NEUTRAL and self.written <= CACHE_NEUTRAL

    def check_cache(self) -> None:
        """Empty the cache as soon as this write changes another table: the cache is only
        filled under SQLite's write lock (:func:`write_cache`), which this write holds until it
        commits, so nothing fills it again with what this change makes stale meanwhile."""
        if not self.keeps_cache():
            self.cache.clear()

    def after_begin(self, connection: Connection) -> None:
        info = connection.info
        info[WRITE_INFO_KEY] = self
        self._infos.append(info)

    def release(self) -> None:
        for info in self._infos:
            if info.get(WRITE_INFO_KEY) is self:
                del info[WRITE_INFO_KEY]
        self._infos.clear()

    def before_flush(
        self, session: Session, _context: UOWTransaction | None, _instances: Any
    ) -> None:
        with session.no_autoflush:
            changed = [*session.new, *session.dirty, *session.deleted]
            for obj in changed:
                table = getattr(type(obj), "__tablename__", None)
                if table and (obj not in session.dirty or session.is_modified(obj)):
                    self.tables.add(table)
            self.check_cache()
            cache = write_cache(session)
            check_closed_years(session, cache)
            self.audit.before_flush(session)

    def after_flush(self, session: Session, _context: UOWTransaction | None) -> None:
        if self.audit.after_flush(session):
            self.tables.add("audit_entries")


def _tracked_before_flush(session: Session, context: UOWTransaction, instances: Any) -> None:
    tracker = session.info.get(WRITE_INFO_KEY)
    if isinstance(tracker, _WriteTracker):
        tracker.before_flush(session, context, instances)


def _tracked_after_flush(session: Session, context: UOWTransaction) -> None:
    tracker = session.info.get(WRITE_INFO_KEY)
    if isinstance(tracker, _WriteTracker):
        tracker.after_flush(session, context)


def _tracked_after_begin(session: Session, _transaction: Any, connection: Connection) -> None:
    tracker = session.info.get(WRITE_INFO_KEY)
    if isinstance(tracker, _WriteTracker):
        tracker.after_begin(connection)


#: How SQL text that cannot write begins (anything else run as text counts as a write).
_READ_TEXT = ("SELECT", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "EXPLAIN")


def _note_statement(
    connection: Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    context: Any,
    _executemany: bool,
) -> None:
    """Note in the write's tracker the table a statement of a write session writes."""
    tracker = connection.info.get(WRITE_INFO_KEY)
    if not isinstance(tracker, _WriteTracker):
        return
    construct = getattr(getattr(context, "compiled", None), "statement", None)
    if isinstance(construct, UpdateBase):
        tracker.written.add(getattr(getattr(construct, "table", None), "name", None) or "?")
    elif construct is None and statement in _ROWS_SQL:  # insert_rows()
        tracker.written.add(_ROWS_SQL[statement])
    elif not isinstance(construct, Select) and not (
        statement.lstrip()[:9].upper().startswith(_READ_TEXT)
    ):
        tracker.written.add("?")
    else:
        return
    tracker.check_cache()


# Listened to once for every session and engine (listening on each write session costs more
# than a query); they act only for a session, or a connection, of a UnitOfWork.write().
event.listen(Session, "before_flush", _tracked_before_flush)
event.listen(Session, "after_flush", _tracked_after_flush)
event.listen(Session, "after_begin", _tracked_after_begin)
# Every statement of a write is seen (bulk ones and SQL text too): what it writes decides
# whether the cache survives the write.
event.listen(Engine, "before_cursor_execute", _note_statement)


class UnitOfWork:
    """Opens write and read sessions on one :class:`~.database.Database`."""

    def __init__(self, db: Database, bus: ChangeBus | None = None) -> None:
        self.db = db
        self.bus = bus if bus is not None else ChangeBus()
        self._writing = False

    @property
    def cache(self) -> WriteCache:
        """The :class:`WriteCache` of this file (shared by every unit of work over it)."""
        return _cache_of(self.db)

    @contextmanager
    def write(self, action: str, *, bulk_summary: str | None = None) -> Iterator[Session]:
        """``with uow.write("Modifier une charge") as session:`` — all or nothing."""
        if self.db.read_only:
            raise PtceError("read_only")
        self.db.check_write()  # still our file and our lock (lock_lost, file_replaced)
        if self._writing:
            # A second write would wait 5 s on SQLite's lock held by the first, then fail.
            raise RuntimeError("UnitOfWork.write() is not reentrant: pass the session down")
        cache = _cache_of(self.db)
        tracker = _WriteTracker(action, bulk_summary, cache)
        session = self.db.write_session_factory()
        session.info[WRITE_INFO_KEY] = tracker
        self._writing = True
        committed = False
        try:
            with session.begin():
                yield session
                session.flush()
                if tracker.audit.finish(session):
                    tracker.tables.add("audit_entries")
            committed = True
        except exc.DBAPIError as error:
            raise PtceError("database_error", detail=str(error.orig)) from error
        finally:
            self._writing = False
            tracker.release()
            session.close()
            if not (committed and tracker.keeps_cache()):
                cache.clear()
        if tracker.tables:
            self.bus.publish(Change(action, frozenset(tracker.tables)))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short, deferred read transaction; flushing a change in it is refused."""
        session = self.db.session_factory()
        event.listen(session, "before_flush", _refuse_flush)
        try:
            with session.begin():
                yield session
        except exc.DBAPIError as error:
            raise PtceError("database_error", detail=str(error.orig)) from error
        finally:
            session.close()


def _refuse_flush(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise RuntimeError("changes must go through UnitOfWork.write(), not read()")


def in_write(session: Session) -> bool:
    """True for a session opened by :meth:`UnitOfWork.write`."""
    return WRITE_INFO_KEY in session.info


def write_cache(session: Session) -> WriteCache | None:
    """The :class:`WriteCache` a write session may read through: None outside a write, and
    once the write has changed (flushed or not) a table outside :data:`CACHE_NEUTRAL` — what
    it kept would no longer be what this transaction reads. Begins the write's transaction
    (its ``BEGIN IMMEDIATE``) if it has not begun yet."""
    tracker = session.info.get(WRITE_INFO_KEY)
    if not isinstance(tracker, _WriteTracker) or not tracker.keeps_cache():
        return None
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        if getattr(type(obj), "__tablename__", None) not in CACHE_NEUTRAL:
            return None
    # Under SQLite's write lock (BEGIN IMMEDIATE, taken now if not yet): no other write — of
    # another thread — is between its change and the moment it empties the cache.
    session.connection()
    return tracker.cache


#: The statements :func:`insert_rows` runs, and the table each writes.
_ROWS_SQL: dict[str, str] = {}


def insert_rows(
    session: Session, cls: type[Base], columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """INSERT ``rows`` into the table of ``cls``: one ``executemany`` of the driver's SQL,
    each row a tuple of the ``columns``' values as the driver takes them (integers, text; no
    Core type conversion), without Core's work per row — what a bulk ``insert()`` costs twice
    over. A bulk statement like any other: neither guarded nor audited (name its table with
    :func:`mark_changed`); the write's tracker sees the table it writes."""
    table = sa_inspect(cls).local_table
    assert isinstance(table, Table)
    names = ", ".join(f'"{table.c[column].name}"' for column in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    _ROWS_SQL.setdefault(sql, table.name)
    session.connection().exec_driver_sql(sql, rows)


def mark_changed(session: Session, *tables: str) -> None:
    """Add ``tables`` to the :class:`Change` this write will publish: for rows written by bulk
    statements, which the unit of work does not see."""
    tracker = session.info.get(WRITE_INFO_KEY)
    if not isinstance(tracker, _WriteTracker):
        raise RuntimeError("mark_changed needs a session from UnitOfWork.write()")
    tracker.tables.update(tables)
    tracker.check_cache()


@dataclass(frozen=True)
class _RowPlan:
    """How :func:`flush_record` writes the row of a record of one mapped class."""

    table: Table
    #: Attribute (and column key) of the integer primary key.
    pk: str
    #: (attribute, column key) of every other column, in the mapper's order.
    columns: tuple[tuple[str, str], ...]
    #: (attribute, value) of every other column: its scalar Python default, else None.
    initial: tuple[tuple[str, Any], ...]
    #: The relationships (a parent set through one is written by the ORM's flush).
    relationships: tuple[str, ...]
    insert: Insert
    update: Update
    select: Select[Any]


#: The plan of each class :func:`flush_record` was given (None: the ORM's flush writes it).
_PLANS: dict[type[Any], _RowPlan | None] = {}

_PK_PARAM = "ptce_pk"


def _row_plan(cls: type[Any]) -> _RowPlan | None:
    """The plan of ``cls``, or None when a Core statement could not write its rows exactly
    as the ORM's flush does (inheritance, a version counter, SQL or callable defaults, a
    composite key, persistence events on its mapper)."""
    try:
        return _PLANS[cls]
    except KeyError:
        pass
    mapper = sa_inspect(cls)
    table = mapper.local_table
    plan: _RowPlan | None = None
    simple = (
        isinstance(table, Table)
        and mapper.persist_selectable is table
        and mapper.inherits is None
        and mapper.polymorphic_on is None
        and mapper.version_id_col is None
        and len(mapper.primary_key) == 1
        and not any(
            list(getattr(mapper.dispatch, name))
            for name in ("before_insert", "after_insert", "before_update", "after_update")
        )
    )
    pk: str | None = None
    columns: list[tuple[str, str]] = []
    initial: list[tuple[str, Any]] = []
    for prop in mapper.column_attrs if simple else ():
        column = prop.columns[0]
        if (
            len(prop.columns) != 1
            or column.table is not table
            or column.server_default is not None
            or column.server_onupdate is not None
            or column.onupdate is not None
            or (column.default is not None and not column.default.is_scalar)
        ):
            simple = False
            break
        if column.primary_key:
            pk = prop.key if column.key == prop.key else None
            continue
        columns.append((prop.key, column.key))
        initial.append((prop.key, None if column.default is None else column.default.arg))
    if simple and pk is not None:
        assert isinstance(table, Table)
        key = table.c[pk]
        plan = _RowPlan(
            table,
            pk,
            tuple(columns),
            tuple(initial),
            tuple(rel.key for rel in mapper.relationships),
            insert(table),
            sa_update(table).where(key == bindparam(_PK_PARAM)),
            select(*(table.c[c] for _a, c in columns)).where(key == bindparam(_PK_PARAM)),
        )
    _PLANS[cls] = plan
    return plan


def _only_ours(session: Session) -> bool:
    """True when nothing but the unit of work listens to this session's flushes (an
    import's :class:`~ptce_desktop.exchange.changes.ChangeRecorder` does)."""
    dispatch = session.dispatch
    return (
        list(dispatch.before_flush) == [_tracked_before_flush]
        and list(dispatch.after_flush) == [_tracked_after_flush]
        and not list(dispatch.after_flush_postexec)
    )


def flush_record(session: Session, record: Base) -> None:
    """``session.add(record); session.flush()`` for one new or changed record, at a fraction
    of the ORM's cost when ``record`` is the session's only change.

    The unit of work's flush hook runs on it exactly as in a flush (closed years, money types,
    its audit note, its table named in the :class:`Change`), then one Core INSERT (a new
    record gets its id) or one UPDATE of its changed columns writes its row; ``record`` is then
    persistent and unchanged in ``session``, as after a flush. Anything else goes through
    ``session.flush()``: other pending changes, a parent set through a relationship rather
    than by its id, a session something else listens to (an import's recorder), a class one
    Core statement cannot write as the ORM does (:func:`_row_plan`).
    """
    tracker = session.info.get(WRITE_INFO_KEY)
    plan = _row_plan(type(record))
    state = sa_inspect(record)
    values = state.dict
    new = state.transient
    if new:
        for attr, value in plan.initial if plan is not None else ():
            # what the flush writes for a column left unset: its default, else NULL
            if values.get(attr) is None and (value is not None or attr not in values):
                setattr(record, attr, value)
        session.add(record)
    if (
        plan is None
        or not isinstance(tracker, _WriteTracker)
        or not _only_ours(session)
        or not _alone(session, record, new)
        or any(
            name in values and (new or state.attrs[name].history.has_changes())
            for name in plan.relationships
        )
        or (not new and state.attrs[plan.pk].history.has_changes())
    ):
        session.add(record)
        session.flush()
        return
    if not new and not session.is_modified(record):
        return  # a flush would write nothing and note nothing
    tracker.before_flush(session, None, None)
    if not _alone(session, record, new):
        session.flush()  # the checks added rows (a dated VAT value): the ORM writes them all
        return
    touched = state.committed_state  # the attributes set since loaded (their old values)
    changed = {
        column: getattr(record, attr)
        for attr, column in plan.columns
        if new or (attr in touched and state.attrs[attr].history.has_changes())
    }
    session.expunge(record)
    connection = session.connection()
    if new:
        record_id = getattr(record, plan.pk)
        if record_id is not None:
            changed[plan.pk] = record_id
        result = connection.execute(plan.insert, changed)
        if record_id is None:
            key = result.inserted_primary_key
            assert key is not None
            setattr(record, plan.pk, key[0])
    else:
        changed[_PK_PARAM] = getattr(record, plan.pk)
        if connection.execute(plan.update, changed).rowcount != 1:
            raise StaleDataError(f"{plan.table.name}: row {changed[_PK_PARAM]} not updated")
        make_transient(record)
    make_transient_to_detached(record)  # its values as written, without history
    session.add(record)
    tracker.after_flush(session, None)


def _alone(session: Session, record: Base, new: bool) -> bool:
    """True when ``record`` is the one change pending in ``session``."""
    if new:
        return len(session.new) == 1 and not session.deleted and not session.dirty
    return (
        sa_inspect(record).session is session
        and not session.new
        and not session.deleted
        and list(session.dirty) == [record]
    )


def load_record(session: Session, cls: type[_B], record_id: int) -> _B | None:
    """``session.get(cls, record_id)`` at a fraction of the ORM's cost in a session that
    holds no record yet: its columns read by one Core SELECT."""
    plan = _row_plan(cls)
    if plan is None or session.identity_map or session.new:
        return session.get(cls, record_id)
    row = session.connection().execute(plan.select, {_PK_PARAM: record_id}).first()
    if row is None:
        return None
    # As a load does: no __init__, no attribute events, the values put in place.
    record = cast(_B, sa_inspect(cls).class_manager.new_instance())
    values = sa_inspect(record).dict
    values[plan.pk] = record_id
    values.update(zip((attr for attr, _column in plan.columns), row, strict=True))
    make_transient_to_detached(record)  # its relationships load when first read
    session.add(record)
    return record


def next_sequence(session: Session, name: str, year: int) -> int:
    """The next number of the gap-free sequence ``name`` for ``year`` (1, 2, 3…).

    Runs inside the write transaction (which holds SQLite's write lock from its first
    statement), so a rolled-back action gives its number back and two actions never share one.
    """
    if not in_write(session):
        raise RuntimeError("next_sequence needs a session from UnitOfWork.write()")
    counter = session.scalars(
        select(SequenceCounter).where(SequenceCounter.name == name, SequenceCounter.year == year)
    ).one_or_none()
    if counter is None:
        counter = SequenceCounter(name=name, year=year, last_value=0)
        session.add(counter)
    counter.last_value += 1
    session.flush()
    return counter.last_value
