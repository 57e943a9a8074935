"""Closed fiscal years refuse changes: the check run before every flush of a write.

A model says which of its attributes decide its fiscal year (``fiscal_date_fields``: dates;
``fiscal_year_fields``: a year number) or which parents freeze it (``fiscal_parents``). For a
new record the current values count; for a changed or deleted one, the old values count too,
so a cost can be neither edited in a closed year, nor moved out of one, nor moved into one.
Changing the :class:`~.models.FiscalYear` row itself (closing, reopening) is always allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear as FiscalPeriod
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.store.base import Base
from ptce_desktop.store.models import FiscalYear, Member, Payment, Pole


def _is_guarded(cls: type[Base]) -> bool:
    return bool(cls.fiscal_date_fields or cls.fiscal_year_fields or cls.fiscal_parents)


def _values(obj: Base, name: str) -> Iterator[object]:
    """Current value of attribute ``name`` and, if it changed in this session, the old one."""
    yield getattr(obj, name)
    history = inspect(obj).attrs[name].history
    yield from history.deleted or ()


def _parents(session: Session, obj: Base, relationship: str) -> Iterator[Base]:
    """The current parent through ``relationship`` and any parent it had before."""
    current = getattr(obj, relationship)
    if isinstance(current, Base):
        yield current
    state = inspect(obj)
    for old in state.attrs[relationship].history.deleted or ():
        if isinstance(old, Base):
            yield old
    prop = inspect(type(obj)).relationships[relationship]
    for column in prop.local_columns:
        key = column.key
        if key is None or key not in state.attrs:
            continue
        # A pending child set by id (share.cost_id = 7) does not lazy-load its parent.
        for parent_id in _values(obj, key):
            if isinstance(parent_id, int):
                parent = session.get(prop.mapper.class_, parent_id)
                if isinstance(parent, Base):
                    yield parent


def _periods(
    session: Session, obj: Base, start_month: int, depth: int = 0
) -> Iterator[FiscalPeriod]:
    cls = type(obj)
    for name in cls.fiscal_date_fields:
        for value in _values(obj, name):
            if isinstance(value, dt.date):
                yield fiscal_year_of(value, start_month)
    for name in cls.fiscal_year_fields:
        for value in _values(obj, name):
            if isinstance(value, int):
                yield FiscalPeriod(value, start_month)
    if depth < 3:
        for relationship in cls.fiscal_parents:
            for parent in _parents(session, obj, relationship):
                yield from _periods(session, parent, start_month, depth + 1)


def _candidates(session: Session) -> Iterable[Base]:
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if not isinstance(obj, Base) or not _is_guarded(type(obj)):
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        yield obj


def check_closed_years(session: Session) -> None:
    """Raise ``PtceError("closed_year")`` if a pending change touches a closed year."""
    candidates = list(_candidates(session))
    if not candidates:
        return
    with session.no_autoflush:
        closed = set(
            session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
        )
        if not closed:
            return
        start_month = session.scalar(select(Pole.fiscal_year_start_month)) or 1
        for obj in candidates:
            for period in _periods(session, obj, start_month):
                if period.start_year in closed:
                    raise PtceError("closed_year", year=period.label, what=_what(session, obj))


def _what(session: Session, obj: Base) -> str:
    title = obj.audit_title() if obj.audited else ""
    if isinstance(obj, Payment):  # the coordinator knows the member by name, not by id
        member = session.get(Member, obj.member_id)
        if member is not None:
            title = f"{member.name}, {obj.date:%d/%m/%Y}"
    return f"{obj.entity_label} « {title} »" if title else obj.entity_label
