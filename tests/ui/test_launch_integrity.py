"""The window opens before the quick check, and a damaged file is offered Réparer… (issue 18
item 2, issue 12): refused at open, or failing the check run after the window showed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.opening import open_pole_file
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

NAME = "Pôle « L'Été » & <Drôme> — 1 234,56 € " + "très long nom" * 8
SCHEMAS = Path(__file__).parents[1] / "store" / "schemas"


class Answers(Dialogs):
    def __init__(self, repair: bool) -> None:
        super().__init__(None)
        self.repair = repair
        self.asked: list[str] = []

    def offer_repair(self, parent: Any, error: PtceError) -> bool:
        self.asked.append("repair:" + error.code)
        return self.repair

    def offer_restore(self, parent: Any, entry: Any, kept_in: Path) -> bool:
        self.asked.append("restore")
        return False

    def info(self, parent: Any, text: str) -> None:
        self.asked.append("info")

    def welcome(self, parent: Any, *, create_only: bool = False) -> Any:
        self.asked.append("welcome")
        return None


@pytest.fixture
def shell_for(qtbot: QtBot, ui_settings: QSettings) -> Any:
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


def _pole(path: Path) -> Path:
    with open_pole_file(path, create=True) as pole:
        PoleService(pole.uow).create_pole(NAME)
    connection = sqlite3.connect(path)
    try:
        connection.executemany(
            "INSERT INTO members (name, category, qpv) VALUES (?, 'other', 0)",
            [(f"Membre n° {i} & <co> l'€ " + "é" * 150,) for i in range(300)],
        )
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


def _zero_index(path: Path, name: str) -> None:
    connection = sqlite3.connect(path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = bytes(size)
    path.write_bytes(bytes(data))


def _auto_backups(path: Path) -> list[Path]:
    folder = path.with_name(path.stem + "-sauvegardes")
    return sorted(folder.glob("*-auto.sqlite3")) if folder.is_dir() else []


def _rename(shell: Shell, name: str) -> None:
    pole = shell.ctx.pole
    pole.update(replace(pole.get().to_draft(), name=name))


def test_a_sound_file_shows_no_banner_and_saves(shell_for: Any, db_path: Path) -> None:
    _pole(db_path)
    shell = shell_for(Answers(repair=False))
    assert shell.start(db_path)
    assert not shell.ctx.pole_file.integrity_pending and not shell.integrity_banner.shown
    assert _auto_backups(db_path)  # made once the check passed
    _rename(shell, "Renommé")
    assert shell.ctx.pole_name() == "Renommé"


def test_a_file_failing_its_check_after_opening_shows_the_banner_and_repairs(
    shell_for: Any, db_path: Path
) -> None:
    _pole(db_path)
    _zero_index(db_path, "ix_members_name")
    answers = Answers(repair=False)
    shell = shell_for(answers)
    assert shell.start(db_path)  # the window opens: the check ran after
    assert shell.ctx.pole_name() == NAME
    assert shell.integrity_banner.shown
    assert "damaged" in shell.integrity_banner.label.text()  # translations come later
    assert "btreeInitPage" in shell.integrity_banner.label.toolTip()
    assert "\n" not in shell.integrity_banner.label.toolTip()  # SQLite's first problem only
    assert not _auto_backups(db_path)  # a copy of a damaged file would fail its check
    with pytest.raises(PtceError) as refused:
        _rename(shell, "Ne doit pas être enregistré")
    assert refused.value.code == "integrity_failed"
    assert shell.integrity_banner.repair()  # Réparer… from the banner
    assert "info" in answers.asked  # the report: both paths, what was recovered
    assert [p for p in db_path.parent.iterdir() if ".endommage-" in p.name]
    assert shell.ctx is not None and shell.ctx.pole_name() == NAME
    assert not shell.integrity_banner.shown
    _rename(shell, "Réparé puis renommé")
    assert shell.ctx.pole_name() == "Réparé puis renommé"


@pytest.mark.parametrize("repair", [True, False])
def test_a_damaged_file_refused_at_open_is_offered_repair(
    shell_for: Any, tmp_path: Path, repair: bool
) -> None:
    # An older schema must be checked before it is migrated: the open refuses it at once.
    path = tmp_path / "ancien « pôle » & <co>.sqlite3"
    path.write_bytes((SCHEMAS / "schema-0001.sqlite3").read_bytes())
    _zero_index(path, "ix_audit_entries_at")
    answers = Answers(repair=repair)
    shell = shell_for(answers)
    started = shell.start(path)
    assert answers.asked[0] == "repair:integrity_failed"
    assert [error.code for error in shell.presenter.errors][:1] == ["integrity_failed"]
    if repair:
        assert started and shell.ctx is not None and shell.ctx.path == path.absolute()
        assert [p for p in tmp_path.iterdir() if ".endommage-" in p.name]
    else:
        assert not started and shell.ctx is None
        assert not [p for p in tmp_path.iterdir() if ".endommage-" in p.name]


def test_starting_the_window_imports_no_import_or_archive_machinery() -> None:
    """Fichier ▸ Importer… and the .ptce archive are built on first use (issue 18 item 5)."""
    import json
    import subprocess
    import sys

    code = (
        "import sys, json; import ptce_desktop.ui.shell.launch; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    heavy = ("ptce_desktop.exchange", "ptce_desktop.ui.imports", "reportlab", "alembic")
    assert not [m for m in json.loads(done.stdout) if m.startswith(heavy)]


def test_the_import_menu_builds_its_actions_once(shell_for: Any, db_path: Path) -> None:
    _pole(db_path)
    shell = shell_for(Answers(repair=False))
    assert shell.start(db_path)
    assert shell._imports is None
    shell.window.import_action.trigger()
    first = shell.imports
    assert first.wizard is not None
    first.wizard.reject()
    shell.window.import_action.trigger()  # one wizard per click, by the same actions
    assert shell.imports is first and first.wizard is not None
    first.wizard.reject()
