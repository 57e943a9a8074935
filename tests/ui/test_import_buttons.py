"""« Importer… » on each list page opens the import wizard preset on that page's kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.imports.button import import_button, request_import
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, ui_settings: QSettings) -> Iterator[Shell]:
    path = tmp_path / "pôle & <co> l'€.sqlite3"
    db = open_database(path)
    try:
        PoleService(UnitOfWork(db)).create_pole("Pôle Sud & <Drôme> — l'€", "Drôme", 1)
    finally:
        db.close()
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    started = Shell(window, runner=Runner(inline=True), presenter=RecordingPresenter())
    assert started.start(path)
    window.show()
    yield started
    if started.imports.wizard is not None:
        started.imports.wizard.reject()
    started.close_document()


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("members", "members"),
        ("services", "services"),
        ("keys", "keys"),
        ("costs", "costs"),
        ("calls", "payments"),
        ("funding", "grant-instalments"),
    ],
)
def test_each_list_page_opens_the_wizard_on_its_kind(
    shell: Shell, qtbot: QtBot, page: str, kind: str
) -> None:
    window = shell.window
    window.show_page(page)
    button = window.page(page).findChild(QPushButton, f"import-{kind}")
    assert button is not None, f"no « Importer… » on {page}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = shell.imports.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.choose.kind.currentData() == kind
    assert window.import_action.data() is None  # Fichier ▸ Importer… opens on its default


def test_the_menu_action_still_opens_the_wizard_on_its_first_kind(shell: Shell) -> None:
    shell.window.import_action.trigger()
    wizard = shell.imports.wizard
    assert wizard is not None
    assert wizard.choose.kind.currentIndex() == 0


def test_a_button_outside_a_window_does_nothing(qtbot: QtBot) -> None:
    button = import_button("members")
    qtbot.addWidget(button)
    assert button.text() == "Import…"
    assert not request_import(button, "members")
