"""A searchable list: a search field and buttons above a sortable table, a count below.

The building block of the calls and funding pages' lists (small tables of one year, so a
:class:`~ptce_desktop.ui.table_model.FilterProxy` serves them). The panel keeps the selection
across reloads by the rows' ``id``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.ui.table_model import ROW_ROLE, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.table_view import TableView

translate = QCoreApplication.translate


class ListPanel(QWidget):
    """``currentChanged(row or None)`` follows the cursor; ``activated(row)`` on Enter/double
    click; ``deleteRequested()`` on the Delete key."""

    currentChanged = Signal(object)
    activated = Signal(object)
    deleteRequested = Signal()

    def __init__(
        self,
        settings_key: str,
        columns: Sequence[Column],
        search_placeholder: str,
        count_text: Callable[[int], str],
        parent: QWidget | None = None,
        *,
        searchable: bool = True,
        max_width: int = 280,
        stretch_column: int | None = None,
        fixed_widths: dict[int, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._count_text = count_text
        self._fitted = False
        self._max_width = max_width
        self.search = QLineEdit()
        self.search.setObjectName(f"{settings_key}Search")
        self.search.setPlaceholderText(search_placeholder)
        self.search.setAccessibleName(search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.bar = QHBoxLayout()
        self.bar.setSpacing(8)
        self.bar.addWidget(self.search, 1)
        if not searchable:  # a few rows: the buttons alone, on the right
            self.search.hide()
            self.bar.addStretch(1)
        self.model = RowTableModel(columns, parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = TableView(settings_key)
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(search_placeholder)
        if stretch_column is not None:
            # a table inside a tab that may never have been shown: Qt sizes it when it shows
            self._fitted = True
            header = self.view.horizontalHeader()
            header.setStretchLastSection(False)
            fixed = fixed_widths or {}
            for section in range(len(columns)):
                if section == stretch_column:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                elif section in fixed:
                    header.resizeSection(section, fixed[section])
                else:
                    header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self._filter)
        self.view.rowActivated.connect(self.activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.deleteRequested)

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        self.bar.addWidget(button)
        return button

    # --- rows --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if rows and not self._fitted:
            self._fitted = True
            if not self.view.restore_state():
                self.view.fit_columns()
                header = self.view.horizontalHeader()
                for section in range(header.count() - 1):  # long names must not hide amounts
                    header.resizeSection(section, min(header.sectionSize(section), self._max_width))
        self.select_id(selected)
        self._update_count()

    def current_row(self) -> Any:
        return self.view.current_row()

    def selected_id(self) -> int | None:
        row = self.view.current_row()
        return getattr(row, "id", None) if row is not None else None

    def select_id(self, record_id: int | None) -> None:
        if record_id is not None:
            for number in range(self.proxy.rowCount()):
                index = self.proxy.index(number, 0)
                if getattr(self.proxy.data(index, ROW_ROLE), "id", None) == record_id:
                    self.view.setCurrentIndex(index)
                    self.view.selectRow(number)
                    return
        self.view.setCurrentIndex(QModelIndex())
        self.currentChanged.emit(None)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- internals ---------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self._count_text(total)
        if shown != total:
            text = translate("ListPanel", "%n shown of %1", "", shown).replace("%1", text)
        self.count_label.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentChanged.emit(current.data(ROW_ROLE) if current.isValid() else None)
