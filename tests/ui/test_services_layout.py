"""The Services mutualisés page at a laptop's width (the page beside the sidebar at 1366 and
1200 px): a service's name, VAT regime and key read whole beside its amounts, which are never
cut; the detail panel beside them stays wide enough to use."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyDraft, KeyService, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_view import TableView

NAME = "Comptabilité et paie mutualisées"
KEY = "Effectif salarié (ETP)"
LONG = "Locaux partagés « Maison » & <Crest> – l'accueil, l'entretien, les fluides " * 2
BUDGET = 123_456_789  # 1 234 567,89 €
#: the page's width beside the sidebar in a 1366 × 768 and a 1200 × 760 window
WIDE, NARROW = 1040, 872


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> ServicesPage:
    members = [
        ctx.members.create(MemberDraft(name)).id
        for name in ("Coopérative L'Éclair & Fils", "Association <Les Jardins>")
    ]
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(KEY, "units", "ETP"))
    keys.add_version(key, VersionDraft(dt.date(2024, 1, 1), {members[0]: 3, members[1]: 1}))
    services = ctx.service(SharedServiceService)
    about = "Tenue des comptes & bulletins de paie par un cabinet « expert » de Crest.\n" * 3
    for name, regime, rate in ((NAME, "exempt_261b", 0), (LONG, "taxable", 2_000)):
        draft = ServiceDraft(name, regime, rate, key, members[0], "Gestion", about)
        service = services.create_service(draft)
        for year in (2024, 2025, 2026):
            services.set_budget(service, year, BUDGET)
    widget = ServicesPage(ctx)
    qtbot.addWidget(widget)
    widget.set_fiscal_year(2025)
    return widget


def shown_at(qtbot: QtBot, page: ServicesPage, width: int) -> TableView:
    page.resize(width, 620)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(10)
    return page.view


def needs(view: TableView, text: str) -> int:
    """The width a cell needs to show ``text`` whole (the item's margins included)."""
    return view.fontMetrics().horizontalAdvance(text) + 7


def width_of(view: TableView, title: str) -> int:
    """The width of the column titled ``title``; 0 when it is hidden (folded)."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        if view.model().headerData(column, Qt.Orientation.Horizontal) == title:
            return 0 if header.isSectionHidden(column) else header.sectionSize(column)
    raise AssertionError(title)


def assert_amounts_whole_and_no_scroll_bar(view: TableView) -> None:
    model = view.model()
    assert width_of(view, "Budget") >= needs(view, money_text(BUDGET))
    for title in ("Budget", "Charges", "Réparti"):
        column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)].index(title)
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data())
            assert width_of(view, title) >= needs(view, text), (title, text)
    assert view.horizontalHeader().length() <= view.viewport().width()


def test_at_1366_the_name_the_vat_regime_and_the_key_read_whole(
    qtbot: QtBot, page: ServicesPage
) -> None:
    view = shown_at(qtbot, page, WIDE)
    assert width_of(view, "Nom") >= needs(view, NAME)  # was cut: « Comptabilité et paie mu… »
    assert width_of(view, "TVA") >= needs(view, "Exonéré 261 B")  # was « Exonéré 26… »
    assert width_of(view, "Clé") >= needs(view, KEY)  # was « Effectif sala… »
    assert_amounts_whole_and_no_scroll_bar(view)
    assert page.detail.width() >= 270  # the users and budgets beside stay usable
    # side by side, the budget buttons kept the panel 310 px wide
    assert page.detail.minimumSizeHint().width() <= 280


def test_at_1200_the_names_read_and_the_amounts_stay_whole(
    qtbot: QtBot, page: ServicesPage
) -> None:
    view = shown_at(qtbot, page, NARROW)
    assert width_of(view, "Nom") >= needs(view, NAME)
    assert_amounts_whole_and_no_scroll_bar(view)
    assert page.detail.width() >= 270


def test_the_members_column_of_the_detail_gets_the_room_of_the_figures(
    qtbot: QtBot, page: ServicesPage
) -> None:
    shown_at(qtbot, page, WIDE)
    page.view.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.users_model.rowCount() == 2)
    users = page.detail.users_view
    header = users.horizontalHeader()
    assert header.sectionSize(2) >= needs(users, money_text(0))  # the shares whole
    shares_title = users.model().headerData(2, Qt.Orientation.Horizontal)
    assert header.sectionSize(2) >= users.fontMetrics().horizontalAdvance(shares_title)
    assert header.sectionSize(0) >= 90  # the members' names, not 60 px beside the figures
    budgets = page.detail.budgets_view  # three years without scrolling
    assert budgets.viewport().height() >= 3 * budgets.verticalHeader().defaultSectionSize()
