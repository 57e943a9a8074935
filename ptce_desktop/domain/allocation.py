"""The one allocation engine (DESIGN §4): exact weights, a split to the cent, and its reasons.

Screens, PDFs and exports all call :func:`split_cost` (or :func:`allocate_cents` directly), so a
share is computed in exactly one place. Weights are :class:`~fractions.Fraction`; amounts are
integer cents; units are integer thousandths; percentages are basis points.

Largest-remainder apportionment can show the Alabama paradox (adding a member may take a cent
away from another); this is why calls freeze their shares once issued.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from math import gcd
from typing import NamedTuple, cast

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import days_inclusive, format_date, overlap_days

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
    products = [magnitude * v for v in values]
    shares = [p // weight_sum for p in products]
    left = magnitude - sum(shares)
    if left:
        remainders = [p % weight_sum for p in products]
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
    members, values, weight_sum, _scale = _integer_weights(weights, cost_label, key_name)
    if weight_sum == 0:
        raise PtceError("all_weights_zero", cost=cost_label, key=key_name)
    magnitude = abs(total)
    shares = _largest_remainder(magnitude, values, weight_sum)
    if total < 0:
        shares = [-share for share in shares]
    return dict(zip(members, shares, strict=True))


def split_over_quarters(budget_cents: int) -> list[int]:
    """A yearly budget over four quarters, the same rule with equal weights (Q1 first on ties)."""
    shares = allocate_cents(budget_cents, {1: 1, 2: 1, 3: 1, 4: 1})
    return [shares[quarter] for quarter in (1, 2, 3, 4)]


# --- keys ---------------------------------------------------------------------------------------


class Method(StrEnum):
    EQUAL = "equal"
    UNITS = "units"
    USAGE = "usage"
    PERCENT = "percent"
    MIXED = "mixed"


@dataclass(frozen=True)
class UsageRecord:
    """Usage recorded for a member on a day (hours, bookings…), in thousandths of the unit."""

    member_id: int
    on: date
    units: int


@dataclass(frozen=True)
class MixedPart:
    """One part of a mixed key: another key, weighted (e.g. 3000 and 7000 for 30 % / 70 %).
    Part weights need not sum to anything: they are normalised by their sum."""

    key: KeySpec
    weight: int


@dataclass(frozen=True)
class KeyVersion:
    """The content of a key from ``valid_from`` on.

    ``values`` is per member: thousandths of the unit (UNITS), basis points (PERCENT), or for
    EQUAL an optional list of participants (any value > 0; empty = every member present).
    ``parts`` is used by MIXED only. USAGE reads the key's usage records instead.

    ``values`` is copied when the version is made (a version never changes, even if the
    mapping it was given does), and kept as well as a vector sorted by member id, which is
    what every split reads.
    """

    id: int | None
    valid_from: date
    values: Mapping[int, int] = field(default_factory=dict)
    parts: tuple[MixedPart, ...] = ()
    #: Members of ``values`` by id, their values in the same order, and the smallest value.
    member_ids: tuple[int, ...] = field(init=False, repr=False, compare=False)
    member_values: tuple[int, ...] = field(init=False, repr=False, compare=False)
    lowest_value: int = field(init=False, repr=False, compare=False)
    #: True when every value is the same (equal weights: the split is a plain divmod).
    values_all_equal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        values = dict(self.values)
        ids = tuple(sorted(values))
        vector = tuple(map(values.__getitem__, ids))
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "member_ids", ids)
        object.__setattr__(self, "member_values", vector)
        object.__setattr__(self, "lowest_value", min(vector, default=0))
        object.__setattr__(
            self, "values_all_equal", bool(vector) and vector.count(vector[0]) == len(vector)
        )


@dataclass(frozen=True)
class KeySpec:
    """An allocation key with its versions (and, for USAGE, the usage recorded)."""

    name: str
    method: Method
    versions: tuple[KeyVersion, ...]
    id: int | None = None
    unit: str = ""
    usage: tuple[UsageRecord, ...] = ()

    def version_on(self, day: date) -> KeyVersion:
        """The version in force on ``day``: the latest ``valid_from`` not after it."""
        if len(self.versions) == 1 and self.versions[0].valid_from <= day:
            return self.versions[0]  # the common case, without building a list
        candidates = [v for v in self.versions if v.valid_from <= day]
        if not candidates:
            raise PtceError("no_key_version", key=self.name, date=format_date(day))
        return max(candidates, key=lambda v: v.valid_from)


@dataclass(frozen=True)
class MemberPresence:
    """A member and its dates in the pole (``left`` is its last day; None = open)."""

    member_id: int
    joined: date | None = None
    left: date | None = None


@dataclass(frozen=True)
class PartExplanation:
    """A mixed key's part as seen by one member."""

    key_name: str
    method: Method
    part_weight: Fraction  # normalised: the parts' weights sum to 1
    member_units: int
    total_units: int
    member_weight: Fraction  # this member's normalised weight inside the part


