"""Allocation keys: named, dated vectors of units per member, and recorded usage."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ptce_desktop.domain.keys import Method
from ptce_desktop.store.base import (
    LEN_LABEL,
    LEN_NAME,
    LEN_SHORT,
    Base,
    bp_range,
    one_of,
    pk,
    units_range,
)

if TYPE_CHECKING:
    from ptce_desktop.store.models.members import Member


class AllocationKey(Base):
    """A clé de répartition: how a cost is split between members."""

    __tablename__ = "allocation_keys"
    __table_args__ = (one_of("method", Method),)
    entity_label = "la clé de répartition"

    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(LEN_NAME), unique=True)
    #: Unit shown to the user: "m²", "ETP", "heures", "%"…
    unit: Mapped[str | None] = mapped_column(String(LEN_SHORT))
    method: Mapped[Method]
    description: Mapped[str | None] = mapped_column(Text)

    versions: Mapped[list[KeyVersion]] = relationship(
        back_populates="key",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="KeyVersion.valid_from",
    )


class KeyVersion(Base):
    """The units of a key in force from ``valid_from`` until the next version."""

    __tablename__ = "key_versions"
    __table_args__ = (UniqueConstraint("key_id", "valid_from"),)
    entity_label = "la version de clé"

    id: Mapped[int] = pk()
    key_id: Mapped[int] = mapped_column(ForeignKey("allocation_keys.id", ondelete="CASCADE"))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    key: Mapped[AllocationKey] = relationship(back_populates="versions")
    units: Mapped[list[KeyVersionUnit]] = relationship(
        back_populates="version", cascade="all, delete-orphan", passive_deletes=True
    )
    mix_parts: Mapped[list[KeyMixPart]] = relationship(
        back_populates="version",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="KeyMixPart.version_id",
    )

    def audit_title(self) -> str:
        return f"clé n° {self.key_id} au {self.valid_from:%d/%m/%Y}"


class KeyVersionUnit(Base):
    """One member's units (thousandths) or fixed percentage (basis points) in a key version.

    For an ``equal`` key the row only says that the member takes part (both values NULL).
    """

    __tablename__ = "key_version_units"
    __table_args__ = (
        UniqueConstraint("version_id", "member_id"),
        units_range("units_milli"),
        bp_range("percent_bp"),
        CheckConstraint("units_milli IS NULL OR percent_bp IS NULL", name="units_or_percent"),
    )
    entity_label = "les unités de la clé"
    fiscal_parents = ("version",)

    id: Mapped[int] = pk()
    version_id: Mapped[int] = mapped_column(ForeignKey("key_versions.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    units_milli: Mapped[int | None] = mapped_column(Integer)
    percent_bp: Mapped[int | None] = mapped_column(Integer)

    version: Mapped[KeyVersion] = relationship(back_populates="units")
    member: Mapped[Member] = relationship()

    def audit_title(self) -> str:
        return f"version n° {self.version_id}, membre n° {self.member_id}"


class KeyMixPart(Base):
    """One part of a mixed key: another key weighted by ``weight_bp``."""

    __tablename__ = "key_mix_parts"
    __table_args__ = (
        UniqueConstraint("version_id", "part_key_id"),
        bp_range("weight_bp"),
    )
    entity_label = "la part de clé mixte"
    fiscal_parents = ("version",)

    id: Mapped[int] = pk()
    version_id: Mapped[int] = mapped_column(ForeignKey("key_versions.id", ondelete="CASCADE"))
    part_key_id: Mapped[int] = mapped_column(ForeignKey("allocation_keys.id", ondelete="RESTRICT"))
    weight_bp: Mapped[int] = mapped_column(Integer)

    version: Mapped[KeyVersion] = relationship(back_populates="mix_parts")
    part_key: Mapped[AllocationKey] = relationship()

    def audit_title(self) -> str:
        return f"version n° {self.version_id}, clé n° {self.part_key_id}"


class UsageRecord(Base):
    """Usage of a ``usage`` key recorded for one member on one day (hours, km, seats…)."""

    __tablename__ = "usage_records"
    __table_args__ = (units_range("quantity_milli"),)
    entity_label = "l'utilisation"
    fiscal_date_fields = ("date",)

    id: Mapped[int] = pk()
    key_id: Mapped[int] = mapped_column(
        ForeignKey("allocation_keys.id", ondelete="RESTRICT"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="RESTRICT"))
    date: Mapped[dt.date] = mapped_column(Date)
    quantity_milli: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(LEN_LABEL))

    key: Mapped[AllocationKey] = relationship()
    member: Mapped[Member] = relationship()

    def audit_title(self) -> str:
        return f"clé n° {self.key_id}, membre n° {self.member_id}, {self.date:%d/%m/%Y}"
