"""Feuillet 1 of a grant's Cerfa 15059 beyond its free texts: the objectives and their
indicators (indicateur, attendu, obtenu), the number of beneficiaries and their breakdown by
public, the dates and the places of the action (:mod:`~ptce_desktop.services.grants.
report_sheet`).

The two tables are typed in place; « Ajouter une ligne » / « Retirer la ligne » change them.
Everything is saved together in one undoable service call; the service's refusal (an
indicator without a name, a breakdown above the total…) is shown under its field, with the row
it is about selected. What is left empty is pre-filled from the action's events when the Cerfa
is built, or left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.report_sheet import Indicator, PublicCount, ReportSheet
from ptce_desktop.services.grants.views import GrantDetail
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions
from ptce_desktop.ui.pages.funding.grant_budget import EditingTab
from ptce_desktop.ui.widgets import FieldCell

translate = QCoreApplication.translate

Index = QModelIndex


def parse_count(text: str, field: str) -> int | None:
    """A number of beneficiaries typed by the user (« 1 200 » allowed); None when empty;
    raises ``report_sheet_count_invalid`` naming ``field``."""
    cleaned = "".join(text.split()).replace("\u202f", "")
    if not cleaned:
        return None
    if not cleaned.isdecimal():
        raise PtceError("report_sheet_count_invalid", field, value=text.strip())
    return int(cleaned)


class TextRows(QAbstractTableModel):
    """A small table of text cells typed in place (every cell editable, rows added and
    removed by the tab)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self.editable = True

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._rows = [[str(cell) for cell in row] for row in rows]
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        return [list(row) for row in self._rows]

    def append_row(self) -> int:
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append([""] * len(self._headers))
        self.endInsertRows()
        return number

    def remove_row(self, number: int) -> bool:
        if not 0 <= number < len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()
        return True

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[index.row()][index.column()] or None
        return None

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        self._rows[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Any) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)  # the row number the messages name
        return None