@dataclass(frozen=True)
class ShareExplanation:
    """One member's share of one cost, and why (DESIGN §4.6).

    For a negative total, ``exact``, ``floor`` and ``cents`` are negative; ``floor`` is then
    rounded toward zero and ``leftover_cent`` means one more cent of credit.
    ``member_units``/``total_units`` are raw (unprorated) values of the version in force:
    thousandths (UNITS, USAGE), basis points (PERCENT), 1000 per participant (EQUAL), and
    None for MIXED (see ``parts``). ``weight``/``total_weight`` are the prorated weights
    actually used.
    """

    member_id: int
    cents: int
    key_name: str
    key_id: int | None
    version_id: int | None
    valid_from: date
    method: Method
    member_units: int | None
    total_units: int | None
    days_present: int
    period_days: int
    weight: Fraction
    total_weight: Fraction
    exact: Fraction
    floor: int
    leftover_cent: bool
    parts: tuple[PartExplanation, ...] = ()

    @property
    def prorated(self) -> bool:
        return self.days_present < self.period_days

    @property
    def rounding_delta(self) -> Fraction:
        """Cents charged minus the exact share (|delta| < 1)."""
        return self.cents - self.exact


@dataclass(frozen=True)
class _Weights:
    weights: dict[int, Fraction]  # member id -> weight after prorating (only positive ones)
    units: dict[int, int]  # raw units of the participants
    version: KeyVersion
    parts: dict[int, tuple[PartExplanation, ...]]
    present: int  # listed members present in the period, whatever their units

    def check(self, key_name: str, cost_label: str) -> None:
        """No weight at all is an error that names the cost and the key."""
        if not self.weights:
            code = "all_weights_zero" if self.present else "no_participant"
            raise PtceError(code, cost=cost_label, key=key_name)


def _presence_days(members: Sequence[MemberPresence], start: date, end: date) -> dict[int, int]:
    days = {}
    whole: int | None = None
    for member in members:
        if member.joined is None and member.left is None:  # the common case: the whole period
            if whole is None:
                whole = days_inclusive(start, end)  # invalid_period, as overlap_days would
            days[member.member_id] = whole
            continue
        joined = member.joined or start
        left = member.left or end
        days[member.member_id] = overlap_days(joined, left, start, end) if joined <= left else 0
    return days


_EQUAL, _MIXED, _USAGE = Method.EQUAL, Method.MIXED, Method.USAGE


class _RawUnits(NamedTuple):
    """The raw (unprorated) units of a non-mixed key for a period, by member id."""

    ids: Sequence[int]
    values: Sequence[int]
    lowest: int  # the smallest value (0 when there is none)
    all_equal: bool  # every value is the same
    prorate: bool  # prorated by presence (not USAGE)


