"""Headless verbs over the same services as the window.

Every error is one French line on stderr and a non-zero exit status, never a traceback:
known errors (:class:`PtceError`) with their text, anything else as "erreur inattendue" with
the exception's own words and the path of the log file, where its traceback goes. Each run
logs to the same file as the window (:func:`ptce_desktop.logs.setup_logging`).

Verbs open the pole file through the one door, :func:`ptce_desktop.store.opening.open_pole_file`
(:func:`opened`); ``restore`` only locks it (it may be the damaged file being replaced).

``--db`` may be given before the verb or, for ``demo`` and ``summary``, after it. ``demo``
only ever creates a new file: it refuses to run without ``--db`` (the demo must never go into
the default database) and refuses an existing file; if the build fails or is interrupted, the
files it created are removed.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ptce_desktop import __version__
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import format_date

if TYPE_CHECKING:
    from ptce_desktop.demo.build import DemoSummary
    from ptce_desktop.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the verb ran and found problems (check)
EXIT_ERROR = 2  # the verb could not run

Verb = Callable[[argparse.Namespace], int]


_ARGPARSE_FRENCH = (
    (re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"),
    "argument {0} : choix invalide {1} (possibles : {2})"),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.*)$"),
     "argument {0} : valeur invalide {2}"),
    (re.compile(r"^argument (\S+): expected one argument$"),
     "argument {0} : une valeur est attendue"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "arguments non reconnus : {0}"),
    (re.compile(r"^the following arguments are required: (.*)$"),
     "arguments obligatoires manquants : {0}"),
)  # fmt: skip


def french_usage_error(message: str) -> str:
    """argparse's own (English) errors in French; an unknown one is kept as it is."""
    for pattern, template in _ARGPARSE_FRENCH:
        if found := pattern.match(message):
            return template.format(*found.groups())
    return message


class LazyChoices:
    """argparse ``choices`` read from a module only when a value is checked or the choices
    listed: building the parser imports no service, SQLAlchemy or report machinery."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._values: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._values is None:
            self._values = tuple(self._load())
        return self._values

    def __contains__(self, value: object) -> bool:
        return value in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def _report_kinds() -> list[str]:
    from ptce_desktop.printing.jobs import KINDS

    return [kind.key for kind in KINDS]


#: argparse's own headings, in French (its help was « positional arguments », « options »).
_HEADINGS = {"positional arguments": "arguments", "optional arguments": "options"}


class _FrenchHelp(argparse.HelpFormatter):
    """``--help`` in French throughout: argparse writes its usage prefix and section headings
    in English whatever the program's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_HEADINGS.get(heading or "", heading))


