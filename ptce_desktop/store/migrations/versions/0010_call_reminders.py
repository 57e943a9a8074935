"""Reminder letters (relances): ``call_reminders`` records when an unpaid call was reminded.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "call_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["calls.id"],
            name=op.f("fk_call_reminders_call_id_calls"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_reminders")),
    )
    with op.batch_alter_table("call_reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_reminders_call_id"), ["call_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("call_reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_reminders_call_id"))
    op.drop_table("call_reminders")
