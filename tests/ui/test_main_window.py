"""The shell: navigation, shortcuts, page protocol, year selector, title, remembered layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.store.unit_of_work import Change
from ptce_desktop.ui.pages import PendingPage
from ptce_desktop.ui.shell.main_window import MainWindow

KEYS = [
    "dashboard",
    "members",
    "services",
    "keys",
    "costs",
    "calls",
    "funding",
    "in_kind",
    "activity",
    "reports",
    "simulation",
    "journal",
    "settings",
]


class FakePage(QWidget):
    """A page implementing the whole optional protocol."""

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        QVBoxLayout(self).addWidget(self.search)
        self.created = 0
        self.changes: list[object] = []
        self.years: list[int] = []

    def focus_search(self) -> None:
        self.search.setFocus()

    def new_item(self) -> None:
        self.created += 1

    def refresh(self, changes: object) -> None:
        self.changes.append(changes)

    def set_fiscal_year(self, year: int) -> None:
        self.years.append(year)


@pytest.fixture
def window(qtbot: QtBot, ui_settings: QSettings) -> MainWindow:
    win = MainWindow(settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def _current_content(win: MainWindow) -> QWidget:
    return win.stack.currentWidget().content  # type: ignore[attr-defined]


def test_navigation_lists_the_pages_in_order(window: MainWindow) -> None:
    assert window.page_keys() == KEYS
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles[:3] == ["Dashboard", "Members", "Shared services"]
    assert titles[-1] == "Settings"
    assert window.current_page_key() == "dashboard"
    assert all(isinstance(window.page(key), PendingPage) for key in KEYS)


@pytest.mark.usefixtures("french")
def test_navigation_and_menus_in_french(qtbot: QtBot, ui_settings: QSettings) -> None:
    win = MainWindow(settings=ui_settings)
    qtbot.addWidget(win)
    titles = [win.navigation.item(row).text() for row in range(win.navigation.count())]
    assert titles == [
        "Tableau de bord",
        "Membres",
        "Services mutualisés",
        "Clés de répartition",
        "Charges",
        "Appels de fonds et règlements",
        "Financements",
        "Contributions en nature",
        "Activité",
        "Rapports",
        "Simulation",
        "Journal des modifications",
        "Paramètres",
    ]
    menus = [action.text() for action in win.menuBar().actions()]
    assert menus == ["&Fichier", "&Édition", "&Affichage", "Aid&e"]
    file_items = [a.text() for a in win.menus["file"].actions() if not a.isSeparator()]
    assert file_items == [
        "&Nouveau pôle…",
        "&Ouvrir…",
        "&Explorer la démo",
        "&Importer…",
        "E&xporter l'archive…",
        "Importer une a&rchive…",
        "&Sauvegarder une copie…",
        "Sauvegardes et &restauration…",
        "&Vérifier la base",
        "&Réparer un fichier endommagé…",
        "&Quitter",
    ]
    assert win.undo_action.text() == "&Annuler"


def test_clicking_an_entry_shows_its_page(qtbot: QtBot, window: MainWindow) -> None:
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(4))
    with qtbot.waitSignal(window.pageChanged) as changed:
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert changed.args == ["costs"]
    assert _current_content(window) is window.page("costs")


def test_ctrl_digit_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "services"
    assert _current_content(window) is window.page("services")
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "activity"
    assert window.page_actions["activity"].isChecked()


def test_page_protocol_search_new_refresh(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.search_action.isEnabled()  # a placeholder has no search field
    page = FakePage()
    window.set_page("members", page)
    window.show_page("members")
    assert window.search_action.isEnabled() and window.new_item_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.created == 1
    window.refresh_pages({"members"})
    qtbot.waitUntil(lambda: page.changes == [{"members"}])  # once the current event is done


def test_refreshes_are_merged_and_hidden_pages_catch_up_when_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown, hidden, other = FakePage(), FakePage(), FakePage()
    window.set_page("members", shown)
    window.set_page("costs", hidden)
    window.set_page("keys", other)
    window.show_page("members")
    window.refresh_pages(Change("Ajouter « L'Éclair & <co> »", frozenset({"members"})))
    window.refresh_pages(Change("Saisir une charge — 12 €", frozenset({"costs", "shares"})))
    assert shown.changes == []  # not during the event that published them
    qtbot.waitUntil(lambda: len(shown.changes) == 1)
    (merged,) = shown.changes
    assert isinstance(merged, Change)
    assert merged.entities == {"members", "costs", "shares"}  # one refresh for both
    assert hidden.changes == [] and other.changes == []  # not on screen: nothing yet
    window.refresh_pages(None)  # "everything" wins over the tables
    window.flush_refreshes()
    assert shown.changes[-1] is None and hidden.changes == []
    window.show_page("costs")
    assert hidden.changes == [None]  # what it missed, in one refresh, when shown
    window.show_page("costs")
    window.show_page("members")
    window.show_page("costs")
    assert hidden.changes == [None] and len(shown.changes) == 2  # told once only
    window.show_page("keys")
    assert other.changes == [None]


def test_the_year_reaches_hidden_pages_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    shown, hidden = FakePage(), FakePage()
    window.set_page("dashboard", shown)
    window.set_page("members", hidden)
    window.set_fiscal_years([("2024", 2024), ("2025/2026", 2025)], current=2024)
    assert shown.years == [2024] and hidden.years == []
    window.year_combo.setCurrentIndex(1)
    assert shown.years == [2024, 2025] and hidden.years == []
    window.show_page("members")
    assert hidden.years == [2025]  # only the year in force, once
    window.show_page("dashboard")
    window.show_page("members")
    assert hidden.years == [2025] and shown.years == [2024, 2025]


def test_set_page_rejects_unknown_keys_and_add_page_appends(window: MainWindow) -> None:
    with pytest.raises(KeyError):
        window.set_page("nope", QWidget())
    extra = QLabel("Extra")
    window.add_page("audit", "Audit log", extra)
    assert window.page_keys()[-1] == "audit"
    window.show_page("audit")
    assert _current_content(window) is extra
    assert window.page_title("audit") == "Audit log"
    window.add_page("members", "Registre", QLabel("replaced"))
    assert window.navigation.item(1).text() == "Registre"
    assert window.page_title("members") == "Registre"


def test_year_selector_emits_on_user_choice_only(qtbot: QtBot, window: MainWindow) -> None:
    page = FakePage()
    window.set_page("dashboard", page)
    with qtbot.assertNotEmitted(window.fiscalYearChanged):
        window.set_fiscal_years([("2024", 2024), ("2025/2026", 2025)], current=2024)
    assert window.year_combo.currentText() == "2024"
    assert window.current_fiscal_year() == 2024
    assert page.years == [2024]
    with qtbot.waitSignal(window.fiscalYearChanged) as changed:
        window.year_combo.setCurrentIndex(1)
    assert changed.args == [2025]
    assert page.years == [2024, 2025]  # the page on screen: at once
    late = FakePage()
    window.set_page("members", late)
    assert late.years == [2025]  # a page plugged in later learns the year at once


def test_title_shows_pole_and_file(window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle() == "PTCE Desktop"
    path = tmp_path / "pôle sud.sqlite3"
    window.set_document("Pôle Sud", path, read_only=False)
    assert window.windowTitle() == f"PTCE Desktop — Pôle Sud — {path}"
    assert window.read_only_badge.isHidden()
    window.set_page("members", FakePage())
    window.show_page("members")
    window.set_document("Pôle Sud", path, read_only=True)
    assert window.windowTitle().endswith("(read-only)")
    assert not window.read_only_badge.isHidden()
    assert not window.new_item_action.isEnabled()


def test_undo_actions_follow_the_stack(window: MainWindow) -> None:
    stack = QUndoStack(window)
    window.bind_undo_stack(stack)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    command = QUndoCommand("add member")
    stack.push(command)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo “add member”"
    window.undo_action.trigger()
    assert stack.index() == 0
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert stack.index() == 1


def test_layout_is_remembered(qtbot: QtBot, ui_settings: QSettings) -> None:
    first = MainWindow(settings=ui_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # smaller than the offscreen screen, which clamps restored sizes
    first.splitter.setSizes([250, 450])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(settings=ui_settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert second.splitter.sizes() == sizes
    assert sizes[0] == 250


def test_screenshot_is_not_empty(window: MainWindow) -> None:
    window.resize(1200, 760)
    picture = window.grab()
    assert not picture.isNull() and picture.width() >= 1000
