"""The Charges page end to end: the SQL-paged list, filters, the dialog with its live split,
validation, closed years and adjustments, delete and undo, explanations, attachments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft, CostFilters
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.attachments import AttachmentService
from ptce_desktop.ui.pages.costs.dialog import CostDialog
from ptce_desktop.ui.pages.costs.model import CostListModel
from ptce_desktop.ui.pages.costs.page import CostsPage
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Runner

NBSP_FREE = str.maketrans({"\u00a0": " ", "\u202f": " "})
MEMBERS = ("Atelier Bois & Co", "Coopérative L'Éclair <Fils>", "Épicerie solidaire — Crest")


@dataclass(frozen=True)
class World:
    members: tuple[int, ...]
    equal: int  # service split equally over the three members
    empty: int  # service whose key has no participant


def plain(text: str | None) -> str:
    return (text or "").translate(NBSP_FREE)


def make_world(ctx: AppContext) -> World:
    ctx.pole.create_pole("Pôle Sud & <Drôme>", "Drôme")
    members = tuple(ctx.members.create(MemberDraft(name=name)).id for name in MEMBERS)
    keys = ctx.service(KeyService)
    equal = keys.create_key(KeyDraft(name="Parts égales « tous »", method="equal"))
    keys.add_version(equal, VersionDraft(dt.date(2024, 1, 1), {m: 1000 for m in members}))
    nobody = keys.create_key(KeyDraft(name="Surface « vide »", method="units", unit="m²"))
    keys.add_version(nobody, VersionDraft(dt.date(2024, 1, 1), {members[0]: 0}))
    services = ctx.service(SharedServiceService)
    return World(
        members,
        services.create_service(ServiceDraft(name="Accueil & secrétariat", key_id=equal)),
        services.create_service(ServiceDraft(name="Locaux <vides>", key_id=nobody)),
    )


def cost(service_id: int, cents: int, label: str, **extra: Any) -> CostDraft:
    values: dict[str, Any] = {
        "invoice_date": dt.date(2025, 3, 15),
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 3, 31),
        "supplier": "SCI L'Étoile",
        "cerfa_code": "613",
    }
    values.update(extra)
    return CostDraft(
        service_id=service_id,
        label=label,
        ht_cents=cents,
        vat_cents=0,
        ttc_cents=cents,
        **values,
    )


@pytest.fixture
def ctx(qapp: QApplication, db_path: Path) -> Iterator[AppContext]:
    """The application first: the context's file watch starts a timer, which needs its event
    dispatcher (the model test, first when this file runs alone, asks for no widget)."""
    context = open_context(db_path, runner=Runner(inline=True), presenter=RecordingPresenter())
    yield context
    context.close()


@pytest.fixture
def world(ctx: AppContext) -> World:
    return make_world(ctx)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, world: World, french: None) -> CostsPage:
    widget = CostsPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1300, 700)
    return widget


def run_dialog(monkeypatch: pytest.MonkeyPatch, fill: Callable[[CostDialog], Any]) -> list[Any]:
    """Replace the modal ``exec`` (it blocks offscreen) by: fill the fields, press OK."""
    seen: list[Any] = []

    def fake_exec(dialog: CostDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(CostDialog, "exec", fake_exec)
    return seen


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool = True) -> None:
    reply = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: reply)


def field(dialog: CostDialog, name: str) -> Any:
    return dialog.fields.editor(name)


def labels(page: CostsPage) -> list[str]:
    return [row.label for row in page.model.rows()]


def type_cost(dialog: CostDialog, label: str, amount: str, service_id: int) -> None:
    editor: Any = dialog.fields.editor
    combo = editor("service_id")
    combo.setCurrentIndex(combo.findData(service_id))
    editor("label").setText(label)
    editor("invoice_date").setText("15/03/2025")
    editor("period_start").setText("01/01/2025")
    editor("period_end").setText("31/03/2025")
    editor("ht_cents").setText(amount)
    editor("ht_cents").textEdited.emit(amount)  # as typed: fills TTC


# --- the model ---------------------------------------------------------------------------------


def test_model_passes_qtmodeltester_and_pages_without_duplicates(
    qtmodeltester: Any, ctx: AppContext, world: World
) -> None:
    costs = ctx.service(CostService)
    for number in range(12):
        costs.create_cost(cost(world.equal, 1000 + number, f"Facture n° {number:02d}"))
    model = CostListModel(costs, page_size=5)
    model.set_query(2025, sort="label")
    assert [row.label for row in model.rows()] == [f"Facture n° {n:02d}" for n in range(5)]
    assert model.total == 12 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    model.fetchMore()
    ids = [row.id for row in model.rows()]
    assert len(ids) == len(set(ids)) == 12 and not model.canFetchMore()
    assert [row.label for row in model.rows()] == [f"Facture n° {n:02d}" for n in range(12)]
    model.set_query(2025, sort="label")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 12  # the tester fetched every page, once


def test_sort_by_header_requeries_in_sql(page: CostsPage, ctx: AppContext, world: World) -> None:
    costs = ctx.service(CostService)
    for cents, label in ((5000, "Moyen"), (90000, "Gros"), (100, "Petit")):
        costs.create_cost(cost(world.equal, cents, label))
    page.view.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # Incl. VAT
    assert page.model.sort_key == "-ttc"
    assert labels(page) == ["Gros", "Moyen", "Petit"]
    page.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # Supplier: not sortable in SQL
    assert page.model.sort_key == "-ttc"
    assert page.view.horizontalHeader().sortIndicatorSection() == 7
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert plain(texts[7]) == "900,00 €" and texts[8] == "613"
    assert page.model.index(0, 7).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight.value
    )


# --- create with the live split ----------------------------------------------------------------


def test_create_shows_the_live_split_then_saves(
    page: CostsPage, ctx: AppContext, world: World, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    previews: list[list[tuple[str, str]]] = []

    def fill(dialog: CostDialog) -> None:
        type_cost(dialog, "Loyer « bureau » T1 & <co>", "1 000,00", world.equal)
        assert plain(field(dialog, "ttc_cents").text()) == "1 000,00"
        qtbot.waitUntil(dialog.preview.showing_table, timeout=2000)  # the 150 ms debounce
        previews.append(dialog.preview.shares())
        assert plain(dialog.preview.total.text()).startswith("Total réparti : 1 000,00 €")

    run_dialog(monkeypatch, fill)
    created = page.new_item()
    assert created is not None
    shown = {member: plain(amount) for member, amount in previews[0]}
    assert shown == {
        "Atelier Bois & Co": "333,34 €",
        "Coopérative L'Éclair <Fils>": "333,33 €",
        "Épicerie solidaire — Crest": "333,33 €",
    }
    assert labels(page) == ["Loyer « bureau » T1 & <co>"]
    assert page.selected_id() == created.id
    stored = ctx.service(CostService).get_cost(created.id)
    assert sorted(s.cents for s in stored.shares) == [33333, 33333, 33334]
    assert plain(page.count_label.text()) == "1 charge"
    ctx.history.undo()
    assert labels(page) == [] and plain(page.count_label.text()) == "0 charge"
    ctx.history.redo()
    assert labels(page) == ["Loyer « bureau » T1 & <co>"]


def test_preview_says_why_there_is_no_split(page: CostsPage, world: World, qtbot: QtBot) -> None:
    dialog = CostDialog(page.costs, page.history, page.choices(), parent=page)
    qtbot.addWidget(dialog)
    assert not dialog.preview.showing_table()  # nothing typed yet: a hint, not an error
    type_cost(dialog, "Ménage", "250,00", world.empty)
    dialog.update_preview()
    assert not dialog.preview.showing_table()
    message = dialog.preview.message.text()
    assert "Impossible de répartir" in message and "Surface « vide »" in message
    assert "Traceback" not in message
    field(dialog, "ht_cents").setText("abc")
    dialog.update_preview()
    assert "abc" in dialog.preview.message.text()


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["12,345", "abc"])
def test_bad_amount_is_marked_under_the_field_and_kept(
    page: CostsPage, world: World, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    seen: list[CostDialog] = []

    def fill(dialog: CostDialog) -> None:
        type_cost(dialog, "Fournitures", typed, world.equal)
        seen.append(dialog)

    run_dialog(monkeypatch, fill)
    assert page.new_item() is None  # OK refused: the dialog stays open
    dialog = seen[0]
    error = dialog.fields.errors()["ht_cents"]
    assert typed in error or "décimales" in error
    assert field(dialog, "ht_cents").text() == typed
    assert field(dialog, "label").text() == "Fournitures"
    assert dialog.fields.cells["ht_cents"].error_label.isVisibleTo(dialog)
    assert page.model.rowCount() == 0


def test_service_refusal_marks_its_field(
    page: CostsPage, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: CostDialog) -> None:
        type_cost(dialog, "Loyer", "100,00", world.equal)
        field(dialog, "period_end").setText("01/12/2024")  # before the start

    seen = run_dialog(monkeypatch, fill)
    assert page.new_item() is None
    assert "period_end" in seen[0].fields.errors()
    assert field(seen[0], "period_end").text() == "01/12/2024"


# --- edit, delete, undo ------------------------------------------------------------------------


def test_edit_then_undo(
    page: CostsPage, ctx: AppContext, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    cost_id = ctx.service(CostService).create_cost(cost(world.equal, 30000, "Loyer janvier"))
    page.refresh(None)
    page.select_id(cost_id)

    def fill(dialog: CostDialog) -> None:
        assert field(dialog, "label").text() == "Loyer janvier"
        field(dialog, "label").setText("Loyer janvier — révisé")
        field(dialog, "vat_cents").setText("60,00")
        field(dialog, "vat_cents").textEdited.emit("60,00")
        assert plain(field(dialog, "ttc_cents").text()) == "360,00"

    run_dialog(monkeypatch, fill)
    assert page.edit_selected() is not None
    row = page.model.rows()[0]
    assert (row.label, row.vat_cents, row.ttc_cents) == ("Loyer janvier — révisé", 6000, 36000)
    assert "Loyer janvier — révisé" in page.detail.fields.text()
    ctx.history.undo()
    row = page.model.rows()[0]
    assert (row.label, row.ttc_cents) == ("Loyer janvier", 30000)


def test_delete_with_confirmation_then_undo_restores_shares_and_files(
    page: CostsPage,
    ctx: AppContext,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    costs = ctx.service(CostService)
    cost_id = costs.create_cost(cost(world.equal, 100000, "Loyer « mars »"))
    invoice = tmp_path / "facture mars €.pdf"
    invoice.write_bytes(b"%PDF-1.4 facture")
    ctx.service(AttachmentService).attach_file(cost_id, invoice)
    page.refresh(None)
    page.select_id(cost_id)

    answer(monkeypatch, yes=False)
    assert not page.delete_selected()
    assert labels(page) == ["Loyer « mars »"]

    answer(monkeypatch, yes=True)
    assert page.delete_selected()
    assert labels(page) == [] and page.detail.cost_id() is None
    ctx.history.undo()
    assert labels(page) == ["Loyer « mars »"]
    restored = costs.get_cost(page.model.rows()[0].id)
    assert sorted(s.cents for s in restored.shares) == [33333, 33333, 33334]
    assert [a.original_name for a in restored.attachments] == ["facture mars €.pdf"]
    assert page.model.rows()[0].attachment_count == 1
    ctx.history.redo()
    assert labels(page) == []


# --- filters -----------------------------------------------------------------------------------


def test_filter_by_text_and_by_service(
    page: CostsPage, ctx: AppContext, world: World, qtbot: QtBot
) -> None:
    costs = ctx.service(CostService)
    costs.create_cost(cost(world.equal, 1000, "Loyer avril", supplier="SCI Drôme"))
    costs.create_cost(cost(world.equal, 2000, "Ménage avril", supplier="Net & Propre"))
    other = ctx.service(SharedServiceService).create_service(
        ServiceDraft(name="Informatique", key_id=None)
    )
    page.refresh(None)
    assert sorted(labels(page)) == ["Loyer avril", "Ménage avril"]

    page.search.setText("propre")
    qtbot.waitUntil(lambda: labels(page) == ["Ménage avril"], timeout=2000)  # debounced
    assert page.model.filters.text == "propre"
    assert "correspondant aux filtres" in page.count_label.text()

    page.search.clear()
    page.service_filter.setCurrentIndex(page.service_filter.findData(other))
    page.apply_filters()
    assert labels(page) == []
    page.service_filter.setCurrentIndex(page.service_filter.findData(world.equal))
    page.member_filter.setCurrentIndex(page.member_filter.findData(world.members[0]))
    page.apply_filters()
    assert sorted(labels(page)) == ["Loyer avril", "Ménage avril"]
    assert page.model.filters == CostFilters(world.equal, world.members[0], None, None)
    assert not page.view.isColumnHidden(11)  # the member's share
    assert sorted(plain(page.model.index(r, 11).data()) for r in range(2)) == [
        "3,34 €",
        "6,67 €",
    ]


def test_page_fetches_more_rows_without_duplicates(
    page: CostsPage, ctx: AppContext, world: World
) -> None:
    costs = ctx.service(CostService)
    for number in range(9):
        costs.create_cost(cost(world.equal, 100 * (number + 1), f"Ligne {number}"))
    page.model.page_size = 4
    page.apply_filters()
    assert page.model.rowCount() == 4 and page.model.canFetchMore()
    assert plain(page.count_label.text()) == "9 charges"
    page.model.fetchMore()
    assert page.model.rowCount() == 8
    page.model.fetchMore()
    ids = [row.id for row in page.model.rows()]
    assert len(ids) == 9 == len(set(ids)) and not page.model.canFetchMore()


# --- explanation and attachments ---------------------------------------------------------------


def test_share_explanation(
    page: CostsPage, ctx: AppContext, world: World, qtmodeltester: Any
) -> None:
    cost_id = ctx.service(CostService).create_cost(cost(world.equal, 100000, "Loyer"))
    page.refresh(None)
    page.select_id(cost_id)
    shares = page.detail.shares_model.rows()
    assert [s.member_name for s in shares] == list(MEMBERS)
    page.detail.shares.setCurrentIndex(page.detail.shares_model.index(0, 0))
    page.detail.explain_selected()
    text = plain(page.detail.explanation.text())
    assert "Parts égales « tous »" in text
    assert "333,34 €" in text and "100000/3" in text
    page.detail.explain(world.members[1])
    assert "333,33 €" in plain(page.detail.explanation.text())
    qtmodeltester.check(page.detail.shares_model, force_py=True)


def test_attachments_add_open_remove_and_undo(
    page: CostsPage,
    ctx: AppContext,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cost_id = ctx.service(CostService).create_cost(cost(world.equal, 5000, "Papeterie"))
    page.refresh(None)
    page.select_id(cost_id)
    source = tmp_path / "reçu papeterie.pdf"
    source.write_bytes(b"%PDF-1.4 recu")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    added = page.detail.add_attachment()
    assert added is not None
    assert [a.original_name for a in page.detail.files_model.rows()] == ["reçu papeterie.pdf"]
    assert page.model.rows()[0].attachment_count == 1
    assert page.model.index(0, 10).data() == "1"

    opened: list[str] = []
    monkeypatch.setattr(
        "ptce_desktop.ui.pages.costs.detail.QDesktopServices.openUrl",
        lambda url: not opened.append(url.toLocalFile()),  # type: ignore[func-returns-value]
    )
    page.detail.files.setCurrentIndex(page.detail.files_model.index(0, 0))
    assert page.detail.open_attachment()
    assert Path(opened[0]).read_bytes() == b"%PDF-1.4 recu"

    answer(monkeypatch, yes=True)
    assert page.detail.remove_attachment()
    assert page.detail.files_model.rows() == []
    ctx.history.undo()
    assert [a.original_name for a in page.detail.files_model.rows()] == ["reçu papeterie.pdf"]
    ctx.history.undo()  # the addition itself
    assert page.detail.files_model.rows() == []


# --- closed years ------------------------------------------------------------------------------


def test_closed_year_refuses_edit_and_offers_an_adjustment(
    qtbot: QtBot,
    ctx: AppContext,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    french: None,
) -> None:
    costs = ctx.service(CostService)
    old = costs.create_cost(
        cost(
            world.equal,
            90000,
            "Loyer 2024",
            invoice_date=dt.date(2024, 6, 1),
            period_start=dt.date(2024, 4, 1),
            period_end=dt.date(2024, 6, 30),
        )
    )
    ctx.fiscal_years.close(2024)
    page = CostsPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2024)
    page.select_id(old)
    seen: list[CostDialog] = []

    def try_edit(dialog: CostDialog) -> None:
        seen.append(dialog)
        assert "clôturé" in dialog.banner.text()
        assert dialog.adjust_button.isVisibleTo(dialog)
        field(dialog, "ht_cents").setText("960,00")
        field(dialog, "ht_cents").textEdited.emit("960,00")

    run_dialog(monkeypatch, try_edit)
    assert page.edit_selected() is None  # refused
    dialog = seen[0]
    assert "clôturé" in dialog.banner.text() and dialog.banner.isVisibleTo(dialog)
    assert field(dialog, "ht_cents").text() == "960,00"  # kept

    def adjust(dialog: CostDialog) -> None:
        field(dialog, "ht_cents").setText("960,00")
        dialog.start_adjustment()
        assert dialog.adjusting and "Régularisation" in dialog.windowTitle()
        assert plain(field(dialog, "ht_cents").text()) == "60,00"  # the difference
        for name, text in (
            ("invoice_date", "15/01/2025"),
            ("period_start", "01/01/2025"),
            ("period_end", "31/01/2025"),
        ):
            field(dialog, name).setText(text)

    run_dialog(monkeypatch, adjust)
    created = page.edit_selected()
    assert created is not None
    adjustment = costs.get_cost(created.id)
    assert adjustment.cost.is_adjustment and adjustment.cost.adjusts_cost_id == old
    assert adjustment.cost.ttc_cents == 6000
    assert costs.get_cost(old).cost.ttc_cents == 90000
    page.set_fiscal_year(2025)
    assert page.model.rows()[0].label.startswith("Régularisation")
    assert page.model.index(0, 3).data().startswith("↺")
    ctx.history.undo()
    assert page.model.rowCount() == 0


def test_the_totals_row_sums_every_cost_matching_not_only_those_loaded(
    ctx: AppContext, world: World, qtbot: QtBot, french: None
) -> None:
    """#15 item 1: the Charges list pages 200 rows at a time; its totals are the service's
    sums in SQL over every cost the filters match (CostPage.total_*_cents)."""
    from ptce_desktop.ui.i18n import money_text
    from ptce_desktop.ui.pages.costs.model import HT, TTC

    costs = ctx.service(CostService)
    for number in range(7):
        costs.create_cost(cost(world.equal, 10_000 + number, f"Loyer « {number} » & <co>"))
    costs.create_cost(cost(world.equal, 99_999, "Électricité l'€"))
    widget = CostsPage(ctx)
    qtbot.addWidget(widget)
    widget.model.page_size = 3  # fewer loaded than matching
    widget.set_fiscal_year(2025)
    widget.resize(1300, 700)
    widget.show()
    widget.model.set_query(2025, sort="label")
    assert widget.model.rowCount() < 8
    totals = widget.totals_row
    everything = sum(10_000 + n for n in range(7)) + 99_999
    assert totals.text(TTC) == money_text(everything)
    assert totals.text(HT) == money_text(everything)
    assert "8" in totals.caption.text()
    widget.search.setText("loyer")  # a filter: the sums follow it, from the service again
    qtbot.waitUntil(lambda: totals.text(TTC) == money_text(everything - 99_999), timeout=3000)
