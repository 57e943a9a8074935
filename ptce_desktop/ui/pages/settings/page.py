"""The Paramètres page: the pole's identity (DESIGN §3), its logo, the fiscal years, the
accounting export, the e-mail texts of the calls and the second backup folder.

Saving goes through :class:`~ptce_desktop.services.pole.pole.PoleService` as one undoable step
(undo puts the previous identity back); a refusal marks its field and keeps what was typed.
Changing the logo is not an undo step (the previous image is kept among the attachments, and
"Remove" takes the logo off the documents).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    Qt,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleDraft, PoleService, PoleView
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.exports.accounting_box import AccountingBox
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.choice_combo import large_combo, set_choices
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.settings.backups import SecondFolderBox
from ptce_desktop.ui.pages.settings.emails import EmailTextsBox
from ptce_desktop.ui.pages.settings.years import FiscalYearsBox
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets import (
    FieldSet,
    bic_edit,
    error_banner,
    iban_edit,
    rna_edit,
    siret_edit,
    vat_edit,
)

translate = QCoreApplication.translate

TEXT_FIELDS = (
    "name",
    "territory",
    "address",
    "postcode",
    "city",
    "email",
    "phone",
    "website",
    "legal_rep_name",
    "legal_rep_title",
)
IDENTIFIER_FIELDS = ("siret", "rna", "vat_number", "iban", "bic")


def choose_logo_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("SettingsPage", "Choose the pole's logo"),
        "",
        translate("SettingsPage", "Images (*.png *.jpg *.jpeg)"),
    )
    return path


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


def _scrolled_later() -> tuple[QScrollArea, QVBoxLayout]:
    """A scroll area that scrolls vertically only, and the column whose top (index 0) takes
    its widget."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 8, 8, 0)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(holder)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll, column


