"""The cents-only path (``split_cost_cents``) is split_cost without the explanations: the same
members, cents, key version and errors, for every method, with prorating and mixed keys."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import MemberRoster, SplitResult, split_cost, split_cost_cents
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import (
    KeySpec,
    KeyVersion,
    MemberPresence,
    Method,
    MixedPart,
    UsageRecord,
)

T = TypeVar("T")
Y2025 = date(2025, 1, 1)
Q1_START, Q1_END = date(2025, 1, 1), date(2025, 3, 31)
EVERYONE = [MemberPresence(1), MemberPresence(2), MemberPresence(3)]


def day(n: int) -> date:
    return Y2025 + timedelta(days=n)


days = st.integers(-40, 400).map(day)
member_ids = st.integers(1, 8)
totals = st.integers(-(10**11), 10**11) | st.integers(-5, 5)


def rarely(usual: st.SearchStrategy[T], rare: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``rare`` about one draw in eight (errors must be tried, but splits must dominate)."""
    return st.integers(0, 7).flatmap(lambda n: rare if n == 3 else usual)


valid_from = rarely(st.integers(-500, -41).map(day), days)  # mostly before any period


@st.composite
def presences(draw: st.DrawFn) -> list[MemberPresence]:
    """Members, some with joining/leaving dates (even inverted ones), an id now and then twice."""
    ids = draw(st.lists(member_ids, min_size=1, max_size=9))
    if draw(st.booleans()):
        return [MemberPresence(m) for m in ids]
    dated = rarely(st.none(), days)
    return [MemberPresence(m, draw(dated), draw(dated)) for m in ids]


def values(method: Method) -> st.SearchStrategy[dict[int, int]]:
    if method is Method.EQUAL:  # participants (value > 0), or none listed = everyone
        return st.dictionaries(member_ids, rarely(st.just(1), st.integers(-1, 2)), max_size=8)
    if method is Method.PERCENT:
        return st.dictionaries(member_ids, rarely(st.integers(0, 10_000), st.just(-5)), max_size=8)
    top = st.sampled_from([3, 1_000, 50_000_000])
    return top.flatmap(
        lambda hi: st.dictionaries(
            member_ids, rarely(st.integers(0, hi), st.just(-1)), min_size=1, max_size=8
        )
    )


@st.composite
def versions(draw: st.DrawFn, method: Method, parts: tuple[MixedPart, ...] = ()) -> KeyVersion:
    if method is Method.MIXED:
        return KeyVersion(draw(st.integers(1, 99)), draw(valid_from), parts=parts)
    return KeyVersion(draw(st.integers(1, 99) | st.none()), draw(valid_from), draw(values(method)))


@st.composite
def simple_keys(draw: st.DrawFn) -> KeySpec:
    method = draw(st.sampled_from([Method.EQUAL, Method.UNITS, Method.PERCENT, Method.USAGE]))
    if method is Method.USAGE:
        record = st.tuples(member_ids, days, rarely(st.integers(0, 9_000), st.just(-3)))
        usage = tuple(UsageRecord(*r) for r in draw(st.lists(record, max_size=12)))
        chosen = draw(st.lists(versions(method), max_size=2)) or [KeyVersion(None, date.min)]
        return KeySpec("Heures", method, tuple(chosen), id=3, usage=usage)
    chosen = draw(st.lists(versions(method), min_size=1, max_size=3))
    return KeySpec(f"Clé {method.value}", method, tuple(chosen), id=5)


@st.composite
def keys(draw: st.DrawFn) -> KeySpec:
    if draw(st.booleans()):
        return draw(simple_keys())
    weight = rarely(st.integers(0, 10_000), st.just(-1))
    parts = tuple(
        MixedPart(key, w)
        for key, w in draw(st.lists(st.tuples(simple_keys(), weight), min_size=1, max_size=3))
    )
    if draw(st.integers(0, 3)) == 0:  # a mixed key inside a mixed key
        nested = KeySpec("Mixte intérieur", Method.MIXED, (draw(versions(Method.MIXED, parts)),))
        parts = (*parts[:1], MixedPart(nested, draw(st.integers(1, 5_000))))
    chosen = draw(st.lists(versions(Method.MIXED, parts), min_size=1, max_size=2))
    return KeySpec("Mixte", Method.MIXED, tuple(chosen), id=9)


def outcome(call: Callable[..., object], *args: object, **kwargs: object) -> object:
    """The result, or the error's code and message (which name the cost, key and member)."""
    try:
        return call(*args, **kwargs)
    except PtceError as error:
        return ("error", error.code, error.message("fr"))


@settings(max_examples=1500, deadline=None)
@given(
    totals,
    keys(),
    presences(),
    days,
    rarely(st.integers(0, 120), st.integers(-3, -1)),
    st.booleans(),
)
def test_cents_path_matches_split_cost(
    total: int,
    key: KeySpec,
    members: list[MemberPresence],
    start: date,
    length: int,
    as_roster: bool,
) -> None:
    end = start + timedelta(days=length)
    explained = outcome(split_cost, total, key, start, end, members, cost_label="Loyer")
    roster = MemberRoster(members) if as_roster else members
    fast = outcome(split_cost_cents, total, key, start, end, roster, cost_label="Loyer")
    kind = "split" if isinstance(explained, list) else explained[1]  # type: ignore[index]
    prorated = any(m.joined or m.left for m in members)
    event(f"{key.method.value}{' prorated' if prorated else ''}: {kind}")
    if isinstance(explained, list):
        assert isinstance(fast, SplitResult)
        assert list(fast.cents.items()) == [(s.member_id, s.cents) for s in explained]
        assert {s.version_id for s in explained} <= {fast.version_id}
        if not explained:  # split_cost never returns an empty split
            pytest.fail("empty split")
        assert fast.version_id == explained[0].version_id
        assert sum(fast.cents.values()) == total
    else:
        assert fast == explained


