"""The payments list a keyset page at a time (``PaymentService.list_payment_page``): every order
joins its pages without gap or repeat, the search is the SQL query (accents, case, method
labels, dates, amounts), and the count and totals are those of every payment it leaves."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from support.factories.calls import NAMES, standard_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payment_listing import PaymentPage
from ptce_desktop.services.calls.payments import PaymentService, PaymentView
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
LABELS = {"cheque": "Chèque", "virement": "Virement", "especes": "Espèces"}


@pytest.fixture
def world(uow: UnitOfWork) -> dict[str, Any]:
    members, _key, _service = standard_world(uow)
    CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 10), due_date=D(2025, 2, 10)
    )
    service = PaymentService(uow)
    a, b, c = members
    made = [
        service.record_payment(
            a, D(2025, 2, 15), 60_000, "cheque", "Chèque n° 42 « Éclair »", "l'été"
        ),
        service.record_payment(b, D(2025, 3, 1), 12_345, "virement", "VIR <&> 100 %", None),
        service.record_payment(c, D(2025, 1, 10), 5_000, "especes", None, None, matches={}),
        service.record_payment(a, D(2025, 3, 1), 1_000, "virement", "a_b", None, matches={}),
        service.record_payment(
            b, D(2025, 2, 15), -2_000, "cheque", "Remboursement", None, matches={}
        ),
        # another fiscal year: never in 2025's list
        service.record_payment(a, D(2026, 1, 5), 7_000, "cheque", "Éclair 2026", None, matches={}),
    ]
    return {"members": members, "payments": made, "service": service}


def every_page(service: PaymentService, sort: str, search: str = "", limit: int = 2) -> list[int]:
    ids: list[int] = []
    after = None
    for _ in range(20):
        page = service.list_payment_page(
            2025, sort=sort, search=search, after=after, limit=limit, method_labels=LABELS
        )
        ids += [row.id for row in page.rows]
        after = page.next_cursor
        if after is None:
            return ids
    raise AssertionError("the pages never end")


ORDERS = {
    "date": lambda p: (p.date, p.id),
    "member": lambda p: (p.member_name, p.member_id, p.id),
    "amount": lambda p: (p.amount_cents, p.id),
}


@pytest.mark.parametrize("sort", [*ORDERS, *(f"-{name}" for name in ORDERS)])
def test_every_order_joins_its_pages(world: dict[str, Any], sort: str) -> None:
    service: PaymentService = world["service"]
    year = service.list_payments(2025)
    assert len(year) == 5
    expected = sorted(year, key=ORDERS[sort.removeprefix("-")], reverse=sort.startswith("-"))
    assert every_page(service, sort) == [p.id for p in expected]
    assert every_page(service, sort, limit=1) == [p.id for p in expected]


def test_the_rows_are_the_payment_views(world: dict[str, Any]) -> None:
    service: PaymentService = world["service"]
    page = service.list_payment_page(2025, sort="date", limit=10)
    assert list(page.rows) == service.list_payments(2025)  # matches, matched, unmatched alike
    first: PaymentView = world["payments"][0]
    shown = next(row for row in page.rows if row.id == first.id)
    assert shown.matched_cents == first.matched_cents > 0
    assert shown.reference == "Chèque n° 42 « Éclair »" and shown.note == "l'été"


def searched(service: PaymentService, text: str) -> PaymentPage:
    return service.list_payment_page(
        2025, search=text, limit=50, count=True, totals=True, method_labels=LABELS
    )


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("ÉCLAIR", [0]),  # the reference, accents and case ignored
        ("eclair chèque", [0]),  # every word, each anywhere
        ("epicerie", [1, 4]),  # the member's name (« L'Épicerie »)
        ("espèces", [2]),  # the method's label as the list shows it
        ("virement", [1, 3]),  # its code or label
        ("15/02/2025", [0, 4]),  # the date as shown
        ("123,45", [1]),  # an amount as typed
        ("20,00", [4]),  # a refund's amount, typed without its sign
        ("a_b", [3]),  # LIKE's wild cards are plain characters
        ("100 %", [1]),
        ("<&>", [1]),
        ("nothing-like-this", []),
    ],
)
def test_the_search_is_the_query(world: dict[str, Any], text: str, wanted: list[int]) -> None:
    service: PaymentService = world["service"]
    made: list[PaymentView] = world["payments"]
    page = searched(service, text)
    assert sorted(row.id for row in page.rows) == sorted(made[i].id for i in wanted)
    assert page.total_count == len(wanted) and page.year_count == 5
    totals = page.totals
    assert totals is not None and totals.count == len(wanted)
    chosen = [made[i] for i in wanted]
    assert totals.amount_cents == sum(p.amount_cents for p in chosen)
    assert totals.matched_cents == sum(p.matched_cents for p in chosen)
    assert totals.unmatched_cents == sum(p.unmatched_cents for p in chosen)


def test_a_word_every_member_holds_says_nothing(world: dict[str, Any]) -> None:
    """« e » is in every member's name: the word leaves every payment (as the calls list)."""
    assert not any(n for n in NAMES if "e" not in n.lower())
    assert searched(world["service"], "e").total_count == 5


def test_totals_are_over_every_page(world: dict[str, Any]) -> None:
    service: PaymentService = world["service"]
    page = service.list_payment_page(2025, limit=1, count=True, totals=True)
    assert len(page.rows) == 1 and page.total_count == page.year_count == 5
    every = service.list_payments(2025)
    assert page.totals is not None
    assert page.totals.amount_cents == sum(p.amount_cents for p in every) == 76_345
    assert page.totals.matched_cents == sum(p.matched_cents for p in every)
    assert page.totals.unmatched_cents == sum(p.unmatched_cents for p in every)


def test_the_newest_come_first_by_default(world: dict[str, Any]) -> None:
    page = world["service"].list_payment_page(2025, limit=10)
    assert page.sort == "-date"
    assert [row.date for row in page.rows] == sorted((row.date for row in page.rows), reverse=True)


@pytest.mark.parametrize(
    ("sort", "after", "code"),
    [
        ("reference", None, "invalid_sort"),
        ("-note", None, "invalid_sort"),
        ("date", '["pas une date", 3]', "invalid_cursor"),
        ("amount", '["12", 3]', "invalid_cursor"),
        ("member", '["Éclair", "x", 3]', "invalid_cursor"),
        ("date", "{not json", "invalid_cursor"),
    ],
)
def test_a_bad_order_or_cursor_is_refused(
    world: dict[str, Any], sort: str, after: str | None, code: str
) -> None:
    with pytest.raises(PtceError) as caught:
        world["service"].list_payment_page(2025, sort=sort, after=after)
    assert caught.value.code == code
