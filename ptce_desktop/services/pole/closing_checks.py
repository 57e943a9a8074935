"""What ``check`` verifies beyond sums (issue 12, item 3), each finding in French, naming the
record:

* every share of every year is recomputed from its frozen context (the key versions, usage,
  presence and dated VAT values in force) and compared member by member with the stored one;
* the seal of each closed year (:mod:`.seal`) is recomputed and compared with the stored one;
* every money column holds integers (``typeof = 'integer'``): a REAL or TEXT amount is named.

The shares are recomputed one fiscal year at a time, streamed in the order of
``ix_costs_period_start`` (:func:`share_checks`): memory stays flat whatever the file's size
(issue 18), and ``progress`` is told after each year.

A share that differs, a broken seal or a non-integer amount is a failure (``check`` exits 1);
a closed year without a seal (closed before seals existed) or a cost that cannot be
recomputed is a warning (exit 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, groupby
from operator import itemgetter

from sqlalchemy import BigInteger, bindparam, func, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import FiscalYear as Period
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.domain.typography import counted
from ptce_desktop.services.common import start_month
from ptce_desktop.services.costs.shares import SplitContext, compute_cents
from ptce_desktop.services.pole.integrity import CheckItem, CheckProgress
from ptce_desktop.services.pole.seal import seal_intact
from ptce_desktop.store.base import Base
from ptce_desktop.store.models import Cost, FiscalYear, Member, Share, SharedService

#: How many records a finding names before it says how many more there are.
LISTED = 10

#: Within a fiscal year, ``progress`` is also called every this many costs.
PROGRESS_EVERY = 5_000


def _listed(found: list[str]) -> str:
    shown = " ; ".join(found[:LISTED])
    more = len(found) - LISTED
    return shown + (f" ; et {counted(more, 'autre', 'autres')}" if more > 0 else "")


def _nonzero(cents: dict[int, int]) -> dict[int, int]:
    """A zero share stored or not is the same split."""
    return {member: amount for member, amount in cents.items() if amount}


class _Listed:
    """The findings of one kind: the first :data:`LISTED` kept, the others only counted (what
    :func:`_listed` prints of them), so a file where every share is wrong stays small."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.count = 0

    def __bool__(self) -> bool:
        return self.count > 0

    @property
    def full(self) -> bool:
        """Whether a further finding is only counted (its text is not needed)."""
        return len(self.shown) >= LISTED

    def add(self, finding: str | None) -> None:
        self.count += 1
        if finding is not None and not self.full:
            self.shown.append(finding)

    def text(self) -> str:
        more = self.count - len(self.shown)
        others = f" ; et {counted(more, 'autre', 'autres')}" if more > 0 else ""
        return " ; ".join(self.shown) + others


# One fiscal year's costs, and their shares, in the same order (period start, then id): both
# are range reads of ``ix_costs_period_start`` (a covering index for the shares' query), each
# cost's shares then read through the unique (cost_id, member_id) index — no sort, no full
# scan of ``shares`` (tests/services/test_share_checks_stream.py checks the plans).
_YEAR = (Cost.period_start >= bindparam("start"), Cost.period_start < bindparam("stop"))
_YEAR_ORDER = (Cost.period_start, Cost.id)
YEAR_COSTS = (
    select(
        Cost.id,
        Cost.service_id,
        Cost.ht_cents,
        Cost.ttc_cents,
        Cost.period_start,
        Cost.period_end,
        Cost.invoice_date,
        Cost.label,
    )
    .where(*_YEAR)
    .order_by(*_YEAR_ORDER)
)
YEAR_SHARES = (
    select(Share.cost_id, Share.member_id, Share.cents)
    .select_from(Cost)
    .join(Share, Share.cost_id == Cost.id)
    .where(*_YEAR)
    .order_by(*_YEAR_ORDER)
)


#: The shares' query as the driver runs it: a year of L is 2.7 M share rows, read by the
#: ``sqlite3`` cursor itself in batches (a quarter less CPU than through result rows).
_YEAR_SHARES_SQL = str(YEAR_SHARES.compile(dialect=sqlite.dialect()))
_BATCH = 2_000


