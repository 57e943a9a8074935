"""The compte rendu + activity reports bundle (#10 item 6): a front sheet listing its contents,
PDF bookmarks, one activity report per year with activity, a running header that fits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

from pypdf import PdfReader
from test_report_cerfa import make_report

from ptce_desktop.documents.activity import (
    ActivityReportData,
    EligibilityView,
    KeyFigures,
    PoleIdentity,
)
from ptce_desktop.reports.bundle import BUNDLE_TITLE, build_crf_with_activity_report

GENERATED = date(2026, 3, 2)


def activity(year: int, costs: int = 0) -> ActivityReportData:
    return ActivityReportData(
        year=year,
        year_label=str(year),
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        pole=PoleIdentity(name="Pôle Sud & <Drôme> — l'€"),
        eligibility=EligibilityView(1, 1, 1, ()),
        figures=KeyFigures(costs_cents=costs),
    )


def test_front_sheet_bookmarks_and_every_year(page_texts: Callable[[bytes], list[str]]) -> None:
    reports = [activity(2024, 1_00), activity(2025, 2_00)]
    buffer = BytesIO()
    pages = build_crf_with_activity_report(make_report(), reports, buffer, generated_on=GENERATED)
    data = buffer.getvalue()
    texts = page_texts(data)
    assert len(texts) == pages
    front = texts[0]
    assert "Contenu du dossier" in front
    for expected in ("Compte rendu financier de subvention", "Rapport d'activité 2024"):
        assert expected in front
    assert "Rapport d'activité 2025" in front
    outline = [item.title for item in PdfReader(BytesIO(data)).outline]
    assert outline == [
        "Sommaire",
        "Compte rendu financier de subvention",
        "Rapport d'activité 2024",
        "Rapport d'activité 2025",
    ]
    # the running header's title fits: never cut with « … »
    assert all(BUNDLE_TITLE in text for text in texts)
    assert not any(f"{BUNDLE_TITLE}…" in text or "…rapport" in text for text in texts)


def test_years_without_activity_are_not_attached() -> None:
    assert activity(2027).has_activity is False
    assert activity(2026, 5).has_activity is True
    buffer = BytesIO()
    build_crf_with_activity_report(make_report(), [], buffer, generated_on=GENERATED)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    assert "aucun rapport d'activité n'est joint" in reader.pages[0].extract_text()
    assert [item.title for item in reader.outline] == [
        "Sommaire",
        "Compte rendu financier de subvention",
    ]
