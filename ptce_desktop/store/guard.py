"""Closed fiscal years refuse changes: the check run before every flush of a write.

A model says which of its attributes decide its fiscal year (``fiscal_date_fields``: dates;
``fiscal_year_fields``: a year number) or which parents freeze it (``fiscal_parents``). For a
new record the current values count; for a changed or deleted one, the old values count too,
so a cost can be neither edited in a closed year, nor moved out of one, nor moved into one.
Changing the :class:`~.models.FiscalYear` row itself (closing, reopening) is always allowed.

Closing a year also freezes what its figures and documents depend on (DESIGN §4b), checked
here too so that every path (services, window, command line, import) obeys:

* a key version *in force* during a closed year — from its date to the next version's — can be
  neither added, edited nor deleted, and neither can its units or mixed parts;
* a member's presence (joined/left dates) on the days of a closed year: a new member present
  then, a deleted one, or a date moved across those days is refused;
* the key of a service that has costs, budgets or call lines in a closed year, and its dated
  billing terms (coefficient and management fee) for such a year: a term starting inside it
  can be neither added, edited, moved nor deleted, and no change of another term may alter
  what applies on its days (:func:`~ptce_desktop.domain.billing.billing_segments`); a new term
  starting after the closed years is allowed;
* the VAT regime of a service and the pole's VAT registration are *dated*: a change is kept
  from the first day after the latest closed year (:mod:`.dated`), so the closed years keep the
  value they were computed with.

Usage records, member figures, budgets and fees carry their date or year as markers on their
models, like costs, calls and payments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import BigInteger, func, inspect, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import LoaderCallableStatus

from ptce_desktop.domain.billing import Billing, BillingTerm, billing_segments
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear as FiscalPeriod
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.store.base import Base
from ptce_desktop.store.dated import date_pole_vat, date_service_vat
from ptce_desktop.store.models import (
    AllocationKey,
    Call,
    CallLine,
    Cost,
    FiscalYear,
    KeyVersion,
    Member,
    Payment,
    Pole,
    ServiceBillingTerm,
    ServiceBudget,
    SharedService,
)

if TYPE_CHECKING:
    from ptce_desktop.store.unit_of_work import WriteCache

#: Records checked by their own rule below rather than by markers.
_SPECIAL: tuple[type[Base], ...] = (KeyVersion, Member, SharedService, Pole, ServiceBillingTerm)


def _is_guarded(cls: type[Base]) -> bool:
    return bool(
        cls.fiscal_date_fields
        or cls.fiscal_year_fields
        or cls.fiscal_parents
        or issubclass(cls, _SPECIAL)
    )


def _values(obj: Base, name: str) -> Iterator[object]:
    """Current value of attribute ``name`` and, if it changed in this session, the old one."""
    yield getattr(obj, name)
    history = inspect(obj).attrs[name].history
    yield from history.deleted or ()


def _old(obj: Base, name: str) -> Any:
    """The value of ``name`` before this session changed it (the current one if unchanged)."""
    state = inspect(obj)
    if state.pending:
        return getattr(obj, name)
    if name in state.committed_state:
        value = state.committed_state[name]
        return None if isinstance(value, LoaderCallableStatus) else value
    history = state.attrs[name].history
    if history.deleted:
        return history.deleted[0]
    return getattr(obj, name)


def _changed(obj: Base, *names: str) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


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


class _Closed:
    """The closed years of the file and the pole's fiscal-year start month."""

    def __init__(self, years: set[int], start_month: int) -> None:
        self.years = years
        self.month = start_month

    def overlapping(self, first: dt.date | None, last: dt.date | None) -> FiscalPeriod | None:
        """The earliest closed year sharing a day with ``first``–``last`` (None = unbounded)."""
        for year in sorted(self.years):
            period = FiscalPeriod(year, self.month)
            if (first is None or first <= period.end) and (last is None or last >= period.start):
                return period
        return None

    def frontier(self) -> dt.date | None:
        """The first day after the latest closed year (None when no year is closed)."""
        if not self.years:
            return None
        return FiscalPeriod(max(self.years), self.month).end + dt.timedelta(days=1)


