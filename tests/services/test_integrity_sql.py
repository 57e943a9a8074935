"""``check`` in SQL (issue 18 item 2): the amount each cost must split is computed by the
database exactly as ``domain.vat.amount_to_split`` with the dated regime and registration,
and each SQLite pragma runs once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from support.faults_world import build_world

from ptce_desktop.domain.vat import amount_to_split
from ptce_desktop.services.pole import integrity
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import Cost, SharedService
from ptce_desktop.store.opening import open_pole_file

NAMES = ["Épicerie « L'Été » & <Fils>", "Café d'€urope", "Atelier " + "très long nom " * 10]


def _world(path: Path) -> None:
    with open_pole_file(path, create=True) as pole:
        build_world(pole.uow, NAMES)


def _date_the_vat(path: Path) -> None:
    """Dated regimes and registration that change within the costs' year."""
    connection = sqlite3.connect(path)
    try:
        first = connection.execute("SELECT min(period_start) FROM costs").fetchone()[0]
        later = (dt.date.fromisoformat(first) + dt.timedelta(days=40)).isoformat()
        service = connection.execute("SELECT min(service_id) FROM costs").fetchone()[0]
        connection.execute(
            "INSERT INTO service_vat_periods (service_id, valid_from, vat_regime, vat_rate_bp) "
            "VALUES (?, '1900-01-01', 'taxable', 2000), (?, ?, 'exempt_261b', 0)",
            (service, service, later),
        )
        connection.execute(
            "INSERT INTO pole_vat_periods (valid_from, vat_registered) "
            "VALUES ('1900-01-01', 1), (?, 0)",
            ((dt.date.fromisoformat(later) + dt.timedelta(days=60)).isoformat(),),
        )
        connection.execute("UPDATE costs SET ht_cents = ttc_cents - 1234, vat_cents = 1234")
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize("dated", [False, True])
def test_the_sql_amount_equals_the_domain_rule(db_path: Path, dated: bool) -> None:
    _world(db_path)
    if dated:
        _date_the_vat(db_path)
    with open_pole_file(db_path, read_only=True) as pole, pole.uow.read() as session:
        sql = dict(
            session.execute(
                select(Cost.id, integrity._expected_split()).join(
                    SharedService, SharedService.id == Cost.service_id
                )
            ).all()
        )
        python = {}
        amounts: dict[int, tuple[int, int]] = {}
        for cost in session.scalars(select(Cost)):
            service = session.get(SharedService, cost.service_id)
            regime = service_vat_on(session, service, cost.period_start)[0]
            registered = vat_registered_on(session, cost.period_start)
            python[cost.id] = amount_to_split(cost.ht_cents, cost.ttc_cents, regime, registered)
            amounts[cost.id] = (cost.ht_cents, cost.ttc_cents)
    assert sql == python and len(sql) >= 2
    if dated:  # the dates do change the basis: some costs split HT, others TTC
        bases = {"TTC" if sql[c] == amounts[c][1] else "HT" for c in sql}
        assert bases == {"HT", "TTC"}


def test_check_names_a_wrong_total_and_counts_the_others(db_path: Path) -> None:
    _world(db_path)
    connection = sqlite3.connect(db_path)
    try:
        costs = [row[0] for row in connection.execute("SELECT id FROM costs ORDER BY id")]
        connection.execute(
            "UPDATE shares SET cents = cents + 1 WHERE id = (SELECT min(id) FROM shares "
            "WHERE cost_id = ?)",
            (costs[0],),
        )
        connection.commit()
    finally:
        connection.close()
    report = integrity.check_database(db_path)
    [item] = [i for i in report.items if "Quotes-parts fausses" in i.text]
    assert not item.ok and f"charge n° {costs[0]} «" in item.text
    assert not report.ok


def test_each_pragma_runs_once(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _world(db_path)
    statements: list[str] = []
    real = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", traced)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", traced)
    report = integrity.check_database(db_path)
    assert report.ok, [item.text for item in report.items if not item.ok]
    pragmas = [s.strip().upper() for s in statements if "CHECK" in s.upper()]
    assert pragmas.count("PRAGMA INTEGRITY_CHECK") == 1
    assert pragmas.count("PRAGMA QUICK_CHECK") == 0  # integrity_check includes it
    assert pragmas.count("PRAGMA FOREIGN_KEY_CHECK") == 1
