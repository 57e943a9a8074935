from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ptce_desktop.store.models import Member


def test_uow_fixture_gives_an_empty_migrated_database(uow: Any) -> None:
    with uow.read() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
