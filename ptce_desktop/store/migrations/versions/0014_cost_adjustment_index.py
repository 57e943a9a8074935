"""A partial index on ``costs.adjusts_cost_id``, so deleting a cost is not a scan of every cost.

Deleting a cost (or undoing its creation) asks whether an adjustment points at it, and SQLite's
RESTRICT check on the foreign key asks the same: without an index both read the whole table
(0,7 s on a 1 000 000-cost pole, on the GUI thread). Only adjustments have the column set, so
the index holds those rows alone. Index only: no data changes.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 07:15:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_costs_adjusts_cost_id",
        "costs",
        ["adjusts_cost_id"],
        unique=False,
        sqlite_where=sa.text("adjusts_cost_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_costs_adjusts_cost_id", table_name="costs")
