"""VAT and the amount that is split (DESIGN §4.5): TTC for an art. 261 B service or a pole
that is not VAT-registered, HT otherwise; VAT once per call line, half up.
"""

from __future__ import annotations

from enum import StrEnum

from ptce_desktop.domain.errors import PtceError

# --- VAT (DESIGN §4.5) ----------------------------------------------------------------------


class VatRegime(StrEnum):
    EXEMPT_261B = "exempt_261b"  # CGI art. 261 B: members charged exactly their share
    TAXABLE = "taxable"


class SplitBasis(StrEnum):
    HT = "ht"
    TTC = "ttc"


def split_basis(regime: VatRegime, pole_vat_registered: bool) -> SplitBasis:
    """TTC when the service is 261 B exempt or the pole cannot recover VAT, else HT."""
    if regime is VatRegime.EXEMPT_261B or not pole_vat_registered:
        return SplitBasis.TTC
    return SplitBasis.HT


def amount_to_split(
    ht_cents: int, ttc_cents: int, regime: VatRegime, pole_vat_registered: bool
) -> int:
    """The amount of a cost that is shared between members (its HT or its TTC)."""
    basis = split_basis(regime, pole_vat_registered)
    return ttc_cents if basis is SplitBasis.TTC else ht_cents


def vat_cents(ht_cents: int, rate_bp: int) -> int:
    """VAT of a call line, rounded half up to the cent (half away from zero for a credit,
    so a credit note mirrors its invoice): ``vat_cents(1005, 2000)`` -> 201."""
    if rate_bp < 0:
        raise PtceError("invalid_value", "rate_bp", field_label="TVA", value=rate_bp)
    magnitude, remainder = divmod(abs(ht_cents) * rate_bp, 10_000)
    if 2 * remainder >= 10_000:
        magnitude += 1
    return -magnitude if ht_cents < 0 else magnitude
