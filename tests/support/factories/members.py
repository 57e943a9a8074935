"""Sample data for the pole, fiscal-year, member and activity tests.

Money records (services, costs, shares, calls, payments) belong to other areas: they are
written here directly with the ORM so these tests do not depend on other services. Names hold
an accent, `€`, `&`, `<`, `'` and a very long name (DESIGN: fixture data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Payment,
    PaymentMatch,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

POLE_NAME = "Pôle Sud & Drôme <test> — l'€"
LONG_NAME = ("Société coopérative d'intérêt collectif « L'Œuvre & Cœur <Drôme> » " + "é" * 200)[
    :200
]
#: A valid SIRET (INSEE's own) typed with spaces, and its compact form.
SIRET_TYPED = "732 829 320 00074"
SIRET = "73282932000074"
IBAN = "FR76 3000 6000 0112 3456 7890 189"
TODAY = dt.date(2026, 3, 15)


def today() -> dt.date:
    return TODAY


def seed_pole(uow: UnitOfWork, *, start_month: int = 1) -> None:
    PoleService(uow).create_pole(POLE_NAME, "Drôme & Ardèche", start_month)


def draft(name: str = "Épicerie solidaire & co <Valence>", **values: object) -> MemberDraft:
    defaults: dict[str, object] = {"category": "ess_enterprise"}
    defaults.update(values)
    return MemberDraft(name=name, **defaults)  # type: ignore[arg-type]


def add_member(uow: UnitOfWork, name: str = "Épicerie solidaire & co", **values: object) -> int:
    return MemberService(uow, today=today).create(draft(name, **values)).id


def add_service(uow: UnitOfWork, name: str = "Locaux partagés — 1 234,56 €") -> int:
    with uow.write("Créer un service (test)") as session:
        row = SharedService(name=name, vat_regime="exempt_261b", vat_rate_bp=0)
        session.add(row)
        session.flush()
        return row.id


def add_cost(
    uow: UnitOfWork,
    service_id: int,
    invoice_date: dt.date,
    shares: dict[int, int],
    *,
    label: str = "Loyer & charges <mars> l'€",
    period: tuple[dt.date, dt.date] | None = None,
) -> int:
    """A cost whose TTC is the sum of ``shares`` (member id -> cents), with those shares;
    its period is the invoice day unless given."""
    start, end = period or (invoice_date, invoice_date)
    total = sum(shares.values())
    with uow.write("Saisir une charge (test)") as session:
        cost = Cost(
            service_id=service_id,
            invoice_date=invoice_date,
            period_start=start,
            period_end=end,
            label=label,
            ht_cents=total,
            vat_cents=0,
            ttc_cents=total,
        )
        session.add(cost)
        session.flush()
        session.add_all(
            Share(cost_id=cost.id, member_id=member, cents=cents)
            for member, cents in shares.items()
        )
        return cost.id


def add_call(
    uow: UnitOfWork,
    member_id: int,
    service_id: int,
    *,
    number: str,
    year: int,
    quarter: int | None,
    ttc_cents: int,
    issued: dt.date,
) -> int:
    with uow.write("Émettre un appel (test)") as session:
        call = Call(
            number=number,
            member_id=member_id,
            year=year,
            quarter=quarter,
            kind="provisional" if quarter else "true_up",
            issue_date=issued,
            due_date=issued + dt.timedelta(days=30),
        )
        session.add(call)
        session.flush()
        session.add(
            CallLine(
                call_id=call.id,
                service_id=service_id,
                ht_cents=ttc_cents,
                vat_rate_bp=0,
                vat_cents=0,
                ttc_cents=ttc_cents,
            )
        )
        return call.id


def add_payment(
    uow: UnitOfWork,
    member_id: int,
    day: dt.date,
    amount_cents: int,
    matches: dict[int, int] | None = None,
) -> int:
    with uow.write("Enregistrer un règlement (test)") as session:
        payment = Payment(member_id=member_id, date=day, amount_cents=amount_cents)
        session.add(payment)
        session.flush()
        session.add_all(
            PaymentMatch(payment_id=payment.id, call_id=call, amount_cents=cents)
            for call, cents in (matches or {}).items()
        )
        return payment.id


@contextmanager
def count_statements(uow: UnitOfWork) -> Iterator[list[str]]:
    """Collect every SQL statement the engine runs inside the block."""
    seen: list[str] = []

    def listener(*args: object) -> None:
        seen.append(str(args[2]))

    engine = uow.db.engine
    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)
