"""The Clés de répartition page at a laptop's width (1200 × 760, 1366 × 768): the keys' names
and the version's members get the room — the figures are as wide as their figures and their
title, no wider, never cut; the unit and the date in force fold before a name is cut — and no
table scrolls sideways."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME, page_at, settle

from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.keys.page import NAME_MAX_WIDTH, KeysPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.widgets.table_view import TableView

SIZES = (QSize(1200, 760), QSize(1366, 768))
#: a member's name shows at least this many letters (sixteen before)
NAME_LETTERS = 24
#: a member's name in the usage records (beside the date, quantity and note; seven before)
USAGE_LETTERS = 15
#: a figure column is no wider than its figures or its title and this much
FIGURE_SLACK = 24


def widths(view: TableView) -> dict[int, int]:
    header = view.horizontalHeader()
    columns = range(header.count())
    return {c: header.sectionSize(c) for c in columns if not header.isSectionHidden(c)}


def text_width(view: TableView, text: str) -> int:
    return view.fontMetrics().horizontalAdvance(text)


def title(view: TableView, column: int) -> str:
    return str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")


def assert_figures_fit(view: TableView, where: str) -> None:
    """Columns 1 and 2 hold figures: whole, and not wider than they need."""
    shown = widths(view)
    for column in (1, 2):
        figures = max(
            text_width(view, str(view.model().index(row, column).data() or ""))
            for row in range(view.model().rowCount())
        )
        heading = view.horizontalHeader().fontMetrics().horizontalAdvance(title(view, column))
        assert shown[column] >= figures + 6, f"figures of {title(view, column)} cut {where}"
        assert shown[column] >= heading + 8, f"title {title(view, column)} cut {where}"
        assert shown[column] <= max(figures, heading) + FIGURE_SLACK, (
            f"{title(view, column)} takes {shown[column]} px for {max(figures, heading)} {where}"
        )


def assert_names_shown(view: TableView, letters: int, where: str) -> None:
    assert_names_shown_in(view, 0, letters, where)


def assert_names_shown_in(view: TableView, column: int, letters: int, where: str) -> None:
    room = widths(view)[column] - 8
    for row in range(view.model().rowCount()):
        name = str(view.model().index(row, column).data())
        assert text_width(view, name[:letters]) <= room, f"« {name} » in {room} px {where}"


def select_key(page: KeysPage, name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == name:
            page.view.selectRow(row)
            settle()
            return
    raise AssertionError(f"no key « {name} »")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_demo_keys_and_members_keep_their_names(demo_window: MainWindow, size: QSize) -> None:
    page = page_at(demo_window, "keys", size, KeysPage)
    where = f"at {size.width()}×{size.height()}"
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0, where
    shown = widths(view)
    assert 0 in shown and 1 in shown and 4 in shown, f"{shown} {where}"  # name, method, members
    for column in (0, 1):  # every key's name and method whole (« Parts égales – résidents de l… »)
        assert shown[column] >= view.sizeHintForColumn(column), f"column {column} cut {where}"
    members = max(view.sizeHintForColumn(4), text_width(view, title(view, 4)))
    assert shown[4] <= members + FIGURE_SLACK, f"« Membres » {shown[4]} px {where}"

    select_key(page, "Effectif salarié (ETP)")
    table = page.detail.members_view
    assert table.isVisible() and table.model().rowCount() >= 5
    assert table.horizontalScrollBar().maximum() == 0, where
    assert_figures_fit(table, where)
    assert_names_shown(table, NAME_LETTERS, where)  # « Archipel Drôme – Ent… » before
    select_key(page, "Heures de mise à disposition")  # a usage key: its records
    usage = page.detail.usage_view
    assert usage.isVisible() and usage.model().rowCount() >= 5
    assert usage.horizontalScrollBar().maximum() == 0, where
    quantity = max(
        text_width(usage, str(usage.model().index(row, 2).data()))
        for row in range(usage.model().rowCount())
    )
    assert widths(usage)[2] >= quantity + 6, where
    assert_names_shown_in(usage, 1, USAGE_LETTERS, where)  # « Chantie… » before

    select_key(page, "Effectif salarié (ETP)")
    versions = page.detail.versions_view
    assert versions.horizontalScrollBar().maximum() == 0, where
    for column in (0, 1):  # « Valable à partir du », « État »: titles and dates whole
        assert widths(versions)[column] >= versions.sizeHintForColumn(column), where


KEY_NAMES = (
    "Surface occupée (m²) & <bureaux> — « Maison de l'Œuvre »",
    "Parts égales 100 € l'an",
    LONG_NAME,
)


def test_a_very_long_name_is_cut_at_a_width_and_the_figures_stay_whole(
    qtbot: QtBot, ctx: AppContext, french: None, qapp: QApplication
) -> None:
    members = [
        ctx.members.create(MemberDraft(name=name, joined_on=dt.date(2020, 1, 1))).id
        for name in (LONG_NAME, "Coopérative L'Éclair & Fils", "Association <Les Jardins> €")
    ]
    keys = ctx.service(KeyService)
    for number, name in enumerate(KEY_NAMES):
        key_id = keys.create_key(KeyDraft(name=name, method="units", unit="m²"))
        units = {member: 1_234_500 * (number + 1) + index for index, member in enumerate(members)}
        keys.add_version(key_id, VersionDraft(dt.date(2025, 1, 1), units))
    page = KeysPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.resize(870, 640)  # the page in a 1200 px window
    page.show()
    qtbot.waitExposed(page)
    settle()
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0
    shown = widths(view)
    assert 1 in shown and 4 in shown, shown  # the long name did not push the method out
    assert shown[0] >= NAME_MAX_WIDTH - 20, shown  # as far as it goes, then cut
    select_key(page, KEY_NAMES[0])
    table = page.detail.members_view
    assert table.model().rowCount() == 3
    assert table.horizontalScrollBar().maximum() == 0
    assert_figures_fit(table, "with « 1 234,5 m² » figures")
    assert_names_shown(table, NAME_LETTERS, "with a very long member")
    assert "m²" in str(table.model().index(0, 1).data())
