"""Sample data for the store tests (accents, €, &, <, ' and a very long name)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ptce_desktop.store.models import (
    AllocationKey,
    Cost,
    FiscalYear,
    KeyVersion,
    KeyVersionUnit,
    Member,
    Pole,
    Share,
    SharedService,
)

LONG_NAME = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
NAMES = (
    "Dupont & Fils <SARL>",
    "Association L'Épicerie solidaire — 1 234,56 €",
    LONG_NAME,
)


def make_cost(
    service: SharedService, invoice: dt.date, label: str = "Loyer « bureau » & co"
) -> Cost:
    return Cost(
        service=service,
        invoice_date=invoice,
        period_start=invoice.replace(day=1),
        period_end=invoice,
        label=label,
        supplier="SCI L'Étoile <Valence>",
        ht_cents=123_456,
        vat_cents=0,
        ttc_cents=123_456,
        cerfa_code="613",
    )


def seed(session: Session) -> dict[str, int]:
    """Pole, three members, a key, a service and one 2025 cost with its shares."""
    session.add(Pole(id=1, name="Pôle Sud & Drôme <test>", fiscal_year_start_month=1))
    members = [Member(name=name, category="ess_enterprise") for name in NAMES]
    key = AllocationKey(name="Surface (m²)", unit="m²", method="units")
    version = KeyVersion(key=key, valid_from=dt.date(2025, 1, 1), note="Vote du CA d'avril")
    for index, member in enumerate(members, start=1):
        version.units.append(KeyVersionUnit(member=member, units_milli=index * 10_500))
    service = SharedService(name="Locaux partagés à Crest", key=key, vat_regime="exempt_261b")
    cost = make_cost(service, dt.date(2025, 3, 15))
    for member, cents in zip(members, (20_000, 40_000, 63_456), strict=True):
        cost.shares.append(Share(member=member, cents=cents, key_version=version))
    session.add_all([*members, service, cost, FiscalYear(start_year=2025)])
    session.flush()
    return {
        "cost": cost.id,
        "service": service.id,
        "member": members[0].id,
        "version": version.id,
    }
