"""Run a scenario as a user without privileges, so that file permissions mean something.

As root, ``os.access`` says yes to everything and a read-only file or folder can be written:
the scenario runs in a subprocess that imports what it needs while still root (the interpreter
may live where ``nobody`` cannot read), then drops to ``nobody`` with ``os.setuid`` before it
touches the files. Run by an ordinary user, it runs as that user. The scenario prints one JSON
line, returned as a dict.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534

PRELUDE = """
import json, os, sqlite3, sys
from pathlib import Path
import ptce_desktop.app
import ptce_desktop.cli.main
import ptce_desktop.cli.backups
import ptce_desktop.logs
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.opening import open_pole_file
from ptce_desktop.store.backup import create_backup, verify_backup
import ptce_desktop.cli.summary
import ptce_desktop.cli.imports
import ptce_desktop.exchange.apply
import ptce_desktop.exchange.prepare
import encodings.idna, json.decoder
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(%(uid)d)
    os.setuid(%(uid)d)
"""


def as_root() -> bool:
    return os.geteuid() == 0


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder the unprivileged user can reach (pytest's tmp_path is root's, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="ptce-droits-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def give(path: Path) -> Path:
    """Make ``path`` belong to the unprivileged user (as root; otherwise it already does)."""
    if as_root():
        os.chown(path, NOBODY, NOBODY)
    return path


def run_unprivileged(scenario: str, *args: str, env: dict[str, str] | None = None) -> dict:
    """Run ``scenario`` (Python, after :data:`PRELUDE`) without privileges; its JSON line."""
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("POSIX permissions only")
    code = PRELUDE % {"uid": NOBODY} + textwrap.dedent(scenario)
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd="/tmp",
    )
    if done.returncode != 0 and "Operation not permitted" in done.stderr:
        pytest.skip("cannot drop privileges here (os.setuid refused): " + done.stderr[-200:])
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    result: dict = json.loads(lines[-1])
    result["stderr"] = done.stderr
    return result
