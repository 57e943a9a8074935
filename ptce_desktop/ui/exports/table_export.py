"""A table view as the user sees it — filtered, sorted, the visible columns in their order — to
a :class:`~ptce_desktop.exchange.export.sheet.Sheet` (then XLSX, ODS or CSV), or to the
clipboard as tab-separated cells with French numbers (what Excel and LibreOffice paste).

Each column's type comes from its cells: the view's sort role holds the native value (cents,
a date, thousandths…) and the display role what the user reads; a column whose every filled
cell shows its value as money (``1 234,56 €``) is exported as amounts, as a date as dates, and
so on; anything else is text, exactly as displayed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from ptce_desktop.domain.money import format_money, format_percent, format_units
from ptce_desktop.exchange.export.formats import csv_cell, write_sheet
from ptce_desktop.exchange.export.sheet import Column, ColumnType, Sheet
from ptce_desktop.ui.widgets.table_model import SORT_ROLE

translate = QCoreApplication.translate
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _same(a: str, b: str) -> bool:
    return a.translate(_SPACES).strip() == b.translate(_SPACES).strip()


def _cell_type(value: Any, text: str) -> ColumnType | None:
    """The type a cell shows, or None for an empty cell."""
    if not text.strip():
        return None
    if isinstance(value, bool):
        return ColumnType.TEXT
    if isinstance(value, dt.datetime):
        return ColumnType.TEXT
    if isinstance(value, dt.date):
        return ColumnType.DATE
    if isinstance(value, int):
        for kind, show in (
            (ColumnType.MONEY, lambda v: format_money(v)),
            (ColumnType.PERCENT, lambda v: format_percent(v)),
            (ColumnType.PERCENT, lambda v: format_percent(v, fixed=True)),
            (ColumnType.UNITS, lambda v: format_units(v)),
        ):
            if _same(show(value), text):
                return kind
        if str(value) == text.strip():
            return ColumnType.INTEGER
    return ColumnType.TEXT


def visible_columns(view: QTableView) -> list[int]:
    """Logical indexes of the shown columns, in the order the user sees them."""
    header = view.horizontalHeader()
    return [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]


def _grid(view: QTableView, rows: list[int]) -> tuple[list[str], list[list[tuple[Any, str]]]]:
    model = view.model()
    columns = visible_columns(view)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    grid = []
    for row in rows:
        cells = []
        for column in columns:
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            cells.append((index.data(SORT_ROLE), "" if text is None else str(text)))
        grid.append(cells)
    return headers, grid


def _typed(headers: list[str], grid: list[list[tuple[Any, str]]]) -> Sheet:
    types: list[ColumnType] = []
    for c in range(len(headers)):
        found = {_cell_type(value, text) for value, text in (row[c] for row in grid)} - {None}
        types.append(found.pop() if len(found) == 1 else ColumnType.TEXT)  # type: ignore[arg-type]
    rows = []
    for cells in grid:
        line: list[Any] = []
        for kind, (value, text) in zip(types, cells, strict=True):
            if not text.strip():
                line.append(None)
            elif kind is ColumnType.TEXT:
                line.append(text)
            else:
                line.append(value)
        rows.append(line)
    return Sheet.of("", [Column(h, t) for h, t in zip(headers, types, strict=True)], rows)


def sheet_from_view(view: QTableView, title: str = "") -> Sheet:
    """Every row the view shows (after its filter and sort), the visible columns."""
    model = view.model()
    rows = list(range(model.rowCount())) if model is not None else []
    headers, grid = _grid(view, rows) if model is not None else ([], [])
    sheet = _typed(headers, grid)
    return Sheet(title or translate("TableExport", "Table"), sheet.columns, sheet.rows)


def selected_rows(view: QTableView) -> list[int]:
    selection = view.selectionModel()
    if selection is None:
        return []
    return sorted({index.row() for index in selection.selectedIndexes()})


def clipboard_text(view: QTableView) -> str:
    """The selected rows (visible columns) tab-separated, French numbers, no header; text that
    would start a formula neutralised, tabs and line breaks inside a cell made spaces."""
    rows = selected_rows(view)
    if view.model() is None or not rows:
        return ""
    headers, grid = _grid(view, rows)
    sheet = _typed(headers, grid)
    lines = []
    for row in sheet.rows:
        cells = [
            " ".join(csv_cell(column.type, value).split("\t")).replace("\r", " ").replace("\n", " ")
            for column, value in zip(sheet.columns, row, strict=True)
        ]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


FILTERS = {
    ".xlsx": "Classeur Excel (*.xlsx)",
    ".ods": "Classeur OpenDocument (*.ods)",
    ".csv": "CSV, séparateur point-virgule (*.csv)",
}


def ask_path(parent: QWidget | None, name: str) -> Path | None:
    """A file to write (the extension added from the chosen filter when missing)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    safe = "".join(c if c not in '\\/:*?"<>|' else " " for c in name).strip() or "export"
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("TableExport", "Export the table"),
        str(Path(folder or ".") / f"{safe}.xlsx"),
        ";;".join(FILTERS.values()),
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in FILTERS:
        suffix = next((s for s, f in FILTERS.items() if f == chosen), ".xlsx")
        target = target.with_name(target.name + suffix)
    return target


def export_view(view: QTableView, title: str, path: Path) -> Sheet:
    """Write ``view`` as shown to ``path`` (format from the extension); the sheet written."""
    sheet = sheet_from_view(view, title)
    write_sheet(sheet, path)
    return sheet
