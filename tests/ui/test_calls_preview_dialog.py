"""The issue dialog previews what issuing writes; the confirmation comes last with the count
and the total (issue 11 item 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_calls_page import MEMBER_A, MEMBER_B, issue_q1, page, plain, run_dialog, seeded

from ptce_desktop.ui.pages.calls import page as calls_module
from ptce_desktop.ui.pages.calls.exceptional import ExceptionalDialog
from ptce_desktop.ui.pages.calls.issue import IssueCallsDialog
from ptce_desktop.ui.pages.calls.page import CallsPage

__all__ = ["page", "seeded"]  # fixtures (ctx comes from conftest.py)


def test_the_dialog_previews_and_the_confirmation_names_count_and_total(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(_parent: Any, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(calls_module, "confirm_issue", confirm)
    previews: list[str] = []

    def fill(dialog: IssueCallsDialog) -> None:
        dialog.quarter_combo.setCurrentIndex(1)  # T2: 1 000,00 € over two members
        previews.append(plain(dialog.preview_view.toPlainText()))
        dialog.issue_edit.setText("01/04/2025")
        dialog.due_edit.setText("30/04/2025")

    run_dialog(monkeypatch, IssueCallsDialog, fill)
    request = page.issue_calls(true_up=False)
    assert request is not None and request.expected == (2, 100_000)
    preview = previews[0]
    assert MEMBER_A in preview and MEMBER_B in preview
    assert preview.count("500,00 €") == 4  # quarter line and member total, twice
    assert "1 000,00 €" in preview
    # the confirmation: the irreversible warning, then « Émettre 2 appels pour 1 000,00 € ? »
    assert plain(asked[0]).splitlines()[-1] == "Émettre 2 appels pour 1 000,00 € ?"
    rows = page.calls_panel.model.rows()
    assert [row.total_cents for row in rows] == [50_000, 50_000]
    assert [row.quarter for row in rows] == [2, 2]


WORKS = "Travaux « toiture » & <zinc> l'€"


def test_an_exceptional_line_recorded_then_called_on_a_call_of_its_own(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls_module, "confirm_issue", lambda _parent, _text: True)

    def fill_line(dialog: ExceptionalDialog) -> None:
        dialog.label_edit.setText(WORKS)
        dialog.amount_edit.setText("1 234,57")
        dialog.service_combo.setCurrentIndex(0)
        dialog.date_edit.setText("20/05/2025")
        dialog.own_call.setChecked(True)

    run_dialog(monkeypatch, ExceptionalDialog, fill_line)
    assert page.add_exceptional() is not None
    previews: list[str] = []

    def fill_issue(dialog: IssueCallsDialog) -> None:
        previews.append(plain(dialog.preview_view.toPlainText()))
        dialog.issue_edit.setText("01/06/2025")
        dialog.due_edit.setText("30/06/2025")

    run_dialog(monkeypatch, IssueCallsDialog, fill_issue)
    request = page.issue_calls(true_up=False, exceptional=True)
    assert request is not None and request.exceptional and request.expected == (2, 123_457)
    assert "Lignes exceptionnelles" in previews[0] and "1 234,57 €" in previews[0]
    rows = page.calls_panel.model.rows()
    assert sorted(row.total_cents for row in rows) == [61_728, 61_729]
    assert {row.period_label for row in rows} == {"Appel exceptionnel 2025"}
    # the list holds summaries (totals summed in SQL); a call's lines are read on demand
    lines = [line for row in rows for line in page.calls.call_lines(row.id).rows]
    assert lines and all(line.label == WORKS for line in lines)


def test_one_pdf_per_member_of_the_selected_period(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    issue_q1(page, monkeypatch)
    batch = page.write_envelopes(tmp_path / "Envois « T1 » & <co>")
    assert batch is not None
    assert [e.call_number for e in batch.envelopes] == ["AF-2025-0001", "AF-2025-0002"]
    assert all(e.pdf.exists() and e.eml is None for e in batch.envelopes)
    assert batch.merged is not None and batch.merged.exists()
    assert "2" in page.status.text()


def test_reminder_letters_from_the_unpaid_tab_record_and_show_the_date(
    page: CallsPage, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    issue_q1(page, monkeypatch)  # due 31/01/2025; the page's today is 20/05/2025
    page.tabs.setCurrentWidget(page.debts_tab)  # the unpaid tab is read when shown
    batch = page.write_reminders(tmp_path / "Relances & <co>")
    assert batch is not None and len(batch.envelopes) == 2
    assert all(e.pdf.name.startswith("relance-") for e in batch.envelopes)
    model = page.debts_tab.model
    column = model.columnCount() - 1  # « Dernière relance », the last column
    assert plain(str(model.index(0, column).data())) == "20/05/2025"
