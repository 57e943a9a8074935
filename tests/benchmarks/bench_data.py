"""What the benchmarks' synthetic poles share: bulk Core inserts of keys and services.

Each benchmark builds its own members, costs and calls; the keys (one "m²" key per service,
one version, units for every member) and the exempt shared services are the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert

from ptce_desktop.store.models import AllocationKey, KeyVersion, KeyVersionUnit, SharedService


def insert_rows(connection: Any, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """One Core INSERT of ``rows`` into ``model``'s table (nothing when empty)."""
    if rows:
        connection.execute(insert(model.__table__), list(rows))


def insert_keys_and_services(
    connection: Any,
    member_ids: Sequence[int],
    *,
    services: int,
    valid_from: dt.date,
    service_name: str = "Service mutualisé n° {:02d} & accueil",
) -> None:
    """Service ``s`` (1..services) split by key ``s``: units 1 to 50 m² by member id."""
    numbers = range(1, services + 1)
    insert_rows(
        connection,
        AllocationKey,
        [{"id": s, "name": f"Clé n° {s} (m²)", "unit": "m²", "method": "units"} for s in numbers],
    )
    insert_rows(
        connection, KeyVersion, [{"id": s, "key_id": s, "valid_from": valid_from} for s in numbers]
    )
    insert_rows(
        connection,
        KeyVersionUnit,
        [
            {"version_id": s, "member_id": m, "units_milli": 1000 * (m % 50 + 1)}
            for s in numbers
            for m in member_ids
        ],
    )
    insert_rows(
        connection,
        SharedService,
        [
            {
                "id": s,
                "name": service_name.format(s),
                "vat_regime": "exempt_261b",
                "vat_rate_bp": 0,
                "key_id": s,
            }
            for s in numbers
        ],
    )
