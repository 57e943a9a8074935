"""Figures of the printed documents of the demo pole, read as the member and the funder read
them: each checked against the database (SQL) rather than against the builder itself."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from ptce_desktop.documents.builders.cerfa import build_cerfa_report
from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
from ptce_desktop.documents.builders.redistribution import build_redistribution_data
from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date
from ptce_desktop.reports.redistribution import build_redistribution_report
from ptce_desktop.reports.statement import build_statement
from ptce_desktop.store.unit_of_work import UnitOfWork

GENERATED = dt.date(2026, 12, 6)


def test_exceptional_line_names_each_members_own_call(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """The exceptional line is called on each member's own call: the report names that call
    on the member's row, not the first member's call for everyone."""
    data = build_cost_sharing_data(demo_uow, 2025)
    assert data.exceptional, "the demo has an exceptional line in 2025"
    with sqlite3.connect(demo_file) as db:
        for line in data.exceptional:
            expected = dict(
                db.execute(
                    "SELECT c.member_id, c.number FROM call_lines l"
                    " JOIN calls c ON c.id = l.call_id"
                    " WHERE l.exceptional_id = ? AND l.kind = 'exceptional'",
                    (line.charge_id,),
                ).fetchall()
            )
            assert len(set(expected.values())) > 1
            printed = {row.member_id: row.call_number for row in line.members}
            assert printed == expected
            assert line.call_number == min(expected.values())


def test_true_up_basis_gives_each_key_version_of_the_year(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """A régularisation over a year whose key changed on 1 July printed the January units
    over the whole year (« 4,2 ETP sur 21 ETP … (exercice 2025) »), while the split took the
    July version from then on: one basis per version now, each over the days it governs."""
    with sqlite3.connect(demo_file) as db:
        rows = db.execute(
            "SELECT s.id, s.name, v.valid_from, u.units_milli FROM shared_services s"
            " JOIN key_versions v ON v.key_id = s.key_id"
            " JOIN key_version_units u ON u.version_id = v.id AND u.member_id = 6"
            " WHERE v.valid_from > '2025-01-01' AND v.valid_from <= '2025-12-31'"
            " AND s.key_id IN (SELECT id FROM allocation_keys WHERE method = 'units')"
        ).fetchall()
        (true_up,) = db.execute(
            "SELECT id FROM calls WHERE member_id = 6 AND year = 2025 AND kind = 'true_up'"
        ).fetchone()
    assert rows, "the demo changes a units key of member 6 during 2025"
    data = build_statement_data(demo_uow, 6, 2025, true_up)
    assert data.call is not None
    by_name = {line.service_name: line for line in data.call.lines}
    for _service_id, name, valid_from, units in rows:
        line = by_name[name]
        assert len(line.bases) == 2, line
        first, second = line.bases
        assert line.basis == first
        day = dt.date.fromisoformat(valid_from)
        assert first.period_label == f"du 01/01/2025 au {format_date(day - dt.timedelta(1))}"
        assert second.period_label == f"du {format_date(day)} au 31/12/2025"
        assert second.member_units == units
        assert first.member_units != units


def test_cerfa_of_one_year_compares_the_forecast_of_that_year(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """A Cerfa for 2025 of a 2024-2025 grant printed the two-year budget as its prévision
    against the 2025 réalisation (74 Région: 60 000 € prévus, 29 958,96 € réalisés, 49,93 %):
    the prévision is now the budget's share of the year, by the rule of the réalisation."""
    with sqlite3.connect(demo_file) as db:
        (grant_id, voted, start, end) = db.execute(
            "SELECT id, amount_voted_cents, period_start, period_end FROM grants"
            " WHERE period_start = '2024-01-01' AND period_end = '2025-12-31'"
        ).fetchone()
        (budget,) = db.execute(
            "SELECT SUM(amount_cents) FROM grant_budget_lines WHERE grant_id = ?"
            " AND cerfa_code LIKE '7%'",
            (grant_id,),
        ).fetchone()
    whole = build_cerfa_report(demo_uow, grant_id)
    years = [build_cerfa_report(demo_uow, grant_id, year=y) for y in (2024, 2025)]
    assert whole.totals.produits.forecast_cents == budget
    for report in (whole, *years):
        totals = report.totals
        assert totals.charges.forecast_cents == totals.produits.forecast_cents  # balanced
    # the two years add up to the budget, each about its share of the days
    assert sum(r.totals.produits.forecast_cents for r in years) == budget
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    for report, year_days in zip(years, (366, 365), strict=True):
        assert abs(report.totals.produits.forecast_cents - budget * year_days / days) < 5
        (region,) = [row for row in report.produits if row.code == "74_region"]
        assert region.forecast_cents == region.actual_cents  # the grant's own share of the year
        assert region.actual_cents == round(voted * year_days / days)


def _page_ends(pdf: bytes) -> list[str]:
    """The last line of each page's body (the footer « Généré le … page n / N » left out)."""
    ends = []
    for page in PdfReader(BytesIO(pdf)).pages:
        lines = [
            line.strip()
            for line in page.extract_text().splitlines()
            if line.strip() and "Généré le" not in line and not re.search(r"page \d+ / \d+", line)
        ]
        ends.append(lines[-1] if lines else "")
    return ends


def test_no_heading_is_left_alone_at_the_foot_of_a_page(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """The relevé 2024 of member 6 ended its first page on « Détail des appels par service »
    and the redistribution report 2024 its second on a service's name and key line, their
    tables on the next page."""
    with sqlite3.connect(demo_file) as db:
        services = {name for (name,) in db.execute("SELECT name FROM shared_services")}
    buffer = BytesIO()
    build_statement(build_statement_data(demo_uow, 6, 2024), buffer, generated_on=GENERATED)
    ends = _page_ends(buffer.getvalue())
    assert "Détail des appels par service" not in ends, ends
    buffer = BytesIO()
    model = build_redistribution_data(demo_uow, 2024)
    build_redistribution_report(model, buffer, generated_on=GENERATED)
    ends = _page_ends(buffer.getvalue())
    assert not [end for end in ends if end in services or end.startswith("Clé :")], ends


def test_cerfa_of_one_year_prints_the_grant_alike_in_both_columns(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """Sharing a side's prorated total by largest remainder gave the Département's own row
    8 356,17 € prévus against 8 356,16 € réalisés: a grant row is prorated as the grant."""
    with sqlite3.connect(demo_file) as db:
        rows = db.execute(
            "SELECT g.id, l.cerfa_code FROM grants g"
            " JOIN grant_budget_lines l ON l.grant_id = g.id"
            " AND l.amount_cents = g.amount_voted_cents"
            " WHERE l.cerfa_code LIKE '74%' AND g.status <> 'refusee'"
        ).fetchall()
    checked = 0
    for grant_id, code in rows:
        for year in (2024, 2025, 2026):
            try:
                report = build_cerfa_report(demo_uow, grant_id, year=year)
            except PtceError:
                continue  # the grant's period does not meet that year
            if report.period is None or report.period.whole_grant:
                continue
            (row,) = [row for row in report.produits if row.code == code]
            assert row.forecast_cents == row.actual_cents, (grant_id, year, code)
            totals = report.totals
            assert totals.charges.forecast_cents == totals.produits.forecast_cents
            checked += 1
    assert checked >= 3
