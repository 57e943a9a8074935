"""The whole pole as one ``.ptce`` file, to move it to another computer or hand it over.

An archive is a zip holding:

* ``manifest.json``: the archive format (:data:`ARCHIVE_VERSION`), the schema revision of the
  file it comes from, the program's version, when it was made, and for every table and every
  attachment its member name, row count or size, and SHA-256;
* ``tables/<table>.json``: ``{"columns": [...], "rows": [[...], ...]}`` — every table of the
  schema, found by **reflection** of the open file (not a hand-kept list: a table added
  tomorrow is archived too), its rows as SQLite stores them (integers, text, dates as their ISO
  text, ``{"$base64": …}`` for bytes), ids included;
* ``attachments/<stored name>``: the files of the pole's attachments folder.

:func:`import_archive` checks everything before it creates anything (format version not newer,
every checksum, a schema revision this program knows), then builds a new file at the archive's
revision, loads every row with the same ids (foreign keys checked once at the end), migrates it
to the current head if the archive is older, copies the attachments, and only then renames it
to the target. A path that already holds a file is refused: an archive never overwrites a pole.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from ptce_desktop import __version__
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.export.atomic import replacing
from ptce_desktop.store import migrate as migrations
from ptce_desktop.store.engine import APPLICATION_ID, sqlite_uri
from ptce_desktop.store.paths import attachments_dir
from ptce_desktop.store.unit_of_work import UnitOfWork

ARCHIVE_VERSION = 1
FORMAT = "ptce-archive"
MANIFEST = "manifest.json"
SUFFIX = ".ptce"
#: tables of the machinery, not of the pole (the revision is in the manifest)
SKIPPED_TABLES = frozenset({"alembic_version"})


@dataclass(frozen=True)
class ArchiveResult:
    path: Path
    table_count: int
    row_count: int
    attachment_count: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["$base64"])
    return value


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def archive_tables(uow: UnitOfWork) -> dict[str, dict[str, Any]]:
    """Every table of the open file (by reflection) with its columns and raw rows, read in
    one transaction (a consistent snapshot)."""
    tables: dict[str, dict[str, Any]] = {}
    with uow.read() as session:
        connection = session.connection()
        names = sorted(set(inspect(connection).get_table_names()) - SKIPPED_TABLES)
        for name in names:
            columns = [c[1] for c in connection.exec_driver_sql(f'PRAGMA table_info("{name}")')]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = connection.exec_driver_sql(f'SELECT {quoted} FROM "{name}" ORDER BY rowid').all()
            tables[name] = {"columns": columns, "rows": [[_encode(v) for v in r] for r in rows]}
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    tables["__revision__"] = {"revision": revision}
    return tables


def export_archive(uow: UnitOfWork, db_path: Path, path: Path | str) -> ArchiveResult:
    """Write the pole of ``uow`` (its file is ``db_path``, for the attachments) to ``path``."""
    target = Path(path)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    tables = archive_tables(uow)
    revision = tables.pop("__revision__")["revision"]
    folder = attachments_dir(Path(db_path))
    files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": ARCHIVE_VERSION,
        "schema_revision": revision,
        "program_version": __version__,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "tables": {},
        "attachments": {},
    }
    rows = 0
    with (
        replacing(target, prefix=".archive-") as temporary,  # whole or not at all
        zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, table in tables.items():
            data = _json(table)
            member = f"tables/{name}.json"
            archive.writestr(member, data)
            manifest["tables"][name] = {
                "member": member, "rows": len(table["rows"]), "sha256": _sha256(data),
            }  # fmt: skip
            rows += len(table["rows"])
        for file in files:
            data = file.read_bytes()
            member = f"attachments/{file.name}"
            archive.writestr(member, data)
            manifest["attachments"][file.name] = {
                "member": member, "size": len(data), "sha256": _sha256(data),
            }  # fmt: skip
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return ArchiveResult(target, len(tables), rows, len(files))


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedArchive:
    manifest: dict[str, Any]
    tables: dict[str, dict[str, Any]]
    attachments: dict[str, bytes]


def read_archive(path: Path | str) -> CheckedArchive:
    """The archive's content, every checksum verified; ``PtceError`` otherwise."""
    source = Path(path)
    name = source.name
    if not source.is_file():
        raise PtceError("file_not_found", path=str(source))
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PtceError("archive_unreadable", name=name, detail="manifeste absent")
            version = manifest.get("format_version")
            if not isinstance(version, int) or version > ARCHIVE_VERSION:
                raise PtceError(
                    "archive_too_new", name=name, version=version, supported=ARCHIVE_VERSION
                )

            def member(entry: dict[str, Any]) -> bytes:
                data = archive.read(entry["member"])
                if _sha256(data) != entry["sha256"]:
                    raise PtceError("archive_bad_checksum", name=name, member=entry["member"])
                return data

            tables = {t: json.loads(member(e)) for t, e in manifest["tables"].items()}
            attachments = {a: member(e) for a, e in manifest["attachments"].items()}
    except PtceError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        detail = str(error).strip() or type(error).__name__
        raise PtceError("archive_unreadable", name=name, detail=detail[:160]) from None
    for table, entry in manifest["tables"].items():
        if len(tables[table]["rows"]) != entry["rows"]:
            raise PtceError("archive_bad_checksum", name=name, member=entry["member"])
    return CheckedArchive(manifest, tables, attachments)


