"""``ptce-desktop audit --db FILE [--since DATE] [--until DATE] [--kind TABLE] [--record N]``:
the audit trail (« Journal des modifications »), newest first, one block per entry in French:
when, which user action, which record, and each changed field before → after.

The file is opened read-only: reading the trail never changes it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ptce_desktop.domain.periods import parse_date
from ptce_desktop.domain.typography import counted

if TYPE_CHECKING:
    from ptce_desktop.services.pole.audit_trail import AuditLine

EXIT_OK = 0


def add_audit_parser(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    verb = verbs.add_parser(
        "audit", help="journal des modifications : qui a changé quoi, quand (avant → après)"
    )
    db_option(verb)
    verb.add_argument(
        "--since", default=None, metavar="DATE", help="depuis ce jour inclus (jj/mm/aaaa)"
    )
    verb.add_argument(
        "--until", default=None, metavar="DATE", help="jusqu'à ce jour inclus (jj/mm/aaaa)"
    )
    verb.add_argument(
        "--kind", default=None, metavar="TABLE", help="un type d'enregistrement (ex. : costs)"
    )
    verb.add_argument("--record", type=int, default=None, metavar="N", help="un enregistrement")
    verb.set_defaults(handler=run_audit)


def entry_lines(line: AuditLine) -> list[str]:
    """One entry as printed: its heading, then one indented line per changed field."""
    record = f" n° {line.record_id}" if line.record_id is not None else ""
    lines = [
        f"{line.at:%d/%m/%Y %H:%M}  {line.action} — {line.operation_label} : "
        f"{line.entity_label}{record}",
        f"    {line.summary}",
    ]
    lines += [f"    {c.label} : {c.before} → {c.after}" for c in line.changes]
    return lines


def run_audit(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import opened
    from ptce_desktop.services.pole.audit_trail import AuditFilter, AuditTrailService

    chosen = AuditFilter(
        since=parse_date(args.since, field="since") if args.since else None,
        until=parse_date(args.until, field="until") if args.until else None,
        entity=args.kind,
        record_id=args.record,
    )
    with opened(args, write=False) as uow:
        entries = AuditTrailService(uow).entries(chosen)
    if not entries:
        print("Aucune modification enregistrée pour ces critères.")
        return EXIT_OK
    for line in entries:
        print("\n".join(entry_lines(line)))
    print(counted(len(entries), "modification", "modifications") + ".")
    return EXIT_OK