def _raw_units(
    key: KeySpec, version: KeyVersion, start: date, end: date, pole: Sequence[int], cost_label: str
) -> _RawUnits:
    """Who takes part in a non-mixed key and with how many units, before presence; refuses a
    negative value (naming the lowest member id).

    EQUAL: 1000 per participant (listed with a value > 0; none listed = every member of
    ``pole``, sorted by id); UNITS, PERCENT: the version's values; USAGE: the usage recorded
    inside the period (it already reflects presence: not prorated again). Shared by
    :func:`split_cost` and :func:`split_cost_cents`, so both see exactly the same units.
    """
    method = key.method
    if method is _USAGE:
        usage: dict[int, int] = {}
        for record in key.usage:
            if start <= record.on <= end:
                usage[record.member_id] = usage.get(record.member_id, 0) + record.units
        ids: Sequence[int] = sorted(usage)
        values: Sequence[int] = list(map(usage.__getitem__, ids))
        lowest = min(values, default=0)
        all_equal = bool(values) and values.count(values[0]) == len(values)
        raw = _RawUnits(ids, values, lowest, all_equal, prorate=False)
    elif method is _EQUAL:
        ids = version.member_ids
        if not ids:
            ids = pole
        elif version.lowest_value <= 0:
            ids = [m for m, v in zip(ids, version.member_values, strict=True) if v > 0]
        thousand = 1000 if ids else 0
        return _RawUnits(ids, (1000,) * len(ids), thousand, bool(ids), prorate=True)
    else:  # UNITS, PERCENT
        raw = _RawUnits(
            version.member_ids,
            version.member_values,
            version.lowest_value,
            version.values_all_equal,
            prorate=True,
        )
    if raw.lowest < 0:
        member = next(m for m, v in zip(raw.ids, raw.values, strict=True) if v < 0)
        raise PtceError("negative_weight", cost=cost_label, key=key.name, member=member)
    return raw


def _key_weights(
    key: KeySpec,
    start: date,
    end: date,
    presence: Mapping[int, int],
    cost_label: str,
) -> _Weights:
    version = key.version_on(start)
    period_days = days_inclusive(start, end)
    if key.method is Method.MIXED:
        return _mixed_weights(key, version, start, end, presence, cost_label)
    raw = _raw_units(key, version, start, end, sorted(presence), cost_label)
    weights: dict[int, Fraction] = {}
    units_of: dict[int, int] = {}
    present = 0
    for member, units in zip(raw.ids, raw.values, strict=True):
        days = presence.get(member, 0)
        if days > 0:
            present += 1
            if units > 0:
                units_of[member] = units
                if days == period_days or not raw.prorate:
                    weights[member] = Fraction(units)
                else:
                    weights[member] = Fraction(units * days, period_days)
    return _Weights(weights, units_of, version, {}, present)


def _mixed_weights(
    key: KeySpec,
    version: KeyVersion,
    start: date,
    end: date,
    presence: Mapping[int, int],
    cost_label: str,
) -> _Weights:
    live_parts = [part for part in version.parts if part.weight != 0]
    for part in live_parts:
        if part.weight < 0:
            raise PtceError("negative_weight", cost=cost_label, key=key.name, member="-")
    part_sum = sum(part.weight for part in live_parts)
    if part_sum == 0:
        raise PtceError("all_weights_zero", cost=cost_label, key=key.name)
    combined: dict[int, Fraction] = {}
    details: dict[int, list[PartExplanation]] = {}
    computed = []
    for part in live_parts:
        inner = _key_weights(part.key, start, end, presence, cost_label)
        inner.check(part.key.name, cost_label)
        inner_sum = sum(inner.weights.values(), Fraction(0))
        computed.append((part, inner, inner_sum))
    for part, inner, inner_sum in computed:
        part_weight = Fraction(part.weight, part_sum)
        for member, weight in inner.weights.items():
            combined[member] = combined.get(member, Fraction(0)) + part_weight * weight / inner_sum
    for member in combined:
        details[member] = [
            PartExplanation(
                key_name=part.key.name,
                method=part.key.method,
                part_weight=Fraction(part.weight, part_sum),
                member_units=inner.units.get(member, 0),
                total_units=sum(inner.units.values()),
                member_weight=inner.weights.get(member, Fraction(0)) / inner_sum,
            )
            for part, inner, inner_sum in computed
        ]
    parts = {m: tuple(d) for m, d in details.items()}
    return _Weights(combined, {}, version, parts, len(combined))


