"""The window with real pages: an edit refreshes the page on screen once, after the event; the
hidden pages and a new fiscal year wait until they are shown; a new cost is selected."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter
from test_costs_page import World, cost, make_world, run_dialog, type_cost

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

LABEL = "Loyer « L'Éclair » & <co> — 12 € " + "très long libellé " * 5 + "fin"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    """A fresh file without a pole (make_world creates it); the pages read on real workers."""
    context = open_context(db_path, runner=Runner(inline=False), presenter=RecordingPresenter())
    yield context
    assert context.runner.wait()
    context.close()


@pytest.fixture
def world(ctx: AppContext) -> World:
    return make_world(ctx)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, world: World, ui_settings: QSettings) -> MainWindow:
    win = MainWindow(settings=ui_settings)
    qtbot.addWidget(win)
    win.set_page("costs", CostsPage(ctx))
    win.set_page("services", ServicesPage(ctx))
    win.set_fiscal_years([("2024", 2024), ("2025", 2025)], 2025)
    ctx.changes.changed.connect(win.refresh_pages)  # what the shell does
    win.show_page("costs")
    costs: Any = win.page("costs")
    qtbot.waitUntil(lambda: not costs.loads.loading)
    return win


def launched(window: MainWindow, key: str) -> int:
    page: Any = window.page(key)
    return int(page.loads.launched)


def test_an_edit_reloads_the_page_on_screen_once_and_the_hidden_one_when_shown(
    qtbot: QtBot, ctx: AppContext, world: World, window: MainWindow
) -> None:
    costs: Any = window.page("costs")
    services: Any = window.page("services")
    before = launched(window, "costs")
    assert launched(window, "services") == 0  # never shown: never read
    service = ctx.service(CostService)
    service.create_cost(cost(world.equal, 300_00, LABEL))
    service.create_cost(cost(world.equal, 12_34, "Eau & électricité"))
    assert launched(window, "costs") == before  # not while the event is handled
    qtbot.waitUntil(lambda: len(costs.model.rows()) == 2)
    assert launched(window, "costs") == before + 1  # both changes in one reload
    assert {row.label for row in costs.model.rows()} == {LABEL, "Eau & électricité"}
    assert launched(window, "services") == 0  # hidden: nothing read yet
    window.show_page("services")  # its year and the changes it missed: one read
    qtbot.waitUntil(lambda: services.model.rowCount() == 2)
    assert launched(window, "services") == 1
    totals = {row.view.name: row.totals.shared_cents for row in services.model.rows()}
    assert totals["Accueil & secrétariat"] == 312_34


def test_the_year_reloads_the_page_on_screen_and_the_others_when_shown(
    qtbot: QtBot, ctx: AppContext, world: World, window: MainWindow
) -> None:
    ctx.service(CostService).create_cost(cost(world.equal, 300_00, LABEL))
    services: Any = window.page("services")
    window.show_page("services")
    qtbot.waitUntil(lambda: services.year == 2025 and not services.loads.loading)
    window.show_page("costs")
    before = launched(window, "services")
    window.year_combo.setCurrentIndex(window.year_combo.findData(2024))
    costs: Any = window.page("costs")
    assert costs.year == 2024
    qtbot.waitUntil(lambda: not costs.loads.loading)
    assert costs.model.rows() == []
    assert services.year == 2025 and launched(window, "services") == before  # hidden
    window.show_page("services")
    assert services.year == 2024
    qtbot.waitUntil(lambda: launched(window, "services") == before + 1)


def test_a_cost_added_through_the_dialog_is_selected_once_the_list_is_back(
    qtbot: QtBot,
    ctx: AppContext,
    world: World,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    costs: Any = window.page("costs")
    run_dialog(monkeypatch, lambda d: type_cost(d, LABEL, "150,00", world.equal))
    window.new_item_action.trigger()  # Ctrl+N, the dialog, OK
    assert costs.model.rows() == []  # the list is read again after the event
    qtbot.waitUntil(lambda: costs.selected_row() is not None)
    assert costs.selected_row().label == LABEL
    assert costs.detail.cost_id() == costs.selected_row().id
