"""Read model of the "Rapport de redistribution" PDF (DESIGN §6): a fiscal year, all funders or one.

Period words (one meaning, see the package README): « exercice Y » = dated within fiscal year Y
(instalments received, redistributions made); « à la date du rapport » = everything recorded
for the grant whatever its date (what the grant screen shows). A single-funder report holds
that funder's grants only: no cost-sharing side, no member balances.

Plain frozen data classes importing only the standard library; filled by
:func:`ptce_desktop.documents.builders.redistribution.build_redistribution_data` (where the
rules behind each figure are told), printed by :mod:`ptce_desktop.reports.redistribution`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = [
    "GrantMemberLine",
    "GrantSection",
    "MemberCostLine",
    "RedistributionLine",
    "RedistributionReportData",
    "ServiceSection",
]


@dataclass(frozen=True)
class GrantMemberLine:
    """One member of a grant: the key or decision, due (plan applied to what was received),
    passed on, still to pass on."""

    member_id: int
    member_name: str
    basis: str
    due_cents: int
    passed_cents: int
    remaining_cents: int
    #: Passed on by redistributions dated within the fiscal year.
    passed_year_cents: int = 0

    @property
    def over_passed(self) -> bool:
        """More passed on than the plan gives on what was received (reste à reverser < 0)."""
        return self.remaining_cents < 0


@dataclass(frozen=True)
class RedistributionLine:
    date: dt.date
    member_name: str
    amount_cents: int
    basis: str | None
    member_id: int = 0


@dataclass(frozen=True)
class GrantSection:
    grant_id: int
    title: str
    funder_name: str
    funder_type_label: str
    project_name: str | None
    status_label: str
    decision_ref: str | None
    decision_date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    voted_cents: int | None
    received_cents: int
    passed_cents: int
    coordination_share_bp: int
    coordination_cents: int
    #: Received that the plan does not assign (kept by the pole too).
    unplanned_cents: int
    #: Reste à reverser: the plan applied to what was received, minus what was passed on.
    remaining_cents: int
    members: tuple[GrantMemberLine, ...]
    #: Every redistribution of the grant (to date), by date.
    redistributions: tuple[RedistributionLine, ...]
    #: Instalments received and redistributions made, dated within the fiscal year.
    received_year_cents: int = 0
    passed_year_cents: int = 0
    #: The warning of a negative reste à reverser for the whole grant (the text the window,
    #: the dashboard and ``check`` show), None when it is not negative.
    warning: str | None = None

    @property
    def over_passed(self) -> bool:
        return self.remaining_cents < 0 or any(line.over_passed for line in self.members)


@dataclass(frozen=True)
class MemberCostLine:
    """One member's part of one service for the year: shares, called, paid (in cents)."""

    member_id: int
    member_name: str
    share_cents: int
    called_cents: int
    paid_cents: int

    @property
    def outstanding_cents(self) -> int:
        return self.called_cents - self.paid_cents


@dataclass(frozen=True)
class ServiceSection:
    service_id: int
    name: str
    key_name: str | None
    #: First days of the key versions in force during the year.
    key_versions: tuple[dt.date, ...]
    #: "TTC" or "HT": the amount the costs are split on (DESIGN §4.5).
    basis: str
    cost_count: int
    #: The year's costs in the split basis, and their TTC.
    costs_cents: int
    ttc_cents: int
    #: Sum of the stored shares of the year's costs (the services' figure).
    shared_cents: int
    members: tuple[MemberCostLine, ...]

    @property
    def shares_total_cents(self) -> int:
        return sum(line.share_cents for line in self.members)

    @property
    def called_cents(self) -> int:
        return sum(line.called_cents for line in self.members)

    @property
    def paid_cents(self) -> int:
        return sum(line.paid_cents for line in self.members)

    @property
    def outstanding_cents(self) -> int:
        return self.called_cents - self.paid_cents


@dataclass(frozen=True)
class RedistributionReportData:
    year: int
    year_label: str
    period_start: dt.date
    period_end: dt.date
    pole_name: str
    logo_path: str | None
    #: The funder the report is restricted to; ``None`` for all funders.
    funder_name: str | None
    grants: tuple[GrantSection, ...]
    #: The cost-sharing side; empty for a single-funder report.
    services: tuple[ServiceSection, ...]

    @property
    def single_funder(self) -> bool:
        return self.funder_name is not None

    def grants_total(self, field: str) -> int:
        """Sum of an integer field of the grants (``voted_cents`` counts None as 0)."""
        return sum(getattr(grant, field) or 0 for grant in self.grants)

    def services_total(self, field: str) -> int:
        return sum(getattr(service, field) for service in self.services)
