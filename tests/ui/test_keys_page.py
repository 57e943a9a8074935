"""The Clés de répartition page end to end: keys, versions (units, %, equal, mixed), usage,
undo/redo, validation in the dialogs, the recomputation report, models under the tester."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter, give_shares, make_context

from ptce_desktop.domain.keys import Method
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.keys.dialogs import KeyDialog, VersionDialog
from ptce_desktop.ui.pages.keys.page import KeysPage
from ptce_desktop.ui.pages.keys.usage import UsageDialog
from ptce_desktop.ui.pages.keys.values import VersionValuesModel
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

KEY_NAME = "Surface occupée (m²) & <bureaux> — « Maison de l'Œuvre »"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def keys(ctx: AppContext) -> KeyService:
    return ctx.service(KeyService)


@pytest.fixture
def members(ctx: AppContext) -> list[int]:
    names = ["Coopérative L'Éclair & Fils", "Association <Les Jardins>", "Mairie de Crest"]
    return [
        ctx.members.create(MemberDraft(name=name, joined_on=dt.date(2020, 1, 1))).id
        for name in names
    ]


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, members: list[int], french: None) -> KeysPage:
    widget = KeysPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)  # what the window does
    widget.set_fiscal_year(2025)
    widget.resize(1200, 700)
    return widget


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Replace ``cls.exec`` (modal, blocks offscreen) by: fill the fields, press OK."""
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def key_names(page: KeysPage) -> list[str]:
    return [row.name for row in page.model.rows()]


def type_value(model: VersionValuesModel, member_name: str, text: str) -> None:
    for row, entry in enumerate(model.entries()):
        if entry.name == member_name:
            assert model.setData(model.index(row, VersionValuesModel.VALUE), text)
            return
    raise AssertionError(member_name)


def units_key(keys: KeyService, members: list[int], on: dt.date = dt.date(2025, 1, 1)) -> int:
    key_id = keys.create_key(KeyDraft(KEY_NAME, "units", "m²"))
    keys.add_version(key_id, VersionDraft(on, {members[0]: 120_000, members[1]: 30_000}))
    return key_id


# --- keys -------------------------------------------------------------------------------------


