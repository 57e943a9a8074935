"""The year summary: one computation over the services; shares add up to the costs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from support.factories.demo import ServiceDemo, service_demo

from ptce_desktop.cli.summary import summary_lines
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

DEMO_DAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo_uow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UnitOfWork]:
    demo: ServiceDemo = service_demo(tmp_path_factory)
    database = open_database(demo.path, read_only=True)
    yield UnitOfWork(database)
    database.close()


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_member_shares_add_up_exactly_to_the_costs(demo_uow: UnitOfWork, year: int) -> None:
    summary = SummaryService(demo_uow).year_summary(year)
    assert summary.costs_split_cents > 0
    assert sum(m.share_cents for m in summary.members) == summary.costs_split_cents
    assert summary.shares_cents == summary.costs_split_cents and summary.shares_match_costs
    for line in summary.services:
        assert line.shared_cents == line.split_cents, line.name
    totals = CostService(demo_uow).totals_per_service(year)
    assert summary.costs_ttc_cents == sum(t.ttc_cents for t in totals)


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_called_paid_outstanding_come_from_the_calls(demo_uow: UnitOfWork, year: int) -> None:
    summary = SummaryService(demo_uow).year_summary(year)
    calls = CallService(demo_uow).list_calls(year)
    assert summary.called_cents == sum(c.total_cents for c in calls)
    assert summary.paid_cents == sum(c.paid_cents for c in calls)
    assert summary.outstanding_cents == summary.called_cents - summary.paid_cents
    balances = {b.member_id: b for b in PaymentService(demo_uow).balances(year)}
    for line in summary.members:
        assert line.outstanding_cents == line.called_cents - line.paid_cents
        if line.member_id in balances:
            assert line.called_cents == balances[line.member_id].called_cents


def test_2025_summary_of_the_demo(demo_uow: UnitOfWork) -> None:
    summary = SummaryService(demo_uow).year_summary(2025)
    assert summary.year_label == "2025"
    assert (summary.start, summary.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert summary.pole_name == "Pôle Coopératif Drôme-Vercors"
    assert summary.eligibility.eligible and summary.eligibility.missing == ()
    assert summary.active_members == sum(c.count for c in summary.categories)
    assert sum(c.joined_in_year for c in summary.categories) == 1
    assert sum(c.left_in_year for c in summary.categories) == 1
    taxable = [s for s in summary.services if s.vat_regime.value == "taxable"]
    assert len(taxable) == 1 and taxable[0].basis.value == "ht"
    assert taxable[0].split_cents == taxable[0].ht_cents < taxable[0].ttc_cents
    grants = GrantService(demo_uow).list_grants(2025)
    assert [g.grant_id for g in summary.grants] == [g.id for g in grants]
    assert summary.voted_cents == sum(g.voted_cents or 0 for g in grants)
    assert summary.remaining_cents == sum(g.remaining_cents for g in grants) > 0
    names = [m.name for m in summary.members]
    assert "Établissements Dupont & Fils" in names


def test_default_year_is_the_one_containing_today(demo_uow: UnitOfWork) -> None:
    service = SummaryService(demo_uow, today=lambda: DEMO_DAY)
    assert service.current_year() == 2026
    assert service.year_summary().year == 2026


def test_default_year_follows_the_start_month(uow: UnitOfWork) -> None:
    PoleService(uow).create_pole("Pôle & <septembre>", None, 9)
    service = SummaryService(uow, today=lambda: dt.date(2026, 3, 1))
    assert service.current_year() == 2025
    summary = service.year_summary()
    assert summary.year_label == "2025/2026"
    assert (summary.start, summary.end) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))


def test_empty_database_gives_empty_sections(uow: UnitOfWork) -> None:
    summary = SummaryService(uow).year_summary(2025)
    assert summary.pole_name is None
    assert summary.active_members == 0
    assert summary.services == () and summary.members == () and summary.grants == ()
    assert not summary.has_costs and not summary.has_calls
    assert summary.eligibility.missing == ("ess_enterprise", "non_ess_enterprise", "other_actor")
    text = "\n".join(summary_lines(summary))
    assert text.count("Aucune donnée.") == 5
    assert "Éligibilité PTCE : non" in text


def test_eligibility_names_what_is_missing(uow: UnitOfWork) -> None:
    members = MemberService(uow)
    members.create(MemberDraft("SCOP L'Atelier & <Co>", "ess_enterprise"))
    members.create(MemberDraft("Commune de Die", "local_authority"))
    verdict = SummaryService(uow).year_summary(2025).eligibility
    assert not verdict.eligible
    assert verdict.missing == ("non_ess_enterprise",)
    assert verdict.missing_labels == ("au moins une entreprise hors ESS",)
    assert (verdict.ess, verdict.non_ess, verdict.other) == (1, 0, 1)


@pytest.mark.parametrize("year", [1800, 3000])
def test_a_bad_year_is_refused(uow: UnitOfWork, year: int) -> None:
    with pytest.raises(PtceError) as error:
        SummaryService(uow).year_summary(year)
    assert error.value.code == "invalid_year" and error.value.field == "year"
    assert "Exercice invalide" in error.value.message("fr")
