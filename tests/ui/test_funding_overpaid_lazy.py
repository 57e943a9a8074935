"""Financements: a negative « reste à reverser » in the grant list (red, the warning as its
tooltip), the « À faire » item opening the grant on its Redistributions tab, and the grant
editor's tabs built on first showing (issue #18: the page's first show under 100 ms)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft, overpaid_warning
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.todo import GRANT_OVERPAID, TodoService
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.dashboard.todo import TodoPanel
from ptce_desktop.ui.pages.funding.page import FundingPage, create_page
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.style import ERROR

TITLE = "Légumerie « solidaire » & <co> — l'€ " + "équipement d'une très longue action " * 4
FUNDER = "Région Auvergne-Rhône-Alpes & <Drôme>"
REMAINING = 6  # the grant list's « Reste à reverser » column


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> FundingPage:
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1300, 900)
    return widget


@pytest.fixture
def grants(ctx: AppContext) -> dict[str, int]:
    """Two grants of 2025, each with 1 000 € received: « sound » passed on nothing, « over »
    passed on 250 € to a member outside any plan (consent given: nothing was due)."""
    member = ctx.members.create(MemberDraft(name="Coopérative L'Éclair & <Fils>")).id
    funder = ctx.service(FunderService).create_funder(FunderDraft(FUNDER, "region")).id
    service = ctx.service(GrantService)
    ids = {"member": member}
    for key, title in (("sound", "Atelier « vélo » & <co>"), ("over", TITLE)):
        draft = GrantDraft(
            funder_id=funder,
            title=title,
            amount_voted_cents=1_000_000,
            status="votee",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
        )
        ids[key] = service.create_grant(draft).id
        service.add_instalment(ids[key], InstalmentDraft(dt.date(2025, 2, 1), 100_000))
    ctx.service(RedistributionService).record_redistribution(
        ids["over"], member, dt.date(2025, 2, 10), 25_000, None, force=True
    )
    return ids


def row_of(page: FundingPage, grant_id: int) -> int:
    model = page.grants_panel.model
    return next(r for r in range(model.rowCount()) if model.row_at(r).id == grant_id)


def test_a_negative_remaining_is_red_in_the_grant_list_with_the_warning_as_tooltip(
    page: FundingPage, grants: dict[str, int]
) -> None:
    page.reload()
    model = page.grants_panel.model
    over, sound = row_of(page, grants["over"]), row_of(page, grants["sound"])
    cell = model.index(over, REMAINING)
    assert model.row_at(over).remaining_cents == -25_000
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(ERROR)
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tip == overpaid_warning(model.row_at(over).title, -25_000, current_language())
    assert "Reste à reverser négatif" in tip and "« Légumerie" in tip
    # a sound grant: the usual colour, no warning; other columns of the overpaid row neither
    good = model.index(sound, REMAINING)
    assert model.data(good, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(good, Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(over, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_the_todo_item_opens_the_grant_on_its_redistributions_tab(
    page: FundingPage, ctx: AppContext, grants: dict[str, int]
) -> None:
    (item,) = [i for i in TodoService(ctx.uow).items() if i.kind == GRANT_OVERPAID]
    panel = TodoPanel()
    panel.show_items([item])
    opened: list[str] = []
    panel.linkActivated.connect(opened.append)
    href = f"funding:grant-{grants['over']}/redistributions"
    assert f'href="{href}"' in panel.lines[0].text()
    panel.lines[0].linkActivated.emit(href)
    page_key, _, section = opened[0].partition(":")  # what the window does with the link
    assert page_key == "funding"
    page.show_section(section)
    assert page.editor.detail is not None and page.editor.detail.id == grants["over"]
    assert page.editor.tabs.currentWidget().widget() is page.editor.redistributions_tab
    # a report due keeps opening the Cerfa texts
    page.show_section(f"grant-{grants['sound']}")
    assert page.editor.detail is not None and page.editor.detail.id == grants["sound"]
    assert page.editor.tabs.currentWidget().widget() is page.editor.report_tab


def test_the_editor_tabs_are_built_when_first_shown_and_show_the_current_grant(
    page: FundingPage, grants: dict[str, int]
) -> None:
    editor = page.editor
    names = ("budget_tab", "plan_tab", "instalments_tab", "redistributions_tab", "report_tab")
    assert not any(editor.is_built(name) for name in names)  # none built with the page
    page.reload()
    page.grants_panel.select_id(grants["over"])
    assert not editor.is_built("members_tab")
    index = editor.tabs.indexOf(editor._holders["members_tab"])
    editor.tabs.setCurrentIndex(index)  # the user clicks the tab
    assert editor.is_built("members_tab")
    tab = editor.tabs.currentWidget().widget()
    assert tab is editor.members_tab
    shown = page.grants_panel.current_row()
    assert shown is not None and shown.id == grants["over"]
    # built late, it shows the grant selected before: its member with −250 € left
    model = tab.panel.model
    (line,) = model.rows()
    assert "L'Éclair" in line.member_name and line.remaining_cents == -25_000
    cell = model.index(0, 4)  # its reste à reverser, in red there too
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(ERROR)
    # another grant selected: the built tab follows, the unbuilt ones stay unbuilt
    page.grants_panel.select_id(grants["sound"])
    assert not editor.is_built("budget_tab")
    assert editor.members_tab.panel.model.rowCount() == 0
    # the page's default date reaches a money tab built after the lists were read
    assert editor.redistributions_tab.default_date == page.default_date
