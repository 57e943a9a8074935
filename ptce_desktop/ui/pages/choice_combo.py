"""Combo boxes over thousands of choices (a large pole's 5 000 members, its hundreds of keys)
that open and lay out without asking Python for every row.

Three things make a combo cost in proportion to its rows, each time a page or dialog is built:
one ``addItem`` per choice; sizing itself by its widest choice (the default policy measures
every row); and its drop-down list laying out each row at every polish (a style sheet
polishes it as it joins a layout), asking the model a dozen roles per row. :func:`large_combo`
turns the last two off; :class:`ChoiceListModel` holds the choices in one go, and still takes
``addItem``/``insertItem`` (« Nouveau… » and a record created from there)::

    combo = large_combo(QComboBox(), 24)
    set_choices(combo, [(None, "— aucun —"), *members])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QComboBox, QListView

_ROOT = QModelIndex()


class ChoiceListModel(QAbstractListModel):
    """``(data, text)`` rows for a combo box: the text shown (and as tooltip, for long names),
    the data as ``UserRole`` (``currentData``, ``findData``)."""

    def __init__(self, rows: Sequence[tuple[Any, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[Any]] = [[data, text] for data, text in rows]

    def rowCount(self, parent: Any = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[row][1]
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[row][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[row][1]
        return None

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            self._rows[index.row()][1] = value
        elif role == Qt.ItemDataRole.UserRole:
            self._rows[index.row()][0] = value
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def insertRows(self, row: int, count: int, parent: Any = _ROOT) -> bool:
        if parent.isValid() or not 0 <= row <= len(self._rows) or count < 1:
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [[None, ""] for _ in range(count)]
        self.endInsertRows()
        return True

    def flags(self, index: Any) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def large_combo(combo: QComboBox, minimum_length: int) -> QComboBox:
    """Size ``combo`` by ``minimum_length`` characters and make its list size one row for all
    (call it before the combo joins a layout); returns ``combo``."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_length)
    view = combo.view()
    if isinstance(view, QListView):
        view.setUniformItemSizes(True)
    return combo


def set_choices(combo: QComboBox, rows: Sequence[tuple[Any, str]]) -> None:
    """Replace the choices of ``combo`` in one go (the combo deletes its previous model, its
    child); the first row becomes the current one."""
    combo.setModel(ChoiceListModel(rows, combo))
