"""Checks before confirmations (#15 item 4): a deletion that will be refused is never confirmed
first; the confirmation says what will happen."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME, give_shares

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.members import page as members_module
from ptce_desktop.ui.pages.members.page import MembersPage
from ptce_desktop.ui.shell.context import AppContext


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> MembersPage:
    widget = MembersPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.set_fiscal_year(2025)
    widget.resize(1100, 600)
    return widget


def test_a_member_in_use_is_not_confirmed_then_refused(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    used = ctx.members.create(MemberDraft(name="Scop « L'Avenir » & <co>"))
    other = ctx.members.create(MemberDraft(name=LONG_NAME))
    give_shares(ctx, [used.id, other.id])
    free = ctx.members.create(MemberDraft(name="Sans écriture & <co>"))
    page.reload()
    asked: list[str] = []
    offered: list[str] = []
    monkeypatch.setattr(
        members_module, "confirm_delete", lambda parent, name: asked.append(name) or True
    )

    def offer(parent: Any, message: str) -> bool:
        offered.append(message)
        return False  # cancel: nothing happens

    monkeypatch.setattr(members_module, "ask_archive_instead", offer)
    assert ctx.members.delete_problem(used.id) is not None
    assert ctx.members.delete_problem(free.id) is None
    page.select_id(used.id)
    assert not page.delete_selected()
    assert asked == []  # never « vous pourrez annuler » before a refusal
    assert "quote-part" in offered[0]
    assert ctx.members.get(used.id).left_on is None
    page.select_id(free.id)
    assert page.delete_selected()
    assert asked == ["Sans écriture & <co>"] and len(offered) == 1


def test_a_funder_with_grants_is_not_confirmed_then_refused(
    qtbot: QtBot, ctx: AppContext, french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_funding_page import grant as make_grant

    from ptce_desktop.ui.pages.funding import page as funding_module

    ids = make_grant.__wrapped__(ctx)  # type: ignore[attr-defined]
    page = funding_module.create_page(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2025)
    asked: list[str] = []
    monkeypatch.setattr(funding_module, "confirm", lambda *args: asked.append(args[2]) or True)
    page.tabs.setCurrentIndex(1)
    page.reload()
    page.funders_panel.select_id(ids["funder"])
    assert not page.delete_funder()
    assert asked == []  # never « vous pourrez annuler » before a refusal
    assert ctx.presenter.codes() == ["funder_has_grants"]  # type: ignore[attr-defined]
