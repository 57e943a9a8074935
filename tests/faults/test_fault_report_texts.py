"""Bad texts in every report (docs/research/ecosystem-reliability.md §5, items 1–11).

One small pole is filled through the real services with hostile member names, a hostile cost
label and grant title, and redistribution grounds of 5 000 and 20 000 characters; every report
is built from it and read back with pypdf.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile
from support.faults_world import (
    LONG_NAME,
    build_world,
    font_names,
    image_count,
    pdf_text,
    render_all,
    squeezed,
)

from ptce_desktop.reports.base import render_pdf
from ptce_desktop.reports.flowables import ELLIPSIS, para
from ptce_desktop.reports.tables import data_table
from ptce_desktop.resources import font_path
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork

AMPERSAND = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b><font size=40>"
SECRET = "secret-ne-pas-lire.png"
IMG_TEMPLATE = '<img src="{}"/>'
IMG_URL = '<img src="http://127.0.0.1:9/logo.png"/>'
UNCLOSED = "<i>texte"
ENTITIES = "Atelier &nbsp; l'&eacute;t&eacute;"
FRENCH = "Œuvre, cœur, 1 234,56 €, — « »"
EUROPEAN = "Łódź Dvořák Győr Жуков"
EMOJI_ARABIC = "Café 😀 مرحبا"
DESCRIPTION = "Décision « A » & <b> " * 250  # 5 250 characters, in a table cell
TOKEN = "x" * 20_000  # one unbroken word


@pytest.fixture(scope="module")
def secret_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / SECRET
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    return path


@pytest.fixture(scope="module")
def reports(
    _template_db: Path, tmp_path_factory: pytest.TempPathFactory, secret_image: Path
) -> Iterator[tuple[dict[str, bytes], dict[str, str], list[str]]]:
    """Every report of the hostile pole, each member's relevé keyed by its name, and every
    path opened while building them."""
    import shutil

    path = tmp_path_factory.mktemp("hostile") / "pôle hostile & <co>.sqlite3"
    shutil.copyfile(_template_db, path)
    names = [
        AMPERSAND,
        MARKUP,
        IMG_TEMPLATE.format(secret_image),
        IMG_URL,
        UNCLOSED,
        ENTITIES,
        FRENCH,
        EUROPEAN,
        EMOJI_ARABIC,
        LONG_NAME,
    ]
    opened: list[str] = []
    real_open = builtins.open

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        world = build_world(
            uow,
            names,
            grant_title="Animation <i>texte & <coopération>",
            bases=[DESCRIPTION, TOKEN],
        )
        with (
            mock.patch.object(builtins, "open", spy_open),
            mock.patch("urllib.request.urlopen", side_effect=AssertionError("fetch")),
        ):
            documents = render_all(uow, world)
    finally:
        database.close()
    statements = {
        name: documents[f"relevé {member}"]
        for name, member in zip(names, world.members, strict=True)
    }
    yield documents, {name: pdf_text(data) for name, data in statements.items()}, opened


def _shared(reports: tuple[dict[str, bytes], dict[str, str], list[str]]) -> dict[str, str]:
    """Squeezed text of the documents that list every member."""
    documents = reports[0]
    return {
        name: squeezed(documents[name]) for name in ("activité", "redistribution", "répartition")
    }


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_item01_ampersand_and_angle_brackets_print_verbatim(reports: Any) -> None:
    for name, text in _shared(reports).items():
        assert _squeeze(AMPERSAND) in text, name
    assert AMPERSAND in reports[1][AMPERSAND]
    assert "Dupont Fils" not in reports[1][AMPERSAND] and "&amp;" not in reports[1][AMPERSAND]


def test_item02_markup_in_a_name_is_printed_not_applied(reports: Any) -> None:
    for name, text in _shared(reports).items():
        assert _squeeze(MARKUP) in text, name
    assert MARKUP in reports[1][MARKUP]
    sizes: list[float] = []
    for data in reports[0].values():
        for page in PdfReader(BytesIO(data)).pages:
            page.extract_text(
                visitor_text=lambda _t, _cm, tm, _font, size: sizes.append(
                    size * abs(tm[0]) or size
                )
            )
    assert sizes and max(sizes) < 30  # nothing was set at 40 points


def test_item03_img_tag_is_text_no_file_read_no_fetch(reports: Any, secret_image: Path) -> None:
    documents, statements, opened = reports
    image_name = IMG_TEMPLATE.format(secret_image)
    assert _squeeze(image_name) in _squeeze(statements[image_name])  # the long path wraps
    assert IMG_URL in statements[IMG_URL]
    for name, text in _shared(reports).items():
        assert _squeeze(image_name) in text, name
    assert not [path for path in opened if SECRET in path]
    assert all(image_count(data) == 0 for data in documents.values())  # no logo set, no image


def test_item04_unclosed_italic_tag_in_any_field_still_builds(reports: Any) -> None:
    documents, statements, _ = reports
    assert UNCLOSED in statements[UNCLOSED]
    assert _squeeze("Animation <i>texte & <coopération>") in squeezed(documents["cerfa"])
    assert _squeeze("Animation <i>texte & <coopération>") in squeezed(documents["redistribution"])


def test_item05_html_entities_print_literally(reports: Any) -> None:
    text = reports[1][ENTITIES]
    assert ENTITIES in text
    assert "l'été" not in text
    for name, shared in _shared(reports).items():
        assert _squeeze(ENTITIES) in shared, name


def _font_covers(text: str) -> list[str]:
    """Characters of ``text`` the bundled regular face has no glyph for."""
    cmap = TTFontFile(str(font_path("DejaVuSans.ttf"))).charToGlyph
    return [char for char in text if not char.isspace() and ord(char) not in cmap]


def test_item06_french_typography_renders_and_extracts_identically(reports: Any) -> None:
    assert _font_covers(FRENCH) == []
    assert FRENCH in reports[1][FRENCH]
    for data in reports[0].values():
        fonts = font_names(data)
        assert fonts and all("DejaVuSans" in font for font in fonts)  # embedded, no Helvetica


def test_item07_polish_czech_cyrillic_render_with_the_bundled_font(reports: Any) -> None:
    assert _font_covers(EUROPEAN) == []
    assert EUROPEAN in reports[1][EUROPEAN]
    for name, text in _shared(reports).items():
        assert _squeeze(EUROPEAN) in text, name


def test_item08_emoji_and_arabic_build_without_error(reports: Any) -> None:
    text = reports[1][EMOJI_ARABIC]
    assert "Café" in text  # the emoji has no glyph (and ReportLab maps it oddly): no crash
    assert "ا" in text  # Arabic extracts (reversed, acceptable for a French app)


def test_item09_5000_character_description_in_a_table_cell(reports: Any) -> None:
    text = squeezed(reports[0]["redistribution"])
    # The row is split across pages (header and footer in between): count the repeats.
    assert text.count(_squeeze("Décision « A » & <b>")) >= 250
    story = data_table(("Libellé", "Montant"), [[DESCRIPTION, "12,00 €"]])
    data, pages = render_pdf(title="Test", subject="s", pole_name="Pôle & <co>", story=story)
    # Split inside the row across two pages, every word printed (one repeat straddles).
    assert pages >= 2 and squeezed(data).count("Décision") == 250


def test_item10_unbroken_20000_character_token_never_raises_layout_error(reports: Any) -> None:
    text = pdf_text(reports[0]["redistribution"])
    assert "x" * 500 in "".join(text.split()) and ELLIPSIS in text  # cut, not lost
    for story in ([para(TOKEN)], data_table(("Fondement", "Montant"), [[TOKEN, "1,00 €"]])):
        data, pages = render_pdf(title="Jeton", subject="s", pole_name="Pôle", story=story)
        assert pages >= 1 and "x" * 50 in squeezed(data)


def test_item11_empty_pole_every_report_builds_and_says_what_is_empty(
    db_path: Path, database: Any, uow: UnitOfWork
) -> None:
    PoleService(uow).create_pole("Pôle vide & <rien> — l'€")
    documents = render_all(uow)
    assert set(documents) == {"activité", "redistribution", "répartition"}
    for name, data in documents.items():
        text = pdf_text(data)
        assert "Pôle vide & <rien> — l'€" in text, name
        if name == "activité":  # empty sections are left out, never printed as content
            assert "Aucune donnée" not in text
            assert "0,00 €" in text
        else:
            assert "Aucune donnée" in text, name
