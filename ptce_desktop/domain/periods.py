"""Fiscal years, quarters, day counts and the French date format.

A fiscal year is named by the year it starts in (DESIGN §3); one that does not start in
January is shown "2025/2026". Every period is a closed interval of days: both ends count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ptce_desktop.domain.errors import PtceError


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise PtceError("invalid_period", start=format_date(start), end=format_date(end))


def days_inclusive(start: date, end: date) -> int:
    """Number of days from ``start`` to ``end``, both counted: a day alone is 1.
    Raises ``invalid_period`` when ``end`` is before ``start``."""
    _check_period(start, end)
    return (end - start).days + 1


def overlap_days(start1: date, end1: date, start2: date, end2: date) -> int:
    """Days shared by the closed intervals [start1, end1] and [start2, end2]; 0 if disjoint."""
    _check_period(start1, end1)
    _check_period(start2, end2)
    first, last = max(start1, start2), min(end1, end2)
    return (last - first).days + 1 if first <= last else 0


@dataclass(frozen=True)
class Period:
    """A closed interval of days with a label, e.g. ``T1 2025`` (1 January – 31 March)."""

    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        _check_period(self.start, self.end)

    @property
    def days(self) -> int:
        return days_inclusive(self.start, self.end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


@dataclass(frozen=True, order=True)
class FiscalYear:
    """The fiscal year starting on the first day of ``start_month`` of ``start_year``."""

    start_year: int
    start_month: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.start_month <= 12:
            raise PtceError("invalid_month", "start_month", value=self.start_month)

    @property
    def start(self) -> date:
        return date(self.start_year, self.start_month, 1)

    @property
    def end(self) -> date:
        year, month = _add_months(self.start_year, self.start_month, 12)
        return date(year, month, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """ "2025", or "2025/2026" when the year does not start in January."""
        if self.start_month == 1:
            return str(self.start_year)
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def period(self) -> Period:
        return Period(self.start, self.end, self.label)

    def quarters(self) -> list[Period]:
        """The four quarters, labelled "T1 2025" … "T4 2025" (or "T1 2025/2026" …)."""
        result = []
        for index in range(4):
            year, month = _add_months(self.start_year, self.start_month, 3 * index)
            next_year, next_month = _add_months(year, month, 3)
            result.append(
                Period(
                    date(year, month, 1),
                    date(next_year, next_month, 1) - timedelta(days=1),
                    f"T{index + 1} {self.label}",
                )
            )
        return result

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> FiscalYear:
        return FiscalYear(self.start_year + 1, self.start_month)

    def previous(self) -> FiscalYear:
        return FiscalYear(self.start_year - 1, self.start_month)


def fiscal_year_of(day: date, start_month: int = 1) -> FiscalYear:
    """The fiscal year (starting in ``start_month``) that contains ``day``."""
    year = day.year if day.month >= start_month else day.year - 1
    return FiscalYear(year, start_month)


# --- French dates ---------------------------------------------------------------------------

_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def format_date(day: date) -> str:
    """``date(2026, 12, 31)`` -> ``"31/12/2026"``."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_date(text: str, *, field: str | None = None) -> date:
    """Read ``31/12/2026`` (day and month may have one digit) or ISO ``2026-12-31``.

    Two-digit years and any other form raise ``invalid_date``; a day that does not exist
    (``31/02/2026``) raises ``impossible_date``.
    """
    value = text.strip()
    if match := _FRENCH_DATE.fullmatch(value):
        day, month, year = (int(group) for group in match.groups())
    elif match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(group) for group in match.groups())
    else:
        raise PtceError("invalid_date", field, value=value)
    try:
        return date(year, month, day)
    except ValueError:
        raise PtceError("impossible_date", field, value=value) from None
