"""The payments, unpaid and balances tabs of the calls page.

Every payment change is one :class:`~ptce_desktop.services.calls.payments.PaymentService` call
pushed
on the undo stack: a new payment undoes by deleting it (redo records it again with the matches
it got the first time), an edit undoes by applying the previous values and matches, a delete
undoes by recording the payment again with its matches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.calls.views import CallSummary, PaymentView
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.calls.dialogs import (
    PaymentDialog,
    PaymentInput,
    payment_method_label,
)
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def payment_columns() -> list[Column]:
    return [
        Column(translate("PaymentsTab", "Date"), lambda p: p.date, display=_date),
        Column(translate("PaymentsTab", "Member"), lambda p: p.member_name),
        Column(
            translate("PaymentsTab", "Amount"),
            lambda p: p.amount_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(translate("PaymentsTab", "Method"), lambda p: payment_method_label(p.method)),
        Column(translate("PaymentsTab", "Reference"), lambda p: p.reference),
        Column(
            translate("PaymentsTab", "Matched"),
            lambda p: p.matched_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("PaymentsTab", "Unmatched"),
            lambda p: p.unmatched_cents,
            display=money_text,
            align=RIGHT,
            header_tooltip=translate(
                "PaymentsTab", "What no call absorbs: a credit on the member's account"
            ),
        ),
    ]


def confirm_delete_payment(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("PaymentsTab", "Delete a payment"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _input_of(payment: PaymentView) -> PaymentInput:
    return PaymentInput(
        member_id=payment.member_id,
        date=payment.date,
        amount_cents=payment.amount_cents,
        method=payment.method,
        reference=payment.reference,
        note=payment.note,
        matches=payment.matches_by_call(),
    )


class PaymentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service: PaymentService = ctx.service(PaymentService)
        self.calls: CallService = ctx.service(CallService)
        self.history = ctx.history
        self.year: int | None = None
        self.panel = ListPanel(
            "payments",
            payment_columns(),
            self.tr("Search a payment (member, reference, method…)"),
            lambda n: self.tr("%n payment(s)", "", n),
        )
        self.add_button = self.panel.add_button(self.tr("&Add…"))
        self.edit_button = self.panel.add_button(self.tr("&Edit…"))
        self.delete_button = self.panel.add_button(self.tr("&Delete"))
        self.panel.bar.addWidget(import_button("payments"))
        self.panel.add_totals(2, 5, 6)  # amount, matched, unmatched of the payments shown
        self.matches_label = QLabel()
        self.matches_label.setObjectName("hint")
        self.matches_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.matches_label)
        self.add_button.clicked.connect(self.new_payment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.panel.activated.connect(lambda _row: self.edit_selected())
        self.panel.deleteRequested.connect(self.delete_selected)
        self.panel.currentChanged.connect(self._current_changed)

    def load(self, year: int) -> None:
        self.show_rows(year, self.service.list_payments(year))

    def show_rows(
        self, year: int, payments: list[PaymentView], totals: dict[int, int] | None = None
    ) -> None:
        """Show payments already read (the page reads them, and sums ``totals``, in its
        worker)."""
        self.year = year
        self.panel.set_rows(payments, totals)
        self.update_buttons()

    def update_buttons(self) -> None:
        row = self.panel.current_row()
        writable = not self.ctx.read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(writable and row is not None)

    def _current_changed(self, payment: PaymentView | None) -> None:
        self.update_buttons()
        if payment is None:
            self.matches_label.setText("")
            return
        if not payment.matches:
            self.matches_label.setText(self.tr("This payment settles no call."))
            return
        settled = ", ".join(
            f"{m.call_number} ({money_text(m.amount_cents)})" for m in payment.matches
        )
        self.matches_label.setText(self.tr("Settles: %1").replace("%1", settled))

    # --- helpers for the dialog --------------------------------------------------------------
    def members(self) -> list[tuple[int, str]]:
        rows = self.ctx.members.list_members(include_archived=True, year=self.year)
        return sorted(((row.id, row.name) for row in rows), key=lambda m: m[1].casefold())

    def open_calls(self, member_id: int) -> list[CallSummary]:
        """The member's calls of every known year (a late payment may settle an old one)."""
        calls: list[CallSummary] = []
        for year in self.ctx.fiscal_years.list_years():
            calls.extend(self.calls.list_call_summaries(year.start_year, member_id=member_id))
        return sorted(calls, key=lambda c: (c.due_date, c.issue_date, c.number))

    def _default_date(self) -> dt.date:
        today = dt.date.today()
        if self.year is None:
            return today
        view = self.ctx.fiscal_years.get(self.year)
        return today if view.start <= today <= view.end else view.end

    def _dialog(self, payment: PaymentView | None) -> PaymentDialog:
        save = self._create if payment is None else lambda entry: self._update(payment, entry)
        return PaymentDialog(
            self.members(), self.open_calls, save, payment, self._default_date(), self
        )

    # --- actions -----------------------------------------------------------------------------
    def new_payment(self) -> PaymentView | None:
        if self.ctx.read_only:
            return None
        dialog = self._dialog(None)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        self.panel.select_id(dialog.result_value.id)
        return dialog.result_value

    def edit_selected(self) -> PaymentView | None:
        row = self.panel.current_row()
        if row is None:
            return None
        dialog = self._dialog(self.service.get_payment(row.id))
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.result_value if accepted else None

    def delete_selected(self) -> bool:
        row = self.panel.current_row()
        if row is None or self.ctx.read_only:
            return False
        payment = self.service.get_payment(row.id)
        question = (
            self.tr("Delete the payment of %1 from “%2” dated %3? You can undo it with Ctrl+Z.")
            .replace("%1", money_text(payment.amount_cents))
            .replace("%2", payment.member_name)
            .replace("%3", format_date(payment.date))
        )
        if not confirm_delete_payment(self, question):
            return False
        entry = _input_of(payment)
        member = self.history.ref("member", payment.member_id)
        text = self.tr("Delete a payment from “%1”").replace("%1", payment.member_name)
        try:
            self.history.delete(
                text,
                "payment",
                payment.id,
                self.service.delete_payment,
                lambda: self._record(replace(entry, member_id=member.id)),
            )
        except Exception as error:  # a closed year: a message, never a traceback
            self.ctx.presenter.present(error, self)
            return False
        return True

    # --- service calls with undo -------------------------------------------------------------
    def _record(self, entry: PaymentInput) -> PaymentView:
        return self.service.record_payment(
            entry.member_id,
            entry.date,
            entry.amount_cents,
            entry.method,
            entry.reference,
            entry.note,
            matches=entry.matches,
        )

    def _apply(self, payment_id: int, entry: PaymentInput) -> PaymentView:
        return self.service.update_payment(
            payment_id,
            entry.member_id,
            entry.date,
            entry.amount_cents,
            entry.method,
            entry.reference,
            entry.note,
            matches=entry.matches,
        )

    def _create(self, entry: PaymentInput) -> PaymentView:
        state: dict[str, Any] = {"entry": entry}
        member = self.history.ref("member", entry.member_id)

        def create() -> PaymentView:
            view = self._record(replace(state["entry"], member_id=member.id))
            # redo repeats exactly the matching that was done the first time
            state["entry"] = _input_of(view)
            return view

        name = dict(self.members()).get(entry.member_id, "")
        text = self.tr("Record a payment from “%1”").replace("%1", name)
        return self.history.create(text, "payment", create, self.service.delete_payment)

    def _update(self, payment: PaymentView, entry: PaymentInput) -> PaymentView:
        text = self.tr("Edit a payment from “%1”").replace("%1", payment.member_name)
        before, after = _input_of(payment), entry
        members = (
            self.history.ref("member", before.member_id),
            self.history.ref("member", after.member_id),
        )

        def apply(payment_id: int, state: tuple[PaymentInput, Any]) -> PaymentView:
            values, member = state
            return self._apply(payment_id, replace(values, member_id=member.id))

        return self.history.update(
            text, "payment", payment.id, apply, (before, members[0]), (after, members[1])
        )


