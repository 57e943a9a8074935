"""The scenario model (domain/scenarios.py) and its JSON (domain/scenario_json.py): pure tests.

The figures are checked against the engine called directly (allocate_cents, split_cost with
explicit presences), never against the simulator itself.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import split_cost
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method
from ptce_desktop.domain.scenario_json import (
    scenario_from_dict,
    scenario_to_dict,
    scenarios_from_json,
)
from ptce_desktop.domain.scenarios import (
    Basis,
    CostLine,
    Join,
    KeyChoice,
    Leave,
    MemberInput,
    MemberRow,
    PartChoice,
    PoleInput,
    Scenario,
    ServiceInput,
    WeightsCache,
    compare,
    join_id,
    simulate,
)
from ptce_desktop.domain.split import allocate_cents, split_over_quarters

LONG = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 150
NAMES = ("Dupont & Fils <SARL>", "L'Épicerie — 1 234,56 €", LONG, "Atelier « Vélo »")
YEAR = (date(2025, 1, 1), date(2025, 12, 31))
QUARTERS = (
    (date(2025, 1, 1), date(2025, 3, 31)),
    (date(2025, 4, 1), date(2025, 6, 30)),
    (date(2025, 7, 1), date(2025, 9, 30)),
    (date(2025, 10, 1), date(2025, 12, 31)),
)


def units_key(
    values: dict[int, int], key_id: int = 1, name: str = "Surface (m²) & <co>"
) -> KeySpec:
    return KeySpec(name, Method.UNITS, (KeyVersion(10, date(2024, 1, 1), values),), id=key_id)


def equal_key(key_id: int = 2) -> KeySpec:
    return KeySpec(
        "Parts égales « l'€ »", Method.EQUAL, (KeyVersion(20, date(2024, 1, 1)),), id=key_id
    )


def pole(
    units: dict[int, int],
    *,
    costs: tuple[CostLine, ...] = (),
    budget: int | None = None,
    basis: Basis = Basis.COSTS,
    members: tuple[MemberInput, ...] | None = None,
) -> PoleInput:
    key = units_key(units)
    people = members or tuple(MemberInput(m, NAMES[(m - 1) % len(NAMES)]) for m in sorted(units))
    return PoleInput(
        "2025",
        *YEAR,
        QUARTERS,
        people,
        (ServiceInput(7, "Locaux & <bureaux> — l'€", key, costs, budget),),
        {1: key, 2: equal_key()},
        basis,
    )


WHOLE_YEAR = (CostLine("Loyer « 2025 » & charges", 1_200_001, *YEAR),)


def test_a_member_joining_mid_year_is_prorated_by_days_exactly_as_the_engine() -> None:
    simulated = simulate(
        pole({1: 100_000, 2: 250_000}, costs=WHOLE_YEAR),
        Scenario("Entrée", joins=(Join("Nouvelle asso & <co>", date(2025, 7, 1), 40_000),)),
    )
    days = (date(2025, 12, 31) - date(2025, 7, 1)).days + 1  # 184 of 365
    joiner = join_id(0)  # after every member: a tied cent goes where it will once adopted
    expected = allocate_cents(
        1_200_001,
        {1: Fraction(100_000), 2: Fraction(250_000), joiner: Fraction(40_000 * days, 365)},
    )
    assert dict(simulated.cents) == expected
    # and the explaining path of the engine agrees, presence for presence
    shares = split_cost(
        1_200_001,
        KeySpec(
            "k",
            Method.UNITS,
            (
                KeyVersion(10, date(2024, 1, 1), {1: 100_000, 2: 250_000}),
                KeyVersion(None, date(2025, 1, 1), {1: 100_000, 2: 250_000, joiner: 40_000}),
            ),
        ),
        *YEAR,
        [MemberPresence(1), MemberPresence(2), MemberPresence(joiner, date(2025, 7, 1))],
    )
    assert {s.member_id: s.cents for s in shares} == expected
    assert next(s for s in shares if s.member_id == joiner).days_present == days


def test_a_leaving_member_weighs_its_days_and_the_budget_goes_by_quarters() -> None:
    base = pole({1: 100_000, 2: 100_000, 3: 50_000}, budget=1_000_003, basis=Basis.BUDGET)
    result = simulate(base, Scenario("Départ", leaves=(Leave(3, date(2025, 5, 15)),)))
    expected: dict[int, int] = {}
    for (start, end), amount in zip(QUARTERS, split_over_quarters(1_000_003), strict=True):
        presences = [
            MemberPresence(1),
            MemberPresence(2),
            MemberPresence(3, None, date(2025, 5, 15)),
        ]
        for share in split_cost(amount, base.services[0].key, start, end, presences):
            expected[share.member_id] = expected.get(share.member_id, 0) + share.cents
    assert dict(result.cents) == expected
    assert sum(result.cents.values()) == 1_000_003
    assert result.cents[3] > 0  # the first quarter and a half


def test_the_empty_scenario_is_today_and_a_budget_replaces_the_costs() -> None:
    base = pole({1: 100_000, 2: 300_000}, costs=WHOLE_YEAR, budget=500_000)
    today = simulate(base, Scenario("Aujourd'hui"))
    assert dict(today.cents) == allocate_cents(1_200_001, {1: 100_000, 2: 300_000})
    raised = simulate(base, Scenario("Budget", budgets={7: 1_500_000}))
    assert raised.amount_split == sum(raised.cents.values()) == 1_500_000
    assert raised.cents[2] == 3 * raised.cents[1]


def test_mixed_key_of_equal_parts_and_units_is_one_split_of_combined_weights() -> None:
    base = pole({1: 100_000, 2: 300_000, 3: 0}, costs=WHOLE_YEAR)
    mixed = Scenario(
        "30 % égal + 70 % m²",
        key=KeyChoice(Method.MIXED, parts=(PartChoice(3000), PartChoice(7000, 1))),
    )
    result = simulate(base, mixed)
    weights = {
        m: Fraction(3, 10) * Fraction(1, 3) + Fraction(7, 10) * Fraction(u, 400_000)
        for m, u in {1: 100_000, 2: 300_000, 3: 0}.items()
    }
    assert dict(result.cents) == allocate_cents(1_200_001, weights)


def test_units_change_from_a_date_uses_the_new_version_for_later_periods_only() -> None:
    costs = (
        CostLine("T1 & <co>", 100_000, date(2025, 1, 1), date(2025, 3, 31)),
        CostLine("T3 & <co>", 100_000, date(2025, 7, 1), date(2025, 9, 30)),
    )
    base = pole({1: 100_000, 2: 100_000}, costs=costs)
    result = simulate(base, Scenario("m²", units={2: 300_000}, effective_from=date(2025, 7, 1)))
    assert dict(result.cents) == {1: 50_000 + 25_000, 2: 50_000 + 75_000}


def test_comparison_rows_differences_and_extremes() -> None:
    base = pole({1: 100_000, 2: 300_000}, costs=WHOLE_YEAR)
    comparison = compare(
        base,
        [
            Scenario("Égal", key=KeyChoice(Method.EQUAL)),
            Scenario("Entrée", joins=(Join("Nouvelle & <co>", date(2025, 1, 1), 400_000),)),
        ],
    )
    assert comparison.today_total == comparison.today_split == 1_200_001
    for column in comparison.columns:
        assert column.total == column.amount_split == 1_200_001
    by_id = {row.member_id: row for row in comparison.rows}
    assert by_id[1].amounts[0] == 600_001 and by_id[2].amounts[0] == 600_000
    assert by_id[join_id(0)].joining and by_id[join_id(0)].amounts == (0, 600_001)
    gain, loss = comparison.extremes(0)
    assert gain is not None and gain.member_id == 2
    assert loss is not None and loss.member_id == 1
    assert by_id[1].difference_bp(0) == 10_000  # +100 % (and one cent)
    assert MemberRow(9, "x", 300, (200,)).difference_bp(0) == -3333
    assert MemberRow(9, "x", 0, (200,)).difference_bp(0) is None
    assert "Entrée de Nouvelle & <co> le 01/01/2025" in comparison.columns[1].hypotheses[0]


def test_more_than_four_scenarios_is_refused() -> None:
    with pytest.raises(PtceError) as raised:
        compare(pole({1: 1}, costs=WHOLE_YEAR), [Scenario(str(i)) for i in range(5)])
    assert raised.value.code == "simulation_too_many"


# --- random small poles -----------------------------------------------------------------------


@st.composite
def poles_and_scenarios(draw: st.DrawFn) -> tuple[PoleInput, Scenario]:
    count = draw(st.integers(2, 6))
    units = {m: draw(st.integers(0, 500_000)) for m in range(1, count + 1)}
    if not any(units.values()):
        units[1] = 1_000
    days = st.dates(date(2025, 1, 1), date(2025, 12, 31))
    costs = []
    for index in range(draw(st.integers(1, 4))):
        first, second = sorted((draw(days), draw(days)))
        costs.append(
            CostLine(
                f"Charge n° {index} & <co>", draw(st.integers(-50_000, 5_000_000)), first, second
            )
        )
    basis = draw(st.sampled_from(Basis))
    base = pole(units, costs=tuple(costs), budget=draw(st.integers(0, 9_000_000)), basis=basis)
    kind = draw(st.sampled_from(["units", "join", "leave", "equal", "mixed", "budget", "all"]))
    changes: dict[str, object] = {}
    if kind in ("units", "all"):
        changes["units"] = {
            m: draw(st.integers(1, 400_000))
            for m in draw(st.sets(st.sampled_from(sorted(units)), min_size=1))
        }
    if kind in ("join", "all"):
        changes["joins"] = (Join("Nouvelle « asso »", draw(days), draw(st.integers(1, 300_000))),)
    if kind in ("leave", "all"):
        changes["leaves"] = (Leave(draw(st.sampled_from(sorted(units)[1:])), draw(days)),)
    if kind == "equal":
        changes["key"] = KeyChoice(Method.EQUAL)
    if kind in ("mixed", "all"):
        changes["key"] = KeyChoice(
            Method.MIXED,
            parts=(PartChoice(draw(st.integers(1, 100))), PartChoice(draw(st.integers(1, 100)), 1)),
        )
    if kind in ("budget", "all"):
        changes["budgets"] = {7: draw(st.integers(0, 9_000_000))}
    scenario = Scenario("Scénario & <co>", effective_from=draw(st.none() | days), **changes)  # type: ignore[arg-type]
    return base, scenario


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(poles_and_scenarios())
def test_every_column_totals_the_amount_it_splits(case: tuple[PoleInput, Scenario]) -> None:
    base, scenario = case
    try:
        comparison = compare(base, [scenario])
    except PtceError as error:  # a period where nobody takes part: named, never a crash
        assert error.code in ("no_participant", "all_weights_zero")
        return
    column = comparison.columns[0]
    assert column.total == column.amount_split
    assert comparison.today_total == comparison.today_split
    assert sum(row.today for row in comparison.rows) == comparison.today_total
    assert sum(row.amounts[0] for row in comparison.rows) == column.total
    assert comparison.columns[0].hypotheses


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(poles_and_scenarios(), poles_and_scenarios())
def test_a_kept_cache_gives_what_a_fresh_comparison_gives(
    first: tuple[PoleInput, Scenario], second: tuple[PoleInput, Scenario]
) -> None:
    base, one = first
    _other_pole, two = second
    cache = WeightsCache()
    try:
        compare(base, [one], cache)
        kept = compare(base, [two, one], cache)
    except PtceError as error:
        assert error.code in ("no_participant", "all_weights_zero", "negative_weight")
        return
    assert kept == compare(base, [two, one])


# --- JSON ---------------------------------------------------------------------------------------


def test_json_round_trip_of_every_kind_of_change() -> None:
    scenario = Scenario(
        "Tout « & » <co> l'€",
        key=KeyChoice(Method.MIXED, parts=(PartChoice(3000), PartChoice(7000, 1))),
        units={3: 150_500, 5: 0},
        joins=(Join(LONG, date(2025, 7, 1), 40_125),),
        leaves=(Leave(4, date(2025, 6, 30)),),
        budgets={1: 1_500_050},
        effective_from=date(2025, 4, 1),
        fees={1: 650},
    )
    assert scenario_from_dict(scenario_to_dict(scenario)) == scenario
    for key in (
        KeyChoice(Method.EQUAL),
        KeyChoice(Method.UNITS, key_id=2),
        KeyChoice(Method.PERCENT, values={1: 2550, 2: 7450}),
    ):
        again = scenario_from_dict(scenario_to_dict(Scenario("k", key=key)))
        assert again.key == key


def test_json_accepts_french_numbers_and_dates_and_a_list() -> None:
    text = """{"scenarios": [
      {"name": "Budget & <m²>", "budgets": {"1": "15 000,50 €"}, "units": {"2": "12,5"},
       "joins": [{"name": "Nouvelle", "date": "01/07/2025", "units": 40.125}]},
      {"name": "Égal", "key": {"method": "equal"}}]}"""
    first, second = scenarios_from_json(text)
    assert first.budgets == {1: 1_500_050}
    assert first.units == {2: 12_500}
    assert first.joins == (Join("Nouvelle", date(2025, 7, 1), 40_125),)
    assert second.key == KeyChoice(Method.EQUAL)


@pytest.mark.parametrize(
    ("text", "code", "field"),
    [
        ("{not json", "scenario_not_json", None),
        ('{"units": {}}', "scenario_missing", "scenario.name"),
        ('{"name": "x", "colour": 1}', "scenario_unknown_field", "scenario.colour"),
        (
            '{"name": "x", "joins": [{"name": "a", "date": "31/02/2025"}]}',
            "scenario_date",
            "scenario.joins[0].date",
        ),
        ('{"name": "x", "units": {"3": -2}}', "scenario_number", "scenario.units.3"),
        ('{"name": "x", "units": {"trois": 2}}', "scenario_type", "scenario.units.trois"),
        ('{"name": "x", "budgets": {"1": "12,345"}}', "scenario_number", "scenario.budgets.1"),
        ('{"name": "x", "key": {"method": "magic"}}', "scenario_method", "scenario.key.method"),
        ('{"name": "x", "fees": {"1": 120}}', "scenario_number", "scenario.fees.1"),
        (
            '{"name": "x", "key": {"method": "mixed", "parts": [{"weight": 0}]}}',
            "scenario_mixed_parts",
            "scenario.key.parts",
        ),
        ('[{"name": "x"}, {"name": 3}]', "scenario_type", "scenarios[1].name"),
        (
            '{"name": "x", "leaves": [{"date": "2025-01-01"}]}',
            "scenario_missing",
            "scenario.leaves[0].member",
        ),
    ],
)
def test_malformed_scenarios_name_the_field_in_french(
    text: str, code: str, field: str | None
) -> None:
    with pytest.raises(PtceError) as raised:
        scenarios_from_json(text)
    assert raised.value.code == code
    if field is not None:
        assert raised.value.field == field
        assert f"« {raised.value.field} »" in raised.value.message("fr")
    assert raised.value.message("fr").startswith(("Scénario", "Le scénario"))
