"""Declarative base, naming convention and the column helpers every model uses.

Stored numbers are exact integers (DESIGN §3): money in cents (``*_cents``), units in
thousandths (``*_milli``), percentages in basis points (``*_bp``). ``Numeric`` and ``Float`` are
never used: on SQLite ``Numeric`` silently becomes a REAL.

Money columns are ``BigInteger`` (a subclass of ``Integer``): on SQLite it is the same 64-bit
INTEGER storage, and on PostgreSQL (DESIGN §8) it avoids the 32-bit limit of ``INTEGER``
(21 474 836,47 €).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import BigInteger, CheckConstraint, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Largest absolute amount stored: 999 999 999,99 €.
MONEY_MAX = 99_999_999_999
#: Largest quantity stored, in thousandths (one billion units).
UNITS_MAX = 1_000_000_000_000
#: 100 % in basis points.
BP_MAX = 10_000
YEAR_MIN = 1900
YEAR_MAX = 2999

# Short text lengths, in one place so services can validate input against them.
LEN_NAME = 200
LEN_SHORT = 60
LEN_CODE = 40
LEN_EMAIL = 254
LEN_PHONE = 30
LEN_URL = 300
LEN_REF = 100
LEN_LABEL = 300


class Base(DeclarativeBase):
    """Base of every table; class-level markers drive the unit of work's guard and audit."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    #: French name of one record, for messages (« la charge », « le membre »…).
    entity_label: ClassVar[str] = "l'enregistrement"
    #: False for derived or technical rows (shares, call lines, audit…): not audited one by one.
    audited: ClassVar[bool] = True
    #: Date attributes whose fiscal year must be open to create, change or delete the record.
    fiscal_date_fields: ClassVar[tuple[str, ...]] = ()
    #: Integer attributes naming a fiscal year directly (its start year), same rule.
    fiscal_year_fields: ClassVar[tuple[str, ...]] = ()
    #: Relationship names of parents whose fiscal year also freezes this record.
    fiscal_parents: ClassVar[tuple[str, ...]] = ()

    def fiscal_dates(self) -> list[date]:
        """The current dates of this record that decide its fiscal year (may be empty)."""
        found: list[date] = []
        for name in self.fiscal_date_fields:
            value = getattr(self, name)
            if isinstance(value, date):
                found.append(value)
        return found

    def audit_title(self) -> str:
        """A short human name for audit summaries: name, title, label or number."""
        for attr in ("name", "title", "label", "number"):
            value = getattr(self, attr, None)
            if value:
                return str(value)
        return f"n° {getattr(self, 'id', '?')}"


def pk() -> MappedColumn[int]:
    return mapped_column(Integer, primary_key=True)


def cents(*, nullable: bool = False, default: int | None = None) -> MappedColumn[Any]:
    """A money column in integer cents."""
    return mapped_column(BigInteger, nullable=nullable, default=default)


def money_range(column: str, *, signed: bool = True) -> CheckConstraint:
    low = -MONEY_MAX if signed else 0
    return CheckConstraint(f"{column} BETWEEN {low} AND {MONEY_MAX}", name=f"{column}_range")


def units_range(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 0 AND {UNITS_MAX}", name=f"{column}_range")


def bp_range(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 0 AND {BP_MAX}", name=f"{column}_range")


def year_range(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN {YEAR_MIN} AND {YEAR_MAX}", name=f"{column}_range")


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    """An enum as a plain string column with a CHECK (portable, stable constraint name)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_enum")


def period_order(start: str, end: str) -> CheckConstraint:
    return CheckConstraint(
        f"{start} IS NULL OR {end} IS NULL OR {start} <= {end}", name=f"{start}_before_{end}"
    )
