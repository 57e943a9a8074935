"""Feuillet 1 of a grant's Cerfa 15059 beyond its free texts: objectives and their indicators
(expected / achieved), the number of beneficiaries and their breakdown by public, the dates and
the places of the action apart (research/cerfa-and-reports.md §1.2).

Stored on the grant's report row (``grant_report_texts``: the indicators and publics as JSON),
by its own method so that editing the free texts (:meth:`.GrantService.set_report_texts`) never
touches them. An empty value is « not filled in »: the document then leaves the section out or
pre-fills it from the events of the action.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.services.common import get_or_error
from ptce_desktop.store.models import Grant, GrantReportText
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["Indicator", "PublicCount", "ReportSheet", "ReportSheetService", "sheet_of"]

_MAX_ROWS = 50
_MAX_TEXT = 2_000
_MAX_COUNT = 10_000_000


@dataclass(frozen=True)
class Indicator:
    """One evaluation indicator: what is measured, what was expected, what was achieved."""

    label: str
    expected: str = ""
    achieved: str = ""


@dataclass(frozen=True)
class PublicCount:
    """Beneficiaries of one public (« jeunes de moins de 26 ans », « salariés en insertion »…)."""

    public: str
    count: int


@dataclass(frozen=True)
class ReportSheet:
    objectives: str | None = None
    indicators: tuple[Indicator, ...] = ()
    beneficiaries_count: int | None = None
    publics: tuple[PublicCount, ...] = ()
    action_dates: str | None = None
    action_places: str | None = None


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def sheet_of(row: GrantReportText | None) -> ReportSheet:
    """The sheet stored on a report row (an empty sheet without one)."""
    if row is None:
        return ReportSheet()
    indicators = tuple(Indicator(*item) for item in json.loads(row.indicators_json or "[]"))
    publics = tuple(
        PublicCount(name, int(count)) for name, count in json.loads(row.publics_json or "[]")
    )
    return ReportSheet(
        objectives=row.objectives,
        indicators=indicators,
        beneficiaries_count=row.beneficiaries_count,
        publics=publics,
        action_dates=row.action_dates,
        action_places=row.action_places,
    )


def _checked(sheet: ReportSheet) -> ReportSheet:
    """Trimmed, empty rows dropped; raises ``report_sheet_invalid`` for a negative or huge
    count, too many rows or a cell too long."""
    indicators = tuple(
        Indicator(item.label.strip(), item.expected.strip(), item.achieved.strip())
        for item in sheet.indicators
        if item.label.strip() or item.expected.strip() or item.achieved.strip()
    )
    publics = tuple(
        PublicCount(item.public.strip(), item.count)
        for item in sheet.publics
        if item.public.strip()
    )
    counts = [item.count for item in publics]
    if sheet.beneficiaries_count is not None:
        counts.append(sheet.beneficiaries_count)
    cells = [text for item in indicators for text in (item.label, item.expected, item.achieved)]
    cells += [item.public for item in publics]
    if (
        any(not 0 <= count <= _MAX_COUNT for count in counts)
        or len(indicators) > _MAX_ROWS
        or len(publics) > _MAX_ROWS
        or any(len(cell) > _MAX_TEXT for cell in cells)
        or any(not item.label for item in indicators)
    ):
        raise PtceError("report_sheet_invalid", "report_sheet")
    return ReportSheet(
        objectives=_text(sheet.objectives),
        indicators=indicators,
        beneficiaries_count=sheet.beneficiaries_count,
        publics=publics,
        action_dates=_text(sheet.action_dates),
        action_places=_text(sheet.action_places),
    )


class ReportSheetService:
    """Read and write feuillet 1 of a grant's report (one user action, one transaction)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def get_sheet(self, grant_id: int) -> ReportSheet:
        with self.uow.read() as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            return sheet_of(grant.report_text)

    def set_sheet(self, grant_id: int, sheet: ReportSheet) -> ReportSheet:
        clean = _checked(sheet)
        with self.uow.write("Modifier le bilan qualitatif d'une subvention") as session:
            grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
            row = grant.report_text or GrantReportText(grant_id=grant.id)
            row.objectives = clean.objectives
            row.indicators_json = (
                json.dumps(
                    [[i.label, i.expected, i.achieved] for i in clean.indicators],
                    ensure_ascii=False,
                )
                if clean.indicators
                else None
            )
            row.beneficiaries_count = clean.beneficiaries_count
            row.publics_json = (
                json.dumps([[p.public, p.count] for p in clean.publics], ensure_ascii=False)
                if clean.publics
                else None
            )
            row.action_dates = clean.action_dates
            row.action_places = clean.action_places
            session.add(row)
            session.flush()
            return sheet_of(row)
