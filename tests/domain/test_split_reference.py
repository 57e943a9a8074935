"""``allocate_cents`` (its dict-in-order fast path and its general path) and the cents-only
path of a units key give exactly the cents of a plain reference split written from DESIGN §4.2
with Fractions: floor of C·wᵢ/Σw, the leftover cents to the largest remainders, ties to the
larger weight then the lower member id, a credit split as its magnitude and negated.

Weights are drawn small and few as often as large, so that remainders tie at the cut."""

from __future__ import annotations

import random
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import MemberRoster, split_cost_cents
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method
from ptce_desktop.domain.split import allocate_cents

Q1_START, Q1_END = date(2025, 1, 1), date(2025, 3, 31)
KEY_NAME = "Surface « Atelier & Cie <nord> » l'été € " + "très long nom " * 12


def reference(total: int, weights: dict[int, int | Fraction]) -> dict[int, int]:
    """The rule as DESIGN §4.2 states it, one member at a time, in Fractions."""
    weight_sum = sum(weights.values())
    magnitude = abs(total)
    exact = {m: Fraction(magnitude) * w / weight_sum for m, w in weights.items()}
    floors = {m: e.numerator // e.denominator for m, e in exact.items()}
    left = magnitude - sum(floors.values())
    # Largest remainder first; ties: the larger weight, then the lower member id.
    ranked = sorted(exact, key=lambda m: (-(exact[m] - floors[m]), -weights[m], m))
    for member in ranked[:left]:
        floors[member] += 1
    sign = -1 if total < 0 else 1
    return {m: sign * floors[m] for m in sorted(floors)}


small_weights = st.integers(0, 4)
large_weights = st.integers(0, 50_000)
weight_maps = st.one_of(
    st.dictionaries(st.integers(1, 60), small_weights, min_size=1, max_size=12),
    st.dictionaries(st.integers(1, 300), large_weights, min_size=1, max_size=50),
).filter(lambda w: sum(w.values()) > 0)
totals = st.integers(-50, 50) | st.integers(-(10**9), 10**9)


@given(totals, weight_maps, st.booleans())
def test_allocate_cents_equals_the_reference(
    total: int, weights: dict[int, int], in_order: bool
) -> None:
    given_weights = (
        dict(sorted(weights.items())) if in_order else dict(sorted(weights.items(), reverse=True))
    )
    expected = reference(total, weights)
    got = allocate_cents(total, given_weights, cost_label="Loyer", key_name=KEY_NAME)
    assert got == expected
    assert list(got) == sorted(weights)  # the result is in member id order, either way
    assert sum(got.values()) == total
    remainders = [Fraction(abs(total) * w, sum(weights.values())) % 1 for w in weights.values()]
    event("tied remainders" if len(set(remainders)) < len(remainders) else "distinct remainders")


@given(totals, weight_maps)
def test_fraction_weights_give_the_same_cents(total: int, weights: dict[int, int]) -> None:
    """The general path (Fractions, brought to a common denominator) gives the same cents."""
    thirds = {m: Fraction(w, 3) for m, w in weights.items()}
    assert allocate_cents(total, thirds) == reference(total, weights)


@given(totals, weight_maps)
def test_units_key_cents_equal_the_reference(total: int, weights: dict[int, int]) -> None:
    """A units key's cents (the version's own dict split in order) equal the reference over its
    members of weight > 0, however the version's mapping was ordered."""
    shuffled = list(weights.items())
    random.Random(total).shuffle(shuffled)
    key = KeySpec(KEY_NAME, Method.UNITS, (KeyVersion(3, Q1_START, dict(shuffled)),), id=9)
    roster = MemberRoster([MemberPresence(m) for m in range(1, 301)])
    result = split_cost_cents(total, key, Q1_START, Q1_END, roster, cost_label="Loyer")
    positive = {m: w for m, w in weights.items() if w > 0}
    assert result.version_id == 3
    assert result.cents == reference(total, positive)
    assert list(result.cents) == sorted(positive)


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        # Remainders 0,5 / 0,5 / 0: the cut ties, the larger weight takes the cent.
        (1, {1: 1, 2: 1, 3: 2}, {1: 0, 2: 0, 3: 1}),
        (3, {1: 1, 2: 3, 3: 2}, {1: 0, 2: 2, 3: 1}),
        # Equal weights and remainders: the lower id, also for a credit.
        (2, {4: 1, 7: 1, 9: 1}, {4: 1, 7: 1, 9: 0}),
        (-2, {4: 1, 7: 1, 9: 1}, {4: -1, 7: -1, 9: 0}),
        # Weight 0 takes nothing, even when cents are left.
        (5, {1: 0, 2: 1, 3: 1}, {1: 0, 2: 3, 3: 2}),
    ],
)
def test_ties_at_the_cut(total: int, weights: dict[int, int], expected: dict[int, int]) -> None:
    assert allocate_cents(total, weights) == expected == reference(total, weights)


@pytest.mark.parametrize(
    ("weights", "code"),
    [
        ({}, "no_participant"),
        ({1: 0, 2: 0}, "all_weights_zero"),
        ({1: 3, 2: -1}, "negative_weight"),
    ],
)
def test_fast_path_errors_name_the_cost_and_key(weights: dict[int, int], code: str) -> None:
    with pytest.raises(PtceError) as raised:
        allocate_cents(100, weights, cost_label="Loyer & charges", key_name=KEY_NAME)
    assert raised.value.code == code
    message = raised.value.message("fr")
    assert "Loyer & charges" in message and KEY_NAME in message
