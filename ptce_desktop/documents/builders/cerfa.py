"""Builders of the compte rendu financier (Cerfa 15059*02) of one grant.

The read model and the pure rules of the grid are in :mod:`ptce_desktop.documents.cerfa`; the
figures are gathered in :mod:`.cerfa_build` (rules in its docstring) inside one read session.
"""

from __future__ import annotations

import datetime as dt

from ptce_desktop.documents.activity import ActivityReportData
from ptce_desktop.documents.builders.activity import build_activity_data
from ptce_desktop.documents.builders.cerfa_build import build_report
from ptce_desktop.documents.cerfa import CerfaReport
from ptce_desktop.services.common import fiscal_year_for
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["build_cerfa_report", "build_crf_bundle_data"]


def build_cerfa_report(
    uow: UnitOfWork,
    grant_id: int,
    *,
    year: int | None = None,
    refuse_draft: bool = False,
    refuse_unclassified: bool = False,
) -> CerfaReport:
    """The read model of the Cerfa 15059 of grant ``grant_id``, in one read session.

    How the figures are gathered is told in :mod:`.cerfa_build`. ``year`` restricts the report
    to the part of the grant's period inside that fiscal year (``cerfa_year_outside`` when
    there is none). ``refuse_draft`` raises ``cerfa_grant_not_voted`` for a grant that is not
    voted; ``refuse_unclassified`` raises ``cerfa_unclassified_costs`` when costs of the
    period have no Cerfa line (the window previews both, watermarked or listed). Raises
    ``not_found`` for an unknown grant; a grant without any data gives a full grid of zeros.
    """
    return build_report(
        uow,
        grant_id,
        year=year,
        refuse_draft=refuse_draft,
        refuse_unclassified=refuse_unclassified,
    )


def build_crf_bundle_data(
    uow: UnitOfWork, grant_id: int, year: int | None = None
) -> tuple[CerfaReport, ActivityReportData]:
    """The Cerfa of the grant and the activity report of ``year`` to print them together.

    ``year`` (a fiscal year's start year) defaults to the last fiscal year of the grant's
    period (the activity report that goes with the compte rendu), or for a grant without a
    period the fiscal year of today.
    """
    report = build_cerfa_report(uow, grant_id)
    if year is None:
        if report.grant.exercise_years:
            year = report.grant.exercise_years[-1]
        else:
            with uow.read() as session:
                year = fiscal_year_for(session, dt.date.today()).start_year
    return report, build_activity_data(uow, year)
