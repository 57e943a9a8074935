"""Reading files as French Excel and LibreOffice write them, and hostile files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.kinds import MEMBERS, auto_map
from ptce_desktop.exchange.prepare import prepare
from ptce_desktop.exchange.readers import read_table
from tests.exchange.conftest import (
    CAFE,
    EPICERIE,
    LONG_NAME,
    SIRET_1,
    write_csv,
    write_ods,
    write_xlsx,
)

HEADER = ["Nom", "N° SIRET", "Catégorie", "Date d'adhésion", "Chiffre d'affaires"]


def test_windows_1252_semicolons_and_decimal_commas_as_libreoffice_saves(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "membres.csv",
        [
            ["Nom", "ETP", "Chiffre d'affaires"],
            [EPICERIE, "2,5", "1 234,56 €"],
            [CAFE, "0,75", "12\u00a0000"],
        ],
        encoding="cp1252",
    )
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.headers == ("Nom", "ETP", "Chiffre d'affaires")
    assert [r.cells[0] for r in table.rows] == [EPICERIE, CAFE]
    assert [r.number for r in table.rows] == [2, 3]
    prepared = prepare("member-figures", _with_year(table))
    assert not prepared.errors
    assert [r.values["turnover_cents"] for r in prepared.rows] == [123456, 1200000]
    assert [r.values["etp_milli"] for r in prepared.rows] == [2500, 750]


def _with_year(table: object) -> object:
    from dataclasses import replace

    from ptce_desktop.exchange.readers import Row, Table

    assert isinstance(table, Table)
    return replace(
        table,
        headers=("Membre", *table.headers[1:], "Exercice"),
        rows=tuple(Row(r.number, (*r.cells, "2025")) for r in table.rows),
    )


def test_utf8_with_bom_and_commas(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes((f'\ufeffNom,SIRET\r\n"{LONG_NAME}",{SIRET_1}\r\n').encode())
    table = read_table(path)
    assert table.encoding == "utf-8-sig"
    assert table.delimiter == ","
    assert table.headers == ("Nom", "SIRET")  # no BOM glued to the first header
    assert table.rows[0].cells == (LONG_NAME, SIRET_1)


def test_tab_separated_and_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "tab.txt"
    path.write_text('Nom\tNotes\n"A & B"\t"deux\nlignes"\nC <d>\tx\n', encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == "\t"
    assert table.rows[0].cells == ("A & B", "deux\nlignes")
    assert table.rows[1].number == 4  # the row number the user sees in a text editor


def test_xlsx_with_formulas_and_merged_cells(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "membres.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Liste des membres 2025"])  # a title row merged across the header's width
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append([EPICERIE, SIRET_1, "ESS", dt.date(2024, 2, 1), 1234.56])
    sheet.append([CAFE, None, "Réseau", "01/03/24", "=E4*2"])
    workbook.save(path)
    table = read_table(path)
    assert table.headers[0] == "Liste des membres 2025"  # the first filled row…
    prepared = prepare("members", table)  # …but the header is the first row it recognises
    assert prepared.table.headers == tuple(HEADER)
    assert not prepared.errors
    first, second = prepared.rows
    assert (first.number, second.number) == (4, 5)
    assert first.values["joined_on"] == dt.date(2024, 2, 1)
    assert second.values["joined_on"] == dt.date(2024, 3, 1)  # d/m/yy
    # a formula is never read as its text: openpyxl stores no cached value, so it is empty
    assert "=" not in second.texts.get("notes", "") and "E4" not in str(second.values)


def test_ods(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "membres.ods",
        [HEADER, [EPICERIE, SIRET_1, "Entreprise de l'ESS", dt.date(2024, 1, 15), 1234.5]],
    )
    prepared = prepare("members", read_table(path))
    assert not prepared.errors
    (row,) = prepared.rows
    assert row.values["name"] == EPICERIE
    assert row.values["siret"] == SIRET_1
    assert row.values["category"] == "ess_enterprise"
    assert row.values["joined_on"] == dt.date(2024, 1, 15)


def test_siret_stored_as_a_number_in_a_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [["Nom", "SIRET"], [EPICERIE, int(SIRET_1)]])
    (row,) = prepare("members", read_table(path)).rows
    assert row.values["siret"] == SIRET_1


def test_headers_matched_without_accents_case_or_punctuation() -> None:
    headers = ["NOM", "n° siret", "Categorie", "DATE D'ADHESION", "Colonne à nous", "e-mail"]
    mapping = auto_map(MEMBERS, headers)
    assert mapping == {"name": 0, "siret": 1, "category": 2, "joined_on": 3, "email": 5}


def test_english_headers() -> None:
    mapping = auto_map(MEMBERS, ["Name", "Category", "Joined on", "Postcode", "City"])
    assert set(mapping) == {"name", "category", "joined_on", "postcode", "city"}


def test_unknown_columns_are_listed(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Nom", "Couleur préférée"], [EPICERIE, "bleu"]])
    assert prepare("members", read_table(path)).ignored == ("Couleur préférée",)


# --- hostile files ----------------------------------------------------------------------------


def test_garbage_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "membres.xlsx"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_unreadable"
    assert "membres.xlsx" in error.value.message("fr")


def test_binary_renamed_csv(tmp_path: Path) -> None:
    path = tmp_path / "membres.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_binary"


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n;;;\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_empty"


def test_header_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "entete.csv", [["Nom", "SIRET"]])
    with pytest.raises(PtceError) as error:
        prepare("members", read_table(path))
    assert error.value.code == "import_no_rows"


def test_no_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "sans.csv", [[EPICERIE, SIRET_1], [CAFE, ""]])
    with pytest.raises(PtceError) as error:
        prepare("members", read_table(path))
    assert error.value.code == "import_no_header"
    assert "« Nom »" in error.value.message("fr")


def test_required_column_missing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", [["Service", "Exercice"], ["Locaux", "2025"]])
    with pytest.raises(PtceError) as error:
        prepare("budgets", read_table(path))
    assert error.value.code == "import_missing_column"
    assert "Budget" in error.value.message("fr")


def test_formula_looking_text_is_kept_literal(tmp_path: Path) -> None:
    import openpyxl

    hyperlink = '=HYPERLINK("http://example.org/?a=1&b=<2>","clic")'
    csv_path = write_csv(tmp_path / "f.csv", [["Nom"], [hyperlink], ["+33 & -1"]])
    xlsx_path = tmp_path / "f.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Nom"
    sheet["A2"] = hyperlink
    sheet["A2"].data_type = "s"  # stored as text, as a user's typed "'=…" is
    workbook.save(xlsx_path)
    assert [r.values["name"] for r in prepare("members", read_table(csv_path)).rows] == [
        hyperlink,
        "+33 & -1",
    ]
    assert prepare("members", read_table(xlsx_path)).rows[0].values["name"] == hyperlink


def test_a_million_empty_rows_cost_nothing(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"Nom;SIRET\r\n" + b";\r\n" * 1_000_000 + f"{CAFE};\r\n".encode())
    table = read_table(path)
    assert len(table.rows) == 1
    assert table.rows[0].number == 1_000_002


def test_wrong_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", [["Nom"], [EPICERIE]], title="Membres")
    with pytest.raises(PtceError) as error:
        read_table(path, sheet="Charges")
    assert error.value.code == "import_sheet_unknown"
    assert "Membres" in error.value.message("fr")
    assert read_table(path, sheet="Membres").rows[0].cells[0] == EPICERIE


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ptce_desktop.exchange import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "gros.csv"
    path.write_bytes(b"Nom\r\n" + b"x\r\n" * 1000)
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_too_large"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "membres.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(PtceError) as error:
        read_table(path)
    assert error.value.code == "import_unsupported_format"
