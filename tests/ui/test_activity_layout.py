"""The Activité page's lists at a laptop's width (the page beside the sidebar at 1366 and
1200 px): the key columns (a project's name and lead member, a meeting's governance body, an
event's project) stay readable, the long free texts (partners, attendees) take what is left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
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
from ptce_desktop.ui.pages.activity.list import ListPanel
from ptce_desktop.ui.pages.activity.page import ActivityPage
from ptce_desktop.ui.shell.context import AppContext

PROJECT = "Réemploi des matériaux « BTP » & <co>"
LEAD = "SCOP L'Éclair & <Fils>"
BODY = "Comité de pilotage & <pôle>"
LONG = "Association intercommunale pour l'accompagnement " * 3 + "— 100 € « fin »"
#: the page's width beside the sidebar in a 1366 × 768 and a 1200 × 760 window
WIDTHS = (1040, 872)


@pytest.fixture
def ctx(db_path: Path) -> Iterator[AppContext]:
    context = make_context(db_path)
    ids = [
        context.members.create(MemberDraft(name, "ess_enterprise")).id
        for name in (
            LEAD,
            LONG,
            "Établissements Dupont & Fils",
            "Menuiserie Chabert & Associés",
            "SCIC Énergies Citoyennes de la Drôme",
            "Communauté de communes Drôme-Vercors-Gervanne",
        )
    ]
    service = context.service(ActivityService)
    start = dt.date(2025, 1, 15)
    project = service.create_project(
        ProjectDraft(PROJECT, None, start, None, "en_cours", ids[0], tuple(ids[1:]))
    )
    service.create_project(ProjectDraft("Légumerie", None, start, None, "en_cours", ids[0], ()))
    body = service.create_body(BodyDraft(BODY, "copil"))
    for title in ("Conseil – budget 2025 €", "Comité de pilotage – feuille de route 2025"):
        service.create_meeting(
            MeetingDraft(start, title, body.id, "Maison de la Coopération, Crest", LONG, None)
        )
    service.create_event(
        EventDraft(start, "Inauguration de la Légumerie", "Forum", "Die", 40, LONG, project.id)
    )
    yield context
    context.close()


def shown(qtbot: QtBot, ctx: AppContext, width: int, tab: int) -> ActivityPage:
    page = ActivityPage(ctx)
    qtbot.addWidget(page)
    page.set_fiscal_year(2025)
    page.tabs.setCurrentIndex(tab)
    page.resize(width, 650)
    page.show()
    qtbot.waitExposed(page)
    return page


def fitted(qtbot: QtBot, panel: ListPanel) -> None:
    qtbot.waitUntil(lambda: panel._fitted)
    qtbot.wait(10)


def needs(panel: ListPanel, text: str) -> int:
    """The width a cell needs to show ``text`` whole (the item's margins included)."""
    return panel.view.fontMetrics().horizontalAdvance(text) + 8


def title_needs(panel: ListPanel, column: int) -> int:
    header = panel.view.horizontalHeader()
    title = str(panel.proxy.headerData(column, Qt.Orientation.Horizontal))
    return header.fontMetrics().horizontalAdvance(title) + 12


def fits(panel: ListPanel) -> bool:
    view = panel.view
    return view.horizontalHeader().length() <= view.viewport().width()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_project_name_and_its_lead_member_stay_readable(
    qtbot: QtBot, ctx: AppContext, french: None, width: int
) -> None:
    page = shown(qtbot, ctx, width, 0)
    panel = page.projects
    fitted(qtbot, panel)
    header = panel.view.horizontalHeader()
    name, lead, partners = header.sectionSize(0), header.sectionSize(4), header.sectionSize(5)
    assert name >= needs(panel, PROJECT)  # was cut to ten letters, partners taking the rest
    assert lead >= needs(panel, LEAD) and lead >= title_needs(panel, 4)
    assert header.sectionSize(1) >= needs(panel, "En cours")
    assert partners >= 150  # what is left, eliding; whole in the tooltip
    assert fits(panel)  # no horizontal scroll bar
    assert not any(header.isSectionHidden(column) for column in range(header.count()))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_meeting_shows_its_title_and_its_body_whole(
    qtbot: QtBot, ctx: AppContext, french: None, width: int
) -> None:
    page = shown(qtbot, ctx, width, 1)
    panel = page.meetings
    fitted(qtbot, panel)
    header = panel.view.horizontalHeader()
    assert header.sectionSize(1) >= needs(panel, "Comité de pilotage – feuille de route 2025")
    assert header.sectionSize(2) >= needs(panel, BODY)
    assert header.sectionSize(4) >= 90  # the attendees: what is left
    assert fits(panel)


@pytest.mark.parametrize("width", WIDTHS)
def test_an_event_shows_its_project(
    qtbot: QtBot, ctx: AppContext, french: None, width: int
) -> None:
    page = shown(qtbot, ctx, width, 2)
    panel = page.events
    fitted(qtbot, panel)
    header = panel.view.horizontalHeader()
    assert header.sectionSize(1) >= needs(panel, "Inauguration de la Légumerie")
    assert header.sectionSize(5) >= needs(panel, PROJECT)
    assert fits(panel)
