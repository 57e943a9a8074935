"""The Cerfa 15059 read model on a database filled through the services, and its PDF.

One pole (not VAT-registered: costs are borne TTC), three members, a project with its lead and
one partner, a shared service keyed on m², and a grant of the Région for 2025 with a forecast,
a 10 % flat-rate overhead, an instalment, a redistribution, in-kind contributions and report
texts; a State grant of the same project; noise that must stay out (another project, 2026,
a refused grant).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from fractions import Fraction
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.factories.costs import draft, make_key, make_service, seed_members

from ptce_desktop.documents.builders.cerfa import build_cerfa_report, build_crf_bundle_data
from ptce_desktop.documents.cerfa import NO_PROJECT, CerfaReport, CerfaRow
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.cerfa15059 import build_cerfa15059
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.activity.views import ProjectDraft
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.views import GrantDraft, GrantReportTexts, InstalmentDraft
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
GENERATED = D(2026, 4, 1)
YEAR_START, YEAR_END = D(2025, 1, 1), D(2025, 12, 31)
POLE = "Pôle Sud & Drôme <test> — l'€"
REPRESENTATIVE = "Marie Curie-Dupont & <co>"
LONG_TITLE = ("Animation du pôle « Sud » & <coopération> — l'Éclair " * 6)[:300]
LONG_TEXT = ("Ateliers & rencontres <ESS> avec 120 personnes ; " * 110)[:5000]


@dataclass(frozen=True)
class World:
    members: tuple[int, ...]
    project: int
    other_project: int
    key: int
    service: int
    region: int
    etat: int


def euros(value: str) -> int:
    whole, _, cents = value.replace(" ", "").partition(",")
    return int(whole) * 100 + int(cents or 0)


def seed(uow: UnitOfWork) -> World:
    poles = PoleService(uow)
    poles.create_pole(POLE)
    poles.update(
        PoleDraft(
            name=POLE,
            siret="73282932000074",
            legal_rep_name=REPRESENTATIVE,
            legal_rep_title="Présidente",
            vat_registered=False,
        )
    )
    members = seed_members(uow, 3, categories=("ess_enterprise", "ess_enterprise", "other"))
    a, b, c = members
    key = make_key(uow, "units", {a: 30_000, b: 50_000, c: 20_000})
    service = make_service(uow, key)
    activity = ActivityService(uow)
    project = activity.create_project(
        ProjectDraft(name="Tiers-lieu « La Fabrique » & <co>", lead_member_id=a, partner_ids=(b,))
    ).id
    other = activity.create_project(ProjectDraft(name="Autre projet")).id
    funders = FunderService(uow)
    region = funders.create_funder(FunderDraft(name="Région AURA & <Drôme>", type="region")).id
    etat = funders.create_funder(FunderDraft(name="DREETS l'Éclair", type="etat")).id
    return World(members, project, other, key, service, region, etat)


def grant(uow: UnitOfWork, world: World, **changes: object) -> int:
    values: dict[str, object] = {
        "funder_id": world.region,
        "title": LONG_TITLE,
        "project_id": world.project,
        "amount_requested_cents": euros("12 000"),
        "amount_voted_cents": euros("10 000"),
        "status": "votee",
        "convention_ref": "Conv. 2025-PTCE & <7>",
        "convention_date": D(2025, 4, 2),
        "period_start": D(2025, 1, 1),
        "period_end": D(2025, 12, 31),
        "overhead_method": "flat_rate",
        "overhead_rate_bp": 1000,
    }
    values.update(changes)
    return GrantService(uow).create_grant(GrantDraft(**values)).id  # type: ignore[arg-type]


def add_cost(
    uow: UnitOfWork,
    world: World,
    cents: int,
    code: str | None,
    *,
    vat_cents: int = 0,
    start: dt.date = YEAR_START,
    end: dt.date = YEAR_END,
    **extra: object,
) -> None:
    base = draft(world.service, cents, vat_cents, start=start, end=end)
    CostService(uow).create_cost(replace(base, cerfa_code=code, **extra))  # type: ignore[arg-type]


def full_world(uow: UnitOfWork) -> tuple[World, int]:
    world = seed(uow)
    a, b, _ = world.members
    project = world.project
    add_cost(uow, world, euros("1 200"), "613", vat_cents=euros("240"), project_id=project)
    add_cost(uow, world, euros("300"), "616", project_id=project, label="Assurance <b>x</b>")
    add_cost(uow, world, euros("2 000"), "641", project_id=project, label="Salaire — œuvre €")
    add_cost(uow, world, euros("100"), "614", project_id=project)
    add_cost(uow, world, euros("50,05"), None, project_id=project, label="Sans ligne & <co>")
    # Out of the action: another project, a period starting in 2026.
    add_cost(uow, world, euros("999"), "613", project_id=world.other_project)
    add_cost(
        uow, world, euros("777"), "613", project_id=project, start=D(2026, 1, 1), end=D(2026, 3, 31)
    )
    # The pole's overhead costs (no project).
    add_cost(uow, world, euros("1 000"), "613")
    add_cost(uow, world, euros("100"), "66")
    add_cost(uow, world, euros("10,01"), None)

    grants = GrantService(uow)
    main = grant(uow, world)
    grants.set_budget_lines(
        main,
        {
            "613": euros("1 500"),
            "616": euros("300"),
            "641": euros("2 500"),
            "ci_fixes": euros("400"),
            "74_region": euros("10 000"),
            "75_dont": euros("200"),
            "864": euros("500"),
            "870": euros("500"),
        },
    )
    grants.add_instalment(main, InstalmentDraft(D(2025, 5, 2), euros("6 000"), "V1"))
    grants.set_report_texts(
        main,
        GrantReportTexts(
            bilan_qualitatif=LONG_TEXT,
            beneficiaires="120 personnes & <publics>",
            ecarts="Loyer renégocié — l'Éclair",
        ),
    )
    RedistributionService(uow).record_redistribution(
        main, b, D(2025, 6, 1), euros("1 500"), "Décision du CA & <co>", force=True
    )
    state = grant(
        uow,
        world,
        funder_id=world.etat,
        title="Appui DREETS",
        amount_voted_cents=euros("4 000"),
        period_start=D(2025, 6, 1),
        period_end=D(2026, 5, 31),
        overhead_method="none",
        overhead_rate_bp=None,
    )
    grants.add_instalment(state, InstalmentDraft(D(2025, 9, 1), euros("2 500")))
    refused = grant(uow, world, title="Refusée", status="refusee", amount_voted_cents=None)
    other = grant(uow, world, title="Autre projet", project_id=world.other_project)
    grants.add_instalment(other, InstalmentDraft(D(2025, 9, 1), euros("3 333")))
    del refused

    fees = FeeService(uow)
    fees.set_fee(2025, "ess_enterprise", euros("100"))
    fees.set_fee(2025, "other", euros("40"))
    fees.set_fee(2026, "ess_enterprise", euros("999"))
    payments = PaymentService(uow)
    payments.record_payment(a, D(2025, 7, 1), euros("750"), "virement", "VIR & <1>", None)
    payments.record_payment(a, D(2026, 1, 10), euros("111"), "virement", None, None)

    kinds = InKindService(uow)
    kinds.create_contribution(
        InKindDraft(
            D(2025, 9, 1), "benevolat", "Bénévoles <atelier>", euros("300"), project_id=project
        )
    )
    kinds.create_contribution(
        InKindDraft(D(2025, 10, 1), "don_en_nature", "Don de mobilier", euros("120"), grant_id=main)
    )
    kinds.create_contribution(
        InKindDraft(
            D(2025, 10, 1), "benevolat", "Autre projet", euros("55"), project_id=world.other_project
        )
    )
    return world, main


def pdf_pages(report: CerfaReport, *, body_only: bool = False) -> list[str]:
    """Each page's text, whitespace (line breaks, U+00A0) collapsed to one space;
    ``body_only`` drops the running header and footer (two lines each)."""
    buffer = BytesIO()
    build_cerfa15059(report, buffer, generated_on=GENERATED)
    texts = [page.extract_text() for page in PdfReader(buffer).pages]
    if body_only:
        texts = ["\n".join(text.splitlines()[2:-2]) for text in texts]
    return [" ".join(text.split()) for text in texts]


def squeeze(text: str) -> str:
    return "".join(text.split())


def rows(report: CerfaReport) -> dict[str, CerfaRow]:
    every = report.charges + report.in_kind_charges + report.produits + report.in_kind_produits
    return {row.code: row for row in every}


def actual(report: CerfaReport) -> dict[str, int]:
    return {code: row.actual_cents for code, row in rows(report).items()}


# --- figures ------------------------------------------------------------------------------------


def test_charges_follow_the_costs_the_overhead_and_the_redistributions(uow: UnitOfWork) -> None:
    _, main = full_world(uow)
    report = build_cerfa_report(uow, main)
    got = actual(report)
    assert got["613"] == euros("1 440")  # TTC: the pole is not VAT-registered
    assert got["616"] == euros("300")
    assert got["641"] == euros("2 000")
    assert got["62x"] == euros("50,05")  # no Cerfa code, allowed by default in the builder
    assert got["61x"] == euros("100")  # 614 charges locatives: a printed sub-row of 61
    assert got["61"] == euros("1 840") == got["613"] + got["616"] + got["61x"]
    assert report.groups_with_own_accounts == ()
    assert got["65"] == euros("1 500")  # 657 passed on to a member, dated in the period
    direct = euros("1 440") + euros("300") + euros("2 000") + euros("100") + euros("50,05")
    assert report.overhead.base_cents == direct == 389_005
    assert got["ci_fixes"] == report.overhead.amount_cents == 38_901  # 389,005 € half up
    assert got["charges_indirectes"] == 38_901
    assert got["total_charges"] == direct + euros("1 500") + 38_901
    assert report.method.cost_count == 5  # the 2026 cost is outside the period
    assert report.method.uncoded_costs_cents == euros("50,05")
    [item] = report.unclassified
    assert (item.label, item.amount_cents) == ("Sans ligne & <co>", euros("50,05"))


def test_unclassified_costs_are_refused_when_asked(uow: UnitOfWork) -> None:
    _, main = full_world(uow)
    with pytest.raises(PtceError) as info:
        build_cerfa_report(uow, main, refuse_unclassified=True)
    assert info.value.code == "cerfa_unclassified_costs"
    text = info.value.message("fr")
    assert "Sans ligne & <co>" in text and "50,05" in text and "--allow-unclassified" in text


def test_produits_are_the_projects_own_at_the_voted_amount_for_the_period(
    uow: UnitOfWork,
) -> None:
    _, main = full_world(uow)
    report = build_cerfa_report(uow, main)
    got = actual(report)
    assert got["74_region"] == euros("10 000")  # voted, the whole 2025 period
    # DREETS: 4 000 € over 01/06/2025–31/05/2026 (365 days), 214 days in 2025, half up
    assert got["74_etat"] == 234_521 == (400_000 * 214 * 2 + 365) // (2 * 365)
    assert got["74"] == euros("10 000") + 234_521
    assert [g.title for g in report.method.grants] == ["Appui DREETS", LONG_TITLE]
    assert [g.received_cents for g in report.method.grants] == [euros("2 500"), euros("6 000")]
    # a project has no fees nor members' payments: those belong to the pole's operation
    assert got["75"] == got["70"] == 0
    assert got["ressources_propres"] == 0  # the direct resources cover the charges
    assert got["total_produits"] == euros("10 000") + 234_521
    assert report.grant_share_bp == 8100  # 10 000 € / 12 345,21 € = 81,003 %
    assert report.balance is not None
    assert report.balance.actual_cents == got["total_produits"] - got["total_charges"]
    labels = {row.code: row.label for row in report.produits}
    assert labels["74_region"] == "Région(s) : Région AURA & <Drôme>"
    assert labels["74_etat"] == "État : DREETS l'Éclair"
    assert report.grant.received_cents == euros("6 000")


def test_in_kind_rows_and_forecast(uow: UnitOfWork) -> None:
    _, main = full_world(uow)
    report = build_cerfa_report(uow, main)
    got = actual(report)
    assert got["864"] == got["870"] == euros("300")
    assert got["860"] == got["875"] == euros("120")
    assert got["86"] == got["87"] == euros("420")
    assert got["total_general_charges"] == got["total_charges"] + euros("420")
    assert got["total_general_produits"] == got["total_produits"] + euros("420")
    by_code = rows(report)
    assert by_code["613"].forecast_cents == euros("1 500")
    assert by_code["613"].ratio_bp == 9600
    assert by_code["65"].ratio_bp is None
    assert by_code["total_charges"].forecast_cents == euros("4 700")
    assert by_code["total_produits"].forecast_cents == euros("10 200")
    assert report.groups_with_own_accounts == ()
    assert by_code["86"].forecast_cents == euros("500")


def test_totals_equal_the_sum_of_their_rows(uow: UnitOfWork) -> None:
    _, main = full_world(uow)
    report = build_cerfa_report(uow, main)
    every = rows(report)
    for row in every.values():
        if row.level in ("group", "section"):
            kids = [kid for kid in every.values() if kid.parent == row.code]
            if kids:
                assert row.actual_cents == sum(kid.actual_cents for kid in kids), row.code
                assert row.forecast_cents == sum(kid.forecast_cents for kid in kids), row.code
    t = report.totals
    assert t.charges.actual_cents == (
        every["charges_directes"].actual_cents + every["charges_indirectes"].actual_cents
    )
    assert (
        t.general_produits.actual_cents == t.produits.actual_cents + t.in_kind_produits.actual_cents
    )


def test_overhead_by_key_weighs_the_members_of_the_project(uow: UnitOfWork) -> None:
    world, _ = full_world(uow)
    keyed = grant(
        uow, world, overhead_method="key", overhead_rate_bp=None, overhead_key_id=world.key
    )
    report = build_cerfa_report(uow, keyed)
    rule = report.overhead
    assert rule.method == "key" and rule.problem is None
    assert rule.action_weight / rule.total_weight == Fraction(4, 5)  # (30 + 50) / 100 m²
    assert rule.weight_bp == 8000
    assert rule.base_cents == euros("1 000") + euros("100") + euros("10,01")
    got = actual(report)
    assert got["ci_fixes"] == euros("800")
    assert got["ci_financieres"] == euros("80")
    assert got["ci_autres"] == 801  # 8,008 € half up
    assert rule.amount_cents == got["charges_indirectes"] == euros("800") + euros("80") + 801
    assert len(rule.action_members) == 2


def test_key_overhead_of_a_grant_without_project_is_explained(uow: UnitOfWork) -> None:
    world = seed(uow)
    add_cost(uow, world, euros("1 000"), "613")
    keyed = grant(
        uow,
        world,
        project_id=None,
        overhead_method="key",
        overhead_rate_bp=None,
        overhead_key_id=world.key,
    )
    report = build_cerfa_report(uow, keyed)
    assert report.overhead.problem == NO_PROJECT
    assert actual(report)["charges_indirectes"] == 0
    assert actual(report)["613"] == euros("1 000")  # the pole's general activity


def test_empty_grant_gives_a_grid_of_zeros(uow: UnitOfWork) -> None:
    world = seed(uow)
    empty = grant(
        uow,
        world,
        project_id=None,
        period_start=None,
        period_end=None,
        amount_voted_cents=None,
        status="demandee",
        overhead_method="none",
        overhead_rate_bp=None,
    )
    report = build_cerfa_report(uow, empty)
    assert all(row.forecast_cents == row.actual_cents == 0 for row in rows(report).values())
    assert report.grant_share_bp is None and report.grant.exercise_label is None
    text = " ".join(pdf_pages(report))
    assert "Aucune donnée" not in text


# --- the PDF ------------------------------------------------------------------------------------


def test_pdf_prints_the_read_model_and_the_representative(uow: UnitOfWork) -> None:
    _, main = full_world(uow)
    report = build_cerfa_report(uow, main)
    text = " ".join(pdf_pages(report))
    grid = text[text.index("Feuillet 2") : text.index("Feuillet 3")]
    position = 0
    for row in rows(report).values():  # print order: charges then produits
        label = " ".join(row.label.split())
        found = grid.find(label, position)
        assert found >= 0, row.code
        position = found + len(label)
        line = grid[found : found + len(label) + 60]
        assert " ".join(format_money(row.actual_cents).split()) in line, row.code
        assert " ".join(format_money(row.forecast_cents).split()) in line, row.code
    assert (
        f"Je soussigné(e) {REPRESENTATIVE}, Présidente, représentant(e) légal(e) de {POLE}" in text
    )
    body = squeeze(" ".join(pdf_pages(report, body_only=True)))
    assert squeeze(LONG_TEXT) in body
    assert squeeze(LONG_TITLE) in body
    assert "Taux forfaitaire : 10 % des coûts directs de l'action (3 890,05 €" in text
    assert "soit 389,01 €" in text


def test_rebuild_is_byte_identical(uow: UnitOfWork, tmp_path: Path) -> None:
    _, main = full_world(uow)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_cerfa15059(build_cerfa_report(uow, main), first, generated_on=GENERATED)
    build_cerfa15059(build_cerfa_report(uow, main), second, generated_on=GENERATED)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("year", [None, 2025])
def test_bundle_data_takes_the_grant_year(uow: UnitOfWork, year: int | None) -> None:
    _, main = full_world(uow)
    report, activity = build_crf_bundle_data(uow, main, year)
    assert report.grant.exercise_years == (2025,)
    assert activity.year == 2025


def test_a_vat_registered_pole_bears_the_ht_of_a_taxable_service(uow: UnitOfWork) -> None:
    world = seed(uow)
    poles = PoleService(uow)
    current = poles.get()
    assert current is not None
    poles.update(replace(current.to_draft(), vat_registered=True))
    taxable = make_service(uow, world.key, name="Copieur & <co> — l'€", taxable=True)
    add_cost(uow, world, euros("1 000"), "613", vat_cents=euros("200"), project_id=world.project)
    CostService(uow).create_cost(
        replace(
            draft(taxable, euros("500"), euros("100")),
            cerfa_code="615",
            project_id=world.project,
        )
    )
    report = build_cerfa_report(uow, grant(uow, world))
    got = actual(report)
    assert got["613"] == euros("1 200")  # exempt under 261 B: TTC
    assert got["615"] == euros("500")  # taxable, VAT recoverable: HT
    assert report.pole.siret == "732 829 320 00074"
