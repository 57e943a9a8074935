"""Closed years stay closed: dated VAT regime and registration, and a seal per closed year.

``service_vat_periods`` and ``pole_vat_periods`` hold the dated values (empty: the value on
the service or the pole holds every day, as before); ``fiscal_years.seal`` the fingerprint
taken when a year is closed (NULL for years closed before this revision: ``check`` reports
them as unsealed, a warning).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 03:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pole_vat_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("vat_registered", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pole_vat_periods")),
        sa.UniqueConstraint("valid_from", name=op.f("uq_pole_vat_periods_valid_from")),
    )
    op.create_table(
        "service_vat_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("vat_regime", sa.String(length=40), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "vat_rate_bp BETWEEN 0 AND 10000",
            name=op.f("ck_service_vat_periods_vat_rate_bp_range"),
        ),
        sa.CheckConstraint(
            "vat_regime IN ('exempt_261b', 'taxable')",
            name=op.f("ck_service_vat_periods_vat_regime_enum"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["shared_services.id"],
            name=op.f("fk_service_vat_periods_service_id_shared_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_vat_periods")),
        sa.UniqueConstraint(
            "service_id", "valid_from", name=op.f("uq_service_vat_periods_service_id_valid_from")
        ),
    )
    with op.batch_alter_table("service_vat_periods", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_vat_periods_service_id"), ["service_id"], unique=False
        )
    with op.batch_alter_table("fiscal_years", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fiscal_years", schema=None) as batch_op:
        batch_op.drop_column("seal")
    with op.batch_alter_table("service_vat_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_vat_periods_service_id"))
    op.drop_table("service_vat_periods")
    op.drop_table("pole_vat_periods")
