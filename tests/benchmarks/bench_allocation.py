"""Benchmark: the allocation engine vs a plain largest-remainder split, on the same inputs.

Run on demand::

    uv run pytest tests/benchmarks/bench_allocation.py --run-benchmarks -s

Inputs as in ``baselines/alloc_python.py``: 100 000 amounts in cents (-500 € … 50 000 €)
each split between 5-50 members with integer weights (1-50 000, e.g. m² × 100) drawn from a
pool of 2 000 participant sets. Timed, interleaved, median of 3 (``benchlib``); input
generation is not timed:

* **hamilton_base**: the bare tool — a pure-Python Hamilton split over a list of weights;
* **allocate_app**: :func:`~ptce_desktop.domain.split.allocate_cents` with the same
  integer weights (a ``{member id: weight}`` mapping);
* **split_units_app**: :func:`~ptce_desktop.domain.allocation.split_cost` with a UNITS key
  holding those weights, every member present all period (what saving a cost runs): one
  :class:`ShareExplanation` per member;
* **cents_units_app**: :func:`~ptce_desktop.domain.allocation.split_cost_cents` with that UNITS
  key — the cents-only path that saving a cost runs (member -> cents and the key version, no
  explanation), the pole's members given as a ``MemberRoster`` built once, as
  ``SplitContext`` does once per action;
* **equal_base**: ``divmod`` equal shares (a bare list of cents); **equal_ids_base**: the same
  keyed by member id (``dict(zip(ids, ...))``: the floor of any result that says who pays
  what); **split_equal_app**: ``split_cost`` with an EQUAL key over the same participants;
  **cents_equal_app**: ``split_cost_cents`` with that EQUAL key.

``split_cost`` (one explanation object per member, kept for "why this amount" and the preview)
runs on the first 10 000 lines only, to keep the run under a minute; all figures are
per line, so its ratios compare the same distribution of inputs.

Every split of the app is checked (untimed) against the baseline on a sample: same sum, each
share within one cent of the exact one, and ``split_cost_cents`` gives exactly the cents of
``split_cost``. Prints ``BENCH`` lines in seconds per million lines: ``allocate_cents`` (target
1.5), ``split_cents_units`` (1.5), ``split_cents_equal`` (2, vs a bare list) and
``split_cents_equal_vs_ids`` (2, vs divmod keyed by member id), ``split_cost_units`` (no target).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from benchlib import bench_line, interleaved_median

from ptce_desktop.domain.allocation import MemberRoster, split_cost, split_cost_cents
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method
from ptce_desktop.domain.split import allocate_cents

START, END = dt.date(2025, 1, 1), dt.date(2025, 3, 31)


# --- the bare tool ------------------------------------------------------------------------------


def hamilton(amount: int, weights: list[int], total: int) -> list[int]:
    """Largest-remainder split of ``amount`` by integer ``weights`` (sum ``total``)."""
    products = [amount * w for w in weights]
    shares = [p // total for p in products]
    left = amount - sum(shares)
    if left:
        rems = [p % total for p in products]
        for i in sorted(range(len(weights)), key=rems.__getitem__, reverse=True)[:left]:
            shares[i] += 1
    return shares


def equal(amount: int, n: int) -> list[int]:
    q, r = divmod(amount, n)
    return [q + 1] * r + [q] * (n - r)


def equal_by_member(amount: int, members: list[int]) -> dict[int, int]:
    """``equal`` keyed by member id: the floor of any result that says who pays what."""
    q, r = divmod(amount, len(members))
    return dict(zip(members, [q + 1] * r + [q] * (len(members) - r), strict=True))


# --- inputs -------------------------------------------------------------------------------------


class Pool:
    """One participant set: weights for the baseline, a mapping and keys for the app."""

    def __init__(self, members: list[int], weights: list[int]) -> None:
        self.members = members
        self.weights = weights
        self.total = sum(weights)
        self.mapping = dict(zip(members, weights, strict=True))
        self.units_key = KeySpec(
            "Surface (m²)",
            Method.UNITS,
            (KeyVersion(1, START, dict(zip(members, weights, strict=True))),),
            id=1,
        )
        self.equal_key = KeySpec(
            "Parts égales", Method.EQUAL, (KeyVersion(2, START, dict.fromkeys(members, 1)),), id=2
        )


def make_inputs(lines: int, seed: int) -> tuple[list[int], list[Pool], list[MemberPresence]]:
    rng = random.Random(seed)
    pools = []
    for _ in range(2000):
        k = rng.randint(5, 50)
        members = sorted(rng.sample(range(1, 301), k))
        pools.append(Pool(members, [rng.randint(1, 50_000) for _ in range(k)]))
    amounts = [rng.randint(-50_000, 5_000_000) for _ in range(lines)]
    sets = [pools[rng.randrange(len(pools))] for _ in range(lines)]
    presences = [MemberPresence(m) for m in range(1, 301)]
    return amounts, sets, presences


def check(amounts: list[int], sets: list[Pool], presences: list[MemberPresence]) -> None:
    roster = MemberRoster(presences)
    for i in range(0, len(amounts), max(1, len(amounts) // 2000)):
        amount, pool = amounts[i], sets[i]
        base = hamilton(amount, pool.weights, pool.total)
        app = allocate_cents(amount, pool.mapping)
        assert sum(app.values()) == amount == sum(base)
        for (member, cents), w in zip(app.items(), pool.weights, strict=True):
            assert abs(cents * pool.total - amount * w) < pool.total, member
        units = split_cost(amount, pool.units_key, START, END, presences)
        assert [s.cents for s in units] == list(app.values())
        eq = split_cost(amount, pool.equal_key, START, END, presences)
        assert sorted(s.cents for s in eq) == sorted(equal(amount, len(pool.weights)))
        if amount >= 0:
            assert {s.member_id: s.cents for s in eq} == equal_by_member(amount, pool.members)
        fast = split_cost_cents(amount, pool.units_key, START, END, roster)
        assert (fast.version_id, fast.cents) == (1, {s.member_id: s.cents for s in units})
        fast = split_cost_cents(amount, pool.equal_key, START, END, roster)
        assert (fast.version_id, fast.cents) == (2, {s.member_id: s.cents for s in eq})


LINES = 100_000
SPLIT_LINES = 10_000  # split_cost (explanations) is ~25x slower: fewer lines, same distribution


@pytest.fixture(scope="module")
def inputs() -> tuple[list[tuple[int, Pool]], list[MemberPresence]]:
    amounts, sets, presences = make_inputs(LINES, 42)
    check(amounts, sets, presences)
    return list(zip(amounts, sets, strict=True)), presences


def hamilton_all(pairs: list[tuple[int, Pool]]) -> None:
    for amount, pool in pairs:
        hamilton(amount, pool.weights, pool.total)


def per_1m(seconds: float, lines: int) -> float:
    return seconds / lines * 1_000_000


def test_allocate_cents(inputs: tuple[list[tuple[int, Pool]], list[MemberPresence]]) -> None:
    pairs, _ = inputs

    def app() -> None:
        for amount, pool in pairs:
            allocate_cents(amount, pool.mapping)

    app_s, base_s = interleaved_median(app, lambda: hamilton_all(pairs), 3)
    n = len(pairs)
    bench_line("allocate_cents", per_1m(app_s, n), per_1m(base_s, n), 1.5, "s_per_1M_lines")


def test_split_cost_cents(inputs: tuple[list[tuple[int, Pool]], list[MemberPresence]]) -> None:
    """What saving a cost runs: units key vs Hamilton, equal key vs divmod (and keyed by id)."""
    pairs, presences = inputs
    roster = MemberRoster(presences)
    n = len(pairs)

    def units() -> None:
        for amount, pool in pairs:
            split_cost_cents(amount, pool.units_key, START, END, roster)

    def equal_app() -> None:
        for amount, pool in pairs:
            split_cost_cents(amount, pool.equal_key, START, END, roster)

    def equal_base() -> None:
        for amount, pool in pairs:
            equal(amount, len(pool.weights))

    def equal_ids() -> None:
        for amount, pool in pairs:
            equal_by_member(amount, pool.members)

    app_s, base_s = interleaved_median(units, lambda: hamilton_all(pairs), 3)
    bench_line("split_cents_units", per_1m(app_s, n), per_1m(base_s, n), 1.5, "s_per_1M_lines")
    app_s, base_s = interleaved_median(equal_app, equal_base, 3)
    bench_line("split_cents_equal", per_1m(app_s, n), per_1m(base_s, n), 2.0, "s_per_1M_lines")
    app_s, base_s = interleaved_median(equal_app, equal_ids, 3)
    bench_line(
        "split_cents_equal_vs_ids", per_1m(app_s, n), per_1m(base_s, n), 2.0, "s_per_1M_lines"
    )


def test_split_cost_explained(
    inputs: tuple[list[tuple[int, Pool]], list[MemberPresence]],
) -> None:
    """``split_cost`` (one explanation per member: "why this amount", the preview): no target,
    it is not on the save path."""
    pairs, presences = inputs
    few = pairs[:SPLIT_LINES]

    def units() -> None:
        for amount, pool in few:
            split_cost(amount, pool.units_key, START, END, presences)

    app_s, base_s = interleaved_median(units, lambda: hamilton_all(few), 3)
    n = len(few)
    bench_line("split_cost_units", per_1m(app_s, n), per_1m(base_s, n), None, "s_per_1M_lines")
