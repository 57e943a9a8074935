"""Exports from the window (#14): « Exporter… » writes a table as the user sees it (filtered,
sorted, the visible columns in their order), Ctrl+C copies the selected rows tab-separated with
French numbers, and Fichier ▸ Exporter l'archive… / Importer une archive… round-trip a pole."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.domain.periods import format_date
from ptce_desktop.exchange.readers import read_table
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView
from tests.exchange.conftest import LONG_NAME
from tests.ui.test_launch import CREATE, ScriptedDialogs, shell_for  # noqa: F401


@dataclass(frozen=True)
class Line:
    name: str
    cents: int
    day: dt.date | None
    share_bp: int
    note: str


LINES = [
    Line('=HYPERLINK("http://x";"clic") & <x>', -1250, dt.date(2025, 2, 28), 1250, "l'€ vu"),
    Line(LONG_NAME, 123_456_789, dt.date(2024, 12, 31), 10_000, "long"),
    Line("Épicerie & co", 5, None, 0, "-moins vu"),
    Line("Café à filtrer", 999, dt.date(2025, 1, 1), 5000, "caché"),
]


@pytest.fixture
def view(qtbot: QtBot, ui_settings: QSettings) -> TableView:
    columns = [
        Column("Nom", lambda r: r.name),
        Column("Montant", lambda r: r.cents, display=format_money, align=RIGHT),
        Column("Date", lambda r: r.day, display=lambda d: format_date(d) if d else ""),
        Column("Part", lambda r: r.share_bp, display=format_percent, align=RIGHT),
        Column("Note", lambda r: r.note),
    ]
    model = RowTableModel(columns, LINES)
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    table = TableView("essai/export", settings=ui_settings)
    qtbot.addWidget(table)
    table.setModel(proxy)
    table.export_title = "Essai l'€ & <x>"
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by amount, largest first
    table.horizontalHeader().moveSection(4, 0)  # Note shown first
    table.set_column_visible(2, False)  # Date hidden
    return table


def test_export_writes_the_table_as_shown(view: TableView, tmp_path: Path) -> None:
    view.model().set_filter_text("VU")  # type: ignore[attr-defined]
    assert view.model().rowCount() == 2
    path = view.export_table(tmp_path / "vue l'€.xlsx")
    assert path == tmp_path / "vue l'€.xlsx"
    import python_calamine as calamine

    workbook = calamine.CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python()
    workbook.close()
    assert rows[0] == ["Note", "Nom", "Montant", "Part"]  # the visible columns, in view order
    assert rows[1:] == [
        ["'-moins vu", "Épicerie & co", 0.05, 0.0],
        ["l'€ vu", "'" + LINES[0].name, -12.5, 0.125],
    ]  # sorted by amount descending, formula-like text neutralised, amounts as numbers
    csv_path = view.export_table(tmp_path / "vue.csv")
    table = read_table(csv_path)
    assert table.headers == ("Note", "Nom", "Montant", "Part")
    assert [r.cells[2] for r in table.rows] == ["0,05", "-12,50"]


def test_every_row_and_the_long_name(view: TableView, tmp_path: Path) -> None:
    view.model().set_filter_text("")  # type: ignore[attr-defined]
    path = view.export_table(tmp_path / "tout.ods")
    table = read_table(path)
    assert [r.cells[1] for r in table.rows] == [LONG_NAME, "Café à filtrer", "Épicerie & co",
                                                "'" + LINES[0].name]  # fmt: skip
    assert table.rows[0].cells[2] == 1_234_567.89 and table.rows[0].cells[3] == 100.0


def test_ctrl_c_copies_the_selected_rows(view: TableView, qtbot: QtBot) -> None:
    view.model().set_filter_text("")  # type: ignore[attr-defined]
    view.selectRow(0)
    view.selectionModel().select(
        view.model().index(3, 0),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
    )
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert text == (
        f"long\t{LONG_NAME}\t1234567,89\t100,00 %\nl'€ vu\t'{LINES[0].name}\t-12,50\t12,50 %\n"
    )
    menu = view.context_menu()
    labels = [a.text().replace("&", "") for a in menu.actions()]
    assert labels == ["Copy", "Export…"]
    assert all(a.isEnabled() for a in menu.actions())


def test_archive_from_the_file_menu(shell_for: Any, db_path: Path, tmp_path: Path) -> None:  # noqa: F811
    shell = shell_for(ScriptedDialogs(welcome=[CREATE]))
    assert shell.start(db_path)
    shell.ctx.members.create(MemberDraft(name=LONG_NAME, category="research"))
    archives = shell.archives
    archive = tmp_path / "clé USB" / "pôle & <l'€>.ptce"
    archive.parent.mkdir()
    archives.ask_archive_to_write = lambda suggested: archive
    assert shell.window.export_archive_action.isEnabled()
    shell.window.export_archive_action.trigger()
    assert archive.is_file() and str(archive) in shell.window.statusBar().currentMessage()

    new = tmp_path / "successeur" / "pôle recréé.sqlite3"
    archives.ask_archive_to_read = lambda: archive
    archives.ask_new_pole = lambda suggested: new
    shell.window.import_archive_action.trigger()
    assert shell.ctx.path == new
    assert [m.name for m in shell.ctx.members.list_members()] == [LONG_NAME]
    assert "Pôle Sud & <Drôme>" in shell.window.windowTitle()

    # importing again into the same path is refused with a message, the open pole stays
    shell.window.import_archive_action.trigger()
    assert shell.ctx.path == new
    assert [e.code for e in shell.presenter.errors] == ["archive_target_exists"]


def test_accounting_box_saves_the_fec_accounts(db_path: Path, qtbot: QtBot) -> None:
    from ptce_desktop.services.pole.accounting import AccountingService, AccountingSettings
    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.ui.exports.accounting_box import AccountingBox
    from ptce_desktop.ui.shell.context import open_context
    from ptce_desktop.ui.worker import Runner

    ctx = open_context(db_path, runner=Runner(inline=True))
    try:
        PoleService(ctx.uow).create_pole("Pôle Sud & Drôme <test> — l'€", None, 1)
        box = AccountingBox(ctx)
        qtbot.addWidget(box)
        assert box.edits["members_account"].text() == "411"
        box.edits["bank_account"].setText("=512 & <x>")
        assert not box.save()
        assert "=512 & <x>" in box.banner.text() and not box.banner.isHidden()
        assert AccountingService(ctx.uow).get() == AccountingSettings()
        box.edits["bank_account"].setText(" 512100 ")
        box.edits["bank_journal_label"].setText("Banque l'€ & <Crédit coopératif>")
        assert box.save()
        stored = AccountingService(ctx.uow).get()
        assert stored.bank_account == "512100"
        assert stored.bank_journal_label == "Banque l'€ & <Crédit coopératif>"
        box.defaults_button.click()
        assert box.edits["bank_account"].text() == "512"  # not saved until Save
        assert AccountingService(ctx.uow).get().bank_account == "512100"
    finally:
        ctx.close()


def test_paste_a_spreadsheet_block_into_the_units_grid(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QTableView

    from ptce_desktop.ui.exports.clipboard import install_paste, parse_block
    from ptce_desktop.ui.pages.keys.values import Entry, VersionValuesModel

    names = ["Épicerie & co", LONG_NAME, "Café l'Étincelle <1>"]
    model = VersionValuesModel("units", [Entry(i, n) for i, n in enumerate(names, start=1)])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    paste = install_paste(table)
    # by name, in any order, as LibreOffice copies two columns (a quoted cell with a break)
    QGuiApplication.clipboard().setText(
        f'"CAFÉ L\'ÉTINCELLE <1>"\t1 234,5\r\n{LONG_NAME}\t12,5\r\n"Inconnu\nde nous"\t3\r\n'
    )
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    original = QMessageBox.information
    QMessageBox.information = lambda *args, **kw: shown.append(args[2])  # type: ignore[method-assign]
    try:
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    finally:
        QMessageBox.information = original  # type: ignore[method-assign]
    assert model.values() == {3: 1_234_500, 2: 12_500}
    assert paste.last is not None and paste.last.unknown == ["Inconnu\nde nous"]
    assert shown and "Inconnu" in shown[0]
    # positional, from the current cell down: a bad value stays in its cell, marked
    table.setCurrentIndex(model.index(0, 1))
    result = paste.paste("7\nbeaucoup\n")
    assert result.filled == 2 and result.unknown == []
    assert model.values() == {1: 7_000, 3: 1_234_500}
    assert model.data(model.index(1, 1)) == "beaucoup"
    assert model.first_error() is not None and model.first_error()[0] == 1  # type: ignore[index]
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole)
    assert parse_block("a\tb\r\n\r\n") == [["a", "b"]]
