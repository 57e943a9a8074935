"""Look at the shell without a display: ``uv run python tests/ui/screenshot.py [fr|en] [page]``.

Builds the main window offscreen with a sample "members" page (accents, €, &, <, a long name)
and the welcome dialog, then writes PNGs to /tmp (``ptce_shell.png``, ``ptce_welcome.png``,
``ptce_welcome_form.png``). A tool for whoever changes the UI; not a test, and its pictures are
never committed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.money import format_money
from ptce_desktop.ui.i18n import install_translators
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.shell.welcome import WelcomeDialog
from ptce_desktop.ui.style import apply_style
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView


@dataclass(frozen=True)
class SampleMember:
    name: str
    category: str
    joined: date
    balance_cents: int


ROWS = [
    SampleMember("Coopérative Éclair & Fils", "SCOP", date(2021, 3, 1), 123456),
    SampleMember(
        "Association Les Jardins partagés de Romans-sur-Isère",
        "Association",
        date(2019, 9, 15),
        -4500,
    ),
    SampleMember("Mairie de Valence", "Collectivité", date(2020, 1, 1), 0),
    SampleMember("Boulangerie du Pôle <Sud>", "Entreprise hors ESS", date(2023, 6, 30), 98765432),
]


class SampleMembersPage(QWidget):
    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Rechercher…")
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        bar.addWidget(QPushButton("Ajouter un membre…"))
        layout.addLayout(bar)
        columns = [
            Column("Nom", lambda m: m.name),
            Column("Catégorie", lambda m: m.category),
            Column("Adhésion", lambda m: m.joined, display=lambda d: d.strftime("%d/%m/%Y")),
            Column("Solde", lambda m: m.balance_cents, display=format_money, align=RIGHT),
        ]
        proxy = FilterProxy(self)
        proxy.setSourceModel(RowTableModel(columns, ROWS, self))
        view = TableView("screenshot-members", settings=settings)
        view.setModel(proxy)
        view.fit_columns()
        layout.addWidget(view)
        self.search.textChanged.connect(proxy.set_filter_text)

    def focus_search(self) -> None:
        self.search.setFocus()


def main(lang: str = "fr", page: str = "members") -> None:
    app = QApplication([])
    install_translators(app, lang)
    apply_style(app)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.set_page("members", SampleMembersPage(settings))
    window.set_fiscal_years([("2024", 2024), ("2025", 2025), ("2026", 2026)], 2025)
    window.set_document("Pôle Sud Drôme", "/home/coord/Documents/pole-sud.sqlite3", False)
    window.resize(1200, 760)
    window.show()
    window.show_page(page)
    app.processEvents()
    window.grab().save("/tmp/ptce_shell.png")
    dialog = WelcomeDialog()
    dialog.show()
    app.processEvents()
    dialog.grab().save("/tmp/ptce_welcome.png")
    dialog.create_button.click()
    dialog.territory_edit.setText("Drôme")
    dialog.create_ok_button.click()  # empty name: the field is marked and explained
    app.processEvents()
    dialog.grab().save("/tmp/ptce_welcome_form.png")
    window.close()
    print("/tmp/ptce_shell.png /tmp/ptce_welcome.png /tmp/ptce_welcome_form.png")


if __name__ == "__main__":
    main(*sys.argv[1:3])
