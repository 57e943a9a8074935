"""Funders, grants, their budget and redistribution plan, instalments and redistributions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.categories import (
    FunderType,
    GrantNature,
    GrantStatus,
    InKindKind,
    OverheadMethod,
)
from ptce_desktop.store.base import (
    LEN_LABEL,
    LEN_NAME,
    LEN_REF,
    Base,
    bp_range,
    cents,
    money_range,
    one_of,
    period_order,
    pk,
    units_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.activity import Project
    from ptce_desktop.store.models.keys import AllocationKey
    from ptce_desktop.store.models.members import Member


class Funder(Base):
    """A financeur: État, Région, Département, EPCI, commune, EU fund, foundation…"""

    __tablename__ = "funders"
    __table_args__ = (one_of("type", FunderType),)
    entity_label = "le financeur"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    type: Mapped[FunderType]
    contact: Mapped[str | None] = mapped_column(String(LEN_LABEL))
    notes: Mapped[str | None] = mapped_column(Text)

    grants: Mapped[list[Grant]] = relationship(back_populates="funder")


class Grant(Base):
    """A funding decision (subvention) with its amounts, dates, status and rules."""

    __tablename__ = "grants"
    __table_args__ = (
        money_range("amount_requested_cents", signed=False),
        money_range("amount_voted_cents", signed=False),
        money_range("amount_to_repay_cents", signed=False),
        one_of("status", GrantStatus),
        one_of("nature", GrantNature),
        one_of("overhead_method", OverheadMethod),
        bp_range("overhead_rate_bp"),
        bp_range("coordination_share_bp"),
        period_order("period_start", "period_end"),
        CheckConstraint(
            "overhead_method <> 'key' OR overhead_key_id IS NOT NULL", name="overhead_key_set"
        ),
        CheckConstraint(
            "overhead_method <> 'flat_rate' OR overhead_rate_bp IS NOT NULL",
            name="overhead_rate_set",
        ),
    )
    entity_label = "la subvention"

    id: Mapped[int] = pk()
    funder_id: Mapped[int] = mapped_column(
        ForeignKey("funders.id", ondelete="RESTRICT"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(LEN_LABEL))
    amount_requested_cents: Mapped[int | None] = cents(nullable=True)
    amount_voted_cents: Mapped[int | None] = cents(nullable=True)
    status: Mapped[GrantStatus] = mapped_column(default=GrantStatus.DEMANDEE)
    decision_ref: Mapped[str | None] = mapped_column(String(LEN_REF))
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    convention_ref: Mapped[str | None] = mapped_column(String(LEN_REF))
    convention_date: Mapped[dt.date | None] = mapped_column(Date)
    nature: Mapped[GrantNature] = mapped_column(default=GrantNature.CASH)
    #: True when paid in several instalments, False for a single payment.
    staged: Mapped[bool] = mapped_column(Boolean, default=False)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    report_due: Mapped[dt.date | None] = mapped_column(Date)
    amount_to_repay_cents: Mapped[int] = cents(default=0)
    overhead_method: Mapped[OverheadMethod] = mapped_column(default=OverheadMethod.NONE)
    overhead_rate_bp: Mapped[int | None] = mapped_column(Integer)
    overhead_key_id: Mapped[int | None] = mapped_column(
        ForeignKey("allocation_keys.id", ondelete="RESTRICT")
    )
    overhead_note: Mapped[str | None] = mapped_column(Text)
    #: Share of what is received that the pole keeps for coordination.
    coordination_share_bp: Mapped[int] = mapped_column(Integer, default=0)

    funder: Mapped[Funder] = relationship(back_populates="grants")
    project: Mapped[Project | None] = relationship()
    overhead_key: Mapped[AllocationKey | None] = relationship()
    budget_lines: Mapped[list[GrantBudgetLine]] = relationship(
        back_populates="grant", cascade="all, delete-orphan", passive_deletes=True
    )
    plan_lines: Mapped[list[GrantPlanLine]] = relationship(
        back_populates="grant", cascade="all, delete-orphan", passive_deletes=True
    )
    instalments: Mapped[list[Instalment]] = relationship(back_populates="grant")
    redistributions: Mapped[list[Redistribution]] = relationship(back_populates="grant")
    report_text: Mapped[GrantReportText | None] = relationship(
        back_populates="grant", cascade="all, delete-orphan", passive_deletes=True
    )


class GrantBudgetLine(Base):
    """The forecast budget of the funded action on one Cerfa sub-line."""

    __tablename__ = "grant_budget_lines"
    __table_args__ = (
        UniqueConstraint("grant_id", "cerfa_code"),
        money_range("amount_cents", signed=False),
    )
    entity_label = "la ligne de budget prévisionnel"

    id: Mapped[int] = pk()
    grant_id: Mapped[int] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"))
    cerfa_code: Mapped[str] = mapped_column(String(8))
    amount_cents: Mapped[int] = cents()

    grant: Mapped[Grant] = relationship(back_populates="budget_lines")

    def audit_title(self) -> str:
        return f"subvention n° {self.grant_id}, ligne {self.cerfa_code}"


class GrantPlanLine(Base):
    """The redistribution plan for one member: a fixed amount or a share."""

    __tablename__ = "grant_plan_lines"
    __table_args__ = (
        UniqueConstraint("grant_id", "member_id"),
        money_range("amount_cents", signed=False),
        bp_range("share_bp"),
        CheckConstraint("amount_cents IS NULL OR share_bp IS NULL", name="amount_or_share"),
    )
    entity_label = "le plan de reversement"

    id: Mapped[int] = pk()
    grant_id: Mapped[int] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    amount_cents: Mapped[int | None] = cents(nullable=True)
    share_bp: Mapped[int | None] = mapped_column(Integer)

    grant: Mapped[Grant] = relationship(back_populates="plan_lines")
    member: Mapped[Member] = relationship()

    def audit_title(self) -> str:
        return f"subvention n° {self.grant_id}, membre n° {self.member_id}"


class Instalment(Base):
    """Money received from a funder for a grant (versement)."""

    __tablename__ = "instalments"
    __table_args__ = (money_range("amount_cents"),)
    entity_label = "le versement"

    id: Mapped[int] = pk()
    grant_id: Mapped[int] = mapped_column(ForeignKey("grants.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = cents()
    reference: Mapped[str | None] = mapped_column(String(LEN_REF))

    grant: Mapped[Grant] = relationship(back_populates="instalments")

    def audit_title(self) -> str:
        return f"subvention n° {self.grant_id}, {self.date:%d/%m/%Y}"


class Redistribution(Base):
    """Money of a grant passed on to a member (reversement)."""

    __tablename__ = "redistributions"
    __table_args__ = (money_range("amount_cents"),)
    entity_label = "le reversement"

    id: Mapped[int] = pk()
    grant_id: Mapped[int] = mapped_column(ForeignKey("grants.id", ondelete="RESTRICT"), index=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="RESTRICT"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = cents()
    #: The key or decision behind the amount, in words (printed in the report).
    basis: Mapped[str | None] = mapped_column(Text)

    grant: Mapped[Grant] = relationship(back_populates="redistributions")
    member: Mapped[Member] = relationship()

    def audit_title(self) -> str:
        return f"subvention n° {self.grant_id}, membre n° {self.member_id}"


class GrantReportText(Base):
    """The free texts of a grant's Cerfa 15059 report."""

    __tablename__ = "grant_report_texts"
    entity_label = "le compte rendu de la subvention"

    id: Mapped[int] = pk()
    grant_id: Mapped[int] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"), unique=True)
    bilan_qualitatif: Mapped[str | None] = mapped_column(Text)
    beneficiaires: Mapped[str | None] = mapped_column(Text)
    dates_lieux: Mapped[str | None] = mapped_column(Text)
    ecarts: Mapped[str | None] = mapped_column(Text)
    cvn_note: Mapped[str | None] = mapped_column(Text)
    remarques: Mapped[str | None] = mapped_column(Text)
    # Feuillet 1 (services.grants.report_sheet): objectives, indicators as JSON
    # [[indicator, expected, achieved], …], beneficiaries and by public as JSON
    # [[public, number], …], dates and places apart.
    objectives: Mapped[str | None] = mapped_column(Text)
    indicators_json: Mapped[str | None] = mapped_column(Text)
    beneficiaries_count: Mapped[int | None] = mapped_column(Integer)
    publics_json: Mapped[str | None] = mapped_column(Text)
    action_dates: Mapped[str | None] = mapped_column(Text)
    action_places: Mapped[str | None] = mapped_column(Text)

    grant: Mapped[Grant] = relationship(back_populates="report_text")

    def audit_title(self) -> str:
        return f"subvention n° {self.grant_id}"


class InKindContribution(Base):
    """A contribution volontaire en nature (accounts 86/87): volunteering, goods lent…"""

    __tablename__ = "in_kind_contributions"
    __table_args__ = (
        one_of("kind", InKindKind),
        units_range("hours_milli"),
        money_range("amount_cents", signed=False),
    )
    entity_label = "la contribution en nature"

    id: Mapped[int] = pk()
    date: Mapped[dt.date] = mapped_column(Date)
    cerfa_code: Mapped[str | None] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(LEN_LABEL))
    kind: Mapped[InKindKind]
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grants.id", ondelete="SET NULL"))
    hours_milli: Mapped[int | None] = mapped_column(Integer)
    amount_cents: Mapped[int] = cents()

    member: Mapped[Member | None] = relationship()
    project: Mapped[Project | None] = relationship()
    grant: Mapped[Grant | None] = relationship()