def _scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` at the top of a scroll area that scrolls vertically only."""
    scroll, column = _scrolled_later()
    column.insertWidget(0, widget)
    return scroll


class SettingsPage(QWidget):
    """The pole's identity, carrier and signatory, logo and fiscal years, one tab each."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPage")
        self.ctx = ctx
        self.service: PoleService = ctx.pole
        self.current: PoleView | None = None
        self.banner = error_banner()
        self.fields = FieldSet(self.banner)

        # Sections in tabs: each fits a 1200 × 760 window without horizontal scrolling; the
        # identity forms scroll vertically only, their save bar stays in view below them.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(_scrolled(self._identity_box()), self.tr("The pole"))
        self.tabs.addTab(_scrolled(self._carrier_box()), self.tr("Carrier and signatory"))
        self.tabs.addTab(_scrolled(self._logo_box()), self.tr("Logo"))
        self.years = FiscalYearsBox(ctx)
        self.tabs.addTab(self.years, self.tr("Fiscal years"))
        # the other sections are built on their first showing (or first use): the page opens
        # without making forms nobody looked at yet
        self._factories: dict[str, Any] = {
            "accounting": lambda: AccountingBox(ctx),  # the FEC export's accounts and journals
            "emails": lambda: EmailTextsBox(ctx),  # the texts of the .eml drafts (calls…)
            "backups": lambda: SecondFolderBox(ctx),  # the second backup folder of this file
        }
        self._built: dict[str, QWidget] = {}
        self._holders: dict[str, tuple[QScrollArea, QVBoxLayout]] = {}
        for name, label in (
            ("accounting", self.tr("Accounting export")),
            ("emails", self.tr("E-mails")),
            ("backups", self.tr("Backups")),
        ):
            scroll, column = _scrolled_later()
            self._holders[name] = (scroll, column)
            self.tabs.addTab(scroll, label)
        self.fields.align_labels()
        self.save_bar = QWidget()
        self.save_bar.setLayout(self._save_bar())
        self.tabs.currentChanged.connect(self._tab_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(self.banner)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.save_bar)
        # the lead member's choices (on the carrier tab); a newer read drops an older one
        self.lead_loads = PageLoads(
            self,
            ctx.runner,
            over=self.tabs.widget(1),
            on_error=lambda e: ctx.presenter.present(e, self),
        )
        self.reload()

    # --- building ----------------------------------------------------------------------------
    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The pole"))
        form = _form()
        add = self.fields.add
        name = QLineEdit()
        name.setMaxLength(260)
        add(form, "name", self.tr("&Name"), name)
        add(form, "territory", self.tr("&Territory"), QLineEdit())
        add(form, "address", self.tr("&Address"), QLineEdit())
        add(form, "postcode", self.tr("&Postcode"), QLineEdit())
        add(form, "city", self.tr("C&ity"), QLineEdit())
        add(form, "email", self.tr("&E-mail"), QLineEdit())
        add(form, "phone", self.tr("P&hone"), QLineEdit())
        add(form, "website", self.tr("&Website"), QLineEdit())
        month = QComboBox()
        month.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        locale = QLocale()
        for number in range(1, 13):
            label = locale.standaloneMonthName(number, QLocale.FormatType.LongFormat)
            month.addItem(label[:1].upper() + label[1:], number)
        add(
            form,
            "fiscal_year_start_month",
            self.tr("&Fiscal year starts in"),
            month,
            self.tr("Cannot change any more once costs, calls or payments exist."),
        )
        box.setLayout(form)
        return box

    def _carrier_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Carrying structure, bank and signatory"))
        form = _form()
        add = self.fields.add
        add(form, "siret", "SIRET", siret_edit())
        add(form, "rna", self.tr("RNA (association)"), rna_edit())
        add(form, "vat_number", self.tr("VAT number"), vat_edit())
        add(
            form,
            "vat_registered",
            self.tr("VAT"),
            QCheckBox(self.tr("The pole is VAT-registered (it recovers VAT)")),
            self.tr("When it is not, costs are shared VAT included."),
        )
        add(
            form,
            "iban",
            "IBAN",
            iban_edit(),
            self.tr("Printed on the calls for funds."),
        )
        add(form, "bic", "BIC", bic_edit())
        add(form, "legal_rep_name", self.tr("&Legal representative"), QLineEdit())
        title = QLineEdit()
        title.setPlaceholderText(self.tr("e.g. President, Director"))
        add(
            form,
            "legal_rep_title",
            self.tr("Their &title"),
            title,
            self.tr("Signs the Cerfa 15059 attestation."),
        )
        # sized by a minimum, not by measuring each of a large pole's thousands of members
        lead = large_combo(QComboBox(), 30)
        add(form, "lead_member_id", self.tr("Lea&d member"), lead)
        box.setLayout(form)
        return box

    def _save_bar(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("&Revert changes"))
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.saved_label, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        return bar

    def _logo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Logo"))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedHeight(96)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_name = QLabel()
        self.logo_name.setObjectName("hint")
        self.logo_name.setWordWrap(True)
        self.logo_error = QLabel()
        self.logo_error.setObjectName("fieldError")
        self.logo_error.setWordWrap(True)
        self.logo_error.hide()
        self.logo_button = QPushButton(self.tr("C&hoose an image…"))
        self.logo_remove = QPushButton(self.tr("Re&move"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_remove.clicked.connect(self.remove_logo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logo_name, 1)
        buttons.addWidget(self.logo_remove)
        buttons.addWidget(self.logo_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.logo_preview)
        layout.addWidget(self.logo_error)
        layout.addLayout(buttons)
        hint = QLabel(self.tr("PNG or JPEG, shown in the header of every document."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return box

    def _tab_changed(self, index: int) -> None:
        # the save bar saves the two identity forms; the logo and the years act at once
        self.save_bar.setVisible(index in (0, 1))
        scroll = self.tabs.widget(index)
        for name, (holder, _column) in self._holders.items():
            if holder is scroll:
                self.part(name)

    # --- the sections built on first use ----------------------------------------------------
    def part(self, name: str) -> Any:
        """The section ``"accounting"``, ``"emails"`` or ``"backups"``, built now if needed."""
        widget = self._built.get(name)
        if widget is None:
            widget = self._built[name] = self._factories[name]()
            self._holders[name][1].insertWidget(0, widget)
        return widget

    def is_built(self, name: str) -> bool:
        return name in self._built

    accounting = property(lambda self: self.part("accounting"))
    emails = property(lambda self: self.part("emails"))
    backups = property(lambda self: self.part("backups"))

    def _show_field_tab(self, name: str | None) -> None:
        """Bring the tab holding the field ``name`` (an error's) into view."""
        if name is None:
            return
        editor = self.fields.editor(name)
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is not None and tab.isAncestorOf(editor):
                self.tabs.setCurrentIndex(index)
                editor.setFocus()
                return

    def show_section(self, key: str) -> None:
        """Show the tab ``"pole"``, ``"carrier"``, ``"logo"``, ``"years"``, ``"accounting"``,
        ``"emails"`` or ``"backups"``."""
        sections = ("pole", "carrier", "logo", "years", "accounting", "emails", "backups")
        self.tabs.setCurrentIndex(sections.index(key))  # (builds it: see _tab_changed)

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """The identity (one row: read at once, so that what is shown is what a save keeps);
        the fiscal years and the lead member's choices are read on a worker."""
        self.years.reload()
        self.current = self.service.get()
        self.fields.clear()
        self._fill_lead_members()
        view = self.current
        editor: Any = self.fields.editor
        for name in TEXT_FIELDS:
            editor(name).setText((getattr(view, name) or "") if view else "")
        for name in IDENTIFIER_FIELDS:
            editor(name).set_value(getattr(view, name) if view else None)
        editor("vat_registered").setChecked(bool(view and view.vat_registered))
        month = editor("fiscal_year_start_month")
        month.setCurrentIndex(month.findData(view.fiscal_year_start_month if view else 1))
        lead = editor("lead_member_id")
        lead.setCurrentIndex(max(lead.findData(view.lead_member_id if view else None), 0))
        self._show_logo()
        writable = view is not None and not self.ctx.read_only
        for button in (self.save_button, self.revert_button, self.logo_button, self.logo_remove):
            button.setEnabled(writable)
        self.logo_remove.setEnabled(writable and view is not None and view.logo_path is not None)

    def _fill_lead_members(self) -> None:
        """The lead member's choices: at once the current lead only, then every member read
        off the GUI thread (a pole may have thousands), once the page is drawn."""
        combo: Any = self.fields.editor("lead_member_id")
        view = self.current
        if combo.count() <= 1 and view is not None and view.lead_member_id is not None:
            self._show_lead_members([(view.lead_member_id, view.lead_member_name or "")])
        members = self.ctx.members

        def fetch() -> list[tuple[int, str]]:
            rows = members.list_members(include_archived=False)
            return [(row.id, row.name) for row in rows]

        self.lead_loads.start(fetch, self._show_lead_members)

    def _show_lead_members(self, members: list[tuple[int, str]]) -> None:
        combo: Any = self.fields.editor("lead_member_id")
        chosen = combo.currentData()
        if chosen is None and self.current is not None and combo.count() <= 1:
            chosen = self.current.lead_member_id
        # a model over the list, not one addItem per member: thousands on a large pole
        set_choices(combo, [(None, self.tr("(none)")), *members])
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _show_logo(self) -> None:
        view = self.current
        path = view.logo_path if view else None
        pixmap = QPixmap(str(path)) if path is not None and Path(path).exists() else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
            self.logo_name.setText("")
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    220,
                    90,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.logo_name.setText((view.logo_name or "") if view else "")

    # --- page protocol -----------------------------------------------------------------------
    def refresh(self, changes: Any) -> None:
        """Reload what changed; typed but unsaved identity text survives other changes."""
        if touches(changes, "poles", "attachments"):
            self.reload()
            for name in ("accounting", "emails"):  # (one not built yet reads it when built)
                if self.is_built(name):
                    self.part(name).reload()
            return
        if touches(changes, "members"):
            self._fill_lead_members()
        if touches(changes, "fiscal_years", "costs", "calls", "payments", "service_budgets"):
            self.years.reload()

    # --- saving ------------------------------------------------------------------------------
    def draft(self) -> PoleDraft:
        editor: Any = self.fields.editor
        values: dict[str, Any] = {
            name: editor(name).text() or None for name in TEXT_FIELDS + IDENTIFIER_FIELDS
        }
        values["name"] = editor("name").text()
        return PoleDraft(
            **values,
            vat_registered=editor("vat_registered").isChecked(),
            lead_member_id=editor("lead_member_id").currentData(),
            fiscal_year_start_month=int(editor("fiscal_year_start_month").currentData()),
        )

    def save(self) -> bool:
        if self.current is None or self.ctx.read_only:
            return False
        self.fields.clear()
        self.saved_label.clear()
        if not self.fields.check_inputs():
            bad = (n for n, c in self.fields.cells.items() if c.editor.property("invalid"))
            self._show_field_tab(next(bad, None))
            return False
        before, after = self.current.to_draft(), self.draft()
        service = self.service
        try:
            self.current = self.ctx.history.update(
                self.tr("Edit the pole's identity"),
                "pole",
                0,
                lambda _id, draft: service.update(draft),
                before,
                after,
            )
        except PtceError as error:
            self._show_field_tab(self.fields.show_error(error))
            return False
        self.saved_label.setText(self.tr("Saved."))
        return True

    def choose_logo(self) -> bool:
        path = choose_logo_file(self)
        if not path:
            return False
        return self._logo_action(lambda: self.service.set_logo(Path(path)))

    def remove_logo(self) -> bool:
        return self._logo_action(self.service.clear_logo)

    def _logo_action(self, action: Any) -> bool:
        self.logo_error.hide()
        try:
            action()
        except PtceError as error:
            self.logo_error.setText(error.message(current_language()))
            self.logo_error.show()
            self.show_section("logo")
            return False
        return True


def create_page(ctx: AppContext) -> SettingsPage:
    return SettingsPage(ctx)
