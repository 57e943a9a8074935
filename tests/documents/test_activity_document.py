"""The activity report's read model over a database filled through the services: the figures
are the services' own, the PDF prints them, an empty year prints "Aucune donnée"."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader

from ptce_desktop.documents.activity import ActivityReportData
from ptce_desktop.documents.builders.activity import build_activity_data, build_activity_reports
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.activity import build_activity_report
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.activity.views import BodyDraft, EventDraft, MeetingDraft, ProjectDraft
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2027, 3, 1)
HOSTILE = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b> Épicerie"
LONG_NAME = "Coopérative l'Éclair « œuvre » € " + "très " * 32 + "longue"
EDITO = ("Une année de coopération & d'<engagement> pour l'œuvre commune. " * 80)[:5000]


def build_world(uow: UnitOfWork) -> tuple[int, ...]:
    poles = PoleService(uow)
    poles.create_pole("Pôle Sud & Drôme <PTCE>", territory="Valence-Romans & Drôme")
    members = MemberService(uow)
    ids = tuple(
        members.create(MemberDraft(name=name, category=category, joined_on=joined, left_on=left)).id
        for name, category, joined, left in (
            (HOSTILE, "ess_enterprise", D(2020, 1, 1), None),
            (MARKUP, "ess_enterprise", D(2026, 4, 1), None),
            (LONG_NAME, "local_authority", None, D(2026, 6, 30)),
            ("Ancien membre", "non_ess_enterprise", D(2018, 1, 1), D(2024, 12, 31)),
        )
    )
    m1, m2, m3, _ = ids
    poles.update(
        PoleDraft(
            name="Pôle Sud & Drôme <PTCE>",
            territory="Valence-Romans & Drôme",
            siret="732 829 320 00074",
            address="12 rue de l'Œuvre",
            postcode="26100",
            city="Romans-sur-Isère",
            legal_rep_name="Anne Martin",
            legal_rep_title="présidente",
            lead_member_id=m1,
        )
    )
    members.set_year_figures(m1, 2026, headcount=40, etp_milli=35_500, jobs_created=3, volunteers=5)
    members.set_year_figures(m2, 2026, headcount=7, etp_milli=6_250, jobs_maintained=7)
    members.set_year_figures(m1, 2025, headcount=99)  # another year

    keys = KeyService(uow)
    key = keys.create_key(KeyDraft("Surface (m²) & <co>", "units", "m²"))
    keys.add_version(key, VersionDraft(D(2025, 1, 1), {m1: 120_000, m2: 80_000, m3: 50_000}))
    shared = SharedServiceService(uow)
    premises = shared.create_service(ServiceDraft("Locaux & accueil <RDC>", key_id=key))
    shared.create_service(ServiceDraft("Ancien service", active_to=D(2024, 12, 31)))
    costs = CostService(uow)
    for start, end, amount in (
        (D(2026, 1, 1), D(2026, 3, 31), 3_000_01),
        (D(2026, 7, 1), D(2026, 9, 30), 2_999_99),
        (D(2025, 10, 1), D(2025, 12, 31), 1_000_00),
    ):
        costs.create_cost(CostDraft(premises, start, start, end, "Loyer <T>", amount, 0, amount))

    activity = ActivityService(uow)
    activity.set_report_text(2026, "edito", EDITO)
    activity.set_report_text(2026, "perspectives", "Ouvrir un second tiers-lieu & <recruter>.")
    activity.create_project(
        ProjectDraft(
            "Tiers-lieu & <atelier>",
            "Rénover l'atelier & ouvrir <bientôt>.",
            start=D(2025, 9, 1),
            lead_member_id=m1,
            partner_ids=(m2, m3),
        )
    )
    activity.create_project(ProjectDraft("Projet fini", end=D(2024, 6, 30), status="termine"))
    board = activity.create_body(BodyDraft("Conseil d'administration & <bureau>", "ca")).id
    for day in (D(2026, 2, 1), D(2026, 11, 5), D(2025, 11, 5)):
        activity.create_meeting(MeetingDraft(day, "Budget & plan <2026>", board, "Romans"))
    activity.create_event(EventDraft(D(2026, 3, 12), "Forum de l'ESS & emploi", "forum", None, 120))

    funders = FunderService(uow)
    region = funders.create_funder(FunderDraft(name="Région & <Drôme>", type="region")).id
    grants = GrantService(uow)
    grant = grants.create_grant(
        GrantDraft(
            funder_id=region,
            title="Animation",
            amount_voted_cents=30_000_00,
            status="votee",
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        )
    ).id
    grants.add_instalment(grant, InstalmentDraft(D(2026, 4, 10), 20_000_01, "V1"))
    grants.add_instalment(grant, InstalmentDraft(D(2027, 1, 10), 5_000_00, "V2"))
    in_kind = InKindService(uow)
    in_kind.create_contribution(
        InKindDraft(D(2026, 5, 1), "benevolat", "Bénévolat & <CA>", 1_500_00, hours_milli=100_000)
    )
    in_kind.create_contribution(InKindDraft(D(2025, 5, 1), "benevolat", "Avant", 9_99))
    return ids


def render(model: ActivityReportData) -> tuple[str, bytes, int]:
    buffer = BytesIO()
    pages = build_activity_report(model, buffer, generated_on=GENERATED)
    data = buffer.getvalue()
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages), data, pages


def money(cents: int) -> str:
    return " ".join(format_money(cents).split())


def test_figures_are_the_services_figures(uow: UnitOfWork) -> None:
    build_world(uow)
    model = build_activity_data(uow, 2026)
    jobs = ActivityService(uow).jobs_summary(2026)
    year = ActivityService(uow).activity_year(2026)
    members = MemberService(uow)
    services = CostService(uow).totals_per_service(2026)
    by_type = GrantService(uow).totals_by_funder_type(2026)
    in_kind = InKindService(uow).totals(2026)

    assert model.pole.name == "Pôle Sud & Drôme <PTCE>" and model.pole.lead_member == HOSTILE
    assert model.pole.siret == "732 829 320 00074"
    assert model.pole.address == "12 rue de l'Œuvre, 26100 Romans-sur-Isère"
    assert model.edito == EDITO
    f = model.figures
    assert f.members == jobs.active_members == 3
    assert (f.headcount, f.etp_milli) == (jobs.headcount, jobs.etp_milli) == (47, 41_750)
    assert model.jobs_totals.created == jobs.jobs_created
    assert model.jobs_totals.maintained == jobs.jobs_maintained
    assert model.jobs_totals.volunteers == jobs.volunteers
    assert model.jobs_totals.reporting == jobs.members_reporting == 2
    assert f.projects == len(year.projects) == 1
    assert f.events == len(year.events) == 1
    assert f.meetings == len(year.meetings) == 2
    assert [b.meetings for b in model.bodies] == [b.meetings_count for b in year.bodies] == [2]
    counts = members.members_by_category(2026)
    assert [(c.label, c.count, c.joined, c.left) for c in model.categories] == [
        (c.label, c.count, c.joined_in_year, c.left_in_year) for c in counts
    ]
    rule = members.eligibility(2026)
    assert (model.eligibility.ess, model.eligibility.non_ess) == (rule.ess, rule.non_ess)
    assert model.eligibility.missing == ("au moins une entreprise hors ESS",)
    assert [m.name for m in model.members] == [
        row.name for row in members.list_members(year=2026) if row.active
    ]
    premises = next(s for s in services if s.name == "Locaux & accueil <RDC>")
    assert [(s.name, s.costs_cents, s.shared_cents) for s in model.services] == [
        (premises.name, premises.ttc_cents, premises.shared_cents)
    ]
    assert model.services[0].users == 3 and f.costs_cents == 6_000_00
    assert f.grants_received_cents == sum(t.received_cents for t in by_type) == 20_000_01
    assert model.funding_by_type == (("Région", 20_000_01),)
    assert [(x.name, x.grants, x.voted_cents, x.received_cents) for x in model.funders] == [
        ("Région & <Drôme>", 1, 30_000_00, 20_000_01)
    ]
    assert f.in_kind_cents == model.in_kind_cents == in_kind.total_cents == 1_500_00
    assert model.in_kind_hours_milli == in_kind.hours_milli == 100_000


def test_pdf_prints_the_figures(uow: UnitOfWork) -> None:
    build_world(uow)
    text, data, pages = render(build_activity_data(uow, 2026))
    assert pages == len(PdfReader(BytesIO(data)).pages) >= 5
    assert "Rapport d'activité 2026" in text and "SIRET 732 829 320 00074" in text
    assert f"Subventions reçues — exercice {money(20_000_01)}" in text
    assert f"Total 2 {money(6_000_00)} {money(6_000_00)}" in text  # services table
    assert "Dupont & Fils <SARL> 40 35,50 3 5" in text
    assert "Total 47 41,75 3 7 5" in text
    assert "il manque au moins une entreprise hors ESS." in text
    assert "Tiers-lieu & <atelier> En cours depuis le 01/09/2025 Dupont & Fils <SARL>" in text
    assert "Projet fini" not in text
    assert f"Total 1 {money(30_000_00)} {money(20_000_01)}" in text  # funders table
    assert "(100 h de bénévolat et mises à disposition)" in text
    assert "Ouvrir un second tiers-lieu & <recruter>." in text
    assert "Ancien membre" not in text and "Total 3 membres" in text
    pages_text = PdfReader(BytesIO(data)).pages
    body = "".join("".join(p.extract_text().splitlines()[2:-2]) for p in pages_text)
    flat = "".join(body.split())
    for value in (HOSTILE, MARKUP, LONG_NAME, EDITO):
        assert "".join(value.split()) in flat


def test_year_without_activity_prints_no_data(uow: UnitOfWork) -> None:
    build_world(uow)
    model = build_activity_data(uow, 2031)  # members and open-ended records still count
    assert (model.edito, model.perspectives, model.events, model.meetings) == ("", "", (), ())
    assert model.jobs == () and model.funders == () and model.figures.costs_cents == 0
    text, _, _ = render(model)
    # sections without data are left out: no « Aucune donnée » printed as content
    assert "Aucune donnée" not in text
    assert "Édito" not in text and "Perspectives" not in text


def test_empty_database(uow: UnitOfWork) -> None:
    model = build_activity_data(uow, 2026)
    assert model.pole.name == "" and model.logo_path is None
    assert model.members == () and model.services == () and model.projects == ()
    text, _, _ = render(model)
    assert "Pôle territorial de coopération économique" in text
    assert "Aucune donnée" not in text
    assert "Critères de composition d'un PTCE non remplis" in text


def test_same_data_gives_the_same_bytes(uow: UnitOfWork) -> None:
    build_world(uow)
    assert render(build_activity_data(uow, 2026))[1] == render(build_activity_data(uow, 2026))[1]


def test_a_year_without_activity_is_refused_with_a_message(uow: UnitOfWork) -> None:
    build_world(uow)
    assert not build_activity_data(uow, 2031).has_activity
    with pytest.raises(PtceError) as refused:
        build_activity_data(uow, 2031, refuse_empty=True)
    assert refused.value.code == "activity_year_empty"
    assert "Aucune activité enregistrée pour l'exercice 2031" in refused.value.message("fr")
    assert build_activity_data(uow, 2026, refuse_empty=True).has_activity
    assert [data.year for data in build_activity_reports(uow, [2026, 2031])] == [2026]
