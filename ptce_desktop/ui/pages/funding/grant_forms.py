"""Two form tabs of a grant: its overhead rule (charges indirectes) and the six free texts of the
Cerfa 15059 compte rendu. Each saves in one undoable service call; a refusal (a key not on
physical units, a missing rate…) is shown under its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.services.grants.views import GrantDetail, GrantReportTexts
from ptce_desktop.ui.pages.amount_table import compact
from ptce_desktop.ui.pages.funding.dialogs import PercentEdit
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions, draft_of
from ptce_desktop.ui.pages.funding.grant_budget import EditingTab, shrinkable

translate = QCoreApplication.translate


class OverheadTab(EditingTab):
    """Charges indirectes: none, a flat rate of the direct costs, or a key on physical units."""

    def __init__(
        self,
        actions: GrantActions,
        keys: Callable[[], Sequence[tuple[int, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(actions, parent)
        self._keys = keys
        self.none_radio = QRadioButton(translate("GrantEditor", "&No indirect charges"))
        self.rate_radio = QRadioButton(translate("GrantEditor", "&Flat rate of the direct costs"))
        self.key_radio = QRadioButton(
            translate("GrantEditor", "A &key on physical units (m², hours, FTE)")
        )
        self.group = QButtonGroup(self)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for code, radio in (
            ("none", self.none_radio),
            ("flat_rate", self.rate_radio),
            ("key", self.key_radio),
        ):
            self.group.addButton(radio)
            radio.setProperty("method", code)
            box_layout.addWidget(radio)
        self.rate_edit = PercentEdit("overhead_rate_bp")
        self.rate_edit.setAccessibleName(translate("GrantEditor", "Flat rate"))
        self.rate_edit.setMaximumWidth(140)
        self.key_combo = compact(QComboBox())
        self.key_combo.setAccessibleName(translate("GrantEditor", "Overhead key"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(translate("GrantEditor", "Overhead note"))
        self.note_edit.setTabChangesFocus(True)
        shrinkable(self.note_edit, 40)  # the rules and « Enregistrer » in a 760-px window
        self.note_edit.setPlaceholderText(
            translate(
                "GrantEditor",
                "How the indirect charges are computed, in words (printed in the Cerfa annex).",
            )
        )
        form = QFormLayout()
        self.fields.add(form, "overhead_method", translate("GrantEditor", "Rule"), box)
        self.fields.add(
            form, "overhead_rate_bp", translate("GrantEditor", "&Rate (%)"), self.rate_edit
        )
        self.fields.add(form, "overhead_key_id", translate("GrantEditor", "&Key"), self.key_combo)
        self.fields.add(form, "overhead_note", translate("GrantEditor", "&Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addLayout(self.save_bar)
        self.group.buttonToggled.connect(self._method_toggled)
        self.rate_edit.textChanged.connect(self.touched)
        self.key_combo.activated.connect(self.touched)
        self.note_edit.textChanged.connect(self.touched)

    def _method_toggled(self, *_args: Any) -> None:
        self._enable()
        self.touched()

    def method(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("method")) if checked else "none"

    def _enable(self) -> None:
        self.rate_edit.setEnabled(self.method() == "flat_rate")
        self.key_combo.setEnabled(self.method() == "key")

    def load(self, detail: GrantDetail | None) -> None:
        self.key_combo.clear()
        self.key_combo.addItem(translate("GrantEditor", "(choose a key)"), None)
        for key, name in self._keys():
            self.key_combo.addItem(name, key)
        method = detail.overhead_method if detail else "none"
        {"none": self.none_radio, "flat_rate": self.rate_radio, "key": self.key_radio}[
            method
        ].setChecked(True)
        self.rate_edit.set_value(detail.overhead_rate_bp if detail else None)
        key_id = detail.overhead_key_id if detail else None
        self.key_combo.setCurrentIndex(max(self.key_combo.findData(key_id), 0))
        self.note_edit.setPlainText(detail.overhead_note or "" if detail else "")
        self._enable()

    def apply(self, detail: GrantDetail) -> Any:
        method = self.method()
        draft = replace(
            draft_of(detail),
            overhead_method=method,
            overhead_rate_bp=self.rate_edit.basis_points() if method == "flat_rate" else None,
            overhead_key_id=self.key_combo.currentData() if method == "key" else None,
            overhead_note=self.note_edit.toPlainText().strip() or None,
        )
        text = translate("GrantEditor", "Overhead rule of “%1”").replace("%1", detail.title[:40])
        return self.ops.update_grant(detail, draft, text)


def report_labels() -> list[tuple[str, str]]:
    return [
        ("bilan_qualitatif", translate("GrantEditor", "Qualitative review of the action")),
        ("beneficiaires", translate("GrantEditor", "Beneficiaries (number, profile)")),
        ("dates_lieux", translate("GrantEditor", "Dates and places of the action")),
        ("ecarts", translate("GrantEditor", "Gaps between forecast and actual, and why")),
        ("cvn_note", translate("GrantEditor", "In-kind contributions (comment)")),
        ("remarques", translate("GrantEditor", "Remarks")),
    ]


class ReportTextsTab(EditingTab):
    """The six free parts of the Cerfa 15059, saved together."""

    def __init__(self, actions: GrantActions, parent: QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self.editors: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, label in report_labels():
            editor = QPlainTextEdit()
            editor.setAccessibleName(label)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(40)
            editor.textChanged.connect(self.touched)
            self.editors[name] = editor
            self.fields.add(form, name, label, editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addLayout(self.save_bar)

    def load(self, detail: GrantDetail | None) -> None:
        texts = detail.report_texts if detail else GrantReportTexts()
        for name, editor in self.editors.items():
            editor.setPlainText(getattr(texts, name) or "")
            editor.setEnabled(detail is not None)

    def texts(self) -> GrantReportTexts:
        return GrantReportTexts(
            **{f.name: self.editors[f.name].toPlainText() or None for f in fields(GrantReportTexts)}
        )

    def apply(self, detail: GrantDetail) -> Any:
        return self.ops.set_report_texts(detail, self.texts())

    def update_hint(self) -> None:
        self.hint.setText(translate("GrantTabs", "not saved yet") if self.dirty else "")
