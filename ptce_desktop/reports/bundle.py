"""One PDF holding the compte rendu financier of a grant and the activity reports of its period.

The notice of the Cerfa 15059*02 says the compte rendu goes to the funder with the annual
activity report (docs/research/cerfa-and-reports.md §1.1); printing them in one file is one
user action. The file opens with a front sheet listing its contents; the compte rendu
(:func:`~.cerfa15059.cerfa_story`) and each activity report (:func:`~.activity.activity_story`,
one per year of the grant's period that has activity, oldest first) follow, each on a new page
and each a PDF bookmark (ReportLab outlines), so a reader can jump to it. Page numbers run
through the whole file (« page n / N » in the footer, as in every report) and the front sheet
gives the pages of each part: the file is laid out once to learn where each part starts, then
again with those numbers (the front sheet's length does not depend on them). The running
header carries a short title that fits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from os import PathLike

from reportlab.platypus import Flowable, PageBreak

from ptce_desktop.documents.activity import ActivityReportData
from ptce_desktop.documents.cerfa import CerfaReport
from ptce_desktop.reports.activity import TITLE as ACTIVITY_TITLE
from ptce_desktop.reports.activity import activity_story
from ptce_desktop.reports.base import Target, build_pdf, guillemets, render_pdf
from ptce_desktop.reports.cerfa15059 import DOCUMENT_TITLE, cerfa_story
from ptce_desktop.reports.flowables import heading, para, spacer, title_block
from ptce_desktop.reports.styles import get_styles
from ptce_desktop.reports.tables import data_table

__all__ = ["BUNDLE_TITLE", "Bookmark", "build_crf_with_activity_report", "concatenate"]

#: The running header's title: short enough never to be cut.
BUNDLE_TITLE = "Dossier de compte rendu de subvention"


class Bookmark(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """An entry of the PDF's outline (bookmarks panel) pointing at where it is drawn;
    ``pages``, when given, records the page number it is drawn on under ``key``."""

    def __init__(
        self, title: str, key: str, level: int = 0, pages: dict[str, int] | None = None
    ) -> None:
        super().__init__()
        self.title, self.key, self.level, self.pages = title, key, level, pages
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber()
        # Our canvas holds every page until the end to stamp « page n / N » (reports.base), so
        # the document's own page counter stays at 1 while laying out: point the destination
        # at this page's name (« Page000008 »), which the pages get when finally written.
        document = canvas._doc
        counter, document.pageCounter = document.pageCounter, page
        try:
            canvas.bookmarkPage(self.key)
        finally:
            document.pageCounter = counter
        canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        canvas.showOutline()
        if self.pages is not None:
            self.pages[self.key] = page


def concatenate(*stories: Sequence[Flowable]) -> list[Flowable]:
    """The stories one after the other, each after the first starting on a new page."""
    story: list[Flowable] = []
    for part in stories:
        if story and part:
            story.append(PageBreak())
        story += part
    return story


def page_range(keys: Sequence[str], starts: Mapping[str, int], total: int) -> list[str]:
    """« 2 à 6 » (or « 7 » for one page) for each part ``keys[i]`` from where each part
    starts; « — » while the starts are not known yet (the first layout)."""
    ranges = []
    for index, key in enumerate(keys):
        first = starts.get(key)
        following = starts.get(keys[index + 1]) if index + 1 < len(keys) else total + 1
        if first is None or following is None:
            ranges.append("—")
            continue
        last = max(first, following - 1)
        ranges.append(str(first) if last == first else f"{first} à {last}")
    return ranges


def _keys(activities: Sequence[ActivityReportData]) -> list[str]:
    return ["sommaire", "crf", *(f"ra-{activity.year}" for activity in activities)]


def _front_sheet(
    cerfa: CerfaReport,
    activities: Sequence[ActivityReportData],
    starts: Mapping[str, int],
    total: int,
    seen: dict[str, int],
) -> list[Flowable]:
    grant = cerfa.grant
    pages = page_range(_keys(activities), starts, total)[1:]
    rows = [["1", DOCUMENT_TITLE + " (Cerfa n°\u00a015059*02)", grant.title, pages[0]]]
    rows += [
        [
            str(index),
            f"{ACTIVITY_TITLE} {activity.year_label}",
            f"exercice {activity.year_label}",
            pages[index - 1],
        ]
        for index, activity in enumerate(activities, start=2)
    ]
    story: list[Flowable] = [
        Bookmark("Sommaire", "sommaire", pages=seen),
        *title_block(BUNDLE_TITLE, f"{grant.funder_name} — {guillemets(grant.title)}"),
        para(
            "Ce dossier réunit le compte rendu financier de la subvention et le rapport "
            "d'activité du pôle pour chaque exercice de la période de la subvention où une "
            "activité est enregistrée. Chaque partie figure dans les signets du document ; "
            "ses pages sont numérotées en bas de page."
        ),
        spacer(6),
        heading("Contenu du dossier", 2),
        *data_table(
            ("N°", "Document", "Objet", "Pages"),
            rows,
            (0.5, 4.0, 3.4, 0.9),
            zebra=False,
            align_right_cols=(3,),
        ),
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


def _story(
    cerfa: CerfaReport,
    reports: Sequence[ActivityReportData],
    *,
    group_rows_only: bool,
    starts: Mapping[str, int],
    total: int,
    seen: dict[str, int],
) -> list[Flowable]:
    parts: list[list[Flowable]] = [
        _front_sheet(cerfa, reports, starts, total, seen),
        [
            Bookmark(DOCUMENT_TITLE, "crf", pages=seen),
            *cerfa_story(cerfa, group_rows_only=group_rows_only),
        ],
    ]
    for activity in reports:
        parts.append(
            [
                Bookmark(
                    f"{ACTIVITY_TITLE} {activity.year_label}", f"ra-{activity.year}", pages=seen
                ),
                *activity_story(activity),
            ]
        )
    return concatenate(*parts)


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
    years = ", ".join(activity.year_label for activity in reports)
    title, pole_name, logo = BUNDLE_TITLE, cerfa.pole.name, cerfa.logo_path
    subject = f"{cerfa.grant.title} — {cerfa.grant.funder_name}" + (
        f" — rapports d'activité {years}" if years else ""
    )

    def story(starts: Mapping[str, int], total: int, seen: dict[str, int]) -> list[Flowable]:
        return _story(
            cerfa, reports, group_rows_only=group_rows_only, starts=starts, total=total, seen=seen
        )

    starts: dict[str, int] = {}
    _, total = render_pdf(
        title=title,
        subject=subject,
        pole_name=pole_name,
        story=story({}, 0, starts),
        logo_path=logo,
        generated_on=generated_on,
    )
    pages = total
    for _attempt in range(3):  # once: the numbers never move the parts (checked all the same)
        seen: dict[str, int] = {}
        pages = build_pdf(
            target,
            title=title,
            subject=subject,
            pole_name=pole_name,
            story=story(starts, total, seen),
            logo_path=logo,
            generated_on=generated_on,
            progress=progress,
        )
        if (seen, pages) == (starts, total) or not isinstance(target, str | PathLike):
            break
        starts, total = seen, pages
    return pages
