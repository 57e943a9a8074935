"""What an import wrote, recorded while it runs, so that the window can undo it as one step.

:class:`ChangeRecorder` listens to the import's session: every business record the services
created (in creation order) and every existing one they changed. Before the import commits,
:meth:`ChangeRecorder.changes` reads the **previous** state of the changed records through a
separate read session — SQLite in WAL mode shows a reader the last committed state, i.e. the
pole as it was before the import — as the views and values their services take back
(``MemberService.update(id, before)``, ``set_budget(service, year, before)``…).

Rows the services derive from those records (shares, key units, VAT periods, payment
matches, the audit entry…) are not listed: undoing the records through their services
recomputes them. A change to any other table makes the import not undoable
(:attr:`ImportChanges.undoable` is False) rather than half undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.models import MemberYearFigures, ServiceBudget
from ptce_desktop.store.unit_of_work import UnitOfWork

#: Records an undo deletes again when the import created them.
CREATED_UNDOABLE = frozenset({
    "members", "member_year_figures", "shared_services", "service_budgets", "allocation_keys",
    "key_versions", "usage_records", "costs", "payments", "instalments",
})  # fmt: skip
#: Records an undo gives back their previous state when the import changed them.
UPDATED_UNDOABLE = frozenset(
    {"members", "member_year_figures", "shared_services", "service_budgets", "key_versions"}
)
#: Rows derived from those records by their services (recomputed when the records are undone).
DERIVED = frozenset({
    "shares", "audit_entries", "sequence_counters", "service_vat_periods", "pole_vat_periods",
    "payment_matches", "fiscal_years",
})  # fmt: skip
#: Rows that belong to a record: a change to them is a change to that record.
PARTS = {"key_version_units": "key_versions", "key_mix_parts": "key_versions"}

FIGURES = ("headcount", "etp_milli", "jobs_created", "jobs_maintained", "volunteers",
           "turnover_cents")  # fmt: skip


@dataclass(frozen=True)
class Record:
    """One record by its table and id; ``keys`` are (member_id, year) for a member's figures,
    (service_id, year) for a budget — what their services are called with."""

    table: str
    id: int
    keys: tuple[int, ...] = ()


@dataclass(frozen=True)
class Updated:
    """A record that existed before the import, and its state then: a ``MemberDraft``, a
    ``ServiceView``, a ``VersionDetail``, the figures (a dict; None: there were none) or the
    budget in cents."""

    record: Record
    before: Any


@dataclass(frozen=True)
class ImportChanges:
    created: tuple[Record, ...]
    updated: tuple[Updated, ...]
    unknown: tuple[str, ...] = ()  # tables changed that an undo would not restore

    @property
    def undoable(self) -> bool:
        return not self.unknown


def _keys(table: str, obj: Any) -> tuple[int, ...]:
    if table == "member_year_figures":
        return (int(obj.member_id), int(obj.year))
    if table == "service_budgets":
        return (int(obj.service_id), int(obj.year))
    return ()


class ChangeRecorder:
    """Listens to ``session`` (the import's write session) until :meth:`stop`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._created: dict[tuple[str, int], Record] = {}
        self._touched: dict[tuple[str, int], Record] = {}
        self._unknown: set[str] = set()
        event.listen(session, "after_flush", self._after_flush)

    def stop(self) -> None:
        event.remove(self.session, "after_flush", self._after_flush)

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        # after_flush still shows what the flush wrote: new objects have their ids
        changed = [
            o for o in session.dirty if session.is_modified(o, include_collections=False)
        ] + list(session.deleted)
        for obj in session.new:
            table = getattr(type(obj), "__tablename__", "")
            if table in CREATED_UNDOABLE:
                record = Record(table, int(obj.id), _keys(table, obj))
                self._created.setdefault((table, record.id), record)
            elif table in PARTS:
                changed.append(obj)  # a new unit of an existing version changes the version
            elif table not in DERIVED:
                self._unknown.add(table)
        for obj in changed:
            table = getattr(type(obj), "__tablename__", "")
            if table in DERIVED:
                continue
            if table in PARTS:
                table, key = PARTS[table], (PARTS[table], int(obj.version_id))
            else:
                key = (table, int(getattr(obj, "id", 0) or 0))
            if key in self._created:
                if obj in session.deleted and obj.__tablename__ == table:
                    del self._created[key]  # created then removed by the import itself
                continue
            if table in UPDATED_UNDOABLE:
                keys = _keys(table, obj) if obj.__tablename__ == table else ()
                self._touched.setdefault(key, Record(table, key[1], keys))
            else:
                self._unknown.add(table)

    def changes(self, outer: UnitOfWork) -> ImportChanges:
        """The records created and changed, with the changed ones' state before the import,
        read through ``outer`` (call it before the import's transaction commits)."""
        updated = tuple(
            Updated(record, _BEFORE[record.table](outer, record))
            for record in self._touched.values()
        )
        return ImportChanges(tuple(self._created.values()), updated, tuple(sorted(self._unknown)))


def _figures(uow: UnitOfWork, record: Record) -> dict[str, int | None] | None:
    with uow.read() as session:
        row = session.get(MemberYearFigures, record.id)
        return None if row is None else {name: getattr(row, name) for name in FIGURES}


def _budget(uow: UnitOfWork, record: Record) -> int | None:
    with uow.read() as session:
        row = session.get(ServiceBudget, record.id)
        return None if row is None else int(row.amount_cents)


_BEFORE: dict[str, Callable[[UnitOfWork, Record], Any]] = {
    "members": lambda uow, r: MemberService(uow).get(r.id).to_draft(),
    "shared_services": lambda uow, r: SharedServiceService(uow).get_service(r.id),
    "key_versions": lambda uow, r: KeyService(uow).get_version(r.id),
    "member_year_figures": _figures,
    "service_budgets": _budget,
}