class _Parser(argparse.ArgumentParser):
    """One French line on stderr and exit status 2 for a bad command line, like every error;
    its help (and each command's: the sub-parsers are of this class) in French."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _FrenchHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help="afficher cette aide et quitter",
        )

    def error(self, message: str) -> NoReturn:
        print(
            f"ptce-desktop : {french_usage_error(message)} (aide : ptce-desktop --help)",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ptce-desktop",
        description=(
            "PTCE Desktop : membres, services mutualisés, répartition des charges au centime, "
            "financements et rapports d'un pôle territorial de coopération économique. "
            "Sans commande, ouvre la fenêtre."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher le numéro de version et quitter",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="fichier de base de données (par défaut : celui du dossier de données utilisateur)",
    )
    parser.add_argument("--read-only", action="store_true", help="ouvrir en lecture seule")
    parser.add_argument("--lang", choices=("fr", "en"), default=None, help="langue de l'interface")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="vérifier le programme sur une démo jetable (fenêtre hors écran, chaque page, "
        "chaque document), puis quitter",
    )
    verbs = parser.add_subparsers(dest="command", metavar="COMMANDE")

    check = verbs.add_parser("check", help="vérifier un fichier de base de données")
    _db_option(check)
    check.set_defaults(handler=_check)

    backup = verbs.add_parser("backup", help="faire une sauvegarde vérifiée du fichier")
    _db_option(backup)
    backup.add_argument("--out", type=Path, default=None, help="dossier des sauvegardes")
    backup.add_argument(
        "--list", action="store_true", help="lister les sauvegardes et leur état (vérifiée ou non)"
    )
    from ptce_desktop.cli.backups import add_second_folder_options

    add_second_folder_options(backup)
    backup.set_defaults(handler=_backup)

    restore = verbs.add_parser(
        "restore",
        help="remplacer le fichier par une sauvegarde vérifiée (le fichier actuel est conservé)",
    )
    _db_option(restore)
    restore.add_argument("backup", type=Path, metavar="SAUVEGARDE", help="fichier de sauvegarde")
    restore.set_defaults(handler=_restore)

    demo = verbs.add_parser(
        "demo", help="créer un nouveau fichier rempli d'un pôle fictif de démonstration"
    )
    _db_option(demo)
    demo.set_defaults(handler=_demo)

    summary = verbs.add_parser("summary", help="résumé d'un exercice (membres, charges, argent)")
    _db_option(summary)
    summary.add_argument(
        "--year",
        default=None,
        help="exercice, nommé par son année de début (par défaut : l'exercice en cours)",
    )
    summary.set_defaults(handler=_summary)

    _report_parser(verbs)
    from ptce_desktop.cli.imports import add_import_parser

    add_import_parser(verbs, _db_option)
    from ptce_desktop.cli.audit import add_audit_parser

    add_audit_parser(verbs, _db_option)
    from ptce_desktop.cli.repair import add_repair_parser

    add_repair_parser(verbs, _db_option)
    from ptce_desktop.cli.exports import add_export_parsers

    add_export_parsers(verbs, _db_option)
    from ptce_desktop.cli.calls import add_calls_parser

    add_calls_parser(verbs, _db_option)
    from ptce_desktop.cli.simulate import add_simulate_parser

    add_simulate_parser(verbs, _db_option)
    return parser


def _report_parser(verbs: argparse._SubParsersAction[_Parser]) -> None:
    report = verbs.add_parser(
        "report",
        help="imprimer un document en PDF (rapport d'activité, redistribution, répartition "
        "des charges, appel de fonds / relevé, compte rendu financier Cerfa 15059)",
    )
    report.add_argument(
        "kind",
        metavar="TYPE",
        choices=LazyChoices(_report_kinds),
        help="le document : %(choices)s",  # (the kinds are read only when the help is shown)
    )
    _db_option(report)
    report.add_argument("--year", default=None, help="exercice (par défaut : l'exercice en cours)")
    report.add_argument("--out", type=Path, default=None, help="fichier PDF à écrire")
    for name, what in (
        ("grant", "subvention (cerfa-15059, crf-bundle)"),
        ("member", "membre (statement)"),
        ("call", "appel de fonds précis (statement)"),
        ("funder", "financeur (redistribution ; tous par défaut)"),
        ("service", "service mutualisé (cost-sharing ; tous par défaut)"),
    ):
        report.add_argument(f"--{name}", type=int, default=None, metavar="ID", help=what)
    report.add_argument(
        "--groups-only",
        action="store_true",
        help="Cerfa 15059 : lignes de regroupement seulement (les lignes grisées)",
    )
    report.add_argument(
        "--allow-unclassified",
        action="store_true",
        help="Cerfa 15059 : porter les charges sans ligne Cerfa en « Services bancaires, "
        "autres » (listées dans l'annexe) au lieu de refuser",
    )
    report.set_defaults(handler=_report)


def _db_option(verb: argparse.ArgumentParser) -> None:
    """``--db`` after the verb too; absent, it leaves the global option's value alone."""
    verb.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="fichier de base")


def run(args: argparse.Namespace) -> int:
    """Run the verb of ``args``, logging to the log file of the window; its exit status."""
    handler: Verb | None = getattr(args, "handler", None)
    if handler is None:
        return _fail(f"commande inconnue « {args.command} »")
    log_file = _start_logging()
    log.info("ptce-desktop %s: %s", __version__, args.command)
    try:
        return handler(args)
    except PtceError as error:
        log.info("known error %s: %s", error.code, error.message("en"))
        return _fail(error.message("fr"))
    except KeyboardInterrupt:
        log.info("interrupted")
        return _fail("interrompu.")
    except BrokenPipeError:  # `| head` stopped reading: what it wanted was printed
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: one line for the user, the traceback in the log file
        log.exception("unexpected error in %s", args.command)
        return _fail(_unexpected(error, log_file))


