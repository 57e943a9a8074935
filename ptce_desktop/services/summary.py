"""The year at a glance: members and eligibility, costs and shares, calls and payments, grants.

A read model for ``ptce-desktop summary`` and, later, the dashboard. It computes nothing of its
own: every figure comes from the service that owns it, so the summary always agrees with the
screens and the PDFs —

* members per category: :meth:`MemberService.members_by_category`; eligibility:
  :meth:`MemberService.eligibility` (members active in the fiscal year);
* costs per service: :meth:`CostService.totals_per_service` (a cost counts in the fiscal year of
  its period start); the amount split is the TTC, or the HT for a taxable service of a
  VAT-registered pole (:func:`~ptce_desktop.domain.vat.split_basis`, DESIGN §4.5);
* each member's share: :meth:`CostService.shares_by_member` (the same shares as
  :meth:`CostService.shares_by_quarter`, summed in SQL over services and quarters);
* called / paid / outstanding: :meth:`PaymentService.balances` (the year's calls, whatever the
  date of the payments that settle them);
* grants: :meth:`GrantService.list_grants` for the year (period overlapping it). Their voted,
  received, passed-on and remaining amounts are each grant's totals to date, not the part
  dated in the year: a grant's *reste à reverser* has no meaning per year.

Each source runs in its own short read transaction (one writer per file, so nothing moves
between them in practice). The shares always add up to the amount split, cost by cost; the
summary shows both totals so a difference would be visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ptce_desktop.domain.categories import MISSING_LABELS, GrantStatus
from ptce_desktop.domain.periods import FiscalYear, fiscal_year_of
from ptce_desktop.domain.vat import SplitBasis, VatRegime, amount_to_split, split_basis
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.calls.views import MemberBalance
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import ServiceTotals
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.members.input import check_year, sort_key
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.dated import vat_registered_on
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "CategoryLine",
    "EligibilityVerdict",
    "GrantLine",
    "MemberLine",
    "ServiceCostLine",
    "SummaryService",
    "YearSummary",
]


@dataclass(frozen=True)
class CategoryLine:
    category: str
    label: str
    count: int
    joined_in_year: int
    left_in_year: int


@dataclass(frozen=True)
class EligibilityVerdict:
    """The PTCE rule over the members active in the year; ``missing_labels`` in French."""

    eligible: bool
    ess: int
    non_ess: int
    other: int
    missing: tuple[str, ...]
    missing_labels: tuple[str, ...]


@dataclass(frozen=True)
class ServiceCostLine:
    service_id: int
    name: str
    key_name: str | None
    vat_regime: VatRegime
    basis: SplitBasis
    cost_count: int
    ht_cents: int
    vat_cents: int
    ttc_cents: int
    #: What is split between the members: TTC, or HT when the basis is HT.
    split_cents: int
    #: The members' shares of these costs (equal to ``split_cents``).
    shared_cents: int
    budget_cents: int | None


@dataclass(frozen=True)
class MemberLine:
    member_id: int
    name: str
    share_cents: int
    called_cents: int
    paid_cents: int
    outstanding_cents: int
    #: Payments dated in the year that no call absorbs (a credit on the member's account).
    unapplied_cents: int


@dataclass(frozen=True)
class GrantLine:
    grant_id: int
    title: str
    funder_name: str
    status: str
    status_label: str
    voted_cents: int | None
    received_cents: int
    passed_cents: int
    coordination_cents: int
    remaining_cents: int


@dataclass(frozen=True)
class YearSummary:
    year: int
    year_label: str
    start: dt.date
    end: dt.date
    pole_name: str | None
    categories: tuple[CategoryLine, ...]
    #: members active at some time in the year (those who joined or left in it included)
    active_members: int
    #: of them, those who joined during the year / left during it
    members_joined: int
    members_left: int
    eligibility: EligibilityVerdict
    services: tuple[ServiceCostLine, ...]
    costs_ttc_cents: int
    costs_split_cents: int
    members: tuple[MemberLine, ...]
    shares_cents: int
    called_cents: int
    paid_cents: int
    outstanding_cents: int
    unapplied_cents: int
    grants: tuple[GrantLine, ...]
    voted_cents: int
    received_cents: int
    passed_cents: int
    coordination_cents: int
    remaining_cents: int

    @property
    def has_costs(self) -> bool:
        return any(line.cost_count for line in self.services)

    @property
    def has_calls(self) -> bool:
        return any(line.called_cents or line.paid_cents for line in self.members)

    @property
    def shares_match_costs(self) -> bool:
        return self.shares_cents == self.costs_split_cents


class SummaryService:
    """The year summary (read only)."""

    def __init__(self, uow: UnitOfWork, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.uow = uow
        self._today = today

    def current_year(self) -> int:
        """The fiscal year containing today (by the pole's start month)."""
        pole = PoleService(self.uow).get()
        month = pole.fiscal_year_start_month if pole is not None else 1
        return fiscal_year_of(self._today(), month).start_year

    def year_summary(self, year: int | None = None) -> YearSummary:
        """Everything of fiscal year ``year`` (default: the current one); see the module doc."""
        if year is None:
            year = self.current_year()
        check_year(year)
        pole = PoleService(self.uow).get()
        period = FiscalYear(year, pole.fiscal_year_start_month if pole is not None else 1)
        with self.uow.read() as session:  # dated: the registration the year had
            registered = vat_registered_on(session, period.start)
        members = MemberService(self.uow, today=self._today)
        categories = tuple(
            CategoryLine(c.category, c.label, c.count, c.joined_in_year, c.left_in_year)
            for c in members.members_by_category(year)
        )
        rule = members.eligibility(year)
        eligibility = EligibilityVerdict(
            rule.eligible,
            rule.ess,
            rule.non_ess,
            rule.other,
            rule.missing,
            tuple(MISSING_LABELS[code][0] for code in rule.missing),
        )
        costs = CostService(self.uow)
        services = tuple(
            _service_line(totals, registered)
            for totals in costs.totals_per_service(year)
            if totals.cost_count or totals.budget_cents is not None
        )
        member_lines = _member_lines(costs, PaymentService(self.uow), year)
        grants = tuple(
            GrantLine(
                g.id,
                g.title,
                g.funder_name,
                g.status,
                GrantStatus(g.status).label("fr"),
                g.voted_cents,
                g.received_cents,
                g.passed_cents,
                g.coordination_cents,
                g.remaining_cents,
            )
            for g in GrantService(self.uow).list_grants(year)
        )
        return YearSummary(
            year=year,
            year_label=period.label,
            start=period.start,
            end=period.end,
            pole_name=pole.name if pole is not None else None,
            categories=categories,
            active_members=sum(line.count for line in categories),
            members_joined=sum(line.joined_in_year for line in categories),
            members_left=sum(line.left_in_year for line in categories),
            eligibility=eligibility,
            services=services,
            costs_ttc_cents=sum(line.ttc_cents for line in services),
            costs_split_cents=sum(line.split_cents for line in services),
            members=member_lines,
            shares_cents=sum(line.share_cents for line in member_lines),
            called_cents=sum(line.called_cents for line in member_lines),
            paid_cents=sum(line.paid_cents for line in member_lines),
            outstanding_cents=sum(line.outstanding_cents for line in member_lines),
            unapplied_cents=sum(line.unapplied_cents for line in member_lines),
            grants=grants,
            voted_cents=sum(line.voted_cents or 0 for line in grants),
            received_cents=sum(line.received_cents for line in grants),
            passed_cents=sum(line.passed_cents for line in grants),
            coordination_cents=sum(line.coordination_cents for line in grants),
            remaining_cents=sum(line.remaining_cents for line in grants),
        )


def _service_line(totals: ServiceTotals, registered: bool) -> ServiceCostLine:
    basis = split_basis(totals.vat_regime, registered)
    return ServiceCostLine(
        service_id=totals.service_id,
        name=totals.name,
        key_name=totals.key_name,
        vat_regime=totals.vat_regime,
        basis=basis,
        cost_count=totals.cost_count,
        ht_cents=totals.ht_cents,
        vat_cents=totals.vat_cents,
        ttc_cents=totals.ttc_cents,
        split_cents=amount_to_split(
            totals.ht_cents, totals.ttc_cents, totals.vat_regime, registered
        ),
        shared_cents=totals.shared_cents,
        budget_cents=totals.budget_cents,
    )


def _member_lines(
    costs: CostService, payments: PaymentService, year: int
) -> tuple[MemberLine, ...]:
    names: dict[int, str] = {}
    shares: dict[int, int] = {}
    for share in costs.shares_by_member(year):
        names[share.member_id] = share.member_name
        shares[share.member_id] = share.cents
    balances: dict[int, MemberBalance] = {}
    for row in payments.balances(year):
        names[row.member_id] = row.name
        balances[row.member_id] = row
    lines = []
    for member_id in sorted(names, key=lambda m: (sort_key(names[m]), m)):
        balance = balances.get(member_id)
        lines.append(
            MemberLine(
                member_id=member_id,
                name=names[member_id],
                share_cents=shares.get(member_id, 0),
                called_cents=balance.called_cents if balance else 0,
                paid_cents=balance.paid_cents if balance else 0,
                outstanding_cents=balance.outstanding_cents if balance else 0,
                unapplied_cents=balance.unapplied_cents if balance else 0,
            )
        )
    return tuple(lines)
