"""The accountant's settings of the FEC export (Paramètres): account numbers and journal codes,
saved with the pole (:mod:`ptce_desktop.services.pole.accounting`)."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.accounting import AccountingService, AccountingSettings
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.form import error_banner

translate = QCoreApplication.translate


def _labels() -> dict[str, str]:
    return {
        "members_account": translate("AccountingBox", "Members (calls for funds)"),
        "bank_account": translate("AccountingBox", "Bank"),
        "calls_account": translate("AccountingBox", "Calls for funds (re-invoicing)"),
        "true_up_account": translate("AccountingBox", "True-ups"),
        "surcharge_account": translate("AccountingBox", "Surcharges (billing coefficient)"),
        "fee_account": translate("AccountingBox", "Management fees"),
        "vat_account": translate("AccountingBox", "VAT collected"),
        "grants_received_account": translate("AccountingBox", "Grants received"),
        "grants_passed_account": translate("AccountingBox", "Grants passed on to members"),
        "sales_journal": translate("AccountingBox", "Journal of the calls (code)"),
        "sales_journal_label": translate("AccountingBox", "Journal of the calls (name)"),
        "bank_journal": translate("AccountingBox", "Bank journal (code)"),
        "bank_journal_label": translate("AccountingBox", "Bank journal (name)"),
    }


class AccountingBox(QGroupBox):
    """One line per account or journal; Save checks and stores them, Defaults refills."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("AccountingBox", "Accounting export (FEC)"), parent)
        self.setObjectName("accountingBox")
        self.service = ctx.service(AccountingService)
        self.read_only = ctx.read_only
        self.banner = error_banner()
        self.edits: dict[str, QLineEdit] = {}
        hint = QLabel(
            translate(
                "AccountingBox",
                "Accounts and journals of the file of accounting entries (FEC) given to the "
                "accountant: ptce-desktop export fec.",
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        for name, label in _labels().items():
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setReadOnly(self.read_only)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.saved = QLabel()
        self.defaults_button = QPushButton(translate("AccountingBox", "&Defaults"))
        self.defaults_button.clicked.connect(lambda: self.fill(AccountingSettings()))
        self.save_button = QPushButton(translate("AccountingBox", "&Save the accounts"))
        self.save_button.clicked.connect(self.save)
        for button in (self.defaults_button, self.save_button):
            button.setEnabled(not self.read_only)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.fill(self.service.get())

    def fill(self, settings: AccountingSettings) -> None:
        for field in fields(settings):
            self.edits[field.name].setText(getattr(settings, field.name))
        self.saved.clear()

    def settings(self) -> AccountingSettings:
        return AccountingSettings(**{name: edit.text() for name, edit in self.edits.items()})

    def save(self) -> bool:
        try:
            stored = self.service.set(self.settings())
        except PtceError as error:
            self.banner.setText(error.message(current_language()))
            self.banner.show()
            if error.field in self.edits:
                self.edits[error.field].setFocus()
            return False
        self.banner.hide()
        self.fill(stored)
        self.saved.setText(translate("AccountingBox", "Saved."))
        return True
