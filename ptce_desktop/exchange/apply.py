"""Run an import: every row through the services in ONE transaction, all or nothing.

:func:`apply_import` opens one ``uow.write`` (one audit entry naming the file), runs each
row's service call in a savepoint so that a refused row (unknown member, duplicate, closed
year…) is recorded as an error and the next rows are still checked, then commits only if no
row failed and this is not a dry run. Every error of the file comes back at once, sorted by
row; nothing is half-imported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.changes import ChangeRecorder, ImportChanges
from ptce_desktop.exchange.prepare import (
    ImportOptions,
    Prepared,
    RowError,
    error_of,
    load,
    prepare,
)
from ptce_desktop.exchange.writers import WRITERS, JoinedUnitOfWork, RowFailure, Step
from ptce_desktop.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file_name: str
    rows: int  # data rows read
    counts: tuple[tuple[str, int], ...]  # « membres créés » -> 12 (what was, or would be, done)
    ignored_columns: tuple[str, ...]
    errors: tuple[RowError, ...]
    written: bool
    #: what was written, for the window's undo (None when nothing was)
    changes: ImportChanges | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """« 40 lignes lues : 38 membres créés, 2 membres mis à jour. »"""
        done = ", ".join(f"{count} {what}" for what, count in self.counts) or "rien à faire"
        plural = "s" if self.rows > 1 else ""
        return f"{self.rows} ligne{plural} lue{plural} : {done}."


class _Rollback(Exception):
    """Leaves the import's transaction without committing (errors, or a dry run)."""


def _row_error(prepared: Prepared, step: Step, error: BaseException) -> RowError:
    field: str | None
    if isinstance(error, RowFailure):
        row, field, known = error.row, error.field, error.error
    else:
        assert isinstance(error, PtceError)
        row, known = step.rows[0], error
        if known.field in row.texts:
            field = known.field
        else:  # a closed year concerns the row, not one of its cells
            field = None if known.code == "closed_year" else step.field
    column = prepared.column_of(field)
    value = row.texts.get(field, "") if field else ""
    return error_of(row.number, column, value, known)


def apply_import(
    uow: UnitOfWork,
    prepared: Prepared,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Write ``prepared`` through the services (see the module's docstring)."""
    options = options or ImportOptions()
    spec = prepared.spec
    errors = list(prepared.errors)
    name = prepared.table.name
    rows = len(prepared.table.rows)
    summary = f"Import « {name} » ({spec.label.lower()}) : {rows} ligne{'s' if rows > 1 else ''}"
    counts: dict[str, int] = {}
    written = False
    changes: ImportChanges | None = None
    try:
        with uow.write(f"Importer {spec.label.lower()}", bulk_summary=summary) as session:
            recorder = ChangeRecorder(session)
            writer = WRITERS[spec.key](JoinedUnitOfWork(uow, session), session, prepared, options)
            steps = list(writer.steps())
            for done, step in enumerate(steps):
                if progress is not None:
                    progress(done, len(steps))
                try:
                    with session.begin_nested():
                        step.run()
                except (PtceError, RowFailure) as error:
                    errors.append(_row_error(prepared, step, error))
            if progress is not None:
                progress(len(steps), len(steps))
            counts = {(one if n == 1 else many): n for (one, many), n in writer.counts.items()}
            session.flush()
            recorder.stop()
            if errors or options.dry_run:
                raise _Rollback
            changes = recorder.changes(uow)  # the previous state, read before the commit
            written = True
    except _Rollback:
        pass
    errors.sort(key=lambda e: e.row or 0)
    log.info("import %s of %s: %d rows, %d errors, written=%s", spec.key, name, rows,
             len(errors), written)  # fmt: skip
    return ImportResult(
        spec.key,
        name,
        rows,
        tuple(counts.items()),
        prepared.ignored,
        tuple(errors),
        written,
        changes,
    )


def run_import(
    uow: UnitOfWork,
    kind: str,
    path: Path | str,
    options: ImportOptions | None = None,
    *,
    mapping: Mapping[str, int] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read, map, check and (unless ``options.dry_run`` or any error) write ``path``.

    A problem with the file as a whole (unreadable, empty, no header, a required column
    missing) raises :class:`PtceError`; row problems come back in ``ImportResult.errors``."""
    options = options or ImportOptions()
    table = load(path, kind, options)
    prepared = prepare(kind, table, options, mapping)
    return apply_import(uow, prepared, options, progress=progress)
