"""Reminders (relances, issue 11 item 6): a member's calls past due and still unpaid, and the
dates they were reminded. Recording a reminder is one user action (one audit entry per call
reminded); it is not frozen by closing (an unpaid call of a closed year is reminded later)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select

from ptce_desktop.services.calls.views import CallView, call_views
from ptce_desktop.store.models import Call, CallReminder
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["ReminderService"]


class ReminderService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def overdue_calls(self, member_id: int, on: dt.date) -> list[CallView]:
        """The member's calls (every year) due before ``on`` with something left to pay."""
        with self.uow.read() as session:
            calls = call_views(session, Call.member_id == member_id, Call.due_date < on)
            return [call for call in calls if call.outstanding_cents > 0]

    def last_reminders(self, call_ids: Iterable[int]) -> dict[int, dt.date]:
        """call id → the date of its latest reminder (calls never reminded are left out)."""
        ids = list(call_ids)
        with self.uow.read() as session:
            return {
                call_id: day
                for call_id, day in session.execute(
                    select(CallReminder.call_id, func.max(CallReminder.date))
                    .where(CallReminder.call_id.in_(ids))
                    .group_by(CallReminder.call_id)
                )
            }

    def last_by_member(self) -> dict[int, dt.date]:
        """member id → the date of the member's latest reminder."""
        with self.uow.read() as session:
            return {
                member_id: day
                for member_id, day in session.execute(
                    select(Call.member_id, func.max(CallReminder.date))
                    .join(CallReminder, CallReminder.call_id == Call.id)
                    .group_by(Call.member_id)
                )
            }

    def record(self, call_ids: Iterable[int], on: dt.date) -> int:
        """Record that ``call_ids`` were reminded on ``on``; returns how many."""
        ids = sorted(set(call_ids))
        if not ids:
            return 0
        with self.uow.write("Relancer des appels de fonds impayés") as session:
            session.add_all(CallReminder(call_id=call_id, date=on) for call_id in ids)
        return len(ids)
