"""The allocation engine (DESIGN §4): table cases and the properties that make it trustworthy."""

from __future__ import annotations

import random
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import split_cost
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import (
    KeySpec,
    KeyVersion,
    MemberPresence,
    Method,
    MixedPart,
    ShareExplanation,
    UsageRecord,
)
from ptce_desktop.domain.split import allocate_cents, split_over_quarters
from ptce_desktop.domain.vat import SplitBasis, VatRegime, amount_to_split, split_basis, vat_cents
from ptce_desktop.domain.weights import key_weights

Q1_START, Q1_END = date(2025, 1, 1), date(2025, 3, 31)  # 90 days
EVERYONE = [MemberPresence(1), MemberPresence(2), MemberPresence(3)]


def units_key(name: str, values: dict[int, int], valid_from: date = date(2024, 1, 1)) -> KeySpec:
    return KeySpec(name, Method.UNITS, (KeyVersion(10, valid_from, values),), id=7, unit="m²")


def cents_of(shares: list[ShareExplanation]) -> dict[int, int]:
    return {share.member_id: share.cents for share in shares}


# --- allocate_cents: table cases ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        # 1 000,00 € equally over 3: the extra cent goes to the lowest id (equal weights).
        (100_000, {1: 1, 2: 1, 3: 1}, {1: 33_334, 2: 33_333, 3: 33_333}),
        (100_000, {3: 1, 2: 1, 1: 1}, {1: 33_334, 2: 33_333, 3: 33_333}),
        # 10,00 € over 45/20/34: exact 4,5454… / 2,0202… / 3,4343…
        (1_000, {1: 45, 2: 20, 3: 34}, {1: 455, 2: 202, 3: 343}),
        # 12 000,00 € by m² 120/80/50.
        (1_200_000, {1: 120, 2: 80, 3: 50}, {1: 576_000, 2: 384_000, 3: 240_000}),
        # A credit is split as its magnitude and negated.
        (-100_000, {1: 1, 2: 1, 3: 1}, {1: -33_334, 2: -33_333, 3: -33_333}),
        # Weight 0 takes nothing, even with cents left over.
        (100, {1: 1, 2: 0, 3: 2}, {1: 33, 2: 0, 3: 67}),
        # Equal remainders (0,5 and 1,5): the larger weight wins before the lower id.
        (2, {1: 1, 2: 3}, {1: 0, 2: 2}),
        (2, {1: 3, 2: 1}, {1: 2, 2: 0}),
        # Equal remainders and equal weights: the lower id.
        (3, {4: 2, 3: 2, 2: 1, 1: 1}, {1: 1, 2: 0, 3: 1, 4: 1}),
        (0, {1: 1, 2: 1}, {1: 0, 2: 0}),
        (7, {5: Fraction(1, 3), 9: Fraction(2, 3)}, {5: 2, 9: 5}),
    ],
)
def test_allocate_cents_table(
    total: int, weights: dict[int, Fraction | int], expected: dict[int, int]
) -> None:
    result = allocate_cents(total, weights)
    assert result == expected
    assert list(result) == sorted(result)


@pytest.mark.parametrize(
    ("weights", "code"),
    [
        ({}, "no_participant"),
        ({1: 0, 2: 0}, "all_weights_zero"),
        ({1: 1, 2: -1}, "negative_weight"),
    ],
)
def test_allocate_cents_errors_name_cost_and_key(weights: dict[int, int], code: str) -> None:
    with pytest.raises(PtceError) as info:
        allocate_cents(1000, weights, cost_label="Loyer T1 & co", key_name="Surface m²")
    assert info.value.code == code
    message = info.value.message("fr")
    assert "Loyer T1 & co" in message and "Surface m²" in message


def test_split_over_quarters() -> None:
    assert split_over_quarters(1_000_003) == [250_001, 250_001, 250_001, 250_000]
    assert split_over_quarters(-2) == [-1, -1, 0, 0]
    assert sum(split_over_quarters(123_457)) == 123_457


# --- allocate_cents: properties -------------------------------------------------------------------

totals = st.integers(min_value=-(10**13), max_value=10**13)
weight_maps = st.dictionaries(
    st.integers(min_value=1, max_value=10_000),
    st.fractions(min_value=0, max_value=10**6, max_denominator=1000),
    min_size=1,
    max_size=12,
).filter(lambda weights: any(weight > 0 for weight in weights.values()))


@given(totals, weight_maps)
def test_shares_sum_to_total_and_stay_within_a_cent(
    total: int, weights: dict[int, Fraction]
) -> None:
    result = allocate_cents(total, weights)
    assert sum(result.values()) == total
    weight_sum = sum(weights.values())
    for member, cents in result.items():
        exact = total * weights[member] / weight_sum
        assert abs(cents - exact) < 1
        if weights[member] == 0:
            assert cents == 0


