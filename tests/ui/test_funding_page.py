"""The « Financements » page: funders, grants, budget, plan, instalments, redistributions, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from support.ui import make_context

from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.views import GrantDetail, GrantDraft, InstalmentDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.funding import page as funding_module
from ptce_desktop.ui.pages.funding.dialogs import FunderDialog, GrantDialog
from ptce_desktop.ui.pages.funding.grant_money_dialogs import InstalmentDialog, PassOnDialog
from ptce_desktop.ui.pages.funding.page import FundingPage, create_page
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner

TITLE = "Légumerie « solidaire » & <co> — équipement"
FUNDER = "Région Auvergne-Rhône-Alpes & <Drôme>"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> FundingPage:
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1300, 900)
    return widget


@pytest.fixture
def grant(ctx: AppContext) -> dict[str, int]:
    """A voted grant of 10 000 € and two members."""
    a = ctx.members.create(MemberDraft(name="Coopérative L'Éclair")).id
    b = ctx.members.create(MemberDraft(name="Mairie de Valence")).id
    funder = ctx.service(FunderService).create_funder(FunderDraft(FUNDER, "region")).id
    detail = ctx.service(GrantService).create_grant(
        GrantDraft(
            funder_id=funder,
            title=TITLE,
            amount_voted_cents=1_000_000,
            status="votee",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
        )
    )
    return {"a": a, "b": b, "funder": funder, "grant": detail.id}


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def shown(page: FundingPage) -> GrantDetail:
    detail = page.editor.detail
    assert detail is not None
    return detail


def select_grant(page: FundingPage, grant_id: int) -> None:
    page.reload()
    page.grants_panel.select_id(grant_id)
    assert page.editor.detail is not None and shown(page).id == grant_id


def test_create_a_funder_then_a_grant(
    page: FundingPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def funder(dialog: FunderDialog) -> None:
        dialog.name_edit.setText(FUNDER)
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("region"))

    page.tabs.setCurrentIndex(1)
    run_dialog(monkeypatch, FunderDialog, funder)
    created = page.new_item()
    assert created is not None
    assert page.funders_panel.model.index(0, 1).data() == "Région"

    def fill(dialog: Any) -> None:
        dialog.fields.editor("title").setText(TITLE)
        dialog.fields.editor("amount_requested_cents").setText("12 000")
        dialog.fields.editor("amount_voted_cents").setText("10 000,00 €")
        status = dialog.fields.editor("status")
        status.setCurrentIndex(status.findData("votee"))
        dialog.fields.editor("period_start").setText("01/01/2025")
        dialog.fields.editor("period_end").setText("31/12/2025")

    page.tabs.setCurrentIndex(0)
    run_dialog(monkeypatch, GrantDialog, fill)
    grant = page.new_item()
    assert grant is not None and grant.title == TITLE
    rows = page.grants_panel.model.rows()
    assert [r.title for r in rows] == [TITLE]
    texts = [plain(page.grants_panel.model.index(0, c).data()) for c in range(7)]
    assert texts[1] == FUNDER and texts[2] == "Votée" and texts[3] == "10 000,00 €"
    assert texts[6] == "0,00 €"  # reste à reverser, always a column
    assert page.editor.title.text() == TITLE
    assert plain(page.editor.remaining.text()) == "Reste à reverser : 0,00 €"
    assert "12 000,00 €" in plain(page.editor.general.toPlainText())
    assert page.funders_panel.model.rows()[0].grant_count == 1
    assert ctx.history.count() == 2


def test_an_invalid_voted_amount_is_marked(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], qtbot: QtBot
) -> None:
    dialog = GrantDialog(page.funders(), page.projects(), page.ops.create_grant, parent=page)
    qtbot.addWidget(dialog)
    title: Any = dialog.fields.editor("title")
    title.setText("Autre subvention")
    voted: Any = dialog.fields.editor("amount_voted_cents")
    voted.setText("12,345")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "12,345" in dialog.fields.errors()["amount_voted_cents"]
    assert voted.property("invalid") is True and voted.text() == "12,345"
    # "votée" without a voted amount: the service's refusal under the same field
    voted.setText("")
    status: Any = dialog.fields.editor("status")
    status.setCurrentIndex(status.findData("votee"))
    dialog.accept()
    assert "montant voté" in dialog.fields.errors()["amount_voted_cents"].lower()
    assert len(page.ops.grants.list_grants()) == 1


def test_budget_lines_are_saved_and_undone(
    page: FundingPage, ctx: AppContext, grant: dict[str, int]
) -> None:
    select_grant(page, grant["grant"])
    tab = page.editor.budget_tab
    rows = tab.model.rows()
    number = {row["cerfa"]: i for i, row in enumerate(rows)}
    assert rows[number["60"]]["_heading"] and not rows[number["604"]]["_heading"]
    model = tab.model
    model.setData(model.index(number["604"], 2), "6 000")
    model.setData(model.index(number["74_region"], 2), "10000,5")
    assert tab.dirty and "non enregistré" in tab.hint.text()
    assert tab.save()
    budget = {b.cerfa_code: b.amount_cents for b in shown(page).budget_lines}
    assert budget == {"604": 600_000, "74_region": 1_000_050}
    assert not tab.dirty and "6 000,00" in plain(tab.hint.text())
    ctx.history.undo()
    assert shown(page).budget_lines == ()
    # a wrong amount stays as typed and is explained under the table
    model.setData(model.index(number["613"], 2), "abc")
    assert not tab.save()
    assert "abc" in tab.fields.errors()["budget"] and model.row(number["613"])["amount"] == "abc"


def test_a_plan_over_100_percent_is_refused(
    page: FundingPage, ctx: AppContext, grant: dict[str, int]
) -> None:
    select_grant(page, grant["grant"])
    tab = page.editor.plan_tab
    for _ in range(2):
        tab.add_member()
    assert tab.model.rowCount() == 2
    tab.model.setData(tab.model.index(0, 2), "60")
    tab.model.setData(tab.model.index(1, 2), "40")
    tab.coordination_edit.setText("10")
    assert "110 %" in plain(tab.hint.text())
    assert not tab.save()
    message = plain(tab.fields.errors()["plan"])
    assert "110 %" in message
    assert shown(page).plan == () and tab.model.rowCount() == 2  # kept as typed
    tab.model.setData(tab.model.index(1, 2), "30")
    assert tab.save()
    assert [m.share_bp for m in shown(page).plan] == [6000, 3000]
    assert shown(page).coordination_share_bp == 1000


def test_instalment_then_pass_on_by_plan(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.services.grants.plan import PlanLine

    ctx.service(GrantService).set_plan(
        grant["grant"],
        [PlanLine(grant["a"], share_bp=6000), PlanLine(grant["b"], share_bp=3000)],
        1000,
    )
    select_grant(page, grant["grant"])

    def fill(dialog: InstalmentDialog) -> None:
        dialog.date_edit.setText("15/03/2025")
        dialog.amount_edit.setText("4 000")
        dialog.reference_edit.setText("Versement n° 1 « acompte »")

    run_dialog(monkeypatch, InstalmentDialog, fill)
    assert page.editor.instalments_tab.add() is not None
    detail = shown(page)
    assert detail.received_cents == 400_000 and detail.remaining_cents == 360_000
    assert plain(page.grants_panel.model.index(0, 6).data()) == "3 600,00 €"
    assert "Versée partiellement" in page.editor.suggestion.text()

    seen = run_dialog(monkeypatch, PassOnDialog, lambda d: d.date_edit.setText("20/03/2025"))
    made = page.editor.redistributions_tab.pass_on_by_plan()
    assert [r.amount_cents for r in made] == [240_000, 120_000]
    preview = " ".join(plain(label.text()) for label in seen[0].findChildren(QLabel))
    assert "Coopérative L'Éclair — 2 400,00 €" in preview
    assert plain(page.grants_panel.model.index(0, 6).data()) == "0,00 €"
    assert plain(page.editor.remaining.text()) == "Reste à reverser : 0,00 €"
    members = page.editor.members_tab.panel.model.rows()
    assert [(m.due_cents, m.passed_cents, m.remaining_cents) for m in members] == [
        (240_000, 240_000, 0),
        (120_000, 120_000, 0),
    ]
    ctx.history.undo()  # the pass-on, in one step
    assert shown(page).redistributions == ()
    assert plain(page.grants_panel.model.index(0, 6).data()) == "3 600,00 €"


def test_status_moves_forward_only_and_undoes(
    page: FundingPage, ctx: AppContext, grant: dict[str, int]
) -> None:
    select_grant(page, grant["grant"])
    combo = page.editor.status_combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["votee", "versee_partiellement", "soldee"]
    assert page.editor.change_status("soldee")
    assert shown(page).status == "soldee" and not combo.isEnabled()
    ctx.history.undo()  # revert_status: back to "votée"
    assert shown(page).status == "votee"


def test_report_texts_are_saved(page: FundingPage, ctx: AppContext, grant: dict[str, int]) -> None:
    select_grant(page, grant["grant"])
    tab = page.editor.report_tab
    tab.editors["bilan_qualitatif"].setPlainText("Action réussie « à 100 % » & <bravo>")
    tab.editors["remarques"].setPlainText("RAS")
    assert tab.dirty
    assert tab.save()
    texts = ctx.service(GrantService).grant_detail(grant["grant"]).report_texts
    assert texts.bilan_qualitatif == "Action réussie « à 100 % » & <bravo>"
    assert texts.remarques == "RAS" and texts.ecarts is None
    # saving the budget later does not wipe texts being typed in another tab
    tab.editors["ecarts"].setPlainText("en cours de frappe")
    page.editor.budget_tab.save()
    assert tab.editors["ecarts"].toPlainText() == "en cours de frappe"


def test_undo_a_grant_edit(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    select_grant(page, grant["grant"])
    seen = run_dialog(
        monkeypatch, GrantDialog, lambda d: d.fields.editor("title").setText("Nouveau titre")
    )
    assert page.edit_grant() is not None
    assert not seen[0].fields.editor("status").isEnabled()
    assert page.grants_panel.model.rows()[0].title == "Nouveau titre"
    ctx.history.undo()
    assert page.grants_panel.model.rows()[0].title == TITLE
    ctx.history.redo()
    assert shown(page).title == "Nouveau titre"


def test_delete_a_funder_with_grants_is_refused(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(funding_module, "confirm", lambda *args: True)
    # another funder, so the re-created one cannot get its old id back
    ctx.service(FunderService).create_funder(FunderDraft("Fondation « Autre »", "prive"))
    page.tabs.setCurrentIndex(1)
    page.reload()
    page.funders_panel.select_id(grant["funder"])
    assert not page.delete_funder()
    assert ctx.presenter.codes() == ["funder_has_grants"]  # type: ignore[attr-defined]
    assert FUNDER in page.funder_message.text()
    assert len(page.funders_panel.model.rows()) == 2
    # the grant goes (undoably), then the funder can go
    page.tabs.setCurrentIndex(0)
    page.grants_panel.select_id(grant["grant"])
    assert page.delete_grant()
    page.funders_panel.select_id(grant["funder"])
    assert page.delete_funder() and page.funders_panel.model.rowCount() == 1
    ctx.history.undo()  # the funder comes back under a new id
    ctx.history.undo()  # the grant comes back, with that funder
    assert [(r.title, r.funder_name) for r in page.grants_panel.model.rows()] == [(TITLE, FUNDER)]
    assert page.grants_panel.model.rows()[0].funder_id != grant["funder"]


def test_search_filters_the_grants(
    page: FundingPage, ctx: AppContext, grant: dict[str, int]
) -> None:
    funder = grant["funder"]
    ctx.service(GrantService).create_grant(GrantDraft(funder_id=funder, title="Fonds européen FSE"))
    page.focus_search()
    page.grants_panel.search.setText("legumerie")
    assert page.grants_panel.proxy.rowCount() == 1


def test_models_pass_the_model_tester(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], qtmodeltester: Any
) -> None:
    grants = ctx.service(GrantService)
    grants.add_instalment(grant["grant"], InstalmentDraft(dt.date(2025, 2, 1), 100_000, "A <&>"))
    from ptce_desktop.services.grants.redistributions import RedistributionService

    ctx.service(RedistributionService).record_redistribution(
        grant["grant"], grant["a"], dt.date(2025, 2, 2), 10_000, "à la main", force=True
    )
    select_grant(page, grant["grant"])
    page.editor.plan_tab.add_member()
    editor = page.editor
    for model in (
        page.grants_panel.model,
        page.grants_panel.proxy,
        page.funders_panel.model,
        page.funders_panel.proxy,
        editor.budget_tab.model,
        editor.plan_tab.model,
        editor.instalments_tab.panel.model,
        editor.redistributions_tab.panel.model,
        editor.members_tab.panel.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_passing_on_more_than_due_asks_first(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.ui.pages.funding import grant_money_dialogs
    from ptce_desktop.ui.pages.funding.grant_money_dialogs import RedistributionDialog

    ctx.service(GrantService).add_instalment(
        grant["grant"], InstalmentDraft(dt.date(2025, 2, 1), 100_000)
    )
    select_grant(page, grant["grant"])
    answers: list[str] = []

    def ask(_parent: Any, message: str) -> bool:
        answers.append(message)
        return len(answers) > 1  # "no" the first time, "yes" the second

    monkeypatch.setattr(grant_money_dialogs, "confirm_over_redistribution", ask)

    def fill(dialog: Any) -> None:
        dialog.member_combo.setCurrentIndex(dialog.member_combo.findData(grant["a"]))
        dialog.date_edit.setText("10/02/2025")
        dialog.amount_edit.setText("250")

    seen = run_dialog(monkeypatch, RedistributionDialog, fill)
    assert page.editor.redistributions_tab.add() is None  # refused: outside the plan
    assert "250,00" in plain(seen[0].fields.errors()["amount_cents"])
    assert seen[0].amount_edit.text() == "250,00"
    made = page.editor.redistributions_tab.add()  # asked again, accepted this time
    assert made is not None and made.amount_cents == 25_000
    assert [m.passed_cents for m in shown(page).plan] == [25_000]
    ctx.history.undo()
    assert shown(page).redistributions == ()


def test_a_grant_with_money_cannot_be_deleted(
    page: FundingPage, ctx: AppContext, grant: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.service(GrantService).add_instalment(
        grant["grant"], InstalmentDraft(dt.date(2025, 2, 1), 100_000)
    )
    select_grant(page, grant["grant"])
    monkeypatch.setattr(funding_module, "confirm", lambda *args: True)
    assert not page.delete_grant()
    assert ctx.presenter.codes() == ["grant_has_money"]  # type: ignore[attr-defined]
    assert page.grants_panel.model.rowCount() == 1


def test_read_only_file_disables_changes(db_path: Path, qtbot: QtBot) -> None:
    from support.ui import RecordingPresenter

    from ptce_desktop.ui.shell.context import open_context

    make_context(db_path).close()
    ctx = open_context(
        db_path, read_only=True, runner=Runner(inline=True), presenter=RecordingPresenter()
    )
    try:
        widget = FundingPage(ctx)
        qtbot.addWidget(widget)
        widget.set_fiscal_year(2025)
        assert not widget.add_grant_button.isEnabled()
        assert not widget.add_funder_button.isEnabled()
        assert widget.new_item() is None
    finally:
        ctx.close()


def test_funder_notes_sit_beside_their_label(qtbot: QtBot, french: None) -> None:
    """The room the dialog has beyond its fields used to push the notes box down, away from
    « Notes » (the label stayed at the row's top)."""
    dialog = FunderDialog(lambda draft: draft)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Fondation « Éclair » & <co> l'été")
    dialog.show()
    qtbot.waitExposed(dialog)
    caption = next(c for c in dialog.fields.captions if c.buddy() is dialog.notes_edit)
    label_top = caption.mapTo(dialog, caption.rect().topLeft()).y()
    box_top = dialog.notes_edit.mapTo(dialog, dialog.notes_edit.rect().topLeft()).y()
    assert abs(box_top - label_top) <= 8
