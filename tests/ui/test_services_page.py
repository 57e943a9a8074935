"""The Services mutualisés page end to end: list with the year's figures, dialog with every
field, budgets, users, delete, undo/redo, inline validation, models under the tester."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter, give_shares, make_context

from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.services.dialogs import BudgetDialog, ServiceDialog
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Runner

NAME = "Locaux partagés « Maison de l'Œuvre » & <Crest> — très long nom " + "é" * 60


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def services(ctx: AppContext) -> SharedServiceService:
    return ctx.service(SharedServiceService)


@pytest.fixture
def members(ctx: AppContext) -> list[int]:
    names = ["Coopérative L'Éclair & Fils", "Association <Les Jardins>", "Mairie de Crest"]
    return [ctx.members.create(MemberDraft(name=name)).id for name in names]


@pytest.fixture
def key_id(ctx: AppContext, members: list[int]) -> int:
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft("Surface (m²)", "units", "m²"))
    keys.add_version(
        key, VersionDraft(dt.date(2024, 1, 1), {members[0]: 75_000, members[1]: 25_000})
    )
    return key


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, members: list[int], french: None) -> ServicesPage:
    widget = ServicesPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1200, 700)
    return widget


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


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def names(page: ServicesPage) -> list[str]:
    return [row.view.name for row in page.model.rows()]


def cells(page: ServicesPage, row: int = 0) -> dict[str, str]:
    model = page.model
    return {
        model.headerData(c, Qt.Orientation.Horizontal): plain(model.index(row, c).data() or "")
        for c in range(model.columnCount())
    }


def choose(combo: Any, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_create_a_service_with_every_field_then_undo_and_redo(
    page: ServicesPage,
    ctx: AppContext,
    services: SharedServiceService,
    members: list[int],
    key_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill(dialog: Any) -> None:
        editor = dialog.fields.editor
        editor("name").setText(NAME)
        editor("category").setCurrentText("Locaux")
        editor("description").setPlainText("Bureaux, salle & accueil <RDC>")
        choose(editor("vat_regime"), "taxable")
        assert editor("vat_rate_bp").isEnabled() and editor("vat_rate_bp").text() == "20"
        editor("vat_rate_bp").setText("5,5")
        choose(editor("key_id"), key_id)
        choose(editor("carrier_member_id"), members[2])
        editor("active_from").setText("01/01/2024")
        editor("active_to").setText("31/12/2027")

    run_dialog(monkeypatch, ServiceDialog, fill)
    service_id = page.new_item()
    assert service_id is not None and names(page) == [NAME.strip()]
    view = services.get_service(service_id)
    assert (view.vat_regime.value, view.vat_rate_bp, view.key_id) == ("taxable", 550, key_id)
    assert view.carrier_name == "Mairie de Crest" and view.active_to == dt.date(2027, 12, 31)
    row = cells(page)
    assert row["TVA"] == "TVA 5,5 %" and row["Clé"] == "Surface (m²)"
    assert row["Membre porteur"] == "Mairie de Crest"
    assert row["Actif"] == "du 01/01/2024 au 31/12/2027"
    assert page.selected_id() == service_id
    assert "Bureaux, salle &amp; accueil &lt;RDC&gt;" in page.detail.header.text()
    ctx.history.undo()
    assert names(page) == []
    ctx.history.redo()
    assert names(page) == [NAME.strip()]


def test_an_exempt_service_says_so_and_has_no_rate(
    page: ServicesPage, services: SharedServiceService, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dialog(monkeypatch, ServiceDialog, lambda d: d.fields.editor("name").setText("Accueil"))
    page.new_item()
    assert cells(page)["TVA"] == "Exonéré 261 B"
    dialog_rate = services.get_service(page.model.rows()[0].id).vat_rate_bp
    assert dialog_rate == 0


def test_validation_messages_are_shown_under_their_fields(
    page: ServicesPage, ctx: AppContext, services: SharedServiceService, qtbot: QtBot
) -> None:
    services.create_service(ServiceDraft("Informatique"))
    dialog = ServiceDialog(page.edits, None, [], [], [], page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Nom" in dialog.fields.errors()["name"]
    editor: Any = dialog.fields.editor
    editor("name").setText("Informatique")
    dialog.accept()
    assert "s'appelle déjà « Informatique »" in dialog.fields.errors()["name"]
    editor("name").setText("Téléphonie & <réseau>")
    choose(editor("vat_regime"), "taxable")
    editor("vat_rate_bp").setText("abc")
    dialog.accept()
    assert "abc" in dialog.fields.errors()["vat_rate_bp"]
    editor("vat_rate_bp").setText("0")
    dialog.accept()
    assert "taux supérieur à 0" in dialog.fields.errors()["vat_rate_bp"]
    editor("vat_rate_bp").setText("20")
    editor("active_from").setText("01/06/2025")
    editor("active_to").setText("01/01/2025")
    dialog.accept()
    assert "antérieure" in dialog.fields.errors()["active_to"]
    assert editor("name").text() == "Téléphonie & <réseau>"  # nothing typed is lost
    assert dialog.result() != QDialog.DialogCode.Accepted and ctx.history.count() == 0


def test_change_the_key_recomputes_shares_and_says_so(
    page: ServicesPage,
    ctx: AppContext,
    services: SharedServiceService,
    members: list[int],
    key_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    money = give_shares(ctx, members)  # equal key, one 2025 cost of 1 200,00 €
    page.reload()
    page.select_id(money.service_id)
    before = {u.member_id: u.shares_cents for u in services.service_users(money.service_id, 2025)}
    assert before == {members[0]: 40_000, members[1]: 40_000, members[2]: 40_000}
    run_dialog(monkeypatch, ServiceDialog, lambda d: choose(d.fields.editor("key_id"), key_id))
    assert page.edit_selected() == money.service_id
    assert page.last_message == (
        "Service enregistré ; les quotes-parts de 1 charge ont été recalculées."
    )
    users = {u.member_id: u.shares_cents for u in services.service_users(money.service_id, 2025)}
    assert users == {members[0]: 90_000, members[1]: 30_000}
    users_text = [
        [plain(page.detail.users_proxy.index(r, c).data()) for c in range(3)]
        for r in range(page.detail.users_proxy.rowCount())
    ]
    assert ["Coopérative L'Éclair & Fils", "75,00 %", "900,00 €"] in users_text
    assert cells(page)["Réparti"] == "1 200,00 €" and cells(page)["Charges"] == "1 200,00 €"
    ctx.history.undo()
    again = {u.member_id: u.shares_cents for u in services.service_users(money.service_id, 2025)}
    assert again == before


def test_set_and_remove_the_budget_of_the_year_with_undo(
    page: ServicesPage,
    ctx: AppContext,
    services: SharedServiceService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service_id = services.create_service(ServiceDraft("Comptabilité & paie"))
    services.set_budget(service_id, 2024, 1_000_000)
    page.reload()
    page.select_id(service_id)
    assert page.detail.set_budget_button.text() == "Fixer le &budget 2025…"
    assert not page.detail.remove_budget_button.isEnabled()

    def fill(dialog: Any) -> None:
        assert dialog.fields.editor("amount_cents").text() == ""
        dialog.fields.editor("amount_cents").setText("12 345,67 €")

    run_dialog(monkeypatch, BudgetDialog, fill)
    assert page.set_budget()
    assert cells(page)["Budget"] == "12 345,67 €"
    assert dict(services.get_service(service_id).budgets) == {2024: 1_000_000, 2025: 1_234_567}
    assert page.detail.budgets_model.rowCount() == 2
    assert page.detail.remove_budget_button.isEnabled()
    asked = answer_yes(monkeypatch)
    assert page.remove_budget()
    assert "2025" in asked[0] and cells(page)["Budget"] == ""
    ctx.history.undo()  # the removal
    assert cells(page)["Budget"] == "12 345,67 €"
    ctx.history.undo()  # the budget set
    assert dict(services.get_service(service_id).budgets) == {2024: 1_000_000}
    page.set_fiscal_year(2024)
    assert cells(page)["Budget"] == "10 000,00 €"


def test_a_bad_budget_is_explained_and_kept(
    page: ServicesPage, ctx: AppContext, services: SharedServiceService, qtbot: QtBot
) -> None:
    service_id = services.create_service(ServiceDraft("Véhicules"))
    view = services.get_service(service_id)
    dialog = BudgetDialog(page.edits, view, 2025, "2025", page)
    qtbot.addWidget(dialog)
    dialog.fields.editor("amount_cents").setText("12,345")
    dialog.accept()
    assert "12,345" in dialog.fields.errors()["amount_cents"]
    dialog.fields.editor("amount_cents").setText("-5")
    dialog.accept()
    assert "Budget 2025" in dialog.fields.errors()["amount_cents"]
    assert dialog.fields.editor("amount_cents").text() == "-5,00"  # tidied, kept
    assert ctx.history.count() == 0


def test_delete_then_undo_brings_the_budgets_back(
    page: ServicesPage,
    ctx: AppContext,
    services: SharedServiceService,
    key_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service_id = services.create_service(
        ServiceDraft("Énergie <fluides>", key_id=key_id, category="Locaux")
    )
    services.set_budget(service_id, 2025, 250_000)
    services.create_service(ServiceDraft("Zone témoin"))  # a newer service: no rowid reuse
    page.reload()
    page.select_id(service_id)
    asked = answer_yes(monkeypatch)
    assert page.delete_selected()
    assert "Énergie <fluides>" in asked[0] and names(page) == ["Zone témoin"]
    ctx.history.undo()
    row = next(r for r in page.model.rows() if r.view.name == "Énergie <fluides>")
    assert row.view.key_id == key_id and row.view.category == "Locaux"
    assert row.view.budgets == ((2025, 250_000),)
    ctx.history.redo()
    assert names(page) == ["Zone témoin"]


def test_a_service_with_costs_is_not_deleted(
    page: ServicesPage, ctx: AppContext, members: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    money = give_shares(ctx, members)
    page.reload()
    page.select_id(money.service_id)
    answer_yes(monkeypatch)
    assert not page.delete_selected()
    presenter: RecordingPresenter = ctx.presenter  # type: ignore[assignment]
    assert presenter.codes() == ["service_has_costs"]
    assert len(page.model.rows()) == 1 and ctx.history.count() == 0


def test_the_search_and_the_totals_line(page: ServicesPage, services: SharedServiceService) -> None:
    for name, category in (("Accueil", "Secrétariat"), ("Écran & réseau", "Informatique")):
        service_id = services.create_service(ServiceDraft(name, category=category))
        services.set_budget(service_id, 2025, 100_000)
    assert plain(page.count_label.text()) == ("2 services — budgets 2 000,00 € · réparti 0,00 €")
    page.focus_search()
    page.search.setText("ecran informatique")
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == [
        "Écran & réseau"
    ]
    assert page.count_label.text().startswith("Affichage : 1 sur 2 services")


def test_models_pass_the_model_tester(
    page: ServicesPage, ctx: AppContext, members: list[int], qtmodeltester: Any
) -> None:
    money = give_shares(ctx, members)
    ctx.service(SharedServiceService).set_budget(money.service_id, 2025, 500_000)
    page.reload()
    page.select_id(money.service_id)
    for model in (
        page.model,
        page.proxy,
        page.detail.users_model,
        page.detail.users_proxy,
        page.detail.budgets_model,
    ):
        qtmodeltester.check(model)


def test_read_only_file_disables_changes(db_path: Path, qtbot: QtBot) -> None:
    context = make_context(db_path)
    context.service(SharedServiceService).create_service(ServiceDraft("Accueil"))
    context.close()
    ctx = open_context(
        db_path, read_only=True, runner=Runner(inline=True), presenter=RecordingPresenter()
    )
    try:
        widget = ServicesPage(ctx)
        qtbot.addWidget(widget)
        widget.set_fiscal_year(2025)
        widget.select_id(widget.model.rows()[0].id)
        assert not widget.add_button.isEnabled() and not widget.delete_button.isEnabled()
        assert not widget.detail.set_budget_button.isEnabled()
        assert widget.edit_button.isEnabled()
        assert widget.new_item() is None and not widget.set_budget()
    finally:
        ctx.close()
