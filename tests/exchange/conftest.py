"""Fixtures of the import tests: a pole, and files written as Excel and LibreOffice write them.

Names hold an accent, `€`, `&`, `<`, `'` and a very long name (DESIGN: fixture data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork

LONG_NAME = ("Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 200)[
    :200
]
EPICERIE = "Épicerie solidaire & co <Valence>"
CAFE = "Café l'Étincelle — 1 234,56 €"
#: valid SIRETs (INSEE's own and two with a correct Luhn key)
SIRET_1 = "73282932000074"
SIRET_2 = "35600000000048"
SIRET_3 = "44306184100047"


@pytest.fixture
def pole_uow(uow: UnitOfWork) -> UnitOfWork:
    PoleService(uow).create_pole("Pôle Sud & Drôme <test> — l'€", "Drôme & Ardèche", 1)
    return uow


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], *, sep: str = ";", encoding: str = "utf-8"
) -> Path:
    """As LibreOffice saves: every text field quoted, CRLF line ends."""

    def field(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    text = "".join(sep.join(field(v) for v in row) + "\r\n" for row in rows)
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "Feuille1") -> Path:
    return write_workbook(path, {title: rows})


def write_workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """An XLSX with one sheet per entry of ``sheets`` (its title → its rows), in that order."""
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    for number, (title, rows) in enumerate(sheets.items()):
        sheet = first if number == 0 else workbook.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def write_ods(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Membres")
    for values in rows:
        row = TableRow()
        for value in values:
            if isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.strftime("%d/%m/%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
