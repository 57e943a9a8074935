"""The demo pole: complete, deterministic, sound, and built only through the services."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from support.factories.demo import ServiceDemo, cli_demo, copy_demo, service_demo

from ptce_desktop.demo.build import DEMO_TODAY, build_demo
from ptce_desktop.demo.setup import demo_iban, demo_siret
from ptce_desktop.domain.categories import GrantStatus, MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import validate_iban, validate_siret
from ptce_desktop.domain.keys import Method
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.exceptional import ExceptionalService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.report_sheet import ReportSheet
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.services.pole.todo import GRANT_OVERPAID, TodoService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

_VOTED = {GrantStatus.VOTEE, GrantStatus.VERSEE_PARTIELLEMENT, GrantStatus.SOLDEE}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


@pytest.fixture(scope="module")
def demo_uow(demo: ServiceDemo) -> Iterator[UnitOfWork]:
    database = open_database(demo.path, read_only=True)
    yield UnitOfWork(database)
    database.close()


def fingerprint(path: Path) -> dict[str, Any]:
    """What must not change from one build to the next."""
    database = open_database(path, read_only=True)
    try:
        uow = UnitOfWork(database)
        costs, calls, payments = CostService(uow), CallService(uow), PaymentService(uow)
        result: dict[str, Any] = {
            "members": [(m.name, m.siret) for m in MemberService(uow).list_members(year=2025)],
            "payments": [(p.date, p.member_name, p.amount_cents) for p in payments.list_payments()],
            "grants": GrantService(uow).list_grants(),
            "iban": PoleService(uow).get().iban,  # type: ignore[union-attr]
        }
        for y in (2024, 2025, 2026):
            result[f"costs {y}"] = [
                (s.name, s.cost_count, s.ttc_cents, s.shared_cents)
                for s in costs.totals_per_service(y)
            ]
            result[f"calls {y}"] = [
                (c.number, c.member_name, c.total_cents) for c in calls.list_calls(y)
            ]
            result[f"balances {y}"] = payments.balances(y)
        return result
    finally:
        database.close()


# --- the build --------------------------------------------------------------------------------


def test_demo_builds_with_progress(demo: ServiceDemo) -> None:
    summary = demo.summary
    assert summary.pole_name == "Pôle Coopératif Drôme-Vercors"
    assert summary.today == DEMO_TODAY == dt.date(2026, 6, 30)
    assert summary.members == 17
    assert summary.closed_years == (2024,)
    assert [year for year, _, _ in summary.costs_by_year] == [2024, 2025, 2026]
    assert summary.costs > 500
    assert summary.calls > 100 and summary.payments > 100
    assert summary.outstanding_cents > 0  # some members are late at 30/06/2026
    assert 0 < summary.passed_cents < summary.received_cents <= summary.voted_cents
    assert summary.remaining_cents > 0  # money still to pass on
    assert summary.attachments == 2
    dones = [done for done, _ in demo.progress]
    assert dones == sorted(dones) and demo.progress[-1] == (1000, 1000)
    assert {total for _, total in demo.progress} == {1000}
    assert demo.seconds < 90  # about 5 s on an idle 2-core machine


def test_demo_is_deterministic(demo: ServiceDemo, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Two builds (one by the service, one by the CLI) hold the same data."""
    other = cli_demo(tmp_path_factory)
    assert other.code == 0, other.err
    assert fingerprint(demo.path) == fingerprint(other.path)


def test_demo_database_passes_the_check(demo: ServiceDemo) -> None:
    report = check_database(demo.path)
    assert report.ok, [item.text for item in report.items if not item.ok]


def test_demo_refuses_a_database_that_has_a_pole(uow: UnitOfWork) -> None:
    PoleService(uow).create_pole("Mon vrai pôle")
    with pytest.raises(PtceError) as error:
        build_demo(uow)
    assert error.value.code == "demo_not_empty"
    assert "vide" in error.value.message("fr")
    assert len(MemberService(uow).list_members()) == 0


def test_identifier_helpers_give_valid_numbers() -> None:
    rng = random.Random(7)
    for category in ("ess_enterprise", "local_authority", "research"):
        siret = demo_siret(rng, category)
        assert validate_siret(siret) == siret
    iban = demo_iban(rng)
    assert validate_iban(iban) == iban and iban.startswith("FR76")


# --- what it holds ----------------------------------------------------------------------------


