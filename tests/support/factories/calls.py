"""Sample data for the call and payment tests, written directly with the ORM.

Pole, members, keys, services, budgets, costs and shares belong to other areas; inserting the
rows here keeps these tests independent of those services. Names hold an accent, `€`, `&`,
`<`, `'` and a very long name.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.store.models import (
    AllocationKey,
    Cost,
    FiscalYear,
    KeyVersion,
    KeyVersionUnit,
    Member,
    Pole,
    ServiceBudget,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
KEY_START = D(2000, 1, 1)
LONG_NAME = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
NAMES = (
    "Atelier Dupont & Fils <SARL>",
    "Bureau L'Épicerie solidaire — 1 234,56 €",
    "Coopérative " + LONG_NAME,
)


def seed_pole(uow: UnitOfWork, *, vat_registered: bool = False, iban: str | None = None) -> None:
    with uow.write("Créer le pôle") as session:
        session.add(
            Pole(
                id=1,
                name="Pôle Sud & Drôme <test> — l'€",
                vat_registered=vat_registered,
                iban=iban,
                bic="AGRIFRPP881" if iban else None,
            )
        )


def seed_members(
    uow: UnitOfWork,
    count: int = 3,
    *,
    joined: Mapping[int, dt.date] | None = None,
    left: Mapping[int, dt.date] | None = None,
) -> tuple[int, ...]:
    """``count`` members named in alphabetical order (index from 0)."""
    joined = joined or {}
    left = left or {}
    with uow.write("Créer des membres") as session:
        rows = [
            Member(
                name=NAMES[index] if index < len(NAMES) else f"Membre n° {index:02d} & co",
                category="ess_enterprise",
                joined_on=joined.get(index),
                left_on=left.get(index),
                address="1 rue de l'Église & <annexe>",
                postcode="26000",
                city="Valence",
            )
            for index in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return tuple(row.id for row in rows)


def seed_units_key(
    uow: UnitOfWork,
    units: Mapping[int, int],
    *,
    name: str = "Surface (m²) & <co>",
    valid_from: dt.date = KEY_START,
) -> int:
    """A units key: member id -> whole units (stored in thousandths)."""
    with uow.write("Créer une clé") as session:
        key = AllocationKey(name=name, unit="m²", method="units")
        key.versions.append(
            KeyVersion(
                valid_from=valid_from,
                units=[
                    KeyVersionUnit(member_id=member, units_milli=value * 1000)
                    for member, value in units.items()
                ],
            )
        )
        session.add(key)
        session.flush()
        return key.id


def seed_service(
    uow: UnitOfWork,
    key_id: int | None,
    budgets: Mapping[int, int],
    *,
    name: str = "Locaux partagés & accueil <RDC>",
    vat_regime: str = "exempt_261b",
    vat_rate_bp: int = 0,
    active_from: dt.date | None = None,
    active_to: dt.date | None = None,
) -> int:
    """A shared service with its budgets (year -> cents)."""
    with uow.write("Créer un service") as session:
        service = SharedService(
            name=name,
            vat_regime=vat_regime,
            vat_rate_bp=vat_rate_bp,
            key_id=key_id,
            active_from=active_from,
            active_to=active_to,
        )
        service.budgets = [
            ServiceBudget(year=year, amount_cents=cents) for year, cents in budgets.items()
        ]
        session.add(service)
        session.flush()
        return service.id


def seed_cost(
    uow: UnitOfWork,
    service_id: int,
    amount_cents: int,
    weights: Mapping[int, int],
    *,
    start: dt.date,
    end: dt.date,
    label: str = "Loyer & charges <trimestre>",
) -> dict[int, int]:
    """A cost of ``amount_cents`` (its split basis) with shares by ``weights``; returns them."""
    shares = allocate_cents(amount_cents, dict(weights))
    with uow.write("Saisir une charge") as session:
        cost = Cost(
            service_id=service_id,
            invoice_date=start,
            period_start=start,
            period_end=end,
            label=label,
            ht_cents=amount_cents,
            vat_cents=0,
            ttc_cents=amount_cents,
        )
        cost.shares = [
            Share(member_id=member, cents=cents) for member, cents in shares.items() if cents
        ]
        session.add(cost)
    return shares


def set_closed(uow: UnitOfWork, year: int, closed: bool = True) -> None:
    with uow.write("Clôturer l'exercice") as session:
        row = session.query(FiscalYear).filter_by(start_year=year).one_or_none()
        if row is None:
            row = FiscalYear(start_year=year)
            session.add(row)
        row.closed_at = dt.datetime(year + 1, 3, 1, 12, 0) if closed else None


def standard_world(
    uow: UnitOfWork,
    *,
    budget_cents: int = 1_200_000,
    units: Sequence[int] = (120, 80, 50),
    vat_registered: bool = False,
) -> tuple[tuple[int, ...], int, int]:
    """Pole, members weighted by m², one exempt service budgeted for 2025.

    Returns (member ids, key id, service id).
    """
    seed_pole(uow, vat_registered=vat_registered, iban="FR7630006000011234567890189")
    members = seed_members(uow, len(units))
    key_id = seed_units_key(uow, dict(zip(members, units, strict=True)))
    service_id = seed_service(uow, key_id, {2025: budget_cents})
    return members, key_id, service_id


@contextmanager
def fresh_uow(template: Path) -> Iterator[UnitOfWork]:
    """A UnitOfWork over a new copy of the migrated template (one per hypothesis example)."""
    from ptce_desktop.store.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pôle hypothèse.sqlite3"
        shutil.copyfile(template, path)
        db = open_database(path)
        try:
            yield UnitOfWork(db)
        finally:
            db.close()
