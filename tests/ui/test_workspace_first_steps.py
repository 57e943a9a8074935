"""First steps (#15 item 6): « Créer un pôle » asks the identity the documents print (skippable),
a new pole's dashboard shows « Premiers pas » ticking themselves, the PTCE rule is guidance on a
new pole, and empty lists offer their main action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ptce_desktop.services.keys.keys import KeyDraft, KeyService
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.pages.dashboard.page import create_page as dashboard_page
from ptce_desktop.ui.pages.keys.page import create_page as keys_page
from ptce_desktop.ui.pages.members.page import create_page as members_page
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.welcome import WelcomeDialog
from ptce_desktop.ui.style import ERROR

LONG = "Coopérative « L'Atelier & <Fils> » de la vallée " + "é" * 150
SIRET = "732 829 320 00074"


@pytest.fixture
def dialog(qtbot: QtBot) -> WelcomeDialog:
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.create_button.click()
    dlg.name_edit.setText("Pôle « Sud » & <Drôme>")
    dlg.create_ok_button.click()
    return dlg


def test_the_identity_step_is_asked_and_checked_in_place(
    qtbot: QtBot, dialog: WelcomeDialog, french: None
) -> None:
    assert dialog.pages.currentIndex() == 2
    edits = dialog.identity_edits
    assert set(edits) == {
        "siret", "address", "postcode", "city", "legal_rep_name", "legal_rep_title"
    }  # fmt: skip
    edits["siret"].setText("123 456")
    edits["city"].setText("Valence")
    dialog.identity_ok_button.click()
    assert dialog.choice() is None and dialog.isVisible()
    assert dialog.identity_errors["siret"].isVisibleTo(dialog)
    assert "SIRET" in dialog.identity_errors["siret"].text()
    assert edits["siret"].property("invalid") is True
    qtbot.keyClicks(edits["siret"], "7")  # typing clears the mark
    assert not dialog.identity_errors["siret"].isVisibleTo(dialog)
    edits["siret"].setText(SIRET)
    edits["address"].setText("12 rue de l'Église & <annexe>")
    edits["legal_rep_name"].setText(LONG[:60])
    edits["legal_rep_title"].setText("Présidente")
    dialog.identity_ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert choice is not None and choice.identity is not None
    assert choice.name == "Pôle « Sud » & <Drôme>"
    assert choice.identity.siret == SIRET and choice.identity.city == "Valence"
    assert choice.identity.postcode is None


def test_the_identity_step_can_be_skipped(dialog: WelcomeDialog) -> None:
    dialog.identity_edits["siret"].setText("not a siret")  # skipping ignores what was typed
    dialog.skip_button.click()
    choice = dialog.choice()
    assert choice is not None and choice.kind == "create" and choice.identity is None


def test_back_from_the_identity_step(dialog: WelcomeDialog) -> None:
    dialog.identity_back_button.click()
    assert dialog.pages.currentIndex() == 1 and dialog.name_edit.text().startswith("Pôle")


def test_create_pole_writes_the_identity_in_one_go(uow: UnitOfWork) -> None:
    identity = PoleDraft(
        name="ignored", siret=SIRET, city="Valence", legal_rep_name="Marie Dupont & Co",
        legal_rep_title="Présidente", lead_member_id=42,
    )  # fmt: skip
    pole = PoleService(uow).create_pole("Pôle Sud & <co>", "Drôme", 7, identity=identity)
    assert pole.name == "Pôle Sud & <co>" and pole.territory == "Drôme"
    assert pole.siret == "73282932000074" and pole.legal_rep_title == "Présidente"
    assert pole.fiscal_year_start_month == 7 and pole.lead_member_id is None


def test_new_pole_dashboard_first_steps_tick_themselves(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    page = dashboard_page(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.resize(1000, 700)
    page.show()
    page.set_fiscal_year(2025)
    panel = page.first_steps
    assert panel.isVisible()
    assert [panel.is_done(step) for step in panel.marks] == [False] * 5
    assert panel.buttons["members"].isDefault()  # the next step stands out
    # the PTCE rule is what to aim for, not a red error
    assert ERROR not in page.eligibility.text() and "Pour être reconnu" in page.eligibility.text()
    ctx.members.create(MemberDraft(LONG, "ess_enterprise"))
    assert panel.is_done("members") and not panel.is_done("keys")
    assert panel.buttons["keys"].isDefault() and not panel.buttons["members"].isDefault()
    ctx.service(KeyService).create_key(KeyDraft(name="Parts égales & <co>", method="equal"))
    assert panel.is_done("keys")
    with qtbot.waitSignal(page.pageRequested) as signal:
        qtbot.mouseClick(panel.buttons["services"], Qt.MouseButton.LeftButton)
    assert signal.args == ["services"]
    with qtbot.waitSignal(page.pageRequested) as signal:
        panel.buttons["budgets"].click()
    assert signal.args == ["services"]
    with qtbot.waitSignal(page.pageRequested) as signal:
        panel.buttons["calls"].click()
    assert signal.args == ["calls"]


def test_empty_lists_offer_their_main_action(
    qtbot: QtBot, ctx: AppContext, french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = members_page(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    empty = page.empty_state
    assert empty.isVisible() and empty.button.text() == "Ajouter le premier membre…"
    asked: list[bool] = []
    monkeypatch.setattr(page, "new_item", lambda: asked.append(True))
    page.add_button.clicked.disconnect()
    page.add_button.clicked.connect(page.new_item)
    empty.button.click()
    assert asked == [True]
    ctx.members.create(MemberDraft("Mairie de Valence", "local_authority"))
    page.refresh(None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not empty.isVisible()
    page.search.setText("aucun membre ne s'appelle ainsi")
    assert not empty.isVisible()  # a search finding nothing is not an empty list
    keys = keys_page(ctx)
    qtbot.addWidget(keys)
    keys.show()
    assert keys.empty_state.isVisible() and "clé" in keys.empty_state.label.text()


def test_new_funder_from_inside_the_grant_dialog(qtbot: QtBot, french: None) -> None:
    from ptce_desktop.ui.pages.funding.dialogs import GrantDialog
    from ptce_desktop.ui.widgets.new_item_combo import NEW_ITEM, chosen_data

    answers: list[tuple[int, str] | None] = [None, (7, "Région « AURA » & <co>")]
    dialog = GrantDialog([], [], lambda draft: draft, new_funder=lambda: answers.pop(0))
    qtbot.addWidget(dialog)
    combo = dialog.fields.editor("funder_id")
    assert combo.count() == 1 and combo.itemText(0) == "Nouveau financeur…"
    assert combo.currentIndex() == -1 and chosen_data(combo) is None  # nothing chosen for you
    combo.setCurrentIndex(0)
    combo.activated.emit(0)  # cancelled: back to no choice
    assert combo.currentIndex() == -1 and combo.count() == 1
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert combo.currentText() == "Région « AURA » & <co>" and chosen_data(combo) == 7
    assert combo.itemData(combo.count() - 1) == NEW_ITEM
