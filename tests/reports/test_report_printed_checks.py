"""What a reader of the printed documents checks on the page: an amount never wraps its « € »
onto the next line of a cell, and an exceptional line names each member's own call."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Spacer, Table

from ptce_desktop.documents.activity import CategoryLine
from ptce_desktop.documents.cost_sharing import ExceptionalShare, ExceptionalSharing
from ptce_desktop.documents.statement import CallDocumentLine, KeyBasis, VatStatus
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.reports.base import money_text, render_pdf
from ptce_desktop.reports.cost_sharing import build_cost_sharing_report
from ptce_desktop.reports.flowables import clean_text, money_cell, para
from ptce_desktop.reports.statement import _service_cell
from ptce_desktop.reports.tables import data_table
from tests.reports.test_report_activity import full_model
from tests.reports.test_report_activity import render as render_activity
from tests.reports.test_report_cost_sharing import LONG_NAME, report, service, units_key

NAMES = ("Dupont & Fils <SARL>", "l'Éclair — œuvre €", LONG_NAME)


def _lines(pdf: bytes) -> list[str]:
    reader = PdfReader(BytesIO(pdf))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def test_a_wide_amount_shrinks_in_its_cell_and_never_wraps() -> None:
    # « 185 000,00 € » in bold is wider than a seventh of the page: it used to print
    # « 185 000,00 » with « € » alone on the next line.
    amounts = (18_500_000, 13_000_000, -99_999_999)
    story = data_table(
        ("Subvention & <financeur>", *(f"Col {i}" for i in range(6))),
        [[NAMES[0], *(money_cell(a) for a in amounts), "a", "b", "c"]],
        (2.0, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3),
        totals_row=["Total", *(money_cell(a, bold=True) for a in amounts), "", "", ""],
    )
    data, _ = render_pdf(title="Essai", subject="s", pole_name="Pôle & <co>", story=story)
    lines = _lines(data)
    assert not [line for line in lines if line.strip() == "€"], lines
    flat = " ".join(" ".join(lines).split())
    for cents in amounts:
        assert " ".join(money_text(cents).split()) in flat


def _exceptional(calls: tuple[str | None, ...]) -> ExceptionalSharing:
    shares = tuple(
        ExceptionalShare(i + 1, NAMES[i], cents, number)
        for i, (cents, number) in enumerate(zip((500_00, 300_00, 200_00), calls, strict=True))
    )
    return ExceptionalSharing(
        charge_id=1,
        charge_date=date(2025, 6, 12),
        label="Chaudière & <travaux> « urgents »",
        service_id=1,
        service_name="Locaux",
        key_name="Surface",
        key_method=Method.UNITS,
        key_version_from=date(2024, 1, 1),
        basis=SplitBasis.TTC,
        amount_cents=1_000_00,
        call_number=min(n for n in calls if n) if any(calls) else None,
        members=shares,
        shared_cents=1_000_00,
    )


def test_exceptional_line_prints_each_members_call(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = report(service())
    model = type(model)(
        **{
            **model.__dict__,
            "exceptional": (_exceptional(("AF-2025-0027", "AF-2025-0028", "AF-2025-0041")),),
        }
    )
    target = tmp_path / "r.pdf"
    build_cost_sharing_report(model, target, generated_on=date(2026, 5, 4))
    text = " ".join(page_texts(target))
    for number in ("AF-2025-0027", "AF-2025-0028", "AF-2025-0041"):
        assert number in text
    assert "3 appels, un par membre" in text
    # the first call is not printed as « the » call of the whole line
    assert "Appel AF-2025-0027" not in text


def test_exceptional_line_not_called_yet(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    model = report(service())
    model = dataclasses.replace(model, exceptional=(_exceptional((None, None, None)),))
    target = tmp_path / "r.pdf"
    build_cost_sharing_report(model, target, generated_on=date(2026, 5, 4))
    text = " ".join(page_texts(target))
    assert "à appeler" in text
    assert "un par membre" not in text


def test_no_line_starts_with_a_colon_or_semicolon() -> None:
    assert clean_text("Clé « A & <b> » : 15 % ; oui ! vraiment ?") == (
        "Clé «\u00a0A & <b>\u00a0»\u00a0: 15 %\u00a0; oui\u00a0! vraiment\u00a0?"
    )
    assert clean_text(": en tête\nhttp://x.fr 12:30") == ": en tête\nhttp://x.fr 12:30"
    # the width at which « Clé « Pourcentages fixés… » » filled a line and « : 15 % » wrapped
    text = "Clé « Pourcentages fixés par la convention » : 15 % de la clé ; l'Éclair — œuvre €"
    story = [
        Table([[para(text)]], colWidths=[width], hAlign="LEFT") for width in range(150, 260, 3)
    ]
    data, _ = render_pdf(title="Essai", subject="s", pole_name="Pôle & <co>", story=story)
    starts = [line for line in _lines(data) if line.lstrip()[:1] in (":", ";")]
    assert not starts


def test_statement_line_prints_one_basis_per_key_version() -> None:
    def basis(units: int, total: int, label: str) -> KeyBasis:
        return KeyBasis("Effectif & <ETP>", "units", "ETP", units, total, 7, 2000, 181, 181, label)

    first = basis(4200, 21000, "du 01/01/2025 au 30/06/2025")
    second = basis(4800, 24000, "du 01/07/2025 au 31/12/2025")
    line = CallDocumentLine(
        "Accueil & <secrétariat>",
        100,
        0,
        0,
        100,
        VatStatus.EXEMPT_261B,
        basis=first,
        bases=(first, second),
    )
    text = _service_cell(line).getPlainText()
    assert "4,2\u00a0ETP sur 21\u00a0ETP" in text and "(du 01/01/2025 au 30/06/2025)" in text
    assert "4,8\u00a0ETP sur 24\u00a0ETP" in text and "(du 01/07/2025 au 31/12/2025)" in text
    alone = _service_cell(dataclasses.replace(line, bases=())).getPlainText()
    assert "4,2\u00a0ETP" in alone and "4,8" not in alone


def test_members_table_balances_start_entries_exits_end(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    """« 17 membres, 1 entrée, 1 sortie » did not check (16 + 1 − 1 ≠ 17): the members of
    the year are printed with those at both ends of the year."""
    categories = (
        CategoryLine("Entreprise de l'ESS & <co>", 8, 1, 1),
        CategoryLine("Collectivité « territoriale »", 3, 2, 0),
    )
    data, _ = render_activity(full_model(categories=categories))
    text = " ".join(page_texts(data))
    assert "Membres dans l'exercice Au 01/01/2026 Entrées Sorties Au 31/12/2026" in text
    assert "Entreprise de l'ESS & <co> 8 7 1 1 7" in text
    assert "Collectivité « territoriale » 3 1 2 0 3" in text
    assert "Total 11 8 3 1 10" in text
    for line in categories:
        assert line.at_start + line.joined - line.left == line.at_end


def test_prorata_note_quotes_no_figure_the_table_does_not_hold(
    tmp_path: Path, page_texts: Callable[[Path], list[str]]
) -> None:
    """The note under a key with a member present part of the period explained « × 273/365 j »
    while the table printed « × 92/184 j »: a reader looked for 273/365 in vain."""
    key = units_key()
    first = key.versions[0]
    rows = (
        dataclasses.replace(first.rows[0], days_present=92, period_days=184),
        *first.rows[1:],
    )
    key = dataclasses.replace(key, versions=(dataclasses.replace(first, rows=rows),))
    target = tmp_path / "r.pdf"
    build_cost_sharing_report(report(service(key=key)), target, generated_on=date(2026, 5, 4))
    text = " ".join(page_texts(target))
    assert "× 92/184 j" in text
    assert "« × n/N j » : le membre n'est présent que n des N jours" in text
    assert "273/365" not in text


def test_a_note_under_a_table_never_starts_a_page_alone() -> None:
    """The redistribution report's « Contrôle : total des quotes-parts … » line went alone to
    a last page: a table's note is now its last row, kept with the totals and a body row."""
    note = "Contrôle : total des quotes-parts 25 672,56 € = charges & <co> 25 672,56 €."
    rows = [[NAMES[i % 3], money_cell(i * 1_000)] for i in range(12)]
    for space in range(440, 520, 2):  # the old paragraph went alone from 480 to 490
        story = [
            Spacer(1, space),
            *data_table(
                ("Membre", "Quote-part"),
                rows,
                (3, 1),
                totals_row=["Total", money_cell(66_000)],
                note=note,
            ),
        ]
        data, _ = render_pdf(title="Essai", subject="s", pole_name="Pôle & <co>", story=story)
        for page in PdfReader(BytesIO(data)).pages:
            body = [line for line in page.extract_text().splitlines()[2:] if line.strip()]
            assert not body or not body[0].startswith("Contrôle"), (space, body[:3])
            if any(line.startswith("Contrôle") for line in body):
                assert any(line.startswith("Total") for line in body), (space, body)
