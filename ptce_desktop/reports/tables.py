"""Data tables that stay fast and never overflow a page.

ReportLab re-measures the remainder of a Table at every page break, so one Table over thousands
of rows is quadratic (bench/README.md: 34 s for 20 000 rows, 9 s in chunks of 1 000). Tables
here are cut into chunks of at most :data:`CHUNK_ROWS` rows, each repeating the header row.
Cells that fit on one line are drawn as plain strings (no markup parsing at all); the others
become escaped, wrapping paragraphs, and a row taller than a page is split inside the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from ptce_desktop.reports.flowables import (
    EMPTY_TEXT,
    Align,
    Cell,
    PagedTable,
    cell_para,
    cell_text,
    clean_text,
    empty_note,
    para,
)
from ptce_desktop.reports.styles import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    RULE,
    TABLE_LEADING,
    TABLE_SIZE,
    TEXT,
    ZEBRA,
    Styles,
    get_styles,
)

CellValue: TypeAlias = str | int | Cell | Flowable | None
"""What a table cell may hold: text, an integer (grouped, right-aligned), a :class:`Cell`
(``money_cell``, ``right``, ``bold``…), any flowable, or ``None`` for an empty cell."""

CHUNK_ROWS = 500
#: The smallest size an amount too wide for its column is drawn at, rather than wrapped.
MIN_SHRUNK_SIZE = 6.5
PADDING_H = 4.0
PADDING_V = 2.5
#: Between a table and its note.
NOTE_GAP = 3.0

_Row = list[str | Flowable]


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    col_widths: Sequence[float] | None = None,
    *,
    totals_row: Sequence[CellValue] | None = None,
    align_right_cols: Iterable[int] = (),
    width: float = CONTENT_WIDTH,
    empty_text: str = EMPTY_TEXT,
    zebra: bool = True,
    note: str | None = None,
) -> list[Flowable]:
    """A table as flowables to append to a story (``story += data_table(...)``).

    ``col_widths`` are relative weights (``(4, 1, 1)``) scaled to ``width``; equal by default.
    ``align_right_cols`` right-aligns whole columns (amounts and counts are right-aligned
    anyway). The header row repeats on every page; ``totals_row`` is printed bold at the end,
    never alone at the top of a page (it takes the last row above it along).
    Without rows, the note ``empty_text`` is printed instead of the table. ``note`` is a
    line in small print under the table (a check, a source), part of its last row so it never
    goes alone to the next page.
    """
    n_cols = len(header)
    if n_cols == 0:
        raise ValueError("a table needs at least one column")
    weights = list(col_widths) if col_widths is not None else [1.0] * n_cols
    if len(weights) != n_cols or any(w <= 0 for w in weights):
        raise ValueError("col_widths must give one positive weight per column")
    total = sum(weights)
    widths = [width * w / total for w in weights]
    iterator = iter(rows)
    chunk = list(islice(iterator, CHUNK_ROWS))
    if not chunk:
        return [empty_note(empty_text)]
    right_cols = frozenset(align_right_cols)
    aligns: list[Align] = [
        "RIGHT" if c in right_cols or _numeric_column(chunk, c) else "LEFT" for c in range(n_cols)
    ]
    builder = _TableBuilder(widths, aligns, get_styles(), zebra)

    flowables: list[Flowable] = []
    while next_chunk := list(islice(iterator, CHUNK_ROWS)):
        flowables.append(builder.table(header, chunk, None))
        chunk = next_chunk
    # The totals stay in the last chunk so they never start a page without a header row.
    flowables.append(builder.table(header, chunk, totals_row, note))
    return flowables


class _TableWithTotals(PagedTable):
    """A table ending with a totals row, which never starts a page alone: when a page break
    would leave only the header and the totals for the next page, the break moves up one row.

    Its ``note`` (a line in small print: a check, a source) is drawn under it as part of the
    table, so it goes with the last part and never alone to the next page. Not a spanned row:
    a SPAN makes ReportLab measure every cell's span at each split (+13 % on the redistribution
    report, bench_redistribution_report)."""

    #: The rows at the end that must not start a page without a body row (the totals).
    tail_rows = 1
    #: Drawn under the table, within its height (set on the last part after a split).
    note: Flowable | None = None
    _note_height = 0.0

    def _note_room(self, availWidth: float, availHeight: float) -> float:
        if self.note is None:
            return 0.0
        _, height = self.note.wrap(min(availWidth, sum(self._argW)), availHeight)
        return float(height) + NOTE_GAP

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        self._note_height = self._note_room(availWidth, availHeight)
        return width, height + self._note_height

    def draw(self) -> None:
        if self.note is None:
            super().draw()
            return
        canvas = self.canv
        canvas.saveState()
        canvas.translate(0, self._note_height)
        super().draw()
        canvas.restoreState()
        self.note.drawOn(canvas, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._note_room(availWidth, availHeight)
        parts = self._split_rows_kept(availWidth, room)
        tables = [part for part in parts if isinstance(part, _TableWithTotals)]
        if tables and self.note is not None:
            tables[-1].note = self.note
        return parts

    def _split_rows_kept(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        tables = [part for part in parts if isinstance(part, Table)]
        tail = self.tail_rows
        if len(tables) < 2 or len(tables[-1]._cellvalues) > self.repeatRows + tail:
            return parts
        heights = self._rowHeights
        if len(heights) < self.repeatRows + tail + 1:
            return parts
        # the last body row goes with the totals (and the note)
        shorter = availHeight - heights[-(tail + 1)] - 0.5
        if shorter <= heights[0]:
            return parts
        retry: list[Flowable] = super().split(availWidth, shorter)
        return retry if len(retry) >= 2 else parts


def _shrunk_size(text: str, font: str, room: float) -> float | None:
    """The font size (at least :data:`MIN_SHRUNK_SIZE`) at which ``text``, one token with no
    breakable space, fits in ``room``; None when it has a space or fits only smaller."""
    if not text or "\n" in text or " " in text:
        return None
    width = stringWidth(text, font, TABLE_SIZE)
    size = int(TABLE_SIZE * room / width * 10) / 10 if width else TABLE_SIZE
    return size if size >= MIN_SHRUNK_SIZE else None


def _numeric_column(rows: Sequence[Sequence[CellValue]], col: int) -> bool:
    """True when every filled cell of the column is an amount or a number (right-aligned)."""
    values = [row[col] for row in rows if col < len(row) and row[col] is not None]
    return bool(values) and all(
        (isinstance(v, Cell) and v.align == "RIGHT")
        or (isinstance(v, int) and not isinstance(v, bool))
        for v in values
    )


_CELL_STYLES: dict[str, type[CellStyle]] = {}


def _cell_style(font: str) -> type[CellStyle]:
    """ReportLab's cell style with our tables' defaults (font, size, leading, colour, top
    alignment, padding) as class values: what nine whole-table commands set, which ReportLab
    applies cell by cell (~300 000 times in a 165-page report, 8 % of its time). A command
    still sets a cell's own value (bold, an alignment, a smaller size)."""
    found = _CELL_STYLES.get(font)
    if found is None:
        defaults = {
            "fontname": font,
            "fontsize": TABLE_SIZE,
            "leading": TABLE_LEADING,
            "color": TEXT,
            "valign": "TOP",
            "leftPadding": PADDING_H,
            "rightPadding": PADDING_H,
            "topPadding": PADDING_V,
            "bottomPadding": PADDING_V + 0.5,
        }
        found = _CELL_STYLES[font] = type("TableCellStyle", (CellStyle,), defaults)
    return found


