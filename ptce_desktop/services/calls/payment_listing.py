"""The payments list (« Règlements ») a keyset page at a time: search, count and totals in SQL.

As the call list (:mod:`.listing`), the list never holds a year's payments (~13 000 on a
large pole): :func:`payment_page` reads one page in the order of an index, after a keyset
cursor, with — when asked — the number of payments the search leaves, the year's number, and
their totals (amount, matched, unmatched) summed by the database over the same rows.

Orders (``sort``, ``-`` for descending, ties by id), each read along an index (no sort of the
year; tests/store/test_store_list_plans.py checks the plans):

* ``date``: ``ix_payments_date``;
* ``amount``: ``ix_payments_amount_cents`` (migration 0015);
* ``member``: the members by ``ix_members_name`` (then id), each member's payments by
  ``ix_payments_member_id``.

The search: every word (accents and case ignored: the reference is folded by the same Python
function, registered on the connection) in the member's name, the reference, the
method (its code or the label the list shows, given as ``method_labels``) or the date as
shown (« 15/02/2025 »); a word that reads as an amount (« 1234,5 ») also finds the payments of
that amount. Only ``payments`` columns: the count and the totals need no join.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from ptce_desktop.domain.categories import PaymentMethod
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.views import (
    PaymentMatchView,
    PaymentView,
    payment_rows,
    payment_view,
)
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.services.list_search import (
    fold,
    folded_like,
    folded_member_names,
    like_pattern,
    members_matching,
    typed_amount,
)
from ptce_desktop.store.models import Call, Member, Payment, PaymentMatch

#: The orders the list offers (the columns it can sort by), each along an index.
PAYMENT_SORTS = ("date", "member", "amount")
DEFAULT_SORT = "-date"  # the newest first: a payment just recorded is on the first page


@dataclass(frozen=True)
class PaymentListTotals:
    """The totals of every payment the search leaves (not only the rows loaded)."""

    count: int
    amount_cents: int
    matched_cents: int

    @property
    def unmatched_cents(self) -> int:
        return self.amount_cents - self.matched_cents


@dataclass(frozen=True)
class PaymentPage:
    """One keyset page of the payments list."""

    rows: tuple[PaymentView, ...]
    #: Pass as ``after`` (with the same ``sort``) for the next page; None on the last page.
    next_cursor: str | None
    sort: str = DEFAULT_SORT
    #: Payments matching the search (every page), -1 when not counted.
    total_count: int = -1
    #: Payments of the year whatever the search, -1 when not counted.
    year_count: int = -1
    #: The aggregate over every payment matching the search, when asked.
    totals: PaymentListTotals | None = None


def _unindexed(column: Any) -> Any:
    """``+column``: the same value, but SQLite will not pick the column's index for it."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def payment_search(
    session: Session, text: str, method_labels: Mapping[str, str] | None = None
) -> list[ColumnElement[bool]]:
    """The conditions on ``Payment`` for the search ``text`` (see the module's docstring)."""
    words = fold(text).split()
    if not words:
        return []
    names = folded_member_names(session)
    labels = {code.value: fold(code.value) for code in PaymentMethod}
    for code, label in (method_labels or {}).items():
        labels[code] = labels.get(code, "") + "\u0000" + fold(label)
    shown_date = func.strftime("%d/%m/%Y", Payment.date)
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        members = members_matching(names, word)
        if members is None:
            continue  # every member matches: no condition from this word
        pattern = like_pattern(word)
        either: list[ColumnElement[bool]] = [
            folded_like(session, Payment.reference, word),
            shown_date.like(pattern, escape="\\"),
        ]
        if members:
            either.append(Payment.member_id.in_(members))
        methods = [code for code, label in labels.items() if word in label]
        if methods:
            either.append(Payment.method.in_(methods))
        cents = typed_amount(word)
        if cents is not None:
            either.append(Payment.amount_cents.in_({cents, -cents}))
        conditions.append(or_(*either))
    return conditions


def payment_list_totals(
    session: Session, period: tuple[dt.date, dt.date], *where: ColumnElement[bool]
) -> PaymentListTotals:
    """Σ over the payments dated in ``period`` matching ``where``: their count and amount (one
    range of ``ix_payments_date``), and what they settle (their matches by payment)."""
    in_year = Payment.date.between(*period)
    count, amount = session.execute(
        select(func.count(), func.coalesce(func.sum(Payment.amount_cents), 0))
        .select_from(Payment)
        .where(in_year, *where)
    ).one()
    matched = session.scalar(
        select(func.coalesce(func.sum(PaymentMatch.amount_cents), 0))
        .select_from(Payment)
        .join(PaymentMatch, PaymentMatch.payment_id == Payment.id)
        .where(in_year, *where)
    )
    return PaymentListTotals(int(count or 0), int(amount or 0), int(matched or 0))


