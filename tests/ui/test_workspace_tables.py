"""Tables (#15 item 1): the name column takes the spare width and is never cut to make room,
headers show whole in a tooltip, a search finds a SIRET typed without spaces and an amount as
typed, percentages in columns carry two decimals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import NAME_MIN_WIDTH, TableView

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » de la vallée"


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    siret: str
    iban: str
    balance_cents: int


ROWS = [
    Row(1, LONG, "732 829 320 00074", "FR76 3000 6000 0112 3456 7890 189", 123_450),
    Row(2, "Mairie de Crest & <co>", "217 600 969 00013", "", -4_500),
    Row(3, "Atelier l'Été", "", "", 98_765_432),
]
COLUMNS = [
    Column("Nom", lambda r: r.name),
    Column("SIRET", lambda r: r.siret),
    Column("IBAN", lambda r: r.iban),
    Column("Solde au dernier jour de l'exercice", lambda r: r.balance_cents,
           display=format_money, align=RIGHT),
]  # fmt: skip


@pytest.fixture
def proxy() -> FilterProxy:
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    return proxy


def shown(proxy: FilterProxy, text: str) -> list[int]:
    proxy.set_filter_text(text)
    return sorted(proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2).id for r in range(
        proxy.rowCount()))  # fmt: skip


def test_search_finds_identifiers_without_spaces_and_amounts_as_typed(proxy: FilterProxy) -> None:
    assert shown(proxy, "73282932000074") == [1]
    assert shown(proxy, "732 829") == [1]  # with its spaces too
    assert shown(proxy, "FR7630006000") == [1]  # an IBAN typed without spaces
    assert shown(proxy, "1234,5") == [1]  # 1 234,50 €
    assert shown(proxy, "1234.50") == [1]
    assert shown(proxy, "987654") == [3]
    assert shown(proxy, "-45,00") == [2]
    assert shown(proxy, "crest 217600969") == [2]
    assert shown(proxy, "1234,6") == []


def test_headers_show_whole_in_a_tooltip() -> None:
    model = RowTableModel(COLUMNS, ROWS)
    tip = model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Solde au dernier jour de l'exercice"
    explained = RowTableModel([Column("Reste", lambda r: 0, header_tooltip="Ce qui reste & <dû>")])
    assert explained.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Ce qui reste & <dû>"
    )


def test_the_name_column_takes_the_spare_width(
    qtbot: QtBot, ui_settings: QSettings, proxy: FilterProxy
) -> None:
    view = TableView("workspace-tables", settings=ui_settings)
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(1100, 300)
    view.show()
    view.fit_columns()
    header = view.horizontalHeader()
    assert view.expand_column() == 0 and not header.stretchLastSection()
    assert header.length() == view.viewport().width()  # no gap, no sideways scrolling
    amount_width = header.sectionSize(3)
    name_width = header.sectionSize(0)
    assert name_width >= view.sizeHintForColumn(0)  # the name is whole
    view.resize(1400, 300)
    assert header.sectionSize(0) == name_width + 300 and header.sectionSize(3) == amount_width
    view.resize(880, 300)  # the other texts give room first: the name is not cut
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)
    view.resize(660, 300)  # really too narrow: the amount shows, the name gives last
    assert header.sectionViewportPosition(3) + header.sectionSize(3) <= view.viewport().width()
    assert NAME_MIN_WIDTH <= header.sectionSize(0) < view.sizeHintForColumn(0)
    view.resize(1400, 300)
    before = header.sectionSize(0)
    header.resizeSection(1, header.sectionSize(1) + 50)  # a wider SIRET column: the name gives
    assert header.sectionSize(0) == before - 50  # what it had spare
    assert header.length() == view.viewport().width()


def test_percent_columns_have_two_decimals() -> None:
    assert format_percent(690, fixed=True) == "6,90\u00a0%"
    assert format_percent(2845, fixed=True) == "28,45\u00a0%"


def test_other_text_columns_narrow_so_amounts_show(qtbot: QtBot, ui_settings: QSettings) -> None:
    rows = [Row(1, LONG, "732 829 320 00074", "FR76 3000 6000 0112 3456 7890 189", 1)]
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, rows))
    view = TableView("workspace-tables-narrow", settings=ui_settings)
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(1500, 200)
    view.show()
    view.fit_columns()
    header = view.horizontalHeader()
    assert view.expand_column() == 0  # the longest text: the names
    iban = header.sectionSize(2)
    view.resize(960, 200)
    assert header.sectionSize(2) < iban  # the IBAN column gave room…
    amount_right = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert amount_right <= view.viewport().width()  # …so the amount is in view
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)  # the name is not cut


def test_a_column_the_user_fits_keeps_its_width(qtbot: QtBot, ui_settings: QSettings) -> None:
    rows = [Row(1, LONG, "732 829 320 00074", "FR76 3000 6000 0112 3456 7890 189", 1)]
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, rows))
    view = TableView("workspace-tables-user", settings=ui_settings)
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(960, 200)
    view.show()
    view.fit_columns()
    header = view.horizontalHeader()
    assert header.sectionSize(2) < view.sizeHintForColumn(2)  # narrowed for the amounts
    view.resizeColumnToContents(2)  # what a double-click on its edge does
    assert header.sectionSize(2) >= view.sizeHintForColumn(2)  # not narrowed back at once


def test_the_costs_search_finds_an_amount_as_typed(db_path: Path) -> None:
    from support.ui import RecordingPresenter
    from test_costs_page import cost, make_world

    from ptce_desktop.services.costs.costs import CostService
    from ptce_desktop.services.costs.views import CostFilters
    from ptce_desktop.ui.shell.context import open_context
    from ptce_desktop.ui.worker import Runner

    ctx = open_context(db_path, runner=Runner(inline=True), presenter=RecordingPresenter())
    try:
        world = make_world(ctx)
        costs = ctx.service(CostService)
        costs.create_cost(cost(world.equal, 123_450, "Loyer « mars » & <eau>"))
        costs.create_cost(cost(world.equal, 12_345, "Fournitures l'été 1234"))

        def found(text: str) -> list[str]:
            page = costs.list_costs(2025, filters=CostFilters(text=text))
            return sorted(row.label for row in page.rows)

        assert found("1234,5") == ["Loyer « mars » & <eau>"]
        assert found("1 234,50 €") == ["Loyer « mars » & <eau>"]
        assert found("1234.50") == ["Loyer « mars » & <eau>"]
        assert found("123,45") == ["Fournitures l'été 1234"]
        assert found("1234") == ["Fournitures l'été 1234"]  # 1 234,00 €: only the label matches
        assert found("loyer") == ["Loyer « mars » & <eau>"]
    finally:
        ctx.close()


def test_short_columns_are_cut_last_and_grow_back(qtbot: QtBot, ui_settings: QSettings) -> None:
    """A call number or a date is not cut while a long name can still give room, and a column
    narrowed while the view was narrow (a page laid out before it is shown) gets its width
    back when the view widens."""
    numbered = [
        Column("N°", lambda r: r.siret[:12]),
        Column("Nom", lambda r: r.name),
        Column("Solde", lambda r: r.balance_cents, display=format_money, align=RIGHT),
    ]
    rows = [Row(i, LONG + " " * i, f"AF-2025-{i:04d}", "", i * 1000) for i in range(1, 6)]
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(numbered, rows))
    view = TableView("workspace-tables-short", settings=ui_settings)
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(300, 200)  # laid out narrow first
    view.show()
    view.fit_columns()
    header = view.horizontalHeader()
    view.resize(900, 200)
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)  # the number is whole again
    assert header.length() == view.viewport().width()
    spare = header.sectionSize(1) - view.sizeHintForColumn(1)
    view.resize(900 - spare - 40, 200)  # too narrow by 40 px: the name gives, not the number
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)
    assert header.sectionSize(1) < view.sizeHintForColumn(1)
