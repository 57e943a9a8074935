"""Undo and redo (DESIGN §5): every undo step replays service calls through the unit of work.

A page does the action itself **first** (so a refused action raises straight into its dialog,
which marks the field and keeps what was typed), then records how to undo it. One line each::

    view = ctx.history.create(self.tr("Add member “%1”")…, "member",
                              create=lambda: members.create(draft), delete=members.delete)
    view = ctx.history.update(text, "member", member.id, apply=members.update,
                              before=member.to_draft(), after=draft)
    ctx.history.delete(text, "member", member.id, delete=members.delete,
                       recreate=lambda: members.create(member.to_draft()))
    ctx.history.run(text, do=..., undo=...)   # anything else: two callables

Rules:

* each ``do``/``undo`` is a service call, i.e. one transaction through the unit of work: it is
  audited and obeys closed years and read-only files like any user action;
* **a deleted record comes back with a new id**, and SQLite may reuse a deleted record's id
  for another one. Commands therefore hold a :class:`RecordRef` taken when they are recorded
  (:meth:`UndoHistory.ref`), whose ``id`` follows the record through deletes and re-creates,
  so an older "edit" still finds its record and never another one that took its old id;
* if an undo or redo fails (the record is now in a closed year, a member now has shares…), the
  error is shown and the **whole history is cleared**: the data are as the last successful
  step left them, and no later step can replay over a state it does not expect;
* **not undoable** — issuing calls for funds, closing or reopening a fiscal year, importing an
  archive, opening another file: those actions call :meth:`UndoHistory.clear` (an earlier
  step could otherwise undo across them). Their confirmation texts say so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ptce_desktop.domain.errors import PtceError

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorHandler = Callable[[BaseException], None]


class ServiceCommand(QUndoCommand):
    """A step whose ``do`` already ran when it was pushed; redo/undo call services again."""

    def __init__(
        self,
        history: UndoHistory,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
    ) -> None:
        super().__init__(text)
        self._history = history
        self._do = do
        self._undo = undo
        self._pushed = False  # QUndoStack.push() calls redo(): the first one is already done

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._history._attempt(self, self._do)

    def undo(self) -> None:
        self._history._attempt(self, self._undo)


class RecordRef:
    """One record as the history knows it: its kind and its *current* id.

    A deleted record comes back with a new id, and SQLite may give a new record the id of a
    deleted one; commands therefore hold a ``RecordRef`` (taken when they are recorded), never
    a bare id, so two records can never be confused.
    """

    __slots__ = ("alive", "id", "kind")

    def __init__(self, kind: str, record_id: int) -> None:
        self.kind = kind
        self.id = record_id
        self.alive = True


class UndoHistory(QUndoStack):
    """The window's undo stack, with the helpers pages use (see the module docstring)."""

    def __init__(self, on_error: ErrorHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setUndoLimit(200)
        self._on_error = on_error
        self._failed: BaseException | None = None
        # (kind, current id) -> the ref of the live record that has that id now
        self._live: dict[tuple[str, int], RecordRef] = {}

    def set_error_handler(self, on_error: ErrorHandler | None) -> None:
        self._on_error = on_error

    # --- records and their current ids ---------------------------------------------------------
    def ref(self, kind: str, record_id: int) -> RecordRef:
        """The ref of the live record ``record_id`` now (call it when recording a step)."""
        known = self._live.get((kind, record_id))
        if known is None or not known.alive or known.id != record_id:
            known = RecordRef(kind, record_id)
            self._live[(kind, record_id)] = known
        return known

    def resolve(self, kind: str, record_id: int) -> int:
        """The current id of the record known under ``record_id``.

        Prefer :meth:`ref`, taken when the step is recorded: ``resolve`` looks the record up
        by an id value, which is only safe while that record has not been deleted.
        """
        known = self._live.get((kind, record_id))
        return known.id if known is not None else record_id

    def _moved(self, ref: RecordRef, new_id: int) -> None:
        """``ref``'s record was re-created under ``new_id``."""
        if self._live.get((ref.kind, ref.id)) is ref:
            del self._live[(ref.kind, ref.id)]
        ref.id, ref.alive = new_id, True
        self._live[(ref.kind, new_id)] = ref

    def _rebind(self, kind: str, old_id: int, new_id: int) -> None:
        """The record known under ``old_id`` was re-created as ``new_id`` (custom steps)."""
        self._moved(self._live.get((kind, old_id)) or RecordRef(kind, old_id), new_id)

    def _gone(self, ref: RecordRef) -> None:
        ref.alive = False
        if self._live.get((ref.kind, ref.id)) is ref:
            del self._live[(ref.kind, ref.id)]

    # --- recording ----------------------------------------------------------------------------
    def run(self, text: str, do: Callable[[], T], undo: Callable[[], Any]) -> T:
        """Run ``do()`` now; on success push a step that undoes with ``undo()``."""
        result = do()
        self.push(ServiceCommand(self, text, do, undo))
        return result

    def create(
        self,
        text: str,
        kind: str,
        create: Callable[[], T],
        delete: Callable[[int], Any],
    ) -> T:
        """Create now (``create()`` returns a view with ``.id``); undo deletes, redo re-creates."""
        view = create()
        ref = self.ref(kind, view.id)  # type: ignore[attr-defined]

        def redo() -> None:
            self._moved(ref, create().id)  # type: ignore[attr-defined]

        def undo() -> None:
            delete(ref.id)
            self._gone(ref)

        self.push(ServiceCommand(self, text, redo, undo))
        return view

    def update(
        self,
        text: str,
        kind: str,
        record_id: int,
        apply: Callable[[int, Any], T],
        before: Any,
        after: Any,
    ) -> T:
        """``apply(id, after)`` now; undo is ``apply(id, before)``."""
        ref = self.ref(kind, record_id)
        result = apply(record_id, after)
        self.push(
            ServiceCommand(self, text, lambda: apply(ref.id, after), lambda: apply(ref.id, before))
        )
        return result

    def delete(
        self,
        text: str,
        kind: str,
        record_id: int,
        delete: Callable[[int], Any],
        recreate: Callable[[], Any],
    ) -> None:
        """Delete now; undo calls ``recreate()`` (a new id, followed), redo deletes again."""
        ref = self.ref(kind, record_id)
        delete(record_id)
        self._gone(ref)

        def redo() -> None:
            delete(ref.id)
            self._gone(ref)

        self.push(ServiceCommand(self, text, redo, lambda: self._moved(ref, recreate().id)))

    # --- replaying ----------------------------------------------------------------------------
    def _attempt(self, command: ServiceCommand, work: Callable[[], Any]) -> None:
        try:
            work()
        except Exception as error:
            # Leave the stack consistent: the failed step goes (Qt deletes an obsolete
            # command after undo/redo) and the rest is cleared once the stack is idle.
            command.setObsolete(True)
            self._failed = error

    def undo(self) -> None:
        super().undo()
        self._after_replay()

    def redo(self) -> None:
        super().redo()
        self._after_replay()

    def _after_replay(self) -> None:
        error, self._failed = self._failed, None
        if error is None:
            return
        self.clear()
        if not isinstance(error, PtceError):
            log.error("undo/redo failed", exc_info=(type(error), error, error.__traceback__))
        if self._on_error is not None:
            self._on_error(error)
        elif not isinstance(error, PtceError):
            raise error

    def clear(self) -> None:
        """Forget every step (after a non-undoable action, or when a replay failed)."""
        super().clear()
        self._live.clear()
