"""``members_read``: the members a split can weigh. A split given only their presences is the
split given the whole pole (same cents, versions, explanations and errors): what lets saving a
cost read 5-50 members on a 5 000-member pole."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from ptce_desktop.domain.allocation import MemberRoster, split_cost, split_cost_cents
from ptce_desktop.domain.keys import KeySpec, KeyVersion, MemberPresence, Method, MixedPart
from ptce_desktop.domain.keys import UsageRecord as Usage
from ptce_desktop.domain.weights import members_read
from tests.domain.test_allocation_cents import days, keys, outcome, presences, rarely, totals

D = date
LABEL = "Loyer « bureau » & <co> — l'€ " + "é" * 150


def only(members: list[MemberPresence], ids: frozenset[int] | None) -> list[MemberPresence]:
    return members if ids is None else [m for m in members if m.member_id in ids]


@settings(max_examples=1500, deadline=None)
@given(
    totals,
    keys(),
    presences(),
    days,
    rarely(st.integers(0, 120), st.integers(-3, -1)),
)
def test_a_split_over_the_members_read_is_the_split_over_the_pole(
    total: int, key: KeySpec, members: list[MemberPresence], start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    ids = members_read(key, start, end)
    restricted = only(members, ids)
    event("everyone" if ids is None else f"{len(restricted)} of {len(members)} members")
    for split in (split_cost, split_cost_cents):
        whole = outcome(split, total, key, start, end, members, cost_label=LABEL)
        assert outcome(split, total, key, start, end, restricted, cost_label=LABEL) == whole
    whole = outcome(split_cost_cents, total, key, start, end, MemberRoster(members))
    assert outcome(split_cost_cents, total, key, start, end, MemberRoster(restricted)) == whole


UNITS = KeySpec(
    "Surface (m²) & <co>",
    Method.UNITS,
    (KeyVersion(1, D(2024, 1, 1), {1: 10, 2: 20}), KeyVersion(2, D(2025, 1, 1), {2: 5, 3: 0})),
)
EVERYONE = KeySpec("Parts égales", Method.EQUAL, (KeyVersion(3, D(2024, 1, 1)),))
LISTED = KeySpec("Parts « listées »", Method.EQUAL, (KeyVersion(4, D(2024, 1, 1), {4: 1, 5: 0}),))
HOURS = KeySpec(
    "Heures",
    Method.USAGE,
    (KeyVersion(None, date.min),),
    usage=(Usage(6, D(2025, 1, 1), 5), Usage(7, D(2025, 2, 1), 5), Usage(8, D(2024, 12, 31), 9)),
)


def test_members_read_by_method() -> None:
    q1 = (D(2025, 1, 1), D(2025, 1, 31))
    assert members_read(UNITS, *q1) == {2, 3}  # the version in force, zero units included
    assert members_read(UNITS, D(2024, 6, 1), D(2024, 6, 30)) == {1, 2}
    assert members_read(UNITS, D(2023, 6, 1), D(2023, 6, 30)) == frozenset()  # no version
    assert members_read(EVERYONE, *q1) is None
    assert members_read(LISTED, *q1) == {4, 5}
    assert members_read(HOURS, *q1) == {6}  # usage inside the period only
    mixed = KeySpec(
        "Mixte 30/70", Method.MIXED, (KeyVersion(9, D(2024, 1, 1), parts=(MixedPart(UNITS, 3),)),)
    )
    assert members_read(mixed, *q1) == {2, 3}
    with_hours = KeySpec(
        "Mixte",
        Method.MIXED,
        (KeyVersion(9, D(2024, 1, 1), parts=(*mixed.versions[0].parts, MixedPart(HOURS, 0))),),
    )
    assert members_read(with_hours, *q1) == {2, 3, 6}
    everyone = KeySpec(
        "Mixte",
        Method.MIXED,
        (KeyVersion(9, D(2024, 1, 1), parts=(MixedPart(LISTED, 1), MixedPart(EVERYONE, 1))),),
    )
    assert members_read(everyone, *q1) is None


def test_leaving_a_member_out_changes_the_split() -> None:
    """The property above can fail: a member the key weighs, left out, changes the cents."""
    pole = [MemberPresence(m) for m in range(1, 9)]
    start, end = D(2025, 1, 1), D(2025, 1, 31)
    whole = split_cost_cents(1_000, UNITS, start, end, pole)
    assert whole.cents == {2: 1_000}
    assert split_cost_cents(1_000, UNITS, start, end, only(pole, members_read(UNITS, start, end)))
    short = [m for m in pole if m.member_id != 2]
    assert outcome(split_cost_cents, 1_000, UNITS, start, end, short) != whole
