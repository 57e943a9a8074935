"""Allocation keys: loading into the engine, CRUD, versions, usage, recomputation."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from support.factories.costs import LONG_NAME, close_year, draft, make_key, make_service, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.keys.keys import KeyDraft, KeyService, UsageDraft, VersionDraft
from ptce_desktop.services.keys.loader import load_key_spec, member_presences, split_for
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


# --- KeyService -------------------------------------------------------------------------------


def _units(members: tuple[int, ...], *units: int) -> dict[int, int]:
    return dict(zip(members, units, strict=True))


def test_key_crud_and_read_models(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = KeyService(uow)
    key_id = keys.create_key(KeyDraft(name="  Surface (m²) & <co>  ", method="units", unit="m²"))
    first = keys.add_version(
        key_id, VersionDraft(D(2025, 1, 1), _units(world.members, 120_500, 80_000, 0))
    )
    keys.add_version(
        key_id, VersionDraft(D(2026, 1, 1), _units(world.members, 1, 1, 1), note="Vote « CA »")
    )
    (view,) = keys.list_keys(on=D(2025, 6, 1))
    assert (view.name, view.method, view.unit) == ("Surface (m²) & <co>", Method.UNITS, "m²")
    assert view.current_version is not None and view.current_version.id == first.version_id
    assert [v.valid_from for v in view.versions] == [D(2025, 1, 1), D(2026, 1, 1)]
    assert keys.get_key(key_id, on=D(2024, 1, 1)).current_version is None
    detail = keys.get_version(first.version_id)
    assert detail.total_units == 200_500
    shares = {row.member_id: row.share for row in detail.members}
    assert shares[world.members[0]] == Fraction(120_500, 200_500)
    assert sum(shares.values()) == 1
    assert {row.member_name for row in detail.members} >= {LONG_NAME}
    keys.update_key(key_id, KeyDraft(name="Surface", method="units", description="Plan « 2025 »"))
    assert keys.get_key(key_id).description == "Plan « 2025 »"
    keys.delete_version(first.version_id)
    assert len(keys.get_key(key_id).versions) == 1
    keys.delete_key(key_id)
    assert keys.list_keys() == []


def test_equal_and_percent_versions(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = KeyService(uow)
    equal = keys.create_key(KeyDraft(name="Égal", method="equal"))
    everyone = keys.add_version(equal, VersionDraft(D(2025, 1, 1)))
    assert keys.get_version(everyone.version_id).total_units == 3000
    some = keys.add_version(
        equal, VersionDraft(D(2025, 7, 1), {world.members[0]: 1, world.members[1]: 0})
    )
    assert [r.member_id for r in keys.get_version(some.version_id).members] == [world.members[0]]
    percent = keys.create_key(KeyDraft(name="Pourcentages fixes", method="percent"))
    version = keys.add_version(
        percent, VersionDraft(D(2025, 1, 1), _units(world.members, 5000, 3000, 2000))
    )
    assert keys.get_version(version.version_id).total_units == 10_000
    with pytest.raises(PtceError) as caught:
        keys.update_version(
            version.version_id, VersionDraft(D(2025, 1, 1), _units(world.members, 5000, 3000, 1000))
        )
    assert (caught.value.code, caught.value.field) == ("percent_total", "values")
    assert "totalisent 90\xa0%" in caught.value.message("fr")


@pytest.mark.parametrize(
    ("draft", "code", "field"),
    [
        (KeyDraft(name=" ", method="units"), "required", "name"),
        (KeyDraft(name="x" * 201, method="units"), "too_long", "name"),
        (KeyDraft(name="Autre", method="au pif"), "unknown_key_method", "method"),
        (KeyDraft(name="Parts égales", method="equal"), "key_name_taken", "name"),
        (KeyDraft(name="Autre", method="units", unit="u" * 61), "too_long", "unit"),
    ],
)
def test_key_validation_errors(uow: UnitOfWork, draft: KeyDraft, code: str, field: str) -> None:
    seed_world(uow)
    KeyService(uow).create_key(KeyDraft(name="Parts égales", method="equal"))
    with pytest.raises(PtceError) as caught:
        KeyService(uow).create_key(draft)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_version_validation_errors(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = KeyService(uow)
    units = keys.create_key(KeyDraft(name="Unités", method="units"))
    keys.add_version(units, VersionDraft(D(2025, 1, 1), _units(world.members, 1, 2, 3)))
    cases: list[tuple[int, VersionDraft, str, str | None]] = [
        (
            units,
            VersionDraft(D(2025, 1, 1), {world.members[0]: 1}),
            "version_date_taken",
            "valid_from",
        ),
        (units, VersionDraft(D(2025, 2, 1), {world.members[0]: -1}), "invalid_value", "values"),
        (units, VersionDraft(D(2025, 2, 1), {9999: 1}), "not_found", "values"),
    ]
    mixed = keys.create_key(KeyDraft(name="Mixte", method="mixed"))
    cases += [
        (mixed, VersionDraft(D(2025, 1, 1), parts={}), "version_needs_parts", "parts"),
        (mixed, VersionDraft(D(2025, 1, 1), parts={units: 0}), "version_needs_parts", "parts"),
        (mixed, VersionDraft(D(2025, 1, 1), parts={mixed: 1}), "mixed_part_self", "parts"),
        (mixed, VersionDraft(D(2025, 1, 1), parts={units: 10_001}), "invalid_value", "parts"),
        (mixed, VersionDraft(D(2025, 1, 1), parts={units: 1, 4242: 1}), "not_found", None),
    ]
    for key_id, version, code, field in cases:
        with pytest.raises(PtceError) as caught:
            keys.add_version(key_id, version)
        assert (caught.value.code, caught.value.field) == (code, field), version
    with pytest.raises(PtceError) as caught:
        keys.update_key(units, KeyDraft(name="Unités", method="equal"))
    assert (caught.value.code, caught.value.field) == ("key_method_locked", "method")


def test_mixed_cycle_is_refused_by_the_service(uow: UnitOfWork) -> None:
    seed_world(uow)
    keys = KeyService(uow)
    equal = keys.create_key(KeyDraft(name="Égal", method="equal"))
    keys.add_version(equal, VersionDraft(D(2025, 1, 1)))
    first = keys.create_key(KeyDraft(name="Mixte A", method="mixed"))
    second = keys.create_key(KeyDraft(name="Mixte B", method="mixed"))
    keys.add_version(first, VersionDraft(D(2025, 1, 1), parts={equal: 1}))
    keys.add_version(second, VersionDraft(D(2025, 1, 1), parts={first: 1}))
    with pytest.raises(PtceError) as caught:
        keys.add_version(first, VersionDraft(D(2025, 6, 1), parts={second: 1}))
    assert caught.value.code == "key_cycle"
    assert len(keys.get_key(first).versions) == 1


def test_delete_key_in_use_names_the_user(uow: UnitOfWork) -> None:
    seed_world(uow)
    keys = KeyService(uow)
    equal = make_key(uow, "equal", name="Égal")
    make_service(uow, equal, name="Accueil « Crest » & <co>")
    with pytest.raises(PtceError) as caught:
        keys.delete_key(equal)
    assert caught.value.code == "key_in_use"
    assert "Accueil « Crest » & <co>" in caught.value.message("fr")
    other = make_key(uow, "equal", name="Égal bis")
    make_key(uow, "mixed", name="Mixte 30/70", parts={other: 1})
    with pytest.raises(PtceError) as caught:
        keys.delete_key(other)
    assert caught.value.code == "key_in_use" and "Mixte 30/70" in caught.value.message("fr")


def test_usage_records_and_split(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = KeyService(uow)
    hours = make_key(uow, "usage", name="Heures de salle")
    service = make_service(uow, hours, name="Salle de réunion")
    first = keys.add_usage(
        UsageDraft(hours, world.members[0], D(2025, 1, 10), 3_000, "Réunion « CA »")
    )
    keys.add_usage(UsageDraft(hours, world.members[1], D(2025, 1, 12), 1_000))
    costs = CostService(uow)
    cost_id = costs.create_cost(draft(service, 10_000, start=D(2025, 1, 1), end=D(2025, 1, 31)))
    assert {s.member_id: s.cents for s in costs.get_cost(cost_id).shares} == {
        world.members[0]: 7_500,
        world.members[1]: 2_500,
    }
    # Recording usage recomputes the open-year costs whose period contains the day.
    keys.update_usage(first, UsageDraft(hours, world.members[0], D(2025, 1, 10), 1_000))
    assert sorted(s.cents for s in costs.get_cost(cost_id).shares) == [5_000, 5_000]
    listed = keys.list_usage(hours, D(2025, 1, 1), D(2025, 1, 31))
    assert [(u.on, u.quantity_milli) for u in listed] == [
        (D(2025, 1, 10), 1_000),
        (D(2025, 1, 12), 1_000),
    ]
    keys.delete_usage(first)
    assert [s.cents for s in costs.get_cost(cost_id).shares] == [10_000]
    with pytest.raises(PtceError) as caught:
        keys.add_usage(UsageDraft(hours, world.members[0], D(2025, 1, 10), -1))
    assert (caught.value.code, caught.value.field) == ("invalid_value", "quantity_milli")
    equal = make_key(uow, "equal", name="Égal")
    with pytest.raises(PtceError) as caught:
        keys.add_usage(UsageDraft(equal, world.members[0], D(2025, 1, 10), 1))
    assert (caught.value.code, caught.value.field) == ("not_usage_key", "key_id")


def test_editing_a_version_recomputes_open_years_only(uow: UnitOfWork) -> None:
    world = seed_world(uow)
    keys = KeyService(uow)
    key_id = keys.create_key(KeyDraft(name="Surface", method="units"))
    version = keys.add_version(key_id, VersionDraft(D(2024, 1, 1), _units(world.members, 1, 1, 1)))
    mixed = make_key(uow, "mixed", name="Mixte", valid_from=D(2024, 1, 1), parts={key_id: 1})
    service = make_service(uow, key_id, name="Locaux")
    mixed_service = make_service(uow, mixed, name="Locaux mixtes")
    costs = CostService(uow)
    old = costs.create_cost(
        draft(service, 300, invoice=D(2024, 6, 1), start=D(2024, 1, 1), end=D(2024, 12, 31))
    )
    new = costs.create_cost(draft(service, 300))
    new_mixed = costs.create_cost(draft(mixed_service, 300))
    close_year(uow, 2024)
    # The version is in force during the closed year: editing it is refused (issue 12).
    with pytest.raises(PtceError) as caught:
        keys.update_version(
            version.version_id, VersionDraft(D(2024, 1, 1), _units(world.members, 2, 1, 0))
        )
    assert caught.value.code == "version_frozen_edit"
    # A version dated after the closed year applies to the open years only.
    change = keys.add_version(key_id, VersionDraft(D(2025, 1, 1), _units(world.members, 2, 1, 0)))
    assert (change.recomputed, change.skipped_closed) == (2, 0)
    assert [s.cents for s in costs.get_cost(old).shares] == [100, 100, 100]
    assert sorted(s.cents for s in costs.get_cost(new).shares) == [100, 200]
    assert sorted(s.cents for s in costs.get_cost(new_mixed).shares) == [100, 200]
    # An open-year version can be edited, then deleted to go back to the earlier one.
    change = keys.update_version(
        change.version_id, VersionDraft(D(2025, 1, 1), _units(world.members, 0, 0, 1))
    )
    assert change.recomputed == 2
    assert [s.cents for s in costs.get_cost(new).shares] == [300]
    keys.delete_version(change.version_id)
    assert [s.cents for s in costs.get_cost(new).shares] == [100, 100, 100]
    # The version explains shares of the closed year: it cannot be deleted.
    with pytest.raises(PtceError) as caught:
        keys.delete_version(version.version_id)
    assert caught.value.code == "version_frozen"
    explanation = costs.explain_share(old, world.members[0])
    # The closed year keeps its shares, and they still explain themselves.
    assert (explanation.stored_cents, explanation.computed_cents) == (100, 100)
    assert explanation.matches_stored
