"""Declarative base, naming convention and the column helpers every model uses.

Stored numbers are exact integers (DESIGN §3): money in cents (``*_cents``), units in
thousandths (``*_milli``), percentages in basis points (``*_bp``). ``Numeric`` and ``Float`` are
never used: on SQLite ``Numeric`` silently becomes a REAL.

Money columns are ``BigInteger`` (a subclass of ``Integer``): on SQLite it is the same 64-bit
INTEGER storage, and on PostgreSQL (DESIGN §8) it avoids the 32-bit limit of ``INTEGER``
(21 474 836,47 €).

Code columns (category, method, VAT regime, status…) are typed with the domain's ``StrEnum``
(``Mapped[VatRegime]``): the ``type_annotation_map`` below stores each member's *value* as
plain ``VARCHAR(40)`` text (no native enum type, no constraint of SQLAlchemy's own) and gives
the member back on load; the allowed values are checked by the named CHECK of :func:`one_of`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import BigInteger, CheckConstraint, Enum, Integer, MetaData, event
from sqlalchemy.orm import DeclarativeBase, MappedColumn, Mapper, mapped_column

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


def _enum_values(codes: type[enum.Enum]) -> list[str]:
    return [member.value for member in codes]


#: Every ``Mapped[SomeStrEnum]`` column: the member's value as text, as before the enums.
CODE_TYPE = Enum(
    enum.Enum,
    native_enum=False,
    create_constraint=False,
    values_callable=_enum_values,
    length=LEN_CODE,
)


class Base(DeclarativeBase):
    """Base of every table; class-level markers drive the unit of work's guard and audit."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {enum.Enum: CODE_TYPE}

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


def one_of(column: str, values: Iterable[str]) -> CheckConstraint:
    """The CHECK of a code column: its value is one of ``values`` (a ``StrEnum`` class or
    strings), under a stable constraint name."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_enum")


def period_order(start: str, end: str) -> CheckConstraint:
    return CheckConstraint(
        f"{start} IS NULL OR {end} IS NULL OR {start} <= {end}", name=f"{start}_before_{end}"
    )


def _coerce_codes(mapper: Mapper[Any], cls: type[Any]) -> None:
    """Make every code attribute hold its enum member, even when given a plain string.

    A service may write ``Member(category="person")``; without this the object would keep the
    string until it is reloaded. A string that is no code is kept as it is, so the column's
    CHECK still refuses it at flush time (with the error the services translate).
    """
    for prop in mapper.column_attrs:
        column_type = prop.columns[0].type
        codes = getattr(column_type, "enum_class", None) if isinstance(column_type, Enum) else None
        if codes is not None:
            event.listen(getattr(cls, prop.key), "set", _coercer(codes), retval=True)


def _coercer(codes: type[enum.Enum]) -> Callable[[Any, Any, Any, Any], Any]:
    def coerce(_target: Any, value: Any, _old: Any, _initiator: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, codes):
            try:
                return codes(value)
            except ValueError:
                return value
        return value

    return coerce


event.listen(Base, "mapper_configured", _coerce_codes, propagate=True)
