"""Files as a coordinator really brings them (exported from Excel or LibreOffice): formula
results with float noise, SIRETs typed as numbers (leading zeros dropped), a workbook whose
first sheet is not the table. Names hold « & < ' € » and a very long name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange import cells
from ptce_desktop.exchange.apply import run_import
from ptce_desktop.exchange.prepare import ImportOptions, prepare
from ptce_desktop.exchange.readers import read_table
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import (
    CAFE,
    EPICERIE,
    LONG_NAME,
    SIRET_1,
    write_csv,
    write_workbook,
    write_xlsx,
)

#: a valid SIRET whose SIREN starts with two zeros (a number cell shows 123457410009)
SIRET_ZEROS = "00123457410009"


def test_a_formula_amount_with_float_noise_is_read_to_the_cent(tmp_path: Path) -> None:
    # =A2*1,1 caches 110.00000000000001: Excel shows « 110,00 € »
    path = write_xlsx(
        tmp_path / "charges.xlsx",
        [
            ["Service", "Date de facture", "Libellé", "Montant TTC (€)"],
            ["Locaux", "15/03/2025", EPICERIE, 100 * 1.1],
            ["Locaux", "16/03/2025", CAFE, 1234.56 + 0.1 - 0.1],
            ["Locaux", "17/03/2025", LONG_NAME, 12.345],
        ],
    )
    prepared = prepare("costs", read_table(path))
    assert [r.values["ttc_cents"] for r in prepared.rows] == [11000, 123456]
    # a true third decimal is still refused, where the coordinator sees it
    [error] = prepared.errors
    assert (error.row, error.column, error.value) == (4, "Montant TTC (€)", "12.345")
    assert "deux décimales" in error.message


def test_float_noise_in_units_and_percentages() -> None:
    assert cells.units(0.1 + 0.2) == 300
    assert cells.percent(33.300000000000004) == 3330
    with pytest.raises(PtceError):
        cells.units(1.2345)


def test_a_siret_typed_as_a_number_gets_its_leading_zeros_back(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "membres.xlsx",
        [
            ["Nom", "SIRET", "SIREN"],
            [EPICERIE, int(SIRET_ZEROS), 1234574.0],
            [CAFE, int(SIRET_1), None],
        ],
    )
    prepared = prepare("members", read_table(path))
    assert not prepared.errors
    assert [r.values["siret"] for r in prepared.rows] == [SIRET_ZEROS, SIRET_1]
    assert prepared.rows[0].values["siren"] == "001234574"


def test_a_siret_typed_as_text_without_its_zeros_is_refused_with_a_hint(tmp_path: Path) -> None:
    # a CSV keeps what Excel showed: padding text could make a mistyped number valid
    path = write_csv(tmp_path / "m.csv", [["Nom", "SIRET"], [LONG_NAME, "123457410009"]])
    [error] = prepare("members", read_table(path)).errors
    assert (error.row, error.column, error.value) == (2, "SIRET", "123457410009")
    assert "12 saisis" in error.message
    assert "« 00123457410009 »" in error.message  # what it was, most likely
    assert "zéro" in error.message


def test_a_siret_in_scientific_notation_says_excel_rounded_it(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom", "SIRET"], [CAFE, "7,32829E+13"]])
    [error] = prepare("members", read_table(path)).errors
    assert (error.row, error.value) == (2, "7,32829E+13")
    assert "notation scientifique" in error.message


def test_a_workbook_whose_first_sheet_is_not_the_table_names_the_sheets(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "classeur.xlsx",
        {"Notes & <idées>": [["Réunion du 3 mars"]], "Adhérents l'€": [["Nom"], [EPICERIE]]},
    )
    with pytest.raises(PtceError) as error:
        prepare("members", read_table(path))
    text = error.value.message("fr")
    assert "feuille « Notes & <idées> »" in text
    assert "« Adhérents l'€ »" in text
    # the named sheet is read
    assert prepare("members", read_table(path, sheet="Adhérents l'€")).rows[0].values == {
        "name": EPICERIE
    }


def test_a_postcode_typed_as_a_number_gets_its_leading_zero_back(tmp_path: Path) -> None:
    # Ardèche: 07000 shows as 7000 once Excel takes it for a number
    path = write_xlsx(
        tmp_path / "membres.xlsx",
        [["Nom", "Code postal"], [EPICERIE, 7000], [CAFE, 26000], [LONG_NAME, "07200"]],
    )
    prepared = prepare("members", read_table(path))
    assert [r.values["postcode"] for r in prepared.rows] == ["07000", "26000", "07200"]
    # text is kept as typed: « 700 » is the service's to refuse, not ours to pad
    assert cells.postcode("700") == "700"
    assert cells.postcode(700) == "700"


def test_a_phone_typed_as_a_number_gets_its_leading_zero_back(tmp_path: Path) -> None:
    # 04 75 10 54 00 shows as 475105400 once Excel takes it for a number
    path = write_xlsx(
        tmp_path / "membres.xlsx",
        [["Nom", "Téléphone"], [EPICERIE, 475105400], [CAFE, "04 75 00 12 34"], [LONG_NAME, 112]],
    )
    prepared = prepare("members", read_table(path))
    phones = [r.values["phone"] for r in prepared.rows]
    assert phones == ["0475105400", "04 75 00 12 34", "112"]
    assert cells.phone("475105400") == "475105400"  # text is kept as typed


def test_a_file_without_a_recognised_column_lists_the_columns_it_has(tmp_path: Path) -> None:
    # a title row, a blank row, then headers none of which is a member's field
    path = write_csv(
        tmp_path / "m.csv",
        [["Liste & <adhérents> l'€"], [""], ["Raison", "Code"], [LONG_NAME, "26000"]],
    )
    with pytest.raises(PtceError) as error:
        prepare("members", read_table(path))
    text = error.value.message("fr")
    assert "« Nom »" in text  # what was expected
    assert "« Raison », « Code »" in text  # what the file has, to rename one of them
    assert "première ligne" not in text  # the first ten filled rows are searched, not one


def test_the_same_member_written_two_ways_is_a_duplicate(
    pole_uow: UnitOfWork, tmp_path: Path
) -> None:
    # « Épicerie… » and « EPICERIE… » made two members, which a later payments file naming
    # either could no longer find (members are looked up accents and case ignored)
    path = write_csv(
        tmp_path / "m.csv",
        [["Nom"], [EPICERIE], [LONG_NAME], ["  epicerie SOLIDAIRE & co <valence>"]],
    )
    result = run_import(pole_uow, "members", path)
    assert not result.written
    [error] = result.errors
    assert (error.row, error.column) == (4, "Nom")
    assert "ligne 2" in error.message
    assert f"« {EPICERIE} »" in error.message  # what line 2 says, not line 4's spelling
    assert MemberService(pole_uow).list_members() == []


def test_an_existing_member_written_another_way_is_found(
    pole_uow: UnitOfWork, tmp_path: Path
) -> None:
    assert run_import(pole_uow, "members", write_csv(tmp_path / "a.csv", [["Nom"], [CAFE]])).ok
    again = write_csv(
        tmp_path / "b.csv", [["Nom", "Ville"], ["CAFE L'ETINCELLE — 1 234,56 €", "Die"]]
    )
    refused = run_import(pole_uow, "members", again)
    [error] = refused.errors
    assert error.code == "import_duplicate_member"
    assert f"« {CAFE} »" in error.message
    updated = run_import(pole_uow, "members", again, ImportOptions(update=True))
    assert updated.ok, updated.errors
    [member] = MemberService(pole_uow).list_members()
    assert MemberService(pole_uow).get(member.id).city == "Die"


@pytest.mark.parametrize(
    "written", ["Association", "SCOP", "Scic", "Coopérative", "mutuelle", "Fondation", "SIAE"]
)
def test_the_ess_legal_forms_read_as_an_ess_enterprise(written: str) -> None:
    assert cells.category(written) == "ess_enterprise"


def test_an_unknown_category_still_lists_the_choices() -> None:
    with pytest.raises(PtceError) as error:
        cells.category("Marsien & <co> l'€")
    assert "Entreprise de l'ESS" in error.value.message("fr")


def test_a_category_merged_over_several_members_applies_to_each(tmp_path: Path) -> None:
    # « ESS » written once, merged over rows 2-4: each member showed it, none got it
    import openpyxl

    path = tmp_path / "membres.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Nom", "Catégorie", "Ville", "Notes"])
    sheet.append([EPICERIE, "ESS", "Valence", "Adhérent & <fondateur> l'€"])
    sheet.append([CAFE, None, "Die", None])
    sheet.append([LONG_NAME, None, "Crest", None])
    sheet.append(["Mairie de Crest", "Collectivité", "Crest", None])
    sheet.merge_cells("B2:B4")
    sheet.merge_cells("D2:E2")  # across columns: the value stays in its own column
    workbook.save(path)
    prepared = prepare("members", read_table(path))
    assert not prepared.errors
    assert [r.values.get("category") for r in prepared.rows] == [
        "ess_enterprise",
        "ess_enterprise",
        "ess_enterprise",
        "local_authority",
    ]
    assert [r.values.get("notes") for r in prepared.rows] == [
        "Adhérent & <fondateur> l'€",
        None,
        None,
        None,
    ]


def test_a_title_with_a_comma_above_a_semicolon_table(tmp_path: Path) -> None:
    # typed by hand above the export: the title line alone once chose « , » for the file
    text = (
        "Adhérents, cotisations & <contacts> 2025\r\n"
        "\r\n"
        "Nom;SIRET;Date d'adhésion;Notes\r\n"
        f"{EPICERIE};732 829 320 00074;01/09/2016;1 234,56 €\r\n"
        f"{LONG_NAME};;15/01/2020;a, b, c, d, e, f\r\n"
    )
    path = tmp_path / "m.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    table = read_table(path)
    assert table.delimiter == ";"
    prepared = prepare("members", table)
    assert not prepared.errors
    assert [r.values["name"] for r in prepared.rows] == [EPICERIE, LONG_NAME]
    assert prepared.rows[1].values["notes"] == "a, b, c, d, e, f"


def test_a_comma_file_is_still_read_with_commas(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text('Name,City\r\n"Café, l\'€",Die\r\nB & <co>,Crest\r\n', encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ","
    assert table.rows[0].cells == ("Café, l'€", "Die")


def test_a_postcode_without_its_zero_in_a_csv_says_which_zero(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom", "CP"], [CAFE, "7000"], [EPICERIE, "26000"]])
    prepared = prepare("members", read_table(path))
    [error] = prepared.errors
    assert (error.row, error.column, error.value) == (2, "CP", "7000")
    assert "« 07000 »" in error.message
    assert [r.values["postcode"] for r in prepared.rows] == ["26000"]
