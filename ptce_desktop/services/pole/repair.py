"""Repair a damaged pole file instead of replacing it by an older backup (issue 12, item 6).

:func:`repair_file`, used by ``ptce-desktop repair`` and Fichier ▸ Réparer…:

1. takes the file's one-writer lock and refuses a file another program has open
   (``file_in_use``) or a file that is not damaged (``repair_not_needed``);
2. rebuilds it from what SQLite can still read (:func:`ptce_desktop.store.repair.salvage`) into
   a copy beside it;
3. checks the copy: SQLite's integrity, our application id, a schema revision this version
   knows, then every check of ``check`` (shares recomputed, money, references);
4. only if all pass, puts it in the file's place, keeping the damaged original as
   ``FILE.endommage-<date>`` (with its ``-wal``); otherwise leaves the file alone and keeps the
   rebuilt copy beside it as ``FILE.reparation-<date>`` for someone to look at.

The result names both paths and says, table by table, what was recovered and what was lost.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.typography import counted
from ptce_desktop.services.pole.backups import backup_problem
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.store.database import discard, inspect_file
from ptce_desktop.store.engine import sole_user
from ptce_desktop.store.opening import lock_pole_file
from ptce_desktop.store.repair import Salvage, SalvageError, salvage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RepairResult:
    """What :func:`repair_file` did."""

    path: Path
    #: Where the damaged original was kept (None: the file was not replaced).
    damaged_copy: Path | None
    #: The rebuilt file: ``path`` itself once replaced, else the copy left beside it.
    rebuilt: Path
    salvage: Salvage
    #: Why the rebuilt copy was not put in place (French), empty when it was.
    problems: tuple[str, ...]

    @property
    def replaced(self) -> bool:
        return self.damaged_copy is not None

    def lines(self) -> list[str]:
        """The report, in French: both paths, what was recovered and what was lost."""
        out: list[str] = []
        if self.replaced:
            out.append(f"Fichier réparé : {self.path}")
            out.append(f"L'original endommagé est conservé : {self.damaged_copy}")
        else:
            out.append(f"Le fichier {self.path} n'a pas été remplacé : la copie reconstruite")
            out.append(f"ne passe pas les vérifications. Elle est conservée : {self.rebuilt}")
            out += [f"  ÉCHEC  {problem}" for problem in self.problems]
        out.append(f"Lignes récupérées : {self.salvage.recovered}.")
        lost = [table for table in self.salvage.tables if not table.complete]
        if not lost and not self.salvage.failed_objects:
            out.append("Rien n'a été perdu : toutes les tables sont identiques à l'original.")
        for table in lost:
            if table.unreadable is not None:
                out.append(f"  Perdu : la table {table.name} entière ({table.unreadable}).")
                continue
            parts = []
            if table.lost_rowids:
                rows = counted(len(table.lost_rowids), "ligne illisible", "lignes illisibles")
                parts.append(f"{rows} ({_ids(table)})")
            parts += [f"les lignes {first} à {last}" for first, last in table.lost_ranges]
            out.append(
                f"  Perdu dans {table.name} : {', '.join(parts)} ; "
                f"{counted(table.recovered, 'ligne récupérée', 'lignes récupérées')}."
            )
        for name in self.salvage.failed_objects:
            out.append(f"  Non recréé : {name}.")
        return out


def _ids(table: object) -> str:
    rowids: list[int] = getattr(table, "lost_rowids", [])
    shown = ", ".join(f"n° {rowid}" for rowid in rowids[:10])
    return shown + (" …" if len(rowids) > 10 else "")


def repair_file(path: Path | str, *, now: datetime | None = None) -> RepairResult:
    """Rebuild the damaged file ``path``; see the module docstring. Raises ``PtceError``."""
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise PtceError("file_not_found", path=str(path))
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    with lock_pole_file(path, program="ptce-desktop repair"):
        with sole_user(path):
            pass  # a window whose lock file was deleted still has the file open
        try:
            inspect_file(path)
        except PtceError as error:
            if error.code != "integrity_failed":
                raise
        else:
            raise PtceError("repair_not_needed", path=str(path))
        rebuilt = path.with_name(f"{path.name}.reparation-{stamp}")
        temporary = rebuilt.with_name(rebuilt.name + ".tmp")
        discard(temporary)
        try:
            saved = salvage(path, temporary)
        except SalvageError as error:
            discard(temporary)
            raise PtceError("repair_impossible", path=str(path), detail=str(error)) from error
        except BaseException:
            discard(temporary)
            raise
        problems = _problems(temporary)
        if problems:
            os.replace(temporary, rebuilt)
            log.warning("repair of %s not put in place: %s", path, problems)
            return RepairResult(path, None, rebuilt, saved, tuple(problems))
        damaged = path.with_name(f"{path.name}.endommage-{stamp}")
        os.replace(path, damaged)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, damaged.with_name(damaged.name + suffix))
        os.replace(temporary, path)
    log.info("repaired %s; damaged original kept as %s", path, damaged)
    return RepairResult(path, damaged, path, saved, ())


def _problems(rebuilt: Path) -> list[str]:
    """Why ``rebuilt`` may not replace the file (French), empty when it may."""
    problem = backup_problem(rebuilt)  # integrity, application id, a known schema revision
    if problem is not None:
        return [problem.message("fr")]
    try:
        report = check_database(rebuilt)
    except PtceError as error:
        return [error.message("fr")]
    return [item.text for item in report.items if not item.ok]
