"""The dialog that prepares issuing calls for funds: a quarter (or the year-end true-up) and the
issue and due dates, checked inline, with the **preview** of what issuing will write (one row
per member and line kind, each member's total, the grand total) — computed by the same code as
issuing (:mod:`ptce_desktop.services.calls.planning`). When something is missing (a budget, a
key version, a member's units) the preview shows why and OK stays disabled: the refusal comes
before any confirmation. Issuing itself is the page's job (confirmation last, Runner).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QTextBrowser, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear, format_date
from ptce_desktop.services.calls.planning import CallPlan, kind_text
from ptce_desktop.services.pole.fiscal_years import FiscalYearView
from ptce_desktop.ui.i18n import current_language, money_text
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
    #: The preview the user saw: (number of calls, total in cents); None without a preview.
    expected: tuple[int, int] | None = None
    #: A call of its own for the pending exceptional lines (``quarter`` is None).
    exceptional: bool = False


#: (quarter, or None for the true-up) → the plan issuing would write (may raise PtceError).
Preview = Callable[[int | None], CallPlan]


def plan_html(plan: CallPlan) -> str:
    """The preview as an HTML table: member, line kind, amount; totals; notices."""
    e, lang = html.escape, current_language()
    rows = []
    for call in plan.calls:
        name = e(call.member_name)
        for kind, cents in call.by_kind():
            rows.append(
                f"<tr><td>{name}</td><td>{e(kind_text(kind, lang))}</td>"
                f'<td align="right" nowrap>{e(money_text(cents))}</td></tr>'
            )
            name = ""
        rows.append(
            f"<tr><td></td><td><b>{e(kind_text('total', lang))}</b></td>"
            f'<td align="right" nowrap><b>{e(money_text(call.total_cents))}</b></td></tr>'
        )
    head = (
        "<tr><th align='left'>"
        + e(translate("IssueCallsDialog", "Member"))
        + "</th><th align='left'>"
        + e(translate("IssueCallsDialog", "Line"))
        + "</th><th align='right'>"
        + e(translate("IssueCallsDialog", "Amount"))
        + "</th></tr>"
    )
    total = translate("IssueCallsDialog", "%n call(s) for %1", "", plan.count).replace(
        "%1", money_text(plan.total_cents)
    )
    notices = "".join(
        f"<p style='color:#b54708'>{e(notice.message(lang))}</p>" for notice in plan.notices
    )
    if not plan.calls:
        body = "<p>" + e(translate("IssueCallsDialog", "No member has anything to pay.")) + "</p>"
    else:
        body = (
            f"<table cellspacing='0' cellpadding='3' width='100%'>{head}{''.join(rows)}</table>"
            f"<p><b>{e(total)}</b></p>"
        )
    return body + notices


class IssueCallsDialog(FormDialog):
    """Choose the quarter (or the true-up) and the dates; OK only checks them."""

    def __init__(
        self,
        year: FiscalYearView,
        issued_quarters: set[int],
        *,
        true_up: bool = False,
        today: dt.date | None = None,
        preview: Preview | None = None,
        exceptional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("IssueCallsDialog", "Exceptional calls %1")
            if exceptional
            else translate("IssueCallsDialog", "Year-end true-up %1")
            if true_up
            else translate("IssueCallsDialog", "Issue the calls of a quarter — %1")
        ).replace("%1", year.label)
        # an exceptional call, like the true-up, has no quarter to choose
        self.exceptional = exceptional
        true_up = true_up and not exceptional
        no_quarter = true_up or exceptional
        super().__init__(title, parent)
        self.setObjectName("IssueCallsDialog")
        self.year = year
        self.true_up = no_quarter
        self.today = today or dt.date.today()
        self._preview = preview
        self.plan: CallPlan | None = None
        self.preview_error: str | None = None
        self._failure: PtceError | None = None
        self.quarters = FiscalYear(year.start_year, year.start.month).quarters()
        intro = QLabel(
            translate(
                "IssueCallsDialog",
                "Each member is called its share of the exceptional lines marked « on a call "
                "of its own », each split once with its key.",
            )
            if exceptional
            else translate(
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
        if not no_quarter:
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
        self.preview_view = QTextBrowser()
        self.preview_view.setObjectName("callsPreview")
        self.preview_view.setAccessibleName(translate("IssueCallsDialog", "Preview of the calls"))
        # every quarter issued: the message says so, no empty preview under it
        all_issued = not no_quarter and all(q in issued_quarters for q in range(1, 5))
        self.preview_view.setVisible(preview is not None and not all_issued)
        self.body_layout.addWidget(self.preview_view, 1)
        self.body_layout.addWidget(warning)
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self._default_dates())
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self._default_dates()
        self.refresh_preview()
        self.resize(640, 560 if self.preview_view.isVisibleTo(self) else 360)

    def refresh_preview(self) -> None:
        """Compute the plan of the chosen quarter (or the true-up); a refusal disables OK."""
        if self._preview is None:
            return
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        quarter = None if self.true_up else self.quarter_combo.currentData()
        if not self.true_up and (
            quarter is None or not self.quarter_combo.model().item(quarter - 1).isEnabled()  # type: ignore[attr-defined]
        ):
            self.plan = None
            self.preview_view.setHtml("")
            ok.setEnabled(False)
            return
        try:
            self.plan = self._preview(quarter)
            self.preview_error, self._failure = None, None
        except PtceError as error:
            self.plan, self._failure = None, error
            self.preview_error = error.message(current_language())
            self.preview_view.setHtml(
                f"<p style='color:#b42318'><b>{html.escape(self.preview_error)}</b></p>"
            )
            ok.setEnabled(False)
            return
        self.preview_view.setHtml(plan_html(self.plan))
        ok.setEnabled(bool(self.plan.calls))

    def _default_dates(self) -> None:
        if self.exceptional:
            issue = self.today
        elif self.true_up:
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
        if self.exceptional:
            label = translate("IssueCallsDialog", "exceptional calls %1").replace(
                "%1", self.year.label
            )
            return IssueRequest(None, issue, due, label, self._expected(), exceptional=True)
        if self.true_up:
            label = translate("IssueCallsDialog", "true-up %1").replace("%1", self.year.label)
            return IssueRequest(None, issue, due, label, self._expected())
        quarter = self.quarter_combo.currentData()
        if quarter is None or not self.quarter_combo.model().item(quarter - 1).isEnabled():  # type: ignore[attr-defined]
            raise PtceError(
                "calls_already_issued", "quarter", quarter=self.quarter_combo.currentText()
            )
        return IssueRequest(quarter, issue, due, self.quarters[quarter - 1].label, self._expected())

    def _expected(self) -> tuple[int, int] | None:
        if self._preview is None:
            return None
        if self._failure is not None:
            raise self._failure  # the preview's refusal: nothing is confirmed nor issued
        if self.plan is None:
            raise PtceError("preview_outdated", count=0, total=money_text(0))
        return (self.plan.count, self.plan.total_cents)
