"""Shared services, their budgets and costs, the members' shares, and attachments."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.store.base import (
    LEN_LABEL,
    LEN_NAME,
    LEN_REF,
    LEN_SHORT,
    Base,
    bp_range,
    cents,
    money_range,
    one_of,
    period_order,
    pk,
    year_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.activity import Project
    from ptce_desktop.store.models.dated import ServiceBillingTerm
    from ptce_desktop.store.models.keys import AllocationKey, KeyVersion
    from ptce_desktop.store.models.members import Member


class SharedService(Base):
    """A pooled service (premises, secretariat, IT…) whose costs the members share."""

    __tablename__ = "shared_services"
    __table_args__ = (
        one_of("vat_regime", VatRegime),
        bp_range("vat_rate_bp"),
        period_order("active_from", "active_to"),
    )
    entity_label = "le service mutualisé"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    category: Mapped[str | None] = mapped_column(String(LEN_SHORT))
    description: Mapped[str | None] = mapped_column(Text)
    vat_regime: Mapped[VatRegime] = mapped_column(default=VatRegime.EXEMPT_261B)
    vat_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    key_id: Mapped[int | None] = mapped_column(
        ForeignKey("allocation_keys.id", ondelete="RESTRICT")
    )
    carrier_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )
    active_from: Mapped[dt.date | None] = mapped_column(Date)
    active_to: Mapped[dt.date | None] = mapped_column(Date)

    key: Mapped[AllocationKey | None] = relationship()
    carrier: Mapped[Member | None] = relationship()
    budgets: Mapped[list[ServiceBudget]] = relationship(
        back_populates="service", cascade="all, delete-orphan", passive_deletes=True
    )
    #: The coefficient and fee voted over time, oldest first (DESIGN §4b; few rows, loaded
    #: with the service so that reading the term of a day needs no query).
    billing_terms: Mapped[list[ServiceBillingTerm]] = relationship(
        back_populates="service",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ServiceBillingTerm.valid_from",
        lazy="selectin",
    )


class ServiceBudget(Base):
    """The budget of a service for one fiscal year (base of the provisional calls)."""

    __tablename__ = "service_budgets"
    __table_args__ = (
        UniqueConstraint("service_id", "year"),
        year_range("year"),
        money_range("amount_cents", signed=False),
    )
    entity_label = "le budget du service"
    fiscal_year_fields = ("year",)

    id: Mapped[int] = pk()
    service_id: Mapped[int] = mapped_column(ForeignKey("shared_services.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = cents()

    service: Mapped[SharedService] = relationship(back_populates="budgets")

    def audit_title(self) -> str:
        return f"service n° {self.service_id}, {self.year}"


class Cost(Base):
    """An expense of a shared service.

    It belongs to (is reported in, and its shares count for) the fiscal year of the first day
    of its period, the accrual rule a coordinator's accountant uses. Closing a year freezes a
    cost whose period starts in it *or* whose invoice is dated in it; a correction to a frozen
    cost is a new adjustment cost whose period lies in an open year.
    """

    __tablename__ = "costs"
    __table_args__ = (
        money_range("ht_cents"),
        money_range("vat_cents"),
        money_range("ttc_cents"),
        CheckConstraint("ht_cents + vat_cents = ttc_cents", name="ttc_is_ht_plus_vat"),
        period_order("period_start", "period_end"),
        CheckConstraint(
            "adjusts_cost_id IS NULL OR is_adjustment", name="adjusts_only_if_adjustment"
        ),
        # the Charges list's sorts (with invoice_date, period_start, service_id): range reads
        Index("ix_costs_label", "label"),
        Index("ix_costs_ht_cents", "ht_cents"),
        Index("ix_costs_ttc_cents", "ttc_cents"),
        # deleting a cost: "is it adjusted?" and the RESTRICT check read this, not every cost
        Index(
            "ix_costs_adjusts_cost_id",
            "adjusts_cost_id",
            sqlite_where=text("adjusts_cost_id IS NOT NULL"),
        ),
    )
    entity_label = "la charge"
    fiscal_date_fields = ("invoice_date", "period_start")

    id: Mapped[int] = pk()
    service_id: Mapped[int] = mapped_column(
        ForeignKey("shared_services.id", ondelete="RESTRICT"), index=True
    )
    invoice_date: Mapped[dt.date] = mapped_column(Date, index=True)
    period_start: Mapped[dt.date] = mapped_column(Date, index=True)
    period_end: Mapped[dt.date] = mapped_column(Date)
    payment_date: Mapped[dt.date | None] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(LEN_LABEL))
    supplier: Mapped[str | None] = mapped_column(String(LEN_NAME))
    ht_cents: Mapped[int] = cents()
    vat_cents: Mapped[int] = cents(default=0)
    ttc_cents: Mapped[int] = cents()
    #: Cerfa 15059 budget sub-line (e.g. "613", "616", "641").
    cerfa_code: Mapped[str | None] = mapped_column(String(8))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    invoice_ref: Mapped[str | None] = mapped_column(String(LEN_REF))
    is_adjustment: Mapped[bool] = mapped_column(Boolean, default=False)
    adjusts_cost_id: Mapped[int | None] = mapped_column(ForeignKey("costs.id", ondelete="RESTRICT"))

    service: Mapped[SharedService] = relationship()
    project: Mapped[Project | None] = relationship()
    adjusts_cost: Mapped[Cost | None] = relationship(remote_side=[id])
    shares: Mapped[list[Share]] = relationship(
        back_populates="cost", cascade="all, delete-orphan", passive_deletes=True
    )


class Share(Base):
    """One member's part (quote-part) of one cost, in cents; derived, stored with the cost."""

    __tablename__ = "shares"
    __table_args__ = (UniqueConstraint("cost_id", "member_id"), money_range("cents"))
    entity_label = "la quote-part"
    audited = False
    fiscal_parents = ("cost",)

    id: Mapped[int] = pk()
    cost_id: Mapped[int] = mapped_column(ForeignKey("costs.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="RESTRICT"), index=True
    )
    cents: Mapped[int] = mapped_column(BigInteger)
    key_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_versions.id", ondelete="RESTRICT")
    )

    cost: Mapped[Cost] = relationship(back_populates="shares")
    member: Mapped[Member] = relationship()
    key_version: Mapped[KeyVersion | None] = relationship()


