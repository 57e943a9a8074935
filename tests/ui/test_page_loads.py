"""PageLoads: a page's data read on a worker, « Chargement… » meanwhile, the newest load wins."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.ui.pages import loading
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.worker import Runner

NAME = "Coopérative « L'Éclair » & <Fils> — 12 € " + "très long nom " * 8


def page_with_table(qtbot: QtBot) -> tuple[QWidget, QTableView]:
    page = QWidget()
    table = QTableView()
    QVBoxLayout(page).addWidget(table)
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    return page, table


def test_inline_loads_show_at_once_without_the_label(qtbot: QtBot) -> None:
    page, table = page_with_table(qtbot)
    loads = PageLoads(page, Runner(inline=True), over=table)
    shown: list[Any] = []
    loads.start(lambda: [NAME], shown.append)
    assert shown == [[NAME]]  # before start() returned
    assert not loads.loading and loads.label.isHidden()
    errors: list[BaseException] = []

    def refused() -> list[str]:
        raise PtceError("member_not_found")

    loads.start(refused, shown.append, on_error=errors.append)
    assert len(shown) == 1
    assert [getattr(e, "code", None) for e in errors] == ["member_not_found"]


def test_a_slow_load_shows_loading_and_a_newer_load_supersedes_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "SHOW_AFTER_MS", 10)
    page, table = page_with_table(qtbot)
    runner = Runner(inline=False)
    loads = PageLoads(page, runner, over=table)
    assert loads.label.parentWidget() is table and loads.label.text() == "Loading…"
    first_may_end, second_may_end = threading.Event(), threading.Event()
    shown: list[str] = []

    def slow(value: str, gate: threading.Event) -> str:
        assert gate.wait(10)
        return value

    loads.start(lambda: slow("old " + NAME, first_may_end), shown.append)
    assert loads.loading
    qtbot.waitUntil(lambda: loads.label.isVisible())  # « Chargement… » while it reads
    loads.start(lambda: slow(NAME, second_may_end), shown.append)
    first_may_end.set()  # the older result arrives first: dropped
    qtbot.wait(50)
    assert shown == [] and loads.loading and loads.label.isVisible()
    second_may_end.set()
    qtbot.waitUntil(lambda: shown == [NAME])
    assert not loads.loading and loads.label.isHidden()
    assert runner.wait()


def test_a_result_for_a_deleted_page_is_dropped(qtbot: QtBot) -> None:
    page = QWidget()
    runner = Runner(inline=False)
    loads = PageLoads(page, runner)
    gate = threading.Event()
    shown: list[str] = []
    loads.start(lambda: NAME if gate.wait(10) else "", shown.append)
    page.deleteLater()
    qtbot.wait(20)
    gate.set()
    assert runner.wait()
    qtbot.wait(20)
    assert shown == []


def test_errors_go_to_the_page_handler_and_cancel_forgets(qtbot: QtBot) -> None:
    page, table = page_with_table(qtbot)
    errors: list[BaseException] = []
    loads = PageLoads(page, Runner(inline=True), over=table, on_error=errors.append)
    loads.start(lambda: 1 / 0, lambda _v: None)
    assert [type(e) for e in errors] == [ZeroDivisionError]
    runner = Runner(inline=False)
    loads.runner = runner
    shown: list[str] = []
    loads.start(lambda: NAME, shown.append)
    loads.cancel()
    assert not loads.loading
    assert runner.wait()
    qtbot.wait(20)
    assert shown == []


def test_loads_asked_for_in_one_event_are_read_once(qtbot: QtBot) -> None:
    page, table = page_with_table(qtbot)
    runner = Runner(inline=False)
    loads = PageLoads(page, runner, over=table)
    read: list[str] = []
    shown: list[str] = []

    def fetch(value: str) -> str:
        read.append(value)
        return value

    loads.start(lambda: fetch("année 2024"), shown.append)  # the year, then the changes
    loads.start(lambda: fetch(NAME), shown.append)
    assert loads.started == 2 and loads.launched == 0  # nothing before the event is over
    qtbot.waitUntil(lambda: shown == [NAME])
    assert read == [NAME] and loads.launched == 1
    assert runner.wait()
