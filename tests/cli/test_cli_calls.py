"""``ptce-desktop calls preview|issue``: the preview writes nothing and is what issuing writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.factories.calls import (
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
)

from ptce_desktop.app import main
from ptce_desktop.domain.billing import Billing
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Call
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


@pytest.fixture
def calls_db(db_path: Path) -> Path:
    """Three members by m², a taxable service with a coefficient 1,5 and a 6 % fee."""
    db = open_database(db_path)
    try:
        uow = UnitOfWork(db)
        seed_pole(uow, vat_registered=True, iban="FR7630006000011234567890189")
        members = seed_members(uow, 3)
        key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
        service_id = seed_service(
            uow,
            key_id,
            {2025: 1_200_000},
            name="Personnel mutualisé & <GE> l'€",
            vat_regime="taxable",
            vat_rate_bp=2000,
        )
        SharedServiceService(uow).set_billing_term(service_id, None, Billing(15_000, 600))
    finally:
        db.close()
    return db_path


def _calls(db_path: Path) -> int:
    db = open_database(db_path, read_only=True)
    try:
        with UnitOfWork(db).read() as session:
            return int(session.scalar(select(func.count(Call.id))) or 0)
    finally:
        db.close()


def test_preview_shows_each_kind_and_writes_nothing(
    calls_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["calls", "preview", "--year", "2025", "--quarter", "1", "--db", str(calls_db)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Aperçu des appels de fonds — T1 2025 (rien n'est écrit)" in out
    assert "Atelier Dupont & Fils <SARL>" in out
    for kind in (
        "Trimestre",
        "Majoration (coefficient)",
        "Frais de gestion",
        "TVA",
        "Total du membre",
    ):
        assert kind in out
    # member 1: 144 000 + 72 000 + 8 640 = 224 640, VAT 44 928 → 2 695,68 €
    assert "2\xa0695,68\xa0€" in out
    # the grand total: (300 000 + 150 000 + 18 000) × 1,2 = 561 600
    assert "Total : 3 appels" in out and "5\xa0616,00\xa0€" in out
    assert _calls(calls_db) == 0


def test_issue_without_yes_asks_and_writes_nothing(
    calls_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "calls",
            "issue",
            "--year",
            "2025",
            "--quarter",
            "1",
            "--issue-date",
            "05/01/2025",
            "--due-date",
            "31/01/2025",
            "--db",
            str(calls_db),
        ]
    )
    out = capsys.readouterr().out
    assert status == 1
    assert "Émettre 3 appels pour 5\xa0616,00\xa0€ ?" in out
    assert _calls(calls_db) == 0


def test_issue_with_yes_writes_what_the_preview_showed(
    calls_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["calls", "preview", "--year", "2025", "--quarter", "2", "--db", str(calls_db)])
    preview = capsys.readouterr().out
    status = main(
        [
            "calls",
            "issue",
            "--year",
            "2025",
            "--quarter",
            "2",
            "--issue-date",
            "01/04/2025",
            "--due-date",
            "30/04/2025",
            "--yes",
            "--db",
            str(calls_db),
        ]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.startswith(preview)  # the same table, then the result
    assert "3 appels émis (AF-2025-0001 … AF-2025-0003) pour 5\xa0616,00\xa0€." in out
    assert _calls(calls_db) == 3
    # a second issue of the same quarter is refused, in French, exit 2
    status = main(["calls", "preview", "--year", "2025", "--quarter", "2", "--db", str(calls_db)])
    err = capsys.readouterr().err
    assert status == 2 and "déjà été émis pour T2 2025" in err


def test_a_missing_budget_is_refused_before_anything(
    calls_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["calls", "preview", "--year", "2026", "--quarter", "1", "--db", str(calls_db)])
    captured = capsys.readouterr()
    assert status == 2
    assert "Aucun budget" in captured.err or "Budget de l'exercice" in captured.err
    assert "Aperçu" not in captured.out


def test_one_of_quarter_true_up_or_exceptional_is_required(
    calls_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["calls", "preview", "--year", "2025", "--db", str(calls_db)])
    assert status == 2
    assert "Précisez --quarter N, --true-up ou --exceptional." in capsys.readouterr().err


def test_issue_writes_one_pdf_per_member_with_out(
    calls_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "envois « T1 » & <co>"
    status = main(
        [
            "calls",
            "issue",
            "--year",
            "2025",
            "--quarter",
            "1",
            "--issue-date",
            "05/01/2025",
            "--due-date",
            "31/01/2025",
            "--yes",
            "--out",
            str(out),
            "--db",
            str(calls_db),
        ]
    )
    text = capsys.readouterr().out
    assert status == 0, text
    assert "3 PDF et 0 message .eml écrits" in text
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "appels-AF-2025-0001-a-AF-2025-0003.pdf",
        "atelier-dupont-fils-sarl-AF-2025-0001.pdf",
        "bureau-l-epicerie-solidaire-1-234-56-AF-2025-0002.pdf",
        "cooperative-societe-cooperative-d-intere-AF-2025-0003.pdf",
    ]
