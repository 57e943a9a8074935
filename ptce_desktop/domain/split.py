"""The split of an amount in cents by exact weights (DESIGN §4.2): largest remainder,
ties to the larger weight then the lower member id; Σ shares = the amount, always.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import gcd
from typing import cast

from ptce_desktop.domain.errors import PtceError

# --- the split --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Split:
    cents: dict[int, int]
    exact: dict[int, Fraction]
    floor: dict[int, int]
    leftover: frozenset[int]
    total_weight: Fraction


def _integer_weights(
    weights: Mapping[int, Fraction | int], cost_label: str, key_name: str
) -> tuple[list[int], list[int], int, int]:
    """(members by id, their weights as integers in one common scale, the weights' sum, the
    scale); checks the weights (the sum may be 0: the callers refuse it).

    Integer weights are used as they are; Fractions are brought to their common denominator, so
    every ratio wᵢ/Σw — hence every share, remainder and tie — is exactly the same.
    """
    if not weights:
        raise PtceError("no_participant", cost=cost_label, key=key_name)
    members = sorted(weights)
    given = list(map(weights.__getitem__, members))
    common = 1
    values: list[int]
    # All integers (the sum then is one), or else a Fraction (or float) among the weights.
    if type(given[0]) is int and type(total := sum(given)) is int:
        values, weight_sum = cast(list[int], given), total
    else:
        exact = [v if isinstance(v, int | Fraction) else Fraction(v) for v in given]
        for value in exact:
            d = value.denominator
            common = common // gcd(common, d) * d
        values = [v.numerator * (common // v.denominator) for v in exact]
        weight_sum = sum(values)
    if min(values) < 0:
        member = next(m for m, v in zip(members, values, strict=True) if v < 0)
        raise PtceError("negative_weight", cost=cost_label, key=key_name, member=member)
    return members, values, weight_sum, common


def _largest_remainder(magnitude: int, values: Sequence[int], weight_sum: int) -> list[int]:
    """Floors of magnitude·wᵢ/Σw plus one cent to each of the largest remainders.

    Ties go to the larger weight, then to the earlier position (members are sorted by id).
    Members of weight 0 have no remainder and never get a cent.
    """
    # One divmod per member in a plain loop: measured faster than separate comprehensions for
    # the products, floors and remainders (bench_allocation).
    shares: list[int] = []
    remainders: list[int] = []
    add_share = shares.append
    add_remainder = remainders.append
    for value in values:
        share, remainder = divmod(magnitude * value, weight_sum)
        add_share(share)
        add_remainder(remainder)
    left = magnitude - sum(shares)
    if left:
        order = sorted(range(len(values)), key=remainders.__getitem__, reverse=True)
        if left < len(order) and remainders[order[left - 1]] == remainders[order[left]]:
            # A tie at the cut: (remainder, weight) as one integer (weight <= Σw); sorted() is
            # stable with reverse=True, so equal keys keep the lower member id first.
            scale = weight_sum + 1
            keys = [r * scale + v for r, v in zip(remainders, values, strict=True)]
            order = sorted(range(len(values)), key=keys.__getitem__, reverse=True)
        for i in order[:left]:
            shares[i] += 1
    return shares


def _split(
    total: int, weights: Mapping[int, Fraction | int], cost_label: str, key_name: str
) -> _Split:
    members, values, weight_sum, common = _integer_weights(weights, cost_label, key_name)
    if weight_sum == 0:
        raise PtceError("all_weights_zero", cost=cost_label, key=key_name)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    shares = _largest_remainder(magnitude, values, weight_sum)
    cents: dict[int, int] = {}
    exact: dict[int, Fraction] = {}
    floor: dict[int, int] = {}
    lucky = []
    for member, value, share in zip(members, values, shares, strict=True):
        product = magnitude * value
        whole = product // weight_sum
        cents[member] = sign * share
        exact[member] = Fraction(sign * product, weight_sum)
        floor[member] = sign * whole
        if share != whole:
            lucky.append(member)
    return _Split(
        cents=cents,
        exact=exact,
        floor=floor,
        leftover=frozenset(lucky),
        total_weight=Fraction(weight_sum, common),
    )


def _split_in_order(
    total: int, weights: dict[int, int], weight_sum: int, members: Sequence[int]
) -> dict[int, int]:
    """The split of :func:`allocate_cents` when the weights are already a ``dict`` of integers
    ≥ 0 whose keys are in increasing id order (``members``: those keys, in that order) and
    ``weight_sum`` (their sum) is > 0 — checked by the callers.

    Same rule as :func:`_largest_remainder` (one divmod per member, the leftover cents to the
    largest remainders, ties at the cut to the larger weight then the lower id), but the
    result is a copy of ``weights`` whose values are overwritten: copying a dict of the same
    keys is a block copy, building one from (id, cents) pairs hashes and inserts each entry
    (bench_allocation: ~0.3 µs of the ~6 µs of a 20-member split). :func:`allocate_cents`
    holds the same lines inlined (keep both alike; tests/domain/test_split_reference.py checks
    both against a plain reference).
    """
    magnitude = -total if total < 0 else total
    shares = weights.copy()
    remainders: list[int] = []
    add_remainder = remainders.append
    for member, value in weights.items():
        shares[member], remainder = divmod(magnitude * value, weight_sum)
        add_remainder(remainder)
    left = magnitude - sum(shares.values())
    if left:
        count = len(remainders)
        order = sorted(range(count), key=remainders.__getitem__, reverse=True)
        if left < count and remainders[order[left - 1]] == remainders[order[left]]:
            # A tie at the cut: as in _largest_remainder, (remainder, weight) as one integer.
            scale = weight_sum + 1
            keys = [r * scale + v for r, v in zip(remainders, weights.values(), strict=True)]
            order = sorted(range(count), key=keys.__getitem__, reverse=True)
        for i in order[:left]:
            shares[members[i]] += 1
    if total < 0:
        return {member: -share for member, share in shares.items()}
    return shares


def allocate_cents(
    total: int,
    weights: Mapping[int, Fraction | int],
    *,
    cost_label: str = "",
    key_name: str = "",
) -> dict[int, int]:
    """Split ``total`` cents over members (id -> exact weight) by largest remainder.

    Exact share = total·wᵢ/Σw; each member gets the floor; the leftover cents go one by one to
    the largest fractional remainders, ties to the larger weight, then to the lower member id.
    A negative total is split as its magnitude and negated. Members of weight 0 get 0. The
    result (sorted by member id) always sums to ``total`` and does not depend on the order of
    ``weights``. Raises ``no_participant``, ``all_weights_zero`` or ``negative_weight``
    naming ``cost_label`` and ``key_name``.
    """
    # The common case: a dict of integer weights ≥ 0 given in member order (a units or equal
    # key), checked without building a list of weights and split by _split_in_order. The
    # sum's type says whether every weight is an int (a Fraction, float or Decimal makes it
    # one of those). Anything else goes through _integer_weights. Same rule, same cents.
    if type(weights) is dict and weights:
        given_sum = sum(weights.values())
        if type(given_sum) is int and given_sum > 0 and min(weights.values()) >= 0:
            in_order = [*weights]
            if in_order == sorted(in_order):
                # _split_in_order's body, inlined: the call (four arguments, a frame) is
                # ~0.2 µs of a 2.5 µs split of 5 members (bench_allocation, timeit)
                magnitude = -total if total < 0 else total
                fast: dict[int, int] = weights  # ints ≥ 0, checked above
                cents = fast.copy()
                remainders: list[int] = []
                add_remainder = remainders.append
                for member, value in fast.items():
                    cents[member], remainder = divmod(magnitude * value, given_sum)
                    add_remainder(remainder)
                left = magnitude - sum(cents.values())
                if left:
                    count = len(remainders)
                    order = sorted(range(count), key=remainders.__getitem__, reverse=True)
                    if left < count and remainders[order[left - 1]] == remainders[order[left]]:
                        scale = given_sum + 1
                        keys = [
                            r * scale + v for r, v in zip(remainders, fast.values(), strict=True)
                        ]
                        order = sorted(range(count), key=keys.__getitem__, reverse=True)
                    for i in order[:left]:
                        cents[in_order[i]] += 1
                if total < 0:
                    return {member: -cent for member, cent in cents.items()}
                return cents
    members = list(weights)
    if not members:
        raise PtceError("no_participant", cost=cost_label, key=key_name)
    ordered = sorted(members)
    given = (
        list(weights.values()) if members == ordered else list(map(weights.__getitem__, ordered))
    )
    weight_sum = sum(given)
    values: list[int]
    # Σ is an int only when every weight is one (a Fraction, float or Decimal makes it one).
    if type(weight_sum) is int and min(given) >= 0:
        members, values = ordered, cast(list[int], given)
    else:
        members, values, weight_sum, _scale = _integer_weights(weights, cost_label, key_name)
    if weight_sum == 0:
        raise PtceError("all_weights_zero", cost=cost_label, key=key_name)
    magnitude = -total if total < 0 else total
    shares = _largest_remainder(magnitude, values, weight_sum)
    if total < 0:
        shares = [-share for share in shares]
    return dict(zip(members, shares))  # noqa: B905 - same length by construction


def split_over_quarters(budget_cents: int) -> list[int]:
    """A yearly budget over four quarters, the same rule with equal weights (Q1 first on ties)."""
    shares = allocate_cents(budget_cents, {1: 1, 2: 1, 3: 1, 4: 1})
    return [shares[quarter] for quarter in (1, 2, 3, 4)]
