"""The Membres page end to end: list, search, dialog, archive, delete, undo/redo, detail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import LONG_NAME, VALID_SIRET, give_shares, make_context

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.members import page as members_module
from ptce_desktop.ui.pages.members.dialog import MemberDialog
from ptce_desktop.ui.pages.members.page import ArchiveDialog, MembersPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner

NAME = "Coopérative L'Éclair & <Fils> — " + "très long nom " * 8


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> MembersPage:
    widget = MembersPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1100, 600)
    return widget


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Replace ``cls.exec`` (modal, blocks offscreen) by: fill the fields, press OK."""
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def names(page: MembersPage) -> list[str]:
    return [row.name for row in page.model.rows()]


def test_create_with_accents_and_figures(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.fields.editor("name").setText(NAME)
        dialog.fields.editor("siret").setText("732 829 320 00074")
        dialog.fields.editor("city").setText("Crest")
        dialog.fields.editor("joined_on").setText("01/02/2024")
        dialog.fields.editor("etp_milli").setText("12,5")
        dialog.fields.editor("turnover_cents").setText("1 234,56 €")

    run_dialog(monkeypatch, MemberDialog, fill)
    created = page.new_item()
    assert created is not None and created.name == NAME.strip()
    assert names(page) == [NAME.strip()]
    row = page.model.rows()[0]
    assert row.siret == VALID_SIRET and row.joined_on == dt.date(2024, 2, 1)
    assert row.figures is not None and row.figures.etp_milli == 12500
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert "12,5" in texts and "01/02/2024" in texts and "Actif" in texts
    assert page.selected_id() == created.id
    assert "Coopérative L'Éclair & <Fils>" in page.detail.toPlainText()  # escaped, shown as is
    assert "1 234,56" in page.detail.toPlainText().replace("\u202f", " ").replace("\xa0", " ")
    assert ctx.history.count() == 1


def test_long_name_and_category(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.fields.editor("name").setText(LONG_NAME[:200])
        combo = dialog.fields.editor("category")
        combo.setCurrentIndex(combo.findData("local_authority"))

    run_dialog(monkeypatch, MemberDialog, fill)
    page.new_item()
    assert page.model.rows()[0].category == "local_authority"
    assert page.model.index(0, 2).data() == MemberCategory.LOCAL_AUTHORITY.label("fr")
    assert page.model.index(0, 0).data() == LONG_NAME[:200].strip()


def test_edit_then_undo_and_redo(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = ctx.members.create(MemberDraft(name="Atelier Bois & Co"))
    page.reload()
    page.select_id(member.id)

    def fill(dialog: Any) -> None:
        assert dialog.fields.editor("name").text() == "Atelier Bois & Co"
        dialog.fields.editor("name").setText("Atelier Bois & Cie — Crest")
        dialog.fields.editor("headcount").setText("7")

    run_dialog(monkeypatch, MemberDialog, fill)
    assert page.edit_selected() is not None
    assert names(page) == ["Atelier Bois & Cie — Crest"]
    assert ctx.members.member_detail(member.id, 2025).figures.headcount == 7

    ctx.history.undo()
    assert names(page) == ["Atelier Bois & Co"]
    assert ctx.members.member_detail(member.id, 2025).figures is None
    ctx.history.redo()
    assert names(page) == ["Atelier Bois & Cie — Crest"]
    assert ctx.members.member_detail(member.id, 2025).figures.headcount == 7


def test_undo_and_redo_of_a_create_then_an_edit(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dialog(monkeypatch, MemberDialog, lambda d: d.fields.editor("name").setText("Épicerie"))
    created = page.new_item()
    assert created is not None
    run_dialog(
        monkeypatch, MemberDialog, lambda d: d.fields.editor("name").setText("Épicerie du coin")
    )
    page.edit_selected()
    ctx.history.undo()  # the edit
    ctx.history.undo()  # the create
    assert names(page) == [] and ctx.members.list_members() == []
    ctx.history.redo()  # re-created: a new id, remembered by the history
    ctx.history.redo()  # the edit finds it
    assert names(page) == ["Épicerie du coin"]
    assert ctx.history.resolve("member", created.id) == page.model.rows()[0].id


def test_the_search_ignores_accents_and_case(page: MembersPage, ctx: AppContext) -> None:
    for name in ("Coopérative L'Éclair", "Mairie de Valence", "Association Éclairage <&>"):
        ctx.members.create(MemberDraft(name=name))
    page.focus_search()
    page.search.setText("eclair")
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert sorted(shown) == ["Association Éclairage <&>", "Coopérative L'Éclair"]
    assert page.count_label.text() == "Affichage : 2 sur 3 membres"
    page.search.setText("")
    assert page.proxy.rowCount() == 3


def test_archived_members_are_hidden_unless_asked(page: MembersPage, ctx: AppContext) -> None:
    kept = ctx.members.create(MemberDraft(name="Actif"))
    gone = ctx.members.create(MemberDraft(name="Parti", joined_on=dt.date(2020, 1, 1)))
    ctx.members.archive(gone.id, dt.date(2024, 6, 30))
    assert names(page) == ["Actif"]
    page.include_archived.setChecked(True)
    assert sorted(names(page)) == ["Actif", "Parti"]
    assert kept.id in [row.id for row in page.model.rows()]


def test_a_bad_siret_is_explained_under_the_field_and_kept(
    page: MembersPage, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = MemberDialog(ctx.members, ctx.history, 2025, "2025", parent=page)
    qtbot.addWidget(dialog)
    siret = dialog.fields.editor("siret")
    siret.setText("732 829 320 0007")  # 13 digits: not yet complete, nothing said
    siret.textEdited.emit(siret.text())
    assert dialog.fields.errors() == {}
    siret.setText("732 829 320 00075")  # 14 digits, wrong check digit: said at once
    siret.textEdited.emit(siret.text())
    message = dialog.fields.errors()["siret"]
    assert "SIRET" in message
    assert siret.property("invalid") is True
    dialog.fields.editor("name").setText("Société « Test »")
    dialog.accept()  # OK refuses, keeps everything
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert siret.text() == "732 829 320 00075"
    assert dialog.fields.editor("name").text() == "Société « Test »"
    assert ctx.members.list_members() == []


def test_a_service_refusal_marks_its_field(
    page: MembersPage, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = MemberDialog(ctx.members, ctx.history, 2025, "2025", parent=page)
    qtbot.addWidget(dialog)
    dialog.fields.editor("name").setText("Ferme <bio> & co")
    dialog.fields.editor("postcode").setText("26 4")
    dialog.accept()
    errors = dialog.fields.errors()
    assert list(errors) == ["postcode"] and "Code postal invalide" in errors["postcode"]
    assert dialog.fields.editor("postcode").text() == "26 4"
    dialog.fields.editor("name").setText("")
    dialog.fields.editor("postcode").setText("26400")
    dialog.accept()
    assert "Nom" in dialog.fields.errors()["name"]
    assert ctx.members.list_members() == [] and ctx.history.count() == 0


def test_delete_then_undo(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = ctx.members.create(MemberDraft(name="À supprimer & <co>", siret=VALID_SIRET))
    ctx.members.set_year_figures(member.id, 2025, headcount=3)
    page.select_id(member.id)
    monkeypatch.setattr(members_module, "confirm_delete", lambda parent, name: True)
    assert page.delete_selected()
    assert names(page) == []
    ctx.history.undo()
    rows = page.model.rows()
    assert [row.name for row in rows] == ["À supprimer & <co>"] and rows[0].siret == VALID_SIRET
    assert rows[0].figures is not None and rows[0].figures.headcount == 3
    ctx.history.redo()
    assert names(page) == []


def test_delete_is_refused_with_shares_and_offers_to_archive(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = ctx.members.create(MemberDraft(name="Scop L'Avenir", joined_on=dt.date(2020, 1, 1)))
    other = ctx.members.create(MemberDraft(name="Autre"))
    give_shares(ctx, [member.id, other.id])
    page.select_id(member.id)
    monkeypatch.setattr(members_module, "confirm_delete", lambda parent, name: True)
    offered: list[str] = []

    def offer(parent: Any, message: str) -> bool:
        offered.append(message)
        return True

    monkeypatch.setattr(members_module, "ask_archive_instead", offer)
    run_dialog(
        monkeypatch, ArchiveDialog, lambda d: d.fields.editor("left_on").setText("31/12/2025")
    )
    assert page.delete_selected()
    assert "ne peut pas être supprimé" in offered[0] and "quote-part" in offered[0]
    assert ctx.members.get(member.id).left_on == dt.date(2025, 12, 31)
    assert "Scop L'Avenir" not in names(page)  # archived members are hidden
    ctx.history.undo()  # the archive
    assert ctx.members.get(member.id).left_on is None


def test_detail_shows_shares_by_quarter(page: MembersPage, ctx: AppContext) -> None:
    member = ctx.members.create(MemberDraft(name="Membre A"))
    other = ctx.members.create(MemberDraft(name="Membre B"))
    give_shares(ctx, [member.id, other.id], amount_cents=100_001)
    page.select_id(member.id)
    text = page.detail.toPlainText().replace("\u202f", " ").replace("\xa0", " ")
    assert "Accueil & secrétariat <partagé>" in text
    assert "500,01" in text  # the leftover cent of 1 000,01 € goes to the lower id


def test_a_failed_undo_is_explained_and_clears_the_history(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dialog(monkeypatch, MemberDialog, lambda d: d.fields.editor("name").setText("Nouveau"))
    created = page.new_item()
    assert created is not None
    give_shares(ctx, [created.id])  # now it has money records: undoing the create = delete
    ctx.history.undo()
    assert ctx.presenter.codes() == ["member_in_use"]  # type: ignore[attr-defined]
    assert ctx.history.count() == 0 and not ctx.history.canRedo()
    assert names(page) == ["Nouveau"]


def test_read_only_file_disables_changes(db_path: Path, qtbot: QtBot) -> None:
    from support.ui import RecordingPresenter

    from ptce_desktop.ui.shell.context import open_context

    make_context(db_path).close()
    ctx = open_context(
        db_path, read_only=True, runner=Runner(inline=True), presenter=RecordingPresenter()
    )
    try:
        widget = MembersPage(ctx)
        qtbot.addWidget(widget)
        assert not widget.add_button.isEnabled()
        assert widget.new_item() is None
    finally:
        ctx.close()


def test_models_pass_the_model_tester(page: MembersPage, ctx: AppContext, qtmodeltester) -> None:
    for name in ("Zèbre & co", "abeille <bio>", "Éclair"):
        ctx.members.create(MemberDraft(name=name, siret=None))
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_delete_confirmation_is_a_question(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = ctx.members.create(MemberDraft(name="Gardé"))
    page.select_id(member.id)
    asked: list[str] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not page.delete_selected()
    assert "Gardé" in asked[0] and names(page) == ["Gardé"]


def test_the_archive_button_archives_the_selected_member(
    page: MembersPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The button's clicked(False) used to reach archive_selected as the member (a crash)."""
    member = ctx.members.create(MemberDraft(name=NAME, joined_on=dt.date(2024, 1, 1)))
    page.reload(select=member.id)
    seen = run_dialog(
        monkeypatch, ArchiveDialog, lambda d: d.fields.editor("left_on").setText("30/06/2025")
    )
    page.archive_button.click()
    assert len(seen) == 1 and NAME.strip()[:20] in seen[0].windowTitle()
    assert ctx.members.get(member.id).left_on == dt.date(2025, 6, 30)
