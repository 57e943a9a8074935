"""``ptce-desktop demo`` and ``summary``: French output, refusals, one line per error."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from support.factories.demo import CliDemo, cli_demo

from ptce_desktop.app import main
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.unit_of_work import UnitOfWork

AMOUNT = re.compile(r"-?\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0€")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> CliDemo:
    return cli_demo(tmp_path_factory)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("ptce-desktop : ")
    return err


# --- demo -------------------------------------------------------------------------------------


def test_demo_prints_what_it_built(demo: CliDemo) -> None:
    assert demo.code == 0, demo.err
    assert demo.err == ""
    assert f"Démonstration créée : {demo.path}" in demo.out
    assert "Pôle Coopératif Drôme-Vercors" in demo.out
    assert "17 membres" in demo.out and "8 services mutualisés" in demo.out
    assert "Exercice clôturé : 2024" in demo.out
    assert "summary --year 2025" in demo.out
    assert len(AMOUNT.findall(demo.out)) >= 10
    assert demo.path.exists()


def test_summary_of_the_demo(demo: CliDemo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo.path), "summary", "--year", "2025")
    assert code == 0, err
    assert err == ""
    for heading in (
        "Pôle Coopératif Drôme-Vercors",
        "Exercice 2025 (du 01/01/2025 au 31/12/2025)",
        "Membres par catégorie",
        "Éligibilité PTCE : oui",
        "Charges par service",
        "Quote-part de chaque membre",
        "Appels de fonds et règlements",
        "Subventions",
        "Établissements Dupont & Fils",
        "exonérée 261 B",
    ):
        assert heading in out, heading
    database = open_database(demo.path, read_only=True)
    try:
        summary = SummaryService(UnitOfWork(database)).year_summary(2025)
    finally:
        database.close()
    total = format_money(summary.costs_split_cents)
    assert f"Total des charges réparties : {total}" in out
    assert (
        f"Total des quotes-parts : {total} — égal au total des charges réparties ({total})" in out
    )
    assert format_money(summary.outstanding_cents) in out
    assert format_money(summary.remaining_cents) in out
    assert "Aucune donnée" not in out
    widths = {len(line) for line in out.splitlines() if line.startswith("  ---")}
    assert widths  # aligned tables have their rule lines


def test_summary_options_after_the_verb_and_empty_year(
    demo: CliDemo, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "summary", "--db", str(demo.path), "--year", "2019")
    assert code == 0, err
    assert "Exercice 2019" in out
    assert out.count("Aucune donnée.") == 4  # costs, shares, calls, grants


def test_summary_defaults_to_the_current_year(
    demo: CliDemo, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    code, out, err = run(capsys, "--db", str(demo.path), "summary")
    assert code == 0, err
    year = dt.date.today().year  # the demo pole's fiscal years start in January
    assert f"Exercice {year} (du 01/01/{year} au 31/12/{year})" in out


def test_demo_refused_without_db(capsys: pytest.CaptureFixture[str]) -> None:
    from ptce_desktop.store.paths import default_db_path

    code, out, err = run(capsys, "demo")
    assert code == 2 and out == ""
    assert "--db" in one_error_line(err)
    assert not default_db_path().exists()


def test_demo_refused_on_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mes données & <vraies>.sqlite3"
    path.write_bytes(b"precious")
    code, _out, err = run(capsys, "--db", str(path), "demo")
    assert code == 2
    assert "existe déjà" in one_error_line(err)
    assert path.read_bytes() == b"precious"


def test_demo_refused_read_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    code, _out, err = run(capsys, "--read-only", "--db", str(path), "demo")
    assert code == 2 and "lecture seule" in one_error_line(err)
    assert not path.exists()


def test_demo_refused_on_a_locked_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    with DatabaseLock(path, program="un autre programme"):
        code, _out, err = run(capsys, "demo", "--db", str(path))
    assert code == 2
    assert "déjà ouvert" in one_error_line(err)
    assert not path.exists()


def test_a_failed_demo_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ptce_desktop.demo.build as demo_module
    from ptce_desktop.services.pole.pole import PoleService

    def half_built(uow: UnitOfWork, **_: object) -> None:
        PoleService(uow).create_pole("À moitié construit")
        raise PtceError("database_error", detail="disque plein")

    monkeypatch.setattr(demo_module, "build_demo", half_built)
    path = tmp_path / "demo.sqlite3"
    code, out, err = run(capsys, "--db", str(path), "demo")
    assert code == 2 and out == ""
    assert "disque plein" in one_error_line(err)
    assert not path.exists()
    assert not (tmp_path / "demo.sqlite3-wal").exists()
    assert not (tmp_path / "demo-justificatifs").exists()


# --- summary errors ---------------------------------------------------------------------------


def test_summary_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "absent & <perdu>.sqlite3"
    code, out, err = run(capsys, "--db", str(path), "summary", "--year", "2025")
    assert code == 2 and out == ""
    assert "introuvable" in one_error_line(err)
    assert not path.exists()


def test_summary_on_a_foreign_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tableur.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    code, _out, err = run(capsys, "--db", str(path), "summary")
    assert code == 2
    assert "n'est pas une base PTCE Desktop" in one_error_line(err)


@pytest.mark.parametrize("year", ["deux-mille", "25", "1800", "2025/2027"])
def test_summary_bad_year(demo: CliDemo, capsys: pytest.CaptureFixture[str], year: str) -> None:
    code, out, err = run(capsys, "--db", str(demo.path), "summary", "--year", year)
    assert code == 2 and out == ""
    assert "Exercice invalide" in one_error_line(err)
