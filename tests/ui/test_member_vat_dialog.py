"""The member dialog and panel hold the intra-community VAT number (#10)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.members.detail import detail_html
from ptce_desktop.ui.pages.members.dialog import MemberDialog
from ptce_desktop.ui.shell.context import AppContext

NAME = "Coopérative L'Éclair & <Fils> — 1 €"


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, french: None) -> MemberDialog:
    widget = MemberDialog(ctx.members, ctx.history, 2025, "2025")
    qtbot.addWidget(widget)
    return widget


def test_typed_number_is_saved_compact_and_shown(dialog: MemberDialog, ctx: AppContext) -> None:
    dialog.fields.editor("name").setText(LONG_NAME[:200])
    dialog.fields.editor("siret").setText("732 829 320 00074")
    dialog.fields.editor("vat_number").setText("fr 44 732 829 320")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.fields.errors()
    (row,) = ctx.members.list_members()
    view = ctx.members.get(row.id)
    assert view.vat_number == "FR44732829320"
    html = detail_html(ctx.members.member_detail(view.id, 2025))
    assert "N° de TVA intracommunautaire" in html or "Intra-community VAT number" in html
    assert "FR44732829320" in html


def test_edit_loads_the_number(qtbot: QtBot, ctx: AppContext, french: None) -> None:
    view = ctx.members.create(MemberDraft(name=NAME, vat_number="BE 0403.170.701"))
    dialog = MemberDialog(ctx.members, ctx.history, 2025, "2025", member=view)
    qtbot.addWidget(dialog)
    assert dialog.draft().vat_number == "BE0403170701"


def test_a_number_not_matching_the_siren_is_explained_under_the_field(
    dialog: MemberDialog, ctx: AppContext
) -> None:
    dialog.fields.editor("name").setText(NAME)
    dialog.fields.editor("siret").setText("732 829 320 00074")
    dialog.fields.editor("vat_number").setText("FR40303265045")  # valid, another SIREN
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    errors = dialog.fields.errors()
    assert list(errors) == ["vat_number"]
    assert "ne correspond pas au SIREN 732829320" in errors["vat_number"]
    assert dialog.fields.editor("vat_number").text() == "FR40303265045"
    assert ctx.members.list_members() == []


def test_a_wrong_check_digit_is_said_as_typed(dialog: MemberDialog) -> None:
    edit = dialog.fields.editor("vat_number")
    edit.setText("FR45732829320")
    edit.textEdited.emit(edit.text())
    assert "N° de TVA intracommunautaire invalide" in dialog.fields.errors()["vat_number"]
