"""« Nouveau… » inside the combo boxes whose list may be empty (#15 item 6): a key and a
carrying member from the service dialog, a service from the cost dialog; what is created is an
ordinary undoable creation, then chosen in the combo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.ui.pages import creators
from ptce_desktop.ui.pages.costs.dialog import CostDialog
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.pages.keys.dialogs import KeyDialog
from ptce_desktop.ui.pages.members.dialog import MemberDialog
from ptce_desktop.ui.pages.services.dialogs import ServiceDialog
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.new_item_combo import NEW_ITEM, chosen_data

KEY = "Surface « bureaux » & <co> — l'€"
MEMBER = "Épicerie solidaire & co <Valence> " + "é" * 120
SERVICE = "Locaux partagés à Crest & <co>"


@pytest.fixture
def filled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The creation dialogs filled and accepted as a user would; their titles recorded."""
    opened: list[str] = []

    def run(dialog: QDialog) -> Any:
        opened.append(type(dialog).__name__)
        name = {KeyDialog: KEY, MemberDialog: MEMBER, ServiceDialog: SERVICE}[type(dialog)]
        editor = dialog.fields.editor("name")  # type: ignore[attr-defined]
        assert isinstance(editor, QLineEdit)
        editor.setText(name)
        dialog.accept()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        return dialog.result_value if accepted else None  # type: ignore[attr-defined]

    monkeypatch.setattr(creators, "run_dialog", run)
    return opened


def _choose_new(combo: QComboBox) -> None:
    index = combo.findData(NEW_ITEM)
    assert index == combo.count() - 1, "« Nouveau… » is the last entry"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_service_dialog_creates_a_key_and_a_member(
    ctx: AppContext, qtbot: QtBot, filled: list[str]
) -> None:
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2026)
    dialog = page._dialog(None)
    qtbot.addWidget(dialog)
    key, carrier = dialog.fields.editor("key_id"), dialog.fields.editor("carrier_member_id")
    assert isinstance(key, QComboBox) and isinstance(carrier, QComboBox)
    assert key.itemText(key.count() - 1) == "New key…"
    assert carrier.itemText(carrier.count() - 1) == "New member…"
    _choose_new(key)
    _choose_new(carrier)
    assert filled == ["KeyDialog", "MemberDialog"]
    new_key = KeyService(ctx.uow).list_keys()[0]
    assert (key.currentText(), chosen_data(key)) == (KEY, new_key.id)
    assert carrier.currentText() == MEMBER and chosen_data(carrier) is not None
    name = dialog.fields.editor("name")
    assert isinstance(name, QLineEdit)
    name.setText(SERVICE)
    assert dialog.draft().key_id == new_key.id
    assert ctx.history.count() == 2  # two ordinary creations, each undoable
    ctx.history.undo()
    ctx.history.undo()
    assert KeyService(ctx.uow).list_keys() == [] and ctx.members.list_members() == []


def test_cost_dialog_creates_a_service_when_there_is_none(
    ctx: AppContext, qtbot: QtBot, filled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = CostsPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2026)
    shown: list[CostDialog] = []
    monkeypatch.setattr(CostsPage, "_run", lambda self, dialog: shown.append(dialog))
    page.new_item()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    combo = dialog.fields.editor("service_id")
    assert isinstance(combo, QComboBox)
    assert combo.count() == 1 and combo.itemText(0) == "New service…"
    assert combo.currentIndex() == -1  # nothing chosen for the user
    dialog.update_preview()  # no service yet: the preview says so, no error
    _choose_new(combo)
    assert filled == ["ServiceDialog"]
    (service,) = SharedServiceService(ctx.uow).service_views().values()
    assert (combo.currentText(), chosen_data(combo)) == (SERVICE, service.id)
    assert combo.itemData(combo.count() - 1) == NEW_ITEM


def test_a_cancelled_creation_goes_back_to_the_previous_choice(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(creators, "run_dialog", lambda dialog: None)
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    dialog = page._dialog(None)
    qtbot.addWidget(dialog)
    key = dialog.fields.editor("key_id")
    assert isinstance(key, QComboBox)
    _choose_new(key)
    assert key.currentIndex() == 0 and chosen_data(key) is None  # « — no key yet — »
    assert KeyService(ctx.uow).list_keys() == []


def test_nothing_is_offered_on_a_read_only_file(ctx: AppContext, qtbot: QtBot) -> None:
    ctx.read_only = True
    assert creators.new_key(ctx, None) is None  # type: ignore[arg-type]
    assert creators.new_member(ctx, None) is None  # type: ignore[arg-type]
    assert creators.new_service(ctx, None) is None  # type: ignore[arg-type]


def test_usage_dialog_creates_a_member(
    ctx: AppContext, qtbot: QtBot, filled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.services.keys.views import KeyDraft
    from ptce_desktop.ui.pages.keys.page import KeysPage

    key_id = KeyService(ctx.uow).create_key(KeyDraft("Heures « prêt » & <co>", "usage", "h"))
    page = KeysPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2026)
    page.select_key(key_id)
    shown: list[Any] = []
    monkeypatch.setattr(KeysPage, "_run_dialog", lambda self, dialog: shown.append(dialog))
    page.new_usage()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    combo = dialog.fields.editor("member_id")
    assert combo.count() == 1 and combo.currentIndex() == -1  # no member yet
    _choose_new(combo)
    assert filled == ["MemberDialog"]
    assert combo.currentText() == MEMBER
    assert chosen_data(combo) == ctx.members.list_members()[0].id
