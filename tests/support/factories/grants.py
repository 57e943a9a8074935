"""Sample data for the funder, grant, redistribution and in-kind tests.

Members, projects, keys and the pole belong to other areas: they are written here directly
with the ORM so these tests do not depend on other services. Names hold an accent, €, &, <, '
and one very long name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft
from ptce_desktop.store.models import AllocationKey, FiscalYear, Member, Pole, Project
from ptce_desktop.store.unit_of_work import UnitOfWork

LONG_NAME = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
MEMBER_NAMES = (
    "Dupont & Fils <SARL>",
    "Association L'Épicerie solidaire — 1 234,56 €",
    LONG_NAME,
)
FUNDER_NAME = "Région Auvergne-Rhône-Alpes & <Drôme> — l'€"
GRANT_TITLE = "Animation du pôle « Sud » & <coopération> — 30 000 €"


def euros(text: str) -> int:
    """``"4 800,00"`` -> 480000 (test readability)."""
    whole, _, cents = text.replace(" ", "").partition(",")
    return int(whole) * 100 + int(cents or 0)


@dataclass(frozen=True)
class Services:
    funders: FunderService
    grants: GrantService
    redistributions: RedistributionService
    in_kind: InKindService


@dataclass(frozen=True)
class World:
    services: Services
    members: tuple[int, ...]
    funder_id: int
    project_id: int


def services(uow: UnitOfWork) -> Services:
    return Services(
        FunderService(uow), GrantService(uow), RedistributionService(uow), InKindService(uow)
    )


def seed_pole(uow: UnitOfWork, *, start_month: int = 1) -> None:
    with uow.write("Créer le pôle") as session:
        session.add(
            Pole(id=1, name="Pôle Sud & Drôme <test> — l'€", fiscal_year_start_month=start_month)
        )


def seed_members(uow: UnitOfWork, count: int = 3) -> tuple[int, ...]:
    with uow.write("Créer des membres") as session:
        rows = [
            Member(
                name=MEMBER_NAMES[i] if i < len(MEMBER_NAMES) else f"Membre n° {i} & co",
                category="ess_enterprise",
            )
            for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return tuple(row.id for row in rows)


def seed_project(uow: UnitOfWork, name: str = "Tiers-lieu « La Fabrique » & <co>") -> int:
    with uow.write("Créer un projet") as session:
        row = Project(name=name, status="en_cours")
        session.add(row)
        session.flush()
        return row.id


def seed_key(uow: UnitOfWork, method: str, name: str = "Surface (m²) & <co>") -> int:
    with uow.write("Créer une clé") as session:
        row = AllocationKey(name=name, method=method, unit="m²")
        session.add(row)
        session.flush()
        return row.id


def close_year(uow: UnitOfWork, year: int) -> None:
    with uow.write("Clôturer l'exercice") as session:
        session.add(FiscalYear(start_year=year, closed_at=dt.datetime(year + 1, 3, 1, 12, 0)))


def seed_world(uow: UnitOfWork, members: int = 3) -> World:
    seed_pole(uow)
    member_ids = seed_members(uow, members)
    project_id = seed_project(uow)
    svc = services(uow)
    funder = svc.funders.create_funder(FunderDraft(name=FUNDER_NAME, type="region"))
    return World(svc, member_ids, funder.id, project_id)


def grant_draft(world: World, **changes: Any) -> GrantDraft:
    base = GrantDraft(
        funder_id=world.funder_id,
        title=GRANT_TITLE,
        project_id=world.project_id,
        amount_requested_cents=euros("35 000,00"),
        amount_voted_cents=euros("30 000,00"),
        status="votee",
        decision_ref="Délib. CP-2025/04 & <n°12>",
        decision_date=dt.date(2025, 3, 20),
        convention_ref="Conv. 2025-PTCE-007",
        convention_date=dt.date(2025, 4, 2),
        staged=True,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2026, 12, 31),
        report_due=dt.date(2027, 6, 30),
        coordination_share_bp=1000,
    )
    return replace(base, **changes)


def make_grant(world: World, **changes: Any) -> int:
    return world.services.grants.create_grant(grant_draft(world, **changes)).id


def instalment(day: dt.date, amount: str, reference: str | None = None) -> InstalmentDraft:
    return InstalmentDraft(day, euros(amount), reference)