def _start_logging() -> Path | OSError:
    """The log file of this run, or why it could not be opened (the verb runs anyway)."""
    from ptce_desktop.logs import setup_logging

    try:
        return setup_logging(console=False)
    except OSError as error:
        # No handler at all would send ``log.exception`` to Python's last-resort handler,
        # which prints the traceback on stderr.
        root = logging.getLogger()
        if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
            root.addHandler(logging.NullHandler())
        return error


def _unexpected(error: Exception, log_file: Path | OSError) -> str:
    """The one French line naming the log file (the traceback is only in that file)."""
    values = {"kind": type(error).__name__, "detail": " ".join(str(error).split()) or "—"}
    if isinstance(log_file, OSError):
        reason = log_file.strerror or str(log_file)
        return PtceError("unexpected_error_no_log", reason=reason, **values).message("fr")
    return PtceError("unexpected_error", log=str(log_file), **values).message("fr")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _fail(message: str) -> int:
    print(f"ptce-desktop : {message}", file=sys.stderr)
    return EXIT_ERROR


def db_path_of(args: argparse.Namespace) -> Path:
    from ptce_desktop.store.paths import default_db_path

    path: Path | None = args.db
    return (path if path is not None else default_db_path()).expanduser().absolute()


@contextmanager
def opened(args: argparse.Namespace, *, write: bool, create: bool = False) -> Iterator[UnitOfWork]:
    """The database of ``--db`` opened for a verb through the one door
    (:func:`~ptce_desktop.store.opening.open_pole_file`): writers hold the one-writer lock,
    readers open read-only (``--read-only`` makes every verb a reader)."""
    from ptce_desktop.store.opening import open_pole_file

    with open_pole_file(
        db_path_of(args),
        create=create,
        read_only=bool(args.read_only) or not write,
        program=f"ptce-desktop {args.command}",
        sole=write,  # a writing verb refuses a file another program has open (file_in_use)
    ) as pole:
        yield pole.uow


def _check(args: argparse.Namespace) -> int:
    """The report on stdout. When stderr is a terminal (never in a pipe or a log), the check's
    progress goes there: one line per phase (each fiscal year's shares one), rewritten in
    place."""
    from ptce_desktop.services.pole.integrity import check_database

    shown: list[str] = []  # the label of the line on screen, then its text

    def progress(done: int, total: int, label: str) -> None:
        line = f"{label} {done}/{total}" if total > 0 else label
        if shown and shown[1] == line:
            return  # repeated while SQLite works
        if shown and shown[0] != label:
            sys.stderr.write("\n")
        shown[:] = [label, line]
        sys.stderr.write(f"\r  {line}\x1b[K")
        sys.stderr.flush()

    try:
        report = check_database(db_path_of(args), progress if sys.stderr.isatty() else None)
    finally:
        if shown:  # end the progress line (before an error's message too)
            sys.stderr.write("\n")
    print(f"Vérification de {report.path}")
    for item in report.items:
        label = "ÉCHEC" if not item.ok else ("avert" if item.warning else "ok ")
        print(f"  {label}  {item.text}")
    print("Le fichier est sain." if report.ok else "Des problèmes ont été trouvés.")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _backup(args: argparse.Namespace) -> int:
    from ptce_desktop.store.database import inspect_file

    path = db_path_of(args)
    if args.list:
        from ptce_desktop.cli.backups import list_lines

        print("\n".join(list_lines(path, args.out)))
        return EXIT_OK
    if not path.exists():
        raise PtceError("file_not_found", path=str(path))
    inspect_file(path)
    from ptce_desktop.cli.backups import backup_lines

    print("\n".join(backup_lines(args, path)))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.backups import restore_lines

    print("\n".join(restore_lines(args, db_path_of(args))))
    return EXIT_OK


# --- demo -------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from ptce_desktop.demo.build import build_demo_file

    if args.db is None:
        raise PtceError("demo_needs_db")
    if args.read_only:
        raise PtceError("demo_read_only")
    path = db_path_of(args)
    if path.exists():
        raise PtceError("demo_file_exists", path=str(path))
    started = time.perf_counter()
    try:  # built aside and named when complete: killed midway, nothing is at path
        summary = build_demo_file(path, progress=_progress_bar())
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
    for line in _demo_lines(path, summary, time.perf_counter() - started):
        print(line)
    return EXIT_OK


