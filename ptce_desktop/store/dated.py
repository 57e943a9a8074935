"""Values that change over time but must stay what they were for a closed year.

The VAT regime (and rate) of a service and the pole's VAT registration decide the amount a
cost splits (DESIGN §4.5) and the VAT mentions of the year's documents. They are read "as of
a day" (:func:`service_vat_on`, :func:`vat_registered_on`) from the dated rows of
:mod:`.models.dated`; with no dated row, the value on the service or the pole holds for every
day. When a change would reach a closed year, the guard records it from the first day after
the latest closed year instead (:func:`date_service_vat`, :func:`date_pole_vat`).
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.store.models import Pole, PoleVatPeriod, ServiceVatPeriod

#: The first row of a history: the value held before any dated change.
EARLIEST = dt.date(1900, 1, 1)


# Built once: saving a cost reads them each time (construction costs more than the query).
_SERVICE_VAT_ON = (
    select(ServiceVatPeriod.vat_regime, ServiceVatPeriod.vat_rate_bp)
    .where(
        ServiceVatPeriod.service_id == bindparam("service_id"),
        ServiceVatPeriod.valid_from <= bindparam("day"),
    )
    .order_by(ServiceVatPeriod.valid_from.desc())
    .limit(1)
)
#: The registration dated on or before the day, else the pole's (one statement).
_REGISTERED_ON = select(
    func.coalesce(
        select(PoleVatPeriod.vat_registered)
        .where(PoleVatPeriod.valid_from <= bindparam("day"))
        .order_by(PoleVatPeriod.valid_from.desc())
        .limit(1)
        .scalar_subquery(),
        select(Pole.vat_registered).where(Pole.id == 1).scalar_subquery(),
    )
)


class VatColumns(Protocol):
    """A service's own VAT columns (a :class:`SharedService`, or a copy of those columns)."""

    @property
    def id(self) -> int | None: ...
    @property
    def vat_regime(self) -> VatRegime: ...
    @property
    def vat_rate_bp(self) -> int: ...


def service_vat_on(session: Session, service: VatColumns, day: dt.date) -> tuple[VatRegime, int]:
    """The VAT regime and rate (basis points) of ``service`` on ``day``."""
    if service.id is not None:
        row = session.execute(_SERVICE_VAT_ON, {"service_id": service.id, "day": day}).first()
        if row is not None:
            return VatRegime(row[0]), int(row[1])
    return VatRegime(service.vat_regime), int(service.vat_rate_bp or 0)


def vat_registered_on(session: Session, day: dt.date | None = None) -> bool:
    """Whether the pole is VAT-registered on ``day`` (today's value when ``day`` is None)."""
    if day is not None:
        return bool(session.scalar(_REGISTERED_ON, {"day": day}))
    pole = session.get(Pole, 1)
    return bool(pole is not None and pole.vat_registered)


def date_service_vat(
    session: Session,
    service_id: int,
    old: tuple[VatRegime, int],
    new: tuple[VatRegime, int],
    frontier: dt.date | None,
) -> None:
    """Record that the service's regime changes from ``old`` to ``new`` on ``frontier``.

    Rows from ``frontier`` on are replaced; days before it keep their value (``old`` when the
    service had no history yet). ``frontier`` None (no closed year): the new value holds every
    day and the history is dropped.
    """
    table = ServiceVatPeriod
    if frontier is None:
        session.connection().execute(delete(table).where(table.service_id == service_id))
        return
    session.connection().execute(
        delete(table).where(table.service_id == service_id, table.valid_from >= frontier)
    )
    has_history = session.scalar(select(table.id).where(table.service_id == service_id).limit(1))
    if has_history is None:
        session.add(
            table(service_id=service_id, valid_from=EARLIEST, vat_regime=old[0], vat_rate_bp=old[1])
        )
    session.add(
        table(service_id=service_id, valid_from=frontier, vat_regime=new[0], vat_rate_bp=new[1])
    )


def date_pole_vat(session: Session, old: bool, new: bool, frontier: dt.date | None) -> None:
    """Record that the pole's VAT registration changes from ``old`` to ``new`` on
    ``frontier`` (same rules as :func:`date_service_vat`)."""
    table = PoleVatPeriod
    if frontier is None:
        session.connection().execute(delete(table))
        return
    session.connection().execute(delete(table).where(table.valid_from >= frontier))
    if session.scalar(select(table.id).limit(1)) is None:
        session.add(table(valid_from=EARLIEST, vat_registered=old))
    session.add(table(valid_from=frontier, vat_registered=new))


def service_vats_on(session: Session, day: dt.date) -> dict[int, tuple[VatRegime, int]]:
    """The regime and rate on ``day`` of every service that has a dated history (one query;
    a service absent from the result has its own columns' value every day)."""
    found: dict[int, tuple[VatRegime, int]] = {}
    for service_id, regime, rate in session.execute(
        select(
            ServiceVatPeriod.service_id, ServiceVatPeriod.vat_regime, ServiceVatPeriod.vat_rate_bp
        )
        .where(ServiceVatPeriod.valid_from <= day)
        .order_by(ServiceVatPeriod.service_id, ServiceVatPeriod.valid_from)
    ):
        found[service_id] = (VatRegime(regime), int(rate))
    return found
