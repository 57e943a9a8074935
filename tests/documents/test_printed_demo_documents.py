"""Figures of the printed documents of the demo pole, read as the member and the funder read
them: each checked against the database (SQL) rather than against the builder itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_desktop.demo.build import build_demo
from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imprimés") / "démo & <pôle> 'l'€.sqlite3"
    database = open_database(path)
    try:
        build_demo(UnitOfWork(database))
    finally:
        database.close()
    return path


@pytest.fixture
def demo_uow(demo_file: Path) -> Iterator[UnitOfWork]:
    database = open_database(demo_file, read_only=True)
    try:
        yield UnitOfWork(database)
    finally:
        database.close()


def test_exceptional_line_names_each_members_own_call(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """The exceptional line is called on each member's own call: the report names that call
    on the member's row, not the first member's call for everyone."""
    data = build_cost_sharing_data(demo_uow, 2025)
    assert data.exceptional, "the demo has an exceptional line in 2025"
    with sqlite3.connect(demo_file) as db:
        for line in data.exceptional:
            expected = dict(
                db.execute(
                    "SELECT c.member_id, c.number FROM call_lines l"
                    " JOIN calls c ON c.id = l.call_id"
                    " WHERE l.exceptional_id = ? AND l.kind = 'exceptional'",
                    (line.charge_id,),
                ).fetchall()
            )
            assert len(set(expected.values())) > 1
            printed = {row.member_id: row.call_number for row in line.members}
            assert printed == expected
            assert line.call_number == min(expected.values())
