"""The Charges list beside its panel at a laptop's width (1200 × 760, 1366 × 768), on the demo:
no horizontal scroll bar, and no column cut to a few letters to avoid one — the period and the
supplier fold first (whole in the label's tooltip and in the panel), the date, service, label,
amount and attachments stay readable; a column the first layout hid comes back readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from support.ui import page_at, settle

from ptce_desktop.ui.pages.costs.model import (
    CERFA,
    DATE,
    FILES,
    LABEL,
    PERIOD,
    SERVICE,
    SUPPLIER,
    TTC,
    VAT,
)
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.widgets.table_view import NAME_MIN_WIDTH

SIZES = (QSize(1200, 760), QSize(1366, 768))


@pytest.fixture
def window(demo_window: MainWindow) -> MainWindow:
    return demo_window


def costs_at(window: MainWindow, size: QSize) -> CostsPage:
    page = page_at(window, "costs", size, CostsPage)
    assert page.view.isVisible() and page.model.rowCount() > 0
    page.view.selectRow(0)
    settle()
    return page


def shown(page: CostsPage) -> dict[int, int]:
    header = page.view.horizontalHeader()
    columns = range(header.count())
    return {c: header.sectionSize(c) for c in columns if not header.isSectionHidden(c)}


def assert_fits_readably(page: CostsPage, size: QSize) -> None:
    view = page.view
    widths = shown(page)
    where = f"at {size.width()}×{size.height()}: columns {widths} in {view.viewport().width()} px"
    assert view.horizontalScrollBar().maximum() == 0, f"the costs scroll sideways {where}"
    for column in (DATE, SERVICE, LABEL, TTC, FILES):  # what a coordinator scans the list by
        assert column in widths, f"column {column} folded {where}"
    assert widths[LABEL] >= NAME_MIN_WIDTH, where
    readable = view.min_widths
    for column, width in widths.items():  # nothing cut to a few letters to make room
        assert width >= readable.get(column, 0), f"column {column} squeezed {where}"
    date = view.fontMetrics().horizontalAdvance("31/12/2025")
    assert widths[DATE] > date, where


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_costs_fit_beside_the_panel_without_cutting_columns(
    window: MainWindow, size: QSize
) -> None:
    page = costs_at(window, size)
    assert_fits_readably(page, size)
    if size.width() <= 1200:  # what made room went first
        assert PERIOD not in shown(page) and SUPPLIER not in shown(page)


def test_folded_columns_come_back_wider_and_are_in_the_tooltip(window: MainWindow) -> None:
    page = costs_at(window, SIZES[0])
    assert PERIOD not in shown(page)
    row = page.model.row_at(0)
    assert row is not None and row.supplier
    tooltip = page.model.index(0, LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert row.label in tooltip and row.supplier in tooltip
    assert "/" + str(row.period_end.year) in tooltip  # the period, « 01/12 – 31/12/2025 »
    window.resize(1900, 1000)
    settle()
    widths = shown(page)
    assert PERIOD in widths and SUPPLIER in widths
    assert page.view.horizontalScrollBar().maximum() == 0
    period = page.view.fontMetrics().horizontalAdvance(page.model.index(0, PERIOD).data())
    assert widths[PERIOD] > period  # « 01/12 – 31/12/2025 » whole, not « 01/12 – 31/… »
    window.resize(SIZES[1])
    settle()
    assert_fits_readably(page, SIZES[1])


def test_a_member_filter_adds_its_share_without_a_scroll_bar(window: MainWindow) -> None:
    page = costs_at(window, SIZES[0])
    page.member_filter.setCurrentIndex(1)
    page.apply_filters()
    settle()
    assert page.model.rowCount() > 0
    assert page.view.horizontalScrollBar().maximum() == 0, shown(page)


def test_a_column_hidden_at_first_comes_back_readable(window: MainWindow) -> None:
    page = costs_at(window, SIZES[1])
    header = page.view.horizontalHeader()
    for column in (VAT, CERFA):
        assert header.isSectionHidden(column)
        page.view.set_column_visible(column, True)  # from the header's menu
        settle()
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
        vat = page.view.fontMetrics().horizontalAdvance(page.model.index(0, VAT).data())
        assert header.sectionSize(VAT) > vat


def test_show_all_columns_shows_them_all_readable(window: MainWindow) -> None:
    """« Afficher toutes les colonnes » at 1200 px: every column stays shown (none folds again
    part-way), each at least its title's and readable width, and the header is exactly the
    columns it shows — the scroll bar then reaches the last one."""
    page = costs_at(window, SIZES[0])
    view = page.view
    header = view.horizontalHeader()
    hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
    assert PERIOD in hidden and VAT in hidden  # folded for the width, hidden at first
    view.show_all_columns()
    settle()
    widths = shown(page)
    assert sorted(widths) == list(range(header.count()))
    for column in hidden:
        least = max(header.sectionSizeHint(column), view.min_widths.get(column, 0))
        assert widths[column] >= least, (column, widths)
    assert header.length() == sum(widths.values())
    bar = view.horizontalScrollBar()
    assert bar.maximum() == max(header.length() - view.viewport().width(), 0)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_panel_shows_its_content_whole(window: MainWindow, size: QSize) -> None:
    """At 1200 × 760 the splitter gave the panel 265 px for a content of 268 beside its scroll
    bar: with no sideways scrolling the shares lost their « € » and « Pourquoi ce montant ? »
    its end."""
    page = costs_at(window, size)
    panel = page.detail
    body = panel.widget()
    where = f"at {size.width()}×{size.height()}"
    assert body.width() <= panel.viewport().width(), where
    shares = panel.shares
    amount = shares.horizontalHeader().sectionViewportPosition(1) + shares.columnWidth(1)
    assert shares.isVisible() and amount <= shares.viewport().width(), where
    right = panel.why_button.mapTo(panel.viewport(), panel.why_button.rect().topRight()).x()
    assert right <= panel.viewport().width(), where
