"""Paste a block copied from Excel or LibreOffice into the services' budget column and the
usage table (#13), through the same clipboard code as the key-units grid: every cell written by
the page's own undoable action, one paste one undo step, a refused cell marked with its reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, UsageDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.keys.page import KeysPage
from ptce_desktop.ui.pages.services.page import BUDGET_COLUMN, ServicesPage
from ptce_desktop.ui.shell.context import AppContext

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 120
NAMES = ["Locaux « Crest » & <co>", "Comptabilité l'€", LONG]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    return said


def _budgets(ctx: AppContext) -> dict[str, int | None]:
    views = ctx.service(SharedServiceService).service_views().values()
    return {view.name: dict(view.budgets).get(2025) for view in views}


def test_budgets_pasted_by_service_name(ctx: AppContext, qtbot: QtBot, told: list[str]) -> None:
    services = ctx.service(SharedServiceService)
    for name in NAMES:
        services.create_service(ServiceDraft(name=name, vat_regime="exempt_261b", vat_rate_bp=0))
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)  # what the window does
    page.set_fiscal_year(2025)
    block = (
        "comptabilite l'€\t1 234,50 €\r\n"  # accents and case ignored, any order
        f'"{LONG}"\t12\u00a0000\r\n'
        "Service inconnu\t5\r\n"
        "Locaux « Crest » & <co>\tdouze\r\n"
    )
    page.paste.paste(block)
    assert _budgets(ctx) == {NAMES[0]: None, NAMES[1]: 123_450, LONG: 1_200_000}
    assert told == ["Not in this table, not pasted: « Service inconnu »"]
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).view.name == NAMES[0])
    cell = model.index(row, BUDGET_COLUMN)
    assert cell.data() == "douze"  # what was pasted stays, marked
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    why = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(why, str) and why == model.error_of(row, BUDGET_COLUMN) and why.strip()
    assert ctx.history.count() == 1 and ctx.history.undoText() == "Paste"
    ctx.history.undo()
    assert _budgets(ctx) == dict.fromkeys(NAMES)
    ctx.history.redo()
    assert _budgets(ctx)[NAMES[1]] == 123_450


def test_a_paste_that_changes_nothing_leaves_no_step(
    ctx: AppContext, qtbot: QtBot, told: list[str]
) -> None:
    ctx.service(SharedServiceService).create_service(
        ServiceDraft(name=NAMES[0], vat_regime="exempt_261b", vat_rate_bp=0)
    )
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.paste.paste(f"{NAMES[0]}\tpas un montant\n")
    assert ctx.history.count() == 0
    assert _budgets(ctx) == {NAMES[0]: None}


def test_usage_quantities_pasted_down_the_table(ctx: AppContext, qtbot: QtBot) -> None:
    member = ctx.members.create(MemberDraft(name=LONG, joined_on=dt.date(2020, 1, 1))).id
    keys = ctx.service(KeyService)
    key_id = keys.create_key(KeyDraft("Heures « prêt » & <co>", "usage", "h"))
    for day in (3, 2, 1):
        keys.add_usage(UsageDraft(key_id, member, dt.date(2025, 3, day), 1000, "l'€ <note>"))
    page = KeysPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2025)
    page.select_key(key_id)
    view = page.detail.usage_view
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setCurrentIndex(view.model().index(0, 2))
    result = page.usage_paste.paste("2,5\n1 000\nbeaucoup\n")
    assert result.filled == 2
    usage = keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert sorted((u.on.day, u.quantity_milli) for u in usage) == [
        (1, 2500), (2, 1_000_000), (3, 1000)
    ]  # fmt: skip
    marked = [
        view.model().index(r, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
        for r in range(view.model().rowCount())
    ]
    assert marked == [False, False, True]
    assert ctx.history.count() == 1
    ctx.history.undo()
    usage = keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [u.quantity_milli for u in usage] == [1000, 1000, 1000]


def test_the_lists_stay_read_only_to_typing(ctx: AppContext, qtbot: QtBot) -> None:
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    assert page.view.editTriggers() == page.view.EditTrigger.NoEditTriggers
    page.model.set_rows([])
    flags = page.model.flags
    ctx.service(SharedServiceService).create_service(
        ServiceDraft(name=NAMES[2], vat_regime="exempt_261b", vat_rate_bp=0)
    )
    page.set_fiscal_year(2025)
    editable = Qt.ItemFlag.ItemIsEditable
    assert flags(page.model.index(0, BUDGET_COLUMN)) & editable
    assert not flags(page.model.index(0, 0)) & editable  # the name is never pasted over


def test_usage_readings_pasted_as_new_records(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    member = ctx.members.create(MemberDraft(name=LONG, joined_on=dt.date(2020, 1, 1))).id
    ctx.members.create(MemberDraft(name="Mairie de Crest & <co>", joined_on=dt.date(2020, 1, 1)))
    keys = ctx.service(KeyService)
    key_id = keys.create_key(KeyDraft("Heures « prêt » & <co>", "usage", "h"))
    page = KeysPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2025)
    page.select_key(key_id)
    block = (
        f"01/03/2025\t{LONG.upper()}\t12,5\tRelevé « mars » & <co>\r\n"
        "2025-03-02\tmairie de crest & <co>\t3\t\r\n"
        "31/02/2025\tMairie de Crest & <co>\t1\t\r\n"
        "03/03/2025\tPersonne\t1\t\r\n"
    )
    result = page.usage_paste.paste(block)
    assert result.filled == 2
    usage = keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert sorted((u.on.day, u.member_id == member, u.quantity_milli, u.note) for u in usage) == [
        (1, True, 12_500, "Relevé « mars » & <co>"), (2, False, 3000, None)
    ]  # fmt: skip
    assert len(said) == 1 and said[0].startswith("Line 3: ") and "Line 4: " in said[0]
    assert page.detail.usage_model.rowCount() == 2  # the table shows them
    assert ctx.history.count() == 1
    ctx.history.undo()
    assert keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == []
