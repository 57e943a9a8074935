"""A searchable list with Add / Edit / Delete buttons, shared by the activity and in-kind pages
(the search, table and count come from :class:`~.list_panel.SearchableTable`).

The panel shows rows (frozen dataclasses with an ``id``) through a :class:`RowTableModel` behind
a :class:`FilterProxy` (these lists are small), remembers its columns under ``settings_key``,
and only *asks* for actions through its signals — the page does them with the services and the
undo history. Entrée (or a double click) edits, Suppr deletes, the search filters as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ptce_desktop.ui.pages.list_panel import SearchableTable
from ptce_desktop.ui.pages.scaffold import delete_shortcut
from ptce_desktop.ui.widgets.table_model import ROW_ROLE, Column
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate

#: ``(id, name)`` pairs offered in a combo.
Choices = list[tuple[int, str]]


def short(text: str, limit: int = 40) -> str:
    """A name short enough for an undo step or a dialog title."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wide_combo() -> QComboBox:
    """A combo that fills its form row and never widens the dialog for a long entry."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def choice_combo(choices: Choices, none_text: str, current: int | None = None) -> QComboBox:
    """A combo of ``(id, name)`` with a first "none" entry; ``currentData()`` is the id."""
    combo = wide_combo()
    combo.addItem(none_text, None)
    for record_id, name in choices:
        combo.addItem(short(name, 70), record_id)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    return combo


def fit_to_width(view: TableView, keep: Sequence[int] = (), floor: int = 60) -> None:
    """Narrow the widest columns so every column shows at once: the largest width cap (never
    below ``floor``) that makes them fit the viewport; long texts elide. The ``keep`` columns
    (the main text) may stay twice as wide as the cap."""
    header = view.horizontalHeader()
    widths = [header.sectionSize(i) for i in range(header.count())]
    available = view.viewport().width() - 2
    if sum(widths) <= available or not widths:
        return

    def limit(logical: int, cap: int) -> int:
        return cap * 2 if logical in keep else cap

    def total(cap: int) -> int:
        return sum(min(width, limit(i, cap)) for i, width in enumerate(widths))

    low, high = floor, max(widths)
    while low < high:
        cap = (low + high + 1) // 2
        if total(cap) <= available:
            low = cap
        else:
            high = cap - 1
    for logical, width in enumerate(widths):
        header.resizeSection(logical, min(width, limit(logical, low)))


def readable_widths(view: TableView, letters: Mapping[int, int]) -> dict[int, int]:
    """The narrowest each column of ``letters`` is made to bring the others into view
    (:attr:`TableView.min_widths`): its title whole (a sort arrow beside it), and its text
    whole up to that many average letters of the view's font (the rest elides, whole in the
    tooltip). A column narrower than that on its own keeps its width."""
    header, model = view.horizontalHeader(), view.model()
    metrics = view.fontMetrics()
    widths = {}
    for column, count in letters.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        title_width = header.fontMetrics().horizontalAdvance(title) + 40  # margins, sort arrow
        text = min(view.sizeHintForColumn(column) + 16, metrics.averageCharWidth() * count + 16)
        widths[column] = max(title_width, text)
    return widths


class ListPanel(SearchableTable):
    """Search field, buttons, table and a count line; signals ask the page to act."""

    addRequested = Signal()
    editRequested = Signal(object)
    deleteRequested = Signal(object)
    currentChanged = Signal(object)

    def __init__(
        self,
        settings_key: str,
        columns: Sequence[Column],
        count_text: Callable[[int], str],
        *,
        search_hint: str,
        add_text: str | None = None,
        keep_wide: Sequence[int] = (),
        readable: Mapping[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(settings_key, columns, f"search-{settings_key}", search_hint, parent)
        self.setObjectName(f"list-{settings_key}")
        self._count_text = count_text
        self._keep_wide = tuple(keep_wide)
        #: columns kept readable (``{column: letters}``, see :func:`readable_widths`) by the
        #: table's own fitting instead of :func:`fit_to_width`'s common cap
        self._readable = dict(readable) if readable is not None else None
        self.writable = True
        self.add_button = QPushButton(add_text or translate("ListPanel", "&Add…"))
        self.edit_button = QPushButton(translate("ListPanel", "&Edit…"))
        self.delete_button = QPushButton(translate("ListPanel", "&Delete"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.bar.addWidget(button)
        self.setTabOrder(self.search, self.view)

        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.view.rowActivated.connect(lambda _row: self._edit())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        delete_shortcut(self.view, self._delete)
        self._fitted = False
        self._update()

    # --- rows --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.current_id()
        self.model.set_rows(rows)
        if self.isVisible():
            self._fit_once()
        self.select_id(selected)
        self._update()

    def _fit_once(self) -> None:
        """Size the columns to the first rows seen on screen (a hidden view measures badly),
        unless a layout of the user's own is remembered."""
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        if self._readable is not None:  # before the table fits its columns to its width
            self.view.min_widths = readable_widths(self.view, self._readable)
        if not self.view.restore_state():
            self.view.fit_columns()
            if self._readable is None:
                fit_to_width(self.view, self._keep_wide)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._fitted:
            QTimer.singleShot(0, self, self._fit_once)  # once the layout gave the view its size

    def rows(self) -> list[Any]:
        return self.model.rows()

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def select_id(self, record_id: int | None) -> None:
        if not self._select(record_id):
            self.view.clearSelection()

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        self._update()

    # --- internals ---------------------------------------------------------------------------
    def _filtered(self) -> None:
        self._update()

    def _edit(self) -> None:
        row = self.current_row()
        if row is not None:
            self.editRequested.emit(row)

    def _delete(self) -> None:
        row = self.current_row()
        if row is not None and self.writable:
            self.deleteRequested.emit(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()
        self.currentChanged.emit(current.data(ROW_ROLE) if current.isValid() else None)

    def _update(self) -> None:
        has_row = self.current_row() is not None
        self.add_button.setEnabled(self.writable)
        self.edit_button.setEnabled(has_row)
        self.delete_button.setEnabled(self.writable and has_row)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self._count_text(total)
        if shown != total:
            text = (
                translate("ListPanel", "%1 shown of %2")
                .replace("%1", str(shown))
                .replace("%2", text)
            )
        self.count_label.setText(text)
