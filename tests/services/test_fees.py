"""Membership fees per category and fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from support.factories.costs import seed_members, seed_pole

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def test_fees_set_list_and_due(uow: UnitOfWork) -> None:
    seed_pole(uow)
    seed_members(
        uow,
        5,
        categories=(
            "ess_enterprise",
            "ess_enterprise",
            "local_authority",
            "person",
            "ess_enterprise",
        ),
        joined={4: D(2026, 1, 1)},
        left={1: D(2024, 12, 31)},
    )
    fees = FeeService(uow)
    fees.set_fee(2025, "ess_enterprise", 10_000)
    fees.set_fee(2025, "ess_enterprise", 15_000)
    fees.set_fee(2025, "local_authority", 50_000)
    fees.set_fee(2024, "person", 2_000)
    listed = {fee.category: fee.amount_cents for fee in fees.list_fees(2025)}
    assert listed[MemberCategory.ESS_ENTERPRISE] == 15_000
    assert listed[MemberCategory.PERSON] is None
    assert len(listed) == len(MemberCategory)
    due = fees.fees_due(2025)
    # One ESS enterprise left in 2024, another joins in 2026: only one counts in 2025.
    assert [(line.category, line.member_count, line.total_cents) for line in due.by_category] == [
        (MemberCategory.ESS_ENTERPRISE, 1, 15_000),
        (MemberCategory.LOCAL_AUTHORITY, 1, 50_000),
    ]
    assert fees.total_fees_due(2025) == 65_000
    assert fees.total_fees_due(2024) == 2_000
    fees.remove_fee(2024, "person")
    assert fees.total_fees_due(2024) == 0


@pytest.mark.parametrize(
    ("year", "category", "amount", "code", "field"),
    [
        (2025, "martien", 100, "unknown_category", "category"),
        (2025, "person", -1, "negative_amount", "amount_cents"),
        (2025, "person", 10**12, "amount_out_of_bounds", "amount_cents"),
        (1800, "person", 100, "invalid_value", "year"),
    ],
)
def test_fee_validation_errors(
    uow: UnitOfWork, year: int, category: str, amount: int, code: str, field: str
) -> None:
    with pytest.raises(PtceError) as caught:
        FeeService(uow).set_fee(year, category, amount)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert caught.value.message("fr")


def test_remove_missing_fee(uow: UnitOfWork) -> None:
    with pytest.raises(PtceError) as caught:
        FeeService(uow).remove_fee(2025, "person")
    assert caught.value.code == "not_found"