class RowsEditor(QWidget):
    """A :class:`TextRows` table with its « Add a row » and « Remove the row » buttons."""

    def __init__(
        self, headers: Sequence[str], name: str, add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = TextRows(headers, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setWordWrap(True)
        self.view.setMinimumHeight(140)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(translate("GrantSheet", "Remove the row"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)

    def add_row(self) -> None:
        number = self.model.append_row()
        index = self.model.index(number, 0)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_current(self) -> bool:
        index = self.view.currentIndex()
        return index.isValid() and self.model.remove_row(index.row())

    def select_row(self, number: int) -> None:
        if 0 <= number < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(number, 0))

    def set_writable(self, writable: bool) -> None:
        self.model.editable = writable
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable)


class ReportSheetTab(EditingTab):
    """« Compte rendu (feuillet 1) »: objectives and indicators, beneficiaries by public,
    dates and places; saved together, undoable."""

    def __init__(self, actions: GrantActions, parent: QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self.objectives_edit = QPlainTextEdit()
        self.objectives_edit.setTabChangesFocus(True)
        # a few lines: the tables below need the height more than this text
        self.objectives_edit.setMinimumHeight(50)
        self.objectives_edit.setMaximumHeight(90)
        self.objectives_edit.setPlaceholderText(
            translate("GrantSheet", "What the action set out to achieve.")
        )
        self.indicators = RowsEditor(
            [
                translate("GrantSheet", "Indicator"),
                translate("GrantSheet", "Expected"),
                translate("GrantSheet", "Achieved"),
            ],
            translate("GrantSheet", "Indicators"),
            translate("GrantSheet", "Add an &indicator"),
        )
        self.count_edit = QLineEdit()
        self.count_edit.setMaximumWidth(140)
        self.count_edit.setPlaceholderText(translate("GrantSheet", "e.g. 180"))
        self.publics = RowsEditor(
            [translate("GrantSheet", "Public"), translate("GrantSheet", "Number")],
            translate("GrantSheet", "Beneficiaries by public"),
            translate("GrantSheet", "Add a p&ublic"),
        )
        self.dates_edit = QLineEdit()
        self.dates_edit.setMaxLength(2000)
        self.dates_edit.setPlaceholderText(
            translate("GrantSheet", "e.g. 1 July 2025 to 30 June 2026, workshops every Tuesday")
        )
        self.places_edit = QLineEdit()
        self.places_edit.setMaxLength(2000)
        self.note = QLabel(
            translate(
                "GrantSheet",
                "Sheet 1 of the Cerfa 15059. What is left empty is filled from the action's "
                "events of the period when the report is built, or left out.",
            )
        )
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields.add(
            form, "objectives", translate("GrantSheet", "&Objectives"), self.objectives_edit
        )
        self.fields.cells["indicators"] = indicators_cell = FieldCell(self.indicators)
        form.addRow(
            self._caption(translate("GrantSheet", "Indicators"), self.indicators.view),
            indicators_cell,
        )
        self.fields.add(
            form,
            "beneficiaries_count",
            translate("GrantSheet", "&Beneficiaries (number)"),
            self.count_edit,
        )
        self.fields.cells["publics"] = publics_cell = FieldCell(self.publics)
        form.addRow(
            self._caption(translate("GrantSheet", "By public"), self.publics.view), publics_cell
        )
        self.fields.add(form, "action_dates", translate("GrantSheet", "&Dates"), self.dates_edit)
        self.fields.add(form, "action_places", translate("GrantSheet", "P&laces"), self.places_edit)
        for caption in self.fields.captions:
            buddy = caption.buddy()
            if buddy is not None and not buddy.accessibleName():
                buddy.setAccessibleName(caption.text().replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addLayout(self.save_bar)
        self.objectives_edit.textChanged.connect(self.touched)
        for editor in (self.count_edit, self.dates_edit, self.places_edit):
            editor.textChanged.connect(self.touched)
        for table in (self.indicators, self.publics):
            table.model.dataChanged.connect(self.touched)
            table.model.rowsInserted.connect(self.touched)
            table.model.rowsRemoved.connect(self.touched)

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        return caption

    def load(self, detail: GrantDetail | None) -> None:
        sheet = detail.report_sheet if detail else ReportSheet()
        self.objectives_edit.setPlainText(sheet.objectives or "")
        self.indicators.model.set_rows(
            [(item.label, item.expected, item.achieved) for item in sheet.indicators]
        )
        count = sheet.beneficiaries_count
        self.count_edit.setText("" if count is None else str(count))
        self.publics.model.set_rows([(p.public, str(p.count)) for p in sheet.publics])
        self.dates_edit.setText(sheet.action_dates or "")
        self.places_edit.setText(sheet.action_places or "")
        writable = detail is not None and not self.ops.ctx.read_only
        for editor in (self.objectives_edit, self.count_edit, self.dates_edit, self.places_edit):
            editor.setReadOnly(not writable)
        for table in (self.indicators, self.publics):
            table.set_writable(writable)
            table.view.resizeColumnsToContents()
            for column in range(table.model.columnCount() - 1):
                table.view.setColumnWidth(column, max(table.view.columnWidth(column), 160))

    def sheet(self) -> ReportSheet:
        """What is typed, as the service takes it; raises the first entry that does not parse
        (a number of beneficiaries that is not a whole number)."""
        publics = []
        for number, (public, count) in enumerate(self.publics.model.rows(), start=1):
            try:
                parsed = parse_count(count, "publics")
            except PtceError as error:
                error.values["row"] = number
                raise
            publics.append(PublicCount(public, parsed or 0))
        return ReportSheet(
            objectives=self.objectives_edit.toPlainText(),
            indicators=tuple(Indicator(*row) for row in self.indicators.model.rows()),
            beneficiaries_count=parse_count(self.count_edit.text(), "beneficiaries_count"),
            publics=tuple(publics),
            action_dates=self.dates_edit.text(),
            action_places=self.places_edit.text(),
        )

    def apply(self, detail: GrantDetail) -> Any:
        try:
            return self.ops.set_report_sheet(detail, self.sheet())
        except PtceError as error:
            row = int(error.values.get("row") or 0)
            table = {"indicators": self.indicators, "publics": self.publics}.get(error.field or "")
            if table is not None and row:
                table.select_row(row - 1)
            raise

    def update_hint(self) -> None:
        self.hint.setText(translate("GrantTabs", "not saved yet") if self.dirty else "")
