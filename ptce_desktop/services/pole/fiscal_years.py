"""Fiscal years: which ones exist, closing (freezing) and reopening them.

Decisions:

* the years listed are every year from the earliest to the latest one holding a cost (by its
  period start or its invoice date, the two dates a closing freezes it by), call, payment,
  service budget or a closed/reopened mark, plus the current year (the years in
  between are listed too, so a year without data is still visible and closable);
* closing does not require the previous year to be closed, nor the year to be over; the view
  flags an earlier open year (``earlier_open``) so the page can warn;
* closing freezes the year's shares, calls and payments and everything they depend on: from
  then on the unit of work's guard refuses every change to them (DESIGN §4b,
  :mod:`ptce_desktop.store.guard`). Closing stores the year's seal (:mod:`.seal`), which
  ``check`` verifies. Reopening asks for a reason, kept in the audit entry's action, and drops
  the seal; like closing it is audited (the ``fiscal_years`` row is an audited record);
* DESIGN §5: closing a year is **not undoable** (:attr:`FiscalYearService.close_undoable`);
  reopening is the explicit way back, itself not offered as an undo step either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear as Period
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.services.common import clean_text, start_month
from ptce_desktop.services.members.input import check_year
from ptce_desktop.services.pole.seal import year_seal
from ptce_desktop.store.audit import utc_now
from ptce_desktop.store.models import Call, Cost, FiscalYear, Payment, ServiceBudget
from ptce_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class FiscalYearView:
    start_year: int
    label: str
    start: dt.date
    end: dt.date
    closed: bool
    closed_at: dt.datetime | None
    current: bool
    #: An earlier listed year is still open (closing this one first is allowed, but unusual).
    earlier_open: bool


class FiscalYearService:
    """List, close and reopen fiscal years."""

    close_undoable: ClassVar[bool] = False
    reopen_undoable: ClassVar[bool] = False

    def __init__(self, uow: UnitOfWork, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.uow = uow
        self._today = today

    def _known_years(self, session: Session, month: int) -> set[int]:
        row = session.execute(
            select(
                select(func.min(Cost.invoice_date)).scalar_subquery(),
                select(func.max(Cost.invoice_date)).scalar_subquery(),
                select(func.min(Cost.period_start)).scalar_subquery(),
                select(func.max(Cost.period_start)).scalar_subquery(),
                select(func.min(Payment.date)).scalar_subquery(),
                select(func.max(Payment.date)).scalar_subquery(),
                select(func.min(Call.year)).scalar_subquery(),
                select(func.max(Call.year)).scalar_subquery(),
                select(func.min(ServiceBudget.year)).scalar_subquery(),
                select(func.max(ServiceBudget.year)).scalar_subquery(),
                select(func.min(FiscalYear.start_year)).scalar_subquery(),
                select(func.max(FiscalYear.start_year)).scalar_subquery(),
            )
        ).one()
        years = {fiscal_year_of(self._today(), month).start_year}
        for value in row:
            if isinstance(value, dt.date):
                years.add(fiscal_year_of(value, month).start_year)
            elif isinstance(value, int):
                years.add(value)
        return set(range(min(years), max(years) + 1))

    def list_years(self) -> list[FiscalYearView]:
        """Known fiscal years, most recent first."""
        with self.uow.read() as session:
            month = start_month(session)
            years = self._known_years(session, month)
            closed = dict(
                session.execute(select(FiscalYear.start_year, FiscalYear.closed_at)).all()
            )
        current = fiscal_year_of(self._today(), month).start_year
        views: list[FiscalYearView] = []
        open_before = False
        for year in sorted(years):
            period = Period(year, month)
            closed_at = closed.get(year)
            views.append(
                FiscalYearView(
                    start_year=year,
                    label=period.label,
                    start=period.start,
                    end=period.end,
                    closed=closed_at is not None,
                    closed_at=closed_at,
                    current=year == current,
                    earlier_open=open_before,
                )
            )
            open_before = open_before or closed_at is None
        return views[::-1]

    def _view(self, session: Session, year: int) -> FiscalYearView:
        month = start_month(session)
        period = Period(year, month)
        closed = dict(session.execute(select(FiscalYear.start_year, FiscalYear.closed_at)).all())
        known = self._known_years(session, month)
        return FiscalYearView(
            start_year=year,
            label=period.label,
            start=period.start,
            end=period.end,
            closed=closed.get(year) is not None,
            closed_at=closed.get(year),
            current=year == fiscal_year_of(self._today(), month).start_year,
            earlier_open=any(closed.get(y) is None for y in known if y < year),
        )

    def get(self, year: int) -> FiscalYearView:
        check_year(year)
        with self.uow.read() as session:
            return self._view(session, year)

    def close(self, year: int) -> FiscalYearView:
        """Freeze the year's shares, calls and payments (not undoable; see :meth:`reopen`)."""
        check_year(year)
        with self.uow.write("Clôturer l'exercice") as session:
            row = session.scalars(
                select(FiscalYear).where(FiscalYear.start_year == year)
            ).one_or_none()
            if row is None:
                row = FiscalYear(start_year=year)
                session.add(row)
            elif row.closed_at is not None:
                label = Period(year, start_month(session)).label
                raise PtceError("fiscal_year_already_closed", "year", year=label)
            row.closed_at = utc_now()
            session.flush()
            row.seal = year_seal(session, year)
            session.flush()
            return self._view(session, year)

    def reopen(self, year: int, *, reason: str) -> FiscalYearView:
        """Allow changes to a closed year again; ``reason`` (required) is kept in the audit
        entry's action (« Rouvrir l'exercice : erreur de saisie »)."""
        check_year(year)
        why = clean_text(reason, "reason", max_length=500)
        if not why:
            raise PtceError("reopen_reason_required", "reason", year=year)
        with self.uow.write(f"Rouvrir l'exercice : {why}") as session:
            row = session.scalars(
                select(FiscalYear).where(FiscalYear.start_year == year)
            ).one_or_none()
            if row is None or row.closed_at is None:
                label = Period(year, start_month(session)).label
                raise PtceError("fiscal_year_not_closed", "year", year=label)
            row.closed_at = None
            row.seal = None
            session.flush()
            return self._view(session, year)
