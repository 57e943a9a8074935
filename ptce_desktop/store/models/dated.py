"""Dated values: the VAT regime of a service and the pole's VAT registration over time, and
the billing terms (coefficient and management fee) of a service.

A closed fiscal year must keep the regime and registration it was computed with (DESIGN §4b),
so a later change applies from its date instead of rewriting the past. Each table holds the
value in force from ``valid_from`` until the next row; with no row at all, the value on the
service or the pole (``SharedService.vat_regime``, ``Pole.vat_registered``) holds for every
day. Those columns always hold the newest value, the one forms show and edit.

The rows are written by the closed-year guard (:mod:`ptce_desktop.store.guard`) when a change
would otherwise reach a closed year, and read by :mod:`ptce_desktop.store.dated`. They are
derived from audited changes of the service or the pole, so they are not audited themselves.

A service's billing terms (:class:`ServiceBillingTerm`) are its own data, not derived: each is
voted by the board from a date, and is the only place the coefficient and fee are kept (DESIGN
§4b). They are audited, and the guard refuses a change of one that applies in a closed year.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.billing import Billing, BillingTerm
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.store.base import Base, bp_range, one_of, pk

if TYPE_CHECKING:
    from ptce_desktop.store.models.costs import SharedService


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


class ServiceBillingTerm(Base):
    """A service's billing coefficient and management fee from ``valid_from`` on (until the next
    term; ``valid_from`` 1900-01-01: from the beginning). Both None: no billing from that day."""

    __tablename__ = "service_billing_terms"
    __table_args__ = (
        UniqueConstraint("service_id", "valid_from"),
        CheckConstraint(
            "coefficient_e4 IS NULL OR coefficient_e4 BETWEEN 1 AND 100000",
            name="coefficient_e4_range",
        ),
        bp_range("fee_rate_bp"),
    )
    entity_label = "le coefficient et les frais de gestion du service"

    id: Mapped[int] = pk()
    service_id: Mapped[int] = mapped_column(
        ForeignKey("shared_services.id", ondelete="CASCADE"), index=True
    )
    valid_from: Mapped[dt.date] = mapped_column(Date)
    #: Billing coefficient in ten-thousandths (1,75 → 17 500); None: none.
    coefficient_e4: Mapped[int | None] = mapped_column(Integer)
    #: Management fee rate in basis points (6 % → 600); None: none.
    fee_rate_bp: Mapped[int | None] = mapped_column(Integer)

    service: Mapped[SharedService | None] = relationship(back_populates="billing_terms")

    def term(self) -> BillingTerm:
        """The row as the domain reads it."""
        return BillingTerm(self.valid_from, Billing(self.coefficient_e4, self.fee_rate_bp))

    def audit_title(self) -> str:
        return f"service n° {self.service_id}, à partir du {self.valid_from:%d/%m/%Y}"
