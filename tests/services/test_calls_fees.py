"""Billing coefficient and management fee on a shared service (DESIGN §4b, issue 11 item 3).

The rule (one domain function, :func:`~ptce_desktop.domain.billing.bill`): surcharge =
(coefficient − 1) × base and fee = rate × base, each rounded once, half up, to the cent; applied
to the budget before the split for the calls, to each cost for the true-up; surcharge and fee
are lines of their own, with VAT on each line of a taxable service.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from support.factories.calls import (
    fresh_uow,
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
)

from ptce_desktop.domain.billing import (
    Billing,
    LineComponent,
    bill,
    format_coefficient,
    parse_coefficient,
    round_half_up,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.split import allocate_cents, split_over_quarters
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.store.models import ServiceBillingTerm
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
ISSUE, DUE = D(2025, 1, 5), D(2025, 1, 31)
SERVICE_NAME = "Personnel mutualisé « GE » & <co> — l'€"


def _issue(calls: CallService, quarter: int, year: int = 2025) -> list[CallView]:
    return calls.issue_provisional_calls(year, quarter, issue_date=ISSUE, due_date=DUE)


def _set_billing(
    uow: UnitOfWork,
    service_id: int,
    coefficient_e4: int | None,
    fee_rate_bp: int | None,
    billing_from: dt.date | None = None,
) -> None:
    services = SharedServiceService(uow)
    services.set_billing_term(service_id, None, Billing())  # no earlier term
    services.set_billing_term(service_id, billing_from, Billing(coefficient_e4, fee_rate_bp))


# --- the rule -------------------------------------------------------------------------------


def test_fee_is_base_times_rate_rounded_half_up_once() -> None:
    assert bill(10_005, Billing(fee_rate_bp=600)).fee_cents == 600  # 600,30
    assert bill(10_025, Billing(fee_rate_bp=600)).fee_cents == 602  # 601,50 → half up
    assert bill(10_025, Billing(fee_rate_bp=600)).fee_exact == Fraction(6015, 10)
    assert bill(-10_025, Billing(fee_rate_bp=600)).fee_cents == -602  # a credit mirrors
    assert bill(1, Billing(fee_rate_bp=5000)).fee_cents == 1  # 0,5 cent → 1


def test_surcharge_is_coefficient_minus_one_times_base() -> None:
    billed = bill(1_200_000, Billing(coefficient_e4=17_500, fee_rate_bp=600))
    assert (billed.surcharge_cents, billed.fee_cents) == (900_000, 72_000)
    assert billed.total_cents == 2_172_000
    # a coefficient below 1 gives a negative surcharge (a discount), still rounded once
    assert bill(333, Billing(coefficient_e4=9_500)).surcharge_cents == -17  # −16,65
    assert bill(100, Billing()).total_cents == 100


@given(st.integers(-(10**11), 10**11), st.integers(1, 100_000), st.integers(0, 10_000))
def test_each_part_is_the_nearest_cent_half_up(base: int, coefficient: int, rate: int) -> None:
    billed = bill(base, Billing(coefficient, rate))
    for cents, exact in (
        (billed.surcharge_cents, billed.surcharge_exact),
        (billed.fee_cents, billed.fee_exact),
    ):
        assert abs(cents - exact) <= Fraction(1, 2)
        if abs(cents - exact) == Fraction(1, 2):
            assert abs(cents) > abs(exact)  # half away from zero
    assert billed.fee_exact == Fraction(base * rate, 10_000)


def test_round_half_up() -> None:
    assert [round_half_up(n, 10) for n in (14, 15, -15, -14, 0)] == [1, 2, -2, -1, 0]


@pytest.mark.parametrize("coefficient", [0, -1, 100_001])
def test_coefficient_out_of_range_is_refused(coefficient: int) -> None:
    with pytest.raises(PtceError) as caught:
        bill(100, Billing(coefficient_e4=coefficient))
    assert caught.value.code == "coefficient_out_of_range"
    assert "supérieur à 0 et au plus 10" in caught.value.message("fr")


def test_fee_above_100_percent_is_refused() -> None:
    with pytest.raises(PtceError) as caught:
        bill(100, Billing(fee_rate_bp=10_001))
    assert caught.value.code == "fee_rate_out_of_range"
    assert "100" in caught.value.message("fr")


def test_coefficient_is_read_and_printed_exactly() -> None:
    assert parse_coefficient("1,75") == 17_500
    assert parse_coefficient("1.75", "en") == 17_500
    assert parse_coefficient("2") == 20_000
    assert format_coefficient(17_500) == "1,75"
    assert format_coefficient(17_500, lang="en") == "1.75"
    for bad, code in (
        ("0", "coefficient_out_of_range"),
        ("10,5", "coefficient_out_of_range"),
        ("1,23456", "coefficient_too_precise"),
        ("abc", "invalid_coefficient"),
    ):
        with pytest.raises(PtceError) as caught:
            parse_coefficient(bad)
        assert caught.value.code == code


# --- the service form -----------------------------------------------------------------------


def test_service_keeps_its_billing_and_refuses_bad_values(uow: UnitOfWork) -> None:
    seed_pole(uow)
    services = SharedServiceService(uow)
    draft = ServiceDraft(
        name=SERVICE_NAME,
        billing_coefficient_e4=17_500,
        fee_rate_bp=600,
        billing_from=D(2025, 1, 1),
    )
    service_id = services.create_service(draft)
    view = services.get_service(service_id)
    assert (view.billing_coefficient_e4, view.fee_rate_bp, view.billing_from) == (
        17_500,
        600,
        D(2025, 1, 1),
    )
    for bad in (
        ServiceDraft(name=SERVICE_NAME, billing_coefficient_e4=0),
        ServiceDraft(name=SERVICE_NAME, billing_coefficient_e4=100_001),
        ServiceDraft(name=SERVICE_NAME, fee_rate_bp=10_001),
    ):
        with pytest.raises(PtceError):
            services.update_service(service_id, bad)
    assert services.get_service(service_id).billing_coefficient_e4 == 17_500


def test_a_261b_service_with_a_fee_warns_on_saving() -> None:
    from ptce_desktop.ui.pages.services.dialogs import billing_warning_261b

    exempt = ServiceDraft(name=SERVICE_NAME, fee_rate_bp=600)
    warning = billing_warning_261b(exempt, "fr")
    assert warning is not None and "261 B" in warning and SERVICE_NAME in warning
    assert "exactement sa quote-part" in warning
    assert billing_warning_261b(ServiceDraft(name=SERVICE_NAME), "fr") is None
    taxable = ServiceDraft(
        name=SERVICE_NAME, vat_regime="taxable", vat_rate_bp=2000, billing_coefficient_e4=15_000
    )
    assert billing_warning_261b(taxable, "fr") is None
    # a coefficient of exactly 1 charges nothing extra: no warning
    one = ServiceDraft(name=SERVICE_NAME, billing_coefficient_e4=10_000)
    assert billing_warning_261b(one, "en") is None


# --- calls ----------------------------------------------------------------------------------


def _taxable_world(uow: UnitOfWork) -> tuple[tuple[int, ...], int]:
    seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    service_id = seed_service(
        uow,
        key_id,
        {2025: 1_200_000},
        name=SERVICE_NAME,
        vat_regime="taxable",
        vat_rate_bp=2000,
    )
    _set_billing(uow, service_id, 15_000, 600)
    return members, service_id


def test_quarter_call_carries_surcharge_and_fee_lines_with_vat_on_each(uow: UnitOfWork) -> None:
    members, service_id = _taxable_world(uow)
    calls = _issue(CallService(uow), 1)
    first = calls[0]
    assert first.member_id == members[0]
    # base 1 200 000 → 300 000 a quarter; surcharge 600 000 → 150 000; fee 72 000 → 18 000;
    # 120/250 of each: 144 000, 72 000, 8 640.
    rows = [(line.component, line.ht_cents, line.vat_cents, line.label) for line in first.lines]
    assert rows == [
        ("base", 144_000, 28_800, None),
        ("surcharge", 72_000, 14_400, "Majoration (coefficient 1,5)"),
        ("fee", 8_640, 1_728, "Frais de gestion 6\xa0%"),
    ]
    assert first.lines[2].text == f"{SERVICE_NAME} — Frais de gestion 6\xa0%"
    # VAT covers base + surcharge + fee
    assert first.total_vat_cents == 44_928 == (144_000 + 72_000 + 8_640) * 20 // 100
    assert first.total_cents == 224_640 + 44_928
    by_component: dict[str, int] = defaultdict(int)
    for call in calls:
        for line in call.lines:
            by_component[line.component] += line.ht_cents
    assert dict(by_component) == {"base": 300_000, "surcharge": 150_000, "fee": 18_000}
    assert all(line.service_id == service_id for call in calls for line in call.lines)


def test_billing_applies_from_its_start_date(uow: UnitOfWork) -> None:
    _, service_id = _taxable_world(uow)
    _set_billing(uow, service_id, 15_000, 600, D(2025, 4, 1))
    calls = CallService(uow)
    assert {line.component for c in _issue(calls, 1) for line in c.lines} == {"base"}
    assert {line.component for c in _issue(calls, 2) for line in c.lines} == {
        "base",
        "surcharge",
        "fee",
    }


def test_fee_line_explains_itself(uow: UnitOfWork) -> None:
    _, service_id = _taxable_world(uow)
    first = _issue(CallService(uow), 1)[0]
    fee = next(line for line in first.lines if line.component == "fee")
    why = explain_call_line(uow, first.id, service_id, line_id=fee.line_id)
    assert why.component == "fee" and why.billing is not None
    assert (why.billing.base_cents, why.billing.fee_rate_bp, why.billing.cents) == (
        1_200_000,
        600,
        72_000,
    )
    assert why.quarter_part is not None and why.quarter_part.quarter_cents == 18_000
    assert why.amount_cents == 8_640 and why.matches_stored


def test_true_up_fee_on_a_cost_is_base_times_rate_half_up(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (1, 1, 1), strict=True)))
    service_id = seed_service(uow, key_id, {2025: 0}, name=SERVICE_NAME)
    _set_billing(uow, service_id, None, 600)
    seed_cost(
        uow, service_id, 10_025, {m: 1 for m in members}, start=D(2025, 2, 1), end=D(2025, 2, 28)
    )
    true_ups = CallService(uow).issue_true_up(
        2025, issue_date=D(2026, 1, 10), due_date=D(2026, 2, 10)
    )
    fees = [line.ht_cents for c in true_ups for line in c.lines if line.component == "fee"]
    assert sum(fees) == 602  # 10 025 × 6 % = 601,50 → 602, rounded once for the cost
    assert sorted(fees) == [200, 201, 201]
    bases = [line.ht_cents for c in true_ups for line in c.lines if line.component == "base"]
    assert sum(bases) == 10_025


# --- the property ----------------------------------------------------------------------------


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(st.integers(0, 300), min_size=2, max_size=4).filter(any),
    budget=st.integers(0, 5_000_000),
    coefficient=st.one_of(st.none(), st.integers(1, 100_000)),
    fee=st.one_of(st.none(), st.integers(0, 10_000)),
    costs=st.lists(st.integers(-50_000, 2_000_000), min_size=0, max_size=4),
    quarters=st.sets(st.integers(1, 4)),
    taxable=st.booleans(),
)
def test_calls_plus_true_up_equal_the_actual_shares_with_coefficient_and_fee(
    _template_db: Path,
    weights: list[int],
    budget: int,
    coefficient: int | None,
    fee: int | None,
    costs: list[int],
    quarters: set[int],
    taxable: bool,
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow, vat_registered=True)
        members = seed_members(uow, len(weights))
        key_id = seed_units_key(uow, dict(zip(members, weights, strict=True)))
        service_id = seed_service(
            uow,
            key_id,
            {2025: budget},
            name=SERVICE_NAME,
            vat_regime="taxable" if taxable else "exempt_261b",
            vat_rate_bp=550 if taxable else 0,
        )
        _set_billing(uow, service_id, coefficient, fee)
        actual: dict[tuple[int, str], int] = defaultdict(int)
        for n, amount in enumerate(costs):
            shares = seed_cost(
                uow,
                service_id,
                amount,
                dict(zip(members, weights, strict=True)),
                start=D(2025, 1 + n, 1),
                end=D(2025, 1 + n, 28),
            )
            billed = bill(amount, Billing(coefficient, fee))
            assert billed.fee_cents == round_half_up(amount * (fee or 0), 10_000)
            for member, cents in shares.items():
                actual[member, "base"] += cents
            for component in (LineComponent.SURCHARGE, LineComponent.FEE):
                part = billed.component(component)
                if part:
                    for member, cents in allocate_cents(
                        part, {m: abs(c) for m, c in shares.items()}
                    ).items():
                        actual[member, component.value] += cents
        calls = CallService(uow)
        issued = [call for q in sorted(quarters) for call in _issue(calls, q)]
        issued += calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
        called: dict[tuple[int, str], int] = defaultdict(int)
        for call in issued:
            assert call.total_cents == sum(line.ttc_cents for line in call.lines)
            assert call.total_ht_cents + call.total_vat_cents == call.total_cents
            for line in call.lines:
                called[call.member_id, line.component] += line.ht_cents
        keys = set(actual) | set(called)
        assert {k: called[k] for k in keys} == {k: actual[k] for k in keys}
        # every quarter's lines add up to the quarter of each billed part
        billed_year = bill(budget, Billing(coefficient, fee))
        with uow.read() as session:
            assert session.scalar(select(ServiceBillingTerm.fee_rate_bp)) == fee
        for q in quarters:
            for component in LineComponent:
                total = sum(
                    line.ht_cents
                    for call in issued
                    if call.quarter == q
                    for line in call.lines
                    if line.component == component.value
                )
                assert total == split_over_quarters(billed_year.component(component))[q - 1]
