"""Keyboard (#15 item 5): a shortcut per page (Ctrl+1…9, then Alt+1…9, in sidebar order),
Aide ▸ Raccourcis clavier listing them all, Tab entering and leaving tables."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.members.page import create_page as members_page
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow, page_shortcut
from ptce_desktop.ui.shell.shortcuts import ShortcutsDialog

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 120


def native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_page_shortcut_scheme() -> None:
    assert [page_shortcut(n) for n in (1, 9, 10, 18, 19)] == [
        "Ctrl+1", "Ctrl+9", "Alt+1", "Alt+9", None
    ]  # fmt: skip


def test_every_page_has_its_shortcut_in_sidebar_order(
    qtbot: QtBot, ui_settings: QSettings, french: None
) -> None:
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    keys = window.page_keys()
    assert len(keys) >= 10  # the scheme is tested past nine pages
    shortcuts = [window.page_actions[key].shortcut().toString() for key in keys]
    assert shortcuts[:9] == [f"Ctrl+{n}" for n in range(1, 10)]
    assert shortcuts[9:] == [f"Alt+{n}" for n in range(1, len(keys) - 8)]
    assert len(set(shortcuts)) == len(shortcuts)
    others = {
        action.shortcut().toString()
        for action in window.actions()
        if action not in window.page_actions.values() and not action.shortcut().isEmpty()
    }
    assert not others & set(shortcuts)  # no command shares a page's keys
    window.show()
    window.page_actions[keys[9]].trigger()
    assert window.current_page_key() == keys[9]


def test_shortcuts_dialog_lists_pages_and_commands(
    qtbot: QtBot, ui_settings: QSettings, french: None
) -> None:
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    assert window.shortcuts_action in window.menus["help"].actions()
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.keys_for("Membres") == native("Ctrl+2")
    assert dialog.keys_for("Paramètres") == native(
        page_shortcut(window.page_keys().index("settings") + 1) or ""
    )
    assert dialog.keys_for("Ajouter") == native("Ctrl+N")  # « Nouveau… » on every page
    assert dialog.keys_for("Rechercher") == native("Ctrl+F")
    assert dialog.keys_for("Aide sur cette page") == "F1"
    assert "Tab" in (dialog.keys_for("Aller dans la liste, ou au champ suivant") or "")
    assert dialog.height() <= 700
    text = dialog.findChild(QLabel, "shortcutsText").text()
    assert "<h3>Pages</h3>" in text and "Édition" in text


def test_tab_enters_and_leaves_the_members_table(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    ctx.members.create(MemberDraft(LONG, "ess_enterprise"))
    ctx.members.create(MemberDraft("Mairie de Valence & <co>", "local_authority"))
    page = members_page(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    page.set_fiscal_year(2025)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert not page.view.tabKeyNavigation()
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)  # arrows move within the table
    assert page.view.hasFocus() and page.view.currentIndex().isValid()
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert not page.view.hasFocus()  # one Tab leaves the table
    reached: list[QWidget | None] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        reached.append(focused)
        if focused is page.add_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert page.add_button in reached
    qtbot.keyClick(page.add_button, Qt.Key.Key_Backtab)
    steps = 0
    while QApplication.focusWidget() is not page.view and steps < 12:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        steps += 1
    assert page.view.hasFocus()  # and Tab comes back into it
