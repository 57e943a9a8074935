"""The dialog that prepares issuing calls for funds: a quarter (or the year-end true-up) and the
issue and due dates, checked inline. Issuing itself is the page's job (confirmation, Runner).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear, format_date
from ptce_desktop.services.pole.fiscal_years import FiscalYearView
from ptce_desktop.ui.pages.calls.dialogs import required
from ptce_desktop.ui.widgets import DateEdit, FormDialog

translate = QCoreApplication.translate

PAYMENT_DUE_DAYS = 30


# --- issuing calls ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueRequest:
    """What the user chose: ``quarter`` 1–4, or None for the year-end true-up."""

    quarter: int | None
    issue_date: dt.date
    due_date: dt.date
    period_label: str


class IssueCallsDialog(FormDialog):
    """Choose the quarter (or the true-up) and the dates; OK only checks them."""

    def __init__(
        self,
        year: FiscalYearView,
        issued_quarters: set[int],
        *,
        true_up: bool = False,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("IssueCallsDialog", "Year-end true-up %1")
            if true_up
            else translate("IssueCallsDialog", "Issue the calls of a quarter — %1")
        ).replace("%1", year.label)
        super().__init__(title, parent)
        self.setObjectName("IssueCallsDialog")
        self.year = year
        self.true_up = true_up
        self.today = today or dt.date.today()
        self.quarters = FiscalYear(year.start_year, year.start.month).quarters()
        intro = QLabel(
            translate(
                "IssueCallsDialog",
                "Each member is called, per service, its actual shares of the year's costs "
                "minus what the provisional calls asked; a negative line is a credit.",
            )
            if true_up
            else translate(
                "IssueCallsDialog",
                "Each member is called its share of a quarter of each service's budget for "
                "the year, split with the service's allocation key.",
            )
        )
        intro.setWordWrap(True)
        self.body_layout.addWidget(intro)
        form = self.new_form()
        self.quarter_combo = QComboBox()
        self.quarter_combo.setAccessibleName(translate("IssueCallsDialog", "Quarter"))
        if not true_up:
            for number, period in enumerate(self.quarters, start=1):
                label = period.label
                if number in issued_quarters:
                    label = translate("IssueCallsDialog", "%1 (already issued)").replace(
                        "%1", label
                    )
                self.quarter_combo.addItem(label, number)
                if number in issued_quarters:
                    item = self.quarter_combo.model().item(number - 1)  # type: ignore[attr-defined]
                    item.setEnabled(False)
            first_open = next((q for q in range(1, 5) if q not in issued_quarters), None)
            if first_open is not None:
                self.quarter_combo.setCurrentIndex(first_open - 1)
            else:
                self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
                done = QLabel(
                    translate(
                        "IssueCallsDialog", "The calls of the four quarters are already issued."
                    )
                )
                done.setObjectName("fieldError")
                self.body_layout.addWidget(done)
            self.fields.add(
                form, "quarter", translate("IssueCallsDialog", "&Quarter"), self.quarter_combo
            )
        self.issue_edit = DateEdit("issue_date")
        self.issue_edit.setAccessibleName(translate("IssueCallsDialog", "Issue date"))
        self.fields.add(
            form, "issue_date", translate("IssueCallsDialog", "&Issue date"), self.issue_edit
        )
        self.due_edit = DateEdit("due_date")
        self.due_edit.setAccessibleName(translate("IssueCallsDialog", "Due date"))
        self.fields.add(form, "due_date", translate("IssueCallsDialog", "&Due date"), self.due_edit)
        warning = QLabel(
            translate(
                "IssueCallsDialog",
                "Issuing calls cannot be undone: each call gets its number for good and is "
                "meant to be sent to the member. Undo (Ctrl+Z) will not remove them.",
            )
        )
        warning.setObjectName("fieldError")
        warning.setWordWrap(True)
        self.body_layout.addWidget(warning)
        self.body_layout.addStretch(1)
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self._default_dates())
        self._default_dates()
        self.resize(560, 360)

    def _default_dates(self) -> None:
        if self.true_up:
            issue = max(self.today, self.year.end)
        else:
            period = self.quarters[max(self.quarter_combo.currentIndex(), 0)]
            issue = self.today if period.start <= self.today <= period.end else period.start
        self.issue_edit.set_date(issue)
        self.due_edit.set_date(issue + dt.timedelta(days=PAYMENT_DUE_DAYS))

    def submit(self) -> IssueRequest:
        issue = self.issue_edit.date()
        due = self.due_edit.date()
        if issue is None:
            raise required("issue_date", translate("IssueCallsDialog", "Issue date"))
        if due is None:
            raise required("due_date", translate("IssueCallsDialog", "Due date"))
        if due < issue:
            raise PtceError(
                "due_before_issue", "due_date", due=format_date(due), issue=format_date(issue)
            )
        if self.true_up:
            label = translate("IssueCallsDialog", "true-up %1").replace("%1", self.year.label)
            return IssueRequest(None, issue, due, label)
        quarter = self.quarter_combo.currentData()
        if quarter is None or not self.quarter_combo.model().item(quarter - 1).isEnabled():  # type: ignore[attr-defined]
            raise PtceError(
                "calls_already_issued", "quarter", quarter=self.quarter_combo.currentText()
            )
        return IssueRequest(quarter, issue, due, self.quarters[quarter - 1].label)
