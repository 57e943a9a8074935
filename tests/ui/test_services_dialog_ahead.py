"""« Ajouter un service » opens without reading the database on the GUI thread (issue #18):
the dialog's keys and members of the year are read on a worker after the list, and read again
after a change of members or keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.ui.pages.services.dialogs import ServiceDialog
from ptce_desktop.ui.pages.services.page import ServicesPage
from ptce_desktop.ui.shell.context import AppContext

LONG = "Coopérative « L'Œuvre & Cœur <Drôme> » — 12 € " + "très " * 25 + "longue"


def _items(combo: Any) -> dict[Any, str]:
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def test_the_dialog_offers_what_was_read_ahead(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ctx.members.create(MemberDraft(name=LONG, joined_on=dt.date(2020, 1, 1))).id
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)
    page.set_fiscal_year(2025)  # the list, then the dialog's choices (inline runner: at once)
    # created after: the change reaches the page, which reads its choices again
    key = ctx.service(KeyService).create_key(KeyDraft("Surface (m²) & <co>", "units", "m²"))
    other = ctx.members.create(MemberDraft(name="Mairie d'Éclair", joined_on=dt.date(2021, 1, 1)))
    seen: list[ServiceDialog] = []

    def fake_exec(dialog: ServiceDialog) -> int:
        seen.append(dialog)
        return 0

    def no_read(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("read on the GUI thread while the dialog opens")

    monkeypatch.setattr(ServiceDialog, "exec", fake_exec)
    monkeypatch.setattr(MemberService, "list_members", no_read)
    monkeypatch.setattr(KeyService, "list_keys", no_read)
    assert page.new_item() is None
    (dialog,) = seen
    members = _items(dialog.fields.editor("carrier_member_id"))
    assert members[first] == LONG and members[other.id] == "Mairie d'Éclair"
    assert _items(dialog.fields.editor("key_id"))[key] == "Surface (m²) & <co>"
