"""The layer rules of ptce_desktop/README.md, checked three ways.

1. ``lint-imports`` (import-linter, contracts in pyproject.toml): layers, reports without the
   store, pages and widgets without the store, Qt only in ``ui``, a pure ``domain``.
2. No relative imports anywhere in the package: every import names its module in full, so
   ``git grep`` finds every user of a module and the contracts read as the code does.
3. A fresh interpreter importing every non-UI module loads no Qt (the contracts see imports in
   the source; this sees what really runs).
"""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ptce_desktop

ROOT = Path(ptce_desktop.__file__).parent
PROJECT = ROOT.parent
NON_UI_PACKAGES = (
    "domain",
    "store",
    "services",
    "documents",
    "reports",
    "printing",
    "exchange",
    "demo",
    "cli",
)


def _lint_imports() -> str:
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert script, "lint-imports is not installed (uv sync installs the dev group)"
    return script


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [_lint_imports(), "--no-cache"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_lint_imports_reports_a_broken_layer(tmp_path: Path) -> None:
    """The contracts can fail: a lower layer importing a higher one is caught."""
    package = tmp_path / "pole_demo"
    (package / "domain").mkdir(parents=True)
    (package / "ui").mkdir()
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "window.py").write_text("TITLE = 'Coopérative « L’Éclair » & <co>'\n")
    (package / "domain" / "__init__.py").write_text("")
    (package / "domain" / "money.py").write_text("from pole_demo.ui.window import TITLE\n")
    (tmp_path / ".importlinter").write_text(
        textwrap.dedent(
            """
            [importlinter]
            root_package = pole_demo

            [importlinter:contract:layers]
            name = Layers
            type = layers
            layers =
                pole_demo.ui
                pole_demo.domain
            """
        )
    )
    result = subprocess.run(
        [_lint_imports(), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "pole_demo.domain.money -> pole_demo.ui.window" in result.stdout


def test_no_relative_imports() -> None:
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        offenders += [
            f"{path.relative_to(ROOT)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level > 0
        ]
    assert offenders == []


def _non_ui_modules() -> list[str]:
    names = []
    for package in NON_UI_PACKAGES:
        if not (ROOT / package).is_dir():
            continue
        names.append(f"ptce_desktop.{package}")
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"ptce_desktop.{package}."):
            if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
                continue  # Alembic loads these itself, inside its own context
            names.append(info.name)
    return names


@pytest.mark.slow
def test_non_ui_packages_do_not_load_pyside6() -> None:
    modules = _non_ui_modules()
    assert {"ptce_desktop.domain.errors", "ptce_desktop.printing.jobs"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout}"
