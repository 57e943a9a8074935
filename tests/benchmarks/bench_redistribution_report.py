"""Benchmark: the redistribution report of a 300-member pole with 20 000 cost lines a year.

Run on demand::

    uv run pytest tests/benchmarks/bench_redistribution_report.py --run-benchmarks -s

It builds the pole directly in a temporary database with bulk Core inserts (300 members, 20
shared services with their keys, 20 000 cost lines of 2026 each split between 10 members —
200 000 shares —, four quarterly calls per member with one line per service used, payments
matching them, five grants with plans, instalments and redistributions), then times, in the
same run and interleaved (median of 3, ``benchlib``):

* **report**: :func:`build_redistribution_data` (the read model, aggregates in SQL) plus
  :func:`build_redistribution_report` (the PDF written to a file);
* **baseline**: the bare tool, as ``baselines/reportlab_table.py`` measures it
  (``rows20k_chunked``): a SimpleDocTemplate with plain ReportLab Tables of 1 000 rows (header
  repeated, DejaVu Sans 8 pt, grid) holding **the same rows the report prints** (one row per
  service × member, per grant × member, per redistribution, and the summary lines), as
  preformatted strings.

The report prints per service × member aggregates, never the 20 000 cost lines one by one.
``BENCH`` lines, seconds per page: ``report_per_page`` (target 2) and
``report_per_page_long_names`` (member names of ~85 characters that wrap; same target).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from bench_data import insert_keys_and_services
from benchlib import bench_line, interleaved_median
from pypdf import PdfReader
from sqlalchemy import insert

from ptce_desktop.documents.builders.redistribution import build_redistribution_data
from ptce_desktop.documents.redistribution import RedistributionReportData
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.reports.redistribution import build_redistribution_report
from ptce_desktop.resources import font_path
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Funder,
    Grant,
    GrantPlanLine,
    Instalment,
    Member,
    Payment,
    PaymentMatch,
    Pole,
    Redistribution,
    ServiceBudget,
    Share,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

YEAR = 2026
MEMBERS = 300
SERVICES = 20
COST_LINES = 20_000
MEMBERS_PER_LINE = 10
GRANTS = 5
PLAN_MEMBERS = 50
CATEGORIES = ("ess_enterprise", "non_ess_enterprise", "local_authority", "training", "network")


# --- the pole ---------------------------------------------------------------------------------


def _rows(model: Any, rows: list[dict[str, Any]], connection: Any) -> None:
    if rows:
        connection.execute(insert(model.__table__), rows)


def member_name(member: int, long_names: bool) -> str:
    name = f"Membre n° {member:03d} — Coopérative l'Éclair & <associés>"
    return name + " du bassin de Valence-Romans, Drôme" if long_names else name


def build_pole(uow: UnitOfWork, *, long_names: bool = False) -> dict[str, int]:
    """Fill the database with bulk Core inserts; returns the row counts."""
    rng = random.Random(2026)
    start = dt.date(YEAR, 1, 1)
    members = list(range(1, MEMBERS + 1))
    shares_rows: list[dict[str, Any]] = []
    costs_rows: list[dict[str, Any]] = []
    quarter_shares: dict[tuple[int, int, int], int] = defaultdict(int)
    for cost_id in range(1, COST_LINES + 1):
        service = (cost_id - 1) % SERVICES + 1
        month = rng.randrange(1, 13)
        day = dt.date(YEAR, month, rng.randrange(1, 29))
        amount = rng.randrange(5_00, 5_000_00)
        costs_rows.append(
            {
                "id": cost_id,
                "service_id": service,
                "invoice_date": day,
                "period_start": day,
                "period_end": day,
                "label": f"Facture n° {cost_id} & fournitures <lot>",
                "supplier": "Fournisseur l'Éclair",
                "ht_cents": amount,
                "vat_cents": 0,
                "ttc_cents": amount,
                "is_adjustment": False,
            }
        )
        chosen = rng.sample(members, MEMBERS_PER_LINE)
        weights = {member: rng.randrange(1, 200) for member in chosen}
        for member, cents in allocate_cents(amount, weights).items():
            if cents:
                shares_rows.append(
                    {
                        "cost_id": cost_id,
                        "member_id": member,
                        "cents": cents,
                        "key_version_id": service,
                    }
                )
                quarter_shares[member, service, (month - 1) // 3 + 1] += cents
    calls_rows, lines_rows, payments_rows, matches_rows = [], [], [], []
    by_call: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for (member, service, quarter), cents in sorted(quarter_shares.items()):
        by_call[member, quarter].append((service, cents))
    for number, ((member, quarter), lines) in enumerate(sorted(by_call.items()), start=1):
        issue = dt.date(YEAR, 3 * quarter - 2, 5)
        calls_rows.append(
            {
                "id": number,
                "number": f"AF-{YEAR}-{number:04d}",
                "member_id": member,
                "year": YEAR,
                "quarter": quarter,
                "kind": "provisional",
                "issue_date": issue,
                "due_date": issue + dt.timedelta(days=30),
            }
        )
        total = 0
        for service, cents in lines:
            lines_rows.append(
                {
                    "call_id": number,
                    "service_id": service,
                    "ht_cents": cents,
                    "vat_rate_bp": 0,
                    "vat_cents": 0,
                    "ttc_cents": cents,
                }
            )
            total += cents
        paid = total if quarter < 4 or member % 3 else total // 2
        if member % 7 == 0 and quarter == 3:
            paid = 0
        if paid:
            payments_rows.append(
                {
                    "id": number,
                    "member_id": member,
                    "date": issue + dt.timedelta(days=20),
                    "amount_cents": paid,
                    "method": "virement",
                }
            )
            matches_rows.append({"payment_id": number, "call_id": number, "amount_cents": paid})

    with uow.db.engine.begin() as connection:
        _rows(
            Pole,
            [{"id": 1, "name": "Pôle Sud & Drôme <banc d'essai>", "vat_registered": False}],
            connection,
        )
        _rows(
            Member,
            [
                {
                    "id": m,
                    "name": member_name(m, long_names),
                    "category": CATEGORIES[m % len(CATEGORIES)],
                    "qpv": False,
                }
                for m in members
            ],
            connection,
        )
        insert_keys_and_services(connection, members, services=SERVICES, valid_from=start)
        _rows(
            ServiceBudget,
            [
                {"service_id": s, "year": YEAR, "amount_cents": 5_000_000_00}
                for s in range(1, SERVICES + 1)
            ],
            connection,
        )
        _rows(Cost, costs_rows, connection)
        _rows(Share, shares_rows, connection)
        _rows(Call, calls_rows, connection)
        _rows(CallLine, lines_rows, connection)
        _rows(Payment, payments_rows, connection)
        _rows(PaymentMatch, matches_rows, connection)
        _rows(
            Funder,
            [
                {"id": 1, "name": "Région & <Drôme>", "type": "region"},
                {"id": 2, "name": "État — DREETS", "type": "etat"},
            ],
            connection,
        )
        plan_rows, instalment_rows, redistribution_rows = [], [], []
        grant_rows = []
        for grant in range(1, GRANTS + 1):
            grant_rows.append(
                {
                    "id": grant,
                    "funder_id": grant % 2 + 1,
                    "title": f"Subvention n° {grant} & <coopération>",
                    "amount_voted_cents": 500_000_00,
                    "status": "votee",
                    "nature": "cash",
                    "staged": True,
                    "period_start": start,
                    "period_end": dt.date(YEAR, 12, 31),
                    "amount_to_repay_cents": 0,
                    "overhead_method": "none",
                    "coordination_share_bp": 1000,
                }
            )
            planned = rng.sample(members, PLAN_MEMBERS)
            for member in planned:
                plan_rows.append({"grant_id": grant, "member_id": member, "share_bp": 180})
            instalment_rows.append(
                {"grant_id": grant, "date": dt.date(YEAR, 4, 1), "amount_cents": 300_000_00}
            )
            for member in planned[: PLAN_MEMBERS // 2]:
                redistribution_rows.append(
                    {
                        "grant_id": grant,
                        "member_id": member,
                        "date": dt.date(YEAR, 5, 1),
                        "amount_cents": 5_000_00,
                        "basis": "Plan : 1,8 % du reçu",
                    }
                )
        _rows(Grant, grant_rows, connection)
        _rows(GrantPlanLine, plan_rows, connection)
        _rows(Instalment, instalment_rows, connection)
        _rows(Redistribution, redistribution_rows, connection)
    return {
        "members": MEMBERS,
        "services": SERVICES,
        "cost_lines": len(costs_rows),
        "shares": len(shares_rows),
        "calls": len(calls_rows),
        "call_lines": len(lines_rows),
        "grants": GRANTS,
    }


# --- the bare tool ------------------------------------------------------------------------------


def printed_rows(model: RedistributionReportData) -> list[list[str]]:
    """The rows the report prints, as strings, five columns each."""
    m = format_money
    rows: list[list[str]] = []
    for grant in model.grants:
        rows.append(
            [
                grant.title,
                m(grant.voted_cents or 0),
                m(grant.received_cents),
                m(grant.passed_cents),
                m(grant.remaining_cents),
            ]
        )
    for grant in model.grants:
        rows += [
            [x.member_name, x.basis, m(x.due_cents), m(x.passed_cents), m(x.remaining_cents)]
            for x in grant.members
        ]
        rows += [
            [r.date.strftime("%d/%m/%Y"), r.member_name, m(r.amount_cents), r.basis or "", ""]
            for r in grant.redistributions
        ]
    for service in model.services:
        rows.append(
            [
                service.name,
                m(service.costs_cents),
                m(service.called_cents),
                m(service.paid_cents),
                m(service.outstanding_cents),
            ]
        )
    for service in model.services:
        rows += [
            [
                x.member_name,
                m(x.share_cents),
                m(x.called_cents),
                m(x.paid_cents),
                m(x.outstanding_cents),
            ]
            for x in service.members
        ]
    return rows


def baseline(path: Path, rows: list[list[str]]) -> None:
    """``rows20k_chunked`` of baselines/reportlab_table.py over ``rows``."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_path("DejaVuSans.ttf"))))
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("LEADING", (0, 0), (-1, -1), 10),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ]
    )
    header = ["Membre", "Quote-part", "Appelé", "Payé", "Reste dû"]
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36
    )
    doc.build(
        [
            Table(
                [header, *rows[i : i + 1000]],
                repeatRows=1,
                style=style,
                colWidths=[200, 80, 80, 80, 80],
            )
            for i in range(0, len(rows), 1000)
        ]
    )


