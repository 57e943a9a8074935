"""The report dispatcher over a small database filled through the services: every kind prints
a PDF, each id a kind needs is listed and checked, a missing id names the ids that exist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.factories.demo import service_demo

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.printing.jobs import (
    KINDS,
    MAX_LISTED,
    Choice,
    ReportRequest,
    available_targets,
    build_report,
    choices_text,
    suggested_file_name,
)
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2026, 1, 20)
POLE = "Pôle Sud & <Drôme>"
HOSTILE = "Dupont & Fils <SARL>"
LONG_NAME = "Coopérative l'Éclair « œuvre » " + "très " * 20 + "longue"


@dataclass(frozen=True)
class World:
    members: tuple[int, int, int]
    service: int
    funders: tuple[int, int]
    grants: tuple[int, int]
    calls: tuple[int, ...]


def seed_world(uow: UnitOfWork) -> World:
    """Three members, one service with costs, Q1 calls and a payment, two grants in 2025."""
    PoleService(uow).create_pole(POLE, territory="Drôme")
    register = MemberService(uow)
    m1, m2, m3 = (
        register.create(MemberDraft(name=name, category=category)).id
        for name, category in (
            (HOSTILE, "ess_enterprise"),
            ("Épicerie solidaire", "non_ess_enterprise"),
            (LONG_NAME, "local_authority"),
        )
    )
    keys = KeyService(uow)
    key = keys.create_key(KeyDraft("Surface (m²) & <co>", "units", "m²"))
    keys.add_version(key, VersionDraft(D(2025, 1, 1), {m1: 120_000, m2: 80_000, m3: 50_000}))
    shared = SharedServiceService(uow)
    service = shared.create_service(ServiceDraft("Locaux & accueil <RDC>", key_id=key))
    shared.set_budget(service, 2025, 12_000_00)
    costs = CostService(uow)
    for start, end, amount in (
        (D(2025, 1, 1), D(2025, 3, 31), 3_000_01),
        (D(2025, 4, 1), D(2025, 6, 30), 2_999_99),
    ):
        costs.create_cost(
            CostDraft(service, start, start, end, "Loyer & charges <T>", amount, 0, amount)
        )
    calls = CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=D(2025, 1, 6), due_date=D(2025, 1, 31)
    )
    PaymentService(uow).record_payment(m1, D(2025, 2, 3), 1_000_00, "virement", "VIR 1", None)
    funders = FunderService(uow)
    region = funders.create_funder(FunderDraft(name="Région & <Drôme>", type="region")).id
    state = funders.create_funder(FunderDraft(name="État — DREETS", type="etat")).id
    grants = GrantService(uow)
    animation = grants.create_grant(
        GrantDraft(
            funder_id=region,
            title="Animation du pôle 2025",
            amount_voted_cents=30_000_00,
            status="votee",
            period_start=D(2025, 1, 1),
            period_end=D(2025, 12, 31),
        )
    ).id
    grants.set_plan(animation, [PlanLine(m1, share_bp=4000)], 1000)
    grants.add_instalment(animation, InstalmentDraft(D(2025, 4, 10), 20_000_00, "V1"))
    RedistributionService(uow).redistribute_by_plan(animation, D(2025, 5, 2))
    jobs = grants.create_grant(
        GrantDraft(
            funder_id=state,
            title="Emplois « aidés » & <co>",
            amount_voted_cents=10_000_00,
            status="votee",
            period_start=D(2025, 7, 1),
            period_end=D(2026, 6, 30),
        )
    ).id
    return World(
        (m1, m2, m3), service, (region, state), (animation, jobs), tuple(c.id for c in calls)
    )


def pdf(request: ReportRequest, uow: UnitOfWork) -> tuple[str, int]:
    buffer = BytesIO()
    pages = build_report(uow, request, buffer, generated_on=GENERATED)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    assert len(reader.pages) == pages
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), pages


def message(error: pytest.ExceptionInfo[PtceError]) -> str:
    return error.value.message("fr")


@pytest.fixture
def world(uow: UnitOfWork) -> World:
    return seed_world(uow)


# --- every kind prints --------------------------------------------------------------------------


def test_every_kind_builds_a_pdf(uow: UnitOfWork, world: World) -> None:
    m1 = world.members[0]
    animation = world.grants[0]
    requests = {
        "activity": ReportRequest("activity", 2025),
        "redistribution": ReportRequest("redistribution", 2025),
        "cost-sharing": ReportRequest("cost-sharing", 2025),
        "statement": ReportRequest("statement", 2025, member_id=m1),
        "cerfa-15059": ReportRequest("cerfa-15059", 2025, grant_id=animation),
        "crf-bundle": ReportRequest("crf-bundle", 2025, grant_id=animation),
    }
    assert set(requests) == {kind.key for kind in KINDS}
    expected = {
        "activity": "Rapport d'activité",
        "redistribution": "Animation du pôle 2025",
        "cost-sharing": "Locaux & accueil <RDC>",
        "statement": HOSTILE,
        "cerfa-15059": "Animation du pôle 2025",
        "crf-bundle": "Rapport d'activité",
    }
    for kind, request in requests.items():
        text, pages = pdf(request, uow)
        assert pages >= 1, kind
        assert expected[kind] in text, kind
        assert POLE in text, kind


def test_the_optional_ids_narrow_the_document(uow: UnitOfWork, world: World) -> None:
    state = world.funders[1]
    text, _ = pdf(ReportRequest("redistribution", 2025, funder_id=state), uow)
    assert "Emplois « aidés » & <co>" in text
    assert "Animation du pôle 2025" not in text
    text, _ = pdf(ReportRequest("cost-sharing", 2025, service_id=world.service), uow)
    assert "Exercice 2025 — service « Locaux & accueil <RDC> »" in text
    m1 = world.members[0]
    call = CallService(uow).list_calls(2025, member_id=m1)[0]
    text, _ = pdf(ReportRequest("statement", 2025, member_id=m1, call_id=call.id), uow)
    assert f"Appel de fonds n° {call.number}" in text


def test_group_rows_variant_hides_the_sub_lines(uow: UnitOfWork, world: World) -> None:
    full, _ = pdf(ReportRequest("cerfa-15059", 2025, grant_id=world.grants[0]), uow)
    short, _ = pdf(
        ReportRequest("cerfa-15059", 2025, grant_id=world.grants[0], group_rows_only=True), uow
    )
    assert len(short) < len(full)


def test_bundle_adds_the_activity_report_of_the_grants_last_year(
    uow: UnitOfWork, world: World
) -> None:
    jobs = world.grants[1]  # July 2025 – June 2026: each year of it with activity goes with it
    text, _ = pdf(ReportRequest("crf-bundle", 2025, grant_id=jobs), uow)
    assert "Rapport d'activité 2025 Exercice du 01/01/2025 au 31/12/2025" in text
    assert "Rapport d'activité 2026" not in text  # nothing recorded in 2026: not attached


def test_build_report_writes_a_file_and_reports_progress(
    uow: UnitOfWork, world: World, tmp_path: Path
) -> None:
    steps: list[tuple[int, int]] = []
    target = tmp_path / "rapport & <1>.pdf"
    pages = build_report(
        uow,
        ReportRequest("activity", 2025),
        target,
        generated_on=GENERATED,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert target.read_bytes().startswith(b"%PDF")
    assert steps[0] == (0, 0)
    assert [done for done, _ in steps[1:]] == list(range(1, pages + 1))


# --- what each kind needs -----------------------------------------------------------------------


def test_available_targets_list_the_records_of_the_year(uow: UnitOfWork, world: World) -> None:
    assert available_targets(uow, "activity", 2025) == ()
    (grant,) = available_targets(uow, "cerfa-15059", 2025)
    assert grant.name == "grant" and grant.required and grant.option == "--grant"
    assert grant.choices == (
        Choice(world.grants[0], "Animation du pôle 2025 — Région & <Drôme>"),
        Choice(world.grants[1], "Emplois « aidés » & <co> — État — DREETS"),
    )
    (funder,) = available_targets(uow, "redistribution", 2025)
    assert not funder.required
    assert [c.label for c in funder.choices] == ["État — DREETS", "Région & <Drôme>"]
    (service,) = available_targets(uow, "cost-sharing", 2025)
    assert service.choices == (Choice(world.service, "Locaux & accueil <RDC>"),)
    member, call = available_targets(uow, "statement", 2025, member_id=world.members[1])
    assert member.required and not call.required
    assert {c.id for c in member.choices} == set(world.members)
    assert len(call.choices) == 1 and call.choices[0].label.endswith("T1 2025")
    assert available_targets(uow, "statement", 2025)[1].choices == ()
    # 2027: only the grant reaching into 2026 is gone too
    assert available_targets(uow, "crf-bundle", 2027)[0].choices == ()


def test_a_missing_grant_lists_the_grants_that_exist(uow: UnitOfWork, world: World) -> None:
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("cerfa-15059", 2025), BytesIO())
    assert error.value.code == "report_target_missing"
    assert message(error) == (
        f"Indiquez --grant parmi : {world.grants[0]} (Animation du pôle 2025 — Région & "
        f"<Drôme>), {world.grants[1]} (Emplois « aidés » & <co> — État — DREETS)."
    )


def test_an_unknown_id_says_which_ones_fit(uow: UnitOfWork, world: World) -> None:
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("statement", 2025, member_id=999), BytesIO())
    assert error.value.code == "report_target_unknown"
    text = message(error)
    assert text.startswith("Le n° 999 ne convient pas pour --member (exercice 2025).")
    assert f"{world.members[0]} ({HOSTILE})" in text
    other_call = CallService(uow).list_calls(2025, member_id=world.members[1])[0]
    with pytest.raises(PtceError) as error:
        build_report(
            uow,
            ReportRequest("statement", 2025, member_id=world.members[0], call_id=other_call.id),
            BytesIO(),
        )
    assert error.value.code == "report_target_unknown"
    assert "--call" in message(error)
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("redistribution", 2025, funder_id=12345), BytesIO())
    assert "Indiquez --funder parmi" in message(error)


def test_nothing_to_choose_from_says_so(uow: UnitOfWork, world: World) -> None:
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("cerfa-15059", 2027), BytesIO())
    assert error.value.code == "report_no_grant"
    assert "Aucune subvention ne concerne l'exercice 2027" in message(error)
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("activity-report", 2025), BytesIO())
    assert error.value.code == "report_kind_unknown"
    assert "activity, redistribution, cost-sharing" in message(error)


def test_no_member_in_an_empty_file(uow: UnitOfWork) -> None:
    PoleService(uow).create_pole(POLE)
    with pytest.raises(PtceError) as error:
        build_report(uow, ReportRequest("statement", 2025), BytesIO())
    assert error.value.code == "report_no_member"
    with pytest.raises(PtceError) as empty:  # a year without activity is refused (issue 10)
        build_report(uow, ReportRequest("activity", 2025), BytesIO())
    assert empty.value.code == "activity_year_empty"


def test_long_lists_are_cut() -> None:
    choices = [Choice(i, f"n° {i}") for i in range(1, MAX_LISTED + 6)]
    text = choices_text(choices)
    assert text.endswith(f"{MAX_LISTED} (n° {MAX_LISTED}), … (+5)")
    assert choices_text([]) == "—"


def test_suggested_file_names() -> None:
    assert suggested_file_name("activity", "2025") == "rapport-activite-2025.pdf"
    assert suggested_file_name("cost-sharing", "2025/2026") == "repartition-charges-2025-2026.pdf"
    assert (
        suggested_file_name("redistribution", "2025", "Région & <Drôme>")
        == "rapport-redistribution-2025-region-drome.pdf"
    )
    assert suggested_file_name("statement", "2025", LONG_NAME).startswith(
        "releve-2025-cooperative-l-eclair-oeuvre-tres"
    )


# --- the demo pole --------------------------------------------------------------------------------


def test_every_kind_prints_from_the_demo(tmp_path_factory: pytest.TempPathFactory) -> None:
    demo = service_demo(tmp_path_factory)
    database = open_database(demo.path, read_only=True)
    try:
        uow = UnitOfWork(database)
        for kind in KINDS:
            ids: dict[str, int | None] = {}
            for target in available_targets(uow, kind.key, 2025, member_id=None):
                if target.required:
                    assert target.choices, (kind.key, target.name)
                    ids[f"{target.name}_id"] = target.choices[0].id
            request = ReportRequest(kind.key, 2025, **ids)
            text, pages = pdf(request, uow)
            assert pages >= 1 and demo.summary.pole_name in text, kind.key
    finally:
        database.close()
