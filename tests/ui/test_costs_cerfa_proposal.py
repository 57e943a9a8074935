"""Charges ▸ the detail of a cost without a Cerfa line: the line proposed from its service (the
rule the Cerfa 15059 lists it with), accepted in one undoable edit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot
from support.ui import give_shares

from ptce_desktop.domain.cerfa import cerfa_line
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.cerfa_proposal import CerfaProposalService, proposal_for
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.costs.detail import CostDetailPanel
from ptce_desktop.ui.pages.costs.dialog import CostDialog
from ptce_desktop.ui.pages.costs.parts import CostChoices
from ptce_desktop.ui.shell.context import AppContext

LONG = "Loyer des locaux « Maison de la coopération » & <annexe> — l'€ " * 3


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def panel(qtbot: QtBot, ctx: AppContext, french: None) -> CostDetailPanel:
    widget = CostDetailPanel(ctx)
    qtbot.addWidget(widget)
    return widget


def costs_without_line(ctx: AppContext) -> tuple[int, int, int]:
    """A rent on a « Locaux » service, a cost no word matches, a cost with its line."""
    member = ctx.members.create(MemberDraft(name="Coopérative L'Éclair <Fils>")).id
    money = give_shares(ctx, [member])  # « Accueil & secrétariat <partagé> », line 613 set
    services = ctx.service(SharedServiceService)
    key_id = services.get_service(money.service_id).key_id
    premises = services.create_service(
        ServiceDraft(name="Maison commune & <annexe>", key_id=key_id, category="Locaux")
    )
    other = services.create_service(ServiceDraft(name="Divers « pôle »", key_id=key_id))
    costs = ctx.service(CostService)
    base = CostDraft(
        service_id=premises,
        invoice_date=dt.date(2025, 3, 15),
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 3, 31),
        label=LONG.strip(),
        ht_cents=120_000,
        vat_cents=0,
        ttc_cents=120_000,
    )
    rent = costs.create_cost(base)
    misc = costs.create_cost(replace(base, service_id=other, label="Frais « divers »"))
    return rent, misc, money.cost_id


def test_a_cost_without_line_shows_the_proposal_and_accepts_it_undoably(
    panel: CostDetailPanel, ctx: AppContext
) -> None:
    rent, _misc, _classified = costs_without_line(ctx)
    panel.show_cost(rent)
    assert not panel.proposal_box.isHidden()
    assert panel.proposal_label.text().endswith(": 613 – Locations")
    assert not panel.use_proposal_button.isHidden()
    assert panel.accept_proposal()
    costs = ctx.service(CostService)
    assert costs.get_cost(rent).cost.cerfa_code == "613"
    assert panel.proposal_box.isHidden()  # it has its line now
    assert "613" in ctx.history.undoText() and LONG[:39] + "…" in ctx.history.undoText()
    ctx.history.undo()
    assert costs.get_cost(rent).cost.cerfa_code is None
    ctx.history.redo()
    assert costs.get_cost(rent).cost.cerfa_code == "613"
    assert costs.get_cost(rent).cost.label == LONG.strip()  # nothing else changed


def test_no_word_matches_says_what_to_do_and_offers_nothing(
    panel: CostDetailPanel, ctx: AppContext
) -> None:
    _rent, misc, classified = costs_without_line(ctx)
    panel.show_cost(misc)
    assert not panel.proposal_box.isHidden() and panel.use_proposal_button.isHidden()
    assert panel.proposal_label.text() and "613" not in panel.proposal_label.text()
    assert not panel.accept_proposal()
    panel.show_cost(classified)
    assert panel.proposal_box.isHidden()
    panel.show_cost(None)
    assert panel.proposal_box.isHidden()


def test_the_service_and_the_cerfa_builder_share_one_rule(ctx: AppContext) -> None:
    rent, misc, classified = costs_without_line(ctx)
    proposals = ctx.service(CerfaProposalService)
    found = proposals.for_cost(rent)
    assert found == proposal_for("Locaux", "Maison commune & <annexe>", LONG)
    assert found is not None and found.code == "613"
    assert found.label == cerfa_line("613").label_fr
    assert proposals.for_cost(misc) is None
    assert proposals.for_cost(classified) is None  # it has its line: nothing to propose


def test_the_cost_dialog_proposes_a_line_while_none_is_chosen(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    _rent, _misc, _classified = costs_without_line(ctx)
    services = {s.name: s.service_id for s in ctx.service(SharedServiceService).list_services(2025)}
    choices = CostChoices(
        sorted((i, n) for n, i in services.items()), [], dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    )
    dialog = CostDialog(ctx.service(CostService), ctx.history, choices)
    qtbot.addWidget(dialog)
    editor = dialog.fields.editor
    service, cerfa = editor("service_id"), editor("cerfa_code")
    service.setCurrentIndex(service.findData(services["Divers « pôle »"]))
    editor("label").setText("Frais « divers » & <autres>")
    dialog.update_preview()
    assert dialog.proposal is None and dialog.proposal_row.isHidden()
    editor("label").setText("Loyer du local de stockage — l'€")  # the label's words count too
    dialog.update_preview()
    assert dialog.proposal is not None and not dialog.proposal_row.isHidden()
    assert dialog.proposal_label.text().endswith(": 613 – Locations")
    assert dialog.accept_proposal()
    assert cerfa.currentData() == "613" and dialog.proposal_row.isHidden()
    cerfa.setCurrentIndex(0)  # « (aucune) » again: proposed again
    service.setCurrentIndex(service.findData(services["Maison commune & <annexe>"]))
    editor("label").setText("Ménage")
    dialog.update_preview()
    assert dialog.proposal is not None and dialog.proposal.code == "613"  # from its category
    assert not dialog.proposal_row.isHidden()
