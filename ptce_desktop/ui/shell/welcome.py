"""First-run welcome: create a pole, explore the demo, or open a file.

The dialog only asks; it creates nothing. The composition root reads :meth:`WelcomeDialog.choice`
and calls the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleDraft, check_draft
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.icons import icon
from ptce_desktop.ui.style import mark_invalid, title_font

NAME_MAX = 200


@dataclass(frozen=True)
class WelcomeChoice:
    kind: Literal["create", "demo", "open"]
    name: str = ""
    territory: str = ""
    fiscal_year_start_month: int = 1
    path: Path | None = None
    #: What the documents print (SIRET, address, representative…); None when skipped.
    identity: PoleDraft | None = None


def _open_file_dialog(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("WelcomeDialog", "Open a PTCE Desktop file"),
        "",
        QCoreApplication.translate(
            "WelcomeDialog", "PTCE Desktop files (*.sqlite3 *.db *.ptce);;All files (*)"
        ),
    )
    return path


class WelcomeDialog(QDialog):
    """Not meant to be subclassed (``self.tr`` looks texts up under "WelcomeDialog")."""

    def __init__(
        self,
        parent: QWidget | None = None,
        choose_file: Callable[[QWidget], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeDialog")
        self.setWindowTitle(self.tr("Welcome to PTCE Desktop"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(600)
        self._choose_file = choose_file or _open_file_dialog
        self._choice: WelcomeChoice | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(16)
        layout.addLayout(self._header())
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices_page())
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._identity_page())
        layout.addWidget(self.pages, 1)

    # --- building ----------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(56, 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(logo)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        title = QLabel(self.tr("Welcome to PTCE Desktop"))
        title.setObjectName("pageTitle")
        title.setFont(title_font(self))
        texts.addWidget(title)
        intro = QLabel(
            self.tr(
                "Keep your pole's members, shared services, cost sharing and grants in one "
                "file on this computer, and print the documents funders ask for."
            )
        )
        intro.setObjectName("pageSubtitle")
        intro.setWordWrap(True)
        texts.addWidget(intro)
        row.addLayout(texts, 1)
        return row

    def _choices_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.create_button = QCommandLinkButton(
            self.tr("Create a pole"),
            self.tr("Start a new file for your pole; you will add members and services next."),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Explore the demo"),
            self.tr("Open a sample pole with members, costs and grants to try everything."),
        )
        self.open_button = QCommandLinkButton(
            self.tr("Open a file…"),
            self.tr("Open a PTCE Desktop file saved elsewhere (a copy, a USB key…)."),
        )
        self.create_button.clicked.connect(self._show_create_form)
        self.demo_button.clicked.connect(lambda: self._finish(WelcomeChoice("demo")))
        self.open_button.clicked.connect(self._open_file)
        for button in (self.create_button, self.demo_button, self.open_button):
            column.addWidget(button)
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        heading = QLabel(self.tr("Your pole"))
        heading.setFont(title_font(self, 1.15))
        column.addWidget(heading)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("poleName")
        self.name_edit.setMaxLength(NAME_MAX + 50)  # longer than allowed, so the check explains
        self.name_edit.setPlaceholderText(self.tr("e.g. Pôle Sud"))
        self.name_edit.textEdited.connect(self._name_edited)
        self.name_error = QLabel()
        self.name_error.setObjectName("fieldError")
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        name_cell = QVBoxLayout()
        name_cell.setSpacing(3)
        name_cell.addWidget(self.name_edit)
        name_cell.addWidget(self.name_error)
        name_label = QLabel(self.tr("&Name of the pole"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, name_cell)

        self.territory_edit = QLineEdit()
        self.territory_edit.setObjectName("territory")
        self.territory_edit.setPlaceholderText(self.tr("e.g. Drôme, Pays de Romans"))
        territory_label = QLabel(self.tr("&Territory"))
        territory_label.setBuddy(self.territory_edit)
        form.addRow(territory_label, self.territory_edit)

        self.month_combo = QComboBox()
        self.month_combo.setObjectName("fiscalYearStartMonth")
        locale = QLocale()
        for month in range(1, 13):
            name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
            self.month_combo.addItem(name[:1].upper() + name[1:], month)
        month_label = QLabel(self.tr("&Fiscal year starts in"))
        month_label.setBuddy(self.month_combo)
        form.addRow(month_label, self.month_combo)
        hint = QLabel(self.tr("Most poles follow the calendar year (January)."))
        hint.setObjectName("hint")
        form.addRow("", hint)
        column.addLayout(form)
        column.addStretch(1)

        buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("&Back"))
        self.create_ok_button = QPushButton(self.tr("&Next"))
        self.create_ok_button.setDefault(True)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.create_ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_ok_button.clicked.connect(self._submit_create)
        column.addWidget(buttons)
        return page

    def _identity_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        heading = QLabel(self.tr("What the documents print"))
        heading.setFont(title_font(self, 1.15))
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The calls for funds and the Cerfa grant report print the pole's identity. "
                "Fill in what you know now, or skip: it stays editable in Settings."
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(4)
        self.identity_edits: dict[str, QLineEdit] = {}
        self.identity_errors: dict[str, QLabel] = {}
        rows = [
            (
                "siret",
                self.tr("&SIRET"),
                self.tr("14 digits, spaces allowed"),
                self.tr("Required on the Cerfa 15059 and printed on every call for funds."),
            ),
            ("address", self.tr("&Address"), self.tr("e.g. 12 rue des Écoles"), ""),
            ("postcode", self.tr("&Postcode"), self.tr("e.g. 26000"), ""),
            (
                "city",
                self.tr("&Town"),
                self.tr("e.g. Valence"),
                self.tr("The address is the sender of the calls; the town dates the signature."),
            ),
            (
                "legal_rep_name",
                self.tr("&Legal representative"),
                self.tr("e.g. Marie Dupont"),
                "",
            ),
            (
                "legal_rep_title",
                self.tr("Their t&itle"),
                self.tr("e.g. Présidente"),
                self.tr("Who signs the Cerfa report and the certificates."),
            ),
        ]
        for key, label_text, placeholder, why in rows:
            edit = QLineEdit()
            edit.setObjectName(f"identity-{key}")
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(lambda _text, k=key: self._clear_identity_error(k))
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(edit)
            cell.addWidget(error)
            if why:
                hint = QLabel(why)
                hint.setObjectName("hint")
                hint.setWordWrap(True)
                cell.addWidget(hint)
            label = QLabel(label_text)
            label.setBuddy(edit)
            form.addRow(label, cell)
            self.identity_edits[key] = edit
            self.identity_errors[key] = error
        column.addLayout(form)
        column.addStretch(1)
        buttons = QDialogButtonBox()
        self.identity_back_button = QPushButton(self.tr("&Back"))
        self.skip_button = QPushButton(self.tr("S&kip this step"))
        self.skip_button.setToolTip(self.tr("Create the pole now; fill these in Settings later."))
        self.identity_ok_button = QPushButton(self.tr("&Create the pole"))
        buttons.addButton(self.identity_back_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.identity_ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.identity_back_button.clicked.connect(self._show_create_form)
        self.skip_button.clicked.connect(lambda: self._create(None))
        self.identity_ok_button.clicked.connect(self._submit_identity)
        column.addWidget(buttons)
        return page

    # --- behaviour ---------------------------------------------------------------------------
    def _show_create_form(self) -> None:
        self.pages.setCurrentIndex(1)
        self.create_ok_button.setDefault(True)
        self.name_edit.setFocus()

    def validate(self) -> bool:
        """Check the form, marking the name field and explaining under it; text is kept."""
        name = self.name_edit.text().strip()
        message = ""
        if not name:
            message = self.tr("Enter the name of the pole.")
        elif len(name) > NAME_MAX:
            message = self.tr("The name is too long: %1 characters at most.").replace(
                "%1", str(NAME_MAX)
            )
        self.name_error.setText(message)
        self.name_error.setVisible(bool(message))
        mark_invalid(self.name_edit, bool(message))
        if message:
            self.name_edit.setFocus()
        return not message

    def _name_edited(self, _text: str) -> None:
        if self.name_error.isVisibleTo(self):
            self.validate()

    def _submit_create(self) -> None:
        if not self.validate():
            return
        self.pages.setCurrentIndex(2)
        self.identity_ok_button.setDefault(True)
        self.identity_edits["siret"].setFocus()

    def identity_draft(self) -> PoleDraft | None:
        """The identity typed (None when every field is empty)."""
        values = {key: edit.text().strip() or None for key, edit in self.identity_edits.items()}
        if not any(values.values()):
            return None
        return PoleDraft(
            name=self.name_edit.text().strip() or "?",
            siret=values["siret"],
            address=values["address"],
            postcode=values["postcode"],
            city=values["city"],
            legal_rep_name=values["legal_rep_name"],
            legal_rep_title=values["legal_rep_title"],
        )

    def _clear_identity_error(self, key: str) -> None:
        self.identity_errors[key].hide()
        mark_invalid(self.identity_edits[key], False)

    def _submit_identity(self) -> None:
        for key in self.identity_edits:
            self._clear_identity_error(key)
        draft = self.identity_draft()
        if draft is not None:
            try:
                check_draft(draft)
            except PtceError as error:
                key = error.field if error.field in self.identity_edits else "siret"
                self.identity_errors[key].setText(error.message(current_language()))
                self.identity_errors[key].show()
                mark_invalid(self.identity_edits[key], True)
                self.identity_edits[key].setFocus()
                return
        self._create(draft)

    def _create(self, identity: PoleDraft | None) -> None:
        self._finish(
            WelcomeChoice(
                "create",
                name=self.name_edit.text().strip(),
                territory=self.territory_edit.text().strip(),
                fiscal_year_start_month=int(self.month_combo.currentData()),
                identity=identity,
            )
        )

    def _open_file(self) -> None:
        path = self._choose_file(self)
        if path:
            self._finish(WelcomeChoice("open", path=Path(path)))

    def _finish(self, choice: WelcomeChoice) -> None:
        self._choice = choice
        self.accept()

    def choice(self) -> WelcomeChoice | None:
        """What the user chose, or None if the dialog was closed."""
        return self._choice if self.result() == QDialog.DialogCode.Accepted else None
