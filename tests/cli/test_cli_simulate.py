"""``ptce-desktop simulate``: the shipped example runs on the demo, totals per column equal the
amounts split, a malformed scenario is one French line naming the field (exit 2)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.factories.demo import ServiceDemo, service_demo

from ptce_desktop.app import main
from ptce_desktop.domain.money import format_money, parse_money
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Cost, Share
from ptce_desktop.store.unit_of_work import UnitOfWork

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "scenario-demo.json"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored_total(path: Path, service_id: int, year: int) -> int:
    db = open_database(path, read_only=True)
    try:
        with UnitOfWork(db).read() as session:
            return (
                session.scalar(
                    select(func.sum(Share.cents))
                    .join(Cost, Cost.id == Share.cost_id)
                    .where(
                        Cost.service_id == service_id,
                        Cost.period_start.between(f"{year}-01-01", f"{year}-12-31"),
                    )
                )
                or 0
            )
    finally:
        db.close()


def amounts(line: str) -> list[int]:
    """The money cells of a table line (« 1 234,56 € », signed or not)."""
    cells = [cell.strip() for cell in line.split("  ") if cell.strip().endswith("€")]
    return [parse_money(cell.lstrip("+")) for cell in cells]


def test_the_shipped_example_runs_on_the_demo_and_columns_total_what_they_split(
    demo: ServiceDemo, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(demo.path.read_bytes()).hexdigest()
    code, out, err = run(
        capsys, "simulate", "--year", "2025", "--service", "1",
        "--scenario", str(EXAMPLE), "--db", str(demo.path),
    )  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert "Simulation 2025" in lines[0]
    total_line = next(line for line in lines if line.startswith("Total"))
    today, *columns = amounts(total_line)
    assert today == stored_total(demo.path, 1, 2025) > 0
    # per scenario: amount, difference; the three first split the same costs
    totals = columns[0::2]
    assert totals[:3] == [today, today, today]
    assert totals[3] > today  # a 5 % management fee on top
    rows = [line for line in lines[3 : lines.index(total_line)]]
    for index, total in enumerate([today, *totals]):
        column = 0 if index == 0 else 1 + 2 * (index - 1)
        assert sum(amounts(row)[column] for row in rows) == total
    assert "Coopérative « Les Jardins du Diois »" in out
    assert "Gagne le plus" in out and "Perd le plus" in out
    assert "Départ de Commune de Crest le 30/06/2025" in out
    assert hashlib.sha256(demo.path.read_bytes()).hexdigest() == before  # read-only


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ('{"name": "x", "joins": [{"name": "a", "date": "2025-13-01"}]}', "scenario.joins[0].date"),
        ('{"scenarios": [{"name": "ok"}, {"units": {"1": 2}}]}', "scenarios[1].name"),
        ('{"name": "x", "leaves": [{"member": 999, "date": "2025-06-30"}]}',
         "scenario.leaves[0].member"),
        ('{"name": "x", "budgets": {"42": 10}}', "scenario.budgets.42"),
        ('{"name": "x", "key": {"method": "mixed", "parts": [{"key": 777, "weight": 1}]}}',
         "scenario.key.parts[0].key"),
    ],
)  # fmt: skip
def test_a_malformed_scenario_names_the_field_in_french_exit_2(
    demo: ServiceDemo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    field: str,
) -> None:
    path = tmp_path / "scénario « cassé » & <co>.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(
        capsys, "simulate", "--year", "2025", "--service", "1",
        "--scenario", str(path), "--db", str(demo.path),
    )  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.startswith("ptce-desktop : Scénario")
    assert f"« {field} »" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_not_json_and_missing_file(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pas du json.json"
    path.write_text('{"name": "x",', encoding="utf-8")
    code, _out, err = run(
        capsys, "simulate", "--year", "2025", "--service", "1",
        "--scenario", str(path), "--db", str(demo.path),
    )  # fmt: skip
    assert code == 2 and "n'est pas un JSON valide" in err and "ligne 1" in err
    code, _out, err = run(
        capsys, "simulate", "--year", "2025", "--service", "1",
        "--scenario", str(tmp_path / "absent.json"), "--db", str(demo.path),
    )  # fmt: skip
    assert code == 2 and "absent.json" in err


def test_several_services_and_a_budget_year(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "égal.json"
    path.write_text(json.dumps([{"name": "Tout le monde pareil", "key": {"method": "equal"}}]))
    code, out, err = run(
        capsys, "simulate", "--year", "2026", "--service", "1", "--service", "3",
        "--scenario", str(path), "--db", str(demo.path),
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[0].endswith("(n° 3) — sur les charges réelles")
    total_line = next(line for line in out.splitlines() if line.startswith("Total"))
    today, total, difference = amounts(total_line)
    assert today == total and difference == 0
    assert format_money(today) in out


def test_out_writes_the_pdf_or_the_xlsx_and_refuses_other_formats(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("simulate", "--year", "2025", "--service", "1", "--scenario", str(EXAMPLE))
    pdf = tmp_path / "réunion « 2025 ».pdf"
    code, out, err = run(capsys, *base, "--out", str(pdf), "--db", str(demo.path))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and f"Écrit : {pdf}" in out
    xlsx = tmp_path / "réunion.xlsx"
    code, out, err = run(capsys, *base, "--out", str(xlsx), "--db", str(demo.path))
    assert code == 0, err
    assert xlsx.read_bytes().startswith(b"PK")
    code, out, err = run(capsys, *base, "--out", str(tmp_path / "r.odt"), "--db", str(demo.path))
    assert code == 2 and "r.odt" in err and "PDF" in err
