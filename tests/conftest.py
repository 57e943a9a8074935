"""Shared fixtures: every folder goes to tmp_path, Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Reproducible PDFs: a fixed creation date in their metadata (reports/base.py).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-benchmarks",
        action="store_true",
        default=False,
        help="run the benchmarks (tests/benchmarks, @pytest.mark.benchmark); skipped otherwise",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks are collected always but skipped unless ``--run-benchmarks`` is given."""
    if config.getoption("--run-benchmarks"):
        return
    benchmarks = Path(__file__).parent / "benchmarks"
    skip = pytest.mark.skip(reason="benchmark: run with --run-benchmarks")
    for item in items:
        if item.get_closest_marker("benchmark") or benchmarks in Path(item.path).parents:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A test never touches the user's real data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("PTCE_DATA_DIR", str(home / "ptce-data"))
    runtime = Path(home / "runtime")
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated empty database per test run; tests get a copy (migrating is the slow part)."""
    from ptce_desktop.store.database import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, _template_db: Path) -> Path:
    """The demo pole, built once per run through the services (a few seconds). Shared: open
    it read-only, or copy it before writing."""
    import shutil

    from ptce_desktop.demo.build import build_demo
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.unit_of_work import UnitOfWork

    path = tmp_path_factory.mktemp("démo") / "démo & <pôle> l'€.sqlite3"
    shutil.copyfile(_template_db, path)
    db = open_database(path)
    try:
        build_demo(UnitOfWork(db))
    finally:
        db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, _template_db: Path) -> Path:
    """A fresh, migrated, empty database file in ``tmp_path``."""
    import shutil

    target = tmp_path / "pôle test.sqlite3"
    shutil.copyfile(_template_db, target)
    return target


@pytest.fixture
def database(db_path: Path) -> Iterator[Any]:
    from ptce_desktop.store.database import open_database

    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def uow(database: Any) -> Any:
    """A UnitOfWork over a fresh migrated database."""
    from ptce_desktop.store.unit_of_work import UnitOfWork

    return UnitOfWork(database)
