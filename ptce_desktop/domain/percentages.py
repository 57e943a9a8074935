"""Share percentages: the one rounding of a share to 0,01 % and of a column of shares.

A share (an exact :class:`~fractions.Fraction` between 0 and 1) is shown in basis points
(hundredths of a percent, formatted by :func:`~ptce_desktop.domain.money.format_percent`):

* one share alone is rounded **half up** to 0,01 % (:func:`share_percent_bp`): 24,69 m² out
  of 200 is 12,345 % -> ``12,35 %``;
* a column of a key's shares is apportioned by **largest remainder** over 10 000 basis points
  (:func:`percent_column`, the allocation engine's own rule), so it always adds up to exactly
  100,00 %; screens and PDFs that show the same column show the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from ptce_desktop.domain.split import allocate_cents

__all__ = ["HUNDRED_PERCENT_BP", "percent_column", "share_percent_bp"]

HUNDRED_PERCENT_BP = 10_000
_HALF = Fraction(1, 2)


def share_percent_bp(share: Fraction | int) -> int:
    """An exact share (0..1) in basis points, rounded half up (half away from zero for a
    negative share): ``Fraction(2469, 20000)`` -> 1235 (12,35 %)."""
    scaled = Fraction(share) * HUNDRED_PERCENT_BP
    if scaled < 0:
        return -int(-scaled + _HALF)
    return int(scaled + _HALF)


def percent_column(weights: Mapping[int, Fraction | int]) -> dict[int, int]:
    """Each member's part of ``weights`` (member id -> weight >= 0) in basis points, by
    largest remainder so the column sums to exactly 10 000 (100,00 %).

    Ties go to the larger weight, then to the lower member id (the split's rule). Members of
    weight 0 get 0; when every weight is 0 (or there is none) every part is 0.
    """
    if not weights or not any(weights.values()):
        return dict.fromkeys(weights, 0)
    return allocate_cents(HUNDRED_PERCENT_BP, weights)
