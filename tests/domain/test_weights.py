"""A key's effective weights over a period (one rule for the split, screens, explanations and
reports) and the one rounding of share percentages (alone: half up; a column: largest
remainder, adding up to exactly 100,00 %)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import split_cost, split_cost_cents
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import (
    KeySpec,
    KeyVersion,
    MemberPresence,
    Method,
    MixedPart,
    UsageRecord,
)
from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.percentages import percent_column, share_percent_bp
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.domain.weights import effective_weights, versions_in

D = date
NAME = "Clé « m² » & <co> l'an €" + " très longue" * 10


def key(method: Method, *versions: tuple[date, dict[int, int]], **extra: object) -> KeySpec:
    return KeySpec(
        NAME,
        method,
        tuple(KeyVersion(i, start, values) for i, (start, values) in enumerate(versions, 1)),
        id=7,
        **extra,  # type: ignore[arg-type]
    )


def test_member_who_left_before_the_year_takes_no_part_of_an_equal_key() -> None:
    """The bug of issue 8: a listed member gone on 31/12/2024 weighed 1/3 in 2025."""
    equal = key(Method.EQUAL, (D(2024, 1, 1), {1: 1, 2: 1, 3: 1}))
    members = [MemberPresence(1), MemberPresence(2), MemberPresence(3, left=D(2024, 12, 31))]
    weights = effective_weights(equal, D(2025, 1, 1), D(2025, 12, 31), members)
    assert [m.member_id for m in weights.members] == [1, 2]
    assert weights.shares() == {1: Fraction(1, 2), 2: Fraction(1, 2)}
    assert weights.days[3] == 0
    split = split_cost(1001, equal, D(2025, 1, 1), D(2025, 12, 31), members)
    assert {s.member_id: s.cents for s in split} == {1: 501, 2: 500}


def test_partial_presence_is_prorated_by_days() -> None:
    units = key(Method.UNITS, (D(2024, 1, 1), {1: 100_000, 2: 100_000}))
    members = [MemberPresence(1), MemberPresence(2, joined=D(2025, 7, 1))]
    weights = effective_weights(units, D(2025, 1, 1), D(2025, 12, 31), members)
    second = weights.members[1]
    assert (second.days_present, second.period_days, second.prorated) == (184, 365, True)
    assert second.weight == Fraction(100_000 * 184, 365)
    assert second.units == 100_000
    assert weights.total_units == 200_000
    assert not weights.members[0].prorated


def test_usage_is_not_prorated_and_mixed_has_no_units() -> None:
    usage = key(
        Method.USAGE,
        (D(2024, 1, 1), {}),
        usage=(UsageRecord(1, D(2025, 3, 1), 4000), UsageRecord(2, D(2026, 1, 2), 9000)),
    )
    members = [MemberPresence(1, left=D(2025, 6, 30)), MemberPresence(2)]
    weights = effective_weights(usage, D(2025, 1, 1), D(2025, 12, 31), members)
    assert weights.weights() == {1: Fraction(4000)}
    equal = key(Method.EQUAL, (D(2024, 1, 1), {}))
    mixed = KeySpec(
        "Mixte", Method.MIXED, (KeyVersion(9, D(2024, 1, 1), parts=(MixedPart(equal, 1),)),)
    )
    both = effective_weights(mixed, D(2025, 1, 1), D(2025, 12, 31), members)
    assert both.total_units is None
    assert both.shares() == {1: Fraction(181, 546), 2: Fraction(365, 546)}


def test_no_participant_is_not_an_error_until_checked() -> None:
    units = key(Method.UNITS, (D(2024, 1, 1), {1: 5}))
    weights = effective_weights(units, D(2025, 1, 1), D(2025, 3, 31), [MemberPresence(2)])
    assert weights.members == () and weights.shares() == {}
    with pytest.raises(PtceError) as caught:
        weights.check("Loyer T1")
    assert caught.value.code == "no_participant"


def test_versions_in_a_year() -> None:
    units = key(Method.UNITS, (D(2024, 1, 1), {1: 1}), (D(2025, 7, 1), {1: 2}))
    found = [(v.id, a, b) for v, a, b in versions_in(units, D(2025, 1, 1), D(2025, 12, 31))]
    assert found == [(1, D(2025, 1, 1), D(2025, 6, 30)), (2, D(2025, 7, 1), D(2025, 12, 31))]
    assert [v.id for v, _, _ in versions_in(units, D(2026, 1, 1), D(2026, 12, 31))] == [2]


# --- property: the split over the effective weights adds up ------------------------------------

presences = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=400),  # joined, days after 2024-10-01 (0 = none)
        st.integers(min_value=0, max_value=400),  # left, days after 2024-10-01 (0 = none)
        st.integers(min_value=0, max_value=500_000),  # units
    ),
    min_size=1,
    max_size=12,
)


@given(st.integers(min_value=-(10**11), max_value=10**11), presences, st.sampled_from(Method))
def test_split_over_effective_weights_sums_to_the_cost(
    total: int, rows: list[tuple[int, int, int]], method: Method
) -> None:
    if method in (Method.USAGE, Method.MIXED):
        method = Method.UNITS
    origin = D(2024, 10, 1)
    members = [
        MemberPresence(
            i,
            origin + timedelta(days=joined) if joined else None,
            origin + timedelta(days=left) if left else None,
        )
        for i, (joined, left, _units) in enumerate(rows, 1)
    ]
    spec = key(method, (D(2024, 1, 1), {i: units for i, (_, _, units) in enumerate(rows, 1)}))
    start, end = D(2025, 1, 1), D(2025, 12, 31)
    weights = effective_weights(spec, start, end, members)
    if not weights.members:
        return
    cents = allocate_cents(total, weights.weights())
    assert sum(cents.values()) == total
    assert all(m.weight > 0 and m.days_present > 0 for m in weights.members)
    # The engine's two paths split over exactly these weights.
    assert {s.member_id: s.cents for s in split_cost(total, spec, start, end, members)} == cents
    assert split_cost_cents(total, spec, start, end, members).cents == cents


# --- percentages -------------------------------------------------------------------------------


def test_share_percent_is_rounded_half_up() -> None:
    """24,69 m² out of 200 is 12,345 %: 12,35 % everywhere (the key editor said 12,34 %)."""
    share = Fraction(24_690, 200_000)
    assert share_percent_bp(share) == 1235
    assert format_percent(share_percent_bp(share), fixed=True) == "12,35\u00a0%"
    assert share_percent_bp(Fraction(1, 3)) == 3333
    assert share_percent_bp(Fraction(-2469, 20_000)) == -1235
    assert share_percent_bp(1) == 10_000


def test_percent_column_adds_up_to_exactly_100() -> None:
    assert percent_column({1: 1, 2: 1, 3: 1}) == {1: 3334, 2: 3333, 3: 3333}
    # 12,345 % and 87,655 %: both halves; the engine's tie rule gives the cent to the larger
    # weight, and the column still adds up to 100,00 %.
    assert percent_column({5: Fraction(24_690), 6: Fraction(175_310)}) == {5: 1234, 6: 8766}
    assert percent_column({5: 24_690, 6: 100_000, 7: 75_000, 8: 310}) == {
        5: 1235,
        6: 5000,
        7: 3750,
        8: 15,
    }
    assert percent_column({1: 0, 2: 3}) == {1: 0, 2: 10_000}
    assert percent_column({1: 0}) == {1: 0}
    assert percent_column({}) == {}


@given(
    st.dictionaries(
        st.integers(min_value=1, max_value=10_000),
        st.fractions(min_value=0, max_value=10**6, max_denominator=1000),
        min_size=1,
        max_size=60,
    )
)
def test_a_percent_column_always_sums_to_100(weights: dict[int, Fraction]) -> None:
    column = percent_column(weights)
    total = sum(weights.values())
    if total == 0:
        assert set(column.values()) == {0}
        return
    assert sum(column.values()) == 10_000
    for member, weight in weights.items():
        # Never more than 0,01 % from the exact share.
        assert abs(column[member] - weight / total * 10_000) < 1
