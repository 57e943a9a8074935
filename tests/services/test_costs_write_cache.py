"""Saving costs one after the other keeps what it read (WriteCache, #18 edit_cost_L): each
change those reads depend on is seen by the next save, whatever path wrote it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text, update
from support.factories.costs import close_year, draft, make_key, make_service, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.store.models import KeyVersion, KeyVersionUnit, Member, Share, SharedService
from ptce_desktop.store.unit_of_work import UnitOfWork, write_cache

D = dt.date
SERVICE_NAME = "Locaux partagés à Crest — l'€ & <co>"


def _shares(uow: UnitOfWork, cost_id: int) -> list[int]:
    with uow.read() as session:
        return list(
            session.scalars(
                select(Share.cents).where(Share.cost_id == cost_id).order_by(Share.member_id)
            )
        )


def _units_setup(uow: UnitOfWork, units: tuple[int, ...] = (1, 1, 2)) -> tuple[int, int, tuple]:
    world = seed_world(uow)
    key = make_key(uow, "units", dict(zip(world.members, units, strict=True)))
    return key, make_service(uow, key, name=SERVICE_NAME), world.members


def test_consecutive_saves_keep_their_reads_and_split_as_before(uow: UnitOfWork) -> None:
    _key, service, _members = _units_setup(uow)
    costs = CostService(uow)
    first = costs.create_cost(draft(service, 400))
    kept = len(uow.cache)
    assert kept >= 3  # the closed years, the service, the split context
    second = costs.create_cost(draft(service, 800, label="Loyer « mars » & <co> — l'€"))
    costs.update_cost(first, draft(service, 1_000))
    assert len(uow.cache) >= kept  # a cost's save empties nothing
    assert _shares(uow, first) == [250, 250, 500]
    assert _shares(uow, second) == [200, 200, 400]


def test_a_service_given_another_key_splits_by_it_at_the_next_save(uow: UnitOfWork) -> None:
    _key, service, members = _units_setup(uow)
    other = make_key(uow, "units", {members[0]: 1}, name="Seul « Dupont » & <co>")
    costs = CostService(uow)
    costs.create_cost(draft(service, 400))
    SharedServiceService(uow).update_service(service, ServiceDraft(name=SERVICE_NAME, key_id=other))
    assert _shares(uow, costs.create_cost(draft(service, 400))) == [400]


def test_a_closed_year_refuses_the_next_save(uow: UnitOfWork) -> None:
    _key, service, _members = _units_setup(uow)
    costs = CostService(uow)
    costs.create_cost(draft(service, 400))
    close_year(uow, 2025)
    with pytest.raises(PtceError) as caught:
        costs.create_cost(draft(service, 400))
    assert caught.value.code == "closed_year"
    assert len(uow.cache) == 0  # the refused write empties it


def test_a_vat_change_changes_the_next_split_basis(uow: UnitOfWork) -> None:
    _key, service, _members = _units_setup(uow)
    costs = CostService(uow)
    ttc = costs.create_cost(draft(service, 30_000, 6_000))
    assert sum(_shares(uow, ttc)) == 36_000  # exempt: the TTC is split
    SharedServiceService(uow).update_service(
        service,
        ServiceDraft(name=SERVICE_NAME, vat_regime="taxable", vat_rate_bp=2000, key_id=_key),
    )
    ht = costs.create_cost(draft(service, 30_000, 6_000))
    assert sum(_shares(uow, ht)) == 30_000  # taxable, pole registered: the HT


def test_a_member_leaving_is_prorated_at_the_next_save(uow: UnitOfWork) -> None:
    _key, service, members = _units_setup(uow, (1, 1, 1))
    costs = CostService(uow)
    costs.create_cost(draft(service, 300))
    with uow.write("Départ d'un membre") as session:
        session.get_one(Member, members[2]).left_on = D(2024, 12, 31)
    assert _shares(uow, costs.create_cost(draft(service, 300))) == [150, 150]


@pytest.mark.parametrize("how", ["sql_text", "core_update"])
def test_a_write_by_sql_or_bulk_statement_empties_the_cache(uow: UnitOfWork, how: str) -> None:
    """Nothing declared (no ORM object, no mark_changed): the statements are seen anyway."""
    _key, service, members = _units_setup(uow)
    costs = CostService(uow)
    costs.create_cost(draft(service, 400))
    with uow.write("Outil SQLite « l'€ » & <co>") as session:
        if how == "sql_text":
            session.connection().execute(
                text("UPDATE key_version_units SET units_milli = 0 WHERE member_id = :m"),
                {"m": members[2]},
            )
        else:
            session.connection().execute(
                update(KeyVersionUnit)
                .where(KeyVersionUnit.member_id == members[2])
                .values(units_milli=0)
            )
    assert len(uow.cache) == 0
    assert _shares(uow, costs.create_cost(draft(service, 400))) == [200, 200]


def test_a_key_version_added_is_read_by_the_next_save(uow: UnitOfWork) -> None:
    key, service, members = _units_setup(uow)
    costs = CostService(uow)
    costs.create_cost(draft(service, 400))
    with uow.write("Nouvelle version") as session:
        version = KeyVersion(key_id=key, valid_from=D(2025, 6, 1))
        session.add(version)
        session.flush()
        session.add(KeyVersionUnit(version_id=version.id, member_id=members[0], units_milli=1))
    later = draft(service, 400, invoice=D(2025, 7, 1), start=D(2025, 7, 1), end=D(2025, 7, 31))
    assert _shares(uow, costs.create_cost(later)) == [400]


def test_a_write_reads_through_the_cache_only_while_it_changed_nothing_else(
    uow: UnitOfWork,
) -> None:
    _key, service, _members = _units_setup(uow)
    with uow.write("Essai") as session:
        assert write_cache(session) is uow.cache
        session.get_one(SharedService, service).description = "Modifiée, pas encore écrite"
        assert write_cache(session) is None  # pending: the cache would no longer be true
        session.flush()
        assert write_cache(session) is None
    with uow.read() as session:
        assert write_cache(session) is None  # reads never go through it


def test_a_write_empties_the_cache_as_soon_as_it_changes_another_table(uow: UnitOfWork) -> None:
    """Before it commits: nothing (another thread's save) may read what it makes stale."""
    _key, service, _members = _units_setup(uow)
    CostService(uow).create_cost(draft(service, 400))
    assert len(uow.cache) > 0
    with uow.write("Renommer « l'€ » & <co>") as session:
        session.get_one(SharedService, service).description = "Décrite & <co>"
        session.flush()
        assert len(uow.cache) == 0
        session.connection().execute(
            text("UPDATE members SET name = name || ' ' WHERE id = :m"), {"m": _members[0]}
        )
        assert len(uow.cache) == 0
