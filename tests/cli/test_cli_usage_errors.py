"""A bad command line is one French line on stderr and exit status 2, like every error."""

from __future__ import annotations

import pytest

from ptce_desktop.app import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "bilan"], "argument TYPE : choix invalide 'bilan' (possibles : 'activity'"),
        (["report", "activity", "--grant", "x"], "argument --grant : valeur invalide 'x'"),
        (["check", "--nope"], "arguments non reconnus : --nope"),
        (["report"], "arguments obligatoires manquants : TYPE"),
        (["--lang", "de"], "argument --lang : choix invalide 'de'"),
    ],
)
def test_usage_errors_are_one_french_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("ptce-desktop : ") and expected in err
    assert err.count("\n") == 1 and "usage:" not in err and "error:" not in err
