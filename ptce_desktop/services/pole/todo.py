"""What is due: the dashboard's « À faire » list and a new pole's « Premiers pas », from the data.

Decisions (DESIGN: the app says what to do next):

* **quarters not yet called** — for every fiscal year not closed, from the first year holding
  a service budget up to the current one, each quarter that has started by ``today`` without a
  provisional call, when the year has a budget and the pole has members (one item per year,
  naming its quarters);
* **calls past due** — calls whose due date is before ``today`` and that are not settled in
  full (one item: how many, how much, the oldest due date);
* **grant reports** — a voted (or partly paid, or settled) grant whose report is due
  (``report_due``, else six months after the end of its period) within
  :data:`REPORT_NOTICE` days or overdue by at most :data:`REPORT_OVERDUE` days: the file does
  not record when a report is sent, so an old deadline drops off instead of nagging forever;
* **grants passed on beyond what is due** — a grant whose « reste à reverser » is negative
  (more passed on to members than its plan gives them on the instalments received: an
  instalment not recorded, or a redistribution too high); ``amount_cents`` is the excess;
* **years to close** — fiscal years over by ``today`` and still open;
* **backup** — the newest verified backup beside the file is older than :data:`BACKUP_AGE`
  days, or there is none.

Every item names the page where it is acted on (``target``: a page key of the window, or
``"backups"`` for the backups dialog). The texts are the window's business: items carry
codes and figures, not sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import CallKind, GrantStatus
from ptce_desktop.domain.periods import FiscalYear as Period
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.services.calls.views import call_paid, call_ttc
from ptce_desktop.services.common import start_month
from ptce_desktop.services.grants.redistributions import plan_state
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.store.models import (
    AllocationKey,
    Call,
    FiscalYear,
    Funder,
    Grant,
    Member,
    Redistribution,
    ServiceBudget,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

#: A grant report is listed this many days before it is due…
REPORT_NOTICE = 60
#: …and until this many days after.
REPORT_OVERDUE = 180
#: The newest verified backup may be this many days old before it is listed.
BACKUP_AGE = 7
#: A grant report is due this many months after the end of the action (Cerfa 15059).
REPORT_MONTHS = 6

QUARTERS_NOT_CALLED = "quarters_not_called"
CALLS_PAST_DUE = "calls_past_due"
GRANT_REPORT_DUE = "grant_report_due"
GRANT_OVERPAID = "grant_overpaid"
YEAR_TO_CLOSE = "year_to_close"
BACKUP_OLD = "backup_old"
BACKUP_NONE = "backup_none"

_REPORTING = (GrantStatus.VOTEE, GrantStatus.VERSEE_PARTIELLEMENT, GrantStatus.SOLDEE)


@dataclass(frozen=True)
class TodoItem:
    """One thing to do: ``kind`` (a code above), where to act and the figures its text needs."""

    kind: str
    target: str
    #: The date it is about: oldest due date, report deadline, end of the year, backup's date.
    date: dt.date | None = None
    year: int | None = None
    year_label: str | None = None
    #: Quarters ("T1 2026", …), a grant's title and funder…
    names: tuple[str, ...] = ()
    count: int = 0
    amount_cents: int = 0
    #: The deadline has passed (a report late, calls past due).
    overdue: bool = False
    #: The record to open on the target page (a grant's id), when there is one.
    record_id: int | None = None


@dataclass(frozen=True)
class FirstSteps:
    """What a new pole has done of the first steps (members → keys → services → budgets → calls)."""

    members: bool
    keys: bool
    services: bool
    budgets: bool
    calls: bool

    @property
    def done(self) -> bool:
        return self.members and self.keys and self.services and self.budgets and self.calls

    def steps(self) -> tuple[tuple[str, bool], ...]:
        """``(page key, done)`` in the order a coordinator takes them."""
        return (
            ("members", self.members),
            ("keys", self.keys),
            ("services", self.services),
            ("budgets", self.budgets),
            ("calls", self.calls),
        )


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` months (the last day of a shorter month: 31/08 + 6 → 28/02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def report_deadline(report_due: dt.date | None, period_end: dt.date | None) -> dt.date | None:
    """The grant's ``report_due``, else six months after the end of its period, else None."""
    if report_due is not None:
        return report_due
    return add_months(period_end, REPORT_MONTHS) if period_end is not None else None


