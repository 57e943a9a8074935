"""Backups a coordinator can rely on: automatic ones, the list with their state, restore.

Qt-free; used by the window (Fichier ▸ Sauvegardes et restauration…, the automatic backup at
open, the offer to restore a damaged file) and by ``ptce-desktop backup --list`` / ``restore``.

- :meth:`BackupService.automatic_backup` writes a verified online backup (reason ``auto``) when
  the last automatic one written is older than ``min_interval`` and not from the same day — a
  backup dated in the future (a clock that was wrong) never counts as recent; rotation keeps
  the last ``keep`` automatic ones written (their order, not their dates: see
  ``store.backup``) and never touches other backups nor the one just written.
- A second backup folder may be set per file (:meth:`BackupService.set_second_folder`: a USB
  key, a synced folder): automatic and manual backups are also written there, in a
  ``<name>-sauvegardes`` folder; a failure there never fails the backup beside the file and
  is kept in :attr:`BackupService.second_folder_error`.
- :meth:`BackupService.newest_verified_date` is when the newest restorable backup was made;
  :meth:`BackupService.newest_marked_verified` the newest one its sidecar says verified, not
  opened again (for the dashboard's « À faire »).
- :meth:`BackupService.list_restorable` lists the backups of a file, newest first, each fully
  verified (``integrity_check``, ``application_id``, a schema this version knows).
- :meth:`BackupService.restore` refuses a damaged or foreign backup, keeps a copy of the
  current file first and returns where. The caller holds the file's lock and has closed the
  database (engine disposed): the file is replaced on disk.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store import backup as store_backup
from ptce_desktop.store import migrate
from ptce_desktop.store.database import SQLITE_HEADER
from ptce_desktop.store.engine import sqlite_uri
from ptce_desktop.store.paths import backups_dir

log = logging.getLogger(__name__)

AUTO = "auto"
#: The file, in a file's backups folder, naming its second backup folder.
SECOND_FOLDER_FILE = "dossier-secondaire.json"
MANUAL = "manuelle"
DEFAULT_MIN_INTERVAL = timedelta(hours=20)
DEFAULT_KEEP = 10

#: kind -> French label (the CLI's; the window translates the kind itself).
KIND_LABELS_FR = {
    "auto": "automatique",
    "migration": "avant migration",
    "manual": "manuelle",
    "copy": "copie",
    "before_restore": "avant restauration",
    "other": "autre",
}


def kind_of(reason: str | None) -> str:
    """The kind of a backup from the reason in its name ("avant-migration-0001" → "migration")."""
    if reason == AUTO:
        return "auto"
    if reason == MANUAL:
        return "manual"
    if reason == "copie":
        return "copy"
    if reason is not None and reason.startswith("avant-migration"):
        return "migration"
    if reason is not None and reason.startswith("avant-restauration"):
        return "before_restore"
    return "other"


@dataclass(frozen=True)
class BackupEntry:
    """One backup file and whether it can be restored (``problem`` says why not, in French)."""

    path: Path
    created: datetime
    reason: str | None
    size: int
    verified: bool
    problem: str | None = None
    error: PtceError | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        return kind_of(self.reason)


def format_size(size: int, lang: str = "fr") -> str:
    """``1234567`` → "1,2 Mo" (or "1.2 MB")."""
    units = ("o", "Ko", "Mo", "Go") if lang == "fr" else ("B", "KB", "MB", "GB")
    value = float(size)
    unit = 0
    while value >= 1000 and unit < len(units) - 1:
        value /= 1000
        unit += 1
    text = f"{value:.0f}" if unit == 0 or value >= 100 else f"{value:.1f}"
    return f"{text.replace('.', ',') if lang == 'fr' else text} {units[unit]}"


def backup_problem(path: Path) -> PtceError | None:
    """Why ``path`` cannot be restored (damaged, not ours, newer schema), or None."""
    if not path.is_file():
        return PtceError("backup_not_found", path=str(path))
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:  # a text file, zero bytes…
                return PtceError("backup_foreign", path=str(path))
    except OSError as error:
        return PtceError("backup_damaged", path=str(path), detail=error.strerror or str(error))
    try:
        store_backup.verify_backup(path)
        revision = _revision(path)
    except PtceError as error:
        if error.code == "foreign_file":
            return PtceError("backup_foreign", path=str(path))
        return PtceError("backup_damaged", path=str(path), detail=error.values.get("detail", "?"))
    except sqlite3.Error as error:
        return PtceError("backup_damaged", path=str(path), detail=str(error))
    if revision is not None and revision not in migrate.known_revisions():
        return PtceError("backup_newer", path=str(path))
    return None


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            if tables:  # our id, but tables no migration made
                raise PtceError("foreign_file", path=str(path))
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        connection.close()


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return first.absolute() == second.absolute()


class BackupService:
    """Backups of database files, in the ``<name>-sauvegardes`` folder beside each file."""

    def __init__(self) -> None:
        #: Why the last copy into the second backup folder failed (None: it did not).
        self.second_folder_error: PtceError | None = None

    def backups_dir(self, db_path: Path) -> Path:
        return backups_dir(Path(db_path).expanduser().absolute())

    def automatic_backup(
        self,
        db_path: Path,
        *,
        now: datetime,
        min_interval: timedelta = DEFAULT_MIN_INTERVAL,
        keep: int = DEFAULT_KEEP,
        verify: bool = True,
    ) -> Path | None:
        """A verified backup with reason "auto" if one is due; None when the last is recent.

        ``verify=False`` returns the copy as soon as it is written, not yet verified: then
        call :meth:`confirm` (the window does, in the background) to verify, mark and rotate it
        and copy it to the second folder.

        Due when the last automatic backup written is at least ``min_interval`` old and from
        an earlier day (so never more than one a day); one dated after ``now`` (the clock was
        wrong then, or is now) does not count as recent. Only automatic backups are rotated.
        """
        path = Path(db_path).expanduser().absolute()
        directory = backups_dir(path)
        newest = next(
            (info for info in store_backup.list_backups(directory) if info.reason == AUTO), None
        )
        if (
            newest is not None
            and newest.created <= now
            and (now - newest.created < min_interval or newest.created.date() == now.date())
        ):
            return None
        target = store_backup.create_backup(
            path, reason=AUTO, keep=keep, directory=directory, now=now, verify=False
        )
        if verify:
            self.confirm(path, target, keep=keep, now=now)
        return target

    def backup_now(
        self, db_path: Path, *, now: datetime | None = None, verify: bool = True
    ) -> Path:
        """A verified "manuelle" backup beside the file (rotated among manual ones only);
        ``verify=False``: the copy only, then :meth:`confirm` (see :meth:`automatic_backup`)."""
        path = Path(db_path).expanduser().absolute()
        target = store_backup.create_backup(
            path, reason=MANUAL, directory=backups_dir(path), now=now, verify=False
        )
        if verify:
            self.confirm(path, target, now=now)
        return target

    def confirm(
        self,
        db_path: Path,
        backup: Path,
        *,
        keep: int = DEFAULT_KEEP,
        now: datetime | None = None,
    ) -> Path:
        """Verify ``backup`` of ``db_path`` (full ``integrity_check``), mark it « vérifiée »
        in its sidecar, rotate its kind, then copy the file to the second folder if one is set.
        A copy that fails is removed and the ``PtceError`` raised."""
        path = Path(db_path).expanduser().absolute()
        store_backup.confirm_backup(backup, keep=keep, protect=path)
        reason = store_backup.read_metadata(backup).get("reason")
        self._mirror(path, reason if isinstance(reason, str) else MANUAL, keep, now)
        return backup

    # --- the second folder -------------------------------------------------------------------
    def second_folder(self, db_path: Path) -> Path | None:
        """The second backup folder set for ``db_path`` (None: none)."""
        setting = self.backups_dir(db_path) / SECOND_FOLDER_FILE
        try:
            data = json.loads(setting.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        folder = data.get("folder") if isinstance(data, dict) else None
        return Path(folder) if isinstance(folder, str) and folder else None

    def set_second_folder(self, db_path: Path, folder: Path | None) -> None:
        """Set (or, with None, forget) the second backup folder of ``db_path``."""
        directory = self.backups_dir(db_path)
        setting = directory / SECOND_FOLDER_FILE
        if folder is None:
            setting.unlink(missing_ok=True)
            return
        chosen = Path(folder).expanduser().absolute()
        if _same_file(chosen, directory):
            raise PtceError("second_folder_same", path=str(chosen))
        try:
            directory.mkdir(parents=True, exist_ok=True)
            temporary = setting.with_name(setting.name + ".tmp")
            temporary.write_text(
                json.dumps({"folder": str(chosen)}, ensure_ascii=False), encoding="utf-8"
            )
            os.replace(temporary, setting)
        except OSError as error:
            raise PtceError(
                "backup_failed", path=str(directory), detail=error.strerror or str(error)
            ) from error

    def second_folder_status(self, db_path: Path) -> SecondFolderStatus:
        """The second folder of ``db_path``, whether it can be written to now and when the
        last copy was made there (for Paramètres); ``problem`` says why it cannot."""
        folder = self.second_folder(db_path)
        if folder is None:
            return SecondFolderStatus(None, None, None)
        copies = folder / self.backups_dir(db_path).name
        newest = next(iter(store_backup.list_backups(copies)), None)
        last = newest.created if newest is not None else None
        problem = None
        if not folder.is_dir():
            problem = PtceError("second_folder_unreachable", path=str(folder))
        elif not os.access(copies if copies.is_dir() else folder, os.W_OK | os.X_OK):
            problem = PtceError("second_folder_read_only", path=str(folder))
        return SecondFolderStatus(folder, last, problem)

    def _mirror(self, path: Path, reason: str, keep: int, now: datetime | None) -> Path | None:
        """The same backup in the second folder, if one is set; a failure is only recorded."""
        self.second_folder_error = None
        folder = self.second_folder(path)
        if folder is None:
            return None
        try:
            if not folder.is_dir():  # a USB key that is not plugged in
                raise PtceError("second_folder_missing", path=str(folder))
            return store_backup.create_backup(
                path, reason=reason, keep=keep, directory=folder / backups_dir(path).name, now=now
            )
        except PtceError as error:
            log.warning("second backup folder: %s", error.message("en"))
            self.second_folder_error = error
            return None

    def newest_verified_date(self, db_path: Path) -> datetime | None:
        """When the newest restorable backup of ``db_path`` was made (None: there is none)."""
        entry = self.newest_verified(db_path)
        return entry.created if entry is not None else None

    def list_restorable(self, db_path: Path, *, directory: Path | None = None) -> list[BackupEntry]:
        """The backups of ``db_path`` (or in ``directory``), newest first, each verified."""
        path = Path(db_path).expanduser().absolute()
        entries = []
        for info in store_backup.list_backups(directory or backups_dir(path)):
            if _same_file(info.path, path):
                continue  # the open file itself, named like a backup
            entries.append(_entry(info))
        return entries

    def newest_verified(self, db_path: Path) -> BackupEntry | None:
        """The newest backup of ``db_path`` that can be restored (verifies only what it must)."""
        path = Path(db_path).expanduser().absolute()
        for info in store_backup.list_backups(backups_dir(path)):
            if _same_file(info.path, path):
                continue
            entry = _entry(info)
            if entry.verified:
                return entry
        return None

    def newest_marked_verified(self, db_path: Path) -> store_backup.BackupInfo | None:
        """The newest backup of ``db_path`` whose sidecar says it passed its check when made
        (no sidecar: made by a version that checked before naming), without checking it again:
        for the dashboard's « À faire », read at every showing (a full ``integrity_check`` of
        a 1.7 GB backup took 90 s there). Restoring one still checks it in full."""
        path = Path(db_path).expanduser().absolute()
        for info in store_backup.list_backups(backups_dir(path)):
            if info.verified is not False and not _same_file(info.path, path):
                return info
        return None

    def restore(self, db_path: Path, backup_path: Path) -> Path | None:
        """Put ``backup_path`` in place of ``db_path``; returns where the current file was kept.

        Refuses a damaged, foreign or newer backup (``PtceError``); the current file is first
        kept as a backup "avant-restauration" (None only when there was no current file). Call
        it with the file's lock held and the database closed.
        """
        path = Path(db_path).expanduser().absolute()
        backup = Path(backup_path).expanduser().absolute()
        if backup.is_file() and path.exists() and _same_file(backup, path):
            raise PtceError("restore_onto_itself", path=str(backup))
        problem = backup_problem(backup)
        if problem is not None:
            raise problem
        try:
            return store_backup.restore(backup, path)
        except OSError as error:
            raise PtceError(
                "restore_failed", path=str(path), detail=error.strerror or str(error)
            ) from error


@dataclass(frozen=True)
class SecondFolderStatus:
    """The second backup folder of a file (None: none set) and its state."""

    folder: Path | None
    #: When the newest backup copied there was made (None: none yet, or unreachable).
    last_copy: datetime | None
    #: Why backups cannot be copied there now (None: they can).
    problem: PtceError | None

    @property
    def reachable(self) -> bool:
        return self.folder is not None and self.problem is None


def _entry(info: store_backup.BackupInfo) -> BackupEntry:
    problem = backup_problem(info.path)
    return BackupEntry(
        path=info.path,
        created=info.created,
        reason=info.reason,
        size=info.size,
        verified=problem is None,
        problem=problem.message("fr") if problem is not None else None,
        error=problem,
    )
