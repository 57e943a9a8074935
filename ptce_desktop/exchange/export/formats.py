"""Write a :class:`~.sheet.Sheet` as XLSX (XlsxWriter), ODS (odfpy) or CSV.

Every format: French headers in a first row that stays visible (frozen in XLSX and ODS), columns
sized to their content, amounts as numbers shown ``1 234,56 €``, dates as dates, quantities and
percentages as numbers. Text cells that would start a formula are neutralised
(:func:`~.sheet.neutralise`); number cells never are.

CSV is what French Excel opens by a double click: ``;`` between fields, UTF-8 with a BOM, CRLF,
decimal comma, dates ``jj/mm/aaaa``, amounts without thousands separator or symbol (read as
numbers), percentages ``12,50 %``.

A percentage is written as the fraction with a percentage format (``0,25`` shows ``25,00 %``),
except 100 % itself, written ``100`` with a literal `` %``: the import reads a fraction cell
only below 1 (a cell holding ``1`` would otherwise mean 1 %).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.export.atomic import replacing
from ptce_desktop.exchange.export.sheet import (
    ColumnType,
    Sheet,
    neutralise,
    text_of,
    width_of,
)

FORMATS = {".xlsx": "XLSX", ".ods": "ODS", ".csv": "CSV"}
FULL_PERCENT_BP = 10_000


def format_of(path: Path | str) -> str:
    """``XLSX``, ``ODS`` or ``CSV`` from the file's extension; ``PtceError`` otherwise."""
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise PtceError("export_unsupported_format", name=Path(path).name)
    return found


def write_sheet(sheet: Sheet, path: Path | str) -> Path:
    """Write ``sheet`` to ``path`` in the format of its extension, atomically (a temporary
    file in the same folder renamed over the target: a failed export leaves no half file)."""
    target = Path(path)
    writer = _WRITERS[format_of(target)]
    with replacing(target) as temporary:
        writer(sheet, temporary)
    return target


def _percent_number(bp: int) -> tuple[float, bool]:
    """(value, is_fraction) of a percentage cell (see the module's docstring)."""
    if bp >= FULL_PERCENT_BP:
        return bp / 100, False
    return bp / 10_000, True


# --- XLSX -------------------------------------------------------------------------------------

_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str) -> str:
    name = _SHEET_NAME_BAD.sub(" ", title).strip("' ") or "Feuille1"
    return name[:31]


