"""The import wizard: choose kind and file → map columns (preview) → check (all errors) →
import (one transaction) → summary.

Reading, checking and writing run off the GUI thread through the context's
:class:`~ptce_desktop.ui.worker.Runner`, with a progress bar and a Cancel button; a cancelled
or failed import has written nothing (:func:`ptce_desktop.exchange.apply.apply_import`). The
wizard never touches the store: it hands the context's unit of work to ``exchange``.

Undo: an applied import is one undo step (Édition ▸ Annuler « Importer … »): it removes what
the import created and gives back the previous values of what it updated, in one transaction
that closed years refuse (:mod:`ptce_desktop.ui.imports.undo`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import parse_date
from ptce_desktop.exchange.apply import ImportResult, apply_import
from ptce_desktop.exchange.kinds import KINDS, auto_map, kind_spec
from ptce_desktop.exchange.prepare import (
    ImportOptions,
    Prepared,
    find_header,
    load,
    no_header_error,
    prepare,
    preview,
)
from ptce_desktop.exchange.readers import Table
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.imports.undo import record_import
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel
from ptce_desktop.ui.worker import Task

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate

FILE_FILTER = "Tableurs et CSV (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;Tous (*)"
IGNORED = -1


@dataclass
class _State:
    """What the pages share."""

    kind: str = "members"
    path: Path | None = None
    table: Table | None = None
    mapping: dict[str, int] | None = None
    options: ImportOptions = dataclasses.field(default_factory=ImportOptions)
    result: ImportResult | None = None
    prepared: Prepared | None = None  # the rows the import wrote (its redo writes them again)


def _message(error: BaseException) -> str:
    return error.message(current_language()) if isinstance(error, PtceError) else str(error)


class _Busy(QWidget):
    """A progress bar with a Cancel button, for the work of one page."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.hide()

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total > 0 else 0)


