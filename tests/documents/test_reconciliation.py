"""The reconciliation suite (#10 item 8): documents add up on their face, and their figures are
the store's.

For the demo pole (built by :func:`build_demo` into a temporary file) and for seeded random
poles (a fiscal year starting in July, avoirs, refunds, payments dated in the next year):

* **every relevé** (each member × each fiscal year with a call or a payment) is printed and read
  back from the PDF with pypdf, each amount placed in its column by its position on the page:
  the movements add up to the printed « Total » of their column, opening balance + appelé −
  réglé = closing balance in the balance box (every amount in the column of its direction),
  and each call's « Montant − Réglé = Reste dû », row by row and in the totals;
* **read-model figures equal an independent SQL aggregate** written here in plain SQL over the
  file (sqlite3, not the services): the relevé's opening balance, appelé, réglé; each grant's
  received and passed on, for the exercice and to date, in the redistribution report; and the
  printed relevé figures equal those aggregates too.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from support.factories.calls import (
    seed_cost,
    seed_members,
    seed_pole,
    seed_service,
    seed_units_key,
)

from ptce_desktop.documents.builders.redistribution import build_redistribution_data
from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.documents.statement import StatementData
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.reports.statement import build_statement
from ptce_desktop.reports.styles import CONTENT_WIDTH, MARGIN_LEFT
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.models import Cost, Pole, Share
from ptce_desktop.store.unit_of_work import UnitOfWork

GENERATED = dt.date(2027, 6, 1)
# pypdf reads the no-break spaces of amounts back as plain spaces
AMOUNT = re.compile(r"^([−-]?)(\d{1,3}(?:[ \u00a0]\d{3})*),(\d{2})[ \u00a0]€$")


# --- reading a PDF back: text fragments with their position ------------------------------------


@dataclass(frozen=True)
class Fragment:
    page: int
    x: float
    y: float
    text: str

    @property
    def cents(self) -> int | None:
        found = AMOUNT.match(self.text.strip())
        if found is None:
            return None
        sign, units, decimals = found.groups()
        value = int(units.replace("\u00a0", "").replace(" ", "")) * 100 + int(decimals)
        return -value if sign else value


def fragments(pdf: bytes) -> list[Fragment]:
    """Every text shown, in reading order (page, then top to bottom, then left to right)."""
    found: list[Fragment] = []
    for number, page in enumerate(PdfReader(BytesIO(pdf)).pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Fragment(number, x, y, text.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
    return sorted(found, key=lambda f: (f.page, -round(f.y), f.x))


def rows(items: list[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped in table rows (same page, same baseline within 1 pt)."""
    grouped: list[list[Fragment]] = []
    for item in items:
        if grouped and grouped[-1][0].page == item.page and abs(grouped[-1][0].y - item.y) < 1:
            grouped[-1].append(item)
        else:
            grouped.append([item])
    return grouped


def column(x: float, weights: tuple[float, ...]) -> int:
    """The column of a data table (relative ``weights`` over the content width) holding x."""
    edge = MARGIN_LEFT
    for index, weight in enumerate(weights):
        edge += CONTENT_WIDTH * weight / sum(weights)
        if x < edge:
            return index
    return len(weights) - 1


def between(items: list[Fragment], start: str, end: str) -> list[Fragment]:
    first = next(i for i, f in enumerate(items) if f.text.startswith(start))
    last = next(i for i, f in enumerate(items) if i > first and f.text.startswith(end))
    return items[first + 1 : last]


# --- the face of a relevé ------------------------------------------------------------------------

_MOVEMENTS = (0.95, 1.35, 3.6, 1.25, 1.25)  # reports/statement.py, the account table
_BALANCE = (0.6, 0.2, 0.2)
_CALLS = (1.35, 1.7, 0.95, 1.25, 1.3, 1.3)


@dataclass(frozen=True)
class Face:
    """The figures a reader finds on a relevé, each read from its column."""

    movements_called: list[int]
    movements_paid: list[int]
    total_called: int
    total_paid: int
    #: Balance box rows: label -> (à votre charge, en votre faveur).
    box: dict[str, tuple[int, int]]
    closing_label: str


