"""« Pourquoi ce montant ? » beyond the Charges page: a member's shares, a call's lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.calls.page import CallsPage
from ptce_desktop.ui.pages.members.page import MembersPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.explain_dialog import MemberSharesDialog

D = dt.date
ROOMS = "Locaux partagés & accueil <RDC>"
PRINTING = "Reprographie « couleur »"
NAMES = ("Atelier L'Éclair & <Fils>", "Mairie de Valence", "Société Dupont")


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@dataclass(frozen=True)
class World:
    members: tuple[int, ...]
    rooms: int
    printing: int


@pytest.fixture
def world(ctx: AppContext) -> World:
    """Three members by m² (120/80/50); a 261 B service budgeted 12 000,00 € for 2025 with
    three costs (two in T1, one in T2); a taxable service at 20 % budgeted 400,02 €."""
    members = tuple(
        ctx.members.create(MemberDraft(name=name, joined_on=D(2020, 1, 1))).id for name in NAMES
    )
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft(name="Surface (m²) & <co>", method="units", unit="m²"))
    keys.add_version(
        key, VersionDraft(D(2025, 1, 1), dict(zip(members, (120_000, 80_000, 50_000), strict=True)))
    )
    services = ctx.service(SharedServiceService)
    rooms = services.create_service(ServiceDraft(name=ROOMS, key_id=key))
    services.set_budget(rooms, 2025, 1_200_000)
    printing = services.create_service(
        ServiceDraft(name=PRINTING, key_id=key, vat_regime="taxable", vat_rate_bp=2_000)
    )
    services.set_budget(printing, 2025, 40_002)
    costs = ctx.service(CostService)
    for label, start, end, cents in (
        ("Loyer janvier — l'€", D(2025, 1, 1), D(2025, 1, 31), 100_001),
        ("Loyer février & <charges>", D(2025, 2, 1), D(2025, 2, 28), 100_000),
        ("Loyer avril", D(2025, 4, 1), D(2025, 4, 30), 50_000),
    ):
        costs.create_cost(
            CostDraft(
                service_id=rooms,
                invoice_date=end,
                period_start=start,
                period_end=end,
                label=label,
                ht_cents=cents,
                vat_cents=0,
                ttc_cents=cents,
            )
        )
    return World(members, rooms, printing)


# --- the member's detail ------------------------------------------------------------------------


@pytest.fixture
def members_page(qtbot: QtBot, ctx: AppContext, world: World, french: None) -> MembersPage:
    widget = MembersPage(ctx)
    qtbot.addWidget(widget)
    widget.set_fiscal_year(2025)
    widget.resize(1100, 700)
    return widget


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[MemberSharesDialog]:
    """The dialogs the page opens; ``exec`` (modal, blocks offscreen) returns at once."""
    seen: list[MemberSharesDialog] = []

    def fake_exec(dialog: MemberSharesDialog) -> int:
        seen.append(dialog)
        return 0

    monkeypatch.setattr(MemberSharesDialog, "exec", fake_exec)
    monkeypatch.setattr(MemberSharesDialog, "deleteLater", lambda _dialog: None)
    return seen


def test_a_quarter_cell_lists_its_costs_and_explains_each(
    members_page: MembersPage,
    world: World,
    opened: list[MemberSharesDialog],
    qtbot: QtBot,
    qtmodeltester: Any,
) -> None:
    members_page.select_id(world.members[0])
    detail = members_page.detail.detail
    (line,) = detail.shares
    assert line.quarters == (96_001, 24_000, 0, 0)  # 480,01 € + 480,00 €; 240,00 €
    assert f'href="share:{world.rooms}:1"' in members_page.detail.toHtml()
    members_page.detail.anchorClicked.emit(QUrl(f"share:{world.rooms}:1"))
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert [row.label for row in dialog.model.rows()] == [
        "Loyer janvier — l'€",
        "Loyer février & <charges>",
    ]
    assert [row.member_cents for row in dialog.rows] == [48_001, 48_000]
    assert dialog.total_cents() == line.quarters[0] == 96_001
    texts = [plain(dialog.model.index(0, c).data()) for c in range(5)]
    assert texts == ["31/01/2025", "01/01/2025", "Loyer janvier — l'€", "1 000,01 €", "480,01 €"]
    total = plain(dialog.total_label.text())
    assert "2 charges en T1 2025" in total and "960,01 €" in total and "TTC" in total
    # the first cost is explained at once: key, units, exact value, the leftover cent
    why = plain(dialog.explanation_text())
    assert "Surface (m²) &amp; &lt;co&gt;" in why and "120 m² sur 250 m²" in why
    assert "480,0048 €" in why and "un centime" in why
    # another cost, then the whole year: the total is the row's total
    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    assert "Loyer février &amp; &lt;charges&gt;" in dialog.explanation_text()
    dialog.period_combo.setCurrentIndex(0)
    assert len(dialog.rows) == 3 and dialog.total_cents() == line.total_cents == 120_001
    dialog.period_combo.setCurrentIndex(2)
    assert [row.label for row in dialog.rows] == ["Loyer avril"]
    assert dialog.total_cents() == line.quarters[1] == 24_000
    qtmodeltester.check(dialog.model, force_py=True)


def test_the_button_and_the_keyboard_open_the_dialog(
    members_page: MembersPage, world: World, opened: list[MemberSharesDialog], qtbot: QtBot
) -> None:
    members_page.select_id(world.members[1])
    assert members_page.why_button.isEnabled()
    members_page.why_button.click()
    assert opened[-1].service_id() == world.rooms and opened[-1].quarter() is None
    assert opened[-1].total_cents() == members_page.detail.detail.shares[0].total_cents
    # Tab to the first link (the service's name), Entrée
    browser = members_page.detail
    browser.setFocus()
    browser.focusNextPrevChild(True)
    assert browser.current_share() == (world.rooms, None)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[-1].quarter() is None
    browser.moveCursor(QTextCursor.MoveOperation.Start)
    browser.focusNextPrevChild(True)
    browser.focusNextPrevChild(True)  # the T1 amount
    assert browser.current_share() == (world.rooms, 1)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert opened[-1].quarter() == 1 and opened[-1].total_cents() == 64_000
    for dialog in opened:
        qtbot.addWidget(dialog)


def test_no_share_no_button(members_page: MembersPage, ctx: AppContext, world: World) -> None:
    loner = ctx.members.create(MemberDraft(name="Sans part")).id
    members_page.reload()
    members_page.select_id(loner)
    assert not members_page.why_button.isEnabled()
    assert members_page.share_dialog(world.rooms, None) is None


# --- the calls page -----------------------------------------------------------------------------


@pytest.fixture
def calls_page(qtbot: QtBot, ctx: AppContext, french: None) -> CallsPage:
    widget = CallsPage(ctx)
    qtbot.addWidget(widget)
    widget.set_fiscal_year(2025)
    widget.resize(1200, 760)
    return widget


def _explain(page: CallsPage, call_id: int, service_id: int) -> str:
    page.calls_panel.select_id(call_id)
    assert page.detail.select_line(service_id)
    assert page.detail.why_button.isEnabled()
    page.detail.why_button.click()
    return plain(page.detail.explanation_text())


def test_a_provisional_line_is_explained_in_french(
    calls_page: CallsPage, ctx: AppContext, world: World, qtmodeltester: Any
) -> None:
    calls = ctx.service(CallService)
    first, *_ = calls.issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    calls_page.reload()
    text = _explain(calls_page, first.id, world.rooms)
    assert "Budget 2025 du service : 12 000,00 € → T1 2025 : 3 000,00 €." in text
    assert "Votre part : 120 m² sur 250 m² = 1 440,00 € (exact 1 440,00 €)." in text
    assert (
        "Clé « Surface (m²) & <co> » (unités par membre), version en vigueur le 01/01/2025" in text
    )
    assert "Aucun arrondi" in text and "art. 261 B" in text
    assert "Recalculé aujourd'hui : le même montant que l'appel." in text
    # the taxable line of the same call: the pole is not VAT-registered, so TTC
    text = _explain(calls_page, first.id, world.printing)
    assert "T1 2025 : 100,01 €" in text and "n'est pas assujetti" in text
    assert "Votre part : 120 m² sur 250 m² = 48,01 € (exact 48,0048 €)." in text
    assert "Arrondi à l'inférieur : 48,00 €, plus un centime restant" in text
    # Entrée on a line explains it too
    calls_page.detail.lines.rowActivated.emit(calls_page.detail.model.rows()[1])
    assert PRINTING in plain(calls_page.detail.explanation_text())
    qtmodeltester.check(calls_page.detail.model, force_py=True)


def test_vat_leftover_cent_and_a_changed_budget(
    calls_page: CallsPage, ctx: AppContext, world: World
) -> None:
    pole = ctx.pole.get()
    ctx.pole.update(replace(pole.to_draft(), vat_registered=True))
    calls = ctx.service(CallService)
    issued = calls.issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )
    calls_page.reload()
    text = _explain(calls_page, issued[0].id, world.printing)
    # 100,01 € × 120/250 = 48,0048 € → 48,00 € + the leftover cent (largest remainder)
    assert "48,01 € (exact 48,0048 €)" in text and "un centime restant" in text
    assert "TVA 20 % sur 48,01 € HT = 9,602 €" in text and ": 9,60 €." in text
    assert "Ligne : 48,01 € + TVA 9,60 € = 57,61 €." in text
    ctx.service(SharedServiceService).set_budget(world.rooms, 2025, 1_000_000)
    text = _explain(calls_page, issued[0].id, world.rooms)
    assert "Recalculé aujourd'hui : 1 200,00 €, mais l'appel porte 1 440,00 €." in text


def test_a_true_up_line_lists_actual_shares_and_calls(
    calls_page: CallsPage, ctx: AppContext, world: World
) -> None:
    calls = ctx.service(CallService)
    q1 = calls.issue_provisional_calls(2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31))
    (true_up, *_) = calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
    calls_page.reload()
    text = _explain(calls_page, true_up.id, world.rooms)
    assert "Parts réelles des charges de 2025 :" in text
    assert "Loyer janvier — l'€" in text and "480,01 €" in text and "Loyer avril" in text
    assert q1[0].number in text and "T1 2025" in text
    assert "Régularisation : 1 200,01 € réel − 1 440,00 € appelé = -239,99 €." in text


def test_no_call_no_line(calls_page: CallsPage, world: World) -> None:
    calls_page.detail.show_call(None)
    assert calls_page.detail.why_button.isHidden() and calls_page.detail.lines.isHidden()
    calls_page.detail.explain_selected()  # nothing selected: nothing happens
    assert calls_page.detail.explanation_text() == ""
