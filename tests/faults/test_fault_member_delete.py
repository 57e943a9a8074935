"""Deleting a member that money rows point to (§5, item 35): refused, never orphans."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select
from support.faults_world import build_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.models import Member, Share
from ptce_desktop.store.unit_of_work import UnitOfWork


def test_item35_member_with_shares_cannot_be_deleted_no_orphans(uow: UnitOfWork) -> None:
    world = build_world(uow, ["Dupont & Fils <SARL>", "L'Épicerie — 1 234,56 €", "Œuvre"])
    member = world.members[0]
    with uow.read() as session:
        shares = session.scalar(select(func.count()).where(Share.member_id == member))
    assert shares

    with pytest.raises(PtceError) as caught:  # the service explains and offers to archive
        MemberService(uow).delete(member)
    assert caught.value.code == "member_in_use"
    message = caught.value.message("fr")
    assert "Dupont & Fils <SARL>" in message and "Archivez-le" in message

    with pytest.raises(PtceError) as refused, uow.write("Suppression brute (test)") as session:
        session.execute(delete(Member).where(Member.id == member))  # past the service
    assert refused.value.code == "database_error"
    assert "FOREIGN KEY" in refused.value.message("fr")

    with uow.read() as session:
        assert session.get(Member, member) is not None
        assert session.scalar(select(func.count()).where(Share.member_id == member)) == shares
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
