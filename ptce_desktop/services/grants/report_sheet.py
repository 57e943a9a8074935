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
from collections.abc import Sequence
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


def _check_count(count: int, field: str, row: int | None = None) -> None:
    if not 0 <= count <= _MAX_COUNT:
        raise PtceError("report_sheet_count_invalid", field, value=count, row=row or 0)


def _check_length(cells: Sequence[str], field: str, row: int) -> None:
    if any(len(cell) > _MAX_TEXT for cell in cells):
        raise PtceError("report_sheet_text_too_long", field, row=row, max=_MAX_TEXT)


def _checked(sheet: ReportSheet) -> ReportSheet:
    """Trimmed, empty rows dropped. Each refusal names its field (``indicators``, ``publics``,
    ``beneficiaries_count``) and, for a table, the row (1-based, as the user sees it):
    an indicator without a name, a public without a name, a count outside 0 – 10 000 000, a
    breakdown by public above the number of beneficiaries, too many rows, a cell too long."""
    indicators: list[Indicator] = []
    for row, item in enumerate(sheet.indicators, start=1):
        label, expected, achieved = item.label.strip(), item.expected.strip(), item.achieved.strip()
        if not (label or expected or achieved):
            continue
        if not label:
            raise PtceError("report_sheet_indicator_unnamed", "indicators", row=row)
        _check_length((label, expected, achieved), "indicators", row)
        indicators.append(Indicator(label, expected, achieved))
    publics: list[PublicCount] = []
    for row, public in enumerate(sheet.publics, start=1):
        name = public.public.strip()
        if not name and not public.count:
            continue
        if not name:
            raise PtceError("report_sheet_public_unnamed", "publics", row=row)
        _check_length((name,), "publics", row)
        _check_count(public.count, "publics", row)
        publics.append(PublicCount(name, public.count))
    for field, rows in (("indicators", indicators), ("publics", publics)):
        if len(rows) > _MAX_ROWS:
            raise PtceError("report_sheet_too_many_rows", field, max=_MAX_ROWS)
    total = sheet.beneficiaries_count
    if total is not None:
        _check_count(total, "beneficiaries_count")
        broken_down = sum(item.count for item in publics)
        if broken_down > total:
            raise PtceError(
                "report_sheet_publics_exceed", "publics", publics=broken_down, total=total
            )
    return ReportSheet(
        objectives=_text(sheet.objectives),
        indicators=tuple(indicators),
        beneficiaries_count=total,
        publics=tuple(publics),
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
