"""The Simulation page opens without reading on the GUI thread (issue #18): its choices, saved
scenarios and year are read on a worker; the scenario columns after the first are built when
added, offering the same choices; a pole's thousands of members are one model per combo."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot
from test_simulation_page import NAMES, world  # noqa: F401  (the fixture)

from ptce_desktop.domain.scenarios import MAX_SCENARIOS
from ptce_desktop.services.simulation.simulation import SimulationService
from ptce_desktop.ui.pages.simulation.page import SimulationPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner


def _texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_page_reads_on_a_worker_and_adds_columns_when_asked(
    qtbot: QtBot,
    ctx: AppContext,
    world: tuple[list[int], int, int],  # noqa: F811
    monkeypatch: Any,
) -> None:
    members, _key, service = world
    threads: list[str] = []
    real = SimulationService.choices

    def spied(self: SimulationService) -> Any:
        threads.append(threading.current_thread().name)
        return real(self)

    monkeypatch.setattr(SimulationService, "choices", spied)
    runner = Runner(inline=False)
    ctx.runner = runner
    page = SimulationPage(ctx)
    qtbot.addWidget(page)
    assert len(page.editors) == 1  # the others when added
    page.set_fiscal_year(2025)
    assert page.loads.loading and page.pole is None
    qtbot.waitUntil(lambda: page.comparison is not None, timeout=10_000)
    assert threads and threading.main_thread().name not in threads
    assert page.service_ids == [service]
    assert page.services_menu.actions() == []  # made when the menu opens
    assert "Locaux & <bureaux>" in page.services_button.text()
    page.services_menu.aboutToShow.emit()
    (action,) = page.services_menu.actions()
    assert action.isChecked() and action.text() == "Locaux & <bureaux> — l'€"
    first = page.editors[0]
    leave = first.leave_member
    assert _texts(leave)[1:] == sorted(NAMES)
    assert leave.itemData(1 + sorted(NAMES).index(NAMES[2])) == members[2]
    assert "Locaux & <bureaux>" in first.budget_service.itemText(0)
    second = page.add_scenario()
    assert second is page.editors[1] and not second.isHidden()
    assert _texts(second.leave_member) == _texts(leave)
    assert _texts(second.key) == _texts(first.key)
    while page.add_scenario() is not None:
        pass
    assert len(page.editors) == len(page.visible_editors()) == MAX_SCENARIOS
    qtbot.waitUntil(lambda: page.comparison is not None and len(page.comparison.columns) == 4)
    second.leave_member.setCurrentIndex(second.leave_member.findData(members[1]))
    assert second.leave_member.currentText() == NAMES[1]
    assert runner.wait()
