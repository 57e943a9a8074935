"""Open fast, check in the background (DESIGN §7, issue 18 item 2): a file opened with
``defer_check`` is usable for reads at once; writes wait for its quick check, are refused while
it runs (``integrity_pending``) and stay refused once it failed (``integrity_failed``)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from ptce_desktop.domain.errors import PtceError, all_messages
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store import database as database_module
from ptce_desktop.store.opening import open_pole_file

NAME = "Pôle « L'Été » & <Drôme> — 1 234,56 € " + "très long nom" * 8


def _pole_with_members(path: Path, count: int = 300) -> Path:
    with open_pole_file(path, create=True) as pole:
        PoleService(pole.uow).create_pole(NAME)
    connection = sqlite3.connect(path)
    try:
        connection.executemany(
            "INSERT INTO members (name, category, qpv) VALUES (?, 'other', 0)",
            [(f"Membre n° {i} & <co> l'€ " + "é" * 150,) for i in range(count)],
        )
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


def _zero_index(path: Path, name: str = "ix_members_name") -> None:
    connection = sqlite3.connect(path)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = bytes(size)
    path.write_bytes(bytes(data))


def _rename(pole: object, name: str) -> None:
    service = PoleService(pole.uow)  # type: ignore[attr-defined]
    view = service.get()
    assert view is not None
    from dataclasses import replace

    service.update(replace(view.to_draft(), name=name))


def test_a_sound_file_opens_unchecked_then_writes_once_checked(db_path: Path) -> None:
    _pole_with_members(db_path)
    with open_pole_file(db_path, defer_check=True) as pole:
        assert pole.integrity_pending
        assert PoleService(pole.uow).get().name == NAME  # reads at once
        assert pole.check_integrity() is None
        assert not pole.integrity_pending and pole.integrity_error is None
        _rename(pole, NAME + " bis")
        assert PoleService(pole.uow).get().name == NAME + " bis"


def test_a_write_before_anyone_started_the_check_runs_it(db_path: Path) -> None:
    _pole_with_members(db_path)
    with open_pole_file(db_path, defer_check=True) as pole:
        _rename(pole, "Renommé sans attendre")
        assert not pole.integrity_pending


def test_a_write_while_the_check_runs_waits_then_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pole_with_members(db_path)
    release = threading.Event()
    real = database_module.quick_check

    def slow(path: Path) -> PtceError | None:
        release.wait(10)
        return real(path)

    monkeypatch.setattr(database_module, "quick_check", slow)
    monkeypatch.setattr(database_module, "INTEGRITY_WAIT_S", 0.05)
    with open_pole_file(db_path, defer_check=True) as pole:
        worker = threading.Thread(target=pole.check_integrity)
        worker.start()
        try:
            with pytest.raises(PtceError) as caught:
                _rename(pole, "Trop tôt")
            assert caught.value.code == "integrity_pending"
            assert "en cours de vérification" in caught.value.message("fr")
            assert pole.check_still_ours() is None and pole.lost is None  # not someone else's
        finally:
            release.set()
            worker.join()
        _rename(pole, "Après la vérification")
        assert PoleService(pole.uow).get().name == "Après la vérification"


def test_a_damaged_file_opens_and_refuses_every_write_once_checked(db_path: Path) -> None:
    _pole_with_members(db_path)
    _zero_index(db_path)
    with pytest.raises(PtceError) as refused:  # the CLI and the default open still refuse it
        open_pole_file(db_path)
    assert refused.value.code == "integrity_failed"
    with open_pole_file(db_path, defer_check=True) as pole:
        assert PoleService(pole.uow).get().name == NAME
        error = pole.check_integrity()
        assert error is not None and error.code == "integrity_failed"
        assert pole.integrity_error is error
        for _ in range(2):  # and stays refused
            with pytest.raises(PtceError) as caught:
                MemberService(pole.uow).create(_draft("Ne doit pas être enregistré"))
            assert caught.value.code == "integrity_failed"
        assert pole.check_still_ours() is None  # still ours: only damaged


def test_an_outdated_damaged_file_is_checked_before_being_migrated(
    tmp_path: Path,
) -> None:
    schema = Path(__file__).parent / "schemas" / "schema-0001.sqlite3"
    target = tmp_path / "ancien schéma.sqlite3"
    target.write_bytes(schema.read_bytes())
    size = sqlite3.connect(target).execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(target.read_bytes())
    pages = len(data) // size
    if pages < 3:
        pytest.skip("the saved schema file is too small to damage a page")
    data[(pages - 1) * size : pages * size] = bytes(size)  # the last page
    target.write_bytes(bytes(data))
    before = target.read_bytes()
    with pytest.raises(PtceError) as caught:
        open_pole_file(target, defer_check=True)
    assert caught.value.code in ("integrity_failed",)
    assert target.read_bytes() == before  # never migrated


def test_the_pending_message_exists_in_both_languages() -> None:
    french, english = all_messages()["integrity_pending"]
    assert "{path}" in french and "{path}" in english


def _draft(name: str) -> object:
    from ptce_desktop.services.members.members import MemberDraft

    return MemberDraft(name=name, category="other")