def test_pole_identity(demo_uow: UnitOfWork) -> None:
    pole = PoleService(demo_uow).get()
    assert pole is not None
    assert pole.vat_registered and pole.fiscal_year_start_month == 1
    assert pole.legal_rep_name and pole.legal_rep_title == "Présidente"
    assert pole.iban is not None and validate_iban(pole.iban) == pole.iban
    assert pole.lead_member_name == "Archipel Drôme – Entreprendre & Coopérer"
    assert pole.vat_number is not None and pole.vat_number[4:] == pole.siret[:9]  # type: ignore[index]


def test_members_cover_every_category_with_real_looking_names(demo_uow: UnitOfWork) -> None:
    members = MemberService(demo_uow).list_members(year=2025)
    assert {m.category for m in members} == {c.value for c in MemberCategory}
    names = [m.name for m in members]
    assert "Établissements Dupont & Fils" in names
    # a coordinator explores the demo first: no fixture markup in any name it shows
    assert not any("<" in n or ">" in n for n in names)
    assert any("&" in n for n in names)
    assert any("'" in n for n in names) and any("É" in n for n in names)
    assert any(len(n) > 120 for n in names)
    forms = {MemberService(demo_uow).get(m.id).legal_form for m in members}
    assert {"SCOP SARL", "SCIC SAS", "Association loi 1901", "Commune"} <= forms
    assert any(f and "insertion" in f for f in forms)
    assert any(f and "EPCI" in f for f in forms)
    assert all(validate_siret(m.siret) == m.siret for m in members if m.siret)
    joined = [m for m in members if m.joined_on and m.joined_on.year == 2025]
    left = [m for m in members if m.left_on and m.left_on.year == 2025]
    assert len(joined) == 1 and len(left) == 1
    assert MemberService(demo_uow).eligibility(2025).eligible
    figures = MemberService(demo_uow).list_members(year=2026)
    assert sum(1 for m in figures if m.figures is not None) >= 10


def test_no_fixture_markup_anywhere_in_the_demo(demo: ServiceDemo) -> None:
    """Members, suppliers, services, events, texts: no ``<…>`` in any text the demo stores."""
    with closing(sqlite3.connect(f"file:{demo.path}?mode=ro", uri=True)) as connection:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        found = []
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{table}")')
                if "CHAR" in row[2].upper() or "TEXT" in row[2].upper()
            ]
            for column in columns:
                hits = connection.execute(
                    f'SELECT "{column}" FROM "{table}" WHERE "{column}" LIKE \'%<%\' LIMIT 1'
                ).fetchall()
                found += [(table, column, hits[0][0])] if hits else []
    assert found == []


