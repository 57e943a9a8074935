"""Pages are built when first shown, so opening a file builds only the page on screen."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.shell.main_window import MainWindow


def test_a_page_is_built_on_first_show_only(qtbot: QtBot, ui_settings: QSettings) -> None:
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    built: list[str] = []

    def build(key: str) -> QWidget:
        built.append(key)
        return QLabel(f"page {key} — Coopérative « L'Éclair » & <co>")

    for key in ("members", "costs"):
        window.set_page_factory(key, lambda key=key: build(key))
    window.set_page_factory("keys", lambda: None)  # a page that failed: placeholder kept
    assert built == []

    window.show_page("costs")
    assert built == ["costs"]
    assert isinstance(window.current_page(), QLabel)
    window.show_page("costs")
    window.show_page("keys")
    assert built == ["costs"]
    assert not isinstance(window.page("keys"), QLabel)
    assert isinstance(window.page("members"), QLabel)  # asking for a page builds it too
    assert built == ["costs", "members"]
