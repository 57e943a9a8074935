"""Calls as practised: a service's billing coefficient and fee, and call lines of a kind.

``shared_services`` gains ``billing_coefficient_e4`` (ten-thousandths: 1,75 → 17 500),
``fee_rate_bp`` (basis points) and ``billing_from`` (NULL: none, none, every day). Each
``call_lines`` row gains its ``kind`` (quarter, catch_up, exceptional, true_up: existing lines
take their call's kind), its ``component`` (base, surcharge, fee: existing lines are base) and
an optional printed ``label``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("shared_services", schema=None) as batch_op:
        batch_op.add_column(sa.Column("billing_coefficient_e4", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fee_rate_bp", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("billing_from", sa.Date(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_shared_services_billing_coefficient_e4_range"),
            "billing_coefficient_e4 IS NULL OR billing_coefficient_e4 BETWEEN 1 AND 100000",
        )
        batch_op.create_check_constraint(
            op.f("ck_shared_services_fee_rate_bp_range"), "fee_rate_bp BETWEEN 0 AND 10000"
        )
    with op.batch_alter_table("call_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=40), nullable=False, server_default="quarter")
        )
        batch_op.add_column(
            sa.Column("component", sa.String(length=40), nullable=False, server_default="base")
        )
        batch_op.add_column(sa.Column("label", sa.String(length=300), nullable=True))
    op.execute(
        "UPDATE call_lines SET kind = 'true_up' WHERE call_id IN "
        "(SELECT id FROM calls WHERE kind = 'true_up')"
    )
    # The defaults were only there to fill the existing rows: the models give every value.
    with op.batch_alter_table("call_lines", schema=None) as batch_op:
        batch_op.alter_column("kind", server_default=None)
        batch_op.alter_column("component", server_default=None)
        batch_op.create_check_constraint(
            op.f("ck_call_lines_kind_enum"),
            "kind IN ('quarter', 'catch_up', 'exceptional', 'true_up')",
        )
        batch_op.create_check_constraint(
            op.f("ck_call_lines_component_enum"), "component IN ('base', 'surcharge', 'fee')"
        )


def downgrade() -> None:
    with op.batch_alter_table("call_lines", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_call_lines_component_enum"), type_="check")
        batch_op.drop_constraint(op.f("ck_call_lines_kind_enum"), type_="check")
        batch_op.drop_column("label")
        batch_op.drop_column("component")
        batch_op.drop_column("kind")
    with op.batch_alter_table("shared_services", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_shared_services_fee_rate_bp_range"), type_="check")
        batch_op.drop_constraint(
            op.f("ck_shared_services_billing_coefficient_e4_range"), type_="check"
        )
        batch_op.drop_column("billing_from")
        batch_op.drop_column("fee_rate_bp")
        batch_op.drop_column("billing_coefficient_e4")
