"""Files are created whole or not at all (issue 12, item 7).

Before: ``demo`` killed midway left a half-built pole that ``check`` called sound and ``demo``
refused to replace; a new file killed during its migrations was left with half a schema.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import migrate
from ptce_desktop.store.database import building_path, open_database

CLI = "import sys; from ptce_desktop.app import main; sys.exit(main())"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, timeout=300
    )


def test_demo_killed_midway_leaves_no_file_and_can_be_run_again(tmp_path: Path) -> None:
    target = tmp_path / "démo « Drôme » & <co> l'€.sqlite3"
    building = building_path(target)
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "demo", "--db", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not building.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert building.exists(), "the demo is not built aside"
        time.sleep(3)  # well inside the build (members, keys, costs…)
        assert process.poll() is None, "the demo finished too soon to be killed midway"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert not target.exists()
    checked = _cli("check", "--db", str(target))
    assert checked.returncode != 0 and "introuvable" in checked.stderr

    again = _cli("demo", "--db", str(target))
    assert again.returncode == 0, again.stderr
    assert target.exists() and not building.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    checked = _cli("check", "--db", str(target))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Le fichier est sain." in checked.stdout


def test_demo_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "pôle & co.sqlite3"
    target.write_bytes(b"")
    done = _cli("demo", "--db", str(target))
    assert done.returncode == 2 and "existe déjà" in done.stderr
    assert target.read_bytes() == b""


def test_a_new_file_killed_during_its_migrations_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "nouveau pôle « été ».sqlite3"
    real_upgrade = migrate.upgrade

    def dies(engine: object) -> None:
        real_upgrade(engine)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # killed once the schema is half made (before naming it)

    monkeypatch.setattr(migrate, "upgrade", dies)
    with pytest.raises(KeyboardInterrupt):
        open_database(target)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    database = open_database(target)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    finally:
        database.close()
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x50544345
    finally:
        connection.close()


def test_a_new_file_never_overwrites_one_that_appeared(tmp_path: Path) -> None:
    from ptce_desktop.store.database import publish

    built = tmp_path / "construit.sqlite3"
    built.write_bytes(b"new")
    there = tmp_path / "déjà là.sqlite3"
    there.write_bytes(b"old")
    with pytest.raises(PtceError) as caught:
        publish(built, there)
    assert caught.value.code == "file_exists" and there.read_bytes() == b"old"


def test_a_report_that_fails_midway_leaves_no_half_pdf_and_keeps_the_old_one(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.app import main
    from ptce_desktop.printing import jobs

    def half_then_dies(_uow: object, _request: object, target: Path, **_: object) -> int:
        Path(target).write_bytes(b"%PDF-1.4 half a report")
        raise RuntimeError("killed while laying out page 3")

    monkeypatch.setattr(jobs, "build_report", half_then_dies)
    out = tmp_path / "rapport « 2025 » & co.pdf"
    out.write_bytes(b"%PDF-1.4 the report printed last week")
    code = main(["--db", str(db_path), "report", "activity", "--year", "2025", "--out", str(out)])
    assert code == 2
    assert out.read_bytes() == b"%PDF-1.4 the report printed last week"
    assert not any(path.name.endswith(".en-cours") for path in tmp_path.iterdir())
    fresh = tmp_path / "nouveau.pdf"
    again = ["--db", str(db_path), "report", "activity", "--year", "2025", "--out", str(fresh)]
    assert main(again) == 2
    assert not fresh.exists()
