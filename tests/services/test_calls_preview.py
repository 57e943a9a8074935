"""The preview before issuing (issue 11 item 4): it writes nothing and is what issuing writes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from support.factories.calls import seed_members, seed_pole, seed_service, seed_units_key

from ptce_desktop.domain.billing import Billing
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.store.models import (
    Call,
    KeyVersionUnit,
    SequenceCounter,
    ServiceBudget,
    ServiceVatPeriod,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
ISSUE, DUE = D(2025, 7, 1), D(2025, 7, 31)


def _world(uow: UnitOfWork) -> tuple[tuple[int, ...], int]:
    seed_pole(uow, vat_registered=True)
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (3, 2, 1), strict=True)))
    service_id = seed_service(
        uow,
        key_id,
        {2025: 1_000_003},
        name="Locaux « GE » & <co> l'€",
        vat_regime="taxable",
        vat_rate_bp=2000,
    )
    SharedServiceService(uow).set_billing_term(service_id, None, Billing(17_500, 600))
    return members, service_id


def _counts(uow: UnitOfWork) -> tuple[int, int]:
    with uow.read() as session:
        calls = session.scalar(select(func.count(Call.id))) or 0
        numbers = (
            session.scalar(select(func.coalesce(func.sum(SequenceCounter.last_value), 0))) or 0
        )
        return int(calls), int(numbers)


def test_the_preview_is_what_issuing_writes(uow: UnitOfWork) -> None:
    _, service_id = _world(uow)
    calls = CallService(uow)
    calls.issue_provisional_calls(2025, 1, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31))
    calls.issue_provisional_calls(2025, 2, issue_date=D(2025, 4, 5), due_date=D(2025, 4, 30))
    with uow.write("Réviser le budget") as session:
        session.scalars(select(ServiceBudget)).one().amount_cents = 1_500_007
    ExceptionalService(uow).add_charge(
        ExceptionalDraft("Travaux « toiture » & <zinc>", 90_001, service_id, D(2025, 6, 15))
    )
    before = _counts(uow)
    plan = calls.preview_provisional_calls(2025, 3)
    assert _counts(uow) == before  # nothing written, no number taken
    kinds = {line.shown_kind for call in plan.calls for line in call.lines}
    assert kinds == {"quarter", "catch_up", "exceptional", "surcharge", "fee"}
    issued = calls.issue_provisional_calls(
        2025, 3, issue_date=ISSUE, due_date=DUE, expected=(plan.count, plan.total_cents)
    )
    assert [c.member_id for c in issued] == [c.member_id for c in plan.calls]
    assert [c.total_cents for c in issued] == [c.total_cents for c in plan.calls]
    for planned, call in zip(plan.calls, issued, strict=True):
        assert [
            (x.service_id, x.kind.value, x.component.value, x.label, x.ht_cents, x.vat_cents)
            for x in planned.lines
        ] == [
            (x.service_id, x.kind, x.component, x.label, x.ht_cents, x.vat_cents)
            for x in call.lines
        ]
        by_kind = dict(planned.by_kind())
        assert sum(v for k, v in by_kind.items() if k != "vat") + by_kind["vat"] == (
            call.total_cents
        )
    assert plan.total_cents == sum(c.total_cents for c in issued)


def test_issuing_refuses_when_the_amounts_changed_since_the_preview(uow: UnitOfWork) -> None:
    _world(uow)
    calls = CallService(uow)
    plan = calls.preview_provisional_calls(2025, 1)
    with uow.write("Réviser le budget") as session:
        session.scalars(select(ServiceBudget)).one().amount_cents = 2_000_000
    with pytest.raises(PtceError) as caught:
        calls.issue_provisional_calls(
            2025, 1, issue_date=ISSUE, due_date=DUE, expected=(plan.count, plan.total_cents)
        )
    assert caught.value.code == "preview_outdated"
    assert "rien n'a été émis" in caught.value.message("fr")
    assert _counts(uow) == (0, 0)


def test_a_member_listed_without_units_is_refused(uow: UnitOfWork) -> None:
    members, _ = _world(uow)
    with uow.write("Unités manquantes") as session:
        row = session.scalars(
            select(KeyVersionUnit).where(KeyVersionUnit.member_id == members[1])
        ).one()
        row.units_milli = None
    with pytest.raises(PtceError) as caught:
        CallService(uow).preview_provisional_calls(2025, 1)
    assert caught.value.code == "member_without_units"
    text = caught.value.message("fr")
    assert "Bureau L'Épicerie solidaire — 1 234,56 €" in text and "Surface (m²) & <co>" in text


def test_lines_take_the_vat_settings_dated_on_their_quarter(uow: UnitOfWork) -> None:
    """A service exempt until 30/06/2025 then taxable at 20 % (a dated value, store.dated)."""
    _, service_id = _world(uow)
    with uow.write("TVA datée") as session:
        session.add_all(
            [
                ServiceVatPeriod(
                    service_id=service_id,
                    valid_from=D(1900, 1, 1),
                    vat_regime="exempt_261b",
                    vat_rate_bp=0,
                ),
                ServiceVatPeriod(
                    service_id=service_id,
                    valid_from=D(2025, 7, 1),
                    vat_regime="taxable",
                    vat_rate_bp=2000,
                ),
            ]
        )
    calls = CallService(uow)
    q2 = calls.issue_provisional_calls(2025, 2, issue_date=D(2025, 4, 1), due_date=D(2025, 4, 30))
    q3 = calls.issue_provisional_calls(2025, 3, issue_date=ISSUE, due_date=DUE)
    assert all(line.vat_cents == 0 for call in q2 for line in call.lines)
    assert all(line.vat_rate_bp == 2000 for call in q3 for line in call.lines)
    line = q3[0].lines[0]
    assert explain_call_line(uow, q3[0].id, service_id, line_id=line.line_id).matches_stored
