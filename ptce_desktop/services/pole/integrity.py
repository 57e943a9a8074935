"""``check``: is a database file sound? File-level checks, then the money invariants.

Used by ``ptce-desktop check`` and by the window's "Vérifier la base". Nothing is written: the
file is inspected as it is (an older schema is reported, not migrated).

Each SQLite pragma runs once: ``integrity_check`` (which includes everything ``quick_check``
does, so the open does not run that one again) and ``foreign_key_check``. The money checks are
aggregates computed by the database (the amount each cost should split, its VAT regime and
the pole's registration read as of the cost's start date): nothing loads every cost in Python.
The shares recomputed from their frozen context (:mod:`.closing_checks`) are streamed one
fiscal year at a time: memory stays flat whatever the file's size.

Every phase reports to ``progress`` (:data:`CheckProgress`) with its label, and while SQLite
works (a pragma, a sum over every share) a progress handler keeps reporting, so the window's
Cancel stops even ``integrity_check`` (:class:`_Ticker`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from sqlalchemy import case, false, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.typography import counted
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.services.grants.redistributions import plan_state
from ptce_desktop.services.grants.views import overpaid_warning
from ptce_desktop.store import migrate
from ptce_desktop.store.database import inspect_file, open_database, open_error
from ptce_desktop.store.engine import sqlite_uri
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Grant,
    Payment,
    PaymentMatch,
    Pole,
    PoleVatPeriod,
    ServiceVatPeriod,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

#: ``progress(done, total, label)``: where the check is. ``label`` names the phase, in this
#: order: :data:`INTEGRITY`, :data:`FOREIGN_KEYS`, :data:`SUMS` (``done``/``total`` its
#: queries), :func:`shares_label` of each fiscal year (costs read so far / costs in the file:
#: at the end of each year and every few thousand costs within one), :data:`SEALS` (closed
#: years verified / closed years). ``total`` is 0 when the phase cannot tell how far it is (a
#: pragma). The same call is repeated while a statement runs (at most every
#: :data:`TICK_SECONDS`). It may raise to stop the check (the window's Cancel, Ctrl-C): the
#: exception comes out of ``check_database`` as it was raised. Plain Python: the CLI prints it,
#: the window's worker forwards it.
CheckProgress = Callable[[int, int, str], None]

INTEGRITY = "Intégrité SQLite…"
FOREIGN_KEYS = "Références entre tables…"
SUMS = "Sommes…"
SEALS = "Sceaux…"


def shares_label(year: str) -> str:
    """The label of the share recomputation of fiscal year ``year`` ("2024", "2024/2025")."""
    return f"Quotes-parts de l'exercice {year}…"


#: SQLite calls the progress handler every this many virtual machine instructions (a few
#: hundred times a second on a pragma: its cost is lost in the noise)…
SQLITE_STEPS = 100_000
#: … and the handler repeats the last report to ``progress`` at most this often.
TICK_SECONDS = 0.1


class _Ticker:
    """Reports to ``progress`` and keeps reporting while SQLite works on ``connection``.

    :meth:`report` forwards a report and remembers it; inside ``with``, a progress handler on
    the connection repeats the last one every :data:`TICK_SECONDS`. When ``progress`` raises
    there, the handler stops the statement (SQLite's « interrupted », which SQLAlchemy may
    wrap) and the ``with`` raises ``progress``'s exception in its place. Without ``progress``,
    nothing is installed."""

    def __init__(self, connection: sqlite3.Connection, progress: CheckProgress | None) -> None:
        self._connection = connection
        self._progress = progress
        self._last = (0, 0, "")
        self._at = time.monotonic()
        self._stopped: BaseException | None = None

    def report(self, done: int, total: int, label: str) -> None:
        if self._progress is not None:
            self._last = (done, total, label)
            self._at = time.monotonic()
            self._progress(done, total, label)

    def _tick(self) -> int:
        now = time.monotonic()
        if now - self._at < TICK_SECONDS:
            return 0
        self._at = now
        try:
            self.report(*self._last)
        except BaseException as stop:  # Cancel, Ctrl-C: SQLite stops the statement
            self._stopped = stop
            return 1
        return 0

    def __enter__(self) -> _Ticker:
        if self._progress is not None:
            self._connection.set_progress_handler(self._tick, SQLITE_STEPS)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._connection.set_progress_handler(None, 0)
        if self._stopped is not None and error is not None and error is not self._stopped:
            raise self._stopped from None  # SQLite's « interrupted », raw or SQLAlchemy's


@dataclass(frozen=True)
class CheckItem:
    ok: bool
    text: str
    #: Sound but worth a look (a negative reste à reverser…): shown, and ``check`` still
    #: exits 0.
    warning: bool = False


@dataclass(frozen=True)
class CheckReport:
    path: Path
    items: tuple[CheckItem, ...]

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)


def check_database(path: Path, progress: CheckProgress | None = None) -> CheckReport:
    """Every check that applies to ``path``; a file that is not ours raises ``PtceError``.

    ``progress`` follows every phase (see :data:`CheckProgress`)."""
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise PtceError("file_not_found", path=str(path))
    # Foreign or newer files raise here; the file's soundness is the integrity_check below.
    state = inspect_file(path, check=False)
    items = [CheckItem(True, "Fichier PTCE Desktop reconnu (identifiant d'application).")]
    items += _sqlite_checks(path, progress)
    head = migrate.head_revision()
    if state.revision != head:
        items.append(
            CheckItem(
                True,
                "Schéma d'une version antérieure : il sera mis à jour (après sauvegarde) "
                "à la prochaine ouverture en écriture.",
            )
        )
        return CheckReport(path, tuple(items))
    items.append(CheckItem(True, f"Schéma à jour (révision {head})."))
    database = open_database(path, read_only=True, check=False)  # integrity_check done
    try:
        uow = UnitOfWork(database)
        items += _checks(uow, progress)
    finally:
        database.close()
    return CheckReport(path, tuple(items))


def _checks(uow: UnitOfWork, progress: CheckProgress | None) -> list[CheckItem]:
    """The sums, the money column types, the shares recomputed from their frozen context and
    the seals (issue 12), in one read."""
    from ptce_desktop.services.pole import closing_checks  # it builds on CheckItem, above

    with uow.read() as session:
        connection = session.connection().connection.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        with _Ticker(connection, progress) as ticker:
            items = _money_checks(session, ticker)
            items += closing_checks.money_type_checks(session)
            ticker.report(_SUM_STEPS, _SUM_STEPS, SUMS)
            items += closing_checks.share_checks(
                session, lambda done, total, year: ticker.report(done, total, shares_label(year))
            )
            items += closing_checks.seal_checks(
                session, lambda done, total: ticker.report(done, total, SEALS)
            )
        return items


def _sqlite_checks(path: Path, progress: CheckProgress | None = None) -> list[CheckItem]:
    """``integrity_check`` and ``foreign_key_check``, once each; a damaged file raises
    ``integrity_failed`` (as the open would: nothing further can be trusted)."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    except sqlite3.Error as exc:
        raise open_error(path, exc) from exc
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        with _Ticker(connection, progress) as ticker:
            ticker.report(0, 0, INTEGRITY)
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                raise PtceError("integrity_failed", path=str(path), detail=str(integrity[0]))
            ticker.report(0, 0, FOREIGN_KEYS)
            foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise open_error(path, exc) from exc
    finally:
        connection.close()
    items = [
        CheckItem(integrity == ["ok"], "Intégrité SQLite : " + "; ".join(integrity[:5]) + "."),
        CheckItem(
            not foreign,
            "Références entre tables : "
            + (
                "toutes valides."
                if not foreign
                else counted(len(foreign), "référence cassée", "références cassées") + "."
            ),
        ),
    ]
    return items


