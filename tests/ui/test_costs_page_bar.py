"""The Charges bar at a laptop's width: the search field stays usable (a coordinator types in
it daily) and each filter shows its current choice whole — a combo box cuts its text, it does
not elide it. Too narrow for all in one row (1200 × 760), the filters go on a row of their own
under the search; at 1366 × 768 they stay beside it. The tab order is the same either way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME, give_shares, make_context, page_at, settle

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.costs.page import FILTER_MAX_WIDTH, CostsPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow

NARROW, WIDE = QSize(1200, 760), QSize(1366, 768)
SEARCH_USABLE = 160
#: a combo box's frame and arrow around its text, the least any style takes
COMBO_CHROME = 20


def filters(page: CostsPage) -> tuple[QComboBox, QComboBox, QComboBox]:
    return page.service_filter, page.project_filter, page.member_filter


def assert_bar_usable(page: CostsPage, where: str) -> None:
    assert page.search.width() >= SEARCH_USABLE, f"search {page.search.width()} px {where}"
    for combo in filters(page):
        text = combo.currentText()
        assert text, where
        needed = min(combo.fontMetrics().horizontalAdvance(text) + COMBO_CHROME, FILTER_MAX_WIDTH)
        assert combo.width() >= needed, f"« {text} » in {combo.width()} px {where}"
        assert combo.geometry().right() <= page.width(), f"{combo.objectName()} off {where}"
    for button in page.findChildren(QPushButton):
        if button.isVisible() and button.parent() is page:  # the bar's, not the panel's
            assert button.width() >= button.sizeHint().width(), f"{button.text()} {where}"
            assert button.geometry().right() <= page.width(), f"{button.text()} off {where}"


def same_row(a: QWidget, b: QWidget) -> bool:
    return abs(a.geometry().center().y() - b.geometry().center().y()) < a.height() // 2


@pytest.mark.parametrize("size", (NARROW, WIDE), ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_search_and_the_filters_are_usable_on_the_demo(
    demo_window: MainWindow, size: QSize
) -> None:
    page = page_at(demo_window, "costs", size, CostsPage)
    where = f"at {size.width()}×{size.height()} (page {page.width()} px)"
    assert_bar_usable(page, where)
    texts = [combo.currentText() for combo in filters(page)]
    assert texts == ["Tous les services", "Tous les projets", "Tous les membres"]
    if size == NARROW:  # one row could not hold them: the filters are under the search
        assert page.filters_below()
        assert all(combo.y() > page.search.geometry().bottom() for combo in filters(page))
    else:  # as before: the filters beside the search
        assert not page.filters_below()
        assert all(same_row(page.search, combo) for combo in filters(page))
    assert page.view.horizontalScrollBar().maximum() == 0, where


def test_widening_brings_the_filters_back_beside_the_search(demo_window: MainWindow) -> None:
    page = page_at(demo_window, "costs", NARROW, CostsPage)
    assert page.filters_below()
    page = page_at(demo_window, "costs", WIDE, CostsPage)
    assert not page.filters_below()
    page = page_at(demo_window, "costs", NARROW, CostsPage)
    assert page.filters_below()
    assert_bar_usable(page, "back at 1200 px")


@pytest.mark.parametrize("size", (NARROW, WIDE), ids=lambda s: f"{s.width()}x{s.height()}")
def test_tab_goes_search_filters_list_and_ctrl_f_finds_the_search(
    demo_window: MainWindow, qtbot: QtBot, size: QSize
) -> None:
    page = page_at(demo_window, "costs", size, CostsPage)
    demo_window.activateWindow()
    page.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search, timeout=2000)
    for expected in (*filters(page), page.view):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected, f"after Tab: {QApplication.focusWidget()}"
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert QApplication.focusWidget() is page.search


@pytest.fixture
def long_ctx(db_path: Path, qapp: QApplication) -> Iterator[AppContext]:
    context = make_context(db_path)
    yield context
    context.close()


def test_a_very_long_choice_widens_its_filter_only_so_far(
    qtbot: QtBot, long_ctx: AppContext, french: None
) -> None:
    names = [LONG_NAME, "Coopérative L'Éclair & Fils", "Association <Les Jardins> 100 €"]
    ids = [
        long_ctx.members.create(MemberDraft(name=name, joined_on=dt.date(2020, 1, 1))).id
        for name in names
    ]
    give_shares(long_ctx, ids)
    page = CostsPage(long_ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.resize(870, 600)  # the page in a 1200 px window
    page.show()
    qtbot.waitExposed(page)
    settle()
    assert page.filters_below()
    assert_bar_usable(page, "with « Tous les … »")
    page.member_filter.setCurrentIndex(page.member_filter.findData(ids[0]))
    settle()
    assert page.member_filter.currentText() == LONG_NAME
    assert page.member_filter.width() >= FILTER_MAX_WIDTH  # as far as it goes, then cut
    assert_bar_usable(page, "with the long name chosen")
    page.resize(1086, 600)  # a 1366 px window: the long name needs the row under the search
    settle()
    assert page.filters_below()
    page.member_filter.setCurrentIndex(page.member_filter.findData(ids[1]))
    settle()
    assert not page.filters_below()  # short choices: back beside the search
    assert_bar_usable(page, "at 1086 px with « Coopérative L'Éclair & Fils »")
    service = page.service_filter
    service.setCurrentIndex(1)
    settle()
    assert service.currentText() == "Accueil & secrétariat <partagé>"
    assert_bar_usable(page, "with the service chosen")
