"""Closing a year freezes the billing coefficient and management fee that applied to it (issue
11, item 3 with issue 12, item 2): a change that would alter them on a day of a closed year
holding the service's costs, budget or calls is refused with the closed-year message; a
change that spares every closed year is allowed; the seal of the year covers them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select
from support.factories.costs import LONG_NAME, draft, make_key, make_service, seed_world

from ptce_desktop.domain.billing import Billing, BillingTerm, billing_segments
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceDraft, SharedServiceService
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import check_database
from ptce_desktop.services.pole.seal import seal_intact, year_seal
from ptce_desktop.store.models import FiscalYear
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
NAME = "Personnel « mutualisé » & <co> — l'€"


def _today() -> dt.date:
    return D(2026, 3, 1)


def _world(uow: UnitOfWork, *, billing_from: dt.date | None = None) -> tuple[int, ServiceDraft]:
    """A service billed × 1,75 + 6 % with a 2024 cost and budget; 2024 closed."""
    a, b, c = seed_world(uow).members
    key = make_key(
        uow, "units", {a: 1000, b: 2000, c: 3000}, name=LONG_NAME, valid_from=D(2023, 1, 1)
    )
    service = make_service(uow, key, name=NAME, taxable=True)
    services = SharedServiceService(uow)
    view = services.get_service(service)
    billed = ServiceDraft(
        name=view.name,
        vat_regime="taxable",
        vat_rate_bp=2000,
        key_id=key,
        billing_coefficient_e4=17_500,
        fee_rate_bp=600,
        billing_from=billing_from,
    )
    services.update_service(service, billed)
    year = {"invoice": D(2024, 12, 31), "start": D(2024, 1, 1), "end": D(2024, 12, 31)}
    CostService(uow).create_cost(draft(service, 600_00, 120_00, **year))  # type: ignore[arg-type]
    services.set_budget(service, 2024, 7_200_00)
    FiscalYearService(uow, today=_today).close(2024)
    return service, billed


def _refused(uow: UnitOfWork, service: int, changed: ServiceDraft, field: str) -> None:
    with pytest.raises(PtceError) as caught:
        SharedServiceService(uow).update_service(service, changed)
    error = caught.value
    assert error.code == "closed_year" and error.field == field
    assert error.message("fr") == (
        "L'exercice 2024 est clôturé : impossible de modifier le coefficient de facturation "
        f"et les frais de gestion du service « {NAME} »."
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"billing_coefficient_e4": 15_000}, "billing_coefficient_e4"),
        ({"billing_coefficient_e4": None}, "billing_coefficient_e4"),
        ({"fee_rate_bp": 800}, "fee_rate_bp"),
        ({"fee_rate_bp": None}, "fee_rate_bp"),
        ({"billing_from": D(2024, 7, 1)}, "billing_from"),  # a term starting inside 2024
    ],
)
def test_the_billing_of_a_closed_year_cannot_change(
    uow: UnitOfWork, change: dict[str, object], field: str
) -> None:
    service, billed = _world(uow)
    _refused(uow, service, replace(billed, **change), field)  # type: ignore[arg-type]
    view = SharedServiceService(uow).get_service(service)
    assert (view.billing_coefficient_e4, view.fee_rate_bp, view.billing_from) == (
        17_500,
        600,
        None,
    )


def test_a_billing_change_that_spares_the_closed_years_is_allowed(uow: UnitOfWork) -> None:
    service, billed = _world(uow, billing_from=D(2025, 1, 1))  # 2024 was billed without them
    services = SharedServiceService(uow)
    services.update_service(service, replace(billed, billing_coefficient_e4=20_000))
    services.update_service(service, replace(billed, billing_from=D(2025, 4, 1)))
    services.update_service(service, replace(billed, name="Renommé & <co>"))  # identity: free
    # Starting them inside the closed year would bill it: refused.
    with pytest.raises(PtceError) as caught:
        services.update_service(service, replace(billed, billing_from=D(2024, 10, 1)))
    assert caught.value.code == "closed_year" and "2024" in caught.value.message("fr")
    assert not [item for item in check_database(uow.db.path).items if not item.ok]


def test_a_service_without_figures_in_the_closed_year_is_free(uow: UnitOfWork) -> None:
    _world(uow)
    key = make_key(uow, "equal", name="Parts égales", valid_from=D(2025, 1, 1))
    other = make_service(uow, key, name="Informatique € & <co>")
    services = SharedServiceService(uow)
    view = services.get_service(other)
    services.update_service(
        other, ServiceDraft(name=view.name, key_id=key, billing_coefficient_e4=12_500)
    )
    assert services.get_service(other).billing_coefficient_e4 == 12_500


def _over(coefficient: int | None, fee: int | None, start: dt.date) -> tuple[object, ...]:
    return billing_segments(
        [BillingTerm(start, Billing(coefficient, fee))], D(2024, 1, 1), D(2024, 12, 31)
    )


def test_billing_segments_normalise_what_gives_the_same_figures() -> None:
    assert _over(None, None, D(1900, 1, 1)) == ()
    assert _over(10_000, 0, D(2020, 1, 1)) == ()
    assert _over(17_500, None, D(2025, 1, 1)) == ()
    assert _over(17_500, None, D(1900, 1, 1)) == (("2024-01-01", 17_500, 0),)
    assert _over(17_500, None, D(2023, 5, 1)) == (("2024-01-01", 17_500, 0),)
    assert _over(None, 600, D(2024, 7, 1)) == (("2024-07-01", 10_000, 600),)


def test_the_seal_covers_the_billing_and_old_seals_stay_intact(uow: UnitOfWork) -> None:
    service, _billed = _world(uow)
    with uow.read() as session:
        stored = session.scalars(select(FiscalYear.seal).where(FiscalYear.start_year == 2024)).one()
        assert stored == year_seal(session, 2024)
        assert seal_intact(session, 2024, year_seal(session, 2024, 1))  # closed before format 2
        assert not seal_intact(session, 2024, "0" * 64)
    # Changed behind the app's back (an SQLite tool): the seal breaks.
    with uow.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE service_billing_terms SET fee_rate_bp = 700 WHERE service_id = ?", (service,)
        )
    failed = [item.text for item in check_database(uow.db.path).items if not item.ok]
    assert any(text.startswith("Sceau rompu") and "2024" in text for text in failed), failed
