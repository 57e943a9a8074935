"""The welcome dialog asks and returns a plain choice; a missing name is explained in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.shell.welcome import WelcomeChoice, WelcomeDialog


@pytest.fixture
def dialog(qtbot: QtBot) -> WelcomeDialog:
    dlg = WelcomeDialog(choose_file=lambda parent: "")
    qtbot.addWidget(dlg)
    dlg.show()  # never exec(): it would block offscreen
    qtbot.waitExposed(dlg)
    return dlg


def test_empty_name_is_marked_and_typed_text_is_kept(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    dialog.territory_edit.setText("Drôme — Pays de Romans")  # accents: setText, not keyClicks
    dialog.month_combo.setCurrentIndex(8)
    qtbot.mouseClick(dialog.create_ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.choice() is None
    assert dialog.name_error.isVisibleTo(dialog)
    assert dialog.name_error.text() == "Enter the name of the pole."
    assert dialog.name_edit.property("invalid") is True
    assert dialog.territory_edit.text() == "Drôme — Pays de Romans"
    assert dialog.month_combo.currentData() == 9

    qtbot.keyClicks(dialog.name_edit, "Pole Sud")  # typing clears the mark at once
    assert not dialog.name_error.isVisibleTo(dialog)
    assert dialog.name_edit.property("invalid") is False
    qtbot.mouseClick(dialog.create_ok_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2  # the identity the documents print, skippable
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == WelcomeChoice(
        "create", name="Pole Sud", territory="Drôme — Pays de Romans", fiscal_year_start_month=9
    )


def test_enter_with_an_empty_name_keeps_the_dialog_open(
    qtbot: QtBot, dialog: WelcomeDialog
) -> None:
    dialog.create_button.click()
    dialog.name_edit.setText("   ")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.name_error.isVisibleTo(dialog)
    assert dialog.name_edit.text() == "   "


def test_too_long_name_is_explained(dialog: WelcomeDialog) -> None:
    dialog.create_button.click()
    dialog.name_edit.setText("É" * 201)
    dialog.create_ok_button.click()
    assert "200" in dialog.name_error.text()
    assert dialog.choice() is None


def test_back_returns_to_the_choices(dialog: WelcomeDialog) -> None:
    dialog.create_button.click()
    dialog.name_edit.setText("Pôle Sud")
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == 0
    dialog.create_button.click()
    assert dialog.name_edit.text() == "Pôle Sud"


def test_demo_choice(dialog: WelcomeDialog) -> None:
    dialog.demo_button.click()
    assert dialog.choice() == WelcomeChoice("demo")


def test_open_choice_uses_the_file_chooser(qtbot: QtBot, tmp_path: Path) -> None:
    chosen = tmp_path / "pôle.sqlite3"
    asked: list[QWidget] = []

    def choose(parent: QWidget) -> str:
        asked.append(parent)
        return str(chosen)

    dlg = WelcomeDialog(choose_file=choose)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.open_button.click()
    assert asked == [dlg]
    assert dlg.choice() == WelcomeChoice("open", path=chosen)


def test_cancelled_file_chooser_keeps_the_dialog(dialog: WelcomeDialog) -> None:
    dialog.open_button.click()
    assert dialog.isVisible() and dialog.choice() is None


@pytest.mark.usefixtures("french")
def test_french_texts_and_months(qtbot: QtBot) -> None:
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    assert dlg.create_button.text() == "Créer un pôle"
    assert dlg.month_combo.itemText(0) == "Janvier"
    dlg.show()
    dlg.create_button.click()
    dlg.create_ok_button.click()
    assert dlg.name_error.text() == "Indiquez le nom du pôle."
