"""Page geometry, colours and paragraph styles shared by every report.

Styles are built on first use (after the fonts are registered), never at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ptce_desktop.reports.fonts import FontSet, register_fonts

# --- page geometry (points) ---------------------------------------------------------------------
PAGE_SIZE: tuple[float, float] = A4
PAGE_SIZE_LANDSCAPE: tuple[float, float] = landscape(A4)
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 27 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for the footer
CONTENT_WIDTH: float = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
CONTENT_WIDTH_LANDSCAPE: float = PAGE_SIZE_LANDSCAPE[0] - MARGIN_LEFT - MARGIN_RIGHT

# --- colours: one sober accent, greys for structure ---------------------------------------------
ACCENT = colors.HexColor("#1F3A5F")
ACCENT_LIGHT = colors.HexColor("#DCE4EE")
ZEBRA = colors.HexColor("#F3F5F8")
RULE = colors.HexColor("#C5CCD6")
MUTED = colors.HexColor("#5A6472")
TEXT = colors.HexColor("#1A1A1A")
BAR = colors.HexColor("#3E6A9E")
BAR_NEGATIVE = colors.HexColor("#B5573F")

# --- type sizes -----------------------------------------------------------------------------------
BODY_SIZE = 9.5
TABLE_SIZE = 8.0
TABLE_LEADING = 10.0
SMALL_SIZE = 7.5


@dataclass(frozen=True, slots=True)
class Styles:
    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    body_right: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    table_header: ParagraphStyle
    table_header_right: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_bold_right: ParagraphStyle
    cell_bold_center: ParagraphStyle
    amount: ParagraphStyle
    figure_label: ParagraphStyle
    figure_value: ParagraphStyle
    #: A figure that needs the reader's attention (a negative reste à reverser…).
    warning: ParagraphStyle


@cache
def get_styles() -> Styles:
    """The report styles (registers the fonts on first call)."""
    fonts = register_fonts()
    regular, bold = fonts.family, fonts.bold
    body = ParagraphStyle(
        "ptce.body",
        fontName=regular,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.35,
        textColor=TEXT,
        spaceAfter=4,
        splitLongWords=1,
    )
    cell = ParagraphStyle(
        "ptce.cell",
        parent=body,
        fontSize=TABLE_SIZE,
        leading=TABLE_LEADING,
        spaceAfter=0,
        spaceBefore=0,
    )
    cell_bold = ParagraphStyle("ptce.cell.bold", parent=cell, fontName=bold)
    table_header = ParagraphStyle(
        "ptce.table.header", parent=cell_bold, textColor=ACCENT, alignment=TA_LEFT
    )
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "ptce.title",
            parent=body,
            fontName=bold,
            fontSize=18,
            leading=22,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        subtitle=ParagraphStyle(
            "ptce.subtitle", parent=body, fontSize=11, leading=14, textColor=MUTED, spaceAfter=10
        ),
        h1=ParagraphStyle(
            "ptce.h1",
            parent=body,
            fontName=bold,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "ptce.h2",
            parent=body,
            fontName=bold,
            fontSize=10.5,
            leading=13,
            textColor=TEXT,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=body,
        body_right=ParagraphStyle("ptce.body.right", parent=body, alignment=TA_RIGHT),
        small=ParagraphStyle(
            "ptce.small", parent=body, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.3
        ),
        note=ParagraphStyle(
            "ptce.note", parent=body, fontName=fonts.italic, textColor=MUTED, spaceBefore=2
        ),
        table_header=table_header,
        table_header_right=ParagraphStyle(
            "ptce.table.header.right", parent=table_header, alignment=TA_RIGHT
        ),
        cell=cell,
        cell_right=ParagraphStyle("ptce.cell.right", parent=cell, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("ptce.cell.center", parent=cell, alignment=TA_CENTER),
        cell_bold=cell_bold,
        cell_bold_right=ParagraphStyle(
            "ptce.cell.bold.right", parent=cell_bold, alignment=TA_RIGHT
        ),
        cell_bold_center=ParagraphStyle(
            "ptce.cell.bold.center", parent=cell_bold, alignment=TA_CENTER
        ),
        amount=ParagraphStyle("ptce.amount", parent=body, alignment=TA_RIGHT),
        figure_label=ParagraphStyle(
            "ptce.figure.label",
            parent=body,
            fontSize=SMALL_SIZE,
            leading=SMALL_SIZE * 1.3,
            textColor=MUTED,
            spaceAfter=1,
        ),
        figure_value=ParagraphStyle(
            "ptce.figure.value",
            parent=body,
            fontName=bold,
            fontSize=12.5,
            leading=15,
            textColor=ACCENT,
            spaceAfter=0,
        ),
        warning=ParagraphStyle(
            "ptce.warning",
            parent=body,
            fontName=bold,
            fontSize=SMALL_SIZE + 0.5,
            leading=(SMALL_SIZE + 0.5) * 1.3,
            textColor=BAR_NEGATIVE,
        ),
    )
