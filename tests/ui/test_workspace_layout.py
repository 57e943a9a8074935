"""A window that never resizes itself and pages that fit 1200 × 760 (#15 item 2), on the demo.

Every page is visited with the first row of its tables selected (details, hints and previews
appear then); the window keeps its size, no page asks for more width than the window has, and no
page's own scroll area scrolls sideways.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from support.ui import settle

from ptce_desktop.ui.pages import PAGE_FACTORIES
from ptce_desktop.ui.shell.main_window import MainWindow

SIZES = (QSize(1200, 760), QSize(1366, 768))


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def select_first_rows(page: object) -> int:
    selected = 0
    for view in page.findChildren(QTableView):  # type: ignore[attr-defined]
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.selectRow(0)
            selected += 1
    return selected


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_page_fits_and_the_window_keeps_its_size(window: MainWindow, size: QSize) -> None:
    window.resize(size)
    settle()
    assert window.size() == size
    selected = 0
    for key in window.page_keys():
        window.show_page(key)
        settle()
        page = window.page(key)
        selected += select_first_rows(page)
        for tabs in page.findChildren(QTabWidget):  # every tab shown once too
            for index in range(tabs.count()):
                if tabs.isTabEnabled(index):
                    tabs.setCurrentIndex(index)
                    settle()
                    selected += select_first_rows(tabs.widget(index))
        settle()
        assert window.size() == size, f"the window resized itself on {key}"
        for area in page.findChildren(QScrollArea):
            if area.isVisible() and not isinstance(area, QTableView):
                bar = area.horizontalScrollBar()
                assert not (bar.isVisible() and bar.maximum() > 0), f"{key} scrolls sideways"
    assert selected >= 10  # the demo has rows nearly everywhere: details were shown


#: Pages of work in progress elsewhere, known to be too wide today (their owners fit them).
KNOWN_WIDE: dict[str, str] = {}  # a page listed here is a known exception, with the reason


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(key, marks=pytest.mark.xfail(reason=KNOWN_WIDE[key], strict=False))
        if key in KNOWN_WIDE
        else key
        for key in PAGE_FACTORIES
    ],
)
def test_no_page_needs_more_than_1200_px(window: MainWindow, key: str) -> None:
    window.resize(1200, 760)
    sidebar = max(window.sidebar.minimumWidth(), window.sidebar.minimumSizeHint().width())
    window.show_page(key)
    settle()
    select_first_rows(window.page(key))
    settle()
    need = window.stack.currentWidget().minimumSizeHint().width()
    assert sidebar + need <= 1200 - 20, f"{key}: {need} px beside the sidebar"
    assert need <= window.stack.width(), f"{key} needs {need} px, has {window.stack.width()}"


def test_settings_in_tabs_and_closing_reachable(window: MainWindow) -> None:
    window.resize(1200, 760)
    window.go_to("settings:years")
    settle()
    page = window.page("settings")
    tabs = page.tabs  # type: ignore[attr-defined]
    assert tabs.count() >= 4 and tabs.currentWidget() is page.years  # type: ignore[attr-defined]
    close = page.years.close_button  # type: ignore[attr-defined]
    assert close.isVisible()
    assert window.stack.rect().contains(close.mapTo(window.stack, close.rect().bottomRight()))
    assert not page.save_bar.isVisible()  # type: ignore[attr-defined]
    tabs.setCurrentIndex(1)
    assert page.save_bar.isVisible()  # type: ignore[attr-defined]


def test_grant_tabs_fit_without_scroll_arrows(window: MainWindow) -> None:
    window.resize(1200, 760)
    window.show_page("funding")
    settle()
    page = window.page("funding")
    page.grants_panel.view.selectRow(0)  # type: ignore[attr-defined]
    settle()
    tabs = page.editor.tabs  # type: ignore[attr-defined]
    bar = tabs.tabBar()
    assert not tabs.usesScrollButtons()
    last = bar.tabRect(bar.count() - 1)
    assert last.right() <= bar.width(), "the last grant tab is cut"
    assert all(tabs.tabToolTip(index) for index in range(tabs.count()))


class _Laptop:
    """A 1366 × 768 screen with a 32-px panel."""

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, 1366, 736)


def test_long_dialogs_fit_a_768_px_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, french: None
) -> None:
    from ptce_desktop.ui.pages.funding.dialogs import GrantDialog

    dialog = GrantDialog([(1, "Région « AURA » & <co>")], [], lambda draft: draft)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "screen", lambda: _Laptop())
    assert dialog.height() > 736 - 80  # as the dialog asks for itself
    dialog.show()
    assert dialog.height() <= 736 - 80
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isVisible() and dialog.rect().contains(ok.mapTo(dialog, ok.rect().bottomRight()))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("key", ["members", "keys", "services", "in_kind"])
def test_the_main_lists_do_not_scroll_sideways(window: MainWindow, size: QSize, key: str) -> None:
    """Membres, Services and Clés inside their splitter, Contributions en nature above its
    totals: the columns fit the list, the name column elided (whole in its tooltip) rather than
    a horizontal scroll bar (#15 item 1)."""
    window.resize(size)
    window.show_page(key)
    settle()
    page = window.page(key)
    view = page.list.view if key == "in_kind" else page.view  # type: ignore[attr-defined]
    assert view.isVisible() and view.model().rowCount() > 0
    select_first_rows(page)
    settle()
    bar = view.horizontalScrollBar()
    header = view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)]
    assert bar.maximum() == 0, (
        f"{key} scrolls sideways at {size.width()}×{size.height()}: columns {widths} "
        f"in {view.viewport().width()} px"
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_key_s_in_force_date_shows_its_whole_title(window: MainWindow, size: QSize) -> None:
    """« En vigueur depuis » was cut to « En vigueur dep » at 1200 px: the column is narrowed
    no further than its title, or folds."""
    window.resize(size)
    window.show_page("keys")
    settle()
    view = window.page("keys").view  # type: ignore[attr-defined]
    header = view.horizontalHeader()
    title = str(view.model().headerData(3, Qt.Orientation.Horizontal))
    assert title == "En vigueur depuis"
    if not header.isSectionHidden(3):
        assert header.sectionSize(3) >= view.fontMetrics().horizontalAdvance(title) + 8
    assert view.horizontalScrollBar().maximum() == 0
