"""Benchmark: the allocation engine vs a plain largest-remainder split, on the same inputs.

Run on demand (not collected by pytest)::

    uv run python tests/benchmarks/bench_allocation.py [--runs 3] [--lines 100000]
        [--split-lines 10000]

Inputs as in ``baselines/alloc_python.py``: ``--lines`` amounts in cents (-500 € … 50 000 €)
each split between 5-50 members with integer weights (1-50 000, e.g. m² × 100) drawn from a
pool of 2 000 participant sets. Timed, interleaved, median of ``--runs``; input generation is
not timed:

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
runs on the first ``--split-lines`` lines only, to keep the run under a minute; all figures are
per line, so its ratios compare the same distribution of inputs.

Every split of the app is checked (untimed) against the baseline on a sample: same sum, each
share within one cent of the exact one, and ``split_cost_cents`` gives exactly the cents of
``split_cost``. Prints one JSON line: seconds per million lines (extrapolated), and the ratios
``app / baseline`` (targets: allocate and the units key ≤ 1.5, the equal key ≤ 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--split-lines", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    amounts, sets, presences = make_inputs(args.lines, args.seed)
    check(amounts, sets, presences)
    pairs = list(zip(amounts, sets, strict=True))
    few = pairs[: args.split_lines]
    per_line = {"split_units_app": len(few), "split_equal_app": len(few)}

    def hamilton_base() -> None:
        for amount, pool in pairs:
            hamilton(amount, pool.weights, pool.total)

    def allocate_app() -> None:
        for amount, pool in pairs:
            allocate_cents(amount, pool.mapping)

    def split_units_app() -> None:
        for amount, pool in few:
            split_cost(amount, pool.units_key, START, END, presences)

    roster = MemberRoster(presences)

    def cents_units_app() -> None:
        for amount, pool in pairs:
            split_cost_cents(amount, pool.units_key, START, END, roster)

    def equal_ids_base() -> None:
        for amount, pool in pairs:
            equal_by_member(amount, pool.members)

    def cents_equal_app() -> None:
        for amount, pool in pairs:
            split_cost_cents(amount, pool.equal_key, START, END, roster)

    def equal_base() -> None:
        for amount, pool in pairs:
            equal(amount, len(pool.weights))

    def split_equal_app() -> None:
        for amount, pool in few:
            split_cost(amount, pool.equal_key, START, END, presences)

    cases: dict[str, Callable[[], None]] = {
        "hamilton_base": hamilton_base,
        "allocate_app": allocate_app,
        "split_units_app": split_units_app,
        "cents_units_app": cents_units_app,
        "equal_base": equal_base,
        "split_equal_app": split_equal_app,
        "equal_ids_base": equal_ids_base,
        "cents_equal_app": cents_equal_app,
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    # seconds per line
    med = {
        name: statistics.median(values) / per_line.get(name, len(pairs))
        for name, values in times.items()
    }
    scale = 1_000_000
    shares = sum(len(pool.weights) for pool in sets)
    result: dict[str, Any] = {
        "bench": "allocation",
        "lines": args.lines,
        "shares": shares,
        "runs": args.runs,
        **{f"{name}_s_per_1m": round(value * scale, 3) for name, value in med.items()},
        "split_lines": len(few),
        "hamilton_base_ns_per_share": round(med["hamilton_base"] * len(pairs) / shares * 1e9, 1),
        "allocate_app_ns_per_share": round(med["allocate_app"] * len(pairs) / shares * 1e9, 1),
        "ratio_allocate": round(med["allocate_app"] / med["hamilton_base"], 2),
        "ratio_split_units": round(med["split_units_app"] / med["hamilton_base"], 2),
        "ratio_split_equal": round(med["split_equal_app"] / med["equal_base"], 2),
        "ratio_cents_units": round(med["cents_units_app"] / med["hamilton_base"], 2),
        "ratio_cents_equal": round(med["cents_equal_app"] / med["equal_base"], 2),
        "ratio_cents_equal_vs_ids": round(med["cents_equal_app"] / med["equal_ids_base"], 2),
        "cents_equal_app_ns_per_line": round(med["cents_equal_app"] * 1e9, 1),
        "equal_base_ns_per_line": round(med["equal_base"] * 1e9, 1),
        "targets": {"allocate": 1.5, "cents_units": 1.5, "cents_equal": 2.0},
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
