"""Document fixtures: the demo pole (built once per run, tests/conftest.py) opened read-only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.fixture
def demo_uow(demo_file: Path) -> Iterator[UnitOfWork]:
    database = open_database(demo_file, read_only=True)
    try:
        yield UnitOfWork(database)
    finally:
        database.close()
