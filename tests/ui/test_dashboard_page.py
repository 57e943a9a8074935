"""The Tableau de bord page: the services' figures, formatted; the eligibility verdict; charts
that cope with an empty year; reloads on changes, off the GUI thread when asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.categories import MISSING_LABELS, MemberCategory
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.ui.pages.dashboard.charts import eligibility_html, nice_ticks, top_with_rest
from ptce_desktop.ui.pages.dashboard.page import DashboardPage, create_page
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.style import ERROR
from ptce_desktop.ui.worker import Runner


@pytest.fixture
def demo_ctx(demo_file: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "démo.sqlite3"
    shutil.copyfile(demo_file, path)
    ctx = open_context(path, runner=Runner(inline=True), presenter=RecordingPresenter())
    yield ctx
    ctx.close()


def show_page(qtbot: QtBot, ctx: AppContext, year: int) -> DashboardPage:
    page = create_page(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)  # what the window does
    page.resize(1200, 900)
    page.show()
    page.set_fiscal_year(year)
    return page


def test_demo_figures_are_the_services_figures(
    qtbot: QtBot, demo_ctx: AppContext, french: None
) -> None:
    page = show_page(qtbot, demo_ctx, 2025)
    summary = demo_ctx.service(SummaryService).year_summary(2025)
    in_kind = demo_ctx.service(InKindService).totals(2025)
    money = {
        "costs_ttc": summary.costs_ttc_cents,
        "costs_split": summary.costs_split_cents,
        "shares": summary.shares_cents,
        "called": summary.called_cents,
        "paid": summary.paid_cents,
        "outstanding": summary.outstanding_cents,
        "voted": summary.voted_cents,
        "received": summary.received_cents,
        "passed": summary.passed_cents,
        "coordination": summary.coordination_cents,
        "remaining": summary.remaining_cents,
        "in_kind": in_kind.total_cents,
    }
    assert summary.called_cents > 0 and in_kind.total_cents > 0  # the demo has both
    for key, cents in money.items():
        assert page.figure(key) == format_money(cents), key
    assert page.figure("outstanding").endswith("\u00a0€") and "," in page.figure("called")
    assert page.figure("members") == str(summary.active_members)
    # the demo's 2025: one member joined (July), one left (September): counted in the year,
    # said under the figure (the Membres list, today's members, shows one fewer)
    assert (summary.members_joined, summary.members_left) == (1, 1)
    assert page.figure("members_joined") == page.figure("members_left") == "1"
    assert page.values["members_left"].isVisible()
    assert page.figure("in_kind_count") == str(in_kind.count)
    ess = summary.categories[0]
    assert page.figure(f"category-{ess.category}") == str(ess.count)
    assert "Exercice 2025" in page.status.text() or "2025" in page.status.text()
    qtbot.waitUntil(lambda: not page.charts_pending())  # drawn one per turn of the loop
    assert all(panel.has_chart() for panel in page.charts.values())
    assert "PTCE" in page.eligibility.text() and ERROR not in page.eligibility.text()
    # the shares chart: at most 15 members and "others"
    members_chart = page.charts["members"].chart()
    series: Any = members_chart.series()[0]
    bars = series.barSets()[0]
    assert bars.count() == min(len([m for m in summary.members if m.share_cents]), 16)


def test_missing_non_ess_firm_is_named_in_red(qtbot: QtBot, ctx: AppContext, french: None) -> None:
    ctx.members.create(MemberDraft("Coopérative L'Éclair & <Fils>", "ess_enterprise"))
    ctx.members.create(MemberDraft("Commune de Crest", MemberCategory.LOCAL_AUTHORITY.value))
    page = show_page(qtbot, ctx, 2025)
    # a pole still on its first steps: the rule is guidance, not a red verdict
    guidance = page.eligibility.text()
    assert ERROR not in guidance and "○" in guidance and "Pour être reconnu" in guidance
    assert page.first_steps.isVisible() and page.first_steps.is_done("members")
    # once set up (here: the verdict without guidance), what is missing is named in red
    assert page.data is not None
    text = eligibility_html(page.data.summary)
    missing = MISSING_LABELS["non_ess_enterprise"][0].replace("'", "&#x27;")
    assert "ne remplissent pas encore" in text
    line = next(part for part in text.split("<br>") if missing in part)
    assert ERROR in line and "✗" in line
    ess_line = next(part for part in text.split("<br>") if "ESS (1)" in part)
    assert "✓" in ess_line and ERROR not in ess_line
    assert page.figure("members") == "2"


def test_a_year_without_data_says_so(qtbot: QtBot, ctx: AppContext, french: None) -> None:
    page = show_page(qtbot, ctx, 2031)
    for panel in page.charts.values():
        assert not panel.has_chart()
        assert panel.empty.text() == "Aucune donnée"
    assert page.figure("called") == format_money(0)
    assert page.figure("members") == "0"
    assert not page.values["members_joined"].isVisible()
    assert "entreprise de l" in page.eligibility.text()  # every requirement named as missing


def test_reloads_on_a_change_and_only_when_shown(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    page = show_page(qtbot, ctx, 2025)
    in_kind = ctx.service(InKindService)
    draft = InKindDraft(dt.date(2025, 5, 4), "benevolat", "Atelier « vélo » & co", 12_345)
    in_kind.create_contribution(draft)
    assert page.figure("in_kind") == format_money(12_345)
    page.hide()
    in_kind.create_contribution(draft)
    assert page.figure("in_kind") == format_money(12_345)  # hidden: nothing loaded yet
    ctx.changes.changed.emit(None)  # "everything changed" while hidden: still nothing
    page.show()
    assert page.figure("in_kind") == format_money(24_690)
    activity_only = type("Change", (), {})()
    page.refresh(activity_only)  # not a Change: treated as "everything", reloads fine
    assert page.figure("in_kind") == format_money(24_690)


def test_loads_off_the_gui_thread_and_drops_a_stale_result(
    qtbot: QtBot, db_path: Path, french: None
) -> None:
    ctx = open_context(db_path, runner=Runner(inline=False), presenter=RecordingPresenter())
    try:
        ctx.pole.create_pole("Pôle Sud & <Drôme>", "Drôme")
        ctx.members.create(MemberDraft("Mairie de Valence", "local_authority"))
        page = show_page(qtbot, ctx, 2025)
        qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
        assert page.figure("members") == "1"
        stale = page.data
        assert stale is not None
        page.set_fiscal_year(2026)
        page._loaded((page._generation - 1, stale))  # an older answer arriving late
        qtbot.waitUntil(lambda: page.data is not None and page.data.summary.year == 2026)
        assert ctx.runner.wait()
        assert page.data is not None and page.data.summary.year == 2026
        assert ctx.presenter.errors == []  # type: ignore[attr-defined]
    finally:
        ctx.runner.wait()
        ctx.close()


def test_chart_helpers() -> None:
    assert nice_ticks(0, 1_234_500) == [0, 5000, 10000, 15000]
    assert nice_ticks(-5000, 10_000)[0] == -50
    assert nice_ticks(0, 0) == [0, 1]
    items = [(f"M{n:02}", n) for n in range(1, 21)]
    top = top_with_rest(items, 15, "Autres")
    assert len(top) == 16 and top[0] == ("M20", 20) and top[-1] == ("Autres", sum(range(1, 6)))


def bar_values(page: DashboardPage, chart: str) -> list[tuple[str, float]]:
    """(category, value) of a one-set bar chart, top bar first."""
    chart_ = page.charts[chart].chart()
    series: Any = chart_.series()[0]
    bars = series.barSets()[0]
    names = chart_.axes(Qt.Orientation.Vertical)[0].categories()
    return list(reversed([(names[i], bars.at(i)) for i in range(bars.count())]))


def test_charts_come_one_per_turn_and_a_large_pole_draws_the_largest_and_the_rest(
    qtbot: QtBot, demo_ctx: AppContext, french: None
) -> None:
    page = show_page(qtbot, demo_ctx, 2025)
    qtbot.waitUntil(lambda: not page.charts_pending())
    data = page.data
    assert data is not None
    summary = data.summary
    model_service = next(line for line in summary.services if line.cost_count)
    model_member = next(line for line in summary.members if line.share_cents)
    long = "Très longue « Association » & <Compagnie> l'Éclair — " + "nom " * 30
    # 200 services and 5 000 members with shares, as on the large benchmark pole
    services = tuple(
        dataclasses.replace(model_service, name=f"{long}{n}", split_cents=100 * n + 7)
        for n in range(1, 201)
    )
    members = tuple(
        dataclasses.replace(model_member, member_id=n, name=f"{long}{n}", share_cents=n)
        for n in range(1, 5001)
    )
    big = dataclasses.replace(
        data, summary=dataclasses.replace(summary, services=services, members=members)
    )
    page.show_data(big)
    # figures at once; the charts each in their own turn of the event loop
    assert page.charts_pending()
    page._next_chart()
    assert page.charts_pending()
    page.finish_charts()
    assert not page.charts_pending()
    drawn = bar_values(page, "services")
    assert len(drawn) == 16 and drawn[-1][0] == page.tr("Other services")
    assert drawn[0][1] == pytest.approx((100 * 200 + 7) / 100)
    # the bars add up to the service's total: the rest is summed, not dropped
    assert sum(value for _name, value in drawn) == pytest.approx(
        sum(line.split_cents for line in services) / 100
    )
    shares = bar_values(page, "members")
    assert len(shares) == 16 and shares[-1][0] == page.tr("Others") == "Autres"
    assert sum(value for _name, value in shares) == pytest.approx(sum(range(1, 5001)) / 100)
    # a reload that changes nothing keeps the same labels (no new widgets to polish)
    lines = list(page.todo.lines)
    rows = dict(page._category_rows)
    page.show_data(big)
    assert page.todo.lines == lines and page._category_rows == rows
