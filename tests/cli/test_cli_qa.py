"""QA of the command line as a coordinator types it (README's examples, odd ``--out``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.factories.demo import ServiceDemo, service_demo

from ptce_desktop.app import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_takes_db_after_the_verb_as_the_readme_shows(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", "--db", str(db_path))
    assert code == 0, err
    assert "Le fichier est sain." in out


def test_backup_takes_db_after_the_verb_as_the_readme_shows(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "backup", "--db", str(db_path))
    assert code == 0, err
    assert "Sauvegarde vérifiée" in out
    code, out, err = run(capsys, "backup", "--list", "--db", str(db_path))
    assert code == 0, err
    assert "1 sauvegarde, vérifiée." in out


def test_report_out_into_an_existing_folder_writes_inside_it(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rapports"
    folder.mkdir()
    code, out, err = run(
        capsys, "report", "activity", "--db", str(demo.path), "--year", "2025", "--out", str(folder)
    )
    assert code == 0, err
    assert not (tmp_path / "rapports.pdf").exists()
    written = list(folder.glob("*.pdf"))
    assert len(written) == 1
    assert str(written[0]) in out


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """``ptce-desktop summary | head``: the reader closing the pipe is no unexpected error."""
    import argparse

    from ptce_desktop.cli.main import EXIT_OK, run

    def closed_pipe(args: argparse.Namespace) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    code = run(argparse.Namespace(command="summary", handler=closed_pipe))
    _, err = capfd.readouterr()
    assert code == EXIT_OK
    assert "erreur inattendue" not in err