class ChoosePage(QWizardPage):
    def __init__(self, state: _State, settings: QSettings) -> None:
        super().__init__()
        self.state = state
        self.settings = settings
        self.setTitle(self.tr("What to import"))
        self.setSubTitle(
            self.tr("A CSV file, or an Excel or LibreOffice workbook (XLSX, XLS, ODS).")
        )
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for spec in KINDS.values():
            self.kind.addItem(spec.label, spec.key)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheet = QLineEdit(self)
        self.sheet.setPlaceholderText(self.tr("first sheet"))
        self.update_box = QCheckBox(self.tr("Update the records that already exist"), self)
        self.create_box = QCheckBox(self.tr("Create the members the file names but lacks"), self)
        self.key = QLineEdit(self)
        self.key.setPlaceholderText(self.tr("when the file has no Key column"))
        self.valid_from = QLineEdit(self)
        self.valid_from.setPlaceholderText(self.tr("dd/mm/yyyy, when the file has no date"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.update_box)
        form.addRow(self.create_box)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Valid from"), self.valid_from)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_keys = self.kind.currentData() == "keys"
        self.key.setEnabled(is_keys)
        self.valid_from.setEnabled(is_keys)

    def _browse(self) -> None:
        folder = str(self.settings.value("imports/folder", "") or "")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a file"), folder, FILE_FILTER)
        if name:
            self.path.setText(name)
            self.settings.setValue("imports/folder", str(Path(name).parent))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            valid_from = (
                parse_date(self.valid_from.text(), field="valid_from")
                if self.valid_from.isEnabled() and self.valid_from.text().strip()
                else None
            )
        except PtceError as error:
            self.error.setText(_message(error))
            return False
        self.error.clear()
        self.state.kind = str(self.kind.currentData())
        self.state.path = Path(self.path.text().strip()).expanduser()
        self.state.options = ImportOptions(
            update=self.update_box.isChecked(),
            create_members=self.create_box.isChecked(),
            sheet=self.sheet.text().strip() or None,
            key=(self.key.text().strip() or None) if self.key.isEnabled() else None,
            valid_from=valid_from,
        )
        return True


# a mapping of more fields than this is laid out in two columns (members: 19 fields, which
# stacked in one pushed the wizard past a 768 px laptop screen)
ONE_COLUMN_FIELDS = 8


class MappingPage(QWizardPage):
    """Each field of the kind beside a choice of the file's columns; the preview below.

    A workbook of several sheets shows a sheet chooser above: choosing a sheet reads it again.
    When no column of the sheet read is recognised, the page says so and names the others."""

    def __init__(self, state: _State, ctx: AppContext, settings: QSettings) -> None:
        super().__init__()
        self.state = state
        self.ctx = ctx
        self.settings = settings
        self.task: Task | None = None
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which column of the file fills each field."))
        layout = QVBoxLayout(self)
        self.busy = _Busy(self)
        self.busy.cancel.clicked.connect(self._cancel)
        layout.addWidget(self.busy)
        sheet_row = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("Sheet"), self)
        self.sheet = QComboBox(self)
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet_label.setBuddy(self.sheet)
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet)
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)
        self.sheet_label.hide()
        self.sheet.hide()
        self.form_host = QWidget(self)
        self.form = QGridLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(4)
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)
        self.form.setColumnMinimumWidth(2, 0)
        layout.addWidget(self.form_host)
        self.ignored = QLabel(self)
        self.ignored.setWordWrap(True)
        layout.addWidget(self.ignored)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("importPreview")
        self.preview_model = RowTableModel([], parent=self)
        self.preview_view.setModel(self.preview_model)
        layout.addWidget(self.preview_view, 1)
        self.combos: dict[str, QComboBox] = {}
        self._ready = False
        self._filling_sheets = False

    # --- reading the file, off the GUI thread ---------------------------------------------------
    def initializePage(self) -> None:
        self._ready = False
        self.problem.clear()
        self._clear_form()
        self.completeChanged.emit()
        path, kind, options = self.state.path, self.state.kind, self.state.options
        assert path is not None
        self.busy.show()

        def work(progress: Callable[[int, int], None]) -> Table:
            progress(0, 0)
            return find_header(kind_spec(kind), load(path, kind, options))

        self.task = self.ctx.runner.run(
            work, on_done=self._read, on_error=self._failed, on_cancel=self._cancelled
        )

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _cancelled(self) -> None:
        self.busy.hide()
        self.problem.setText(self.tr("Reading cancelled."))

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.problem.setText(_message(error))
        self.completeChanged.emit()

    def _read(self, table: object) -> None:
        self.busy.hide()
        assert isinstance(table, Table)
        self.state.table = table
        self._show_sheets(table)
        spec = kind_spec(self.state.kind)
        mapping = self._remembered(table) or auto_map(spec, table.headers)
        per_column = len(spec.fields)
        if per_column > ONE_COLUMN_FIELDS:
            per_column = (per_column + 1) // 2
            self.form.setColumnMinimumWidth(2, 0)
            self.form.setHorizontalSpacing(12)
        for position, field in enumerate(spec.fields):
            combo = QComboBox(self.form_host)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.addItem(self.tr("(not imported)"), IGNORED)
            for index, header in enumerate(table.headers):
                combo.addItem(header or self.tr("column %1").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(mapping.get(field.name, IGNORED) + 1)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field.name] = combo
            label = QLabel(field.label, self.form_host)
            label.setBuddy(combo)
            row, column = position % per_column, 2 * (position // per_column)
            self.form.addWidget(label, row, column)
            self.form.addWidget(combo, row, column + 1)
        self._ready = True
        self._mapping_changed()
        if not mapping:
            self.problem.setText(_message(no_header_error(spec, table)))

    def _show_sheets(self, table: Table) -> None:
        several = len(table.sheets) > 1
        self._filling_sheets = True
        try:
            self.sheet.clear()
            if several:
                self.sheet.addItems(list(table.sheets))
                self.sheet.setCurrentIndex(max(self.sheet.findText(table.sheet or ""), 0))
        finally:
            self._filling_sheets = False
        self.sheet.setVisible(several)
        self.sheet_label.setVisible(several)

    def _sheet_chosen(self) -> None:
        if self._filling_sheets or not self.sheet.currentText():
            return
        chosen = self.sheet.currentText()
        if self.state.table is not None and chosen == self.state.table.sheet:
            return
        self.state.options = dataclasses.replace(self.state.options, sheet=chosen)
        self.initializePage()

    def _clear_form(self) -> None:
        while self.form.count():
            item = self.form.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.combos = {}

    # --- mapping ------------------------------------------------------------------------------
    def mapping(self) -> dict[str, int]:
        return {
            name: int(combo.currentData())
            for name, combo in self.combos.items()
            if int(combo.currentData()) != IGNORED
        }

    def _settings_key(self) -> str:
        return f"imports/mapping/{self.state.kind}"

    def _remembered(self, table: Table) -> dict[str, int]:
        raw = self.settings.value(self._settings_key(), "")
        try:
            by_header = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        found = {
            name: table.headers.index(header)
            for name, header in by_header.items()
            if header in table.headers
        }
        return found

    def _mapping_changed(self) -> None:
        table = self.state.table
        if table is None or not self._ready:
            return
        mapping = self.mapping()
        headers, rows = preview(self.state.kind, table, mapping)
        columns = [Column(self.tr("Row"), lambda r: r.number)]
        columns += [_cell_column(label, i) for i, label in enumerate(headers)]
        self.preview_model = RowTableModel(columns, rows, parent=self)
        self.preview_view.setModel(self.preview_model)
        _fit_columns(self.preview_view, range(len(columns)))
        used = set(mapping.values())
        ignored = [h for i, h in enumerate(table.headers) if i not in used and h.strip()]
        self.ignored.setText(
            self.tr("Columns ignored: %1").replace("%1", ", ".join(ignored)) if ignored else ""
        )
        self.problem.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ready and bool(self.mapping())

    def validatePage(self) -> bool:
        table = self.state.table
        assert table is not None
        mapping = self.mapping()
        try:
            prepare(self.state.kind, table, self.state.options, mapping)
        except PtceError as error:
            self.problem.setText(_message(error))
            return False
        self.state.mapping = mapping
        self.settings.setValue(
            self._settings_key(),
            json.dumps({name: table.headers[i] for name, i in mapping.items()}),
        )
        return True


def _cell_column(label: str, index: int) -> Column:
    return Column(label, lambda row: row.cells[index])


def _error_columns() -> list[Column]:
    return [
        Column(translate("ImportWizard", "Row"), lambda e: e.row),
        Column(translate("ImportWizard", "Column"), lambda e: e.column),
        Column(translate("ImportWizard", "Value"), lambda e: e.value),
        Column(translate("ImportWizard", "Reason"), lambda e: e.message),
    ]


def _fit_columns(view: QTableView, columns: range | tuple[int, ...]) -> None:
    """``columns`` sized to what they hold (a SIRET, « Date d'adhésion », a service's name
    whole), up to about 30 characters each."""
    widest = view.fontMetrics().horizontalAdvance("0" * 30)
    for column in columns:
        view.resizeColumnToContents(column)
        if view.columnWidth(column) > widest:
            view.setColumnWidth(column, widest)


class _RunPage(QWizardPage):
    """Runs the import (a dry run or the real one) off the GUI thread."""

    dry_run = True

    def __init__(self, state: _State, ctx: AppContext) -> None:
        super().__init__()
        self.state = state
        self.ctx = ctx
        self.task: Task | None = None
        self.result: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.busy = _Busy(self)
        self.busy.cancel.clicked.connect(self._cancel)
        layout.addWidget(self.busy)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.errors_view = QTableView(self)
        self.errors_view.setObjectName("importErrors")
        self.errors_model = RowTableModel(_error_columns(), parent=self)
        self.errors_view.setModel(self.errors_model)
        self.errors_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.errors_view, 1)
        layout.addStretch(0)  # the status stays on top when there is no error to list

    def initializePage(self) -> None:
        self.result = None
        self.errors_model.set_rows([])
        self.errors_view.show()
        self.status.setText(
            translate("ImportWizard", "Checking every row…")
            if self.dry_run
            else translate("ImportWizard", "Importing…")
        )
        table, mapping = self.state.table, self.state.mapping
        assert table is not None and mapping is not None
        options = dataclasses.replace(self.state.options, dry_run=self.dry_run)
        kind, uow, state = self.state.kind, self.ctx.uow, self.state
        self.busy.show()

        def work(progress: Callable[[int, int], None]) -> ImportResult:
            state.prepared = prepare(kind, table, options, mapping)
            return apply_import(uow, state.prepared, options, progress=progress)

        self.task = self.ctx.runner.run(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self.busy.progress,
            on_cancel=self._cancelled,
        )

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _cancelled(self) -> None:
        self.busy.hide()
        self.status.setText(translate("ImportWizard", "Cancelled: nothing was imported."))

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.status.setText(_message(error))

    def _done(self, result: object) -> None:
        self.busy.hide()
        assert isinstance(result, ImportResult)
        self.result = self.state.result = result
        self.errors_model.set_rows(list(result.errors))
        _fit_columns(self.errors_view, (0, 1, 2))  # the reason takes the rest of the width
        self.errors_view.setVisible(bool(result.errors))  # an empty table is only noise
        self.show_result(result)
        self.completeChanged.emit()

    def show_result(self, result: ImportResult) -> None:
        raise NotImplementedError

    def isComplete(self) -> bool:
        return self.result is not None and self.result.ok

    def cleanupPage(self) -> None:
        self._cancel()


