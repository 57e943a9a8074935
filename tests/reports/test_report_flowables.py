"""Text helpers, headings, key figures, charts and fonts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import Flowable, Paragraph, Spacer

from ptce_desktop.reports import fonts
from ptce_desktop.reports.base import render_pdf
from ptce_desktop.reports.charts import OTHERS_LABEL, bar_chart
from ptce_desktop.reports.flowables import (
    Cell,
    amount_para,
    clean_text,
    date_text,
    empty_note,
    escape_markup,
    fit_text,
    heading,
    key_figures,
    key_value_table,
    markup_para,
    money_cell,
    number_cell,
    para,
    title_block,
)
from ptce_desktop.reports.styles import CONTENT_WIDTH, get_styles
from ptce_desktop.reports.tables import data_table


def render(story: list[Flowable]) -> bytes:
    data, _ = render_pdf(
        title="Essai", subject="Essai", pole_name="Pôle", story=story,
        generated_on=date(2026, 12, 31),
    )  # fmt: skip
    return data


def test_user_text_is_escaped_and_cleaned() -> None:
    assert escape_markup("A & B <b>x</b>") == "A &amp; B &lt;b&gt;x&lt;/b&gt;"
    assert escape_markup("ligne 1\r\nligne 2\rligne 3") == "ligne 1<br/>ligne 2<br/>ligne 3"
    assert clean_text("a\x00b\x07c\td\ud800e") == "abc de"
    assert clean_text(None) == "" and clean_text(12) == "12"
    assert para("<i>texte").text == "&lt;i&gt;texte"
    assert markup_para("<b>Total</b>").text == "<b>Total</b>"  # trusted markup stays markup


def test_bold_markup_uses_the_bold_face(page_texts: Callable[[bytes], list[str]]) -> None:
    data = render([markup_para("Normal <b>gras</b> <i>italique</i>")])
    assert b"DejaVuSans-Bold" in data and b"DejaVuSans-Oblique" in data
    assert "Normal gras italique" in page_texts(data)[0]


def test_formatting_helpers() -> None:
    assert date_text(date(2026, 3, 5)) == "05/03/2026"
    assert date_text(None) == ""
    assert number_cell(1234567).text == "1\u00a0234\u00a0567"
    assert number_cell(-1000).text == "-1\u00a0000"
    assert money_cell(123456) == Cell("1\u00a0234,56\u00a0€", "RIGHT", False)
    assert money_cell(None).text == ""
    assert number_cell(12000, bold=True) == Cell("12\u00a0000", "RIGHT", True)
    assert amount_para(-5, bold=True).text == "<b>\u22120,05\u00a0€</b>"  # U+2212 minus


def test_fit_text_cuts_with_an_ellipsis() -> None:
    font = get_styles().fonts.regular
    assert fit_text("  court   texte ", font, 10, 200) == "court texte"
    cut = fit_text("x" * 300, font, 10, 100)
    assert cut.endswith("…") and len(cut) < 300
    assert fit_text("abc", font, 10, 0) == "…"


def test_headings_notes_and_title_block() -> None:
    styles = get_styles()
    assert heading("Membres").style is styles.h1
    assert heading("Détail", 2).style is styles.h2
    assert empty_note().text == "Aucune donnée"
    block = title_block("Rapport & bilan", "Exercice <2026>")
    assert [type(f) for f in block] == [Paragraph, Paragraph]
    assert block[1].text == "Exercice &lt;2026&gt;"
    assert isinstance(title_block("Rapport")[1], Spacer)


def test_heading_stays_with_the_start_of_a_table_without_wasting_the_page(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    rows = [[f"Ligne {i}", money_cell(i)] for i in range(60)]
    # Room for the heading and the first rows: the table starts right under it.
    roomy = render([Spacer(1, 500), heading("Membres"), *data_table(["A", "B"], rows)])
    assert "Membres A B Ligne 0" in page_texts(roomy)[0]
    # Room for the heading only: heading and table move to the next page together.
    tight = render([Spacer(1, 650), heading("Membres"), *data_table(["A", "B"], rows)])
    first, second = page_texts(tight)[:2]
    assert "Membres" not in first
    assert "Membres A B Ligne 0" in second


def test_key_figures_and_key_value_table(page_texts: Callable[[bytes], list[str]]) -> None:
    figures = key_figures(
        [("Membres", 42), ("Charges", money_cell(123_45)), ("Nom <long>", "x" * 300)]
    )
    pairs = key_value_table([("SIRET", "123 456 789 00012"), ("Adresse", "1 rue & <cour>")])
    text = page_texts(render([figures, pairs]))[0]
    assert "Membres 42" in text and "Charges 123,45 €" in text and "Nom <long>" in text
    assert "Adresse 1 rue & <cour>" in text
    assert key_figures([]).text == "Aucune donnée"
    assert key_value_table([]).text == "Aucune donnée"


def test_bar_chart_prints_labels_and_french_values(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    chart = bar_chart([("Locaux & bureaux", 1_234_500), ("Avoir", -50_000), ("Vide", 0)])
    assert isinstance(chart, Drawing)
    assert chart.width == pytest.approx(CONTENT_WIDTH)
    text = page_texts(render([chart]))[0]
    for expected in (
        "Locaux & bureaux",
        "12 345,00 €",
        "Avoir",
        "\u2212500,00 €",
        "Vide",
        "0,00 €",
    ):
        assert expected in text
    bars = [shape for shape in chart.contents if isinstance(shape, Rect)]
    assert len(bars) == 2  # a zero draws no bar


def test_bar_chart_copes_with_empty_zero_and_many_items() -> None:
    empty = bar_chart([], empty_text="Aucune charge")
    assert isinstance(empty, Paragraph) and empty.text == "Aucune charge"
    zeros = bar_chart([("A", 0), ("B", 0)], value_format=str)
    assert isinstance(zeros, Drawing)
    many = bar_chart([(f"Service {i}", i) for i in range(40)], max_bars=10)
    labels = [s.text for s in many.contents if isinstance(s, String) and s.textAnchor == "start"]
    assert len(labels) == 10
    assert labels[-1] == OTHERS_LABEL
    assert labels[0] == "Service 31"  # the nine largest, in the caller's order
    values = [s.text for s in many.contents if isinstance(s, String) and s.textAnchor == "end"]
    assert values[-1] == "4,65\u00a0€"  # 0 + 1 + ... + 30 cents


def test_font_registration_is_idempotent_and_embeds_dejavu() -> None:
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first
    assert first.embedded and first.family == "PtceSans"
    assert get_styles().body.fontName == "PtceSans"


def test_missing_font_files_fall_back_to_helvetica(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> object:
        raise FileNotFoundError(name)

    monkeypatch.setattr(fonts, "font_path", missing)
    fallback = fonts._register()
    assert fallback.regular == "Helvetica" and not fallback.embedded