def test_create_a_key_then_undo_and_redo(
    page: KeysPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.fields.editor("name").setText(KEY_NAME)
        combo = dialog.fields.editor("method")
        combo.setCurrentIndex(combo.findData("units"))
        dialog.fields.editor("unit").setText("m²")

    run_dialog(monkeypatch, KeyDialog, fill)
    key_id = page.new_item()
    assert key_id is not None and key_names(page) == [KEY_NAME]
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert "Unités" in texts and "m²" in texts
    assert page.current_key() is not None and page.current_key().id == key_id
    ctx.history.undo()
    assert key_names(page) == []
    ctx.history.redo()
    assert key_names(page) == [KEY_NAME]


def test_edit_a_key_then_undo(
    page: KeysPage, ctx: AppContext, keys: KeyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_id = keys.create_key(KeyDraft("Parts égales", "equal"))
    page.reload()
    page.select_key(key_id)

    def fill(dialog: Any) -> None:
        assert dialog.fields.editor("name").text() == "Parts égales"
        dialog.fields.editor("name").setText("Parts égales – résidents")
        dialog.fields.editor("description").setPlainText("Décision du CA « 2025 »")

    run_dialog(monkeypatch, KeyDialog, fill)
    assert page.edit_selected() == key_id
    assert key_names(page) == ["Parts égales – résidents"]
    ctx.history.undo()
    assert key_names(page) == ["Parts égales"]
    assert keys.get_key(key_id).description is None


def test_the_method_of_a_key_with_versions_is_locked(
    page: KeysPage, ctx: AppContext, keys: KeyService, members: list[int], qtbot: QtBot
) -> None:
    key_id = units_key(keys, members)
    dialog = KeyDialog(page.edits, keys.get_key(key_id), page)
    qtbot.addWidget(dialog)
    assert not dialog.fields.editor("method").isEnabled()
    assert "garde sa méthode" in dialog.fields.cells["method"].hint_label.text()


def test_an_empty_or_taken_name_is_explained_under_the_field(
    page: KeysPage, ctx: AppContext, keys: KeyService, qtbot: QtBot
) -> None:
    keys.create_key(KeyDraft("Surface", "units", "m²"))
    dialog = KeyDialog(page.edits, None, page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Nom" in dialog.fields.errors()["name"]
    dialog.fields.editor("name").setText("Surface")
    dialog.fields.editor("unit").setText("m² <bâti>")
    dialog.accept()
    assert "s'appelle déjà « Surface »" in dialog.fields.errors()["name"]
    assert dialog.fields.editor("unit").text() == "m² <bâti>"  # what was typed stays
    assert ctx.history.count() == 0


def test_delete_a_key_with_versions_then_undo(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_id = units_key(keys, members)
    keys.add_version(key_id, VersionDraft(dt.date(2025, 7, 1), {members[2]: 5_500}, note="Été"))
    keys.create_key(KeyDraft("Zone témoin", "equal"))  # a newer key: no rowid is reused
    page.reload()
    asked = answer_yes(monkeypatch)
    page.select_key(key_id)
    assert page.delete_selected()
    assert KEY_NAME in asked[0] and key_names(page) == ["Zone témoin"]
    ctx.history.undo()
    restored = {row.name: row.key for row in page.model.rows()}
    versions = restored[KEY_NAME].versions
    assert [v.valid_from for v in versions] == [dt.date(2025, 1, 1), dt.date(2025, 7, 1)]
    detail = keys.get_version(versions[1].id)
    assert [(m.member_id, m.units, detail.note) for m in detail.members] == [
        (members[2], 5_500, "Été")
    ]
    ctx.history.redo()
    assert key_names(page) == ["Zone témoin"]


def test_delete_a_usage_key_then_undo_maps_its_records(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hours = keys.create_key(KeyDraft("Heures", "usage", "h"))  # the newest: its id is reused
    page.reload()
    page.select_key(hours)
    monkeypatch.setattr(UsageDialog, "exec", lambda d: _fill_usage(d, members[0]))
    record = page.new_usage()
    assert record is not None
    answer_yes(monkeypatch)
    page.select_key(hours)
    assert page.delete_selected()
    ctx.history.undo()  # the key comes back with its record, under new ids
    new_hours = next(row.id for row in page.model.rows() if row.name == "Heures")
    usage = keys.list_usage(new_hours, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [(u.quantity_milli, u.note) for u in usage] == [(12_500, "Mars")]
    ctx.history.undo()  # the record, found under its new id
    assert keys.list_usage(new_hours, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == []
    assert ctx.presenter.codes() == []  # type: ignore[attr-defined]


def _fill_usage(dialog: Any, member_id: int) -> int:
    combo = dialog.fields.editor("member_id")
    combo.setCurrentIndex(combo.findData(member_id))
    dialog.fields.editor("on").setText("31/03/2025")
    dialog.fields.editor("quantity_milli").setText("12,5")
    dialog.fields.editor("note").setText("Mars")
    dialog.accept()
    return int(dialog.result())


def test_ids_reused_by_sqlite_never_confuse_two_keys(
    page: KeysPage, ctx: AppContext, keys: KeyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = keys.create_key(KeyDraft("Première", "equal"))
    second = keys.create_key(KeyDraft("Seconde", "equal"))
    page.reload()
    answer_yes(monkeypatch)
    for key_id in (first, second):
        page.select_key(key_id)
        assert page.delete_selected()
    ctx.history.undo()
    ctx.history.undo()
    assert sorted(key_names(page)) == ["Première", "Seconde"]
    ctx.history.redo()
    ctx.history.redo()
    assert key_names(page) == [] and ctx.presenter.codes() == []  # type: ignore[attr-defined]


def test_a_key_in_use_is_not_deleted_and_the_reason_is_shown(
    page: KeysPage, ctx: AppContext, members: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    give_shares(ctx, members)
    page.reload()
    page.select_key(page.model.rows()[0].id)
    answer_yes(monkeypatch)
    assert not page.delete_selected()
    presenter: RecordingPresenter = ctx.presenter  # type: ignore[assignment]
    assert presenter.codes() == ["key_in_use"]
    assert "Accueil & secrétariat <partagé>" in presenter.errors[0].message("fr")
    assert len(page.model.rows()) == 1 and ctx.history.count() == 0


def test_the_search_ignores_accents_and_case(page: KeysPage, keys: KeyService) -> None:
    for name, method in (("Surface", "units"), ("Égalité", "equal"), ("Heures", "usage")):
        keys.create_key(KeyDraft(name, method))
    page.focus_search()
    page.search.setText("egal")
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == ["Égalité"]
    assert page.count_label.text() == "Affichage : 1 sur 3 clés"
    page.search.setText("usage relev")  # the method column is searched too
    assert page.proxy.rowCount() == 1


# --- versions ---------------------------------------------------------------------------------


def test_add_a_units_version_typed_in_french(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_id = units_key(keys, members)
    page.reload()
    page.select_key(key_id)

    def fill(dialog: Any) -> None:
        assert dialog.fields.editor("valid_from").text() == ""  # 01/01/2025 is taken
        dialog.fields.editor("valid_from").setText("01/07/2025")
        dialog.fields.editor("note").setText("Nouveaux bureaux « B » & <C>")
        # pre-filled from the version in force
        typed = {e.name: e.text for e in dialog.model.entries()}
        assert typed["Coopérative L'Éclair & Fils"] == "120"
        assert typed["Association <Les Jardins>"] == "30"
        type_value(dialog.model, "Mairie de Crest", "12,5")
        type_value(dialog.model, "Association <Les Jardins>", "")
        assert plain(dialog.total_label.text()) == "Total : 132,5 m²"

    run_dialog(monkeypatch, VersionDialog, fill)
    change = page.new_version()
    assert change is not None
    detail = keys.get_version(change.version_id)
    assert {m.member_id: m.units for m in detail.members} == {
        members[0]: 120_000,
        members[2]: 12_500,
    }
    assert detail.note == "Nouveaux bureaux « B » & <C>"
    assert page.last_message.startswith("Version ajoutée. Quote-parts de 0 charge recalculées.")
    # the detail shows the new version, its units and each share
    panel = page.detail
    assert panel.version_title.text() == "Version du 01/07/2025"
    lines = [
        [plain(panel.members_proxy.index(r, c).data()) for c in range(3)]
        for r in range(panel.members_proxy.rowCount())
    ]
    assert ["Mairie de Crest", "12,5 m²", "9,43 %"] in lines
    assert plain(panel.total_label.text()) == "Total : 132,5 m² · 2 membres"
    assert panel.members_model.headerData(1, Qt.Orientation.Horizontal) == "Unités (m²)"
    ctx.history.undo()
    assert [v.valid_from for v in keys.get_key(key_id).versions] == [dt.date(2025, 1, 1)]
    ctx.history.redo()
    assert len(keys.get_key(key_id).versions) == 2


def test_a_bad_unit_is_marked_in_its_cell_and_kept(
    page: KeysPage, ctx: AppContext, keys: KeyService, members: list[int], qtbot: QtBot
) -> None:
    key_id = units_key(keys, members)
    key = keys.get_key(key_id)
    dialog = VersionDialog(page.edits, key, None, None, page._members(), [], None, page)
    qtbot.addWidget(dialog)
    dialog.fields.editor("valid_from").setText("01/10/2025")
    type_value(dialog.model, "Mairie de Crest", "12,5,3")
    row = [e.name for e in dialog.model.entries()].index("Mairie de Crest")
    index = dialog.model.index(row, VersionValuesModel.VALUE)
    assert dialog.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "12,5,3" in dialog.model.data(index, Qt.ItemDataRole.ToolTipRole)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "12,5,3" in dialog.fields.errors()["values"]
    assert dialog.model.entries()[row].text == "12,5,3"
    assert dialog.table.currentIndex().row() == row
    assert len(keys.get_key(key_id).versions) == 1 and ctx.history.count() == 0
    # the missing date is said in French, naming the field
    type_value(dialog.model, "Mairie de Crest", "7")
    dialog.fields.editor("valid_from").setText("")
    dialog.accept()
    assert "Valable à partir du" in dialog.fields.errors()["valid_from"]


def test_percentages_show_their_total_and_must_make_100(
    page: KeysPage, ctx: AppContext, keys: KeyService, members: list[int], qtbot: QtBot
) -> None:
    key_id = keys.create_key(KeyDraft("Convention 2025", "percent"))
    dialog = VersionDialog(
        page.edits, keys.get_key(key_id), None, None, page._members(), [], dt.date(2025, 1, 1)
    )
    qtbot.addWidget(dialog)
    type_value(dialog.model, "Coopérative L'Éclair & Fils", "60")
    type_value(dialog.model, "Mairie de Crest", "35,5")
    assert "95,5 %" in plain(dialog.total_label.text())
    assert "doivent totaliser 100 %" in dialog.total_label.text()
    dialog.accept()
    assert "totalisent 95,5 %" in plain(dialog.fields.errors()["values"])
    type_value(dialog.model, "Association <Les Jardins>", "4,5")
    assert plain(dialog.total_label.text()) == "Total : 100 % ✓"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = keys.get_version(keys.get_key(key_id).versions[0].id)
    assert {m.member_id: m.units for m in detail.members} == {
        members[0]: 6000,
        members[1]: 450,
        members[2]: 3550,
    }


def test_equal_shares_by_ticking_participants(
    page: KeysPage, keys: KeyService, members: list[int], qtbot: QtBot
) -> None:
    key_id = keys.create_key(KeyDraft("Parts égales", "equal"))
    dialog = VersionDialog(
        page.edits, keys.get_key(key_id), None, None, page._members(), [], dt.date(2025, 1, 1)
    )
    qtbot.addWidget(dialog)
    assert dialog.every_member is not None and dialog.every_member.isChecked()
    assert not dialog.table.isEnabled()
    dialog.every_member.setChecked(False)
    model = dialog.model
    names = [entry.name for entry in model.entries()]
    for name in ("Coopérative L'Éclair & Fils", "Mairie de Crest"):
        index = model.index(names.index(name), 1)
        model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.total_label.text() == "2 membres participent"
    assert plain(model.index(names.index("Mairie de Crest"), 2).data()) == "50,00 %"
    assert model.index(names.index("Association <Les Jardins>"), 2).data() == ""
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = keys.get_version(keys.get_key(key_id).versions[0].id)
    assert sorted(m.member_id for m in detail.members) == [members[0], members[2]]


def test_a_mixed_key_weighs_other_keys(
    page: KeysPage, keys: KeyService, members: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    surface = units_key(keys, members)
    equal = keys.create_key(KeyDraft("Parts égales", "equal"))
    keys.add_version(equal, VersionDraft(dt.date(2025, 1, 1)))
    mixed = keys.create_key(KeyDraft("Mixte 30/70", "mixed"))
    page.reload()
    page.select_key(mixed)

    def fill(dialog: Any) -> None:
        names = [entry.name for entry in dialog.model.entries()]
        assert "Mixte 30/70" not in names  # a key never contains itself
        type_value(dialog.model, "Parts égales", "30")
        type_value(dialog.model, KEY_NAME, "70")

    run_dialog(monkeypatch, VersionDialog, fill)
    assert page.new_version() is not None
    detail = page.detail.detail
    assert detail is not None and detail.method is Method.MIXED
    assert {p.key_id: p.weight_bp for p in detail.parts} == {equal: 3000, surface: 7000}
    assert page.detail.values.currentIndex() == 1  # the parts table
    row = next(r for r in page.model.rows() if r.id == mixed)
    assert row.parts == 2 and page.model.index(page.model.rows().index(row), 4).data() == "2 clés"


def test_edit_a_version_reports_recomputed_and_closed_year_costs(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    money = give_shares(ctx, members[:2])  # an equal key from 01/01/2025, one 2025 cost
    costs = ctx.service(CostService)
    costs.create_cost(
        CostDraft(
            service_id=money.service_id,
            invoice_date=dt.date(2026, 2, 1),
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 1, 31),
            label="Loyer janvier 2026",
            ht_cents=90_000,
            vat_cents=0,
            ttc_cents=90_000,
            cerfa_code="613",
        )
    )
    ctx.fiscal_years.close(2025)
    key_id = page.model.rows()[0].id
    page.select_key(key_id)

    def fill(dialog: Any) -> None:
        dialog.every_member.setChecked(False)
        dialog.model.set_all_checked(True)

    seen = run_dialog(monkeypatch, VersionDialog, fill)
    version_id = page.current_version().id  # type: ignore[union-attr]
    # The version is in force during the closed year 2025: it is frozen with it (issue 12);
    # the dialog stays open and says why.
    assert page.edit_version() is None
    banner = seen[0].fields.banner.text()
    assert "2025" in banner and "clôturé" in banner
    assert len(keys.get_version(version_id).members) == 2


def test_delete_a_version_then_undo(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_id = units_key(keys, members)
    keys.add_version(key_id, VersionDraft(dt.date(2025, 7, 1), {members[2]: 1000}))
    page.reload()
    page.select_key(key_id)
    assert page.current_version() is not None
    asked = answer_yes(monkeypatch)
    version = page.current_version()
    assert page.delete_version() is not None
    assert version.valid_from.strftime("%d/%m/%Y") in asked[0]
    remaining = [v.valid_from for v in keys.get_key(key_id).versions]
    assert len(remaining) == 1 and version.valid_from not in remaining
    assert page.last_message.startswith("Version supprimée.")
    ctx.history.undo()
    assert len(keys.get_key(key_id).versions) == 2
    assert page.detail.versions_model.rowCount() == 2


# --- usage ------------------------------------------------------------------------------------


def test_record_edit_and_delete_usage_with_undo(
    page: KeysPage,
    ctx: AppContext,
    keys: KeyService,
    members: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_id = keys.create_key(KeyDraft("Heures de mise à disposition", "usage", "h"))
    page.reload()
    page.select_key(key_id)
    assert page.detail.sections.currentIndex() == 1  # usage, not versions

    def fill(dialog: Any) -> None:
        combo = dialog.fields.editor("member_id")
        combo.setCurrentIndex(combo.findData(members[1]))
        dialog.fields.editor("on").setText("31/03/2025")
        dialog.fields.editor("quantity_milli").setText("12,5")
        dialog.fields.editor("note").setText("Relevé de mars « T1 »")

    run_dialog(monkeypatch, UsageDialog, fill)
    usage_id = page.new_usage()
    assert usage_id is not None
    panel = page.detail
    assert panel.usage_title.text() == "Utilisation relevée en 2025"
    row = [panel.usage_proxy.index(0, c).data() for c in range(4)]
    assert row[0] == "31/03/2025" and row[1] == "Association <Les Jardins>"
    assert plain(row[2]) == "12,5 h" and plain(panel.usage_total_label.text()) == (
        "Total : 12,5 h · 1 relevé"
    )
    panel.usage_view.selectRow(0)

    run_dialog(monkeypatch, UsageDialog, lambda d: d.fields.editor("quantity_milli").setText("20"))
    assert page.edit_usage() == usage_id
    assert page.current_usage() is None or True
    assert keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))[
        0
    ].quantity_milli == (20_000)
    panel.usage_view.selectRow(0)
    answer_yes(monkeypatch)
    assert page.delete_usage()
    assert panel.usage_model.rowCount() == 0
    ctx.history.undo()  # the delete
    ctx.history.undo()  # the edit
    records = keys.list_usage(key_id, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [(r.member_id, r.quantity_milli) for r in records] == [(members[1], 12_500)]
    assert panel.usage_model.rowCount() == 1


def test_a_missing_quantity_is_said_under_its_field(
    page: KeysPage, ctx: AppContext, keys: KeyService, qtbot: QtBot
) -> None:
    key_id = keys.create_key(KeyDraft("Kilomètres", "usage", "km"))
    dialog = UsageDialog(page.edits, keys.get_key(key_id), None, page._members(), None, page)
    qtbot.addWidget(dialog)
    dialog.fields.editor("on").setText("15/05/2025")
    dialog.fields.editor("quantity_milli").setText("abc")
    dialog.accept()
    assert "abc" in dialog.fields.errors()["quantity_milli"]
    dialog.fields.editor("quantity_milli").setText("")
    dialog.accept()
    assert "Quantité" in dialog.fields.errors()["quantity_milli"]
    assert ctx.history.count() == 0


# --- the page in the window, models, read-only ------------------------------------------------


def test_the_window_shortcuts_reach_the_page(
    qtbot: QtBot,
    ctx: AppContext,
    members: list[int],
    french: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    page = KeysPage(ctx)
    window.set_page("keys", page)
    window.set_fiscal_years([("2025", 2025)], 2025)
    window.bind_undo_stack(ctx.history)
    ctx.changes.changed.connect(window.refresh_pages)
    window.show_page("keys")
    opened = run_dialog(monkeypatch, KeyDialog, lambda d: d.fields.editor("name").setText("Clé"))
    window.new_item_action.trigger()  # Ctrl+N
    assert len(opened) == 1 and key_names(page) == ["Clé"]
    searched: list[bool] = []
    monkeypatch.setattr(page, "focus_search", lambda: searched.append(True))
    window.search_action.trigger()  # Ctrl+F
    assert searched == [True]
    asked = answer_yes(monkeypatch)
    page.select_key(page.model.rows()[0].id)
    (shortcut,) = page.view.findChildren(QShortcut)
    delete = QKeySequence(QKeySequence.StandardKey.Delete)
    assert shortcut.key().matches(delete) == QKeySequence.SequenceMatch.ExactMatch
    shortcut.activated.emit()  # Suppr, with its confirmation
    assert asked and key_names(page) == []
    window.undo_action.trigger()  # Ctrl+Z
    assert key_names(page) == []  # the window refreshes the page once the event is handled
    qtbot.waitUntil(lambda: key_names(page) == ["Clé"])
    assert "Supprimer la clé" in window.redo_action.text()


def test_models_pass_the_model_tester(
    page: KeysPage, keys: KeyService, members: list[int], qtmodeltester: Any
) -> None:
    key_id = units_key(keys, members)
    keys.create_key(KeyDraft("Égal <&>", "equal"))
    page.reload()
    page.select_key(key_id)
    for model in (
        page.model,
        page.proxy,
        page.detail.versions_model,
        page.detail.members_model,
        page.detail.members_proxy,
        page.detail.parts_model,
        page.detail.usage_model,
    ):
        qtmodeltester.check(model)
    for mode in ("units", "percent", "equal", "parts"):
        from ptce_desktop.ui.pages.keys.values import Entry

        model = VersionValuesModel(mode, [Entry(1, "Éclair", value=1000), Entry(2, "<b>")])
        qtmodeltester.check(model)


def test_read_only_file_disables_changes(db_path: Path, qtbot: QtBot) -> None:
    context = make_context(db_path)
    units_key(
        context.service(KeyService),
        [context.members.create(MemberDraft(name=n)).id for n in ("A", "B")],
    )
    context.close()
    ctx = open_context(
        db_path, read_only=True, runner=Runner(inline=True), presenter=RecordingPresenter()
    )
    try:
        widget = KeysPage(ctx)
        qtbot.addWidget(widget)
        widget.set_fiscal_year(2025)
        widget.select_key(widget.model.rows()[0].id)
        assert not widget.add_button.isEnabled() and not widget.delete_button.isEnabled()
        assert not widget.detail.add_version_button.isEnabled()
        assert widget.detail.edit_version_button.isEnabled()  # to look, not to save
        assert widget.new_item() is None and widget.new_version() is None
    finally:
        ctx.close()


def test_a_service_using_the_key_is_not_needed_to_show_it(
    page: KeysPage, ctx: AppContext, keys: KeyService, members: list[int]
) -> None:
    key_id = units_key(keys, members)
    ctx.service(SharedServiceService).create_service(ServiceDraft("Locaux", key_id=key_id))
    page.reload()
    page.select_key(key_id)
    assert page.detail.members_model.rowCount() == 2
