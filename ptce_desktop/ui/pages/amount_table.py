"""A small editable table whose cells hold amounts or percentages typed by the user.

Used where a dialog or a tab asks for several amounts at once (matching a payment to calls,
a grant's forecast budget, a redistribution plan). Rows are plain dicts; an editable cell keeps
the text *as typed* (so nothing is lost when it is wrong), shows it in red with the domain's
message as tooltip while it does not parse, and tidies it once it does (``1234,5`` →
``1 234,50``). :meth:`EditableTable.value` parses a cell with the domain parsers and raises the
:class:`PtceError` (with the table's ``field``) so a form can show it under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QSizePolicy, QTableView

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money, format_percent, parse_money, parse_percent
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.style import ERROR
from ptce_desktop.ui.widgets.table_model import LEFT, RIGHT

Index = QModelIndex | QPersistentModelIndex

MONEY = "money"
PERCENT = "percent"
TEXT = "text"

#: Row keys with a meaning for the model: a heading row (bold, never editable), a locked row.
HEADING = "_heading"
LOCKED = "_locked"


@dataclass(frozen=True)
class EditColumn:
    """``key`` of the row dict; ``kind`` MONEY/PERCENT cells parse, TEXT cells show ``str``.

    ``display`` turns a read-only value into text (default: money as ``1 234,56 €``, text as
    is); editable cells show what was typed, with « € » or « % » once it reads as an amount
    (edited bare: the editor opens on the figure alone).
    """

    header: str
    key: str
    kind: str = TEXT
    editable: bool = False
    display: Callable[[Any], str] | None = None

    @property
    def align(self) -> Qt.AlignmentFlag:
        return RIGHT if self.kind in (MONEY, PERCENT) else LEFT


def parse_cell(kind: str, text: str, field: str | None) -> int | None:
    """The cents / basis points of ``text`` (None when empty); raises :class:`PtceError`."""
    if not text.strip():
        return None
    lang = current_language()
    if kind == MONEY:
        return parse_money(text, lang, field=field)
    return parse_percent(text, lang, field=field)


def tidy_cell(kind: str, value: int | None) -> str:
    if value is None:
        return ""
    lang = current_language()
    if kind == MONEY:
        return format_money(value, symbol=False, lang=lang)
    return format_percent(value, symbol=False, lang=lang)


def unit_cell(kind: str, value: int) -> str:
    """``value`` with its unit, as the window's read-only amounts show it."""
    lang = current_language()
    if kind == MONEY:
        return format_money(value, lang=lang)
    return format_percent(value, lang=lang)


class EditableTable(QAbstractTableModel):
    """Rows of dicts described by :class:`EditColumn`; editable cells hold typed text."""

    def __init__(
        self, columns: Sequence[EditColumn], field: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        self.field = field
        self._bold = QFont()
        self._bold.setBold(True)

    # --- feeding and reading -----------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self._rows]

    def row(self, number: int) -> dict[str, Any]:
        return self._rows[number]

    def append_row(self, row: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(dict(row))
        self.endInsertRows()

    def remove_row(self, number: int) -> None:
        if 0 <= number < len(self._rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()

    def column_of(self, key: str) -> int:
        return next(i for i, column in enumerate(self._columns) if column.key == key)

    def value(self, number: int, key: str) -> int | None:
        """The parsed cell; raises the :class:`PtceError` of a bad entry."""
        column = self._columns[self.column_of(key)]
        return parse_cell(column.kind, str(self._rows[number].get(key) or ""), self.field)

    def set_value(self, number: int, key: str, value: int | None) -> None:
        column_number = self.column_of(key)
        self._rows[number][key] = tidy_cell(self._columns[column_number].kind, value)
        index = self.index(number, column_number)
        self.dataChanged.emit(index, index)

    def problem(self, number: int, key: str) -> str | None:
        try:
            self.value(number, key)
        except PtceError as error:
            return error.message(current_language())
        return None

    def first_problem(self) -> PtceError | None:
        for number in range(len(self._rows)):
            for column in self._columns:
                if column.editable and column.kind != TEXT:
                    try:
                        self.value(number, column.key)
                    except PtceError as error:
                        return error
        return None

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def _editable(self, row: dict[str, Any], column: EditColumn) -> bool:
        return column.editable and not row.get(HEADING) and not row.get(LOCKED)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        raw = row.get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if self._editable(row, column) and column.kind != TEXT:
                text = "" if raw is None else str(raw)
                if role == Qt.ItemDataRole.EditRole:
                    return text  # edited bare
                try:  # shown as every amount of the window once it reads as one
                    value = parse_cell(column.kind, text, self.field)
                except PtceError:
                    return text  # as typed, in red with its message
                return "" if value is None else unit_cell(column.kind, value)
            if self._editable(row, column) or (column.kind == TEXT and column.display is None):
                return "" if raw is None else str(raw)
            if raw is None or raw == "":
                return ""
            if column.display is not None:
                return column.display(raw)
            return format_money(raw, lang=current_language()) if column.kind == MONEY else str(raw)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.FontRole and row.get(HEADING):
            return self._bold
        if self._editable(row, column) and column.kind != TEXT:
            message = self.problem(index.row(), column.key)
            if role == Qt.ItemDataRole.ForegroundRole and message:
                return QBrush(QColor(ERROR))
            if role == Qt.ItemDataRole.ToolTipRole:
                return message
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if not self._editable(row, column):
            return False
        text = "" if value is None else str(value)
        try:
            parsed = parse_cell(column.kind, text, self.field)
        except PtceError:
            row[column.key] = text  # kept as typed, shown in red with the message
        else:
            row[column.key] = tidy_cell(column.kind, parsed)
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(self._rows[index.row()], self._columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


def compact(combo: QComboBox, characters: int = 28) -> QComboBox:
    """A combo whose width does not follow its longest item (member names can be long)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    policy = combo.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    combo.setSizePolicy(policy)
    return combo


def edit_view(model: EditableTable, accessible_name: str, stretch: int = -1) -> QTableView:
    """A plain table view for typing in cells (any key starts editing the current cell);
    column ``stretch`` takes the spare width (default: the last one)."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(60)
    if stretch < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
