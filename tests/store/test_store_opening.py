"""The one door to a pole file: lock, checks, migration, unit of work, read-only mode."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from support.store_helpers import LONG_NAME, seed

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import migrate
from ptce_desktop.store.lock import DatabaseLock
from ptce_desktop.store.models import Pole
from ptce_desktop.store.opening import OpenPole, lock_pole_file, open_pole_file
from ptce_desktop.store.paths import backups_dir, lock_path

OLD_SCHEMA = Path(__file__).parent / "schemas" / "schema-0001.sqlite3"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A file name with accents, €, &, <, ' and a long name."""
    return tmp_path / "pôles & <co'op> €" / f"{LONG_NAME[:60]}.sqlite3"


def _free(path: Path) -> bool:
    """True when another program could take the file's lock now."""
    other = DatabaseLock(path, program="autre programme")
    try:
        other.acquire()
    except PtceError:
        return False
    other.release()
    return True


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def test_a_new_file_is_created_locked_and_ready_for_writes(path: Path) -> None:
    with open_pole_file(path, create=True, program="ptce-desktop essai") as pole:
        assert isinstance(pole, OpenPole)
        assert pole.path == path and not pole.read_only
        assert pole.lock is not None and pole.lock.is_held and not _free(path)
        assert pole.lock.read_info()["program"] == "ptce-desktop essai"
        assert migrate.current_revision(pole.database.engine) == migrate.head_revision()
        with pole.uow.write("Données de test") as session:
            seed(session)
        with pole.uow.read() as session:
            assert session.get(Pole, 1).name == "Pôle Sud & Drôme <test>"
    assert pole.closed and not pole.lock.is_held and _free(path)


def test_a_second_writer_is_refused_and_a_reader_is_not(path: Path) -> None:
    first = open_pole_file(path, create=True)
    try:
        with pytest.raises(PtceError) as refused:
            open_pole_file(path)
        assert refused.value.code == "file_locked"
        assert "est déjà ouvert par un autre programme" in refused.value.message("fr")
        with open_pole_file(path, read_only=True) as reader:
            assert reader.read_only and reader.lock is None
            with pytest.raises(PtceError) as writing, reader.uow.write("Essai"):
                pass
            assert writing.value.code == "read_only"
        assert first.lock is not None and first.lock.is_held  # the reader took nothing
    finally:
        first.close()
    first.close()  # idempotent


@pytest.mark.parametrize("read_only", [False, True])
def test_a_missing_file_is_refused_before_any_lock_file(path: Path, read_only: bool) -> None:
    with pytest.raises(PtceError) as refused:
        open_pole_file(path, read_only=read_only, create=read_only)
    assert refused.value.code == "file_not_found"
    assert refused.value.message("fr") == f"Le fichier {path} est introuvable."
    assert not path.parent.exists() and not lock_path(path).exists()


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "foreign_file", "n'est pas une base PTCE Desktop"),
        ("Texte « libre » & <pas> une base €".encode(), "foreign_file", "n'est pas une base"),
    ],
)
def test_a_refused_file_gives_the_lock_back(
    path: Path, content: bytes, code: str, words: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(PtceError) as refused:
        open_pole_file(path)
    assert refused.value.code == code and words in refused.value.message("fr")
    assert _free(path) and path.read_bytes() == content


def test_a_file_from_a_newer_version_is_refused_and_unlocked(path: Path) -> None:
    open_pole_file(path, create=True).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00d_avenir'")
    connection.commit()
    connection.close()
    with pytest.raises(PtceError) as refused:
        open_pole_file(path)
    assert refused.value.code == "newer_schema"
    assert "version plus récente" in refused.value.message("fr")
    assert _free(path) and _revision(path) == "f00d_avenir"


def test_an_outdated_file_is_backed_up_then_migrated(path: Path) -> None:
    path.parent.mkdir(parents=True)
    shutil.copyfile(OLD_SCHEMA, path)
    with open_pole_file(path) as pole:
        assert pole.migrated_from == "0001"
        backup = pole.pre_migration_backup
        assert backup is not None and backup.parent == backups_dir(path)
        assert _revision(backup) == "0001"  # the copy is of the file before migrating
        assert migrate.current_revision(pole.database.engine) == migrate.head_revision()


@pytest.mark.parametrize(
    "options", [{"read_only": True}, {"migrate": False}], ids=["read-only", "no-migrate"]
)
def test_an_outdated_file_is_left_alone_when_it_may_not_be_migrated(
    path: Path, options: dict[str, bool]
) -> None:
    path.parent.mkdir(parents=True)
    shutil.copyfile(OLD_SCHEMA, path)
    with pytest.raises(PtceError) as refused:
        open_pole_file(path, **options)
    assert refused.value.code == "schema_outdated"
    assert "doit être mis à jour" in refused.value.message("fr")
    assert path.read_bytes() == OLD_SCHEMA.read_bytes()
    assert not backups_dir(path).exists() and _free(path)


def test_a_detached_lock_survives_the_close_and_reopens_the_file(path: Path) -> None:
    pole = open_pole_file(path, create=True)
    lock = pole.detach_lock()
    pole.close()
    assert lock is not None and lock.is_held and not _free(path)
    with open_pole_file(path, lock=lock) as reopened:
        assert reopened.lock is lock and lock.is_held
    assert not lock.is_held and _free(path)


def test_a_handed_over_lock_is_released_when_the_file_does_not_open(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"pas une base")
    lock = lock_pole_file(path, program="ptce-desktop restore")
    assert lock.is_held and not _free(path)  # a damaged file can be locked, not opened
    with pytest.raises(PtceError) as refused:
        open_pole_file(path, lock=lock)
    assert refused.value.code == "foreign_file"
    assert not lock.is_held and _free(path)


def test_lock_pole_file_refuses_a_file_held_elsewhere(path: Path) -> None:
    with open_pole_file(path, create=True):
        with pytest.raises(PtceError) as refused:
            lock_pole_file(path)
        assert refused.value.code == "file_locked"
