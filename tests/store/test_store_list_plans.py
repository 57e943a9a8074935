"""Every long list reads in the order of an index: a scroll step is a range read, not a sort.

The SQL checked is the SQL the services really emit (captured from the engine while they run,
with its parameters), then given to ``EXPLAIN QUERY PLAN`` on the same file: no plan may hold
``USE TEMP B-TREE`` (SQLite sorting the rows itself), and each one names the index it reads
by. The file has no ``sqlite_stat1`` (the application never runs ANALYZE), so the plans are
the ones a pole of any size gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import pytest
from sqlalchemy import event
from support.factories.calls import LONG_NAME, seed_cost, standard_world

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import SORTS, CostService
from ptce_desktop.services.pole.audit_trail import AuditFilter, AuditTrailService
from ptce_desktop.store.unit_of_work import UnitOfWork

LABELS = ("Loyer & charges <T1> — 1 200 €", "Ménage de l'accueil", LONG_NAME, "Électricité €")
#: sort key → the index its page must be read by
COST_INDEXES = {
    "invoice_date": "ix_costs_invoice_date",
    "period_start": "ix_costs_period_start",
    "label": "ix_costs_label",
    "ht": "ix_costs_ht_cents",
    "ttc": "ix_costs_ttc_cents",
    "service": "sqlite_autoindex_shared_services_1",
}

Statement = tuple[str, Any]


@contextmanager
def captured(uow: UnitOfWork) -> Iterator[list[Statement]]:
    """Every statement the engine runs inside the block, with its parameters."""
    seen: list[Statement] = []
    engine = uow.db.engine

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def plan(uow: UnitOfWork, statement: Statement) -> list[str]:
    sql, parameters = statement
    with uow.db.engine.connect() as connection:
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters).all()
    return [str(row[3]) for row in rows]


def list_queries(uow: UnitOfWork, run: Callable[[], Any], table: str) -> list[Statement]:
    """The ordered SELECTs on ``table`` that ``run`` emits (the list's page queries)."""
    with captured(uow) as seen:
        run()
    found = [
        (sql, params)
        for sql, params in seen
        if sql.lstrip().upper().startswith("SELECT")
        and "ORDER BY" in sql
        and f"FROM {table}" in " ".join(sql.split())
    ]
    assert found, f"no ordered query on {table}"
    return found


def assert_range_read(uow: UnitOfWork, statement: Statement, index: str) -> None:
    steps = plan(uow, statement)
    text = "\n".join(steps)
    assert "TEMP B-TREE" not in text, f"{statement[0]}\n{text}"
    assert index in text, f"{statement[0]}\n{text}"


@pytest.fixture
def world(uow: UnitOfWork) -> dict[str, Any]:
    members, _key, service = standard_world(uow)
    weights = dict.fromkeys(members, 1)
    for month, label in enumerate(LABELS, start=1):
        start = dt.date(2025, month, 1)
        seed_cost(uow, service, 10_000 * month, weights, start=start, end=start, label=label)
    calls = CallService(uow)
    issued = calls.issue_provisional_calls(
        2025, 1, issue_date=dt.date(2025, 1, 10), due_date=dt.date(2025, 2, 10)
    )
    payments = PaymentService(uow)
    for day in (1, 2, 3):
        payments.record_payment(
            members[0], dt.date(2025, 2, day), 1_000, "virement", "Réf. « A&B » <1>", "l'été"
        )
    return {"members": members, "service": service, "calls": issued}


def test_the_check_sees_a_sort(uow: UnitOfWork, world: dict[str, Any]) -> None:
    """The detector itself: ordering by an unindexed column is a temp B-tree."""
    steps = plan(uow, ("SELECT id FROM costs ORDER BY supplier, id", ()))
    assert any("TEMP B-TREE" in step for step in steps)


@pytest.mark.parametrize("sort", [*SORTS, *(f"-{name}" for name in SORTS)])
def test_every_charges_sort_is_a_range_read(
    uow: UnitOfWork, world: dict[str, Any], sort: str
) -> None:
    costs = CostService(uow)
    first = costs.list_costs(2025, sort=sort, limit=2)
    assert len(first.rows) == 2 and first.next_cursor is not None
    # the first page and a scroll step (the keyset cursor of the first page)
    for after in (None, first.next_cursor):
        statements = list_queries(
            uow,
            partial(costs.list_costs, 2025, sort=sort, after=after, limit=2, count=False),
            "costs",
        )
        for statement in statements:
            assert_range_read(uow, statement, COST_INDEXES[sort.removeprefix("-")])
    second = costs.list_costs(2025, sort=sort, after=first.next_cursor, limit=10)
    ids = [row.id for row in first.rows + second.rows]
    assert len(ids) == len(set(ids)) == len(LABELS)  # the pages join without gap or repeat


def test_the_call_list_is_one_grouped_range_read(uow: UnitOfWork, world: dict[str, Any]) -> None:
    calls = CallService(uow)
    statements = list_queries(uow, lambda: calls.list_call_summaries(2025), "calls")
    assert len(statements) == 1  # one GROUP BY for the whole list
    assert "GROUP BY" in statements[0][0]
    assert_range_read(uow, statements[0], "ix_calls_year_number")


def test_a_calls_lines_are_read_by_its_index(uow: UnitOfWork, world: dict[str, Any]) -> None:
    calls = CallService(uow)
    call_id = world["calls"][0].id
    statements = list_queries(uow, lambda: calls.call_lines(call_id, limit=1), "shared_services")
    steps = "\n".join(plan(uow, statements[-1]))
    # one call's few lines by the call's index (their sort by service name is a page at most)
    assert "ix_call_lines_call_id (call_id=?)" in steps
    assert "SCAN call_lines" not in steps


def test_the_payment_list_reads_by_date(uow: UnitOfWork, world: dict[str, Any]) -> None:
    payments = PaymentService(uow)
    statements = list_queries(uow, lambda: payments.list_payments(2025), "payments")
    assert len(statements) == 2  # the payments, then their matches
    for statement in statements:
        assert_range_read(uow, statement, "ix_payments_date")


@pytest.mark.parametrize(
    "chosen",
    [
        None,
        AuditFilter(since=dt.date(2025, 1, 1)),
        AuditFilter(since=dt.date(2025, 1, 1), until=dt.date(2026, 12, 31)),
        AuditFilter(entity="payments"),
        AuditFilter(text="règlement & <co>"),
    ],
)
def test_the_journal_reads_by_id(
    uow: UnitOfWork, world: dict[str, Any], chosen: AuditFilter | None
) -> None:
    audit = AuditTrailService(uow)
    first = audit.page(chosen, limit=1)
    before = first.next_before_id
    for step in (None, before):
        statements = list_queries(
            uow, partial(audit.page, chosen, limit=1, before_id=step), "audit_entries"
        )
        for statement in statements:
            steps = "\n".join(plan(uow, statement))
            assert "TEMP B-TREE" not in steps, steps


def test_a_records_history_is_a_range_of_its_index(uow: UnitOfWork, world: dict[str, Any]) -> None:
    audit = AuditTrailService(uow)
    payment_id = PaymentService(uow).list_payments(2025)[0].id
    statements = list_queries(uow, lambda: audit.history("payments", payment_id), "audit_entries")
    for statement in statements:
        assert_range_read(uow, statement, "ix_audit_entries_entity_record")


def test_deleting_a_cost_reads_the_adjustment_index(uow: UnitOfWork, world: dict[str, Any]) -> None:
    """« Is this cost adjusted? » and SQLite's RESTRICT check on the delete: no scan of costs."""
    costs = CostService(uow)
    victim = costs.list_costs(2025).rows[0].id
    with captured(uow) as seen:
        costs.delete_cost(victim)
    asked = [s for s in seen if "WHERE costs.adjusts_cost_id =" in " ".join(s[0].split())]
    assert asked, "the delete no longer asks whether the cost is adjusted"
    steps = "\n".join(plan(uow, asked[0]))
    assert "ix_costs_adjusts_cost_id" in steps, steps
    # the foreign key's own check, as SQLite runs it for ON DELETE RESTRICT
    fk_check = ("SELECT 1 FROM costs WHERE adjusts_cost_id = ?", (victim,))
    steps = "\n".join(plan(uow, fk_check))
    assert "ix_costs_adjusts_cost_id" in steps and "SCAN" not in steps, steps


#: the payments list's order → the index its page must be read by
PAYMENT_INDEXES = {
    "date": "ix_payments_date",
    "amount": "ix_payments_amount_cents",
    "member": "ix_members_name",
}


@pytest.mark.parametrize("sort", [*PAYMENT_INDEXES, *(f"-{name}" for name in PAYMENT_INDEXES)])
@pytest.mark.parametrize("search", ["", "chèque « a&b »", "1000"])
def test_every_payments_order_is_a_range_read(
    uow: UnitOfWork, world: dict[str, Any], sort: str, search: str
) -> None:
    """The « Règlements » list: its first page and a scroll step along the order's index,
    searched or not (the matches of a page are read by the page's ids)."""
    payments = PaymentService(uow)
    first = payments.list_payment_page(2025, sort=sort, limit=1)
    assert len(first.rows) == 1 and first.next_cursor is not None
    for after in (None, first.next_cursor):
        statements = list_queries(
            uow,
            partial(
                payments.list_payment_page, 2025, search=search, sort=sort, after=after, limit=1
            ),
            "payments",
        )
        assert len(statements) == 1  # the page; its matches are not ordered
        assert_range_read(uow, statements[0], PAYMENT_INDEXES[sort.removeprefix("-")])
        if sort.removeprefix("-") == "member":  # then each member's payments by its index
            assert "ix_payments_member_id" in "\n".join(plan(uow, statements[0]))
    rest = payments.list_payment_page(2025, sort=sort, after=first.next_cursor, limit=10)
    ids = [row.id for row in first.rows + rest.rows]
    assert len(ids) == len(set(ids)) == 3  # the pages join without gap or repeat
