"""Saving a cost reads the presences of its key's members only, never the whole members table
(5 000 rows on a large pole for a 5-50 member key), and the shares stay those computed over
every member."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from support.factories.costs import draft, make_key, make_service, seed_members, seed_pole

from ptce_desktop.domain.allocation import split_cost_cents
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shares import SplitContext, compute_cents
from ptce_desktop.services.keys.loader import (
    MemberPresences,
    load_key_spec,
    member_presences,
    split_for,
)
from ptce_desktop.store.models import Share, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
YEAR = (D(2025, 1, 1), D(2025, 12, 31))


@contextmanager
def statements(uow: UnitOfWork) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            seen.append(" ".join(statement.split()))

    engine = uow.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def whole_members_reads(seen: list[str]) -> list[str]:
    """Statements reading the members table without a condition on the members."""
    return [
        s
        for s in seen
        if re.search(r"\bFROM members\b", s) and not re.search(r"members\.id (IN|=)", s)
    ]


def pole(uow: UnitOfWork) -> tuple[int, ...]:
    seed_pole(uow, vat_registered=False)
    # Twelve members, the sixth present from April on, the seventh until June.
    return seed_members(uow, 12, joined={5: D(2025, 4, 1)}, left={6: D(2025, 6, 30)})


def test_saving_a_cost_reads_only_its_key_members(uow: UnitOfWork) -> None:
    members = pole(uow)
    key = make_key(uow, "units", {members[0]: 1_000, members[5]: 3_000, members[6]: 2_000})
    service = make_service(uow, key)
    costs = CostService(uow)
    with statements(uow) as seen:
        cost_id = costs.create_cost(draft(service, 1_000_001))
        costs.update_cost(cost_id, draft(service, 2_000_003, label="Loyer révisé — l'€ & <co>"))
    assert seen and whole_members_reads(seen) == []
    with uow.read() as session:
        stored = {
            s.member_id: s.cents for s in session.query(Share).filter(Share.cost_id == cost_id)
        }
        whole = split_cost_cents(
            2_000_003, load_key_spec(session, key), *YEAR, member_presences(session)
        )
    # Prorated by the dated members' presence, as over the whole pole.
    assert stored == whole.cents
    assert sum(stored.values()) == 2_000_003 and len(stored) == 3
    assert stored[members[5]] != stored[members[6]] * 3 // 2


def test_an_equal_key_listing_nobody_reads_everyone(uow: UnitOfWork) -> None:
    members = pole(uow)
    key = make_key(uow, "equal", {}, name="Parts égales « toutes » & <co>")
    service = make_service(uow, key)
    with statements(uow) as seen:
        cost_id = CostService(uow).create_cost(draft(service, 1_200))
    assert len(whole_members_reads(seen)) == 1  # once, for everyone
    with uow.read() as session:
        shares = session.query(Share).filter(Share.cost_id == cost_id).all()
    assert len(shares) == len(members) and sum(s.cents for s in shares) == 1_200


def test_presences_read_once_and_only_as_asked(uow: UnitOfWork) -> None:
    members = pole(uow)
    small = make_key(uow, "units", {members[1]: 10, members[5]: 30})
    other = make_key(uow, "percent", {members[2]: 10_000}, name="Pourcentage & <co>")
    everyone = make_key(uow, "equal", {}, name="Tous")
    with uow.read() as session, statements(uow) as seen:
        presences = MemberPresences(session)
        spec = load_key_spec(session, small, presences=presences)
        # The key's query brought its members' dates: the split reads nothing more.
        assert [p.member_id for p in presences.for_key(spec, *YEAR)] == [members[1], members[5]]
        assert presences.for_key(spec, *YEAR)[1].joined == D(2025, 4, 1)
        assert len(seen) == 1
        roster = presences.roster_for(spec, *YEAR)
        assert presences.roster_for(spec, *YEAR) is roster and len(seen) == 1
        # A key read elsewhere: its members by one IN query, once.
        third = load_key_spec(session, other)
        assert [p.member_id for p in presences.for_key(third, *YEAR)] == [members[2]]
        presences.for_key(third, *YEAR)
        assert len(seen) == 3 and "IN" in seen[-1]
        assert presences.of([members[2], 999_999]) == presences.for_key(third, *YEAR)
        # Everyone: the whole table, once.
        all_of = presences.for_key(load_key_spec(session, everyone), *YEAR)
        assert [p.member_id for p in all_of] == sorted(members)
        assert len(whole_members_reads(seen)) == 1
        presences.for_key(load_key_spec(session, everyone), *YEAR)
        assert len(whole_members_reads(seen)) == 1


def test_many_members_asked_one_by_one_read_the_table_at_once(uow: UnitOfWork) -> None:
    members = pole(uow)
    with uow.read() as session, statements(uow) as seen:
        presences = MemberPresences(session)
        presences.LOAD_ALL_AFTER = 4
        assert len(presences.of(members[:3])) == 3
        assert whole_members_reads(seen) == []
        assert len(presences.of(members[3:6])) == 3
        assert len(whole_members_reads(seen)) == 1
        assert member_presences(session, [members[0], 999_999]) == presences.of([members[0]])
        # Chunked IN queries (SQLite's bound-parameter limit) give every member asked for.
        assert len(member_presences(session, [*members, *range(10_000, 12_000)])) == 12


def test_context_splits_match_the_whole_pole(uow: UnitOfWork) -> None:
    """Recomputation and previews share the context: each key's members, whole-pole cents."""
    members = pole(uow)
    keys = [
        make_key(uow, "units", {members[0]: 7, members[5]: 3}, name="Surface « A »"),
        make_key(uow, "equal", {members[6]: 1, members[7]: 1}, name="Égal listé"),
        make_key(uow, "equal", {}, name="Égal tous"),
    ]
    mixed = make_key(uow, "mixed", parts={keys[0]: 3_000, keys[1]: 7_000}, name="Mixte & <co>")
    services = [make_service(uow, k, name=f"Service n° {k} — l'€") for k in [*keys, mixed]]
    with uow.read() as session:
        context = SplitContext.load(session)
        for service_id in services:
            service = session.get(SharedService, service_id)
            assert service is not None and service.key_id is not None
            computed = compute_cents(
                session,
                context,
                service=service,
                ht_cents=1_000_003,
                ttc_cents=1_000_003,
                period_start=D(2025, 3, 1),
                period_end=D(2025, 8, 31),
                label="Électricité & <co>",
            )
            explained = split_for(
                session,
                total_cents=1_000_003,
                key_id=service.key_id,
                period_start=D(2025, 3, 1),
                period_end=D(2025, 8, 31),
                label="Électricité & <co>",
            )
            whole = split_cost_cents(
                1_000_003,
                load_key_spec(session, service.key_id),
                D(2025, 3, 1),
                D(2025, 8, 31),
                member_presences(session),
            )
            assert computed.result == whole
            assert {e.member_id: e.cents for e in explained} == whole.cents
