"""The Journal des modifications page: the audit trail readable in French, filtered, paged
(issue 12, item 8: the trail was write-only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.ui import make_context

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages import PAGE_FACTORIES, navigation_entries
from ptce_desktop.ui.pages import journal as journal_module
from ptce_desktop.ui.pages.journal import JournalPage
from ptce_desktop.ui.shell.context import AppContext

NAME = "Coopérative L'Éclair & <Fils> — 1 234,56 €"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = make_context(db_path)
    member = context.members.create(MemberDraft(NAME, "ess_enterprise", city="Crest"))
    context.members.update(member.id, replace(member.to_draft(), city="Die & <Diois>"))
    context.members.create(MemberDraft("Épicerie « solidaire »", "ess_enterprise"))
    yield context
    context.close()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> JournalPage:
    widget = JournalPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.resize(1100, 600)
    widget.show()
    return widget


def texts(page: JournalPage, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_the_page_is_in_the_navigation() -> None:
    keys = [entry.key for entry in navigation_entries()]
    assert "journal" in keys and keys.index("journal") < keys.index("settings")
    assert "journal" in PAGE_FACTORIES


def test_every_change_is_listed_newest_first_in_french(
    page: JournalPage, qtmodeltester: Any
) -> None:
    qtmodeltester.check(page.model)
    actions = texts(page, 1)
    assert actions[:3] == ["Créer un membre", "Modifier un membre", "Créer un membre"]
    assert "Créer le pôle" in actions[-1] or "pôle" in actions[-1].lower()
    assert texts(page, 2)[1] == "Modification"
    assert texts(page, 3)[1].startswith("Membre n° ")
    assert texts(page, 4)[1] == "Ville : Crest → Die & <Diois>"
    page.view.selectRow(1)
    details = page.details.toPlainText()
    assert "Modifier un membre" in details and "Ville : Crest → Die & <Diois>" in details
    assert NAME in details


def test_filters_by_kind_record_word_and_date(page: JournalPage, ctx: AppContext) -> None:
    member_id = ctx.members.list_members()[0].id
    page.kind.setCurrentIndex(page.kind.findData("poles"))
    page.reload()
    assert texts(page, 3) == ["Pôle n° 1"]
    page.show_record("members", member_id)
    assert set(texts(page, 3)) == {f"Membre n° {member_id}"}
    page.clear_filters()
    page.search.setText("Modifier")
    page.reload()
    assert texts(page, 1) == ["Modifier un membre"]
    page.clear_filters()
    page.since.set_date(dt.date.today() + dt.timedelta(days=1))
    page.reload()
    assert page.model.rowCount() == 0 and page.details.toPlainText() == ""


def test_a_new_change_appears_and_older_lines_page_in(
    page: JournalPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.members.create(MemberDraft("Nouveau « venu » & <co>", "ess_enterprise"))
    assert "Nouveau « venu » & <co>" in page.details.toPlainText() or any(
        "Nouveau" in text for text in texts(page, 4)
    )
    total = page.model.rowCount()
    monkeypatch.setattr(journal_module, "PAGE_SIZE", 2)
    page.reload()
    assert page.model.rowCount() == 2 and page.older.isEnabled()
    while page.older.isEnabled():
        page.load_older()
    assert page.model.rowCount() == total
    ids = [row.id for row in page.model.rows()]
    assert ids == sorted(ids, reverse=True)


def test_a_member_history_opens_from_its_detail_panel(
    page: JournalPage, ctx: AppContext, qtbot: QtBot
) -> None:
    from ptce_desktop.ui.pages.members.page import MembersPage

    members = MembersPage(ctx)
    qtbot.addWidget(members)
    members.set_fiscal_year(2025)
    member_id = next(m.id for m in ctx.members.list_members() if m.name == NAME)
    members.select_id(member_id)
    assert members.history_button.isEnabled()
    with qtbot.waitSignal(members.pageRequested) as signal:
        members.history_button.click()
    assert signal.args == [f"journal:members/{member_id}"]
    # What the window does with it (MainWindow.go_to → show_section):
    page.show_section(f"members/{member_id}")
    assert set(texts(page, 3)) == {f"Membre n° {member_id}"}
    assert texts(page, 1) == ["Modifier un membre", "Créer un membre"]


@pytest.mark.parametrize("width", [1200 - 300, 1366 - 330])
def test_the_moment_action_and_record_stay_readable_at_laptop_widths(
    page: JournalPage, width: int
) -> None:
    """At a laptop's width beside the navigation the long « Avant → après » column took the
    width and the moment read « 06/12/2026 1… »: it is whole, and the action and the record
    keep about twenty letters (the changes are read whole in the panel below)."""
    page.resize(width, 600)
    page.view.fit_width()
    header, metrics = page.view.horizontalHeader(), page.view.fontMetrics()
    moment = page.model.index(0, journal_module.WHEN).data()
    assert header.sectionSize(journal_module.WHEN) >= metrics.horizontalAdvance(moment) + 8
    for column in (journal_module.ACTION, journal_module.RECORD):
        assert header.sectionSize(column) >= metrics.averageCharWidth() * 20
    assert header.length() <= page.view.viewport().width() + 1  # no sideways scroll
    assert page.count_label.text() == f"{page.model.rowCount()} modifications affichées"
