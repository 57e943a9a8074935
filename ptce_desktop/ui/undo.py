"""Undo and Redo actions that follow a QUndoStack-like object and the file's read-only state.

The stack is duck-typed: ``canUndo()``, ``canRedo()``, ``undo()``, ``redo()``, and optionally
``undoText()``/``redoText()`` and the ``canUndoChanged``/``canRedoChanged``/``undoTextChanged``/
``redoTextChanged`` signals (a ``QUndoStack`` has them all). Undoing replays the inverse service
command, so the stack itself lives with the services (docs/DESIGN.md §5 "Undo").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from ptce_desktop.ui.icons import icon

translate = QCoreApplication.translate


class UndoActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._stack: Any = None
        self._read_only = False
        self.undo = QAction(translate("UndoActions", "&Undo"), parent)
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo.setIcon(icon("undo"))
        self.undo.triggered.connect(self._undo)
        self.redo = QAction(translate("UndoActions", "&Redo"), parent)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setIcon(icon("redo"))
        self.redo.triggered.connect(self._redo)
        self.refresh()

    def bind(self, stack: Any) -> None:
        self._stack = stack
        for name in ("canUndoChanged", "canRedoChanged", "undoTextChanged", "redoTextChanged"):
            signal = getattr(stack, name, None)
            if signal is not None:
                signal.connect(self.refresh)
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        stack = self._stack
        writable = not self._read_only
        can_undo = bool(stack is not None and stack.canUndo()) and writable
        can_redo = bool(stack is not None and stack.canRedo()) and writable
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        undo_text = stack.undoText() if can_undo and hasattr(stack, "undoText") else ""
        redo_text = stack.redoText() if can_redo and hasattr(stack, "redoText") else ""
        if undo_text:
            self.undo.setText(translate("UndoActions", "&Undo “%1”").replace("%1", undo_text))
        else:
            self.undo.setText(translate("UndoActions", "&Undo"))
        if redo_text:
            self.redo.setText(translate("UndoActions", "&Redo “%1”").replace("%1", redo_text))
        else:
            self.redo.setText(translate("UndoActions", "&Redo"))

    def _undo(self) -> None:
        if self._stack is not None and not self._read_only:
            self._stack.undo()

    def _redo(self) -> None:
        if self._stack is not None and not self._read_only:
            self._stack.redo()
