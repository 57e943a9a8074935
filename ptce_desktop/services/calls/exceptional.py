"""Exceptional call lines (DESIGN §4b, issue 11 item 2): an amount with a label, a service
(and its key, or another key), a date and an optional attachment, split once and called once.

* The amount is what the service splits (HT for a taxable service of a VAT-registered pole,
  else TTC); it is split by the key version in force on its date (presence on that day), the
  same exact rule as every split. No version in force on that date: refused, naming the key.
* It is called **once**: on the next quarterly call of its fiscal year (``own_call`` False) or
  on a call of its own (:meth:`~.calls.CallService.issue_exceptional_calls`). Once a call line
  points to it, it can no longer be changed or deleted.
* The year-end true-up subtracts it from the service's actual shares like every line already
  called: enter the invoice itself as a cost of the service, and it is not called twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.common import clean_text, fiscal_year_for, get_or_error, required_text
from ptce_desktop.services.keys.loader import load_key_spec
from ptce_desktop.store.base import LEN_LABEL, MONEY_MAX
from ptce_desktop.store.models import (
    AllocationKey,
    Attachment,
    Call,
    CallLine,
    ExceptionalCharge,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["ExceptionalDraft", "ExceptionalService", "ExceptionalView", "pending_charges"]

CHARGE = Entity.EXCEPTIONAL_CHARGE


@dataclass(frozen=True)
class ExceptionalDraft:
    label: str
    amount_cents: int
    service_id: int
    date: dt.date
    #: Another key than the service's (None: the service's key).
    key_id: int | None = None
    #: Called on a call of its own instead of the next quarterly call.
    own_call: bool = False
    attachment_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class ExceptionalView:
    id: int
    year: int
    date: dt.date
    label: str
    amount_cents: int
    service_id: int
    service_name: str
    key_id: int | None
    key_name: str | None
    own_call: bool
    attachment_id: int | None
    note: str | None
    #: The first of the calls that called it (None: still to be called).
    call_number: str | None

    @property
    def pending(self) -> bool:
        return self.call_number is None


def charge_key_id(session: Session, charge: ExceptionalCharge) -> int:
    """The key that splits ``charge``: its own, else its service's (an error when none)."""
    if charge.key_id is not None:
        return charge.key_id
    service = session.get(SharedService, charge.service_id)
    if service is None or service.key_id is None:
        name = service.name if service is not None else str(charge.service_id)
        raise PtceError("call_service_without_key", service=name)
    return service.key_id


def _called_by(session: Session, charge_id: int) -> str | None:
    return session.scalar(
        select(Call.number)
        .join(CallLine, CallLine.call_id == Call.id)
        .where(CallLine.exceptional_id == charge_id)
        .order_by(Call.number)
        .limit(1)
    )


def pending_charges(
    session: Session, year: int, *, own_call: bool | None = None
) -> list[ExceptionalCharge]:
    """The exceptional charges of ``year`` no call line points to yet (by date, id)."""
    called = select(CallLine.exceptional_id).where(CallLine.exceptional_id.is_not(None))
    query = select(ExceptionalCharge).where(
        ExceptionalCharge.year == year, ExceptionalCharge.id.not_in(called)
    )
    if own_call is not None:
        query = query.where(ExceptionalCharge.own_call.is_(own_call))
    return list(session.scalars(query.order_by(ExceptionalCharge.date, ExceptionalCharge.id)))


class ExceptionalService:
    """Record exceptional charges; calls take them (see the module doc)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def add_charge(self, draft: ExceptionalDraft) -> int:
        with self.uow.write("Saisir une ligne exceptionnelle") as session:
            row = ExceptionalCharge()
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            return row.id

    def update_charge(self, charge_id: int, draft: ExceptionalDraft) -> None:
        with self.uow.write("Modifier une ligne exceptionnelle") as session:
            row = get_or_error(session, ExceptionalCharge, charge_id, CHARGE)
            self._refuse_if_called(session, row)
            self._apply(session, row, draft)

    def delete_charge(self, charge_id: int) -> None:
        with self.uow.write("Supprimer une ligne exceptionnelle") as session:
            row = get_or_error(session, ExceptionalCharge, charge_id, CHARGE)
            self._refuse_if_called(session, row)
            session.delete(row)

    def list_charges(self, year: int) -> list[ExceptionalView]:
        """The year's exceptional charges by date, each with the call that called it."""
        with self.uow.read() as session:
            numbers = dict(
                session.execute(
                    select(CallLine.exceptional_id, func.min(Call.number))
                    .join(Call, Call.id == CallLine.call_id)
                    .where(CallLine.exceptional_id.is_not(None), Call.year == year)
                    .group_by(CallLine.exceptional_id)
                ).all()
            )
            rows = session.execute(
                select(ExceptionalCharge, SharedService.name, AllocationKey.name)
                .join(SharedService, SharedService.id == ExceptionalCharge.service_id)
                .outerjoin(AllocationKey, AllocationKey.id == ExceptionalCharge.key_id)
                .where(ExceptionalCharge.year == year)
                .order_by(ExceptionalCharge.date, ExceptionalCharge.id)
            ).all()
            return [
                ExceptionalView(
                    id=row.id,
                    year=row.year,
                    date=row.date,
                    label=row.label,
                    amount_cents=row.amount_cents,
                    service_id=row.service_id,
                    service_name=service_name,
                    key_id=row.key_id,
                    key_name=key_name,
                    own_call=row.own_call,
                    attachment_id=row.attachment_id,
                    note=row.note,
                    call_number=numbers.get(row.id),
                )
                for row, service_name, key_name in rows
            ]

    def _refuse_if_called(self, session: Session, row: ExceptionalCharge) -> None:
        number = _called_by(session, row.id)
        if number is not None:
            raise PtceError("exceptional_already_called", label=row.label, call=number)

    def _apply(self, session: Session, row: ExceptionalCharge, draft: ExceptionalDraft) -> None:
        label = required_text(draft.label, "label", max_length=LEN_LABEL)
        if draft.amount_cents == 0:
            raise PtceError("exceptional_amount_zero", "amount_cents")
        if abs(draft.amount_cents) > MONEY_MAX:
            raise PtceError("amount_out_of_bounds", "amount_cents", field_label="amount_cents")
        service = get_or_error(session, SharedService, draft.service_id, Entity.SHARED_SERVICE)
        if draft.key_id is not None:
            get_or_error(session, AllocationKey, draft.key_id, Entity.ALLOCATION_KEY)
        if draft.attachment_id is not None:
            get_or_error(session, Attachment, draft.attachment_id, Entity.ATTACHMENT)
        key_id = draft.key_id if draft.key_id is not None else service.key_id
        if key_id is None:
            raise PtceError("call_service_without_key", "key_id", service=service.name)
        spec = load_key_spec(session, key_id)
        try:
            spec.version_on(draft.date)
        except PtceError:
            raise PtceError(
                "exceptional_no_key_version",
                "date",
                key=spec.name,
                date=format_date(draft.date),
                label=label,
            ) from None
        row.year = fiscal_year_for(session, draft.date).start_year
        row.date = draft.date
        row.label = label
        row.amount_cents = draft.amount_cents
        row.service_id = service.id
        row.key_id = draft.key_id
        row.own_call = draft.own_call
        row.attachment_id = draft.attachment_id
        row.note = clean_text(draft.note, "note", max_length=4000)
