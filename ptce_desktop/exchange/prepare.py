"""The first half of an import, without the database: read the file, map its columns, convert
every cell, and collect every error as a value (row, column, value, French reason)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.cells import cell_text
from ptce_desktop.exchange.kinds import (
    KindSpec,
    auto_map,
    ignored_columns,
    kind_spec,
    missing_required,
)
from ptce_desktop.exchange.readers import Table, read_table


@dataclass(frozen=True)
class ImportOptions:
    """What the CLI's flags and the wizard's check boxes say."""

    update: bool = False  # a row matching an existing record updates it (else: duplicate)
    create_members: bool = False  # a row naming an unknown member creates it (else: error)
    sheet: str | None = None
    key: str | None = None  # keys: the key, when the file has no « Clé » column
    valid_from: dt.date | None = None  # keys: the version's date, when no column gives it
    dry_run: bool = False


@dataclass(frozen=True)
class RowError:
    """One error of the file: ``row`` is the spreadsheet's row number (None: the file)."""

    row: int | None
    column: str
    value: str
    message: str
    code: str

    def text(self) -> str:
        """« Ligne 7, colonne « SIRET » (« 123 ») : SIRET invalide… » (French)."""
        where = []
        if self.row is not None:
            where.append(f"Ligne {self.row}")
        if self.column:
            where.append(f"colonne « {self.column} »")
        head = ", ".join(where)
        if head and self.value:
            head += f" (« {_short(self.value)} »)"
        return f"{head} : {self.message}" if head else self.message


def _short(value: str, width: int = 60) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


@dataclass(frozen=True)
class ParsedRow:
    number: int
    values: dict[str, Any]  # field -> typed value (None when empty)
    texts: dict[str, str]  # field -> the cell as the user sees it


@dataclass(frozen=True)
class Prepared:
    spec: KindSpec
    table: Table
    mapping: dict[str, int]
    rows: tuple[ParsedRow, ...]
    errors: tuple[RowError, ...]
    ignored: tuple[str, ...] = field(default=())

    def column_of(self, field_name: str | None) -> str:
        """The file's header for ``field_name`` (its label when it is not mapped)."""
        if field_name is None:
            return ""
        if field_name in self.mapping:
            return self.table.headers[self.mapping[field_name]]
        if field_name in self.spec.field_names():
            return self.spec.field(field_name).label
        return ""


def error_of(row: int | None, column: str, value: str, error: PtceError) -> RowError:
    return RowError(row, column, value, error.message("fr"), error.code)


def load(path: Path | str, kind: str, options: ImportOptions | None = None) -> Table:
    kind_spec(kind)  # an unknown kind is refused before the file is read
    return read_table(path, sheet=(options or ImportOptions()).sheet)


#: how many filled rows may stand above the header (a title, a date, a blank merged band)
HEADER_SEARCH_ROWS = 10


def find_header(spec: KindSpec, table: Table) -> Table:
    """The table whose header is the first of its first filled rows in which at least one
    column is recognised: a title row above the header (often merged) is skipped."""
    candidates = [table.headers, *(
        tuple(cell_text(c) for c in row.cells) for row in table.rows[: HEADER_SEARCH_ROWS - 1]
    )]  # fmt: skip
    for index, headers in enumerate(candidates):
        if auto_map(spec, headers):
            return replace(table, headers=headers, rows=table.rows[index:]) if index else table
    return table


def no_header_error(spec: KindSpec, table: Table) -> PtceError:
    """Why no column of ``table`` is recognised: in a workbook of several sheets, the message
    names the sheet read and the others (the table is often not on the first)."""
    expected = ", ".join(f"« {f.label} »" for f in spec.fields[:4])
    # the columns the file has: the fullest of the rows searched (a title row has one cell)
    candidates = [table.headers, *(
        tuple(cell_text(c) for c in row.cells) for row in table.rows[: HEADER_SEARCH_ROWS - 1]
    )]  # fmt: skip
    fullest = max(candidates, key=lambda cells: sum(1 for c in cells if c))
    found = ", ".join(f"« {_short(c, 40)} »" for c in fullest[:8] if c)
    if sum(1 for c in fullest if c) > 8:
        found += ", …"
    others = [s for s in table.sheets if s != table.sheet]
    if table.sheet is not None and others:
        return PtceError(
            "import_no_header_sheet",
            name=table.name,
            sheet=table.sheet,
            sheets=", ".join(f"« {s} »" for s in others),
            expected=expected,
            found=found,
        )
    return PtceError("import_no_header", name=table.name, expected=expected, found=found)


