"""Right diagnosis (issue 12, item 5): read-only file or folder, a lock file that cannot be
made, an unwritable log folder — each a clear message, read-only where it makes sense, never
« endommagé » unless SQLite's integrity check says so.

Permissions mean nothing to root: these scenarios run as ``nobody`` (see unprivileged.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from unprivileged import give, run_unprivileged, shared_folder

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.opening import open_pole_file

NAME = "Pôle « Sud » & Drôme <test> — l'€ " + "très long " * 10

OPEN_BOTH_WAYS = """
path = Path(sys.argv[1])
result = {}
try:
    with open_pole_file(path) as pole:
        result["write"] = "opened"
except PtceError as error:
    result["write"] = error.code
    result["write_fr"] = error.message("fr")
try:
    with open_pole_file(path, read_only=True) as pole:
        result["read"] = PoleService(pole.uow).get().name
except PtceError as error:
    result["read"] = error.code
result["left"] = sorted(p.name for p in path.parent.iterdir())
print(json.dumps(result))
"""


def _pole(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    with open_pole_file(target) as pole:
        PoleService(pole.uow).create_pole(NAME)
    for suffix in (".lock", ".lock.info"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    return target


def test_read_only_file_is_refused_for_writing_and_opens_read_only(db_path: Path) -> None:
    with shared_folder() as folder:
        give(folder)
        path = _pole(db_path, folder / "pôle « lecture seule ».sqlite3")
        path.chmod(0o444)
        result = run_unprivileged(OPEN_BOTH_WAYS, str(path))
    assert result["write"] == "file_read_only", result
    assert "lecture seule" in result["write_fr"] and "endommagé" not in result["write_fr"]
    assert result["read"] == NAME.strip()
    assert result["left"] == [path.name]  # no lock, no WAL left beside it


def test_read_only_folder_is_not_damaged_and_opens_read_only(db_path: Path) -> None:
    with shared_folder() as folder:
        inner = folder / "dossier protégé & co"
        inner.mkdir()
        path = give(_pole(db_path, inner / "pôle.sqlite3"))  # the file itself is writable
        inner.chmod(0o555)
        result = run_unprivileged(OPEN_BOTH_WAYS, str(path))
    assert result["write"] == "folder_read_only", result
    assert "n'est pas accessible en écriture" in result["write_fr"]
    assert "endommagé" not in result["write_fr"] and "Restaurez" not in result["write_fr"]
    assert result["read"] == NAME.strip()
    assert "Traceback" not in result["stderr"]


def test_lock_file_that_cannot_be_opened_is_named(db_path: Path) -> None:
    with shared_folder() as folder:
        give(folder)
        path = give(_pole(db_path, folder / "pôle.sqlite3"))
        lock = path.with_name(path.name + ".lock")
        lock.write_text("")
        lock.chmod(0o400)  # someone else's lock file, not readable by us
        result = run_unprivileged(OPEN_BOTH_WAYS, str(path))
    if result["write"] == "opened":  # run by the file's owner: nothing to refuse
        return
    assert result["write"] == "lock_unavailable", result
    assert "verrou" in result["write_fr"] and "lecture seule" in result["write_fr"]
    assert result["read"] == NAME.strip()


def test_cli_writer_on_a_read_only_file_says_so_and_a_reader_works(db_path: Path) -> None:
    scenario = """
    import contextlib, io
    from ptce_desktop.app import main
    path = sys.argv[1]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
        code_read = main(["--db", path, "summary"])
        code_write = main(["--db", path, "import", "members", sys.argv[2]])
    print(json.dumps({"read": code_read, "write": code_write, "err": err.getvalue(),
                      "out": out.getvalue()}))
    """
    with shared_folder() as folder:
        give(folder)
        path = _pole(db_path, folder / "pôle.sqlite3")
        path.chmod(0o444)
        logs = folder / "journaux"
        logs.mkdir()
        logs.chmod(0o555)  # the log folder cannot be written either
        members = folder / "membres « été ».csv"
        members.write_text("nom;catégorie\nL'Atelier <vélo> & Fils;entreprise\n", "utf-8")
        result = run_unprivileged(
            scenario, str(path), str(members), env={"XDG_STATE_HOME": str(logs)}
        )
    assert result["read"] == 0, result
    assert NAME.strip()[:20] in result["out"]
    assert result["write"] == 2
    assert "est en lecture seule" in result["err"]
    assert "Traceback" not in result["err"] + result["stderr"]


def test_damaged_is_said_only_when_sqlite_says_so(db_path: Path, tmp_path: Path) -> None:
    path = _pole(db_path, tmp_path / "pôle.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    try:
        open_pole_file(path, read_only=True)
    except PtceError as error:
        assert error.code == "integrity_failed"
    else:  # pragma: no cover - the test must fail when the damage is not seen
        raise AssertionError("a damaged file opened")
