"""The dialog that records an exceptional call line (issue 11 item 2): a label, an amount, a
service (its key or another), a date, on the next call or on a call of its own.

The amount is split once by the key version in force on its date and called once; the service
refuses a date without a key version (naming the key), and the dialog marks the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
from ptce_desktop.ui.pages.calls.dialogs import required
from ptce_desktop.ui.widgets import DateEdit, FormDialog, MoneyEdit

translate = QCoreApplication.translate


class ExceptionalDialog(FormDialog):
    """Record one exceptional line; OK adds it through :class:`ExceptionalService`."""

    def __init__(
        self,
        charges: ExceptionalService,
        services: Sequence[tuple[int, str]],
        keys: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("ExceptionalDialog", "Exceptional call line"), parent)
        self.setObjectName("ExceptionalDialog")
        self.charges = charges
        intro = QLabel(
            translate(
                "ExceptionalDialog",
                "Works, a one-off purchase: the amount is split once with the key in force on "
                "its date and called once, on the next call or on a call of its own. Enter the "
                "invoice itself as a cost of the service: the year-end true-up then does not "
                "call it twice.",
            )
        )
        intro.setWordWrap(True)
        self.body_layout.addWidget(intro)
        form = self.new_form()
        add = self.fields.add
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(300)
        add(form, "label", translate("ExceptionalDialog", "&Label"), self.label_edit)
        self.amount_edit = MoneyEdit("amount_cents")
        add(form, "amount_cents", translate("ExceptionalDialog", "&Amount"), self.amount_edit)
        self.service_combo = QComboBox()
        for ident, name in services:
            self.service_combo.addItem(name, ident)
        add(form, "service_id", translate("ExceptionalDialog", "&Service"), self.service_combo)
        self.key_combo = QComboBox()
        self.key_combo.addItem(translate("ExceptionalDialog", "— the service's key —"), None)
        for ident, name in keys:
            self.key_combo.addItem(name, ident)
        add(form, "key_id", translate("ExceptionalDialog", "&Key"), self.key_combo)
        self.date_edit = DateEdit("date")
        add(form, "date", translate("ExceptionalDialog", "&Date"), self.date_edit)
        self.own_call = QCheckBox(translate("ExceptionalDialog", "On a call of its own"))
        add(form, "own_call", "", self.own_call)
        self.body_layout.addStretch(1)
        self.resize(560, 380)

    def draft(self) -> ExceptionalDraft:
        label = self.label_edit.text()
        if not label.strip():
            raise required("label", translate("ExceptionalDialog", "Label"))
        amount: Any = self.amount_edit.value()
        if amount is None:
            raise required("amount_cents", translate("ExceptionalDialog", "Amount"))
        date = self.date_edit.date()
        if date is None:
            raise required("date", translate("ExceptionalDialog", "Date"))
        service = self.service_combo.currentData()
        if service is None:
            raise required("service_id", translate("ExceptionalDialog", "Service"))
        return ExceptionalDraft(
            label=label,
            amount_cents=int(amount),
            service_id=int(service),
            date=date,
            key_id=self.key_combo.currentData(),
            own_call=self.own_call.isChecked(),
        )

    def submit(self) -> int:
        return self.charges.add_charge(self.draft())
