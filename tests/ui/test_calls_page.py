"""The « Appels de fonds et règlements » page: issue, see, pay, match, undo, filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from support.ui import make_context

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.calls import page as calls_module
from ptce_desktop.ui.pages.calls import payments as calls_payments
from ptce_desktop.ui.pages.calls.dialogs import PaymentDialog
from ptce_desktop.ui.pages.calls.issue import IssueCallsDialog
from ptce_desktop.ui.pages.calls.page import CallsPage, create_page
from ptce_desktop.ui.shell.context import AppContext

SERVICE = "Accueil & secrétariat <partagé>"
MEMBER_A = "Coopérative L'Éclair & <Fils>"
MEMBER_B = "Mairie de Valence"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def seeded(ctx: AppContext) -> dict[str, int]:
    """Two members, an equal key, one 261 B service with a 2025 budget of 4 000,00 €."""
    a = ctx.members.create(MemberDraft(name=MEMBER_A, joined_on=dt.date(2020, 1, 1))).id
    b = ctx.members.create(MemberDraft(name=MEMBER_B, joined_on=dt.date(2020, 1, 1))).id
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name="Parts égales", method="equal"))
    keys.add_version(key, VersionDraft(dt.date(2025, 1, 1), {a: 1000, b: 1000}))
    services = ctx.service(SharedServiceService)
    service = services.create_service(ServiceDraft(name=SERVICE, key_id=key))
    services.set_budget(service, 2025, 400_000)
    return {"a": a, "b": b, "service": service}


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> CallsPage:
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.today = lambda: dt.date(2025, 5, 20)
    widget.set_fiscal_year(2025)
    widget.resize(1200, 700)
    return widget


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Replace ``cls.exec`` (modal) by: fill, press OK; the dialog stays open if refused."""
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def issue_q1(page: CallsPage, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: Any, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(calls_module, "confirm_issue", confirm)

    def fill(dialog: IssueCallsDialog) -> None:
        dialog.quarter_combo.setCurrentIndex(0)
        dialog.issue_edit.setText("01/01/2025")
        dialog.due_edit.setText("31/01/2025")

    run_dialog(monkeypatch, IssueCallsDialog, fill)
    assert page.issue_calls(true_up=False) is not None
    return asked


def test_issue_a_quarter_and_see_the_calls(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = issue_q1(page, monkeypatch)
    assert "ne peut pas être annulé" in asked[0] and "T1 2025" in asked[0]
    rows = page.calls_panel.model.rows()
    assert [row.number for row in rows] == ["AF-2025-0001", "AF-2025-0002"]
    assert [row.member_name for row in rows] == [MEMBER_A, MEMBER_B]
    assert all(row.total_cents == 50_000 for row in rows)
    texts = [plain(page.calls_panel.model.index(0, c).data()) for c in range(8)]
    assert texts[2] == "T1 2025" and texts[3] == "01/01/2025" and texts[5] == "500,00 €"
    assert "2 appels émis" in page.status.text()
    assert page.calls_panel.selected_id() == rows[0].id
    detail = plain(page.detail.toPlainText())
    assert SERVICE in detail and "article 261 B du CGI" in detail and "500,00 €" in detail
    assert ctx.history.count() == 0  # not undoable
    # the quarter is now offered as "already issued"
    dialog = IssueCallsDialog(ctx.fiscal_years.get(2025), page.issued_quarters())
    assert "déjà émis" in dialog.quarter_combo.itemText(0)
    assert dialog.quarter_combo.currentIndex() == 1
    dialog.deleteLater()
    # the unpaid tab: read when first shown
    assert page.debts_tab.model.rowCount() == 0 and page.debts_loads.started == 0
    page.tabs.setCurrentWidget(page.debts_tab)
    assert page.debts_loads.started == 1
    assert [d.name for d in page.debts_tab.model.rows()] == [MEMBER_A, MEMBER_B]
    assert page.debts_tab.model.rows()[0].days_late == 109


def test_issue_dialog_checks_its_dates(qtbot: QtBot, ctx: AppContext, french: None) -> None:
    dialog = IssueCallsDialog(ctx.fiscal_years.get(2025), set())
    qtbot.addWidget(dialog)
    dialog.issue_edit.setText("10/02/2025")
    dialog.due_edit.setText("01/02/2025")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "échéance" in dialog.fields.errors()["due_date"]
    assert dialog.due_edit.text() == "01/02/2025"


def test_issue_refused_is_a_message(
    page: CallsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.members.create(MemberDraft(name="Seul"))
    ctx.service(SharedServiceService).create_service(ServiceDraft(name="Sans budget"))
    asked: list[str] = []
    monkeypatch.setattr(calls_module, "confirm_issue", lambda _p, text: asked.append(text))
    seen = run_dialog(monkeypatch, IssueCallsDialog, lambda _dialog: None)
    # the preview refuses before any confirmation (#11 item 4): OK disabled, the reason shown
    assert page.issue_calls(true_up=False) is None
    dialog = seen[0]
    assert dialog.preview_error is not None and "budget" in dialog.preview_error
    assert "budget" in dialog.preview_view.toPlainText()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert asked == []
    assert page.calls_panel.model.rowCount() == 0


def fill_payment(amount: str, *, manual: dict[int, str] | None = None) -> Callable[[Any], None]:
    def fill(dialog: PaymentDialog) -> None:
        dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(MEMBER_A))
        dialog.date_edit.setText("15/02/2025")
        dialog.amount_edit.setText(amount)
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("cheque"))
        dialog.reference_edit.setText("Chèque n° 42 « Éclair »")
        if manual is not None:
            dialog.manual_radio.setChecked(True)
            for row, text in manual.items():
                model = dialog.match_model
                model.setData(model.index(row, model.column_of("amount")), text)

    return fill


def test_payment_matched_automatically_then_by_hand(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_q1(page, monkeypatch)
    ctx.service(CallService).issue_provisional_calls(
        2025, 2, issue_date=dt.date(2025, 4, 1), due_date=dt.date(2025, 4, 30)
    )
    run_dialog(monkeypatch, PaymentDialog, fill_payment("600"))
    created = page.new_item()
    assert created is not None and page.tabs.currentWidget() is page.payments_tab
    assert [(m.call_number, m.amount_cents) for m in created.matches] == [
        ("AF-2025-0001", 50_000),
        ("AF-2025-0003", 10_000),
    ]
    rows = page.payments_tab.panel.model.rows()
    assert len(rows) == 1 and rows[0].method == "cheque"
    texts = [plain(page.payments_tab.panel.model.index(0, c).data()) for c in range(7)]
    assert texts[2] == "600,00 €" and texts[3] == "Chèque" and texts[6] == "0,00 €"
    assert "AF-2025-0001" in page.payments_tab.matches_label.text()
    assert page.balances_tab.model.rowCount() == 0  # read when shown
    page.tabs.setCurrentWidget(page.balances_tab)
    balances = {b.name: b for b in page.balances_tab.model.rows()}
    assert balances[MEMBER_A].outstanding_cents == 40_000
    page.tabs.setCurrentWidget(page.payments_tab)

    # by hand: 200 € on the Q2 call, the member's only open call now
    seen = run_dialog(monkeypatch, PaymentDialog, fill_payment("200", manual={0: "200"}))
    second = page.payments_tab.new_payment()
    assert second is not None
    assert [(m.call_number, m.amount_cents) for m in second.matches] == [("AF-2025-0003", 20_000)]
    assert seen[0].match_model.rowCount() == 1  # the Q1 call is settled: not offered
    assert seen[0].match_model.row(0)["number"] == "AF-2025-0003"

    # editing the first payment shows its matches, kept as they were
    page.payments_tab.panel.select_id(created.id)
    edit = run_dialog(monkeypatch, PaymentDialog, lambda d: d.note_edit.setPlainText("vu"))
    assert page.payments_tab.edit_selected() is not None
    assert edit[0].manual_radio.isChecked()
    assert ctx.service(PaymentService).get_payment(created.id).matched_cents == 60_000


def test_over_matching_is_refused_inline(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_q1(page, monkeypatch)
    seen = run_dialog(monkeypatch, PaymentDialog, fill_payment("600", manual={0: "550"}))
    assert page.new_item() is None
    dialog = seen[0]
    message = plain(dialog.fields.errors()["matches"])
    assert "AF-2025-0001" in message and "500,00 €" in message
    assert dialog.amount_edit.text() == "600,00"  # what was typed stays (tidied)
    assert dialog.match_model.row(0)["amount"] == "550,00"
    assert ctx.service(PaymentService).list_payments(2025) == []

    # a cell that is not an amount is explained under the table too
    dialog.match_model.setData(dialog.match_model.index(0, 4), "12,345")
    dialog.accept()
    assert "12,345" in dialog.fields.errors()["matches"]
    assert dialog.match_model.row(0)["amount"] == "12,345"
    # and a zero amount is the service's message under the amount field
    dialog.auto_radio.setChecked(True)
    dialog.amount_edit.setText("0")
    dialog.accept()
    assert "amount_cents" in dialog.fields.errors()


def test_undo_and_redo_a_payment(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_q1(page, monkeypatch)
    run_dialog(monkeypatch, PaymentDialog, fill_payment("300"))
    created = page.new_item()
    assert created is not None and ctx.history.count() == 1
    ctx.history.undo()
    assert page.payments_tab.panel.model.rowCount() == 0
    assert page.calls_panel.model.rows()[0].outstanding_cents == 50_000
    ctx.history.redo()
    rows = page.payments_tab.panel.model.rows()
    assert len(rows) == 1 and rows[0].matched_cents == 30_000
    assert page.calls_panel.model.rows()[0].paid_cents == 30_000

    # delete, then undo: the payment and its matches come back
    page.payments_tab.panel.select_id(rows[0].id)
    monkeypatch.setattr(calls_payments, "confirm_delete_payment", lambda parent, text: True)
    assert page.payments_tab.delete_selected()
    assert page.payments_tab.panel.model.rowCount() == 0
    ctx.history.undo()
    back = page.payments_tab.panel.model.rows()
    assert len(back) == 1 and back[0].matches_by_call() == {
        page.calls_panel.model.rows()[0].id: 30_000
    }
    assert back[0].reference == "Chèque n° 42 « Éclair »"


def test_filter_and_search(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_q1(page, monkeypatch)
    page.focus_search()
    page.calls_panel.search.setText("eclair")
    assert page.calls_panel.proxy.rowCount() == 1
    assert page.calls_panel.count_label.text() == "1 affiché sur 2 appels"
    page.calls_panel.search.setText("")
    assert page.calls_panel.proxy.rowCount() == 2
    page.tabs.setCurrentWidget(page.balances_tab)
    page.focus_search()
    page.balances_tab.search.setText("valence")
    assert page.balances_tab.proxy.rowCount() == 1


def test_unpaid_and_balances_are_read_when_shown(
    page: CallsPage, ctx: AppContext, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_q1(page, monkeypatch)
    assert (page.debts_loads.started, page.balances_loads.started) == (0, 0)
    reminders = page.debts_tab.reminder_button
    assert not reminders.isEnabled()  # nobody listed yet: no letter to write
    page.tabs.setCurrentWidget(page.debts_tab)
    assert [d.name for d in page.debts_tab.model.rows()] == [MEMBER_A, MEMBER_B]
    assert reminders.isEnabled()
    page.tabs.setCurrentWidget(page.payments_tab)
    page.tabs.setCurrentWidget(page.debts_tab)
    assert page.debts_loads.started == 1  # nothing changed: not read again
    # another year while the tab is on screen: read again at once, for that year
    page.set_fiscal_year(2026)
    assert page.debts_loads.started == 2 and page.debts_tab.model.rowCount() == 0
    assert not reminders.isEnabled()  # 2026: nobody late
    # back to 2025 with the tab hidden: read when shown again, not before
    page.tabs.setCurrentIndex(0)
    page.set_fiscal_year(2025)
    assert page.debts_loads.started == 2
    page.tabs.setCurrentWidget(page.debts_tab)
    assert page.debts_loads.started == 3
    assert [d.outstanding_cents for d in page.debts_tab.model.rows()] == [50_000, 50_000]
    # a payment recorded while « Soldes » is hidden: its figures read when it is shown
    page.tabs.setCurrentIndex(0)
    ctx.service(PaymentService).record_payment(
        seeded["a"], dt.date(2025, 2, 1), 12_345, "virement", "VIR « 1 » <&>", None
    )
    assert page.balances_loads.started == 0 and page.balances_tab.model.rowCount() == 0
    page.tabs.setCurrentWidget(page.balances_tab)
    balances = {b.name: b for b in page.balances_tab.model.rows()}
    assert balances[MEMBER_A].paid_cents == 12_345
    assert balances[MEMBER_A].outstanding_cents == 50_000 - 12_345
    assert balances[MEMBER_B].paid_cents == 0
    page.tabs.setCurrentWidget(page.debts_tab)  # the payment changed the debts too
    assert page.debts_loads.started == 4
    debts = {d.name: d.outstanding_cents for d in page.debts_tab.model.rows()}
    assert debts == {MEMBER_A: 50_000 - 12_345, MEMBER_B: 50_000}


def test_refresh_only_on_watched_tables(page: CallsPage, ctx: AppContext) -> None:
    from ptce_desktop.store.unit_of_work import Change

    calls: list[int] = []
    page.reload = lambda: calls.append(1)  # type: ignore[method-assign]
    page.refresh(Change("x", frozenset({"grants"})))
    assert calls == []
    page.refresh(Change("x", frozenset({"payments"})))
    assert calls == [1]


def test_models_pass_the_model_tester(
    page: CallsPage,
    ctx: AppContext,
    seeded: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    issue_q1(page, monkeypatch)
    ctx.service(PaymentService).record_payment(
        seeded["a"], dt.date(2025, 2, 1), 12_345, "virement", "VIR <&>", None
    )
    for panel in (page.calls_panel, page.payments_tab.panel, page.debts_tab, page.balances_tab):
        if panel in (page.debts_tab, page.balances_tab):
            page.tabs.setCurrentWidget(panel)  # read when shown
        assert panel.model.rowCount() > 0
        qtmodeltester.check(panel.model)
        qtmodeltester.check(panel.proxy)
    dialog = PaymentDialog(
        page.payments_tab.members(), page.payments_tab.open_calls, page.payments_tab._create
    )
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(MEMBER_A))
    assert dialog.match_model.rowCount() == 1
    qtmodeltester.check(dialog.match_model)
    dialog.deleteLater()


def test_read_only_file_disables_changes(db_path: Path, qtbot: QtBot) -> None:
    from support.ui import RecordingPresenter

    from ptce_desktop.ui.shell.context import open_context

    make_context(db_path).close()
    ctx = open_context(db_path, read_only=True, presenter=RecordingPresenter())
    try:
        widget = CallsPage(ctx)
        qtbot.addWidget(widget)
        widget.set_fiscal_year(2025)
        assert not widget.issue_button.isEnabled()
        assert not widget.payments_tab.add_button.isEnabled()
        assert widget.new_item() is None
        assert widget.issue_calls(true_up=True) is None
    finally:
        ctx.close()


def test_issue_dialog_with_every_quarter_issued_says_so_without_an_empty_preview(
    qtbot: QtBot, ctx: AppContext, french: None
) -> None:
    asked: list[object] = []

    def preview(quarter: object) -> object:
        asked.append(quarter)
        raise AssertionError("nothing to preview")

    dialog = IssueCallsDialog(ctx.fiscal_years.get(2025), {1, 2, 3, 4}, preview=preview)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Les appels des quatre trimestres sont déjà émis." in texts
    assert not ok.isEnabled() and not dialog.preview_view.isVisible() and asked == []
