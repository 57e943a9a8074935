"""Text building blocks for reports: safe paragraphs, headings, notes, cells, key figures.

Every string that comes from the user or the database goes through :func:`para` (or a table
cell), which escapes it before ReportLab's markup parser sees it: ``Dupont & Fils <SARL>`` is
printed as typed, ``<b>x</b>`` is not bold, ``<img src=…>`` opens no file. Markup only ever
comes from constants in our own code, through :func:`markup_para`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import KeepTogether

from ptce_desktop.domain.money import format_integer, format_money
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.typography import french_spacing
from ptce_desktop.reports.styles import (
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    RULE,
    ZEBRA,
    get_styles,
)

Align = Literal["LEFT", "RIGHT", "CENTER"]

EMPTY_TEXT = "Aucune donnée"
ELLIPSIS = "…"
# A single table cell longer than this is cut with "…": a cell several pages tall is unreadable
# and costs seconds to split; full texts belong in paragraphs (bilan qualitatif, descriptions).
CELL_MAX_CHARS = 6000
# Space a split table may leave blank at the bottom of a page before a tall row is split inside.
_MAX_GAP_AT_PAGE_END = 48.0

# C0/C1 controls (except tab and newline) and lone surrogates: never valid in a PDF string and
# able to upset the markup parser or the font encoder.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")


def clean_text(text: object) -> str:
    """``text`` as a printable string: ``None`` → ``""``, controls dropped, newlines unified,
    no-break spaces inside « » and before « : ; ! ? »."""
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    value = _NEWLINES.sub("\n", value).replace("\t", " ")
    return _UNPRINTABLE.sub("", french_spacing(value))


def escape_markup(text: object) -> str:
    """User text made inert for ReportLab markup; newlines become line breaks."""
    value = clean_text(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\n", "<br/>")


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of user text, escaped; long unbroken words wrap (style ``splitLongWords``)."""
    return Paragraph(escape_markup(text), style or get_styles().body)


def cell_para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """Like :func:`para`, for a table cell: text beyond :data:`CELL_MAX_CHARS` is cut with "…"."""
    value = clean_text(text)
    if len(value) > CELL_MAX_CHARS:
        value = value[: CELL_MAX_CHARS - 1] + ELLIPSIS
    return para(value, style or get_styles().cell)


def markup_para(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of trusted markup written in our code (e.g. ``"<b>Total</b>"``).

    Never pass user text here; interpolate it with :func:`escape_markup` first.
    """
    return Paragraph(markup, style or get_styles().body)


def fit_text(text: object, font_name: str, font_size: float, max_width: float) -> str:
    """One line of ``text`` that fits ``max_width``, cut with "…" when too long."""
    value = " ".join(clean_text(text).split())
    if stringWidth(value, font_name, font_size) <= max_width:
        return value
    low, high = 0, len(value)
    while low < high:  # longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(value[:middle] + ELLIPSIS, font_name, font_size) <= max_width:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + ELLIPSIS


def date_text(day: date | None) -> str:
    """``31/12/2026``; an empty string for no date."""
    return format_date(day) if day is not None else ""


# --- headings and notes -------------------------------------------------------------------------


def title_block(title: str, subtitle: str | None = None) -> list[Flowable]:
    """The document's title on its first page, with an optional subtitle (period, funder…)."""
    styles = get_styles()
    block: list[Flowable] = [para(title, styles.title)]
    if subtitle:
        block.append(para(subtitle, styles.subtitle))
    else:
        block.append(Spacer(1, 8))
    return block


def heading(text: str, level: Literal[1, 2] = 1) -> Paragraph:
    """A section heading (h1) or sub-section heading (h2); it keeps with what follows."""
    styles = get_styles()
    return para(text, styles.h1 if level == 1 else styles.h2)


def empty_note(text: str = EMPTY_TEXT) -> Paragraph:
    """The grey italic line printed where a table or chart has nothing to show."""
    return para(text, get_styles().note)


def spacer(height: float = 6) -> Spacer:
    return Spacer(1, height)


# --- cells --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """A formatted table cell: its text (plain, never markup), alignment and weight."""

    text: str
    align: Align = "LEFT"
    bold: bool = False


def money_cell(cents: int | None, *, bold: bool = False) -> Cell:
    """``1 234,56 €`` aligned right; ``None`` prints an empty cell."""
    return Cell("" if cents is None else format_money(cents, typographic=True), "RIGHT", bold)


def number_cell(value: int | None, *, bold: bool = False) -> Cell:
    """An integer with French digit grouping, aligned right."""
    return Cell("" if value is None else format_integer(value), "RIGHT", bold)


def right(text: object, *, bold: bool = False) -> Cell:
    """Any preformatted text (a percentage, a quantity…) aligned right."""
    return Cell(clean_text(text), "RIGHT", bold)


def bold(text: object, align: Align = "LEFT") -> Cell:
    return Cell(clean_text(text), align, True)


def amount_para(cents: int, *, bold: bool = False) -> Paragraph:
    """An amount as a right-aligned paragraph, for use outside tables."""
    text = escape_markup(format_money(cents, typographic=True))
    return markup_para(f"<b>{text}</b>" if bold else text, get_styles().amount)


def cell_text(value: str | int | Cell) -> str:
    """The plain text a cell value prints (integers grouped, booleans as Oui/Non)."""
    if isinstance(value, Cell):
        return value.text
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, int):
        return format_integer(value)
    return value


