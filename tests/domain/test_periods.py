"""Fiscal years, quarters, day counts, French dates."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import (
    FiscalYear,
    Period,
    days_inclusive,
    fiscal_year_of,
    format_date,
    overlap_days,
    parse_date,
)


def test_calendar_fiscal_year() -> None:
    year = FiscalYear(2025)
    assert (year.start, year.end, year.label) == (date(2025, 1, 1), date(2025, 12, 31), "2025")
    assert [(q.start, q.end, q.label) for q in year.quarters()] == [
        (date(2025, 1, 1), date(2025, 3, 31), "T1 2025"),
        (date(2025, 4, 1), date(2025, 6, 30), "T2 2025"),
        (date(2025, 7, 1), date(2025, 9, 30), "T3 2025"),
        (date(2025, 10, 1), date(2025, 12, 31), "T4 2025"),
    ]


def test_fiscal_year_starting_in_july() -> None:
    year = FiscalYear(2025, 7)
    assert year.label == "2025/2026"
    assert (year.start, year.end) == (date(2025, 7, 1), date(2026, 6, 30))
    assert [(q.start, q.end, q.label) for q in year.quarters()] == [
        (date(2025, 7, 1), date(2025, 9, 30), "T1 2025/2026"),
        (date(2025, 10, 1), date(2025, 12, 31), "T2 2025/2026"),
        (date(2026, 1, 1), date(2026, 3, 31), "T3 2025/2026"),
        (date(2026, 4, 1), date(2026, 6, 30), "T4 2025/2026"),
    ]
    assert year.contains(date(2026, 6, 30)) and not year.contains(date(2026, 7, 1))
    assert year.next() == FiscalYear(2026, 7) and year.previous() == FiscalYear(2024, 7)


def test_fiscal_year_rejects_bad_month() -> None:
    with pytest.raises(PtceError) as info:
        FiscalYear(2025, 13)
    assert info.value.code == "invalid_month"


@pytest.mark.parametrize(
    ("day", "start_month", "expected"),
    [
        (date(2025, 6, 30), 7, FiscalYear(2024, 7)),
        (date(2025, 7, 1), 7, FiscalYear(2025, 7)),
        (date(2025, 12, 31), 1, FiscalYear(2025)),
        (date(2026, 2, 28), 3, FiscalYear(2025, 3)),
    ],
)
def test_fiscal_year_of(day: date, start_month: int, expected: FiscalYear) -> None:
    assert fiscal_year_of(day, start_month) == expected


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 31)), st.integers(1, 12))
def test_quarters_tile_the_year(day: date, start_month: int) -> None:
    year = fiscal_year_of(day, start_month)
    assert year.contains(day)
    quarters = year.quarters()
    assert quarters[0].start == year.start and quarters[-1].end == year.end
    for before, after in pairwise(quarters):
        assert (after.start - before.end).days == 1
    assert sum(q.days for q in quarters) == year.period.days
    assert sum(q.contains(day) for q in quarters) == 1


def test_days() -> None:
    assert days_inclusive(date(2025, 1, 1), date(2025, 1, 1)) == 1
    assert days_inclusive(date(2025, 1, 1), date(2025, 3, 31)) == 90
    assert days_inclusive(date(2024, 1, 1), date(2024, 12, 31)) == 366
    assert (
        overlap_days(date(2025, 2, 15), date(2025, 12, 31), date(2025, 1, 1), date(2025, 3, 31))
        == 45
    )
    assert (
        overlap_days(date(2025, 4, 1), date(2025, 5, 1), date(2025, 1, 1), date(2025, 3, 31)) == 0
    )
    assert (
        overlap_days(date(2025, 3, 31), date(2025, 5, 1), date(2025, 1, 1), date(2025, 3, 31)) == 1
    )
    with pytest.raises(PtceError) as info:
        days_inclusive(date(2025, 2, 1), date(2025, 1, 1))
    assert info.value.code == "invalid_period"
    assert "01/02/2025" in info.value.message()
    with pytest.raises(PtceError):
        Period(date(2025, 2, 1), date(2025, 1, 1), "à l'envers")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("31/12/2026", date(2026, 12, 31)),
        ("1/2/2026", date(2026, 2, 1)),
        (" 29/02/2024 ", date(2024, 2, 29)),
        ("2026-12-31", date(2026, 12, 31)),
    ],
)
def test_parse_date(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31/02/2026", "impossible_date"),
        ("29/02/2025", "impossible_date"),
        ("00/01/2026", "impossible_date"),
        ("2026-13-01", "impossible_date"),
        ("31/12/26", "invalid_date"),
        ("31-12-2026", "invalid_date"),
        ("12/31/2026 10:00", "invalid_date"),
        ("demain", "invalid_date"),
        ("", "invalid_date"),
        ("2026-1-5", "invalid_date"),
    ],
)
def test_parse_date_rejects(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        parse_date(text, field="invoice_date")
    assert (info.value.code, info.value.field) == (code, "invoice_date")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_date_round_trip(day: date) -> None:
    assert format_date(day) == f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day
