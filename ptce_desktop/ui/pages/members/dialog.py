"""Add or edit a member: every field of the register and the figures of the selected year.

OK saves through :class:`~ptce_desktop.services.members.members.MemberService` and records the undo
step; a refusal marks its field with the service's message and keeps everything typed.
Member and figures are two service calls (two transactions); if the second is refused, the
first is reverted at once, so the dialog never leaves half an action behind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import validate_eu_vat_number
from ptce_desktop.services.members.members import (
    MemberDraft,
    MemberService,
    MemberView,
    YearFigures,
)
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.widgets import (
    CountEdit,
    DateEdit,
    FormDialog,
    IdentifierEdit,
    MoneyEdit,
    UnitsEdit,
    rna_edit,
    siren_edit,
    siret_edit,
)

translate = QCoreApplication.translate

FIGURE_FIELDS = (
    "headcount",
    "etp_milli",
    "jobs_created",
    "jobs_maintained",
    "volunteers",
    "turnover_cents",
)


def figures_dict(figures: YearFigures | None) -> dict[str, int | None]:
    return {name: getattr(figures, name, None) if figures else None for name in FIGURE_FIELDS}


def member_label(name: str) -> str:
    return name if len(name) <= 40 else name[:39] + "…"


class MemberDialog(FormDialog):
    """Create (``member=None``) or edit ``member``; the figures are those of ``year``."""

    def __init__(
        self,
        service: MemberService,
        history: UndoHistory,
        year: int,
        year_label: str,
        member: MemberView | None = None,
        figures: YearFigures | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("MemberDialog", "New member")
            if member is None
            else translate("MemberDialog", "Member “%1”").replace("%1", member_label(member.name))
        )
        super().__init__(title, parent)
        self.setObjectName("MemberDialog")
        self.service = service
        self.history = history
        self.year = year
        self.member = member
        self.before_figures = figures_dict(figures)
        self._build(year_label)
        if member is not None:
            self._load(member)
        for name, value in self.before_figures.items():
            self.fields.editor(name).set_value(value)  # type: ignore[attr-defined]
        self.resize(640, 720)
        self.fields.editor("name").setFocus()

    # --- building ----------------------------------------------------------------------------
    def _build(self, year_label: str) -> None:
        add = self.fields.add
        form = self.new_form(translate("MemberDialog", "Identity"))
        name = QLineEdit()
        name.setMaxLength(260)
        add(form, "name", translate("MemberDialog", "&Name"), name)
        add(form, "short_name", translate("MemberDialog", "S&hort name"), QLineEdit())
        category = QComboBox()
        lang = current_language()
        for value in MemberCategory:
            category.addItem(value.label(lang), value.value)
        add(form, "category", translate("MemberDialog", "&Category"), category)
        add(form, "legal_form", translate("MemberDialog", "&Legal form"), QLineEdit())
        self.fields.editor("legal_form").setPlaceholderText(  # type: ignore[attr-defined]
            translate("MemberDialog", "e.g. association, SCOP, SCIC, SAS")
        )
        add(form, "siret", "SIRET", siret_edit())
        add(
            form,
            "siren",
            "SIREN",
            siren_edit(),
            translate("MemberDialog", "Filled from the SIRET when left empty."),
        )
        add(form, "rna", translate("MemberDialog", "RNA (associations)"), rna_edit())
        vat = IdentifierEdit(validate_eu_vat_number, "vat_number", complete_length=13)
        vat.setPlaceholderText("FR44732829320")
        add(
            form,
            "vat_number",
            translate("MemberDialog", "Intra-community &VAT number"),
            vat,
            translate(
                "MemberDialog",
                "Printed on the calls for funds and credit notes that carry VAT. A French "
                "number holds the SIREN.",
            ),
        )

        form = self.new_form(translate("MemberDialog", "Address and contact"))
        add(form, "address", translate("MemberDialog", "&Address"), QLineEdit())
        add(form, "postcode", translate("MemberDialog", "&Postcode"), QLineEdit())
        add(form, "city", translate("MemberDialog", "C&ity"), QLineEdit())
        add(form, "contact_name", translate("MemberDialog", "C&ontact person"), QLineEdit())
        add(form, "email", translate("MemberDialog", "&E-mail"), QLineEdit())
        add(form, "phone", translate("MemberDialog", "Phone"), QLineEdit())

        form = self.new_form(translate("MemberDialog", "Membership"))
        add(form, "joined_on", translate("MemberDialog", "&Joined on"), DateEdit("joined_on"))
        add(
            form,
            "left_on",
            translate("MemberDialog", "Le&ft on"),
            DateEdit("left_on"),
            translate("MemberDialog", "A member with a leaving date is archived."),
        )
        add(form, "college", translate("MemberDialog", "Co&llege"), QLineEdit())
        qpv = QCheckBox(translate("MemberDialog", "Located in a priority neighbourhood (QPV)"))
        add(form, "qpv", translate("MemberDialog", "Territory"), qpv)
        notes = QPlainTextEdit()
        notes.setFixedHeight(70)
        add(form, "notes", translate("MemberDialog", "Notes"), notes)

        form = self.new_form(translate("MemberDialog", "Figures %1").replace("%1", year_label))
        add(
            form,
            "headcount",
            translate("MemberDialog", "Headcount"),
            CountEdit("headcount", translate("MemberDialog", "Headcount")),
        )
        add(form, "etp_milli", translate("MemberDialog", "FTE"), UnitsEdit("etp_milli"))
        add(
            form,
            "jobs_created",
            translate("MemberDialog", "Jobs created"),
            CountEdit("jobs_created", translate("MemberDialog", "Jobs created")),
        )
        add(
            form,
            "jobs_maintained",
            translate("MemberDialog", "Jobs maintained"),
            CountEdit("jobs_maintained", translate("MemberDialog", "Jobs maintained")),
        )
        add(
            form,
            "volunteers",
            translate("MemberDialog", "Volunteers"),
            CountEdit("volunteers", translate("MemberDialog", "Volunteers")),
        )
        add(
            form,
            "turnover_cents",
            translate("MemberDialog", "Declared turnover"),
            MoneyEdit("turnover_cents"),
        )

    def _load(self, member: MemberView) -> None:
        editor = self.fields.editor
        for name in ("name", "short_name", "legal_form", "address", "postcode", "city"):
            editor(name).setText(getattr(member, name) or "")  # type: ignore[attr-defined]
        for name in ("contact_name", "email", "phone", "college"):
            editor(name).setText(getattr(member, name) or "")  # type: ignore[attr-defined]
        for name in ("siret", "siren", "rna", "vat_number", "joined_on", "left_on"):
            editor(name).set_value(getattr(member, name))  # type: ignore[attr-defined]
        combo: Any = editor("category")
        combo.setCurrentIndex(max(combo.findData(member.category), 0))
        editor("qpv").setChecked(member.qpv)  # type: ignore[attr-defined]
        editor("notes").setPlainText(member.notes or "")  # type: ignore[attr-defined]

    # --- reading -----------------------------------------------------------------------------
    def draft(self) -> MemberDraft:
        editor: Any = self.fields.editor

        def text(name: str) -> str | None:
            return editor(name).text() or None

        return MemberDraft(
            name=editor("name").text(),
            category=editor("category").currentData(),
            short_name=text("short_name"),
            legal_form=text("legal_form"),
            siret=text("siret"),
            siren=text("siren"),
            rna=text("rna"),
            vat_number=text("vat_number"),
            address=text("address"),
            postcode=text("postcode"),
            city=text("city"),
            contact_name=text("contact_name"),
            email=text("email"),
            phone=text("phone"),
            joined_on=editor("joined_on").date(),
            left_on=editor("left_on").date(),
            college=text("college"),
            qpv=editor("qpv").isChecked(),
            notes=editor("notes").toPlainText() or None,
        )

    def figures(self) -> dict[str, int | None]:
        return {name: self.fields.editor(name).value() for name in FIGURE_FIELDS}  # type: ignore[attr-defined]

    # --- saving ------------------------------------------------------------------------------
    def _save_figures(self, member_id: int, figures: dict[str, int | None]) -> None:
        self.service.set_year_figures(member_id, self.year, **figures)

    def submit(self) -> MemberView:
        draft, figures = self.draft(), self.figures()
        if self.member is None:
            return self._create(draft, figures)
        return self._update(self.member, draft, figures)

    def _create(self, draft: MemberDraft, figures: dict[str, int | None]) -> MemberView:
        service = self.service

        def create() -> MemberView:
            view = service.create(draft)
            if any(value is not None for value in figures.values()):
                try:
                    self._save_figures(view.id, figures)
                except PtceError:
                    service.delete(view.id)  # no half-created member behind the dialog
                    raise
            return view

        text = translate("MemberDialog", "Add member “%1”").replace("%1", member_label(draft.name))
        return self.history.create(text, "member", create, service.delete)

    def _update(
        self, member: MemberView, draft: MemberDraft, figures: dict[str, int | None]
    ) -> MemberView:
        before_draft, before_figures = member.to_draft(), dict(self.before_figures)

        def apply(member_id: int, state: tuple[MemberDraft, dict[str, int | None]]) -> MemberView:
            new_draft, new_figures = state
            old_figures = self.service.member_detail(member_id, self.year).figures
            changed_figures = new_figures != figures_dict(old_figures)
            if changed_figures:
                self._save_figures(member_id, new_figures)
            try:
                return self.service.update(member_id, new_draft)
            except PtceError:
                if changed_figures:
                    self._save_figures(member_id, figures_dict(old_figures))
                raise

        text = translate("MemberDialog", "Edit member “%1”").replace("%1", member_label(draft.name))
        return self.history.update(
            text, "member", member.id, apply, (before_draft, before_figures), (draft, figures)
        )


class ArchiveDialog(FormDialog):
    """Asks the leaving date; OK archives the member through ``page.archive`` (undoable)."""

    def __init__(self, page: Any, member: MemberView) -> None:
        super().__init__(
            translate("ArchiveDialog", "Archive “%1”").replace("%1", member_label(member.name)),
            page,
        )
        self.setObjectName("ArchiveDialog")
        self.page = page
        self.member = member
        intro = QLabel(
            translate(
                "ArchiveDialog",
                "An archived member keeps its whole history (shares, calls, payments) and "
                "still appears in the documents of the years it was a member.",
            )
        )
        intro.setWordWrap(True)
        self.body_layout.addWidget(intro)
        form = self.new_form()
        edit = DateEdit("left_on")
        edit.set_date(dt.date.today())
        self.fields.add(form, "left_on", translate("ArchiveDialog", "&Leaving date"), edit)
        self.body_layout.addStretch(1)
        self.resize(480, 260)

    def submit(self) -> MemberView:
        left_on = self.fields.editor("left_on").date()  # type: ignore[attr-defined]
        if left_on is None:
            raise PtceError("required", "left_on", field_label=self.tr("Leaving date"))
        return self.page.archive(self.member, left_on)
