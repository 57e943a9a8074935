"""Verified, rotating backups with SQLite's online backup API, and restore.

A backup is written to a temporary file in ``<data>/backups/``, flushed to disk and only then
renamed (``os.replace``) to ``ptce-YYYYmmdd-HHMMSS[-reason].sqlite3``: a file with that name is
always a complete copy. The attachments folder is copied beside it
(``ptce-…[-reason].attachments/``). Copying the live file with ``cp`` is never done: the
backup API reads through SQLite's locks and WAL.

Verification (``PRAGMA integrity_check`` and our ``application_id``) is the slow part (8-20×
the copy): :func:`create_backup` does it before naming the copy by default, or, with
``verify=False``, leaves it to :func:`confirm_backup`, run afterwards (in the background by the
window). The sidecar says ``"verified": true`` only once the check passed; a copy that fails it
is removed. Rotation runs only after a verification, so an unchecked copy never pushes out a
verified one.

The clock may be wrong (a dead motherboard battery, a virtual machine restored): names carry
the date for people, but order comes from a number. Each backup has a sidecar
``<backup>.json`` written before the backup is given its name, holding its ``order`` — one more
than the largest in the folder — so the newest backup is the last one written whatever the
dates say, rotation removes the oldest written (never the one just made), and a backup dated
in the future stops nothing. Backups without a sidecar (made by earlier versions) come before
every numbered one, by date.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.durable import sync_file
from ptce_desktop.store.engine import APPLICATION_ID, sole_user, sqlite_uri
from ptce_desktop.store.paths import attachments_dir, backups_dir

DEFAULT_KEEP = 10
# ptce-YYYYmmdd-HHMMSS[-reason][_N].sqlite3 — "_N" only when two backups share a second.
_NAME_RE = re.compile(r"^ptce-(\d{8})-(\d{6})(?:-([a-z0-9-]+))?(?:_(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str | None
    size: int
    #: 1, or N for the N-th backup with the same name within one second.
    sequence: int = 1
    #: Position in the order of writing (from its sidecar); 0 for a backup without one.
    order: int = 0
    #: What its sidecar says: True verified, False not (yet), None no sidecar (earlier
    #: versions verified every backup before naming it).
    verified: bool | None = None

    @property
    def attachments(self) -> Path:
        return attachments_beside(self.path)


def attachments_beside(backup: Path) -> Path:
    return backup.with_name(backup.name.removesuffix(".sqlite3") + ".attachments")


def metadata_beside(backup: Path) -> Path:
    """The sidecar of ``backup`` (its order of writing, the clock's time, the reason)."""
    return backup.with_name(backup.name + ".json")


def read_metadata(backup: Path) -> dict[str, object]:
    """The sidecar of ``backup`` as a dict (empty: none, or unreadable)."""
    try:
        data = json.loads(metadata_beside(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_order(backup: Path) -> int:
    """The order of writing of ``backup`` from its sidecar (0: none, or unreadable)."""
    order = read_metadata(backup).get("order")
    return order if isinstance(order, int) and order > 0 else 0


def _verified_mark(data: dict[str, object]) -> bool | None:
    if not data:
        return None
    verified = data.get("verified", True)  # sidecars before the mark: verified before named
    return verified if isinstance(verified, bool) else None


def next_order(directory: Path) -> int:
    """One more than the largest order in ``directory`` (1 for an empty folder)."""
    if not directory.is_dir():
        return 1
    orders = [read_order(path) for path in directory.glob("ptce-*.sqlite3")]
    return max(orders, default=0) + 1


def _write_metadata(
    backup: Path, *, order: int, stamp: datetime, reason: str | None, verified: bool = True
) -> None:
    data = {
        "order": order,
        "clock": stamp.isoformat(timespec="seconds"),
        "reason": reason,
        "verified": verified,
    }
    _write_sidecar(backup, data)


def _write_sidecar(backup: Path, data: dict[str, object]) -> None:
    sidecar = metadata_beside(backup)
    temporary = sidecar.with_name(sidecar.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, sidecar)


def slugify(reason: str) -> str:
    """ "Avant migration" → "avant-migration" (ASCII, for file names)."""
    ascii_text = unicodedata.normalize("NFKD", reason).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40]


@contextlib.contextmanager
def _connect(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(sqlite_uri(path, read_only=read_only), uri=True)
    try:
        connection.isolation_level = None
        connection.execute("PRAGMA trusted_schema = OFF")
        yield connection
    finally:
        connection.close()


def verify_backup(path: Path) -> None:
    """Full ``integrity_check`` and our ``application_id``, or ``PtceError``."""
    try:
        with _connect(path, read_only=True) as connection:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise PtceError("foreign_file", path=str(path))
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise PtceError("integrity_failed", path=str(path), detail=str(exc)) from exc
    if rows != [("ok",)]:
        raise PtceError("integrity_failed", path=str(path), detail=str(rows[0][0]))


def _online_copy(
    source: Path, destination: Path, connection: sqlite3.Connection | None = None
) -> None:
    """Copy ``source`` (read through ``connection`` when given: one holding its exclusive
    lock) to a new file ``destination`` through the backup API, then fsync it."""
    with contextlib.ExitStack() as stack:
        src = connection or stack.enter_context(_connect(source, read_only=True))
        dst = stack.enter_context(_connect(destination, read_only=False))
        src.backup(dst)
        # A backup keeps the source's WAL flag; leave no -wal beside the copy.
        dst.execute("PRAGMA journal_mode = DELETE")
    sync_file(destination)


def _target_name(directory: Path, stamp: datetime, reason: str | None) -> Path:
    slug = slugify(reason) if reason else ""
    base = f"ptce-{stamp:%Y%m%d-%H%M%S}" + (f"-{slug}" if slug else "")
    # Numbers only grow within a second, even after rotation removed an earlier one.
    used = [1 if path.name == f"{base}.sqlite3" else 0 for path in directory.iterdir()]
    for path in directory.glob(f"{base}_*.sqlite3"):
        suffix = path.name.removeprefix(f"{base}_").removesuffix(".sqlite3")
        used.append(int(suffix) if suffix.isdigit() else 0)
    counter = max(used, default=0) + 1
    return directory / (f"{base}.sqlite3" if counter == 1 else f"{base}_{counter}.sqlite3")


def create_backup(
    db_path: Path,
    *,
    reason: str | None = None,
    keep: int = DEFAULT_KEEP,
    directory: Path | None = None,
    now: datetime | None = None,
    connection: sqlite3.Connection | None = None,
    verify: bool = True,
) -> Path:
    """Write a backup of ``db_path``; returns the new backup's path.

    With ``verify`` (the default) the copy is checked before it gets its name, and the folder
    rotated: the returned backup is verified. With ``verify=False`` the copy is named at once,
    marked not verified in its sidecar and nothing is rotated: call :func:`confirm_backup`
    on it (with the same ``keep``) to check, mark and rotate.

    Safe while the application has the file open (WAL: readers do not block the writer).
    ``now`` (default: the clock) names the backup; rotation only ever removes backups with the
    same ``reason``, so automatic ones never push out manual or pre-migration copies.
    """
    target_dir = directory or backups_dir(db_path)
    temporary: Path | None = None
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        stamp = now or datetime.now()
        target = _target_name(target_dir, stamp, reason)
        # Its own temporary name (two backups at once never share one), made here so that a
        # read-only folder fails with the OS's reason, not SQLite's "unable to open database
        # file".
        handle, name = tempfile.mkstemp(dir=target_dir, prefix=target.name + ".", suffix=".tmp")
        os.close(handle)
        temporary = Path(name)
        _online_copy(db_path, temporary, connection)
        if verify:
            verify_backup(temporary)
        # The sidecar first: a backup with a name always has its order.
        _write_metadata(
            target, order=next_order(target_dir), stamp=stamp, reason=reason, verified=verify
        )
        os.replace(temporary, target)
        source_attachments = attachments_dir(db_path)
        if source_attachments.is_dir():
            shutil.copytree(source_attachments, attachments_beside(target), dirs_exist_ok=True)
    except sqlite3.Error as exc:
        raise PtceError("database_error", detail=str(exc)) from exc
    except OSError as exc:  # read-only folder, disk full, a file where the folder should be
        raise PtceError(
            "backup_failed", path=str(target_dir), detail=exc.strerror or str(exc)
        ) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
    if verify:
        rotate(
            target_dir,
            keep=keep,
            reason=slugify(reason) if reason else None,
            protect=db_path,
            written=target,
        )
    return target


def confirm_backup(backup: Path, *, keep: int = DEFAULT_KEEP, protect: Path | None = None) -> Path:
    """Verify ``backup`` (written with ``verify=False``) as :func:`create_backup` would:
    ``integrity_check`` and ``application_id``; then mark its sidecar verified and rotate its
    folder (``keep`` of its reason, never ``protect``, the file backed up). A copy that fails
    is removed (with its sidecar and attachments) and the ``PtceError`` raised: it never
    counts as a backup. Returns ``backup``."""
    try:
        verify_backup(backup)
    except PtceError:
        _remove_backup(backup)
        raise
    data = read_metadata(backup)
    data["verified"] = True
    try:
        _write_sidecar(backup, data)
    except OSError as exc:
        raise PtceError(
            "backup_failed", path=str(backup.parent), detail=exc.strerror or str(exc)
        ) from exc
    reason = data.get("reason")
    rotate(
        backup.parent,
        keep=keep,
        reason=slugify(reason) if isinstance(reason, str) and reason else None,
        protect=protect,
        written=backup,
    )
    return backup


def _remove_backup(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    metadata_beside(backup).unlink(missing_ok=True)
    shutil.rmtree(attachments_beside(backup), ignore_errors=True)


def list_backups(directory: Path) -> list[BackupInfo]:
    """Backups in ``directory`` (a ``backups`` folder), newest first."""
    found: list[BackupInfo] = []
    if not directory.is_dir():
        return found
    for path in directory.iterdir():
        match = _NAME_RE.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            created = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
        except ValueError:  # 20261332-…: not a date, not one of ours
            continue
        reason = match[3] or None
        data = read_metadata(path)
        order = data.get("order")
        found.append(
            BackupInfo(
                path,
                created,
                reason,
                path.stat().st_size,
                int(match[4] or 1),
                order if isinstance(order, int) and order > 0 else 0,
                _verified_mark(data),
            )
        )
    found.sort(key=lambda info: (info.order, info.created, info.sequence), reverse=True)
    return found


def rotate(
    directory: Path,
    *,
    keep: int,
    reason: str | None,
    protect: Path | None = None,
    written: Path | None = None,
) -> list[Path]:
    """Keep the ``keep`` last written backups of the same reason; returns the removed ones.

    ``protect`` (the database being backed up) is never removed, even when it is named like a
    backup and lives in ``directory`` (a backup opened as the working file, copies saved
    beside it); nor is ``written``, the backup just made, whatever its date says.
    """
    spared = [path for path in (protect, written) if path is not None]
    same = [
        info
        for info in list_backups(directory)
        if info.reason == reason and not any(_same_file(info.path, path) for path in spared)
    ]
    if written is not None:
        keep -= 1  # the one just written counts among those kept
    removed: list[Path] = []
    for info in same[max(keep, 0 if written is not None else 1) :]:
        _remove_backup(info.path)
        removed.append(info.path)
    return removed


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return first.absolute() == second.absolute()


def restore(backup: Path, target: Path, *, keep_directory: Path | None = None) -> Path | None:
    """Replace ``target`` (closed, not in use) by a verified ``backup``.

    Refused with ``PtceError("file_in_use")`` while any program has ``target`` open (SQLite's
    own lock, :func:`~.engine.sole_user`, held from the copy of the current file to the
    replacement), whatever became of the lock file.

    The current ``target`` is first kept as a backup with reason "avant-restauration" (an
    online copy if it is readable, a raw copy of the file and its WAL otherwise); the path of
    that copy is returned (None when there was no current file). Attachments of the backup are
    added back to the target's attachments folder (files are named by hash: nothing is lost).
    """
    verify_backup(backup)
    temporary = target.with_name(target.name + ".restore.tmp")
    temporary.unlink(missing_ok=True)
    kept: Path | None = None
    try:
        # Staged first: keeping the current file rotates "avant-restauration" copies, which
        # may be the very backup being restored.
        shutil.copyfile(backup, temporary)
        sync_file(temporary)
        verify_backup(temporary)
        backup_attachments = attachments_beside(backup)
        if backup_attachments.is_dir():  # only adds files (named by hash): nothing is lost
            shutil.copytree(backup_attachments, attachments_dir(target), dirs_exist_ok=True)
        with sole_user(target) as holder:
            if target.exists():
                kept = _keep_current(target, keep_directory or backups_dir(target), holder)
            # The old WAL belongs to the old file (already kept): pairing it with the restored
            # file would corrupt it.
            for suffix in ("-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return kept


def _keep_current(
    target: Path, directory: Path, connection: sqlite3.Connection | None = None
) -> Path:
    try:
        return create_backup(
            target, reason="avant-restauration", directory=directory, connection=connection
        )
    except PtceError:
        pass
    # Unreadable or foreign: keep the raw bytes (and the WAL, which holds the last commits).
    directory.mkdir(parents=True, exist_ok=True)
    stamp, reason = datetime.now(), "avant-restauration-brut"
    kept = _target_name(directory, stamp, reason)
    _write_metadata(kept, order=next_order(directory), stamp=stamp, reason=reason)
    shutil.copy2(target, kept)
    wal = target.with_name(target.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, kept.with_name(kept.name + "-wal"))
    return kept
