"""Calls for funds: provisional quarterly calls, true-up, numbering, VAT, closed years."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.factories.calls import (
    fresh_uow,
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
    set_closed,
    standard_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.services.calls.calls import MENTION_261B, CallService, CallView
from ptce_desktop.store.models import Call, SequenceCounter
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
ISSUE, DUE = D(2025, 1, 5), D(2025, 1, 31)


def _issue(service: CallService, quarter: int, year: int = 2025) -> list[CallView]:
    return service.issue_provisional_calls(year, quarter, issue_date=ISSUE, due_date=DUE)


def _error(excinfo: pytest.ExceptionInfo[PtceError]) -> str:
    return excinfo.value.message("fr")


def test_each_quarter_splits_the_budget_by_square_metres(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow)
    service = CallService(uow)
    numbers = []
    for quarter in (1, 2, 3, 4):
        calls = _issue(service, quarter)
        assert [c.member_id for c in calls] == list(members)
        assert [c.total_cents for c in calls] == [144_000, 96_000, 60_000]
        assert all(c.quarter == quarter and c.kind == "provisional" for c in calls)
        assert calls[0].period_label == f"T{quarter} 2025"
        line = calls[0].lines[0]
        assert (line.service_id, line.ht_cents, line.vat_cents) == (service_id, 144_000, 0)
        assert line.exempt_261b and calls[0].exempt_261b
        assert line.service_name == "Locaux partagés & accueil <RDC>"
        numbers += [c.number for c in calls]
    assert numbers == [f"AF-2025-{n:04d}" for n in range(1, 13)]
    assert MENTION_261B == "Exonération de TVA — article 261 B du CGI"


def test_an_odd_cent_goes_to_the_first_quarter(uow: UnitOfWork) -> None:
    seed_pole(uow)
    (member,) = seed_members(uow, 1)
    seed_service(uow, seed_units_key(uow, {member: 1}), {2025: 100_001})
    service = CallService(uow)
    totals = [_issue(service, quarter)[0].total_cents for quarter in (1, 2, 3, 4)]
    assert totals == [25_001, 25_000, 25_000, 25_000]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    budgets=st.lists(st.integers(0, 10_000_000), min_size=1, max_size=3),
    weights=st.lists(st.integers(0, 500), min_size=1, max_size=4).filter(any),
)
def test_the_calls_of_a_year_sum_to_the_budgets(
    _template_db: Path, budgets: list[int], weights: list[int]
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow)
        members = seed_members(uow, len(weights))
        key_id = seed_units_key(uow, dict(zip(members, weights, strict=True)))
        services = [
            seed_service(uow, key_id, {2025: cents}, name=f"Service n° {i} & <co>")
            for i, cents in enumerate(budgets)
        ]
        calls = CallService(uow)
        called: dict[int, int] = defaultdict(int)
        for quarter in (1, 2, 3, 4):
            for call in _issue(calls, quarter):
                for line in call.lines:
                    called[line.service_id] += line.ttc_cents
        assert [called[s] for s in services] == budgets


def test_numbers_stay_gap_free_after_a_failed_issue(uow: UnitOfWork) -> None:
    standard_world(uow)
    service = CallService(uow)
    set_closed(uow, 2025)
    with pytest.raises(PtceError) as excinfo:
        _issue(service, 1)
    assert excinfo.value.code == "closed_year"
    assert _error(excinfo).startswith("L'exercice 2025 est clôturé")
    with uow.read() as session:
        assert session.query(Call).count() == 0
        assert session.query(SequenceCounter).count() == 0
    set_closed(uow, 2025, closed=False)
    assert [c.number for c in _issue(service, 1)] == [
        "AF-2025-0001",
        "AF-2025-0002",
        "AF-2025-0003",
    ]
    with pytest.raises(PtceError):
        _issue(service, 1)
    assert _issue(service, 2)[0].number == "AF-2025-0004"


def test_vat_of_a_taxable_line_is_rounded_half_up(uow: UnitOfWork) -> None:
    seed_pole(uow, vat_registered=True)
    (member,) = seed_members(uow, 1)
    key_id = seed_units_key(uow, {member: 1})
    seed_service(uow, key_id, {2025: 4_020}, vat_regime="taxable", vat_rate_bp=1_000)
    (call,) = _issue(CallService(uow), 1)
    line = call.lines[0]
    assert (line.ht_cents, line.vat_rate_bp, line.vat_cents, line.ttc_cents) == (
        1_005,
        1_000,
        101,
        1_106,
    )
    assert not line.exempt_261b and not call.exempt_261b
    assert (call.total_ht_cents, call.total_vat_cents, call.total_cents) == (1_005, 101, 1_106)


def test_a_pole_not_registered_for_vat_splits_the_ttc(uow: UnitOfWork) -> None:
    seed_pole(uow, vat_registered=False)
    (member,) = seed_members(uow, 1)
    key_id = seed_units_key(uow, {member: 1})
    seed_service(uow, key_id, {2025: 4_020}, vat_regime="taxable", vat_rate_bp=2_000)
    (call,) = _issue(CallService(uow), 1)
    line = call.lines[0]
    assert (line.ht_cents, line.vat_rate_bp, line.vat_cents, line.ttc_cents) == (1_005, 0, 0, 1_005)


def test_issuing_a_quarter_twice_is_refused(uow: UnitOfWork) -> None:
    standard_world(uow)
    service = CallService(uow)
    _issue(service, 2)
    with pytest.raises(PtceError) as excinfo:
        _issue(service, 2)
    assert excinfo.value.code == "calls_already_issued"
    assert _error(excinfo) == "Les appels de fonds ont déjà été émis pour T2 2025."
    assert len(service.list_calls(2025)) == 3


def test_a_year_without_budgets_is_refused(uow: UnitOfWork) -> None:
    standard_world(uow)
    with pytest.raises(PtceError) as excinfo:
        _issue(CallService(uow), 1, year=2026)
    assert _error(excinfo) == (
        "Aucun budget de service mutualisé n'est saisi pour l'exercice 2026 : "
        "saisissez les budgets avant d'émettre les appels de fonds."
    )


def test_an_active_service_without_budget_is_named(uow: UnitOfWork) -> None:
    _, key_id, _ = standard_world(uow)
    seed_service(uow, key_id, {2024: 100}, name="Informatique & <réseau>")
    seed_service(uow, key_id, {}, name="Ancien véhicule", active_to=D(2024, 12, 31))
    with pytest.raises(PtceError) as excinfo:
        _issue(CallService(uow), 1)
    assert _error(excinfo) == (
        "Budget de l'exercice 2025 manquant pour : Informatique & <réseau>. "
        "Saisissez-le (0 € si le service n'est pas appelé)."
    )


def test_a_budgeted_service_needs_a_key(uow: UnitOfWork) -> None:
    standard_world(uow)
    seed_service(uow, None, {2025: 0}, name="Sans clé, budget nul")
    seed_service(uow, None, {2025: 400}, name="Sans clé & <co>")
    with pytest.raises(PtceError) as excinfo:
        _issue(CallService(uow), 1)
    assert _error(excinfo) == (
        "Le service « Sans clé & <co> » a un budget mais pas de clé de répartition : "
        "impossible de calculer les appels de fonds."
    )


def test_members_with_nothing_to_pay_get_no_call(uow: UnitOfWork) -> None:
    members, _, _ = standard_world(uow, units=(120, 0, 50))
    calls = _issue(CallService(uow), 1)
    assert [c.member_id for c in calls] == [members[0], members[2]]
    assert sum(c.total_cents for c in calls) == 300_000


def test_presence_is_prorated_over_the_quarter(uow: UnitOfWork) -> None:
    seed_pole(uow)
    members = seed_members(uow, 3, joined={2: D(2025, 3, 1)})
    key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    seed_service(uow, key_id, {2025: 1_200_000})
    calls = _issue(CallService(uow), 1)
    weights = {
        members[0]: Fraction(120),
        members[1]: Fraction(80),
        members[2]: Fraction(50 * 31, 90),
    }
    assert {c.member_id: c.total_cents for c in calls} == allocate_cents(300_000, weights)


def test_bad_quarter_and_dates_are_refused(uow: UnitOfWork) -> None:
    standard_world(uow)
    service = CallService(uow)
    with pytest.raises(PtceError) as excinfo:
        _issue(service, 5)
    assert (excinfo.value.field, _error(excinfo)) == (
        "quarter",
        "Le trimestre doit être compris entre 1 et 4 (reçu : 5).",
    )
    with pytest.raises(PtceError) as excinfo:
        service.issue_provisional_calls(2025, 1, issue_date=DUE, due_date=ISSUE)
    assert (excinfo.value.field, _error(excinfo)) == (
        "due_date",
        "La date d'échéance (05/01/2025) est antérieure à la date d'émission (31/01/2025).",
    )
    with pytest.raises(PtceError) as excinfo:
        service.issue_true_up(2025, issue_date=DUE, due_date=ISSUE)
    assert excinfo.value.code == "due_before_issue"


def test_list_and_detail(uow: UnitOfWork) -> None:
    members, _, _ = standard_world(uow)
    service = CallService(uow)
    _issue(service, 1)
    _issue(service, 2)
    mine = service.list_calls(2025, member_id=members[1])
    assert [(c.quarter, c.total_cents) for c in mine] == [(1, 96_000), (2, 96_000)]
    detail = service.call_detail(mine[0].id)
    assert detail == mine[0]
    assert detail.member_name == "Bureau L'Épicerie solidaire — 1 234,56 €"
    assert (detail.paid_cents, detail.outstanding_cents) == (0, 96_000)
    assert service.list_calls(2024) == []
    with pytest.raises(PtceError) as excinfo:
        service.call_detail(999)
    assert _error(excinfo) == "Appel de fonds introuvable (n° 999)."


# --- true-up -----------------------------------------------------------------------------------


def _costs(uow: UnitOfWork, service_id: int, weights: dict[int, int], amounts: list[int]) -> None:
    for index, cents in enumerate(amounts):
        quarter = index % 4
        seed_cost(
            uow,
            service_id,
            cents,
            weights,
            start=D(2025, 3 * quarter + 1, 1),
            end=D(2025, 3 * quarter + 3, 28),
        )


def test_true_up_gives_back_an_overcall_as_credit(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow)
    calls = CallService(uow)
    for quarter in (1, 2, 3, 4):
        _issue(calls, quarter)
    weights = dict(zip(members, (120, 80, 50), strict=True))
    _costs(uow, service_id, weights, [250_000] * 4)  # 10 000 € spent of 12 000 € called
    # A cost of the next year does not count.
    seed_cost(uow, service_id, 99_999, weights, start=D(2026, 1, 1), end=D(2026, 3, 31))
    true_ups = calls.issue_true_up(2025, issue_date=D(2026, 1, 15), due_date=D(2026, 2, 15))
    assert [c.total_cents for c in true_ups] == [-96_000, -64_000, -40_000]
    assert [c.number for c in true_ups] == ["AF-2025-0013", "AF-2025-0014", "AF-2025-0015"]
    assert all(c.kind == "true_up" and c.quarter is None for c in true_ups)
    assert true_ups[0].period_label == "Régularisation 2025"
    with pytest.raises(PtceError) as excinfo:
        calls.issue_true_up(2025, issue_date=D(2026, 1, 15), due_date=D(2026, 2, 15))
    assert _error(excinfo) == "La régularisation de l'exercice 2025 a déjà été émise."


def test_true_up_skips_members_already_even(uow: UnitOfWork) -> None:
    members, _, service_id = standard_world(uow, budget_cents=400_000)
    calls = CallService(uow)
    for quarter in (1, 2, 3, 4):
        _issue(calls, quarter)
    weights = dict(zip(members, (120, 80, 50), strict=True))
    _costs(uow, service_id, weights, [100_000] * 4)
    seed_cost(uow, service_id, 1_000, {members[2]: 1}, start=D(2025, 6, 1), end=D(2025, 6, 30))
    (only,) = calls.issue_true_up(2025, issue_date=D(2026, 1, 15), due_date=D(2026, 2, 15))
    assert (only.member_id, only.total_cents) == (members[2], 1_000)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(st.integers(0, 300), min_size=2, max_size=4).filter(any),
    budgets=st.lists(st.integers(0, 5_000_000), min_size=1, max_size=2),
    costs=st.lists(st.integers(-50_000, 2_000_000), min_size=0, max_size=6),
    registered=st.booleans(),
)
def test_true_up_closes_to_the_actual_shares(
    _template_db: Path,
    weights: list[int],
    budgets: list[int],
    costs: list[int],
    registered: bool,
) -> None:
    with fresh_uow(_template_db) as uow:
        seed_pole(uow, vat_registered=registered)
        members = seed_members(uow, len(weights))
        by_member = dict(zip(members, weights, strict=True))
        key_id = seed_units_key(uow, by_member)
        services = [
            seed_service(
                uow,
                key_id,
                {2025: cents},
                name=f"Service n° {i}",
                vat_regime="taxable" if i % 2 else "exempt_261b",
                vat_rate_bp=2_000 if i % 2 else 0,
            )
            for i, cents in enumerate(budgets)
        ]
        actual: dict[tuple[int, int], int] = defaultdict(int)
        for index, cents in enumerate(costs):
            service_id = services[index % len(services)]
            start = D(2025, 3 * (index % 4) + 1, 1)
            shares = seed_cost(uow, service_id, cents, by_member, start=start, end=start)
            for member, share in shares.items():
                actual[member, service_id] += share
        calls = CallService(uow)
        issued = [c for q in (1, 2, 3, 4) for c in _issue(calls, q)]
        issued += calls.issue_true_up(2025, issue_date=D(2026, 1, 5), due_date=D(2026, 1, 31))
        charged: dict[tuple[int, int], int] = defaultdict(int)
        for call in issued:
            for line in call.lines:
                charged[call.member_id, line.service_id] += line.ht_cents
                assert line.ttc_cents == line.ht_cents + line.vat_cents
        keys = set(actual) | set(charged)
        assert {k: charged[k] for k in keys} == {k: actual[k] for k in keys}
        numbers = [call.number for call in issued]
        assert numbers == [f"AF-2025-{n:04d}" for n in range(1, len(issued) + 1)]


# --- closed years ---------------------------------------------------------------------------------


def test_a_closed_year_refuses_calls_and_true_up(uow: UnitOfWork) -> None:
    standard_world(uow)
    service = CallService(uow)
    _issue(service, 1)
    set_closed(uow, 2025)
    actions: tuple[Callable[[], object], ...] = (
        lambda: _issue(service, 2),
        lambda: service.issue_true_up(2025, issue_date=ISSUE, due_date=DUE),
    )
    for action in actions:
        with pytest.raises(PtceError) as excinfo:
            action()
        assert excinfo.value.code == "closed_year"
        assert "L'exercice 2025 est clôturé" in _error(excinfo)
    assert len(service.list_calls(2025)) == 3


def test_every_call_message_has_both_texts_with_the_same_placeholders() -> None:
    import string

    from ptce_desktop.domain import errors
    from ptce_desktop.domain.messages import calls as messages_calls

    catalogue = errors.all_messages()
    for code, (fr, en) in messages_calls.MESSAGES.items():
        assert catalogue[code] == (fr, en)
        assert fr and en and fr != en, code
        names = [{n for _, n, _, _ in string.Formatter().parse(t) if n} for t in (fr, en)]
        assert names[0] == names[1], code
