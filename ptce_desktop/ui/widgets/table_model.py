"""A table model over plain frozen-dataclass rows, and a filter proxy for small tables.

Describe the columns once, feed rows from a service, and let the view sort and filter::

    columns = [
        Column(tr("Name"), lambda m: m.name),
        Column(tr("Joined"), lambda m: m.joined, display=format_date),
        Column(tr("Balance"), lambda m: m.balance_cents, display=format_cents, align=RIGHT),
    ]
    model = RowTableModel(columns)
    model.set_rows(service.list_members())
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    view.setModel(proxy)
    search.textChanged.connect(proxy.set_filter_text)

``SORT_ROLE`` returns the native value (cents as ``int``, a ``date``…), so sorting is right
whatever the display; ``ROW_ROLE`` returns the row object itself, correct through any proxy.
Long lists (costs, shares, audit) page and filter in SQL instead (docs/DESIGN.md §5).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """How one column reads, shows and sorts a row.

    ``header`` is already translated. ``value(row)`` is the native value; ``display(value)``
    turns it into text (default: ``str``, ``None`` shows nothing); ``sort_key(row)`` overrides
    the value used for sorting; ``tooltip(row)`` gives an optional tooltip. Amounts use
    ``align=RIGHT``.
    """

    header: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None
    sort_key: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str | None] | None = None
    header_tooltip: str | None = None
    #: an optional text colour (``"#b3261e"``) per row, e.g. a figure that needs attention
    foreground: Callable[[Any], str | None] | None = None

    def text(self, row: Any) -> str:
        value = self.value(row)
        if self.display is not None:
            return self.display(value)
        return "" if value is None else str(value)

    def sort_value(self, row: Any) -> Any:
        return self.sort_key(row) if self.sort_key is not None else self.value(row)


class RowTableModel(QAbstractTableModel):
    """Read-only rows, one per line, described by a list of :class:`Column`."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Any] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = list(rows)

    # --- feeding -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def columns(self) -> list[Column]:
        return list(self._columns)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(row)
            return QColor(colour) if colour else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole header, should the column cut it
            return column.header_tooltip or column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


#: Spaces a number or an identifier may be printed with (space, no-break, narrow no-break).
_SPACES = re.compile(r"[ \u00a0\u202f]")


def compact(text: str) -> str:
    """``text`` without the spaces inside numbers and identifiers: "732 829 320 00074" →
    "73282932000074", "1 234,50 €" → "1234,50€" (what a search typed without spaces meets)."""
    return _SPACES.sub("", text)


def fold(text: str) -> str:
    """Lower-case without accents: "Éclair" and "ECLAIR" both fold to "eclair"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _sort_key(value: Any) -> tuple[int, Any]:
    """None first, then values; text compared folded so "é" sorts with "e"."""
    if value is None:
        return (0, 0)
    if isinstance(value, str):
        return (1, (fold(value), value))
    return (1, value)


class FilterProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` and keeps the rows whose text holds every typed word.

    Matching ignores case and accents and looks at every column: "eclair lyon" keeps a row with
    "Éclair" in one column and "Lyon" in another. Spaces inside numbers do not matter: a SIRET
    or an IBAN typed without them matches, and so does an amount as typed ("1234,5" and
    "1234.5" find "1 234,50 €").
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        # an amount typed the English way ("1234.5") meets the French text ("1 234,50 €")
        words = [
            word.replace(".", ",") if re.fullmatch(r"-?\d+\.\d+", word) else word
            for word in fold(text).split()
        ]
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        texts = []
        for column in range(model.columnCount(source_parent)):
            value = model.data(model.index(source_row, column, source_parent))
            if value is not None:
                texts.append(fold(str(value)))
        haystack = "\u0000".join(texts)
        # a SIRET, an IBAN or an amount typed without its spaces still matches
        packed = compact(haystack)
        return all(word in haystack or word in packed for word in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = _sort_key(left.data(self.sortRole()))
        b = _sort_key(right.data(self.sortRole()))
        try:
            return bool(a < b)
        except TypeError:  # mixed types in one column: fall back to their text
            return str(a[1]) < str(b[1])
