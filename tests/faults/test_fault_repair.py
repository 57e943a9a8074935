"""Repair (issue 12, item 6): a damaged file is rebuilt from what SQLite can still read.

Before: a file with one damaged index page was declared damaged and the only advice was to
restore the last backup, losing what came after, though every row could still be read.
The damage is made by zeroing one page of a copy: the root page of an index, or the last leaf
page of a table (from ``PRAGMA page_size`` and ``sqlite_master.rootpage``).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support.faults_world import build_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.typography import counted
from ptce_desktop.services.pole.repair import repair_file
from ptce_desktop.store.opening import open_pole_file

CLI = "import sys; from ptce_desktop.app import main; sys.exit(main())"
NAMES = ["Régie « Côté Cour » & Fils", "L'Atelier <vélo> à 5 €", "Coopérative " + "très " * 30]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def pole(db_path: Path) -> Path:
    """A pole with members, a key, a service, costs split, calls, a payment and a grant, plus
    400 more members written straight into the file so that its tables span many pages."""
    with open_pole_file(db_path) as opened:
        build_world(opened.uow, NAMES)
    connection = sqlite3.connect(db_path)
    try:
        connection.executemany(
            "INSERT INTO members (name, category, qpv) VALUES (?, 'other', 0)",
            [(f"Membre n° {i} & <co> l'€ " + "é" * 150,) for i in range(400)],
        )
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in (".lock", ".lock.info"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    return db_path


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(
                f'SELECT * FROM "{table}" NOT INDEXED ORDER BY rowid'
            ).fetchall()
            for table in tables
        }
    finally:
        connection.close()


def _page(path: Path, name: str) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
    finally:
        connection.close()
    return int(size), int(root)


def _last_leaf(path: Path, root: int, size: int) -> int:
    """The right-most leaf page under the b-tree page ``root`` (table interior pages: 0x05)."""
    data = path.read_bytes()
    page = root
    while True:
        start = (page - 1) * size + (100 if page == 1 else 0)
        if data[start] != 0x05:
            return page
        page = int.from_bytes(data[start + 8 : start + 12], "big")  # right-most pointer


def _zero(path: Path, page: int, size: int) -> None:
    data = bytearray(path.read_bytes())
    data[(page - 1) * size : page * size] = bytes(size)
    path.write_bytes(bytes(data))


def test_a_zeroed_index_page_is_repaired_with_every_row(pole: Path) -> None:
    original = _contents(pole)
    size, root = _page(pole, "ix_members_name")
    _zero(pole, root, size)
    with pytest.raises(PtceError) as caught:
        open_pole_file(pole)
    assert caught.value.code == "integrity_failed"

    done = _cli("repair", "--db", str(pole))
    assert done.returncode == 0, done.stdout + done.stderr
    kept = [p for p in pole.parent.iterdir() if ".endommage-" in p.name]
    assert len(kept) == 1 and f"L'original endommagé est conservé : {kept[0]}" in done.stdout
    assert f"Fichier réparé : {pole}" in done.stdout
    assert "Rien n'a été perdu" in done.stdout
    assert _contents(pole) == original
    checked = _cli("check", "--db", str(pole))
    assert checked.returncode == 0, checked.stdout
    with open_pole_file(pole) as opened:  # and it opens for work again
        assert opened.database.path == pole


def test_a_zeroed_table_page_loses_only_its_rows_and_says_which(pole: Path) -> None:
    original = _contents(pole)
    size, root = _page(pole, "members")
    leaf = _last_leaf(pole, root, size)
    assert leaf != root, "members must span several pages for this test"
    _zero(pole, leaf, size)

    result = repair_file(pole)
    assert result.replaced, result.lines()
    members = next(table for table in result.salvage.tables if table.name == "members")
    lost = set(members.lost_rowids)
    assert lost and not members.lost_ranges
    repaired = _contents(pole)
    assert repaired["members"] == [row for row in original["members"] if row[0] not in lost]
    for table, rows in original.items():
        if table != "members":
            assert repaired[table] == rows, table
    text = "\n".join(result.lines())
    assert (
        f"Perdu dans members : {counted(len(lost), 'ligne illisible', 'lignes illisibles')}" in text
    )
    assert str(result.damaged_copy) in text and result.damaged_copy.exists()


def test_a_sound_file_is_not_repaired_and_a_busy_one_is_refused(pole: Path) -> None:
    with pytest.raises(PtceError) as caught:
        repair_file(pole)
    assert caught.value.code == "repair_not_needed"
    size, root = _page(pole, "ix_members_name")
    _zero(pole, root, size)
    reader = sqlite3.connect(f"file:{pole}?mode=ro", uri=True)  # another program has it open
    try:
        reader.execute("PRAGMA journal_mode = WAL").fetchone()
        reader.execute("SELECT count(*) FROM poles").fetchone()
        with pytest.raises(PtceError) as busy:
            repair_file(pole)
        assert busy.value.code == "file_in_use"
    finally:
        reader.close()
