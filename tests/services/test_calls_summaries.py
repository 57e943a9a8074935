"""The call list in SQL: one summary per call (totals summed by the database), lines paged.

Every summary must say what the full :class:`CallView` of the same call says (totals, paid,
outstanding, period, kind, the 261 B mention), for provisional calls, a taxable service with
VAT, a credit true-up, and a call partly paid; the lines come back page by page in the same
order as the full view's, without gap or repeat.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support.factories.calls import (
    LONG_NAME,
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService, CallSummary, CallView
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
SUMMED = (
    "id",
    "number",
    "member_id",
    "member_name",
    "year",
    "year_label",
    "quarter",
    "period_label",
    "kind",
    "issue_date",
    "due_date",
    "total_ht_cents",
    "total_vat_cents",
    "total_cents",
    "paid_cents",
    "outstanding_cents",
    "exempt_261b",
)


def world(uow: UnitOfWork) -> tuple[tuple[int, ...], CallService]:
    """A VAT-registered pole, three members (one with a very long name), an exempt service and
    a taxable one (20 %), four quarters called, a credit true-up, a payment on one call."""
    seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
    members = seed_members(uow, 3)
    weights = dict(zip(members, (120, 80, 50), strict=True))
    key_id = seed_units_key(uow, weights)
    exempt = seed_service(uow, key_id, {2025: 1_200_000})
    taxable = seed_service(
        uow,
        key_id,
        {2025: 40_200},
        name="Ménage & entretien <l'accueil> — 20 € / h",
        vat_regime="taxable",
        vat_rate_bp=2_000,
    )
    calls = CallService(uow)
    for quarter in (1, 2, 3, 4):
        calls.issue_provisional_calls(
            2025, quarter, issue_date=D(2025, 3 * quarter - 2, 5), due_date=D(2025, 3 * quarter, 1)
        )
    for service in (exempt, taxable):  # spent less than called: the true-up is a credit
        seed_cost(uow, service, 30_000, weights, start=D(2025, 2, 1), end=D(2025, 2, 28))
    calls.issue_true_up(2025, issue_date=D(2026, 1, 15), due_date=D(2026, 2, 15))
    first = calls.list_calls(2025)[0]
    PaymentService(uow).record_payment(
        first.member_id, D(2025, 2, 1), 12_345, "virement", "Réf. « T1 » & <co>", "l'acompte"
    )
    return members, calls


def summary_of(view: CallView) -> tuple[object, ...]:
    return (*(getattr(view, name) for name in SUMMED), len(view.lines))


def summed(summary: CallSummary) -> tuple[object, ...]:
    return (*(getattr(summary, name) for name in SUMMED), summary.line_count)


def test_a_summary_says_what_the_full_view_says(uow: UnitOfWork) -> None:
    members, calls = world(uow)
    full = calls.list_calls(2025)
    summaries = calls.list_call_summaries(2025)
    assert [summed(s) for s in summaries] == [summary_of(v) for v in full]
    # the world holds what the list must show: a credit, VAT, a partial payment, a long name
    assert any(s.kind == "true_up" and s.total_cents < 0 for s in summaries)
    assert any(s.total_vat_cents > 0 for s in summaries)
    assert any(0 < s.paid_cents < s.total_cents for s in summaries)
    assert all(s.exempt_261b for s in summaries)  # each call has a 261 B line
    assert any(s.member_name.endswith(LONG_NAME) for s in summaries)
    mine = calls.list_call_summaries(2025, member_id=members[1])
    assert [s.id for s in mine] == [v.id for v in calls.list_calls(2025, member_id=members[1])]
    assert calls.call_summary(summaries[-1].id) == summaries[-1]
    assert calls.list_call_summaries(2024) == []
    assert calls.issued_quarters(2025) == {1, 2, 3, 4}
    assert calls.issued_quarters(2024) == set()


def test_a_calls_lines_come_page_by_page_in_the_views_order(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    for view in calls.list_calls(2025):
        lines, after = [], None
        while True:
            page = calls.call_lines(view.id, after=after, limit=1)
            assert len(page.rows) <= 1
            lines.extend(page.rows)
            if page.next_cursor is None:
                break
            after = page.next_cursor
        assert tuple(lines) == view.lines
        assert calls.call_lines(view.id, limit=200).rows == view.lines


def test_a_bad_cursor_or_call_is_refused(uow: UnitOfWork) -> None:
    _members, calls = world(uow)
    call_id = calls.list_call_summaries(2025)[0].id
    with pytest.raises(PtceError) as bad:
        calls.call_lines(call_id, after=("Locaux", "pas un nombre"), limit=1)  # type: ignore[arg-type]
    assert bad.value.code == "invalid_cursor"
    with pytest.raises(PtceError) as missing:
        calls.call_lines(999_999)
    assert missing.value.code == "not_found"
