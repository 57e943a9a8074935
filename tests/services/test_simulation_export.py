"""« Exporter pour la réunion »: the PDF's figures read back equal the table's, and the XLSX
holds the same numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from support.factories.costs import LONG_NAME, draft, make_key, make_service, seed_world

from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.scenarios import (
    Comparison,
    Join,
    KeyChoice,
    Leave,
    PartChoice,
    Scenario,
    difference_text,
)
from ptce_desktop.exchange.simulation import write_simulation_xlsx
from ptce_desktop.printing.simulation import write_simulation_pdf
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.simulation.simulation import SimulationService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
MONEY = re.compile(r"[+\-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*,\d{2}[\u00a0\u202f ]€")


def comparison(uow: UnitOfWork) -> Comparison:
    world = seed_world(uow, members=4)
    a, b, c, d = world.members
    key = make_key(uow, "units", {a: 120_500, b: 80_000, c: 45_000, d: 10_000})
    service = make_service(uow, key)
    CostService(uow).create_cost(draft(service, 1_234_567))
    CostService(uow).create_cost(
        draft(service, 98_765, start=D(2025, 7, 1), end=D(2025, 9, 30), label="Travaux & <co>")
    )
    simulation = SimulationService(uow)
    pole = simulation.load(2025, [service])
    return simulation.compare(
        pole,
        [
            Scenario(
                "30 % égal + 70 % m² — « l'€ » & <co>",
                key=KeyChoice(Method.MIXED, parts=(PartChoice(30), PartChoice(70, key))),
            ),
            Scenario(
                LONG_NAME[:80],
                joins=(Join("Nouvelle « asso » & <co>", D(2025, 7, 1), 60_000),),
                leaves=(Leave(d, D(2025, 3, 31)),),
            ),
            Scenario("Frais 6 %", fees={service: 600}),
        ],
    )


def expected_figures(found: Comparison) -> Counter[str]:
    """Every amount of the table as the PDF prints it (the real minus sign read back as -)."""
    figures: list[str] = []
    for row in found.rows:
        figures.append(format_money(row.today))
        for index in range(len(found.columns)):
            figures += [format_money(row.amounts[index]), difference_text(row.difference(index))]
    figures.append(format_money(found.today_total))
    for column in found.columns:
        figures += [format_money(column.total), difference_text(column.total - found.today_total)]
    return Counter(figures)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_pdf_figures_read_back_equal_the_table(uow: UnitOfWork, tmp_path: Path) -> None:
    found = comparison(uow)
    path = tmp_path / "réunion « et si » & <co>.pdf"
    pages = write_simulation_pdf(uow, found, path, generated_on=D(2026, 1, 15))
    assert 1 <= pages <= 2
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    every = "\n".join(page.extract_text() or "" for page in reader.pages)
    tokens = Counter(_plain(token) for token in MONEY.findall(every.replace("\u2212", "-")))
    expected = Counter({_plain(text): n for text, n in expected_figures(found).items()})
    missing = expected - tokens
    assert not missing, missing
    assert "Hypothèses" in every and "Gagne le plus" in every
    assert "Nouvelle « asso » & <co>" in every.replace("\n", " ")


def test_the_xlsx_holds_the_same_numbers(uow: UnitOfWork, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    found = comparison(uow)
    path = write_simulation_xlsx(found, tmp_path / "réunion & <co>.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header, *body = rows
    assert header[:3] == ["Membre", "Aujourd'hui", "1. 30 % égal + 70 % m² — « l'€ » & <co>"]
    assert len(body) == len(found.rows) + 1
    for row, sheet_row in zip(found.rows, body, strict=False):
        assert sheet_row[0] == row.name
        assert round(float(sheet_row[1]) * 100) == row.today
        for index in range(len(found.columns)):
            amount, difference = sheet_row[2 + 3 * index : 4 + 3 * index]
            assert round(float(amount) * 100) == row.amounts[index]
            assert round(float(difference) * 100) == row.difference(index)
    total = body[-1]
    assert total[0] == "Total" and round(float(total[1]) * 100) == found.today_total
    assert [round(float(total[2 + 3 * i]) * 100) for i in range(3)] == [
        c.total for c in found.columns
    ]
