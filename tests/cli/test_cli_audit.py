"""``ptce-desktop audit``: the audit trail read back in French, filtered, never written to
(issue 12, item 8: the trail was write-only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from ptce_desktop.app import main
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.audit_trail import AuditFilter, AuditTrailService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import AuditEntry, Pole
from ptce_desktop.store.unit_of_work import UnitOfWork

NAME = "Épicerie « L'Œuvre » & <co> — 1 234,56 €"


def _pole_with_history(path: Path) -> int:
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        with uow.write("Créer le pôle") as session:
            session.add(Pole(id=1, name="Pôle Sud & Drôme <test>"))
        members = MemberService(uow)
        member = members.create(MemberDraft(name=NAME, city="Crest"))
        members.update(member.id, replace(member.to_draft(), city="Die & <Diois>"))
        members.set_year_figures(member.id, 2025, turnover_cents=1_234_56)
        # The first entries are dated long ago, to filter by date.
        with uow.write("Outil de test") as session:
            session.execute(
                update(AuditEntry)
                .where(AuditEntry.action == "Créer le pôle")
                .values(at=dt.datetime(2024, 1, 15, 9, 30))
            )
        return member.id
    finally:
        database.close()


def test_audit_lists_every_change_in_french(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member_id = _pole_with_history(db_path)
    before = db_path.read_bytes()
    assert main(["audit", "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"Création : Membre n° {member_id}" in out
    assert f"Modification : Membre n° {member_id}" in out
    assert "    Ville : Crest → Die & <Diois>" in out
    assert f"    Nom : — → {NAME}" in out
    assert "    Chiffre d'affaires : — → 1\xa0234,56\xa0€" in out
    assert "    Assujetti à la TVA : — → non" in out
    assert "Création : Pôle n° 1" in out
    # Newest first.
    assert out.index("Modification : Membre") < out.index("Création : Membre")
    assert out.index("Création : Membre") < out.index("Création : Pôle")
    assert out.rstrip().endswith(" modifications.")
    assert db_path.read_bytes() == before  # read-only


def test_audit_since_a_date_and_for_one_record(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member_id = _pole_with_history(db_path)
    assert main(["audit", "--db", str(db_path), "--since", "01/02/2024"]) == 0
    out = capsys.readouterr().out
    assert "Pôle n° 1" not in out and f"Membre n° {member_id}" in out
    assert main(["audit", "--db", str(db_path), "--until", "2024-01-31"]) == 0
    out = capsys.readouterr().out
    assert "Création : Pôle n° 1" in out and "Membre" not in out
    assert main(["audit", "--db", str(db_path), "--kind", "members", "--record", "999"]) == 0
    assert "Aucune modification enregistrée pour ces critères." in capsys.readouterr().out


def test_audit_refuses_a_bad_date_in_one_french_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pole_with_history(db_path)
    assert main(["audit", "--db", str(db_path), "--since", "hier"]) == 2
    err = capsys.readouterr().err
    assert "hier" in err and "Traceback" not in err and err.count("\n") == 1


def test_the_service_pages_newest_first(db_path: Path) -> None:
    _pole_with_history(db_path)
    database = open_database(db_path, read_only=True)
    try:
        trail = AuditTrailService(UnitOfWork(database))
        everything = trail.entries()
        first = trail.page(limit=2)
        second = trail.page(limit=2, before_id=first.next_before_id)
        assert [line.id for line in (*first.lines, *second.lines)] == [
            line.id for line in everything[:4]
        ]
        assert [line.id for line in everything] == sorted(
            (line.id for line in everything), reverse=True
        )
        assert trail.count(AuditFilter(entity="members")) == 2
        assert ("members", "Membre") in trail.kinds()
    finally:
        database.close()