@dataclass(frozen=True)
class MemberWeight:
    """One member's weight under a key over a period, exactly as the split uses it.

    ``units`` is the raw value of the version in force (thousandths for UNITS and USAGE, basis
    points for PERCENT, 1000 per participant for EQUAL; None for MIXED, see ``parts``);
    ``weight`` is units × days present / days of the period (USAGE: as recorded inside the
    period, not prorated; MIXED: the parts combined, each normalised to 1).
    """

    member_id: int
    units: int | None
    days_present: int
    period_days: int
    weight: Fraction
    parts: tuple[PartExplanation, ...] = ()

    @property
    def prorated(self) -> bool:
        return self.days_present < self.period_days


@dataclass(frozen=True)
class EffectiveWeights:
    """A key's effective weights over a period (DESIGN §4.3): the version in force on the
    period's first day and every participating member (weight > 0), by member id."""

    key: KeySpec
    version: KeyVersion
    period_start: date
    period_end: date
    members: tuple[MemberWeight, ...]
    #: Members listed by the key and present in the period, whatever their units.
    present: int
    #: Days each member of the pole is present in the period (0 when absent).
    days: Mapping[int, int]

    @property
    def total_weight(self) -> Fraction:
        return sum((m.weight for m in self.members), Fraction(0))

    @property
    def total_units(self) -> int | None:
        """Σ raw units of the participants (None for a MIXED key)."""
        if self.key.method is Method.MIXED:
            return None
        return sum(m.units or 0 for m in self.members)

    def weights(self) -> dict[int, Fraction]:
        """Member id -> weight (only participants)."""
        return {m.member_id: m.weight for m in self.members}

    def shares(self) -> dict[int, Fraction]:
        """Member id -> weight / total weight, exact (they sum to 1; empty without weight)."""
        total = self.total_weight
        return {m.member_id: m.weight / total for m in self.members} if total else {}

    def check(self, cost_label: str = "") -> None:
        """No weight at all is an error that names the cost and the key."""
        if not self.members:
            code = "all_weights_zero" if self.present else "no_participant"
            raise PtceError(code, cost=cost_label, key=self.key.name)


def effective_weights(
    key: KeySpec,
    period_start: date,
    period_end: date,
    members: Sequence[MemberPresence],
    *,
    cost_label: str = "",
) -> EffectiveWeights:
    """The one rule for a key's weights over a period, used by the split, the screens, the
    explanations and the reports alike.

    Version in force on ``period_start``; members present only part of the period weigh
    units × days present / days of the period (EQUAL, UNITS, PERCENT; USAGE is taken as
    recorded inside the period); members absent the whole period, or not in ``members``,
    do not take part. A mixed key's parts are each normalised to 1, weighted and added.
    Having no participant is not an error here (see :meth:`EffectiveWeights.check`); a
    missing version, a negative value or an invalid period is.
    """
    period_days = days_inclusive(period_start, period_end)
    presence = _presence_days(members, period_start, period_end)
    computed = _key_weights(key, period_start, period_end, presence, cost_label)
    mixed = key.method is Method.MIXED
    rows = tuple(
        MemberWeight(
            member_id=member,
            units=None if mixed else computed.units.get(member),
            days_present=presence.get(member, 0),
            period_days=period_days,
            weight=computed.weights[member],
            parts=computed.parts.get(member, ()),
        )
        for member in sorted(computed.weights)
    )
    return EffectiveWeights(
        key, computed.version, period_start, period_end, rows, computed.present, presence
    )


def versions_in(key: KeySpec, start: date, end: date) -> list[tuple[KeyVersion, date, date]]:
    """The versions governing some day of [start, end], each with the first and last day it
    governs there (a version governs from its ``valid_from`` to the day before the next)."""
    ordered = sorted(key.versions, key=lambda v: v.valid_from)
    found = []
    for index, version in enumerate(ordered):
        following = ordered[index + 1].valid_from if index + 1 < len(ordered) else None
        first = max(version.valid_from, start)
        last = min(following - timedelta(days=1), end) if following is not None else end
        if first <= last:
            found.append((version, first, last))
    return found


