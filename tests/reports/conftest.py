"""Helpers to read generated PDFs back (pypdf) in report tests."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

PdfSource = Path | bytes


def _reader(source: PdfSource) -> PdfReader:
    return PdfReader(BytesIO(source) if isinstance(source, bytes) else source)


def _page_texts(source: PdfSource) -> list[str]:
    return [page.extract_text() for page in _reader(source).pages]


@pytest.fixture
def pdf_reader() -> Callable[[PdfSource], PdfReader]:
    return _reader


@pytest.fixture
def page_texts() -> Callable[[PdfSource], list[str]]:
    """Extracted text of each page, whitespace (line breaks, U+00A0) collapsed to one space."""

    def texts(source: PdfSource) -> list[str]:
        return [" ".join(text.split()) for text in _page_texts(source)]

    return texts


@pytest.fixture
def body_text() -> Callable[[PdfSource], str]:
    """The text of all pages without the running header (2 lines) and footer (2 lines), with
    all whitespace removed: long texts that wrap or cross a page break read back whole."""

    def text(source: PdfSource) -> str:
        lines = [line for page in _page_texts(source) for line in page.splitlines()[2:-2]]
        return "".join("".join(lines).split())

    return text
