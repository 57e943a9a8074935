"""The redistribution plan of a grant, pure: validation and its exact split.

A grant's plan gives each member either a fixed amount (out of the voted amount) or a share
(basis points of what is received), and keeps a coordination share (``coordination_share_bp``)
for the pole. Shares + coordination never exceed 100 %; fixed amounts never exceed what shares
and coordination leave of the voted amount.

:func:`apply_plan` applies it to the received total R in *one* split with the domain engine
(:func:`~ptce_desktop.domain.split.allocate_cents`: largest remainder, exact to the cent)
over the weights: share lines ``share_bp / 10 000``; fixed-amount lines ``amount / voted`` (paid
pro rata of received / voted); coordination ``coordination_share_bp / 10 000``; and what the plan
does not cover. The parts always sum to R. A fixed-amount line never gets more than its amount
(if more than the voted amount came in, the excess stays with the pole). It is applied to the
cumulative received total each time, never instalment by instalment, so rounding never drifts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.store.base import BP_MAX, MONEY_MAX

__all__ = [
    "PlanLine",
    "PlanSplit",
    "apply_plan",
    "check_amount",
    "check_bp",
    "check_plan",
    "money_values",
    "percent_values",
]

_COORDINATION = -1
_UNPLANNED = -2


# --- the plan, pure ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    """One member's line of a plan: ``amount_cents`` or ``share_bp``, exactly one of them."""

    member_id: int
    amount_cents: int | None = None
    share_bp: int | None = None


@dataclass(frozen=True)
class PlanSplit:
    """The plan applied to ``received_cents``: due per member, coordination, uncovered rest.
    ``sum(due.values()) + coordination_cents + unplanned_cents == received_cents``."""

    received_cents: int
    due: Mapping[int, int]
    coordination_cents: int
    unplanned_cents: int


def money_values(name: str, cents: int) -> dict[str, str]:
    """``{name}_fr`` / ``{name}_en`` formatted amounts for an error message."""
    return {f"{name}_fr": format_money(cents), f"{name}_en": format_money(cents, lang="en")}


def percent_values(name: str, bp: int) -> dict[str, str]:
    return {f"{name}_fr": format_percent(bp), f"{name}_en": format_percent(bp, lang="en")}


def check_amount(
    value: int | None, field: str, label: str, *, positive: bool = False, required: bool = False
) -> None:
    """Refuse a missing (if ``required``), negative (or zero if ``positive``) or huge amount."""
    if value is None:
        if required:
            raise PtceError("required", field, field_label=label)
        return
    if positive and value <= 0:
        raise PtceError("grant_amount_not_positive", field, field_label=label)
    if value < 0:
        raise PtceError("grant_amount_negative", field, field_label=label)
    if value > MONEY_MAX:
        raise PtceError(
            "grant_amount_too_large", field, field_label=label, **money_values("limit", MONEY_MAX)
        )


def check_bp(value: int | None, field: str, label: str) -> None:
    if value is not None and not 0 <= value <= BP_MAX:
        raise PtceError("grant_percent_out_of_range", field, field_label=label)


def check_plan(
    lines: Sequence[PlanLine],
    coordination_bp: int,
    voted_cents: int | None,
    names: Mapping[int, str],
) -> None:
    """Validate a plan (``field`` = "plan" or "coordination_share_bp"); see the module doc."""
    check_bp(coordination_bp, "coordination_share_bp", "part de coordination")
    seen: set[int] = set()
    for line in lines:
        member = names.get(line.member_id, f"n° {line.member_id}")
        if (line.amount_cents is None) == (line.share_bp is None):
            raise PtceError("plan_amount_or_share", "plan", member=member)
        if line.member_id in seen:
            raise PtceError("plan_duplicate_member", "plan", member=member)
        seen.add(line.member_id)
        check_amount(line.amount_cents, "plan", "montant du plan")
        check_bp(line.share_bp, "plan", "part du plan")
    shares = sum(line.share_bp or 0 for line in lines)
    if shares + coordination_bp > BP_MAX:
        raise PtceError(
            "plan_total_exceeds",
            "plan",
            **percent_values("shares", shares),
            **percent_values("coordination", coordination_bp),
            **percent_values("total", shares + coordination_bp),
        )
    amounts = sum(line.amount_cents or 0 for line in lines)
    if voted_cents is not None and amounts:
        available = Fraction(voted_cents * (BP_MAX - shares - coordination_bp), BP_MAX)
        if amounts > available:
            raise PtceError(
                "plan_amounts_exceed",
                "plan",
                **money_values("amounts", amounts),
                **money_values("available", int(available)),
            )


def apply_plan(
    received_cents: int,
    voted_cents: int | None,
    lines: Sequence[PlanLine],
    coordination_bp: int,
) -> PlanSplit:
    """Split ``received_cents`` by the plan (one exact split; see the module doc)."""
    amounts = sum(line.amount_cents or 0 for line in lines)
    # Without a voted amount the fixed amounts are measured against what came in.
    base = voted_cents or max(received_cents, amounts, 1)
    weights: dict[int, Fraction] = {_COORDINATION: Fraction(coordination_bp, BP_MAX)}
    for line in lines:
        if line.share_bp is not None:
            weights[line.member_id] = Fraction(line.share_bp, BP_MAX)
        else:
            weights[line.member_id] = Fraction(line.amount_cents or 0, base)
    weights[_UNPLANNED] = max(Fraction(0), 1 - sum(weights.values(), Fraction(0)))
    split = allocate_cents(received_cents, weights, cost_label="plan", key_name="plan")
    due = {line.member_id: split[line.member_id] for line in lines}
    unplanned = split[_UNPLANNED]
    for line in lines:
        if line.amount_cents is not None and due[line.member_id] > line.amount_cents:
            unplanned += due[line.member_id] - line.amount_cents
            due[line.member_id] = line.amount_cents
    return PlanSplit(received_cents, due, split[_COORDINATION], unplanned)
