"""Totals rows under the lists (#15 item 1): the sum of the rows shown, each figure under its
column, following the search; on the calls, payments and grants lists."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.money import format_money
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.pages.services.page import BUDGET_COLUMN, ServicesPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 80


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    due_cents: int
    paid_cents: int


ROWS = [
    Row(1, LONG, 123_456, 100_000),
    Row(2, "Mairie de Crest & <co>", 50_000, 0),
    Row(3, "Café l'Étincelle — 1 234,56 €", 1, 1),
]
COLUMNS = [
    Column("Membre", lambda r: r.name),
    Column("Dû", lambda r: r.due_cents, display=format_money, align=RIGHT),
    Column("Payé", lambda r: r.paid_cents, display=format_money, align=RIGHT),
]


def _panel(qtbot: QtBot) -> ListPanel:
    panel = ListPanel("totals-test", COLUMNS, "Chercher", lambda n: f"{n} lignes")
    qtbot.addWidget(panel)
    panel.add_totals(1, 2)
    panel.resize(900, 400)
    panel.show()
    panel.set_rows(ROWS)
    return panel


def test_the_totals_of_the_rows_shown(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    totals = panel.totals_row
    assert totals is not None and totals.isVisible()
    assert [totals.text(1), totals.text(2)] == [money_text(173_457), money_text(100_001)]
    assert "3" in totals.caption.text()
    panel.search.setText("crest")  # the search narrows the rows: so do the totals
    assert [totals.text(1), totals.text(2)] == [money_text(50_000), money_text(0)]
    assert "1" in totals.caption.text()
    panel.search.setText("personne")
    assert not totals.isVisible()  # nothing shown, nothing to total


def test_each_figure_sits_under_its_column(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    totals = panel.totals_row
    assert totals is not None
    header = panel.view.horizontalHeader()
    for column in (1, 2):
        label = totals.findChild(type(totals.caption), f"total{column}")
        assert label is not None
        cell_left = header.mapTo(
            panel, header.rect().topLeft()
        ).x() + header.sectionViewportPosition(column)
        assert abs(label.mapTo(panel, label.rect().topLeft()).x() - cell_left) <= 2
    header.resizeSection(1, header.sectionSize(1) + 40)  # a column the user widens
    label = totals.findChild(type(totals.caption), "total2")
    cell_left = header.mapTo(panel, header.rect().topLeft()).x() + header.sectionViewportPosition(2)
    assert abs(label.mapTo(panel, label.rect().topLeft()).x() - cell_left) <= 2


def test_the_services_budgets_total(ctx: AppContext, qtbot: QtBot) -> None:
    services = ctx.service(SharedServiceService)
    for name, cents in ((LONG, 1_200_000), ("Comptabilité & <co> l'€", 34_550)):
        service_id = services.create_service(
            ServiceDraft(name=name, vat_regime="exempt_261b", vat_rate_bp=0)
        )
        services.set_budget(service_id, 2025, cents)
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.show()
    assert page.totals_row.text(BUDGET_COLUMN) == money_text(1_234_550)
    page.search.setText("comptab")
    assert page.totals_row.text(BUDGET_COLUMN) == money_text(34_550)


def test_a_total_wider_than_its_column_is_never_cut(qtbot: QtBot) -> None:
    """The sum of 0,00 € and 99 999 999,99 € rows is wider than any of them: its column grows
    (the name column gives the room), the figure shows whole."""
    rows = [Row(i, LONG if i == 1 else f"Membre n° {i} & <co>", 99_999_999, 0) for i in range(9)]
    panel = _panel(qtbot)
    panel.set_rows(rows)
    header = panel.view.horizontalHeader()
    totals = panel.totals_row
    assert totals is not None
    expected = money_text(9 * 99_999_999)
    assert totals.text(1) == expected
    # the previous rows' labels may still wait for their deferred delete
    (label,) = [lab for lab in totals.findChildren(QLabel, "total1") if lab.text() == expected]
    header.resizeSection(1, 40)  # narrowed by hand below its total
    needed = label.fontMetrics().horizontalAdvance(label.text())
    assert header.sectionSize(1) >= needed and label.width() >= needed
    assert header.length() <= panel.view.viewport().width()  # no sideways scrolling for it


def test_a_column_sized_to_its_rows_is_sized_to_its_total_too(qtbot: QtBot) -> None:
    """A list whose amounts are sized to their rows (Financements: the title stretches) shows
    the sum whole, not « .30 000,00 € »."""
    panel = ListPanel("totals-fit", COLUMNS, "Chercher", lambda n: f"{n} lignes", stretch_column=0)
    qtbot.addWidget(panel)
    panel.add_totals(1, 2)
    panel.resize(900, 400)
    panel.show()
    panel.set_rows([Row(i, f"Subvention n° {i} « l'été » & <co>", 6_000_000, 0) for i in range(3)])
    totals = panel.totals_row
    expected = money_text(18_000_000)
    assert totals is not None and totals.text(1) == expected
    (label,) = [lab for lab in totals.findChildren(QLabel, "total1") if lab.text() == expected]
    needed = label.fontMetrics().horizontalAdvance(label.text())
    assert panel.view.horizontalHeader().sectionSize(1) >= needed and label.width() >= needed
