"""Allocation keys: loading into the engine, CRUD, versions, usage, recomputation."""

from __future__ import annotations

import datetime as dt

import pytest
from factories_costs import seed_world

from ptce_desktop.domain.allocation import Method
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.key_loader import load_key_spec, member_presences, split_for
from ptce_desktop.store.models import AllocationKey, KeyMixPart, KeyVersion, KeyVersionUnit
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def _orm_keys(uow: UnitOfWork, members: tuple[int, ...]) -> dict[str, int]:
    with uow.write("Clés") as session:
        m2 = AllocationKey(name="Surface (m²) & <co>", unit="m²", method="units")
        m2.versions.append(
            KeyVersion(
                valid_from=D(2025, 1, 1),
                units=[
                    KeyVersionUnit(member_id=m, units_milli=u)
                    for m, u in zip(members, (120_000, 80_000, 50_000), strict=True)
                ],
            )
        )
        equal = AllocationKey(name="Parts égales", method="equal")
        equal.versions.append(KeyVersion(valid_from=D(2025, 1, 1)))
        mixed = AllocationKey(name="Mixte 30/70", method="mixed")
        session.add_all([m2, equal, mixed])
        session.flush()
        mixed.versions.append(
            KeyVersion(
                valid_from=D(2025, 1, 1),
                mix_parts=[
                    KeyMixPart(part_key_id=equal.id, weight_bp=3000),
                    KeyMixPart(part_key_id=m2.id, weight_bp=7000),
                ],
            )
        )
        session.flush()
        return {"m2": m2.id, "equal": equal.id, "mixed": mixed.id}


def test_loader_reads_units_equal_and_mixed(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = _orm_keys(uow, world.members)
    with uow.read() as session:
        spec = load_key_spec(session, keys["mixed"])
        assert spec.method is Method.MIXED
        parts = spec.versions[0].parts
        assert {p.key.name: p.weight for p in parts} == {
            "Surface (m²) & <co>": 7000,
            "Parts égales": 3000,
        }
        assert sorted(p.weight for p in parts) == [3000, 7000]
        assert len(member_presences(session)) == 3
        shares = split_for(
            session,
            total_cents=1_200_000,
            key_id=keys["m2"],
            period_start=D(2025, 1, 1),
            period_end=D(2025, 12, 31),
            label="Loyer",
        )
    assert [s.cents for s in shares] == [576_000, 384_000, 240_000]


def test_loader_refuses_a_cycle(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = _orm_keys(uow, world.members)
    with uow.write("Cycle") as session:
        other = AllocationKey(name="Autre mixte", method="mixed")
        session.add(other)
        session.flush()
        other.versions.append(
            KeyVersion(
                valid_from=D(2025, 1, 1),
                mix_parts=[KeyMixPart(part_key_id=keys["mixed"], weight_bp=5000)],
            )
        )
        session.flush()
        mixed_version = session.get(AllocationKey, keys["mixed"]).versions[0]  # type: ignore[union-attr]
        mixed_version.mix_parts.append(KeyMixPart(part_key_id=other.id, weight_bp=1000))
    with uow.read() as session, pytest.raises(PtceError) as caught:
        load_key_spec(session, keys["mixed"])
    assert caught.value.code == "key_cycle"
