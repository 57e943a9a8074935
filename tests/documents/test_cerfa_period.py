"""The Cerfa 15059's period and dating rules (README « Cerfa 15059 »), by hand-computed figures.

A two-year grant (01/07/2025 – 30/06/2026, 365 days: 184 in 2025, 181 in 2026) reported as a
whole and year by year: the grant's voted amount, a cost spanning the two years, a
redistribution and in-kind contributions dated in one year; the parts of the years add up to
the whole to the cent. A year outside the period is refused with the valid years; a grant
that is not voted is refused when asked, and otherwise printed as a watermarked draft.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from test_cerfa_document import GENERATED, World, add_cost, euros, grant, seed

from ptce_desktop.documents.builders.cerfa import build_cerfa_report
from ptce_desktop.documents.cerfa import CerfaReport, day_count, prorate
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.reports.cerfa15059 import DRAFT_MARK, build_cerfa15059, missing_texts
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.activity.views import EventDraft
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindDraft, InKindService
from ptce_desktop.services.grants.redistributions import RedistributionService
from ptce_desktop.services.grants.report_sheet import (
    Indicator,
    PublicCount,
    ReportSheet,
    ReportSheetService,
)
from ptce_desktop.services.grants.views import GrantReportTexts, InstalmentDraft
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
START, END = D(2025, 7, 1), D(2026, 6, 30)
VOTED = 1_234_567  # 12 345,67 €


def amounts(report: CerfaReport) -> dict[str, int]:
    rows = report.charges + report.in_kind_charges + report.produits + report.in_kind_produits
    return {row.code: row.actual_cents for row in rows}


def two_year_world(uow: UnitOfWork) -> tuple[World, int]:
    world = seed(uow)
    _, b, _ = world.members
    main = grant(
        uow,
        world,
        amount_voted_cents=VOTED,
        period_start=START,
        period_end=END,
        overhead_method="none",
        overhead_rate_bp=None,
    )
    # 1 000 € over 01/10/2025 – 31/03/2026: 182 days, 92 in 2025, 90 in 2026.
    add_cost(
        uow, world, euros("1 000"), "623", project_id=world.project, start=D(2025, 10, 1),
        end=D(2026, 3, 31), label="Affiches « Fabrique » & <co>",
    )  # fmt: skip
    # 2025 entirely, before the grant: half of it (184 / 365 days) is in the period.
    add_cost(uow, world, euros("365"), "616", project_id=world.project, label="Assurance 2025")
    GrantService(uow).add_instalment(main, InstalmentDraft(D(2026, 2, 1), euros("5 000")))
    RedistributionService(uow).record_redistribution(
        main, b, D(2026, 2, 15), euros("700"), "Décision du CA — l'€", force=True
    )
    kinds = InKindService(uow)
    kinds.create_contribution(
        InKindDraft(D(2025, 9, 1), "benevolat", "Bénévoles <atelier>", euros("300"),
                    project_id=world.project)
    )  # fmt: skip
    kinds.create_contribution(
        InKindDraft(D(2026, 5, 1), "don_en_nature", "Mobilier & <co>", euros("80"), grant_id=main)
    )
    return world, main


def test_prorate_by_days_with_cumulative_rounding() -> None:
    assert day_count(START, END) == 365
    year_2025 = (D(2025, 1, 1), D(2025, 12, 31))
    year_2026 = (D(2026, 1, 1), D(2026, 12, 31))
    first = prorate(VOTED, (START, END), year_2025)
    second = prorate(VOTED, (START, END), year_2026)
    assert first == 622_357  # 1 234 567 × 184 / 365 = 622 357,06
    assert second == 612_210  # the rest: 1 234 567 × 181 / 365 = 612 209,93
    assert first + second == VOTED
    assert prorate(VOTED, (START, END), (START, END)) == VOTED
    assert prorate(VOTED, (START, END), (D(2027, 1, 1), D(2027, 12, 31))) == 0
    assert prorate(-100, (START, START), (START, START)) == -100  # one day: all of it
    # halves go up: 1 cent over two days, the first day gets it
    assert prorate(1, (START, START + dt.timedelta(days=1)), (START, START)) == 1
    assert prorate(1, (START, START + dt.timedelta(days=1)), (END, END)) == 0


def test_whole_period_and_each_year_by_hand(uow: UnitOfWork) -> None:
    _, main = two_year_world(uow)
    whole = amounts(build_cerfa_report(uow, main))
    y2025 = amounts(build_cerfa_report(uow, main, year=2025))
    y2026 = amounts(build_cerfa_report(uow, main, year=2026))
    assert whole["74_region"] == VOTED
    assert (y2025["74_region"], y2026["74_region"]) == (622_357, 612_210)
    # the cost spanning the two years: 100 000 × 92 / 182 = 50 549,45
    assert (y2025["623"], y2026["623"]) == (50_549, 49_451)
    assert whole["623"] == euros("1 000")
    # the 2025 insurance: 36 500 × 184 / 365 = 18 400 inside the grant's period, all in 2025
    assert (whole["616"], y2025["616"], y2026["616"]) == (18_400, 18_400, 0)
    assert (y2025["65"], y2026["65"], whole["65"]) == (0, euros("700"), euros("700"))
    assert (y2025["864"], y2026["864"]) == (euros("300"), 0)
    assert (y2025["860"], y2026["860"]) == (0, euros("80"))
    for code in ("74", "623", "616", "65", "total_charges", "86", "87"):
        assert y2025[code] + y2026[code] == whole[code], code
    # money received is not the product: the instalment of 2026 changes no row
    report = build_cerfa_report(uow, main, year=2025)
    assert report.grant.received_cents == euros("5 000")
    assert report.attributed_cents == report.grant_amount_cents == 622_357
    assert report.period is not None
    assert (report.period.start, report.period.end) == (START, D(2025, 12, 31))
    assert (report.period.days, report.period.grant_days) == (184, 365)
    assert report.period.year_label == "2025"


def test_year_outside_the_period_is_refused_with_the_valid_years(uow: UnitOfWork) -> None:
    _, main = two_year_world(uow)
    with pytest.raises(PtceError) as info:
        build_cerfa_report(uow, main, year=2024)
    assert info.value.code == "cerfa_year_outside"
    text = info.value.message("fr")
    assert "2024" in text and "2025, 2026" in text and "01/07/2025" in text


def pdf_text(report: CerfaReport) -> str:
    buffer = BytesIO()
    build_cerfa15059(report, buffer, generated_on=GENERATED)
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(buffer).pages
    )


def test_year_report_prints_its_period_and_the_rule(uow: UnitOfWork) -> None:
    _, main = two_year_world(uow)
    text = pdf_text(build_cerfa_report(uow, main, year=2026))
    assert "Exercice 2026 — du 01/01/2026 au 30/06/2026" in text
    assert "181 jours sur les 365 de la subvention" in text
    assert "au prorata des jours" in text


@pytest.mark.parametrize(("status", "label"), [("demandee", "Demandée"), ("refusee", "Refusée")])
def test_a_grant_not_voted_is_refused_or_a_watermarked_draft(
    uow: UnitOfWork, status: str, label: str
) -> None:
    world = seed(uow)
    draft = grant(uow, world, status=status, amount_voted_cents=None, title="Demande « 2025 »")
    with pytest.raises(PtceError) as info:
        build_cerfa_report(uow, draft, refuse_draft=True)
    assert info.value.code == "cerfa_grant_not_voted"
    assert f"« {label} »" in info.value.message("fr")
    report = build_cerfa_report(uow, draft)
    assert report.draft
    text = pdf_text(report)
    assert text.count(DRAFT_MARK) >= 4  # the heading, and across each page
    voted = build_cerfa_report(uow, grant(uow, world))
    assert not voted.draft and DRAFT_MARK not in pdf_text(voted)


def test_pole_operation_fees_pro_rata_of_each_fiscal_year(uow: UnitOfWork) -> None:
    world = seed(uow)
    fees = FeeService(uow)
    fees.set_fee(2025, "ess_enterprise", euros("100"))  # two ESS members and one other: 240 €
    fees.set_fee(2025, "other", euros("40"))
    fees.set_fee(2026, "ess_enterprise", euros("73"))  # 146 €
    pole_wide = grant(
        uow, world, project_id=None, period_start=START, period_end=END,
        overhead_method="none", overhead_rate_bp=None,
    )  # fmt: skip
    got = amounts(build_cerfa_report(uow, pole_wide))
    # 24 000 × 184 / 365 = 12 098,63 → 12 099 ; 14 600 × 181 / 365 = 7 240
    assert got["75_dont"] == 12_099 + 7_240
    project = amounts(build_cerfa_report(uow, grant(uow, world, period_start=START,
                                                    period_end=END)))  # fmt: skip
    assert project["75_dont"] == 0


def test_events_of_the_action_pre_fill_sheet_1(uow: UnitOfWork) -> None:
    world, main = two_year_world(uow)
    activity = ActivityService(uow)
    activity.create_event(
        EventDraft(D(2025, 9, 20), "Atelier « semis » & <co>", place="Die", participants=35,
                   project_id=world.project)
    )  # fmt: skip
    activity.create_event(
        EventDraft(D(2026, 3, 2), "Visite l'Éclair", place="Crest", participants=12,
                   project_id=world.project)
    )  # fmt: skip
    activity.create_event(  # another project, and one of the action outside the period
        EventDraft(D(2025, 10, 1), "Autre", place="Valence", participants=999,
                   project_id=world.other_project)
    )  # fmt: skip
    activity.create_event(
        EventDraft(D(2024, 5, 1), "Avant", place="Nyons", project_id=world.project)
    )
    report = build_cerfa_report(uow, main)
    assert [event.title for event in report.events] == [
        "Atelier « semis » & <co>",
        "Visite l'Éclair",
    ]
    assert missing_texts(report) == [
        "Mise en œuvre de l'action",
        "Objectifs et indicateurs d'évaluation",
    ]
    text = pdf_text(report)
    assert "Environ 47 personnes ont participé aux événements de l'action" in text
    assert "Date(s) de réalisation de l'action Du 01/07/2025 au 30/06/2026" in text
    assert "Lieu(x) de réalisation de l'action Die, Crest." in text
    assert "Valence" not in text and "Nyons" not in text and "Aucune donnée" not in text
    assert "À compléter sur la subvention avant l'envoi (textes du compte rendu) : Mise en " in text
    only_2026 = build_cerfa_report(uow, main, year=2026)
    assert [event.title for event in only_2026.events] == ["Visite l'Éclair"]


def test_sheet_1_objectives_indicators_beneficiaries_dates_and_places(uow: UnitOfWork) -> None:
    _, main = two_year_world(uow)
    sheets = ReportSheetService(uow)
    saved = sheets.set_sheet(
        main,
        ReportSheet(
            objectives="  Créer 4 emplois & <insertion> — l'€  ",
            indicators=(
                Indicator("Emplois créés « légumerie »", "4", "5"),
                Indicator("", " ", ""),  # an empty row is dropped
                Indicator("Tonnes de légumes transformées", "12 t", "9,5 t"),
            ),
            beneficiaries_count=180,
            publics=(PublicCount("Salariés en insertion", 14), PublicCount("Habitants <QPV>", 166)),
            action_dates="Du 1er juillet 2025 au 30 juin 2026, ateliers chaque mardi",
            action_places="Die (légumerie) & Crest",
        ),
    )
    assert len(saved.indicators) == 2 and saved.objectives == "Créer 4 emplois & <insertion> — l'€"
    GrantService(uow).set_report_texts(main, GrantReportTexts(bilan_qualitatif="Texte libre"))
    assert sheets.get_sheet(main) == saved  # editing the free texts keeps the sheet
    report = build_cerfa_report(uow, main)
    assert missing_texts(report) == []
    text = pdf_text(report)
    assert "Nombre approximatif de personnes bénéficiaires de l'action : 180." in text
    assert "Type de public Nombre Salariés en insertion 14 Habitants <QPV> 166" in text
    assert "Date(s) de réalisation de l'action Du 1er juillet 2025 au 30 juin 2026" in text
    assert "Lieu(x) de réalisation de l'action Die (légumerie) & Crest" in text
    assert "Indicateur Attendu Obtenu Emplois créés « légumerie » 4 5" in text
    assert "Tonnes de légumes transformées 12 t 9,5 t" in text
    assert "À compléter" not in text and "Aucune donnée" not in text
    with pytest.raises(PtceError) as info:
        sheets.set_sheet(main, ReportSheet(publics=(PublicCount("Jeunes", -1),)))
    assert info.value.code == "report_sheet_count_invalid"
    with pytest.raises(PtceError) as info:
        sheets.set_sheet(main, ReportSheet(indicators=(Indicator("", "4", "5"),)))
    assert info.value.code == "report_sheet_indicator_unnamed"
