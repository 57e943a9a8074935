"""Exports (#14): what ``export KIND`` writes, ``import KIND`` reads back — the same data, for
every import kind and every format — and text that would start a formula is neutralised in
text cells only, read back from the written XLSX, ODS and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_desktop.cli.summary import summary_lines
from ptce_desktop.exchange.apply import run_import
from ptce_desktop.exchange.export.formats import csv_text, write_sheet
from ptce_desktop.exchange.export.sheet import Column, ColumnType, Sheet
from ptce_desktop.exchange.export.tables import EXPORT_KINDS, build, export_table
from ptce_desktop.exchange.prepare import ImportOptions
from ptce_desktop.exchange.readers import read_table
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.keys.views import KeyDraft, UsageDraft
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from tests.exchange.conftest import EPICERIE, LONG_NAME
from tests.exchange.test_pole_from_files import _by_hand

POLE = "Pôle Sud & Drôme <test> — l'€"
FORMULA = '=HYPERLINK("http://example.org";"clic")'
#: names that start like a formula: neutralised on export, restored on import
TRICKY = (FORMULA, "+33 & <plus>", "-moins l'€", "@SOMME(A1)")
USAGE_KEY = "Heures d'atelier <usage> & co"
#: every import kind, in the order a pole is set up from files
ORDER = (
    "members", "keys", "services", "budgets", "member-figures", "usage", "costs", "payments",
    "grant-instalments",
)  # fmt: skip
FUNDER = "Région Auvergne-Rhône-Alpes & <Drôme>"
GRANT = "=Soutien PTCE 2025 l'€ & <x>"


def _grant(uow: UnitOfWork) -> int:
    """The import records instalments of grants entered by hand: the same grant in both."""
    from ptce_desktop.services.grants.funders import FunderDraft, FunderService
    from ptce_desktop.services.grants.grants import GrantService
    from ptce_desktop.services.grants.views import GrantDraft

    funder = FunderService(uow).create_funder(FunderDraft(name=FUNDER, type="region"))
    return GrantService(uow).create_grant(
        GrantDraft(funder_id=funder.id, title=GRANT, amount_voted_cents=3_000_000,
                   status="votee", period_start=dt.date(2025, 1, 1),
                   period_end=dt.date(2025, 12, 31))
    ).id  # fmt: skip


def _source(uow: UnitOfWork) -> None:
    PoleService(uow).create_pole(POLE, "Drôme & Ardèche", 1)
    _by_hand(uow)
    members = MemberService(uow)
    ids = {m.name: m.id for m in members.list_members(year=2025)}
    for name in TRICKY:
        ids[name] = members.create(
            MemberDraft(name=name, category="research", joined_on=dt.date(2025, 3, 1),
                        city="Crest & <Die>", qpv=True, notes="=1+2 ; l'€")
        ).id  # fmt: skip
    members.set_year_figures(
        ids[EPICERIE], 2025, headcount=12, etp_milli=10_500, jobs_created=2,
        jobs_maintained=9, volunteers=31, turnover_cents=123_456_789,
    )  # fmt: skip
    members.set_year_figures(ids[LONG_NAME], 2025, etp_milli=333, turnover_cents=150)
    keys = KeyService(uow)
    usage = keys.create_key(KeyDraft(name=USAGE_KEY, method="usage"))
    for day, name, quantity in ((dt.date(2025, 1, 15), EPICERIE, 12_500),
                                (dt.date(2025, 2, 1), FORMULA, 3_125),
                                (dt.date(2025, 12, 31), LONG_NAME, 1)):  # fmt: skip
        keys.add_usage(UsageDraft(key_id=usage, member_id=ids[name], on=day,
                                  quantity_milli=quantity, note="-relevé & <1>"))  # fmt: skip
    PaymentService(uow).record_payment(
        ids[FORMULA], dt.date(2025, 6, 30), 1_234_567, "virement", "=VIR 42", "@note"
    )
    from ptce_desktop.services.grants.grants import GrantService
    from ptce_desktop.services.grants.views import InstalmentDraft

    grant = _grant(uow)
    grants = GrantService(uow)
    grants.add_instalment(grant, InstalmentDraft(dt.date(2025, 4, 2), 1_500_000, "-Acompte 50 %"))
    grants.add_instalment(grant, InstalmentDraft(dt.date(2025, 11, 30), 999_999, None))


@pytest.fixture
def two_poles(tmp_path: Path) -> Iterator[tuple[UnitOfWork, UnitOfWork]]:
    source = open_database(tmp_path / "source & <l'€>.sqlite3", create=True)
    target = open_database(tmp_path / "cible.sqlite3", create=True)
    try:
        _source(UnitOfWork(source))
        target_uow = UnitOfWork(target)
        PoleService(target_uow).create_pole(POLE, "Drôme & Ardèche", 1)
        # the import creates keys by units or percentages only: a usage key is made by hand
        KeyService(target_uow).create_key(KeyDraft(name=USAGE_KEY, method="usage"))
        _grant(target_uow)
        yield UnitOfWork(source), target_uow
    finally:
        source.close()
        target.close()


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
def test_every_import_kind_round_trips(
    two_poles: tuple[UnitOfWork, UnitOfWork], tmp_path: Path, suffix: str
) -> None:
    source, target = two_poles
    for kind in ORDER:
        path = tmp_path / f"{kind} & <l'€>{suffix}"
        written = export_table(source, kind, path, 2025)
        assert written.rows, kind
        result = run_import(target, kind, path, ImportOptions())
        assert result.errors == (), (kind, [e.text() for e in result.errors])
        assert result.written and result.ignored_columns == (), kind
    for kind in ORDER:
        assert build(target, kind, 2025).rows == build(source, kind, 2025).rows, kind
    assert summary_lines(SummaryService(target).year_summary(2025)) == summary_lines(
        SummaryService(source).year_summary(2025)
    )
    names = [row[0] for row in build(target, "members", 2025).rows]
    assert set(TRICKY) <= set(names) and LONG_NAME in names  # restored literally


def test_round_trip_would_fail_on_a_changed_amount(
    two_poles: tuple[UnitOfWork, UnitOfWork], tmp_path: Path
) -> None:
    """The comparison above is not vacuous: one cent changed in the file shows."""
    source, target = two_poles
    for kind in ORDER[:4]:
        path = tmp_path / f"{kind}.csv"
        export_table(source, kind, path, 2025)
        if kind == "budgets":
            text = path.read_text("utf-8-sig").replace("18000,00", "18000,01")
            path.write_text(text, "utf-8-sig")
        assert run_import(target, kind, path).written
    assert build(target, "budgets", 2025).rows != build(source, "budgets", 2025).rows


def _tricky_sheet() -> Sheet:
    columns = (
        Column("Nom"), Column("Montant", ColumnType.MONEY), Column("Date", ColumnType.DATE),
        Column("Part", ColumnType.PERCENT), Column("m²", ColumnType.UNITS),
    )  # fmt: skip
    rows = [(text, -1250, dt.date(2025, 2, 28), 1250, 120_500) for text in TRICKY]
    rows += [("\tTabulation", 0, None, 10_000, 1), ("\rRetour", 999_999_99, None, 1, 0)]
    rows += [("Ni = ni + : sans risque", 1, None, None, None)]
    return Sheet.of("Essai [1/2] : l'€ & <x>", columns, rows)


def _expected_texts() -> list[str]:
    return [*("'" + t for t in TRICKY), "'\tTabulation", "'\rRetour", "Ni = ni + : sans risque"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_formulas_neutralised_in_workbooks(tmp_path: Path, suffix: str) -> None:
    import python_calamine as calamine

    path = write_sheet(_tricky_sheet(), tmp_path / f"essai{suffix}")
    workbook = calamine.CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python()
    workbook.close()
    assert rows[0] == ["Nom", "Montant", "Date", "Part", "m²"]
    texts = _expected_texts()
    if suffix == ".ods":  # calamine drops ODF's <text:tab/> and line breaks: compare the rest
        texts = [t.replace("\t", "").replace("\r", "") for t in texts]
        rows = [[r[0].replace("\r", "").replace("\n", ""), *r[1:]] for r in rows]
    assert [r[0] for r in rows[1:]] == texts
    # numbers stay numbers, negative ones included: never neutralised
    assert [r[1] for r in rows[1:]] == [-12.5] * 4 + [0.0, 999_999.99, 0.01]
    assert rows[1][2] in (dt.date(2025, 2, 28), dt.datetime(2025, 2, 28))
    assert rows[1][3] == pytest.approx(0.125) and rows[5][3] == 100.0
    assert rows[1][4] == 120.5
    if suffix == ".xlsx":  # no cell of the file is a formula
        import zipfile

        with zipfile.ZipFile(path) as archive:
            assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
            assert b'ySplit="1"' in archive.read("xl/worksheets/sheet1.xml")  # frozen header


def test_formulas_neutralised_in_csv(tmp_path: Path) -> None:
    path = write_sheet(_tricky_sheet(), tmp_path / "essai.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, what Excel needs
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r[0] for r in rows[1:]] == _expected_texts()
    assert [r[1] for r in rows[1:]] == ["-12,50"] * 4 + ["0,00", "999999,99", "0,01"]
    assert rows[1][2:] == ["28/02/2025", "12,50 %", "120,5"]
    assert rows[5][3] == "100,00 %"
    # and the import reads the texts back as they were
    table = read_table(path)
    assert table.delimiter == ";" and table.encoding == "utf-8-sig"
    assert csv_text(_tricky_sheet()).count("\r\n") == len(_tricky_sheet().rows) + 1


def test_every_table_exports_from_the_demo_style_pole(
    two_poles: tuple[UnitOfWork, UnitOfWork], tmp_path: Path
) -> None:
    source, _ = two_poles
    for kind in EXPORT_KINDS:
        sheet = export_table(source, kind, tmp_path / f"{kind}.xlsx", 2025)
        assert all(len(row) == len(sheet.columns) for row in sheet.rows), kind
    shares = build(source, "shares", 2025)
    total = shares.rows[-1]
    assert total[0] == "Total"
    assert total[-1] == sum(total[2:6])
    assert total[-1] == SummaryService(source).year_summary(2025).shares_cents


def test_grant_instalments_import_names_the_grant(pole_uow: UnitOfWork, tmp_path: Path) -> None:
    from ptce_desktop.services.grants.funders import FunderDraft, FunderService
    from ptce_desktop.services.grants.grants import GrantService
    from ptce_desktop.services.grants.views import GrantDraft
    from tests.exchange.conftest import write_csv

    first = _grant(pole_uow)
    other = FunderService(pole_uow).create_funder(
        FunderDraft(name="Département l'€", type="departement")
    )
    GrantService(pole_uow).create_grant(GrantDraft(funder_id=other.id, title=GRANT))
    rows = [["Subvention", "Date", "Montant"], [GRANT, "02/04/2025", "1 000,00"],
            ["Inconnue & <x>", "03/04/2025", "5"]]  # fmt: skip
    result = run_import(pole_uow, "grant-instalments", write_csv(tmp_path / "v.csv", rows))
    assert [(e.row, e.code) for e in result.errors] == [
        (2, "import_ambiguous_grant"), (3, "import_unknown_grant"),
    ]  # fmt: skip
    assert not result.written
    rows = [["Subvention", "Financeur", "Date", "Montant", "Référence"],
            [GRANT.upper(), FUNDER, "02/04/2025", "1 000,00", "Virement & <1>"]]  # fmt: skip
    result = run_import(pole_uow, "grant-instalments", write_csv(tmp_path / "w.csv", rows))
    assert result.errors == () and result.written
    [instalment] = GrantService(pole_uow).grant_detail(first).instalments
    assert (instalment.amount_cents, instalment.reference) == (100_000, "Virement & <1>")
