"""Dated values: the VAT regime of a service and the pole's VAT registration over time.

A closed fiscal year must keep the regime and registration it was computed with (DESIGN §4b),
so a later change applies from its date instead of rewriting the past. Each table holds the
value in force from ``valid_from`` until the next row; with no row at all, the value on the
service or the pole (``SharedService.vat_regime``, ``Pole.vat_registered``) holds for every
day. Those columns always hold the newest value, the one forms show and edit.

The rows are written by the closed-year guard (:mod:`ptce_desktop.store.guard`) when a change
would otherwise reach a closed year, and read by :mod:`ptce_desktop.store.dated`. They are
derived from audited changes of the service or the pole, so they are not audited themselves.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.store.base import Base, bp_range, one_of, pk


class ServiceVatPeriod(Base):
    """The VAT regime and rate of a shared service from ``valid_from`` on."""

    __tablename__ = "service_vat_periods"
    __table_args__ = (
        UniqueConstraint("service_id", "valid_from"),
        one_of("vat_regime", VatRegime),
        bp_range("vat_rate_bp"),
    )
    entity_label = "le régime de TVA daté du service"
    audited = False

    id: Mapped[int] = pk()
    service_id: Mapped[int] = mapped_column(
        ForeignKey("shared_services.id", ondelete="CASCADE"), index=True
    )
    valid_from: Mapped[dt.date] = mapped_column(Date)
    vat_regime: Mapped[VatRegime]
    vat_rate_bp: Mapped[int] = mapped_column(Integer, default=0)


class PoleVatPeriod(Base):
    """Whether the pole is VAT-registered from ``valid_from`` on."""

    __tablename__ = "pole_vat_periods"
    entity_label = "l'assujettissement daté du pôle"
    audited = False

    id: Mapped[int] = pk()
    valid_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    vat_registered: Mapped[bool] = mapped_column(Boolean)