def _progress_bar() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(
            f"\rConstruction de la démonstration… {done * 100 // total} %", end="", file=sys.stderr
        )

    return show


def _demo_lines(path: Path, demo: DemoSummary, seconds: float) -> list[str]:
    years = " · ".join(f"{year} : {format_money(ttc)}" for year, ttc, _ in demo.costs_by_year)
    closed = ", ".join(str(year) for year in demo.closed_years) or "aucun"
    closed_label = "Exercices clôturés" if len(demo.closed_years) > 1 else "Exercice clôturé"
    return [
        f"Démonstration créée : {path}",
        f"  Pôle : {demo.pole_name} (fictif, données arrêtées au {format_date(demo.today)})",
        f"  {demo.members} membres · {demo.keys} clés de répartition · {demo.services} services "
        f"mutualisés · {demo.usage_records} relevés d'utilisation",
        f"  {demo.costs} charges TTC — {years}",
        f"  {demo.calls} appels de fonds · {demo.payments} règlements · appelé "
        f"{format_money(demo.called_cents)} · réglé {format_money(demo.paid_cents)} · "
        f"reste dû {format_money(demo.outstanding_cents)}",
        f"  {demo.grants} subventions de {demo.funders} financeurs · votées "
        f"{format_money(demo.voted_cents)} · reçues {format_money(demo.received_cents)} · "
        f"reversées {format_money(demo.passed_cents)} · reste à reverser "
        f"{format_money(demo.remaining_cents)}",
        f"  {demo.projects} projets · {demo.meetings} réunions · {demo.events} événements · "
        f"{demo.in_kind} contributions en nature · {demo.attachments} justificatifs",
        f"  {closed_label} : {closed}",
        f"Construite en {seconds:.1f} s.".replace(".", ",", 1),
        f"Essayez : ptce-desktop --db {path} summary --year 2025",
    ]


# --- summary ----------------------------------------------------------------------------------


def _summary(args: argparse.Namespace) -> int:
    from ptce_desktop.cli.summary import summary_lines
    from ptce_desktop.services.summary import SummaryService

    year = _parse_year(args.year)
    with opened(args, write=False) as uow:
        summary = SummaryService(uow).year_summary(year)
    print("\n".join(summary_lines(summary)))
    return EXIT_OK


def _parse_year(text: str | None) -> int | None:
    """``2025`` or ``2025/2026`` (a fiscal year is named by its start year)."""
    if text is None:
        return None
    value = text.strip()
    head, _, tail = value.partition("/")
    if head.isdigit() and len(head) == 4 and (not tail or tail == str(int(head) + 1)):
        return int(head)
    raise PtceError("invalid_year", "year", value=value)


# --- report -----------------------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    from ptce_desktop.printing.jobs import ReportRequest, build_report, kind_of
    from ptce_desktop.services.summary import SummaryService

    year = _parse_year(args.year)
    with opened(args, write=False) as uow:
        if year is None:
            year = SummaryService(uow).current_year()
        request = ReportRequest(
            kind=args.kind,
            year=year,
            grant_id=args.grant,
            member_id=args.member,
            funder_id=args.funder,
            service_id=args.service,
            call_id=args.call,
            group_rows_only=bool(args.groups_only),
            cerfa_year_only=args.year is not None,
            refuse_draft=True,
            refuse_unclassified=not args.allow_unclassified,
        )
        default_name = f"{kind_of(args.kind).file_stem}-{year}.pdf"
        out: Path = args.out or Path(default_name)
        if out.expanduser().is_dir():
            out = out / default_name
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        out = out.expanduser().absolute()
        if out == db_path_of(args):
            raise PtceError("report_over_database", path=str(out))
        # Written aside, then named: killed midway, no half PDF (and an older one is intact).
        partial = out.with_name(f".{out.name}.en-cours")
        try:
            pages = build_report(uow, request, partial)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    print(f"{kind_of(args.kind).title} écrit : {out} ({pages} page{'s' if pages > 1 else ''})")
    return EXIT_OK
