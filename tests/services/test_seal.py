"""A seal on each closed year, and a ``check`` that recomputes (issue 12, item 3).

Each test fails on the code before issue 12: ``check`` only compared sums, so a share moved
between two members, or a REAL amount, passed as « sain ».
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from support.factories.costs import LONG_NAME, close_year, draft, make_key, make_service, seed_world

from ptce_desktop.app import main
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.pole.closing_checks import money_columns, money_trigger_names
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import CheckReport, check_database
from ptce_desktop.services.pole.seal import year_seal
from ptce_desktop.store.models import AuditEntry, FiscalYear
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
YEAR_2024 = {"invoice": D(2024, 12, 31), "start": D(2024, 1, 1), "end": D(2024, 12, 31)}


def _today() -> dt.date:
    return D(2026, 3, 1)


def _world(uow: UnitOfWork) -> tuple[tuple[int, ...], int]:
    """Three members (one with a very long name), a 2024 cost of 1 000 € split 1:2:3."""
    members = seed_world(uow).members
    key = make_key(
        uow, "units", dict(zip(members, (1, 2, 3), strict=True)), valid_from=D(2024, 1, 1)
    )
    service = make_service(uow, key, name="Locaux « Crest » & <co> — l'€")
    cost = CostService(uow).create_cost(draft(service, 1_000_00, **YEAR_2024))  # type: ignore[arg-type]
    return members, cost


def _failed(report: CheckReport) -> list[str]:
    return [item.text for item in report.items if not item.ok]


def _warnings(report: CheckReport) -> list[str]:
    return [item.text for item in report.items if item.warning]


def _sql(path: Path, statement: str, *values: object) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(statement, values)
        connection.commit()
    finally:
        connection.close()


def test_closing_stores_a_seal_that_check_verifies(uow: UnitOfWork) -> None:
    _world(uow)
    FiscalYearService(uow, today=_today).close(2024)
    with uow.read() as session:
        seal = session.scalars(select(FiscalYear.seal).where(FiscalYear.start_year == 2024)).one()
        assert seal is not None and len(seal) == 64
        assert seal == year_seal(session, 2024)
    report = check_database(uow.db.path)
    assert _failed(report) == [] and _warnings(report) == []
    texts = [item.text for item in report.items]
    assert "Sceaux : 1 exercice clôturé, son sceau est intact." in texts
    assert any(t.startswith("Quotes-parts recalculées : 1 charge répartie redonne") for t in texts)


def test_a_share_moved_between_members_is_caught(
    uow: UnitOfWork, capsys: pytest.CaptureFixture[str]
) -> None:
    members, cost = _world(uow)
    FiscalYearService(uow, today=_today).close(2024)
    path = uow.db.path
    uow.db.close()
    # 100 € moved from the third member to the first with an SQLite tool: sums still agree.
    _sql(path, "UPDATE shares SET cents = cents + 10000 WHERE cost_id = ? AND member_id = ?",
         cost, members[0])  # fmt: skip
    _sql(path, "UPDATE shares SET cents = cents - 10000 WHERE cost_id = ? AND member_id = ?",
         cost, members[2])  # fmt: skip
    failed = _failed(check_database(path))
    assert len(failed) == 2, failed
    recomputed, seal = failed
    assert recomputed.startswith("Quotes-parts différentes du recalcul")
    assert f"charge n° {cost} « Loyer « bureau » & <co> — l'€ » (2024)" in recomputed
    assert "Dupont & Fils <SARL> 266,67\xa0€ au lieu de 166,67\xa0€" in recomputed
    assert f"{LONG_NAME} 400,00\xa0€ au lieu de 500,00\xa0€" in recomputed
    assert seal.startswith("Sceau rompu : les données de l'exercice clôturé 2024")
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "ÉCHEC" in out and "Sceau rompu" in out and "Des problèmes ont été trouvés." in out


def test_a_real_amount_is_named_by_check_and_refused_by_the_services(uow: UnitOfWork) -> None:
    members, _cost = _world(uow)
    payments = PaymentService(uow)
    with pytest.raises(PtceError) as caught:
        payments.record_payment(members[0], D(2025, 2, 1), 10.5, "virement", None, None)  # type: ignore[arg-type]
    assert caught.value.code == "money_not_integer"
    assert "10.5" in caught.value.message("fr") and "centimes" in caught.value.message("fr")
    view = payments.record_payment(
        members[0], D(2025, 2, 1), 1050, "virement", "« Vir » & <1>", None
    )
    path = uow.db.path
    uow.db.close()
    # The file refuses it itself (migration 0009)…
    with pytest.raises(sqlite3.IntegrityError, match=r"money_not_integer: payments\.amount_cents"):
        _sql(path, "UPDATE payments SET amount_cents = 1050.5 WHERE id = ?", view.id)
    # …but a file may hold one from before: written while the trigger did not exist.
    _sql(path, "DROP TRIGGER money_integer_payments_amount_cents_update")
    _sql(path, "UPDATE payments SET amount_cents = 1050.5 WHERE id = ?", view.id)
    report = check_database(path)
    assert _warnings(report) == [
        "Attention, colonnes de montants sans protection contre les montants non entiers : "
        "payments.amount_cents"
    ]
    failed = _failed(report)
    assert failed == [
        "Montants qui ne sont pas des centimes entiers : le règlement n° "
        f"{view.id} (payments.amount_cents) = 1050.5 [real], à corriger au centime"
    ]


def test_every_money_column_is_checked() -> None:
    columns = {(cls.__tablename__, name) for cls, name in money_columns()}
    assert {("payments", "amount_cents"), ("shares", "cents"), ("costs", "ttc_cents")} <= columns
    assert ("members", "id") not in columns


def test_a_year_closed_without_a_seal_is_a_warning(
    uow: UnitOfWork, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(uow)
    close_year(uow, 2024)  # as a file closed before seals existed
    report = check_database(uow.db.path)
    assert report.ok
    assert _warnings(report) == [
        "Attention, exercice clôturé sans sceau (clôturé avant cette version) : 2024. "
        "Rouvrez puis clôturez l'exercice pour le sceller."
    ]
    path = uow.db.path
    uow.db.close()
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Le fichier est sain." in out and "  avert  Attention, exercice clôturé" in out


def test_reopening_asks_a_reason_is_audited_and_drops_the_seal(uow: UnitOfWork) -> None:
    _world(uow)
    years = FiscalYearService(uow, today=_today)
    years.close(2024)
    with pytest.raises(PtceError) as caught:
        years.reopen(2024, reason="")
    assert caught.value.code == "reopen_reason_required"
    assert "journal des modifications" in caught.value.message("fr")
    years.reopen(2024, reason="Facture « EDF » & <co> oubliée")
    with uow.read() as session:
        row = session.scalars(select(FiscalYear).where(FiscalYear.start_year == 2024)).one()
        assert (row.closed_at, row.seal) == (None, None)
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "fiscal_years")
        ).all()
    assert actions[-1] == "Rouvrir l'exercice : Facture « EDF » & <co> oubliée"
    years.close(2024)
    assert _failed(check_database(uow.db.path)) == []


def test_every_money_column_is_guarded_by_the_file_itself(uow: UnitOfWork) -> None:
    """A migration that rebuilds a money table must create its two triggers again."""
    with uow.read() as session:
        triggers = set(
            session.connection()
            .exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
        )
    missing = [
        f"{cls.__tablename__}.{column}"
        for cls, column in money_columns()
        if not set(money_trigger_names(cls.__tablename__, column)) <= triggers
    ]
    assert missing == []
    path = uow.db.path
    uow.db.close()
    with pytest.raises(sqlite3.IntegrityError, match=r"money_not_integer: shares\.cents"):
        _sql(path, "INSERT INTO shares (cost_id, member_id, cents) VALUES (1, 1, 0.5)")
