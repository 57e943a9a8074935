"""The Journal des modifications page: the audit trail, newest first, readable in French.

Each line says when, which user action, which kind of record and which one, and what changed
(« Ville : Crest → Die »); the panel under the table shows every changed field of the chosen
line. Filters — from and to a day, the kind of record, a record number, a word — run in SQL
(:class:`~ptce_desktop.services.pole.audit_trail.AuditTrailService`), and the list pages
backwards 200 lines at a time (« Plus ancien… »), as DESIGN §5 asks of long lists.

:meth:`JournalPage.show_record` opens the history of one record (a detail panel's link).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.services.pole.audit_trail import AuditFilter, AuditLine, AuditTrailService
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets import DateEdit
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate

#: Lines read per page.
PAGE_SIZE = 200

# The columns of journal_columns().
WHEN, ACTION, OPERATION, RECORD, CHANGES = range(5)


def readable_widths(metrics: QFontMetrics) -> dict[int, int]:
    """The narrowest the table makes each column before the changes (TableView.min_widths): the
    moment whole (it was cut to « 06/12/2026 1… » at 1366 px, the long « Avant → après » taking
    the width), and some twenty letters of the action and of the record — the changes are read
    whole in the panel under the table."""
    words = metrics.averageCharWidth() * 20 + 16
    return {
        WHEN: metrics.horizontalAdvance("00/00/0000 00:00") + 16,
        ACTION: words,
        OPERATION: metrics.horizontalAdvance("Modification") + 16,
        RECORD: words,
    }


def journal_columns() -> list[Column]:
    return [
        Column(
            translate("JournalPage", "When"),
            lambda r: r.at,
            display=lambda at: f"{at:%d/%m/%Y %H:%M}",
        ),
        Column(translate("JournalPage", "Action"), lambda r: r.action),
        Column(translate("JournalPage", "Operation"), lambda r: r.operation_label),
        Column(translate("JournalPage", "Record"), lambda r: _record(r)),
        Column(
            translate("JournalPage", "Before → after"),
            lambda r: r.changes_text or r.summary,
            tooltip=lambda r: r.summary,
        ),
    ]


def _record(line: AuditLine) -> str:
    if line.record_id is None:
        return line.entity_label
    return f"{line.entity_label} n° {line.record_id}"


def line_details(line: AuditLine) -> str:
    """Every changed field of ``line``, one per line, under its summary."""
    text = [f"{line.at:%d/%m/%Y %H:%M} — {line.action}", line.summary, ""]
    text += [f"{c.label} : {c.before} → {c.after}" for c in line.changes]
    return "\n".join(text)


class JournalPage(QWidget):
    """The audit trail with its filters; read-only (it changes nothing)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trail = ctx.service(AuditTrailService)
        self._next_before: int | None = None

        self.since = DateEdit("since")
        self.until = DateEdit("until")
        self.kind = QComboBox()
        self.record = QSpinBox()
        self.record.setRange(0, 2_000_000_000)
        self.record.setSpecialValueText(translate("JournalPage", "any"))
        # At 1200 px the row holds two whole dates and a searchable word: the kind list is as
        # wide as 12 characters (its long names elide, whole in the open list), the number as
        # wide as 7 digits, each date as wide as « jj/mm/aaaa » and its button
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(12)
        digits = self.record.fontMetrics().horizontalAdvance("0000000")
        self.record.setMaximumWidth(digits + 48)
        for edit in (self.since, self.until):
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 36)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("JournalPage", "Search the actions…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("Rechercher") + 16)
        apply = QPushButton(translate("JournalPage", "Filter"))
        clear = QPushButton(translate("JournalPage", "Clear"))
        self.older = QPushButton(translate("JournalPage", "Older…"))
        self.count_label = QLabel()
        self._fitted = False

        filters = QHBoxLayout()
        for label, widget in (
            (translate("JournalPage", "From"), self.since),
            (translate("JournalPage", "to"), self.until),
            (translate("JournalPage", "Kind"), self.kind),
            (translate("JournalPage", "No."), self.record),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(apply)
        filters.addWidget(clear)

        self.model = RowTableModel(journal_columns(), parent=self)
        self.view = TableView("journal/entries", self)
        self.view.export_title = translate("JournalPage", "Change log")
        self.view.setModel(self.model)
        self.view.min_widths = readable_widths(self.view.fontMetrics())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(160)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.older)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addLayout(bottom)

        apply.clicked.connect(self.reload)
        clear.clicked.connect(self.clear_filters)
        self.search.returnPressed.connect(self.reload)
        self.older.clicked.connect(self.load_older)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )
        self._fill_kinds()
        self.reload()

    # --- filters -----------------------------------------------------------------------------
    def _fill_kinds(self) -> None:
        chosen = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(translate("JournalPage", "All"), None)
        for table, label in self.trail.kinds():
            self.kind.addItem(label, table)
        index = self.kind.findData(chosen)
        self.kind.setCurrentIndex(max(index, 0))
        self.kind.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            since=self.since.date(),
            until=self.until.date(),
            entity=self.kind.currentData(),
            record_id=self.record.value() or None,
            text=self.search.text().strip() or None,
        )

    def clear_filters(self) -> None:
        self.since.set_date(None)
        self.until.set_date(None)
        self.kind.setCurrentIndex(0)
        self.record.setValue(0)
        self.search.clear()
        self.reload()

    def show_record(self, entity: str, record_id: int) -> None:
        """The history of one record (``entity`` is its table name)."""
        self.clear_filters()
        index = self.kind.findData(entity)
        if index < 0:
            self.kind.addItem(entity, entity)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.record.setValue(record_id)
        self.reload()

    def show_section(self, section: str) -> None:
        """``"members/12"``: the history of member 12 (a link from a detail panel)."""
        entity, _, number = section.partition("/")
        if entity and number.isdigit():
            self.show_record(entity, int(number))

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """The newest changes matching the filters, read off the GUI thread."""
        trail, chosen = self.trail, self.current_filter()
        self.loads.start(lambda: trail.page(chosen, limit=PAGE_SIZE), self._show_page)

    def _show_page(self, page: Any) -> None:
        self.model.set_rows(page.lines)
        self._next_before = page.next_before_id
        if page.lines and not self._fitted:
            # once, on the first lines: the user's remembered layout, else the columns fitted
            # to them (left at Qt's 100 px each, the moment read « 06/12/2026 1… »)
            self._fitted = True
            if not self.view.restore_state():
                self.view.fit_columns()
        self._after_load()
        if page.lines:
            self.view.selectRow(0)
        else:
            self.details.clear()

    def load_older(self) -> None:
        if self._next_before is None:
            return
        trail, chosen, before = self.trail, self.current_filter(), self._next_before
        self.loads.start(
            lambda: trail.page(chosen, limit=PAGE_SIZE, before_id=before), self._show_older
        )

    def _show_older(self, page: Any) -> None:
        self.model.set_rows([*self.model.rows(), *page.lines])
        self._next_before = page.next_before_id
        self._after_load()

    def _after_load(self) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(
            translate("JournalPage", "%n change(s) shown", "", shown)
            if self._next_before is None
            else translate("JournalPage", "%n most recent change(s) shown", "", shown)
        )
        self.older.setEnabled(self._next_before is not None)

    def _show_details(self, current: Any, _previous: Any = None) -> None:
        row = current.row() if current is not None and current.isValid() else -1
        if 0 <= row < self.model.rowCount():
            self.details.setPlainText(line_details(self.model.row_at(row)))
        else:
            self.details.clear()

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self, changes: Any) -> None:
        if touches(changes, "audit_entries"):
            self._fill_kinds()
            self.reload()


def create_page(ctx: AppContext) -> QWidget:
    return JournalPage(ctx)
