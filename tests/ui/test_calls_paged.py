"""The Appels list paged by keyset: it holds a page of calls, not the year; its count, totals
and search come from the database; the per-period PDFs ask the service for their calls; the
page does not import ReportLab before a PDF is asked for. The totals row of a small list shows
the totals given with its rows (summed off the GUI thread) until a search narrows it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_calls_lazy import issued, make_page  # noqa: F401  (issued: a fixture)

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.pages.calls import page as calls_page
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import RIGHT, Column


@pytest.fixture
def two_quarters(ctx: AppContext, issued: list[int]) -> list[int]:  # noqa: F811
    """Q1 and Q2 issued: four calls, two per member."""
    ctx.service(CallService).issue_provisional_calls(
        2025, 2, issue_date=dt.date(2025, 4, 1), due_date=dt.date(2025, 4, 30)
    )
    return [row.id for row in ctx.service(CallService).list_call_summaries(2025)]


def totals_texts(page: calls_page.CallsPage) -> list[str | None]:
    row = page.calls_panel.totals_row
    assert row is not None
    return [row.text(column) for column in (5, 6, 7)]


def test_the_list_holds_a_page_its_count_and_totals_are_the_years(
    qtbot: QtBot,
    ctx: AppContext,
    two_quarters: list[int],
    monkeypatch: pytest.MonkeyPatch,
    french: None,
) -> None:
    monkeypatch.setattr(calls_page, "PAGE_SIZE", 1)
    page = make_page(qtbot, ctx)
    page.call_model.page_size = 1
    page.set_fiscal_year(2025)
    model = page.calls_panel.model
    assert [row.id for row in model.rows()] == two_quarters[:1] and model.canFetchMore()
    assert page.calls_panel.count_label.text() == "4 appels"
    every = ctx.service(CallService).list_call_summaries(2025)
    assert len(every) == 4
    total = sum(call.total_cents for call in every)
    assert totals_texts(page) == [money_text(total), money_text(0), money_text(total)]
    model.fetchMore()
    assert [row.id for row in model.rows()] == two_quarters[:2]
    assert totals_texts(page) == [money_text(total), money_text(0), money_text(total)]

    # the search is a query: the count and the totals are those of the calls it leaves
    page.calls_panel.search.setText("VALENCE t2")
    mairie = [c for c in every if c.member_name == "Mairie de Valence" and c.quarter == 2]
    assert [row.id for row in model.rows()] == [c.id for c in mairie]
    assert page.calls_panel.count_label.text() == "1 affiché sur 4 appels"
    assert totals_texts(page)[0] == money_text(mairie[0].total_cents)
    page.calls_panel.search.setText("")
    assert model.rowCount() == 1 and page.calls_panel.count_label.text() == "4 appels"

    # a call beyond the pages loaded is selected all the same (its pages come first)
    page.select_call(two_quarters[-1])
    assert page.calls_panel.selected_id() == two_quarters[-1]
    assert every[-1].number in page.detail.header.text()


def test_a_periods_pdfs_hold_every_call_of_the_period_not_the_pages_loaded(
    qtbot: QtBot,
    ctx: AppContext,
    two_quarters: list[int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    french: None,
) -> None:
    monkeypatch.setattr(calls_page, "PAGE_SIZE", 1)
    page = make_page(qtbot, ctx)
    page.set_fiscal_year(2025)
    page.calls_panel.select_id(two_quarters[0])
    assert page.calls_panel.model.rowCount() == 1
    assert page.period_call_ids() == two_quarters[:2]  # Q1's two calls
    batch = page.write_envelopes(tmp_path)
    assert batch is not None and len(batch.envelopes) == 2


def test_the_calls_page_does_not_import_reportlab() -> None:
    code = (
        "import sys\n"
        "import ptce_desktop.ui.pages.calls.page\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'"
        " or m.startswith(('ptce_desktop.reports', 'ptce_desktop.printing'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout


COLUMNS = [
    Column("Nom", lambda row: row[0]),
    Column("Montant", lambda row: row[1], display=money_text, align=RIGHT),
]
ROWS = [("Éclair & <Fils>", 12_345), ("L'Œuvre — 1 234,56 €", 100_000), ("Crest " + "é" * 80, 1)]


def test_a_small_lists_totals_given_with_its_rows_until_a_search(qtbot: QtBot) -> None:
    panel = ListPanel("totals-given", COLUMNS, "Chercher", lambda n: f"{n} lignes")
    qtbot.addWidget(panel)
    panel.add_totals(1)
    # totals given with the rows (the loader's sum) are shown as they are: no walk over rows
    panel.set_rows(ROWS, {1: 999})
    assert panel.totals_row is not None and panel.totals_row.text(1) == money_text(999)
    assert "3" in panel.totals_row.caption.text()
    panel.search.setText("eclair")  # a search: the rows it leaves are summed
    assert panel.totals_row.text(1) == money_text(12_345)
    panel.search.setText("")
    assert panel.totals_row.text(1) == money_text(999)
    panel.set_rows(ROWS)  # none given: summed from the rows
    assert panel.totals_row.text(1) == money_text(112_346)
