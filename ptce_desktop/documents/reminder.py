"""Read model of a reminder letter (relance, issue 11 item 6): a member's unpaid calls past due.

Frozen data classes importing only the domain and the standard library (see the documents
layer rule); filled by :mod:`ptce_desktop.documents.builders.reminder`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ptce_desktop.documents.statement import Party


@dataclass(frozen=True)
class ReminderCall:
    number: str
    period_label: str
    due_date: dt.date
    total_cents: int
    paid_cents: int
    outstanding_cents: int
    days_late: int
    #: The last reminder before this one (None: the first).
    previous_reminder: dt.date | None


@dataclass(frozen=True)
class ReminderData:
    pole: Party
    member: Party
    member_id: int
    date: dt.date
    calls: tuple[ReminderCall, ...]
    pole_iban: str | None
    pole_bic: str | None
    logo_path: str | None = None

    @property
    def outstanding_cents(self) -> int:
        return sum(call.outstanding_cents for call in self.calls)

    @property
    def document_title(self) -> str:
        return "Relance — appels de fonds impayés"
