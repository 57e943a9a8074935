"""« Et si… ? »: what each member would pay under other keys, units, members or budgets.

A :class:`Scenario` is a frozen description of changes to the pole: the key of the simulated
services (another existing key, or a new one by parts égales, units, fixed percentages or a
mix), members' units, members joining (date, units) or leaving (date), services' budgets.
:func:`compare` computes, for every member, what they pay today and under each scenario over
one fiscal year and some services, by building modified :class:`KeySpec` values and member
presences and calling the SAME engine as the stored shares and the calls
(:func:`~ptce_desktop.domain.weights.effective_weights` and :func:`~ptce_desktop.domain.
allocation.allocate_cents`, what :func:`~ptce_desktop.domain.allocation.split_cost` is made of;
each key's weights over a period computed once): nothing here re-derives a weight.

The amounts, per service (:class:`ServiceInput`):

* basis ``costs`` (a past or current year): each cost of the year is split over its period
  with the key in force on its first day, presence prorated by days (DESIGN §4.3) — what the
  stored shares are;
* basis ``budget`` (a coming year): the year's budget over the four quarters
  (:func:`~ptce_desktop.domain.split.split_over_quarters`), then each quarter over the
  members with the key of its first day, presence prorated over the quarter — what the
  provisional calls are;
* a scenario's budget for a service replaces that service's amount by the budget, split as
  a budget is (so « et si le budget passait à 15 000 € ? » reads the same on either basis);
* a service's billing coefficient and management fee (DESIGN §4b, :mod:`.billing`) are added as
  the calls and the true-up add them: on a budget, billed once then each component over the
  quarters and the key; on a cost, billed on its split amount and split in proportion to its
  shares. A scenario's fee rate replaces the service's (from the service's billing date).

Changes apply from ``effective_from`` (default: the first day of the year): units and joins
make a new version of each key concerned from that day; a key whose method changes is a new
key in force from the first day of the year. Every column's total equals the amounts split.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from fractions import Fraction
from math import gcd

from ptce_desktop.domain.billing import Billing, LineComponent, bill
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method, MixedPart
from ptce_desktop.domain.money import format_money, format_percent, format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.split import allocate_cents, split_over_quarters
from ptce_desktop.domain.weights import effective_weights

#: At most this many scenarios side by side (the page, the PDF and the CLI).
MAX_SCENARIOS = 4

METHOD_LABELS_FR: dict[Method, str] = {
    Method.EQUAL: "parts égales",
    Method.UNITS: "unités",
    Method.USAGE: "utilisation",
    Method.PERCENT: "pourcentages fixes",
    Method.MIXED: "mixte",
}


class Basis(StrEnum):
    COSTS = "costs"
    BUDGET = "budget"


# --- the scenario -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartChoice:
    """One part of a mixed key: an existing key (``key_id``), or parts égales over every member
    present (``key_id`` None). ``weight`` is relative (30 and 70, or 3000 and 7000)."""

    weight: int
    key_id: int | None = None


@dataclass(frozen=True)
class KeyChoice:
    """The key of the simulated services under a scenario.

    ``key_id`` alone: that existing key. Otherwise a new key of ``method``: EQUAL (every member
    present, or the members of ``values`` with a value > 0), UNITS (``values`` in thousandths),
    PERCENT (``values`` in basis points), MIXED (``parts``).
    """

    method: Method
    key_id: int | None = None
    values: Mapping[int, int] = field(default_factory=dict)
    parts: tuple[PartChoice, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", dict(self.values))
        object.__setattr__(self, "parts", tuple(self.parts))


@dataclass(frozen=True)
class Join:
    """A member joining on ``joined`` with ``units`` (thousandths; for a key in fixed
    percentages, thousandths of a percent) in every key by units or percentages concerned."""

    name: str
    joined: date
    units: int = 0


@dataclass(frozen=True)
class Leave:
    """Member ``member_id`` leaving: ``left`` is its last day in the pole."""

    member_id: int
    left: date


@dataclass(frozen=True)
class Scenario:
    """A frozen description of changes; the empty scenario is « aujourd'hui ».

    ``units``: member id -> thousandths of the unit (or of a percent, for a percentage key),
    in every key by units or percentages concerned (the services' keys, or the parts of a mixed
    one); for a key by parts égales, 0 takes the member out and > 0 puts it in.
    ``budgets``: service id -> cents for the year. ``fees``: service id -> management fee
    rate in basis points.
    """

    name: str
    key: KeyChoice | None = None
    units: Mapping[int, int] = field(default_factory=dict)
    joins: tuple[Join, ...] = ()
    leaves: tuple[Leave, ...] = ()
    budgets: Mapping[int, int] = field(default_factory=dict)
    effective_from: date | None = None
    fees: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", dict(self.units))
        object.__setattr__(self, "budgets", dict(self.budgets))
        object.__setattr__(self, "fees", dict(self.fees))
        object.__setattr__(self, "joins", tuple(self.joins))
        object.__setattr__(self, "leaves", tuple(self.leaves))

    @property
    def empty(self) -> bool:
        return not (
            self.key or self.units or self.joins or self.leaves or self.budgets or self.fees
        )


#: The first id a joining member takes in the simulation: above every real member's id, as
#: the id the member gets when the scenario is adopted (SQLite gives the next rowid).
JOIN_ID_BASE = 2**53


def join_id(index: int) -> int:
    """The member id a scenario's ``index``-th join takes in the simulation.

    The split breaks ties by member id (the lower id first, DESIGN §4.2), so a joining member
    must sort where it will once created: after every member of the pole, joins in their
    order (adoption creates them in that order). A negative id gave a tied cent to the joiner
    in the simulation and to the older member once adopted."""
    return JOIN_ID_BASE + index


# --- what the simulation reads -----------------------------------------------------------------


@dataclass(frozen=True)
class CostLine:
    """A cost of the year: the amount it splits (HT or TTC, already decided) and its period."""

    label: str
    amount: int
    period_start: date
    period_end: date


@dataclass(frozen=True)
class ServiceInput:
    id: int
    name: str
    key: KeySpec
    costs: tuple[CostLine, ...] = ()
    budget: int | None = None
    #: Billing (DESIGN §4b): coefficient in ten-thousandths, fee rate in basis points (None:
    #: none), from ``billing_from`` on (None: always).
    coefficient_e4: int | None = None
    fee_rate_bp: int | None = None
    billing_from: date | None = None

    def billing_on(self, day: date, fee_rate_bp: int | None = None) -> Billing:
        """The billing of a quarter or cost starting on ``day`` (``fee_rate_bp``: a
        scenario's rate instead of the service's)."""
        if self.billing_from is not None and day < self.billing_from:
            return Billing()
        fee = self.fee_rate_bp if fee_rate_bp is None else fee_rate_bp
        return Billing(self.coefficient_e4, fee)


@dataclass(frozen=True)
class MemberInput:
    id: int
    name: str
    joined: date | None = None
    left: date | None = None


@dataclass(frozen=True)
class PoleInput:
    """Everything a comparison reads, loaded once (the scenarios are then pure computation)."""

    year_label: str
    start: date
    end: date
    quarters: tuple[tuple[date, date], ...]
    members: tuple[MemberInput, ...]
    services: tuple[ServiceInput, ...]
    keys: Mapping[int, KeySpec]
    basis: Basis

    def member_ids(self) -> frozenset[int]:
        return frozenset(m.id for m in self.members)


# --- building the modified keys ----------------------------------------------------------------


def _equal_key(name: str, start: date) -> KeySpec:
    return KeySpec(name=name, method=Method.EQUAL, versions=(KeyVersion(None, start),))


class _KeyBuilder:
    """Applies one scenario to keys; each key is transformed once (a key shared by two
    services, or by a service and a mixed part, gets the same new version)."""

    def __init__(self, pole: PoleInput, scenario: Scenario) -> None:
        self.pole = pole
        self.scenario = scenario
        self.start = scenario.effective_from or pole.start
        self.members = sorted(pole.member_ids())
        self.join_units = {join_id(i): j.units for i, j in enumerate(scenario.joins)}
        self.done: dict[int, KeySpec] = {}
        self.created: KeySpec | None = None

    def service_key(self, service: ServiceInput) -> KeySpec:
        choice = self.scenario.key
        if choice is None:
            return self.existing(service.key)
        if choice.key_id is not None:
            return self.existing(self.pole.keys[choice.key_id])
        if self.created is None:
            self.created = self.new_key(choice)
        return self.created

    def existing(self, key: KeySpec) -> KeySpec:
        if key.id is None:
            return self.transform(key)
        if key.id not in self.done:
            self.done[key.id] = self.transform(key)
        return self.done[key.id]

    def new_key(self, choice: KeyChoice) -> KeySpec:
        name = self.scenario.name or "Scénario"
        if choice.method is Method.MIXED:
            parts = tuple(
                MixedPart(
                    self.existing(self.pole.keys[part.key_id])
                    if part.key_id is not None
                    else self.transform(_equal_key("Parts égales", self.pole.start)),
                    part.weight,
                )
                for part in choice.parts
            )
            version = KeyVersion(None, self.pole.start, parts=parts)
            return KeySpec(name=name, method=Method.MIXED, versions=(version,))
        values = dict(choice.values)
        if choice.method is Method.EQUAL:
            values = {m: 1 for m, v in values.items() if v > 0}
        base = KeySpec(
            name=name, method=choice.method, versions=(KeyVersion(None, self.pole.start, values),)
        )
        return self.transform(base)

    def new_values(self, key: KeySpec) -> dict[int, int] | None:
        """The values of the new version of ``key`` from ``self.start``; None when the scenario
        changes nothing in it."""
        method = key.method
        units = self.scenario.units
        if method not in (Method.UNITS, Method.PERCENT, Method.EQUAL):
            return None
        if not units and not self.join_units:
            return None
        candidates = [v for v in key.versions if v.valid_from <= self.start]
        current = max(candidates, key=lambda v: v.valid_from) if candidates else None
        values = dict(current.values) if current is not None else {}
        if method is Method.EQUAL:
            values = {m: 1 for m, v in values.items() if v > 0}
            everyone = not values
            if everyone and not any(v == 0 for v in units.values()):
                return None  # every member present takes part, joiners included
            if everyone:
                values = dict.fromkeys(self.members, 1)
            for member, value in units.items():
                if value > 0:
                    values[member] = 1
                else:
                    values.pop(member, None)
            values.update(dict.fromkeys(self.join_units, 1))
            return values
        scale = 10 if method is Method.PERCENT else 1  # thousandths of a percent -> bp
        for member, value in {**units, **self.join_units}.items():
            if value // scale > 0:
                values[member] = value // scale
            else:
                values.pop(member, None)
        return values

    def transform(self, key: KeySpec) -> KeySpec:
        if key.method is Method.MIXED:
            versions = tuple(
                replace(
                    version,
                    parts=tuple(
                        MixedPart(self.existing(part.key), part.weight) for part in version.parts
                    ),
                )
                for version in key.versions
            )
            return replace(key, versions=versions)
        values = self.new_values(key)
        if values is None:
            return key
        kept = tuple(v for v in key.versions if v.valid_from != self.start)
        return replace(key, versions=(*kept, KeyVersion(None, self.start, values)))


def scenario_presences(pole: PoleInput, scenario: Scenario) -> list[MemberPresence]:
    """The members' presences under ``scenario``: leaves end a member on their date, joins
    add members (ids :func:`join_id`) from theirs."""
    leaving = {leave.member_id: leave.left for leave in scenario.leaves}
    presences = [MemberPresence(m.id, m.joined, leaving.get(m.id, m.left)) for m in pole.members]
    presences.extend(
        MemberPresence(join_id(index), join.joined, None)
        for index, join in enumerate(scenario.joins)
    )
    return presences


def scenario_keys(pole: PoleInput, scenario: Scenario) -> dict[int, KeySpec]:
    """Service id -> the key it splits with under ``scenario``."""
    builder = _KeyBuilder(pole, scenario)
    return {service.id: builder.service_key(service) for service in pole.services}


# --- the computation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnResult:
    """One column (today or a scenario): cents per member id, and the amount split."""

    name: str
    cents: Mapping[int, int]
    amount_split: int
    per_service: Mapping[int, int]  # service id -> amount split


class WeightsCache:
    """Each key's weights over a period for some member presences, kept between comparisons.

    A year splits many amounts over the same (key, period): every monthly cost of every
    service sharing a key, every column that leaves a key and the members unchanged, and every
    keystroke that changes one scenario only. Keys are found by their content (name, method,
    versions, usage), so a key rebuilt identical by the next keystroke is found again. The
    weights are the engine's own (:func:`~.allocation.effective_weights`, what
    :func:`~.allocation.split_cost` uses), brought once to integers of the same ratios; each
    amount is then split by :func:`~.allocation.allocate_cents` — the same cents as
    :func:`~.allocation.split_cost_cents` (the property tests check it against stored shares).
    Keep one per loaded year (the page does); a comparison without one makes its own.
    """

    LIMIT = 20_000

    def __init__(self) -> None:
        self.weights: dict[tuple[int, date, date, int], dict[int, int]] = {}
        self.splits: dict[tuple[int, date, date, int, int], dict[int, int]] = {}
        #: (service, key, presences, budget, fee) -> (cents per member, amount split)
        self.services: dict[tuple[object, ...], tuple[dict[int, int], int]] = {}
        self.tokens: dict[object, int] = {}
        self.issued = 0

    def token(self, value: object) -> int:
        """A small number standing for ``value`` (a key's signature, some presences)."""
        found = self.tokens.get(value)
        if found is None:
            if len(self.tokens) >= 2_000:  # tokens name the kept figures: forget them together
                self.tokens.clear()
                self.weights.clear()
                self.splits.clear()
                self.services.clear()
            self.issued += 1  # never a number given before: a stale token only misses
            found = self.tokens[value] = self.issued
        return found

    def get(
        self,
        key: KeySpec,
        signature: int,
        start: date,
        end: date,
        presences: tuple[MemberPresence, ...],
        presences_token: int,
        label: str,
    ) -> dict[int, int]:
        found = self.weights.get((signature, start, end, presences_token))
        if found is None:
            weights = effective_weights(key, start, end, presences, cost_label=label)
            weights.check(label)
            found = _integers(weights.weights())
            if len(self.weights) >= self.LIMIT:
                self.weights.clear()
            self.weights[(signature, start, end, presences_token)] = found
        return found

    def split(
        self,
        amount: int,
        key: KeySpec,
        signature: int,
        start: date,
        end: date,
        presences: tuple[MemberPresence, ...],
        presences_token: int,
        label: str,
    ) -> dict[int, int]:
        """``amount`` split over the key's weights (kept too: the columns that leave a
        service unchanged, and the next keystroke, split the same amounts again)."""
        found = self.splits.get((signature, start, end, presences_token, amount))
        if found is None:
            weights = self.get(key, signature, start, end, presences, presences_token, label)
            found = allocate_cents(amount, weights, cost_label=label, key_name=key.name)
            if len(self.splits) >= self.LIMIT:
                self.splits.clear()
            self.splits[(signature, start, end, presences_token, amount)] = found
        return found


def key_signature(key: KeySpec) -> object:
    """The content of a key as a hashable value: what its weights depend on (not its name:
    a scenario's new key renamed as the user types weighs the same)."""
    versions = tuple(
        (
            version.valid_from,
            version.member_ids,
            version.member_values,
            tuple((key_signature(part.key), part.weight) for part in version.parts),
        )
        for version in key.versions
    )
    return (key.method, versions, key.usage)


class _Splitter:
    """Splits one column's amounts: a key's signature (and the presences) hashed once per
    column, then known by a small number."""

    def __init__(self, presences: tuple[MemberPresence, ...], cache: WeightsCache) -> None:
        self.presences = presences
        self.cache = cache
        self.presences_token = cache.token(presences)
        self.signatures: dict[int, tuple[KeySpec, int]] = {}

    def split(
        self, amount: int, key: KeySpec, start: date, end: date, label: str
    ) -> dict[int, int]:
        if amount == 0:
            return {}
        return self.cache.split(
            amount, key, self.signature(key), start, end, self.presences,
            self.presences_token, label,
        )  # fmt: skip

    def signature(self, key: KeySpec) -> int:
        """The key's content as a token (computed once per key object)."""
        known = self.signatures.get(id(key))
        if known is None or known[0] is not key:
            known = (key, self.cache.token(key_signature(key)))
            self.signatures[id(key)] = known
        return known[1]


def _integers(weights: Mapping[int, Fraction]) -> dict[int, int]:
    """Exact weights as integers of the same ratios (their common denominator)."""
    common = 1
    for value in weights.values():
        common = common // gcd(common, value.denominator) * value.denominator
    return {m: w.numerator * (common // w.denominator) for m, w in weights.items()}


def simulate(
    pole: PoleInput, scenario: Scenario, cache: WeightsCache | None = None
) -> ColumnResult:
    """What each member pays under ``scenario`` (the empty scenario: today)."""
    keys = scenario_keys(pole, scenario)
    presences = tuple(scenario_presences(pole, scenario))
    splitter = _Splitter(presences, cache if cache is not None else WeightsCache())
    totals: dict[int, int] = {}
    per_service: dict[int, int] = {}
    for service in pole.services:
        key = keys[service.id]
        budget = scenario.budgets.get(service.id)
        fee = scenario.fees.get(service.id)
        token = (
            service.id,
            splitter.signature(key),
            splitter.presences_token,
            budget,
            fee,
        )
        kept = splitter.cache.services
        found = kept.get(token)
        if found is None:
            found = _service_cents(pole, service, key, budget, fee, splitter)
            if len(kept) >= WeightsCache.LIMIT:
                kept.clear()
            kept[token] = found
        cents, split_total = found
        for member, value in cents.items():
            totals[member] = totals.get(member, 0) + value
        per_service[service.id] = split_total
    return ColumnResult(scenario.name, totals, sum(per_service.values()), per_service)


def _service_cents(
    pole: PoleInput,
    service: ServiceInput,
    key: KeySpec,
    budget: int | None,
    fee: int | None,
    splitter: _Splitter,
) -> tuple[dict[int, int], int]:
    """One service's amounts per member over the year, and the amount split."""
    split = splitter.split
    totals: dict[int, int] = {}
    split_total = 0

    def add(cents: Mapping[int, int]) -> None:
        for member, value in cents.items():
            totals[member] = totals.get(member, 0) + value

    if budget is None and pole.basis is Basis.COSTS:
        for cost in service.costs:
            shares = split(cost.amount, key, cost.period_start, cost.period_end, cost.label)
            add(shares)
            split_total += cost.amount
            billing = service.billing_on(cost.period_start, fee)
            if not billing.active:
                continue
            weights = {member: abs(cents) for member, cents in shares.items()}
            if not any(weights.values()):
                continue
            billed = bill(sum(shares.values()), billing)
            for component in (LineComponent.SURCHARGE, LineComponent.FEE):
                extra = billed.component(component)
                if extra:
                    add(allocate_cents(extra, weights))
                    split_total += extra
        return totals, split_total
    amount = budget if budget is not None else (service.budget or 0)
    for index, (start, end) in enumerate(pole.quarters):
        billed = bill(amount, service.billing_on(start, fee))
        for component in LineComponent:
            part = split_over_quarters(billed.component(component))[index]
            label = f"{service.name} ({format_date(start)})"
            add(split(part, key, start, end, label))
            split_total += part
    return totals, split_total


@dataclass(frozen=True)
class MemberRow:
    """One member's line: today and each scenario (0 when the member takes no part)."""

    member_id: int  # a member joining in a scenario: :func:`join_id` (see ``joining``)
    name: str
    today: int
    amounts: tuple[int, ...]
    joining: bool = False

    def difference(self, index: int) -> int:
        return self.amounts[index] - self.today

    def difference_bp(self, index: int) -> int | None:
        """The difference as a percentage of today, in basis points (half away from zero);
        None when the member pays nothing today."""
        if self.today == 0:
            return None
        diff = self.difference(index)
        magnitude, remainder = divmod(abs(diff) * 10_000, abs(self.today))
        if 2 * remainder >= abs(self.today):
            magnitude += 1
        return magnitude if (diff >= 0) == (self.today > 0) else -magnitude


@dataclass(frozen=True)
class ScenarioColumn:
    scenario: Scenario
    total: int
    amount_split: int
    hypotheses: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """Today and up to four scenarios, member by member (by name; joiners last)."""

    year_label: str
    basis: Basis
    services: tuple[tuple[int, str], ...]
    today_total: int
    today_split: int
    columns: tuple[ScenarioColumn, ...]
    rows: tuple[MemberRow, ...]

    def extremes(self, index: int) -> tuple[MemberRow | None, MemberRow | None]:
        """(the member who gains most — whose amount falls most — and who loses most) under
        the scenario ``index``, joiners aside; None when nobody gains (or loses)."""
        members = [r for r in self.rows if not r.joining]
        gains = [r for r in members if r.difference(index) < 0]
        losses = [r for r in members if r.difference(index) > 0]
        gain = min(gains, key=lambda r: (r.difference(index), r.name)) if gains else None
        loss = max(losses, key=lambda r: (r.difference(index), r.name)) if losses else None
        return gain, loss


def compare(
    pole: PoleInput, scenarios: Sequence[Scenario], cache: WeightsCache | None = None
) -> Comparison:
    """Today and each scenario side by side; every column's total equals its amount split.
    ``cache``: weights kept from an earlier comparison of the same year (see WeightsCache)."""
    if len(scenarios) > MAX_SCENARIOS:
        raise PtceError("simulation_too_many", max=MAX_SCENARIOS)
    cache = cache if cache is not None else WeightsCache()
    today = simulate(pole, Scenario("Aujourd'hui"), cache)
    results = [simulate(pole, scenario, cache) for scenario in scenarios]
    names = {m.id: m.name for m in pole.members}
    rows = [
        MemberRow(
            m.id, m.name, today.cents.get(m.id, 0), tuple(r.cents.get(m.id, 0) for r in results)
        )
        for m in pole.members
        if today.cents.get(m.id) or any(r.cents.get(m.id) for r in results)
    ]
    rows.sort(key=lambda row: (row.name.casefold(), row.member_id))
    for index, (scenario, result) in enumerate(zip(scenarios, results, strict=True)):
        for j, join in enumerate(scenario.joins):
            amounts = [0] * len(results)
            amounts[index] = result.cents.get(join_id(j), 0)
            label = f"{join.name} (entrée, {scenario.name})" if len(scenarios) > 1 else join.name
            rows.append(MemberRow(join_id(j), label, 0, tuple(amounts), joining=True))
    columns = tuple(
        ScenarioColumn(
            scenario,
            sum(result.cents.values()),
            result.amount_split,
            describe(scenario, pole, names),
        )
        for scenario, result in zip(scenarios, results, strict=True)
    )
    return Comparison(
        pole.year_label,
        pole.basis,
        tuple((s.id, s.name) for s in pole.services),
        sum(today.cents.values()),
        today.amount_split,
        columns,
        tuple(rows),
    )


# --- the hypotheses, written out (PDF, CLI) -----------------------------------------------------


def difference_text(cents: int, *, lang: str = "fr") -> str:
    """A difference in a comparison: « +12,50 € », « -3,00 € », « 0,00 € »."""
    return ("+" if cents > 0 else "") + format_money(cents, lang=lang)


def difference_percent_text(basis_points: int | None, *, lang: str = "fr") -> str:
    """A difference in %: « +12,35 % », « -0,41 % »; « — » when there is no base."""
    if basis_points is None:
        return "—"
    return ("+" if basis_points > 0 else "") + format_percent(basis_points, lang=lang, fixed=True)


def _key_text(choice: KeyChoice, pole: PoleInput) -> str:
    if choice.key_id is not None:
        key = pole.keys.get(choice.key_id)
        return f"clé « {key.name if key else choice.key_id} »"
    if choice.method is Method.MIXED:
        total = sum(part.weight for part in choice.parts if part.weight > 0) or 1
        texts = []
        for part in choice.parts:
            if part.weight <= 0:
                continue
            share = format_percent(round(part.weight * 10_000 / total))
            if part.key_id is None:
                texts.append(f"{share} parts égales")
            else:
                key = pole.keys.get(part.key_id)
                texts.append(f"{share} « {key.name if key else part.key_id} »")
        return "clé mixte : " + " + ".join(texts)
    return f"nouvelle clé par {METHOD_LABELS_FR[choice.method]}"


def describe(scenario: Scenario, pole: PoleInput, names: Mapping[int, str]) -> tuple[str, ...]:
    """The scenario's hypotheses in French sentences (the meeting's PDF and the CLI)."""
    lines = []
    start = scenario.effective_from or pole.start
    units = {s.key.unit for s in pole.services if s.key.method is Method.UNITS}
    unit = units.pop() if len(units) == 1 and scenario.key is None else ""
    unit = unit or "unités"
    if scenario.key is not None:
        lines.append(f"Répartition selon une {_key_text(scenario.key, pole)}.")
    for member, value in sorted(scenario.units.items()):
        lines.append(f"{names.get(member, f'Membre n° {member}')} : {format_units(value)} {unit}.")
    for join in scenario.joins:
        lines.append(
            f"Entrée de {join.name} le {format_date(join.joined)} "
            f"({format_units(join.units)} {unit})."
        )
    for leave in scenario.leaves:
        name = names.get(leave.member_id, f"Membre n° {leave.member_id}")
        lines.append(f"Départ de {name} le {format_date(leave.left)} (dernier jour).")
    services = {s.id: s.name for s in pole.services}
    for service_id, cents in sorted(scenario.budgets.items()):
        lines.append(
            f"Budget de « {services.get(service_id, service_id)} » : {format_money(cents)}."
        )
    for service_id, rate in sorted(scenario.fees.items()):
        lines.append(
            f"Frais de gestion de « {services.get(service_id, service_id)} » : "
            f"{format_percent(rate)}."
        )
    if (scenario.units or scenario.joins) and start != pole.start:
        lines.append(f"Changements d'unités à partir du {format_date(start)}.")
    return tuple(lines) or ("Aucun changement.",)
