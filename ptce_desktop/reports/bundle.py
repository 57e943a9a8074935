"""One PDF holding the compte rendu financier of a grant and the activity reports of its period.

The notice of the Cerfa 15059*02 says the compte rendu goes to the funder with the annual
activity report (docs/research/cerfa-and-reports.md §1.1); printing them in one file is one
user action. The file opens with a front sheet listing its contents; the compte rendu
(:func:`~.cerfa15059.cerfa_story`) and each activity report (:func:`~.activity.activity_story`,
one per year of the grant's period that has activity, oldest first) follow, each on a new page
and each a PDF bookmark (ReportLab outlines), so a reader can jump to it. Page numbers run
through the whole file; the running header carries a short title that fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.platypus import Flowable, PageBreak

from ptce_desktop.documents.activity import ActivityReportData
from ptce_desktop.documents.cerfa import CerfaReport
from ptce_desktop.reports.activity import TITLE as ACTIVITY_TITLE
from ptce_desktop.reports.activity import activity_story
from ptce_desktop.reports.base import Target, build_pdf, guillemets
from ptce_desktop.reports.cerfa15059 import DOCUMENT_TITLE, cerfa_story
from ptce_desktop.reports.flowables import heading, para, spacer, title_block
from ptce_desktop.reports.styles import get_styles
from ptce_desktop.reports.tables import data_table

__all__ = ["BUNDLE_TITLE", "Bookmark", "build_crf_with_activity_report", "concatenate"]

#: The running header's title: short enough never to be cut.
BUNDLE_TITLE = "Dossier de compte rendu de subvention"


class Bookmark(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """An entry of the PDF's outline (bookmarks panel) pointing at where it is drawn."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.canv.showOutline()


def concatenate(*stories: Sequence[Flowable]) -> list[Flowable]:
    """The stories one after the other, each after the first starting on a new page."""
    story: list[Flowable] = []
    for part in stories:
        if story and part:
            story.append(PageBreak())
        story += part
    return story


def _front_sheet(cerfa: CerfaReport, activities: Sequence[ActivityReportData]) -> list[Flowable]:
    grant = cerfa.grant
    rows = [["1", DOCUMENT_TITLE + " (Cerfa n° 15059*02)", grant.title]]
    rows += [
        [str(index), f"{ACTIVITY_TITLE} {activity.year_label}", f"exercice {activity.year_label}"]
        for index, activity in enumerate(activities, start=2)
    ]
    story: list[Flowable] = [
        Bookmark("Sommaire", "sommaire"),
        *title_block(BUNDLE_TITLE, f"{grant.funder_name} — {guillemets(grant.title)}"),
        para(
            "Ce dossier réunit le compte rendu financier de la subvention et le rapport "
            "d'activité du pôle pour chaque exercice de la période de la subvention où une "
            "activité est enregistrée. Chaque partie figure dans les signets du document."
        ),
        spacer(6),
        heading("Contenu du dossier", 2),
        *data_table(("N°", "Document", "Objet"), rows, (0.5, 4.2, 4.0), zebra=False),
    ]
    if not activities:
        story += [
            spacer(4),
            para(
                "Aucun exercice de la période n'a d'activité enregistrée : aucun rapport "
                "d'activité n'est joint.",
                get_styles().small,
            ),
        ]
    return story


def build_crf_with_activity_report(
    cerfa: CerfaReport,
    activities: ActivityReportData | Sequence[ActivityReportData],
    target: Target,
    *,
    group_rows_only: bool = False,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the front sheet, the grant's Cerfa 15059 then each activity report to ``target``
    in one PDF; returns the number of pages."""
    reports = [activities] if isinstance(activities, ActivityReportData) else list(activities)
    parts: list[list[Flowable]] = [
        _front_sheet(cerfa, reports),
        [
            Bookmark(DOCUMENT_TITLE, "crf"),
            *cerfa_story(cerfa, group_rows_only=group_rows_only),
        ],
    ]
    for activity in reports:
        parts.append(
            [
                Bookmark(f"{ACTIVITY_TITLE} {activity.year_label}", f"ra-{activity.year}"),
                *activity_story(activity),
            ]
        )
    years = ", ".join(activity.year_label for activity in reports)
    return build_pdf(
        target,
        title=BUNDLE_TITLE,
        subject=f"{cerfa.grant.title} — {cerfa.grant.funder_name}"
        + (f" — rapports d'activité {years}" if years else ""),
        pole_name=cerfa.pole.name,
        story=concatenate(*parts),
        logo_path=cerfa.logo_path,
        generated_on=generated_on,
        progress=progress,
    )
