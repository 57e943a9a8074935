"""The fiscal years box of the Paramètres page: the list, close and reopen.

Closing freezes the year's shares, calls and payments (DESIGN §4b). Neither closing nor
reopening is an undo step: both clear the undo history (an older step could otherwise try to
replay across the freeze), and the confirmation says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import confirm
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate


def ask_reason(parent: QWidget, title: str, text: str) -> str | None:
    """The reason typed by the user (kept in the audit trail), or None when cancelled."""
    reason, accepted = QInputDialog.getText(parent, title, text)
    return reason if accepted else None


def _state(view: Any) -> str:
    if view.closed:
        when = view.closed_at.date() if view.closed_at is not None else None
        if when is None:
            return translate("FiscalYearsBox", "Closed")
        return translate("FiscalYearsBox", "Closed on %1").replace("%1", format_date(when))
    if view.current:
        return translate("FiscalYearsBox", "Open, current")
    return translate("FiscalYearsBox", "Open")


class FiscalYearsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("FiscalYearsBox", "Fiscal years"), parent)
        self.setObjectName("fiscalYearsBox")
        self.ctx = ctx
        columns = [
            Column(translate("FiscalYearsBox", "Fiscal year"), lambda v: v.label),
            Column(translate("FiscalYearsBox", "From"), lambda v: v.start, display=format_date),
            Column(translate("FiscalYearsBox", "To"), lambda v: v.end, display=format_date),
            Column(translate("FiscalYearsBox", "State"), _state),
        ]
        self.model = RowTableModel(columns, parent=self)
        self.view = TableView("settings-fiscal-years")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        self.view.setMinimumHeight(120)
        self.view.setMaximumHeight(220)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.close_button = QPushButton(translate("FiscalYearsBox", "&Close the year…"))
        self.reopen_button = QPushButton(translate("FiscalYearsBox", "&Reopen…"))
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        hint = QLabel(
            translate(
                "FiscalYearsBox",
                "Closing a year freezes its shares, calls for funds and payments; a correction "
                "then goes into an open year.",
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )

    def reload(self) -> None:
        """Read the years on a worker (their span comes from the costs, calls, payments…),
        then show them, the one selected kept."""
        self.loads.start(self.ctx.fiscal_years.list_years, self._show_years)

    def _show_years(self, years: Any) -> None:
        selected = self.selected()
        self.model.set_rows(years)
        for row, view in enumerate(self.model.rows()):
            if selected is not None and view.start_year == selected.start_year:
                self.view.selectRow(row)
                break
        else:
            if self.model.rowCount():
                self.view.selectRow(0)
        # measuring every cell waits for the box to be seen (Paramètres opens on its first tab)
        self._fit_pending = not self.isVisible()
        if not self._fit_pending:
            self.view.fit_columns()
        self._update_buttons()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if getattr(self, "_fit_pending", False):
            self._fit_pending = False
            self.view.fit_columns()

    def selected(self) -> Any:
        return self.view.current_row()

    def select_year(self, year: int) -> None:
        for row, view in enumerate(self.model.rows()):
            if view.start_year == year:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        view = self.selected()
        writable = not self.ctx.read_only
        self.close_button.setEnabled(writable and view is not None and not view.closed)
        self.reopen_button.setEnabled(writable and view is not None and view.closed)

    def close_selected(self) -> bool:
        view = self.selected()
        if view is None:
            return False
        text = translate(
            "FiscalYearsBox",
            "Close the fiscal year %1?\n\nIts shares, calls for funds and payments will be "
            "frozen. Closing cannot be undone with Ctrl+Z (it also empties the undo history); "
            "only “Reopen” gives the year back.",
        ).replace("%1", view.label)
        if view.earlier_open:
            text += "\n\n" + translate(
                "FiscalYearsBox", "Note: an earlier fiscal year is still open."
            )
        if not confirm(self, translate("FiscalYearsBox", "Close a fiscal year"), text):
            return False
        return self._run(lambda: self.ctx.fiscal_years.close(view.start_year))

    def reopen_selected(self) -> bool:
        view = self.selected()
        if view is None:
            return False
        text = translate(
            "FiscalYearsBox",
            "Reopen the fiscal year %1?\n\nIts shares, calls and payments can be changed "
            "again. This is recorded in the audit log and cannot be undone with Ctrl+Z.\n\n"
            "Why is it reopened?",
        ).replace("%1", view.label)
        reason = ask_reason(self, translate("FiscalYearsBox", "Reopen a fiscal year"), text)
        if reason is None:
            return False
        return self._run(lambda: self.ctx.fiscal_years.reopen(view.start_year, reason=reason))

    def _run(self, action: Any) -> bool:
        try:
            action()
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.ctx.history.clear()  # not undoable (see the module docstring)
        self.reload()
        return True
