"""What a key is, as the engine reads it: methods, versions, units, usage, mixed parts,
the members' presence, and the explanation of a share (DESIGN §3, §4.3, §4.6).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import format_date

# --- keys ---------------------------------------------------------------------------------------


class Method(StrEnum):
    EQUAL = "equal"
    UNITS = "units"
    USAGE = "usage"
    PERCENT = "percent"
    MIXED = "mixed"


@dataclass(frozen=True)
class UsageRecord:
    """Usage recorded for a member on a day (hours, bookings…), in thousandths of the unit."""

    member_id: int
    on: date
    units: int


@dataclass(frozen=True)
class MixedPart:
    """One part of a mixed key: another key, weighted (e.g. 3000 and 7000 for 30 % / 70 %).
    Part weights need not sum to anything: they are normalised by their sum."""

    key: KeySpec
    weight: int


@dataclass(frozen=True)
class KeyVersion:
    """The content of a key from ``valid_from`` on.

    ``values`` is per member: thousandths of the unit (UNITS), basis points (PERCENT), or for
    EQUAL an optional list of participants (any value > 0; empty = every member present).
    ``parts`` is used by MIXED only. USAGE reads the key's usage records instead.

    ``values`` is copied when the version is made (a version never changes, even if the
    mapping it was given does), and kept as well as a vector sorted by member id, which is
    what every split reads.
    """

    id: int | None
    valid_from: date
    values: Mapping[int, int] = field(default_factory=dict)
    parts: tuple[MixedPart, ...] = ()
    #: Members of ``values`` by id, their values in the same order, and the smallest value.
    member_ids: tuple[int, ...] = field(init=False, repr=False, compare=False)
    member_values: tuple[int, ...] = field(init=False, repr=False, compare=False)
    lowest_value: int = field(init=False, repr=False, compare=False)
    #: True when every value is the same (equal weights: the split is a plain divmod).
    values_all_equal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        values = dict(self.values)
        ids = tuple(sorted(values))
        vector = tuple(map(values.__getitem__, ids))
        # Kept in id order: the cents-only path splits a copy of it (split._split_in_order).
        object.__setattr__(self, "values", dict(zip(ids, vector, strict=True)))
        object.__setattr__(self, "member_ids", ids)
        object.__setattr__(self, "member_values", vector)
        object.__setattr__(self, "lowest_value", min(vector, default=0))
        object.__setattr__(
            self, "values_all_equal", bool(vector) and vector.count(vector[0]) == len(vector)
        )


@dataclass(frozen=True)
class KeySpec:
    """An allocation key with its versions (and, for USAGE, the usage recorded)."""

    name: str
    method: Method
    versions: tuple[KeyVersion, ...]
    id: int | None = None
    unit: str = ""
    usage: tuple[UsageRecord, ...] = ()

    def version_on(self, day: date) -> KeyVersion:
        """The version in force on ``day``: the latest ``valid_from`` not after it."""
        if len(self.versions) == 1 and self.versions[0].valid_from <= day:
            return self.versions[0]  # the common case, without building a list
        candidates = [v for v in self.versions if v.valid_from <= day]
        if not candidates:
            raise PtceError("no_key_version", key=self.name, date=format_date(day))
        return max(candidates, key=lambda v: v.valid_from)


@dataclass(frozen=True)
class MemberPresence:
    """A member and its dates in the pole (``left`` is its last day; None = open)."""

    member_id: int
    joined: date | None = None
    left: date | None = None


@dataclass(frozen=True)
class PartExplanation:
    """A mixed key's part as seen by one member."""

    key_name: str
    method: Method
    part_weight: Fraction  # normalised: the parts' weights sum to 1
    member_units: int
    total_units: int
    member_weight: Fraction  # this member's normalised weight inside the part


@dataclass(frozen=True)
class ShareExplanation:
    """One member's share of one cost, and why (DESIGN §4.6).

    For a negative total, ``exact``, ``floor`` and ``cents`` are negative; ``floor`` is then
    rounded toward zero and ``leftover_cent`` means one more cent of credit.
    ``member_units``/``total_units`` are raw (unprorated) values of the version in force:
    thousandths (UNITS, USAGE), basis points (PERCENT), 1000 per participant (EQUAL), and
    None for MIXED (see ``parts``). ``weight``/``total_weight`` are the prorated weights
    actually used.
    """

    member_id: int
    cents: int
    key_name: str
    key_id: int | None
    version_id: int | None
    valid_from: date
    method: Method
    member_units: int | None
    total_units: int | None
    days_present: int
    period_days: int
    weight: Fraction
    total_weight: Fraction
    exact: Fraction
    floor: int
    leftover_cent: bool
    parts: tuple[PartExplanation, ...] = ()

    @property
    def prorated(self) -> bool:
        return self.days_present < self.period_days

    @property
    def rounding_delta(self) -> Fraction:
        """Cents charged minus the exact share (|delta| < 1)."""
        return self.cents - self.exact
