"""Dialogs of the calls page: issuing calls (quarter or true-up) and recording a payment.

:class:`IssueCallsDialog` only gathers the quarter and the dates (checked inline); the page
asks for confirmation and issues through the Runner. :class:`PaymentDialog` gathers a payment
and how to match it — automatically (oldest call first) or by hand in a table of the member's
open calls — and hands it to the page's ``save`` (one service call, pushed on the undo stack);
a refusal (over-matching, zero amount…) is shown under its field and everything typed stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.calls.views import CallSummary, CallView, PaymentView
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.amount_table import (
    MONEY,
    EditableTable,
    EditColumn,
    compact,
    edit_view,
)
from ptce_desktop.ui.widgets import DateEdit, FormDialog, MoneyEdit

translate = QCoreApplication.translate


def payment_methods() -> list[tuple[str, str]]:
    """(code, label) of every payment method, in the order offered."""
    return [
        ("virement", translate("PaymentDialog", "Bank transfer")),
        ("cheque", translate("PaymentDialog", "Cheque")),
        ("especes", translate("PaymentDialog", "Cash")),
        ("prelevement", translate("PaymentDialog", "Direct debit")),
        ("carte", translate("PaymentDialog", "Card")),
        ("compensation", translate("PaymentDialog", "Offset")),
        ("autre", translate("PaymentDialog", "Other")),
    ]


def payment_method_label(code: str) -> str:
    return dict(payment_methods()).get(code, code)


def required(field: str, label: str) -> PtceError:
    return PtceError("required", field, field_label=label.replace("&", ""))


# --- payments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentInput:
    """A payment as typed; ``matches`` None = automatic matching, oldest call first."""

    member_id: int
    date: dt.date
    amount_cents: int
    method: str
    reference: str | None
    note: str | None
    matches: dict[int, int] | None


def match_columns() -> list[EditColumn]:
    return [
        EditColumn(translate("PaymentDialog", "Call"), "number"),
        EditColumn(translate("PaymentDialog", "Period"), "period"),
        EditColumn(translate("PaymentDialog", "Due date"), "due"),
        EditColumn(translate("PaymentDialog", "Open"), "open", MONEY),
        EditColumn(translate("PaymentDialog", "Amount to match"), "amount", MONEY, editable=True),
    ]


class PaymentDialog(FormDialog):
    """Record (``payment=None``) or change a payment; ``save(input)`` does the service call."""

    def __init__(
        self,
        members: Sequence[tuple[int, str]],
        open_calls: Callable[[int], Sequence[CallView | CallSummary]],
        save: Callable[[PaymentInput], PaymentView],
        payment: PaymentView | None = None,
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("PaymentDialog", "New payment")
            if payment is None
            else translate("PaymentDialog", "Payment of %1").replace("%1", payment.member_name)
        )
        super().__init__(title, parent)
        self.setObjectName("PaymentDialog")
        self._open_calls = open_calls
        self._save = save
        self.payment = payment
        self._build(members)
        if payment is not None:
            self._load(payment)
        else:
            self.date_edit.set_date(default_date or dt.date.today())
            self._member_changed()
        self.resize(720, 700)
        self.member_combo.setFocus()

    # --- building ----------------------------------------------------------------------------
    def _build(self, members: Sequence[tuple[int, str]]) -> None:
        add = self.fields.add
        form = self.new_form()
        self.member_combo = compact(QComboBox())
        self.member_combo.setAccessibleName(translate("PaymentDialog", "Member"))
        for member_id, name in members:
            self.member_combo.addItem(name, member_id)
        add(form, "member_id", translate("PaymentDialog", "&Member"), self.member_combo)
        self.date_edit = DateEdit("date")
        self.date_edit.setAccessibleName(translate("PaymentDialog", "Date"))
        add(form, "date", translate("PaymentDialog", "&Date"), self.date_edit)
        self.amount_edit = MoneyEdit("amount_cents")
        self.amount_edit.setAccessibleName(translate("PaymentDialog", "Amount"))
        add(
            form,
            "amount_cents",
            translate("PaymentDialog", "&Amount"),
            self.amount_edit,
            translate("PaymentDialog", "A refund to the member is a negative amount."),
        )
        self.method_combo = QComboBox()
        self.method_combo.setAccessibleName(translate("PaymentDialog", "Method"))
        for code, label in payment_methods():
            self.method_combo.addItem(label, code)
        add(form, "method", translate("PaymentDialog", "M&ethod"), self.method_combo)
        self.reference_edit = QLineEdit()
        self.reference_edit.setAccessibleName(translate("PaymentDialog", "Reference"))
        self.reference_edit.setPlaceholderText(
            translate("PaymentDialog", "e.g. cheque number, transfer label")
        )
        add(form, "reference", translate("PaymentDialog", "&Reference"), self.reference_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(translate("PaymentDialog", "Note"))
        self.note_edit.setMinimumHeight(48)
        self.note_edit.setMaximumHeight(90)
        self.note_edit.setTabChangesFocus(True)
        add(form, "note", translate("PaymentDialog", "&Note"), self.note_edit)

        form = self.new_form(translate("PaymentDialog", "Matching to calls"))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.auto_radio = QRadioButton(translate("PaymentDialog", "A&utomatic (oldest call first)"))
        self.manual_radio = QRadioButton(translate("PaymentDialog", "&By hand"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.auto_radio)
        self.mode_group.addButton(self.manual_radio)
        self.auto_radio.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.auto_radio)
        modes.addWidget(self.manual_radio)
        modes.addStretch(1)
        layout.addLayout(modes)
        self.match_model = EditableTable(match_columns(), field="matches", parent=self)
        self.match_view = edit_view(
            self.match_model, translate("PaymentDialog", "Open calls of the member")
        )
        self.match_view.setMinimumHeight(160)
        layout.addWidget(self.match_view)
        footer = QHBoxLayout()
        self.match_total = QLabel()
        self.match_total.setObjectName("hint")
        footer.addWidget(self.match_total, 1)
        self.fill_button = QPushButton(translate("PaymentDialog", "&Fill oldest first"))
        footer.addWidget(self.fill_button)
        layout.addLayout(footer)
        add(form, "matches", translate("PaymentDialog", "Matching"), box)

        self.member_combo.currentIndexChanged.connect(lambda _i: self._member_changed())
        self.manual_radio.toggled.connect(self._mode_changed)
        self.fill_button.clicked.connect(self.fill_oldest_first)
        self.match_model.dataChanged.connect(lambda *_a: self._update_total())
        self.amount_edit.textChanged.connect(lambda _t: self._update_total())
        self._mode_changed(False)

    def _load(self, payment: PaymentView) -> None:
        self.member_combo.setCurrentIndex(max(self.member_combo.findData(payment.member_id), 0))
        self.date_edit.set_date(payment.date)
        self.amount_edit.set_cents(payment.amount_cents)
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(payment.method), 0))
        self.reference_edit.setText(payment.reference or "")
        self.note_edit.setPlainText(payment.note or "")
        self._member_changed()
        # Editing keeps the matches as they are unless the user changes them.
        self.manual_radio.setChecked(True)

    # --- matching table ----------------------------------------------------------------------
    def _member_changed(self) -> None:
        member_id = self.member_combo.currentData()
        own: dict[int, int] = {}
        if self.payment is not None and member_id == self.payment.member_id:
            own = self.payment.matches_by_call()
        rows: list[dict[str, Any]] = []
        if member_id is not None:
            for call in self._open_calls(member_id):
                available = call.outstanding_cents + own.get(call.id, 0)
                if available == 0 and call.id not in own:
                    continue
                rows.append(
                    {
                        "call_id": call.id,
                        "number": call.number,
                        "period": call.period_label,
                        "due": format_date(call.due_date),
                        "due_date": call.due_date,
                        "issue_date": call.issue_date,
                        "open": available,
                        "amount": "",
                    }
                )
        self.match_model.set_rows(rows)
        for number, row in enumerate(rows):
            if row["call_id"] in own:
                self.match_model.set_value(number, "amount", own[row["call_id"]])
        self.match_view.resizeColumnsToContents()
        self._update_total()

    def _mode_changed(self, manual: bool) -> None:
        self.match_view.setEnabled(manual)
        self.fill_button.setEnabled(manual)

    def fill_oldest_first(self) -> None:
        """Put the payment on the open calls, oldest first (what automatic matching does)."""
        try:
            amount = self.amount_edit.cents() or 0
        except PtceError:
            amount = 0
        sign = 1 if amount >= 0 else -1
        remaining = abs(amount)
        order = sorted(
            range(self.match_model.rowCount()),
            key=lambda n: (
                self.match_model.row(n)["due_date"],
                self.match_model.row(n)["issue_date"],
                self.match_model.row(n)["number"],
            ),
        )
        for number in order:
            available = self.match_model.row(number)["open"] * sign
            take = min(remaining, available) if available > 0 else 0
            self.match_model.set_value(number, "amount", sign * take if take else None)
            remaining -= take

    def _update_total(self) -> None:
        total = 0
        for number in range(self.match_model.rowCount()):
            with contextlib.suppress(PtceError):
                total += self.match_model.value(number, "amount") or 0
        try:
            amount = self.amount_edit.cents()
        except PtceError:
            amount = None
        text = translate("PaymentDialog", "Matched by hand: %1").replace("%1", money_text(total))
        if amount is not None:
            text = (
                translate("PaymentDialog", "Matched by hand: %1 of %2")
                .replace("%1", money_text(total))
                .replace("%2", money_text(amount))
            )
        self.match_total.setText(text)

    # --- saving ------------------------------------------------------------------------------
    def matches(self) -> dict[int, int] | None:
        if self.auto_radio.isChecked():
            return None
        problem = self.match_model.first_problem()
        if problem is not None:
            raise problem
        wanted = {}
        for number in range(self.match_model.rowCount()):
            cents = self.match_model.value(number, "amount")
            if cents:
                wanted[self.match_model.row(number)["call_id"]] = cents
        return wanted

    def payment_input(self) -> PaymentInput:
        member_id = self.member_combo.currentData()
        if member_id is None:
            raise required("member_id", translate("PaymentDialog", "Member"))
        day = self.date_edit.date()
        if day is None:
            raise required("date", translate("PaymentDialog", "Date"))
        amount = self.amount_edit.cents()
        if amount is None:
            raise required("amount_cents", translate("PaymentDialog", "Amount"))
        return PaymentInput(
            member_id=member_id,
            date=day,
            amount_cents=amount,
            method=self.method_combo.currentData(),
            reference=self.reference_edit.text() or None,
            note=self.note_edit.toPlainText() or None,
            matches=self.matches(),
        )

    def submit(self) -> PaymentView:
        return self._save(self.payment_input())
