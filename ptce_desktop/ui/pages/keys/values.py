"""The editable members × units table of the version dialog (Clés de répartition page).

:class:`VersionValuesModel` parses what is typed in a cell with the domain's own parsers
(``12,5`` → 12500 thousandths, ``25`` → 2500 basis points) and keeps the text typed even when it
is wrong, so the dialog can point at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_percent, format_units, parse_percent, parse_units
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.keys.models import value_header
from ptce_desktop.ui.widgets.table_model import LEFT, RIGHT

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex


# --- the editable table of the version dialog ------------------------------------------------


@dataclass
class Entry:
    """One editable line: a member (or, for a mixed key, a key) and what was typed for it."""

    ident: int
    name: str
    text: str = ""
    value: int | None = None
    error: PtceError | None = None
    checked: bool = False


EDIT_UNITS = "units"
EDIT_PERCENT = "percent"
EDIT_EQUAL = "equal"
EDIT_PARTS = "parts"

INVALID_BACKGROUND = QColor("#fde8e6")


class VersionValuesModel(QAbstractTableModel):
    """Members × units (or percentages, participation, weights of parts), edited in place.

    ``mode`` is one of ``units``, ``percent``, ``equal`` (a check box per member) or ``parts``
    (the keys a mixed key combines, with their weights). A bad entry keeps its text, turns the
    cell red and carries its message; :meth:`first_error` gives it to the dialog.
    """

    totalsChanged = Signal()

    NAME, VALUE, SHARE = 0, 1, 2

    def __init__(
        self,
        mode: str,
        entries: Sequence[Entry],
        unit: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.unit = unit
        self._entries = list(entries)
        for entry in self._entries:
            if entry.value is not None and not entry.text:
                entry.text = self._tidy(entry.value)

    # --- reading -----------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def values(self) -> dict[int, int]:
        """What the service takes: member (or key) id → value; blank lines are left out."""
        if self.mode == EDIT_EQUAL:
            return {entry.ident: 1 for entry in self._entries if entry.checked}
        return {e.ident: e.value for e in self._entries if e.value is not None and not e.error}

    def total(self) -> int:
        if self.mode == EDIT_EQUAL:
            return sum(1 for entry in self._entries if entry.checked)
        return sum(e.value for e in self._entries if e.value is not None and not e.error)

    def first_error(self) -> tuple[int, PtceError] | None:
        for row, entry in enumerate(self._entries):
            if entry.error is not None:
                return row, entry.error
        return None

    def set_all_checked(self, checked: bool) -> None:
        for entry in self._entries:
            entry.checked = checked
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 2))
        self.totalsChanged.emit()

    # --- parsing -----------------------------------------------------------------------------
    def _parse(self, text: str) -> int:
        lang = current_language()
        if self.mode == EDIT_UNITS:
            return parse_units(text, lang, field="values")
        field = "parts" if self.mode == EDIT_PARTS else "values"
        return parse_percent(text, lang, field=field)

    def _tidy(self, value: int) -> str:
        if self.mode == EDIT_UNITS:
            return format_units(value, lang=current_language())
        return format_percent(value, symbol=False, lang=current_language())

    def set_text(self, row: int, text: str) -> None:
        """Type ``text`` in the value cell of ``row`` (what the cell editor does)."""
        entry = self._entries[row]
        entry.text = text.strip()
        entry.error = None
        entry.value = None
        if entry.text:
            try:
                entry.value = self._parse(entry.text)
            except PtceError as error:
                entry.error = error
            else:
                entry.text = self._tidy(entry.value)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def _share(self, entry: Entry) -> Fraction | None:
        total = self.total()
        if not total:
            return None
        if self.mode == EDIT_EQUAL:
            return Fraction(1, total) if entry.checked else None
        if entry.value is None or entry.error is not None:
            return None
        return Fraction(entry.value, total)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return entry.name
            if column == self.VALUE:
                return None if self.mode == EDIT_EQUAL else entry.text
            share = self._share(entry)
            return (
                ""
                if share is None
                else format_percent(share_percent_bp(share), lang=current_language(), fixed=True)
            )
        if role == Qt.ItemDataRole.CheckStateRole and column == self.VALUE:
            if self.mode == EDIT_EQUAL:
                return Qt.CheckState.Checked if entry.checked else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(RIGHT.value)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.VALUE and entry.error:
            return INVALID_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column == self.VALUE and entry.error:
            return entry.error.message(current_language())
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.VALUE:
            if self.mode == EDIT_EQUAL:
                return entry.name
            return f"{entry.name}: {entry.text}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.VALUE:
            return False
        row = index.row()
        if self.mode == EDIT_EQUAL:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            self._entries[row].checked = state == Qt.CheckState.Checked.value
        else:
            if role != Qt.ItemDataRole.EditRole:
                return False
            self.set_text(row, "" if value is None else str(value))
        self.dataChanged.emit(index, index)
        last = len(self._entries) - 1
        self.dataChanged.emit(self.index(0, self.SHARE), self.index(last, self.SHARE))
        self.totalsChanged.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.VALUE:
            if self.mode == EDIT_EQUAL:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 3:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((RIGHT if section else LEFT).value)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.NAME:
            if self.mode == EDIT_PARTS:
                return translate("KeysPage", "Key")
            return translate("KeysPage", "Member")
        if section == self.SHARE:
            return translate("KeysPage", "Share")
        if self.mode == EDIT_PARTS:
            return translate("KeysPage", "Weight (%)")
        if self.mode == EDIT_PERCENT:
            return translate("KeysPage", "Percentage (%)")
        if self.mode == EDIT_EQUAL:
            return translate("KeysPage", "Takes part")
        return value_header(Method.UNITS, self.unit)
