"""The « Simulation — Et si… ? » PDF for a meeting: hypotheses written out, the comparison
table (today and each scenario, the difference in € and in %, a total per column) and a chart
of the differences per member for each scenario. Landscape A4, one or two pages.

Built only from :class:`~ptce_desktop.documents.simulation.SimulationData`: every figure is the
comparison's own, so the PDF reads back exactly what the page and the CLI show.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ptce_desktop.documents.simulation import SimulationData
from ptce_desktop.domain.scenarios import Comparison, difference_percent_text, difference_text
from ptce_desktop.reports.base import Target, build_pdf
from ptce_desktop.reports.charts import bar_chart
from ptce_desktop.reports.flowables import (
    Cell,
    bold,
    escape_markup,
    heading,
    markup_para,
    money_cell,
    para,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import CONTENT_WIDTH_LANDSCAPE, get_styles
from ptce_desktop.reports.tables import CellValue, data_table

__all__ = ["TITLE", "build_simulation_report"]

TITLE = "Simulation de répartition — « Et si… ? »"
INTRO = (
    "Ce que chaque membre paierait selon chaque scénario, comparé à ce qu'il paie aujourd'hui. "
    "Les montants sont calculés par le même moteur que les quotes-parts et les appels de fonds "
    "(au centime, reste au plus fort reste) ; le total de chaque colonne est égal au montant "
    "réparti. Document de travail : rien n'est modifié dans les comptes du pôle."
)
#: Bars per chart: the largest differences, the others summed as « Autres ».
CHART_BARS = 8


def build_simulation_report(
    model: SimulationData, target: Target, *, generated_on: date | None = None
) -> int:
    """Write the comparison to ``target``; returns the number of pages."""
    comparison = model.comparison
    subtitle = (
        f"Exercice {comparison.year_label} — {model.services_text} — sur les {model.basis_text}"
    )
    return build_pdf(
        target,
        title=f"Simulation — {comparison.year_label}",
        subject=subtitle,
        pole_name=model.pole_name,
        story=_story(model, subtitle),
        logo_path=model.logo_path,
        generated_on=generated_on,
        landscape=True,
    )


def _story(model: SimulationData, subtitle: str) -> list[Flowable]:
    comparison = model.comparison
    story: list[Flowable] = [*title_block(TITLE, subtitle), para(INTRO), spacer(2)]
    story += _table(comparison)
    story += _scenarios(comparison)
    return story


def table_header(comparison: Comparison) -> list[str]:
    header = ["Membre", "Aujourd'hui"]
    for index in range(1, len(comparison.columns) + 1):
        header += [f"Scénario {index}", f"Écart {index} (€ / %)"]
    return header


def _difference_cell(cents: int, basis_points: int | None, *, bold: bool = False) -> Flowable:
    """The difference in € over the difference in % (one cell, right-aligned)."""
    styles = get_styles()
    money = escape_markup(_typographic(difference_text(cents)))
    percent = escape_markup(_typographic(difference_percent_text(basis_points)))
    text = money if basis_points is None and bold else f"{money}<br/>{percent}"
    return markup_para(text, styles.cell_bold_right if bold else styles.cell_right)


def _table(comparison: Comparison) -> list[Flowable]:
    rows: list[list[CellValue]] = []
    for row in comparison.rows:
        cells: list[CellValue] = [Cell(row.name), money_cell(row.today)]
        for index in range(len(comparison.columns)):
            cells += [
                money_cell(row.amounts[index]),
                _difference_cell(row.difference(index), row.difference_bp(index)),
            ]
        rows.append(cells)
    totals: list[CellValue] = [bold("Total"), money_cell(comparison.today_total, bold=True)]
    for column in comparison.columns:
        totals += [
            money_cell(column.total, bold=True),
            _difference_cell(column.total - comparison.today_total, None, bold=True),
        ]
    widths = [3.0, 1.3] + [1.3, 1.3] * len(comparison.columns)
    return data_table(
        table_header(comparison),
        rows,
        widths,
        totals_row=totals,
        width=CONTENT_WIDTH_LANDSCAPE,
    )


def _hypotheses(comparison: Comparison, index: int) -> Flowable:
    column = comparison.columns[index]
    lines = [f"• {escape_markup(text)}" for text in column.hypotheses]
    gain, loss = comparison.extremes(index)
    if gain is not None:
        gained = _typographic(difference_text(gain.difference(index)))
        lines.append(f"• Gagne le plus : {escape_markup(gain.name)} ({gained}).")
    if loss is not None:
        lost = difference_text(loss.difference(index))
        lines.append(f"• Perd le plus : {escape_markup(loss.name)} ({lost}).")
    return markup_para("<br/>".join(lines), get_styles().small)


def _typographic(text: str) -> str:
    """The real minus sign, as every amount of the documents prints it."""
    return text.replace("-", "\u2212")


def _short(name: str, limit: int = 30) -> str:
    """A member's name on one line of a chart (the table above has it whole)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _scenarios(comparison: Comparison) -> list[Flowable]:
    """Per scenario: its hypotheses written out, who gains and loses most, and the chart of
    the differences per member; two scenarios side by side."""
    if not comparison.columns:
        return []
    styles = get_styles()
    gap = 14.0
    width = (CONTENT_WIDTH_LANDSCAPE - gap) / 2
    cells: list[list[Flowable]] = []
    for index, column in enumerate(comparison.columns):
        items = [
            (_short(row.name), row.difference(index))
            for row in sorted(comparison.rows, key=lambda r: r.difference(index))
            if row.difference(index) != 0
        ]
        cells.append(
            [
                para(f"{index + 1}. {column.scenario.name}", styles.h2),
                _hypotheses(comparison, index),
                spacer(3),
                bar_chart(
                    items,
                    value_format=lambda cents: _typographic(difference_text(cents)),
                    width=width,
                    max_bars=CHART_BARS,
                    empty_text="Aucun écart : chaque membre paie la même chose.",
                ),
            ]
        )
    grid: list[list[list[Flowable] | str]] = []
    for start in range(0, len(cells), 2):
        pair: list[list[Flowable] | str] = list(cells[start : start + 2])
        pair += [""] * (2 - len(pair))
        grid.append(pair)
    table = Table(grid, colWidths=[width + gap / 2, width + gap / 2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [
        spacer(6),
        KeepTogether([heading("Hypothèses et écarts par scénario", 2), table]),
    ]
