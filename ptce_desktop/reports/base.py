"""The frame every funder document is printed in, and the one door to write a PDF.

A document module assembles flowables from its read model and calls :func:`build_pdf`; this
module adds the A4 page, the running header (pole name, logo, document title), the footer
("page X / Y", "Généré le …"), the PDF metadata, and writes the file atomically.

Output is reproducible: ReportLab runs in ``invariant`` mode (fixed ids, no comments) and the
generation date is a parameter; the PDF metadata carry the real creation date, unless the
environment sets ``SOURCE_DATE_EPOCH`` (reproducible builds, the tests): then the same inputs
give the same bytes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import IO, Any, TypeAlias

from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import FrameBreak, LayoutError
from reportlab.platypus.flowables import KeepTogether

from ptce_desktop import __version__
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.durable import sync_folder
from ptce_desktop.reports.flowables import date_text, fit_text
from ptce_desktop.reports.styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    PAGE_SIZE_LANDSCAPE,
    RULE,
    TEXT,
    get_styles,
)

log = logging.getLogger(__name__)

Target: TypeAlias = str | os.PathLike[str] | IO[bytes]
"""Where a PDF goes: a file path (written atomically) or an open binary stream."""

LANG = "fr-FR"
CREATOR = f"PTCE Desktop {__version__}"

NBSP = "\u00a0"


def money_text(cents: int) -> str:
    """An amount as documents print it: :func:`~ptce_desktop.domain.money.format_money` with
    the real minus sign (``−1 234,56 €``)."""
    return format_money(cents, typographic=True)


def guillemets(text: object) -> str:
    """« text » with no-break spaces inside the French quotation marks (never split)."""
    return f"«{NBSP}{text}{NBSP}»"


_LOGO_MAX_HEIGHT = 34.0  # points, about 12 mm
_LOGO_MAX_WIDTH = 100.0
_HEADER_TOP = 14.0  # distance from the page's top edge to the top of the header band
_FOOTER_BASELINE = 10.0 * 72 / 25.4
_MIN_LINES_AFTER_HEADING = 64.0  # a table's header row and about four rows


def build_pdf(
    target: Target,
    *,
    title: str,
    subject: str,
    pole_name: str,
    story: Iterable[Flowable],
    logo_path: str | os.PathLike[str] | None = None,
    generated_on: date | None = None,
    landscape: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Lay out ``story`` on A4 pages with our header and footer and write it to ``target``.

    ``title`` names the document (header, PDF title), ``subject`` says what it covers (PDF
    subject), ``pole_name`` is printed in the header and is the PDF author. A missing or
    unreadable ``logo_path`` is skipped with a warning. ``generated_on`` (default: today) is
    printed in the footer; it is the only thing that changes between two identical builds.
    ``progress`` receives the number of each page as it is laid out.

    Returns the number of pages. Raises :class:`PtceError` ``report_write_failed`` when the
    file cannot be written, ``report_layout_failed`` if the layout engine gives up.
    """
    data, pages = render_pdf(
        title=title,
        subject=subject,
        pole_name=pole_name,
        story=story,
        logo_path=logo_path,
        generated_on=generated_on,
        landscape=landscape,
        progress=progress,
    )
    if isinstance(target, str | os.PathLike):
        save_bytes_atomically(Path(target), data)
    else:
        try:
            target.write(data)
        except OSError as exc:
            raise PtceError(
                "report_write_failed", path=str(getattr(target, "name", "?")), detail=_why(exc)
            ) from exc
    return pages


