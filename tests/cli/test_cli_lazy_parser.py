"""Building the command line's parser imports no service, SQLAlchemy nor report machinery
(issue 18 item 5: every verb paid ~0.5 s for them); choices are still checked, in French."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ptce_desktop.app import main

HEAVY = ("sqlalchemy", "reportlab", "ptce_desktop.services", "ptce_desktop.store",
         "ptce_desktop.documents", "ptce_desktop.reports", "ptce_desktop.printing",
         "PySide6")  # fmt: skip


def test_the_parser_imports_nothing_heavy() -> None:
    code = (
        "import sys, json; from ptce_desktop.cli import main; main.build_parser(); "
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = json.loads(done.stdout)
    assert not [m for m in loaded if m.startswith(HEAVY)]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "bilan « 2025 » & <co>"], "choix invalide"),
        (["export", "tableau-inconnu"], "choix invalide"),
    ],
)
def test_lazy_choices_still_refuse_an_unknown_kind(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "'activity'" in err if argv[0] == "report" else expected in err
