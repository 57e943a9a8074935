"""The one allocation engine (DESIGN §4): exact weights, a split to the cent, and its reasons.

Screens, PDFs and exports all call :func:`split_cost` (or :func:`allocate_cents` directly), so a
share is computed in exactly one place. Weights are :class:`~fractions.Fraction`; amounts are
integer cents; units are integer thousandths; percentages are basis points.

Largest-remainder apportionment can show the Alabama paradox (adding a member may take a cent
away from another); this is why calls freeze their shares once issued.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, MemberPresence, ShareExplanation
from ptce_desktop.domain.periods import days_inclusive, overlap_days
from ptce_desktop.domain.split import (
    _largest_remainder,
    _split,
    _split_in_order,
    allocate_cents,
)
from ptce_desktop.domain.weights import (
    _EQUAL,
    _MIXED,
    _USAGE,
    _mixed_weights,
    _raw_units,
    effective_weights,
)


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


def _equal_shares(
    members: Sequence[int], total: int, keys: Mapping[int, int] | None = None
) -> dict[int, int]:
    """``total`` over equal weights: divmod, the leftover cents to the lowest member ids (the
    largest-remainder rule when every remainder and every weight ties). ``keys``: a dict whose
    keys are ``members`` in that order (a key version's values): the result is made from it,
    faster than from the ids one by one (its hashes are known)."""
    quotient, left = divmod(abs(total), len(members))
    if total < 0:
        quotient = -quotient
    shares = dict.fromkeys(members if keys is None else keys, quotient)
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
    if (
        method is not _USAGE
        and version.lowest_value > 0
        and roster.whole_period(version.member_ids)
    ):  # the common case: the version's own members and values, all > 0, nobody prorated
        if method is _EQUAL or version.values_all_equal:
            cents = _equal_shares(version.member_ids, total, version.values)
            return SplitResult(version.id, cents)
        weights_sum = sum(version.member_values)  # its dict is in id order (KeyVersion)
        in_order: dict[int, int] = version.values  # type: ignore[assignment]  # a dict
        cents = _split_in_order(total, in_order, weights_sum, version.member_ids)
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
