"""Fichier ▸ Vérifier la base: the wait dialog's bar follows the share recomputation, year by
year (issue 18, item 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot
from support.factories.costs import draft, make_key, make_service, seed_world
from support.ui import RecordingPresenter

from ptce_desktop.services.costs.costs import CostService
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
        RecordingDialog.made.append(self)

    def setValue(self, value: int) -> None:
        self.values.append((value, self.maximum()))
        super().setValue(value)


def _pole_with_costs(path: Path) -> None:
    """Three members (accents, €, &, <, ' and a long name), one cost in each of 2023-2025."""
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
                draft(service, 600_00, invoice=start, start=start, end=D(year, 3, 31))
            )
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
        assert dialog.values == [(1, 3), (2, 3), (3, 3)]
    finally:
        shell.close_document()
