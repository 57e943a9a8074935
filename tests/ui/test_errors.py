"""Known errors get their French text; bugs get details and the log path; nothing is silent."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.logs import setup_logging
from ptce_desktop.ui import errors
from ptce_desktop.ui.errors import (
    ErrorPresenter,
    bug_box,
    install_excepthook,
    known_error_box,
)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes that would have been shown (exec() would block offscreen)."""
    boxes: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "ptce_log_file", False):
            root.removeHandler(handler)
            handler.close()


def _raise_bug() -> RuntimeError:
    try:
        raise RuntimeError("boom <&>")
    except RuntimeError as error:
        return error


def test_logging_goes_to_a_rotating_file(log_file: Path) -> None:
    assert log_file.parent.is_dir() and log_file.name == "ptce-desktop.log"
    logging.getLogger("ptce_desktop.test").warning("écrit dans le journal")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "écrit dans le journal" in log_file.read_text(encoding="utf-8")


def test_known_error_box_speaks_french(qtbot: QtBot) -> None:
    error = PtceError("read_only")
    box = known_error_box(error, None, "fr")
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().replace("\u00a0", " ") == error.message("fr")
    assert "lecture seule" in box.text()
    assert box.detailedText() == ""
    box.deleteLater()


def test_a_message_box_never_wraps_at_a_guillemet(qtbot: QtBot) -> None:
    """« and » keep their inner spaces, and « : » its space before, unbreakable in the box
    (a wrapped message could end a line on « alone); the English text is left as it is."""
    error = PtceError("required", "name")
    box = known_error_box(error, None, "fr")
    assert "«\u00a0Nom\u00a0»" in box.text() and "« " not in box.text()
    box.deleteLater()
    english = known_error_box(error, None, "en")
    assert english.text() == error.message("en")
    english.deleteLater()


def test_bug_box_has_details_and_log_path(qtbot: QtBot, tmp_path: Path) -> None:
    log_path = tmp_path / "logs" / "ptce-desktop.log"
    box = bug_box(_raise_bug(), None, log_path)
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(log_path) in box.informativeText()
    assert "RuntimeError: boom <&>" in box.detailedText()
    assert "_raise_bug" in box.detailedText()  # the traceback, under "Show Details…"
    box.deleteLater()


def test_presenter_chooses_the_dialog_and_logs(
    qtbot: QtBot, shown: list[QMessageBox], log_file: Path
) -> None:
    presenter = ErrorPresenter(log_file)
    presenter.present(PtceError("closed_year", year=2024, what="la charge"))
    presenter.present(_raise_bug())
    assert [box.icon() for box in shown] == [QMessageBox.Icon.Warning, QMessageBox.Icon.Critical]
    assert "2024" in shown[0].text()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "closed_year" in logged and "boom" in logged and "Traceback" in logged


def test_excepthook_routes_to_the_presenter_and_uninstalls(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    presented: list[BaseException] = []
    presenter = ErrorPresenter()
    monkeypatch.setattr(presenter, "present", presented.append)
    before = sys.excepthook
    uninstall = install_excepthook(presenter)
    try:
        error = _raise_bug()
        sys.excepthook(type(error), error, error.__traceback__)
    finally:
        uninstall()
    assert presented == [error]
    assert sys.excepthook is before


def test_an_error_while_showing_an_error_is_only_logged(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    presenter = ErrorPresenter()
    calls: list[int] = []

    def exec_that_fails(box: QMessageBox) -> int:
        calls.append(1)
        presenter.present(_raise_bug())  # re-entrant: must not open a second dialog
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_that_fails)
    presenter.present(_raise_bug())
    assert calls == [1]


def test_english_language_for_known_errors(
    qtbot: QtBot, shown: list[QMessageBox], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(errors, "current_language", lambda: "en")
    error = PtceError("read_only")
    ErrorPresenter().present(error)
    assert shown[0].text() == error.message("en") != error.message("fr")
