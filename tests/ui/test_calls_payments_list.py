"""The « Règlements » tab pages by keyset: a page at a time as the view scrolls, the search, the
count and the totals row from the database, a header click sorts in SQL, the selection kept
after an edit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.calls import payments as calls_payments
from ptce_desktop.ui.pages.calls.dialogs import PaymentDialog
from ptce_desktop.ui.pages.calls.page import CallsPage, create_page
from ptce_desktop.ui.pages.calls.payments import AMOUNT, DATE, MATCHED, MEMBER, METHOD, UNMATCHED
from ptce_desktop.ui.shell.context import AppContext

LONG = "Société « L'Œuvre & Cœur <Drôme> » " + "très long nom " * 10
NAMES = ("Coopérative L'Éclair & <Fils>", "Mairie de Valence", LONG)


def plain(text: str | None) -> str:
    return (text or "").replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def payments(ctx: AppContext) -> list[Any]:
    """Seven unmatched payments of 2025 over three members (and one of 2026, never shown)."""
    members = [ctx.members.create(MemberDraft(name=name)).id for name in NAMES]
    service = ctx.service(PaymentService)
    made = []
    for n in range(7):
        made.append(
            service.record_payment(
                members[n % 3],
                dt.date(2025, 1 + n, 10),
                1_000 * (7 - n) + 1,
                "cheque" if n % 2 else "virement",
                f"Réf. « É{n} » & <co>",
                None,
                matches={},
            )
        )
    service.record_payment(members[0], dt.date(2026, 1, 5), 99_900, "cheque", "2026", None)
    return made


@pytest.fixture
def page(
    qtbot: QtBot, ctx: AppContext, french: None, payments: list[Any], monkeypatch: Any
) -> CallsPage:
    monkeypatch.setattr(calls_payments, "PAGE_SIZE", 2)  # the first page: two rows
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.payments_tab.model.page_size = 2  # and two per scroll step
    widget.set_fiscal_year(2025)
    widget.resize(1200, 700)
    widget.tabs.setCurrentWidget(widget.payments_tab)
    return widget


def ids(page: CallsPage) -> list[int]:
    return [row.id for row in page.payments_tab.model.rows()]


def first_rows(page: CallsPage) -> list[int]:
    """The first two rows shown (the view may have pulled a page more to fill itself)."""
    return ids(page)[:2]


def test_the_newest_first_a_page_at_a_time(
    page: CallsPage, payments: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.payments_tab
    newest_first = [p.id for p in reversed(payments)]
    asked: list[tuple[Any, int, int]] = []
    real = tab.service.list_payment_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        asked.append((kwargs.get("after"), kwargs["limit"], len(found.rows)))
        return found

    monkeypatch.setattr(tab.service, "list_payment_page", spy)
    page.reload()
    assert asked[0] == (None, len(ids(page)), len(ids(page)))  # the rows loaded, read again
    shown = len(ids(page))
    assert shown < 7 and ids(page) == newest_first[:shown]
    assert tab.panel.count_label.text() == "7 règlements"
    # the totals row is the database's sum over the seven, not over the rows loaded
    total = sum(p.amount_cents for p in payments)
    assert plain(tab.panel.totals_row.text(AMOUNT)) == plain(money_text(total))
    assert plain(tab.panel.totals_row.text(UNMATCHED)) == plain(money_text(total))
    assert plain(tab.panel.totals_row.text(MATCHED)) == "0,00 €"
    while tab.model.canFetchMore():  # what the view does as it scrolls
        tab.model.fetchMore()
    assert ids(page) == newest_first
    steps = asked[1:]
    assert steps and all(after is not None and limit == 2 for after, limit, _n in steps)
    assert page.payments_tab.year == 2025


def test_a_header_click_sorts_in_sql(page: CallsPage, payments: list[Any]) -> None:
    tab = page.payments_tab
    header = tab.panel.view.horizontalHeader()
    header.setSortIndicator(AMOUNT, Qt.SortOrder.AscendingOrder)  # a click on « Montant »
    assert tab.model.sort_key == "amount"
    by_amount = sorted(payments, key=lambda p: (p.amount_cents, p.id))
    assert first_rows(page) == [p.id for p in by_amount[:2]]  # the smallest, from the database
    while tab.model.canFetchMore():
        tab.model.fetchMore()
    assert ids(page) == [p.id for p in by_amount]
    header.setSortIndicator(MEMBER, Qt.SortOrder.DescendingOrder)
    by_member = sorted(payments, key=lambda p: (p.member_name, p.member_id, p.id), reverse=True)
    assert first_rows(page) == [p.id for p in by_member[:2]]
    # the method has no index behind it: the order and the arrow stay
    header.setSortIndicator(METHOD, Qt.SortOrder.AscendingOrder)
    assert tab.model.sort_key == "-member"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        MEMBER,
        Qt.SortOrder.DescendingOrder,
    )
    tip = Qt.ItemDataRole.ToolTipRole
    assert "tri impossible" in tab.model.headerData(METHOD, Qt.Orientation.Horizontal, tip)
    assert "tri impossible" not in tab.model.headerData(AMOUNT, Qt.Orientation.Horizontal, tip)
    header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
    assert first_rows(page) == [p.id for p in reversed(payments)][:2]


def test_the_search_is_asked_of_the_database(page: CallsPage, payments: list[Any]) -> None:
    tab = page.payments_tab
    tab.panel.search.setText("valence")  # a member's name
    wanted = [p for p in payments if p.member_name == NAMES[1]]
    assert sorted(ids(page)) == sorted(p.id for p in wanted)
    assert tab.panel.count_label.text() == "2 affichés sur 7 règlements"
    total = sum(p.amount_cents for p in wanted)
    assert plain(tab.panel.totals_row.text(AMOUNT)) == plain(money_text(total))
    tab.panel.search.setText("é3 chèque")  # the reference (accents ignored) and the method
    assert ids(page) == [payments[3].id]
    tab.panel.search.setText("")
    assert len(ids(page)) == 2 and tab.panel.count_label.text() == "7 règlements"


def test_the_selection_stays_after_an_edit(
    page: CallsPage, ctx: AppContext, payments: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.payments_tab
    tab.model.fetchMore()
    chosen = tab.model.rows()[3]  # on the second page at least
    tab.panel.select_id(chosen.id)
    loaded = len(ids(page))

    def fill(dialog: PaymentDialog) -> None:
        dialog.note_edit.setPlainText("vu & noté <ok>")

    def fake_exec(dialog: Any) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PaymentDialog, "exec", fake_exec)
    assert tab.edit_selected() is not None
    # the change reloaded the list (the rows scrolled to with it): the row is still current
    assert tab.panel.selected_id() == chosen.id
    assert len(ids(page)) >= loaded
    assert ctx.service(PaymentService).get_payment(chosen.id).note == "vu & noté <ok>"


class HeldRunner:
    """A Runner that keeps each work until the test lets it answer (a slow worker)."""

    inline = False

    def __init__(self) -> None:
        self.held: list[tuple[Any, Any, Any]] = []

    def run(self, work: Any, *, on_done: Any = None, on_error: Any = None, **_: Any) -> None:
        self.held.append((work, on_done, on_error))

    def answer(self, index: int) -> None:
        work, on_done, _on_error = self.held[index]
        on_done(work(lambda *_: None))


def test_loads_and_searches_run_in_the_worker_the_newest_wins(
    qtbot: QtBot, ctx: AppContext, french: None, payments: list[Any]
) -> None:
    runner = HeldRunner()
    ctx.runner = runner  # type: ignore[assignment]
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.show()
    tab = widget.payments_tab
    widget.set_fiscal_year(2025)
    qtbot.wait(20)  # the load goes to the worker on the next turn of the event loop
    assert len(runner.held) == 1 and tab.model.rowCount() == 0  # nothing read on the GUI thread
    runner.answer(0)  # the page's one load brings the payments' first page, count and totals
    assert tab.model.rowCount() > 0 and tab.panel.count_label.text() == "7 règlements"
    tab.panel.search.setText("valence")
    qtbot.wait(20)
    tab.panel.search.setText("éclair")  # typed on before the first search answered
    qtbot.wait(20)
    assert len(runner.held) == 3 and tab.loads.loading
    runner.answer(2)  # the newest search
    eclair = sorted(p.id for p in payments if p.member_name == NAMES[0])
    assert sorted(ids(widget)) == eclair and not tab.loads.loading
    runner.answer(1)  # the older one answers late: dropped
    assert sorted(ids(widget)) == eclair
    assert tab.panel.count_label.text() == "3 affichés sur 7 règlements"


def test_a_new_payment_is_selected_when_its_load_shows(
    qtbot: QtBot,
    ctx: AppContext,
    french: None,
    payments: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runner = HeldRunner()
    ctx.runner = runner  # type: ignore[assignment]
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.show()
    widget.set_fiscal_year(2025)
    qtbot.wait(20)
    runner.answer(0)
    tab = widget.payments_tab

    def fake_exec(dialog: PaymentDialog) -> int:
        dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(NAMES[1]))
        dialog.date_edit.setText("20/12/2025")
        dialog.amount_edit.setText("42,50")
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("cheque"))
        dialog.reference_edit.setText("Nouveau « n° 8 » & <co>")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PaymentDialog, "exec", fake_exec)
    created = tab.new_payment()
    assert created is not None and not tab.model.holds(created.id)  # its load is on its way
    qtbot.wait(20)
    runner.answer(len(runner.held) - 1)  # the load the change started
    assert ids(widget)[0] == created.id  # the newest first
    assert tab.panel.selected_id() == created.id
    assert "Nouveau" in plain(tab.model.index(0, 4).data())
