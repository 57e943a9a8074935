"""Alembic environment: run through :mod:`ptce_desktop.store.migrate` only.

On SQLite, foreign keys are switched off *before* the migration transaction (the pragma is a
no-op inside one), so that batch table rebuilds (copy, DROP, rename) do not fire ON DELETE
cascades; ``PRAGMA foreign_key_check`` then runs inside the transaction and any row it returns
aborts the whole migration; foreign keys are switched back on afterwards.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.models import Base

target_metadata = Base.metadata


def _set_foreign_keys(connection: Connection, on: bool) -> None:
    # Straight to the driver: through SQLAlchemy the statement would open a transaction first.
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection) -> None:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if rows:
        shown = ", ".join(f"{row[0]}#{row[1]}→{row[2]}" for row in rows[:5])
        raise PtceError(
            "integrity_failed",
            path=connection.engine.url.database or "",
            detail=f"foreign_key_check: {len(rows)} ({shown})",
        )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through ptce_desktop.store.migrate")
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        if connection.in_transaction():
            raise RuntimeError("the migration connection must not be inside a transaction")
        _set_foreign_keys(connection, on=False)
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            transactional_ddl=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _check_foreign_keys(connection)
    finally:
        if sqlite:
            _set_foreign_keys(connection, on=True)


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
