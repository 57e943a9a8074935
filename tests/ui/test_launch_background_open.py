"""``Shell.start`` opens the file on a worker (issue 18, stall_start): it returns at once with
« Chargement… » on screen, ``started`` says the outcome; refusals keep their dialogs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.ui.pages import LoadingPage, PendingPage
from ptce_desktop.ui.shell.document import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

POLE = "Pôle « L'Éclair » & <Drôme> — 1 234,56 € " + "coopérative au nom très long " * 5


class Scripted(Dialogs):
    def __init__(self, *, locked: bool = False) -> None:
        super().__init__(None)
        self.locked_answer = locked
        self.asked: list[str] = []

    def locked(self, parent: Any, error: PtceError) -> bool:
        self.asked.append("locked:" + error.code)
        return self.locked_answer

    def welcome(self, parent: Any, *, create_only: bool = False) -> Any:
        self.asked.append("welcome")
        return None

    def offer_restore(self, parent: Any, entry: Any, kept_in: Path) -> bool:
        self.asked.append("restore")
        return False


@pytest.fixture
def make_shell(qtbot: QtBot, ui_settings: QSettings) -> Any:
    made: list[Shell] = []

    def make(dialogs: Dialogs) -> Shell:
        window = MainWindow(settings=ui_settings)
        qtbot.addWidget(window)
        shell = Shell(window, runner=Runner(inline=False), presenter=RecordingPresenter(),
                      dialogs=dialogs)  # fmt: skip
        made.append(shell)
        return shell

    yield make
    QThreadPool.globalInstance().waitForDone(30_000)
    for shell in made:
        shell.close_document()


def _start(qtbot: QtBot, shell: Shell, path: Path) -> bool:
    with qtbot.waitSignal(shell.started, timeout=30_000) as blocker:
        assert shell.start(path) is True  # not known yet: the file opens on a worker
        assert shell.ctx is None and shell.start_result is None
        assert shell.window.is_loading()  # « Chargement… », the File actions waiting
        assert isinstance(shell.window.current_page(), LoadingPage)
        assert not shell.window.open_action.isEnabled()
    assert not shell.window.is_loading()
    opened: bool = blocker.args[0]
    assert shell.start_result is opened
    return opened


def test_the_file_opens_on_a_worker_then_its_first_page_shows(
    qtbot: QtBot, make_shell: Any, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE, "Drôme", 1)
    shell = make_shell(Scripted())
    assert _start(qtbot, shell, db_path) is True
    window = shell.window
    assert shell.ctx is not None and shell.ctx.path == db_path.absolute()
    assert POLE in window.windowTitle()
    page = window.current_page()
    assert type(page).__name__ == "DashboardPage"
    assert not isinstance(page, LoadingPage | PendingPage)
    assert window.year_combo.count() >= 1  # the fiscal years read on the worker
    assert window.open_action.isEnabled()
    assert shell.presenter.errors == []  # type: ignore[attr-defined]
    with pytest.raises(PtceError) as held:  # the lock was taken (on the worker), and is ours
        DatabaseLock(db_path).acquire()
    assert held.value.code == "file_locked"


def test_a_locked_file_offers_read_only_from_the_worker_and_declining_gives_false(
    qtbot: QtBot, make_shell: Any, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE)
    holder = DatabaseLock(db_path)
    holder.acquire()
    try:
        declining = Scripted(locked=False)
        shell = make_shell(declining)
        assert _start(qtbot, shell, db_path) is False
        assert declining.asked == ["locked:file_locked"] and shell.ctx is None

        reading = Scripted(locked=True)
        shell = make_shell(reading)
        assert _start(qtbot, shell, db_path) is True
        assert reading.asked == ["locked:file_locked"]
        assert shell.ctx is not None and shell.ctx.read_only and shell.window.read_only
    finally:
        holder.release()


def test_a_newer_file_is_refused_as_before_then_the_welcome(
    qtbot: QtBot, make_shell: Any, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9999_futur'")
        connection.commit()
    finally:
        connection.close()
    dialogs = Scripted()
    shell = make_shell(dialogs)
    assert _start(qtbot, shell, db_path) is False
    assert shell.presenter.codes() == ["newer_schema"]  # type: ignore[attr-defined]
    assert dialogs.asked == ["welcome"] and shell.ctx is None  # (no backup to offer)
    DatabaseLock(db_path).acquire()  # the lock was given back


def test_a_file_whose_first_reads_fail_is_said_and_closed(
    qtbot: QtBot,
    make_shell: Any,
    db_path: Path,
    uow: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    PoleService(uow).create_pole(POLE)

    def broken(self: Any) -> Any:
        raise RuntimeError("lecture impossible « é » & <co>")

    monkeypatch.setattr(PoleService, "get", broken)
    dialogs = Scripted()
    shell = make_shell(dialogs)
    assert _start(qtbot, shell, db_path) is False
    errors = shell.presenter.errors  # type: ignore[attr-defined]
    assert [str(error) for error in errors] == ["lecture impossible « é » & <co>"]
    assert dialogs.asked == [] and shell.ctx is None
    DatabaseLock(db_path).acquire()  # closed again: the lock was given back
