"""``ptce-desktop export KIND FILE [--year Y]``, ``export-archive`` and ``import-archive``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ptce_desktop.app import main
from ptce_desktop.exchange.readers import read_table
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import EPICERIE, LONG_NAME, SIRET_1


@pytest.fixture
def pole_db(db_path: Path) -> Path:
    db = open_database(db_path)
    try:
        uow = UnitOfWork(db)
        PoleService(uow).create_pole("Pôle Sud & Drôme <test> — l'€", None, 1)
        members = MemberService(uow)
        members.create(MemberDraft(name=EPICERIE, siret=SIRET_1, joined_on=dt.date(2024, 5, 2)))
        members.create(MemberDraft(name=LONG_NAME, category="local_authority"))
        members.create(MemberDraft(name="=SOMME(A1:A9) & <x>", category="research"))
    finally:
        db.close()
    return db_path


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_export_members_then_import_reads_them(
    pole_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"membres & <l'€>{suffix}"
    assert main(["--db", str(pole_db), "export", "members", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Membres : 3 lignes écrites" in said and suffix[1:].upper() in said
    table = read_table(out)
    assert table.headers[:3] == ("Nom", "Nom court", "Catégorie")
    names = [row.cells[0] for row in table.rows]
    assert EPICERIE in names and LONG_NAME in names and "'=SOMME(A1:A9) & <x>" in names
    # a new pole reads the file back with the import verb
    other = tmp_path / "autre.sqlite3"
    db = open_database(other, create=True)
    PoleService(UnitOfWork(db)).create_pole("Autre pôle", None, 1)
    db.close()
    assert main(["import", "members", str(out), "--db", str(other)]) == 0
    assert "3 membres créés" in capsys.readouterr().out


def test_export_year_and_errors(
    pole_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "payments", str(tmp_path / "r.csv"), "--year", "2025/2026",
                 "--db", str(pole_db)]) == 0  # fmt: skip
    assert "Règlements : 0 ligne écrite" in capsys.readouterr().out
    assert (tmp_path / "r.csv").read_bytes().startswith("\ufeffMembre;SIRET;Date".encode())
    assert main(["export", "members", str(tmp_path / "m.pdf"), "--db", str(pole_db)]) == 2
    assert "choisissez un fichier .xlsx, .ods ou .csv" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()
    with pytest.raises(SystemExit) as exit_:
        main(["export", "membres", str(tmp_path / "m.csv"), "--db", str(pole_db)])
    assert exit_.value.code == 2
    assert "choix invalide" in capsys.readouterr().err
    assert main(["export", "calls", str(tmp_path / "a.csv"), "--year", "20x5",
                 "--db", str(pole_db)]) == 2  # fmt: skip
    assert list(tmp_path.glob("*.csv")) == [tmp_path / "r.csv"]


def test_archive_verbs(pole_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "pôle & <l'€>.ptce"
    assert main(["export-archive", str(archive), "--db", str(pole_db)]) == 0
    assert "Archive « " in capsys.readouterr().out
    new = tmp_path / "nouveau" / "pôle.sqlite3"
    assert main(["import-archive", str(archive), "--db", str(new)]) == 0
    assert "Pôle recréé" in capsys.readouterr().out
    db = open_database(new, read_only=True)
    try:
        names = sorted(m.name for m in MemberService(UnitOfWork(db)).list_members())
    finally:
        db.close()
    assert names == sorted([EPICERIE, LONG_NAME, "=SOMME(A1:A9) & <x>"])
    # a path that already holds a pole is refused, and left as it was
    before = pole_db.read_bytes()
    assert main(["import-archive", str(archive), "--db", str(pole_db)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert pole_db.read_bytes() == before