class CheckPage(_RunPage):
    dry_run = True

    def __init__(self, state: _State, ctx: AppContext) -> None:
        super().__init__(state, ctx)
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("Every row is checked before anything is written."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))

    def show_result(self, result: ImportResult) -> None:
        if result.errors:
            self.status.setText(
                self.tr("%1 error(s): nothing will be imported. Correct the file and try again.")
                .replace("%1", str(len(result.errors)))
            )  # fmt: skip
        else:
            self.status.setText(
                self.tr("No error. Ready to import — %1").replace("%1", result.summary())
            )


class SummaryPage(_RunPage):
    dry_run = False

    def __init__(
        self, state: _State, ctx: AppContext, on_imported: Callable[[ImportResult], bool]
    ) -> None:
        super().__init__(state, ctx)
        self.on_imported = on_imported
        self.setTitle(self.tr("Summary"))
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self._back_after_import(allowed=True)
        super().initializePage()

    def _back_after_import(self, *, allowed: bool) -> None:
        # once written, « Previous » would check the file again against what it has just
        # written (every row a duplicate): Édition ▸ Annuler undoes an import. A cancelled or
        # refused import keeps the way back to fix the mapping.
        wizard = self.wizard()
        if wizard is not None:
            wizard.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, not allowed)

    def show_result(self, result: ImportResult) -> None:
        self._back_after_import(allowed=not result.written)
        if result.written:
            self.status.setText(
                self.tr("Imported from “%1”: %2").replace("%1", result.file_name)
                .replace("%2", result.summary())
            )  # fmt: skip
            if self.on_imported(result):
                self.status.setText(
                    self.status.text() + " " + self.tr("Edit ▸ Undo removes the whole import.")
                )
        else:
            self.status.setText(
                self.tr("%1 error(s): nothing was imported.").replace("%1", str(len(result.errors)))
            )


