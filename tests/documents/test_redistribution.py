"""The redistribution report's read model over a database filled through the services: every
amount is the services' own figure, shares reconcile with the costs, the PDF prints them."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ptce_desktop.documents.builders.redistribution import build_redistribution_data, spread_paid
from ptce_desktop.documents.redistribution import RedistributionReportData
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.redistribution import build_redistribution_report
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, InstalmentDraft, overpaid_warning
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, VersionDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2027, 1, 20)
HOSTILE = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b> Épicerie"
LONG_NAME = "Coopérative l'Éclair « œuvre » " + "très " * 32 + "longue"  # 197 characters
OFF_PLAN_BASIS = "Décision du CA & <bureau> du 12/09/2026"


@dataclass(frozen=True)
class World:
    members: tuple[int, int, int]
    services: tuple[int, int]
    grants: tuple[int, int]
    funders: tuple[int, int]


def build_world(uow: UnitOfWork) -> World:
    PoleService(uow).create_pole("Pôle Sud & Drôme <PTCE>", territory="Drôme")
    members_service = MemberService(uow)
    members = tuple(
        members_service.create(MemberDraft(name=name, category=category)).id
        for name, category in (
            (HOSTILE, "ess_enterprise"),
            (MARKUP, "non_ess_enterprise"),
            (LONG_NAME, "local_authority"),
        )
    )
    m1, m2, m3 = members
    keys = KeyService(uow)
    surface = keys.create_key(KeyDraft("Surface (m²) & <co>", "units", "m²"))
    keys.add_version(surface, VersionDraft(D(2025, 1, 1), {m1: 120_000, m2: 80_000, m3: 50_000}))
    keys.add_version(surface, VersionDraft(D(2026, 7, 1), {m1: 100_000, m2: 100_000, m3: 50_000}))
    equal = keys.create_key(KeyDraft("Parts égales", "equal"))
    keys.add_version(equal, VersionDraft(D(2025, 1, 1), {m1: 1000, m2: 1000, m3: 1000}))
    shared = SharedServiceService(uow)
    premises = shared.create_service(ServiceDraft("Locaux & accueil <RDC>", key_id=surface))
    it = shared.create_service(ServiceDraft("Informatique l'Éclair", key_id=equal))
    shared.set_budget(premises, 2026, 12_000_00)
    shared.set_budget(it, 2026, 3_000_01)
    costs = CostService(uow)
    for start, end, amount, service in (
        (D(2026, 1, 1), D(2026, 3, 31), 3_000_01, premises),
        (D(2026, 4, 1), D(2026, 6, 30), 3_000_02, premises),
        (D(2026, 7, 1), D(2026, 12, 31), 6_000_03, premises),
        (D(2026, 2, 1), D(2026, 2, 28), 1_000_00, it),
        (D(2026, 9, 1), D(2026, 9, 30), 1_000_01, it),
        (D(2025, 12, 1), D(2025, 12, 31), 999_99, it),  # another year: not in the report
    ):
        costs.create_cost(
            CostDraft(service, start, start, end, "Loyer & charges <T>", amount, 0, amount)
        )
    calls = CallService(uow)
    for quarter in (1, 2):
        issue = D(2026, 3 * quarter - 2, 5)
        calls.issue_provisional_calls(
            2026, quarter, issue_date=issue, due_date=issue.replace(day=28)
        )
    payments = PaymentService(uow)
    payments.record_payment(m1, D(2026, 6, 1), 2_500_00, "virement", "VIR & <1>", None)
    payments.record_payment(m2, D(2026, 6, 2), 333_33, "cheque", None, None)

    funders = FunderService(uow)
    region = funders.create_funder(FunderDraft(name="Région & <Drôme>", type="region")).id
    state = funders.create_funder(FunderDraft(name="État — DREETS", type="etat")).id
    grants = GrantService(uow)
    animation = grants.create_grant(
        GrantDraft(
            funder_id=region,
            title="Animation du pôle & <coopération>",
            amount_voted_cents=30_000_00,
            status="votee",
            decision_ref="CP-2026/04",
            decision_date=D(2026, 3, 20),
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        )
    ).id
    grants.set_plan(
        animation, [PlanLine(m1, share_bp=4000), PlanLine(m2, amount_cents=9_000_00)], 1000
    )
    grants.add_instalment(animation, InstalmentDraft(D(2026, 4, 10), 20_000_01, "V1"))
    redistributions = RedistributionService(uow)
    redistributions.redistribute_by_plan(animation, D(2026, 5, 1))
    redistributions.record_redistribution(
        animation, m3, D(2026, 9, 12), 500_00, OFF_PLAN_BASIS, force=True
    )
    jobs = grants.create_grant(
        GrantDraft(
            funder_id=state,
            title="Emplois aidés",
            amount_voted_cents=10_000_00,
            status="votee",
            period_start=D(2026, 1, 1),
            period_end=D(2027, 6, 30),
        )
    ).id
    grants.set_plan(jobs, [PlanLine(m3, share_bp=5000)], 0)
    grants.add_instalment(jobs, InstalmentDraft(D(2026, 11, 2), 4_000_00, None))
    return World(members, (premises, it), (animation, jobs), (region, state))  # type: ignore[arg-type]


def pdf_text(model: RedistributionReportData) -> tuple[str, int, bytes]:
    buffer = BytesIO()
    pages = build_redistribution_report(model, buffer, generated_on=GENERATED)
    data = buffer.getvalue()
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages), pages, data


def money(cents: int) -> str:
    return " ".join(format_money(cents, typographic=True).split())


def test_grants_print_the_grant_services_figures(uow: UnitOfWork) -> None:
    world = build_world(uow)
    model = build_redistribution_data(uow, 2026)
    grants = GrantService(uow)
    listed = {g.id: g for g in grants.list_grants(2026)}
    assert [g.grant_id for g in model.grants] == list(listed)
    text, _, _ = pdf_text(model)
    for section in model.grants:
        detail = grants.grant_detail(section.grant_id)
        summary = listed[section.grant_id]
        assert section.voted_cents == detail.amount_voted_cents == summary.voted_cents
        assert section.received_cents == detail.received_cents == summary.received_cents
        assert section.passed_cents == detail.passed_cents == summary.passed_cents
        assert section.coordination_cents == detail.coordination_cents
        assert section.remaining_cents == detail.remaining_cents == summary.remaining_cents
        plan = {line.member_id: line for line in detail.plan}
        for line in section.members:
            assert line.due_cents == plan[line.member_id].due_cents
            assert line.passed_cents == plan[line.member_id].passed_cents
            assert line.remaining_cents == plan[line.member_id].remaining_cents
        due = sum(line.due_cents for line in section.members)
        assert due + section.coordination_cents + section.unplanned_cents == section.received_cents
        assert sum(line.passed_cents for line in section.members) == section.passed_cents
        assert money(section.remaining_cents) in text
    animation = model.grants[[g.grant_id for g in model.grants].index(world.grants[0])]
    bases = {line.member_name: " ".join(line.basis.split()) for line in animation.members}
    assert bases == {
        HOSTILE: "Plan : 40 % du reçu",
        MARKUP: "Plan : montant fixe 9 000,00 €",
        LONG_NAME: OFF_PLAN_BASIS,
    }
    assert f"{HOSTILE} Plan : 40 % du reçu" in text
    assert OFF_PLAN_BASIS in text
    assert "Conservé pour la coordination (10 %), à la date du rapport 2 000,00 €" in text


def test_exercice_and_to_date_figures_are_apart(uow: UnitOfWork) -> None:
    world = build_world(uow)
    animation, jobs = world.grants
    GrantService(uow).add_instalment(animation, InstalmentDraft(D(2027, 1, 15), 5_000_00, "V2"))
    RedistributionService(uow).record_redistribution(
        jobs, world.members[2], D(2027, 2, 1), 1_000_00, "Acompte & <2027>"
    )
    model = build_redistribution_data(uow, 2026)
    sections = {g.grant_id: g for g in model.grants}
    assert (sections[animation].received_year_cents, sections[animation].received_cents) == (
        20_000_01,
        25_000_01,
    )
    assert (sections[jobs].passed_year_cents, sections[jobs].passed_cents) == (0, 1_000_00)
    (line,) = sections[jobs].members
    assert (line.passed_year_cents, line.passed_cents) == (0, 1_000_00)
    text, _, _ = pdf_text(model)
    assert "Reçu — exercice 2026 20 000,01 €" in text
    assert "Reçu à la date du rapport 25 000,01 €" in text
    assert "Reversements datés hors de l'exercice : 1, 1 000,00 €" in text
    assert "Acompte & <2027>" not in text  # a 2027 transfer is not listed in 2026


def test_plan_line_shows_due_minus_passed_and_flags_a_negative_remaining(
    uow: UnitOfWork,
) -> None:
    world = build_world(uow)
    model = build_redistribution_data(uow, 2026)
    animation = next(g for g in model.grants if g.grant_id == world.grants[0])
    over = next(line for line in animation.members if line.member_id == world.members[2])
    assert over.remaining_cents == -500_00 and over.over_passed and animation.over_passed
    text, _, _ = pdf_text(model)
    for line in animation.members:
        equation = (
            f"dû {money(line.due_cents)} \u2212 déjà reversé {money(line.passed_cents)} = "
            f"{money(line.remaining_cents)}"
        )
        assert equation in text, equation
    # the grant's whole reste à reverser is negative: the one sentence of the window, the
    # dashboard and `check`, in the grant's section, with the real minus sign
    assert animation.remaining_cents < 0
    assert animation.warning == overpaid_warning(animation.title, animation.remaining_cents)
    assert f"Attention : Reste à reverser négatif ({money(animation.remaining_cents)})" in text
    assert "de plus que ce qui est dû sur les versements reçus" in text
    assert "reversé au-delà du plan" in text


def test_single_funder_report_holds_no_member_balances(uow: UnitOfWork) -> None:
    world = build_world(uow)
    model = build_redistribution_data(uow, 2026, funder_id=world.funders[1])
    assert model.single_funder and model.services == ()
    assert [g.grant_id for g in model.grants] == [world.grants[1]]
    text, _, _ = pdf_text(model)
    for absent in (
        "Répartition des charges",
        "Reste dû",
        "Appelé",
        "Locaux & accueil <RDC>",
        "Animation du pôle",
        "VIR & <1>",
    ):
        assert absent not in text, absent
    assert "Emplois aidés" in text


def test_cost_sharing_reconciles_with_costs_calls_and_payments(uow: UnitOfWork) -> None:
    world = build_world(uow)
    model = build_redistribution_data(uow, 2026)
    totals = {t.service_id: t for t in CostService(uow).totals_per_service(2026)}
    shared = SharedServiceService(uow)
    assert [s.service_id for s in model.services] == sorted(
        world.services, key=lambda sid: totals[sid].name
    )
    for service in model.services:
        expected = totals[service.service_id]
        assert service.costs_cents == expected.ttc_cents == service.shared_cents
        assert service.shares_total_cents == expected.shared_cents == expected.ttc_cents
        users = {
            u.member_id: u.shares_cents for u in shared.service_users(service.service_id, 2026)
        }
        assert {line.member_id: line.share_cents for line in service.members} == users
    assert model.services_total("costs_cents") == 12_000_06 + 2_000_01
    premises = next(s for s in model.services if s.service_id == world.services[0])
    assert premises.key_versions == (D(2025, 1, 1), D(2026, 7, 1))
    assert premises.basis == "TTC" and premises.cost_count == 3
    balances = {b.member_id: b for b in PaymentService(uow).balances(2026)}
    for member in world.members:
        lines = [line for s in model.services for line in s.members if line.member_id == member]
        assert sum(line.called_cents for line in lines) == balances[member].called_cents
        assert sum(line.paid_cents for line in lines) == balances[member].paid_cents
    assert model.services_total("paid_cents") == 2_500_00 + 333_33
    text, _, _ = pdf_text(model)
    assert f"Total {money(premises.shares_total_cents)} {money(premises.called_cents)}" in text
    assert f"Contrôle : total des quotes-parts {money(12_000_06)} = charges" in text
    assert "Clé : Surface (m²) & <co> (versions du 01/01/2025, 01/07/2026)" in text


def test_one_funder(uow: UnitOfWork) -> None:
    world = build_world(uow)
    model = build_redistribution_data(uow, 2026, funder_id=world.funders[1])
    assert model.funder_name == "État — DREETS"
    assert [g.grant_id for g in model.grants] == [world.grants[1]]
    assert model.grants[0].received_cents == 4_000_00
    assert model.grants[0].members[0].due_cents == 2_000_00
    text, _, _ = pdf_text(model)
    assert "Financeur : État — DREETS" in text
    assert "Animation du pôle" not in text
    with pytest.raises(PtceError) as error:
        build_redistribution_data(uow, 2026, funder_id=9999)
    assert error.value.code == "not_found"


def test_hostile_names_print_literally(uow: UnitOfWork) -> None:
    build_world(uow)
    _, _, data = pdf_text(build_redistribution_data(uow, 2026))
    pages = PdfReader(BytesIO(data)).pages
    text = "".join("".join(p.extract_text().splitlines()[2:-2]) for p in pages)
    text = "".join(text.split())
    for name in (HOSTILE, MARKUP, LONG_NAME, OFF_PLAN_BASIS, "Région & <Drôme>"):
        assert "".join(name.split()) in text


def test_empty_year_prints_no_data(uow: UnitOfWork) -> None:
    build_world(uow)
    model = build_redistribution_data(uow, 2031)
    assert model.grants == () and model.services == ()
    text, pages, _ = pdf_text(model)
    assert pages == 1
    assert "Aucune donnée : aucune subvention pour cet exercice." in text
    assert "Aucune donnée : aucune charge mutualisée ni appel de fonds" in text


def test_empty_database(uow: UnitOfWork) -> None:
    model = build_redistribution_data(uow, 2026)
    assert model.pole_name == "" and model.logo_path is None
    assert pdf_text(model)[1] == 1


def test_same_data_gives_the_same_bytes(uow: UnitOfWork) -> None:
    build_world(uow)
    first = pdf_text(build_redistribution_data(uow, 2026))[2]
    second = pdf_text(build_redistribution_data(uow, 2026))[2]
    assert first == second


@pytest.mark.parametrize(
    ("paid", "lines", "expected"),
    [
        (0, {1: 100, 2: 200}, {1: 0, 2: 0}),
        (300, {1: 100, 2: 200}, {1: 100, 2: 200}),
        (100, {1: 100, 2: 200}, {1: 33, 2: 67}),
        (70, {1: 100, 2: -30}, {1: 100, 2: -30}),
        (0, {1: 100, 2: -30}, {1: 0, 2: 0}),
        (0, {1: 100, 2: -300}, {1: 0, 2: 0}),  # issue 10: was {1: 300, 2: -300}
        (-200, {1: 100, 2: -300}, {1: 100, 2: -300}),
        (-101, {1: 100, 2: -300}, {1: 51, 2: -152}),
        (35, {1: 100, 2: -30}, {1: 50, 2: -15}),
        (-50, {1: -20, 2: -80}, {1: -10, 2: -40}),
        (5, {1: 0, 2: 0}, {1: 5, 2: 0}),
        (0, {}, {}),
    ],
)
def test_spread_paid(paid: int, lines: dict[int, int], expected: dict[int, int]) -> None:
    result = spread_paid(paid, lines)
    assert result == expected
    assert sum(result.values()) == paid or not lines


@pytest.mark.parametrize("seed", range(200))
def test_spread_paid_never_exceeds_called_per_line(seed: int) -> None:
    rng = random.Random(seed)
    lines = {i: rng.randint(-50_000, 80_000) for i in range(1, rng.randint(2, 8))}
    total = sum(lines.values())
    paid = rng.randint(min(0, total), max(0, total))
    result = spread_paid(paid, lines)
    assert sum(result.values()) == paid
    for line, cents in lines.items():
        assert min(0, cents) <= result[line] <= max(0, cents), (lines, paid, result)


def _spread_paid_with_fractions(paid_cents: int, line_cents: dict[int, int]) -> dict[int, int]:
    """The largest-remainder spread written with exact fractions: the reference."""
    result = dict.fromkeys(line_cents, 0)
    total = sum(line_cents.values())
    if not line_cents or paid_cents == 0:
        return result
    if total == 0 or (paid_cents > 0) != (total > 0):
        result[min(line_cents)] = paid_cents
        return result
    settled = paid_cents if abs(paid_cents) <= abs(total) else total
    exact = {line: Fraction(settled, total) * cents for line, cents in line_cents.items()}
    floors = {line: math.floor(value) for line, value in exact.items()}
    order = sorted(exact, key=lambda line: (-(exact[line] - floors[line]), line))
    for line in order[: settled - sum(floors.values())]:
        floors[line] += 1
    result.update(floors)
    result[min(line_cents)] += paid_cents - settled
    return result


@settings(max_examples=400, deadline=None)
@given(
    paid=st.integers(-(10**9), 10**9),
    lines=st.dictionaries(st.integers(1, 50), st.integers(-(10**8), 10**8), max_size=12),
)
def test_spread_paid_equals_the_fraction_spread(paid: int, lines: dict[int, int]) -> None:
    assert spread_paid(paid, lines) == _spread_paid_with_fractions(paid, lines)


def test_check_warns_of_a_negative_remaining_and_stays_ok(uow: UnitOfWork) -> None:
    build_world(uow)  # a member outside the plan was passed 500,00 € with force=True
    report = check_database(uow.db.path)
    (item,) = [i for i in report.items if "reste à reverser" in i.text]
    assert item.ok and item.warning and report.ok  # a warning: `check` still exits 0
    assert "Attention, reste à reverser négatif" in item.text
    assert f"{LONG_NAME} : {format_money(-500_00)}" in item.text


def test_check_without_negative_remaining_has_no_warning(uow: UnitOfWork) -> None:
    MemberService(uow).create(MemberDraft(name="Seul & <unique>", category="ess_enterprise"))
    report = check_database(uow.db.path)
    (item,) = [i for i in report.items if "reste à reverser" in i.text]
    assert item.ok and not item.warning
