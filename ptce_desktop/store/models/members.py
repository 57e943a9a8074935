"""The pole, its fiscal years, its members and their yearly figures."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.store.base import (
    LEN_EMAIL,
    LEN_NAME,
    LEN_PHONE,
    LEN_SHORT,
    LEN_URL,
    Base,
    cents,
    money_range,
    one_of,
    period_order,
    pk,
    units_range,
    year_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.costs import Attachment


class Pole(Base):
    """The one organisation a database file describes (a single row, id = 1)."""

    __tablename__ = "poles"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(
            "fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_year_start_month_range"
        ),
    )
    entity_label = "le pôle"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME))
    territory: Mapped[str | None] = mapped_column(String(LEN_NAME))
    address: Mapped[str | None] = mapped_column(String(LEN_NAME))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(LEN_SHORT * 2))
    email: Mapped[str | None] = mapped_column(String(LEN_EMAIL))
    phone: Mapped[str | None] = mapped_column(String(LEN_PHONE))
    website: Mapped[str | None] = mapped_column(String(LEN_URL))
    siret: Mapped[str | None] = mapped_column(String(14))
    rna: Mapped[str | None] = mapped_column(String(10))
    vat_number: Mapped[str | None] = mapped_column(String(20))
    vat_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    iban: Mapped[str | None] = mapped_column(String(34))
    bic: Mapped[str | None] = mapped_column(String(11))
    legal_rep_name: Mapped[str | None] = mapped_column(String(LEN_NAME))
    legal_rep_title: Mapped[str | None] = mapped_column(String(LEN_NAME))
    lead_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )
    logo_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL")
    )
    fiscal_year_start_month: Mapped[int] = mapped_column(SmallInteger, default=1)
    #: The accountant's settings of the FEC export (accounts, journal codes) as JSON; NULL:
    #: the defaults (``services/pole/accounting.py``).
    accounting_json: Mapped[str | None] = mapped_column(Text)

    lead_member: Mapped[Member | None] = relationship(foreign_keys=[lead_member_id])
    logo: Mapped[Attachment | None] = relationship(foreign_keys=[logo_attachment_id])


class FiscalYear(Base):
    """A fiscal year, named by the calendar year it starts in; closed (locked) or not."""

    __tablename__ = "fiscal_years"
    __table_args__ = (year_range("start_year"),)
    entity_label = "l'exercice"

    id: Mapped[int] = pk()
    start_year: Mapped[int] = mapped_column(Integer, unique=True)
    #: When the year was closed (UTC, naive); NULL while the year is open.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: Fingerprint (SHA-256, hex) of the year's shares, calls and frozen context, taken at
    #: closing and verified by ``check``; NULL while open (or closed before seals existed).
    seal: Mapped[str | None] = mapped_column(String(64))

    def audit_title(self) -> str:
        return str(self.start_year)


class Member(Base):
    """An organisation (or a natural person) in the pole."""

    __tablename__ = "members"
    __table_args__ = (
        one_of("category", MemberCategory),
        period_order("joined_on", "left_on"),
    )
    entity_label = "le membre"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), index=True)
    short_name: Mapped[str | None] = mapped_column(String(LEN_SHORT))
    category: Mapped[MemberCategory]
    legal_form: Mapped[str | None] = mapped_column(String(LEN_SHORT))
    siret: Mapped[str | None] = mapped_column(String(14))
    siren: Mapped[str | None] = mapped_column(String(9))
    rna: Mapped[str | None] = mapped_column(String(10))
    #: Intra-community VAT number (FR + key + SIREN), printed on its invoices (art. 242 nonies A).
    vat_number: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(LEN_NAME))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(LEN_SHORT * 2))
    contact_name: Mapped[str | None] = mapped_column(String(LEN_NAME))
    email: Mapped[str | None] = mapped_column(String(LEN_EMAIL))
    phone: Mapped[str | None] = mapped_column(String(LEN_PHONE))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    college: Mapped[str | None] = mapped_column(String(LEN_SHORT * 2))
    qpv: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    year_figures: Mapped[list[MemberYearFigures]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MemberYearFigures.year",
    )


class MemberYearFigures(Base):
    """Figures a member declares for one fiscal year (jobs, volunteers, turnover)."""

    __tablename__ = "member_year_figures"
    __table_args__ = (
        UniqueConstraint("member_id", "year"),
        year_range("year"),
        CheckConstraint("headcount >= 0", name="headcount_positive"),
        units_range("etp_milli"),
        CheckConstraint("jobs_created >= 0", name="jobs_created_positive"),
        CheckConstraint("jobs_maintained >= 0", name="jobs_maintained_positive"),
        CheckConstraint("volunteers >= 0", name="volunteers_positive"),
        money_range("turnover_cents"),
    )
    entity_label = "les chiffres annuels du membre"
    fiscal_year_fields = ("year",)

    id: Mapped[int] = pk()
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    headcount: Mapped[int | None] = mapped_column(Integer)
    etp_milli: Mapped[int | None] = mapped_column(Integer)
    jobs_created: Mapped[int | None] = mapped_column(Integer)
    jobs_maintained: Mapped[int | None] = mapped_column(Integer)
    volunteers: Mapped[int | None] = mapped_column(Integer)
    turnover_cents: Mapped[int | None] = cents(nullable=True)

    member: Mapped[Member] = relationship(back_populates="year_figures")

    def audit_title(self) -> str:
        return f"membre n° {self.member_id}, {self.year}"


class MembershipFee(Base):
    """The membership fee (cotisation) of a member category for one fiscal year."""

    __tablename__ = "membership_fees"
    __table_args__ = (
        UniqueConstraint("year", "category"),
        year_range("year"),
        one_of("category", MemberCategory),
        money_range("amount_cents", signed=False),
    )
    entity_label = "la cotisation"
    fiscal_year_fields = ("year",)

    id: Mapped[int] = pk()
    year: Mapped[int] = mapped_column(Integer)
    category: Mapped[MemberCategory]
    amount_cents: Mapped[int] = cents()

    def audit_title(self) -> str:
        return f"{self.category} {self.year}"
