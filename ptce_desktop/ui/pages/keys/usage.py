"""Usage records of a usage key (hours, km… per member and day): their dialog and the
page's record / edit / delete actions, each one undoable service call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QSizePolicy, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import parse_units
from ptce_desktop.domain.periods import format_date, parse_date
from ptce_desktop.services.keys.views import KeyView, UsageDraft, UsageView
from ptce_desktop.ui.exports.clipboard import PasteFilter, PasteResult, parse_block
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.creators import new_member
from ptce_desktop.ui.pages.keys.actions import KeyActions, short, usage_draft
from ptce_desktop.ui.pages.keys.dialogs import required, with_label
from ptce_desktop.ui.pages.scaffold import confirm
from ptce_desktop.ui.widgets import DateEdit, FormDialog, UnitsEdit
from ptce_desktop.ui.widgets.new_item_combo import Creator, add_new_entry, chosen_data
from ptce_desktop.ui.widgets.table_model import fold

if TYPE_CHECKING:
    from ptce_desktop.ui.pages.keys.page import KeysPage

translate = QCoreApplication.translate


class UsageDialog(FormDialog):
    """Record (``usage=None``) or edit what a member used on a day (hours, km…)."""

    def __init__(
        self,
        edits: KeyActions,
        key: KeyView,
        usage: UsageView | None,
        members: Sequence[tuple[int, str]],
        on: dt.date | None,
        parent: QWidget | None = None,
        *,
        new_member: Creator | None = None,
    ) -> None:
        title = (
            translate("UsageDialog", "Record usage of “%1”")
            if usage is None
            else translate("UsageDialog", "Usage recorded for “%1”")
        ).replace("%1", short(key.name))
        super().__init__(title, parent)
        self.setObjectName("UsageDialog")
        self.edits = edits
        self.key = key
        self.usage = usage
        self.labels = {
            "member_id": translate("UsageDialog", "Member"),
            "on": translate("UsageDialog", "Date"),
            "quantity_milli": translate("UsageDialog", "Quantity"),
            "note": translate("UsageDialog", "Note"),
        }
        form = self.new_form()
        member = QComboBox()
        for ident, name in members:
            member.addItem(name, ident)
        member.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        member.setMinimumContentsLength(24)
        member.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if usage is not None and member.findData(usage.member_id) < 0:
            member.addItem(usage.member_name, usage.member_id)
        if new_member is not None:  # no member yet, or not this one: create it from here
            add_new_entry(member, translate("UsageDialog", "New member…"), new_member)
        self.fields.add(form, "member_id", translate("UsageDialog", "&Member"), member)
        self.fields.add(form, "on", translate("UsageDialog", "&Date"), DateEdit("on"))
        quantity = UnitsEdit("quantity_milli")
        unit = key.unit or translate("UsageDialog", "units")
        self.fields.add(
            form,
            "quantity_milli",
            translate("UsageDialog", "&Quantity (%1)").replace("%1", unit),
            quantity,
        )
        note = QLineEdit()
        note.setMaxLength(200)
        self.fields.add(form, "note", translate("UsageDialog", "N&ote"), note)
        for field, label in self.labels.items():
            self.fields.editor(field).setAccessibleName(label)
        date: Any = self.fields.editor("on")
        if usage is not None:
            member.setCurrentIndex(member.findData(usage.member_id))
            date.set_date(usage.on)
            quantity.set_value(usage.quantity_milli)
            note.setText(usage.note or "")
        else:
            date.set_date(on)
        self.body_layout.addStretch(1)
        self.resize(480, 300)
        member.setFocus()

    def draft(self) -> UsageDraft:
        editor: Any = self.fields.editor
        member_id = chosen_data(editor("member_id"))
        if member_id is None:
            raise required("member_id", self.labels["member_id"])
        on = editor("on").date()
        if on is None:
            raise required("on", self.labels["on"])
        quantity = editor("quantity_milli").value()
        if quantity is None:
            raise required("quantity_milli", self.labels["quantity_milli"])
        return UsageDraft(self.key.id, member_id, on, quantity, editor("note").text() or None)

    def submit(self) -> int:
        draft = self.draft()
        member_name = self.fields.editor("member_id").currentText()  # type: ignore[attr-defined]
        try:
            if self.usage is None:
                return self.edits.add_usage(draft, member_name)
            self.edits.update_usage(self.usage, draft, member_name)
            return self.usage.id
        except PtceError as error:
            raise with_label(error, self.labels) from None


def new_usage(page: KeysPage) -> int | None:
    key = page.current_key()
    if key is None or page.ctx.read_only:
        return None
    on = min(max(dt.date.today(), page.period[0]), page.period[1])
    creator = new_member(page.ctx, page, page.year)
    members = page._members(in_year=True)
    dialog = UsageDialog(page.edits, key, None, members, on, page, new_member=creator)
    usage_id = page._run_dialog(dialog)
    if usage_id is not None:
        _after_usage(
            page, translate("KeysPage", "Usage recorded; the shares of its period are recomputed.")
        )
    return usage_id


def edit_usage(page: KeysPage) -> int | None:
    key, usage = page.current_key(), page.current_usage()
    if key is None or usage is None:
        return None
    dialog = UsageDialog(page.edits, key, usage, page._members(in_year=True), None, page)
    usage_id = page._run_dialog(dialog)
    if usage_id is not None:
        _after_usage(
            page, translate("KeysPage", "Usage saved; the shares of its period are recomputed.")
        )
    return usage_id


def delete_usage(page: KeysPage) -> bool:
    usage = page.current_usage()
    if usage is None or page.ctx.read_only:
        return False
    text = (
        translate("KeysPage", "Delete the usage of “%1” on %2? You can undo it with Ctrl+Z.")
        .replace("%1", usage.member_name)
        .replace("%2", format_date(usage.on))
    )
    if not confirm(page, translate("KeysPage", "Delete a usage record"), text):
        return False
    try:
        page.edits.delete_usage(usage)
    except PtceError as error:
        page._present(error)
        return False
    _after_usage(
        page, translate("KeysPage", "Usage deleted; the shares of its period are recomputed.")
    )
    return True


def paste_quantity(page: KeysPage, usage: UsageView, text: str) -> None:
    """A quantity pasted from a spreadsheet over a usage record (Ctrl+V on the usage table,
    French numbers): saved as an edit of the record; ``PtceError`` when not understood."""
    if page.ctx.read_only:
        raise PtceError("read_only")
    quantity = parse_units(text, "fr", field="quantity_milli")
    if quantity != usage.quantity_milli:
        draft = replace(usage_draft(usage), quantity_milli=quantity)
        page.edits.update_usage(usage, draft, usage.member_name)


class ReadingsPaste(PasteFilter):
    """Ctrl+V on the usage table. Lines of three cells or more — date, member, quantity, and
    a note — record new usage, each an undoable record, the paste one undo step; the lines
    not understood are listed with their reason, the others recorded. A single column of
    quantities edits the records from the current one down (:func:`paste_quantity`)."""

    def __init__(self, page: KeysPage) -> None:
        super().__init__(
            page.detail.usage_view, name_column=None, value_column=2, history=page.ctx.history
        )
        self.page = page

    def fill(self, text: str) -> PasteResult:
        block = parse_block(text)
        if not block or any(len(cells) < 3 for cells in block):
            return super().fill(text)
        page, result = self.page, PasteResult()
        key = page.current_key()
        if key is None or page.ctx.read_only:
            return result
        members = {fold(name).strip(): (ident, name) for ident, name in page._members()}
        for number, cells in enumerate(block, start=1):
            try:
                on = parse_date(cells[0], field="on")
                member = members.get(fold(cells[1]).strip())
                if member is None:
                    raise PtceError("import_unknown_member", "member_id", value=cells[1].strip())
                quantity = parse_units(cells[2], "fr", field="quantity_milli")
                note = cells[3].strip() or None if len(cells) > 3 else None
                page.edits.add_usage(UsageDraft(key.id, member[0], on, quantity, note), member[1])
            except PtceError as error:
                why = error.message(current_language())
                result.refused.append(
                    translate("KeysPage", "Line %1: %2").replace("%1", str(number))
                    .replace("%2", why)
                )  # fmt: skip
                continue
            result.filled += 1
        if result.filled:
            page.reload()
        return result


def _after_usage(page: KeysPage, what: str) -> None:
    page.say(what)
    page.reload()
