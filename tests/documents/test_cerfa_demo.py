"""Every Cerfa 15059 of the demo pole checks out as printed, and a project grant's products are
exactly its project's, by an SQL aggregate written here independently of the builder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cerfa_readback import check_arithmetic, pdf_text
from sqlalchemy import text
from support.factories.demo import ServiceDemo, copy_demo, service_demo

from ptce_desktop.documents.builders.cerfa import build_cerfa_report
from ptce_desktop.domain.cerfa import FUNDER_TYPE_TO_CERFA
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.views import CostDraft
from ptce_desktop.services.grants.in_kind import CHARGE_TO_RESOURCE, cerfa_code_for
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

VOTED = ("votee", "versee_partiellement", "soldee")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


@pytest.fixture(scope="module")
def demo_uow(demo: ServiceDemo) -> Iterator[UnitOfWork]:
    database = open_database(demo.path, read_only=True)
    yield UnitOfWork(database)
    database.close()


def grants(demo: ServiceDemo) -> list[tuple[int, str, int | None]]:
    with sqlite3.connect(demo.path) as db:
        return list(db.execute("SELECT id, status, project_id FROM grants ORDER BY id"))


def test_every_demo_cerfa_checks_out_as_printed(demo: ServiceDemo, demo_uow: UnitOfWork) -> None:
    checked = 0
    for grant_id, status, _ in grants(demo):
        whole = build_cerfa_report(demo_uow, grant_id)
        assert whole.draft == (status not in VOTED)
        header = (whole.pole.name,)
        check_arithmetic(pdf_text(whole, header=header))
        checked += 1
        assert whole.period is not None
        for label in whole.period.valid_years:
            year = build_cerfa_report(demo_uow, grant_id, year=int(label[:4]))
            rows = check_arithmetic(pdf_text(year, header=header))
            assert rows["total_charges"].actual == year.totals.charges.actual_cents
            checked += 1
    assert checked >= 10


def sql_products(db: sqlite3.Connection, grant_id: int) -> dict[str, int]:
    """The product rows of a project grant over its whole period, from the tables alone:
    voted co-funding of the project pro rata of days (cumulative rounding), in-kind dated in
    the period (linked to the grant, or of the project and not linked to another grant)."""
    project, start, end = db.execute(
        "SELECT project_id, period_start, period_end FROM grants WHERE id = ?", (grant_id,)
    ).fetchone()
    assert project is not None
    rows: dict[str, int] = {}
    query = """
        WITH g AS (
            SELECT g.id, f.type, g.amount_voted_cents AS v,
                   julianday(g.period_end) - julianday(g.period_start) + 1 AS total,
                   max(0, julianday(max(g.period_start, :start)) - julianday(g.period_start))
                       AS before,
                   julianday(min(g.period_end, :end)) - julianday(max(g.period_start, :start)) + 1
                       AS inside
            FROM grants g JOIN funders f ON f.id = g.funder_id
            WHERE (g.id = :grant OR (g.project_id = :project AND g.status IN (?, ?, ?)))
              AND g.period_start <= :end AND g.period_end >= :start
        )
        SELECT type, sum(CAST(v * (before + inside) / total + 0.5 AS INTEGER)
                         - CAST(v * before / total + 0.5 AS INTEGER))
        FROM g GROUP BY type
    """
    params = {"start": start, "end": end, "grant": grant_id, "project": project}
    named = query.replace("(?, ?, ?)", "('votee', 'versee_partiellement', 'soldee')")
    for funder_type, cents in db.execute(named, params):
        rows[FUNDER_TYPE_TO_CERFA[funder_type]] = int(cents)
    action = [
        gid
        for (gid,) in db.execute(
            "SELECT id FROM grants WHERE id = ? OR (project_id = ? AND status IN "
            "('votee', 'versee_partiellement', 'soldee') AND period_start <= ? "
            "AND period_end >= ?)",
            (grant_id, project, end, start),
        )
    ]
    marks = ", ".join("?" * len(action))
    for kind, code, cents in db.execute(
        f"SELECT kind, cerfa_code, sum(amount_cents) FROM in_kind_contributions "
        f"WHERE date BETWEEN ? AND ? AND (grant_id = ? OR (project_id = ? AND "
        f"(grant_id IS NULL OR grant_id IN ({marks})))) GROUP BY kind, cerfa_code",
        (start, end, grant_id, project, *action),
    ):
        resource = CHARGE_TO_RESOURCE[cerfa_code_for(kind, code)]
        rows[resource] = rows.get(resource, 0) + int(cents)
    return rows


def test_project_grant_products_equal_an_sql_aggregate(
    demo: ServiceDemo, demo_uow: UnitOfWork
) -> None:
    project_grants = [gid for gid, status, project in grants(demo) if project and status in VOTED]
    assert project_grants  # the Légumerie
    with sqlite3.connect(demo.path) as db:
        for grant_id in project_grants:
            expected = sql_products(db, grant_id)
            report = build_cerfa_report(demo_uow, grant_id)
            printed = check_arithmetic(pdf_text(report, header=(report.pole.name,)))
            for row in report.produits + report.in_kind_produits:
                if row.level != "line" or row.code == "ressources_propres":
                    continue
                assert printed[row.code].actual == expected.get(row.code, 0), row.code
            for code in ("70", "73", "75", "76", "77", "78"):
                assert printed[code].actual == 0, code
            assert expected  # the grant itself at least


# --- the command line: only reports that make sense -----------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from ptce_desktop.app import main

    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_refuses_a_grant_not_voted_and_a_year_outside(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_demo(demo.path, tmp_path)
    out = tmp_path / "crf.pdf"
    for grant_id, status, _ in grants(demo):
        if status in VOTED:
            continue
        code, _, err = run_cli(
            capsys, "report", "cerfa-15059", "--db", str(path), "--grant", str(grant_id),
            "--out", str(out),
        )  # fmt: skip
        label = {"demandee": "Demandée", "refusee": "Refusée"}[status]
        assert code == 2 and f"« {label} »" in err and not out.exists()
    code, _, err = run_cli(
        capsys, "report", "cerfa-15059", "--db", str(path), "--grant", "3", "--year", "2024",
        "--out", str(out),
    )  # fmt: skip
    assert code == 2 and "2025, 2026" in err and not out.exists()
    before = []
    for year in ("2025", "2026"):
        target = tmp_path / f"crf-{year}.pdf"
        code, _, _ = run_cli(
            capsys, "report", "cerfa-15059", "--db", str(path), "--grant", "3", "--year", year,
            "--out", str(target),
        )  # fmt: skip
        assert code == 0
        before.append(target.read_bytes())
    assert before[0] != before[1]  # --year changes the report


def test_cli_lists_costs_without_a_cerfa_line_unless_allowed(
    demo: ServiceDemo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_demo(demo.path, tmp_path)
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        with uow.read() as session:
            service_id, project_id = session.execute(
                text("SELECT s.id, g.project_id FROM shared_services s, grants g "
                     "WHERE g.id = 3 AND s.category = 'Locaux' LIMIT 1")
            ).one()  # fmt: skip
        CostService(uow).create_cost(
            CostDraft(
                service_id=service_id, invoice_date=dt.date(2025, 10, 1),
                period_start=dt.date(2025, 10, 1), period_end=dt.date(2025, 10, 31),
                label="Loyer « légumerie » & <octobre>", ht_cents=120_000, vat_cents=0,
                ttc_cents=120_000, project_id=project_id,
            )
        )  # fmt: skip
    finally:
        database.close()
    out = tmp_path / "crf.pdf"
    args = ("report", "cerfa-15059", "--db", str(path), "--grant", "3", "--out", str(out))
    code, _, err = run_cli(capsys, *args)
    assert code == 2 and not out.exists()
    err = " ".join(err.split())  # U+00A0 in amounts
    assert "Loyer « légumerie » & <octobre>" in err and "1 200,00" in err
    assert "613 Locations" in err and "--allow-unclassified" in err
    code, _, _ = run_cli(capsys, *args, "--allow-unclassified")
    assert code == 0 and out.exists()
