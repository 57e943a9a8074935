"""Imports through the services: all or nothing, every error at once, existing records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ptce_desktop.exchange.apply import run_import
from ptce_desktop.exchange.prepare import ImportOptions
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.store.models import AuditEntry, Member, Payment
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import (
    CAFE,
    EPICERIE,
    LONG_NAME,
    SIRET_1,
    SIRET_2,
    SIRET_3,
    write_csv,
)

MEMBERS_HEADER = ["Nom", "SIRET", "Catégorie", "Code postal", "Ville", "Date d'adhésion", "QPV"]


def _count(uow: UnitOfWork, model: type) -> int:
    with uow.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _members_file(tmp_path: Path, *rows: list[str]) -> Path:
    return write_csv(tmp_path / "membres & co.csv", [MEMBERS_HEADER, *rows], encoding="cp1252")


def test_members_imported_in_one_transaction_with_one_audit_entry(
    pole_uow: UnitOfWork, tmp_path: Path
) -> None:
    path = _members_file(
        tmp_path,
        [EPICERIE, "732 829 320 00074", "ESS", "26000", "Valence", "01/02/2024", "oui"],
        [CAFE, SIRET_2, "Réseau", "07000", "Privas", "2024-03-01", ""],
        [LONG_NAME, "", "Collectivité territoriale", "", "", "", "non"],
    )
    audits_before = _count(pole_uow, AuditEntry)
    result = run_import(pole_uow, "members", path)
    assert result.errors == ()
    assert result.written
    assert result.counts == (("membres créés", 3),)
    assert result.summary() == "3 lignes lues : 3 membres créés."
    members = {m.name: m for m in MemberService(pole_uow).list_members()}
    assert set(members) == {EPICERIE, CAFE, LONG_NAME}
    with pole_uow.read() as session:
        epicerie = session.scalars(select(Member).where(Member.name == EPICERIE)).one()
        assert (epicerie.siret, epicerie.postcode, epicerie.qpv) == (SIRET_1, "26000", True)
        assert epicerie.joined_on == dt.date(2024, 2, 1)
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert len(entries) == audits_before + 1
    assert "membres & co.csv" in entries[-1].summary
    assert entries[-1].operation == "bulk"


def test_one_bad_row_writes_nothing_and_every_error_is_listed(
    pole_uow: UnitOfWork, tmp_path: Path
) -> None:
    path = _members_file(
        tmp_path,
        [EPICERIE, SIRET_1, "ESS", "26000", "Valence", "01/02/2024", ""],
        ["Bad <x>", "123 456", "Réseau", "260", "", "31/02/2024", "peut-être"],
        [CAFE, SIRET_2, "Inconnue", "07000", "", "", ""],
        [LONG_NAME, SIRET_3, "Autre", "2600", "", "", ""],  # postcode: checked by the service
    )
    result = run_import(pole_uow, "members", path)
    assert not result.written
    assert _count(pole_uow, Member) == 0
    found = [(e.row, e.column, e.value) for e in result.errors]
    assert found == [
        (3, "SIRET", "123 456"),
        (3, "Date d'adhésion", "31/02/2024"),
        (3, "QPV", "peut-être"),
        (4, "Catégorie", "Inconnue"),
        (5, "Code postal", "2600"),
    ]
    texts = [e.text() for e in result.errors]
    assert texts[0].startswith("Ligne 3, colonne « SIRET » (« 123 456 ») : SIRET invalide")
    assert "n'existe pas au calendrier" in texts[1]
    assert "Code postal invalide" in texts[4]


def test_dry_run_writes_nothing(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    path = _members_file(tmp_path, [EPICERIE, SIRET_1, "ESS", "", "", "", ""])
    result = run_import(pole_uow, "members", path, ImportOptions(dry_run=True))
    assert result.errors == () and not result.written
    assert result.counts == (("membre créé", 1),)
    assert _count(pole_uow, Member) == 0


def test_existing_member_is_a_duplicate_unless_update(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    members = MemberService(pole_uow)
    kept = members.create(MemberDraft(name="Ancien nom", siret=SIRET_1, city="Die"))
    path = _members_file(tmp_path, [EPICERIE, SIRET_1, "Réseau", "26000", "", "", ""])
    refused = run_import(pole_uow, "members", path)
    assert [(e.row, e.code) for e in refused.errors] == [(2, "import_duplicate_member")]
    assert "trouvé par SIRET" in refused.errors[0].message
    updated = run_import(pole_uow, "members", path, ImportOptions(update=True))
    assert updated.errors == () and updated.counts == (("membre mis à jour", 1),)
    view = members.get(kept.id)
    # the file's columns replace, the others (city) stay as they were
    assert (view.name, view.category, view.postcode, view.city) == (
        EPICERIE,
        "network",
        "26000",
        "Die",
    )


def test_same_member_twice_in_the_file(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    path = _members_file(
        tmp_path,
        [EPICERIE, SIRET_1, "", "", "", "", ""],
        [CAFE, "732 829 320 00074", "", "", "", "", ""],
        [CAFE, "", "", "", "", "", ""],
    )
    result = run_import(pole_uow, "members", path)
    assert [(e.row, e.code) for e in result.errors] == [
        (3, "import_duplicate_row"),
        (4, "import_duplicate_row"),
    ]
    assert "ligne 2" in result.errors[0].message


def test_unknown_member_is_an_error_unless_create_members(
    pole_uow: UnitOfWork, tmp_path: Path
) -> None:
    MemberService(pole_uow).create(MemberDraft(name=EPICERIE, siret=SIRET_1))
    path = write_csv(
        tmp_path / "règlements.csv",
        [
            ["Membre", "SIRET", "Date", "Montant", "Mode"],
            ["", "732 829 320 00074", "20/01/2025", "1 500,50 €", "Chèque"],
            [EPICERIE, "", "21/01/2025", "12.5", ""],
            [CAFE, "", "22/01/2025", "100", "virement"],
        ],
    )
    refused = run_import(pole_uow, "payments", path)
    assert [(e.row, e.column, e.code) for e in refused.errors] == [
        (4, "Membre", "import_unknown_member")
    ]
    assert _count(pole_uow, Payment) == 0
    done = run_import(pole_uow, "payments", path, ImportOptions(create_members=True))
    assert done.errors == ()
    assert dict(done.counts) == {"règlements enregistrés": 3, "membre créé": 1}
    with pole_uow.read() as session:
        amounts = sorted(session.scalars(select(Payment.amount_cents)))
    assert amounts == [1250, 10000, 150050]


def test_rows_in_a_closed_year_are_errors(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    MemberService(pole_uow).create(MemberDraft(name=EPICERIE))
    FiscalYearService(pole_uow).close(2024)
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["Membre", "Date", "Montant"],
            [EPICERIE, "15/03/2025", "10"],
            [EPICERIE, "15/12/2024", "20"],
        ],
    )
    result = run_import(pole_uow, "payments", path)
    assert [(e.row, e.code) for e in result.errors] == [(3, "closed_year")]
    assert "2024" in result.errors[0].message
    assert _count(pole_uow, Payment) == 0  # the good row of 2025 is not written either


def test_cancelled_import_writes_nothing(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    path = _members_file(tmp_path, *([f"Membre {i} & <co>", "", "", "", "", "", ""]
                                     for i in range(10)))  # fmt: skip

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 5:
            raise Cancelled

    with pytest.raises(Cancelled):
        run_import(pole_uow, "members", path, progress=progress)
    assert _count(pole_uow, Member) == 0


def test_unknown_kind(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    from ptce_desktop.domain.errors import PtceError

    path = _members_file(tmp_path, [EPICERIE, "", "", "", "", "", ""])
    with pytest.raises(PtceError) as error:
        run_import(pole_uow, "grants", path)
    assert error.value.code == "import_unknown_kind"
    assert "members" in error.value.message("fr")
