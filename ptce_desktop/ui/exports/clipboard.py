"""Paste a block of cells copied from Excel or LibreOffice (tab-separated lines, quoted cells
holding line breaks, French numbers) into an editable grid.

* positional: the block fills the grid from the current cell, right and down; cells that fall
  outside the grid or on a read-only cell are skipped;
* by name: when the block has two columns or more and its first column names rows of the grid
  (the members of a key version, accents and case ignored), each value goes to the row of that
  name, whatever the order; the names the grid does not have are returned.

Each value goes through the model's own ``setData`` (what typing it would do): a value the
model refuses stays in its cell, marked, with the reason as its tooltip.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from ptce_desktop.ui.widgets.table_model import fold


def parse_block(text: str) -> list[list[str]]:
    """The cells of a tab-separated block (the last empty line ignored)."""
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n"), newline=""), delimiter="\t"))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


@dataclass
class PasteResult:
    filled: int = 0
    unknown: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # lines not recorded, with the reason


def paste_block(
    view: QAbstractItemView, text: str, *, name_column: int | None = None, value_column: int = 1
) -> PasteResult:
    model = view.model()
    result = PasteResult()
    block = parse_block(text)
    if model is None or not block:
        return result
    if name_column is not None and all(len(row) >= 2 for row in block):
        names = {
            fold(str(model.index(r, name_column).data() or "")).strip(): r
            for r in range(model.rowCount())
        }
        if any(fold(row[0]).strip() in names for row in block):
            for row in block:
                found = names.get(fold(row[0]).strip())
                if found is None:
                    if row[0].strip():
                        result.unknown.append(row[0].strip())
                    continue
                if model.setData(
                    model.index(found, value_column), row[-1], Qt.ItemDataRole.EditRole
                ):
                    result.filled += 1
            return result
    start = view.currentIndex()
    top = start.row() if start.isValid() else 0
    left = start.column() if start.isValid() else value_column
    for r, cells in enumerate(block):
        for c, cell in enumerate(cells):
            index = model.index(top + r, left + c)
            if not index.isValid() or not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            if model.setData(index, cell, Qt.ItemDataRole.EditRole):
                result.filled += 1
    return result


class PasteFilter(QObject):
    """Ctrl+V on ``view`` pastes the clipboard (see the module); unknown names are shown."""

    def __init__(
        self,
        view: QAbstractItemView,
        *,
        name_column: int | None = 0,
        value_column: int = 1,
        history: QUndoStack | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.name_column = name_column
        self.value_column = value_column
        self.history = history  # each cell an undoable action: one paste, one undo step
        self.last: PasteResult | None = None
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may still deliver an event while Python tears the filter down (its dialog closed,
        # its attributes already cleared): then there is nothing to paste into
        view = getattr(self, "view", None)
        if (
            view is not None
            and watched is view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            self.paste(QGuiApplication.clipboard().text())
            return True
        return False

    def paste(self, text: str) -> PasteResult:
        if self.history is not None:
            self.history.beginMacro(self.tr("Paste"))
        try:
            self.last = self.fill(text)
        finally:
            if self.history is not None:
                self.history.endMacro()
                _drop_if_empty(self.history)
        if self.last.unknown:
            QMessageBox.information(
                self.view,
                "PTCE Desktop",
                self.tr("Not in this table, not pasted: %1").replace(
                    "%1", ", ".join(f"« {name} »" for name in self.last.unknown)
                ),
            )
        if self.last.refused:
            QMessageBox.information(self.view, "PTCE Desktop", "\n".join(self.last.refused))
        return self.last

    def fill(self, text: str) -> PasteResult:
        """Write the block into the view (one undo step when ``history`` is given); a table
        that adds records from pasted lines overrides this."""
        return paste_block(
            self.view, text, name_column=self.name_column, value_column=self.value_column
        )


def install_paste(
    view: QAbstractItemView,
    *,
    name_column: int | None = 0,
    value_column: int = 1,
    history: QUndoStack | None = None,
) -> PasteFilter:
    return PasteFilter(view, name_column=name_column, value_column=value_column, history=history)


def _drop_if_empty(history: QUndoStack) -> None:
    """A paste that changed nothing leaves no empty « Paste » step behind."""
    step = history.command(history.index() - 1)
    if step is not None and step.childCount() == 0 and history.index() == history.count():
        step.setObsolete(True)
        history.undo()
