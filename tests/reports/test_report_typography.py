"""Typography of every document (#10 item 7): the real minus sign, no-break spaces inside
« », totals kept with the rows above, the creation date in the PDF metadata."""

from __future__ import annotations

import datetime as dt
import time
from io import BytesIO

import pytest
from pypdf import PdfReader

from ptce_desktop.domain.money import MINUS_SIGN, format_money, format_money_or_empty
from ptce_desktop.reports.base import guillemets, money_text, render_pdf
from ptce_desktop.reports.flowables import clean_text, money_cell, para
from ptce_desktop.reports.tables import data_table

NBSP = "\u00a0"


def test_printed_amounts_use_the_minus_sign_and_screens_keep_the_hyphen() -> None:
    assert format_money(-123_456) == f"-1{NBSP}234,56{NBSP}€"  # screens, exports
    assert format_money(-123_456, typographic=True) == f"{MINUS_SIGN}1{NBSP}234,56{NBSP}€"
    assert money_text(-5) == f"{MINUS_SIGN}0,05{NBSP}€"
    assert money_text(5) == f"0,05{NBSP}€"
    assert money_cell(-100).text.startswith(MINUS_SIGN)
    assert format_money_or_empty(-1, typographic=True) == f"{MINUS_SIGN}0,01{NBSP}€"
    assert format_money(-100, lang="en", typographic=True) == f"{MINUS_SIGN}€1.00"


def test_guillemets_hold_no_break_spaces() -> None:
    assert guillemets("Surface & <co>") == f"«{NBSP}Surface & <co>{NBSP}»"
    assert clean_text("Clé « Surface » et « l'€ »") == (
        f"Clé «{NBSP}Surface{NBSP}» et «{NBSP}l'€{NBSP}»"
    )
    assert clean_text("«collé»") == "«collé»"


def _pdf(story: list, monkeypatch: pytest.MonkeyPatch, epoch: str | None) -> PdfReader:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    data, _ = render_pdf(title="Essai", subject="s", pole_name="Pôle & <co>", story=story)
    return PdfReader(BytesIO(data))


def test_creation_date_is_real_unless_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = [para("Montant : « 12 € »")]
    fixed = _pdf(story, monkeypatch, "1767225600").metadata
    assert fixed is not None and fixed.creation_date is not None
    assert fixed.creation_date.date() == dt.date(2026, 1, 1)
    real = _pdf(story, monkeypatch, None).metadata
    assert real is not None and real.creation_date is not None
    stamp = real.creation_date.timestamp()
    assert abs(stamp - time.time()) < 120
    assert real.modification_date == real.creation_date


def test_the_totals_row_never_starts_a_page_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    orphans = []
    for count in range(40, 90):  # one of these puts the totals at a page break
        rows = [[f"Ligne n° {i} & <co>", money_cell(i * 100)] for i in range(count)]
        story = data_table(
            ("Libellé", "Montant"),
            rows,
            (4, 1),
            totals_row=["Total réparti", money_cell(sum(i * 100 for i in range(count)))],
        )
        data, pages = render_pdf(title="t", subject="s", pole_name="p", story=story)
        texts = [page.extract_text() for page in PdfReader(BytesIO(data)).pages]
        page = next(text for text in texts if "Total réparti" in text)
        if f"Ligne n° {count - 1} " not in page.replace("\n", " ") + " ":
            orphans.append(count)
        assert pages >= 1
    assert orphans == []
