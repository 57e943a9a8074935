"""Choosing a fiscal year asks nothing of the file on the GUI thread (issue #18, item 1): the
Appels page learns whether the year is closed with its load, the Clés page the year's label and
dates with its keys; the Charges filters hold the year's members in one list model; a restored
table layout keeps the page's sampling of rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.qtbot import QtBot
from test_calls_lazy import HeldRunner, issued  # noqa: F401  (a fixture)

from ptce_desktop.domain.keys import Method
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.calls.page import CallsPage
from ptce_desktop.ui.pages.costs.page import ChoiceModel, CostsPage, service_choices
from ptce_desktop.ui.pages.keys.models import load_key_rows
from ptce_desktop.ui.pages.keys.page import KeysPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

LONG = "Coopérative « L'Œuvre & Cœur <Drôme> » — 12 € " + "très long nom " * 9 + "fin"


@pytest.fixture
def year_reads(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The years ``fiscal_years.get`` was asked for (the held runner's work runs when the test
    lets it answer: a read made then is the load's, not the year change's)."""
    calls: list[int] = []
    real = ctx.fiscal_years.get

    def get(year: int) -> Any:
        calls.append(year)
        return real(year)

    monkeypatch.setattr(ctx.fiscal_years, "get", get)
    return calls


def test_the_calls_page_learns_a_closed_year_with_its_load(
    qtbot: QtBot,
    ctx: AppContext,
    issued: list[int],  # noqa: F811
    year_reads: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runner = HeldRunner()
    ctx.runner = runner  # type: ignore[assignment]
    page = CallsPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    qtbot.wait(20)  # the load goes to the worker on the next turn of the event loop
    assert year_reads == []  # nothing asked of the file by choosing the year
    assert page.issue_button.isEnabled()  # not known closed yet
    real = ctx.fiscal_years.get
    monkeypatch.setattr(
        ctx.fiscal_years, "get", lambda year: dataclasses.replace(real(year), closed=True)
    )
    runner.answer(0)
    assert not page.issue_button.isEnabled() and not page.true_up_button.isEnabled()
    assert page.issue_button.toolTip() == page.tr("This fiscal year is closed.")
    assert [row.id for row in page.call_model.rows()] == issued
    page.set_fiscal_year(2024)  # another year: open until its load says
    assert page.issue_button.isEnabled()
    page.set_fiscal_year(2025)  # known closed: no need to wait for the load
    assert not page.issue_button.isEnabled()


def test_issuing_in_a_closed_year_not_known_yet_is_refused(
    qtbot: QtBot,
    ctx: AppContext,
    issued: list[int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx.runner = HeldRunner()  # type: ignore[assignment]
    page = CallsPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    real = ctx.fiscal_years.get
    monkeypatch.setattr(
        ctx.fiscal_years, "get", lambda year: dataclasses.replace(real(year), closed=True)
    )
    assert page.issue_button.isEnabled()  # the load has not answered
    assert page.issue_calls(true_up=False) is None  # no dialog: the year is closed
    assert page.status.text() == page.tr("This fiscal year is closed.")
    assert not page.issue_button.isEnabled()


def test_the_keys_page_reads_the_years_dates_with_its_keys(
    qtbot: QtBot, ctx: AppContext, year_reads: list[int]
) -> None:
    runner = HeldRunner()
    ctx.runner = runner  # type: ignore[assignment]
    page = KeysPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2024)
    qtbot.wait(20)
    assert year_reads == []
    runner.answer(len(runner.held) - 1)
    assert year_reads == [2024]  # read by the load
    assert page.period == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert page.year_label == ctx.fiscal_years.get(2024).label
    page.set_fiscal_year(2025)
    qtbot.wait(20)
    stale = len(runner.held) - 1
    page.set_fiscal_year(2023)
    qtbot.wait(20)
    runner.answer(len(runner.held) - 1)
    runner.answer(stale)  # 2025 answers late: dropped
    assert page.period == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_the_costs_member_filter_holds_the_years_members_in_one_model(
    qtbot: QtBot, ctx: AppContext
) -> None:
    long_id = ctx.members.create(MemberDraft(name=LONG, joined_on=dt.date(2020, 1, 1))).id
    page = CostsPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    combo = page.member_filter
    assert isinstance(combo.model(), ChoiceModel)
    view = combo.view()  # its list never lays out each member
    assert isinstance(view, QListView) and view.uniformItemSizes()
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == page.tr("All members") and LONG in names
    index = combo.findData(long_id)
    assert index > 0 and combo.itemData(index, Qt.ItemDataRole.ToolTipRole) == LONG
    assert combo.itemData(0) is None and combo.itemData(0, Qt.ItemDataRole.ToolTipRole) is None
    combo.setCurrentIndex(index)
    page.apply_filters()
    assert page.filters().member_id == long_id
    page.set_fiscal_year(2024)  # the choices read again: the member chosen stays chosen
    assert combo.currentData() == long_id and combo.currentText() == LONG


def test_a_restored_layout_keeps_the_pages_sampling_of_rows(
    qtbot: QtBot, ui_settings: QSettings
) -> None:
    columns = [Column("Nom", lambda r: r), Column("Libellé", lambda r: r.upper())]
    old = TableView("sampled", settings=ui_settings)
    old.setModel(RowTableModel(columns))
    old.horizontalHeader().setResizeContentsPrecision(1000)  # a layout saved long ago
    old.save_state()
    view = TableView("sampled", settings=ui_settings)
    qtbot.addWidget(view)
    view.horizontalHeader().setResizeContentsPrecision(30)
    model = RowTableModel(columns)
    model.set_rows([f"membre {n} & « co »" for n in range(200)])
    view.setModel(model)
    assert view.restore_state()
    assert view.horizontalHeader().resizeContentsPrecision() == 30
    QApplication.processEvents()


def test_the_keys_list_counts_members_and_parts_as_the_versions_say(ctx: AppContext) -> None:
    """The counts read in SQL equal those of each version built whole."""
    keys = ctx.service(KeyService)
    joined = dt.date(2020, 1, 1)
    names = [LONG, "Mairie de Valence", "SARL « Zèbre & Cie »", "Café <l'Atelier>"]
    ids = [ctx.members.create(MemberDraft(name=name, joined_on=joined)).id for name in names]
    units = keys.create_key(KeyDraft(name="Surfaces « m² » & <co>", method="units"))
    keys.add_version(units, VersionDraft(dt.date(2025, 1, 1), {ids[0]: 1500, ids[1]: 0}))
    keys.add_version(units, VersionDraft(dt.date(2025, 6, 1), dict.fromkeys(ids[:3], 1000)))
    everyone = keys.create_key(KeyDraft(name="Parts égales (tous)", method="equal"))
    keys.add_version(everyone, VersionDraft(dt.date(2025, 1, 1)))
    some = keys.create_key(KeyDraft(name="Parts égales (deux)", method="equal"))
    keys.add_version(some, VersionDraft(dt.date(2025, 1, 1), dict.fromkeys(ids[2:], 1000)))
    percent = keys.create_key(KeyDraft(name="Pourcentages 12,5 €", method="percent"))
    keys.add_version(percent, VersionDraft(dt.date(2025, 1, 1), {ids[0]: 2500, ids[3]: 7500}))
    mixed = keys.create_key(KeyDraft(name="Mixte 30/70", method="mixed"))
    keys.add_version(
        mixed, VersionDraft(dt.date(2025, 1, 1), parts={units: 3000, percent: 7000, some: 0})
    )
    empty = keys.create_key(KeyDraft(name="Sans version", method="units"))
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    listed = load_key_rows(keys, dt.date(2025, 7, 1), *year)
    rows = {row.id: (row.members, row.parts) for row in listed}
    expected: dict[int, tuple[int | None, int | None]] = {}
    for key in keys.list_keys(dt.date(2025, 7, 1)):
        if key.current_version is None:
            expected[key.id] = (None, None)
            continue
        detail = keys.get_version(key.current_version.id)
        if key.method is Method.MIXED:
            expected[key.id] = (None, sum(1 for p in detail.parts if p.weight_bp > 0))
        else:
            expected[key.id] = (len(detail.members), None)
    assert rows == expected
    assert rows[units] == (3, None) and rows[mixed] == (None, 2) and rows[empty] == (None, None)
    assert rows[some] == (2, None) and rows[percent] == (2, None)
    counted = rows[everyone][0]
    assert counted is not None and counted >= len(ids)


def test_the_costs_service_filter_lists_the_services_as_their_totals_did(ctx: AppContext) -> None:
    """The names without the year's sums: the same services, in the same order."""
    shared = ctx.service(SharedServiceService)
    for name in ("Zèbre l'imprimante — 1 234,56 €", "accueil & <secrétariat>", "Éclairage", LONG):
        shared.create_service(ServiceDraft(name=name))
    shared.create_service(ServiceDraft(name="Éclairage (bis)"))
    expected = [(s.service_id, s.name) for s in shared.list_services(2025)]
    assert service_choices(shared) == expected and len(expected) == 5
