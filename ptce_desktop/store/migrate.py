"""Alembic, configured in code: the schema is only ever created or changed by migrations.

The scripts live in ``ptce_desktop/store/migrations`` (shipped inside the package); there is no
``alembic.ini``. ``env.py`` turns foreign keys off around the migration transaction (a table
rebuild's DROP would otherwise fire ON DELETE cascades) and runs ``PRAGMA foreign_key_check``
before committing.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

if TYPE_CHECKING:  # Alembic is imported only when a file is migrated (a faster start)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

from ptce_desktop.store.engine import WRITE_OPTION, make_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

#: Extra folders of migration scripts; empty in the application, used by tests to add a
#: throw-away revision on top of the real head.
EXTRA_VERSION_LOCATIONS: list[Path] = []


def make_config(
    connection: Connection | None = None, *, extra_version_locations: Sequence[Path] = ()
) -> Config:
    """An Alembic config pointing at our scripts; ``connection`` is handed to ``env.py``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    locations = [MIGRATIONS_DIR / "versions", *EXTRA_VERSION_LOCATIONS, *extra_version_locations]
    # Alembic splits this option on the path separator.
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", _join_paths(locations))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _join_paths(paths: Sequence[Path]) -> str:
    return os.pathsep.join(str(path) for path in paths)


def script_directory(*, extra_version_locations: Sequence[Path] = ()) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(make_config(extra_version_locations=extra_version_locations))


def _revision_graph() -> dict[str, str | None]:
    """``revision -> down_revision`` read from the scripts' text, without importing Alembic.

    Opening a file only needs to know the head and the known revisions; a test checks this
    reading against Alembic's own. Only each script's header — the text before its first
    top-level ``def``, where Alembic's template puts ``revision`` and ``down_revision`` — is
    parsed: the whole initial script (51 kB of DDL) took 30-80 ms of ``ast.parse``, twice an
    open, holding the GIL (the window's thread stalled meanwhile) and a few MB of syntax tree.
    """
    graph: dict[str, str | None] = {}
    for location in (MIGRATIONS_DIR / "versions", *EXTRA_VERSION_LOCATIONS):
        for script in sorted(Path(location).glob("*.py")):
            values = _header_values(script.read_text(encoding="utf-8"))
            revision, down = values.get("revision"), values.get("down_revision")
            if isinstance(revision, str):
                graph[revision] = down if isinstance(down, str) else None
    return graph


def _header_values(text: str) -> dict[str, object]:
    """The constant module-level assignments of a script's header (the whole script when its
    header alone does not parse, or has no ``revision``)."""
    header = re.split(r"^(?:async )?def |^class |^@", text, maxsplit=1, flags=re.MULTILINE)[0]
    values = _constants(header)
    if "revision" not in values and len(header) < len(text):
        values = _constants(text)
    return values


def _constants(source: str) -> dict[str, object]:
    values: dict[str, object] = {}
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return values
    for node in body:
        target: ast.expr | None = None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
            values[target.id] = value.value
    return values


def head_revision() -> str:
    """The single head of this app's migrations (a test checks there is exactly one)."""
    graph = _revision_graph()
    heads = sorted(set(graph) - {down for down in graph.values() if down is not None})
    if len(heads) != 1:  # pragma: no cover - a test keeps exactly one head
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def known_revisions() -> frozenset[str]:
    return frozenset(_revision_graph())


def current_revision(target: Engine | Connection) -> str | None:
    """The revision stamped in the file, or None for a file without schema."""
    from alembic.runtime.migration import MigrationContext

    if isinstance(target, Connection):
        return MigrationContext.configure(target).get_current_revision()
    with target.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    target: Engine | Path | str,
    revision: str = "head",
    *,
    extra_version_locations: Sequence[Path] = (),
) -> None:
    """Upgrade the file (an engine from :func:`~.engine.make_engine`, or a path) to ``revision``.

    The caller takes the verified backup first (:func:`~.database.open_database` does).
    """
    from alembic import command

    engine = target if isinstance(target, Engine) else make_engine(Path(target))
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            config = make_config(connection, extra_version_locations=extra_version_locations)
            command.upgrade(config, revision)
    finally:
        if not isinstance(target, Engine):
            engine.dispose()
