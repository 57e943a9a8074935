"""« Impayés » past midnight: the days late on screen are counted again when the date changes
(a timer to the next midnight, on an injected clock here: nothing waits), at once if the tab is
on screen, when it is next shown otherwise."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot
from test_calls_page import MEMBER_A, MEMBER_B, issue_q1, page, seeded

from ptce_desktop.ui.pages.calls.day_watch import LONGEST_MS, DayWatch, ms_to_next_check
from ptce_desktop.ui.pages.calls.page import CallsPage

__all__ = ["page", "seeded"]  # fixtures (ctx comes from conftest.py)


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.date()


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2025, 5, 20, 23, 59, 30), 31_000),  # half a minute, and a second past
        (dt.datetime(2025, 12, 31, 23, 59, 59, 500_000), 1_500),  # into the new year
        (dt.datetime(2025, 5, 20, 9, 0), LONGEST_MS),  # checked hourly meanwhile
        (dt.datetime(2025, 5, 21, 0, 0), LONGEST_MS),
    ],
)
def test_the_next_check_is_just_past_midnight(moment: dt.datetime, expected: int) -> None:
    assert ms_to_next_check(moment) == expected


def test_the_watch_tells_a_new_day_once(qtbot: QtBot) -> None:
    clock = Clock(dt.datetime(2025, 5, 20, 23, 59, 30))
    watch = DayWatch()
    watch.set_clock(clock)
    assert watch.timer.isActive() and watch.timer.isSingleShot()
    assert watch.timer.interval() == 31_000
    seen: list[dt.date] = []
    watch.dayChanged.connect(seen.append)
    clock.moment = dt.datetime(2025, 5, 20, 23, 59, 59)  # fired early: not yet
    assert not watch.check() and seen == []
    assert watch.timer.isActive() and watch.timer.interval() == 2_000
    clock.moment = dt.datetime(2025, 5, 21, 0, 0, 1)
    assert watch.check() and seen == [dt.date(2025, 5, 21)]
    assert watch.timer.isActive()  # armed for the next midnight
    assert not watch.check() and seen == [dt.date(2025, 5, 21)]


def debts_shown(page: CallsPage, qtbot: QtBot, clock: Clock) -> None:
    page.today = clock.today
    page.day_watch.set_clock(clock)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.debts_tab)


def late(page: CallsPage) -> dict[str, int]:
    return {d.name: d.days_late for d in page.debts_tab.model.rows()}


def test_days_late_on_screen_are_counted_again_past_midnight(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    issue_q1(page, monkeypatch)  # due 31/01/2025
    clock = Clock(dt.datetime(2025, 5, 20, 23, 59, 30))
    debts_shown(page, qtbot, clock)
    assert late(page) == {MEMBER_A: 109, MEMBER_B: 109}
    started = page.debts_loads.started
    assert not page.day_watch.check()  # the same day: nothing read again
    assert page.debts_loads.started == started
    clock.moment = dt.datetime(2025, 5, 21, 0, 0, 1)
    assert page.day_watch.check()  # what the timer does at midnight
    assert page.debts_loads.started == started + 1
    assert late(page) == {MEMBER_A: 110, MEMBER_B: 110}


def test_days_late_hidden_at_midnight_are_counted_again_when_shown(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    issue_q1(page, monkeypatch)
    clock = Clock(dt.datetime(2025, 5, 20, 18, 0))
    debts_shown(page, qtbot, clock)
    assert late(page)[MEMBER_A] == 109
    page.tabs.setCurrentWidget(page.balances_tab)  # another tab on screen at midnight
    started = page.debts_loads.started
    clock.moment = dt.datetime(2025, 5, 21, 0, 0, 1)
    page.day_watch.check()
    assert page.debts_loads.started == started
    page.tabs.setCurrentWidget(page.debts_tab)
    assert late(page)[MEMBER_A] == 110
    page.hide()  # another page of the window on screen at midnight
    clock.moment = dt.datetime(2025, 5, 22, 0, 0, 1)
    page.day_watch.check()
    assert late(page)[MEMBER_A] == 110 and page.debts_loads.started == started + 1
    page.show()
    assert late(page)[MEMBER_A] == 111 and page.debts_loads.started == started + 2
    page.hide()
    page.show()  # the same day: not read again
    assert page.debts_loads.started == started + 2
