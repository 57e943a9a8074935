"""The Rapports page: choose a document, generate it off the GUI thread, preview, save, print.

What each document needs (a grant, a member…) comes from
:func:`~ptce_desktop.printing.jobs.available_targets`; the PDF is built by
:func:`~ptce_desktop.printing.jobs.build_report` into memory through the context's
Runner, then shown by :class:`~.reports_preview.PreviewPanel`. Saving writes those same bytes
atomically; printing draws the previewed pages on the printer.

Opening the page imports no ReportLab (it comes with the first document generated, on the
worker, or the first save), so the page's module is imported ahead with the others'
(:func:`ptce_desktop.ui.pages.import_pages_ahead`); the form reads its choices on a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.printing.jobs import ReportRequest, build_report, suggested_file_name
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.pages.reports.form import ReportForm
from ptce_desktop.ui.pages.reports.preview import PreviewPanel, print_pdf
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.worker import Task

#: Tables whose change alters the choices offered (years, grants, members…).
TARGET_TABLES = (
    "grants", "funders", "members", "shared_services", "calls", "poles", "costs", "fiscal_years"
)  # fmt: skip


@dataclass(frozen=True)
class Generated:
    """A document built in the background: what was asked, the PDF, its pages, its name."""

    request: ReportRequest
    data: bytes
    pages: int
    file_name: str


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReportsPage")
        self.ctx = ctx
        self._settings = ui_settings()
        self.generated: Generated | None = None
        self.task: Task | None = None
        self.busy = False
        self._dirty = False

        self.form = ReportForm(ctx)
        self.generate_button = QPushButton(self.tr("&Generate preview"))
        self.generate_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button, 1)
        actions.addWidget(self.cancel_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 10, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.form)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)

        self.preview = PreviewPanel()
        self.save_button = QPushButton(self.tr("Save &as…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.preview.bar.addWidget(self.save_button)
        self.preview.bar.addWidget(self.print_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reportsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        saved = self._settings.value("reports/splitter")
        if isinstance(saved, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(saved))
        else:
            self.splitter.setSizes([360, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.form.kind_list.currentRowChanged.connect(lambda _row: self._form_changed())
        self.form.year_combo.currentIndexChanged.connect(lambda _i: self._form_changed())
        # any other choice of the form (grant, member, options) too: the preview never shows
        # another document than the one chosen, nor saves under its name
        for combo in self.form.findChildren(QComboBox):
            if combo is not self.form.year_combo:
                combo.currentIndexChanged.connect(lambda _i: self._form_changed())
        for box in self.form.findChildren(QCheckBox):
            box.toggled.connect(lambda _on: self._form_changed())
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.clicked.connect(lambda: self.print_document())
        self.splitter.splitterMoved.connect(self._save_splitter)
        self.form.loaded.connect(self._update_buttons)
        QWidget.setTabOrder(self.form.group_rows, self.generate_button)
        self._set_busy(False)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.form.kind_list.setFocus()

    def set_fiscal_year(self, year: int) -> None:
        self.form.select_year(year)

    def refresh(self, changes: Any) -> None:
        if self.generated is not None:
            self.status.setText(self.tr("The data changed since this preview was generated."))
        if touches(changes, *TARGET_TABLES):
            if self.isVisible():
                self._reload()
            else:
                self._dirty = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self._reload()

    def _reload(self) -> None:
        self.form.reload_years()
        self.form.reload_targets()
        self._update_buttons()

    # --- generating --------------------------------------------------------------------------
    def generate(self) -> Task | None:
        """Build the chosen document in the background; the preview shows it when done."""
        if self.busy or self.form.loading:
            return None
        request = self.form.request()
        name = suggested_file_name(
            request.kind, self.form.year_combo.currentText(), self.form.target_label()
        )
        uow = self.ctx.uow

        def work(progress: Any) -> Generated:
            buffer = BytesIO()
            pages = build_report(uow, request, buffer, progress=progress)
            return Generated(request, buffer.getvalue(), pages, name)

        self._set_busy(True)
        self.status.setText(self.tr("Reading the figures…"))
        task = self.ctx.runner.run(
            work,
            on_done=self._generated,
            on_error=self._failed,
            on_progress=self._progressed,
            on_cancel=self._cancelled,
        )
        if not task.done:  # inline (tests), the callbacks have already run
            self.task = task
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, _total: int) -> None:
        if done:
            self.status.setText(self.tr("Laying out page %1…").replace("%1", str(done)))

    def _generated(self, generated: Generated) -> None:
        self._set_busy(False)
        self.generated = generated
        pages = self.preview.show_pdf(generated.data)
        self.status.setText(
            self.tr("%1 — %n page(s).", "", pages).replace("%1", generated.file_name)
        )
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(
            self.tr("The document could not be generated.") if isinstance(error, PtceError) else ""
        )
        self.ctx.presenter.present(error, self)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Generation cancelled."))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            self.task = None
        self.progress.setRange(0, 0 if busy else 1)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.form.setEnabled(not busy)
        self._update_buttons()

    def _form_changed(self) -> None:
        """Another document chosen: a preview of the previous one is cleared, visibly."""
        if self.generated is not None and not self.busy:
            try:
                same = self.form.request() == self.generated.request
            except PtceError:  # the form is incomplete: it is not the previewed document
                same = False
            if not same:
                self.generated = None
                self.preview.clear()
                self.status.setText(
                    self.tr("Another document is chosen: generate its preview to see it.")
                )
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.busy
        self.generate_button.setEnabled(
            idle
            and not self.form.loading
            and not self.form.missing()
            and self.form.year() is not None
        )
        ready = self.generated is not None and idle
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # --- saving and printing -----------------------------------------------------------------
    def save_as(self) -> Path | None:
        """Ask where, then write the previewed PDF there (atomically); None if not saved."""
        if self.generated is None:
            return None
        folder = str(self._settings.value("reports/folder", "") or Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the document"),
            str(Path(folder) / self.generated.file_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from ptce_desktop.reports.base import save_bytes_atomically  # (ReportLab: when used)

        try:
            save_bytes_atomically(path, self.generated.data)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return None
        self._settings.setValue("reports/folder", str(path.parent))
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        return path

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask the print options, then print the previewed pages; False if not printed."""
        count = self.preview.page_count()
        if self.generated is None or not count:
            return False
        printer = printer if printer is not None else QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.generated.file_name)
        printer.setFromTo(1, count)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        pages = self._pages_to_print(printer, count)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdf(self.preview.document, printer, pages)
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(
            self.tr("Sent to the printer.")
            if printed
            else self.tr("The printer could not be opened.")
        )
        return printed

    def _pages_to_print(self, printer: QPrinter, count: int) -> range:
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            page = self.preview.current_page()
            return range(page, page + 1)
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1)
            last = min(printer.toPage() or count, count)
            return range(first - 1, last)
        return range(count)

    def _save_splitter(self, *_args: Any) -> None:
        self._settings.setValue("reports/splitter", self.splitter.saveState())


def create_page(ctx: AppContext) -> ReportsPage:
    return ReportsPage(ctx)