class _TableBuilder:
    def __init__(self, widths: list[float], aligns: list[Align], styles: Styles, zebra: bool):
        self.widths = widths
        self.aligns = aligns
        self.styles = styles
        self.zebra = zebra
        self.font = styles.fonts.regular
        self.font_bold = styles.fonts.bold
        # Room for text inside a cell, with a little slack against rounding.
        self.inner = [w - 2 * PADDING_H - 0.5 for w in widths]

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[CellValue]],
        totals: Sequence[CellValue] | None,
        note: str | None = None,
    ) -> PagedTable:
        data: list[_Row] = []
        # Font, size, leading, colour, alignment and padding of every cell are its style's
        # defaults (:func:`_cell_style`), not commands ReportLab would apply cell by cell.
        commands: list[tuple[object, ...]] = []
        for col, align in enumerate(self.aligns):
            if align != "LEFT":
                commands.append(("ALIGN", (col, 0), (col, -1), align))
        data.append(self._header_row(header))
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
        first = 1
        for offset, row in enumerate(rows):
            data.append(self._row(row, first + offset, commands, bold=False))
        commands.append(("LINEBELOW", (0, first), (-1, -1), 0.25, RULE))
        if self.zebra:
            commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [None, ZEBRA]))
        if totals is not None:
            index = len(data)
            data.append(self._row(totals, index, commands, bold=True))
            commands += [
                ("FONTNAME", (0, index), (-1, index), self.font_bold),
                ("BACKGROUND", (0, index), (-1, index), ACCENT_LIGHT),
                ("LINEABOVE", (0, index), (-1, index), 0.8, ACCENT),
            ]
        table_class = _TableWithTotals if totals is not None or note is not None else PagedTable
        cell = _cell_style(self.font)
        table = table_class(
            data,
            colWidths=self.widths,
            repeatRows=1,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
            style=TableStyle(commands),
            cellStyles=[[cell("") for _ in self.widths] for _ in data],
        )
        if isinstance(table, _TableWithTotals) and note is not None:
            table.tail_rows = int(totals is not None)
            table.note = para(note, self.styles.small)
        return table

    def _header_row(self, header: Sequence[str]) -> _Row:
        styles = self.styles
        return [
            para(text, styles.table_header_right if align == "RIGHT" else styles.table_header)
            for text, align in zip(header, self.aligns, strict=True)
        ]

    def _row(
        self,
        values: Sequence[CellValue],
        index: int,
        commands: list[tuple[object, ...]],
        *,
        bold: bool,
    ) -> _Row:
        if len(values) != len(self.widths):
            raise ValueError(f"row has {len(values)} cells, the table has {len(self.widths)}")
        return [self._cell(value, col, index, commands, bold) for col, value in enumerate(values)]

    def _cell(
        self,
        value: CellValue,
        col: int,
        row: int,
        commands: list[tuple[object, ...]],
        row_bold: bool,
    ) -> str | Flowable:
        if value is None:
            return ""
        if isinstance(value, Flowable):
            return value
        align = self.aligns[col]
        is_bold = row_bold
        if isinstance(value, Cell):
            align = value.align if value.align != "LEFT" else align
            is_bold = is_bold or value.bold
        elif isinstance(value, int) and not isinstance(value, bool):
            align = "RIGHT"
        text = clean_text(cell_text(value))
        font = self.font_bold if is_bold else self.font
        if "\n" not in text and stringWidth(text, font, TABLE_SIZE) <= self.inner[col]:
            # Fast path: a plain string is drawn as is, never parsed as markup.
            if align != self.aligns[col]:
                commands.append(("ALIGN", (col, row), (col, row), align))
            if is_bold and not row_bold:
                commands.append(("FONTNAME", (col, row), (col, row), self.font_bold))
            return text
        size = _shrunk_size(text, font, self.inner[col])
        if size is not None:
            # One unbreakable token (an amount: its spaces are no-break spaces) a little too
            # wide: drawn smaller, never wrapped (« 185 000,00 » then « € » on the next line).
            commands.append(("FONTSIZE", (col, row), (col, row), size))
            if align != self.aligns[col]:
                commands.append(("ALIGN", (col, row), (col, row), align))
            if is_bold and not row_bold:
                commands.append(("FONTNAME", (col, row), (col, row), self.font_bold))
            return text
        return cell_para(text, self._style(align, is_bold))

    def _style(self, align: Align, is_bold: bool) -> ParagraphStyle:
        styles = self.styles
        if is_bold:
            style = {"RIGHT": styles.cell_bold_right, "CENTER": styles.cell_bold_center}.get(
                align, styles.cell_bold
            )
        else:
            style = {"RIGHT": styles.cell_right, "CENTER": styles.cell_center}.get(
                align, styles.cell
            )
        return style
