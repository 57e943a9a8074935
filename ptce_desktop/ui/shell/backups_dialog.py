"""Fichier ▸ Sauvegardes et restauration… : the backups of the open file and their state.

The dialog lists (date, reason, size, verified or damaged), opens the folder and makes a manual
backup; the list is built off the GUI thread (every backup is fully verified). "Restore" only
asks: :attr:`BackupsDialog.restoreRequested` carries the chosen
:class:`~ptce_desktop.services.pole.backups.BackupEntry` to the composition root, which confirms,
closes the file, restores and reopens it (:mod:`ptce_desktop.ui.shell.backups_actions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.pole.backups import BackupEntry, BackupService, format_size
from ptce_desktop.ui.errors import ErrorPresenter
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.worker import Runner

translate = QCoreApplication.translate


def when_texts(created: datetime) -> tuple[str, str]:
    """("26/11/2026", "14:02") for the confirmations and the list."""
    return format_date(created.date()), f"{created:%H:%M}"


def kind_label(kind: str) -> str:
    labels = {
        "auto": translate("BackupsDialog", "automatic"),
        "migration": translate("BackupsDialog", "before migration"),
        "manual": translate("BackupsDialog", "manual"),
        "copy": translate("BackupsDialog", "copy"),
        "before_restore": translate("BackupsDialog", "before restore"),
    }
    return labels.get(kind, translate("BackupsDialog", "other"))


def state_label(entry: BackupEntry) -> str:
    if entry.verified:
        return translate("BackupsDialog", "verified")
    if entry.error is not None and entry.error.code != "backup_damaged":
        return translate("BackupsDialog", "not restorable")
    return translate("BackupsDialog", "damaged")


def open_folder(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


class BackupsDialog(QDialog):
    """Not meant to be subclassed (``self.tr`` looks texts up under "BackupsDialog")."""

    restoreRequested = Signal(object)  # BackupEntry
    COLUMNS = 4

    def __init__(
        self,
        service: BackupService,
        db_path: Path,
        runner: Runner,
        *,
        read_only: bool = False,
        presenter: ErrorPresenter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self.service = service
        self.db_path = db_path
        self.folder = service.backups_dir(db_path)
        self.runner = runner
        self.read_only = read_only
        self.presenter = presenter if presenter is not None else ErrorPresenter()
        self.entries: list[BackupEntry] = []
        self.loading = False
        self._select_after: Path | None = None
        self.summary = ""
        self.setWindowTitle(self.tr("Backups and restore"))
        self.resize(760, 460)
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups of %1 are kept in %2. An automatic backup is made when the file is "
                "opened (at most one a day; the last 10 are kept). Every backup is checked "
                "before it is listed as verified."
            )
            .replace("%1", self.db_path.name)
            .replace("%2", str(self.folder))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self._restore)
        self.folder_button = QPushButton(self.tr("Open the &folder"))
        self.folder_button.clicked.connect(lambda: open_folder(self.folder))
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        row.addWidget(self.restore_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        # Enter never restores (it replaces the open file): only a click or Alt+R does; the
        # default button is « Fermer »
        for button in (self.restore_button, self.folder_button, self.backup_button):
            button.setAutoDefault(False)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout.addLayout(row)
        self._update_buttons()

    # --- the list ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Verify and list the backups again (off the GUI thread)."""
        self.loading = True
        self.status.setText(self.tr("Checking the backups…"))
        self._update_buttons()
        path = self.db_path
        self.runner.run(
            lambda _progress: self.service.list_restorable(path),
            on_done=self._fill,
            on_error=self._failed,
        )

    def _fill(self, entries: Sequence[BackupEntry]) -> None:
        self.loading = False
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        lang = current_language()
        for row, entry in enumerate(self.entries):
            day, time = when_texts(entry.created)
            cells = [
                self.tr("%1 at %2").replace("%1", day).replace("%2", time),
                kind_label(entry.kind),
                format_size(entry.size, lang),
                state_label(entry),
            ]
            tip = str(entry.path)
            if entry.error is not None:
                tip += "\n" + entry.error.message(lang)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 3 and not entry.verified:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        damaged = sum(1 for entry in self.entries if not entry.verified)
        if not self.entries:
            text = self.tr("No backup yet. “Back up now” makes one.")
        elif damaged:
            text = self.tr(
                "%n backup(s) cannot be restored (point at one for the reason).", "", damaged
            )
        else:
            text = self.tr("%n backup(s), all verified.", "", len(self.entries))
        self.summary = text
        self.status.setText(text)
        if self._select_after is not None:
            self.select_path(self._select_after)
            self._select_after = None
        elif self.entries and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.status.setText(self.tr("The backups could not be listed."))
        self._update_buttons()
        self.presenter.present(error, self)

    def selected_entry(self) -> BackupEntry | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.entries[row] if selected and 0 <= row < len(self.entries) else None

    def select_path(self, path: Path) -> None:
        for row, entry in enumerate(self.entries):
            if entry.path == path:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        """A damaged backup says why under the list; otherwise the summary shows."""
        entry = self.selected_entry()
        if not self.loading:
            error = entry.error if entry is not None else None
            self.status.setText(
                error.message(current_language()) if error is not None else self.summary
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.restore_button.setEnabled(
            entry is not None and entry.verified and not self.read_only and not self.loading
        )
        self.restore_button.setToolTip(
            self.tr("Open the file for writing to restore a backup.") if self.read_only else ""
        )
        self.backup_button.setEnabled(not self.loading)

    # --- actions -----------------------------------------------------------------------------
    def _restore(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.verified and not self.read_only:
            self.restoreRequested.emit(entry)

    def backup_now(self) -> None:
        """A verified manual backup beside the file, then the list again."""
        self.loading = True
        self.status.setText(self.tr("Writing a verified backup…"))
        self._update_buttons()
        path = self.db_path

        def done(target: object) -> None:
            self._select_after = target if isinstance(target, Path) else None
            self.reload()

        self.runner.run(
            lambda _progress: self.service.backup_now(path), on_done=done, on_error=self._failed
        )
