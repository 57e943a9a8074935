"""The « Simulation » page end to end: scenarios typed and recomputed, the table sorted and
filtered, totals equal to the amounts split, saved scenarios, export, adoption undone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from support.ui import RecordingPresenter

from ptce_desktop.domain.scenarios import Scenario
from ptce_desktop.services.costs.costs import CostDraft, CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.store.models import Share
from ptce_desktop.ui.pages import PAGE_FACTORIES, navigation_entries
from ptce_desktop.ui.pages.simulation.page import SimulationPage
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.table_model import SORT_ROLE

LONG = "Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 120
NAMES = ["Coopérative L'Éclair & Fils", "Association <Les Jardins> — 1 234,56 €", LONG]


@pytest.fixture
def world(ctx: AppContext) -> tuple[list[int], int, int]:
    members = [ctx.members.create(MemberDraft(name=name)).id for name in NAMES]
    keys = ctx.service(KeyService)
    key = keys.create_key(KeyDraft("Surface (m²) « bureaux »", "units", "m²"))
    keys.add_version(
        key,
        VersionDraft(dt.date(2025, 1, 1), {members[0]: 100_000, members[1]: 300_000}),
    )
    service = ctx.service(SharedServiceService).create_service(
        ServiceDraft(name="Locaux & <bureaux> — l'€", key_id=key)
    )
    ctx.service(CostService).create_cost(
        CostDraft(
            service_id=service,
            invoice_date=dt.date(2025, 3, 15),
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            label="Loyer « 2025 » & <charges>",
            ht_cents=1_200_001,
            vat_cents=0,
            ttc_cents=1_200_001,
        )
    )
    return members, key, service


def stored(ctx: AppContext) -> dict[int, int]:
    with ctx.uow.read() as session:
        return dict(
            session.execute(
                select(Share.member_id, func.sum(Share.cents)).group_by(Share.member_id)
            ).all()
        )


def first(page: SimulationPage) -> Scenario | None:
    """The first scenario of the comparison shown (None before any)."""
    comparison = page.comparison
    if comparison is None or not comparison.columns:
        return None
    return comparison.columns[0].scenario


def first_name(page: SimulationPage) -> str | None:
    scenario = first(page)
    return scenario.name if scenario is not None else None


@pytest.fixture
def page(ctx: AppContext, world: tuple[list[int], int, int], qtbot: QtBot) -> SimulationPage:
    built = PAGE_FACTORIES["simulation"](ctx)
    assert isinstance(built, SimulationPage)
    qtbot.addWidget(built)
    built.resize(1366, 768)
    built.set_fiscal_year(2025)
    return built


def test_the_page_is_in_the_navigation() -> None:
    keys = [entry.key for entry in navigation_entries()]
    assert "simulation" in keys and keys.index("simulation") < keys.index("settings")


def test_typing_recomputes_and_totals_equal_the_amount_split(
    page: SimulationPage, world: tuple[list[int], int, int], qtbot: QtBot
) -> None:
    members, _key, _service = world
    assert page.comparison is not None
    assert page.comparison.today_total == 1_200_001
    editor = page.editors[0]
    editor.name.setText("Tout le monde pareil & <co>")
    editor.key.setCurrentIndex(editor.key.findData("equal"))
    qtbot.waitUntil(lambda: first_name(page) == "Tout le monde pareil & <co>", timeout=2000)
    comparison = page.comparison
    assert comparison is not None
    by_id = {row.member_id: row for row in comparison.rows}
    # equal shares over the three members present: 400 000,34 € rounded to the cent
    assert sorted(by_id[m].amounts[0] for m in members) == [400_000, 400_000, 400_001]
    assert comparison.columns[0].total == comparison.columns[0].amount_split == 1_200_001
    assert page.model.columnCount() == 5
    assert "12 000,01" in page.totals_label.text().replace("\u202f", " ").replace("\xa0", " ")
    assert "gains most" in page.extremes_label.text() or "gagne" in page.extremes_label.text()
    # a bad entry shows its problem and keeps the last good result
    editor.budget.setText("douze euros")
    qtbot.waitUntil(lambda: editor.problem.text() != "", timeout=2000)
    assert page.comparison is comparison


def test_the_extremes_line_names_its_scenario(page: SimulationPage, qtbot: QtBot) -> None:
    """« 1. <name>: nobody pays a different amount », the name as typed (even with « %2 »),
    never a bare « 1. nobody… » (read as « one person… » in French)."""
    editor = page.editors[0]
    editor.name.setText("Statu quo & <%2> l'€")
    qtbot.waitUntil(lambda: first_name(page) == "Statu quo & <%2> l'€", timeout=2000)
    text = page.extremes_label.text()
    assert text.startswith("1. Statu quo & <%2> l'€")
    assert "nobody pays a different amount" in text or "personne ne paie" in text


def test_sort_and_filter_like_every_table(page: SimulationPage, qtbot: QtBot) -> None:
    editor = page.editors[0]
    editor.key.setCurrentIndex(editor.key.findData("equal"))
    qtbot.waitUntil(lambda: page.model.columnCount() == 5, timeout=2000)
    qtbot.waitUntil(lambda: getattr(first(page), "key", None) is not None, timeout=2000)
    page.view.sortByColumn(3, page.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    values = [page.proxy.index(r, 3).data(SORT_ROLE) for r in range(page.proxy.rowCount())]
    assert values == sorted(values)
    page.search.setText("jardins")
    assert page.proxy.rowCount() == 1
    assert "Jardins" in page.proxy.index(0, 0).data()


def test_four_scenarios_side_by_side_and_no_more(page: SimulationPage, qtbot: QtBot) -> None:
    for _ in range(5):
        page.add_scenario()
    assert len(page.visible_editors()) == 4
    assert not page.add_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.columnCount() == 2 + 3 * 4, timeout=2000)


def test_saved_scenarios_open_duplicate_delete(
    page: SimulationPage, ctx: AppContext, world: tuple[list[int], int, int], qtbot: QtBot
) -> None:
    _members, _key, service = world
    before = stored(ctx)
    editor = page.editors[0]
    editor.name.setText("Budget « 2025 » & <co>")
    editor.budget.setText("15 000,00")
    editor.join_name.setText("Nouvelle asso & <co>")
    editor.join_date.setText("01/07/2025")
    editor.join_units.setText("50")
    saved = page.save_editor(editor)
    assert saved is not None and page.saved.currentText() == "Budget « 2025 » & <co>"
    copy = page.duplicate_saved()
    assert copy is not None and page.saved.count() == 2
    opened = page.open_saved(saved)
    assert opened is page.editors[1]
    scenario = opened.scenario()
    assert scenario.budgets == {service: 1_500_000}
    assert scenario.joins[0].name == "Nouvelle asso & <co>"
    qtbot.waitUntil(lambda: page.model.columnCount() == 8, timeout=2000)
    page.saved.setCurrentIndex(page.saved.findData(copy))
    page.delete_saved()
    assert page.saved.count() == 1
    assert stored(ctx) == before  # nothing real changed
    assert isinstance(ctx.presenter, RecordingPresenter) and ctx.presenter.errors == []


def test_export_for_the_meeting(page: SimulationPage, tmp_path: Path, qtbot: QtBot) -> None:
    editor = page.editors[0]
    editor.key.setCurrentIndex(editor.key.findData("equal"))
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=2000)
    page.export_to(tmp_path / "réunion « 2025 ».pdf")
    page.export_to(tmp_path / "réunion.xlsx")
    assert (tmp_path / "réunion « 2025 ».pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "réunion.xlsx").read_bytes().startswith(b"PK")


def test_adopting_is_one_undoable_step(
    page: SimulationPage, ctx: AppContext, world: tuple[list[int], int, int], qtbot: QtBot
) -> None:
    members, _key, _service = world
    before = stored(ctx)
    editor = page.editors[0]
    editor.name.setText("m² revus")
    editor.units = {members[2]: 200_000}
    editor.changed.emit()
    qtbot.waitUntil(lambda: bool(getattr(first(page), "units", None)), timeout=2000)
    assert page.comparison is not None
    expected = {r.member_id: r.amounts[0] for r in page.comparison.rows if r.amounts[0]}
    assert page.adopt_editor(editor, dt.date(2025, 1, 1))
    assert stored(ctx) == expected
    assert ctx.history.canUndo()
    ctx.history.undo()
    assert stored(ctx) == before
    ctx.history.redo()
    assert stored(ctx) == expected


def test_the_open_button_opens_the_chosen_scenario(
    page: SimulationPage, ctx: AppContext, qtbot: QtBot
) -> None:
    """The button's clicked(False) used to reach open_saved as the id: scenario 0, an error."""
    editor = page.editors[0]
    editor.name.setText("Scénario « ouvert » & <co> l'été")
    editor.budget.setText("12 000,00")
    saved = page.save_editor(editor)
    assert saved is not None
    editor.name.setText("")
    page.open_button.click()
    assert isinstance(ctx.presenter, RecordingPresenter) and ctx.presenter.errors == []
    names = [e.scenario().name for e in page.visible_editors()]
    assert names.count("Scénario « ouvert » & <co> l'été") == 1


