"""Dialogs of the funding page: funder, grant, instalment, redistribution, "pass on by plan".

Each gathers what the user types and hands it to a ``save`` callable (one service call pushed on
the undo stack by :class:`~ptce_desktop.ui.pages.funding.grant_actions.GrantActions`); a refusal
marks
its field with the service's message and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ptce_desktop.domain.categories import FunderType, GrantStatus
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_percent, parse_percent
from ptce_desktop.services.grants.funders import FunderDraft, FunderView
from ptce_desktop.services.grants.views import GrantDetail, GrantDraft
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.amount_table import compact
from ptce_desktop.ui.widgets import CheckedEdit, DateEdit, FormDialog, MoneyEdit
from ptce_desktop.ui.widgets.new_item_combo import add_new_entry, chosen_data

translate = QCoreApplication.translate


class PercentEdit(CheckedEdit):
    """A percentage in basis points: ``12,5`` → 1250 (the % sign is optional)."""

    def __init__(self, field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda text: parse_percent(text, current_language(), field=field),
            field=field,
            tidy=lambda bp: format_percent(bp, symbol=False, lang=current_language()),
            parent=parent,
        )
        self.setPlaceholderText("0 %")

    def basis_points(self) -> int | None:
        return self.value()


def status_label(code: str) -> str:
    return GrantStatus(code).label(current_language())


def funder_type_label(code: str) -> str:
    return FunderType(code).label(current_language())


def nature_label(code: str) -> str:
    return (
        translate("GrantDialog", "In kind")
        if code == "in_kind"
        else translate("GrantDialog", "Cash")
    )


def required(field: str, label: str) -> PtceError:
    return PtceError("required", field, field_label=label.replace("&", ""))


def stripped(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class FunderDialog(FormDialog):
    def __init__(
        self,
        save: Callable[[FunderDraft], FunderView],
        funder: FunderView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("FunderDialog", "New funder")
            if funder is None
            else translate("FunderDialog", "Funder “%1”").replace("%1", funder.name)
        )
        super().__init__(title, parent)
        self.setObjectName("FunderDialog")
        self._save = save
        form = self.new_form()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(translate("FunderDialog", "Name"))
        self.fields.add(form, "name", translate("FunderDialog", "&Name"), self.name_edit)
        self.type_combo = compact(QComboBox())
        self.type_combo.setAccessibleName(translate("FunderDialog", "Type"))
        for kind in FunderType:
            self.type_combo.addItem(kind.label(current_language()), kind.value)
        self.fields.add(form, "type", translate("FunderDialog", "&Type"), self.type_combo)
        self.contact_edit = QLineEdit()
        self.contact_edit.setAccessibleName(translate("FunderDialog", "Contact"))
        self.fields.add(form, "contact", translate("FunderDialog", "&Contact"), self.contact_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(translate("FunderDialog", "Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(60)
        self.notes_edit.setMaximumHeight(120)
        self.fields.add(form, "notes", translate("FunderDialog", "N&otes"), self.notes_edit)
        self.body_layout.addStretch(1)  # the room left goes below: « Notes » stays by its box
        if funder is not None:
            self.name_edit.setText(funder.name)
            self.type_combo.setCurrentIndex(max(self.type_combo.findData(funder.type), 0))
            self.contact_edit.setText(funder.contact or "")
            self.notes_edit.setPlainText(funder.notes or "")
        self.resize(520, 340)
        self.name_edit.setFocus()

    def draft(self) -> FunderDraft:
        return FunderDraft(
            name=self.name_edit.text(),
            type=self.type_combo.currentData(),
            contact=stripped(self.contact_edit),
            notes=self.notes_edit.toPlainText().strip() or None,
        )

    def submit(self) -> FunderView:
        return self._save(self.draft())


class GrantDialog(FormDialog):
    """Every field of a grant but its budget, plan, overhead rule and report texts (tabs)."""

    def __init__(
        self,
        funders: Sequence[tuple[int, str]],
        projects: Sequence[tuple[int, str]],
        save: Callable[[GrantDraft], GrantDetail],
        grant: GrantDetail | None = None,
        parent: QWidget | None = None,
        new_funder: Callable[[], tuple[int, str] | None] | None = None,
    ) -> None:
        self._new_funder = new_funder
        title = (
            translate("GrantDialog", "New grant")
            if grant is None
            else translate("GrantDialog", "Grant “%1”").replace("%1", grant.title)
        )
        super().__init__(title, parent)
        self.setObjectName("GrantDialog")
        self._save = save
        self.grant = grant
        self._build(funders, projects)
        if grant is not None:
            self._load(grant)
        self.resize(640, 720)
        self.fields.editor("title").setFocus()

    def _combo(self, name: str, items: Sequence[tuple[Any, str]]) -> QComboBox:
        combo = compact(QComboBox())
        combo.setAccessibleName(name)
        for data, label in items:
            combo.addItem(label, data)
        return combo

    def _build(
        self, funders: Sequence[tuple[int, str]], projects: Sequence[tuple[int, str]]
    ) -> None:
        add = self.fields.add
        form = self.new_form(translate("GrantDialog", "The grant"))
        funder_items = [(fid, name) for fid, name in funders]
        funder_combo = self._combo(translate("GrantDialog", "Funder"), funder_items)
        if self._new_funder is not None:  # the list may be empty: create one from here
            add_new_entry(funder_combo, translate("GrantDialog", "New funder…"), self._new_funder)
        add(form, "funder_id", translate("GrantDialog", "&Funder"), funder_combo)
        title = QLineEdit()
        title.setAccessibleName(translate("GrantDialog", "Title"))
        add(form, "title", translate("GrantDialog", "&Title"), title)
        project_items: list[tuple[Any, str]] = [(None, translate("GrantDialog", "(no project)"))]
        project_items += list(projects)
        add(
            form,
            "project_id",
            translate("GrantDialog", "&Project or action"),
            self._combo(translate("GrantDialog", "Project or action"), project_items),
        )
        natures = [("cash", nature_label("cash")), ("in_kind", nature_label("in_kind"))]
        add(
            form,
            "nature",
            translate("GrantDialog", "&Nature"),
            self._combo(translate("GrantDialog", "Nature"), natures),
        )
        staged = QCheckBox(translate("GrantDialog", "Paid in several instalments"))
        add(form, "staged", translate("GrantDialog", "Payment"), staged)

        form = self.new_form(translate("GrantDialog", "Amounts and status"))
        for name, label, access in (
            (
                "amount_requested_cents",
                translate("GrantDialog", "Amount &requested"),
                translate("GrantDialog", "Amount requested"),
            ),
            (
                "amount_voted_cents",
                translate("GrantDialog", "Amount &voted"),
                translate("GrantDialog", "Amount voted"),
            ),
            (
                "amount_to_repay_cents",
                translate("GrantDialog", "Amount to re&pay to the funder"),
                translate("GrantDialog", "Amount to repay to the funder"),
            ),
        ):
            edit = MoneyEdit(name)
            edit.setAccessibleName(access)
            add(form, name, label, edit)
        statuses = [(s.value, s.label(current_language())) for s in GrantStatus]
        status = self._combo(translate("GrantDialog", "Status"), statuses)
        add(form, "status", translate("GrantDialog", "&Status"), status)
        if self.grant is not None:  # moves have their own box, with its rules and its undo
            status.setEnabled(False)
            status.setToolTip(
                translate("GrantDialog", "Change the status from the box above the grant's tabs.")
            )

        form = self.new_form(translate("GrantDialog", "Decision and convention"))
        for name, label, access, editor in (
            (
                "decision_ref",
                translate("GrantDialog", "&Decision reference"),
                translate("GrantDialog", "Decision reference"),
                QLineEdit(),
            ),
            (
                "decision_date",
                translate("GrantDialog", "D&ecision date"),
                translate("GrantDialog", "Decision date"),
                DateEdit("decision_date"),
            ),
            (
                "convention_ref",
                translate("GrantDialog", "&Convention reference"),
                translate("GrantDialog", "Convention reference"),
                QLineEdit(),
            ),
            (
                "convention_date",
                translate("GrantDialog", "Con&vention date"),
                translate("GrantDialog", "Convention date"),
                DateEdit("convention_date"),
            ),
        ):
            editor.setAccessibleName(access)
            add(form, name, label, editor)

        form = self.new_form(translate("GrantDialog", "Period and report"))
        for name, label, access in (
            (
                "period_start",
                translate("GrantDialog", "Period &from"),
                translate("GrantDialog", "Period from"),
            ),
            (
                "period_end",
                translate("GrantDialog", "Period &to"),
                translate("GrantDialog", "Period to"),
            ),
            (
                "report_due",
                translate("GrantDialog", "Report &due on"),
                translate("GrantDialog", "Report due on"),
            ),
        ):
            day_edit = DateEdit(name)
            day_edit.setAccessibleName(access)
            add(form, name, label, day_edit)

    def _load(self, grant: GrantDetail) -> None:
        editor: Any = self.fields.editor
        for name in ("funder_id", "project_id", "nature", "status"):
            combo = editor(name)
            combo.setCurrentIndex(max(combo.findData(getattr(grant, name)), 0))
        editor("title").setText(grant.title)
        editor("staged").setChecked(grant.staged)
        for name in ("decision_ref", "convention_ref"):
            editor(name).setText(getattr(grant, name) or "")
        for name in (
            "amount_requested_cents",
            "amount_voted_cents",
            "amount_to_repay_cents",
            "decision_date",
            "convention_date",
            "period_start",
            "period_end",
            "report_due",
        ):
            editor(name).set_value(getattr(grant, name))

    def draft(self) -> GrantDraft:
        editor: Any = self.fields.editor
        funder_id = chosen_data(editor("funder_id"))
        if funder_id is None:
            raise required("funder_id", translate("GrantDialog", "Funder"))
        base = self.grant
        overhead: dict[str, Any] = {}
        if base is not None:
            overhead = {
                name: getattr(base, name)
                for name in (
                    "overhead_method",
                    "overhead_rate_bp",
                    "overhead_key_id",
                    "overhead_note",
                    "coordination_share_bp",
                )
            }
        return GrantDraft(
            funder_id=funder_id,
            title=editor("title").text(),
            project_id=editor("project_id").currentData(),
            amount_requested_cents=editor("amount_requested_cents").value(),
            amount_voted_cents=editor("amount_voted_cents").value(),
            status=editor("status").currentData(),
            decision_ref=stripped(editor("decision_ref")),
            decision_date=editor("decision_date").value(),
            convention_ref=stripped(editor("convention_ref")),
            convention_date=editor("convention_date").value(),
            nature=editor("nature").currentData(),
            staged=editor("staged").isChecked(),
            period_start=editor("period_start").value(),
            period_end=editor("period_end").value(),
            report_due=editor("report_due").value(),
            amount_to_repay_cents=editor("amount_to_repay_cents").value() or 0,
            **overhead,
        )

    def submit(self) -> GrantDetail:
        return self._save(self.draft())
