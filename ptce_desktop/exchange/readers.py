"""Read a spreadsheet or CSV file into a plain table of cells (no Qt, no database).

* CSV: UTF-8 with or without BOM, else Windows-1252 (what French Excel writes); the delimiter
  is the one of ``;``, ``,`` and tab that splits the first filled lines into the same number
  of columns most often (a spreadsheet writes every line as wide), then into the most columns:
  a title typed above the table (« Adhérents, 2025 ») does not decide alone (quoted fields as
  LibreOffice writes them are read by :mod:`csv`). Text is kept literal:
  ``=HYPERLINK(…)`` stays a name, nothing is ever evaluated.
* XLSX, XLS, ODS: ``python-calamine`` reads the cached **values** (never the formulas); the
  first sheet, or the one named. Merged cells give their value to the top-left cell only,
  except that a cell merged **over several rows** (a category written once for a group of
  members) gives it to each row it covers, in its first column, as the spreadsheet shows it
  (XLSX; where the reader knows no merged ranges, as in ODS, only the top-left cell holds it).

Empty rows are skipped wherever they are (a sheet formatted down to row 1 048 576 costs
nothing); row numbers stay those the user sees in the spreadsheet (1-based). The first filled
row is the header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ptce_desktop.domain.errors import PtceError

#: A cell as read: text from CSV; numbers, booleans and dates from workbooks.
Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ROWS = 200_000
WORKBOOK_SUFFIXES = {".xlsx": "XLSX", ".xlsm": "XLSX", ".xls": "XLS", ".ods": "ODS"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, as the spreadsheet shows it
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """The header and the filled rows of one sheet (or of a CSV file)."""

    name: str  # the file name, for messages
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only


def _filled(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _table(name: str, rows: Iterable[tuple[int, list[Cell]]], **extra: object) -> Table:
    header: tuple[str, ...] | None = None
    body: list[Row] = []
    for number, cells in rows:
        if not any(_filled(c) for c in cells):
            continue
        if header is None:
            header = tuple("" if c is None else str(c).strip() for c in cells)
            continue
        if len(body) >= MAX_ROWS:
            raise PtceError("import_too_many_rows", name=name, max=MAX_ROWS)
        body.append(Row(number, tuple(cells)))
    if header is None:
        raise PtceError("import_empty", name=name)
    return Table(name, header, tuple(body), **extra)  # type: ignore[arg-type]


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PtceError(
            "import_too_large",
            name=path.name,
            size_mb=round(size / 1024 / 1024),
            max_mb=MAX_FILE_BYTES // 1024 // 1024,
        )


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    """The table of ``path`` (CSV by content, workbooks by extension); ``PtceError`` if the
    file cannot be read, is empty, too large, or has no sheet ``sheet``."""
    file = Path(path)
    if not file.is_file():
        raise PtceError("file_not_found", path=str(file))
    _check_size(file)
    suffix = file.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(file, WORKBOOK_SUFFIXES[suffix], sheet)
    if suffix in CSV_SUFFIXES:
        return read_csv_bytes(file.read_bytes(), file.name)
    raise PtceError("import_unsupported_format", name=file.name)


# --- CSV --------------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        raise PtceError("import_binary", name=name)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        raise PtceError("import_decode_failed", name=name) from None


#: how many filled lines decide the delimiter
DELIMITER_LINES = 20


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:DELIMITER_LINES]
    scores: dict[str, tuple[int, int]] = {}
    for delimiter in _DELIMITERS:
        try:
            widths = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            widths = []
        wide = [w for w in widths if w > 1]
        if not wide:
            scores[delimiter] = (0, 0)
            continue
        usual = max(set(wide), key=lambda w: (wide.count(w), w))
        scores[delimiter] = (wide.count(usual), usual)
    best = max(_DELIMITERS, key=lambda d: scores[d])  # ties: the order above (";" first)
    return best if scores[best][1] > 1 else ";"


def read_csv_bytes(data: bytes, name: str) -> Table:
    """A CSV file's table from its bytes (encoding and delimiter found as described above)."""
    text, encoding = _decode(data, name)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[tuple[int, list[Cell]]]:
        # csv counts physical lines: a quoted field may hold a line break
        start = 1
        for cells in reader:
            yield start, list(cells)
            start = reader.line_num + 1

    try:
        return _table(name, rows(), encoding=encoding, delimiter=delimiter)
    except csv.Error as error:
        raise PtceError("import_unreadable", name=name, format="CSV", detail=str(error)) from None


# --- workbooks --------------------------------------------------------------------------------


def _read_workbook(path: Path, kind: str, sheet: str | None) -> Table:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise PtceError("import_encrypted", name=path.name) from None
    except Exception as error:  # calamine raises several unrelated types on garbage
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise PtceError("import_encrypted", name=path.name) from None
        raise PtceError(
            "import_unreadable", name=path.name, format=kind, detail=_short(error)
        ) from None
    try:
        names = tuple(workbook.sheet_names)
        if not names:
            raise PtceError("import_empty", name=path.name)
        chosen = names[0] if sheet is None else sheet
        if chosen not in names:
            raise PtceError("import_sheet_unknown", sheet=sheet, sheets=", ".join(names))
        try:
            # skip_empty_area=False keeps the rows and columns from A1: row numbers are
            # those the spreadsheet shows
            found = workbook.get_sheet_by_name(chosen)
            rows = cast(list[list[Cell]], found.to_python(skip_empty_area=False))
            _spread_down(rows, getattr(found, "merged_cell_ranges", None))
        except Exception as error:
            raise PtceError(
                "import_unreadable", name=path.name, format=kind, detail=_short(error)
            ) from None
        numbered: Iterator[tuple[int, list[Cell]]] = (
            (index + 1, list(cells)) for index, cells in enumerate(rows)
        )
        return _table(path.name, numbered, sheet=chosen, sheets=names)
    finally:
        workbook.close()


def _spread_down(rows: list[list[Cell]], ranges: object) -> None:
    """Each range merged over several rows: its value into the empty cells below it (first
    column only). ``ranges``: ``((first_row, first_col), (last_row, last_col))``, 0-based."""
    if not isinstance(ranges, list | tuple):
        return
    for (top, left), (bottom, _right) in ranges:
        if bottom <= top or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for below in rows[top + 1 : bottom + 1]:
            if left < len(below) and not _filled(below[left]):
                below[left] = value


def sheet_names(path: Path | str) -> tuple[str, ...]:
    """The sheets of a workbook (empty for CSV), for the wizard's sheet chooser."""
    file = Path(path)
    kind = WORKBOOK_SUFFIXES.get(file.suffix.lower())
    if kind is None:
        return ()
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(file))
    except Exception:
        return ()
    try:
        return tuple(workbook.sheet_names)
    finally:
        workbook.close()


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:160]