def _expected_split() -> ColumnElement[int]:
    """The amount each cost must split, as SQL: its TTC when its service's VAT regime (as of
    the cost's start) is 261 B or the pole was not VAT-registered then, else its HT (the rule
    of ``domain.vat.amount_to_split``, with the dated values of ``store.dated``)."""
    regime = func.coalesce(
        select(ServiceVatPeriod.vat_regime)
        .where(
            ServiceVatPeriod.service_id == Cost.service_id,
            ServiceVatPeriod.valid_from <= Cost.period_start,
        )
        .order_by(ServiceVatPeriod.valid_from.desc())
        .limit(1)
        .scalar_subquery(),
        SharedService.vat_regime,
    )
    registered = func.coalesce(
        select(PoleVatPeriod.vat_registered)
        .where(PoleVatPeriod.valid_from <= Cost.period_start)
        .order_by(PoleVatPeriod.valid_from.desc())
        .limit(1)
        .scalar_subquery(),
        select(Pole.vat_registered).where(Pole.id == 1).scalar_subquery(),
        false(),
    )
    return case(
        (
            or_(regime == VatRegime.EXEMPT_261B.value, registered == false()),
            Cost.ttc_cents,
        ),
        else_=Cost.ht_cents,
    )


#: The queries of the sums phase (:func:`_money_checks`, then the money column types).
_SUM_STEPS = 8


