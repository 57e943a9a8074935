"""Paramètres ▸ Sauvegardes: the second backup folder of the open file (issue 12, item 4).

Automatic and manual backups are also copied there (a USB key, a synced folder: see
:class:`~ptce_desktop.services.pole.backups.BackupService`). The box shows the folder, whether
it can be written to now and when the last copy was made; a missing or read-only folder is
said plainly, with what follows (backups beside the file only). The setting belongs to the
file's backups folder, so it is not an undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.pole.backups import BackupService, SecondFolderStatus
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate


def choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(
        parent, translate("SecondFolderBox", "Choose the second backup folder")
    )


class SecondFolderBox(QGroupBox):
    """The second backup folder: its path, its state, choose / clear / check again."""

    def __init__(
        self, ctx: AppContext, service: BackupService | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("SecondFolderBox", "Second backup folder"), parent)
        self.setObjectName("secondFolderBox")
        self.db_path = ctx.path
        self.service = service if service is not None else BackupService()
        self.status: SecondFolderStatus | None = None
        hint = QLabel(
            translate(
                "SecondFolderBox",
                "Each automatic or manual backup is also copied into this folder: choose a USB "
                "key or a synced folder, so that a lost or broken computer does not take the "
                "backups with it.",
            )
        )
        hint.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("secondFolderPath")
        self.folder_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("secondFolderState")
        self.state_label.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.choose_button = QPushButton(translate("SecondFolderBox", "C&hoose a folder…"))
        self.clear_button = QPushButton(translate("SecondFolderBox", "&No second folder"))
        self.check_button = QPushButton(translate("SecondFolderBox", "Check &again"))
        self.choose_button.clicked.connect(lambda: self.choose())
        self.clear_button.clicked.connect(self.clear)
        self.check_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the setting and look at the folder again (a key may have been plugged in)."""
        self.status = status = self.service.second_folder_status(self.db_path)
        if status.folder is None:
            self.folder_label.setText(
                translate(
                    "SecondFolderBox", "No second folder: backups are kept beside the file only."
                )
            )
        else:
            self.folder_label.setText(
                translate("SecondFolderBox", "Folder: %1").replace("%1", str(status.folder))
            )
        self.state_label.setText(self._state_text(status))
        self.state_label.setVisible(status.folder is not None)
        if status.problem is not None:
            self._show_problem(status.problem)
        else:
            self.problem.hide()
        self.clear_button.setEnabled(status.folder is not None)
        self.check_button.setEnabled(status.folder is not None)

    @staticmethod
    def _state_text(status: SecondFolderStatus) -> str:
        if status.folder is None:
            return ""
        reachable = (
            translate("SecondFolderBox", "Reachable")
            if status.reachable
            else translate("SecondFolderBox", "Not reachable")
        )
        if status.last_copy is None:
            last = translate("SecondFolderBox", "no copy made there yet")
        else:
            last = (
                translate("SecondFolderBox", "last copy on %1 at %2")
                .replace("%1", format_date(status.last_copy.date()))
                .replace("%2", f"{status.last_copy:%H:%M}")
            )
        return f"{reachable} — {last}"

    def _show_problem(self, error: PtceError) -> None:
        self.problem.setText(error.message(current_language()))
        self.problem.show()

    def choose(self, folder: Path | None = None) -> bool:
        """Set the folder (asked for when ``folder`` is None); False when cancelled or refused."""
        if folder is None:
            chosen = choose_folder(self)
            if not chosen:
                return False
            folder = Path(chosen)
        try:
            self.service.set_second_folder(self.db_path, folder)
        except PtceError as error:
            self.reload()
            self._show_problem(error)
            return False
        self.reload()
        return True

    def clear(self) -> None:
        """Forget the second folder (the copies already made there are left as they are)."""
        try:
            self.service.set_second_folder(self.db_path, None)
        except (PtceError, OSError) as error:
            text = error.message(current_language()) if isinstance(error, PtceError) else str(error)
            self.problem.setText(text)
            self.problem.show()
            return
        self.reload()
