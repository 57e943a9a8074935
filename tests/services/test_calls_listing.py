"""The call list a page at a time: keyset pages without gap or repeat, the search in SQL
(accents and case ignored, on number, member and period), the counts, the totals row's
aggregate (equal to the sum over every call the search leaves, whatever page is loaded), and
the calls of one period for its PDFs."""

from __future__ import annotations

import pytest
from test_calls_summaries import world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService, CallSummary
from ptce_desktop.store.unit_of_work import UnitOfWork


def every_page(calls: CallService, search: str = "", limit: int = 1) -> list[CallSummary]:
    page = calls.list_call_page(2025, search=search, limit=limit)
    rows = list(page.rows)
    while page.next_cursor is not None:
        assert len(page.rows) == limit
        page = calls.list_call_page(2025, search=search, after=page.next_cursor, limit=limit)
        rows += page.rows
    return rows


def test_pages_read_to_the_end_are_the_whole_list_in_number_order(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    whole = calls.list_call_summaries(2025)
    assert len(whole) == 15  # 3 members x 4 quarters + 3 true-ups
    for limit in (1, 2, 7, 200):
        assert every_page(calls, limit=limit) == whole
    first = calls.list_call_page(2025, limit=4, count=True)
    assert first.rows == tuple(whole[:4]) and first.next_cursor == (whole[3].number, whole[3].id)
    assert (first.total_count, first.year_count) == (15, 15)
    assert first.totals is None  # only when asked
    assert calls.list_call_page(2024, count=True).rows == ()


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("epicerie", lambda s: "Épicerie" in s.member_name),  # accents and case ignored
        ("ÉPICERIE t2", lambda s: "Épicerie" in s.member_name and s.quarter == 2),
        ("oeuvre & coeur", lambda s: "Œuvre & Cœur" in s.member_name),
        ("<drome>", lambda s: "<Drôme>" in s.member_name),
        ("régularisation", lambda s: s.kind == "true_up"),
        ("af-2025-0003", lambda s: s.number == "AF-2025-0003"),
        ("t4 2025", lambda s: s.quarter == 4),
        ("1 234,56 €", lambda s: "1 234,56 €" in s.member_name),
        ("100%_", lambda s: False),  # LIKE's wildcards are searched as typed
        ("personne", lambda s: False),
    ],
)
def test_the_search_is_the_query(uow: UnitOfWork, search: str, expected: object) -> None:
    _members, calls = world(uow)
    whole = calls.list_call_summaries(2025)
    wanted = [s for s in whole if expected(s)]  # type: ignore[operator]
    assert every_page(calls, search) == wanted
    page = calls.list_call_page(2025, search=search, count=True, totals=True)
    assert (page.total_count, page.year_count) == (len(wanted), 15)
    totals = page.totals
    assert totals is not None and totals.count == len(wanted)
    assert totals.total_cents == sum(s.total_cents for s in wanted)
    assert totals.total_ht_cents == sum(s.total_ht_cents for s in wanted)
    assert totals.total_vat_cents == sum(s.total_vat_cents for s in wanted)
    assert totals.paid_cents == sum(s.paid_cents for s in wanted)
    assert totals.outstanding_cents == sum(s.outstanding_cents for s in wanted)
    assert calls.call_list_totals(2025, search=search) == totals


def test_the_totals_are_every_calls_not_the_pages(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    whole = calls.list_call_summaries(2025)
    page = calls.list_call_page(2025, limit=1, totals=True)
    assert len(page.rows) == 1 and page.totals is not None
    assert page.totals.total_cents == sum(s.total_cents for s in whole)
    assert page.totals.paid_cents == 12_345 == sum(s.paid_cents for s in whole)
    assert any(s.total_cents < 0 for s in whole)  # a credit counts negative
    assert any(s.total_vat_cents for s in whole)


def test_the_calls_of_a_period(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    whole = calls.list_call_summaries(2025)
    for call in whole:
        same = [s.id for s in whole if (s.quarter, s.kind) == (call.quarter, call.kind)]
        assert calls.period_call_ids(call.id) == same and len(same) == 3
    with pytest.raises(PtceError) as missing:
        calls.period_call_ids(999_999)
    assert missing.value.code == "not_found"


def test_a_bad_cursor_is_refused(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    with pytest.raises(PtceError) as bad:
        calls.list_call_page(2025, after=("AF-2025-0001", "x"))  # type: ignore[arg-type]
    assert bad.value.code == "invalid_cursor"


def test_a_page_after_the_cursor_is_a_range_of_the_year_number_index(uow: UnitOfWork) -> None:
    from store.test_store_list_plans import assert_range_read, list_queries, plan

    _members, calls = world(uow)
    first = calls.list_call_page(2025, limit=2)
    for run in (
        lambda: calls.list_call_page(2025, after=first.next_cursor, limit=2),
        lambda: calls.list_call_page(2025, search="épicerie t2", after=first.next_cursor),
    ):
        statement = list_queries(uow, run, "calls")[0]
        assert_range_read(uow, statement, "ix_calls_year_number")
        assert "(year=? AND number>?)" in "\n".join(plan(uow, statement))
