"""« Pourquoi ce montant ? » for a call line: re-derived exactly as issuing did it."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from support.factories.calls import (
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
    standard_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.store.models import KeyVersionUnit, ServiceBudget
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def _issue(uow: UnitOfWork, quarter: int) -> list[CallView]:
    return CallService(uow).issue_provisional_calls(
        2025, quarter, issue_date=D(2025, 1, 5), due_date=D(2025, 1, 31)
    )


def test_a_provisional_line_is_budget_then_quarter_then_square_metres(uow: UnitOfWork) -> None:
    members, key_id, service_id = standard_world(uow)
    first, second, _ = _issue(uow, 1)
    why = explain_call_line(uow, first.id, service_id)
    assert (why.call_number, why.kind, why.period_label) == (
        "AF-2025-0001",
        "provisional",
        "T1 2025",
    )
    assert (why.member_id, why.service_name) == (members[0], "Locaux partagés & accueil <RDC>")
    part = why.quarter_part
    assert part is not None
    assert (part.budget_cents, part.parts, part.quarter, part.quarter_cents) == (
        1_200_000,
        (300_000, 300_000, 300_000, 300_000),
        1,
        300_000,
    )
    assert (part.quarter_start, part.quarter_end) == (D(2025, 1, 1), D(2025, 3, 31))
    share = why.share
    assert share is not None
    assert (share.key_id, share.key_name, share.method) == (key_id, "Surface (m²) & <co>", "units")
    assert share.method is Method.UNITS and why.key_unit == "m²"
    assert share.valid_from == D(2000, 1, 1) and share.version_id is not None
    assert (share.member_units, share.total_units) == (120_000, 250_000)
    assert (share.days_present, share.period_days, share.prorated) == (90, 90, False)
    assert share.exact == 144_000 and share.floor == 144_000 and not share.leftover_cent
    assert why.amount_cents == 144_000 and why.ttc_cents == 144_000
    assert why.vat.basis is SplitBasis.TTC and why.vat.cents == 0 and why.vat.rate_bp == 0
    assert why.matches_stored and why.actual_shares == () and why.earlier_calls == ()
    # the second member: 80 m² of 250 m²
    other = explain_call_line(uow, second.id, service_id)
    assert other.share is not None and other.share.member_units == 80_000
    assert other.amount_cents == 96_000 == other.stored_ttc_cents


def test_the_leftover_cents_are_explained(uow: UnitOfWork) -> None:
    _, _, service_id = standard_world(uow, budget_cents=100_001)
    first, second, third = _issue(uow, 1)
    why = explain_call_line(uow, first.id, service_id)
    assert why.quarter_part is not None
    # the odd cent of the budget goes to T1, then T1's 250,01 € is split by m²
    assert why.quarter_part.parts == (25_001, 25_000, 25_000, 25_000)
    share = why.share
    assert share is not None
    assert share.exact == Fraction(25_001 * 120, 250)  # 12 000,48 cents
    assert (share.floor, share.cents, share.leftover_cent) == (12_000, 12_001, True)
    assert why.amount_cents == 12_001 and why.matches_stored
    rest = [explain_call_line(uow, c.id, service_id).share for c in (second, third)]
    assert [(s.floor, s.cents, s.leftover_cent) for s in rest if s] == [
        (8_000, 8_000, False),
        (5_000, 5_000, False),
    ]


def test_the_vat_of_a_taxable_line_is_rounded_half_up(uow: UnitOfWork) -> None:
    seed_pole(uow, vat_registered=True)
    (member,) = seed_members(uow, 1)
    key_id = seed_units_key(uow, {member: 1})
    service_id = seed_service(
        uow, key_id, {2025: 4_020}, vat_regime="taxable", vat_rate_bp=1_000, name="Reprographie"
    )
    (call,) = _issue(uow, 1)
    why = explain_call_line(uow, call.id, service_id)
    assert why.amount_cents == 1_005
    vat = why.vat
    assert (vat.basis, vat.regime, vat.pole_vat_registered) == (SplitBasis.HT, "taxable", True)
    assert (vat.rate_bp, vat.exact_cents, vat.cents) == (1_000, Fraction(201, 2), 101)
    assert why.ttc_cents == 1_106 == why.stored_ttc_cents and why.matches_stored


def test_a_true_up_line_is_actual_shares_minus_provisional_calls(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow)
    weights = dict(zip(members, (120, 80, 50), strict=True))
    seed_cost(uow, service_id, 500_000, weights, start=D(2025, 1, 1), end=D(2025, 6, 30))
    seed_cost(
        uow,
        service_id,
        100_001,
        weights,
        start=D(2025, 9, 1),
        end=D(2025, 9, 30),
        label="Ménage & vitres",
    )
    seed_cost(uow, service_id, 777_00, weights, start=D(2026, 1, 1), end=D(2026, 1, 31))
    q1 = _issue(uow, 1)
    q2 = _issue(uow, 2)
    true_ups = CallService(uow).issue_true_up(
        2025, issue_date=D(2026, 1, 15), due_date=D(2026, 2, 15)
    )
    _issue(uow, 3)  # issued after the true-up: the true-up did not deduct it
    why = explain_call_line(uow, true_ups[0].id, service_id)
    assert why.is_true_up and why.quarter_part is None and why.share is None
    assert why.period_label == "Régularisation 2025"
    assert [(s.label, s.period_start, s.cents) for s in why.actual_shares] == [
        ("Loyer & charges <trimestre>", D(2025, 1, 1), 240_000),
        ("Ménage & vitres", D(2025, 9, 1), 48_001),
    ]
    assert [(c.number, c.period_label, c.cents) for c in why.earlier_calls] == [
        (q1[0].number, "T1 2025", 144_000),
        (q2[0].number, "T2 2025", 144_000),
    ]
    assert (why.actual_cents, why.called_cents) == (288_001, 288_000)
    assert why.amount_cents == 1 == why.stored_ht_cents and why.matches_stored
    assert len(true_ups) == 1  # the others' shares equal their calls to the cent


def test_a_budget_changed_after_issuing_no_longer_matches(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow)
    first, *_ = _issue(uow, 1)
    with uow.write("Changer le budget") as session:
        budget = session.query(ServiceBudget).filter_by(service_id=service_id, year=2025).one()
        budget.amount_cents = 1_000_000
        unit = session.query(KeyVersionUnit).filter_by(member_id=members[2]).one()
        unit.units_milli = 100_000
    why = explain_call_line(uow, first.id, service_id)
    assert why.quarter_part is not None and why.quarter_part.quarter_cents == 250_000
    assert why.share is not None and why.share.total_units == 300_000
    assert why.amount_cents == 100_000 and why.stored_ht_cents == 144_000
    assert not why.matches_stored


def test_unknown_call_or_line_is_not_found(uow: UnitOfWork) -> None:
    _, _, service_id = standard_world(uow)
    first, *_ = _issue(uow, 1)
    with pytest.raises(PtceError) as excinfo:
        explain_call_line(uow, 999, service_id)
    assert excinfo.value.message("fr") == "Appel de fonds introuvable (n° 999)."
    with pytest.raises(PtceError) as excinfo:
        explain_call_line(uow, first.id, service_id + 1)
    assert excinfo.value.code == "not_found"
