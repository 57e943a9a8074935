"""Read model of the "Rapport de répartition des charges" (one fiscal year; one service or all).

Plain frozen data classes importing only ``domain`` and the standard library; filled by
:func:`ptce_desktop.documents.builders.cost_sharing.build_cost_sharing_data`, printed by
:mod:`ptce_desktop.reports.cost_sharing`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.periods import Period
from ptce_desktop.domain.vat import SplitBasis, VatRegime

__all__ = [
    "CostSharingData",
    "CostSharingMismatch",
    "ExceptionalShare",
    "ExceptionalSharing",
    "KeyBlock",
    "KeyPartBlock",
    "KeyUnitsRow",
    "KeyVersionBlock",
    "MemberQuarterShares",
    "Quarters",
    "ServiceSharing",
]

Quarters = tuple[int, int, int, int]


class CostSharingMismatch(AssertionError):
    """The shares of a service do not add up to its costs: the report must not be printed."""


@dataclass(frozen=True)
class KeyUnitsRow:
    member_id: int
    member_name: str
    #: Thousandths of the unit (units, usage, and 1000 per participant of an equal key) or
    #: basis points (percent key), as the version lists them.
    units: int
    #: The member's part of the key's effective weights over the block's days (units prorated
    #: by the days present, as the split uses them), exact.
    share: Fraction
    #: ``share`` in the block's column of percentages (largest remainder: Σ = 100,00 %).
    percent_bp: int
    #: Days of the block the member is present, out of ``period_days``.
    days_present: int = 0
    period_days: int = 0

    @property
    def prorated(self) -> bool:
        """Present only part of the block's days (its weight is prorated)."""
        return self.days_present < self.period_days


@dataclass(frozen=True)
class KeyPartBlock:
    """A part of a mixed key: another key, its weight, and that key's units."""

    key_name: str
    method: Method
    unit: str
    weight_bp: int
    #: The part's weight among the parts, exact (the weights sum to 1).
    share: Fraction
    rows: tuple[KeyUnitsRow, ...]
    total_units: int
    #: Σ of the participants' weights (units × days present / days), the percentages' whole.
    total_weight: Fraction = Fraction(0)


@dataclass(frozen=True)
class KeyVersionBlock:
    """A key version (or, for a usage key, the year's recorded usage) in force in the year."""

    #: The version's own start (None for recorded usage, which has no version).
    valid_from: date | None
    #: The days of the fiscal year it governs.
    applies_from: date
    applies_to: date
    note: str | None
    rows: tuple[KeyUnitsRow, ...]
    total_units: int
    parts: tuple[KeyPartBlock, ...] = ()
    #: Σ of the participants' weights (units × days present / days), the percentages' whole:
    #: below ``total_units`` when a member is present only part of the days.
    total_weight: Fraction = Fraction(0)


@dataclass(frozen=True)
class KeyBlock:
    name: str
    method: Method
    unit: str
    versions: tuple[KeyVersionBlock, ...]


@dataclass(frozen=True)
class MemberQuarterShares:
    member_id: int
    member_name: str
    quarters: Quarters
    total_cents: int


@dataclass(frozen=True)
class ServiceSharing:
    service_id: int
    name: str
    vat_regime: VatRegime
    vat_rate_bp: int
    #: What is split: HT or TTC.
    basis: SplitBasis
    key: KeyBlock | None
    cost_count: int
    costs_ht_cents: int
    costs_vat_cents: int
    costs_ttc_cents: int
    #: Costs of each quarter in the split basis; their sum is ``costs_cents``.
    costs_quarters: Quarters
    costs_cents: int
    members: tuple[MemberQuarterShares, ...]
    shared_quarters: Quarters
    shared_cents: int
    #: The service's budget for the fiscal year (what the provisional calls split), in the
    #: split basis like ``costs_cents``; None when no budget was set.
    budget_cents: int | None = None

    @property
    def difference_cents(self) -> int:
        """Shared − costs: always 0 once built (checked by the builder)."""
        return self.shared_cents - self.costs_cents

    @property
    def budget_gap_cents(self) -> int | None:
        """Actual costs − budget (positive: over budget); None without a budget."""
        return None if self.budget_cents is None else self.costs_cents - self.budget_cents

    @property
    def prorated(self) -> bool:
        """Some member's weight is prorated by its days of presence in a version of the key."""
        if self.key is None:
            return False
        return any(
            row.prorated
            for version in self.key.versions
            for rows in (version.rows, *(part.rows for part in version.parts))
            for row in rows
        )


@dataclass(frozen=True)
class ExceptionalShare:
    member_id: int
    member_name: str
    cents: int
    #: The member's call that called its share (None: not called yet). Each member's share
    #: is called on that member's own call, so the numbers differ from one member to another.
    call_number: str | None = None


@dataclass(frozen=True)
class ExceptionalSharing:
    """An exceptional line of the year (works, a one-off purchase): one amount split once by
    its key, the version in force on its date, and called once (issue 11, item 2). It is not
    a cost of the service: its invoice, entered as a cost, is settled by the true-up."""

    charge_id: int
    charge_date: date
    label: str
    service_id: int
    service_name: str
    key_name: str
    key_method: Method
    #: The key version in force on the line's date (the one that splits it).
    key_version_from: date | None
    #: HT or TTC, the service's split basis on the line's date.
    basis: SplitBasis
    amount_cents: int
    #: The first of the calls that called it (None: still to be called; the split shown is
    #: the one the next call will make). Each member's own call is on its share row.
    call_number: str | None
    members: tuple[ExceptionalShare, ...]
    shared_cents: int

    @property
    def difference_cents(self) -> int:
        """Shared − amount: always 0 once built (checked by the builder)."""
        return self.shared_cents - self.amount_cents


@dataclass(frozen=True)
class CostSharingData:
    pole_name: str
    logo_path: str | None
    year: int
    year_label: str
    #: The four quarters of the fiscal year (labels "T1 2025"… and their dates).
    quarters: tuple[Period, ...]
    #: The one service asked for, or None for all services.
    service_name: str | None
    services: tuple[ServiceSharing, ...]
    costs_cents: int
    shared_cents: int
    #: The exceptional lines of the year (of the one service asked for), by date; their
    #: amounts are not in ``costs_cents`` (see :class:`ExceptionalSharing`).
    exceptional: tuple[ExceptionalSharing, ...] = ()

    @property
    def difference_cents(self) -> int:
        return self.shared_cents - self.costs_cents

    @property
    def exceptional_cents(self) -> int:
        return sum(line.amount_cents for line in self.exceptional)

    @property
    def exceptional_shared_cents(self) -> int:
        return sum(line.shared_cents for line in self.exceptional)

    @property
    def total_cents(self) -> int:
        """Costs of the services + exceptional lines: everything the year shares out."""
        return self.costs_cents + self.exceptional_cents

    @property
    def total_shared_cents(self) -> int:
        return self.shared_cents + self.exceptional_shared_cents
