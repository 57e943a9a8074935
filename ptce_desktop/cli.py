"""Headless verbs over the same services as the window.

Every error is one French line on stderr and a non-zero exit status, never a traceback:
known errors (:class:`PtceError`) with their text, anything else as "erreur inattendue" with
the exception's own words (the details go to the log when logging is configured).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ptce_desktop import __version__
from ptce_desktop.domain.errors import PtceError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the verb ran and found problems (check)
EXIT_ERROR = 2  # the verb could not run

Verb = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptce-desktop",
        description=(
            "PTCE Desktop : membres, services mutualisés, répartition des charges au centime, "
            "financements et rapports d'un pôle territorial de coopération économique. "
            "Sans commande, ouvre la fenêtre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="fichier de base de données (par défaut : celui du dossier de données utilisateur)",
    )
    parser.add_argument("--read-only", action="store_true", help="ouvrir en lecture seule")
    parser.add_argument("--lang", choices=("fr", "en"), default=None, help="langue de l'interface")
    verbs = parser.add_subparsers(dest="command", metavar="COMMANDE")

    check = verbs.add_parser("check", help="vérifier un fichier de base de données")
    check.set_defaults(handler=_check)

    backup = verbs.add_parser("backup", help="faire une sauvegarde vérifiée du fichier")
    backup.add_argument("--out", type=Path, default=None, help="dossier des sauvegardes")
    backup.set_defaults(handler=_backup)
    return parser


def run(args: argparse.Namespace) -> int:
    handler: Verb | None = getattr(args, "handler", None)
    if handler is None:
        return _fail(f"commande inconnue « {args.command} »")
    try:
        return handler(args)
    except PtceError as error:
        return _fail(error.message("fr"))
    except KeyboardInterrupt:
        return _fail("interrompu.")
    except Exception as error:  # a bug: one line for the user, the details in the log
        log.exception("unexpected error in %s", args.command)
        return _fail(f"erreur inattendue ({type(error).__name__}) : {error}")


def _fail(message: str) -> int:
    print(f"ptce-desktop : {message}", file=sys.stderr)
    return EXIT_ERROR


def db_path_of(args: argparse.Namespace) -> Path:
    from ptce_desktop.store.paths import default_db_path

    path: Path | None = args.db
    return (path if path is not None else default_db_path()).expanduser().absolute()


@contextmanager
def opened(args: argparse.Namespace, *, write: bool, create: bool = False) -> Iterator[object]:
    """The database of ``--db`` opened for a verb; writers hold the one-writer lock."""
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.lock import DatabaseLock
    from ptce_desktop.store.unit_of_work import UnitOfWork

    path = db_path_of(args)
    if not path.exists() and not create:
        raise PtceError("file_not_found", path=str(path))
    read_only = bool(args.read_only) or not write
    if read_only and not path.exists():
        raise PtceError("file_not_found", path=str(path))
    lock = DatabaseLock(path, program="ptce-desktop " + str(args.command))
    if write:
        lock.acquire()
    try:
        database = open_database(path, read_only=read_only, create=create)
        try:
            yield UnitOfWork(database)
        finally:
            database.close()
    finally:
        if write:
            lock.release()


def _check(args: argparse.Namespace) -> int:
    from ptce_desktop.services.integrity import check_database

    report = check_database(db_path_of(args))
    print(f"Vérification de {report.path}")
    for item in report.items:
        print(f"  {'ok ' if item.ok else 'ÉCHEC'}  {item.text}")
    print("Le fichier est sain." if report.ok else "Des problèmes ont été trouvés.")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _backup(args: argparse.Namespace) -> int:
    from ptce_desktop.store.backup import create_backup
    from ptce_desktop.store.database import inspect_file

    path = db_path_of(args)
    if not path.exists():
        raise PtceError("file_not_found", path=str(path))
    inspect_file(path)
    target = create_backup(path, reason="manuelle", directory=args.out)
    print(f"Sauvegarde vérifiée : {target}")
    return EXIT_OK
