"""A list whose some columns take a block pasted from a spreadsheet (Ctrl+V, see
:mod:`ptce_desktop.ui.exports.clipboard`), each pasted cell written through the page's own
action — the services' budget of the year, a usage record's quantity.

The list stays read-only to typing and double-click (the page's dialogs edit a record); only a
paste goes through :meth:`setData`. ``editors`` maps a column to ``write(row, text)``, which
parses the text and calls the page's (undoable) action; a :class:`PtceError` it raises marks
that cell — red, the reason as its tooltip — until a later paste into it succeeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
Writer = Callable[[Any, str], None]

ERROR_BACKGROUND = QColor("#fde2e1")


class PastableRowModel(RowTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        editors: Mapping[int, Writer],
        rows: Sequence[Any] = (),
        parent: QObject | None = None,
        *,
        row_key: Callable[[Any], Any] = lambda row: getattr(row, "id", None),
    ) -> None:
        super().__init__(columns, rows, parent)
        self.editors = dict(editors)
        self.row_key = row_key
        self.errors: dict[tuple[Any, int], tuple[str, str]] = {}  # (row, column) -> text, why

    def error_of(self, row: int, column: int) -> str | None:
        found = self.errors.get((self.row_key(self.row_at(row)), column))
        return None if found is None else found[1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            found = self.errors.get((self.row_key(self.row_at(index.row())), index.column()))
            if found is not None:
                text, why = found
                if role == Qt.ItemDataRole.DisplayRole:
                    return text  # what was pasted stays in its cell
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(ERROR_BACKGROUND)
                return why
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in self.editors:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        write = self.editors.get(index.column()) if index.isValid() else None
        if write is None or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.row_at(index.row())
        key = (self.row_key(row), index.column())
        text = str(value).strip()
        try:
            write(row, text)
        except PtceError as error:
            self.errors[key] = (text, error.message(current_language()))
            self.dataChanged.emit(index, index)
            return False
        self.errors.pop(key, None)
        self.dataChanged.emit(index, index)
        return True
