"""Columns a page lets go (TableView.foldable) fold when even narrowed the list is wider than
its view — no horizontal scroll bar (#15 item 1) — and come back when it widens; a fold is not
saved as the user's layout, and a column the user shows again stays."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.widgets.table_model import RIGHT, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » de la vallée — l'€"
COLUMNS = [
    Column("Nom", lambda r: r[0]),
    Column("Nom court", lambda r: r[1]),
    Column("Catégorie", lambda r: r[2]),
    Column("SIRET", lambda r: r[3]),
    Column("Collège des membres fondateurs", lambda r: r[4]),
    Column("Solde", lambda r: r[5], align=RIGHT),
]
ROWS = [
    (LONG, "L'Œuvre & <co>", "Économie sociale et solidaire", "732 829 320 00074",
     "Fondateurs & amis", "1 234,56 €"),
]  # fmt: skip


def _view(qtbot: QtBot, settings: QSettings) -> TableView:
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    view = TableView("folding", settings=settings)
    view.foldable = (1, 4, 3)
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(1400, 200)
    view.show()
    view.fit_columns()
    return view


def _hidden(view: TableView) -> list[int]:
    header = view.horizontalHeader()
    return [c for c in range(header.count()) if header.isSectionHidden(c)]


def test_columns_fold_when_narrow_and_come_back(qtbot: QtBot, ui_settings: QSettings) -> None:
    view = _view(qtbot, ui_settings)
    assert _hidden(view) == []
    view.resize(560, 200)
    assert _hidden(view)  # something had to go…
    assert set(_hidden(view)) <= {1, 3, 4} and 1 in _hidden(view)  # …in the page's order
    header = view.horizontalHeader()
    assert header.length() == view.viewport().width()  # no scroll bar; names take the rest
    assert all(header.sectionSize(c) > 0 for c in range(6) if c not in _hidden(view))
    view.resize(1400, 200)
    assert _hidden(view) == []


def test_a_fold_is_not_saved_and_the_users_choice_wins(
    qtbot: QtBot, ui_settings: QSettings
) -> None:
    view = _view(qtbot, ui_settings)
    view.resize(560, 200)
    folded = _hidden(view)
    assert folded
    view.save_state()
    again = TableView("folding", settings=ui_settings)
    qtbot.addWidget(again)
    proxy = FilterProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    again.setModel(proxy)
    assert _hidden(again) == []  # restored wide: nothing hidden by the user
    assert _hidden(view) == folded  # saving did not unfold the narrow view
    view.set_column_visible(folded[0], True)  # from the header's menu
    view.resize(561, 200)
    assert folded[0] not in _hidden(view)