def import_archive(path: Path | str, db_path: Path | str) -> ArchiveResult:
    """Recreate the pole of the archive ``path`` in the NEW file ``db_path`` (see the module)."""
    target = Path(db_path).expanduser().absolute()
    if target.exists() or Path(f"{target}-wal").exists():
        raise PtceError("archive_target_exists", path=str(target))
    checked = read_archive(path)
    revision = checked.manifest.get("schema_revision")
    if revision not in migrations.known_revisions():
        raise PtceError(
            "archive_schema_mismatch",
            name=Path(path).name,
            archive=revision,
            current=migrations.head_revision(),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.import")
    for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
        leftover.unlink(missing_ok=True)
    try:
        _create(temporary, str(revision))
        rows = _load(temporary, checked.tables)
        if revision != migrations.head_revision():
            migrations.upgrade(temporary)
        folder = attachments_dir(target)
        if checked.attachments:
            folder.mkdir(parents=True, exist_ok=True)
        for name, data in checked.attachments.items():
            file = folder / Path(name).name
            if not file.exists():
                file.write_bytes(data)
        if target.exists():  # created meanwhile: never overwrite
            raise PtceError("archive_target_exists", path=str(target))
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)
    return ArchiveResult(target, len(checked.tables), rows, len(checked.attachments))


def _create(path: Path, revision: str) -> None:
    """A new file of ours with the schema at ``revision``."""
    connection = sqlite3.connect(sqlite_uri(path, read_only=False), uri=True)
    try:
        connection.isolation_level = None
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    finally:
        connection.close()
    migrations.upgrade(path, revision)


def _load(path: Path, tables: dict[str, dict[str, Any]]) -> int:
    """Insert every row (same ids) in one transaction, foreign keys checked at the end."""
    connection = sqlite3.connect(str(path))
    rows = 0
    try:
        connection.isolation_level = None
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("BEGIN IMMEDIATE")
        present = {r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )} - SKIPPED_TABLES  # fmt: skip
        missing = sorted(set(tables) - present)
        if missing:
            raise PtceError(
                "archive_unreadable",
                name=path.name,
                detail="tables inconnues : " + ", ".join(missing),
            )
        for name in present:  # a new file may hold rows its migrations seeded
            connection.execute(f'DELETE FROM "{name}"')
        for name, table in tables.items():
            columns = ", ".join(f'"{c}"' for c in table["columns"])
            marks = ", ".join("?" for _ in table["columns"])
            connection.executemany(
                f'INSERT INTO "{name}" ({columns}) VALUES ({marks})',
                ([_decode(v) for v in row] for row in table["rows"]),
            )
            rows += len(table["rows"])
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise PtceError(
                "archive_unreadable", name=path.name, detail=f"références brisées : {problems[:3]}"
            )
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
    return rows
