"""Billing a shared service: its coefficient and management fee, and the kinds of call line.

DESIGN §4b. A service may carry a **billing coefficient** (stored exactly, as an integer in
ten-thousandths: 1,75 → 17 500; refused ≤ 0 or above 10) and/or a **management fee rate**
(basis points: 6 % → 600; refused above 100 %). From their start date they apply to the
service's amount *before* the split — its budget for the calls, each of its costs for the
true-up — and each is rounded **once**, half up (half away from zero for a credit), to the cent:

* surcharge = (coefficient − 1) × base;
* fee = fee rate × base (on the base, not on base + surcharge).

Base, surcharge and fee are then split separately (the same exact rule), so each prints as its
own line on calls and statements — never as VAT. On a taxable service the VAT of each line is
on that line, so the call's VAT covers base + surcharge + fee. On a service exempt under
CGI art. 261 B a coefficient or a fee is allowed but warned about (:data:`WARNING_261B`): the
exemption requires members to be charged exactly their share of the common costs.

The coefficient and fee are **dated** (:class:`BillingTerm`): a board votes a new coefficient
every year, and a closed year keeps the one it was billed with. The term in force on a day is
the latest one starting on or before it (:func:`billing_in_force`); before the first, none.

Pure Python: imports nothing of ours but the domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import _format_scaled, _to_scaled, format_percent

__all__ = [
    "BILLING_EARLIEST",
    "COEFFICIENT_MAX",
    "COEFFICIENT_ONE",
    "FEE_RATE_MAX_BP",
    "Billed",
    "Billing",
    "BillingSegments",
    "BillingTerm",
    "LineComponent",
    "LineKind",
    "bill",
    "billing_in_force",
    "billing_segments",
    "check_billing",
    "format_coefficient",
    "parse_coefficient",
    "round_half_up",
]

#: A coefficient of 1 (ten-thousandths).
COEFFICIENT_ONE = 10_000
#: The largest coefficient accepted: 10.
COEFFICIENT_MAX = 100_000
#: The largest fee rate accepted: 100 %.
FEE_RATE_MAX_BP = 10_000


class LineKind(StrEnum):
    """Where a call line comes from."""

    #: The quarter's part of the service's budget (provisional call).
    QUARTER = "quarter"
    #: Budget or key revised after quarters were called: the gap of the called quarters.
    CATCH_UP = "catch_up"
    #: An exceptional charge (works, a one-off purchase), called once.
    EXCEPTIONAL = "exceptional"
    #: The year-end true-up: actual shares minus everything called.
    TRUE_UP = "true_up"


class LineComponent(StrEnum):
    """What part of the billed amount a call line carries."""

    BASE = "base"
    #: (coefficient − 1) × base.
    SURCHARGE = "surcharge"
    #: fee rate × base.
    FEE = "fee"


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up to an integer (half away from zero for a
    negative value, so a credit mirrors its invoice). ``denominator`` > 0."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    magnitude, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        magnitude += 1
    return -magnitude if numerator < 0 else magnitude


@dataclass(frozen=True)
class Billing:
    """A service's coefficient (ten-thousandths) and fee rate (basis points); None: none."""

    coefficient_e4: int | None = None
    fee_rate_bp: int | None = None

    @property
    def has_surcharge(self) -> bool:
        return self.coefficient_e4 is not None and self.coefficient_e4 != COEFFICIENT_ONE

    @property
    def has_fee(self) -> bool:
        return bool(self.fee_rate_bp)

    @property
    def active(self) -> bool:
        return self.has_surcharge or self.has_fee


@dataclass(frozen=True)
class BillingTerm:
    """A coefficient and fee voted for a service, in force from ``valid_from`` until the next
    term (``valid_from`` :data:`BILLING_EARLIEST`: from the beginning)."""

    valid_from: dt.date
    billing: Billing


#: The start of a term that holds "from the beginning".
BILLING_EARLIEST = dt.date(1900, 1, 1)


def billing_in_force(terms: Iterable[BillingTerm], day: dt.date) -> Billing:
    """The coefficient and fee of a quarter or cost starting on ``day``: the latest term
    starting on or before it (none before the first term)."""
    found: BillingTerm | None = None
    for term in terms:
        if term.valid_from <= day and (found is None or term.valid_from > found.valid_from):
            found = term
    return found.billing if found is not None else Billing()


#: What a service's billing comes to over a period, day by day, normalised: the successive
#: (first day, coefficient in ten-thousandths, fee in basis points) it applies; empty when no
#: coefficient nor fee applies on any day of it.
BillingSegments = tuple[tuple[str, int, int], ...]


def billing_segments(
    terms: Iterable[BillingTerm], first: dt.date, last: dt.date
) -> BillingSegments:
    """The billing over ``first``–``last`` (:data:`BillingSegments`), so that two histories
    giving the same figures on every day of the period compare equal: a coefficient of 1 is
    none, a fee of 0 is none, a term starting before the period starts on its first day, two
    successive equal terms are one. Used by the closed-year guard and the seal of a year."""
    ordered = sorted(terms, key=lambda term: term.valid_from)
    starts = [first] + [t.valid_from for t in ordered if first < t.valid_from <= last]
    segments: list[tuple[str, int, int]] = []
    previous: tuple[int, int] | None = None
    for start in starts:
        billing = billing_in_force(ordered, start)
        coefficient = billing.coefficient_e4 if billing.has_surcharge else COEFFICIENT_ONE
        value = (int(coefficient or COEFFICIENT_ONE), int(billing.fee_rate_bp or 0))
        if value != previous:
            segments.append((start.isoformat(), *value))
            previous = value
    if all(c == COEFFICIENT_ONE and f == 0 for _start, c, f in segments):
        return ()
    if segments and segments[0][1:] == (COEFFICIENT_ONE, 0):
        # "none, then X from a day" reads the same whether or not the none is written
        segments = segments[1:]
    return tuple(segments)


