"""Feuillet 1 of the Cerfa 15059 (#9 item 5): ``grant_report_texts`` gains the objectives, the
indicators table (JSON list of [indicator, expected, achieved]), the number of beneficiaries and
their breakdown by public (JSON list of [public, number]), and the dates and places apart.

All nullable: an existing report keeps its texts; NULL means « not filled in ».

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 03:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("objectives", "indicators_json", "publics_json", "action_dates", "action_places")


def upgrade() -> None:
    with op.batch_alter_table("grant_report_texts") as batch:
        for name in _TEXTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch.add_column(sa.Column("beneficiaries_count", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("grant_report_texts") as batch:
        batch.drop_column("beneficiaries_count")
        for name in reversed(_TEXTS):
            batch.drop_column(name)