def test_equal_key_leftover_cents_go_to_the_lowest_ids() -> None:
    key = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(4, Q1_START, {9: 1, 2: 1, 5: 1}),))
    members = [MemberPresence(m) for m in (2, 5, 9)]
    assert split_cost_cents(100_001, key, Q1_START, Q1_END, members) == SplitResult(
        4, {2: 33_334, 5: 33_334, 9: 33_333}
    )
    assert split_cost_cents(-100_001, key, Q1_START, Q1_END, members).cents == {
        2: -33_334,
        5: -33_334,
        9: -33_333,
    }


def test_units_key_with_a_member_joining_in_the_period() -> None:
    key = KeySpec("Surface", Method.UNITS, (KeyVersion(10, Q1_START, {1: 100, 2: 100}),))
    # Member 2 joins on 1 March: 31 days of 90, so 100 × 31/90 against 100.
    members = [MemberPresence(1), MemberPresence(2, joined=date(2025, 3, 1))]
    result = split_cost_cents(12_101, key, Q1_START, Q1_END, members)
    assert result == SplitResult(10, {1: 9_001, 2: 3_100})
    assert sum(result.cents.values()) == 12_101


def test_weight_zero_members_are_left_out_and_errors_name_the_cost() -> None:
    key = KeySpec("Surface", Method.UNITS, (KeyVersion(10, Q1_START, {1: 5, 2: 0, 3: 5}),))
    assert split_cost_cents(11, key, Q1_START, Q1_END, EVERYONE).cents == {1: 6, 3: 5}
    zero = KeySpec("Vide", Method.UNITS, (KeyVersion(10, Q1_START, {1: 0}),))
    with pytest.raises(PtceError) as caught:
        split_cost_cents(11, zero, Q1_START, Q1_END, EVERYONE, cost_label="Ménage")
    assert caught.value.code == "all_weights_zero"
    assert "Ménage" in caught.value.message("fr") and "Vide" in caught.value.message("fr")


def test_roster_presence_days() -> None:
    roster = MemberRoster(
        [MemberPresence(1), MemberPresence(2, left=date(2025, 1, 10)), MemberPresence(1)]
    )
    assert roster.ids == (1, 2)
    assert roster.days(1, Q1_START, Q1_END, 90) == 90
    assert roster.days(2, Q1_START, Q1_END, 90) == 10
    assert roster.days(3, Q1_START, Q1_END, 90) == 0
    assert roster.whole_period([1]) and not roster.whole_period([1, 2])
    assert not roster.whole_period([1, 3])


def _random_key(rng: random.Random, method: Method, pole: list[int], top: int) -> KeySpec:
    listed = rng.sample(range(1, 61), rng.randint(0, 40))
    low = 1 if method is Method.EQUAL else 0
    values = {m: rng.randint(low, top) for m in listed}
    usage = tuple(
        UsageRecord(rng.choice(pole), day(rng.randint(0, 200)), rng.randint(0, top))
        for _ in range(rng.randint(0, 30))
    )
    return KeySpec(
        method.value, method, (KeyVersion(rng.randint(1, 9), day(-100), values),), usage=usage
    )


def test_cents_path_matches_split_cost_on_many_random_splits() -> None:
    """A seeded sweep of larger poles (up to 40 members, ties on purpose: weights 1-3 and
    small totals), every method, prorating and mixed keys."""
    rng = random.Random(20251126)
    simple = [Method.EQUAL, Method.UNITS, Method.PERCENT, Method.USAGE]
    splits = 0
    for _ in range(3_000):
        pole = rng.sample(range(1, 61), rng.randint(1, 40))
        members = [
            MemberPresence(m)
            if rng.random() < 0.8
            else MemberPresence(m, day(rng.randint(-30, 200)), rng.choice([None, day(300)]))
            for m in pole
        ]
        top = rng.choice([3, 1_000, 10**7])
        if rng.random() < 0.7:
            key = _random_key(rng, rng.choice(simple), pole, top)
        else:
            parts = tuple(
                MixedPart(_random_key(rng, rng.choice(simple), pole, top), rng.randint(1, 10_000))
                for _ in range(rng.randint(1, 3))
            )
            key = KeySpec("Mixte", Method.MIXED, (KeyVersion(77, day(-100), parts=parts),))
        start = day(rng.randint(0, 180))
        end = start + timedelta(days=rng.randint(0, 120))
        total = rng.choice([rng.randint(-50, 50), rng.randint(-(10**9), 10**9)])
        explained = outcome(split_cost, total, key, start, end, members)
        fast = outcome(split_cost_cents, total, key, start, end, MemberRoster(members))
        if isinstance(explained, list):
            splits += 1
            assert isinstance(fast, SplitResult)
            assert list(fast.cents.items()) == [(s.member_id, s.cents) for s in explained]
            assert fast.version_id == explained[0].version_id
        else:
            assert fast == explained
    assert splits > 2_000