def read_face(pdf: bytes) -> Face:
    items = fragments(pdf)
    account = rows(between(items, "Compte de l'exercice", "Situation du compte"))
    called: list[int] = []
    paid: list[int] = []
    total: tuple[int, int] | None = None
    for row in account:
        amounts = [(column(f.x, _MOVEMENTS), f.cents) for f in row if f.cents is not None]
        if not amounts:
            continue
        if row[0].text == "Total":
            total = (
                sum(c for col, c in amounts if col == 3 and c is not None),
                sum(c for col, c in amounts if col == 4 and c is not None),
            )
            continue
        assert total is None, "a movement after the total"
        for col, cents in amounts:
            assert cents is not None and col in (3, 4), (row, col)
            (called if col == 3 else paid).append(cents)
    assert total is not None or not (called or paid)
    box: dict[str, tuple[int, int]] = {}
    closing = ""
    end = "Appels de fonds de l'exercice"
    tail = items[next(i for i, f in enumerate(items) if f.text == "Situation du compte") :]
    for row in rows(tail):
        label = row[0].text
        if label.startswith(end):
            break
        if label == "Situation du compte":
            continue
        charge = sum(
            f.cents or 0 for f in row if f.cents is not None and column(f.x, _BALANCE) == 1
        )
        favour = sum(
            f.cents or 0 for f in row if f.cents is not None and column(f.x, _BALANCE) == 2
        )
        for key in ("Solde d'ouverture", "Appelé", "Réglé", "Totaux", "Solde de clôture"):
            if label.startswith(key):
                box[key] = (charge, favour)
                if key == "Solde de clôture":
                    closing = label
    return Face(called, paid, total[0] if total else 0, total[1] if total else 0, box, closing)


def check_face(face: Face, model: StatementData) -> None:
    """The page adds up by itself, and says what the read model says."""
    assert sum(face.movements_called) == face.total_called
    assert sum(face.movements_paid) == face.total_paid
    charge = {key: value[0] for key, value in face.box.items()}
    favour = {key: value[1] for key, value in face.box.items()}
    assert all(value >= 0 for value in (*charge.values(), *favour.values())), face.box
    assert charge["Appelé"] - favour["Appelé"] == face.total_called
    assert favour["Réglé"] - charge["Réglé"] == face.total_paid
    parts = ("Solde d'ouverture", "Appelé", "Réglé")
    assert charge["Totaux"] == sum(charge[key] for key in parts)
    assert favour["Totaux"] == sum(favour[key] for key in parts)
    closing = charge["Solde de clôture"] - favour["Solde de clôture"]
    assert closing == charge["Totaux"] - favour["Totaux"]
    assert 0 in face.box["Solde de clôture"]  # one column only
    if closing > 0:
        assert "reste dû" in face.closing_label
    elif closing < 0:
        assert "en votre faveur" in face.closing_label
    # … and the page says what the read model says
    opening = charge["Solde d'ouverture"] - favour["Solde d'ouverture"]
    assert (opening, face.total_called, face.total_paid, closing) == (
        model.opening_balance_cents,
        model.called_cents,
        model.paid_cents,
        model.closing_balance_cents,
    )


def check_calls_table(pdf: bytes, model: StatementData) -> None:
    """« Montant − Réglé = Reste dû » on every call row and in the totals."""
    if not model.calls:
        return
    items = fragments(pdf)
    table = rows(between(items, "Appels de fonds de l'exercice", "Détail des appels par service"))
    sums = [0, 0, 0]
    seen = 0
    for row in table:
        amounts = [f.cents for f in row if f.cents is not None and column(f.x, _CALLS) >= 3]
        if len(amounts) != 3:
            continue
        amount, settled, left = (a or 0 for a in amounts)
        assert amount - settled == left, row
        if row[0].text == "Total":
            assert [amount, settled, left] == sums
            seen += 1
        else:
            sums = [sums[0] + amount, sums[1] + settled, sums[2] + left]
    assert seen == 1


# --- independent SQL ------------------------------------------------------------------------------