def _periods(
    session: Session, obj: Base, closed: _Closed, depth: int = 0
) -> Iterator[FiscalPeriod]:
    cls = type(obj)
    if isinstance(obj, KeyVersion):
        yield from _version_periods(session, obj, closed)
    for name in cls.fiscal_date_fields:
        for value in _values(obj, name):
            if isinstance(value, dt.date):
                yield fiscal_year_of(value, closed.month)
    for name in cls.fiscal_year_fields:
        for value in _values(obj, name):
            if isinstance(value, int):
                yield FiscalPeriod(value, closed.month)
    if depth < 3:
        for relationship in cls.fiscal_parents:
            for parent in _parents(session, obj, relationship):
                yield from _periods(session, parent, closed, depth + 1)


def _version_periods(
    session: Session, version: KeyVersion, closed: _Closed
) -> Iterator[FiscalPeriod]:
    """The closed years during which ``version`` is (or was, before this change) in force."""
    for key_id in {v for v in _values(version, "key_id") if isinstance(v, int)}:
        for valid_from in {v for v in _values(version, "valid_from") if isinstance(v, dt.date)}:
            query = select(func.min(KeyVersion.valid_from)).where(
                KeyVersion.key_id == key_id, KeyVersion.valid_from > valid_from
            )
            if version.id is not None:
                query = query.where(KeyVersion.id != version.id)
            following = session.scalar(query)
            last = following - dt.timedelta(days=1) if following is not None else None
            period = closed.overlapping(valid_from, last)
            if period is not None:
                yield period


def _candidates(session: Session) -> Iterable[Base]:
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if not isinstance(obj, Base) or not _is_guarded(type(obj)):
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        yield obj


def check_money_types(session: Session) -> None:
    """Refuse an amount that is not an integer number of cents (``money_not_integer``).

    SQLite would store ``10.5`` in an INTEGER column as a REAL (a whole ``10.0`` becomes the
    integer 10 by itself), and sums over it would stop being exact.
    """
    for obj in [*session.new, *session.dirty]:
        if not isinstance(obj, Base):
            continue
        for key in _money_keys(type(obj)):
            value = getattr(obj, key, None)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise PtceError("money_not_integer", key, value=value)


@cache
def _money_keys(cls: type[Base]) -> tuple[str, ...]:
    """The attributes of ``cls``'s BIGINT (cents) columns, read once per class (the mapping
    does not change while the app runs; every write's flush asks)."""
    return tuple(
        column.key
        for column in inspect(cls).columns
        if isinstance(column.type, BigInteger) and column.key is not None
    )


def closed_years_and_month(session: Session) -> tuple[frozenset[int], int]:
    """The start years of the closed fiscal years, and the pole's fiscal-year start month."""
    years = frozenset(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )
    return years, session.scalar(select(Pole.fiscal_year_start_month)) or 1


def check_closed_years(session: Session, cache: WriteCache | None = None) -> None:
    """Raise ``PtceError`` if a pending change touches a closed year (``closed_year`` or a
    more precise code), and date a VAT change so that it spares the closed years. Amounts are
    checked first (:func:`check_money_types`): this is the one check the unit of work runs
    before every flush. ``cache``: where the closed years may be kept between writes (given
    only while the write has changed nothing they depend on)."""
    check_money_types(session)
    candidates = list(_candidates(session))
    if not candidates:
        return
    with session.no_autoflush:
        if cache is not None:
            frozen, start_month = cache.get(("closed",), lambda: closed_years_and_month(session))
        else:
            frozen, start_month = closed_years_and_month(session)
        years = set(frozen)
        closed = _Closed(years, start_month)
        if years:
            _check_billing_terms(session, candidates, closed)
        for obj in candidates:
            if isinstance(obj, SharedService):
                _check_service(session, obj, closed)
            elif isinstance(obj, Pole):
                _date_pole(session, obj, closed)
            if not years:
                continue
            if isinstance(obj, Member):
                _check_presence(session, obj, closed)
            for period in _periods(session, obj, closed):
                if period.start_year in years:
                    _refuse(session, obj, period)


def _refuse(session: Session, obj: Base, period: FiscalPeriod) -> None:
    version = getattr(obj, "version", None) if not isinstance(obj, KeyVersion) else obj
    if isinstance(version, KeyVersion):  # a version or its rows
        key_id = _old(version, "key_id")
        key = version.key or (session.get(AllocationKey, key_id) if key_id else None)
        raise PtceError(
            "closed_year_key_version",
            "valid_from",
            year=period.label,
            key=key.name if key is not None else "",
            date=f"{_old(version, 'valid_from'):%d/%m/%Y}",
        )
    raise PtceError("closed_year", year=period.label, what=_what(session, obj))


