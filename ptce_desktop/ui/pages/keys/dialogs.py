"""Dialogs of the Clés de répartition page: a key, a dated version (the usage record's dialog
is in :mod:`.keys_usage`).

Each OK is one undoable service call through :class:`~.keys_actions.KeyActions`; a refusal
marks its field (the members table for the values of a version) with the service's message
and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_percent, format_units
from ptce_desktop.services.keys.views import (
    KeyDraft,
    KeyView,
    VersionChange,
    VersionDetail,
    VersionDraft,
)
from ptce_desktop.ui.exports.clipboard import install_paste
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.keys.actions import KeyActions, short, version_draft
from ptce_desktop.ui.pages.keys.models import method_label
from ptce_desktop.ui.pages.keys.values import (
    EDIT_EQUAL,
    EDIT_PARTS,
    EDIT_PERCENT,
    EDIT_UNITS,
    Entry,
    VersionValuesModel,
)
from ptce_desktop.ui.style import ERROR
from ptce_desktop.ui.widgets import DateEdit, FieldCell, FormDialog

translate = QCoreApplication.translate


def with_label(error: PtceError, labels: Mapping[str, str]) -> PtceError:
    """The same error, naming its field as the form does ("Nom" rather than "name")."""
    label = labels.get(error.field or "")
    if label is None or error.values.get("field_label", error.field) != error.field:
        return error  # not ours, or already named for people
    return PtceError(error.code, error.field, **{**error.values, "field_label": label})


def required(field: str, label: str) -> PtceError:
    return PtceError("required", field, field_label=label)


class KeyDialog(FormDialog):
    """Create (``key=None``) or edit a key: name, method, unit, description."""

    def __init__(self, edits: KeyActions, key: KeyView | None, parent: QWidget | None = None):
        title = (
            translate("KeyDialog", "New allocation key")
            if key is None
            else translate("KeyDialog", "Allocation key “%1”").replace("%1", short(key.name))
        )
        super().__init__(title, parent)
        self.setObjectName("KeyDialog")
        self.edits = edits
        self.key = key
        form = self.new_form()
        add = self.fields.add
        self.labels = {
            "name": translate("KeyDialog", "Name"),
            "method": translate("KeyDialog", "Method"),
            "unit": translate("KeyDialog", "Unit"),
            "description": translate("KeyDialog", "Description"),
        }
        name = QLineEdit()
        name.setMaxLength(200)
        name.setPlaceholderText(translate("KeyDialog", "e.g. Floor area (m²)"))
        add(form, "name", translate("KeyDialog", "&Name"), name)
        method = QComboBox()
        method.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for value in (Method.UNITS, Method.EQUAL, Method.PERCENT, Method.USAGE, Method.MIXED):
            method.addItem(method_label(value), value.value)
        hint = None
        if key is not None and key.versions:
            method.setEnabled(False)
            hint = translate("KeyDialog", "A key with versions keeps its method.")
        add(form, "method", translate("KeyDialog", "&Method"), method, hint)
        unit = QLineEdit()
        unit.setMaxLength(40)
        unit.setPlaceholderText(translate("KeyDialog", "m², FTE, h, km, seats…"))
        add(form, "unit", translate("KeyDialog", "&Unit"), unit)
        description = QPlainTextEdit()
        description.setFixedHeight(80)
        description.setTabChangesFocus(True)
        add(form, "description", translate("KeyDialog", "&Description"), description)
        for field, label in self.labels.items():
            self.fields.editor(field).setAccessibleName(label)
        if key is not None:
            name.setText(key.name)
            method.setCurrentIndex(max(method.findData(key.method.value), 0))
            unit.setText(key.unit or "")
            description.setPlainText(key.description or "")
        self.body_layout.addStretch(1)
        self.resize(520, 340)
        name.setFocus()

    def draft(self) -> KeyDraft:
        editor: Any = self.fields.editor
        return KeyDraft(
            name=editor("name").text(),
            method=editor("method").currentData(),
            unit=editor("unit").text() or None,
            description=editor("description").toPlainText() or None,
        )

    def submit(self) -> int:
        draft = self.draft()
        if not draft.name.strip():
            raise required("name", self.labels["name"])
        try:
            if self.key is None:
                return self.edits.create_key(draft)
            self.edits.update_key(self.key, draft)
            return self.key.id
        except PtceError as error:
            raise with_label(error, self.labels) from None


def edit_mode(method: Method) -> str:
    return {
        Method.UNITS: EDIT_UNITS,
        Method.PERCENT: EDIT_PERCENT,
        Method.EQUAL: EDIT_EQUAL,
        Method.MIXED: EDIT_PARTS,
    }.get(method, EDIT_UNITS)


class VersionDialog(FormDialog):
    """A dated version of ``key``: its date, a note and what each member (or part) weighs.

    ``version`` is the version edited (None: a new one, pre-filled from ``template``).
    ``members`` are ``(id, name)`` pairs to list; ``keys`` the keys a mixed key may combine.
    """

    def __init__(
        self,
        edits: KeyActions,
        key: KeyView,
        version: VersionDetail | None,
        template: VersionDetail | None,
        members: Sequence[tuple[int, str]],
        keys: Sequence[KeyView],
        valid_from: dt.date | None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("VersionDialog", "New version of “%1”")
            if version is None
            else translate("VersionDialog", "Version of “%1”")
        ).replace("%1", short(key.name))
        super().__init__(title, parent)
        self.setObjectName("VersionDialog")
        self.edits = edits
        self.key = key
        self.version = version
        self.labels = {
            "valid_from": translate("VersionDialog", "Valid from"),
            "note": translate("VersionDialog", "Note"),
            "values": translate("VersionDialog", "Members"),
        }
        form = self.new_form()
        date = DateEdit("valid_from")
        date.setAccessibleName(self.labels["valid_from"])
        self.fields.add(
            form,
            "valid_from",
            translate("VersionDialog", "&Valid from"),
            date,
            translate("VersionDialog", "Costs whose period starts on or after this day use it."),
        )
        note = QLineEdit()
        note.setMaxLength(4000)
        note.setAccessibleName(self.labels["note"])
        note.setPlaceholderText(translate("VersionDialog", "e.g. decision of the board of 12/03"))
        self.fields.add(form, "note", translate("VersionDialog", "N&ote"), note)
        source = version or template
        if version is not None:
            date.set_date(version.valid_from)
            note.setText(version.note or "")
        else:
            date.set_date(valid_from)
        self.mode = edit_mode(key.method)
        self.model = VersionValuesModel(
            self.mode, self._entries(source, members, keys), key.unit, self
        )
        self.every_member: QCheckBox | None = None
        if self.mode == EDIT_EQUAL:
            self.every_member = QCheckBox(
                translate("VersionDialog", "Every member present takes part (no list)")
            )
            self.every_member.setObjectName("all_members")
            self.every_member.setAccessibleName(self.every_member.text())
            # a new equal key usually means "everyone"; a stored version shows its list
            self.every_member.setChecked(source is None)
            self.body_layout.addWidget(self.every_member)
        self.table = QTableView()
        self.table.setObjectName("values")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.labels["values"])
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        # a block copied from a spreadsheet (member, value) pastes with Ctrl+V
        self.paste = install_paste(self.table, name_column=0, value_column=1)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        self.cell = FieldCell(self.table)
        self.fields.cells["values"] = self.cell
        self.fields.alias("parts", "values")
        self.body_layout.addWidget(self.cell, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("versionTotal")
        self.body_layout.addWidget(self.total_label)
        self.model.totalsChanged.connect(self._show_total)
        if self.every_member is not None:
            self.every_member.toggled.connect(self._every_member_toggled)
            self._every_member_toggled(self.every_member.isChecked())
        self._show_total()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, VersionValuesModel.VALUE))
        self.resize(600, 620)
        date.setFocus()

    def _entries(
        self,
        source: VersionDetail | None,
        members: Sequence[tuple[int, str]],
        keys: Sequence[KeyView],
    ) -> list[Entry]:
        if self.mode == EDIT_PARTS:
            weights = {p.key_id: p.weight_bp for p in source.parts} if source else {}
            return [
                Entry(k.id, k.name, value=weights.get(k.id)) for k in keys if k.id != self.key.id
            ]
        values = {m.member_id: m.units for m in source.members} if source else {}
        listed = list(members)
        known = {ident for ident, _name in listed}
        if source is not None:  # a member of the version who has left since stays visible
            listed += [
                (m.member_id, m.member_name) for m in source.members if m.member_id not in known
            ]
        entries = [
            Entry(ident, name, value=None if self.mode == EDIT_EQUAL else values.get(ident))
            for ident, name in listed
        ]
        if self.mode == EDIT_EQUAL:
            for entry in entries:
                entry.checked = entry.ident in values
        return entries

    def _every_member_toggled(self, checked: bool) -> None:
        self.table.setEnabled(not checked)
        self._show_total()

    def _show_total(self) -> None:
        lang = current_language()
        total = self.model.total()
        colour = ""
        if self.mode == EDIT_PERCENT:
            text = translate("VersionDialog", "Total: %1").replace(
                "%1", format_percent(total, lang=lang)
            )
            if total == 10_000:
                text += " ✓"
            else:
                text += " — " + translate("VersionDialog", "the percentages must add up to 100 %")
                colour = ERROR
        elif self.mode == EDIT_PARTS:
            text = translate("VersionDialog", "Total of the weights: %1").replace(
                "%1", format_percent(total, lang=lang)
            )
            text += " — " + translate("VersionDialog", "each part counts for its weight / total")
        elif self.mode == EDIT_EQUAL:
            if self.every_member is not None and self.every_member.isChecked():
                text = translate("VersionDialog", "Every member present on each cost's period")
            else:
                text = translate("VersionDialog", "%n member(s) take part", "", total)
        else:
            unit = self.key.unit or ""
            text = translate("VersionDialog", "Total: %1").replace(
                "%1", f"{format_units(total, lang=lang)} {unit}".strip()
            )
        self.total_label.setText(text)
        self.total_label.setStyleSheet(f"color: {colour};" if colour else "")

    # --- reading and saving ------------------------------------------------------------------
    def draft(self) -> VersionDraft:
        editor: Any = self.fields.editor
        valid_from = editor("valid_from").date()
        if valid_from is None:
            raise required("valid_from", self.labels["valid_from"])
        problem = self.model.first_error()
        if problem is not None:
            row, error = problem
            self.table.setCurrentIndex(self.model.index(row, VersionValuesModel.VALUE))
            raise error
        note = editor("note").text() or None
        if self.mode == EDIT_PARTS:
            return VersionDraft(valid_from, parts=self.model.values(), note=note)
        if self.every_member is not None and self.every_member.isChecked():
            return VersionDraft(valid_from, note=note)
        return VersionDraft(valid_from, values=self.model.values(), note=note)

    def submit(self) -> VersionChange:
        draft = self.draft()
        try:
            if self.version is None:
                return self.edits.add_version(self.key.id, self.key.name, draft)
            before = version_draft(self.version)
            return self.edits.update_version(self.key.id, self.key.name, before, draft)
        except PtceError as error:
            raise with_label(error, self.labels) from None
