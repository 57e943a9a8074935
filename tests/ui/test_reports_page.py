"""The Rapports page: choose a document, generate it (inline Runner), preview, save, print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.views import GrantDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.store.unit_of_work import Change
from ptce_desktop.ui.pages.reports import page as reports_module
from ptce_desktop.ui.pages.reports.form import DESCRIPTION_ROLE
from ptce_desktop.ui.pages.reports.page import ReportsPage, create_page
from ptce_desktop.ui.pages.reports.preview import FIT_PAGE, FIT_WIDTH
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.worker import Runner, TaskCancelled

D = dt.date
LONG_NAME = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 60


@dataclass(frozen=True)
class Seeded:
    members: tuple[int, int]
    grant: int
    funder: int


def seed(ctx: AppContext) -> Seeded:
    m1 = ctx.members.create(MemberDraft(name="Épicerie & <co>", category="ess_enterprise")).id
    m2 = ctx.members.create(MemberDraft(name=LONG_NAME, category="local_authority")).id
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft("Parts égales", "equal"))
    keys.add_version(key, VersionDraft(D(2025, 1, 1), {m1: 1000, m2: 1000}))
    service = ctx.service(SharedServiceService).create_service(
        ServiceDraft("Accueil & secrétariat <partagé>", key_id=key)
    )
    ctx.service(SharedServiceService).set_budget(service, 2025, 4_000_00)
    ctx.service(CostService).create_cost(
        CostDraft(
            service, D(2025, 3, 1), D(2025, 1, 1), D(2025, 3, 31), "Loyer €", 999_99, 0, 999_99
        )
    )
    ctx.service(CallService).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 6), due_date=D(2025, 1, 31)
    )
    funder = ctx.service(FunderService).create_funder(FunderDraft("Région & <Drôme>", "region")).id
    grant = (
        ctx.service(GrantService)
        .create_grant(
            GrantDraft(
                funder_id=funder,
                title="Animation du pôle 2025",
                amount_voted_cents=12_000_00,
                status="votee",
                period_start=D(2025, 1, 1),
                period_end=D(2025, 12, 31),
            )
        )
        .id
    )
    return Seeded((m1, m2), grant, funder)


@pytest.fixture
def seeded(ctx: AppContext) -> Seeded:
    return seed(ctx)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, seeded: Seeded) -> ReportsPage:
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.set_fiscal_year(2025)
    return widget


def errors(ctx: AppContext) -> list[BaseException]:
    presenter = ctx.presenter
    assert isinstance(presenter, RecordingPresenter)
    return presenter.errors


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(data)).pages)


# --- choosing -----------------------------------------------------------------------------------


def test_each_document_shows_what_it_needs(page: ReportsPage, seeded: Seeded) -> None:
    form = page.form
    assert form.kind_list.count() == 6
    for row in range(6):
        assert form.kind_list.item(row).data(DESCRIPTION_ROLE)
    shown = {}
    for kind in ("activity", "redistribution", "cost-sharing", "statement", "cerfa-15059"):
        form.select_kind(kind)
        shown[kind] = {name for name, combo in form.combos.items() if not combo.isHidden()}
    assert shown == {
        "activity": set(),
        "redistribution": {"funder"},
        "cost-sharing": {"service"},
        "statement": {"member", "call"},
        "cerfa-15059": {"grant"},
    }
    assert not form.group_rows.isHidden()  # the Cerfa variant
    form.select_kind("cost-sharing")
    assert form.group_rows.isHidden()
    form.select_kind("crf-bundle")
    assert not form.group_rows.isHidden()
    assert form.combos["grant"].currentData() == seeded.grant
    assert form.combos["grant"].currentText() == "Animation du pôle 2025 — Région & <Drôme>"
    form.select_kind("redistribution")
    funders = form.combos["funder"]
    assert [funders.itemData(i) for i in range(funders.count())] == [None, seeded.funder]
    assert form.request().funder_id is None
    funders.setCurrentIndex(1)
    assert form.request().funder_id == seeded.funder


def test_the_calls_follow_the_member(page: ReportsPage, seeded: Seeded) -> None:
    form = page.form
    form.select_kind("statement")
    members = form.combos["member"]
    calls = form.combos["call"]
    member_ids = [members.itemData(i) for i in range(members.count())]
    assert set(member_ids) == set(seeded.members)
    members.setCurrentIndex(member_ids.index(seeded.members[1]))
    assert calls.count() == 2 and calls.itemData(0) is None
    call = CallService(page.ctx.uow).list_calls(2025, member_id=seeded.members[1])[0]
    assert calls.itemData(1) == call.id
    calls.setCurrentIndex(1)
    request = form.request()
    assert (request.member_id, request.call_id) == (seeded.members[1], call.id)
    assert form.target_label() == call.number


def test_a_year_without_grant_says_so(page: ReportsPage) -> None:
    page.form.select_kind("cerfa-15059")
    assert page.generate_button.isEnabled()
    page.set_fiscal_year(2026)
    assert page.form.year() == 2026
    assert not page.form.hint.isHidden()
    assert "No grant concerns this fiscal year" in page.form.hint.text()
    assert not page.generate_button.isEnabled()
    page.form.select_kind("activity")
    assert page.form.hint.isHidden() and page.generate_button.isEnabled()


# --- generating and the preview -----------------------------------------------------------------


def test_generate_shows_the_preview(page: ReportsPage, seeded: Seeded) -> None:
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    page.form.select_kind("cerfa-15059")
    page.form.group_rows.setChecked(True)
    page.generate()
    generated = page.generated
    assert generated is not None
    assert generated.request.grant_id == seeded.grant and generated.request.group_rows_only
    assert generated.file_name == "compte-rendu-financier-2025-animation-du-pole-2025.pdf"
    assert page.preview.document.pageCount() == generated.pages > 0
    assert page.preview.page_count() == generated.pages
    assert "Animation du pôle 2025" in pdf_text(generated.data)
    assert page.save_button.isEnabled() and page.print_button.isEnabled()
    assert generated.file_name in page.status.text()
    assert page.progress.isHidden() and page.generate_button.isEnabled()
    assert errors(page.ctx) == []


def test_preview_navigation_and_zoom(page: ReportsPage) -> None:
    page.form.select_kind("crf-bundle")  # several pages
    page.generate()
    preview = page.preview
    count = preview.page_count()
    assert count > 2
    assert preview.page_text() == f"1 / {count}"
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_text() == f"2 / {count}"
    assert preview.page_spin.value() == 2
    preview.page_spin.setValue(count)
    assert preview.current_page() == count - 1 and not preview.next_button.isEnabled()
    preview.zoom_in_button.click()
    assert preview.view.zoomMode() == preview.view.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(1.25)
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.view.zoomFactor() == pytest.approx(0.75)
    assert preview.zoom_combo.currentText() == "75 %"
    preview.set_zoom(FIT_PAGE)
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitInView
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(FIT_WIDTH))
    assert preview.view.zoomMode() == preview.view.ZoomMode.FitToWidth


def test_a_known_error_is_a_message(page: ReportsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise PtceError("report_no_grant", "grant_id", year_label="2025")

    monkeypatch.setattr(reports_module, "build_report", refuse)
    page.generate()
    (error,) = errors(page.ctx)
    assert isinstance(error, PtceError) and error.code == "report_no_grant"
    assert page.generated is None
    assert page.status.text() == "The document could not be generated."
    assert page.generate_button.isEnabled() and page.progress.isHidden()


def test_cancelled_generation(page: ReportsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def cancelled(*_args: Any, **_kwargs: Any) -> int:
        raise TaskCancelled

    monkeypatch.setattr(reports_module, "build_report", cancelled)
    page.generate()
    assert page.status.text() == "Generation cancelled."
    assert errors(page.ctx) == [] and page.generate_button.isEnabled()


def test_generation_runs_off_the_gui_thread(
    qtbot: QtBot, page: ReportsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = Runner(inline=False)
    monkeypatch.setattr(page.ctx, "runner", runner)
    page.form.select_kind("activity")
    steps: list[int] = []
    task = page.generate()
    assert task is not None
    task.progressed.connect(lambda done, _total: steps.append(done))
    assert page.busy and not page.generate_button.isEnabled() and not page.form.isEnabled()
    assert page.generate() is None  # one at a time
    qtbot.waitUntil(lambda: page.generated is not None, timeout=20_000)
    assert page.preview.page_count() > 0 and not page.busy and page.form.isEnabled()
    assert runner.wait()


# --- saving and printing ------------------------------------------------------------------------


def test_save_as_writes_the_pdf(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.form.select_kind("activity")
    page.generate()
    asked: list[str] = []

    def choose(_parent: Any, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return str(tmp_path / "mon rapport « 2025 »"), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    saved = page.save_as()
    assert Path(asked[0]).name == "rapport-activite-2025.pdf"
    assert saved == tmp_path / "mon rapport « 2025 ».pdf"
    assert page.generated is not None and saved.read_bytes() == page.generated.data
    assert str(saved) in page.status.text()
    # the next dialog opens in the same folder
    page.save_as()
    assert Path(asked[1]).parent == tmp_path


def test_a_write_error_is_a_message(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.generate()
    target = tmp_path / "no such folder" / "rapport.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(target), ""))
    )
    assert page.save_as() is None
    (error,) = errors(page.ctx)
    assert isinstance(error, PtceError) and error.code == "report_write_failed"
    assert "Impossible d'enregistrer le document" in error.message("fr")
    assert not target.exists()


def test_save_cancelled(page: ReportsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    page.generate()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    assert page.save_as() is None and errors(page.ctx) == []


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_draws_every_page(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.form.select_kind("crf-bundle")
    page.generate()
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    target = tmp_path / "imprimé.pdf"
    assert page.print_document(pdf_printer(target))
    printed = PdfReader(target)
    assert len(printed.pages) == page.preview.page_count()
    assert page.status.text() == "Sent to the printer."


def test_print_a_page_range(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.form.select_kind("crf-bundle")
    page.generate()
    printer = pdf_printer(tmp_path / "pages 2-3.pdf")

    def choose_pages(_self: Any) -> QDialog.DialogCode:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pages)
    assert page.print_document(printer)
    assert len(PdfReader(tmp_path / "pages 2-3.pdf").pages) == 2


def test_print_cancelled(
    page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.generate()
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    target = tmp_path / "rien.pdf"
    assert not page.print_document(pdf_printer(target))
    assert not target.exists()


# --- refreshing ---------------------------------------------------------------------------------


def test_new_records_appear_after_a_change(
    qtbot: QtBot, page: ReportsPage, ctx: AppContext, seeded: Seeded
) -> None:
    page.form.select_kind("cerfa-15059")
    page.generate()
    grant = ctx.service(GrantService).create_grant(
        GrantDraft(
            funder_id=seeded.funder, title="Nouvelle & <subvention>", period_start=D(2025, 6, 1)
        )
    )
    change = Change("Créer une subvention", frozenset({"grants"}))
    page.refresh(change)  # hidden: reloaded when shown
    assert page.form.combos["grant"].findData(grant.id) < 0
    assert "changed" in page.status.text()
    page.show()
    qtbot.waitExposed(page)
    assert page.form.combos["grant"].findData(grant.id) >= 0
    assert page.form.combos["grant"].currentData() == seeded.grant  # the choice is kept
    page.refresh(Change("Autre", frozenset({"audit_entries"})))
    assert page.form.combos["grant"].currentData() == seeded.grant
