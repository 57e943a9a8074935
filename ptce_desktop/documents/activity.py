"""Read model of the "Rapport d'activité" PDF (DESIGN §6;
docs/research/cerfa-and-reports.md §3.6).

Plain frozen data classes importing only the standard library; filled by
:func:`ptce_desktop.documents.builders.activity.build_activity_data` (where the rules behind
each figure are told), printed by :mod:`ptce_desktop.reports.activity`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = [
    "ActivityReportData",
    "BodyLine",
    "CategoryLine",
    "EligibilityView",
    "EventLine",
    "FinanceView",
    "FunderLine",
    "JobsLine",
    "JobsTotals",
    "KeyFigures",
    "MeetingLine",
    "MemberLine",
    "PoleIdentity",
    "ProjectLine",
    "ServiceLine",
]


@dataclass(frozen=True)
class PoleIdentity:
    name: str
    siret: str | None = None
    rna: str | None = None
    territory: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    legal_rep: str | None = None
    lead_member: str | None = None


@dataclass(frozen=True)
class KeyFigures:
    members: int = 0
    headcount: int = 0
    etp_milli: int = 0
    services: int = 0
    projects: int = 0
    events: int = 0
    meetings: int = 0
    costs_cents: int = 0
    grants_received_cents: int = 0
    in_kind_cents: int = 0


@dataclass(frozen=True)
class CategoryLine:
    """Members of a category: ``count`` were members at some time in the fiscal year,
    ``joined`` / ``left`` joined or left during it."""

    label: str
    count: int
    joined: int
    left: int

    @property
    def at_start(self) -> int:
        """Members on the first day of the year: those of the year who had not yet joined."""
        return self.count - self.joined

    @property
    def at_end(self) -> int:
        """Members on the last day: at the start + entries − exits."""
        return self.count - self.left


@dataclass(frozen=True)
class EligibilityView:
    ess: int = 0
    non_ess: int = 0
    other: int = 0
    #: What is missing, in words ("au moins une entreprise de l'ESS"…).
    missing: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class MemberLine:
    name: str
    category_label: str
    siret: str | None = None
    joined_on: dt.date | None = None
    left_on: dt.date | None = None


@dataclass(frozen=True)
class JobsLine:
    """Figures one member declared for the year (``None``: not declared)."""

    member_name: str
    headcount: int | None = None
    etp_milli: int | None = None
    created: int | None = None
    maintained: int | None = None
    volunteers: int | None = None


@dataclass(frozen=True)
class JobsTotals:
    members: int = 0
    reporting: int = 0
    headcount: int = 0
    etp_milli: int = 0
    created: int = 0
    maintained: int = 0
    volunteers: int = 0


@dataclass(frozen=True)
class ServiceLine:
    name: str
    key_name: str | None
    users: int
    cost_count: int
    costs_cents: int
    shared_cents: int


@dataclass(frozen=True)
class ProjectLine:
    name: str
    status_label: str
    start: dt.date | None = None
    end: dt.date | None = None
    lead_name: str | None = None
    partners: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class EventLine:
    date: dt.date
    title: str
    kind: str | None = None
    place: str | None = None
    participants: int | None = None


@dataclass(frozen=True)
class BodyLine:
    name: str
    kind_label: str
    meetings: int


@dataclass(frozen=True)
class MeetingLine:
    date: dt.date
    title: str
    body_name: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class FunderLine:
    name: str
    type_label: str
    grants: int
    voted_cents: int
    received_cents: int


@dataclass(frozen=True)
class FinanceView:
    """The pole's money for the year as the application knows it (all « — exercice Y »).

    Income: the members' contributions to the shared services (appelé — exercice: the calls
    of the year), the membership fees due for the year, the grants received (instalments
    dated in the year). Charges: the shared costs (charges mutualisées — exercice, the split
    amount) and what was passed on to members (redistributions dated in the year).
    """

    contributions_cents: int = 0
    fees_cents: int = 0
    grants_cents: int = 0
    shared_costs_cents: int = 0
    passed_on_cents: int = 0

    @property
    def income_cents(self) -> int:
        return self.contributions_cents + self.fees_cents + self.grants_cents

    @property
    def charges_cents(self) -> int:
        return self.shared_costs_cents + self.passed_on_cents

    @property
    def result_cents(self) -> int:
        return self.income_cents - self.charges_cents

    @property
    def own_resources_cents(self) -> int:
        """Resources from the members themselves (contributions and fees)."""
        return self.contributions_cents + self.fees_cents

    @property
    def self_financing(self) -> tuple[int, int]:
        """(own resources, income): the self-financing rate is their ratio (income > 0)."""
        return self.own_resources_cents, self.income_cents


@dataclass(frozen=True)
class ActivityReportData:
    year: int
    year_label: str
    period_start: dt.date
    period_end: dt.date
    pole: PoleIdentity
    logo_path: str | None = None
    edito: str = ""
    perspectives: str = ""
    figures: KeyFigures = KeyFigures()
    categories: tuple[CategoryLine, ...] = ()
    eligibility: EligibilityView = EligibilityView()
    members: tuple[MemberLine, ...] = ()
    jobs: tuple[JobsLine, ...] = ()
    jobs_totals: JobsTotals = JobsTotals()
    services: tuple[ServiceLine, ...] = ()
    projects: tuple[ProjectLine, ...] = ()
    events: tuple[EventLine, ...] = ()
    bodies: tuple[BodyLine, ...] = ()
    meetings: tuple[MeetingLine, ...] = ()
    #: Received in the year per funder type (label, cents), types with money only.
    funding_by_type: tuple[tuple[str, int], ...] = ()
    funders: tuple[FunderLine, ...] = ()
    in_kind_cents: int = 0
    in_kind_hours_milli: int = 0
    finance: FinanceView = FinanceView()
    #: The previous fiscal year (for the synthesis' comparison), when it has activity.
    previous: ActivityReportData | None = None

    @property
    def has_activity(self) -> bool:
        """Something happened in the year: costs, money received, in-kind, events, meetings,
        the members' jobs figures or the report's texts (members alone do not make a year)."""
        f = self.figures
        return bool(
            f.costs_cents
            or f.grants_received_cents
            or self.in_kind_cents
            or self.events
            or self.meetings
            or self.jobs
            or self.edito.strip()
            or self.perspectives.strip()
        )
