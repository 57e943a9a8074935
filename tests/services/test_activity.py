"""ActivityService: projects, governance bodies, meetings, events, report texts, jobs."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from support.factories.members import LONG_NAME, add_cost, add_member, add_service, seed_pole

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import (
    ActivityService,
    BodyDraft,
    EventDraft,
    MeetingDraft,
    ProjectDraft,
)
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.models import Cost, Meeting
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


# --- projects ---------------------------------------------------------------------------------
def test_project_crud_with_partners(uow: UnitOfWork) -> None:
    seed_pole(uow)
    lead = add_member(uow, "Groupe Archer & co")
    epi = add_member(uow, "Épicerie <solidaire>")
    dupont = add_member(uow, "Dupont & Fils")
    activity = ActivityService(uow)
    view = activity.create_project(
        ProjectDraft(
            name="Filière textile « L'Œuvre » & <réemploi>",
            description="Collecte, tri — 1 234,56 € de matériel",
            start=D(2025, 3, 1),
            status="en_cours",
            lead_member_id=lead,
            partner_ids=(dupont, epi, lead),
        )
    )
    assert (view.status_label, view.lead_member_name) == ("En cours", "Groupe Archer & co")
    assert [p.name for p in view.partners] == ["Dupont & Fils", "Épicerie <solidaire>"]
    updated = activity.update_project(
        view.id,
        ProjectDraft(
            name=LONG_NAME,
            start=D(2025, 3, 1),
            end=D(2026, 2, 28),
            status="termine",
            partner_ids=(epi,),
        ),
    )
    assert (updated.name, updated.status_label, updated.lead_member_id) == (
        LONG_NAME,
        "Terminé",
        None,
    )
    assert [p.member_id for p in updated.partners] == [epi]
    assert activity.list_projects() == [updated]
    activity.delete_project(view.id)
    assert activity.list_projects() == []


@pytest.mark.parametrize(
    ("changes", "code", "field", "french"),
    [
        ({"name": " "}, "required", "name", "Le champ « Nom » est obligatoire."),
        (
            {"start": D(2025, 5, 2), "end": D(2025, 5, 1)},
            "end_before_start",
            "end",
            "La date de fin (01/05/2025) est antérieure à la date de début (02/05/2025).",
        ),
        ({"status": "fini"}, "invalid_value", "status", "Valeur invalide pour « Statut » : fini."),
        ({"lead_member_id": 404}, "not_found", None, "Membre introuvable (n° 404)."),
        ({"partner_ids": (405,)}, "not_found", None, "Membre introuvable (n° 405)."),
    ],
)
def test_project_validation(
    uow: UnitOfWork, changes: dict[str, object], code: str, field: str | None, french: str
) -> None:
    values: dict[str, object] = {"name": "Projet & co"}
    values.update(changes)
    with pytest.raises(PtceError) as caught:
        ActivityService(uow).create_project(ProjectDraft(**values))  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == (code, field)
    assert caught.value.message() == french
    assert ActivityService(uow).list_projects() == []


def test_project_name_taken(uow: UnitOfWork) -> None:
    activity = ActivityService(uow)
    first = activity.create_project(ProjectDraft(name="Tiers-lieu <Die>"))
    second = activity.create_project(ProjectDraft(name="Jardins"))
    with pytest.raises(PtceError) as caught:
        activity.update_project(second.id, ProjectDraft(name="Tiers-lieu <Die>"))
    assert caught.value.message() == "Un projet s'appelle déjà « Tiers-lieu <Die> »."
    assert activity.update_project(first.id, ProjectDraft(name="Tiers-lieu <Die>")).id == first.id


def test_project_with_costs_is_not_deleted(uow: UnitOfWork) -> None:
    seed_pole(uow)
    activity = ActivityService(uow)
    project = activity.create_project(ProjectDraft(name="Mobilité & co"))
    member = add_member(uow)
    cost_id = add_cost(uow, add_service(uow), D(2025, 2, 1), {member: 100})
    with uow.write("Rattacher (test)") as session:
        session.get(Cost, cost_id).project_id = project.id  # type: ignore[union-attr]
    with pytest.raises(PtceError) as caught:
        activity.delete_project(project.id)
    assert caught.value.code == "project_in_use"
    assert caught.value.message().startswith(
        "Le projet « Mobilité & co » est rattaché à 1 charge : il ne peut pas être supprimé."
    )
    with pytest.raises(PtceError) as caught:
        activity.delete_project(999)
    assert caught.value.code == "not_found"


def test_deleting_a_partner_member_keeps_the_project(uow: UnitOfWork) -> None:
    member = add_member(uow, "Partenaire éphémère")
    activity = ActivityService(uow)
    project = activity.create_project(ProjectDraft(name="Projet", partner_ids=(member,)))
    MemberService(uow).delete(member)
    assert activity.list_projects()[0].partners == ()
    assert activity.list_projects()[0].id == project.id


# --- governance and meetings ------------------------------------------------------------------
def test_bodies_and_meetings(uow: UnitOfWork) -> None:
    seed_pole(uow)
    activity = ActivityService(uow)
    board = activity.create_body(BodyDraft("Conseil d'administration & co", "ca"))
    assert (board.kind_label, board.meetings_count) == ("Conseil d'administration", 0)
    meeting = activity.create_meeting(
        MeetingDraft(
            date=D(2025, 6, 12),
            title="CA n° 3 — budget <2026>",
            body_id=board.id,
            place="Salle l'Atelier",
            attendees="Zoé, Jean & Marc",
            notes="Vote du budget : 12 345,67 €",
        )
    )
    assert meeting.body_name == "Conseil d'administration & co"
    moved = activity.update_meeting(
        meeting.id, MeetingDraft(date=D(2025, 6, 13), title="CA n° 3", body_id=None)
    )
    assert (moved.body_id, moved.body_name, moved.place) == (None, None, None)
    activity.update_meeting(meeting.id, MeetingDraft(D(2025, 6, 13), "CA n° 3", board.id))
    renamed = activity.update_body(board.id, BodyDraft("CA", "ca"))
    assert (renamed.name, renamed.meetings_count) == ("CA", 1)
    assert activity.list_bodies() == [renamed]
    activity.delete_body(board.id)  # the meeting stays, unlinked
    with uow.read() as session:
        row = session.get(Meeting, meeting.id)
        assert row is not None and row.body_id is None
    activity.delete_meeting(meeting.id)
    assert activity.activity_year(2025).meetings == ()


def test_body_and_meeting_validation(uow: UnitOfWork) -> None:
    activity = ActivityService(uow)
    activity.create_body(BodyDraft("Copil", "copil"))
    with pytest.raises(PtceError) as caught:
        activity.create_body(BodyDraft("Copil", "copil"))
    assert caught.value.message() == "Une instance s'appelle déjà « Copil »."
    with pytest.raises(PtceError) as caught:
        activity.create_body(BodyDraft("Bureau", "assemblee"))
    assert (caught.value.code, caught.value.field) == ("invalid_value", "kind")
    with pytest.raises(PtceError) as caught:
        activity.create_body(BodyDraft("", "ca"))
    assert caught.value.code == "required"
    with pytest.raises(PtceError) as caught:
        activity.create_meeting(MeetingDraft(D(2025, 1, 1), "  "))
    assert (caught.value.code, caught.value.field) == ("required", "title")
    assert caught.value.message() == "Le champ « Titre » est obligatoire."
    with pytest.raises(PtceError) as caught:
        activity.create_meeting(MeetingDraft(D(2025, 1, 1), "Réunion", body_id=77))
    assert caught.value.message() == "Instance introuvable (n° 77)."
    with pytest.raises(PtceError):
        activity.update_meeting(12, MeetingDraft(D(2025, 1, 1), "Réunion"))


# --- events -----------------------------------------------------------------------------------
def test_events(uow: UnitOfWork) -> None:
    seed_pole(uow)
    activity = ActivityService(uow)
    project = activity.create_project(ProjectDraft(name="Forum <ESS> & emploi"))
    event = activity.create_event(
        EventDraft(
            date=D(2025, 11, 20),
            title="Forum de l'ESS — 2ᵉ édition",
            kind="forum",
            place="Romans-sur-Isère",
            participants=0,
            description="Entrée libre <gratuite> & ouverte",
            project_id=project.id,
        )
    )
    assert (event.project_name, event.participants) == ("Forum <ESS> & emploi", 0)
    changed = activity.update_event(
        event.id, EventDraft(date=D(2025, 11, 21), title="Forum", participants=140)
    )
    assert (changed.participants, changed.project_id, changed.kind) == (140, None, None)
    activity.delete_event(event.id)
    assert activity.activity_year(2025).events == ()


@pytest.mark.parametrize(
    ("changes", "code", "french"),
    [
        ({"participants": -3}, "negative_figure", "« Participants » ne peut pas être négatif"),
        ({"title": ""}, "required", "Le champ « Titre » est obligatoire."),
        ({"project_id": 9}, "not_found", "Projet introuvable (n° 9)."),
        ({"kind": "k" * 61}, "too_long", "« Type » dépasse 60 caractères"),
    ],
)
def test_event_validation(
    uow: UnitOfWork, changes: dict[str, object], code: str, french: str
) -> None:
    values: dict[str, object] = {"date": D(2025, 1, 1), "title": "Visite"}
    values.update(changes)
    with pytest.raises(PtceError) as caught:
        ActivityService(uow).create_event(EventDraft(**values))  # type: ignore[arg-type]
    assert caught.value.code == code
    assert french in caught.value.message()


# --- report texts -----------------------------------------------------------------------------
def test_report_texts(uow: UnitOfWork) -> None:
    activity = ActivityService(uow)
    assert activity.get_report_texts(2025) == {}
    activity.set_report_text(2025, "edito", "Une année « coopérative » & <solidaire>.")
    activity.set_report_text(2025, "perspectives", "Ouvrir un 2ᵉ tiers-lieu.")
    activity.set_report_text(2024, "edito", "L'an passé.")
    activity.set_report_text(2025, "edito", "  Réécrit.  ")
    assert activity.get_report_texts(2025) == {
        "edito": "Réécrit.",
        "perspectives": "Ouvrir un 2ᵉ tiers-lieu.",
    }
    activity.set_report_text(2025, "perspectives", "   ")
    assert activity.get_report_texts(2025) == {"edito": "Réécrit."}
    activity.set_report_text(2025, "s" * 40, "Section libre")
    assert activity.get_report_texts(2025)["s" * 40] == "Section libre"


@pytest.mark.parametrize(
    ("year", "section", "code"),
    [(2025, "", "required"), (2025, "s" * 41, "too_long"), (1000, "edito", "invalid_year")],
)
def test_report_text_validation(uow: UnitOfWork, year: int, section: str, code: str) -> None:
    with pytest.raises(PtceError) as caught:
        ActivityService(uow).set_report_text(year, section, "Texte")
    assert caught.value.code == code


# --- figures and the year ---------------------------------------------------------------------
def test_jobs_summary_over_active_members(uow: UnitOfWork) -> None:
    seed_pole(uow)
    service = MemberService(uow)
    a = add_member(uow, "A & co")
    b = add_member(uow, "B <coop>", joined_on=D(2025, 9, 1))
    gone = add_member(uow, "Partie", left_on=D(2024, 12, 31))
    add_member(uow, "Sans chiffres")
    service.set_year_figures(a, 2025, 10, 8_500, 2, 6, 12, 100_000_00)
    service.set_year_figures(b, 2025, headcount=3, etp_milli=2_250, jobs_created=3)
    service.set_year_figures(gone, 2025, headcount=50)  # not active in 2025: ignored
    service.set_year_figures(a, 2024, headcount=99)
    summary = ActivityService(uow).jobs_summary(2025)
    assert summary.active_members == 3
    assert summary.members_reporting == 2
    assert (summary.headcount, summary.etp_milli) == (13, 10_750)
    assert (summary.jobs_created, summary.jobs_maintained, summary.volunteers) == (5, 6, 12)
    assert summary.turnover_cents == 100_000_00
    empty = ActivityService(uow).jobs_summary(2030)
    assert (empty.members_reporting, empty.headcount, empty.etp_milli) == (0, 0, 0)


def test_activity_year(uow: UnitOfWork) -> None:
    seed_pole(uow, start_month=9)
    activity = ActivityService(uow)
    old = activity.create_project(ProjectDraft(name="Ancien", end=D(2025, 8, 31)))
    running = activity.create_project(ProjectDraft(name="En cours", start=D(2024, 1, 1)))
    later = activity.create_project(ProjectDraft(name="Futur", start=D(2026, 9, 1)))
    copil = activity.create_body(BodyDraft("Copil", "copil"))
    activity.create_meeting(MeetingDraft(D(2025, 8, 31), "Avant", copil.id))
    inside = activity.create_meeting(MeetingDraft(D(2025, 9, 1), "Rentrée", copil.id))
    last = activity.create_meeting(MeetingDraft(D(2026, 8, 31), "Bilan", None))
    activity.create_event(EventDraft(D(2026, 9, 1), "Après"))
    event = activity.create_event(EventDraft(D(2026, 1, 15), "Vœux & galette", participants=40))
    year = activity.activity_year(2025)
    assert year.label == "2025/2026"
    assert [p.id for p in year.projects] == [running.id]
    assert {old.id, later.id}.isdisjoint(p.id for p in year.projects)
    assert [m.id for m in year.meetings] == [inside.id, last.id]
    assert [e.id for e in year.events] == [event.id]
    assert [(b.name, b.meetings_count) for b in year.bodies] == [("Copil", 1)]
    assert [p.id for p in activity.list_projects(2025)] == [running.id]
    with uow.read() as session:
        assert len(session.scalars(select(Meeting)).all()) == 3
