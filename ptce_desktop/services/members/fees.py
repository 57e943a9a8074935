"""Membership fees (cotisations) per member category and fiscal year.

The fees due for a year are, for every member active at some point of the fiscal year
(joined on or before its last day, not left before its first day), the fee of its category
that year; a category without a fee counts nothing. Used by the Cerfa 15059 line 756.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.store.base import MONEY_MAX, YEAR_MAX, YEAR_MIN
from ptce_desktop.store.models import Member, MembershipFee
from ptce_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class FeeView:
    category: MemberCategory
    amount_cents: int | None  # None: no fee set for that category and year


@dataclass(frozen=True)
class CategoryFeesDue:
    category: MemberCategory
    member_count: int
    fee_cents: int
    total_cents: int


@dataclass(frozen=True)
class FeesDue:
    year: int
    total_cents: int
    by_category: tuple[CategoryFeesDue, ...]


def _category(value: str) -> MemberCategory:
    try:
        return MemberCategory(value)
    except ValueError:
        raise PtceError("unknown_category", "category", value=value) from None


def _check_year(year: int) -> None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise PtceError("invalid_value", "year", field_label="year", value=year)


class FeeService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def set_fee(self, year: int, category: str, amount_cents: int) -> None:
        kind = _category(category)
        _check_year(year)
        if amount_cents < 0:
            raise PtceError("negative_amount", "amount_cents", field_label="amount_cents")
        if amount_cents > MONEY_MAX:
            raise PtceError("amount_out_of_bounds", "amount_cents", field_label="amount_cents")
        with self.uow.write("Fixer une cotisation") as session:
            row = session.scalars(
                select(MembershipFee).where(
                    MembershipFee.year == year, MembershipFee.category == kind
                )
            ).one_or_none()
            if row is None:
                session.add(MembershipFee(year=year, category=kind, amount_cents=amount_cents))
            else:
                row.amount_cents = amount_cents

    def remove_fee(self, year: int, category: str) -> None:
        kind = _category(category)
        with self.uow.write("Supprimer une cotisation") as session:
            row = session.scalars(
                select(MembershipFee).where(
                    MembershipFee.year == year, MembershipFee.category == kind
                )
            ).one_or_none()
            if row is None:
                raise PtceError(
                    "not_found", entity=Entity.MEMBERSHIP_FEE, id=f"{kind.value} {year}"
                )
            session.delete(row)

    def list_fees(self, year: int) -> list[FeeView]:
        """Every category in the domain's order, with its fee for ``year`` (or None)."""
        with self.uow.read() as session:
            fees = dict(
                session.execute(
                    select(MembershipFee.category, MembershipFee.amount_cents).where(
                        MembershipFee.year == year
                    )
                ).all()
            )
        return [FeeView(category, fees.get(category)) for category in MemberCategory]

    def fees_due(self, year: int) -> FeesDue:
        """The fees due for ``year`` by category and in total (one SQL aggregation)."""
        with self.uow.read() as session:
            period = fiscal_year(session, year)
            active = and_(
                or_(Member.joined_on.is_(None), Member.joined_on <= period.end),
                or_(Member.left_on.is_(None), Member.left_on >= period.start),
            )
            rows = session.execute(
                select(
                    MembershipFee.category,
                    func.count(Member.id),
                    MembershipFee.amount_cents,
                    func.sum(MembershipFee.amount_cents),
                )
                .join(Member, Member.category == MembershipFee.category)
                .where(MembershipFee.year == year, active)
                .group_by(MembershipFee.category, MembershipFee.amount_cents)
            )
            by_category = sorted(
                (CategoryFeesDue(c, n, fee, total or 0) for c, n, fee, total in rows),
                key=lambda line: list(MemberCategory).index(line.category),
            )
        return FeesDue(year, sum(line.total_cents for line in by_category), tuple(by_category))

    def total_fees_due(self, year: int) -> int:
        """Total of :meth:`fees_due` in cents."""
        return self.fees_due(year).total_cents
