"""Aide ▸ À propos: version, licence, where the data is, the newest verified backup, libraries.

Everything is also one plain text (:func:`about_text`) the user copies into a bug report with
one button. The newest verified backup is looked up in the open file's backups folder
(:meth:`BackupService.newest_verified`, which opens the backup to check it).
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop import __version__
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.store.paths import default_data_dir

translate = QCoreApplication.translate

LICENCE = "GNU GPL v3+ (GPL-3.0-or-later)"
# The distributions whose versions a bug report needs (PyPI names).
LIBRARIES = (
    "PySide6",
    "SQLAlchemy",
    "alembic",
    "reportlab",
    "platformdirs",
    "python-stdnum",
    "filelock",
)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) of Python, Qt and :data:`LIBRARIES` ("?" when a version is unknown)."""
    found = [("Python", platform.python_version()), ("Qt", qVersion())]
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            module = sys.modules.get(name.lower().replace("python-", ""))
            found.append((name, str(getattr(module, "__version__", "?"))))
    return found


def newest_backup_text(db_path: Path | None) -> str:
    if db_path is None:
        return translate("AboutDialog", "none (no file open)")
    try:
        entry = BackupService().newest_verified(db_path)
    except Exception as error:  # a damaged folder must not keep the dialog from opening
        return translate("AboutDialog", "unknown (%1)").replace("%1", str(error))
    if entry is None:
        return translate("AboutDialog", "none yet")
    when = f"{format_date(entry.created.date())} {entry.created:%H:%M}"
    return f"{when} — {entry.path}"


def about_lines(db_path: Path | None) -> list[tuple[str, str]]:
    """The (label, value) lines of the dialog, in order."""
    lines = [
        (translate("AboutDialog", "Version"), __version__),
        (translate("AboutDialog", "Licence"), LICENCE),
        (translate("AboutDialog", "Data folder"), str(default_data_dir())),
        (
            translate("AboutDialog", "Open file"),
            str(db_path) if db_path is not None else translate("AboutDialog", "none"),
        ),
        (translate("AboutDialog", "Newest verified backup"), newest_backup_text(db_path)),
        (translate("AboutDialog", "System"), platform.platform()),
    ]
    lines.extend(library_versions())
    return lines


def about_text(db_path: Path | None) -> str:
    """The whole dialog as plain text, one ``label: value`` per line (for a bug report)."""
    lines = [f"PTCE Desktop {__version__}"]
    lines.extend(f"{label} : {value}" for label, value in about_lines(db_path))
    return "\n".join(lines)


class AboutDialog(QDialog):
    """The facts of :func:`about_text`, selectable, with « Copier » for a bug report."""

    def __init__(self, db_path: Path | str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("AboutDialog", "About PTCE Desktop"))
        self.resize(640, 460)
        path = Path(db_path) if db_path else None
        heading = QLabel(
            translate(
                "AboutDialog",
                "<h3>PTCE Desktop %1</h3><p>Members, shared services, cost sharing to the cent, "
                "funding and reports of a pôle territorial de coopération économique.</p>"
                "<p>Free software under the GNU GPL, version 3 or later.</p>",
            ).replace("%1", __version__)
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.details = QPlainTextEdit(about_text(path))
        self.details.setObjectName("aboutDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName(translate("AboutDialog", "Details for a bug report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("AboutDialog", "&Copy for a bug report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.details.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