def test_units_dialog_shows_every_column_whole(qtbot: QtBot, french: None) -> None:
    """« Dans le scénario » used to be cut off behind a sideways scroll bar by the names."""
    from ptce_desktop.ui.pages.simulation.editor import UnitsDialog

    long_name = "Association intercommunale pour l'accompagnement & <l'insertion> " * 3
    members = [(1, long_name), (2, "Café « l'Éclair » & <co>"), (3, "Scop €")]
    members += [(n, f"Membre n° {n} – Drôme & Vercors") for n in range(4, 30)]  # it scrolls
    dialog = UnitsDialog(members, {1: 6500, 2: 1500}, {3: 2000})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, header = dialog.table, dialog.table.horizontalHeader()
    assert header.model().headerData(2, header.orientation()) == "Dans le scénario"
    assert table.columnWidth(2) >= header.sectionSizeHint(2)
    assert table.columnWidth(1) >= header.sectionSizeHint(1)
    used = sum(table.columnWidth(column) for column in range(3))
    assert used <= table.viewport().width()
    assert table.item(0, 0).text() == long_name


def test_units_dialog_says_whose_units_are_wrong(qtbot: QtBot, french: None) -> None:
    from ptce_desktop.ui.pages.simulation.editor import UnitsDialog

    members = [(1, "Scop « A »"), (2, "<b>Café</b> & l'Éclair")]
    dialog = UnitsDialog(members, {1: 1000}, {})
    qtbot.addWidget(dialog)
    dialog.table.item(1, 2).setText("beaucoup")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    text = dialog.problem.text()
    assert text.startswith("<b>Café</b> & l'Éclair : ") and "« beaucoup »" in text
    assert dialog.problem.textFormat() == Qt.TextFormat.PlainText
    assert dialog.table.currentRow() == 1 and dialog.table.currentColumn() == 2


@pytest.mark.parametrize("height", [760 - 120, 768 - 120])
def test_the_form_is_as_tall_as_it_needs_and_the_comparison_takes_the_rest(
    ctx: AppContext, world: tuple[list[int], int, int], qtbot: QtBot, height: int
) -> None:
    """At a laptop's height the scenarios' form stood over empty space (292 px of splitter for
    a ~240 px form) while the comparison below showed eight members."""
    page = SimulationPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, height)
    page.show()
    qtbot.waitExposed(page)
    form, results = page.body.sizes()
    wanted = page.editors_area.widget().sizeHint().height()
    assert wanted <= form <= wanted + 2 * page.editors_area.frameWidth() + 20
    assert results > form
    assert page.services_button.menu() is not None  # the arrow drawn beside the text
