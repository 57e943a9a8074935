"""The bundled DejaVu Sans family, registered once per process for every PDF we write.

Helvetica, ReportLab's default, is never embedded and prints a box for ł, ő or Ж
(docs/research/ecosystem-reliability.md §3), so every report uses the TrueType family shipped in
``resources/fonts/``, embedded (subset) in the file. A broken install without the font files
still produces a readable document with Helvetica, and logs a warning instead of failing.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ptce_desktop.resources import font_path

log = logging.getLogger(__name__)

FAMILY = "PtceSans"


@dataclass(frozen=True, slots=True)
class FontSet:
    """Names to give ReportLab: ``family`` for Paragraph styles (so ``<b>``/``<i>`` map to the
    right faces), and the four faces for canvas drawing and table cells."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    embedded: bool


_FACES = {
    "regular": ("PtceSans", "DejaVuSans.ttf"),
    "bold": ("PtceSans-Bold", "DejaVuSans-Bold.ttf"),
    "italic": ("PtceSans-Oblique", "DejaVuSans-Oblique.ttf"),
    "bold_italic": ("PtceSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
}

_FALLBACK = FontSet(
    family="Helvetica",
    regular="Helvetica",
    bold="Helvetica-Bold",
    italic="Helvetica-Oblique",
    bold_italic="Helvetica-BoldOblique",
    embedded=False,
)

_lock = threading.Lock()
_registered: FontSet | None = None


def register_fonts() -> FontSet:
    """Register the family with ReportLab (first call only) and return its names.

    Safe to call from any thread and as often as wanted; reports are built off the GUI thread.
    """
    global _registered
    with _lock:
        if _registered is None:
            _registered = _register()
        return _registered


def _register() -> FontSet:
    try:
        for name, filename in _FACES.values():
            pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
    except (OSError, ValueError, TTFError) as exc:  # missing or damaged file: a broken install
        log.warning("Bundled PDF font unavailable (%s); falling back to Helvetica", exc)
        return _FALLBACK
    regular, bold, italic, bold_italic = (name for name, _ in _FACES.values())
    # The family mapping is what lets Paragraph markup (<b>, <i>) find the other faces.
    pdfmetrics.registerFontFamily(
        FAMILY, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
    )
    return FontSet(
        family=FAMILY,
        regular=regular,
        bold=bold,
        italic=italic,
        bold_italic=bold_italic,
        embedded=True,
    )