@given(totals, weight_maps, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(
    total: int, weights: dict[int, Fraction], rnd: random.Random
) -> None:
    items = list(weights.items())
    rnd.shuffle(items)
    assert allocate_cents(total, dict(items)) == allocate_cents(total, weights)


@given(st.integers(min_value=0, max_value=10**13), weight_maps)
def test_credit_mirrors_charge(total: int, weights: dict[int, Fraction]) -> None:
    positive = allocate_cents(total, weights)
    negative = allocate_cents(-total, weights)
    assert negative == {member: -cents for member, cents in positive.items()}


# --- split_cost: keys, versions, prorating --------------------------------------------------------


def test_units_key_explanations() -> None:
    key = units_key("Surface", {1: 120_000, 2: 80_000, 3: 50_000})
    shares = split_cost(1_200_000, key, Q1_START, Q1_END, EVERYONE, cost_label="Loyer")
    assert cents_of(shares) == {1: 576_000, 2: 384_000, 3: 240_000}
    first = shares[0]
    assert (first.member_units, first.total_units) == (120_000, 250_000)
    assert (first.key_name, first.key_id, first.version_id) == ("Surface", 7, 10)
    assert first.method is Method.UNITS
    assert first.exact == 576_000 and first.floor == 576_000
    assert not first.leftover_cent and not first.prorated
    assert first.rounding_delta == 0
    assert (first.days_present, first.period_days) == (90, 90)


def test_equal_key_explains_the_extra_cent() -> None:
    key = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(1, date(2020, 1, 1)),))
    shares = split_cost(100_000, key, Q1_START, Q1_END, EVERYONE)
    assert [s.cents for s in shares] == [33_334, 33_333, 33_333]
    assert [s.leftover_cent for s in shares] == [True, False, False]
    assert shares[0].floor == 33_333
    assert shares[0].exact == Fraction(100_000, 3)
    assert shares[0].rounding_delta == Fraction(2, 3)
    assert shares[1].rounding_delta == Fraction(-1, 3)


def test_equal_key_with_listed_participants() -> None:
    version = KeyVersion(1, date(2020, 1, 1), {1: 1, 3: 1, 2: 0})
    key = KeySpec("Utilisateurs", Method.EQUAL, (version,))
    assert cents_of(split_cost(1_001, key, Q1_START, Q1_END, EVERYONE)) == {1: 501, 3: 500}


def test_member_present_half_of_the_quarter() -> None:
    # Q1 2025 has 90 days; member 3 joins on 15 February: 45 days present.
    members = [MemberPresence(1), MemberPresence(2), MemberPresence(3, joined=date(2025, 2, 15))]
    key = units_key("Surface", {1: 100_000, 2: 100_000, 3: 100_000})
    shares = split_cost(50_000, key, Q1_START, Q1_END, members)
    assert cents_of(shares) == {1: 20_000, 2: 20_000, 3: 10_000}
    third = shares[2]
    assert third.prorated and (third.days_present, third.period_days) == (45, 90)
    assert third.weight == 50_000 and third.total_weight == 250_000
    assert third.member_units == 100_000


def test_members_absent_all_period_are_excluded() -> None:
    members = [
        MemberPresence(1),
        MemberPresence(2, left=date(2024, 12, 31)),
        MemberPresence(3, joined=date(2025, 4, 1)),
    ]
    key = units_key("Surface", {1: 10_000, 2: 10_000, 3: 10_000, 4: 10_000})  # 4 not a member
    assert cents_of(split_cost(999, key, Q1_START, Q1_END, members)) == {1: 999}


def test_version_in_force_on_first_day_of_period() -> None:
    old = KeyVersion(1, date(2024, 1, 1), {1: 1, 2: 1})
    on_first_day = KeyVersion(2, date(2025, 1, 1), {1: 3, 2: 1})
    mid_period = KeyVersion(3, date(2025, 2, 1), {1: 1, 2: 3})
    key = KeySpec("Surface", Method.UNITS, (mid_period, old, on_first_day))
    shares = split_cost(400, key, Q1_START, Q1_END, EVERYONE)
    assert cents_of(shares) == {1: 300, 2: 100}
    assert {s.version_id for s in shares} == {2}
    assert shares[0].valid_from == date(2025, 1, 1)


def test_no_version_in_force() -> None:
    key = units_key("Surface", {1: 1}, valid_from=date(2025, 1, 2))
    with pytest.raises(PtceError) as info:
        split_cost(100, key, Q1_START, Q1_END, EVERYONE)
    assert info.value.code == "no_key_version"
    assert "01/01/2025" in info.value.message()


