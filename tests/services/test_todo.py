"""The « À faire » list and the first steps, computed from the data (services/pole/todo.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from support.factories.calls import (
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
    set_closed,
)
from support.factories.grants import grant_draft, make_grant, seed_world

from ptce_desktop.domain.money import format_money
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.services.pole.todo import (
    BACKUP_NONE,
    BACKUP_OLD,
    CALLS_PAST_DUE,
    GRANT_REPORT_DUE,
    QUARTERS_NOT_CALLED,
    YEAR_TO_CLOSE,
    TodoService,
    add_months,
    report_deadline,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def kinds(items: list) -> list[str]:
    return [item.kind for item in items]


def test_an_empty_file_has_nothing_to_call_and_no_step_done(uow: UnitOfWork) -> None:
    service = TodoService(uow, today=lambda: D(2025, 5, 2))
    steps = service.first_steps()
    assert not steps.done and [done for _key, done in steps.steps()] == [False] * 5
    assert service.items() == []  # no budget, no call, no grant; the current year is not over


def test_first_steps_tick_themselves(uow: UnitOfWork) -> None:
    service = TodoService(uow, today=lambda: D(2025, 5, 2))
    seed_pole(uow)
    members = seed_members(uow, 2)
    assert [done for _key, done in service.first_steps().steps()] == [True] + [False] * 4
    key = seed_units_key(uow, {members[0]: 3, members[1]: 1})
    seed_service(uow, key, {2025: 0})
    steps = service.first_steps()
    assert (steps.keys, steps.services, steps.budgets) == (True, True, False)  # a zero budget
    seed_service(uow, key, {2025: 1_200_000}, name="Cuisine partagée « l'Îlot » & <co>")
    assert service.first_steps().budgets and not service.first_steps().calls
    CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    assert service.first_steps().done


def test_quarters_not_called_and_calls_past_due(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 3)
    key = seed_units_key(uow, {members[0]: 120, members[1]: 80, members[2]: 50})
    seed_service(uow, key, {2025: 1_200_000, 2026: 600_000})
    calls = CallService(uow)
    issued = calls.issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    service = TodoService(uow)
    items = service.items(today=D(2025, 5, 2))
    assert kinds(items) == [CALLS_PAST_DUE, QUARTERS_NOT_CALLED]
    past_due, quarters = items
    assert past_due.count == 3 and past_due.amount_cents == 300_000 and past_due.overdue
    assert past_due.date == D(2025, 1, 31) and past_due.target == "calls"
    assert quarters.names == ("T2 2025",) and quarters.year == 2025  # T3 has not started
    # one member pays in full: two calls left, for what they still owe
    first = next(call for call in issued if call.member_id == members[0])
    PaymentService(uow).record_payment(
        members[0],
        D(2025, 2, 1),
        first.total_cents,
        "virement",
        "Vir. n° 1 & <2>",
        None,
        matches={first.id: first.total_cents},
    )
    past_due = service.items(today=D(2025, 5, 2))[0]
    assert past_due.count == 2 and past_due.amount_cents == 300_000 - first.total_cents
    assert format_money(past_due.amount_cents)  # a plain amount of cents
    # the day of the due date, nothing is late yet
    assert CALLS_PAST_DUE not in kinds(service.items(today=D(2025, 1, 31)))
    # the next year: 2025's T2–T4 and 2026's T1, and 2025 is over and open
    items = service.items(today=D(2026, 1, 10))
    by_kind = {(item.kind, item.year): item for item in items}
    assert by_kind[(QUARTERS_NOT_CALLED, 2025)].names == ("T2 2025", "T3 2025", "T4 2025")
    assert by_kind[(QUARTERS_NOT_CALLED, 2026)].names == ("T1 2026",)
    assert by_kind[(YEAR_TO_CLOSE, 2025)].target == "settings"
    # closing 2025 drops its quarters and the year itself
    set_closed(uow, 2025)
    items = service.items(today=D(2026, 1, 10))
    assert (QUARTERS_NOT_CALLED, 2025) not in {(item.kind, item.year) for item in items}
    assert YEAR_TO_CLOSE not in kinds(items)


def test_quarters_need_members(uow: UnitOfWork) -> None:
    seed_pole(uow)
    seed_service(uow, None, {2025: 1_200_000})
    assert TodoService(uow).items(today=D(2025, 5, 2)) == []


def test_report_deadline_rule() -> None:
    assert report_deadline(D(2027, 3, 1), D(2026, 12, 31)) == D(2027, 3, 1)
    assert report_deadline(None, D(2026, 12, 31)) == D(2027, 6, 30)
    assert report_deadline(None, D(2025, 8, 31)) == D(2026, 2, 28)
    assert report_deadline(None, None) is None
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)


def test_grant_reports_due_within_the_window(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    voted = make_grant(world, report_due=None, period_end=D(2025, 12, 31))  # due 30/06/2026
    make_grant(
        world,
        title="Demande « FSE+ » & <co> " + "é" * 150,
        status="demandee",
        amount_voted_cents=None,
        report_due=D(2026, 6, 30),
    )  # not voted: no report
    service = TodoService(uow)

    def reports(day: dt.date) -> list:
        return [item for item in service.items(today=day) if item.kind == GRANT_REPORT_DUE]

    assert reports(D(2026, 4, 1)) == []  # 90 days ahead
    (item,) = reports(D(2026, 5, 2))
    assert item.record_id == voted and item.date == D(2026, 6, 30) and not item.overdue
    assert item.names[0] == grant_draft(world).title and item.target == "funding"
    (late,) = reports(D(2026, 9, 1))
    assert late.overdue
    assert reports(D(2027, 1, 15)) == []  # more than 180 days late: dropped


def test_backup_older_than_a_week(uow: UnitOfWork, db_path: Path) -> None:
    seed_pole(uow)
    service = TodoService(uow)
    (none,) = service.items(db_path, today=D(2025, 5, 2))
    assert none.kind == BACKUP_NONE and none.target == "backups"
    BackupService().backup_now(db_path, now=dt.datetime(2025, 4, 20, 9, 30))
    assert service.items(db_path, today=D(2025, 4, 27)) == []  # 7 days: still fine
    (old,) = service.items(db_path, today=D(2025, 4, 28))
    assert old.kind == BACKUP_OLD and old.date == D(2025, 4, 20)


@pytest.mark.parametrize("start_month", [1, 7])
def test_years_to_close_follow_the_fiscal_year_start(uow: UnitOfWork, start_month: int) -> None:
    seed_pole(uow)
    from ptce_desktop.services.pole.pole import PoleService

    pole = PoleService(uow)
    pole.update(replace(pole.get().to_draft(), fiscal_year_start_month=start_month))
    set_closed(uow, 2023, closed=False)  # a reopened year is listed from 2023 on
    items = TodoService(uow).items(today=D(2025, 3, 1))
    ends = [item.date for item in items if item.kind == YEAR_TO_CLOSE]
    if start_month == 1:
        assert ends == [D(2023, 12, 31), D(2024, 12, 31)]
    else:
        assert ends == [D(2024, 6, 30)]  # 2023/2024; 2024/2025 runs to 30/06/2025
