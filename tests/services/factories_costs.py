"""Sample data for the key, service, cost and fee tests (accents, €, &, <, ' and a long name).

Members and the pole belong to other areas: they are written here directly with the ORM so
these tests do not depend on other services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
