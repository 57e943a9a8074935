"""RowTableModel, FilterProxy and TableView over plain frozen rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.widgets.table_model import (
    RIGHT,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    FilterProxy,
    RowTableModel,
    fold,
)
from ptce_desktop.ui.widgets.table_view import TableView


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    town: str
    joined: date | None
    balance_cents: int


def euros(cents: int) -> str:
    return f"{cents / 100:,.2f} €".replace(",", " ").replace(".", ",")


COLUMNS = [
    Column("Name", lambda m: m.name, tooltip=lambda m: f"n° {m.id}"),
    Column("Town", lambda m: m.town),
    Column(
        "Joined",
        lambda m: m.joined,
        display=lambda d: d.strftime("%d/%m/%Y") if d else "",
        header_tooltip="Date of joining",
    ),
    Column("Balance", lambda m: m.balance_cents, display=euros, align=RIGHT),
]

ROWS = [
    Member(1, "Coopérative Éclair & Fils", "Romans-sur-Isère", date(2021, 3, 1), 123456),
    Member(2, "Association <Les Jardins>", "Valence", None, -4500),
    Member(3, "Mairie de Crest", "Crest", date(2020, 1, 1), 900),
    Member(4, "ECLAIRAGE public SCIC — un nom très long " * 3, "Die", date(2019, 6, 30), 0),
]


@pytest.mark.parametrize("rows", [[], ROWS[:1], ROWS])
def test_model_passes_qt_model_tester(qtmodeltester, rows: list[Member]) -> None:
    model = RowTableModel(COLUMNS, rows)
    qtmodeltester.check(model, force_py=True)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_set_rows_resets_and_proxy_follows(qtmodeltester, qtbot: QtBot) -> None:
    model = RowTableModel(COLUMNS)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(ROWS)
    assert model.rowCount() == proxy.rowCount() == 4
    proxy.set_filter_text("crest")
    assert proxy.rowCount() == 1
    model.set_rows(ROWS[:2])
    assert proxy.rowCount() == 0
    assert model.rows() == ROWS[:2]


def test_roles() -> None:
    model = RowTableModel(COLUMNS, ROWS)
    balance = model.index(1, 3)
    assert balance.data() == "-45,00 €"
    assert balance.data(SORT_ROLE) == -4500
    assert balance.data(ROW_ROLE) is ROWS[1]
    assert balance.data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)
    assert model.index(1, 2).data() == ""  # None shows nothing
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "n° 1"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Joined"
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Date of joining"
    )
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(balance) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Éclair") == fold("ECLAIR") == "eclair"
    assert fold("Œuvre Île") == "œuvre ile"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("", [1, 2, 3, 4]),
        ("eclair", [1, 4]),
        ("ÉCLAIR", [1, 4]),
        ("eclair romans", [1]),
        ("isere", [1]),
        ("<les", [2]),
        ("-45", [2]),
        ("nothing like it", []),
    ],
)
def test_filter_is_case_and_accent_insensitive_on_all_columns(text: str, names: list[int]) -> None:
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    proxy.set_filter_text(text)
    shown = [proxy.index(row, 0).data(ROW_ROLE).id for row in range(proxy.rowCount())]
    assert sorted(shown) == names


def test_sorting_uses_native_values() -> None:
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))

    def ids() -> list[int]:
        return [proxy.index(row, 0).data(ROW_ROLE).id for row in range(proxy.rowCount())]

    proxy.sort(3, Qt.SortOrder.AscendingOrder)  # cents, not text
    assert ids() == [2, 4, 3, 1]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)  # dates, None first
    assert ids() == [2, 4, 3, 1]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # text folded: case and accents ignored
    assert ids() == [2, 1, 4, 3]


def _view(qtbot: QtBot, settings: QSettings) -> tuple[TableView, FilterProxy]:
    view = TableView("members", settings=settings)
    qtbot.addWidget(view)
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    view.setModel(proxy)
    return view, proxy


def test_table_view_is_set_up_for_rows(qtbot: QtBot, ui_settings: QSettings) -> None:
    view, proxy = _view(qtbot, ui_settings)
    assert view.isSortingEnabled()
    assert view.alternatingRowColors()
    assert view.selectionBehavior() == view.SelectionBehavior.SelectRows
    assert [proxy.index(r, 0).data(ROW_ROLE).id for r in range(4)] == [1, 2, 3, 4]  # unsorted
    selection = view.selectionModel()
    flags = selection.SelectionFlag
    selection.setCurrentIndex(proxy.index(2, 1), flags.ClearAndSelect | flags.Rows)
    assert view.current_row() is ROWS[2]
    assert view.selected_rows() == [ROWS[2]]
    with qtbot.waitSignal(view.rowActivated) as activated:
        view.activated.emit(proxy.index(1, 0))
    assert activated.args == [ROWS[1]]


def test_table_view_remembers_columns(qtbot: QtBot, ui_settings: QSettings) -> None:
    view, _ = _view(qtbot, ui_settings)
    menu = view.column_menu()
    entries = [a for a in menu.actions() if a.isCheckable()]
    assert [a.text() for a in entries] == ["Name", "Town", "Joined", "Balance"]
    entries[1].setChecked(False)  # hide "Town" as the header menu would
    view.horizontalHeader().resizeSection(0, 333)
    view.horizontalHeader().resizeSection(2, 133)
    view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    view.save_state()

    again, proxy = _view(qtbot, ui_settings)
    header = again.horizontalHeader()
    assert header.isSectionHidden(1)
    assert header.sectionSize(2) == 133
    # the name column takes the spare width of the view (#15 item 1), never less than its minimum
    assert header.sectionSize(0) >= 160
    assert header.length() == again.viewport().width() or header.sectionSize(0) == 160
    assert header.sortIndicatorSection() == 3
    assert proxy.index(0, 0).data(ROW_ROLE).id == 1  # largest balance first


def test_last_visible_column_cannot_be_hidden(qtbot: QtBot, ui_settings: QSettings) -> None:
    view, _ = _view(qtbot, ui_settings)
    for column in (1, 2, 3):
        view.set_column_visible(column, False)
    entries = [a for a in view.column_menu().actions() if a.isCheckable()]
    assert [a.isEnabled() for a in entries] == [False, True, True, True]
    view.show_all_columns()
    assert view.horizontalHeader().hiddenSectionCount() == 0
