"""The call list a page at a time: the search, the count and the totals in SQL.

The Appels list never holds a year's calls: it asks :func:`call_summary_page` for one keyset
page (by number) with the count of the calls its search leaves, and its totals row shows
:func:`call_list_totals`, the database's sum over the same calls — never a sum of the rows
loaded. :func:`period_call_ids` gives the per-period PDFs their calls.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import CallKind
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.services.calls.views import (
    CallSummary,
    call_summaries,
    period_label_of,
    pole_start_month,
)
from ptce_desktop.services.list_search import (
    fold,
    folded_member_names,
    like_pattern,
    members_matching,
)
from ptce_desktop.store.models import Call, CallLine, PaymentMatch


@dataclass(frozen=True)
class CallListTotals:
    """The totals of every call the list's search leaves (not only the rows loaded): the
    aggregate the totals row shows, summed by the database over the same rows as the list."""

    count: int
    total_ht_cents: int
    total_vat_cents: int
    total_cents: int
    paid_cents: int

    @property
    def outstanding_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class CallSummaryPage:
    """One keyset page of the call list (by number)."""

    rows: tuple[CallSummary, ...]
    #: Pass as ``after`` for the next page; None on the last page.
    next_cursor: tuple[str, int] | None
    #: Calls matching the search (every page), -1 when not counted.
    total_count: int = -1
    #: Calls of the year whatever the search, -1 when not counted.
    year_count: int = -1
    #: The aggregate over every call matching the search, when asked.
    totals: CallListTotals | None = None


def call_search(session: Session, year: int, text: str) -> list[ColumnElement[bool]]:
    """The conditions on ``Call`` for the list's search ``text``: every word (accents and case
    ignored) in the call's number, its member's name or its period (« T2 2025 »,
    « Régularisation 2025 »). Only ``calls`` columns: the count needs no join. The member
    names are folded here (a pole's few thousand names), SQLite has no accent folding."""
    words = fold(text).split()
    if not words:
        return []
    fy = FiscalYear(year, pole_start_month(session))
    folded = folded_member_names(session)
    periods: list[tuple[str, ColumnElement[bool]]] = [
        (fold(period_label_of(fy, quarter)), Call.quarter == quarter) for quarter in (1, 2, 3, 4)
    ]
    periods.append(
        (fold(period_label_of(fy, None)), Call.quarter.is_(None) & (Call.kind == CallKind.TRUE_UP))
    )
    periods.append(
        (
            fold(period_label_of(fy, None, "provisional")),
            Call.quarter.is_(None) & (Call.kind != CallKind.TRUE_UP),
        )
    )
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        members = members_matching(folded, word)
        if members is None:
            continue  # every member matches: no condition from this word
        either: list[ColumnElement[bool]] = [
            func.lower(Call.number).like(like_pattern(word), escape="\\")
        ]
        if members:
            either.append(Call.member_id.in_(members))
        either += [condition for label, condition in periods if word in label]
        conditions.append(or_(*either))
    return conditions


def call_list_totals(session: Session, year: int, *where: ColumnElement[bool]) -> CallListTotals:
    """Σ over the calls of ``year`` matching ``where`` (conditions on ``Call`` only): their
    count, the lines' amounts and what payments settle of them — three aggregate queries,
    each a range of ``ix_calls_year_number`` joined by the lines' and matches' call index."""
    count = session.scalar(select(func.count()).select_from(Call).where(Call.year == year, *where))
    ht, vat, ttc = session.execute(
        select(
            func.coalesce(func.sum(CallLine.ht_cents), 0),
            func.coalesce(func.sum(CallLine.vat_cents), 0),
            func.coalesce(func.sum(CallLine.ttc_cents), 0),
        )
        .select_from(Call)
        .join(CallLine, CallLine.call_id == Call.id)
        .where(Call.year == year, *where)
    ).one()
    paid = session.scalar(
        select(func.coalesce(func.sum(PaymentMatch.amount_cents), 0))
        .select_from(Call)
        .join(PaymentMatch, PaymentMatch.call_id == Call.id)
        .where(Call.year == year, *where)
    )
    return CallListTotals(int(count or 0), int(ht), int(vat), int(ttc), int(paid or 0))


def call_summary_page(
    session: Session,
    year: int,
    *,
    search: str = "",
    after: tuple[str, int] | None = None,
    limit: int = 200,
    count: bool = False,
    totals: bool = False,
) -> CallSummaryPage:
    """One page of the calls of ``year`` matching ``search`` (see :func:`call_search`), by
    number after the keyset ``after``; with ``count`` the number matching and the year's
    number, with ``totals`` the aggregate over every call matching (:func:`call_list_totals`)."""
    where = call_search(session, year, search)
    size = max(1, limit)
    rows = call_summaries(session, year, *where, after=after, limit=size + 1)
    cursor = None
    if len(rows) > size:
        rows = rows[:size]
        cursor = (rows[-1].number, rows[-1].id)
    total_count = year_count = -1
    if count:
        year_count = int(
            session.scalar(select(func.count()).select_from(Call).where(Call.year == year)) or 0
        )
        total_count = (
            year_count
            if not where
            else int(
                session.scalar(
                    select(func.count()).select_from(Call).where(Call.year == year, *where)
                )
                or 0
            )
        )
    aggregate = call_list_totals(session, year, *where) if totals else None
    return CallSummaryPage(tuple(rows), cursor, total_count, year_count, aggregate)


def period_call_ids(session: Session, call_id: int) -> list[int]:
    """The calls of the same period as call ``call_id`` (year, quarter, kind), by number."""
    call = session.execute(
        select(Call.year, Call.quarter, Call.kind).where(Call.id == call_id)
    ).one_or_none()
    if call is None:
        return []
    year, quarter, kind = call
    same_quarter = Call.quarter.is_(None) if quarter is None else Call.quarter == quarter
    return list(
        session.scalars(
            select(Call.id)
            .where(Call.year == year, same_quarter, Call.kind == kind)
            .order_by(Call.number, Call.id)
        )
    )
