"""Exceptional call lines (DESIGN §4b, issue 11 item 2): split once by a key, called once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from support.factories.calls import (
    fresh_uow,
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
    standard_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.services.calls.calls import CallService, CallView
from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.store.models import CallLine
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
ISSUE, DUE = D(2025, 1, 5), D(2025, 1, 31)
WORKS = "Travaux de toiture & <gouttières> — l'€ " + "é" * 150


def _issue(calls: CallService, quarter: int) -> list[CallView]:
    return calls.issue_provisional_calls(2025, quarter, issue_date=ISSUE, due_date=DUE)


def _exceptional(call: CallView) -> list[tuple[int, str | None]]:
    return [(line.ht_cents, line.label) for line in call.lines if line.kind == "exceptional"]


def test_an_exceptional_line_is_split_once_and_called_on_the_next_call(uow: UnitOfWork) -> None:
    _, _, service_id = standard_world(uow)  # 120 / 80 / 50 m²
    charges = ExceptionalService(uow)
    calls = CallService(uow)
    _issue(calls, 1)
    charge_id = charges.add_charge(
        ExceptionalDraft(
            label=WORKS, amount_cents=1_200_001, service_id=service_id, date=D(2025, 5, 10)
        )
    )
    assert charges.list_charges(2025)[0].pending
    q2 = _issue(calls, 2)
    # 1 200 001 × 120/250, 80/250, 50/250 = 576 000,48 / 384 000,32 / 240 000,2: the cent to
    # the largest remainder
    assert [_exceptional(c) for c in q2] == [
        [(576_001, WORKS)],
        [(384_000, WORKS)],
        [(240_000, WORKS)],
    ]
    assert all(c.total_cents == sum(x.ttc_cents for x in c.lines) for c in q2)
    line = next(x for x in q2[0].lines if x.kind == "exceptional")
    assert line.text == f"Locaux partagés & accueil <RDC> — {WORKS}"
    view = charges.list_charges(2025)[0]
    assert (view.id, view.call_number, view.pending) == (charge_id, q2[0].number, False)
    # called once: not on the next call
    assert not any(_exceptional(c) for c in _issue(calls, 3))
    # and « Pourquoi ce montant ? » splits it again by its key on its date
    why = explain_call_line(uow, q2[0].id, service_id, line_id=line.line_id)
    assert why.exceptional is not None and why.exceptional.amount_cents == 1_200_001
    assert why.share is not None and why.amount_cents == 576_001 and why.matches_stored
    # a called line can no longer change
    with pytest.raises(PtceError) as caught:
        charges.delete_charge(charge_id)
    assert caught.value.code == "exceptional_already_called"
    assert q2[0].number in caught.value.message("fr")


def test_an_exceptional_line_on_a_call_of_its_own(uow: UnitOfWork) -> None:
    _, _, service_id = standard_world(uow)
    charges = ExceptionalService(uow)
    calls = CallService(uow)
    charges.add_charge(
        ExceptionalDraft(
            label=WORKS,
            amount_cents=250_000,
            service_id=service_id,
            date=D(2025, 2, 1),
            own_call=True,
        )
    )
    assert not any(_exceptional(c) for c in _issue(calls, 1))
    plan = calls.preview_exceptional_calls(2025)
    assert (plan.count, plan.total_cents) == (3, 250_000)
    issued = calls.issue_exceptional_calls(2025, issue_date=ISSUE, due_date=DUE)
    assert [c.total_cents for c in issued] == [120_000, 80_000, 50_000]
    assert {(c.quarter, c.period_label) for c in issued} == {(None, "Appel exceptionnel 2025")}
    with pytest.raises(PtceError) as caught:
        calls.preview_exceptional_calls(2025)
    assert caught.value.code == "nothing_to_call"


def test_no_key_version_at_its_date_is_refused_naming_the_key(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 2)
    key_id = seed_units_key(
        uow, dict.fromkeys(members, 1), name="Clé « travaux » & <co>", valid_from=D(2025, 6, 1)
    )
    service_id = seed_service(uow, key_id, {2025: 0})
    with pytest.raises(PtceError) as caught:
        ExceptionalService(uow).add_charge(
            ExceptionalDraft(
                label=WORKS, amount_cents=100, service_id=service_id, date=D(2025, 5, 31)
            )
        )
    assert caught.value.code == "exceptional_no_key_version"
    assert "Clé « travaux » & <co>" in caught.value.message("fr")
    assert "31/05/2025" in caught.value.message("fr")


def test_zero_and_missing_label_are_refused(uow: UnitOfWork) -> None:
    _, _, service_id = standard_world(uow)
    charges = ExceptionalService(uow)
    with pytest.raises(PtceError) as caught:
        charges.add_charge(ExceptionalDraft(WORKS, 0, service_id, D(2025, 3, 1)))
    assert caught.value.code == "exceptional_amount_zero"
    with pytest.raises(PtceError) as caught:
        charges.add_charge(ExceptionalDraft("  ", 100, service_id, D(2025, 3, 1)))
    assert caught.value.code == "required"


def test_the_true_up_does_not_call_it_twice(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow, budget_cents=0)
    ExceptionalService(uow).add_charge(
        ExceptionalDraft(WORKS, 1_000_000, service_id, D(2025, 3, 1))
    )
    calls = CallService(uow)
    _issue(calls, 1)
    # the works' invoice, entered as a cost of the service, is what was called
    seed_cost(
        uow,
        service_id,
        1_000_000,
        dict(zip(members, (120, 80, 50), strict=True)),
        start=D(2025, 3, 1),
        end=D(2025, 3, 31),
        label=WORKS,
    )
    plan = calls.preview_true_up(2025)
    assert plan.calls == ()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(st.integers(0, 300), min_size=2, max_size=4).filter(any),
    charges=st.lists(
        st.tuples(st.integers(-500_000, 3_000_000).filter(bool), st.integers(1, 12), st.booleans()),
        max_size=4,
    ),
    quarters=st.sets(st.integers(1, 4)),
    costs=st.lists(st.integers(-50_000, 2_000_000), max_size=3),
    budget=st.integers(0, 3_000_000),
)
def test_each_charge_is_called_once_and_the_year_adds_up(
    _template_db: Path,
    weights: list[int],
    charges: list[tuple[int, int, bool]],
    quarters: set[int],
    costs: list[int],
    budget: int,
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow, vat_registered=True)
        members = seed_members(uow, len(weights))
        mapping = dict(zip(members, weights, strict=True))
        key_id = seed_units_key(uow, mapping)
        service_id = seed_service(
            uow, key_id, {2025: budget}, vat_regime="taxable", vat_rate_bp=2000
        )
        service = ExceptionalService(uow)
        ids = {
            service.add_charge(
                ExceptionalDraft(WORKS, amount, service_id, D(2025, month, 1), own_call=own)
            ): amount
            for amount, month, own in charges
        }
        calls = CallService(uow)
        issued = [c for q in sorted(quarters) for c in _issue(calls, q)]
        if any(own for _, _, own in charges):
            issued += calls.issue_exceptional_calls(2025, issue_date=ISSUE, due_date=DUE)
        for n, amount in enumerate(costs):
            seed_cost(
                uow, service_id, amount, mapping, start=D(2025, 1 + n, 1), end=D(2025, 1 + n, 28)
            )
        issued += calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
        called: dict[int, int] = defaultdict(int)
        for call in issued:
            assert call.total_cents == sum(line.ttc_cents for line in call.lines)
            for line in call.lines:
                called[call.member_id] += line.ht_cents
        # a charge called is called in full, once; one still pending is not called at all
        views = {view.id: view for view in service.list_charges(2025)}
        with uow.read() as session:
            sums = dict(
                session.execute(
                    select(CallLine.exceptional_id, func.sum(CallLine.ht_cents))
                    .where(CallLine.exceptional_id.is_not(None))
                    .group_by(CallLine.exceptional_id)
                ).all()
            )
        for charge_id, amount in ids.items():
            if views[charge_id].pending:
                assert charge_id not in sums
            else:
                assert sums[charge_id] == amount
        actual: dict[int, int] = defaultdict(int)
        for amount in costs:
            for m, cents in allocate_cents(amount, mapping).items():
                actual[m] += cents
        assert {m: called[m] for m in members} == {m: actual[m] for m in members}