class DebtsTab(ListPanel):
    """Members who still owe on the year's calls, the largest debt first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        columns = [
            Column(translate("DebtsTab", "Member"), lambda d: d.name),
            Column(
                translate("DebtsTab", "Outstanding"),
                lambda d: d.outstanding_cents,
                display=money_text,
                align=RIGHT,
            ),
            Column(
                translate("DebtsTab", "Oldest due date"), lambda d: d.oldest_due_date, display=_date
            ),
            Column(
                translate("DebtsTab", "Days late"),
                lambda d: d.days_late,
                display=lambda v: str(v) if v else "",
                align=RIGHT,
            ),
            Column(
                translate("DebtsTab", "Last reminder"),
                lambda d: self.reminded.get(d.member_id),
                display=_date,
            ),
        ]
        #: member id → the date of the member's latest reminder letter (relance).
        self.reminded: dict[int, Any] = {}
        super().__init__(
            "debts",
            columns,
            translate("DebtsTab", "Search a member"),
            lambda n: translate("DebtsTab", "%n member(s) owing", "", n),
            parent,
        )
        self.panel = self
        self.reminder_button = self.add_button(translate("DebtsTab", "&Reminder letters…"))
        self.reminder_button.setToolTip(
            translate(
                "DebtsTab",
                "A reminder letter per member listed, with its unpaid calls past due, and a "
                "ready-to-send e-mail for members with an address; the date is recorded.",
            )
        )


class BalancesTab(ListPanel):
    """Per member: called, paid, outstanding, unmatched credit and the balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        def amount(header: str, value: Any, tip: str | None = None) -> Column:
            return Column(header, value, display=money_text, align=RIGHT, header_tooltip=tip)

        columns = [
            Column(translate("BalancesTab", "Member"), lambda b: b.name),
            amount(translate("BalancesTab", "Called"), lambda b: b.called_cents),
            amount(translate("BalancesTab", "Paid"), lambda b: b.paid_cents),
            amount(translate("BalancesTab", "Outstanding"), lambda b: b.outstanding_cents),
            amount(
                translate("BalancesTab", "Unmatched credit"),
                lambda b: b.unapplied_cents,
                translate("BalancesTab", "Payments of the year that no call absorbs"),
            ),
            amount(
                translate("BalancesTab", "Balance"),
                lambda b: b.outstanding_cents - b.unapplied_cents,
                translate(
                    "BalancesTab", "Positive: the member owes; negative: the pole owes the member"
                ),
            ),
        ]
        super().__init__(
            "balances",
            columns,
            translate("BalancesTab", "Search a member"),
            lambda n: translate("BalancesTab", "%n member(s)", "", n),
            parent,
        )
        self.panel = self
