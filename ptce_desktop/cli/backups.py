"""``ptce-desktop backup`` (``--list``, ``--second-folder``) and ``restore``: the lines they print.

``backup`` writes a verified manual backup beside the file (or in ``--out``) and, when a second
backup folder is set for the file (``--second-folder DIR``, forgotten with
``--no-second-folder``: a USB key, a synced folder), a copy there too; a second folder that is
missing is said, never an error: the backup beside the file is made.

Errors are raised as ``PtceError`` (one French line, printed by ``cli.run``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.typography import counted

if TYPE_CHECKING:
    from ptce_desktop.services.pole.backups import BackupEntry


def _when(entry: BackupEntry) -> str:
    return f"{format_date(entry.created.date())} {entry.created:%H:%M}"


def list_lines(db_path: Path, directory: Path | None = None) -> list[str]:
    """One line per backup of ``db_path`` (newest first) with its state; why one is damaged."""
    from ptce_desktop.services.pole.backups import KIND_LABELS_FR, BackupService, format_size

    service = BackupService()
    folder = (directory or service.backups_dir(db_path)).expanduser().absolute()
    entries = service.list_restorable(db_path, directory=folder)
    if not entries:
        return [f"Aucune sauvegarde dans {folder}."]
    damaged = sum(1 for entry in entries if not entry.verified)
    lines = [f"Sauvegardes de {db_path.name} dans {folder} :"]
    for entry in entries:
        state = "vérifiée" if entry.verified else "NON RESTAURABLE"
        lines.append(
            f"  {_when(entry)}  {KIND_LABELS_FR[entry.kind]:<18}  "
            f"{format_size(entry.size):>9}  {state:<15}  {entry.path.name}"
        )
        if entry.problem is not None:
            lines.append(f"      {entry.problem}")
    total = counted(len(entries), "sauvegarde", "sauvegardes")
    if damaged:
        lines.append(f"{total}, dont {counted(damaged, 'endommagée', 'endommagées')}.")
    else:
        lines.append(f"{total}, " + ("vérifiée." if len(entries) < 2 else "toutes vérifiées."))
    return lines


def add_second_folder_options(backup: argparse.ArgumentParser) -> None:
    backup.add_argument(
        "--second-folder",
        type=Path,
        default=None,
        metavar="DOSSIER",
        help="enregistrer ce second dossier de sauvegarde pour ce fichier (clé USB, dossier "
        "synchronisé) : chaque sauvegarde y est aussi copiée",
    )
    backup.add_argument(
        "--no-second-folder",
        action="store_true",
        help="oublier le second dossier de sauvegarde de ce fichier",
    )


def backup_lines(args: argparse.Namespace, db_path: Path) -> list[str]:
    """Set the second folder if asked, then back up; the lines to print."""
    from ptce_desktop.services.pole.backups import BackupService
    from ptce_desktop.store.backup import create_backup

    service = BackupService()
    lines: list[str] = []
    if getattr(args, "no_second_folder", False):
        service.set_second_folder(db_path, None)
        lines.append("Second dossier de sauvegarde oublié.")
    second = getattr(args, "second_folder", None)
    if second is not None:
        folder = second.expanduser().absolute()
        if not folder.is_dir():
            raise PtceError("second_folder_missing", path=str(folder))
        service.set_second_folder(db_path, folder)
        lines.append(f"Second dossier de sauvegarde : {folder}")
    if args.out is not None:
        target = create_backup(db_path, reason="manuelle", directory=args.out)
    else:
        target = service.backup_now(db_path)
    lines.append(f"Sauvegarde vérifiée : {target}")
    folder = service.second_folder(db_path)
    if args.out is None and folder is not None:
        if service.second_folder_error is not None:
            lines.append(f"Attention : {service.second_folder_error.message('fr')}")
        else:
            lines.append(f"Copie dans le second dossier : {folder}")
    return lines


def restore_lines(args: argparse.Namespace, db_path: Path) -> list[str]:
    """Restore ``args.backup`` over ``db_path`` holding the file's lock.

    The file is locked, not opened: it may be the damaged one the restore replaces.
    """
    from ptce_desktop.services.pole.backups import BackupService
    from ptce_desktop.store.opening import lock_pole_file

    if args.read_only:
        raise PtceError("restore_read_only")
    backup = Path(args.backup).expanduser().absolute()
    with lock_pole_file(db_path, program="ptce-desktop restore"):
        kept = BackupService().restore(db_path, backup)
    lines = [f"Sauvegarde restaurée : {backup} → {db_path}"]
    if kept is not None:
        lines.append(f"Le fichier précédent est conservé : {kept}")
    else:
        lines.append("Il n'y avait pas de fichier précédent à conserver.")
    return lines
