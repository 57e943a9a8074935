"""Dated billing terms: a service's coefficient and management fee voted from a date.

A groupement d'employeurs' board votes a new coefficient every year, and a closed year must
keep the one it was billed with, so one value per service is not enough. ``service_billing_terms``
holds each term (``valid_from``, ``coefficient_e4``, ``fee_rate_bp``) in force until the next
one. A service billed before this revision gets one term with its current values, from its
``billing_from`` date or, without one, from the beginning (1900-01-01); a service with neither
a coefficient nor a fee gets none. ``shared_services`` then loses ``billing_coefficient_e4``,
``fee_rate_bp`` and ``billing_from``. The downgrade keeps each service's latest term.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 06:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The start of a term that holds "from the beginning" (domain.billing.BILLING_EARLIEST).
EARLIEST = "1900-01-01"


def upgrade() -> None:
    op.create_table(
        "service_billing_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("coefficient_e4", sa.Integer(), nullable=True),
        sa.Column("fee_rate_bp", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "coefficient_e4 IS NULL OR coefficient_e4 BETWEEN 1 AND 100000",
            name=op.f("ck_service_billing_terms_coefficient_e4_range"),
        ),
        sa.CheckConstraint(
            "fee_rate_bp BETWEEN 0 AND 10000",
            name=op.f("ck_service_billing_terms_fee_rate_bp_range"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["shared_services.id"],
            name=op.f("fk_service_billing_terms_service_id_shared_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_billing_terms")),
        sa.UniqueConstraint(
            "service_id", "valid_from", name=op.f("uq_service_billing_terms_service_id_valid_from")
        ),
    )
    with op.batch_alter_table("service_billing_terms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_billing_terms_service_id"), ["service_id"], unique=False
        )
    op.execute(
        "INSERT INTO service_billing_terms (service_id, valid_from, coefficient_e4, fee_rate_bp) "
        f"SELECT id, COALESCE(billing_from, '{EARLIEST}'), billing_coefficient_e4, fee_rate_bp "
        "FROM shared_services "
        "WHERE billing_coefficient_e4 IS NOT NULL OR fee_rate_bp IS NOT NULL"
    )
    with op.batch_alter_table("shared_services", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("ck_shared_services_billing_coefficient_e4_range"), type_="check"
        )
        batch_op.drop_constraint(op.f("ck_shared_services_fee_rate_bp_range"), type_="check")
        batch_op.drop_column("billing_from")
        batch_op.drop_column("fee_rate_bp")
        batch_op.drop_column("billing_coefficient_e4")


def downgrade() -> None:
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
    latest = (
        "FROM service_billing_terms AS t WHERE t.service_id = shared_services.id "
        "ORDER BY t.valid_from DESC LIMIT 1"
    )
    op.execute(
        "UPDATE shared_services SET "
        f"billing_coefficient_e4 = (SELECT t.coefficient_e4 {latest}), "
        f"fee_rate_bp = (SELECT t.fee_rate_bp {latest}), "
        f"billing_from = (SELECT NULLIF(t.valid_from, '{EARLIEST}') {latest})"
    )
    with op.batch_alter_table("service_billing_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_billing_terms_service_id"))
    op.drop_table("service_billing_terms")
