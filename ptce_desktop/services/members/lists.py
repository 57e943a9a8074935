"""Read models over the whole register: the member list and the counts per category.

Each is one SQL statement whatever the number of members (no per-member query).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.identifiers import format_siret
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.services.members.detail import YearFigures, active_condition
from ptce_desktop.services.members.input import sort_key
from ptce_desktop.store.models import Member, MemberYearFigures


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list (figures of ``year`` when declared)."""

    id: int
    name: str
    short_name: str | None
    category: str
    category_label: str
    siret: str | None
    siret_display: str | None
    joined_on: dt.date | None
    left_on: dt.date | None
    college: str | None
    qpv: bool
    archived: bool
    active: bool
    year: int
    figures: YearFigures | None


@dataclass(frozen=True)
class CategoryCount:
    """Members of one category in a fiscal year: active, joined and left during the year."""

    category: str
    label: str
    count: int
    joined_in_year: int
    left_in_year: int


def member_rows(session: Session, fy: FiscalYear, *, include_archived: bool) -> list[MemberRow]:
    """Every member (or those without a leaving date) with its activity flag and figures for
    ``fy``, sorted by name ignoring accents and case."""
    figures = MemberYearFigures
    statement = (
        select(
            Member.id,
            Member.name,
            Member.short_name,
            Member.category,
            Member.siret,
            Member.joined_on,
            Member.left_on,
            Member.college,
            Member.qpv,
            case((active_condition(fy), literal(True)), else_=literal(False)),
            figures.id,
            figures.headcount,
            figures.etp_milli,
            figures.jobs_created,
            figures.jobs_maintained,
            figures.volunteers,
            figures.turnover_cents,
        )
        .outerjoin(
            figures,
            and_(figures.member_id == Member.id, figures.year == fy.start_year),
        )
        .order_by(Member.id)
    )
    if not include_archived:
        statement = statement.where(Member.left_on.is_(None))
    rows = [
        MemberRow(
            id=r[0],
            name=r[1],
            short_name=r[2],
            category=r[3],
            category_label=r[3].label(),
            siret=r[4],
            siret_display=format_siret(r[4]) if r[4] else None,
            joined_on=r[5],
            left_on=r[6],
            college=r[7],
            qpv=bool(r[8]),
            archived=r[6] is not None,
            active=bool(r[9]),
            year=fy.start_year,
            figures=None if r[10] is None else YearFigures(fy.start_year, *r[11:]),
        )
        for r in session.execute(statement)
    ]
    return sorted(rows, key=lambda row: (sort_key(row.name), row.id))


def category_counts(session: Session, fy: FiscalYear) -> list[CategoryCount]:
    """One line per category (every category, in the domain's order)."""

    def within(column: Any) -> ColumnElement[bool]:
        return and_(column.is_not(None), column >= fy.start, column <= fy.end)

    def count(condition: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    found = {
        category: (int(active), int(joined), int(left))
        for category, active, joined, left in session.execute(
            select(
                Member.category,
                count(active_condition(fy)),
                count(within(Member.joined_on)),
                count(within(Member.left_on)),
            ).group_by(Member.category)
        )
    }
    return [
        CategoryCount(category.value, category.label(), *found.get(category, (0, 0, 0)))
        for category in MemberCategory
    ]