# --- tables -------------------------------------------------------------------------------------


class PagedTable(Table):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Table whose continuation, after a page split, always starts on the next page.

    ReportLab splits at a row boundary first; with ``splitInRow`` the continuation (header
    repeated) may then be split again into the space left on the *same* page, printing the
    header row twice on one page. Here, when a row-boundary split would leave a good part of
    the page empty, the straddling row is split inside instead; then the frame is closed.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        _, used = parts[0].wrap(availWidth, availHeight)
        if self.splitInRow and availHeight - used > _MAX_GAP_AT_PAGE_END:
            in_row: list[Flowable] = self._splitRows(availHeight, doInRowSplit=1)
            if len(in_row) >= 2:
                parts = in_row
        return [parts[0], FrameBreak(), *parts[1:]]


# --- key figures --------------------------------------------------------------------------------


def key_figures(
    items: Sequence[tuple[str, str | int | Cell]],
    *,
    columns: int = 3,
    width: float = CONTENT_WIDTH,
) -> Flowable:
    """A grid of "label above big value" boxes (members, ETP, total costs…).

    Values are preformatted strings (``format_money(...)``), integers or cells.
    """
    if not items:
        return empty_note()
    styles = get_styles()
    columns = max(1, min(columns, len(items)))
    boxes: list[list[Flowable]] = [
        [cell_para(label, styles.figure_label), cell_para(cell_text(value), styles.figure_value)]
        for label, value in items
    ]
    rows: list[list[list[Flowable] | str]] = []
    for start in range(0, len(boxes), columns):
        row: list[list[Flowable] | str] = list(boxes[start : start + columns])
        row += [""] * (columns - len(row))
        rows.append(row)
    gap = 6.0
    table = PagedTable(
        rows,
        colWidths=[width / columns] * columns,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),  # empty cells too
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    for index in range(len(items)):
        r, c = divmod(index, columns)
        commands += [
            ("BACKGROUND", (c, r), (c, r), ZEBRA),
            ("LINEBEFORE", (c, r), (c, r), 2.5, ACCENT_LIGHT),
            ("LINEAFTER", (c, r), (c, r), gap, "white"),
            ("LINEBELOW", (c, r), (c, r), gap, "white"),
        ]
    table.setStyle(TableStyle(commands))
    return KeepTogether([table]) if len(rows) <= 6 else table


def key_value_table(
    items: Sequence[tuple[str, str | int | Cell]], *, width: float = CONTENT_WIDTH
) -> Flowable:
    """A two-column "label: value" list (identity of the pole, of a member, of a grant)."""
    if not items:
        return empty_note()
    styles = get_styles()
    rows = [
        [cell_para(label, styles.cell_bold), cell_para(cell_text(value), styles.cell)]
        for label, value in items
    ]
    table = PagedTable(
        rows, colWidths=[width * 0.32, width * 0.68], splitByRow=1, splitInRow=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
