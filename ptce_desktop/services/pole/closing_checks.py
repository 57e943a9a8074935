"""What ``check`` verifies beyond sums (issue 12, item 3), each finding in French, naming the
record:

* every share of every year is recomputed from its frozen context (the key versions, usage,
  presence and dated VAT values in force) and compared member by member with the stored one;
* the seal of each closed year (:mod:`.seal`) is recomputed and compared with the stored one;
* every money column holds integers (``typeof = 'integer'``): a REAL or TEXT amount is named.

A share that differs, a broken seal or a non-integer amount is a failure (``check`` exits 1);
a closed year without a seal (closed before seals existed) or a cost that cannot be
recomputed is a warning (exit 0).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import BigInteger, select, text
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import FiscalYear as Period
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.services.common import start_month
from ptce_desktop.services.costs.shares import SplitContext, compute_cents
from ptce_desktop.services.pole.integrity import CheckItem
from ptce_desktop.services.pole.seal import seal_intact
from ptce_desktop.store.base import Base
from ptce_desktop.store.models import Cost, FiscalYear, Member, Share

#: How many records a finding names before it says how many more there are.
LISTED = 10


def _listed(found: list[str]) -> str:
    shown = " ; ".join(found[:LISTED])
    more = len(found) - LISTED
    return shown + (f" ; et {more} autre(s)" if more > 0 else "")


def share_checks(session: Session) -> list[CheckItem]:
    """Recompute every stored share from its frozen context and compare."""
    month = start_month(session)
    closed = set(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )
    names = dict(session.execute(select(Member.id, Member.name)).all())
    stored: dict[int, dict[int, int]] = defaultdict(dict)
    for cost_id, member_id, cents in session.execute(
        select(Share.cost_id, Share.member_id, Share.cents)
    ):
        stored[cost_id][member_id] = cents
    context = SplitContext.load(session)
    wrong: list[str] = []
    drifted: list[str] = []
    unexplained: list[str] = []
    checked = 0
    for cost in session.scalars(select(Cost).order_by(Cost.period_start, Cost.id)):
        if cost.id not in stored:
            continue  # "charge(s) sans quote-part" is reported by the sums check
        checked += 1
        year = fiscal_year_of(cost.period_start, month)
        where = f"charge n° {cost.id} « {cost.label} » ({year.label})"
        try:
            computed = compute_cents(
                session,
                context,
                service=cost.service,
                ht_cents=cost.ht_cents,
                ttc_cents=cost.ttc_cents,
                period_start=cost.period_start,
                period_end=cost.period_end,
                label=cost.label,
            ).result.cents
        except PtceError as error:
            unexplained.append(f"{where} : {error.message('fr')}")
            continue
        have = stored[cost.id]
        if {m: c for m, c in have.items() if c} == {m: c for m, c in computed.items() if c}:
            continue
        differences = [
            f"{names.get(m, f'membre n° {m}')} {format_money(have.get(m, 0))} "
            f"au lieu de {format_money(computed.get(m, 0))}"
            for m in sorted(set(have) | set(computed), key=lambda m: names.get(m, ""))
            if have.get(m, 0) != computed.get(m, 0)
        ]
        finding = f"{where} : " + ", ".join(differences)
        invoice_year = fiscal_year_of(cost.invoice_date, month).start_year
        if year.start_year not in closed and invoice_year in closed:
            # Frozen by its invoice only: its open year's context may move on (a warning).
            drifted.append(finding)
        else:
            wrong.append(finding)
    items = [
        CheckItem(
            not wrong,
            f"Quotes-parts recalculées : les {checked} charge(s) réparties redonnent au "
            "centime près les quotes-parts enregistrées."
            if not wrong
            else "Quotes-parts différentes du recalcul (modifiées hors de l'application ?) : "
            + _listed(wrong),
        )
    ]
    if drifted:
        items.append(
            CheckItem(
                True,
                "Attention, charges figées par leur facture d'un exercice clos dont le recalcul "
                "diffère (le contexte de leur exercice ouvert a changé) : " + _listed(drifted),
                warning=True,
            )
        )
    if unexplained:
        items.append(
            CheckItem(
                True,
                "Attention, charges impossibles à recalculer : " + _listed(unexplained),
                warning=True,
            )
        )
    return items


def seal_checks(session: Session) -> list[CheckItem]:
    """Verify the seal of every closed year."""
    month = start_month(session)
    broken: list[str] = []
    unsealed: list[str] = []
    sealed = 0
    for row in session.scalars(
        select(FiscalYear).where(FiscalYear.closed_at.is_not(None)).order_by(FiscalYear.start_year)
    ):
        label = Period(row.start_year, month).label
        if row.seal is None:
            unsealed.append(label)
        elif not seal_intact(session, row.start_year, row.seal):
            broken.append(label)
        else:
            sealed += 1
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
                "Attention, exercice(s) clôturé(s) sans sceau (clôturé avant cette version) : "
                + ", ".join(unsealed)
                + ". Rouvrez puis clôturez l'exercice pour le sceller.",
                warning=True,
            )
        )
    if not broken and not unsealed:
        items.append(
            CheckItem(True, f"Sceaux : {sealed} exercice(s) clôturé(s), chaque sceau est intact.")
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