def _year_costs(
    connection: Connection, year: Period
) -> Iterator[tuple[tuple[int, int, int, int, date, date, date, str], dict[int, int]]]:
    """Each cost whose period starts in ``year`` with its stored shares ``{member: cents}``
    (empty when it has none), streamed: the two cursors advance together, one cost at a time."""
    start, stop = year.start, year.next().start
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.arraysize = _BATCH
        cursor.execute(_YEAR_SHARES_SQL, (start.isoformat(), stop.isoformat()))  # Date's format
        rows = chain.from_iterable(iter(cursor.fetchmany, []))
        shares = groupby(rows, key=itemgetter(0))
        pending = next(shares, None)
        for row in connection.execute(YEAR_COSTS, {"start": start, "stop": stop}):
            if pending is not None and pending[0] == row[0]:
                have = {member: cents for _cost, member, cents in pending[1]}
                pending = next(shares, None)
            else:
                have = {}
            yield row, have
        if pending is not None:  # both streams share one order: a share left is a bug here
            raise RuntimeError(f"share of cost {pending[0]} read out of order")
    finally:
        cursor.close()


def share_checks(session: Session, progress: CheckProgress | None = None) -> list[CheckItem]:
    """Recompute every stored share from its frozen context and compare.

    One fiscal year at a time, streamed (:func:`_year_costs`): memory does not grow with the
    file. ``progress(done, total, label)`` — costs read so far, costs in the file, the year's
    label — is called at the end of every fiscal year from the first cost's to the last's
    (once per year), and within a year every :data:`PROGRESS_EVERY` costs.
    """
    month = start_month(session)
    closed = set(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )
    names = dict(session.execute(select(Member.id, Member.name)).all())
    services = {service.id: service for service in session.scalars(select(SharedService))}
    first, last, total = session.execute(
        select(func.min(Cost.period_start), func.max(Cost.period_start), func.count(Cost.id))
    ).one()
    keys = SplitContext.load(session)  # key specs and presences: read once for every year
    connection = session.connection()
    wrong = _Listed()
    drifted = _Listed()
    unexplained = _Listed()
    checked = done = 0
    years = (
        range(fiscal_year_of(first, month).start_year, fiscal_year_of(last, month).start_year + 1)
        if first is not None and last is not None
        else range(0)
    )
    for start_year in years:
        year = Period(start_year, month)
        # the year's dated VAT values, read once per (service, day) and per day, dropped with it
        context = SplitContext(keys.presences, keys.specs)
        in_year = 0
        for row, have in _year_costs(connection, year):
            if progress is not None and in_year and in_year % PROGRESS_EVERY == 0:
                progress(done, total, year.label)
            in_year += 1
            done += 1
            if not have:
                continue  # "charge(s) sans quote-part" is reported by the sums check
            cost_id, service_id, ht_cents, ttc_cents, period_start, period_end, invoice, label = row
            checked += 1
            where = f"charge n° {cost_id} « {label} » ({year.label})"
            try:
                computed = compute_cents(
                    session,
                    context,
                    service=services[service_id],
                    ht_cents=ht_cents,
                    ttc_cents=ttc_cents,
                    period_start=period_start,
                    period_end=period_end,
                    label=label,
                ).result.cents
            except PtceError as error:
                unexplained.add(None if unexplained.full else f"{where} : {error.message('fr')}")
                continue
            if have == computed or _nonzero(have) == _nonzero(computed):
                continue
            invoice_year = fiscal_year_of(invoice, month).start_year
            # Frozen by its invoice only: its open year's context may move on (a warning).
            found = drifted if start_year not in closed and invoice_year in closed else wrong
            if found.full:
                found.add(None)
                continue
            differences = [
                f"{names.get(m, f'membre n° {m}')} {format_money(have.get(m, 0))} "
                f"au lieu de {format_money(computed.get(m, 0))}"
                for m in sorted(set(have) | set(computed), key=lambda m: names.get(m, ""))
                if have.get(m, 0) != computed.get(m, 0)
            ]
            found.add(f"{where} : " + ", ".join(differences))
        if progress is not None:
            progress(done, total, year.label)
    items = [
        CheckItem(
            not wrong,
            "Quotes-parts recalculées : "
            + counted(checked, "charge répartie redonne", "charges réparties redonnent")
            + " au centime près les quotes-parts enregistrées."
            if not wrong
            else "Quotes-parts différentes du recalcul (modifiées hors de l'application ?) : "
            + wrong.text(),
        )
    ]
    if drifted:
        items.append(
            CheckItem(
                True,
                "Attention, charges figées par leur facture d'un exercice clos dont le recalcul "
                "diffère (le contexte de leur exercice ouvert a changé) : " + drifted.text(),
                warning=True,
            )
        )
    if unexplained:
        items.append(
            CheckItem(
                True,
                "Attention, charges impossibles à recalculer : " + unexplained.text(),
                warning=True,
            )
        )
    return items


