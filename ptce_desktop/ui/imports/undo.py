"""One import, one undo step (DESIGN §5 "Undo").

Undoing an import replays, in **one** transaction through the unit of work (one audit entry,
closed years refused like any user action), the inverse service call of everything it wrote
(:class:`~ptce_desktop.exchange.changes.ImportChanges`): the records it changed get their
previous state back (``update``, ``set_budget``…, recorded when the import was applied), then
the records it created are deleted, newest first. Redoing it imports the same rows again.

An import whose changes an undo could not restore (:attr:`ImportChanges.undoable` False) is
not an undo step: the history is cleared, as after importing an archive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.apply import ImportResult, apply_import
from ptce_desktop.exchange.changes import FIGURES, ImportChanges, Record, Updated
from ptce_desktop.exchange.prepare import ImportOptions, Prepared
from ptce_desktop.exchange.writers import JoinedUnitOfWork
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.commands import ServiceCommand, UndoHistory
from ptce_desktop.ui.pages.keys.actions import version_draft
from ptce_desktop.ui.pages.services.dialogs import draft_of

#: the history's record kinds (ui/commands.py) of the records an import creates
_HISTORY_KINDS = {"members": "member", "costs": "cost", "payments": "payment"}


def _delete(uow: UnitOfWork, record: Record) -> None:
    deletions: dict[str, Callable[[], Any]] = {
        "members": lambda: MemberService(uow).delete(record.id),
        "member_year_figures": lambda: MemberService(uow).set_year_figures(*record.keys),
        "shared_services": lambda: SharedServiceService(uow).delete_service(record.id),
        "service_budgets": lambda: SharedServiceService(uow).remove_budget(*record.keys),
        "allocation_keys": lambda: KeyService(uow).delete_key(record.id),
        "key_versions": lambda: KeyService(uow).delete_version(record.id),
        "usage_records": lambda: KeyService(uow).delete_usage(record.id),
        "costs": lambda: CostService(uow).delete_cost(record.id),
        "payments": lambda: PaymentService(uow).delete_payment(record.id),
        "instalments": lambda: GrantService(uow).delete_instalment(record.id),
    }
    deletions[record.table]()


def _restore(uow: UnitOfWork, updated: Updated) -> None:
    record, before = updated.record, updated.before
    if record.table == "members":
        MemberService(uow).update(record.id, before)
    elif record.table == "shared_services":
        SharedServiceService(uow).update_service(record.id, draft_of(before))
    elif record.table == "key_versions":
        KeyService(uow).update_version(record.id, version_draft(before))
    elif record.table == "member_year_figures":
        figures = before or dict.fromkeys(FIGURES)
        MemberService(uow).set_year_figures(*record.keys, **figures)
    elif record.table == "service_budgets":
        services = SharedServiceService(uow)
        service_id, year = record.keys
        if before is None:
            services.remove_budget(service_id, year)
        else:
            services.set_budget(service_id, year, before)
    else:  # pragma: no cover - ImportChanges lists only the tables above
        raise ValueError(record.table)


def undo_import(uow: UnitOfWork, changes: ImportChanges, file_name: str) -> None:
    """Give back what the import of ``file_name`` changed and delete what it created, in one
    transaction: all or nothing (a closed year refuses the whole undo)."""
    summary = f"Annulation de l'import « {file_name} »"
    with uow.write("Annuler un import", bulk_summary=summary) as session:
        joined = JoinedUnitOfWork(uow, session)
        for updated in reversed(changes.updated):
            _restore(joined, updated)
        for record in reversed(changes.created):
            _delete(joined, record)


def record_import(
    history: UndoHistory,
    uow: UnitOfWork,
    text: str,
    result: ImportResult,
    prepared: Prepared,
    options: ImportOptions,
) -> bool:
    """Push the written ``result`` as one undo step; False (and the history cleared) when it
    cannot be undone."""
    changes = result.changes
    if not result.written or changes is None or not changes.undoable:
        history.clear()  # earlier steps must not be replayed over rows it wrote
        return False
    state = {"changes": changes}
    redo_options = replace(options, dry_run=False)

    def undo() -> None:
        undo_import(uow, state["changes"], result.file_name)

    def redo() -> None:
        again = apply_import(uow, prepared, redo_options)
        if not again.written or again.changes is None:
            raise PtceError("import_has_errors", count=len(again.errors), name=result.file_name)
        before, after = state["changes"].created, again.changes.created
        # a later step's record (an imported member edited after the import) follows the
        # record the redo created in its place
        for old, new in zip(before, after, strict=False):
            kind = _HISTORY_KINDS.get(old.table)
            if kind is not None and old.table == new.table and old.id != new.id:
                history._rebind(kind, old.id, new.id)
        state["changes"] = again.changes

    history.push(ServiceCommand(history, text, redo, undo))
    return True
