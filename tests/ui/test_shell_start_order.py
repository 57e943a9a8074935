"""The start's background work one after the other (issue 18, stall_start): the quick check of
the file waits for the first page's data (or ``CHECK_AT_LATEST_MS``), then the automatic
backup waits for the check; a file checked that way still refuses nothing it should not."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.ui.pages.dashboard import page as dashboard
from ptce_desktop.ui.shell import document
from ptce_desktop.ui.shell.document import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

POLE = "Pôle « L'Éclair » & <Drôme> — 1 234,56 € " + "coopérative au nom très long " * 5


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What happened, in order: "page data" (the dashboard's figures delivered to the page),
    "check" (the quick check begun on its worker)."""
    seen: list[str] = []
    loaded = dashboard.DashboardPage._loaded
    check = document.OpenPole.check_integrity

    def page_data(self: Any, result: Any) -> None:
        seen.append("page data")
        loaded(self, result)

    def checking(self: Any) -> Any:
        seen.append("check")
        return check(self)

    monkeypatch.setattr(dashboard.DashboardPage, "_loaded", page_data)
    monkeypatch.setattr(document.OpenPole, "check_integrity", checking)
    return seen


@pytest.fixture
def shell(qtbot: QtBot, ui_settings: QSettings) -> Any:
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    window.show()  # a hidden page loads nothing until shown
    made = Shell(window, runner=Runner(inline=False), presenter=RecordingPresenter(),
                 dialogs=Dialogs(None))  # fmt: skip
    yield made
    QThreadPool.globalInstance().waitForDone(30_000)
    made.close_document()


def _start_and_settle(qtbot: QtBot, shell: Shell, path: Path) -> None:
    with qtbot.waitSignal(shell.started, timeout=30_000) as blocker:
        shell.start(path)
    assert blocker.args == [True]
    ctx = shell.ctx
    assert ctx is not None
    qtbot.waitUntil(lambda: not ctx.pole_file.integrity_pending, timeout=30_000)
    qtbot.waitUntil(lambda: not shell.runner.tasks(), timeout=30_000)


def test_the_quick_check_begins_once_the_first_page_has_its_data(
    qtbot: QtBot, shell: Shell, events: list[str], db_path: Path, uow: Any
) -> None:
    PoleService(uow).create_pole(POLE, "Drôme", 1)
    _start_and_settle(qtbot, shell, db_path)
    assert events == ["page data", "check"]
    ctx = shell.ctx
    assert ctx is not None and ctx.pole_file.integrity_error is None
    assert type(shell.window.current_page()).__name__ == "DashboardPage"
    assert shell.presenter.errors == []  # type: ignore[attr-defined]
    # the automatic backup followed the check (the file had none): it is there, verified
    assert shell.backups.auto_task is not None and shell.backups.auto_task.done
    assert list((db_path.parent / f"{db_path.stem}-sauvegardes").glob("*.sqlite3"))


def test_a_first_page_that_takes_too_long_does_not_hold_the_check_back(
    qtbot: QtBot,
    shell: Shell,
    events: list[str],
    db_path: Path,
    uow: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's load waits (up to 20 s) for the check: only the deadline can begin it."""
    PoleService(uow).create_pole(POLE, "Drôme", 1)
    monkeypatch.setattr(document, "CHECK_AT_LATEST_MS", 100)
    checked = threading.Event()
    load = dashboard.DashboardLoader.load
    check = document.OpenPole.check_integrity

    def slow_load(self: Any, year: int) -> Any:
        checked.wait(20)
        return load(self, year)

    def checking(self: Any) -> Any:
        checked.set()
        return check(self)

    monkeypatch.setattr(dashboard.DashboardLoader, "load", slow_load)
    monkeypatch.setattr(document.OpenPole, "check_integrity", checking)
    _start_and_settle(qtbot, shell, db_path)
    assert checked.is_set()
    assert events == ["check", "page data"]
    assert shell.ctx is not None and shell.ctx.pole_file.integrity_error is None


def test_opening_a_file_imports_no_repair_machinery() -> None:
    """The repair (full check, salvage) is imported when Réparer… runs, not at each start."""
    import json
    import subprocess
    import sys

    code = (
        "import sys, json; import ptce_desktop.ui.shell.document; "
        "import ptce_desktop.ui.pages.dashboard.page; print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    modules = json.loads(done.stdout)
    assert "ptce_desktop.ui.shell.repair_actions" in modules
    heavy = ("ptce_desktop.services.pole.repair", "ptce_desktop.store.repair")
    assert not [m for m in modules if m.startswith(heavy)]
