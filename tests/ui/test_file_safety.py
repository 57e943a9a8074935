"""The window when its file stops being ours (issue 12, item 1) and on unusable files (item 5)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import lock_path
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

NAME = "Pôle Sud & Drôme <test> — l'€ " + "très long " * 12


class Answers(Dialogs):
    """Every question answered in advance (modal boxes block offscreen); records them."""

    def __init__(self, copy_to: Path | None = None) -> None:
        super().__init__(None)
        self.copy_to = copy_to
        self.asked: list[tuple[str, Any]] = []

    def ask_save_copy(self, parent: Any, message: str) -> bool:
        self.asked.append(("save_copy", message))
        return self.copy_to is not None

    def new_file_path(self, parent: Any, suggested: Path) -> Path | None:
        self.asked.append(("path", suggested))
        return self.copy_to

    def info(self, parent: Any, text: str) -> None:
        self.asked.append(("info", text))

    def locked(self, parent: Any, error: PtceError) -> bool:
        self.asked.append(("locked", error))
        return True

    def welcome(self, parent: Any, *, create_only: bool = False) -> Any:
        self.asked.append(("welcome", None))
        return None


@pytest.fixture
def shell_for(qtbot: QtBot, ui_settings: QSettings, french: None) -> Any:
    made: list[Shell] = []

    def make(dialogs: Answers) -> Shell:
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


def _with_pole(db_path: Path) -> Path:
    database = open_database(db_path)
    try:
        PoleService(UnitOfWork(database)).create_pole(NAME)
    finally:
        database.close()
    return db_path


def test_lock_deleted_the_window_stops_writing_says_why_and_saves_a_copy(
    shell_for: Any, db_path: Path, tmp_path: Path
) -> None:
    _with_pole(db_path)
    copy = tmp_path / "copie « après » & <co>.sqlite3"
    dialogs = Answers(copy_to=copy)
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    ctx = shell.ctx
    assert ctx.watch.timer.isActive()
    assert ctx.watch.check() is None and dialogs.asked == []

    lock_path(db_path).unlink()
    error = ctx.watch.check()  # what the timer does every few seconds
    assert isinstance(error, PtceError) and error.code == "lock_lost"
    assert [kind for kind, _ in dialogs.asked] == ["save_copy", "path", "info"]
    assert "n'enregistre plus rien" in dialogs.asked[0][1]
    assert "n'enregistre plus rien" in shell.window.statusBar().currentMessage()
    assert not ctx.watch.timer.isActive()
    ctx.watch.check()
    assert len(dialogs.asked) == 3  # told once

    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT name FROM poles").fetchone()[0] == NAME.strip()
    finally:
        connection.close()
    with pytest.raises(PtceError, match="no longer saves"):
        ctx.pole.update(ctx.pole.get().to_draft())


@pytest.mark.parametrize(
    ("code", "patched"),
    [("file_read_only", "file_writable"), ("folder_read_only", "folder_writable")],
)
def test_a_file_that_cannot_be_written_opens_read_only_after_asking(
    shell_for: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, patched: str
) -> None:
    """(As root every file is writable: the store's permission probe is made to say no.)"""
    import ptce_desktop.store.opening as opening

    _with_pole(db_path)
    monkeypatch.setattr(opening, patched, lambda _path: False)
    dialogs = Answers()
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    assert [kind for kind, _ in dialogs.asked] == ["locked"]
    assert dialogs.asked[0][1].code == code
    assert "endommagé" not in dialogs.asked[0][1].message("fr")
    assert shell.ctx is not None and shell.ctx.read_only
    assert shell.ctx.pole_name() == NAME.strip()
    assert shell.presenter.errors == []


def test_a_lock_file_that_cannot_be_made_never_kills_the_window(
    shell_for: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    _with_pole(db_path)

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied", str(lock_path(db_path)))

    monkeypatch.setattr(FileLock, "acquire", refuse)
    dialogs = Answers()
    shell = shell_for(dialogs)
    assert shell.start(db_path)
    assert dialogs.asked[0][1].code == "lock_unavailable"
    assert "Permission denied" in dialogs.asked[0][1].message("fr")
    assert shell.ctx is not None and shell.ctx.read_only


def test_file_repair_rebuilds_a_damaged_file_and_opens_it(
    shell_for: Any, db_path: Path, tmp_path: Path
) -> None:
    _with_pole(db_path)
    connection = sqlite3.connect(db_path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_members_name'"
        ).fetchone()[0]
    finally:
        connection.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * size : root * size] = bytes(size)  # one index page zeroed
    db_path.write_bytes(bytes(data))

    class Picks(Answers):
        def open_path(self, parent: Any) -> Path | None:
            self.asked.append(("open_path", None))
            return db_path

    dialogs = Picks()
    shell = shell_for(dialogs)
    assert shell.window.repair_action.isEnabled()  # with no file open too
    shell.window.repair_action.trigger()
    infos = [text for kind, text in dialogs.asked if kind == "info"]
    assert len(infos) == 1 and "Fichier réparé" in infos[0]
    assert "Rien n'a été perdu" in infos[0] and ".endommage-" in infos[0]
    assert shell.ctx is not None and shell.ctx.path == db_path and not shell.ctx.read_only
    assert shell.ctx.pole_name() == NAME.strip()
    assert shell.presenter.errors == []


def test_save_a_copy_saves_what_the_window_has_even_when_the_path_was_replaced(
    shell_for: Any, db_path: Path, tmp_path: Path
) -> None:
    _with_pole(db_path)
    stranger = tmp_path / "autre.sqlite3"
    stranger.write_bytes(db_path.read_bytes())
    connection = sqlite3.connect(stranger)
    try:
        connection.execute("UPDATE poles SET name = 'Pôle de quelqu''un d''autre'")
        connection.commit()
    finally:
        connection.close()
    folder = tmp_path / "clé « USB »"
    folder.mkdir()

    class Folder(Answers):
        def copy_folder(self, parent: Any) -> Path | None:
            return folder

    shell = shell_for(Folder())
    assert shell.start(db_path)
    os.replace(stranger, db_path)  # a sync client puts another version in its place
    shell.window.save_copy_action.trigger()
    copies = list(folder.glob("*.sqlite3"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    try:
        assert copy.execute("SELECT name FROM poles").fetchone()[0] == NAME.strip()
    finally:
        copy.close()