# --- the run --------------------------------------------------------------------------------------


@pytest.mark.parametrize("long_names", [False, True], ids=["short", "long_names"])
def test_report_per_page(long_names: bool, tmp_path: Path) -> None:
    db = open_database(tmp_path / "banc & <rapport>.sqlite3")
    uow = UnitOfWork(db)
    try:
        build_pole(uow, long_names=long_names)
        runs = iter(range(100))

        def report() -> float:
            run = next(runs)
            start = time.perf_counter()
            model = build_redistribution_data(uow, YEAR)
            pages = build_redistribution_report(
                model, tmp_path / f"report{run}.pdf", generated_on=dt.date(YEAR + 1, 1, 15)
            )
            elapsed = time.perf_counter() - start
            assert len(PdfReader(tmp_path / f"report{run}.pdf").pages) == pages > 1
            return elapsed / pages

        printed = printed_rows(build_redistribution_data(uow, YEAR))

        def base() -> float:
            run = next(runs)
            target = tmp_path / f"baseline{run}.pdf"
            start = time.perf_counter()
            baseline(target, printed)
            elapsed = time.perf_counter() - start
            return elapsed / len(PdfReader(target).pages)

        app_s, base_s = interleaved_median(report, base, 3, timed=False)
    finally:
        db.close()
    name = "report_per_page" + ("_long_names" if long_names else "")
    bench_line(name, app_s, base_s, 2.0, "s_per_page")
