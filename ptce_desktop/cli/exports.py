"""``ptce-desktop export KIND FILE [--year Y] --db …``: a table of the pole to XLSX, ODS or CSV
(the format follows FILE's extension), or the accountant's FEC journal (``fec``); and
``export-archive`` / ``import-archive``: the whole pole as one ``.ptce`` file.

What ``export KIND`` writes for an import kind, ``import KIND`` reads back. ``--year`` (default:
the current fiscal year) does not apply to members, services and keys.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ptce_desktop.cli.main import LazyChoices
from ptce_desktop.domain.typography import counted

EXIT_OK = 0

FEC = "fec"


def _export_kinds() -> list[str]:
    from ptce_desktop.exchange.export.tables import EXPORT_KINDS

    return [*EXPORT_KINDS, FEC]


def add_export_parsers(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    verb = verbs.add_parser(
        "export",
        help="exporter un tableau en XLSX, ODS ou CSV (membres, chiffres annuels, services, "
        "budgets, clés, relevés, charges, règlements, quotes-parts, appels, soldes, "
        "reversements, journal des modifications) ou le fichier des écritures comptables (fec)",
    )
    verb.add_argument("kind", metavar="TYPE", choices=LazyChoices(_export_kinds))
    verb.add_argument(
        "file",
        type=Path,
        metavar="FICHIER",
        help="fichier .xlsx, .ods ou .csv (fec : fichier .txt, ou dossier pour le nom officiel)",
    )
    db_option(verb)
    verb.add_argument(
        "--year",
        default=None,
        help="exercice, nommé par son année de début (par défaut : l'exercice en cours ; "
        "sans effet pour members, services et keys)",
    )
    verb.set_defaults(handler=run_export_verb)

    archive = verbs.add_parser(
        "export-archive",
        help="exporter tout le pôle dans une archive .ptce (pour un autre ordinateur ou un "
        "successeur)",
    )
    archive.add_argument("file", type=Path, metavar="FICHIER", help="archive .ptce à écrire")
    db_option(archive)
    archive.set_defaults(handler=run_export_archive_verb)

    restore = verbs.add_parser(
        "import-archive",
        help="recréer un pôle à l'identique depuis une archive .ptce dans un NOUVEAU fichier "
        "(--db)",
    )
    restore.add_argument("file", type=Path, metavar="ARCHIVE", help="archive .ptce à lire")
    db_option(restore)
    restore.set_defaults(handler=run_import_archive_verb)


def _seconds(started: float) -> str:
    return f"{time.perf_counter() - started:.1f}".replace(".", ",")


def run_export_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import _parse_year, opened

    year = _parse_year(args.year)
    path: Path = args.file.expanduser()
    started = time.perf_counter()
    if args.kind == FEC:
        from ptce_desktop.exchange.fec import export_fec

        with opened(args, write=False) as uow:
            result = export_fec(uow, path, year)
        print(f"Écritures comptables de l'exercice {result.year_label} : « {result.path} » "
              f"({counted(result.entry_count, 'écriture', 'écritures')}, "
              f"{counted(result.line_count, 'ligne', 'lignes')}, "
              f"{_seconds(started)} s).")  # fmt: skip
        print(f"  Total débit = total crédit = {result.total_text}.")
        return EXIT_OK
    from ptce_desktop.exchange.export.formats import format_of
    from ptce_desktop.exchange.export.tables import build, export_kind

    kind = export_kind(args.kind)
    format_name = format_of(path)
    with opened(args, write=False) as uow:
        from ptce_desktop.exchange.export.formats import write_sheet

        sheet = build(uow, args.kind, year)
        write_sheet(sheet, path)
    rows = len(sheet.rows)
    print(f"{kind.label} : {rows} ligne{'s' if rows > 1 else ''} écrite{'s' if rows > 1 else ''} "
          f"en {format_name} dans « {path} » ({_seconds(started)} s).")  # fmt: skip
    return EXIT_OK


def run_export_archive_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import db_path_of, opened
    from ptce_desktop.exchange.archive import export_archive

    path: Path = args.file.expanduser()
    started = time.perf_counter()
    with opened(args, write=False) as uow:
        result = export_archive(uow, db_path_of(args), path)
    print(f"Archive « {result.path} » écrite : {result.table_count} tables, {result.row_count} "
          f"lignes, {result.attachment_count} pièces jointes ({_seconds(started)} s).")  # fmt: skip
    return EXIT_OK


def run_import_archive_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import db_path_of
    from ptce_desktop.exchange.archive import import_archive

    path: Path = args.file.expanduser()
    started = time.perf_counter()
    result = import_archive(path, db_path_of(args))
    print(f"Pôle recréé dans « {result.path} » depuis « {path.name} » : {result.table_count} "
          f"tables, {counted(result.row_count, 'ligne', 'lignes')}, "
          f"{counted(result.attachment_count, 'pièce jointe', 'pièces jointes')} "
          f"({_seconds(started)} s).")  # fmt: skip
    return EXIT_OK
