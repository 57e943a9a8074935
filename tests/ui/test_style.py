"""The shared look applies cleanly and marks invalid fields."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.style import apply_style, mark_invalid


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    if style:
        qapp.setStyle(style)
    qapp.setPalette(palette)


def test_apply_style(styled: QApplication) -> None:
    assert styled.palette().color(QPalette.ColorRole.Highlight).name() == "#1f6f78"
    sheet = styled.styleSheet()
    assert "QListWidget#navigation" in sheet
    styled.setStyleSheet("")  # with a sheet, style() is Qt's style-sheet wrapper
    assert styled.style().name().lower() == "fusion"


def test_mark_invalid(qtbot: QtBot, styled: QApplication) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    mark_invalid(edit, True)
    assert edit.property("invalid") is True
    mark_invalid(edit, False)
    assert edit.property("invalid") is False
