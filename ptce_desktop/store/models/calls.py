"""Calls for funds (appels de fonds), their lines, payments and how payments match calls."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.billing import LineComponent, LineKind
from ptce_desktop.domain.categories import CallKind, PaymentMethod
from ptce_desktop.store.base import (
    LEN_CODE,
    LEN_LABEL,
    LEN_REF,
    Base,
    bp_range,
    cents,
    money_range,
    one_of,
    pk,
    year_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.costs import SharedService
    from ptce_desktop.store.models.members import Member


class Call(Base):
    """A call for funds to one member for a period; numbered without gaps.

    ``year`` is the fiscal year (its start year); a closed year freezes the call.
    """

    __tablename__ = "calls"
    __table_args__ = (
        year_range("year"),
        CheckConstraint("quarter IS NULL OR quarter BETWEEN 1 AND 4", name="quarter_range"),
        one_of("kind", CallKind),
        CheckConstraint("issue_date <= due_date", name="issue_before_due"),
        Index("ix_calls_year_number", "year", "number"),  # the call list's order
    )
    entity_label = "l'appel de fonds"
    fiscal_year_fields = ("year",)

    id: Mapped[int] = pk()
    #: Printed number, e.g. "AF-2026-0007" (from :func:`~.unit_of_work.next_sequence`).
    number: Mapped[str] = mapped_column(String(LEN_CODE), unique=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int | None] = mapped_column(SmallInteger)
    kind: Mapped[CallKind]
    issue_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)

    member: Mapped[Member] = relationship()
    lines: Mapped[list[CallLine]] = relationship(
        back_populates="call", cascade="all, delete-orphan", passive_deletes=True
    )
    matches: Mapped[list[PaymentMatch]] = relationship(back_populates="call")


class CallLine(Base):
    """One line of a call: one service at one VAT rate, of one kind (quarter, catch-up,
    exceptional, true-up) and one component (base, surcharge, fee); ``label`` is the text
    printed for it when it is not the service's name alone."""

    __tablename__ = "call_lines"
    __table_args__ = (
        money_range("ht_cents"),
        money_range("vat_cents"),
        money_range("ttc_cents"),
        bp_range("vat_rate_bp"),
        CheckConstraint("ht_cents + vat_cents = ttc_cents", name="ttc_is_ht_plus_vat"),
        one_of("kind", LineKind),
        one_of("component", LineComponent),
    )
    entity_label = "la ligne d'appel"
    audited = False
    fiscal_parents = ("call",)

    id: Mapped[int] = pk()
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("shared_services.id", ondelete="RESTRICT"))
    ht_cents: Mapped[int] = cents()
    vat_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    vat_cents: Mapped[int] = cents(default=0)
    ttc_cents: Mapped[int] = cents()
    kind: Mapped[LineKind] = mapped_column(default=LineKind.QUARTER)
    component: Mapped[LineComponent] = mapped_column(default=LineComponent.BASE)
    label: Mapped[str | None] = mapped_column(String(LEN_LABEL))
    #: The exceptional charge this line calls (kind ``exceptional``).
    exceptional_id: Mapped[int | None] = mapped_column(
        ForeignKey("exceptional_charges.id", ondelete="RESTRICT"), index=True
    )

    call: Mapped[Call] = relationship(back_populates="lines")
    service: Mapped[SharedService] = relationship()


class CallReminder(Base):
    """A reminder letter (relance) sent for an unpaid call, on ``date``.

    Not frozen by closing: an unpaid call of a closed year is still reminded in an open one.
    """

    __tablename__ = "call_reminders"
    entity_label = "la relance"

    id: Mapped[int] = pk()
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)

    def audit_title(self) -> str:
        return f"appel n° {self.call_id}, {self.date:%d/%m/%Y}"


class ExceptionalCharge(Base):
    """An exceptional amount (works, a one-off purchase) split once by a key and called once:
    on the next quarterly call of its fiscal year, or on a call of its own (``own_call``).

    The key is the service's unless ``key_id`` names another; the version in force on
    ``date`` splits it. It is called when a call line points to it.
    """

    __tablename__ = "exceptional_charges"
    __table_args__ = (
        year_range("year"),
        money_range("amount_cents"),
        CheckConstraint("amount_cents <> 0", name="amount_not_zero"),
    )
    entity_label = "la ligne exceptionnelle"
    fiscal_year_fields = ("year",)

    id: Mapped[int] = pk()
    year: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(LEN_LABEL))
    amount_cents: Mapped[int] = cents()
    service_id: Mapped[int] = mapped_column(
        ForeignKey("shared_services.id", ondelete="RESTRICT"), index=True
    )
    key_id: Mapped[int | None] = mapped_column(
        ForeignKey("allocation_keys.id", ondelete="RESTRICT")
    )
    own_call: Mapped[bool] = mapped_column(Boolean, default=False)
    attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL")
    )
    note: Mapped[str | None] = mapped_column(Text)

    service: Mapped[SharedService] = relationship()


class Payment(Base):
    """Money received from a member (règlement)."""

    __tablename__ = "payments"
    __table_args__ = (
        money_range("amount_cents"),
        one_of("method", PaymentMethod),
        Index("ix_payments_date", "date"),  # the payment list's order
        Index("ix_payments_amount_cents", "amount_cents"),  # its order by amount (0015)
    )
    entity_label = "le règlement"
    fiscal_date_fields = ("date",)

    id: Mapped[int] = pk()
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="RESTRICT"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = cents()
    method: Mapped[PaymentMethod] = mapped_column(default=PaymentMethod.VIREMENT)
    reference: Mapped[str | None] = mapped_column(String(LEN_REF))
    note: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship()
    matches: Mapped[list[PaymentMatch]] = relationship(
        back_populates="payment", cascade="all, delete-orphan", passive_deletes=True
    )

    def audit_title(self) -> str:
        return f"membre n° {self.member_id}, {self.date:%d/%m/%Y}"


class PaymentMatch(Base):
    """The part of a payment that settles a call.

    It belongs to its *payment's* fiscal year: a member who pays a call of a closed year late
    (in an open year) settles it normally; closing freezes the payments dated in the year.
    """

    __tablename__ = "payment_matches"
    __table_args__ = (UniqueConstraint("payment_id", "call_id"), money_range("amount_cents"))
    entity_label = "le lettrage"
    audited = False
    fiscal_parents = ("payment",)

    id: Mapped[int] = pk()
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"))
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="RESTRICT"), index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)

    payment: Mapped[Payment] = relationship(back_populates="matches")
    call: Mapped[Call] = relationship(back_populates="matches")
