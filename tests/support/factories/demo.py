"""The demo pole built once per test session (building takes seconds), shared by the demo,
summary and CLI tests: once through :func:`build_demo`, once through ``ptce-desktop demo``.

Tests only read these files; a test that writes copies the file first (:func:`copy_demo`).
"""

from __future__ import annotations

import io
import shutil
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from ptce_desktop.demo.build import DemoSummary, build_demo
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ServiceDemo:
    path: Path
    summary: DemoSummary
    seconds: float
    progress: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class CliDemo:
    path: Path
    code: int
    out: str
    err: str


_BUILT: dict[str, ServiceDemo | CliDemo] = {}


def service_demo(factory: pytest.TempPathFactory) -> ServiceDemo:
    if "service" not in _BUILT:
        path = factory.mktemp("démo-service") / "démo & <pôle>.sqlite3"
        steps: list[tuple[int, int]] = []
        database = open_database(path)
        try:
            started = time.perf_counter()
            summary = build_demo(
                UnitOfWork(database), progress=lambda done, total: steps.append((done, total))
            )
            seconds = time.perf_counter() - started
        finally:
            database.close()
        _BUILT["service"] = ServiceDemo(path, summary, seconds, tuple(steps))
    built = _BUILT["service"]
    assert isinstance(built, ServiceDemo)
    return built


def cli_demo(factory: pytest.TempPathFactory) -> CliDemo:
    from ptce_desktop.app import main

    if "cli" not in _BUILT:
        path = factory.mktemp("démo-cli") / "demo l'€.sqlite3"
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["demo", "--db", str(path)])
        _BUILT["cli"] = CliDemo(path, code, out.getvalue(), err.getvalue())
    built = _BUILT["cli"]
    assert isinstance(built, CliDemo)
    return built


def copy_demo(source: Path, folder: Path) -> Path:
    target = folder / "copie de la démo.sqlite3"
    shutil.copyfile(source, target)
    return target