def _encode(values: tuple[Any, ...]) -> str:
    return json.dumps(
        [v.isoformat() if isinstance(v, dt.date) else v for v in values], ensure_ascii=False
    )


def _decode(cursor: str, name: str) -> tuple[Any, ...]:
    """The cursor's values, checked against the order's types (a forged cursor is refused)."""
    try:
        values = json.loads(cursor)
        if name == "date":
            first, payment_id = values
            decoded: tuple[Any, ...] = (dt.date.fromisoformat(first), payment_id)
        elif name == "member":
            member_name, member_id, payment_id = values
            if not isinstance(member_name, str) or not isinstance(member_id, int):
                raise TypeError(values)
            decoded = (member_name, member_id, payment_id)
        else:
            amount, payment_id = values
            if not isinstance(amount, int):
                raise TypeError(values)
            decoded = (amount, payment_id)
        if not isinstance(payment_id, int):
            raise TypeError(values)
    except (ValueError, TypeError) as error:
        raise PtceError("invalid_cursor", "after") from error
    return decoded


def payment_page(
    session: Session,
    year: int,
    *,
    search: str = "",
    sort: str = DEFAULT_SORT,
    after: str | None = None,
    limit: int = 200,
    count: bool = False,
    totals: bool = False,
    method_labels: Mapping[str, str] | None = None,
) -> PaymentPage:
    """One page of the payments dated in fiscal year ``year`` matching ``search``, in the order
    ``sort`` after the keyset ``after``; with ``count`` the number matching and the year's,
    with ``totals`` the aggregate over every payment matching."""
    name = sort.removeprefix("-")
    descending = sort.startswith("-")
    if name not in PAYMENT_SORTS:
        raise PtceError("invalid_sort", "sort", value=sort)
    fy = fiscal_year(session, year)
    period = (fy.start, fy.end)
    where = payment_search(session, search, method_labels)
    keys: tuple[Any, ...]
    ordered: list[ColumnElement[bool]]
    if name == "date":
        keys = (Payment.date, Payment.id)
        ordered = [Payment.date.between(*period)]
    else:
        # read along the order's index; the year's bound filters the rows read (« + » keeps
        # SQLite from choosing the date index and sorting the year instead)
        ordered = [_unindexed(Payment.date).between(*period)]
        if name == "member":
            keys = (Member.name, Member.id, Payment.id)
            ordered.append(Member.name >= "")  # the members by their name index drive the loop
        else:
            keys = (Payment.amount_cents, Payment.id)
    if after is not None:
        values = _decode(after, name)
        key = tuple_(*keys)
        mark = tuple_(*(literal(v, k.type) for v, k in zip(values, keys, strict=True)))
        ordered.append(key < mark if descending else key > mark)
    size = max(1, limit)
    rows = session.execute(
        payment_rows()
        .where(*ordered, *where)
        .order_by(*(k.desc() if descending else k.asc() for k in keys))
        .limit(size + 1)
    ).all()
    cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        values_of = {
            "date": (last.date, last.id),
            "member": (last.name, last.member_id, last.id),
            "amount": (last.amount_cents, last.id),
        }
        cursor = _encode(values_of[name])
    matches: dict[int, list[PaymentMatchView]] = {}
    if rows:
        for payment_id, call_id, number, cents in session.execute(
            select(
                PaymentMatch.payment_id,
                PaymentMatch.call_id,
                Call.number,
                PaymentMatch.amount_cents,
            )
            .join(Call, Call.id == PaymentMatch.call_id)
            .where(PaymentMatch.payment_id.in_([row.id for row in rows]))
        ):
            matches.setdefault(payment_id, []).append(PaymentMatchView(call_id, number, cents))
    views = tuple(payment_view(tuple(row), matches.get(row.id, ())) for row in rows)
    aggregate = payment_list_totals(session, period, *where) if totals else None
    total_count = year_count = -1
    if count:
        year_count = int(
            session.scalar(
                select(func.count()).select_from(Payment).where(Payment.date.between(*period))
            )
            or 0
        )
        if not where:
            total_count = year_count
        elif aggregate is not None:
            total_count = aggregate.count
        else:
            total_count = int(
                session.scalar(
                    select(func.count())
                    .select_from(Payment)
                    .where(Payment.date.between(*period), *where)
                )
                or 0
            )
    return PaymentPage(views, cursor, sort, total_count, year_count, aggregate)
