"""Every released schema, saved as a file with data, opens and migrates to head intact.

Add a file here (``schemas/schema-<revision>.sqlite3``) whenever a release ships a new
revision; this test then proves that users' files of that release still open.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.store import migrate
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Cost, Member, Share
from ptce_desktop.store.unit_of_work import UnitOfWork

SCHEMAS = sorted((Path(__file__).parent / "schemas").glob("schema-*.sqlite3"))


def test_there_is_a_saved_file_for_the_first_release() -> None:
    assert [path.name for path in SCHEMAS][:1] == ["schema-0001.sqlite3"]


@pytest.mark.parametrize("saved", SCHEMAS, ids=lambda path: path.stem)
def test_a_saved_file_migrates_to_head_keeping_its_data(saved: Path, tmp_path: Path) -> None:
    path = tmp_path / "ancien fichier & <pôle>.sqlite3"
    shutil.copyfile(saved, path)
    revision = saved.stem.removeprefix("schema-")

    database = open_database(path)
    try:
        assert database.migrated_from == revision
        assert database.pre_migration_backup is not None
        assert database.pre_migration_backup.exists()
        uow = UnitOfWork(database)
        with uow.read() as session:
            assert migrate.current_revision(session.connection()) == migrate.head_revision()
            assert session.scalar(select(func.count()).select_from(Member)) == 2
            assert session.scalar(select(func.sum(Share.cents))) == 100_001
            cost = session.scalars(select(Cost)).one()
            assert cost.label == "Loyer de janvier <bureaux>"
        # The migrated file is fully usable: its cost explains its shares.
        explained = CostService(uow).explain_share(cost.id, 1)
        assert explained.stored_cents == 60_001 and explained.matches_stored
    finally:
        database.close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in connection.execute("PRAGMA index_list('costs')")}
        assert "ix_costs_period_start" in indexes
    finally:
        connection.close()