def key_weights(
    key: KeySpec,
    period_start: date,
    period_end: date,
    members: Sequence[MemberPresence],
    *,
    cost_label: str = "",
) -> dict[int, Fraction]:
    """The exact weight of every participating member (weight > 0) for a cost period.

    Version in force on ``period_start``; members present only part of the period weigh
    units × days present / days of the period (EQUAL, UNITS, PERCENT; USAGE is taken as
    recorded inside the period, not prorated); members absent the whole period, or not in
    ``members``, weigh nothing. A mixed key's parts are each normalised to 1, weighted and
    added: the result is split once.
    """
    return effective_weights(
        key, period_start, period_end, members, cost_label=cost_label
    ).weights()


def split_cost(
    total: int,
    key: KeySpec,
    period_start: date,
    period_end: date,
    members: Sequence[MemberPresence],
    *,
    cost_label: str = "",
) -> list[ShareExplanation]:
    """Split a cost of ``total`` cents over ``members`` with ``key`` for the period covered.

    Returns one explanation per participating member (weight > 0), sorted by member id;
    their ``cents`` sum to ``total``. Errors (``no_key_version``, ``no_participant``,
    ``all_weights_zero``, ``negative_weight``, ``invalid_period``) name ``cost_label`` and
    the key.
    """
    weights = effective_weights(key, period_start, period_end, members, cost_label=cost_label)
    weights.check(cost_label)
    split = _split(total, {m.member_id: m.weight for m in weights.members}, cost_label, key.name)
    total_weight = split.total_weight
    total_units = weights.total_units
    version = weights.version
    return [
        ShareExplanation(
            member_id=member.member_id,
            cents=split.cents[member.member_id],
            key_name=key.name,
            key_id=key.id,
            version_id=version.id,
            valid_from=version.valid_from,
            method=key.method,
            member_units=member.units,
            total_units=total_units,
            days_present=member.days_present,
            period_days=member.period_days,
            weight=member.weight,
            total_weight=total_weight,
            exact=split.exact[member.member_id],
            floor=split.floor[member.member_id],
            leftover_cent=member.member_id in split.leftover,
            parts=member.parts,
        )
        for member in weights.members
    ]


# --- the cents-only path (saving a cost) --------------------------------------------------------


class MemberRoster:
    """The pole's members as the cents-only path needs them, built once per action.

    Lookups are by member id (the last entry wins when an id is given twice, as in
    :func:`split_cost`); most members have neither a joining nor a leaving date, so only the
    dated ones are kept apart and a split over undated members never computes any presence.
    """

    __slots__ = ("dated", "id_set", "ids")

    def __init__(self, members: Sequence[MemberPresence]) -> None:
        last = {member.member_id: member for member in members}
        self.ids: tuple[int, ...] = tuple(sorted(last))
        self.id_set: frozenset[int] = frozenset(last)
        self.dated: dict[int, MemberPresence] = {
            m: p for m, p in last.items() if p.joined is not None or p.left is not None
        }

    def days(self, member_id: int, start: date, end: date, period_days: int) -> int:
        """Days of [start, end] the member is in the pole (0 for an unknown member)."""
        if member_id not in self.id_set:
            return 0
        member = self.dated.get(member_id)
        if member is None:
            return period_days
        joined = member.joined or start
        left = member.left or end
        return overlap_days(joined, left, start, end) if joined <= left else 0

    def whole_period(self, member_ids: Iterable[int]) -> bool:
        """True when every one of ``member_ids`` is a member without dates (present all along)."""
        return self.id_set.issuperset(member_ids) and (
            not self.dated or self.dated.keys().isdisjoint(member_ids)
        )


class SplitResult(NamedTuple):
    """What saving a cost needs of its split: the key version used and each member's cents
    (participating members, weight > 0, by id; they sum to the total)."""

    version_id: int | None
    cents: dict[int, int]


def _equal_shares(members: Sequence[int], total: int) -> dict[int, int]:
    """``total`` over equal weights: divmod, the leftover cents to the lowest member ids (the
    largest-remainder rule when every remainder and every weight ties)."""
    quotient, left = divmod(abs(total), len(members))
    if total < 0:
        quotient = -quotient
    shares = dict.fromkeys(members, quotient)
    if left:
        more = quotient - 1 if total < 0 else quotient + 1
        for member in members[:left]:
            shares[member] = more
    return shares


