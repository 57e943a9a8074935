"""A table to export, independent of the file format: typed columns and plain values.

Values are what the store holds: money in integer cents, quantities in thousandths,
percentages in basis points, dates as :class:`datetime.date`. The format writers turn them into
numbers with a number format (``1 234,56 €``, ``12,50 %``), real dates, and text cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ColumnType(StrEnum):
    TEXT = "text"
    MONEY = "money"  # integer cents
    DATE = "date"
    UNITS = "units"  # integer thousandths (m², ETP, hours)
    PERCENT = "percent"  # integer basis points
    INTEGER = "integer"
    BOOLEAN = "boolean"  # written « oui » / « non » (a text cell)


@dataclass(frozen=True)
class Column:
    header: str  # French: what ``import`` recognises
    type: ColumnType = ColumnType.TEXT


@dataclass(frozen=True)
class Sheet:
    """One table: its title (the sheet's name), columns and rows of plain values."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    @staticmethod
    def of(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> Sheet:
        width = len(columns)
        return Sheet(title, tuple(columns), tuple(tuple(r)[:width] for r in rows))


#: the characters that make a spreadsheet read a text cell as a formula (or inject one in CSV)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text that would start a formula gets a leading apostrophe (OWASP CSV injection): the
    spreadsheet shows it as text. Used for text cells only; numbers are never touched. The
    import (``exchange.cells.text``) removes that apostrophe again."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def text_of(value: Any) -> str:
    """A TEXT or BOOLEAN value as the cell's text (before neutralisation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def width_of(sheet: Sheet, index: int) -> int:
    """A column's width in characters: its longest cell as written, between 8 and 60."""
    column = sheet.columns[index]
    longest = len(column.header)
    for row in sheet.rows[:2000]:
        value = row[index]
        if value is None:
            continue
        if column.type is ColumnType.MONEY:
            size = len(f"{value / 100:,.2f}") + 2
        elif column.type is ColumnType.DATE:
            size = 10
        elif column.type in (ColumnType.TEXT, ColumnType.BOOLEAN):
            size = max((len(line) for line in text_of(value).splitlines()), default=0)
        else:
            size = len(str(value)) + 2
        longest = max(longest, size)
    return max(8, min(60, longest + 2))
