"""The bundle's pages (#10): « page n / N » on every page as in every report, the front sheet
gives the pages of each part, and each bookmark opens the page its part starts on."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from test_report_bundle import GENERATED, activity
from test_report_cerfa import make_report

from ptce_desktop.reports.bundle import build_crf_with_activity_report, page_range


def test_page_range() -> None:
    keys = ["sommaire", "crf", "ra-2024", "ra-2025"]
    assert page_range(keys, {"sommaire": 1, "crf": 2, "ra-2024": 8, "ra-2025": 11}, 13) == [
        "1",
        "2 à 7",
        "8 à 10",
        "11 à 13",
    ]
    assert page_range(keys, {}, 0) == ["—"] * 4  # the first layout: not known yet


def test_front_sheet_pages_footers_and_bookmarks_agree(
    page_texts: Callable[[bytes], list[str]], tmp_path: Path
) -> None:
    reports = [activity(2024, 1_00), activity(2025, 2_00), activity(2026, 3_00)]
    target = tmp_path / "dossier & <l'€>.pdf"
    total = build_crf_with_activity_report(make_report(), reports, target, generated_on=GENERATED)
    data = target.read_bytes()
    texts = page_texts(data)
    assert len(texts) == total > 4
    for number, text in enumerate(texts, start=1):
        assert f"page {number} / {total}" in text  # every page, front sheet included
    reader = PdfReader(BytesIO(data))
    starts = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    titles = list(starts)
    assert starts["Sommaire"] == 1 and starts["Compte rendu financier de subvention"] == 2
    assert sorted(starts.values()) == list(starts.values())  # in order, each on its own page
    assert len(set(starts.values())) == len(starts)
    # each part starts where its bookmark points: its title is on that page
    for title in titles[1:]:
        assert title in texts[starts[title] - 1]
    # the front sheet's « Pages » column says the same, down to the last page
    front = " ".join(texts[0].split())
    expected = []
    for index, title in enumerate(titles[1:], start=1):
        first = starts[title]
        last = starts[titles[index + 1]] - 1 if index + 1 < len(titles) else total
        expected.append(str(first) if first == last else f"{first} à {last}")
    for pages in expected:
        assert pages in front
    assert expected[-1].endswith(str(total))


def test_same_layout_in_a_stream(page_texts: Callable[[bytes], list[str]]) -> None:
    buffer = BytesIO()
    total = build_crf_with_activity_report(
        make_report(), [activity(2024, 1_00)], buffer, generated_on=GENERATED
    )
    texts = page_texts(buffer.getvalue())
    assert len(texts) == total
    front = " ".join(texts[0].split())
    assert "€ 2 à " in front and f"exercice 2024 8 à {total} Généré" in front