def split_cost_cents(
    total: int,
    key: KeySpec,
    period_start: date,
    period_end: date,
    members: Sequence[MemberPresence] | MemberRoster,
    *,
    cost_label: str = "",
) -> SplitResult:
    """The cents of :func:`split_cost` (same members, same cents, same key version, same errors)
    without the explanations: what saving a cost stores.

    Weights stay integers: a member present ``d`` of the period's ``D`` days weighs
    units × d, a member present all along units × D (the same ratios as split_cost's
    units × d / D); USAGE weighs its recorded units. Equal weights are split by ``divmod``.
    Only a MIXED key goes through exact fractions (its parts are normalised). ``members`` may
    be a :class:`MemberRoster` built once for many splits.
    """
    period_days = days_inclusive(period_start, period_end)
    roster = members if isinstance(members, MemberRoster) else MemberRoster(members)
    version = key.version_on(period_start)
    method = key.method
    if method is _MIXED:
        presence = {m: roster.days(m, period_start, period_end, period_days) for m in roster.ids}
        mixed = _mixed_weights(key, version, period_start, period_end, presence, cost_label)
        mixed.check(key.name, cost_label)
        cents = allocate_cents(total, mixed.weights, cost_label=cost_label, key_name=key.name)
        return SplitResult(version.id, cents)
    raw = _raw_units(key, version, period_start, period_end, roster.ids, cost_label)
    ids, values = raw.ids, raw.values
    if ids and roster.whole_period(ids):  # the common case: no prorating
        present = len(ids)
        all_equal = raw.all_equal
        if raw.lowest == 0:
            ids = [m for m, units in zip(ids, values, strict=True) if units > 0]
            values = [units for units in values if units > 0]
            all_equal = bool(values) and values.count(values[0]) == len(values)
    else:
        present = 0
        kept: list[int] = []
        weights: list[int] = []
        for member, units in zip(ids, values, strict=True):
            days = roster.days(member, period_start, period_end, period_days)
            if days > 0:
                present += 1
                if units > 0:
                    kept.append(member)
                    # units × days for everyone (days = the whole period for those present
                    # all along): the ratios of units × days / period days, in integers.
                    weights.append(units * days if raw.prorate else units)
        ids, values = kept, weights
        all_equal = bool(values) and values.count(values[0]) == len(values)
    if not ids:
        code = "all_weights_zero" if present else "no_participant"
        raise PtceError(code, cost=cost_label, key=key.name)
    if all_equal:
        return SplitResult(version.id, _equal_shares(ids, total))
    shares = _largest_remainder(abs(total), values, sum(values))
    if total < 0:
        shares = [-share for share in shares]
    return SplitResult(version.id, dict(zip(ids, shares, strict=True)))


# --- VAT (DESIGN §4.5) ----------------------------------------------------------------------


class VatRegime(StrEnum):
    EXEMPT_261B = "exempt_261b"  # CGI art. 261 B: members charged exactly their share
    TAXABLE = "taxable"


class SplitBasis(StrEnum):
    HT = "ht"
    TTC = "ttc"


def split_basis(regime: VatRegime, pole_vat_registered: bool) -> SplitBasis:
    """TTC when the service is 261 B exempt or the pole cannot recover VAT, else HT."""
    if regime is VatRegime.EXEMPT_261B or not pole_vat_registered:
        return SplitBasis.TTC
    return SplitBasis.HT


def amount_to_split(
    ht_cents: int, ttc_cents: int, regime: VatRegime, pole_vat_registered: bool
) -> int:
    """The amount of a cost that is shared between members (its HT or its TTC)."""
    basis = split_basis(regime, pole_vat_registered)
    return ttc_cents if basis is SplitBasis.TTC else ht_cents


def vat_cents(ht_cents: int, rate_bp: int) -> int:
    """VAT of a call line, rounded half up to the cent (half away from zero for a credit,
    so a credit note mirrors its invoice): ``vat_cents(1005, 2000)`` -> 201."""
    if rate_bp < 0:
        raise PtceError("invalid_value", "rate_bp", field_label="TVA", value=rate_bp)
    magnitude, remainder = divmod(abs(ht_cents) * rate_bp, 10_000)
    if 2 * remainder >= 10_000:
        magnitude += 1
    return -magnitude if ht_cents < 0 else magnitude
