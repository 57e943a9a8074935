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
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, exc, select
from sqlalchemy.orm import Session, UOWTransaction

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.audit import AuditRecorder
from ptce_desktop.store.database import Database
from ptce_desktop.store.guard import check_closed_years
from ptce_desktop.store.models import SequenceCounter

log = logging.getLogger(__name__)

#: Key of ``Session.info`` holding the write tracker of a UoW write session.
WRITE_INFO_KEY = "ptce_uow_write"


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

    def __init__(self, action: str, bulk_summary: str | None) -> None:
        self.tables: set[str] = set()
        self.audit = AuditRecorder(action, bulk_summary)

    def before_flush(self, session: Session, _context: UOWTransaction, _instances: Any) -> None:
        with session.no_autoflush:
            changed = [*session.new, *session.dirty, *session.deleted]
            for obj in changed:
                table = getattr(type(obj), "__tablename__", None)
                if table and (obj not in session.dirty or session.is_modified(obj)):
                    self.tables.add(table)
            check_closed_years(session)
            self.audit.before_flush(session)

    def after_flush(self, session: Session, _context: UOWTransaction) -> None:
        if self.audit.after_flush(session):
            self.tables.add("audit_entries")


class UnitOfWork:
    """Opens write and read sessions on one :class:`~.database.Database`."""

    def __init__(self, db: Database, bus: ChangeBus | None = None) -> None:
        self.db = db
        self.bus = bus if bus is not None else ChangeBus()
        self._writing = False

    @contextmanager
    def write(self, action: str, *, bulk_summary: str | None = None) -> Iterator[Session]:
        """``with uow.write("Modifier une charge") as session:`` — all or nothing."""
        if self.db.read_only:
            raise PtceError("read_only")
        self.db.check_write()  # still our file and our lock (lock_lost, file_replaced)
        if self._writing:
            # A second write would wait 5 s on SQLite's lock held by the first, then fail.
            raise RuntimeError("UnitOfWork.write() is not reentrant: pass the session down")
        tracker = _WriteTracker(action, bulk_summary)
        session = self.db.write_session_factory()
        session.info[WRITE_INFO_KEY] = tracker
        event.listen(session, "before_flush", tracker.before_flush)
        event.listen(session, "after_flush", tracker.after_flush)
        self._writing = True
        try:
            with session.begin():
                yield session
                session.flush()
                if tracker.audit.finish(session):
                    tracker.tables.add("audit_entries")
        except exc.DBAPIError as error:
            raise PtceError("database_error", detail=str(error.orig)) from error
        finally:
            self._writing = False
            session.close()
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


def mark_changed(session: Session, *tables: str) -> None:
    """Add ``tables`` to the :class:`Change` this write will publish: for rows written by bulk
    statements, which the unit of work does not see."""
    tracker = session.info.get(WRITE_INFO_KEY)
    if not isinstance(tracker, _WriteTracker):
        raise RuntimeError("mark_changed needs a session from UnitOfWork.write()")
    tracker.tables.update(tables)


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
