"""``ptce-desktop repair --db FILE``: rebuild a damaged file from what SQLite can still read.

Prints both paths (the repaired file and the damaged original kept beside it) and what was
recovered and lost. Exit 0 when the file was repaired, 1 when the rebuilt copy did not pass the
checks (the file is left as it was, the copy kept beside it), 2 when nothing could be done.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_repair_parser(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    repair = verbs.add_parser(
        "repair",
        help="reconstruire un fichier endommagé à partir de ce qui est encore lisible "
        "(l'original est conservé)",
    )
    db_option(repair)
    repair.set_defaults(handler=run_repair_verb)


def run_repair_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import EXIT_OK, EXIT_PROBLEMS, db_path_of
    from ptce_desktop.domain.errors import PtceError
    from ptce_desktop.services.pole.repair import repair_file

    if args.read_only:
        raise PtceError("read_only")
    result = repair_file(db_path_of(args))
    print("\n".join(result.lines()))
    return EXIT_OK if result.replaced else EXIT_PROBLEMS
