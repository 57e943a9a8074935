"""Fichier ▸ Vérifier la base: the wait dialog says each phase of the check (SQLite's pragmas,
the sums, each fiscal year's shares, the seals) and its bar follows it; Cancel stops the check
even inside ``PRAGMA integrity_check`` (issue 18, item 2)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot
from support.factories.costs import draft, make_key, make_service, seed_world
from support.ui import RecordingPresenter

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.pole import integrity
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui import worker
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

D = dt.date


class Reports(Dialogs):
    def __init__(self) -> None:
        super().__init__(None)
        self.reports: list[Any] = []

    def check_report(self, parent: Any, report: Any) -> None:
        self.reports.append(report)


class RecordingDialog(QProgressDialog):
    """The worker's wait dialog, recording what its bar is given."""

    made: ClassVar[list[RecordingDialog]] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.values: list[tuple[int, int]] = []
        self.texts: list[str] = []
        RecordingDialog.made.append(self)

    def setValue(self, value: int) -> None:
        if not self.values or self.values[-1] != (value, self.maximum()):
            self.values.append((value, self.maximum()))
        super().setValue(value)

    def setLabelText(self, text: str) -> None:
        self.texts.append(text)
        super().setLabelText(text)


def _pole_with_costs(path: Path) -> None:
    """Three members (accents, €, &, <, ' and a long name), one cost « Loyer « bureau » & <co>
    — l'€ » in each of 2023-2025."""
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        members = seed_world(uow).members
        key = make_key(uow, "units", dict(zip(members, (1, 2, 3), strict=True)),
                       valid_from=D(2023, 1, 1))  # fmt: skip
        service = make_service(uow, key)
        for year in (2023, 2024, 2025):
            start = D(year, 3, 1)
            CostService(uow).create_cost(
                draft(service, 600_00, label="Loyer « bureau » & <co> — l'€", invoice=start,
                      start=start, end=D(year, 3, 31))
            )  # fmt: skip
    finally:
        database.close()


def test_the_check_dialog_shows_the_years_progress(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pole_with_costs(db_path)
    RecordingDialog.made.clear()
    monkeypatch.setattr(worker, "QProgressDialog", RecordingDialog)
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    dialogs = Reports()
    shell = Shell(window, runner=Runner(inline=True), presenter=RecordingPresenter(),
                  dialogs=dialogs)  # fmt: skip
    try:
        assert shell.start(db_path)
        RecordingDialog.made.clear()  # only the check's dialog
        window.check_action.trigger()
        assert len(dialogs.reports) == 1 and dialogs.reports[0].ok
        (dialog,) = RecordingDialog.made
        title = "Checking the database…\n"
        assert dialog.texts == [
            title + "Intégrité SQLite…",
            title + "Références entre tables…",
            title + "Sommes…",
            title + "Quotes-parts de l'exercice 2023…",
            title + "Quotes-parts de l'exercice 2024…",
            title + "Quotes-parts de l'exercice 2025…",
            title + "Sceaux…",
        ]
        assert dialog.values == [  # (value, maximum): busy during the pragmas
            (0, 0),
            *((n, 8) for n in range(9)),
            (1, 3),
            (2, 3),
            (3, 3),
            (0, 0),
        ]
    finally:
        shell.close_document()


def test_cancel_stops_the_check_inside_integrity_check(
    qtbot: QtBot, ui_settings: QSettings, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held at « Intégrité SQLite… » until the dialog showing it is cancelled;
    the pragma then runs and its progress handler stops it: no report, no error shown."""
    _pole_with_costs(db_path)
    monkeypatch.setattr(worker, "QProgressDialog", RecordingDialog)
    monkeypatch.setattr(integrity, "SQLITE_STEPS", 1)
    monkeypatch.setattr(integrity, "TICK_SECONDS", 0.0)
    cancelled = threading.Event()
    ended: list[BaseException | None] = []
    labels: list[str] = []
    real_check = integrity.check_database

    def held_check(path: Path, progress: integrity.CheckProgress) -> integrity.CheckReport:
        def held(done: int, total: int, label: str) -> None:
            labels.append(label)
            progress(done, total, label)
            if label == integrity.INTEGRITY:
                cancelled.wait(10)

        try:
            report = real_check(path, held)
        except BaseException as error:
            ended.append(error)
            raise
        ended.append(None)
        return report

    monkeypatch.setattr(integrity, "check_database", held_check)

    class CancellingDialog(RecordingDialog):
        def setLabelText(self, text: str) -> None:
            super().setLabelText(text)
            if text.endswith(integrity.INTEGRITY):
                self.canceled.emit()  # the Cancel button
                cancelled.set()

    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    dialogs = Reports()
    presenter = RecordingPresenter()
    shell = Shell(window, runner=Runner(inline=True), presenter=presenter, dialogs=dialogs)
    try:
        assert shell.start(db_path)
        shell.runner = Runner()  # the check on a real worker thread
        CancellingDialog.made.clear()
        monkeypatch.setattr(worker, "QProgressDialog", CancellingDialog)
        window.check_action.trigger()
        qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
        assert shell.runner.wait()
        assert isinstance(ended[0], worker.TaskCancelled)
        assert integrity.FOREIGN_KEYS not in labels  # stopped inside integrity_check
        assert labels.count(integrity.INTEGRITY) >= 2  # the handler's call raised
        assert dialogs.reports == []
        assert presenter.errors == []
        (dialog,) = CancellingDialog.made
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    finally:
        shell.close_document()
