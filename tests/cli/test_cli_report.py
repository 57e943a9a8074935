"""``ptce-desktop report KIND``: a PDF of the demo pole for each kind; missing ids listed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.factories.demo import ServiceDemo, service_demo

from ptce_desktop.app import main
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("activity", (), "Rapport d'activité"),
        ("redistribution", (), "Rapport de redistribution"),
        ("cost-sharing", (), "Répartition des charges"),
        ("statement", ("--member", "9"), "Établissements Dupont & Fils"),
        ("cerfa-15059", ("--grant", "1"), "Cerfa"),
        ("crf-bundle", ("--grant", "1"), "Rapport d'activité"),
    ],
)
def test_each_kind_writes_a_pdf(
    demo: ServiceDemo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    extra: tuple[str, ...],
    expected: str,
) -> None:
    out = tmp_path / f"{kind} é.pdf"
    code, stdout, err = run(
        capsys, "report", kind, "--db", str(demo.path), "--year", "2025", "--out", str(out), *extra
    )
    assert code == 0, err
    assert str(out) in stdout
    pages = len(PdfReader(out).pages)
    assert f"({pages} page" in stdout
    assert expected.lower() in text_of(out).lower()


def test_cost_sharing_total_is_the_summary_total(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "repartition"
    code, _stdout, err = run(
        capsys,
        "--db",
        str(demo.path),
        "report",
        "cost-sharing",
        "--year",
        "2025",
        "--out",
        str(out),
    )
    assert code == 0, err
    written = out.with_name("repartition.pdf")  # the extension is added
    database = open_database(demo.path, read_only=True)
    try:
        summary = SummaryService(UnitOfWork(database)).year_summary(2025)
    finally:
        database.close()
    assert summary.shares_cents == summary.costs_split_cents
    assert format_money(summary.shares_cents).replace("\u00a0", " ") in text_of(written).replace(
        "\u00a0", " "
    )


def test_a_missing_id_lists_the_existing_ones(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        "report",
        "cerfa-15059",
        "--db",
        str(demo.path),
        "--year",
        "2025",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2
    assert err.startswith("ptce-desktop : Indiquez --grant parmi : ")
    assert "Animation et développement du PTCE" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["report", "bilan"])
    assert exited.value.code == 2
    assert "bilan" in capsys.readouterr().err


def test_the_report_never_overwrites_the_database(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "base.pdf"  # a database whose name looks like a PDF
    shutil.copyfile(demo.path, odd)
    before = odd.read_bytes()
    code, _out, err = run(capsys, "report", "activity", "--db", str(odd), "--out", str(odd))
    assert code == 2
    assert "ne peut pas être écrit sur le fichier de la base" in err
    assert odd.read_bytes() == before
