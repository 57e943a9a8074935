"""Benchmark: recomputing four scenarios (« Et si… ? ») vs one plain split of the same data.

Run on demand::

    uv run pytest tests/benchmarks/bench_simulation.py --run-benchmarks -s

The pole is built in memory (untimed): 300 members (one in twenty joins or leaves during the
year), 20 services whose keys are by units (m²), parts égales, fixed percentages, or mixed
(30 % equal + 70 % units) in turn, each with 12 costs over the year (monthly periods) and a
budget; on costs and on budgets. Timed, interleaved, median of 5 (``benchlib``):

* **plain_split**: the bare work — every cost (or, on budgets, every quarter of every budget)
  split once with the service's own key by
  :func:`~ptce_desktop.domain.allocation.split_cost_cents` over a ``MemberRoster`` built once:
  what storing the shares of the year costs;
* **simulate_four**: :func:`~ptce_desktop.domain.scenarios.compare` with four scenarios (a
  mixed key; members' units from 1 July; a join and a leave; a budget and a 6 % fee) — today
  plus four columns, the modified keys built, the rows assembled — from nothing (a new
  ``WeightsCache``): what the page computes when a year is opened;
* **keystroke_name** / **keystroke_units**: the same comparison again with the page's kept
  ``WeightsCache`` after a scenario's name changed (every key's weights are known) or after one
  member's units changed in scenario 2 (the units key and the mixed key that contains it are
  weighed again): what the page recomputes as the user types.

Checked (untimed): every column totals its amount split. ``BENCH`` lines (ms):
``simulate_four_<basis>`` vs ``plain_split`` (no target in the issue: informational),
``keystroke_name_<basis>`` and ``keystroke_units_<basis>`` vs ``plain_split`` too. Four
scenarios are five columns, but the columns share the weights of every key and period they leave
unchanged (``WeightsCache``), so the ratio stays near 1.2–1.4; a keystroke that changes a name
recomputes nothing (about 30 ms here), one that changes units re-weighs the keys concerned. A
300-member mixed key's weights cost the engine about 40 ms a period (``effective_weights``),
which dominates both; the page computes off the GUI thread, so the window never waits.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from benchlib import bench_line, interleaved_medians, timed

from ptce_desktop.domain.allocation import MemberRoster, split_cost_cents
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method, MixedPart
from ptce_desktop.domain.scenarios import (
    Basis,
    CostLine,
    Join,
    KeyChoice,
    Leave,
    MemberInput,
    PartChoice,
    PoleInput,
    Scenario,
    ServiceInput,
    WeightsCache,
    compare,
)
from ptce_desktop.domain.split import split_over_quarters

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
QUARTERS = (
    (dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
    (dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
    (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
)


def month(index: int) -> tuple[dt.date, dt.date]:
    start = dt.date(2025, index % 12 + 1, 1)
    end = (
        dt.date(2025, 12, 31)
        if start.month == 12
        else dt.date(2025, start.month + 1, 1) - dt.timedelta(days=1)
    )
    return start, end


def build(members: int, services: int, costs: int, basis: Basis, seed: int = 17) -> PoleInput:
    rng = random.Random(seed)
    people = []
    for member in range(1, members + 1):
        joined = left = None
        if member % 20 == 0:
            joined = dt.date(2025, rng.randint(2, 11), 1)
        elif member % 20 == 10:
            left = dt.date(2025, rng.randint(2, 11), 15)
        people.append(MemberInput(member, f"Membre n° {member} & <co> — l'€", joined, left))
    start = dt.date(2024, 1, 1)
    units = KeySpec(
        "Surface (m²)",
        Method.UNITS,
        (KeyVersion(1, start, {m: rng.randint(0, 500) * 1000 for m in range(1, members + 1)}),),
        id=1,
    )
    equal = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(2, start),), id=2)
    shares = [rng.randint(1, 100) for _ in range(members)]
    scale = sum(shares)
    percent_values = {m: shares[m - 1] * 10_000 // scale for m in range(1, members + 1)}
    percent_values[1] += 10_000 - sum(percent_values.values())
    percent = KeySpec("Pourcentages", Method.PERCENT, (KeyVersion(3, start, percent_values),), id=3)
    mixed = KeySpec(
        "Mixte 30/70",
        Method.MIXED,
        (KeyVersion(4, start, parts=(MixedPart(equal, 3000), MixedPart(units, 7000))),),
        id=4,
    )
    keys = [units, equal, percent, mixed]
    service_inputs = []
    for service in range(1, services + 1):
        lines = tuple(
            CostLine(f"Charge {service}.{c}", rng.randint(10_000, 5_000_000), *month(c))
            for c in range(costs)
        )
        service_inputs.append(
            ServiceInput(
                service,
                f"Service n° {service}",
                keys[(service - 1) % len(keys)],
                lines,
                rng.randint(1_000_000, 50_000_000),
            )
        )
    return PoleInput(
        "2025",
        *YEAR,
        QUARTERS,
        tuple(people),
        tuple(service_inputs),
        {key.id: key for key in keys if key.id is not None},
        basis,
    )


def plain_split(pole: PoleInput) -> int:
    roster = MemberRoster([MemberPresence(m.id, m.joined, m.left) for m in pole.members])
    total = 0
    for service in pole.services:
        if pole.basis is Basis.COSTS:
            for cost in service.costs:
                result = split_cost_cents(
                    cost.amount, service.key, cost.period_start, cost.period_end, roster
                )
                total += sum(result.cents.values())
        else:
            amounts = split_over_quarters(service.budget or 0)
            for (start, end), amount in zip(pole.quarters, amounts, strict=True):
                total += sum(
                    split_cost_cents(amount, service.key, start, end, roster).cents.values()
                )
    return total


def scenarios(pole: PoleInput) -> list[Scenario]:
    first = pole.services[0].id
    return [
        Scenario("Mixte", key=KeyChoice(Method.MIXED, parts=(PartChoice(30), PartChoice(70, 1)))),
        Scenario(
            "m² revus",
            units={m: 100_000 for m in range(1, 40)},
            effective_from=dt.date(2025, 7, 1),
        ),
        Scenario(
            "Entrée et départ",
            joins=(Join("Nouvelle « asso »", dt.date(2025, 7, 1), 80_000),),
            leaves=(Leave(3, dt.date(2025, 6, 30)),),
        ),
        Scenario("Budget et frais", budgets={first: 30_000_000}, fees={first: 600}),
    ]


@pytest.mark.parametrize("basis", list(Basis), ids=lambda b: b.value)
def test_simulation(basis: Basis) -> None:
    pole = build(300, 20, 12, basis)
    chosen = scenarios(pole)
    comparison = compare(pole, chosen)  # warm-up and check (untimed)
    assert comparison.today_total == comparison.today_split == plain_split(pole)
    for column in comparison.columns:
        assert column.total == column.amount_split
    runs = iter(range(100))

    def app() -> dict[str, float]:
        run = next(runs)
        four = timed(lambda: compare(pole, chosen))
        cache = WeightsCache()
        compare(pole, chosen, cache)
        renamed = [replace(chosen[0], name=f"Mixte {run}"), *chosen[1:]]
        by_name = timed(lambda: compare(pole, renamed, cache))
        units = {**chosen[1].units, 2: 1000 * (run + 7)}
        edited = [renamed[0], replace(chosen[1], units=units), *chosen[2:]]
        by_units = timed(lambda: compare(pole, edited, cache))
        return {"four": four * 1000, "name": by_name * 1000, "units": by_units * 1000}

    def base() -> dict[str, float]:
        return {"plain": timed(lambda: plain_split(pole)) * 1000}

    ours, bare = interleaved_medians(app, base, 5)
    plain = bare["plain"]
    bench_line(f"simulate_four_{basis.value}", ours["four"], plain, None, "ms")
    bench_line(f"keystroke_name_{basis.value}", ours["name"], plain, None, "ms")
    bench_line(f"keystroke_units_{basis.value}", ours["units"], plain, None, "ms")
