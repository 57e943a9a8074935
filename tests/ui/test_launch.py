"""The composition root: first run, locked and foreign files, demo, copy, File menu."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.opening import open_pole_file
from ptce_desktop.store.paths import default_data_dir
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs, slug
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.shell.welcome import WelcomeChoice
from ptce_desktop.ui.worker import Runner


class ScriptedDialogs(Dialogs):
    """Answers given in advance; records what was asked."""

    def __init__(self, **answers: Any) -> None:
        super().__init__(None)
        self.welcome_answers: list[WelcomeChoice | None] = list(answers.get("welcome", []))
        self.locked_answer: bool = answers.get("locked", False)
        self.path_answer: Path | None = answers.get("path")
        self.folder_answer: Path | None = answers.get("folder")
        self.asked: list[str] = []

    def welcome(self, parent: Any, *, create_only: bool = False) -> WelcomeChoice | None:
        self.asked.append("welcome")
        return self.welcome_answers.pop(0) if self.welcome_answers else None

    def locked(self, parent: Any, error: PtceError) -> bool:
        self.asked.append("locked")
        return self.locked_answer

    def offer_repair(self, parent: Any, error: PtceError) -> bool:
        self.asked.append("repair")
        return False

    def open_path(self, parent: Any) -> Path | None:
        self.asked.append("open")
        return self.path_answer

    def new_file_path(self, parent: Any, suggested: Path) -> Path | None:
        self.asked.append("new_file")
        return self.path_answer

    def copy_folder(self, parent: Any) -> Path | None:
        self.asked.append("folder")
        return self.folder_answer

    def info(self, parent: Any, text: str) -> None:
        self.asked.append("info")


@pytest.fixture
def shell_for(qtbot: QtBot, ui_settings: QSettings) -> Any:
    made: list[Shell] = []

    def make(dialogs: ScriptedDialogs) -> Shell:
        window = MainWindow(settings=ui_settings)
        qtbot.addWidget(window)
        shell = Shell(
            window, runner=Runner(inline=True), presenter=RecordingPresenter(), dialogs=dialogs
        )
        made.append(shell)
        return shell

    yield make
    for shell in made:
        shell.close_document()


CREATE = WelcomeChoice("create", name="Pôle Sud & <Drôme>", territory="Drôme")


def test_first_run_shows_the_welcome_and_creates_the_pole(shell_for: Any, db_path: Path) -> None:
    dialogs = ScriptedDialogs(welcome=[CREATE])
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    assert dialogs.asked == ["welcome"]
    title = shell.window.windowTitle()
    assert "Pôle Sud & <Drôme>" in title and str(db_path) in title
    assert shell.ctx is not None and shell.ctx.pole.get().territory == "Drôme"
    assert shell.window.current_fiscal_year() is not None


def test_a_missing_default_file_is_created(shell_for: Any, tmp_path: Path) -> None:
    path = tmp_path / "nouveau" / "ptce.sqlite3"
    shell = shell_for(ScriptedDialogs(welcome=[CREATE]))
    assert shell.start(path)
    assert path.exists() and shell.ctx.pole_name() == CREATE.name


def test_an_existing_pole_opens_without_welcome(shell_for: Any, db_path: Path, uow: Any) -> None:
    PoleService(uow).create_pole("Pôle Nord")
    dialogs = ScriptedDialogs()
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    assert dialogs.asked == []
    assert "Pôle Nord" in shell.window.windowTitle()


def test_closing_the_welcome_quits(shell_for: Any, db_path: Path) -> None:
    shell = shell_for(ScriptedDialogs(welcome=[None]))
    assert not shell.start(db_path)
    DatabaseLock(db_path).acquire()  # the lock was given back


def test_a_locked_file_offers_read_only(shell_for: Any, db_path: Path, uow: Any) -> None:
    PoleService(uow).create_pole("Pôle verrouillé")
    holder = DatabaseLock(db_path)
    holder.acquire()
    try:
        dialogs = ScriptedDialogs(locked=True)
        shell = shell_for(dialogs)
        assert shell.start(db_path)
        assert dialogs.asked == ["locked"]
        assert shell.ctx.read_only and shell.window.read_only
        assert "Pôle verrouillé" in shell.window.windowTitle()

        refusing = shell_for(ScriptedDialogs(locked=False))
        assert not refusing.start(db_path)
    finally:
        holder.release()


def test_a_foreign_file_shows_a_message_then_the_welcome(
    shell_for: Any, tmp_path: Path, db_path: Path
) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("ceci n'est pas une base", encoding="utf-8")
    dialogs = ScriptedDialogs(welcome=[WelcomeChoice("open", path=db_path), None])
    dialogs.path_answer = tmp_path / "nouveau-pole.sqlite3"
    shell = shell_for(dialogs)
    assert not shell.start(foreign)  # refused, welcome, the chosen file has no pole, closed
    errors = shell.presenter.errors
    assert [e.code for e in errors] == ["foreign_file"]
    assert "n'est pas une base PTCE Desktop" in errors[0].message("fr")
    assert dialogs.asked == ["welcome", "welcome"]


def test_open_refuses_a_foreign_file_and_keeps_the_current_one(
    shell_for: Any, tmp_path: Path, db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole("Pôle courant")
    foreign = tmp_path / "image.sqlite3"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    shell = shell_for(ScriptedDialogs(path=foreign))
    assert shell.start(db_path)
    assert not shell.open_file()
    assert shell.ctx.path == db_path and "Pôle courant" in shell.window.windowTitle()
    assert [e.code for e in shell.presenter.errors] == ["foreign_file"]


def test_new_pole_creates_a_second_file(shell_for: Any, tmp_path: Path, db_path: Path) -> None:
    target = tmp_path / "second.sqlite3"
    dialogs = ScriptedDialogs(welcome=[CREATE, WelcomeChoice("create", name="Pôle Est")])
    dialogs.path_answer = target
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    shell.window.new_pole_action.trigger()
    assert shell.ctx.path == target and "Pôle Est" in shell.window.windowTitle()
    DatabaseLock(db_path).acquire()  # the first file was closed and unlocked


def test_demo_goes_to_a_throw_away_file(
    shell_for: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []

    def build_demo_file(path: Path, progress: Any = None, program: str = "") -> None:
        calls.append(path)
        with open_pole_file(path, create=True) as pole:
            PoleService(pole.uow).create_pole("Pôle démo")

    fake = types.ModuleType("ptce_desktop.demo.build")
    fake.build_demo_file = build_demo_file  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ptce_desktop.demo.build", fake)
    shell = shell_for(ScriptedDialogs(welcome=[WelcomeChoice("demo")]))
    assert shell.start(db_path)
    assert calls and calls[0].parent == default_data_dir() / "demo"
    assert calls[0] != db_path and shell.ctx.path == calls[0]
    assert "Pôle démo" in shell.window.windowTitle()
    DatabaseLock(db_path).acquire()  # the default file is free and still without a pole


def test_save_a_copy(shell_for: Any, tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "clé USB"
    folder.mkdir()
    shell = shell_for(ScriptedDialogs(welcome=[CREATE], folder=folder))
    assert shell.start(db_path)
    shell.window.save_copy_action.trigger()
    copies = list(folder.glob("*.sqlite3"))
    assert len(copies) == 1
    assert str(copies[0]) in shell.window.statusBar().currentMessage()
    assert shell.presenter.errors == []


def test_the_year_selector_follows_the_service(shell_for: Any, db_path: Path) -> None:
    shell = shell_for(ScriptedDialogs(welcome=[CREATE]))
    assert shell.start(db_path)
    years = [view.start_year for view in shell.ctx.fiscal_years.list_years()]
    combo = shell.window.year_combo
    assert sorted(combo.itemData(i) for i in range(combo.count())) == sorted(years)


def test_slug() -> None:
    assert slug("Pôle Sud & <Drôme>") == "pole-sud-drome"
