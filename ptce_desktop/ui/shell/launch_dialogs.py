"""The questions the composition root asks: welcome, locked file, which file, which folder,
restore a backup (and the database check's report).

Gathered in one object so tests replace them (modal dialogs block on the offscreen platform).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.ui.errors import ErrorPresenter
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.shell.backups_dialog import when_texts
from ptce_desktop.ui.shell.welcome import WelcomeChoice, WelcomeDialog

if TYPE_CHECKING:
    from ptce_desktop.services.pole.backups import BackupEntry
    from ptce_desktop.services.pole.integrity import CheckReport

translate = QCoreApplication.translate


def file_filter() -> str:
    """The file dialogs' filter, its "all files" entry in the UI's language."""
    return "PTCE Desktop (*.sqlite3 *.db *.ptce);;" + translate("Dialogs", "All files (*)")


def slug(name: str) -> str:
    """ "Pôle Sud & Co" → "pole-sud-co" (a file name that any system accepts)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


class Dialogs:
    """Each method shows one modal question and returns the answer (None = cancelled)."""

    def __init__(self, presenter: ErrorPresenter | None = None) -> None:
        self.presenter = presenter

    def welcome(self, parent: QWidget | None, *, create_only: bool = False) -> WelcomeChoice | None:
        dialog = WelcomeDialog(parent)
        if create_only:
            dialog.create_button.click()  # straight to the form
        dialog.exec()
        choice = dialog.choice()
        dialog.deleteLater()
        return choice

    def locked(self, parent: QWidget | None, error: PtceError) -> bool:
        """True to open the locked file read-only, False to give up."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(
            translate("Dialogs", "File already open")
            if error.code == "file_locked"
            else translate("Dialogs", "File cannot be changed")
        )
        box.setText(error.message(current_language()))
        box.setInformativeText(
            translate(
                "Dialogs",
                "You can open it read-only to look and print, or quit and close the other "
                "program first.",
            )
        )
        read_only = box.addButton(
            translate("Dialogs", "Open &read-only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("Dialogs", "&Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(read_only)
        box.exec()
        chosen = box.clickedButton() is read_only
        box.deleteLater()
        return chosen

    def open_path(self, parent: QWidget | None) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            parent, translate("Dialogs", "Open a PTCE Desktop file"), "", file_filter()
        )
        return Path(path) if path else None

    def new_file_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("Dialogs", "Where to keep the new pole's file"),
            str(suggested),
            file_filter(),
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(".sqlite3")

    def ask_save_copy(self, parent: QWidget | None, message: str) -> bool:
        """The open file is no longer ours: True to save what is open to a new file."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("Dialogs", "Nothing is saved any more"))
        box.setText(message)
        save = box.addButton(
            translate("Dialogs", "&Save a copy…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("Dialogs", "&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        chosen = box.clickedButton() is save
        box.deleteLater()
        return chosen

    def copy_folder(self, parent: QWidget | None) -> Path | None:
        path = QFileDialog.getExistingDirectory(
            parent, translate("Dialogs", "Folder for the copy (a USB key, a shared drive…)")
        )
        return Path(path) if path else None

    def info(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.information(parent, translate("Dialogs", "PTCE Desktop"), text)

    # --- backups (ui/backups_actions.py) -------------------------------------------------------
    def confirm_restore(self, parent: QWidget | None, entry: BackupEntry, kept_in: Path) -> bool:
        """True to replace the open file by ``entry`` (kept as a copy in ``kept_in`` first)."""
        return _ask_restore(
            parent,
            entry,
            translate(
                "Dialogs",
                "The open file will be replaced by this backup. It is first kept as a copy in:"
                "\n%1\n\nA restore cannot be undone with Undo: the undo history is cleared.",
            ).replace("%1", str(kept_in)),
        )

    def offer_restore(self, parent: QWidget | None, entry: BackupEntry, kept_in: Path) -> bool:
        """After a file was refused at open: True to put its newest verified backup back."""
        return _ask_restore(
            parent,
            entry,
            translate(
                "Dialogs",
                "This backup of the file was verified. The refused file is not deleted: it is "
                "first kept as a copy in:\n%1",
            ).replace("%1", str(kept_in)),
        )

    def offer_repair(self, parent: QWidget | None, error: PtceError) -> bool:
        """A damaged file (refused at open, or failing its check once open): True to repair it
        (Réparer…: a copy rebuilt from what can be read, the original kept)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", "Damaged file"))
        box.setText(error.message(current_language()))
        box.setInformativeText(
            translate(
                "Dialogs",
                "Repair rebuilds the file from everything SQLite can still read; the damaged "
                "original is kept beside it.",
            )
        )
        repair = box.addButton(translate("Dialogs", "&Repair…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("Dialogs", "&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(repair)
        box.exec()
        chosen = box.clickedButton() is repair
        box.deleteLater()
        return chosen

    def check_report(self, parent: QWidget | None, report: CheckReport) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", "Database check"))
        box.setText(
            translate("Dialogs", "The file is sound.")
            if report.ok
            else translate("Dialogs", "Problems were found.")
        )
        lines = [("✓ " if item.ok else "✗ ") + item.text for item in report.items]
        box.setInformativeText(str(report.path) + "\n\n" + "\n".join(lines))
        box.exec()
        box.deleteLater()


def _ask_restore(parent: QWidget | None, entry: BackupEntry, details: str) -> bool:
    day, time = when_texts(entry.created)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Restore a backup"))
    box.setText(
        translate("Dialogs", "Restore the backup of %1 at %2?")
        .replace("%1", day)
        .replace("%2", time)
    )
    box.setInformativeText(details)
    restore = box.addButton(
        translate("Dialogs", "&Restore"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    chosen = box.clickedButton() is restore
    box.deleteLater()
    return chosen
