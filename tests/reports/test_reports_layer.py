"""The PDF layer stands on the documents' read models alone (DESIGN §5).

Importing any ``ptce_desktop.reports`` module, in a fresh interpreter, must not load
SQLAlchemy, the store, the services, the builders nor the printing job: a report is laid out
from a frozen read model and never opens a session.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ptce_desktop.reports

REPORTS_DIR = Path(ptce_desktop.reports.__file__).parent
MODULES = sorted(
    "ptce_desktop.reports" if path.stem == "__init__" else f"ptce_desktop.reports.{path.stem}"
    for path in REPORTS_DIR.glob("*.py")
)
FORBIDDEN = (
    "sqlalchemy",
    "ptce_desktop.store",
    "ptce_desktop.services",
    "ptce_desktop.documents.builders",
    "ptce_desktop.printing",
    "PySide6",
)

PROBE = """
import importlib, sys
importlib.import_module(sys.argv[1])
forbidden = sys.argv[2:]
loaded = sorted(
    name for name in sys.modules
    if any(name == root or name.startswith(root + ".") for root in forbidden)
)
print("\\n".join(loaded))
"""


def loaded_forbidden(module: str) -> list[str]:
    """The forbidden modules that importing ``module`` in a fresh interpreter loads."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module, *FORBIDDEN],
        capture_output=True,
        cwd=REPORTS_DIR.parents[1],
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


def test_every_report_module_is_probed() -> None:
    # The folder listing finds the modules; a rename must not empty the check.
    assert len(MODULES) >= 10
    assert "ptce_desktop.reports.cost_sharing" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_report_module_loads_no_store_nor_services(module: str) -> None:
    assert loaded_forbidden(module) == []


def test_the_probe_sees_a_forbidden_import() -> None:
    # A builder pulls SQLAlchemy and the services in: the probe must report them.
    found = loaded_forbidden("ptce_desktop.documents.builders.statement")
    assert "sqlalchemy" in found
    assert "ptce_desktop.services" in found