class TodoService:
    """The « À faire » list and the first steps, read in one short transaction each."""

    def __init__(
        self,
        uow: UnitOfWork,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        backups: BackupService | None = None,
    ) -> None:
        self.uow = uow
        self._today = today
        self._backups = backups if backups is not None else BackupService()

    def first_steps(self) -> FirstSteps:
        with self.uow.read() as session:

            def exists(model: Any) -> bool:
                return session.execute(select(model.id).limit(1)).first() is not None

            return FirstSteps(
                members=exists(Member),
                keys=exists(AllocationKey),
                services=exists(SharedService),
                budgets=session.execute(
                    select(ServiceBudget.id).where(ServiceBudget.amount_cents > 0).limit(1)
                ).first()
                is not None,
                calls=exists(Call),
            )

    def items(self, db_path: Path | None = None, *, today: dt.date | None = None) -> list[TodoItem]:
        """Everything due on ``today`` (default: the service's clock), most urgent kinds first.

        ``db_path`` is the open file, whose backups are looked at; None skips the backup item.
        """
        day = today if today is not None else self._today()
        with self.uow.read() as session:
            month = start_month(session)
            closed = set(
                session.scalars(
                    select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None))
                ).all()
            )
            items = [
                *self._past_due(session, day),
                *self._quarters(session, day, month, closed),
                *self._reports(session, day),
                *self._overpaid(session),
            ]
        items.extend(self._years(day))
        if db_path is not None:
            items.extend(self._backup(db_path, day))
        return items

    # --- the kinds ----------------------------------------------------------------------------
    def _past_due(self, session: Session, day: dt.date) -> list[TodoItem]:
        outstanding = call_ttc() - call_paid()
        # one row summed by SQLite, not one per call (34 000 on a large pole, ~0.1 s of GIL)
        first, count, amount = session.execute(
            select(func.min(Call.due_date), func.count(), func.sum(outstanding)).where(
                Call.due_date < day, outstanding > 0
            )
        ).one()
        if not count:
            return []
        return [
            TodoItem(
                CALLS_PAST_DUE,
                "calls",
                date=first,
                count=count,
                amount_cents=int(amount),
                overdue=True,
            )
        ]

    def _quarters(
        self, session: Session, day: dt.date, month: int, closed: set[int]
    ) -> list[TodoItem]:
        if session.execute(select(Member.id).limit(1)).first() is None:
            return []
        budgets = dict(
            session.execute(
                select(ServiceBudget.year, func.sum(ServiceBudget.amount_cents))
                .group_by(ServiceBudget.year)
                .having(func.sum(ServiceBudget.amount_cents) > 0)
            ).all()
        )
        current = fiscal_year_of(day, month).start_year
        called = set(
            session.execute(
                select(Call.year, Call.quarter)
                .where(Call.kind == CallKind.PROVISIONAL)
                .distinct()  # one row per quarter, not one per call (160 000 on a large pole)
            ).all()
        )
        items = []
        for year in sorted(budgets):
            if year > current or year in closed:
                continue
            period = Period(year, month)
            missing = [
                (index + 1, quarter)
                for index, quarter in enumerate(period.quarters())
                if quarter.start <= day and (year, index + 1) not in called
            ]
            if missing:
                items.append(
                    TodoItem(
                        QUARTERS_NOT_CALLED,
                        "calls",
                        date=missing[0][1].start,
                        year=year,
                        year_label=period.label,
                        names=tuple(quarter.label or "" for _index, quarter in missing),
                        count=len(missing),
                    )
                )
        return items

    def _reports(self, session: Session, day: dt.date) -> list[TodoItem]:
        rows = session.execute(
            select(Grant.id, Grant.title, Funder.name, Grant.report_due, Grant.period_end)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Grant.status.in_(_REPORTING))
        ).all()
        items = []
        for grant_id, title, funder, due, end in rows:
            deadline = report_deadline(due, end)
            if deadline is None:
                continue
            if -REPORT_OVERDUE <= (deadline - day).days <= REPORT_NOTICE:
                items.append(
                    TodoItem(
                        GRANT_REPORT_DUE,
                        "funding",
                        date=deadline,
                        names=(title, funder),
                        overdue=deadline < day,
                        record_id=grant_id,
                    )
                )
        items.sort(key=lambda item: (item.date, item.names))
        return items

    def _overpaid(self, session: Session) -> list[TodoItem]:
        grants = session.scalars(
            select(Grant)
            .where(Grant.id.in_(select(Redistribution.grant_id)))
            .order_by(Grant.title, Grant.id)
        )
        items = []
        for grant in grants:
            remaining = plan_state(session, grant).remaining_cents
            if remaining < 0:
                items.append(
                    TodoItem(
                        GRANT_OVERPAID,
                        "funding",
                        names=(grant.title, grant.funder.name),
                        amount_cents=-remaining,
                        overdue=True,
                        record_id=grant.id,
                    )
                )
        return items

    def _years(self, day: dt.date) -> list[TodoItem]:
        years = FiscalYearService(self.uow, today=lambda: day).list_years()
        return [
            TodoItem(
                YEAR_TO_CLOSE,
                "settings",
                date=year.end,
                year=year.start_year,
                year_label=year.label,
            )
            for year in reversed(years)
            if year.end < day and not year.closed
        ]

    def _backup(self, db_path: Path, day: dt.date) -> list[TodoItem]:
        newest = self._backups.newest_marked_verified(db_path)
        if newest is None:
            return [TodoItem(BACKUP_NONE, "backups")]
        if (day - newest.created.date()).days > BACKUP_AGE:
            return [TodoItem(BACKUP_OLD, "backups", date=newest.created.date())]
        return []
