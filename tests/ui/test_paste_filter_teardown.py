"""A paste filter whose Python side is being torn down (its dialog closed) lets the view's
events pass instead of raising AttributeError on ``view`` (seen after closing a key-version
dialog and choosing another key)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.exports.clipboard import PasteFilter


def test_an_event_during_teardown_is_let_through(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(2, 2, view))
    paste = PasteFilter(view)
    del paste.view  # what Python's teardown leaves while Qt still holds the filter
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert paste.eventFilter(view, key) is False