def _money_checks(session: Session, ticker: _Ticker) -> list[CheckItem]:
    ticker.report(0, _SUM_STEPS, SUMS)
    shares = (
        select(Share.cost_id, func.sum(Share.cents).label("total"))
        .group_by(Share.cost_id)
        .subquery()
    )
    expected = _expected_split().label("expected")
    costs = (
        select(Cost.id, Cost.label, shares.c.total, expected)
        .join(SharedService, SharedService.id == Cost.service_id)
        .join(shares, shares.c.cost_id == Cost.id)
        .subquery()
    )
    wrong = costs.c.total != costs.c.expected
    shared, bad_count = session.execute(
        select(func.count(), func.count().filter(wrong)).select_from(costs)
    ).one()
    ticker.report(1, _SUM_STEPS, SUMS)
    bad_rows = session.execute(
        select(costs.c.id, costs.c.label, costs.c.total, costs.c.expected)
        .where(wrong)
        .order_by(costs.c.id)
        .limit(10)
    ).all()
    ticker.report(2, _SUM_STEPS, SUMS)
    all_costs = session.scalar(select(func.count()).select_from(Cost)) or 0
    unshared = all_costs - shared
    bad_costs = [
        f"charge n° {cost_id} « {label} » : quotes-parts {format_money(total)} "
        f"pour {format_money(expected)}"
        for cost_id, label, total, expected in bad_rows
    ]
    ticker.report(3, _SUM_STEPS, SUMS)
    bad_lines = session.scalar(
        select(func.count())
        .select_from(CallLine)
        .where(CallLine.ht_cents + CallLine.vat_cents != CallLine.ttc_cents)
    )
    ticker.report(4, _SUM_STEPS, SUMS)
    over_matched = session.execute(
        select(Payment.id)
        .join(PaymentMatch, PaymentMatch.payment_id == Payment.id)
        .group_by(Payment.id, Payment.amount_cents)
        .having(func.sum(PaymentMatch.amount_cents) > Payment.amount_cents)
    ).all()
    ticker.report(5, _SUM_STEPS, SUMS)
    calls = session.scalar(select(func.count()).select_from(Call)) or 0
    ticker.report(6, _SUM_STEPS, SUMS)
    over_passed, overpaid_grants = _over_passed(session)
    ticker.report(7, _SUM_STEPS, SUMS)
    others = bad_count - len(bad_costs)
    more = f" (et {counted(others, 'autre', 'autres')})" if others > 0 else ""
    items = [
        CheckItem(
            not bad_count,
            f"Quotes-parts : {counted(shared, 'charge répartie', 'charges réparties')} exactement "
            "au centime."
            if not bad_count
            else "Quotes-parts fausses : " + " ; ".join(bad_costs) + more,
        ),
        CheckItem(
            unshared == 0,
            "Toutes les charges sont réparties."
            if unshared == 0
            else counted(unshared, "charge", "charges") + " sans quote-part.",
        ),
        CheckItem(
            not bad_lines,
            "Appels de fonds : "
            + counted(calls, "appel", "appels")
            + ", HT + TVA = TTC sur chaque ligne."
            if not bad_lines
            else counted(bad_lines, "ligne", "lignes") + " d'appel où HT + TVA ≠ TTC.",
        ),
        CheckItem(
            not over_matched,
            "Règlements : aucun n'est affecté au-delà de son montant."
            if not over_matched
            else counted(len(over_matched), "règlement affecté", "règlements affectés")
            + " au-delà de leur montant.",
        ),
        CheckItem(
            True,
            "Subventions : aucun reste à reverser négatif."
            if not over_passed
            else "Attention, reste à reverser négatif (reversé au-delà du plan sur le reçu) : "
            + " ; ".join(over_passed[:10]),
            warning=bool(over_passed),
        ),
    ]
    if overpaid_grants and not over_passed:  # « aucun » would contradict the lines below
        items.pop()
    # a grant whose whole reste à reverser is negative: the sentence the window, the
    # dashboard's « À faire » and `summary` show (services.grants.views.overpaid_warning)
    items += [CheckItem(True, f"Attention : {text}", warning=True) for text in overpaid_grants]
    return items


def _over_passed(session: Session) -> tuple[list[str], list[str]]:
    """(« subvention « … », membre : −500,00 € » for each member whose reste à reverser is
    negative, the overpaid warning of each grant whose whole reste à reverser is negative)."""
    members: list[str] = []
    grants: list[str] = []
    for grant in session.scalars(select(Grant).order_by(Grant.id)):
        state = plan_state(session, grant)
        for line in state.members:
            if line.remaining_cents < 0:
                members.append(
                    f"subvention « {grant.title} », {line.member_name} : "
                    f"{format_money(line.remaining_cents)}"
                )
        warning = overpaid_warning(grant.title, state.remaining_cents)
        if warning is not None:
            grants.append(warning)
    return members, grants