class ImportWizard(QWizard):
    """Fichier ▸ Importer…: one file of one kind into the open pole."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        settings: QSettings,
        kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.ctx = ctx
        self.state = _State()
        self.imported: ImportResult | None = None
        self.choose = ChoosePage(self.state, settings)
        if kind is not None:
            self.choose.kind.setCurrentIndex(max(self.choose.kind.findData(kind), 0))
        self.mapping_page = MappingPage(self.state, ctx, settings)
        # a sheet chosen on the mapping page stays chosen after « Previous », « Next »
        self.mapping_page.sheet.textActivated.connect(self.choose.sheet.setText)
        self.check = CheckPage(self.state, ctx)
        self.summary = SummaryPage(self.state, ctx, self._imported)
        for page in (self.choose, self.mapping_page, self.check, self.summary):
            self.addPage(page)
        self.resize(900, 640)

    def _imported(self, result: ImportResult) -> bool:
        """Record the import as one undo step; False when it cannot be undone."""
        self.imported = result
        assert self.state.prepared is not None
        text = self.tr("Import “%1”").replace("%1", result.file_name)
        return record_import(
            self.ctx.history,
            self.ctx.uow,
            text,
            result,
            self.state.prepared,
            self.state.options,
        )

    def reject(self) -> None:
        for page in (self.mapping_page, self.check, self.summary):
            if page.task is not None and not page.task.done:
                page.task.cancel()
        super().reject()
