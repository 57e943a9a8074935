"""Small helpers every service module shares: input cleaning, lookups, fiscal years.

Services are the use cases (docs/DESIGN.md §5). Conventions, for every module of this package:

* a service is a class taking the :class:`~ptce_desktop.store.unit_of_work.UnitOfWork` (and
  nothing global) in its constructor; each public method is one user action: one
  ``with self.uow.write("Libellé français de l'action") as session:`` or one ``uow.read()``;
* inputs are plain Python values (int cents, dates, str) or a frozen "draft" dataclass; outputs
  are frozen dataclasses (``...View``), never ORM objects;
* bad input raises :class:`~ptce_desktop.domain.errors.PtceError` with ``field`` set to the
  draft's attribute name, so the UI can mark that field; texts live in
  ``domain/messages_<area>.py``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import FiscalYear, fiscal_year_of
from ptce_desktop.store.models import FiscalYear as FiscalYearRow
from ptce_desktop.store.models import Pole

T = TypeVar("T")
C = TypeVar("C", bound=StrEnum)


def clean_text(
    value: str | None, field: str, *, required: bool = False, max_length: int = 200
) -> str | None:
    """Strip ``value``: ``None`` when empty (an error if ``required``); refuse overlong text."""
    text = (value or "").strip()
    if not text:
        if required:
            raise PtceError("required", field)
        return None
    if len(text) > max_length:
        raise PtceError("too_long", field, max=max_length)
    return text


def required_text(value: str | None, field: str, *, max_length: int = 200) -> str:
    text = clean_text(value, field, required=True, max_length=max_length)
    assert text is not None
    return text


def parse_code(codes: type[C], value: str, error: str, field: str, **values: Any) -> C:
    """``value`` as a member of the code list ``codes``, or ``PtceError(error, field,
    value=value, **values)`` when it is none of its codes."""
    try:
        return codes(value)
    except ValueError:
        raise PtceError(error, field, value=value, **values) from None


def get_or_error(session: Session, model: type[T], record_id: int, entity: Entity) -> T:
    """The row ``record_id`` of ``model``, or ``PtceError("not_found", entity=entity,
    id=record_id)``: « Membre introuvable (n° 3). », the name in the reader's language."""
    row = session.get(model, record_id)
    if row is None:
        raise PtceError("not_found", entity=entity, id=record_id)
    return row


def pole_row(session: Session) -> Pole | None:
    return session.scalars(select(Pole).order_by(Pole.id).limit(1)).first()


def start_month(session: Session) -> int:
    """The fiscal-year start month of the pole (1 when no pole is set up yet)."""
    pole = pole_row(session)
    return pole.fiscal_year_start_month if pole is not None else 1


def fiscal_year(session: Session, start_year: int) -> FiscalYear:
    return FiscalYear(start_year, start_month(session))


def fiscal_year_for(session: Session, day: dt.date) -> FiscalYear:
    return fiscal_year_of(day, start_month(session))


def is_closed(session: Session, start_year: int) -> bool:
    row = session.scalars(
        select(FiscalYearRow).where(FiscalYearRow.start_year == start_year)
    ).first()
    return row is not None and row.closed_at is not None


def check_date_order(start: dt.date | None, end: dt.date | None, field: str) -> None:
    """Refuse an end before its start (``field`` names the end field)."""
    if start is not None and end is not None and end < start:
        raise PtceError("end_before_start", field, start=start, end=end)


def columns_dict(row: Any, *names: str) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}
