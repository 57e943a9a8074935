"""The dashboard's « À faire » panel: items from the data, each a link to where it is done;
the figure cards open their page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.money import format_money
from ptce_desktop.services.pole import todo
from ptce_desktop.services.pole.todo import TodoItem
from ptce_desktop.ui.pages.dashboard.page import DashboardPage, create_page
from ptce_desktop.ui.pages.dashboard.todo import TodoPanel, item_text
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.style import ERROR

LONG = "Subvention « Tiers-lieu & <Fabrique> » l'été " + "é" * 120


def show(qtbot: QtBot, ctx: AppContext) -> DashboardPage:
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_fiscal_year(2025)
    return page


def test_item_texts_in_french(french: None) -> None:
    past_due = TodoItem(
        todo.CALLS_PAST_DUE, "calls", date=dt.date(2025, 1, 31), count=3, amount_cents=123_456
    )
    assert item_text(past_due) == (
        f"3 appels en retard : {format_money(123_456)} restent dus (échéance la plus ancienne "
        "le 31/01/2025)"
    )
    one = TodoItem(todo.CALLS_PAST_DUE, "calls", date=dt.date(2025, 1, 31), count=1)
    assert item_text(one).startswith("1 appel en retard")
    quarters = TodoItem(
        todo.QUARTERS_NOT_CALLED, "calls", year=2025, year_label="2025",
        names=("T2 2025", "T3 2025"), count=2,
    )  # fmt: skip
    assert item_text(quarters) == "Exercice 2025 : T2 2025, T3 2025 pas encore appelés"
    report = TodoItem(
        todo.GRANT_REPORT_DUE, "funding", date=dt.date(2026, 6, 30),
        names=(LONG, "Région & <AURA>"), overdue=True,
    )  # fmt: skip
    assert item_text(report) == (
        f"Le compte rendu de « {LONG} » (Région & <AURA>) était dû le 30/06/2026"
    )
    assert "sauvegarde" in item_text(TodoItem(todo.BACKUP_NONE, "backups"))


def test_panel_links_and_colours(qtbot: QtBot, french: None) -> None:
    panel = TodoPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible()
    items = [
        TodoItem(todo.CALLS_PAST_DUE, "calls", date=dt.date(2025, 1, 31), count=2, overdue=True),
        TodoItem(todo.YEAR_TO_CLOSE, "settings", date=dt.date(2024, 12, 31), year=2024,
                 year_label="2024"),
        TodoItem(todo.GRANT_REPORT_DUE, "funding", date=dt.date(2026, 6, 30),
                 names=(LONG, "Région & <AURA>")),
    ]  # fmt: skip
    panel.show_items(items)
    assert not panel.empty.isVisible() and len(panel.lines) == 3
    late, year, report = (label.text() for label in panel.lines)
    assert ERROR in late and ERROR not in year
    assert 'href="settings:years"' in year and "Paramètres" in year
    assert "&lt;AURA&gt;" in report  # escaped, not markup
    with qtbot.waitSignal(panel.linkActivated) as signal:
        panel.lines[1].linkActivated.emit("settings")
    assert signal.args == ["settings"]


def test_dashboard_lists_what_is_due_and_links_to_the_window(
    qtbot: QtBot, ctx: AppContext, french: None, ui_settings
) -> None:
    page = show(qtbot, ctx)
    # a brand-new file has never been backed up: that is due
    assert page.todo.texts() == ["Aucune sauvegarde vérifiée de ce fichier : faites-en une"]
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    window.add_page("dashboard", "Tableau de bord", page)
    window.show_page("settings")
    page.pageRequested.emit("calls")
    assert window.current_page_key() == "calls"
    triggered: list[bool] = []
    window.set_document("Pôle", "/tmp/pôle.sqlite3", read_only=False)
    window.backups_action.triggered.connect(lambda: triggered.append(True))
    page.todo.linkActivated.emit("backups")
    assert triggered == [True]


def test_cards_open_their_page(qtbot: QtBot, ctx: AppContext, french: None) -> None:
    page = show(qtbot, ctx)
    for key, target in (("calls", "calls"), ("grants", "funding"), ("members", "members")):
        with qtbot.waitSignal(page.pageRequested) as signal:
            qtbot.mouseClick(page.cards[key], Qt.MouseButton.LeftButton)
        assert signal.args == [target]
    page.cards["in_kind"].setFocus()
    with qtbot.waitSignal(page.pageRequested) as signal:
        qtbot.keyClick(page.cards["in_kind"], Qt.Key.Key_Return)
    assert signal.args == ["in_kind"]
