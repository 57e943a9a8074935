"""The comparison of scenarios as a spreadsheet (« Exporter pour la réunion », XLSX).

One sheet: a member per row (today, then per scenario its amount and the difference in € and
in %), a total row, as numbers with their formats (XlsxWriter through :mod:`.export.formats`,
the writer every export uses).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ptce_desktop.domain.scenarios import Comparison
from ptce_desktop.exchange.export.formats import write_sheet
from ptce_desktop.exchange.export.sheet import Column, ColumnType, Sheet

__all__ = ["comparison_sheet", "write_simulation_xlsx"]


def comparison_sheet(comparison: Comparison) -> Sheet:
    columns = [Column("Membre"), Column("Aujourd'hui", ColumnType.MONEY)]
    for index, column in enumerate(comparison.columns, start=1):
        name = column.scenario.name
        columns += [
            Column(f"{index}. {name}", ColumnType.MONEY),
            Column(f"Écart {index} (€)", ColumnType.MONEY),
            Column(f"Écart {index} (%)", ColumnType.PERCENT),
        ]
    rows: list[list[Any]] = []
    for row in comparison.rows:
        cells: list[Any] = [row.name, row.today]
        for index in range(len(comparison.columns)):
            cells += [row.amounts[index], row.difference(index), row.difference_bp(index)]
        rows.append(cells)
    total: list[Any] = ["Total", comparison.today_total]
    for column in comparison.columns:
        total += [column.total, column.total - comparison.today_total, None]
    rows.append(total)
    return Sheet.of(f"Simulation {comparison.year_label}", columns, rows)


def write_simulation_xlsx(comparison: Comparison, path: Path) -> Path:
    """Write the comparison's XLSX to ``path`` (atomically)."""
    return write_sheet(comparison_sheet(comparison), path)