@dataclass(frozen=True)
class Billed:
    """One amount billed: the base, the surcharge and the fee (cents) and their exact values."""

    base_cents: int
    surcharge_cents: int
    fee_cents: int
    surcharge_exact: Fraction
    fee_exact: Fraction

    @property
    def total_cents(self) -> int:
        return self.base_cents + self.surcharge_cents + self.fee_cents

    def component(self, component: LineComponent) -> int:
        return {
            LineComponent.BASE: self.base_cents,
            LineComponent.SURCHARGE: self.surcharge_cents,
            LineComponent.FEE: self.fee_cents,
        }[component]


def bill(base_cents: int, billing: Billing) -> Billed:
    """The one rule: surcharge = (coefficient − 1) × base and fee = rate × base, each rounded
    once, half up, to the cent. ``bill(10_005, Billing(fee_rate_bp=600))`` → fee 600 (600,3)."""
    check_billing(billing)
    coefficient = billing.coefficient_e4 if billing.coefficient_e4 is not None else COEFFICIENT_ONE
    rate = billing.fee_rate_bp or 0
    surcharge_numerator = base_cents * (coefficient - COEFFICIENT_ONE)
    fee_numerator = base_cents * rate
    return Billed(
        base_cents=base_cents,
        surcharge_cents=round_half_up(surcharge_numerator, COEFFICIENT_ONE),
        fee_cents=round_half_up(fee_numerator, 10_000),
        surcharge_exact=Fraction(surcharge_numerator, COEFFICIENT_ONE),
        fee_exact=Fraction(fee_numerator, 10_000),
    )


def check_billing(billing: Billing) -> None:
    """Refuse a coefficient ≤ 0 or above 10, and a fee rate below 0 or above 100 %."""
    coefficient = billing.coefficient_e4
    if coefficient is not None and not 0 < coefficient <= COEFFICIENT_MAX:
        raise PtceError(
            "coefficient_out_of_range",
            "billing_coefficient_e4",
            value=format_coefficient(coefficient),
        )
    rate = billing.fee_rate_bp
    if rate is not None and not 0 <= rate <= FEE_RATE_MAX_BP:
        raise PtceError("fee_rate_out_of_range", "fee_rate_bp", value=format_percent(rate))


def parse_coefficient(text: str, lang: str = "fr", *, field: str | None = None) -> int:
    """``"1,75"`` → 17 500 (ten-thousandths, at most four decimals); refused ≤ 0 or > 10."""
    value = _to_scaled(
        text,
        lang,
        field,
        kind="coefficient",
        decimals=4,
        suffixes=("×", "x"),
        example="1.75" if lang == "en" else "1,75",
    )
    check_billing(Billing(coefficient_e4=value))
    return value


def format_coefficient(coefficient_e4: int, *, lang: str = "fr") -> str:
    """17 500 → ``1,75`` (English ``1.75``)."""
    return _format_scaled(coefficient_e4, 4, lang, keep_zeros=False)


# --- printed labels ---------------------------------------------------------------------------


def surcharge_label(coefficient_e4: int, *, lang: str = "fr") -> str:
    """« Majoration (coefficient 1,75) »."""
    from ptce_desktop.domain.errors import error_text

    coefficient = format_coefficient(coefficient_e4, lang=lang)
    return error_text("line_surcharge", None, {"coefficient": coefficient}, lang)


def fee_label(rate_bp: int, *, lang: str = "fr") -> str:
    """« Frais de gestion 6 % »."""
    from ptce_desktop.domain.errors import error_text

    return error_text("line_fee", None, {"rate": format_percent(rate_bp, lang=lang)}, lang)


def quarters_text(quarters: list[int] | tuple[int, ...]) -> str:
    """[1, 2] → « T1–T2 »; [1, 3] → « T1, T3 »; [2] → « T2 »."""
    ordered = sorted(set(quarters))
    if not ordered:
        return ""
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"T{ordered[0]}–T{ordered[-1]}"
    return ", ".join(f"T{q}" for q in ordered)


def catch_up_label(quarters: list[int] | tuple[int, ...], *, lang: str = "fr") -> str:
    """« Régularisation budget révisé (T1–T2) »."""
    from ptce_desktop.domain.errors import error_text

    return error_text("line_catch_up", None, {"quarters": quarters_text(quarters)}, lang)


def component_label(component: LineComponent, billing: Billing, *, lang: str = "fr") -> str | None:
    """The label of a surcharge or fee line under ``billing`` (None for the base)."""
    from ptce_desktop.domain.errors import error_text

    if component is LineComponent.SURCHARGE:
        if billing.coefficient_e4 is not None:
            return surcharge_label(billing.coefficient_e4, lang=lang)
        return error_text("line_surcharge", None, {"coefficient": "—"}, lang)
    if component is LineComponent.FEE:
        if billing.fee_rate_bp is not None:
            return fee_label(billing.fee_rate_bp, lang=lang)
        return error_text("line_fee", None, {"rate": "—"}, lang)
    return None
