"""The Appels page reads in SQL and off the GUI thread: summaries in the list, the selected
call's lines page by page, the year's data loaded by the Runner behind a « Loading » state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService, CallSummary
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.calls.page import CallsPage, create_page
from ptce_desktop.ui.shell.context import AppContext

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 120
SERVICES = ("Accueil & secrétariat <partagé>", "Zèbre l'imprimante — 1 234,56 €")


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def issued(ctx: AppContext) -> list[int]:
    """Two members, two 261 B services budgeted in 2025, the first quarter issued."""
    a = ctx.members.create(MemberDraft(name=LONG, joined_on=dt.date(2020, 1, 1))).id
    b = ctx.members.create(MemberDraft(name="Mairie de Valence", joined_on=dt.date(2020, 1, 1))).id
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name="Parts égales", method="equal"))
    keys.add_version(key, VersionDraft(dt.date(2025, 1, 1), {a: 1000, b: 1000}))
    services = ctx.service(SharedServiceService)
    for name, budget in zip(SERVICES, (400_000, 123_456), strict=True):
        service = services.create_service(ServiceDraft(name=name, key_id=key))
        services.set_budget(service, 2025, budget)
    calls = ctx.service(CallService).issue_provisional_calls(
        2025, 1, issue_date=dt.date(2025, 1, 1), due_date=dt.date(2025, 1, 31)
    )
    return [call.id for call in calls]


class HeldRunner:
    """A Runner that keeps each work until the test lets it answer (a slow worker)."""

    inline = False

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[Any], Any], Callable[..., None], Callable[..., None]]] = []

    def run(self, work: Any, *, on_done: Any = None, on_error: Any = None, **_: Any) -> None:
        self.held.append((work, on_done, on_error))

    def answer(self, index: int) -> None:
        work, on_done, on_error = self.held[index]
        try:
            value = work(lambda *_: None)
        except Exception as error:
            on_error(error)
        else:
            on_done(value)


def make_page(qtbot: QtBot, ctx: AppContext) -> CallsPage:
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.today = lambda: dt.date(2025, 5, 20)
    widget.resize(1200, 700)
    return widget


def test_the_list_holds_summaries_and_a_calls_lines_come_page_by_page(
    qtbot: QtBot, ctx: AppContext, issued: list[int], french: None
) -> None:
    page = make_page(qtbot, ctx)
    page.set_fiscal_year(2025)
    rows = page.calls_panel.model.rows()
    assert [row.id for row in rows] == issued
    assert all(isinstance(row, CallSummary) and row.line_count == 2 for row in rows)
    assert sorted(row.total_cents for row in rows) == [65_432, 65_432]  # (4 000 + 1 234,56) / 8
    page.detail.model.page_size = 1
    page.calls_panel.select_id(issued[0])
    model = page.detail.model
    assert model.rowCount() == 1 and model.canFetchMore()
    assert model.rows()[0].service_name == SERVICES[0]  # by service name
    model.fetchMore()
    assert model.rowCount() == 2 and not model.canFetchMore()
    assert [line.service_name for line in model.rows()] == list(SERVICES)
    text = plain(page.detail.toPlainText())
    assert "654,32 €" in text and "Exonération de TVA" in text
    assert SERVICES[1] in text and "AF-2025-0001" in text


def test_the_year_loads_in_the_runner_and_an_older_answer_is_dropped(
    qtbot: QtBot, ctx: AppContext, issued: list[int], french: None
) -> None:
    runner = HeldRunner()
    ctx.runner = runner  # type: ignore[assignment]
    page = make_page(qtbot, ctx)
    page.show()
    page.set_fiscal_year(2025)
    qtbot.wait(20)  # the load goes to the worker on the next turn of the event loop
    page.reload()  # a change arrived before the first load answered
    qtbot.wait(20)
    assert len(runner.held) == 2
    assert page.loads.loading and page.calls_panel.model.rowCount() == 0
    assert page.issue_button.isEnabled()  # the buttons do not wait for the rows
    ctx.service(CallService).issue_provisional_calls(
        2025, 2, issue_date=dt.date(2025, 4, 1), due_date=dt.date(2025, 4, 30)
    )
    runner.answer(1)  # the newer load: both quarters
    assert page.calls_panel.model.rowCount() == 4 and not page.loads.loading
    runner.answer(0)  # the older load answers late: ignored
    assert page.calls_panel.model.rowCount() == 4
    assert page.payments_tab.year == 2025


def test_a_failed_load_is_presented_and_ends_the_loading_state(
    qtbot: QtBot, ctx: AppContext, issued: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, ctx)
    page.show()

    def refuse(*_args: Any, **_kwargs: Any) -> list[CallSummary]:
        raise PtceError("invalid_cursor", "after")

    monkeypatch.setattr(page.calls, "list_call_page", refuse)
    page.set_fiscal_year(2025)
    assert not page.loads.loading and not page.loads.label.isVisible()
    presenter = ctx.presenter
    assert isinstance(presenter, RecordingPresenter)
    assert presenter.codes() == ["invalid_cursor"]
