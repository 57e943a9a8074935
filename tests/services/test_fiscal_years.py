"""FiscalYearService: known years, closing (the unit of work then refuses changes), reopening."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from support.factories.members import (
    add_call,
    add_cost,
    add_member,
    add_payment,
    add_service,
    seed_pole,
    today,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.store.models import AuditEntry, Cost, Share
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def service(uow: UnitOfWork) -> FiscalYearService:
    return FiscalYearService(uow, today=today)


def test_only_the_current_year_without_data(uow: UnitOfWork) -> None:
    seed_pole(uow)
    (year,) = service(uow).list_years()
    assert (year.start_year, year.label, year.start, year.end) == (
        2026,
        "2026",
        D(2026, 1, 1),
        D(2026, 12, 31),
    )
    assert (year.closed, year.closed_at, year.current, year.earlier_open) == (
        False,
        None,
        True,
        False,
    )


def test_years_from_data_most_recent_first(uow: UnitOfWork) -> None:
    seed_pole(uow)
    member = add_member(uow)
    svc = add_service(uow)
    add_cost(uow, svc, D(2022, 5, 1), {member: 100})
    add_call(
        uow,
        member,
        svc,
        number="AF-2027-0001",
        year=2027,
        quarter=1,
        ttc_cents=5,
        issued=D(2027, 1, 2),
    )
    add_payment(uow, member, D(2023, 2, 1), 100)
    years = service(uow).list_years()
    assert [y.start_year for y in years] == [2027, 2026, 2025, 2024, 2023, 2022]
    # A cost whose period starts earlier than its invoice brings its period's year in.
    add_cost(uow, svc, D(2022, 1, 5), {member: 1}, period=(D(2021, 12, 1), D(2021, 12, 31)))
    assert service(uow).list_years()[-1].start_year == 2021
    assert [y.current for y in years] == [False, True, False, False, False, False]


def test_split_year_labels(uow: UnitOfWork) -> None:
    seed_pole(uow, start_month=7)
    years = service(uow).list_years()
    assert [(y.start_year, y.label) for y in years] == [(2025, "2025/2026")]
    assert (years[0].start, years[0].end) == (D(2025, 7, 1), D(2026, 6, 30))


def test_close_and_reopen_are_audited(uow: UnitOfWork) -> None:
    seed_pole(uow)
    years = service(uow)
    closed = years.close(2025)
    assert closed.closed and closed.closed_at is not None
    assert closed.start_year == 2025
    listed = {y.start_year: y for y in years.list_years()}
    assert listed[2025].closed and not listed[2026].closed
    assert listed[2026].earlier_open is False
    with pytest.raises(PtceError) as caught:
        years.reopen(2025, reason="  ")
    assert caught.value.code == "reopen_reason_required"
    reopened = years.reopen(2025, reason="Facture « oubliée » & <co>")
    assert (reopened.closed, reopened.closed_at) == (False, None)
    with uow.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "fiscal_years")
        ).all()
    assert actions == ["Clôturer l'exercice", "Rouvrir l'exercice : Facture « oubliée » & <co>"]
    assert FiscalYearService.close_undoable is False


def test_closing_a_year_with_an_earlier_open_year_is_flagged(uow: UnitOfWork) -> None:
    seed_pole(uow)
    member = add_member(uow)
    add_cost(uow, add_service(uow), D(2024, 5, 1), {member: 100})
    view = service(uow).close(2025)
    assert view.earlier_open is True
    service(uow).close(2024)
    assert service(uow).get(2025).earlier_open is False


def test_close_twice_and_reopen_open_year_refused(uow: UnitOfWork) -> None:
    seed_pole(uow, start_month=9)
    years = service(uow)
    years.close(2024)
    with pytest.raises(PtceError) as caught:
        years.close(2024)
    assert caught.value.code == "fiscal_year_already_closed"
    assert caught.value.message() == "L'exercice 2024/2025 est déjà clôturé."
    with pytest.raises(PtceError) as caught:
        years.reopen(2023, reason="Erreur")
    assert caught.value.code == "fiscal_year_not_closed"
    assert caught.value.message() == (
        "L'exercice 2023/2024 n'est pas clôturé : il n'y a rien à rouvrir."
    )


@pytest.mark.parametrize("year", [1899, 3000])
def test_invalid_year(uow: UnitOfWork, year: int) -> None:
    seed_pole(uow)
    with pytest.raises(PtceError) as caught:
        service(uow).close(year)
    assert (caught.value.code, caught.value.field) == ("invalid_year", "year")
    assert str(year) in caught.value.message()


def test_closed_year_freezes_costs_and_shares_until_reopened(uow: UnitOfWork) -> None:
    seed_pole(uow)
    member = add_member(uow)
    other = add_member(uow, "Dupont & Fils <SARL>")
    svc = add_service(uow)
    cost_id = add_cost(uow, svc, D(2025, 3, 10), {member: 600, other: 400})
    service(uow).close(2025)

    with pytest.raises(PtceError) as caught, uow.write("Modifier une charge") as session:
        cost = session.get(Cost, cost_id)
        assert cost is not None
        cost.label = "Corrigée"
    assert caught.value.code == "closed_year"
    assert "L'exercice 2025 est clôturé" in caught.value.message()

    with pytest.raises(PtceError) as caught, uow.write("Modifier une quote-part") as session:
        share = session.scalars(select(Share).where(Share.member_id == member)).one()
        share.cents = 601
    assert caught.value.code == "closed_year"

    with pytest.raises(PtceError), uow.write("Saisir une charge") as session:
        session.add(
            Cost(
                service_id=svc,
                invoice_date=D(2025, 12, 31),
                period_start=D(2025, 12, 1),
                period_end=D(2025, 12, 31),
                label="Nouvelle charge",
                ht_cents=1,
                vat_cents=0,
                ttc_cents=1,
            )
        )
    # A cost of the open year is still accepted.
    add_cost(uow, svc, D(2026, 1, 5), {member: 1})

    service(uow).reopen(2025, reason="Correction « loyer » & <co>")
    with uow.write("Modifier une charge") as session:
        cost = session.get(Cost, cost_id)
        assert cost is not None
        cost.label = "Corrigée"
    with uow.read() as session:
        assert session.get(Cost, cost_id).label == "Corrigée"  # type: ignore[union-attr]
