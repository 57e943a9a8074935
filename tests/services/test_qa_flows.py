"""Found by QA driving the window as a coordinator would: each test is one bug, fixed."""

from __future__ import annotations

import datetime as dt

import pytest
from support.factories.calls import set_closed, standard_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork


def test_a_payment_refused_in_a_closed_year_names_its_member(uow: UnitOfWork) -> None:
    """« le règlement « membre n° 6, 01/06/2024 » » told the coordinator nothing."""
    members, _, _ = standard_world(uow)
    payments = PaymentService(uow)
    name = MemberService(uow).get(members[0]).name
    paid = payments.record_payment(members[0], dt.date(2025, 5, 2), 1_000, "virement", None, None)
    set_closed(uow, 2025)
    for action in (
        lambda: payments.record_payment(
            members[0], dt.date(2025, 6, 1), 1_000, "virement", None, None
        ),
        lambda: payments.delete_payment(paid.id),
    ):
        with pytest.raises(PtceError) as excinfo:
            action()
        message = excinfo.value.message()
        assert f"« {name}, " in message, message
        assert "membre n°" not in message