def sql_account(path: Path, member_id: int, year: int) -> tuple[int, int, int]:
    """(opening, appelé, réglé) of a member's fiscal year, in plain SQL over the file."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        (month,) = connection.execute("SELECT fiscal_year_start_month FROM poles").fetchone()
        start = dt.date(year, month, 1)
        end = dt.date(year + (month > 1), (month - 2) % 12 + 1, 1)  # first day of the last month
        end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)

        def one(query: str, *args: object) -> int:
            return int(connection.execute(query, args).fetchone()[0] or 0)

        called_before = one(
            "SELECT SUM(l.ttc_cents) FROM call_lines l JOIN calls c ON c.id = l.call_id "
            "WHERE c.member_id = ? AND c.year < ?",
            member_id,
            year,
        )
        paid_before = one(
            "SELECT SUM(amount_cents) FROM payments WHERE member_id = ? AND date < ?",
            member_id,
            start.isoformat(),
        )
        called = one(
            "SELECT SUM(l.ttc_cents) FROM call_lines l JOIN calls c ON c.id = l.call_id "
            "WHERE c.member_id = ? AND c.year = ?",
            member_id,
            year,
        )
        paid = one(
            "SELECT SUM(amount_cents) FROM payments WHERE member_id = ? AND date BETWEEN ? AND ?",
            member_id,
            start.isoformat(),
            end.isoformat(),
        )
    return called_before - paid_before, called, paid


def sql_statements(path: Path) -> list[tuple[int, int]]:
    """(member, fiscal year) of every relevé with a call or a payment."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        (month,) = connection.execute("SELECT fiscal_year_start_month FROM poles").fetchone()
        found = set(connection.execute("SELECT member_id, year FROM calls").fetchall())
        for member_id, day in connection.execute("SELECT member_id, date FROM payments"):
            date = dt.date.fromisoformat(day)
            found.add((member_id, date.year if date.month >= month else date.year - 1))
    return sorted(found)


def sql_grants(path: Path, year: int) -> dict[int, tuple[int, int, int, int]]:
    """Per grant: (received in the year, received to date, passed on in the year, to date)."""
    fy = None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        (month,) = connection.execute("SELECT fiscal_year_start_month FROM poles").fetchone()
        fy = FiscalYear(year, month)
        span = (fy.start.isoformat(), fy.end.isoformat())
        result = {}
        for (grant_id,) in connection.execute("SELECT id FROM grants").fetchall():

            def total(table: str, dated: bool, grant: int = grant_id) -> int:
                where = " AND date BETWEEN ? AND ?" if dated else ""
                args = (grant, *span) if dated else (grant,)
                query = f"SELECT SUM(amount_cents) FROM {table} WHERE grant_id = ?{where}"
                return int(connection.execute(query, args).fetchone()[0] or 0)

            result[grant_id] = (
                total("instalments", True),
                total("instalments", False),
                total("redistributions", True),
                total("redistributions", False),
            )
    return result


# --- the poles ------------------------------------------------------------------------------------


def random_pole(uow: UnitOfWork, seed: int) -> None:
    """Two fiscal years (July to June) of calls, costs, true-ups, payments and refunds."""
    rng = random.Random(seed)
    seed_pole(uow, vat_registered=rng.random() < 0.5, iban="FR7630006000011234567890189")
    with uow.write("Exercice de juillet") as session:
        pole = session.get(Pole, 1)
        assert pole is not None
        pole.fiscal_year_start_month = 7
    members = seed_members(uow, rng.randint(3, 7))
    key = seed_units_key(
        uow, {m: rng.randint(1, 200) for m in members}, valid_from=dt.date(2023, 1, 1)
    )
    services = [
        seed_service(
            uow,
            key,
            {2024: rng.randint(1, 50_000) * 100, 2025: rng.randint(1, 50_000)},
            name=f"Service n° {index} & <co>",
        )
        for index in range(2)
    ]
    services.append(
        seed_service(
            uow,
            key,
            {2024: rng.randint(1, 9_000_00), 2025: rng.randint(1, 9_000_00)},
            name="Informatique & « réseau » — l'€ <taxable>",
            vat_regime="taxable",
            vat_rate_bp=2000,
        )
    )
    calls = CallService(uow)
    payments = PaymentService(uow)
    for year in (2024, 2025):
        fy = FiscalYear(year, 7)
        for quarter, period in enumerate(fy.quarters(), start=1):
            calls.issue_provisional_calls(
                year, quarter, issue_date=period.start, due_date=period.start + dt.timedelta(30)
            )
        for service in services:  # actual costs above or below the budget: calls and avoirs
            amount = rng.randint(1, 60_000_00)
            weights = {m: rng.randint(1, 200) for m in members}
            with uow.write("Charge") as session:
                cost = Cost(
                    service_id=service,
                    invoice_date=fy.start,
                    period_start=fy.start,
                    period_end=fy.end,
                    label="Charge & <co>",
                    ht_cents=amount,
                    vat_cents=0,
                    ttc_cents=amount,
                )
                cost.shares = [
                    Share(member_id=m, cents=c) for m, c in allocate_cents(amount, weights).items()
                ]
                session.add(cost)
        calls.issue_true_up(
            year, issue_date=fy.end + dt.timedelta(20), due_date=fy.end + dt.timedelta(50)
        )
        for member in members:
            for _ in range(rng.randint(0, 5)):
                day = fy.start + dt.timedelta(rng.randint(0, 500))  # some in the next year
                cents = rng.randint(-2_000_00, 30_000_00)
                if cents == 0:
                    continue
                payments.record_payment(member, day, cents, "virement", f"VIR & <{seed}>", None)


