"""``check``: is a database file sound? File-level checks, then the money invariants.

Used by ``ptce-desktop check`` and by the window's "Vérifier la base". Nothing is written: the
file is inspected as it is (an older schema is reported, not migrated).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.vat import amount_to_split
from ptce_desktop.services.grants.redistributions import plan_state
from ptce_desktop.store import migrate
from ptce_desktop.store.database import inspect_file, open_database
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Grant,
    Payment,
    PaymentMatch,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork


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


def check_database(path: Path) -> CheckReport:
    """Every check that applies to ``path``; a file that is not ours raises ``PtceError``."""
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise PtceError("file_not_found", path=str(path))
    state = inspect_file(path)  # foreign, damaged (quick_check) or newer files raise here
    items = [CheckItem(True, "Fichier PTCE Desktop reconnu (identifiant d'application).")]
    items += _sqlite_checks(path)
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
    database = open_database(path, read_only=True)
    try:
        uow = UnitOfWork(database)
        items += _money_checks(uow)
        items += _closing_checks(uow)
    finally:
        database.close()
    return CheckReport(path, tuple(items))


def _closing_checks(uow: UnitOfWork) -> list[CheckItem]:
    """Shares recomputed from their frozen context, seals, money column types (issue 12)."""
    from ptce_desktop.services.pole import closing_checks  # it builds on CheckItem, above

    with uow.read() as session:
        return [
            *closing_checks.money_type_checks(session),
            *closing_checks.share_checks(session),
            *closing_checks.seal_checks(session),
        ]


def _sqlite_checks(path: Path) -> list[CheckItem]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    items = [
        CheckItem(integrity == ["ok"], "Intégrité SQLite : " + "; ".join(integrity[:5]) + "."),
        CheckItem(
            not foreign,
            "Références entre tables : "
            + ("toutes valides." if not foreign else f"{len(foreign)} référence(s) cassée(s)."),
        ),
    ]
    return items


def _money_checks(uow: UnitOfWork) -> list[CheckItem]:
    with uow.read() as session:
        shares = (
            select(Share.cost_id, func.sum(Share.cents).label("total"))
            .group_by(Share.cost_id)
            .subquery()
        )
        rows = session.execute(
            select(
                Cost.id,
                Cost.label,
                Cost.ht_cents,
                Cost.ttc_cents,
                Cost.period_start,
                SharedService,
                shares.c.total,
            )
            .join(SharedService, SharedService.id == Cost.service_id)
            .outerjoin(shares, shares.c.cost_id == Cost.id)
        ).all()
        bad_costs = []
        unshared = 0
        for cost_id, label, ht, ttc, start, service, total in rows:
            if total is None:
                unshared += 1
                continue
            # Dated values: the regime and registration the cost's year had.
            regime = service_vat_on(session, service, start)[0]
            expected = amount_to_split(ht, ttc, regime, vat_registered_on(session, start))
            if total != expected:
                bad_costs.append(
                    f"charge n° {cost_id} « {label} » : quotes-parts {format_money(total)} "
                    f"pour {format_money(expected)}"
                )
        bad_lines = session.scalar(
            select(func.count())
            .select_from(CallLine)
            .where(CallLine.ht_cents + CallLine.vat_cents != CallLine.ttc_cents)
        )
        over_matched = session.execute(
            select(Payment.id)
            .join(PaymentMatch, PaymentMatch.payment_id == Payment.id)
            .group_by(Payment.id, Payment.amount_cents)
            .having(func.sum(PaymentMatch.amount_cents) > Payment.amount_cents)
        ).all()
        calls = session.scalar(select(func.count()).select_from(Call)) or 0
        over_passed = _over_passed(session)
    items = [
        CheckItem(
            not bad_costs,
            f"Quotes-parts : {len(rows) - unshared} charge(s) réparties exactement au centime."
            if not bad_costs
            else "Quotes-parts fausses : " + " ; ".join(bad_costs[:10]),
        ),
        CheckItem(
            unshared == 0,
            "Toutes les charges sont réparties."
            if unshared == 0
            else f"{unshared} charge(s) sans quote-part.",
        ),
        CheckItem(
            not bad_lines,
            f"Appels de fonds : {calls} appel(s), HT + TVA = TTC sur chaque ligne."
            if not bad_lines
            else f"{bad_lines} ligne(s) d'appel où HT + TVA ≠ TTC.",
        ),
        CheckItem(
            not over_matched,
            "Règlements : aucun n'est affecté au-delà de son montant."
            if not over_matched
            else f"{len(over_matched)} règlement(s) affecté(s) au-delà de leur montant.",
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
    return items


def _over_passed(session: Session) -> list[str]:
    """« subvention « … », membre : −500,00 € » for each negative reste à reverser."""
    found = []
    for grant in session.scalars(select(Grant).order_by(Grant.id)):
        state = plan_state(session, grant)
        for line in state.members:
            if line.remaining_cents < 0:
                found.append(
                    f"subvention « {grant.title} », {line.member_name} : "
                    f"{format_money(line.remaining_cents)}"
                )
        if state.remaining_cents < 0 and not any(m.remaining_cents < 0 for m in state.members):
            found.append(f"subvention « {grant.title} » : {format_money(state.remaining_cents)}")
    return found
