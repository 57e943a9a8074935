"""Paramètres opens fast (issue #18): the accounting, e-mail and backup sections are built when
first shown, and the lead member's choices are read off the GUI thread — the current lead
stays chosen (and saved as is) while the list is on its way."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.pole import PoleDraft
from ptce_desktop.ui.exports.accounting_box import AccountingBox
from ptce_desktop.ui.pages.settings.emails import EmailTextsBox
from ptce_desktop.ui.pages.settings.page import SettingsPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner

LEAD = "Coopérative « L'Éclair » & <Fils> — " + "très " * 30 + "longue"


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> SettingsPage:
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    return widget


def test_sections_are_built_on_their_first_showing(page: SettingsPage) -> None:
    assert not any(page.is_built(name) for name in ("accounting", "emails", "backups"))
    page.show_section("emails")
    assert page.is_built("emails") and not page.is_built("accounting")
    holder: Any = page.tabs.currentWidget()
    assert isinstance(page.emails, EmailTextsBox) and holder.isAncestorOf(page.emails)
    page.tabs.setCurrentIndex(4)  # the user clicks « Export comptable »
    assert page.is_built("accounting") and isinstance(page.accounting, AccountingBox)
    assert page.tabs.currentWidget().isAncestorOf(page.accounting)
    assert not page.is_built("backups")
    assert page.save_bar.isHidden()  # a section that acts at once: no save bar


def test_a_pole_change_reloads_only_the_sections_built(page: SettingsPage) -> None:
    page.show_section("emails")
    reloaded: list[str] = []
    page.emails.reload = lambda: reloaded.append("emails")  # type: ignore[method-assign]
    page.refresh(None)  # "everything changed" (the pole's identity among it)
    assert reloaded == ["emails"] and not page.is_built("accounting")


def test_the_lead_stays_chosen_while_the_members_are_read(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    lead = ctx.members.create(MemberDraft(name=LEAD))
    other = ctx.members.create(MemberDraft(name="Mairie de Valence & <Drôme>"))
    current = ctx.pole.get()
    assert current is not None
    draft: PoleDraft = current.to_draft()
    ctx.pole.update(draft.__class__(**{**draft.__dict__, "lead_member_id": lead.id}))
    queued: list[Any] = []

    class Later(Runner):
        """Keeps the work for the test to finish, as a worker would later."""

        def run(self, work: Any, **callbacks: Any) -> Any:  # type: ignore[override]
            queued.append((work, callbacks))
            return None

    ctx.runner = Later(inline=True)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    combo = page.fields.editor("lead_member_id")
    # at once: the current lead only, chosen — a save now keeps it
    assert combo.currentData() == lead.id and combo.currentText() == LEAD
    assert page.draft().lead_member_id == lead.id
    # the list arrives: every member, the lead still chosen
    work, callbacks = queued[-1]
    callbacks["on_done"](work(lambda *_: None))
    assert combo.findData(other.id) > 0 and combo.currentData() == lead.id
    assert combo.itemText(0) == page.tr("(none)")
    # an older read arriving after a newer one is dropped
    combo.setCurrentIndex(combo.findData(other.id))
    page._fill_lead_members()
    _work, stale = queued[-2]
    stale["on_done"]((0, [(lead.id, LEAD)]))
    assert combo.findData(other.id) > 0 and combo.currentData() == other.id


def test_the_fiscal_years_are_read_on_a_worker(
    qtbot: QtBot, ctx: AppContext, french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from ptce_desktop.services.pole.fiscal_years import FiscalYearService

    threads: list[str] = []
    real = FiscalYearService.list_years

    def spied(self: FiscalYearService) -> Any:
        threads.append(threading.current_thread().name)
        return real(self)

    monkeypatch.setattr(FiscalYearService, "list_years", spied)
    runner = Runner(inline=False)
    ctx.runner = runner
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.years.loads.loading and page.years.model.rowCount() == 0
    qtbot.waitUntil(lambda: not page.years.loads.loading, timeout=10_000)
    assert threads and threading.main_thread().name not in threads
    labels = [view.label for view in page.years.model.rows()]
    assert labels == [view.label for view in real(ctx.fiscal_years)] and labels
    assert page.years.selected() is not None  # the first one, as before
    assert runner.wait()
