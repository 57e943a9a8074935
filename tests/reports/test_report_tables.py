"""Data tables: chunks, repeated header, alignment, totals, empty tables, oversized cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reportlab.platypus import Paragraph, Table

from ptce_desktop.reports.base import render_pdf
from ptce_desktop.reports.flowables import (
    CELL_MAX_CHARS,
    Cell,
    bold,
    heading,
    money_cell,
    para,
    right,
)
from ptce_desktop.reports.tables import CHUNK_ROWS, data_table

HEADER = ["Membre", "Catégorie", "Adhésion", "Quote-part"]


def member_rows(count: int) -> list[list[object]]:
    return [
        [f"Membre n°{i} & associés <SARL>", "ESS", "01/02/2026", money_cell(i * 101)]
        for i in range(count)
    ]


def render(story: list[object]) -> tuple[bytes, int]:
    return render_pdf(
        title="Répartition", subject="Essai", pole_name="Pôle", story=story,
        generated_on=date(2026, 1, 31),
    )  # fmt: skip


def test_long_table_is_chunked_and_repeats_its_header_on_every_page(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    flowables = data_table(HEADER, member_rows(2000), (4, 1, 1.2, 1.5))
    assert len(flowables) == 4
    assert all(isinstance(f, Table) and f._nrows <= CHUNK_ROWS + 1 for f in flowables)
    data, pages = render([heading("Membres"), *flowables])
    texts = page_texts(data)
    assert pages == len(texts) > 30
    for text in texts:
        assert "Membre Catégorie Adhésion Quote-part" in text
    joined = " ".join(texts)
    for i in (0, 499, 500, 1999):
        assert f"Membre n°{i} & associés <SARL> ESS 01/02/2026" in joined
    assert "2 018,99 €" in joined  # 1999 x 101 cents


def test_totals_row_comes_once_at_the_end(page_texts: Callable[[bytes], list[str]]) -> None:
    totals = [bold("Total"), None, None, money_cell(123_456_78, bold=True)]
    flowables = data_table(HEADER, member_rows(CHUNK_ROWS + 3), totals_row=totals)
    assert [f._nrows for f in flowables] == [CHUNK_ROWS + 1, 3 + 1 + 1]
    texts = page_texts(render(flowables)[0])
    assert " ".join(texts).count("Total 123 456,78 €") == 1
    assert "Total 123 456,78 €" in texts[-1]


def test_empty_table_prints_a_note(page_texts: Callable[[bytes], list[str]]) -> None:
    flowables = data_table(HEADER, [], totals_row=[bold("Total"), None, None, money_cell(0)])
    assert len(flowables) == 1 and isinstance(flowables[0], Paragraph)
    assert "Aucune donnée" in page_texts(render(flowables)[0])[0]
    custom = data_table(HEADER, iter(()), empty_text="Aucun membre cette année")
    assert "Aucun membre cette année" in page_texts(render(custom)[0])[0]


def test_amount_and_number_columns_are_right_aligned() -> None:
    rows = [["a", 3, money_cell(100), "x", right("12,5 %")], ["b", None, money_cell(-5), 7, ""]]
    (table,) = data_table(["Nom", "Nombre", "Montant", "Mixte", "Taux"], rows)
    cell_align = [[table._cellStyles[r][c].alignment for c in range(5)] for r in range(3)]
    assert cell_align[0] == ["LEFT", "RIGHT", "RIGHT", "LEFT", "LEFT"]  # header cells
    assert cell_align[1] == ["LEFT", "RIGHT", "RIGHT", "LEFT", "RIGHT"]
    assert cell_align[2][3] == "RIGHT"  # a lone integer in a text column
    header_paragraphs = table._cellvalues[0]
    assert header_paragraphs[2].style.alignment == 2  # TA_RIGHT: header follows the amounts


def test_short_cells_stay_plain_strings_and_long_ones_wrap() -> None:
    long_text = "Une description assez longue pour ne pas tenir sur une seule ligne " * 3
    (table,) = data_table(["A", "B"], [["court & <net>", long_text]], (1, 1))
    short, wrapped = table._cellvalues[1]
    assert short == "court & <net>"  # drawn as is, never parsed as markup
    assert isinstance(wrapped, Paragraph)
    assert "&lt;" not in long_text and "pas tenir" in wrapped.text


def test_oversized_cells_never_break_the_layout(body_text: Callable[[bytes], str]) -> None:
    word = "Z" * 20_000
    rows = [["Mot", word, money_cell(1)], [word, "Texte " * 900, money_cell(2)]]
    data, pages = render(data_table(["A", "B", "C"], rows, (1, 2, 1)))
    assert pages >= 2
    text = body_text(data)
    assert text.count("Z") == 2 * (CELL_MAX_CHARS - 1)  # each giant word cut to the cap
    assert text.count("…") == 2
    assert text.count("Texte") == 900  # a long text that fits the cap is printed whole


def test_cells_accept_flowables_booleans_and_bold_cells() -> None:
    rows = [[para("<b>libre</b>"), True, Cell("fort", bold=True)]]
    (table,) = data_table(["A", "B", "C"], rows)
    values = table._cellvalues[1]
    assert isinstance(values[0], Paragraph)
    assert values[1] == "Oui"
    assert values[2] == "fort"


@pytest.mark.parametrize(
    ("header", "rows", "widths"),
    [([], [], None), (["A", "B"], [["x"]], None), (["A", "B"], [["x", "y"]], (1,))],
)
def test_malformed_tables_are_programming_errors(
    header: list[str], rows: list[list[str]], widths: tuple[float, ...] | None
) -> None:
    with pytest.raises(ValueError):
        data_table(header, rows, widths)


def test_header_is_never_printed_twice_on_one_page(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    # A short row, then a row taller than a page: ReportLab alone splits between the two and
    # puts the continuation, header repeated, in the space left on the same page.
    rows = [["court", "quelques mots"], ["long", "mot " * 1500], ["fin", "dernier"]]
    data, pages = render(data_table(["Colonne A", "Colonne B"], rows, (1, 3)))
    counts = [text.count("Colonne A Colonne B") for text in page_texts(data)]
    assert counts == [1] * pages
