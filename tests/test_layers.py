"""The core never imports Qt (DESIGN.md §5): a fresh interpreter proves it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import ptce_desktop

NON_UI_PACKAGES = ("domain", "store", "services", "reports", "exchange")


def _non_ui_modules() -> list[str]:
    root = Path(ptce_desktop.__file__).parent
    names = ["ptce_desktop.cli.main"] if (root / "cli.py").exists() else []
    for package in NON_UI_PACKAGES:
        names.append(f"ptce_desktop.{package}")
        for info in pkgutil.walk_packages([str(root / package)], prefix=f"ptce_desktop.{package}."):
            if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
                continue  # Alembic loads these itself, inside its own context
            names.append(info.name)
    return names


def test_non_ui_packages_do_not_load_pyside6() -> None:
    modules = _non_ui_modules()
    assert "ptce_desktop.domain.errors" in modules
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


def test_domain_imports_nothing_else_of_ours() -> None:
    root = Path(ptce_desktop.__file__).parent / "domain"
    offenders = []
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("from ptce_desktop.", "import ptce_desktop.")) and not (
                stripped.startswith(("from ptce_desktop.domain", "import ptce_desktop.domain"))
            ):
                offenders.append(f"{path.name}: {stripped}")
    assert offenders == []
