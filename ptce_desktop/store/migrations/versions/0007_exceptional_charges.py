"""Exceptional call lines: ``exceptional_charges`` and ``call_lines.exceptional_id``.

An exceptional charge (works, a one-off purchase) is split once by a key and called once; the
call line that calls it points to it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 03:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exceptional_charges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("own_call", sa.Boolean(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "amount_cents <> 0", name=op.f("ck_exceptional_charges_amount_not_zero")
        ),
        sa.CheckConstraint(
            "amount_cents BETWEEN -99999999999 AND 99999999999",
            name=op.f("ck_exceptional_charges_amount_cents_range"),
        ),
        sa.CheckConstraint(
            "year BETWEEN 1900 AND 2999", name=op.f("ck_exceptional_charges_year_range")
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_exceptional_charges_attachment_id_attachments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["allocation_keys.id"],
            name=op.f("fk_exceptional_charges_key_id_allocation_keys"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["shared_services.id"],
            name=op.f("fk_exceptional_charges_service_id_shared_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exceptional_charges")),
    )
    with op.batch_alter_table("exceptional_charges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exceptional_charges_service_id"), ["service_id"], unique=False
        )
    with op.batch_alter_table("call_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exceptional_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_call_lines_exceptional_id"), ["exceptional_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_call_lines_exceptional_id_exceptional_charges"),
            "exceptional_charges",
            ["exceptional_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("call_lines", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_call_lines_exceptional_id_exceptional_charges"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_call_lines_exceptional_id"))
        batch_op.drop_column("exceptional_id")
    with op.batch_alter_table("exceptional_charges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exceptional_charges_service_id"))
    op.drop_table("exceptional_charges")
