"""One PDF holding the compte rendu financier of a grant followed by the activity report.

The notice of the Cerfa 15059*02 says the compte rendu goes to the funder with the last annual
activity report (docs/research/cerfa-and-reports.md §1.1); printing both in one file is one user
action. Both documents expose their flowables (:func:`~.cerfa15059.cerfa_story`,
:func:`~.activity.activity_story`), laid out one after the other in the same frame, the
activity report starting on a new page. Page numbers run through the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.platypus import Flowable, PageBreak

from ptce_desktop.documents.activity import ActivityReportData
from ptce_desktop.documents.cerfa import CerfaReport
from ptce_desktop.reports.activity import activity_story
from ptce_desktop.reports.base import Target, build_pdf
from ptce_desktop.reports.cerfa15059 import DOCUMENT_TITLE, cerfa_story

__all__ = ["build_crf_with_activity_report", "concatenate"]


def concatenate(*stories: Sequence[Flowable]) -> list[Flowable]:
    """The stories one after the other, each after the first starting on a new page."""
    story: list[Flowable] = []
    for part in stories:
        if story and part:
            story.append(PageBreak())
        story += part
    return story


def build_crf_with_activity_report(
    cerfa: CerfaReport,
    activity: ActivityReportData,
    target: Target,
    *,
    group_rows_only: bool = False,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the grant's Cerfa 15059 then the activity report of ``activity``'s year to
    ``target`` in one PDF; returns the number of pages."""
    story = concatenate(
        cerfa_story(cerfa, group_rows_only=group_rows_only), activity_story(activity)
    )
    return build_pdf(
        target,
        title=f"{DOCUMENT_TITLE} et rapport d'activité {activity.year_label}",
        subject=f"{cerfa.grant.title} — {cerfa.grant.funder_name}",
        pole_name=cerfa.pole.name,
        story=story,
        logo_path=cerfa.logo_path,
        generated_on=generated_on,
        progress=progress,
    )
