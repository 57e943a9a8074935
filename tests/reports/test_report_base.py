"""The document frame: hostile text, fonts, metadata, header/footer, determinism, writing."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports import base
from ptce_desktop.reports.base import build_pdf, render_pdf
from ptce_desktop.reports.charts import bar_chart
from ptce_desktop.reports.flowables import (
    bold,
    heading,
    key_figures,
    key_value_table,
    money_cell,
    para,
    title_block,
)
from ptce_desktop.reports.tables import data_table

GENERATED = date(2026, 5, 4)
POLE = "Pôle Sud & Co <Drôme>"
HOSTILE = [
    "Dupont & Fils <SARL>",
    "<b>x</b><font size=40>",
    "l'Éclair",
    "Œuvre, cœur, 1 234,56 €, — « »",
    "Łódź, Győr, Жук",
    '<img src="/etc/passwd"/>',
    "<i>texte",
    "&nbsp; &eacute;",
]
DESCRIPTION = " ".join(f"mot{i} de la description" for i in range(250))[:5000]
WORD = "W" * 20_000
LONG_NAME = ("Association intercommunale d'insertion & de coopération " * 6)[:300]


def hostile_story() -> list[Flowable]:
    story: list[Flowable] = title_block("Rapport d'activité 2026", "Exercice 2026 <test>")
    story.append(heading("Chiffres clés"))
    story.append(key_figures([("Membres", 12), ("Charges", format_money(123_456_78))]))
    story.append(heading("Textes"))
    story += [para(text) for text in HOSTILE]
    story.append(para("Emoji 😀 et arabe مرحبا"))
    story.append(para(DESCRIPTION))
    story.append(para(WORD))
    story.append(key_value_table([("Nom", LONG_NAME), ("Description", DESCRIPTION)]))
    story.append(heading("Membres"))
    rows = [[name, "ESS", money_cell(1234_56)] for name in [*HOSTILE, LONG_NAME]]
    rows.append(["Mot sans fin", WORD, money_cell(-5)])
    rows.append(["Description", DESCRIPTION, money_cell(0)])
    story += data_table(
        ["Membre", "Catégorie", "Quote-part"],
        rows,
        (3, 3, 1),
        totals_row=[bold("Total"), None, money_cell(999_99, bold=True)],
    )
    story.append(heading("Charges par service"))
    story.append(bar_chart([("Locaux & bureaux <partagés>", 500_000), ("Véhicules", 0)]))
    return story


def render(story: list[Flowable] | None = None, **overrides: Any) -> tuple[bytes, int]:
    options: dict[str, Any] = {
        "title": "Rapport d'activité 2026",
        "subject": "Activité du pôle, exercice 2026",
        "pole_name": POLE,
        "generated_on": GENERATED,
    }
    options.update(overrides)
    return render_pdf(story=hostile_story() if story is None else story, **options)


@pytest.fixture(scope="module")
def sample() -> tuple[bytes, int]:
    return render()


def test_hostile_text_is_printed_literally(
    sample: tuple[bytes, int],
    page_texts: Callable[[bytes], list[str]],
    body_text: Callable[[bytes], str],
) -> None:
    text = " ".join(page_texts(sample[0]))
    for hostile in [*HOSTILE, POLE, "Exercice 2026 <test>", "Locaux & bureaux <partagés>"]:
        assert " ".join(hostile.split()) in text
    assert "1 234,56 €" in text  # U+00A0 in amounts extracts as a space
    squeezed = body_text(sample[0])
    assert "".join(LONG_NAME.split()) in squeezed
    assert "".join(DESCRIPTION.split()) in squeezed
    assert WORD in squeezed  # wrapped over many lines, every character kept


def test_fonts_are_embedded_truetype(sample: tuple[bytes, int]) -> None:
    reader = PdfReader(BytesIO(sample[0]))
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # composite font: the descriptor is on the descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), name
        assert "Helvetica" not in name


def test_metadata_and_language(sample: tuple[bytes, int]) -> None:
    reader = PdfReader(BytesIO(sample[0]))
    info = reader.metadata
    assert info is not None
    assert info.title == "Rapport d'activité 2026"
    assert info.author == POLE
    assert info.subject == "Activité du pôle, exercice 2026"
    assert str(info.creator).startswith("PTCE Desktop")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_header_and_footer_on_every_page(
    sample: tuple[bytes, int], page_texts: Callable[[bytes], list[str]]
) -> None:
    data, pages = sample
    texts = page_texts(data)
    assert pages == len(texts) > 1
    for number, text in enumerate(texts, start=1):
        assert f"page {number} / {pages}" in text
        assert "Généré le 04/05/2026" in text
        assert POLE in text


def test_same_inputs_give_the_same_bytes(sample: tuple[bytes, int]) -> None:
    again, _ = render()
    assert again == sample[0]
    other_day, _ = render(generated_on=date(2026, 5, 5))
    assert other_day != sample[0]


def test_empty_story_still_makes_one_page(page_texts: Callable[[bytes], list[str]]) -> None:
    data, pages = render([])
    assert pages == 1
    assert "page 1 / 1" in page_texts(data)[0]


def test_long_pole_name_and_title_are_cut_in_the_header(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    data, _ = render([para("x")], pole_name=LONG_NAME, title="T" * 400)
    text = page_texts(data)[0]
    assert "…" in text
    assert LONG_NAME not in text


@pytest.mark.parametrize("kind", ["missing", "not_an_image", "empty", "real"])
def test_logo_never_breaks_the_document(tmp_path: Path, kind: str) -> None:
    logo = tmp_path / "logo.png"
    if kind == "not_an_image":
        logo.write_text("<svg>ceci n'est pas une image</svg>", encoding="utf-8")
    elif kind == "empty":
        logo.write_bytes(b"")
    elif kind == "real":
        from PIL import Image

        Image.new("RGB", (60, 20), "#336699").save(logo)
    data, pages = render([para("Bonjour")], logo_path=logo)
    assert pages == 1
    has_image = b"/Subtype /Image" in data
    assert has_image == (kind == "real")


def test_build_pdf_writes_the_file_and_returns_the_page_count(
    tmp_path: Path, pdf_reader: Callable[[Path], PdfReader]
) -> None:
    target = tmp_path / "rapport d'activité é.pdf"
    target.write_bytes(b"old content")
    pages = build_pdf(
        target,
        title="Rapport",
        subject="Essai",
        pole_name=POLE,
        story=[para(f"Ligne {i}") for i in range(200)],
        generated_on=GENERATED,
    )
    assert pages == len(pdf_reader(target).pages) > 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_build_pdf_into_a_stream() -> None:
    stream = BytesIO()
    seen: list[int] = []
    pages = build_pdf(
        stream,
        title="Rapport",
        subject="Essai",
        pole_name=POLE,
        story=[para("Bonjour")],
        generated_on=GENERATED,
        progress=seen.append,
    )
    assert pages == 1 and seen == [1]
    assert stream.getvalue().startswith(b"%PDF-")


def test_unwritable_target_gives_a_report_error(tmp_path: Path) -> None:
    target = tmp_path / "missing folder" / "rapport.pdf"
    with pytest.raises(PtceError) as caught:
        build_pdf(target, title="R", subject="S", pole_name=POLE, story=[para("x")])
    error = caught.value
    assert error.code == "report_write_failed"
    assert error.values["path"] == str(target)
    assert str(target) in error.message("fr")
    assert "Impossible d'enregistrer" in error.message("fr")
    assert "could not be saved" in error.message("en")


def test_failed_replace_keeps_the_old_file_and_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"old content")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(base.os, "replace", locked)
    with pytest.raises(PtceError) as caught:
        base.save_bytes_atomically(target, b"%PDF-new")
    assert caught.value.code == "report_write_failed"
    assert caught.value.values["detail"] == "Permission denied"
    assert target.read_bytes() == b"old content"
    assert os.listdir(tmp_path) == ["rapport.pdf"]
