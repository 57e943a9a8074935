"""« Nouveau… » inside a dialog's combo box: the creators that open another page's creation
dialog from there (a key from the service dialog, a service from the cost dialog, a member…).

Each ``new_*(ctx, parent)`` returns what :func:`~ptce_desktop.ui.widgets.new_item_combo.
add_new_entry` takes — a callable that runs the creation dialog (its service call recorded in
the undo history like any creation) and returns ``(id, label)`` of the new record, or None when
cancelled — or None when the file is read-only (nothing can be created: no entry is offered).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.ui.pages.keys.actions import KeyActions
from ptce_desktop.ui.pages.keys.dialogs import KeyDialog
from ptce_desktop.ui.pages.members.dialog import MemberDialog
from ptce_desktop.ui.pages.services.dialogs import ServiceActions, ServiceDialog
from ptce_desktop.ui.widgets.new_item_combo import Creator

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext


def run_dialog(dialog: QDialog) -> Any:
    """The dialog's ``result_value`` when it was accepted, else None."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return dialog.result_value if accepted else None  # type: ignore[attr-defined]


def new_key(ctx: AppContext, parent: QWidget) -> Creator | None:
    """« Nouvelle clé… »: the key dialog; the key then gets its first version on Clés."""
    if ctx.read_only:
        return None

    def create() -> tuple[int, str] | None:
        keys = ctx.service(KeyService)
        key_id = run_dialog(KeyDialog(KeyActions(keys, ctx.history), None, parent))
        return None if key_id is None else (key_id, keys.get_key(key_id).name)

    return create


def new_member(ctx: AppContext, parent: QWidget, year: int | None = None) -> Creator | None:
    """« Nouveau membre… »: the member dialog (figures for ``year``, else this year)."""
    if ctx.read_only:
        return None

    def create() -> tuple[int, str] | None:
        chosen = year if year is not None else dt.date.today().year
        dialog = MemberDialog(ctx.members, ctx.history, chosen, str(chosen), parent=parent)
        member = run_dialog(dialog)
        return None if member is None else (member.id, member.name)

    return create


def new_service(ctx: AppContext, parent: QWidget, year: int | None = None) -> Creator | None:
    """« Nouveau service… »: the service dialog, itself offering a new key or member."""
    if ctx.read_only:
        return None

    def create() -> tuple[int, str] | None:
        services = ctx.service(SharedServiceService)
        keys = [(key.id, key.name) for key in ctx.service(KeyService).list_keys()]
        members = [
            (row.id, row.name)
            for row in ctx.members.list_members(include_archived=False, year=year)
        ]
        categories = sorted(
            {view.category for view in services.service_views().values() if view.category}
        )
        dialog = ServiceDialog(
            ServiceActions(services, ctx.history),
            None,
            keys,
            members,
            categories,
            parent,
            new_key=new_key(ctx, parent),
            new_member=new_member(ctx, parent, year),
        )
        service_id = run_dialog(dialog)
        return None if service_id is None else (service_id, services.get_service(service_id).name)

    return create