def test_usage_key_counts_only_usage_inside_the_period() -> None:
    usage = (
        UsageRecord(1, date(2024, 12, 31), 50_000),  # before: ignored
        UsageRecord(1, date(2025, 1, 1), 2_000),
        UsageRecord(2, date(2025, 3, 31), 1_000),
        UsageRecord(1, date(2025, 2, 10), 1_000),
        UsageRecord(3, date(2025, 4, 1), 90_000),  # after: ignored
    )
    key = KeySpec(
        "Salle de réunion", Method.USAGE, (KeyVersion(None, date(2020, 1, 1)),), usage=usage
    )
    shares = split_cost(40_000, key, Q1_START, Q1_END, EVERYONE)
    assert cents_of(shares) == {1: 30_000, 2: 10_000}
    assert (shares[0].member_units, shares[0].total_units) == (3_000, 4_000)


def test_percent_key() -> None:
    version = KeyVersion(4, date(2025, 1, 1), {1: 5_000, 2: 3_000, 3: 2_000})
    key = KeySpec("Convention", Method.PERCENT, (version,))
    assert cents_of(split_cost(12_345, key, Q1_START, Q1_END, EVERYONE)) == {
        1: 6_173,
        2: 3_703,
        3: 2_469,
    }


def mixed_key(equal_weight: int = 3_000, m2_weight: int = 7_000) -> KeySpec:
    equal = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(1, date(2020, 1, 1)),))
    m2 = units_key("Surface", {1: 120_000, 2: 80_000, 3: 50_000})
    parts = (MixedPart(equal, equal_weight), MixedPart(m2, m2_weight))
    return KeySpec(
        "30 % égal + 70 % m²", Method.MIXED, (KeyVersion(9, date(2024, 1, 1), parts=parts),)
    )


def test_mixed_key_is_split_once() -> None:
    key = mixed_key()
    weights = key_weights(key, Q1_START, Q1_END, EVERYONE)
    # Member 1: 0,3 × 1/3 + 0,7 × 120/250 = 0,436
    assert weights == {1: Fraction(436, 1000), 2: Fraction(324, 1000), 3: Fraction(240, 1000)}
    shares = split_cost(100_000, key, Q1_START, Q1_END, EVERYONE)
    assert cents_of(shares) == {1: 43_600, 2: 32_400, 3: 24_000}
    assert shares[0].member_units is None and shares[0].total_units is None
    assert [p.key_name for p in shares[0].parts] == ["Parts égales", "Surface"]
    assert shares[0].parts[1].part_weight == Fraction(7, 10)
    assert shares[0].parts[1].member_units == 120_000


def test_mixed_key_part_with_no_units_names_the_part() -> None:
    empty = units_key("Postes informatiques", {1: 0, 2: 0})
    equal = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(1, date(2020, 1, 1)),))
    parts = (MixedPart(equal, 1), MixedPart(empty, 1))
    key = KeySpec("Mixte", Method.MIXED, (KeyVersion(9, date(2024, 1, 1), parts=parts),))
    with pytest.raises(PtceError) as info:
        split_cost(100, key, Q1_START, Q1_END, EVERYONE, cost_label="Licences")
    assert info.value.code == "all_weights_zero"
    assert info.value.values == {"cost": "Licences", "key": "Postes informatiques"}


def test_all_zero_units_error_names_cost_and_key() -> None:
    key = units_key("Surface", {1: 0, 2: 0})
    with pytest.raises(PtceError) as info:
        split_cost(100, key, Q1_START, Q1_END, EVERYONE, cost_label="Ménage janvier")
    assert info.value.code == "all_weights_zero"
    assert "Ménage janvier" in info.value.message() and "Surface" in info.value.message()


def test_no_member_present_is_no_participant() -> None:
    key = units_key("Surface", {1: 1_000})
    gone = [MemberPresence(1, left=date(2024, 6, 30))]
    with pytest.raises(PtceError) as info:
        split_cost(100, key, Q1_START, Q1_END, gone, cost_label="Loyer")
    assert info.value.code == "no_participant"


def test_negative_units_are_refused() -> None:
    with pytest.raises(PtceError) as info:
        split_cost(100, units_key("Surface", {1: 5, 2: -5}), Q1_START, Q1_END, EVERYONE)
    assert info.value.code == "negative_weight"
    assert info.value.values["member"] == 2


def test_period_ending_before_it_starts() -> None:
    with pytest.raises(PtceError) as info:
        split_cost(100, units_key("Surface", {1: 5}), Q1_END, Q1_START, EVERYONE)
    assert info.value.code == "invalid_period"


# --- split_cost: properties -----------------------------------------------------------------------

days_in_2025 = st.integers(min_value=0, max_value=364).map(
    lambda n: date.fromordinal(date(2025, 1, 1).toordinal() + n)
)


