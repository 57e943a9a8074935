"""The read models are plain data (DESIGN §5): a ``ptce_desktop.documents`` module outside
``builders`` imports only ``domain`` and the standard library, so the PDF layer that prints
them never pulls the database in.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ptce_desktop.documents

DOCUMENTS_DIR = Path(ptce_desktop.documents.__file__).parent
MODULES = sorted(
    "ptce_desktop.documents" if path.stem == "__init__" else f"ptce_desktop.documents.{path.stem}"
    for path in DOCUMENTS_DIR.glob("*.py")
)
PROBE = """
import importlib, sys
before = set(sys.modules)
importlib.import_module(sys.argv[1])

def outside(name):
    root = name.split(".")[0]
    if root in ("sqlalchemy", "reportlab", "PySide6"):
        return True
    if root != "ptce_desktop" or name == "ptce_desktop":
        return False
    if name.startswith("ptce_desktop.documents.builders"):
        return True
    return not name.startswith(("ptce_desktop.domain", "ptce_desktop.documents"))

print("\\n".join(sorted(name for name in set(sys.modules) - before if outside(name))))
"""


def loaded_outside(module: str) -> list[str]:
    """What importing ``module`` in a fresh interpreter loads beyond domain and stdlib."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module],
        capture_output=True,
        cwd=DOCUMENTS_DIR.parents[1],
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


def test_every_read_model_is_probed() -> None:
    assert {"ptce_desktop.documents.cerfa", "ptce_desktop.documents.statement"} <= set(MODULES)
    assert len(MODULES) >= 6


@pytest.mark.parametrize("module", MODULES)
def test_read_model_loads_only_domain(module: str) -> None:
    assert loaded_outside(module) == []


def test_the_probe_sees_a_builder() -> None:
    found = loaded_outside("ptce_desktop.documents.builders.cost_sharing")
    assert "sqlalchemy" in found
    assert "ptce_desktop.store" in found
    assert "ptce_desktop.documents.builders.cost_sharing" in found
