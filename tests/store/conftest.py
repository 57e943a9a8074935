"""Fixtures of the store tests: a fresh database file in tmp_path, and sample data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.store_helpers import seed

from ptce_desktop.store.database import Database, open_database
from ptce_desktop.store.unit_of_work import ChangeBus, UnitOfWork


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "données pôle" / "ptce.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def uow(db: Database, bus: ChangeBus) -> UnitOfWork:
    return UnitOfWork(db, bus)


@pytest.fixture
def seeded(uow: UnitOfWork) -> dict[str, int]:
    with uow.write("Données de test") as session:
        return seed(session)