@st.composite
def presences(draw: st.DrawFn) -> list[MemberPresence]:
    ids = draw(st.lists(st.integers(1, 50), min_size=1, max_size=8, unique=True))
    result = []
    for member in ids:
        joined = draw(st.none() | days_in_2025)
        left = draw(st.none() | days_in_2025)
        result.append(MemberPresence(member, joined, left))
    return result


@given(
    totals,
    presences(),
    st.integers(0, 200),
    st.integers(0, 200),
    st.lists(st.integers(0, 500_000), min_size=8, max_size=8),
)
def test_prorating_never_loses_a_cent(
    total: int, members: list[MemberPresence], start_day: int, length: int, units: list[int]
) -> None:
    start = date.fromordinal(date(2025, 1, 1).toordinal() + start_day)
    end = date.fromordinal(start.toordinal() + length)
    values = {m.member_id: units[i] for i, m in enumerate(members)}
    key = units_key("Surface", values)
    try:
        shares = split_cost(total, key, start, end, members)
    except PtceError as error:
        assert error.code in {"no_participant", "all_weights_zero"}
        return
    assert sum(s.cents for s in shares) == total
    for share in shares:
        assert abs(share.cents - share.exact) < 1
        assert 0 < share.days_present <= share.period_days


@given(totals, st.integers(0, 10_000), st.lists(st.integers(0, 10**6), min_size=3, max_size=3))
def test_mixed_key_equals_single_split_of_combined_weights(
    total: int, equal_weight: int, m2: list[int]
) -> None:
    equal = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(1, date(2020, 1, 1)),))
    surface = units_key("Surface", {1: m2[0], 2: m2[1], 3: m2[2]})
    parts = (MixedPart(equal, equal_weight), MixedPart(surface, 10_000 - equal_weight))
    key = KeySpec("Mixte", Method.MIXED, (KeyVersion(9, date(2024, 1, 1), parts=parts),))
    try:
        shares = split_cost(total, key, Q1_START, Q1_END, EVERYONE)
    except PtceError as error:
        assert error.code == "all_weights_zero" and sum(m2) == 0
        return
    combined = key_weights(key, Q1_START, Q1_END, EVERYONE)
    assert sum(combined.values()) == 1
    assert cents_of(shares) == allocate_cents(total, combined)
    assert sum(s.cents for s in shares) == total


# --- VAT ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regime", "registered", "basis", "amount"),
    [
        (VatRegime.EXEMPT_261B, True, SplitBasis.TTC, 12_000),
        (VatRegime.EXEMPT_261B, False, SplitBasis.TTC, 12_000),
        (VatRegime.TAXABLE, True, SplitBasis.HT, 10_000),
        (VatRegime.TAXABLE, False, SplitBasis.TTC, 12_000),
    ],
)
def test_vat_basis(regime: VatRegime, registered: bool, basis: SplitBasis, amount: int) -> None:
    assert split_basis(regime, registered) is basis
    assert amount_to_split(10_000, 12_000, regime, registered) == amount


def test_exempt_service_splits_ttc_and_taxable_splits_ht() -> None:
    key = units_key("Surface", {1: 1, 2: 1, 3: 1})
    exempt = amount_to_split(100_000, 120_000, VatRegime.EXEMPT_261B, True)
    taxable = amount_to_split(100_000, 120_000, VatRegime.TAXABLE, True)
    assert cents_of(split_cost(exempt, key, Q1_START, Q1_END, EVERYONE)) == {
        1: 40_000,
        2: 40_000,
        3: 40_000,
    }
    assert cents_of(split_cost(taxable, key, Q1_START, Q1_END, EVERYONE)) == {
        1: 33_334,
        2: 33_333,
        3: 33_333,
    }


@pytest.mark.parametrize(
    ("ht", "rate_bp", "vat"),
    [
        (1_000, 2_000, 200),
        (1_005, 2_000, 201),  # 201,0
        (1_025, 2_000, 205),
        (1_010, 550, 56),  # 55,55 -> 56
        (1_000, 550, 55),  # 55,00
        (90, 550, 5),  # 4,95 -> 5
        (10, 550, 1),  # 0,55 -> 1
        (9, 550, 0),  # 0,495 -> 0
        (-10, 550, -1),  # a credit mirrors its invoice
        (33_333, 2_000, 6_667),  # 6 666,6
        (0, 2_000, 0),
        (1_234, 0, 0),
    ],
)
def test_vat_half_up(ht: int, rate_bp: int, vat: int) -> None:
    assert vat_cents(ht, rate_bp) == vat


def test_vat_exact_half_goes_up() -> None:
    assert vat_cents(25, 2_000) == 5  # 5,0
    assert vat_cents(50, 1_000) == 5  # 5,0
    assert vat_cents(5, 1_000) == 1  # 0,5 -> 1
    assert vat_cents(-5, 1_000) == -1
