"""The detail of a grant below the list: a header (status, reste à reverser) and its tabs; with
no grant selected, a hint alone.

The header's status box offers only the moves the domain allows
(:func:`~ptce_desktop.domain.categories.can_change_grant_status`) and shows the status the money
suggests. The tabs: every field (Général), the forecast budget, the overhead rule, the plan, the
instalments, the redistributions, due / passed / remaining per member, feuillet 1 of the Cerfa
15059 (objectives and indicators, beneficiaries by public, dates and places) and its six free
texts. A negative « reste à reverser » (more passed on than received) is flagged in the header.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.categories import GRANT_TRANSITIONS, GrantStatus, can_change_grant_status
from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.grants.views import GrantDetail, overpaid_warning
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.funding.dialogs import funder_type_label, nature_label, status_label
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions
from ptce_desktop.ui.pages.funding.grant_budget import BudgetTab, PlanTab
from ptce_desktop.ui.pages.funding.grant_forms import OverheadTab, ReportTextsTab
from ptce_desktop.ui.pages.funding.grant_money import (
    InstalmentsTab,
    PerMemberTab,
    RedistributionsTab,
)
from ptce_desktop.ui.pages.funding.grant_sheet import ReportSheetTab
from ptce_desktop.ui.pages.members.detail import CSS
from ptce_desktop.ui.style import ERROR, title_font
from ptce_desktop.ui.widgets import error_banner

translate = QCoreApplication.translate


def _e(value: object) -> str:
    return html.escape(str(value)) if value not in (None, "") else "—"


def general_html(detail: GrantDetail) -> str:
    """Every field of the grant (DESIGN §3), escaped."""
    lang = current_language()

    def day(value: Any) -> str:
        return format_date(value) if value else "—"

    def cents(value: int | None) -> str:
        return _e(money_text(value)) if value is not None else "—"

    overhead = {
        "none": translate("GrantEditor", "none"),
        "flat_rate": translate("GrantEditor", "flat rate of %1 of the direct costs").replace(
            "%1", format_percent(detail.overhead_rate_bp or 0, lang=lang)
        ),
        "key": translate("GrantEditor", "key “%1”").replace("%1", detail.overhead_key_name or ""),
    }[detail.overhead_method]
    rows = [
        (
            translate("GrantEditor", "Funder"),
            f"{_e(detail.funder_name)} ({_e(funder_type_label(detail.funder_type))})",
        ),
        (translate("GrantEditor", "Project or action"), _e(detail.project_name)),
        (translate("GrantEditor", "Status"), _e(status_label(detail.status))),
        (translate("GrantEditor", "Nature"), _e(nature_label(detail.nature))),
        (
            translate("GrantEditor", "Payment"),
            _e(
                translate("GrantEditor", "in several instalments")
                if detail.staged
                else translate("GrantEditor", "single")
            ),
        ),
        (translate("GrantEditor", "Amount requested"), cents(detail.amount_requested_cents)),
        (translate("GrantEditor", "Amount voted"), cents(detail.amount_voted_cents)),
        (translate("GrantEditor", "Amount to repay"), cents(detail.amount_to_repay_cents)),
        (
            translate("GrantEditor", "Decision"),
            f"{_e(detail.decision_ref)} · {day(detail.decision_date)}",
        ),
        (
            translate("GrantEditor", "Convention"),
            f"{_e(detail.convention_ref)} · {day(detail.convention_date)}",
        ),
        (
            translate("GrantEditor", "Period"),
            f"{day(detail.period_start)} → {day(detail.period_end)}",
        ),
        (translate("GrantEditor", "Report due on"), day(detail.report_due)),
        (translate("GrantEditor", "Overhead rule"), _e(overhead)),
        (
            translate("GrantEditor", "Coordination share"),
            _e(format_percent(detail.coordination_share_bp, lang=lang)),
        ),
        (translate("GrantEditor", "Received"), cents(detail.received_cents)),
        (translate("GrantEditor", "Passed on"), cents(detail.passed_cents)),
        (translate("GrantEditor", "Kept for coordination"), cents(detail.coordination_cents)),
        (translate("GrantEditor", "Not covered by the plan"), cents(detail.unplanned_cents)),
        (translate("GrantEditor", "Reste à reverser"), cents(detail.remaining_cents)),
    ]
    body = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f"<style>{CSS}</style><table>{body}</table>"


class GrantEditor(QWidget):
    """``editRequested()`` asks the page to open the grant dialog."""

    editRequested = Signal()

    def __init__(
        self,
        actions: GrantActions,
        members: Callable[[], Sequence[tuple[int, str]]],
        keys: Callable[[], Sequence[tuple[int, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = actions
        self.detail: GrantDetail | None = None
        self.title = QLabel()
        self.title.setFont(title_font(self.title, 1.2))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.remaining.setFont(title_font(self.remaining, 1.1))
        # a negative reste à reverser: more passed on than is due on what was received
        self.overpaid = error_banner()
        self.overpaid.setObjectName("overpaidWarning")
        self.overpaid.setStyleSheet(
            self.overpaid.styleSheet().replace("QLabel#formError", "QLabel#overpaidWarning")
        )
        self.status_combo = QComboBox()
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo.setAccessibleName(translate("GrantEditor", "Status"))
        self.suggestion = QLabel()
        self.suggestion.setObjectName("hint")
        # a suggestion appearing must not widen the page (nor the window): it wraps
        self.suggestion.setWordWrap(True)
        self.subtitle.setWordWrap(True)
        self.apply_suggestion = QPushButton(translate("GrantEditor", "Appl&y"))
        self.edit_button = QPushButton(translate("GrantEditor", "Edit the &grant…"))
        for button in (self.apply_suggestion, self.edit_button):
            button.setAutoDefault(False)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.remaining)
        status_row = QHBoxLayout()
        # the funder takes the spare width (a long one wrapped at 1200 px, a line less for
        # the tabs); the status box sits beside « Modifier la subvention… »
        status_row.addWidget(self.subtitle, 1)
        status_row.addSpacing(16)
        status_label_ = QLabel(translate("GrantEditor", "S&tatus"))
        status_label_.setBuddy(self.status_combo)
        status_row.addWidget(status_label_)
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.suggestion)
        status_row.addWidget(self.apply_suggestion)
        status_row.addWidget(self.edit_button)

        self.general = QTextBrowser()
        self.general.setAccessibleName(translate("GrantEditor", "Grant fields"))
        # what builds each editing tab: made on its first showing (or first use), so the page
        # opens without building eight forms nobody has looked at yet
        self._factories: dict[str, Callable[[], Any]] = {
            "budget_tab": lambda: BudgetTab(actions),
            "overhead_tab": lambda: OverheadTab(actions, keys),
            "plan_tab": lambda: PlanTab(actions, members),
            "instalments_tab": lambda: InstalmentsTab(actions),
            "redistributions_tab": lambda: RedistributionsTab(actions, members),
            "members_tab": PerMemberTab,
            "sheet_tab": lambda: ReportSheetTab(actions),
            "report_tab": lambda: ReportTextsTab(actions),
        }
        self._built: dict[str, Any] = {}
        self._holders: dict[str, QScrollArea] = {}
        #: the default date the money tabs offer (the page sets it to a day of its year)
        self.default_date: Callable[[], Any] | None = None
        self.tabs = QTabWidget()
        # nine tabs in the width of a 1200-px window: short names (the full one in the
        # tooltip), and a name is elided rather than pushed behind scroll arrows
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabBar().setExpanding(False)
        self.tabs.addTab(self.general, translate("GrantEditor", "General"))
        self.tabs.setTabToolTip(0, translate("GrantEditor", "The grant's fields"))
        for name, label, tip in (
            (
                "budget_tab",
                translate("GrantEditor", "Budget"),
                translate("GrantEditor", "Forecast budget"),
            ),
            (
                "overhead_tab",
                translate("GrantEditor", "Overheads"),
                translate("GrantEditor", "Indirect charges"),
            ),
            (
                "plan_tab",
                translate("GrantEditor", "Plan"),
                translate("GrantEditor", "Redistribution plan"),
            ),
            (
                "instalments_tab",
                translate("GrantEditor", "Instalments"),
                translate("GrantEditor", "Instalments received from the funder"),
            ),
            (
                "redistributions_tab",
                translate("GrantEditor", "Redistributions"),
                translate("GrantEditor", "Amounts passed on to members"),
            ),
            (
                "members_tab",
                translate("GrantEditor", "Per member"),
                translate("GrantEditor", "Each member's due, passed on and remaining amounts"),
            ),
            (
                "sheet_tab",
                translate("GrantEditor", "Sheet 1"),
                translate(
                    "GrantEditor",
                    "Report (sheet 1): objectives and indicators, beneficiaries, dates and places",
                ),
            ),
            (
                "report_tab",
                translate("GrantEditor", "Cerfa"),
                translate("GrantEditor", "Report (Cerfa)"),
            ),
        ):
            # a scroll area each, so the tabs never squeeze the list above them
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            self._holders[name] = holder
            self.tabs.addTab(holder, label)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tip)
        self.tabs.currentChanged.connect(self._build_current)

        # no grant selected: the hint alone (no empty tabs, status box or buttons below it)
        self.empty_hint = QLabel(translate("GrantEditor", "Select a grant to see its detail."))
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)
        # the grant's header and tabs, shown once a grant is selected
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(title_row)
        body.addLayout(status_row)
        body.addWidget(self.overpaid)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 0, 0)  # apart from the list's count above
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)  # the hint stays at the top when the body is hidden
        self.status_combo.activated.connect(self._status_chosen)
        self.apply_suggestion.clicked.connect(self._apply_suggestion)
        self.edit_button.clicked.connect(self.editRequested)
        self.show_detail(None)

    # --- the tabs, built on first use ------------------------------------------------------
    def tab(self, name: str) -> Any:
        """The editing tab ``name`` (``"plan_tab"``, ``"report_tab"``…), built now if it was
        not yet, showing the current grant."""
        widget = self._built.get(name)
        if widget is None:
            widget = self._built[name] = self._factories[name]()
            if self.default_date is not None and hasattr(widget, "default_date"):
                widget.default_date = self.default_date
            self._holders[name].setWidget(widget)
            widget.show_detail(self.detail)
        return widget

    def is_built(self, name: str) -> bool:
        return name in self._built

    def show_tab(self, name: str) -> None:
        """Bring the tab ``name`` to the front (built first)."""
        self.tab(name)
        self.tabs.setCurrentWidget(self._holders[name])

    def set_default_date(self, default_date: Callable[[], Any]) -> None:
        self.default_date = default_date
        for widget in self._built.values():
            if hasattr(widget, "default_date"):
                widget.default_date = default_date

    def _build_current(self, index: int) -> None:
        holder = self.tabs.widget(index)
        for name, known in self._holders.items():
            if known is holder:
                self.tab(name)

    budget_tab = property(lambda self: self.tab("budget_tab"))
    overhead_tab = property(lambda self: self.tab("overhead_tab"))
    plan_tab = property(lambda self: self.tab("plan_tab"))
    instalments_tab = property(lambda self: self.tab("instalments_tab"))
    redistributions_tab = property(lambda self: self.tab("redistributions_tab"))
    members_tab = property(lambda self: self.tab("members_tab"))
    sheet_tab = property(lambda self: self.tab("sheet_tab"))
    report_tab = property(lambda self: self.tab("report_tab"))

    def editing_tabs(self) -> list[Any]:
        """The editing tabs built so far (the others show the grant when they are built)."""
        return list(self._built.values())

    def show_detail(self, detail: GrantDetail | None) -> None:
        self.detail = detail
        writable = detail is not None and not self.ops.ctx.read_only
        self.tabs.setEnabled(detail is not None)
        self.edit_button.setEnabled(detail is not None)
        for tab in self.editing_tabs():
            tab.show_detail(detail)
        self.status_combo.clear()
        self.empty_hint.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self.title.setText("")
            self.subtitle.setText("")
            self.remaining.setText("")
            self.general.clear()
            self.overpaid.hide()
            self.suggestion.setText("")
            self.status_combo.setEnabled(False)
            self.apply_suggestion.hide()
            return
        self.title.setText(detail.title)
        self.subtitle.setText(f"{detail.funder_name} · {funder_type_label(detail.funder_type)}")
        self.remaining.setText(
            translate("GrantEditor", "Reste à reverser: %1").replace(
                "%1", money_text(detail.remaining_cents)
            )
        )
        warning = overpaid_warning(detail.title, detail.remaining_cents, current_language())
        self.overpaid.setText(warning or "")
        self.overpaid.setVisible(warning is not None)
        self.remaining.setStyleSheet(f"color: {ERROR};" if warning else "")
        self.remaining.setToolTip(warning or "")
        self.general.setHtml(general_html(detail))
        current = GrantStatus(detail.status)
        for status in [current, *sorted(GRANT_TRANSITIONS[current], key=list(GrantStatus).index)]:
            if can_change_grant_status(current, status):
                self.status_combo.addItem(status.label(current_language()), status.value)
        self.status_combo.setCurrentIndex(0)
        self.status_combo.setEnabled(writable and self.status_combo.count() > 1)
        suggested = detail.suggested_status
        if suggested != detail.status:
            self.suggestion.setText(
                translate("GrantEditor", "The money received suggests “%1”.").replace(
                    "%1", status_label(suggested)
                )
            )
            self.apply_suggestion.setVisible(writable)
        else:
            self.suggestion.setText("")
            self.apply_suggestion.hide()

    def change_status(self, status: str) -> bool:
        detail = self.detail
        if detail is None or status == detail.status:
            return False
        try:
            self.ops.set_status(detail, status)
        except Exception as error:  # e.g. "votée" without a voted amount: a message
            self.ops.ctx.presenter.present(error, self)
            self.show_detail(detail)
            return False
        return True

    def _status_chosen(self, index: int) -> None:
        self.change_status(self.status_combo.itemData(index))

    def _apply_suggestion(self) -> None:
        if self.detail is not None:
            self.change_status(self.detail.suggested_status)