def _check_presence(session: Session, member: Member, closed: _Closed) -> None:
    """Refuse a change of who is present on the days of a closed year."""
    state = inspect(member)
    spans: list[tuple[dt.date | None, dt.date | None]]
    if state.pending or member in session.deleted:
        spans = (
            [(member.joined_on, member.left_on)]
            if state.pending
            else [(_old(member, "joined_on"), _old(member, "left_on"))]
        )
    elif _changed(member, "joined_on", "left_on"):
        spans = []
        joined_old, joined_new = _old(member, "joined_on"), member.joined_on
        if joined_old != joined_new:
            # The days between the two dates change (None: from the beginning of time).
            low = None if joined_old is None or joined_new is None else min(joined_old, joined_new)
            high = max((d for d in (joined_old, joined_new) if d is not None), default=None)
            spans.append((low, high - dt.timedelta(days=1) if high is not None else None))
        left_old, left_new = _old(member, "left_on"), member.left_on
        if left_old != left_new:
            low = min((d for d in (left_old, left_new) if d is not None), default=None)
            high = None if left_old is None or left_new is None else max(left_old, left_new)
            spans.append((low + dt.timedelta(days=1) if low is not None else None, high))
    else:
        return
    for first, last in spans:
        period = closed.overlapping(first, last)
        if period is not None:
            raise PtceError(
                "closed_year_presence",
                "joined_on",
                year=period.label,
                member=member.name or _old(member, "name") or "",
            )


def _check_service(session: Session, service: SharedService, closed: _Closed) -> None:
    state = inspect(service)
    if state.pending:
        return
    deleted = service in session.deleted
    if closed.years and (deleted or _changed(service, "key_id")):
        period = _service_frozen_year(session, service.id, closed)
        if period is not None:
            code = "closed_year_service_deleted" if deleted else "closed_year_service_key"
            raise PtceError(
                code, "key_id", year=period.label, service=_old(service, "name") or service.name
            )
    if not deleted and _changed(service, "vat_regime", "vat_rate_bp"):
        old = (_old(service, "vat_regime"), int(_old(service, "vat_rate_bp") or 0))
        new = (service.vat_regime, int(service.vat_rate_bp or 0))
        if old != new:
            date_service_vat(session, service.id, old, new, closed.frontier())


#: A term's columns and the service form's fields they are edited in (the error's field).
_FORM_FIELDS = {
    "coefficient_e4": "billing_coefficient_e4",
    "fee_rate_bp": "fee_rate_bp",
    "valid_from": "billing_from",
}
#: A term's columns, as (valid_from, coefficient_e4, fee_rate_bp).
_TermRow = tuple[dt.date, int | None, int | None]