def seal_checks(
    session: Session, progress: Callable[[int, int], None] | None = None
) -> list[CheckItem]:
    """Verify the seal of every closed year; ``progress(done, total)`` — closed years verified,
    closed years — before the first and after each."""
    month = start_month(session)
    broken: list[str] = []
    unsealed: list[str] = []
    sealed = 0
    rows = session.scalars(
        select(FiscalYear).where(FiscalYear.closed_at.is_not(None)).order_by(FiscalYear.start_year)
    ).all()
    if progress is not None:
        progress(0, len(rows))
    for done, row in enumerate(rows, 1):
        label = Period(row.start_year, month).label
        if row.seal is None:
            unsealed.append(label)
        elif not seal_intact(session, row.start_year, row.seal):
            broken.append(label)
        else:
            sealed += 1
        if progress is not None:
            progress(done, len(rows))
    items = []
    if broken:
        items.append(
            CheckItem(
                False,
                "Sceau rompu : les données de l'exercice clôturé "
                + ", ".join(broken)
                + " (quotes-parts, appels, règlements, clés, présences, budgets, cotisations, "
                "coefficients et frais de gestion des services ou chiffres des membres) ont "
                "changé depuis sa clôture.",
            )
        )
    if unsealed:
        items.append(
            CheckItem(
                True,
                "Attention, "
                + ("exercice clôturé" if len(unsealed) < 2 else "exercices clôturés")
                + " sans sceau (clôturé avant cette version) : "
                + ", ".join(unsealed)
                + ". Rouvrez puis clôturez l'exercice pour le sceller.",
                warning=True,
            )
        )
    if not broken and not unsealed:
        items.append(
            CheckItem(
                True,
                f"Sceaux : {counted(sealed, 'exercice clôturé', 'exercices clôturés')}, "
                + ("son sceau est intact." if sealed < 2 else "chaque sceau est intact."),
            )
        )
    return items


def money_columns() -> list[tuple[type[Base], str]]:
    """Every money column (integer cents, ``BigInteger``) of every model, by model."""
    found = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        for column in mapper.local_table.columns:
            if isinstance(column.type, BigInteger) and not column.primary_key:
                found.append((cls, column.name))
    return sorted(found, key=lambda item: (item[0].__tablename__, item[1]))


def money_type_checks(session: Session) -> list[CheckItem]:
    """Name every stored amount that is not an integer (``typeof`` REAL or TEXT)."""
    found: list[str] = []
    connection = session.connection()
    for cls, column in money_columns():
        table = cls.__tablename__
        rows = connection.execute(
            text(
                f'SELECT id, "{column}", typeof("{column}") FROM "{table}" '
                f'WHERE "{column}" IS NOT NULL AND typeof("{column}") != \'integer\' '
                "ORDER BY id"
            )
        )
        for record_id, value, kind in rows:
            whole = kind == "real" and float(value).is_integer()
            advice = "à convertir en centimes entiers" if whole else "à corriger au centime"
            found.append(
                f"{cls.entity_label} n° {record_id} ({table}.{column}) = {value!r} "
                f"[{kind}], {advice}"
            )
    items = [
        CheckItem(
            not found,
            "Montants : tous enregistrés en centimes entiers."
            if not found
            else "Montants qui ne sont pas des centimes entiers : " + _listed(found),
        )
    ]
    triggers = set(
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'money_integer_%'"
        ).scalars()
    )
    unguarded = [
        f"{cls.__tablename__}.{column}"
        for cls, column in money_columns()
        if not set(money_trigger_names(cls.__tablename__, column)) <= triggers
    ]
    if unguarded:
        items.append(
            CheckItem(
                True,
                "Attention, colonnes de montants sans protection contre les montants non "
                "entiers : " + _listed(unguarded),
                warning=True,
            )
        )
    return items


def money_trigger_names(table: str, column: str) -> tuple[str, str]:
    """The two triggers (migration 0009) that refuse a non-integer amount in ``column``."""
    return (f"money_integer_{table}_{column}_insert", f"money_integer_{table}_{column}_update")
