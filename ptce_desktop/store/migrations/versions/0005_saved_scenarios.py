"""Scenarios of the simulator saved with the pole (« Et si… ? », issue 17).

``saved_scenarios`` holds a name and the scenario's JSON; no figure of the pole depends on it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 03:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "saved_scenarios",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_scenarios")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_scenarios_name")),
    )


def downgrade() -> None:
    op.drop_table("saved_scenarios")
