"""A key's effective weights over a period (DESIGN §4.3): the version in force, units or
usage or mixed parts, prorated by the days each member is present. Every consumer (the split,
the screens, the explanations, the reports) asks these functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method, PartExplanation
from ptce_desktop.domain.periods import days_inclusive, overlap_days


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


def members_read(key: KeySpec, start: date, end: date) -> frozenset[int] | None:
    """The members whose presence a split of ``key`` over [start, end] can read, or None when
    any member of the pole can take part (an EQUAL version listing nobody, here or in a mixed
    part).

    Mirrors :func:`_raw_units` and :func:`_mixed_weights`: the version in force on ``start``
    (UNITS, PERCENT, EQUAL: its listed members), the usage recorded inside the period (USAGE),
    the union of the parts (MIXED). A split given the presences of only these members (a
    superset does as well) gives exactly the cents, versions and errors it gives with every
    member of the pole: nobody else has a weight. When no version is in force the split
    refuses before reading anyone: the empty set.
    """
    if key.method is _USAGE:
        return frozenset(r.member_id for r in key.usage if start <= r.on <= end)
    try:
        version = key.version_on(start)
    except PtceError:
        return frozenset()
    if key.method is _MIXED:
        found: set[int] = set()
        for part in version.parts:
            inner = members_read(part.key, start, end)
            if inner is None:
                return None
            found |= inner
        return frozenset(found)
    if key.method is _EQUAL and not version.member_ids:
        return None
    return frozenset(version.member_ids)


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
