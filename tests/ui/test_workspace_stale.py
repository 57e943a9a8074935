"""Panels in step with the selection, saved states shown as saved (#15 item 3)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter
from test_costs_page import MEMBERS, World, cost, make_world
from test_funding_page import grant, select_grant  # noqa: F401 - the grant fixture

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.pages.funding.page import FundingPage, create_page
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Runner


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = open_context(db_path, runner=Runner(inline=True), presenter=RecordingPresenter())
    yield context
    context.close()


def test_the_explanation_follows_the_selected_share(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    world: World = make_world(ctx)
    page = CostsPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2025)
    page.resize(1300, 700)
    page.show()
    cost_id = ctx.service(CostService).create_cost(cost(world.equal, 100000, "Loyer & <eau>"))
    page.refresh(None)
    page.select_id(cost_id)
    detail = page.detail
    shares = detail.shares_model.rows()
    assert [s.member_name for s in shares] == list(MEMBERS)
    detail.shares.setCurrentIndex(detail.shares_model.index(0, 0))
    detail.explain_selected()
    assert "333,34 €" in plain(detail.explanation.text())
    detail.shares.setCurrentIndex(detail.shares_model.index(2, 0))  # another member
    text = plain(detail.explanation.text())
    assert "333,34 €" not in text and "333,33 €" in text  # the new member's, not the old one's
    assert MEMBERS[2].split()[0] in text or "333,33 €" in text
    detail.shares.setCurrentIndex(detail.shares_model.index(-1, -1))
    assert "Sélectionnez une quote-part" in detail.explanation.text()


@pytest.fixture
def funding(qtbot: QtBot, ctx: AppContext, french: None) -> FundingPage:
    ctx.pole.create_pole("Pôle Sud & <Drôme>", "Drôme")
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.set_fiscal_year(2025)
    widget.resize(1200, 760)
    return widget


def test_a_saved_plan_says_saved(
    funding: FundingPage,
    grant: dict[str, int],  # noqa: F811
) -> None:
    select_grant(funding, grant["grant"])
    tab = funding.editor.plan_tab
    tab.add_member()
    tab.model.setData(tab.model.index(0, 2), "60")
    assert "non enregistré" in tab.hint.text()
    assert tab.save()
    assert "non enregistré" not in tab.hint.text()
    assert tab.hint.text().endswith("enregistré")
    assert [m.share_bp for m in funding.editor.detail.plan if m.share_bp] == [6000]
    tab.model.setData(tab.model.index(0, 2), "50")  # typing again: not saved any more
    assert "non enregistré" in tab.hint.text()


def test_another_document_clears_the_preview(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_reports_page import seed

    from ptce_desktop.ui.pages.reports.page import ReportsPage

    ctx = open_context(db_path, runner=Runner(inline=True), presenter=RecordingPresenter())
    try:
        seed(ctx)
        page = ReportsPage(ctx)
        qtbot.addWidget(page)
        page.set_fiscal_year(2025)
        page.show()
        page.form.select_kind("cerfa-15059")
        page.generate()
        assert page.generated is not None and page.save_button.isEnabled()
        page.form.group_rows.setChecked(True)  # an option of the same document: another PDF
        assert page.generated is None and not page.save_button.isEnabled()
        assert not page.print_button.isEnabled() and page.preview.page_count() == 0
        page.generate()
        assert page.generated is not None
        page.form.year_combo.setCurrentIndex(page.form.year_combo.currentIndex())  # the same
        assert page.generated is not None  # choosing the same document keeps it
        other = next(
            row for row in range(page.form.kind_list.count())
            if row != page.form.kind_list.currentRow()
        )  # fmt: skip
        page.form.kind_list.setCurrentRow(other)
        assert page.generated is None and not page.save_button.isEnabled()
    finally:
        ctx.close()


def test_a_report_due_opens_its_grant(
    funding: FundingPage,
    grant: dict[str, int],  # noqa: F811
) -> None:
    from ptce_desktop.services.pole import todo
    from ptce_desktop.services.pole.todo import TodoItem
    from ptce_desktop.ui.pages.dashboard.todo import TodoPanel

    panel = TodoPanel()
    item = TodoItem(todo.GRANT_REPORT_DUE, "funding", names=("x", "y"), record_id=grant["grant"])
    panel.show_items([item])
    assert f'href="funding:grant-{grant["grant"]}"' in panel.lines[0].text()
    funding.show_section(f"grant-{grant['grant']}")
    assert funding.editor.detail is not None and funding.editor.detail.id == grant["grant"]
    current = funding.editor.tabs.currentWidget()
    assert current.widget() is funding.editor.report_tab  # the Cerfa texts
    funding.show_section("funders")
    assert funding.tabs.currentIndex() == 1
