"""UI fixtures: settings in tmp_path, a French UI on demand, the language reset after."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter, make_context, ui_language

from ptce_desktop.ui.compat import pin_singletons
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

# PySide6 6.12 on Python 3.11 drops a reference to None/True/False per void call: without this
# a long UI test run aborts with "none_dealloc" (see ptce_desktop/ui/compat.py).
pin_singletons()


@pytest.fixture(autouse=True)
def _own_ui_state(_isolated_dirs: None) -> None:
    """The app's own UI-state file (``ptce_desktop.ui.state.ui_settings``) in this test's
    config folder: Qt reads ``XDG_CONFIG_HOME`` once per process, so without this every test
    after the first shared (and remembered) the column layouts and splitters of the others."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"]
    )


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """UI-state settings in an INI file of the test's own folder."""
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The French catalogue and Qt's own French texts, removed after the test."""
    with ui_language(qapp, "fr"):
        yield


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    """An open pole « Pôle Sud & <Drôme> » on a fresh file, errors recorded, work run inline."""
    context = make_context(db_path)
    yield context
    context.close()


@pytest.fixture
def demo_window(
    qtbot: QtBot, demo_file: Path, tmp_path: Path, ui_settings: QSettings, french: None
) -> Iterator[MainWindow]:
    """The main window on a copy of the demo pole, in French, shown on its 2025 year (the
    start synchronous: an inline runner)."""
    path = tmp_path / "démo.sqlite3"
    shutil.copyfile(demo_file, path)
    win = MainWindow(settings=ui_settings)
    qtbot.addWidget(win)
    shell = Shell(win, runner=Runner(inline=True), presenter=RecordingPresenter())
    assert shell.start(path)
    win.show()
    qtbot.waitExposed(win)
    index = win.year_combo.findData(2025)
    assert index >= 0
    win.year_combo.setCurrentIndex(index)
    yield win
    shell.close_document()