def _check_billing_terms(session: Session, candidates: list[Base], closed: _Closed) -> None:
    """Refuse a change of billing terms that touches a closed year using the service: a term
    starting inside it (added, edited, moved or deleted), or a change of what applies on its
    days (deleting the term in force then, say). A new term after the closed years passes."""
    before: dict[int, dict[int, _TermRow]] = {}
    after: dict[int, dict[int, _TermRow]] = {}
    touched: dict[int, list[str]] = {}  # service → fields changed, for the message
    new_rows: list[tuple[int, _TermRow]] = []
    for obj in candidates:
        if not isinstance(obj, ServiceBillingTerm):
            continue
        pending = inspect(obj).pending
        service_ids = {v for v in _values(obj, "service_id") if isinstance(v, int)}
        service_ids |= {
            p.id
            for p in _parents(session, obj, "service")
            if isinstance(p, SharedService) and p.id is not None
        }
        for service_id in service_ids:
            fields = touched.setdefault(service_id, [])
            if pending or _gone(session, obj):
                fields.append("billing_from")
            else:
                fields.extend(_FORM_FIELDS[name] for name in _FORM_FIELDS if _changed(obj, name))
        if pending and obj.service is not None and obj.service.id is not None:
            new_rows.append((obj.service.id, _term_row(obj)))
        elif pending and obj.service is None and isinstance(obj.service_id, int):
            new_rows.append((obj.service_id, _term_row(obj)))
    for service_id in touched:
        stored = {
            term_id: (valid_from, coefficient, fee)
            for term_id, valid_from, coefficient, fee in session.execute(
                select(
                    ServiceBillingTerm.id,
                    ServiceBillingTerm.valid_from,
                    ServiceBillingTerm.coefficient_e4,
                    ServiceBillingTerm.fee_rate_bp,
                ).where(ServiceBillingTerm.service_id == service_id)
            )
        }
        before[service_id] = stored
        after[service_id] = dict(stored)
    for obj in candidates:
        if not isinstance(obj, ServiceBillingTerm) or inspect(obj).pending:
            continue
        for rows in after.values():
            rows.pop(obj.id, None)
        parent = obj.service.id if obj.service is not None else obj.service_id
        if not _gone(session, obj) and parent in after:
            after[parent][obj.id] = _term_row(obj)
    for number, (service_id, row) in enumerate(new_rows):
        after[service_id][-1 - number] = row
    for service_id, fields in touched.items():
        old, new = set(before[service_id].values()), set(after[service_id].values())
        moved_days = {row[0] for row in old ^ new}
        for year in _service_frozen_years(session, service_id, closed):
            period = FiscalPeriod(year, closed.month)
            inside = any(period.start <= day <= period.end for day in moved_days)
            if inside or _segments(old, period) != _segments(new, period):
                service = session.get(SharedService, service_id)
                name = service.name if service is not None else ""
                raise PtceError(
                    "closed_year",
                    fields[0] if fields else "billing_from",
                    year=period.label,
                    what=_billing_what(name),
                )


def _gone(session: Session, term: ServiceBillingTerm) -> bool:
    """Deleted, or taken out of its service's terms (deleted as an orphan by the flush)."""
    if term in session.deleted:
        return True
    return not inspect(term).pending and term.service is None and _changed(term, "service")


def _term_row(term: ServiceBillingTerm) -> _TermRow:
    return (term.valid_from, term.coefficient_e4, term.fee_rate_bp)


def _segments(rows: Iterable[_TermRow], period: FiscalPeriod) -> tuple[tuple[str, int, int], ...]:
    terms = [BillingTerm(day, Billing(c, f)) for day, c, f in rows]
    return billing_segments(terms, period.start, period.end)


def _billing_what(name: str) -> str:
    return f"le coefficient de facturation et les frais de gestion du service « {name} »"


def _service_frozen_year(session: Session, service_id: int, closed: _Closed) -> FiscalPeriod | None:
    """The earliest closed year holding a cost, a budget or a call line of the service."""
    frozen = _service_frozen_years(session, service_id, closed)
    return FiscalPeriod(frozen[0], closed.month) if frozen else None


def _service_frozen_years(session: Session, service_id: int, closed: _Closed) -> list[int]:
    """The closed years holding a cost, a budget or a call line of the service, in order."""
    found: set[int] = set()
    for invoice, start in session.execute(
        select(Cost.invoice_date, Cost.period_start).where(Cost.service_id == service_id)
    ):
        found |= {fiscal_year_of(day, closed.month).start_year for day in (invoice, start)}
    found.update(
        session.scalars(select(ServiceBudget.year).where(ServiceBudget.service_id == service_id))
    )
    found.update(
        session.scalars(
            select(Call.year)
            .join(CallLine, CallLine.call_id == Call.id)
            .where(or_(CallLine.service_id == service_id))
        )
    )
    return sorted(found & closed.years)


def _date_pole(session: Session, pole: Pole, closed: _Closed) -> None:
    if inspect(pole).pending or pole in session.deleted:
        return
    if _changed(pole, "vat_registered"):
        old, new = bool(_old(pole, "vat_registered")), bool(pole.vat_registered)
        if old != new:
            date_pole_vat(session, old, new, closed.frontier())


def _what(session: Session, obj: Base) -> str:
    title = obj.audit_title() if obj.audited else ""
    if isinstance(obj, Payment):  # the coordinator knows the member by name, not by id
        member = session.get(Member, obj.member_id)
        if member is not None:
            title = f"{member.name}, {obj.date:%d/%m/%Y}"
    return f"{obj.entity_label} « {title} »" if title else obj.entity_label
