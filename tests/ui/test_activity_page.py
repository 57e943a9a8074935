"""The Activité page: projects (with partners), governance bodies and meetings, events —
create, edit, delete, undo/redo, validation; jobs figures; report texts saved and undone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import make_context

from ptce_desktop.services.activity.activity import (
    ActivityService,
    BodyDraft,
    EventDraft,
    MeetingDraft,
    ProjectDraft,
)
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.activity.dialogs import (
    BodyDialog,
    EventDialog,
    MeetingDialog,
    ProjectDialog,
)
from ptce_desktop.ui.pages.activity.page import ActivityPage
from ptce_desktop.ui.shell.context import AppContext

PROJECT = "Légumerie solidaire « Le Panier » & <co> — œuvre commune"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = make_context(db_path)
    for name, category in (
        ("Coopérative L'Éclair & <Fils>", "ess_enterprise"),
        ("Boulangerie Dupont", "non_ess_enterprise"),
        ("Commune de Crest", "local_authority"),
    ):
        context.members.create(MemberDraft(name, category))
    yield context
    context.close()


@pytest.fixture
def service(ctx: AppContext) -> ActivityService:
    return ctx.service(ActivityService)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> ActivityPage:
    widget = ActivityPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    widget.set_fiscal_year(2025)
    widget.resize(1100, 650)
    widget.show()
    return widget


def run_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type, fill: Callable[[Any], None]
) -> list[Any]:
    seen: list[Any] = []

    def fake_exec(dialog: Any) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)


def pick(combo: Any, text: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if text in combo.itemText(i)))


def names(panel: Any, attribute: str = "name") -> list[str]:
    return [getattr(row, attribute) for row in panel.rows()]


def test_project_create_with_partners_edit_delete_undo(
    page: ActivityPage, ctx: AppContext, service: ActivityService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        editor = dialog.fields.editor
        editor("name").setText(PROJECT)
        editor("start").setText("01/03/2025")
        pick(editor("lead_member_id"), "Éclair")
        partners = editor("partner_ids")
        for row in range(partners.count()):
            if partners.item(row).text() in ("Boulangerie Dupont", "Commune de Crest"):
                partners.item(row).setCheckState(Qt.CheckState.Checked)

    run_dialog(monkeypatch, ProjectDialog, fill)
    created = page.new_item()  # Ctrl+N on the projects tab
    assert created is not None and created.start == dt.date(2025, 3, 1)
    assert [p.name for p in created.partners] == ["Boulangerie Dupont", "Commune de Crest"]
    assert names(page.projects) == [PROJECT.strip()]
    texts = [page.projects.model.index(0, c).data() for c in range(6)]
    assert texts[1] == "En cours" and texts[4].startswith("Coopérative L'Éclair")
    assert texts[5] == "Boulangerie Dupont, Commune de Crest"

    def edit(dialog: Any) -> None:
        pick(dialog.fields.editor("status"), "Terminé")
        dialog.fields.editor("partner_ids").item(0).setCheckState(Qt.CheckState.Unchecked)

    run_dialog(monkeypatch, ProjectDialog, edit)
    edited = page.edit_project()
    assert edited is not None and edited.status == "termine" and len(edited.partners) == 1
    ctx.history.undo()
    restored = service.list_projects()[0]
    assert restored.status == "en_cours" and len(restored.partners) == 2

    answer_yes(monkeypatch)
    page.projects.select_id(restored.id)
    assert page.delete_project() is True
    assert names(page.projects) == []
    ctx.history.undo()
    assert names(page.projects) == [PROJECT.strip()]
    assert len(page.projects.rows()[0].partners) == 2
    ctx.history.undo()  # the creation (the undone edit went when the deletion was pushed)
    assert service.list_projects() == []
    ctx.history.redo()
    assert service.list_projects()[0].status == "en_cours"
    ctx.history.redo()  # the deletion again, on the project re-created twice
    assert service.list_projects() == []
    assert ctx.presenter.errors == []  # type: ignore[attr-defined]


def test_project_validation_keeps_the_dialog_open(
    page: ActivityPage, service: ActivityService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.fields.editor("name").setText("Observatoire")
        dialog.fields.editor("start").setText("01/06/2025")
        dialog.fields.editor("end").setText("01/01/2025")

    seen = run_dialog(monkeypatch, ProjectDialog, fill)
    assert page.new_project() is None
    assert list(seen[0].fields.errors()) == ["end"]
    service.create_project(ProjectDraft("Observatoire"))
    seen = run_dialog(monkeypatch, ProjectDialog, lambda d: d.fields.editor("name").setText(" "))
    page.new_project()
    assert list(seen[0].fields.errors()) == ["name"]


def test_bodies_and_meetings(
    page: ActivityPage, ctx: AppContext, service: ActivityService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def body(dialog: Any) -> None:
        dialog.fields.editor("name").setText("Comité de pilotage « élargi »")
        pick(dialog.fields.editor("kind"), "Comité de pilotage")

    run_dialog(monkeypatch, BodyDialog, body)
    page.tabs.setCurrentIndex(1)
    made = page.new_body()
    assert made is not None and made.kind == "copil"
    assert page.body_filter.currentData() == made.id  # selected, so its meetings are shown

    def meeting(dialog: Any) -> None:
        dialog.fields.editor("date").setText("12/03/2025")
        dialog.fields.editor("title").setText("Copil & bilan — 1er trimestre")
        dialog.fields.editor("attendees").setPlainText("Élise, Noël\nZoé")

    run_dialog(monkeypatch, MeetingDialog, meeting)
    held = page.new_item()  # Ctrl+N on the governance tab: a meeting, in the selected body
    assert held is not None and held.body_id == made.id
    assert names(page.meetings, "title") == ["Copil & bilan — 1er trimestre"]
    assert page.bodies.rows()[0].meetings_count == 1
    assert page.meetings.model.index(0, 4).data() == "Élise, Noël Zoé"

    run_dialog(monkeypatch, MeetingDialog, lambda d: d.fields.editor("place").setText("Crest"))
    page.meetings.select_id(held.id)
    assert page.edit_meeting().place == "Crest"
    ctx.history.undo()
    assert service.activity_year(2025).meetings[0].place is None

    answer_yes(monkeypatch)
    page.bodies.select_id(made.id)
    assert page.delete_body() is True
    assert service.activity_year(2025).meetings[0].body_id is None  # kept, unattached
    ctx.history.undo()
    again = service.activity_year(2025)
    assert again.bodies[0].meetings_count == 1  # re-attached
    assert again.meetings[0].body_id == again.bodies[0].id

    page.meetings.select_id(again.meetings[0].id)
    assert page.delete_meeting() is True and names(page.meetings, "title") == []
    ctx.history.undo()
    assert names(page.meetings, "title") == ["Copil & bilan — 1er trimestre"]


def test_events(
    page: ActivityPage, ctx: AppContext, service: ActivityService, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = service.create_project(ProjectDraft("Plateforme mobilité"))
    page.tabs.setCurrentIndex(2)

    def missing_date(dialog: Any) -> None:
        dialog.fields.editor("title").setText("Mois de l'ESS")
        dialog.fields.editor("date").setText("")

    seen = run_dialog(monkeypatch, EventDialog, missing_date)
    assert page.new_item() is None
    assert list(seen[0].fields.errors()) == ["date"]

    def fill(dialog: Any) -> None:
        dialog.fields.editor("date").setText("20/11/2025")
        dialog.fields.editor("title").setText("Mois de l'ESS : journée « mobilité »")
        dialog.fields.editor("kind").setCurrentText("Forum")
        dialog.fields.editor("participants").setText("95")
        pick(dialog.fields.editor("project_id"), "mobilité")

    run_dialog(monkeypatch, EventDialog, fill)
    event = page.new_item()
    assert event is not None and event.participants == 95 and event.project_id == project.id
    assert page.events.model.index(0, 5).data() == "Plateforme mobilité"

    seen_bad = run_dialog(
        monkeypatch, EventDialog, lambda d: d.fields.editor("participants").setText("-3")
    )
    page.events.select_id(event.id)
    assert page.edit_event() is None
    assert list(seen_bad[0].fields.errors()) == ["participants"]

    run_dialog(monkeypatch, EventDialog, lambda d: d.fields.editor("place").setText("Crest"))
    assert page.edit_event().place == "Crest"
    ctx.history.undo()
    assert service.activity_year(2025).events[0].place is None

    answer_yes(monkeypatch)
    page.projects.select_id(project.id)
    assert page.delete_project(page.projects.rows()[0]) is True
    assert service.activity_year(2025).events[0].project_id is None
    ctx.history.undo()  # the project comes back and the event names it again
    assert page.events.model.index(0, 5).data() == "Plateforme mobilité"

    page.events.select_id(event.id)
    assert page.delete_event() is True and page.events.rows() == []
    ctx.history.undo()
    assert names(page.events, "title") == ["Mois de l'ESS : journée « mobilité »"]


def test_search_filter_and_models(
    page: ActivityPage, service: ActivityService, qtmodeltester: Any
) -> None:
    service.create_project(ProjectDraft("Réemploi du BTP", start=dt.date(2024, 1, 15)))
    service.create_project(
        ProjectDraft("Ancien projet", start=dt.date(2020, 1, 1), end=dt.date(2021, 12, 31))
    )
    body = service.create_body(BodyDraft("Conseil d'administration", "ca"))
    service.create_meeting(MeetingDraft(dt.date(2025, 1, 23), "CA budget", body.id))
    service.create_meeting(MeetingDraft(dt.date(2025, 6, 12), "AG ordinaire"))
    service.create_event(EventDraft(dt.date(2025, 3, 27), "Petit-déjeuner", "Rencontre"))
    assert names(page.projects) == ["Réemploi du BTP"]
    page.all_projects.setChecked(True)
    assert names(page.projects) == ["Ancien projet", "Réemploi du BTP"]
    page.projects.search.setText("reemploi")
    assert page.projects.proxy.rowCount() == 1
    pick(page.body_filter, "Conseil")
    assert names(page.meetings, "title") == ["CA budget"]
    pick(page.body_filter, "Toutes")
    assert len(page.meetings.rows()) == 2
    for panel in (page.projects, page.bodies, page.meetings, page.events):
        qtmodeltester.check(panel.model)
        qtmodeltester.check(panel.proxy)


def test_jobs_and_report_texts(
    page: ActivityPage, ctx: AppContext, service: ActivityService
) -> None:
    member = ctx.members.list_members(year=2025)[0]
    ctx.members.set_year_figures(member.id, 2025, headcount=12, etp_milli=10_500, volunteers=4)
    jobs = service.jobs_summary(2025)
    assert page.jobs.values["headcount"].text() == str(jobs.headcount) == "12"
    assert page.jobs.values["etp_milli"].text() == "10,5"
    assert page.jobs.values["active_members"].text() == "3"

    texts = page.texts
    assert texts.states["edito"].text().endswith("Enregistré</span>")
    assert not texts.buttons["edito"].isEnabled()
    texts.editors["edito"].setPlainText("2025 : l'année « coopération » & <partage>.")
    assert "Non enregistré" in texts.states["edito"].text()
    texts.buttons["edito"].click()
    assert service.get_report_texts(2025) == {
        "edito": "2025 : l'année « coopération » & <partage>."
    }
    assert "Non enregistré" not in texts.states["edito"].text()
    ctx.history.undo()
    assert service.get_report_texts(2025) == {}
    assert texts.editors["edito"].toPlainText() == ""  # the page shows the undone text
    ctx.history.redo()
    assert texts.editors["edito"].toPlainText().startswith("2025")

    texts.editors["perspectives"].setPlainText("En 2026 : ouvrir un second site.")
    page.set_fiscal_year(2026)  # what was typed is saved to its own year first
    assert service.get_report_texts(2025)["perspectives"] == "En 2026 : ouvrir un second site."
    assert texts.editors["perspectives"].toPlainText() == ""
    texts.editors["edito"].setPlainText("Édito 2026")
    ctx.members.set_year_figures(member.id, 2026, headcount=1)  # a reload while typing
    assert texts.editors["edito"].toPlainText() == "Édito 2026"
    page.hide()  # leaving the page saves it
    assert service.get_report_texts(2026) == {"edito": "Édito 2026"}
