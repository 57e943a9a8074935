"""``ptce-desktop simulate --year Y --service S [--service S2 …] --scenario FILE.json``:
« Et si… ? » from the command line — what each member pays today and under each scenario of
the file (format: README « Scénarios de simulation »), with a total per column.

Read-only: the file is opened read-only and nothing is written to it. A malformed scenario is
one French line naming the field (« scenarios[0].joins[1].date »), exit 2. ``--out`` writes
the comparison for the meeting as a PDF or an XLSX (from the extension).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.scenario_json import scenarios_from_json
from ptce_desktop.domain.scenarios import Comparison, difference_percent_text, difference_text

EXIT_OK = 0
NAME_WIDTH = 42


def add_simulate_parser(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    verb = verbs.add_parser(
        "simulate",
        help="« Et si… ? » : ce que chaque membre paierait selon d'autres clés, unités, "
        "entrées, départs, budgets ou frais (scénarios d'un fichier JSON)",
    )
    db_option(verb)
    verb.add_argument("--year", required=True, help="exercice, nommé par son année de début")
    verb.add_argument(
        "--service",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="service mutualisé simulé (répéter l'option pour plusieurs services)",
    )
    verb.add_argument(
        "--scenario", type=Path, required=True, metavar="FICHIER", help="scénarios (JSON)"
    )
    verb.add_argument(
        "--out", type=Path, default=None, metavar="FICHIER", help="écrire un PDF ou un XLSX"
    )
    verb.set_defaults(handler=run_simulate_verb)


def _read(path: Path) -> str:
    path = path.expanduser()
    if not path.is_file():
        raise PtceError("file_not_found", path=str(path))
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise PtceError("scenario_not_json", detail=f"pas de l'UTF-8 ({error.reason})") from None


def run_simulate_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import _parse_year, opened
    from ptce_desktop.services.simulation.simulation import SimulationService

    scenarios = scenarios_from_json(_read(args.scenario))
    year = _parse_year(args.year)
    assert year is not None  # --year is required
    with opened(args, write=False) as uow:
        service = SimulationService(uow)
        pole = service.load(year, args.service)
        comparison = service.compare(pole, scenarios)
        out: Path | None = args.out
        if out is not None:
            from ptce_desktop.cli.main import db_path_of

            if out.expanduser().absolute() == db_path_of(args):
                raise PtceError("report_over_database", path=str(out))
            if out.suffix.lower() == ".xlsx":
                from ptce_desktop.exchange.simulation import write_simulation_xlsx

                write_simulation_xlsx(comparison, out)
            elif out.suffix.lower() == ".pdf":
                from ptce_desktop.printing.simulation import write_simulation_pdf

                write_simulation_pdf(uow, comparison, out)
            else:
                raise PtceError("simulation_out_format", name=out.name)
    for line in table_lines(comparison):
        print(line)
    if out is not None:
        print(f"Écrit : {out}")
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table_lines(comparison: Comparison) -> list[str]:
    """The comparison as a text table: member, today, and per scenario its amount and the
    difference in € and in %; a total line; then each scenario's hypotheses and who gains
    and loses most."""
    services = ", ".join(f"{name} (n° {sid})" for sid, name in comparison.services)
    basis = "charges réelles" if comparison.basis.value == "costs" else "budgets"
    lines = [f"Simulation {comparison.year_label} — {services} — sur les {basis}", ""]
    header = [_cut("Membre", NAME_WIDTH).ljust(NAME_WIDTH), "Aujourd'hui".rjust(16)]
    for index, column in enumerate(comparison.columns, start=1):
        header += [
            _cut(f"{index}. {column.scenario.name}", 16).rjust(16),
            "Écart".rjust(15),
            "Écart %".rjust(10),
        ]
    lines.append("  ".join(header))
    for row in comparison.rows:
        cells = [_cut(row.name, NAME_WIDTH).ljust(NAME_WIDTH), format_money(row.today).rjust(16)]
        for index in range(len(comparison.columns)):
            bp = row.difference_bp(index)
            cells += [
                format_money(row.amounts[index]).rjust(16),
                difference_text(row.difference(index)).rjust(15),
                difference_percent_text(bp).rjust(10),
            ]
        lines.append("  ".join(cells))
    total = ["Total".ljust(NAME_WIDTH), format_money(comparison.today_total).rjust(16)]
    for column in comparison.columns:
        total += [
            format_money(column.total).rjust(16),
            difference_text(column.total - comparison.today_total).rjust(15),
            "".rjust(10),
        ]
    lines.append("  ".join(total))
    for index, column in enumerate(comparison.columns):
        lines += ["", f"{index + 1}. {column.scenario.name}"]
        lines += [f"   {text}" for text in column.hypotheses]
        gain, loss = comparison.extremes(index)
        if gain is not None:
            lines.append(
                f"   Gagne le plus : {gain.name} ({difference_text(gain.difference(index))})."
            )
        if loss is not None:
            lines.append(
                f"   Perd le plus : {loss.name} ({difference_text(loss.difference(index))})."
            )
    return lines
