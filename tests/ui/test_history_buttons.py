"""« Historique… » on every detail panel (#12 item 8): services, keys, costs and grants, like
members, ask the window for the Journal page filtered on the shown record, through the one
shared button (ui/widgets/history.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.views import GrantDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.pages.funding.page import FundingPage
from ptce_desktop.ui.pages.journal import JournalPage
from ptce_desktop.ui.pages.keys.page import KeysPage
from ptce_desktop.ui.pages.members.page import MembersPage
from ptce_desktop.ui.pages.scaffold import select_row
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.history import HistoryButton, history_target

D = dt.date
LONG = "Locaux partagés & accueil <RDC> — l'€ " + "très long nom " * 8


def _world(ctx: AppContext) -> dict[str, int]:
    member = ctx.members.create(MemberDraft(name=LONG, joined_on=D(2020, 1, 1))).id
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name="Surface (m²) & <co>", method="units", unit="m²"))
    keys.add_version(key, VersionDraft(D(2025, 1, 1), {member: 120_000}))
    services = ctx.service(SharedServiceService)
    service = services.create_service(ServiceDraft(name=LONG, key_id=key))
    services.update_service(service, ServiceDraft(name=LONG + " bis", key_id=key))
    cost = ctx.service(CostService).create_cost(
        CostDraft(service_id=service, invoice_date=D(2025, 1, 31), period_start=D(2025, 1, 1),
                  period_end=D(2025, 1, 31), label="Loyer janvier « RDC » & <co>",
                  ht_cents=100_001, vat_cents=0, ttc_cents=100_001)
    )  # fmt: skip
    funder = ctx.service(FunderService).create_funder(
        FunderDraft(name="Région & <Drôme>", type="region")
    )
    grant = (
        ctx.service(GrantService)
        .create_grant(
            GrantDraft(
                funder_id=funder.id,
                title="Soutien PTCE 2025 l'€ & <x>",
                amount_voted_cents=3_000_000,
                status="votee",
                period_start=D(2025, 1, 1),
                period_end=D(2025, 12, 31),
            )
        )
        .id
    )
    return {"members": member, "allocation_keys": key, "shared_services": service,
            "costs": cost, "grants": grant}  # fmt: skip


def _select(page: Any, entity: str, record_id: int) -> None:
    if isinstance(page, FundingPage):
        page.grants_panel.select_id(record_id)
    elif isinstance(page, KeysPage):
        assert select_row(page.view, page.proxy, lambda row: row.key.id == record_id)
    else:
        page.select_id(record_id)


PAGES: list[tuple[str, Callable[[AppContext], Any]]] = [
    ("members", MembersPage),
    ("shared_services", ServicesPage),
    ("allocation_keys", KeysPage),
    ("costs", CostsPage),
    ("grants", FundingPage),
]


def test_the_target_names_the_table_and_the_record() -> None:
    assert history_target("costs", 42) == "journal:costs/42"


@pytest.mark.parametrize(("entity", "make"), PAGES, ids=[entity for entity, _ in PAGES])
def test_each_detail_panel_opens_its_record_history(
    ctx: AppContext, qtbot: QtBot, french: None, entity: str, make: Callable[[AppContext], Any]
) -> None:
    empty = make(ctx)  # nothing to show yet: nothing to ask
    qtbot.addWidget(empty)
    empty.set_fiscal_year(2025)
    assert not empty.history_button.isEnabled()
    ids = _world(ctx)
    page = make(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    _select(page, entity, ids[entity])
    button = page.history_button
    assert isinstance(button, HistoryButton)  # the one shared button
    assert button.isEnabled() and "&" in button.text()
    with qtbot.waitSignal(page.pageRequested) as signal:
        button.click()
    assert signal.args == [f"journal:{entity}/{ids[entity]}"]
    # what the window does with it (MainWindow.go_to → the journal's show_section)
    journal = JournalPage(ctx)
    qtbot.addWidget(journal)
    journal.show_section(signal.args[0].partition(":")[2])
    assert journal.model.rowCount() >= 1
    records = {journal.model.index(row, 3).data() for row in range(journal.model.rowCount())}
    assert records == {next(iter(records))} and records.pop().endswith(f"n° {ids[entity]}")
