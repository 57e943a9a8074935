"""``ptce-desktop import KIND FILE --db …``: bring members, figures, services, budgets, key
versions, usage, costs or payments in from a CSV, XLSX, XLS or ODS file.

Same rules as the window's wizard (:mod:`ptce_desktop.exchange`): every row is checked before
anything is written, all errors are printed at once (row, column, value, French reason) and
the verb exits 1 having written nothing; ``--dry-run`` checks and writes nothing either way.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import parse_date
from ptce_desktop.exchange.kinds import KINDS

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

#: Refusals the command line says how to get past (the messages, shared with the import
#: window, say what is wrong without naming an option).
UPDATABLE = frozenset({"import_duplicate_member", "import_duplicate_service"})
UPDATE_HINT = "relancez avec --update."
SHEET_HINT = "relancez avec --sheet NOM (le nom de la feuille, entre guillemets)."


def add_import_parser(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    verb = verbs.add_parser(
        "import",
        help="importer un fichier CSV, XLSX, XLS ou ODS (membres, chiffres annuels, services, "
        "budgets, clés, relevés d'utilisation, charges, règlements, versements de subventions)",
    )
    verb.add_argument("kind", metavar="TYPE", choices=list(KINDS))
    verb.add_argument("file", type=Path, metavar="FICHIER")
    db_option(verb)
    verb.add_argument(
        "--dry-run", action="store_true", help="vérifier seulement : rien n'est écrit"
    )
    verb.add_argument(
        "--update",
        action="store_true",
        help="mettre à jour les enregistrements existants (sinon : doublons signalés)",
    )
    verb.add_argument(
        "--create-members",
        action="store_true",
        help="créer les membres inconnus nommés par le fichier (sinon : erreur)",
    )
    verb.add_argument(
        "--sheet", default=None, help="feuille du classeur (par défaut : la première)"
    )
    verb.add_argument("--key", default=None, help="clés : la clé de répartition (sans colonne Clé)")
    verb.add_argument(
        "--from",
        dest="valid_from",
        default=None,
        metavar="DATE",
        help="clés : date de début de validité de la version (jj/mm/aaaa)",
    )
    verb.set_defaults(handler=run_import_verb)


def run_import_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import opened
    from ptce_desktop.exchange.apply import run_import
    from ptce_desktop.exchange.prepare import ImportOptions

    valid_from = parse_date(args.valid_from, field="valid_from") if args.valid_from else None
    options = ImportOptions(
        update=bool(args.update),
        create_members=bool(args.create_members),
        sheet=args.sheet,
        key=args.key,
        valid_from=valid_from,
        dry_run=bool(args.dry_run),
    )
    path: Path = args.file.expanduser()
    if not path.is_file():
        raise PtceError("file_not_found", path=str(path))
    started = time.perf_counter()
    try:
        # a dry run too: the rows go through the services in a transaction that is rolled back
        with opened(args, write=True) as uow:
            result = run_import(uow, args.kind, path, options)
    except PtceError as refused:
        if refused.code == "import_no_header_sheet":  # the catalogue says what; here, how
            print(f"ptce-desktop : {refused.message('fr')}", file=sys.stderr)
            print(f"  Pour lire une autre feuille : {SHEET_HINT}", file=sys.stderr)
            return EXIT_USAGE
        raise
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    if result.ignored_columns:
        names = ", ".join(f"« {name} »" for name in result.ignored_columns)
        print(f"Colonnes ignorées : {names}")
    if result.errors:
        for error in result.errors:
            print(error.text(), file=sys.stderr)
        message = PtceError("import_has_errors", count=len(result.errors), name=path.name)
        print(f"ptce-desktop : {message.message('fr')}", file=sys.stderr)
        if not options.update and any(e.code in UPDATABLE for e in result.errors):
            print(f"  Pour mettre à jour ceux qui existent déjà : {UPDATE_HINT}", file=sys.stderr)
        return EXIT_PROBLEMS
    if options.dry_run:
        print(f"Vérification de « {path.name} » sans erreur ({seconds} s) : rien n'a été écrit.")
        print(f"  Serait importé — {result.summary()}")
    else:
        print(f"Import de « {path.name} » terminé en {seconds} s.")
        print(f"  {result.summary()}")
    return EXIT_OK
