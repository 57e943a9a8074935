"""Drafts and read models of the allocation keys (see :mod:`.keys`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from ptce_desktop.domain.keys import Method


@dataclass(frozen=True)
class KeyDraft:
    name: str
    method: str
    unit: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class VersionDraft:
    valid_from: date
    values: Mapping[int, int] = field(default_factory=dict)
    parts: Mapping[int, int] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True)
class UsageDraft:
    key_id: int
    member_id: int
    on: date
    quantity_milli: int
    note: str | None = None


@dataclass(frozen=True)
class VersionSummary:
    id: int
    valid_from: date
    note: str | None


@dataclass(frozen=True)
class KeyView:
    id: int
    name: str
    method: Method
    unit: str | None
    description: str | None
    current_version: VersionSummary | None
    versions: tuple[VersionSummary, ...]


@dataclass(frozen=True)
class VersionMemberRow:
    member_id: int
    member_name: str
    units: int  # thousandths (units), basis points (percent), 1000 (equal)
    #: The member's part of the key's effective weights (presence-prorated), exact (0..1).
    share: Fraction
    #: ``share`` in the column of the version's percentages (largest remainder, Σ = 10 000).
    percent_bp: int = 0


@dataclass(frozen=True)
class VersionPartRow:
    key_id: int
    key_name: str
    weight_bp: int
    share: Fraction
    percent_bp: int = 0


@dataclass(frozen=True)
class VersionDetail:
    id: int
    key_id: int
    key_name: str
    method: Method
    unit: str | None
    valid_from: date
    note: str | None
    members: tuple[VersionMemberRow, ...]
    total_units: int
    parts: tuple[VersionPartRow, ...]


@dataclass(frozen=True)
class VersionChange:
    """The version written and the effect on stored shares."""

    version_id: int
    recomputed: int
    skipped_closed: int


@dataclass(frozen=True)
class UsageView:
    id: int
    key_id: int
    member_id: int
    member_name: str
    on: date
    quantity_milli: int
    note: str | None
