"""The pole's activity (projects, governance, meetings, events, report texts) and the
technical tables (audit trail, gap-free sequence counters)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.categories import GovernanceKind, ProjectStatus
from ptce_desktop.store.base import (
    LEN_CODE,
    LEN_LABEL,
    LEN_NAME,
    LEN_SHORT,
    Base,
    one_of,
    period_order,
    pk,
    year_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.members import Member


class Project(Base):
    """A cooperation project (action): the analytic dimension of costs and grants."""

    __tablename__ = "projects"
    __table_args__ = (one_of("status", ProjectStatus), period_order("start", "end"))
    entity_label = "le projet"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ProjectStatus] = mapped_column(default=ProjectStatus.EN_COURS)
    lead_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )

    lead_member: Mapped[Member | None] = relationship()
    members: Mapped[list[ProjectMember]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True
    )


class ProjectMember(Base):
    """A member taking part in a project."""

    __tablename__ = "project_members"
    __table_args__ = (UniqueConstraint("project_id", "member_id"),)
    entity_label = "la participation au projet"

    id: Mapped[int] = pk()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(LEN_SHORT * 2))

    project: Mapped[Project] = relationship(back_populates="members")
    member: Mapped[Member] = relationship()

    def audit_title(self) -> str:
        return f"projet n° {self.project_id}, membre n° {self.member_id}"


class GovernanceBody(Base):
    """An instance: board (CA), steering committee, college…"""

    __tablename__ = "governance_bodies"
    __table_args__ = (one_of("kind", GovernanceKind),)
    entity_label = "l'instance"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    kind: Mapped[GovernanceKind]

    meetings: Mapped[list[Meeting]] = relationship(back_populates="body")


class Meeting(Base):
    """A meeting, of a governance body or not."""

    __tablename__ = "meetings"
    entity_label = "la réunion"

    id: Mapped[int] = pk()
    body_id: Mapped[int | None] = mapped_column(
        ForeignKey("governance_bodies.id", ondelete="SET NULL")
    )
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(LEN_LABEL))
    place: Mapped[str | None] = mapped_column(String(LEN_NAME))
    attendees: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    body: Mapped[GovernanceBody | None] = relationship(back_populates="meetings")


class Event(Base):
    """An event or activity of the pole (forum, training, visit…)."""

    __tablename__ = "events"
    entity_label = "l'événement"

    id: Mapped[int] = pk()
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(LEN_LABEL))
    kind: Mapped[str | None] = mapped_column(String(LEN_SHORT))
    place: Mapped[str | None] = mapped_column(String(LEN_NAME))
    participants: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))

    project: Mapped[Project | None] = relationship()


class ReportText(Base):
    """A free text of the yearly activity report, one per (year, section)."""

    __tablename__ = "report_texts"
    __table_args__ = (UniqueConstraint("year", "section"), year_range("year"))
    entity_label = "le texte du rapport"

    id: Mapped[int] = pk()
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(LEN_SHORT))
    text: Mapped[str] = mapped_column(Text, default="")

    def audit_title(self) -> str:
        return f"{self.section} {self.year}"


class AuditEntry(Base):
    """One audited change: when, which user action, which record, before/after as JSON."""

    __tablename__ = "audit_entries"
    #: a record's history (« Historique »): its entries by id, a range read
    __table_args__ = (Index("ix_audit_entries_entity_record", "entity", "record_id"),)
    entity_label = "l'entrée du journal"
    audited = False

    id: Mapped[int] = pk()
    #: UTC, naive.
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    #: The user action, e.g. "Modifier une charge".
    action: Mapped[str] = mapped_column(String(LEN_LABEL))
    #: "create", "update", "delete" or "bulk".
    operation: Mapped[str] = mapped_column(String(16))
    #: Table name (or comma-separated table names for a bulk entry).
    entity: Mapped[str] = mapped_column(String(LEN_LABEL), index=True)
    record_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text)
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)


class SequenceCounter(Base):
    """Last number used in a gap-free sequence (e.g. call numbers per fiscal year)."""

    __tablename__ = "sequence_counters"
    __table_args__ = (UniqueConstraint("name", "year"),)
    entity_label = "le compteur"
    audited = False

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_CODE))
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