@pytest.fixture(params=[3, 17, 2026])
def random_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "aléatoire.sqlite3"
    database = open_database(path)
    try:
        random_pole(UnitOfWork(database), request.param)
    finally:
        database.close()
    return path


# --- the checks -----------------------------------------------------------------------------------


def check_every_statement(path: Path) -> int:
    database = open_database(path, read_only=True)
    checked = 0
    chained: dict[int, dict[int, StatementData]] = defaultdict(dict)
    try:
        uow = UnitOfWork(database)
        for member_id, year in sql_statements(path):
            model = build_statement_data(uow, member_id, year)
            assert (
                model.opening_balance_cents,
                model.called_cents,
                model.paid_cents,
            ) == sql_account(path, member_id, year)
            out = BytesIO()
            build_statement(model, out, generated_on=GENERATED)
            pdf = out.getvalue()
            check_face(read_face(pdf), model)
            check_calls_table(pdf, model)
            chained[member_id][year] = model
            checked += 1
    finally:
        database.close()
    for years in chained.values():  # the closing balance of Y opens Y + 1
        for year, model in years.items():
            following = years.get(year + 1)
            if following is not None:
                assert following.opening_balance_cents == model.closing_balance_cents
    return checked


def test_every_demo_relevé_reconciles_on_its_face(demo_file: Path) -> None:
    assert check_every_statement(demo_file) >= 40


