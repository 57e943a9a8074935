"""Drafts and read models of costs and shares (see :mod:`.costs` and :mod:`.shares`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from ptce_desktop.domain.keys import Method, PartExplanation
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.pole.attachments import AttachmentView


@dataclass(frozen=True)
class CostDraft:
    """A cost as typed by the user; amounts in cents (negative for a credit note)."""

    service_id: int
    invoice_date: date
    period_start: date
    period_end: date
    label: str
    ht_cents: int
    vat_cents: int
    ttc_cents: int
    payment_date: date | None = None
    supplier: str | None = None
    cerfa_code: str | None = None
    project_id: int | None = None
    invoice_ref: str | None = None


@dataclass(frozen=True)
class CostFilters:
    """Filters of the cost list; ``text`` searches label, supplier and invoice reference."""

    service_id: int | None = None
    member_id: int | None = None
    project_id: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class CostRow:
    id: int
    invoice_date: date
    period_start: date
    period_end: date
    payment_date: date | None
    service_id: int
    service_name: str
    label: str
    supplier: str | None
    ht_cents: int
    vat_cents: int
    ttc_cents: int
    cerfa_code: str | None
    project_id: int | None
    invoice_ref: str | None
    is_adjustment: bool
    adjusts_cost_id: int | None
    attachment_count: int
    member_cents: int | None  # the filtered member's share, when filtering by member


@dataclass(frozen=True)
class CostPage:
    rows: tuple[CostRow, ...]
    next_cursor: str | None  # pass as ``after`` for the next page; None on the last page
    total_count: int
    # the sums over every matching cost (not only this page), when counted: the list's totals
    total_ht_cents: int = 0
    total_ttc_cents: int = 0
    total_member_cents: int | None = None  # the filtered member's shares


@dataclass(frozen=True)
class ShareView:
    member_id: int
    member_name: str
    cents: int
    key_version_id: int | None


@dataclass(frozen=True)
class CostDetail:
    cost: CostRow
    key_id: int | None
    key_name: str | None
    basis: SplitBasis
    amount_split_cents: int
    shares: tuple[ShareView, ...]
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class ShareExplanationView:
    """Why a member pays what it pays (DESIGN §4.6), re-derived with the stored version.

    ``exact_cents`` is the exact share in cents; ``exact_text`` shows it in euros
    ("333,333… €" when it does not end), ``exact_fraction`` as a fraction of cents
    ("100000/3"). ``stored_cents`` is the share saved with the cost, ``computed_cents`` what
    the engine gives now (they differ only if the data behind a closed year changed since).
    """

    cost_id: int
    cost_label: str
    member_id: int
    member_name: str
    key_id: int | None
    key_name: str
    method: Method
    unit: str
    version_id: int | None
    valid_from: date
    member_units: int | None
    total_units: int | None
    days_present: int
    period_days: int
    basis: SplitBasis
    amount_split_cents: int
    weight: Fraction
    total_weight: Fraction
    exact_cents: Fraction
    exact_text: str
    exact_fraction: str
    floor_cents: int
    leftover_cent: bool
    rounding_delta: Fraction
    computed_cents: int
    stored_cents: int
    parts: tuple[PartExplanation, ...]

    @property
    def matches_stored(self) -> bool:
        return self.computed_cents == self.stored_cents


@dataclass(frozen=True)
class MemberServiceQuarter:
    """Sum of one member's shares of one service's costs dated in one quarter (1–4)."""

    member_id: int
    member_name: str
    service_id: int
    service_name: str
    quarter: int
    cents: int


@dataclass(frozen=True)
class MemberShareTotal:
    """Sum of one member's shares of the costs of one fiscal year, all services together."""

    member_id: int
    member_name: str
    cents: int
