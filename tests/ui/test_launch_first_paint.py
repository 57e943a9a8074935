"""The window shows first — frame, sidebar, « Chargement… » — then opens its file (issue 18
item 5): nothing heavy in what the first paint imports; the open's dialogs as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.ui.pages import LoadingPage, PendingPage
from ptce_desktop.ui.shell.launch import Startup
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.shell.welcome import WelcomeChoice
from ptce_desktop.ui.worker import Runner

POLE = "Pôle « L'Éclair » & <Drôme> — coopérative de la vallée aux noms très longs €"

#: Not one of these may be imported before the window is painted.
HEAVY = (
    "sqlalchemy", "reportlab", "alembic", "stdnum", "PySide6.QtCharts",
    "ptce_desktop.services", "ptce_desktop.store.database", "ptce_desktop.store.models",
    "ptce_desktop.store.opening", "ptce_desktop.store.unit_of_work", "ptce_desktop.documents",
    "ptce_desktop.exchange", "ptce_desktop.ui.shell.document", "ptce_desktop.ui.shell.context",
)  # fmt: skip

# The composition root as launch_gui runs it; the modules loaded when the window is painted,
# then whether the file opened and which page is on screen.
CHILD = r"""
import argparse, json, sys
from PySide6.QtCore import QEventLoop
from ptce_desktop.ui.shell.launch import Launch

launch = Launch(argparse.Namespace(db=sys.argv[1], lang=None, read_only=False))
startup = launch.startup
seen = {}
painted = startup._painted

def on_paint():
    if "modules" not in seen:
        seen["modules"] = sorted(sys.modules)
        seen["loading"] = launch.window.is_loading()
    painted()

startup._painted = on_paint
try:
    launch.open_window()
    loop = QEventLoop()
    startup.finished.connect(loop.quit)
    loop.exec()
    page = launch.window.current_page()
    seen["opened"] = startup.result
    seen["page"] = type(page).__name__
    seen["title"] = launch.window.windowTitle()
    seen["order"] = startup.painted_at <= startup.opened_at
finally:
    launch.close()
print(json.dumps(seen))
"""


class Scripted(Dialogs):
    def __init__(self, *, locked: bool = False, welcome: WelcomeChoice | None = None) -> None:
        super().__init__(None)
        self.locked_answer = locked
        self.welcome_answer = welcome
        self.asked: list[str] = []

    def locked(self, parent: Any, error: PtceError) -> bool:
        self.asked.append("locked")
        return self.locked_answer

    def welcome(self, parent: Any, *, create_only: bool = False) -> WelcomeChoice | None:
        self.asked.append("welcome")
        return self.welcome_answer


def test_the_first_paint_imports_nothing_heavy_then_the_file_opens(
    db_path: Path, uow: Any, tmp_path: Path
) -> None:
    PoleService(uow).create_pole(POLE, "Drôme", 1)
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PTCE_DATA_DIR": str(tmp_path / "ptce"),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["loading"]  # « Chargement… » in place of the first page
    heavy = [name for name in seen["modules"] if name.startswith(HEAVY)]
    assert heavy == []
    assert "PySide6.QtWidgets" in seen["modules"]  # (the list is the real one)
    assert seen["opened"] is True and seen["order"]
    assert seen["page"] == "DashboardPage"
    assert POLE in seen["title"]


def _startup(qtbot: QtBot, settings: QSettings, path: Path, dialogs: Dialogs) -> Startup:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    startup = Startup(
        window, RecordingPresenter(), path, runner=Runner(inline=True), dialogs=dialogs
    )
    return startup


def _finish(qtbot: QtBot, startup: Startup) -> bool:
    with qtbot.waitSignal(startup.finished, timeout=20_000) as blocker:
        startup.begin()
        assert startup.window.is_loading()  # shown before anything is opened
        assert isinstance(startup.window.current_page(), LoadingPage)
        assert not startup.window.open_action.isEnabled()  # no shell yet to open a file
    assert startup.painted_at is not None and startup.opened_at is not None
    result: bool = blocker.args[0]
    return result


def test_the_window_opens_its_file_after_showing(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE, "Drôme", 1)
    startup = _startup(qtbot, ui_settings, db_path, Scripted())
    try:
        assert _finish(qtbot, startup) is True
        window = startup.window
        assert not window.is_loading() and window.open_action.isEnabled()
        assert not isinstance(window.current_page(), LoadingPage | PendingPage)
        assert POLE in window.windowTitle()
        assert startup.shell is not None and startup.shell.ctx is not None
        assert startup.presenter.errors == []  # type: ignore[attr-defined]
    finally:
        if startup.shell is not None:
            startup.shell.close_document()


def test_a_locked_file_still_offers_read_only_and_declining_quits(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE)
    holder = DatabaseLock(db_path)
    holder.acquire()
    try:
        dialogs = Scripted(locked=False)
        startup = _startup(qtbot, ui_settings, db_path, dialogs)
        assert _finish(qtbot, startup) is False
        assert dialogs.asked == ["locked"]
        assert not startup.window.is_loading()  # no « Chargement… » left behind
        assert startup.shell is not None and startup.shell.ctx is None

        reading = Scripted(locked=True)
        startup = _startup(qtbot, ui_settings, db_path, reading)
        assert _finish(qtbot, startup) is True
        assert reading.asked == ["locked"] and startup.window.read_only
        assert startup.shell is not None
        startup.shell.close_document()
    finally:
        holder.release()


def test_a_file_without_a_pole_shows_the_welcome_without_loading_behind(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path
) -> None:
    seen: list[bool] = []

    class Watching(Scripted):
        def welcome(self, parent: Any, *, create_only: bool = False) -> WelcomeChoice | None:
            seen.append(parent.is_loading())
            return super().welcome(parent, create_only=create_only)

    startup = _startup(qtbot, ui_settings, db_path, Watching(welcome=None))
    assert _finish(qtbot, startup) is False  # the welcome closed: the program quits
    assert seen == [False]
    DatabaseLock(db_path).acquire()  # the file was given back


def test_a_broken_install_is_said_and_quits(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.ui.shell import launch

    def broken(_first_page: str) -> None:
        raise ImportError("No module named 'ptce_desktop.store.models' « é » & <co>")

    monkeypatch.setattr(launch, "import_document_modules", broken)
    dialogs = Scripted()
    startup = _startup(qtbot, ui_settings, db_path, dialogs)
    assert _finish(qtbot, startup) is False
    errors = startup.presenter.errors  # type: ignore[attr-defined]
    assert [type(error) for error in errors] == [ImportError]
    assert not startup.window.is_loading() and dialogs.asked == []
