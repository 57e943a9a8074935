"""The accountant's FEC journal (#14), read back as an accountant checks it: 18 columns, every
entry and every journal-and-date balanced, a continuous entry sequence, and the file's totals
equal to the year's calls, payments, instalments and redistributions (the demo's 2025)."""

from __future__ import annotations

import collections
import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.factories.demo import ServiceDemo, copy_demo, service_demo

from ptce_desktop.app import main
from ptce_desktop.domain.billing import Billing
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.exchange.fec import COLUMNS, entries, export_fec
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.pole.accounting import (
    AccountingService,
    AccountingSettings,
)
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Instalment, Redistribution
from ptce_desktop.store.unit_of_work import UnitOfWork


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ServiceDemo:
    return service_demo(tmp_path_factory)


def _cents(text: str) -> int:
    whole, _, part = text.partition(",")
    assert len(part) == 2 and whole.lstrip("-").isdigit(), text
    return int(whole) * 100 + int(part)


def _read(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _year_figures(uow: UnitOfWork, year: int) -> dict[str, int]:
    with uow.read() as session:
        instalments = session.scalar(
            select(func.sum(Instalment.amount_cents)).where(
                Instalment.date.between(f"{year}-01-01", f"{year}-12-31")
            )
        )
        passed = session.scalar(
            select(func.sum(Redistribution.amount_cents)).where(
                Redistribution.date.between(f"{year}-01-01", f"{year}-12-31")
            )
        )
    return {
        "called": sum(
            c.total_cents
            for near in (year - 1, year, year + 1)
            for c in CallService(uow).list_calls(near)
            if c.issue_date.year == year
        ),
        "paid": sum(p.amount_cents for p in PaymentService(uow).list_payments(year)),
        "instalments": int(instalments or 0),
        "passed": int(passed or 0),
    }


def test_demo_fec_balances_and_matches_the_year(demo: ServiceDemo, tmp_path: Path) -> None:
    database = open_database(demo.path, read_only=True)
    try:
        uow = UnitOfWork(database)
        result = export_fec(uow, tmp_path, 2025)
        figures = _year_figures(uow, 2025)
        siret = PoleService(uow).get().siret  # type: ignore[union-attr]
    finally:
        database.close()
    assert result.path.name == f"{siret[:9]}FEC20251231.txt"
    rows = _read(result.path)
    assert tuple(rows[0]) == COLUMNS and all(len(r) == 18 for r in rows)
    body = rows[1:]
    by_entry: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    by_day: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    by_account: dict[tuple[str, str], int] = collections.Counter()
    for r in body:
        debit, credit = _cents(r[11]), _cents(r[12])
        assert (debit == 0) != (credit == 0), r  # one side per line, never both, never none
        assert r[3] == r[9] == r[15] and len(r[3]) == 8 and r[3].startswith("2025")
        assert r[4][:3].isdigit()
        by_entry[r[2]][0] += debit
        by_entry[r[2]][1] += credit
        by_day[(r[0], r[3])][0] += debit
        by_day[(r[0], r[3])][1] += credit
        by_account[(r[0], r[4])] += debit - credit
    assert all(d == c for d, c in by_entry.values())
    assert all(d == c for d, c in by_day.values())
    assert sorted(map(int, by_entry)) == list(range(1, len(by_entry) + 1))
    assert len(by_entry) == result.entry_count and len(body) == result.line_count
    assert result.total_cents == sum(_cents(r[11]) for r in body)
    # the file's totals are the year's figures
    assert figures["called"] > 0 and figures["paid"] > 0 and figures["passed"] > 0
    assert by_account[("VT", "411")] == figures["called"]
    assert -by_account[("BQ", "411")] == figures["paid"]
    assert by_account[("BQ", "657")] == figures["passed"]
    assert -by_account[("BQ", "740")] == figures["instalments"]
    assert by_account[("BQ", "512")] == figures["paid"] + figures["instalments"] - figures["passed"]
    revenue = ("706", "708", "7088", "7061", "44571")
    assert -sum(by_account[("VT", account)] for account in revenue) == figures["called"]
    assert {a for j, a in by_account if j == "VT"} <= {"411", *revenue}


def test_every_entry_balances(demo: ServiceDemo) -> None:
    database = open_database(demo.path, read_only=True)
    try:
        found = entries(UnitOfWork(database), 2025)
    finally:
        database.close()
    assert {e.source for e in found} == {"call", "payment", "instalment", "redistribution"}
    for entry in found:
        sides = entry.sides()
        assert len(sides) >= 2
        assert sum(d for _, d, _ in sides) == sum(c for _, _, c in sides), entry


def test_accounts_and_journals_come_from_the_settings(demo: ServiceDemo, tmp_path: Path) -> None:
    path = copy_demo(demo.path, tmp_path)
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        service = AccountingService(uow)
        assert service.get() == AccountingSettings()
        with pytest.raises(PtceError) as bad:
            service.set(AccountingSettings(bank_account="BANQUE"))
        assert "BANQUE" in bad.value.message("fr")
        service.set(AccountingSettings(members_account="411000", bank_account="5121 ",
                                       sales_journal="APF", bank_journal="BQ1"))  # fmt: skip
        assert service.get().bank_account == "5121"
        result = export_fec(uow, tmp_path / "journal l'€.txt", 2025)
    finally:
        database.close()
    rows = _read(result.path)[1:]
    assert {r[0] for r in rows} == {"APF", "BQ1"}
    assert {r[4] for r in rows} >= {"411000", "5121", "706", "657"}
    assert "411" not in {r[4] for r in rows} and "512" not in {r[4] for r in rows}


def test_folder_needs_the_siren_and_cli(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(db_path)
    try:
        PoleService(UnitOfWork(database)).create_pole("Pôle sans SIRET & <l'€>", None, 1)
    finally:
        database.close()
    out = tmp_path / "dossier"
    out.mkdir()
    assert main(["export", "fec", str(out), "--year", "2025", "--db", str(db_path)]) == 2
    assert "SIREN du pôle" in capsys.readouterr().err
    assert list(out.iterdir()) == []
    file = out / "fec.txt"
    assert main(["export", "fec", str(file), "--year", "2025", "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert "(0 écriture, 0 ligne," in said and "0,00\u00a0€" in said
    assert file.read_text("utf-8").splitlines() == ["\t".join(COLUMNS)]


def test_surcharges_and_fees_get_their_own_accounts(uow: UnitOfWork, tmp_path: Path) -> None:
    import datetime as dt

    from support.factories.calls import seed_members, seed_pole, seed_service, seed_units_key

    seed_pole(uow, vat_registered=True)
    members = seed_members(uow, 3)
    key_id = seed_units_key(uow, dict(zip(members, (120, 80, 50), strict=True)))
    service_id = seed_service(uow, key_id, {2025: 1_200_000}, name="Personnel « GE » & <co>",
                              vat_regime="taxable", vat_rate_bp=2000)  # fmt: skip
    SharedServiceService(uow).set_billing_term(service_id, None, Billing(15_000, 600))
    CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=dt.date(2025, 1, 5), due_date=dt.date(2025, 1, 31)
    )
    found = [e for e in entries(uow, 2025) if e.source == "call"]
    assert len(found) == 3 and all(e.balanced() for e in found)
    credited: dict[str, int] = collections.Counter()
    for entry in found:
        for line, debit, credit in entry.sides():
            credited[line.account] += credit - debit
    # base 300 000, surcharge 150 000, fee 18 000 for the quarter; VAT 20 % on each
    assert credited == {
        "members_account": -(468_000 + 93_600),
        "calls_account": 300_000,
        "surcharge_account": 150_000,
        "fee_account": 18_000,
        "vat_account": 93_600,
    }
    rows = _read(export_fec(uow, tmp_path / "fec.txt", 2025).path)[1:]
    assert {r[4] for r in rows} == {"411", "706", "7088", "7061", "44571"}
