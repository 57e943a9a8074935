"""The audit trail written by the unit of work: one entry per business record per action.

Before a flush, each new, changed or deleted record of an audited class is noted with its
values before the change; after the flush (ids are known) an :class:`~.models.AuditEntry` row
is inserted in the same transaction, so it commits or rolls back with the change. With a bulk
summary ("Import de 250 membres") one entry with the row count replaces them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from ptce_desktop.store.base import Base
from ptce_desktop.store.models import AuditEntry

_VERBS = {"create": "Création", "update": "Modification", "delete": "Suppression"}
_INSERT_ENTRY = insert(AuditEntry)


def utc_now() -> dt.datetime:
    """Naive UTC timestamp, as stored in ``at``/``closed_at``/``added_at`` columns."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


#: Types whose values are JSON-ready as they are (``bool`` is an ``int``, listed for speed).
_AS_IS = frozenset({int, str, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


@cache
def _column_keys(cls: type[Base]) -> tuple[str, ...]:
    """The column attributes of ``cls``, in its mapper's order (read on every audited save)."""
    return tuple(attr.key for attr in inspect(cls).column_attrs)


def column_values(obj: Base) -> dict[str, Any]:
    """The column attributes of ``obj`` as JSON-ready values."""
    return {key: _plain(getattr(obj, key)) for key in _column_keys(type(obj))}


def _old_values(obj: Base) -> tuple[dict[str, Any], list[str]]:
    """Values before this session's changes, and the names of the changed columns."""
    state = inspect(obj)
    # An attribute set since it was loaded has its previous value kept there: the others
    # have no history to read (reading it costs more than the rest of an audited save).
    touched = state.committed_state
    before: dict[str, Any] = {}
    changed: list[str] = []
    for key in _column_keys(type(obj)):
        if key not in touched:
            before[key] = _plain(getattr(obj, key))
            continue
        history = state.attrs[key].history
        if history.deleted:
            before[key] = _plain(history.deleted[0])
            changed.append(key)
        elif history.added:
            before[key] = None
            changed.append(key)
        else:
            before[key] = _plain(getattr(obj, key))
    return before, changed


def _dumps(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


@dataclass
class _Pending:
    operation: str
    obj: Base
    before: dict[str, Any] | None
    changed: list[str]
    # Captured before the flush for deletions: a deleted row cannot be read afterwards.
    record_id: int | None = None
    title: str = ""


def _deletion(obj: Base, before: dict[str, Any] | None = None) -> _Pending:
    key = inspect(type(obj)).primary_key_from_instance(obj)
    record_id = key[0] if len(key) == 1 and isinstance(key[0], int) else None
    values = before if before is not None else column_values(obj)
    return _Pending("delete", obj, values, [], record_id, obj.audit_title())


class AuditRecorder:
    """Collects the audited changes of one write and inserts their entries at its end.

    A service may flush several times in one action (a query autoflushes); changes to one
    record are merged so the action leaves exactly one entry per record: created then edited
    is one creation, edited twice is one modification (first "before", last "after"), created
    then deleted leaves nothing.
    """

    def __init__(self, action: str, bulk_summary: str | None) -> None:
        self.action = action
        self.bulk_summary = bulk_summary
        self._pending: dict[int, _Pending] = {}

    def _note(self, item: _Pending) -> None:
        key = id(item.obj)
        known = self._pending.get(key)
        if known is None:
            self._pending[key] = item
        elif item.operation == "delete":
            if known.operation == "create":
                del self._pending[key]
            else:
                self._pending[key] = _deletion(item.obj, known.before)
        elif item.operation == "update" and known.operation == "update":
            known.changed.extend(name for name in item.changed if name not in known.changed)

    def before_flush(self, session: Session) -> None:
        for obj in session.new:
            if isinstance(obj, Base) and obj.audited:
                self._note(_Pending("create", obj, None, []))
        for obj in session.dirty:
            if isinstance(obj, Base) and obj.audited and session.is_modified(obj):
                before, changed = _old_values(obj)
                if changed:
                    self._note(_Pending("update", obj, before, changed))
        for obj in session.deleted:
            if isinstance(obj, Base) and obj.audited:
                self._note(_deletion(obj))

    def after_flush(self, session: Session) -> bool:
        """Entries are written once, by :meth:`finish`; nothing to do per flush."""
        return False

    def finish(self, session: Session) -> bool:
        """Write the entries of the action (or its one bulk entry); True if any was written."""
        pending = list(self._pending.values())
        self._pending = {}
        if not pending:
            return False
        now = utc_now()
        if self.bulk_summary is not None:
            tables = sorted({type(item.obj).__tablename__ for item in pending})
            rows = [
                {
                    "at": now,
                    "action": self.action,
                    "operation": "bulk",
                    "entity": ",".join(tables),
                    "record_id": None,
                    "summary": self.bulk_summary,
                    "before_json": None,
                    "after_json": _dumps({"rows": len(pending)}),
                }
            ]
        else:
            rows = [self._row(item, now) for item in pending]
        # One row (a user's edit): one INSERT, not the executemany path.
        session.connection().execute(_INSERT_ENTRY, rows[0] if len(rows) == 1 else rows)
        return True

    def _row(self, item: _Pending, now: dt.datetime) -> dict[str, Any]:
        obj = item.obj
        if item.operation == "delete":
            record_id, title, after = item.record_id, item.title, None
        else:
            key = inspect(type(obj)).primary_key_from_instance(obj)
            record_id = key[0] if len(key) == 1 and isinstance(key[0], int) else None
            title, after = obj.audit_title(), column_values(obj)
        summary = f"{_VERBS[item.operation]} : {obj.entity_label} « {title} »"
        if item.changed:
            summary += " (" + ", ".join(item.changed) + ")"
        return {
            "at": now,
            "action": self.action,
            "operation": item.operation,
            "entity": type(obj).__tablename__,
            "record_id": record_id,
            "summary": summary,
            "before_json": _dumps(item.before),
            "after_json": _dumps(after),
        }
