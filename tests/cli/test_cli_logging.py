"""The CLI writes the window's log file; an unexpected error is one line naming it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ptce_desktop import __version__
from ptce_desktop.app import main
from ptce_desktop.cli import main as cli_main
from ptce_desktop.logs import LOG_FILE_NAME, default_log_dir

BUG = "boum « é » & <balise> l'€\nseconde ligne " + "x" * 300


def _log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (default_log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_the_log_folder_is_the_tests_own(_log_folder: Path) -> None:
    assert default_log_dir().is_relative_to(_log_folder)


def test_a_verb_writes_the_log_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db_path), "summary"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "Exercice" in out
    text = _log_text()
    assert f"ptce-desktop {__version__}: summary" in text
    assert f"opened {db_path} (read-only)" in text  # through the one door


def test_a_known_error_is_logged_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "pôle absent & <co'op> €.sqlite3"
    code = main(["--db", str(missing), "summary"])
    err = capsys.readouterr().err
    assert code == 2 and err == f"ptce-desktop : Le fichier {missing} est introuvable.\n"
    text = _log_text()
    assert "known error file_not_found" in text and "Traceback" not in text


def _raise(_args: object) -> int:
    raise RuntimeError(BUG)


def test_an_unexpected_error_is_one_line_and_the_traceback_goes_to_the_log(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_main, "_check", _raise)
    code = main(["check", "--db", str(db_path)])
    out, err = capsys.readouterr()
    log_file = default_log_dir() / LOG_FILE_NAME
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("ptce-desktop : erreur inattendue (RuntimeError) : boum « é » & <balise>")
    assert "seconde ligne" in err  # the exception's own words, on the same line
    assert err.endswith(f"Le détail est dans le journal {log_file}.\n")
    text = _log_text()
    assert "unexpected error in check" in text
    assert "Traceback (most recent call last)" in text and "in _raise" in text
    assert "RuntimeError: boum « é » & <balise> l'€" in text


def test_an_unwritable_log_folder_still_gives_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "pas un dossier"
    blocker.write_text("un fichier, pas un dossier", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    monkeypatch.setattr(cli_main, "_check", _raise)
    code = main(["check", "--db", str(tmp_path / "x.sqlite3")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "erreur inattendue (RuntimeError)" in err and "Le journal n'a pas pu être écrit" in err


def test_no_traceback_reaches_the_terminal_of_a_real_process(tmp_path: Path) -> None:
    """Outside pytest (whose handlers catch records), logging must not fall back to stderr."""
    script = (
        "import sys\n"
        "from ptce_desktop.cli import main as cli\n"
        "def bug(_args):\n"
        "    raise RuntimeError('boum « é » & <balise>')\n"
        "cli._check = bug\n"
        "from ptce_desktop.app import main\n"
        "sys.exit(main(['check', '--db', sys.argv[1]]))\n"
    )
    state = tmp_path / "état"
    environment = {**os.environ, "XDG_STATE_HOME": str(state), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "pôle.sqlite3")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=60,
        check=False,
    )
    log_file = state / "ptce-desktop" / "log" / LOG_FILE_NAME
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert str(log_file) in done.stderr
    assert "Traceback (most recent call last)" in log_file.read_text(encoding="utf-8")