def test_services_use_every_key_method_and_one_is_taxable(demo_uow: UnitOfWork) -> None:
    services = SharedServiceService(demo_uow)
    keys = {k.id: k for k in KeyService(demo_uow).list_keys(on=DEMO_TODAY)}
    views = [services.get_service(s.service_id) for s in services.list_services(2025)]
    assert len(views) >= 6
    assert {keys[v.key_id].method for v in views if v.key_id} == set(Method)
    taxable = [v for v in views if v.vat_regime.value == "taxable"]
    assert len(taxable) == 1 and taxable[0].vat_rate_bp == 2000
    assert all(len(v.budgets) == 3 for v in views)
    m2 = next(k for k in keys.values() if k.unit == "m²")
    assert [v.valid_from for v in m2.versions] == [dt.date(2024, 1, 1), dt.date(2025, 1, 1)]
    km = next(k for k in keys.values() if k.unit == "km")
    usage = KeyService(demo_uow).list_usage(km.id, dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert len(usage) >= 3


def test_costs_hundreds_a_year_with_cerfa_lines_and_projects(demo_uow: UnitOfWork) -> None:
    costs = CostService(demo_uow)
    for year, minimum in ((2024, 200), (2025, 200), (2026, 100)):
        assert sum(s.cost_count for s in costs.totals_per_service(year)) >= minimum
    rows = [row for year in (2024, 2025, 2026) for row in costs.list_costs(year, limit=500).rows]
    codes = {row.cerfa_code for row in rows}
    assert {"613", "615", "616", "618", "622", "623", "625", "626", "641", "645"} <= codes
    assert any(row.project_id for row in rows)
    assert all(row.invoice_date <= DEMO_TODAY for row in rows)
    assert any(row.ttc_cents < 0 for row in rows)  # a credit note
    assert any(row.attachment_count for row in rows)


def test_calls_payments_and_closed_year(demo_uow: UnitOfWork) -> None:
    calls = CallService(demo_uow)
    for year, quarters in ((2024, {1, 2, 3, 4}), (2025, {1, 2, 3, 4}), (2026, {1, 2})):
        issued = calls.list_calls(year)
        numbers = [c.number for c in issued]
        assert numbers == [f"AF-{year}-{n:04d}" for n in range(1, len(numbers) + 1)]
        assert {c.quarter for c in issued if c.kind == "provisional"} == quarters
        assert any(c.kind == "true_up" for c in issued) == (year != 2026)
    debts = PaymentService(demo_uow).outstanding_by_member(2026, on=DEMO_TODAY)
    assert "Établissements Dupont & Fils" in {d.name for d in debts}
    assert any(d.days_late > 0 for d in debts)
    years = {y.start_year: y for y in FiscalYearService(demo_uow).list_years()}
    assert years[2024].closed and not years[2025].closed


def test_one_exceptional_line_called_on_t3_2025_and_deducted_at_the_true_up(
    demo_uow: UnitOfWork,
) -> None:
    """The boiler: split by the premises key on its date, called once on T3 2025 (the lines of
    that call carry it, summing to its amount), its invoice a cost of 2025."""
    (charge,) = ExceptionalService(demo_uow).list_charges(2025)
    assert charge.label.startswith("Remplacement de la chaudière") and not charge.pending
    calls = CallService(demo_uow).list_calls(2025)
    called = [
        line
        for call in calls
        for line in call.lines
        if line.kind == "exceptional" and line.service_id == charge.service_id
    ]
    assert sum(line.ht_cents for line in called) == charge.amount_cents == 960_000
    numbers = {call.number for call in calls if any(line in called for line in call.lines)}
    assert charge.call_number in numbers
    assert {call.quarter for call in calls if call.number in numbers} == {3}


def test_closed_year_refuses_a_new_cost(demo: ServiceDemo, tmp_path: Path) -> None:
    database = open_database(copy_demo(demo.path, tmp_path))
    try:
        uow = UnitOfWork(database)
        service_id = SharedServiceService(uow).list_services(2024)[0].service_id
        draft = CostDraft(
            service_id, dt.date(2024, 5, 1), dt.date(2024, 5, 1), dt.date(2024, 5, 31),
            "Charge oubliée & <tardive>", 10_000, 0, 10_000,
        )  # fmt: skip
        with pytest.raises(PtceError) as error:
            CostService(uow).create_cost(draft)
        assert error.value.code == "closed_year"
    finally:
        database.close()


def test_grants_across_their_life_cycle(demo_uow: UnitOfWork) -> None:
    grants = GrantService(demo_uow).list_grants()
    assert {g.status for g in grants} == {s.value for s in GrantStatus}
    assert len({g.funder_name for g in grants}) >= 4
    assert any(g.remaining_cents > 0 for g in grants)
    details = [GrantService(demo_uow).grant_detail(g.id) for g in grants]
    assert {(d.overhead_method, d.overhead_rate_bp) for d in details} >= {("flat_rate", 1500)}
    assert any(d.overhead_method == "key" for d in details)
    assert all(d.budget_lines for d in details)
    assert any(d.plan for d in details) and any(d.redistributions for d in details)


def test_voted_grants_have_a_complete_sheet_1_and_none_is_overpaid(demo_uow: UnitOfWork) -> None:
    service = GrantService(demo_uow)
    details = [service.grant_detail(g.id) for g in service.list_grants()]
    voted = [d for d in details if d.status in _VOTED]
    assert len(voted) == 3
    for detail in voted:
        sheet = detail.report_sheet
        assert sheet.objectives and sheet.action_dates and sheet.action_places, detail.title
        assert len(sheet.indicators) >= 3
        assert all(i.label and i.expected and i.achieved for i in sheet.indicators)
        assert sheet.beneficiaries_count and len(sheet.publics) >= 3
        assert sum(p.count for p in sheet.publics) <= sheet.beneficiaries_count
    assert all(d.report_sheet == ReportSheet() for d in details if d.status not in _VOTED)
    # a demo pole reads like a real one: no « reste à reverser » below zero
    assert all(d.remaining_cents >= 0 for d in details)
    todo = TodoService(demo_uow).items(today=DEMO_TODAY)
    assert all(item.kind != GRANT_OVERPAID for item in todo)


def test_activity_texts_and_in_kind(demo_uow: UnitOfWork) -> None:
    activity = ActivityService(demo_uow)
    texts = activity.get_report_texts(2025)
    assert set(texts) >= {"edito", "perspectives"}
    year = activity.activity_year(2025)
    assert {"Légumerie solidaire", "Plateforme mobilité"} <= {p.name for p in year.projects}
    assert {b.kind for b in year.bodies} >= {"ca", "copil", "ag"}
    assert year.meetings and year.events
    from ptce_desktop.services.grants.in_kind import InKindService

    kinds = {c.kind for c in InKindService(demo_uow).list_contributions()}
    assert {"benevolat", "mise_a_disposition_biens"} <= kinds
