"""``ptce-desktop calls preview|issue --year Y (--quarter Q | --true-up | --exceptional)``.

``preview`` writes nothing: one row per member and line kind (quarter, catch-up, exceptional,
true-up, surcharge, fee, VAT), each member's total and the grand total — exactly what
``issue`` would write (both come from :mod:`ptce_desktop.services.calls.planning`). A missing
budget, key version or member's units is refused with its message before anything else.
``issue`` prints the same preview and, with ``--yes``, issues the calls in one transaction
(refused, nothing written, if the amounts changed in between); without ``--yes`` it asks
« Émettre 16 appels pour 45 210,00 € ? » and writes nothing. ``--out DIR`` then writes one
PDF per member, one merged PDF and an ``.eml`` draft per member with an e-mail address
(:mod:`ptce_desktop.printing.envelopes`; nothing is sent).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ptce_desktop.domain.errors import PtceError, error_text
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import parse_date
from ptce_desktop.domain.typography import counted

if TYPE_CHECKING:
    from ptce_desktop.services.calls.calls import CallService
    from ptce_desktop.services.calls.planning import CallPlan

EXIT_OK = 0
EXIT_PROBLEMS = 1

__all__ = ["add_calls_parser", "plan_lines"]


def add_calls_parser(
    verbs: argparse._SubParsersAction[Any],
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    verb = verbs.add_parser("calls", help="appels de fonds : aperçu (rien n'est écrit) ou émission")
    actions = verb.add_subparsers(dest="calls_action", metavar="ACTION", required=True)
    for name, text in (
        ("preview", "montrer ce que l'émission écrirait, sans rien écrire"),
        ("issue", "émettre les appels (irréversible ; --yes pour confirmer)"),
    ):
        action = actions.add_parser(name, help=text)
        db_option(action)
        action.add_argument(
            "--year", required=True, help="exercice, nommé par son année de début (ex. 2025)"
        )
        which = action.add_mutually_exclusive_group()  # one of them: checked in French below
        which.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="trimestre")
        which.add_argument(
            "--true-up", action="store_true", help="régularisation de fin d'exercice"
        )
        which.add_argument(
            "--exceptional",
            action="store_true",
            help="appel séparé des lignes exceptionnelles en attente",
        )
        if name == "issue":
            action.add_argument(
                "--issue-date", required=True, metavar="DATE", help="date d'émission (jj/mm/aaaa)"
            )
            action.add_argument(
                "--due-date", required=True, metavar="DATE", help="date d'échéance (jj/mm/aaaa)"
            )
            action.add_argument("--yes", action="store_true", help="confirmer l'émission")
            action.add_argument(
                "--out",
                type=Path,
                default=None,
                metavar="DOSSIER",
                help="après l'émission : un PDF par membre, un PDF regroupé et un message "
                ".eml par membre ayant une adresse (rien n'est envoyé)",
            )
        action.set_defaults(handler=run_calls_verb)


def _table(rows: list[tuple[str, str, str]], total: tuple[str, str, str]) -> list[str]:
    widths = [max(len(row[i]) for row in [*rows, total]) for i in range(3)]
    headers = ("Membre", "Ligne", "Montant")
    widths = [max(w, len(h)) for w, h in zip(widths, headers, strict=True)]

    def line(cells: tuple[str, str, str]) -> str:
        name, kind, amount = cells
        return f"  {name.ljust(widths[0])}  {kind.ljust(widths[1])}  {amount.rjust(widths[2])}"

    rule = "  " + "  ".join("-" * w for w in widths)
    return [line(headers), rule, *(line(row) for row in rows), rule, line(total)]


def _cut(name: str, width: int = 48) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def plan_lines(plan: CallPlan, lang: str = "fr") -> list[str]:
    """The preview as plain text: one row per member and line kind, totals, notices."""
    from ptce_desktop.services.calls.planning import kind_text

    title = error_text("preview_title", None, {"period": plan.period_label}, lang)
    lines = [title, ""]
    if not plan.calls:
        lines.append("  " + error_text("preview_nothing", None, {}, lang))
    else:
        rows: list[tuple[str, str, str]] = []
        for call in plan.calls:
            name = _cut(call.member_name)
            for kind, cents in call.by_kind():
                rows.append((name, kind_text(kind, lang), format_money(cents, lang=lang)))
                name = ""
            rows.append(("", kind_text("total", lang), format_money(call.total_cents, lang=lang)))
        count = error_text("preview_count", None, {"count": plan.count}, lang)
        lines += _table(rows, (count, "", format_money(plan.total_cents, lang=lang)))
    for notice in plan.notices:
        lines += ["", notice.message(lang)]
    return lines


def _plan(service: CallService, args: argparse.Namespace, year: int) -> CallPlan:
    if args.true_up:
        return service.preview_true_up(year)
    if args.exceptional:
        return service.preview_exceptional_calls(year)
    return service.preview_provisional_calls(year, args.quarter)


def run_calls_verb(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.main import _parse_year, opened
    from ptce_desktop.services.calls.calls import CallService

    year = _parse_year(args.year)
    assert year is not None
    if args.quarter is None and not args.true_up and not args.exceptional:
        raise PtceError("calls_which")
    issuing = args.calls_action == "issue"
    if issuing:
        issue_date = parse_date(args.issue_date, field="issue_date")
        due_date = parse_date(args.due_date, field="due_date")
    with opened(args, write=issuing and bool(args.yes)) as uow:
        service = CallService(uow)
        plan = _plan(service, args, year)
        print("\n".join(plan_lines(plan)))
        if not issuing:
            return EXIT_OK
        values = {"count": plan.count, "total": format_money(plan.total_cents)}
        if not args.yes:
            print()
            print(error_text("confirm_issue_cli", None, values, "fr"))
            return EXIT_PROBLEMS
        expected = (plan.count, plan.total_cents)
        if args.true_up:
            issued = service.issue_true_up(
                year, issue_date=issue_date, due_date=due_date, expected=expected
            )
        elif args.exceptional:
            issued = service.issue_exceptional_calls(
                year, issue_date=issue_date, due_date=due_date, expected=expected
            )
        else:
            issued = service.issue_provisional_calls(
                year, args.quarter, issue_date=issue_date, due_date=due_date, expected=expected
            )
    print()
    if issued and args.out is not None:
        from ptce_desktop.printing.envelopes import write_envelopes

        with opened(args, write=False) as uow:
            batch = write_envelopes(uow, [call.id for call in issued], args.out.expanduser())
        print(
            f"{len(batch.envelopes)} PDF et {counted(batch.emails, 'message', 'messages')} .eml "
            f"écrits dans "
            f"{batch.folder} ; PDF regroupé : {batch.merged.name if batch.merged else '—'}."
        )
    if issued:
        numbers = f"{issued[0].number} … {issued[-1].number}"
        total = format_money(sum(call.total_cents for call in issued))
        print(
            error_text(
                "issued_summary", None, {"count": len(issued), "numbers": numbers, "total": total}
            )
        )
    else:
        print(error_text("preview_nothing", None, {}, "fr"))
    return EXIT_OK
