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
* **a deleted record comes back with a new id** (SQLite hands out a new rowid). Commands
  therefore name records by the id they had when the command was recorded, and the history
  keeps a map "original id → current id" (:meth:`UndoHistory.resolve`), updated whenever a
  re-create happens, so an older "edit" still finds the record after undo/redo of its delete;
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


class UndoHistory(QUndoStack):
    """The window's undo stack, with the helpers pages use (see the module docstring)."""

    def __init__(self, on_error: ErrorHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setUndoLimit(200)
        self._on_error = on_error
        self._failed: BaseException | None = None
        self._ids: dict[tuple[str, int], int] = {}

    def set_error_handler(self, on_error: ErrorHandler | None) -> None:
        self._on_error = on_error

    # --- ids of re-created records ------------------------------------------------------------
    def resolve(self, kind: str, record_id: int) -> int:
        """The current id of the record that had ``record_id`` when a command was recorded."""
        return self._ids.get((kind, record_id), record_id)

    def _rebind(self, kind: str, old_id: int, new_id: int) -> None:
        for key, current in list(self._ids.items()):
            if key[0] == kind and current == old_id:
                self._ids[key] = new_id
        self._ids[(kind, old_id)] = new_id

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
        original: int = view.id  # type: ignore[attr-defined]

        def redo() -> None:
            current = self.resolve(kind, original)
            self._rebind(kind, current, create().id)  # type: ignore[attr-defined]

        self.push(ServiceCommand(self, text, redo, lambda: delete(self.resolve(kind, original))))
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
        result = apply(record_id, after)
        self.push(
            ServiceCommand(
                self,
                text,
                lambda: apply(self.resolve(kind, record_id), after),
                lambda: apply(self.resolve(kind, record_id), before),
            )
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
        """Delete now; undo calls ``recreate()`` (a new id, mapped), redo deletes again."""
        delete(record_id)

        def undo() -> None:
            current = self.resolve(kind, record_id)
            self._rebind(kind, current, recreate().id)

        self.push(ServiceCommand(self, text, lambda: delete(self.resolve(kind, record_id)), undo))

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
        self._ids.clear()
