"""Sample data for the key, service, cost and fee tests (accents, €, &, <, ' and a long name).

Members and the pole belong to other areas: they are written here directly with the ORM so
these tests do not depend on other services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ptce_desktop.services.costs.costs import CostDraft
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyDraft, KeyService, VersionDraft
from ptce_desktop.store.models import FiscalYear, Member, Pole
from ptce_desktop.store.unit_of_work import UnitOfWork

LONG_NAME = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
MEMBER_NAMES = (
    "Dupont & Fils <SARL>",
    "Association L'Épicerie solidaire — 1 234,56 €",
    LONG_NAME,
)


@dataclass(frozen=True)
class World:
    """Ids of the sample records."""

    members: tuple[int, ...]


def seed_pole(uow: UnitOfWork, *, vat_registered: bool = True, start_month: int = 1) -> None:
    with uow.write("Créer le pôle") as session:
        session.add(
            Pole(
                id=1,
                name="Pôle Sud & Drôme <test> — l'€",
                vat_registered=vat_registered,
                fiscal_year_start_month=start_month,
            )
        )


def seed_members(
    uow: UnitOfWork,
    count: int = 3,
    *,
    joined: dict[int, dt.date] | None = None,
    left: dict[int, dt.date] | None = None,
    categories: tuple[str, ...] = (),
) -> tuple[int, ...]:
    """``count`` members (index from 0); ``joined``/``left`` by index."""
    joined = joined or {}
    left = left or {}
    with uow.write("Créer des membres") as session:
        rows = []
        for index in range(count):
            name = MEMBER_NAMES[index] if index < len(MEMBER_NAMES) else f"Membre n° {index} & co"
            category = categories[index] if index < len(categories) else "ess_enterprise"
            rows.append(
                Member(
                    name=name,
                    category=category,
                    joined_on=joined.get(index),
                    left_on=left.get(index),
                )
            )
        session.add_all(rows)
        session.flush()
        return tuple(row.id for row in rows)


def seed_world(uow: UnitOfWork, *, vat_registered: bool = True, members: int = 3) -> World:
    seed_pole(uow, vat_registered=vat_registered)
    return World(members=seed_members(uow, members))


def close_year(uow: UnitOfWork, year: int) -> None:
    with uow.write("Clôturer l'exercice") as session:
        row = session.query(FiscalYear).filter_by(start_year=year).one_or_none()
        if row is None:
            row = FiscalYear(start_year=year)
            session.add(row)
        row.closed_at = dt.datetime(year + 1, 3, 1, 12, 0)


# --- through the services ----------------------------------------------------------------


def make_key(
    uow: UnitOfWork,
    method: str,
    values: dict[int, int] | None = None,
    *,
    name: str = "Surface (m²) « bureaux » & <co>",
    valid_from: dt.date = dt.date(2025, 1, 1),
    parts: dict[int, int] | None = None,
) -> int:
    """A key with one version (none for a usage key)."""
    keys = KeyService(uow)
    key_id = keys.create_key(KeyDraft(name=name, method=method, unit="m²"))
    if method != "usage":
        keys.add_version(key_id, VersionDraft(valid_from, values or {}, parts or {}))
    return key_id


def make_service(
    uow: UnitOfWork,
    key_id: int | None,
    *,
    name: str = "Locaux partagés à Crest — l'€ & <co>",
    taxable: bool = False,
) -> int:
    return SharedServiceService(uow).create_service(
        ServiceDraft(
            name=name,
            vat_regime="taxable" if taxable else "exempt_261b",
            vat_rate_bp=2000 if taxable else 0,
            key_id=key_id,
        )
    )


def draft(
    service_id: int,
    ht_cents: int,
    vat_cents: int = 0,
    *,
    invoice: dt.date = dt.date(2025, 3, 15),
    start: dt.date = dt.date(2025, 1, 1),
    end: dt.date = dt.date(2025, 12, 31),
    label: str = "Loyer « bureau » & <co> — l'€",
    **extra: object,
) -> CostDraft:
    return CostDraft(
        service_id=service_id,
        invoice_date=invoice,
        period_start=start,
        period_end=end,
        label=label,
        ht_cents=ht_cents,
        vat_cents=vat_cents,
        ttc_cents=ht_cents + vat_cents,
        supplier="SCI L'Étoile <Valence> & fils",
        cerfa_code="613",
        **extra,  # type: ignore[arg-type]
    )
