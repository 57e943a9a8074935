"""An index on ``payments.amount_cents``, so the payments list sorted by amount is a range read.

The « Règlements » list pages by keyset in the order the user clicks (date, member, amount):
the date has ``ix_payments_date``, the member the members' name index then
``ix_payments_member_id``; the amount had none, and each page sorted the year (~13 000
payments on a large pole). Index only: no data changes.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 08:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_payments_amount_cents", "payments", ["amount_cents"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_payments_amount_cents", table_name="payments")
