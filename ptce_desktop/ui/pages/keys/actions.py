"""The undoable edits of the Clés de répartition page: each one service call, pushed on the
window's undo stack with the call that undoes it (DESIGN §5 "Undo").

Records are named the way they survive an undo of their deletion:

* a key, a member, a usage record by the history's :class:`~ptce_desktop.ui.commands.RecordRef`
  taken when the step is recorded (its ``id`` follows the record through deletes and
  re-creates; SQLite may give a deleted record's id to another one);
* a version by its key and its date (a key has one version per date), so the steps of a
  version still find it after its key was deleted and re-created.

Member and key ids inside drafts are held as refs too, and turned back into ids only when a
step runs, so a member deleted and restored in between is still the one meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import (
    KeyDraft,
    KeyView,
    UsageDraft,
    UsageView,
    VersionChange,
    VersionDetail,
    VersionDraft,
)
from ptce_desktop.ui.commands import RecordRef, UndoHistory

translate = QCoreApplication.translate

KEY = "key"
USAGE = "usage"
MEMBER = "member"


@dataclass(frozen=True)
class Created:
    """What ``UndoHistory.create`` wants back from a create: something with an ``id``."""

    id: int


def short(name: str) -> str:
    return name if len(name) <= 40 else name[:39] + "…"


def version_draft(detail: VersionDetail) -> VersionDraft:
    """The draft that writes ``detail`` again (to undo an edit or a deletion)."""
    if detail.method is Method.MIXED:
        parts = {part.key_id: part.weight_bp for part in detail.parts}
        return VersionDraft(detail.valid_from, parts=parts, note=detail.note)
    if detail.method is Method.USAGE:
        return VersionDraft(detail.valid_from, note=detail.note)
    if detail.method is Method.EQUAL:
        values = {row.member_id: 1 for row in detail.members}
    else:
        values = {row.member_id: row.units for row in detail.members}
    return VersionDraft(detail.valid_from, values=values, note=detail.note)


def usage_draft(usage: UsageView) -> UsageDraft:
    return UsageDraft(usage.key_id, usage.member_id, usage.on, usage.quantity_milli, usage.note)


class KeyActions:
    """Undoable key, version and usage edits over :class:`KeyService`."""

    def __init__(self, service: KeyService, history: UndoHistory) -> None:
        self.service = service
        self.history = history

    # --- refs --------------------------------------------------------------------------------
    def _version(self, draft: VersionDraft) -> Callable[[], VersionDraft]:
        """The draft with its member and key ids held by ref; call it when the step runs."""
        ref = self.history.ref
        values = [(ref(MEMBER, m), v) for m, v in draft.values.items()]
        parts = [(ref(KEY, k), w) for k, w in draft.parts.items()]
        return lambda: replace(
            draft, values={r.id: v for r, v in values}, parts={r.id: w for r, w in parts}
        )

    def _usage(self, draft: UsageDraft) -> Callable[[], UsageDraft]:
        key, member = self.history.ref(KEY, draft.key_id), self.history.ref(MEMBER, draft.member_id)
        return lambda: replace(draft, key_id=key.id, member_id=member.id)

    def version_id(self, key: RecordRef, valid_from: dt.date) -> int:
        """The version of key ``key`` (wherever it is now) dated ``valid_from``."""
        for version in self.service.get_key(key.id).versions:
            if version.valid_from == valid_from:
                return version.id
        raise PtceError(
            "not_found",
            entity=Entity.KEY_VERSION,
            id=format_date(valid_from),
        )

    # --- keys --------------------------------------------------------------------------------
    def create_key(self, draft: KeyDraft) -> int:
        service = self.service
        text = translate("KeyActions", "Add key “%1”").replace("%1", short(draft.name))
        created = self.history.create(
            text, KEY, lambda: Created(service.create_key(draft)), service.delete_key
        )
        return created.id

    def update_key(self, key: KeyView, draft: KeyDraft) -> None:
        before = KeyDraft(key.name, key.method.value, key.unit, key.description)
        text = translate("KeyActions", "Edit key “%1”").replace("%1", short(draft.name))
        self.history.update(text, KEY, key.id, self.service.update_key, before, draft)

    def delete_key(self, key_id: int) -> None:
        """Delete the key; undo brings it back with its versions and recorded usage."""
        service, history = self.service, self.history
        key = service.get_key(key_id)
        draft = KeyDraft(key.name, key.method.value, key.unit, key.description)
        versions = [self._version(version_draft(service.get_version(v.id))) for v in key.versions]
        usage = [
            (history.ref(USAGE, record.id), self._usage(usage_draft(record)))
            for record in service.list_usage(key_id, dt.date.min, dt.date.max)
        ]

        def delete(current_id: int) -> None:
            service.delete_key(current_id)
            for record, _draft in usage:  # the records went with their key
                history._gone(record)

        def recreate() -> Created:
            new_id = service.create_key(draft)
            for version in versions:
                service.add_version(new_id, version())
            for record, record_draft in usage:
                new_record = service.add_usage(replace(record_draft(), key_id=new_id))
                history._moved(record, new_record)  # later steps of the record follow it
            return Created(new_id)

        text = translate("KeyActions", "Delete key “%1”").replace("%1", short(key.name))
        history.delete(text, KEY, key_id, delete, recreate)

    # --- versions ----------------------------------------------------------------------------
    def add_version(self, key_id: int, key_name: str, draft: VersionDraft) -> VersionChange:
        service, key = self.service, self.history.ref(KEY, key_id)
        text = (
            translate("KeyActions", "Add the version of %1 to “%2”")
            .replace("%1", format_date(draft.valid_from))
            .replace("%2", short(key_name))
        )
        values = self._version(draft)
        return self.history.run(
            text,
            lambda: service.add_version(key.id, values()),
            lambda: service.delete_version(self.version_id(key, draft.valid_from)),
        )

    def update_version(
        self, key_id: int, key_name: str, before: VersionDraft, after: VersionDraft
    ) -> VersionChange:
        service, key = self.service, self.history.ref(KEY, key_id)
        text = (
            translate("KeyActions", "Edit the version of %1 of “%2”")
            .replace("%1", format_date(after.valid_from))
            .replace("%2", short(key_name))
        )
        old, new = self._version(before), self._version(after)
        return self.history.run(
            text,
            lambda: service.update_version(self.version_id(key, before.valid_from), new()),
            lambda: service.update_version(self.version_id(key, after.valid_from), old()),
        )

    def delete_version(self, key_id: int, key_name: str, before: VersionDraft) -> VersionChange:
        service, key = self.service, self.history.ref(KEY, key_id)
        text = (
            translate("KeyActions", "Delete the version of %1 of “%2”")
            .replace("%1", format_date(before.valid_from))
            .replace("%2", short(key_name))
        )
        old = self._version(before)
        return self.history.run(
            text,
            lambda: service.delete_version(self.version_id(key, before.valid_from)),
            lambda: service.add_version(key.id, old()),
        )

    # --- usage -------------------------------------------------------------------------------
    def add_usage(self, draft: UsageDraft, member_name: str) -> int:
        service = self.service
        text = (
            translate("KeyActions", "Record usage of “%1” on %2")
            .replace("%1", short(member_name))
            .replace("%2", format_date(draft.on))
        )
        record = self._usage(draft)
        create = lambda: Created(service.add_usage(record()))  # noqa: E731
        created = self.history.create(text, USAGE, create, service.delete_usage)
        return created.id

    def update_usage(self, usage: UsageView, draft: UsageDraft, member_name: str) -> None:
        service = self.service
        text = (
            translate("KeyActions", "Edit usage of “%1” on %2")
            .replace("%1", short(member_name))
            .replace("%2", format_date(draft.on))
        )
        states = {"before": self._usage(usage_draft(usage)), "after": self._usage(draft)}
        self.history.update(
            text,
            USAGE,
            usage.id,
            lambda usage_id, state: service.update_usage(usage_id, states[state]()),
            "before",
            "after",
        )

    def delete_usage(self, usage: UsageView) -> None:
        service = self.service
        before = self._usage(usage_draft(usage))
        text = (
            translate("KeyActions", "Delete usage of “%1” on %2")
            .replace("%1", short(usage.member_name))
            .replace("%2", format_date(usage.on))
        )
        self.history.delete(
            text,
            USAGE,
            usage.id,
            service.delete_usage,
            lambda: Created(service.add_usage(before())),
        )
