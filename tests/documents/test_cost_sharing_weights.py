"""The cost-sharing report shows each key as the engine weighs it (effective weights over the
days a version governs): nobody absent all along at a non-zero share, prorated weights for
members present part of the time, and the key editor's percentages (one rounding)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

import pytest
from support.factories.costs import draft, make_key, make_service, seed_members, seed_pole
from support.factories.demo import service_demo

from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
from ptce_desktop.documents.cost_sharing import CostSharingData, KeyUnitsRow
from ptce_desktop.domain.keys import Method
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


@pytest.fixture(scope="module")
def demo_uow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnitOfWork]:
    database = open_database(service_demo(tmp_path_factory).path, read_only=True)
    yield UnitOfWork(database)
    database.close()


Block = tuple[str, Method, dt.date | None, dt.date, dt.date, tuple[KeyUnitsRow, ...]]


def _blocks(data: CostSharingData) -> Iterator[Block]:
    """(key name, method, version start, first and last day governed, rows) of every table
    printed (a mixed key's parts have no version start of their own)."""
    for service in data.services:
        key = service.key
        if key is None:
            continue
        for version in key.versions:
            first, last = version.applies_from, version.applies_to
            if key.method is Method.MIXED:
                for part in version.parts:
                    yield part.key_name, part.method, None, first, last, part.rows
            else:
                yield key.name, key.method, version.valid_from, first, last, version.rows


def _presence(uow: UnitOfWork) -> dict[int, tuple[dt.date | None, dt.date | None]]:
    members = MemberService(uow).list_members(include_archived=True)
    return {m.id: (m.joined_on, m.left_on) for m in members}


def _present_days(
    span: tuple[dt.date | None, dt.date | None], first: dt.date, last: dt.date
) -> int:
    joined, left = span
    start, end = max(first, joined or first), min(last, left or last)
    return max((end - start).days + 1, 0)


def test_demo_2026_nobody_absent_all_year_has_a_share(demo_uow: UnitOfWork) -> None:
    data = build_cost_sharing_data(demo_uow, 2026)
    presence = _presence(demo_uow)
    gone = {
        m
        for m, span in presence.items()
        if _present_days(span, D(2026, 1, 1), D(2026, 12, 31)) == 0
    }
    assert gone, "the demo has a member who left in 2025 (Vélo'Drôme)"
    tables = list(_blocks(data))
    assert tables
    for name, _method, _valid, first, last, rows in tables:
        assert not {row.member_id for row in rows} & gone, name
        for row in rows:
            assert row.share > 0 and row.percent_bp >= 0
            assert row.days_present == _present_days(presence[row.member_id], first, last)
        if rows:
            assert sum(row.percent_bp for row in rows) == 10_000, name
            assert sum(row.share for row in rows) == 1, name


def test_demo_2026_percentages_are_the_key_editors(demo_uow: UnitOfWork) -> None:
    data = build_cost_sharing_data(demo_uow, 2026)
    keys = KeyService(demo_uow)
    by_name = {key.name: key for key in keys.list_keys()}
    compared = 0
    for name, method, valid_from, _first, _last, rows in _blocks(data):
        if valid_from is None or method is Method.USAGE:
            continue
        version = next(v for v in by_name[name].versions if v.valid_from == valid_from)
        detail = keys.get_version(version.id, (D(2026, 1, 1), D(2026, 12, 31)))
        editor = {row.member_id: row.percent_bp for row in detail.members}
        for row in rows:
            if not row.prorated:
                assert row.percent_bp == editor[row.member_id], (name, row.member_name)
                compared += 1
    assert compared > 10


def test_demo_2025_part_year_members_show_their_prorated_weight(demo_uow: UnitOfWork) -> None:
    data = build_cost_sharing_data(demo_uow, 2025)
    prorated = 0
    for name, method, _valid, _first, _last, rows in _blocks(data):
        if not rows or method is Method.USAGE:  # usage is taken as recorded, not prorated
            continue
        weights = {
            row.member_id: Fraction(row.units * row.days_present, row.period_days) for row in rows
        }
        total = sum(weights.values())
        for row in rows:
            if row.prorated:
                prorated += 1
                assert row.share == weights[row.member_id] / total, (name, row.member_name)
                assert row.share < Fraction(row.units, sum(r.units for r in rows))
    assert prorated >= 2  # Vélo'Drôme left on 30/09/2025, Mobil'Éthique joined on 01/07/2025


def test_a_member_gone_the_year_before_is_not_a_third_of_an_equal_key(uow: UnitOfWork) -> None:
    """Issue 8: a listed member who left on 31/12/2024 showed at 1/3 in 2025 while the engine
    split the costs between the two others."""
    seed_pole(uow, vat_registered=False)
    members = seed_members(uow, 3, left={2: D(2024, 12, 31)})
    equal = make_key(
        uow,
        "equal",
        dict.fromkeys(members, 1),
        name="Parts égales « € & <co> »",
        valid_from=D(2024, 1, 1),
    )
    service = make_service(uow, equal)
    cost = CostService(uow).create_cost(
        draft(service, 10_001, start=D(2025, 1, 1), end=D(2025, 3, 31), invoice=D(2025, 1, 5))
    )
    stored = {s.member_id: s.cents for s in CostService(uow).get_cost(cost).shares}
    assert stored == {members[0]: 5_001, members[1]: 5_000}
    data = build_cost_sharing_data(uow, 2025)
    (rows,) = [rows for *_, rows in _blocks(data)]
    assert {row.member_id: row.percent_bp for row in rows} == {members[0]: 5_000, members[1]: 5_000}
    assert all(row.share == Fraction(1, 2) for row in rows)
