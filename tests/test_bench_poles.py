"""The benchmarks' pole generator writes exactly what the services write (on the tiny size).

``tests/benchmarks/poles.py`` streams costs, shares and calls with ``executemany`` for
speed; this builds the same pole twice — once by the generator, once by the services
(``CostService.create_cost`` for every cost, ``CallService`` for every quarter and true-up)
over the same structure — and compares the rows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from benchmarks.poles import (
    FIRST_YEAR,
    LAST_YEAR,
    SIZES,
    build_pole,
    build_structure,
    cost_drafts,
    member_name,
    quarter_dates,
    true_up_dates,
)

from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

QUERIES = {
    "costs": "SELECT id, service_id, invoice_date, period_start, period_end, label, supplier,"
    " ht_cents, vat_cents, ttc_cents, is_adjustment FROM costs ORDER BY id",
    "shares": "SELECT cost_id, member_id, cents, key_version_id FROM shares"
    " ORDER BY cost_id, member_id",
    "calls": "SELECT id, number, member_id, year, quarter, kind, issue_date, due_date FROM calls"
    " ORDER BY id",
    "call_lines": "SELECT c.number, l.service_id, l.ht_cents, l.vat_rate_bp, l.vat_cents,"
    " l.ttc_cents, l.kind, l.component, l.label, l.exceptional_id"
    " FROM call_lines l JOIN calls c ON c.id = l.call_id ORDER BY l.id",
    "counters": "SELECT name, year, last_value FROM sequence_counters ORDER BY name, year",
}


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in QUERIES.items()}
    finally:
        con.close()


@pytest.mark.slow
def test_generator_rows_equal_the_services_rows(tmp_path: Path) -> None:
    size = SIZES["tiny"]
    generated = tmp_path / "généré & <pôle>.sqlite3"
    stats = build_pole(generated, size.members, size.costs, payments=False)
    assert stats["costs"] == size.costs and stats["shares"] > size.costs * 4

    by_services = tmp_path / "par les services.sqlite3"
    build_structure(by_services, size.members, size.costs)
    db = open_database(by_services)
    try:
        uow = UnitOfWork(db)
        costs, calls = CostService(uow), CallService(uow)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for cost_id, service, invoice, start, end, label, supplier, cents in cost_drafts(
                size, year
            ):
                draft = CostDraft(
                    service_id=service,
                    invoice_date=invoice,
                    period_start=start,
                    period_end=end,
                    label=label,
                    supplier=supplier,
                    ht_cents=cents,
                    vat_cents=0,
                    ttc_cents=cents,
                )
                assert costs.create_cost(draft) == cost_id
            for quarter in (1, 2, 3, 4):
                issue, due = quarter_dates(year, quarter)
                calls.issue_provisional_calls(year, quarter, issue_date=issue, due_date=due)
            if year != LAST_YEAR:
                issue, due = true_up_dates(year)
                calls.issue_true_up(year, issue_date=issue, due_date=due)
    finally:
        db.close()

    expected, got = rows(by_services), rows(generated)
    for name in QUERIES:
        assert got[name] == expected[name], name
    kinds = {row[5] for row in got["calls"]}
    assert kinds == {"provisional", "true_up"}
    assert any(row[2] < 0 for row in got["call_lines"]), "no true-up credit: the data is too tame"


def test_member_names_carry_the_awkward_characters() -> None:
    long_name = member_name(7)
    assert len(long_name) > 100 and all(c in long_name for c in "É&<'«")
    assert "€" in member_name(8)