def test_demo_redistribution_figures_are_the_sql_aggregates(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    years = range(2024, 2027)
    for year in years:
        expected = sql_grants(demo_file, year)
        model = build_redistribution_data(demo_uow, year)
        assert model.grants
        for grant in model.grants:
            assert (
                grant.received_year_cents,
                grant.received_cents,
                grant.passed_year_cents,
                grant.passed_cents,
            ) == expected[grant.grant_id]
            assert sum(line.passed_cents for line in grant.members) == grant.passed_cents
            assert sum(line.passed_year_cents for line in grant.members) == grant.passed_year_cents


def test_every_random_relevé_reconciles_on_its_face(random_file: Path) -> None:
    assert check_every_statement(random_file) >= 6


def test_the_reader_catches_a_page_that_does_not_add_up() -> None:
    """A test that cannot fail is a defect: a face with a wrong total is refused."""
    face = Face([100, 200], [50], 301, 50, {}, "")
    with pytest.raises(AssertionError):
        check_face(face, None)  # type: ignore[arg-type]
    assert Fragment(0, 0, 0, "−1\u00a0234,56\u00a0€").cents == -123_456
    assert Fragment(0, 0, 0, "0,05\u00a0€").cents == 5
    assert Fragment(0, 0, 0, "AF-2024-0001").cents is None


def test_demo_shared_costs_are_one_figure_in_every_document(
    demo_file: Path, demo_uow: UnitOfWork
) -> None:
    """« Charges mutualisées — exercice Y »: the same figure in the activity, redistribution
    and cost-sharing reports, equal to the SQL sum of the shares of the costs of Y."""
    from ptce_desktop.documents.builders.activity import build_activity_data
    from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data

    with sqlite3.connect(f"file:{demo_file}?mode=ro", uri=True) as connection:
        (month,) = connection.execute("SELECT fiscal_year_start_month FROM poles").fetchone()
        for year in (2024, 2025):
            fy = FiscalYear(year, month)
            (shares,) = connection.execute(
                "SELECT SUM(s.cents) FROM shares s JOIN costs c ON c.id = s.cost_id "
                "WHERE c.period_start BETWEEN ? AND ?",
                (fy.start.isoformat(), fy.end.isoformat()),
            ).fetchone()
            activity = build_activity_data(demo_uow, year).figures.costs_cents
            redistribution = build_redistribution_data(demo_uow, year).services_total("costs_cents")
            sharing = build_cost_sharing_data(demo_uow, year).costs_cents
            assert activity == redistribution == sharing == shares


# --- the cost-sharing report with exceptional lines ---------------------------------------------

WORKS = "Réfection de la toiture « atelier » & <gouttières> — l'€"


def _row_cents(grouped: list[list[Fragment]], label: str, start: int = 0) -> tuple[int, list[int]]:
    """(index, amounts) of the first row from ``start`` whose first text is ``label``."""
    for index in range(start, len(grouped)):
        row = grouped[index]
        if row[0].text == label:
            return index, [c for c in (f.cents for f in row) if c is not None]
    raise AssertionError(f"no row « {label} » after row {start}")


def _exceptional_world(uow: UnitOfWork) -> None:
    """Three members (one with a long name) by m², a 2025 cost, and two exceptional lines of
    odd amounts: one called with the first quarter, one still to be called on its own."""
    from ptce_desktop.services.calls.exceptional import ExceptionalDraft, ExceptionalService
    from ptce_desktop.store.models import Member

    seed_pole(uow)
    members = seed_members(uow, 3)
    with uow.write("Nom long") as session:
        member = session.get(Member, members[2])
        assert member is not None
        member.name = "Coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 150
    weights = dict(zip(members, (120, 80, 50), strict=True))
    key = seed_units_key(uow, weights)
    service = seed_service(uow, key, {2025: 12_000_00})
    seed_cost(uow, service, 3_000_00, weights, start=dt.date(2025, 1, 1), end=dt.date(2025, 3, 31))
    exceptional = ExceptionalService(uow)
    exceptional.add_charge(ExceptionalDraft(WORKS, 1_000_01, service, dt.date(2025, 2, 10)))
    exceptional.add_charge(
        ExceptionalDraft("Achat ponctuel : vidéoprojecteur", 333_33, service, dt.date(2025, 3, 3))
    )
    with uow.write("Appel à part") as session:  # the second one on a call of its own
        from ptce_desktop.store.models import ExceptionalCharge

        charge = session.scalars(
            select(ExceptionalCharge).where(ExceptionalCharge.label.startswith("Achat"))
        ).one()
        charge.own_call = True
    CallService(uow).issue_provisional_calls(
        2025, 1, issue_date=dt.date(2025, 1, 5), due_date=dt.date(2025, 1, 31)
    )


def test_exceptional_lines_are_in_the_cost_sharing_report_and_add_up(uow: UnitOfWork) -> None:
    from ptce_desktop.documents.builders.cost_sharing import build_cost_sharing_data
    from ptce_desktop.reports.cost_sharing import build_cost_sharing_report

    _exceptional_world(uow)
    model = build_cost_sharing_data(uow, 2025)
    assert model.costs_cents == 3_000_00  # the services' costs are untouched by them
    works, purchase = model.exceptional
    assert (works.label, works.amount_cents, works.call_number) == (WORKS, 1_000_01, "AF-2025-0001")
    assert purchase.call_number is None  # still to be called: the split its call will make
    assert works.key_name == "Surface (m²) & <co>" and works.key_version_from is not None
    # 1 000,01 € by 120:80:50 — 480,00 + 320,00 + 200,00 and the cent to the largest remainder
    assert sorted(row.cents for row in works.members) == [200_00, 320_00, 480_01]
    assert model.exceptional_cents == 1_333_34 == model.exceptional_shared_cents
    assert model.total_cents == 4_333_34 == model.total_shared_cents
    out = BytesIO()
    build_cost_sharing_report(model, out, generated_on=GENERATED)
    items = fragments(out.getvalue())
    texts = [f.text for f in items]
    assert "Lignes exceptionnelles" in texts and WORKS in " ".join(texts)
    assert "à appeler (répartition de l'appel à venir)" in " ".join(texts)
    grouped = rows(items)
    section, _ = _row_cents(grouped, "Lignes exceptionnelles")
    checked = 0
    position = section
    for line in model.exceptional:
        header, _ = _row_cents(grouped, "Membre", position)
        total_at, total = _row_cents(grouped, "Total réparti", header)
        members = [c for row in grouped[header + 1 : total_at] for f in row if (c := f.cents)]
        assert sum(members) == total[0] == line.amount_cents  # the rows add up on the page
        position, amount = _row_cents(grouped, "Montant de la ligne (TTC)", total_at)
        _, shared = _row_cents(grouped, "Quotes-parts réparties", position)
        position, gap = _row_cents(grouped, "Écart", position)
        assert amount == [line.amount_cents] and shared == amount and gap == [0]
        checked += 1
    assert checked == 2
    # The year's total: services + exceptional lines, read on the page.
    at, services = _row_cents(grouped, "Charges des services", position)
    _, lines = _row_cents(grouped, "Lignes exceptionnelles", at)
    _, total = _row_cents(grouped, "Total", at)
    assert services[:2] == [3_000_00, 3_000_00] and lines[:2] == [1_333_34, 1_333_34]
    assert total[:2] == [services[0] + lines[0], services[1] + lines[1]] == [4_333_34] * 2
    assert total[2] == 0
