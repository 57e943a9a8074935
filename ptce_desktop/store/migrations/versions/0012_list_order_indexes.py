"""Indexes in the order of every long list, so a scroll step is a range read, not a sort.

The Charges list sorts by label, excl. VAT and incl. VAT (invoice date, period start and
service already had theirs); the call list reads a year's calls by number; the payment list
reads by date; a record's history by entity and record. Indexes only: no data changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (index, table, columns)
INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("ix_costs_label", "costs", ["label"]),
    ("ix_costs_ht_cents", "costs", ["ht_cents"]),
    ("ix_costs_ttc_cents", "costs", ["ttc_cents"]),
    ("ix_calls_year_number", "calls", ["year", "number"]),
    ("ix_payments_date", "payments", ["date"]),
    ("ix_audit_entries_entity_record", "audit_entries", ["entity", "record_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
