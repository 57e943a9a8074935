"""Paramètres ▸ E-mails: the subject and text of the e-mail drafted for each member's call for
funds and reminder (:mod:`ptce_desktop.services.calls.email_templates`), with the fields they
may name, a preview filled with example values, and « Rétablir le texte par défaut ».

Both messages are edited in one working copy (a choice switches between them); Save checks and
stores both, and a refused text brings its message back into view with the reason.
"""

from __future__ import annotations

import html
from dataclasses import asdict

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.email_templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    EmailTemplates,
    EmailTemplateService,
    check_text,
    render,
    sample_values,
)
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.form import error_banner

translate = QCoreApplication.translate

#: The messages edited here: the prefix of their fields in :class:`EmailTemplates`.
KINDS = ("call", "reminder")


def _kind_labels() -> dict[str, str]:
    return {
        "call": translate("EmailTextsBox", "Call for funds"),
        "reminder": translate("EmailTextsBox", "Reminder of unpaid calls"),
    }


def _field_help() -> dict[str, str]:
    return {
        "membre": translate("EmailTextsBox", "the member's name"),
        "exercice": translate("EmailTextsBox", "the fiscal year"),
        "numero": translate("EmailTextsBox", "the call's number (the unpaid calls' numbers)"),
        "periode": translate("EmailTextsBox", "the period called (empty on a reminder)"),
        "montant": translate("EmailTextsBox", "the amount called (the amount left to pay)"),
        "echeance": translate("EmailTextsBox", "the due date (the oldest one)"),
        "pole": translate("EmailTextsBox", "the pole's name"),
    }


class EmailTextsBox(QGroupBox):
    """Subject and text of each message, the fields they may use, a live preview."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("EmailTextsBox", "E-mails sent with the calls"), parent)
        self.setObjectName("emailTextsBox")
        self.service = ctx.service(EmailTemplateService)
        self.read_only = ctx.read_only
        self.working: dict[str, str] = asdict(DEFAULT_TEMPLATES)
        self.kind = KINDS[0]
        self._filling = False
        self.banner = error_banner()
        hint = QLabel(
            translate(
                "EmailTextsBox",
                "After issuing, a ready-to-send message is written for each member with an "
                "e-mail address, with its document attached; nothing is sent by the app. "
                "Write a field between braces to fill it in for each member:",
            )
        )
        hint.setWordWrap(True)
        helps = _field_help()
        fields_list = QLabel(
            "<br>".join(f"<b>{{{name}}}</b> — {html.escape(helps[name])}" for name in PLACEHOLDERS)
        )
        fields_list.setObjectName("hint")
        fields_list.setWordWrap(True)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("emailKind")
        for kind, label in _kind_labels().items():
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.subject = QLineEdit()
        self.subject.setObjectName("emailSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("emailBody")
        self.body.setMinimumHeight(160)
        for editor in (self.subject, self.body):
            editor.setReadOnly(self.read_only)
            editor.textChanged.connect(self._edited)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.preview_subject = QLabel()
        self.preview_subject.setObjectName("emailPreviewSubject")
        self.preview_subject.setWordWrap(True)
        self.preview_body = QPlainTextEdit()
        self.preview_body.setObjectName("emailPreviewBody")
        self.preview_body.setReadOnly(True)
        self.preview_body.setMinimumHeight(140)
        self.saved = QLabel()
        self.default_button = QPushButton(translate("EmailTextsBox", "Restore the &default text"))
        self.default_button.clicked.connect(self.restore_default)
        self.save_button = QPushButton(translate("EmailTextsBox", "&Save the texts"))
        self.save_button.clicked.connect(self.save)
        for button in (self.default_button, self.save_button):
            button.setEnabled(not self.read_only)
        form = QFormLayout()
        form.addRow(translate("EmailTextsBox", "Message"), self.kind_combo)
        form.addRow(translate("EmailTextsBox", "Subject"), self.subject)
        form.addRow(translate("EmailTextsBox", "Text"), self.body)
        preview = QGroupBox(translate("EmailTextsBox", "Preview (example values)"))
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.preview_subject)
        preview_layout.addWidget(self.preview_body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(fields_list)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(preview)
        layout.addLayout(buttons)
        self.reload()

    # --- the working copy --------------------------------------------------------------------
    def reload(self) -> None:
        self.working = asdict(self.service.get())
        self.pole_name = self.service.pole_name()
        self.banner.hide()
        self.saved.clear()
        self._fill()

    def templates(self) -> EmailTemplates:
        """What the editors hold now, both messages."""
        self._keep()
        return EmailTemplates(**self.working)

    def show_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _keep(self) -> None:
        if not self._filling:
            self.working[f"{self.kind}_subject"] = self.subject.text()
            self.working[f"{self.kind}_body"] = self.body.toPlainText()

    def _fill(self) -> None:
        self._filling = True
        try:
            self.subject.setText(self.working[f"{self.kind}_subject"])
            self.body.setPlainText(self.working[f"{self.kind}_body"])
        finally:
            self._filling = False
        self._preview()

    def _kind_changed(self, _index: int) -> None:
        self._keep()
        self.kind = str(self.kind_combo.currentData())
        self._fill()

    def _edited(self) -> None:
        if self._filling:
            return
        self._keep()
        self.saved.clear()
        self._preview()

    def _preview(self) -> None:
        """Fill the preview with example values, or say what is wrong with the text."""
        values = sample_values(self.pole_name)
        subject_field, body_field = f"{self.kind}_subject", f"{self.kind}_body"
        try:
            subject = render(check_text(self.subject.text(), subject_field), values, subject_field)
            body = render(check_text(self.body.toPlainText(), body_field), values, body_field)
        except PtceError as error:
            self.problem.setText(error.message(current_language()))
            self.problem.show()
            self.preview_subject.setText("")
            self.preview_body.setPlainText("")
            return
        self.problem.hide()
        self.preview_subject.setText(
            translate("EmailTextsBox", "Subject: %1").replace("%1", " ".join(subject.split()))
        )
        self.preview_body.setPlainText(body)

    # --- actions -----------------------------------------------------------------------------
    def restore_default(self) -> None:
        """Put the default subject and text of the message shown back in the editors (saved
        with Save, like any change)."""
        defaults = DEFAULT_TEMPLATES
        self.working[f"{self.kind}_subject"] = getattr(defaults, f"{self.kind}_subject")
        self.working[f"{self.kind}_body"] = getattr(defaults, f"{self.kind}_body")
        self._fill()
        self.saved.setText(translate("EmailTextsBox", "Default text restored: save to keep it."))

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            stored = self.service.set(self.templates())
        except PtceError as error:
            self.banner.setText(error.message(current_language()))
            self.banner.show()
            if error.field:
                kind = error.field.split("_")[0]
                if kind in KINDS:
                    self.show_kind(kind)
                (self.subject if error.field.endswith("_subject") else self.body).setFocus()
            return False
        self.banner.hide()
        self.working = asdict(stored)
        self._fill()
        self.saved.setText(translate("EmailTextsBox", "Saved."))
        return True
