"""A service's coefficient and fee are dated terms (issue 12 follow-up to issue 11): the board
votes a new coefficient every year, so a closed year keeps the term it was billed with while a
new term from a later day applies to the later calls; a term starting inside a closed year,
or a change of the term in force then, is refused with the closed-year message.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from support.factories.calls import (
    fresh_uow,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
    set_closed,
)

from ptce_desktop.domain.billing import (
    Billing,
    BillingTerm,
    LineComponent,
    bill,
    billing_in_force,
    billing_segments,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.split import split_over_quarters
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.services.pole.seal import year_seal
from ptce_desktop.store import migrate
from ptce_desktop.store.engine import WRITE_OPTION, make_engine
from ptce_desktop.store.models import FiscalYear, ServiceBillingTerm
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
NAME = "Personnel « mutualisé » (groupement d'employeurs) & <co> — l'€ " + "très long " * 8
EXPECTED_REFUSAL = (
    "L'exercice 2025 est clôturé : impossible de modifier le coefficient de facturation "
    f"et les frais de gestion du service « {NAME} »."
)


def _issue(uow: UnitOfWork, year: int, quarter: int) -> list[CallView]:
    return CallService(uow).issue_provisional_calls(
        year, quarter, issue_date=D(year, 3 * quarter - 2, 5), due_date=D(year, 3 * quarter - 2, 28)
    )


def _lines(calls: list[CallView]) -> list[tuple[int, str, str | None, int, int]]:
    return sorted(
        (call.member_id, line.component, line.label, line.ht_cents, line.ttc_cents)
        for call in calls
        for line in call.lines
    )


def _world(uow: UnitOfWork) -> tuple[int, list[CallView]]:
    """A taxable service billed × 1,75 + 6 % from the beginning, its 2025 Q1 called, 2025
    closed (the 2026 budget set)."""
    seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
    members = seed_members(uow, 3)
    key = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    service = seed_service(
        uow,
        key,
        {2025: 1_200_000, 2026: 1_300_000},
        name=NAME,
        vat_regime="taxable",
        vat_rate_bp=2000,
    )
    SharedServiceService(uow).set_billing_term(service, None, Billing(17_500, 600))
    called = _issue(uow, 2025, 1)
    FiscalYearService(uow, today=lambda: D(2026, 2, 1)).close(2025)
    return service, called


def _stored_seal(uow: UnitOfWork) -> str | None:
    with uow.read() as session:
        return session.scalars(select(FiscalYear.seal).where(FiscalYear.start_year == 2025)).one()


def test_a_new_coefficient_after_the_closed_year_bills_the_next_year_only(
    uow: UnitOfWork,
) -> None:
    service, called_2025 = _world(uow)
    seal = _stored_seal(uow)
    surcharge = next(
        (call.id, line.line_id)
        for call in called_2025
        for line in call.lines
        if line.component == LineComponent.SURCHARGE
    )
    why_before = explain_call_line(uow, surcharge[0], service, line_id=surcharge[1])
    services = SharedServiceService(uow)
    services.set_billing_term(service, D(2026, 1, 1), Billing(20_000, 800))

    view = services.get_service(service)
    assert [(t.valid_from, t.coefficient_e4, t.fee_rate_bp) for t in view.billing_terms] == [
        (None, 17_500, 600),
        (D(2026, 1, 1), 20_000, 800),
    ]
    assert (view.billing_coefficient_e4, view.fee_rate_bp, view.billing_from) == (
        20_000,
        800,
        D(2026, 1, 1),
    )
    # 2025 keeps what it was billed with: its calls, its seal, the file's check.
    assert _lines(CallService(uow).list_calls(2025)) == _lines(called_2025)
    why = explain_call_line(uow, surcharge[0], service, line_id=surcharge[1])
    assert why == why_before and why.billing is not None
    assert why.billing.coefficient_e4 == 17_500
    with uow.read() as session:
        assert year_seal(session, 2025) == seal
    assert not [item for item in check_database(uow.db.path).items if not item.ok]
    # 2026 is billed with the new term: budget 1 300 000 → 325 000 a quarter; surcharge
    # × (2 − 1) → 325 000; fee 8 % → 26 000; the first member's 120/250 of each.
    first = next(c for c in _issue(uow, 2026, 1) if c.lines)
    by_component = {line.component: line for line in first.lines}
    assert by_component[LineComponent.SURCHARGE].ht_cents == 156_000
    assert by_component[LineComponent.FEE].ht_cents == 12_480
    assert "2" in (by_component[LineComponent.SURCHARGE].label or "")
    assert "8" in (by_component[LineComponent.FEE].label or "")


def test_a_term_inside_the_closed_year_is_refused_and_changes_nothing(uow: UnitOfWork) -> None:
    service, _called = _world(uow)
    services = SharedServiceService(uow)
    refusals = (
        lambda: services.set_billing_term(service, D(2025, 7, 1), Billing(20_000, 600)),
        lambda: services.set_billing_term(service, D(2025, 12, 31), Billing(17_500, 600)),
        lambda: services.set_billing_term(service, None, Billing(20_000, 600)),
        lambda: services.set_billing_term(service, D(2025, 1, 1), Billing()),
        lambda: services.delete_billing_term(service, None),  # in force in 2025
    )
    for refused in refusals:
        with pytest.raises(PtceError) as caught:
            refused()
        assert caught.value.code == "closed_year"
        assert caught.value.message("fr") == EXPECTED_REFUSAL
    terms = services.get_service(service).billing_terms
    assert [(t.valid_from, t.coefficient_e4, t.fee_rate_bp) for t in terms] == [(None, 17_500, 600)]
    # A term after the closed year can be changed and removed again; the old one is back.
    services.set_billing_term(service, D(2026, 1, 1), Billing(20_000, None))
    services.set_billing_term(service, D(2026, 1, 1), Billing(19_000, 700))
    services.set_billing_term(service, D(2026, 4, 1), Billing(None, None))  # ends billing
    services.delete_billing_term(service, D(2026, 4, 1))
    services.delete_billing_term(service, D(2026, 1, 1))
    terms = services.get_service(service).billing_terms
    assert [(t.valid_from, t.coefficient_e4, t.fee_rate_bp) for t in terms] == [(None, 17_500, 600)]
    # Once the year is reopened, the board may correct it.
    set_closed(uow, 2025, closed=False)
    services.set_billing_term(service, D(2025, 7, 1), Billing(20_000, 600))


def test_the_service_form_sets_a_term_from_its_date_and_undo_restores(uow: UnitOfWork) -> None:
    from ptce_desktop.ui.pages.services.dialogs import draft_of

    service, _called = _world(uow)
    services = SharedServiceService(uow)
    before = services.get_service(service)
    voted = draft_of(before)
    from dataclasses import replace

    services.update_service(
        service, replace(voted, billing_coefficient_e4=18_000, billing_from=D(2026, 1, 1))
    )
    assert len(services.get_service(service).billing_terms) == 2
    services.update_service(service, voted)  # what the undo replays
    assert services.get_service(service).billing_terms == before.billing_terms
    with pytest.raises(PtceError) as caught:  # same date, other value: the 2025 term
        services.update_service(service, replace(voted, fee_rate_bp=900))
    assert caught.value.field == "fee_rate_bp"


# --- the term in force ------------------------------------------------------------------------


def test_the_term_in_force_is_the_latest_started() -> None:
    terms = [
        BillingTerm(D(2026, 1, 1), Billing(20_000, None)),
        BillingTerm(D(1900, 1, 1), Billing(17_500, 600)),
        BillingTerm(D(2026, 7, 1), Billing()),
    ]
    assert billing_in_force(terms, D(1999, 5, 1)) == Billing(17_500, 600)
    assert billing_in_force(terms, D(2025, 12, 31)) == Billing(17_500, 600)
    assert billing_in_force(terms, D(2026, 1, 1)) == Billing(20_000, None)
    assert billing_in_force(terms, D(2026, 8, 1)) == Billing()
    assert billing_in_force(terms[:1], D(2025, 1, 1)) == Billing()
    assert billing_segments(terms, D(2026, 1, 1), D(2026, 12, 31)) == (
        ("2026-01-01", 20_000, 0),
        ("2026-07-01", 10_000, 0),
    )
    assert billing_segments(terms, D(2025, 1, 1), D(2025, 12, 31)) == (("2025-01-01", 17_500, 600),)


DAYS = st.dates(D(2025, 1, 2), D(2026, 12, 31))
TERMS = st.lists(
    st.tuples(
        DAYS,
        st.one_of(st.none(), st.integers(5_000, 30_000)),
        st.one_of(st.none(), st.integers(0, 2_000)),
    ),
    max_size=4,
    unique_by=lambda term: term[0],
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(terms=TERMS, quarter=st.integers(1, 4), budget=st.integers(0, 5_000_000))
def test_a_call_uses_the_term_in_force_at_its_quarter(
    _template_db: Path,
    terms: list[tuple[dt.date, int | None, int | None]],
    quarter: int,
    budget: int,
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
        members = seed_members(uow, 3)
        key = seed_units_key(uow, dict(zip(members, (3, 5, 7), strict=True)))
        service = seed_service(uow, key, {2026: budget}, name=NAME)
        services = SharedServiceService(uow)
        for day, coefficient, fee in terms:
            services.set_billing_term(service, day, Billing(coefficient, fee))
        stored = [
            BillingTerm(t.valid_from or D(1900, 1, 1), Billing(t.coefficient_e4, t.fee_rate_bp))
            for t in services.get_service(service).billing_terms
        ]
        start = D(2026, 3 * quarter - 2, 1)
        billed = bill(budget, billing_in_force(stored, start))
        calls = _issue(uow, 2026, quarter)
        for component in LineComponent:
            called = sum(
                line.ht_cents for c in calls for line in c.lines if line.component == component
            )
            assert called == split_over_quarters(billed.component(component))[quarter - 1]


# --- the migration ----------------------------------------------------------------------------


def test_the_migration_moves_each_service_value_into_a_dated_term(tmp_path: Path) -> None:
    path = tmp_path / "ancien « 0012 » & <pôle>.sqlite3"
    migrate.upgrade(path, "0012")
    connection = sqlite3.connect(path)
    try:
        insert = (
            "INSERT INTO shared_services (id, name, vat_regime, vat_rate_bp, "
            "billing_coefficient_e4, fee_rate_bp, billing_from) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        connection.executemany(
            insert,
            [
                (1, NAME, "taxable", 2000, 17_500, 600, None),
                (2, "Accueil € & <RDC>", "exempt_261b", 0, None, 300, "2025-01-01"),
                (3, "Ménage l'été", "exempt_261b", 0, None, None, "2025-04-01"),
                (4, "Informatique", "exempt_261b", 0, 12_500, None, None),
            ],
        )
        connection.commit()
    finally:
        connection.close()

    migrate.upgrade(path)
    connection = sqlite3.connect(path)
    try:
        terms = connection.execute(
            "SELECT service_id, valid_from, coefficient_e4, fee_rate_bp "
            "FROM service_billing_terms ORDER BY service_id"
        ).fetchall()
        assert terms == [
            (1, "1900-01-01", 17_500, 600),
            (2, "2025-01-01", None, 300),
            (4, "1900-01-01", 12_500, None),
        ]
        columns = {row[1] for row in connection.execute("PRAGMA table_info('shared_services')")}
        assert not columns & {"billing_coefficient_e4", "fee_rate_bp", "billing_from"}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        names = [row[0] for row in connection.execute("SELECT name FROM shared_services")]
        assert NAME in names
    finally:
        connection.close()

    # Back to 0012: each service gets its latest term again.
    engine = make_engine(path)
    try:
        with engine.connect() as live:
            live.execution_options(**{WRITE_OPTION: True})
            command.downgrade(migrate.make_config(live), "0012")
    finally:
        engine.dispose()
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT id, billing_coefficient_e4, fee_rate_bp, billing_from "
            "FROM shared_services ORDER BY id"
        ).fetchall()
        assert rows == [
            (1, 17_500, 600, None),
            (2, None, 300, "2025-01-01"),
            (3, None, None, None),
            (4, 12_500, None, None),
        ]
    finally:
        connection.close()


def test_a_term_row_refuses_an_impossible_coefficient(uow: UnitOfWork) -> None:
    seed_pole(uow)
    service = seed_service(uow, None, {}, name=NAME)
    with pytest.raises(PtceError) as caught:
        SharedServiceService(uow).set_billing_term(service, D(2026, 1, 1), Billing(100_001))
    assert caught.value.code == "coefficient_out_of_range"
    with uow.read() as session:
        assert session.scalars(select(ServiceBillingTerm)).all() == []


def test_updating_a_service_by_import_keeps_its_terms(uow: UnitOfWork, tmp_path: Path) -> None:
    from ptce_desktop.exchange.apply import run_import
    from ptce_desktop.exchange.prepare import ImportOptions

    service, _called = _world(uow)
    before = SharedServiceService(uow).get_service(service).billing_terms
    path = tmp_path / "services & co.csv"
    rows = f"Service;Catégorie;Clé\n{NAME.strip()};Personnel;Surface (m²) & <co>\n"
    path.write_text(rows, encoding="utf-8")
    done = run_import(uow, "services", path, ImportOptions(update=True))
    assert done.errors == ()
    view = SharedServiceService(uow).get_service(service)
    assert view.category == "Personnel"
    assert view.billing_terms == before and before
