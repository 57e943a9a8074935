"""A horizontal bar chart for amounts by category (costs by service, funding by funder type).

Drawn by hand with ``reportlab.graphics`` shapes rather than ``HorizontalBarChart`` so that
labels print whole (wrapped on several lines), values print in French format in their own
column, and zero, negative or empty data need no special axis handling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.flowables import EMPTY_TEXT, clean_text, empty_note, fit_text
from ptce_desktop.reports.styles import (
    BAR,
    BAR_NEGATIVE,
    CONTENT_WIDTH,
    MUTED,
    RULE,
    TABLE_SIZE,
    TEXT,
    get_styles,
)

MAX_BARS = 25
OTHERS_LABEL = "Autres"
ROW_HEIGHT = 16.0
BAR_HEIGHT = 10.0
GAP = 8.0
LINE_HEIGHT = 9.5
#: A label longer than this many lines is cut with "…" on its last line.
MAX_LABEL_LINES = 4


def bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    value_format: Callable[[int], str] | None = None,
    width: float = CONTENT_WIDTH,
    max_bars: int = MAX_BARS,
    empty_text: str = EMPTY_TEXT,
) -> Flowable:
    """Bars for ``(label, value)`` pairs, in the given order; values are cents by default.

    Beyond ``max_bars`` the largest are kept and the rest are summed as "Autres", so the chart
    always fits on one page. No items prints ``empty_text``; all zeros prints empty bars.
    """
    if not items:
        return empty_note(empty_text)
    rows = _limit(list(items), max(2, max_bars))
    value_format = value_format or partial(format_money, typographic=True)
    fonts = get_styles().fonts
    size = TABLE_SIZE
    values_text = [value_format(value) for _, value in rows]
    value_col = max(stringWidth(text, fonts.regular, size) for text in values_text) + 2
    label_col = min(width * 0.4, max(stringWidth(label, fonts.regular, size) for label, _ in rows))
    label_col = max(label_col, 40.0)
    # Labels are printed whole, on as many lines as they need (« Locaux partagés – Maison de
    # la Coopération (Crest) » is not cut); a row is as tall as its label.
    labels = [_label_lines(label, fonts.regular, size, label_col) for label, _ in rows]
    heights = [max(ROW_HEIGHT, LINE_HEIGHT * len(lines) + 6) for lines in labels]
    bars_left = label_col + GAP
    bars_width = max(width - bars_left - GAP - value_col, 40.0)
    low = min(0, *(value for _, value in rows))
    high = max(0, *(value for _, value in rows))
    span = (high - low) or 1
    zero_x = bars_left + bars_width * (0 - low) / span
    height = sum(heights) + 4
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular  # the renderer starts in Helvetica otherwise
    drawing.initialFontSize = size
    top = height
    for (_, value), text, lines, row_height in zip(rows, values_text, labels, heights, strict=True):
        y = top - row_height
        top = y
        middle = y + row_height / 2
        first = middle + (LINE_HEIGHT * (len(lines) - 1)) / 2 - size / 2 + 1
        for number, line in enumerate(lines):
            drawing.add(
                String(
                    0,
                    first - number * LINE_HEIGHT,
                    line,
                    fontName=fonts.regular,
                    fontSize=size,
                    fillColor=TEXT,
                )
            )
        bar_length = bars_width * abs(value) / span
        if bar_length > 0:
            drawing.add(
                Rect(
                    zero_x if value >= 0 else zero_x - bar_length,
                    middle - BAR_HEIGHT / 2,
                    bar_length,
                    BAR_HEIGHT,
                    fillColor=BAR if value >= 0 else BAR_NEGATIVE,
                    strokeColor=None,
                )
            )
        drawing.add(
            String(
                width,
                middle - size / 2 + 1,
                text,
                fontName=fonts.regular,
                fontSize=size,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    drawing.add(Line(zero_x, 0, zero_x, height, strokeColor=RULE, strokeWidth=0.6))
    return drawing


def _label_lines(label: str, font: str, size: float, width: float) -> list[str]:
    """``label`` broken into lines of ``width`` at spaces (a word longer than the column is
    cut with "…"); at most :data:`MAX_LABEL_LINES` lines."""
    text = " ".join(clean_text(label).split()) or "—"
    lines = [fit_text(line, font, size, width) for line in simpleSplit(text, font, size, width)]
    if len(lines) > MAX_LABEL_LINES:
        last = " ".join(lines[MAX_LABEL_LINES - 1 :])
        lines = [*lines[: MAX_LABEL_LINES - 1], fit_text(last, font, size, width)]
    return lines or ["—"]


def _limit(items: list[tuple[str, int]], max_bars: int) -> list[tuple[str, int]]:
    if len(items) <= max_bars:
        return items
    ranked = sorted(range(len(items)), key=lambda i: abs(items[i][1]), reverse=True)
    kept = set(ranked[: max_bars - 1])
    others = sum(items[i][1] for i in ranked[max_bars - 1 :])
    return [*(items[i] for i in sorted(kept)), (OTHERS_LABEL, others)]
