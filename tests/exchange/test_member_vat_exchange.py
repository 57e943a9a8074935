"""Members' intra-community VAT number in the members export and import (#10): one column,
round-tripped in every format; a wrong number is refused on its row with the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptce_desktop.exchange.apply import run_import
from ptce_desktop.exchange.export.tables import build, export_table
from ptce_desktop.exchange.prepare import ImportOptions
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import LONG_NAME, write_csv

HEADER = "N° de TVA intracommunautaire"


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_members_export_has_the_column_and_round_trips(
    pole_uow: UnitOfWork, tmp_path: Path, suffix: str
) -> None:
    members = MemberService(pole_uow)
    members.create(
        MemberDraft(name=LONG_NAME, siret="732 829 320 00074", vat_number="FR44 732829320")
    )
    members.create(MemberDraft(name="Brasserie l'€ & <Gand>", vat_number="BE 0403.170.701"))
    members.create(MemberDraft(name="Sans numéro"))
    sheet = build(pole_uow, "members", 2025)
    column = [c.header for c in sheet.columns].index(HEADER)
    assert sorted(str(row[column]) for row in sheet.rows) == [
        "BE0403170701", "FR44732829320", "None",
    ]  # fmt: skip
    path = tmp_path / f"membres & <l'€>{suffix}"
    export_table(pole_uow, "members", path, 2025)
    target = open_database(tmp_path / "cible.sqlite3", create=True)
    try:
        target_uow = UnitOfWork(target)
        PoleService(target_uow).create_pole("Pôle cible & <l'€>", "Drôme", 1)
        result = run_import(target_uow, "members", path, ImportOptions())
        assert result.errors == () and result.ignored_columns == ()
        assert build(target_uow, "members", 2025).rows == sheet.rows
    finally:
        target.close()


def test_a_wrong_number_is_refused_on_its_row(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "membres.csv",
        [["Nom", "SIRET", "TVA intracommunautaire"],
         ["Épicerie & <co>", "732 829 320 00074", "FR40303265045"],
         ["Café l'€", "", "FR45732829320"],
         ["Atelier ok", "", "fr 40 303 265 045"]],
    )  # fmt: skip
    result = run_import(pole_uow, "members", path, ImportOptions())
    texts = [e.text() for e in result.errors]
    assert len(texts) == 2, texts
    assert any("ne correspond pas au SIREN 732829320" in t for t in texts)
    assert any("N° de TVA intracommunautaire invalide" in t for t in texts)