def render_pdf(
    *,
    title: str,
    subject: str,
    pole_name: str,
    story: Iterable[Flowable],
    logo_path: str | os.PathLike[str] | None = None,
    generated_on: date | None = None,
    landscape: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[bytes, int]:
    """The PDF as bytes and its page count (what :func:`build_pdf` writes; handy for previews)."""
    styles = get_styles()  # registers the fonts
    page_size = PAGE_SIZE_LANDSCAPE if landscape else PAGE_SIZE
    header = _PageDecor(
        pole_name=pole_name,
        title=title,
        generated_on=generated_on or date.today(),
        logo=_load_logo(logo_path),
        fonts=(styles.fonts.regular, styles.fonts.bold),
        progress=progress,
    )
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=" ".join(title.split()),
        author=" ".join(pole_name.split()),
        subject=" ".join(subject.split()),
        creator=CREATOR,
        lang=LANG,
        invariant=1,
        displayDocTitle=True,
        initialFontName=styles.fonts.regular,
        keepTogetherClass=_KeepHeadingWithStart,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header.draw_header)])
    canvases: list[_NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        canvas = _NumberedCanvas(*args, decor=header, **kwargs)
        # Invariant ids, but the real date in /CreationDate and /ModDate (ReportLab reads it
        # when the info dictionary is written): SOURCE_DATE_EPOCH, when set, fixes it.
        canvas._doc._timeStamp = TimeStamp(invariant=False)
        canvases.append(canvas)
        return canvas

    flowables = list(story) or [Spacer(1, 1)]  # an empty story still makes one page
    try:
        doc.build(flowables, canvasmaker=make_canvas)
    except LayoutError as exc:
        raise PtceError("report_layout_failed", title=title, detail=str(exc)[:300]) from exc
    return buffer.getvalue(), canvases[-1].page_count


class _PageDecor:
    """Draws the running header (at the start of each page) and footer (once the total is known)."""

    def __init__(
        self,
        *,
        pole_name: str,
        title: str,
        generated_on: date,
        logo: ImageReader | None,
        fonts: tuple[str, str],
        progress: Callable[[int], None] | None,
    ) -> None:
        self.pole_name = pole_name
        self.title = title
        self.generated = f"Généré le {date_text(generated_on)}"
        self.logo = logo
        self.regular, self.bold = fonts
        self.progress = progress

    def draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_LEFT, width - MARGIN_RIGHT
        top = height - _HEADER_TOP
        canvas.saveState()
        x = left
        if self.logo is not None:
            logo_w, logo_h = _fit_box(self.logo.getSize(), _LOGO_MAX_WIDTH, _LOGO_MAX_HEIGHT)
            canvas.drawImage(self.logo, left, top - logo_h, logo_w, logo_h, mask="auto")
            x = left + logo_w + 8
        room = right - x
        band_middle = top - _LOGO_MAX_HEIGHT / 2
        name = fit_text(self.pole_name, self.bold, 10, room * 0.55)
        canvas.setFont(self.bold, 10)
        canvas.setFillColor(ACCENT)
        canvas.drawString(x, band_middle - 3.5, name)
        name_width = canvas.stringWidth(name, self.bold, 10)
        canvas.setFont(self.regular, 8.5)
        canvas.setFillColor(MUTED)
        title = fit_text(self.title, self.regular, 8.5, max(room - name_width - 16, 20))
        canvas.drawRightString(right, band_middle - 3, title)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.7)
        rule_y = top - _LOGO_MAX_HEIGHT - 5
        canvas.line(left, rule_y, right, rule_y)
        canvas.restoreState()
        if self.progress is not None:
            self.progress(doc.page)

    def draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        width, _ = canvas._pagesize
        left, right = MARGIN_LEFT, width - MARGIN_RIGHT
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, _FOOTER_BASELINE + 10, right, _FOOTER_BASELINE + 10)
        canvas.setFont(self.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(left, _FOOTER_BASELINE, self.generated)
        canvas.setFillColor(TEXT)
        canvas.drawRightString(right, _FOOTER_BASELINE, f"page {page} / {total}")
        canvas.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """Holds every finished page until the end, then stamps "page X / Y" on each.

    The usual ReportLab recipe for a total page count in one pass (no second layout run).
    """

    def __init__(self, *args: Any, decor: _PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._held_pages: list[dict[str, Any]] = []
        self.page_count = 0

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._decor.draw_footer(self, number, total)
            super().showPage()
        self.page_count = total
        super().save()


class _KeepHeadingWithStart(KeepTogether):  # type: ignore[misc]
    """``keepWithNext`` for headings: keep them with the *start* of what follows.

    ReportLab's own KeepTogether moves a heading and the whole next flowable to a new page
    when both do not fit; before a 60-row table that leaves most of a page blank. Here the
    page only breaks when the headings plus the first lines of a table or paragraph (all of
    anything that cannot split, like a chart) do not fit in the space left.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        content: list[Flowable] = list(self._content)
        heads, last = content[:-1], content[-1]
        needed = 0.0
        for flowable in heads:
            _, height = flowable.wrapOn(self.canv, aW, aH)
            needed += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        _, last_height = last.wrapOn(self.canv, aW, aH)
        splittable = isinstance(last, Table | Paragraph)
        needed += min(last_height, _MIN_LINES_AFTER_HEADING) if splittable else last_height
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if needed <= aH or at_top:
            return content
        return [FrameBreak(), *content]


def logo_flowable(
    path: str | os.PathLike[str] | None, max_width: float = 170.0, max_height: float = 90.0
) -> Flowable | None:
    """The pole's logo as a centred image for a cover page (``None`` without a readable logo)."""
    reader = _load_logo(path)
    if reader is None:
        return None
    width, height = _fit_box(reader.getSize(), max_width, max_height)
    return Image(str(path), width=width, height=height, hAlign="CENTER")


def _fit_box(size: tuple[int, int], max_width: float, max_height: float) -> tuple[float, float]:
    width, height = (max(1, value) for value in size)
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


def _load_logo(path: str | os.PathLike[str] | None) -> ImageReader | None:
    """The logo, or ``None`` when there is none or it cannot be read as an image."""
    if path is None or not str(path):
        return None
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
        if width <= 0 or height <= 0:
            raise ValueError("empty image")
    except Exception as exc:  # any decoding failure of a user file: print without the logo
        log.warning("Logo %s ignored: %s", path, exc)
        return None
    return reader


# --- writing -------------------------------------------------------------------------------------


def save_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either the old one or the whole new one.

    A temporary file beside the target (same file system) is written, flushed to disk, then
    renamed over the target. Any OS failure (read-only folder, disk full, file open in a PDF
    reader on Windows) becomes ``PtceError("report_write_failed")``; the temporary file is
    removed.
    """
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
        temp_name = None
        sync_folder(path.parent)
    except OSError as exc:
        raise PtceError("report_write_failed", path=str(path), detail=_why(exc)) from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
