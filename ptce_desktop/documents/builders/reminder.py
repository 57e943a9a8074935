"""Fill a :class:`~ptce_desktop.documents.reminder.ReminderData` from the store (relance)."""

from __future__ import annotations

import datetime as dt

from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.documents.reminder import ReminderCall, ReminderData
from ptce_desktop.services.calls.reminders import ReminderService
from ptce_desktop.services.common import fiscal_year_for
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork


def build_reminder_data(uow: UnitOfWork, member_id: int, on: dt.date) -> ReminderData:
    """The relance of ``member_id`` on ``on``: every call due before it and still unpaid."""
    reminders = ReminderService(uow)
    calls = reminders.overdue_calls(member_id, on)
    last = reminders.last_reminders(call.id for call in calls)
    with uow.read() as session:
        year = fiscal_year_for(session, on).start_year
    # the letterhead exactly as the member's relevé prints it
    statement = build_statement_data(uow, member_id, year)
    pole = PoleService(uow).get()
    return ReminderData(
        pole=statement.pole,
        member=statement.member,
        member_id=member_id,
        date=on,
        calls=tuple(
            ReminderCall(
                number=call.number,
                period_label=call.period_label,
                due_date=call.due_date,
                total_cents=call.total_cents,
                paid_cents=call.paid_cents,
                outstanding_cents=call.outstanding_cents,
                days_late=(on - call.due_date).days,
                previous_reminder=last.get(call.id),
            )
            for call in calls
        ),
        pole_iban=pole.iban if pole is not None else None,
        pole_bic=pole.bic if pole is not None else None,
        logo_path=statement.logo_path,
    )