def prepare(
    kind: str,
    table: Table,
    options: ImportOptions | None = None,
    mapping: Mapping[str, int] | None = None,
) -> Prepared:
    """Map (automatically unless ``mapping`` is given) and convert every row.

    File-level problems (no recognised header, a required column missing, no data row) raise
    :class:`PtceError`; cell problems are collected in ``Prepared.errors``."""
    options = options or ImportOptions()
    spec = kind_spec(kind)
    if mapping is None:
        table = find_header(spec, table)
    chosen = dict(mapping) if mapping is not None else auto_map(spec, table.headers)
    chosen = {k: v for k, v in chosen.items() if 0 <= v < len(table.headers)}
    if not chosen:
        raise no_header_error(spec, table)
    provided = [name for name, value in (("key", options.key), ("valid_from", options.valid_from))
                if value is not None]  # fmt: skip
    missing = missing_required(spec, chosen, provided)
    if missing:
        raise PtceError("import_missing_column", column=missing[0])
    if not table.rows:
        raise PtceError("import_no_rows", name=table.name)
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    for row in table.rows:
        values: dict[str, Any] = {}
        texts: dict[str, str] = {}
        ok = True
        for name, index in chosen.items():
            cell = row.cells[index] if index < len(row.cells) else None
            texts[name] = cell_text(cell)
            try:
                values[name] = spec.field(name).convert(cell)
            except PtceError as error:
                ok = False
                errors.append(error_of(row.number, table.headers[index], texts[name], error))
        if ok:
            for group in spec.required:
                if all(values.get(name) is None for name in group) and not any(
                    name in provided for name in group
                ):
                    ok = False
                    column = next((table.headers[chosen[n]] for n in group if n in chosen), "")
                    errors.append(
                        error_of(row.number, column, "", PtceError("import_value_needed",
                                                                   column=column))
                    )  # fmt: skip
                    break
        if ok:
            rows.append(ParsedRow(row.number, values, texts))
    return Prepared(
        spec, table, chosen, tuple(rows), tuple(errors), ignored_columns(table.headers, chosen)
    )


@dataclass(frozen=True)
class PreviewRow:
    number: int
    cells: tuple[str, ...]  # per mapped field, the value as it will be read (or « ⚠ reason »)


def preview(
    kind: str, table: Table, mapping: Mapping[str, int], limit: int = 10
) -> tuple[tuple[str, ...], tuple[PreviewRow, ...]]:
    """The first rows as they will be read: field labels, then each converted value shown in
    French (amounts « 1 234,56 € », units, dates dd/mm/yyyy), or the reason it is refused."""
    from ptce_desktop.domain.categories import MemberCategory
    from ptce_desktop.domain.money import format_money, format_percent, format_units
    from ptce_desktop.domain.periods import format_date
    from ptce_desktop.exchange import cells

    spec = kind_spec(kind)
    fields = [f for f in spec.fields if f.name in mapping]
    shown: dict[Any, Callable[[Any], str]] = {
        cells.money: format_money,
        cells.units: format_units,
        cells.percent: format_percent,
        cells.date: format_date,
        cells.category: lambda code: MemberCategory(code).label(),
    }
    rows = []
    for row in table.rows[:limit]:
        texts = []
        for spec_field in fields:
            index = mapping[spec_field.name]
            cell = row.cells[index] if index < len(row.cells) else None
            try:
                value = spec_field.convert(cell)
            except PtceError as error:
                texts.append("⚠ " + error.message("fr"))
                continue
            show = shown.get(spec_field.convert)
            if value is None:
                texts.append("")
            elif isinstance(value, bool):
                texts.append("oui" if value else "non")
            else:
                texts.append(show(value) if show is not None else str(value))
        rows.append(PreviewRow(row.number, tuple(texts)))
    return tuple(f.label for f in fields), tuple(rows)