def write_xlsx(sheet: Sheet, path: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    options = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        ws = workbook.add_worksheet(_sheet_name(sheet.title))
        header = workbook.add_format({"bold": True, "bottom": 1, "bg_color": "#E8EEF4"})
        formats = {
            ColumnType.MONEY: workbook.add_format({"num_format": '#,##0.00\\ "€";-#,##0.00\\ "€"'}),
            ColumnType.DATE: workbook.add_format({"num_format": "dd/mm/yyyy"}),
            ColumnType.PERCENT: workbook.add_format({"num_format": "0.00%"}),
            ColumnType.INTEGER: workbook.add_format({"num_format": "0"}),
        }
        full_percent = workbook.add_format({"num_format": '0.00" %"'})
        for index, column in enumerate(sheet.columns):
            ws.set_column(index, index, width_of(sheet, index))
            ws.write_string(0, index, column.header, header)
        for r, row in enumerate(sheet.rows, start=1):
            for c, (column, value) in enumerate(zip(sheet.columns, row, strict=True)):
                if value is None:
                    continue
                kind = column.type
                if kind is ColumnType.MONEY:
                    ws.write_number(r, c, value / 100, formats[kind])
                elif kind is ColumnType.DATE:
                    ws.write_datetime(r, c, _datetime(value), formats[kind])
                elif kind is ColumnType.UNITS:
                    ws.write_number(r, c, value / 1000)
                elif kind is ColumnType.PERCENT:
                    number, fraction = _percent_number(value)
                    ws.write_number(r, c, number, formats[kind] if fraction else full_percent)
                elif kind is ColumnType.INTEGER:
                    ws.write_number(r, c, value, formats[kind])
                else:
                    ws.write_string(r, c, neutralise(text_of(value)))
        ws.freeze_panes(1, 0)
        if sheet.rows:
            ws.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
    finally:
        workbook.close()


def _datetime(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


# --- ODS --------------------------------------------------------------------------------------


def write_ods(sheet: Sheet, path: Path) -> None:
    from odf import teletype  # type: ignore[import-untyped]
    from odf.config import (  # type: ignore[import-untyped]
        ConfigItem,
        ConfigItemMapEntry,
        ConfigItemMapIndexed,
        ConfigItemMapNamed,
        ConfigItemSet,
    )
    from odf.number import (  # type: ignore[import-untyped]
        CurrencyStyle,
        CurrencySymbol,
        DateStyle,
        Day,
        Month,
        Number,
        NumberStyle,
        PercentageStyle,
        Year,
    )
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.style import Style, TableColumnProperties, TextProperties  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableColumn, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    styles = doc.automaticstyles

    euro = CurrencyStyle(name="N_EUR", language="fr", country="FR")
    euro.addElement(Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    euro.addElement(NumberText(text="\u00a0"))
    euro.addElement(CurrencySymbol(language="fr", country="FR", text="€"))
    date = DateStyle(name="N_DATE")
    for part in (Day(style="long"), NumberText(text="/"), Month(style="long"),
                 NumberText(text="/"), Year(style="long")):  # fmt: skip
        date.addElement(part)
    percent = PercentageStyle(name="N_PCT")
    percent.addElement(Number(decimalplaces="2", minintegerdigits="1"))
    percent.addElement(NumberText(text="\u00a0%"))
    full = NumberStyle(name="N_PCT100")
    full.addElement(Number(decimalplaces="2", minintegerdigits="1"))
    full.addElement(NumberText(text="\u00a0%"))
    units = NumberStyle(name="N_UNITS")
    units.addElement(Number(decimalplaces="3", minintegerdigits="1", grouping="true"))
    for data_style in (euro, date, percent, full, units):
        styles.addElement(data_style)

    def cell_style(name: str, data: str | None) -> Style:
        style = Style(name=name, family="table-cell", **({"datastylename": data} if data else {}))
        styles.addElement(style)
        return style

    money_cell = cell_style("ce_eur", "N_EUR")
    date_cell = cell_style("ce_date", "N_DATE")
    percent_cell = cell_style("ce_pct", "N_PCT")
    full_cell = cell_style("ce_pct100", "N_PCT100")
    header_cell = cell_style("ce_head", None)
    header_cell.addElement(TextProperties(fontweight="bold"))

    table = Table(name=_sheet_name(sheet.title))
    for index in range(len(sheet.columns)):
        style = Style(name=f"co{index}", family="table-column")
        width = f"{width_of(sheet, index) * 0.21:.2f}cm"
        style.addElement(TableColumnProperties(columnwidth=width))
        styles.addElement(style)
        table.addElement(TableColumn(stylename=style))

    def text_cell(text: str, style: Style | None = None) -> Any:
        cell = TableCell(valuetype="string", **({"stylename": style} if style else {}))
        paragraph = P()
        teletype.addTextToElement(paragraph, text)
        cell.addElement(paragraph)
        return cell

    head = TableRow()
    for column in sheet.columns:
        head.addElement(text_cell(column.header, header_cell))
    table.addElement(head)
    for row in sheet.rows:
        line = TableRow()
        for column, value in zip(sheet.columns, row, strict=True):
            kind = column.type
            if value is None:
                line.addElement(TableCell())
            elif kind is ColumnType.MONEY:
                line.addElement(TableCell(valuetype="currency", currency="EUR", value=value / 100,
                                          stylename=money_cell))  # fmt: skip
            elif kind is ColumnType.DATE:
                line.addElement(TableCell(valuetype="date", datevalue=value.isoformat(),
                                          stylename=date_cell))  # fmt: skip
            elif kind is ColumnType.UNITS:
                line.addElement(TableCell(valuetype="float", value=value / 1000))
            elif kind is ColumnType.PERCENT:
                number, fraction = _percent_number(value)
                if fraction:
                    line.addElement(TableCell(valuetype="percentage", value=number,
                                              stylename=percent_cell))  # fmt: skip
                else:
                    line.addElement(TableCell(valuetype="float", value=number,
                                              stylename=full_cell))  # fmt: skip
            elif kind is ColumnType.INTEGER:
                line.addElement(TableCell(valuetype="float", value=value))
            else:
                line.addElement(text_cell(neutralise(text_of(value))))
        table.addElement(line)
    doc.spreadsheet.addElement(table)

    # the header row frozen (LibreOffice's view settings)
    view = ConfigItemSet(name="ooo:view-settings")
    views = ConfigItemMapIndexed(name="Views")
    entry = ConfigItemMapEntry()
    entry.addElement(ConfigItem(name="ViewId", type="string", text="view1"))
    tables = ConfigItemMapNamed(name="Tables")
    frozen = ConfigItemMapEntry(name=_sheet_name(sheet.title))
    for name, item_type, value in (
        ("HorizontalSplitMode", "short", "0"),
        ("VerticalSplitMode", "short", "2"),
        ("HorizontalSplitPosition", "int", "0"),
        ("VerticalSplitPosition", "int", "1"),
        ("ActiveSplitRange", "short", "2"),
        ("PositionLeft", "int", "0"),
        ("PositionRight", "int", "0"),
        ("PositionTop", "int", "0"),
        ("PositionBottom", "int", "1"),
    ):
        frozen.addElement(ConfigItem(name=name, type=item_type, text=value))
    tables.addElement(frozen)
    entry.addElement(tables)
    views.addElement(entry)
    view.addElement(views)
    doc.settings.addElement(view)
    doc.save(str(path))


# --- CSV --------------------------------------------------------------------------------------


def _decimal(value: int, scale: int, decimals: int, *, trim: bool) -> str:
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), scale)
    fraction = str(part).rjust(decimals, "0")
    if trim:
        fraction = fraction.rstrip("0")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def csv_cell(kind: ColumnType, value: Any) -> str:
    """One CSV field as French Excel reads it (see the module's docstring)."""
    if value is None:
        return ""
    if kind is ColumnType.MONEY:
        return _decimal(value, 100, 2, trim=False)
    if kind is ColumnType.DATE:
        return str(value.strftime("%d/%m/%Y"))
    if kind is ColumnType.UNITS:
        return _decimal(value, 1000, 3, trim=True)
    if kind is ColumnType.PERCENT:
        return _decimal(value, 100, 2, trim=False) + " %"
    if kind is ColumnType.INTEGER:
        return str(value)
    return neutralise(text_of(value))


def csv_text(sheet: Sheet) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(c.header) for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([csv_cell(c.type, v) for c, v in zip(sheet.columns, row, strict=True)])
    return buffer.getvalue()


def write_csv(sheet: Sheet, path: Path) -> None:
    path.write_bytes(csv_text(sheet).encode("utf-8-sig"))


_WRITERS: dict[str, Callable[[Sheet, Path], None]] = {
    "XLSX": write_xlsx,
    "ODS": write_ods,
    "CSV": write_csv,
}
