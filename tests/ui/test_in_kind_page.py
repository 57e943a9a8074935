"""The Contributions en nature page: create, edit, delete, undo/redo, inline validation,
search, Cerfa totals, closed years, and the table model's contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import make_context, settle

from ptce_desktop.domain.money import format_money
from ptce_desktop.services.activity.activity import ActivityService, ProjectDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.views import GrantDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.in_kind import InKindDialog, InKindPage
from ptce_desktop.ui.shell.context import AppContext

LABEL = "Bénévolat « atelier vélo » & <réparations> — œuvre de l'été"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = make_context(db_path)
    context.members.create(MemberDraft("Coopérative L'Éclair & <Fils>", "ess_enterprise"))
    context.service(ActivityService).create_project(ProjectDraft("Plateforme mobilité"))
    funder = context.service(FunderService).create_funder(FunderDraft("Région AURA", "region"))
    context.service(GrantService).create_grant(GrantDraft(funder.id, "AMI PTCE « émergents »"))
    yield context
    context.close()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> InKindPage:
    widget = InKindPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.set_fiscal_year(2025)
    widget.resize(1100, 600)
    widget.show()
    return widget


def run_dialog(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None]) -> list[Any]:
    """``InKindDialog.exec`` (modal) replaced by: fill the fields, press OK."""
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(InKindDialog, "exec", fake_exec)
    return seen


def pick(combo: Any, text: str) -> None:
    index = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setCurrentIndex(index)


def fill_volunteering(dialog: Any) -> None:
    editor = dialog.fields.editor
    editor("date").setText("14/05/2025")
    editor("label").setText(LABEL)
    editor("amount_cents").setText("1 234,56")
    editor("hours_milli").setText("12,5")
    pick(editor("member_id"), "Éclair")
    pick(editor("project_id"), "mobilité")
    pick(editor("grant_id"), "émergents")


def labels(page: InKindPage) -> list[str]:
    return [row.label for row in page.list.rows()]


def test_create_shows_the_row_and_the_cerfa_totals(
    page: InKindPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dialog(monkeypatch, fill_volunteering)
    created = page.new_item()
    assert created is not None and created.cerfa_code == "864" and created.hours_milli == 12_500
    assert labels(page) == [LABEL.strip()]
    row = [page.list.model.index(0, c).data() for c in range(page.list.model.columnCount())]
    assert row[:3] == ["14/05/2025", "Bénévolat", "864 / 870"]
    assert row[4].startswith("Coopérative L'Éclair") and row[-1] == format_money(123_456)
    assert page.totals.amounts["864"].text() == format_money(123_456)
    assert page.totals.amounts["870"].text() == format_money(123_456)
    assert page.totals.amounts["860"].text() == format_money(0)
    assert "12,5" in page.totals.total.text()
    assert page.list.current_id() == created.id
    ctx.history.undo()
    assert labels(page) == [] and page.totals.amounts["864"].text() == format_money(0)
    ctx.history.redo()
    assert labels(page) == [LABEL.strip()]


def test_edit_then_undo_restores(
    page: InKindPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = ctx.service(InKindService)
    view = service.create_contribution(
        InKindDraft(dt.date(2025, 3, 1), "mise_a_disposition_biens", "Local prêté", 240_000)
    )
    page.list.select_id(view.id)

    def change(dialog: Any) -> None:
        dialog.fields.editor("amount_cents").setText("2 500")
        pick(dialog.fields.editor("cerfa_code"), "862")

    run_dialog(monkeypatch, change)
    edited = page.edit()
    assert edited is not None and edited.amount_cents == 250_000 and edited.cerfa_code == "862"
    assert page.totals.amounts["862"].text() == format_money(250_000)
    ctx.history.undo()
    back = service.get_contribution(view.id)
    assert back.amount_cents == 240_000 and back.cerfa_code == "861"
    assert page.totals.amounts["861"].text() == format_money(240_000)


def test_delete_asks_then_undo_brings_it_back(
    page: InKindPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = ctx.service(InKindService)
    view = service.create_contribution(
        InKindDraft(dt.date(2025, 6, 1), "don_en_nature", "Légumes & cagettes", 13_500)
    )
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    page.list.select_id(view.id)
    assert page.delete() is False and labels(page) == ["Légumes & cagettes"]
    assert page.delete() is True and labels(page) == []
    ctx.history.undo()
    assert labels(page) == ["Légumes & cagettes"]
    assert page.list.rows()[0].kind == "don_en_nature"
    ctx.history.redo()
    assert labels(page) == []


def test_validation_marks_the_field_and_keeps_the_dialog_open(
    page: InKindPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bad(dialog: Any) -> None:
        fill_volunteering(dialog)
        dialog.fields.editor("label").setText("   ")

    seen = run_dialog(monkeypatch, bad)
    assert page.new_item() is None
    dialog = seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "label" in dialog.fields.errors()
    assert dialog.fields.editor("amount_cents").cents() == 123_456  # nothing typed is lost

    def other_kind(dialog: Any) -> None:
        fill_volunteering(dialog)
        pick(dialog.fields.editor("kind"), "Autre")

    seen = run_dialog(monkeypatch, other_kind)
    page.new_item()
    errors = seen[0].fields.errors()
    assert list(errors) == ["cerfa_code"] and "860" in errors["cerfa_code"]

    def bad_amount(dialog: Any) -> None:
        fill_volunteering(dialog)
        dialog.fields.editor("amount_cents").setText("12,345")

    seen = run_dialog(monkeypatch, bad_amount)
    page.new_item()
    assert list(seen[0].fields.errors()) == ["amount_cents"]
    assert ctx.service(InKindService).list_contributions(2025) == []


def test_a_closed_year_is_a_message_on_the_date(
    page: InKindPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.fiscal_years.close(2024)

    def in_2024(dialog: Any) -> None:
        fill_volunteering(dialog)
        dialog.fields.editor("date").setText("14/05/2024")

    seen = run_dialog(monkeypatch, in_2024)
    assert page.new_item() is None
    assert "2024" in seen[0].fields.errors()["date"]


def test_search_and_model_contract(page: InKindPage, ctx: AppContext, qtmodeltester: Any) -> None:
    service = ctx.service(InKindService)
    for day, kind, label, cents in (
        (dt.date(2025, 1, 10), "benevolat", "Bénévolat du conseil", 50_000),
        (dt.date(2025, 2, 11), "don_en_nature", "Don d'ordinateurs", 80_000),
        (dt.date(2026, 2, 11), "don_en_nature", "Don de 2026", 80_000),
    ):
        service.create_contribution(InKindDraft(day, kind, label, cents))
    assert len(page.list.rows()) == 2  # the 2026 one belongs to another year
    page.list.search.setText("ORDINATEUR")
    assert page.list.proxy.rowCount() == 1
    assert "1" in page.list.count_label.text() and "2" in page.list.count_label.text()
    page.list.search.setText("benevolat")  # accents ignored
    assert page.list.proxy.rowCount() == 1
    qtmodeltester.check(page.list.model)
    qtmodeltester.check(page.list.proxy)
    page.set_fiscal_year(2026)
    assert labels(page) == ["Don de 2026"]


@pytest.mark.parametrize("width", [1200 - 330, 1366 - 330])
def test_the_label_stays_readable_beside_a_long_member_name(
    page: InKindPage, ctx: AppContext, width: int
) -> None:
    """At a laptop's width the member's name took the room and three volunteering lines read
    « Bénévolat –… »: some twenty letters of the label stay, with no sideways scroll."""
    long_name = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 80
    member = ctx.members.create(MemberDraft(long_name, "ess_enterprise")).id
    ctx.service(InKindService).create_contribution(
        InKindDraft(dt.date(2025, 3, 1), "benevolat", LABEL, 240_000, member_id=member)
    )
    page.resize(width, 600)
    settle()
    view = page.list.view
    header, letter = view.horizontalHeader(), view.fontMetrics().averageCharWidth()
    assert labels(page) == [LABEL.strip()]
    assert header.sectionSize(3) >= letter * 20, header.sectionSize(3)
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance("Bénévolat")
    assert view.horizontalScrollBar().maximum() == 0
