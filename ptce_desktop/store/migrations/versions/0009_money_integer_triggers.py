"""Every amount is an integer number of cents, in the file itself (issue 12, item 3).

SQLite stores ``10.5`` in an INTEGER column as a REAL (a whole ``10.0`` it turns into the
integer 10 by itself), and any tool can write one. For each money column (``BIGINT``: the
``cents()`` columns) two triggers refuse a non-integer value on insert and on update.

Triggers rather than table CHECK constraints, on purpose: adding a CHECK rebuilds the table
and re-checks every stored row, so a file already holding a non-whole REAL amount would fail
to migrate and could not be opened at all. The triggers guard new writes only; ``check`` names
any amount already stored wrong, for the user to correct. A later migration that rebuilds a
money table must create its two triggers again (``tests/store`` checks every money column has
them).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:55:00
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def trigger_names(table: str, column: str) -> tuple[str, str]:
    return (f"money_integer_{table}_{column}_insert", f"money_integer_{table}_{column}_update")


def _money_columns() -> Iterator[tuple[str, str]]:
    connection = op.get_bind()
    tables = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    for table in tables:
        for _cid, name, kind, *_rest in connection.exec_driver_sql(f'PRAGMA table_info("{table}")'):
            if str(kind).upper() == "BIGINT":
                yield table, name


def upgrade() -> None:
    for table, column in list(_money_columns()):
        on_insert, on_update = trigger_names(table, column)
        refuse = (
            f'WHEN NEW."{column}" IS NOT NULL AND typeof(NEW."{column}") != \'integer\' '
            f"BEGIN SELECT RAISE(ABORT, 'money_not_integer: {table}.{column}'); END"
        )
        op.execute(f'CREATE TRIGGER "{on_insert}" BEFORE INSERT ON "{table}" {refuse}')
        op.execute(
            f'CREATE TRIGGER "{on_update}" BEFORE UPDATE OF "{column}" ON "{table}" {refuse}'
        )


def downgrade() -> None:
    connection = op.get_bind()
    for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'money_integer_%'"
    ).fetchall():
        op.execute(f'DROP TRIGGER "{name}"')