class Attachment(Base):
    """A justificatif copied into the data folder, named by the SHA-256 of its content."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint("size >= 0", name="size_positive"),)
    entity_label = "la pièce jointe"

    id: Mapped[int] = pk()
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(LEN_LABEL))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(LEN_REF))
    #: When the file was added (UTC, naive).
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)

    links: Mapped[list[AttachmentLink]] = relationship(
        back_populates="attachment", cascade="all, delete-orphan", passive_deletes=True
    )

    def audit_title(self) -> str:
        return self.original_name


class AttachmentLink(Base):
    """Links one attachment to exactly one cost, payment, instalment or grant."""

    __tablename__ = "attachment_links"
    __table_args__ = (
        CheckConstraint(
            " + ".join(
                f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
                for column in ("cost_id", "payment_id", "instalment_id", "grant_id")
            )
            + " = 1",
            name="exactly_one_target",
        ),
    )
    entity_label = "le lien de pièce jointe"

    id: Mapped[int] = pk()
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), index=True
    )
    cost_id: Mapped[int | None] = mapped_column(
        ForeignKey("costs.id", ondelete="CASCADE"), index=True
    )
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id", ondelete="CASCADE"), index=True
    )
    instalment_id: Mapped[int | None] = mapped_column(
        ForeignKey("instalments.id", ondelete="CASCADE"), index=True
    )
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("grants.id", ondelete="CASCADE"), index=True
    )

    attachment: Mapped[Attachment] = relationship(back_populates="links")

    def audit_title(self) -> str:
        return f"pièce n° {self.attachment_id}"
