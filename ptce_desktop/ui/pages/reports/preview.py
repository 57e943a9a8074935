"""The in-app preview of a generated PDF, and printing it.

:class:`PreviewPanel` shows the document with Qt's own PDF engine (QtPdf): pages one under the
other, previous / next page, "page X / Y", zoom (fit width, whole page, fixed factors).
:func:`print_pdf` draws the pages of a :class:`QPdfDocument` on a :class:`QPrinter`, each page
rendered as an image at the printer's resolution (capped: a 1200 dpi PDF printer would
otherwise ask for half a gigabyte per page), in the orientation of the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMargins,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

#: Zoom factors offered besides "fit width" and "whole page".
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
#: Pages are rendered for the printer at most at this resolution (dots per inch).
MAX_PRINT_DPI = 300

FIT_WIDTH = "fit-width"
FIT_PAGE = "fit-page"


class PreviewPanel(QWidget):
    """A generated PDF, shown in the window (or a calm message before the first one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("reportPdfView")
        self.view.setAccessibleName(translate("PreviewPanel", "Document preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(14)
        self.view.setDocumentMargins(QMargins(14, 14, 14, 14))
        self.navigator = self.view.pageNavigator()

        # arrows drawn by the style, so they grey out when disabled
        self.previous_button = _tool(
            Qt.ArrowType.UpArrow, translate("PreviewPanel", "Previous page")
        )
        self.next_button = _tool(Qt.ArrowType.DownArrow, translate("PreviewPanel", "Next page"))
        self.page_spin = QSpinBox()
        self.page_spin.setAccessibleName(translate("PreviewPanel", "Page"))
        self.page_spin.setRange(1, 1)
        self.page_spin.setKeyboardTracking(False)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageCount")
        self.zoom_out_button = _tool(None, translate("PreviewPanel", "Zoom out"), "−")
        self.zoom_in_button = _tool(None, translate("PreviewPanel", "Zoom in"), "+")
        self.zoom_combo = QComboBox()
        self.zoom_combo.setAccessibleName(translate("PreviewPanel", "Zoom"))
        self.zoom_combo.addItem(translate("PreviewPanel", "Fit width"), FIT_WIDTH)
        self.zoom_combo.addItem(translate("PreviewPanel", "Whole page"), FIT_PAGE)
        for factor in ZOOM_STEPS:
            self.zoom_combo.addItem(f"{round(factor * 100)} %", factor)

        self.bar = QHBoxLayout()
        self.bar.setSpacing(6)
        self.bar.addWidget(self.previous_button)
        self.bar.addWidget(self.next_button)
        self.bar.addWidget(QLabel(translate("PreviewPanel", "Page")))
        self.bar.addWidget(self.page_spin)
        self.bar.addWidget(self.page_label)
        self.bar.addSpacing(8)  # (its buttons whole beside the Cerfa form at 1200 px)
        self.bar.addWidget(self.zoom_out_button)
        self.bar.addWidget(self.zoom_combo)
        self.bar.addWidget(self.zoom_in_button)
        self.bar.addStretch(1)

        self.placeholder = QLabel(
            translate(
                "PreviewPanel",
                "Choose a document on the left, then click “Generate preview”.\n"
                "The document appears here before you save or print it.",
            )
        )
        self.placeholder.setObjectName("hint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.bar)
        layout.addWidget(self.stack, 1)

        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self._update_controls()

    # --- the document ------------------------------------------------------------------------
    def show_pdf(self, data: bytes) -> int:
        """Show the PDF ``data``; returns its number of pages (0 if Qt cannot read it)."""
        self.document.close()
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        self.stack.setCurrentWidget(self.view if self.page_count() else self.placeholder)
        self.go_to_page(0)
        self._update_controls()
        return self.page_count()

    def clear(self) -> None:
        self.document.close()
        self.stack.setCurrentWidget(self.placeholder)
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == _READY else 0

    def current_page(self) -> int:
        """The page shown, from 0."""
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if not count:
            return
        page = max(0, min(page, count - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_controls()

    # --- zoom --------------------------------------------------------------------------------
    def set_zoom(self, choice: str | float) -> None:
        """``FIT_WIDTH``, ``FIT_PAGE`` or a factor (1.0 = 100 %)."""
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))
        index = self.zoom_combo.findData(choice)
        if index >= 0 and index != self.zoom_combo.currentIndex():
            self.zoom_combo.blockSignals(True)
            self.zoom_combo.setCurrentIndex(index)
            self.zoom_combo.blockSignals(False)

    def step_zoom(self, direction: int) -> None:
        """The next larger (``+1``) or smaller (``-1``) factor of :data:`ZOOM_STEPS`."""
        factor = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            factor = 1.0
        if direction > 0:
            factor = next((f for f in ZOOM_STEPS if f > factor + 1e-6), ZOOM_STEPS[-1])
        else:
            factor = next((f for f in reversed(ZOOM_STEPS) if f < factor - 1e-6), ZOOM_STEPS[0])
        self.set_zoom(factor)

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_combo.itemData(index)
        if choice is not None:
            self.set_zoom(choice)

    # --- controls ----------------------------------------------------------------------------
    def _page_changed(self, _page: int) -> None:
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else 0
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(count, 1))
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.page_label.setText(translate("PreviewPanel", "/ %1").replace("%1", str(count or 1)))
        for widget in (
            self.page_spin,
            self.zoom_combo,
            self.zoom_in_button,
            self.zoom_out_button,
        ):
            widget.setEnabled(bool(count))
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)

    def page_text(self) -> str:
        """« 2 / 7 », what the page controls show (for tests and screen readers)."""
        count = self.page_count()
        return f"{self.current_page() + 1} / {count}" if count else ""


_READY = QPdfDocument.Status.Ready


def _tool(arrow: Qt.ArrowType | None, tip: str, text: str | None = None) -> QToolButton:
    button = QToolButton()
    if arrow is not None:
        button.setArrowType(arrow)
    if text is not None:
        button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


# --- printing -------------------------------------------------------------------------------------


def print_pdf(
    document: QPdfDocument,
    printer: QPrinter,
    pages: range | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Draw ``pages`` (default: all; numbered from 0) of ``document`` on ``printer``.

    Each page is fitted to the paper, keeping its proportions, the paper turned to the page's
    orientation. Returns False when the printer cannot be opened (nothing was printed).
    """
    chosen = list(pages if pages is not None else range(document.pageCount()))
    if not chosen:
        return False
    printer.setFullPage(True)  # the PDF pages carry their own margins
    _orient(printer, document, chosen[0])
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for done, page in enumerate(chosen):
            if done:
                _orient(printer, document, page)
                printer.newPage()
            _draw_page(painter, printer, document, page)
            if progress is not None:
                progress(done + 1, len(chosen))
    finally:
        painter.end()
    return True


def _orient(printer: QPrinter, document: QPdfDocument, page: int) -> None:
    size = document.pagePointSize(page)
    landscape = size.width() > size.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    area = painter.viewport()
    points = document.pagePointSize(page)
    if points.isEmpty() or area.isEmpty():
        return
    scale = min(area.width() / points.width(), area.height() / points.height())
    width, height = round(points.width() * scale), round(points.height() * scale)
    target = QRect(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    image = document.render(
        page,
        QSize(max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi))),
    )
    painter.drawImage(target, image)
