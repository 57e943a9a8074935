"""The accountant's settings of the FEC export (#14): ``poles.accounting_json`` holds the
account numbers and journal codes as JSON (NULL: the defaults).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 03:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("poles") as batch:
        batch.add_column(sa.Column("accounting_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("poles") as batch:
        batch.drop_column("accounting_json")
