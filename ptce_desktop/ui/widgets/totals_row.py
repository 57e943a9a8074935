"""A totals line under a table, each figure right under its own column (#15 item 1: « a totals
row where amounts are listed »).

The row only shows figures it is given — already computed by the service or read model (a
paged list's aggregate), or summed from the rows' own figures (in the loading worker, or over
the few rows a search leaves) — it never queries anything. It follows the
table's columns as they are resized, moved, hidden or scrolled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, Column, RowTableModel


def shown_rows(proxy: QAbstractItemModel) -> list[Any]:
    """The rows a filter proxy leaves, in the order shown."""
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def column_cents(
    model: RowTableModel | Sequence[Column], rows: Sequence[Any], columns: Sequence[int]
) -> dict[int, int]:
    """For each amount column, the sum over ``rows`` of the cents each row already holds (the
    column's value: the read model's figure, never worked out again here). Plain Python over
    the rows and the columns' declarations (no Qt call): a page's loading worker may run it,
    given ``model.columns()`` read beforehand."""
    known = model.columns() if isinstance(model, RowTableModel) else list(model)
    return {c: sum(known[c].value(row) or 0 for row in rows) for c in columns}


def column_sums(
    model: RowTableModel, rows: Sequence[Any], columns: Sequence[int]
) -> dict[int, str]:
    """:func:`column_cents` as money."""
    return {c: money_text(cents) for c, cents in column_cents(model, rows, columns).items()}


class TotalsRow(QWidget):
    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsRow")
        self.view = view
        self.caption = QLabel(self)
        self.caption.setObjectName("totalsCaption")
        self._labels: dict[int, QLabel] = {}
        self._widening = False
        bold = QFont(self.font())
        bold.setBold(True)
        self.setFont(bold)
        self.setFixedHeight(self.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._place)
        header.sectionMoved.connect(self._place)
        header.geometriesChanged.connect(self._place)
        view.horizontalScrollBar().valueChanged.connect(self._place)
        self.hide()

    def set_totals(self, caption: str, figures: Mapping[int, str]) -> None:
        """``caption`` at the left (« Total des 12 charges affichées »), ``figures`` (column →
        text) under their columns; nothing to show hides the row."""
        for label in self._labels.values():
            label.deleteLater()
        self._labels = {}
        for column, text in figures.items():
            label = QLabel(text, self)
            label.setObjectName(f"total{column}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._labels[column] = label
        self.caption.setText(caption)
        self.caption.setToolTip(caption)
        self.setVisible(bool(figures))
        self._place()

    def text(self, column: int) -> str | None:
        label = self._labels.get(column)
        return None if label is None else label.text()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place()

    def _widen(self) -> None:
        """A total is never cut: a column narrower than its total (a sum is wider than any of
        its rows) is widened, as if its user had, so the name column gives the room."""
        header = self.view.horizontalHeader()
        for column, label in self._labels.items():
            needed = label.fontMetrics().horizontalAdvance(label.text()) + 12
            if header.isSectionHidden(column) or header.sectionSize(column) >= needed:
                continue
            mode = header.sectionResizeMode(column)
            if mode == QHeaderView.ResizeMode.Stretch:
                continue  # it has the spare width already
            if mode != QHeaderView.ResizeMode.Interactive:  # sized to its rows: not to its total
                needed = max(needed, self.view.sizeHintForColumn(column))
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, needed)

    def _place(self, *_args: object) -> None:
        if self._widening:
            return
        self._widening = True
        try:
            self._widen()
        finally:
            self._widening = False
        header = self.view.horizontalHeader()
        # the table's cells start after its frame; this row lies right under the table
        offset = self.view.viewport().mapTo(self.view, self.view.viewport().rect().topLeft()).x()
        offset += self.view.mapTo(self.parentWidget() or self, self.view.rect().topLeft()).x()
        offset -= self.mapTo(self.parentWidget() or self, self.rect().topLeft()).x()
        height = self.height()
        first = None
        for column, label in self._labels.items():
            shown = not header.isSectionHidden(column)
            label.setVisible(shown)
            if shown:
                x = offset + header.sectionViewportPosition(column)
                label.setGeometry(x, 0, header.sectionSize(column) - 4, height)
                first = x if first is None else min(first, x)
        left = offset + 4
        self.caption.setGeometry(left, 0, max((first or self.width()) - left - 8, 0), height)
