"""Shared services (services mutualisés): their VAT regime, key, carrier, budgets and users.

Changing a service's key or VAT regime recomputes the shares of its costs in open fiscal
years (closed years keep their frozen shares, see :mod:`.shares`). A service with costs cannot
be deleted (``service_has_costs``); deactivate it with ``active_to`` instead.

A service's billing coefficient and management fee are dated terms (DESIGN §4b): each applies
from its date until the next one (:meth:`SharedServiceService.set_billing_term`), so the board's
yearly vote is a new term and a closed year keeps the term it was billed with (the guard refuses
a term starting inside, or changing what applies in, a closed year that used the service).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ptce_desktop.domain.billing import BILLING_EARLIEST, Billing, check_billing
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.vat import SplitBasis, VatRegime, split_basis
from ptce_desktop.domain.weights import effective_weights
from ptce_desktop.services.common import (
    check_date_order,
    clean_text,
    fiscal_year,
    get_or_error,
    required_text,
)
from ptce_desktop.services.costs.shares import recompute_cost_ids
from ptce_desktop.services.keys.loader import load_key_spec, member_presences
from ptce_desktop.store.base import BP_MAX, LEN_NAME, LEN_SHORT, MONEY_MAX
from ptce_desktop.store.dated import service_vat_on, service_vats_on, vat_registered_on
from ptce_desktop.store.models import (
    AllocationKey,
    Cost,
    Member,
    ServiceBillingTerm,
    ServiceBudget,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

SERVICE = Entity.SHARED_SERVICE


@dataclass(frozen=True)
class ServiceDraft:
    name: str
    vat_regime: str = VatRegime.EXEMPT_261B.value
    vat_rate_bp: int = 0
    key_id: int | None = None
    carrier_member_id: int | None = None
    category: str | None = None
    description: str | None = None
    active_from: date | None = None
    active_to: date | None = None
    #: The latest billing term (DESIGN §4b): coefficient in ten-thousandths (1,75 → 17 500)
    #: and fee rate in basis points, None: none; ``billing_from``: the first day it applies
    #: (None: from the beginning). Saving a different term sets it from ``billing_from`` on
    #: (:meth:`SharedServiceService.set_billing_term`); the same one changes nothing.
    billing_coefficient_e4: int | None = None
    fee_rate_bp: int | None = None
    billing_from: date | None = None


@dataclass(frozen=True)
class BillingTermView:
    """One voted term: from ``valid_from`` (None: from the beginning) until the next one."""

    valid_from: date | None
    coefficient_e4: int | None
    fee_rate_bp: int | None


@dataclass(frozen=True)
class ServiceView:
    id: int
    name: str
    category: str | None
    description: str | None
    vat_regime: VatRegime
    vat_rate_bp: int
    key_id: int | None
    key_name: str | None
    carrier_member_id: int | None
    carrier_name: str | None
    active_from: date | None
    active_to: date | None
    budgets: tuple[tuple[int, int], ...]  # (fiscal year, cents), by year
    #: The latest term (the one the form shows), and every term, oldest first.
    billing_coefficient_e4: int | None = None
    fee_rate_bp: int | None = None
    billing_from: date | None = None
    billing_terms: tuple[BillingTermView, ...] = ()


@dataclass(frozen=True)
class ServiceTotals:
    """A service with its totals for one fiscal year (costs whose period starts in it)."""

    service_id: int
    name: str
    key_name: str | None
    vat_regime: VatRegime
    cost_count: int
    ht_cents: int
    vat_cents: int
    ttc_cents: int
    shared_cents: int
    budget_cents: int | None


@dataclass(frozen=True)
class ServiceUser:
    member_id: int
    member_name: str
    weight: Fraction  # normalised weight under the key (0 when the member only has shares)
    shares_cents: int


def service_totals(session: Session, year: int) -> list[ServiceTotals]:
    """Every service by name with its cost and share totals for ``year`` (SQL sums; a cost
    counts in the fiscal year of its period start)."""
    period = fiscal_year(session, year)
    in_year = Cost.period_start.between(period.start, period.end)
    costs = (
        select(
            Cost.service_id.label("service_id"),
            func.count(Cost.id).label("n"),
            func.sum(Cost.ht_cents).label("ht"),
            func.sum(Cost.vat_cents).label("vat"),
            func.sum(Cost.ttc_cents).label("ttc"),
        )
        .where(in_year)
        .group_by(Cost.service_id)
        .subquery()
    )
    shares = (
        select(Cost.service_id.label("service_id"), func.sum(Share.cents).label("shared"))
        .join(Share, Share.cost_id == Cost.id)
        .where(in_year)
        .group_by(Cost.service_id)
        .subquery()
    )
    rows = session.execute(
        select(
            SharedService.id,
            SharedService.name,
            AllocationKey.name,
            SharedService.vat_regime,
            costs.c.n,
            costs.c.ht,
            costs.c.vat,
            costs.c.ttc,
            shares.c.shared,
            ServiceBudget.amount_cents,
        )
        .outerjoin(AllocationKey, AllocationKey.id == SharedService.key_id)
        .outerjoin(costs, costs.c.service_id == SharedService.id)
        .outerjoin(shares, shares.c.service_id == SharedService.id)
        .outerjoin(
            ServiceBudget,
            (ServiceBudget.service_id == SharedService.id) & (ServiceBudget.year == year),
        )
        .order_by(SharedService.name, SharedService.id)
    )
    dated = service_vats_on(session, period.start)  # a closed year keeps its own regime
    return [
        ServiceTotals(sid, name, key, regime, n or 0, ht or 0, vat or 0, ttc or 0, shared or 0, b)
        for sid, name, key, own, n, ht, vat, ttc, shared, b in rows
        for regime in (dated.get(sid, (own, 0))[0],)
    ]


def _view(
    session: Session, row: SharedService, budgets: list[tuple[int, int]] | None = None
) -> ServiceView:
    if budgets is None:
        budgets = [
            (year, cents)
            for year, cents in session.execute(
                select(ServiceBudget.year, ServiceBudget.amount_cents)
                .where(ServiceBudget.service_id == row.id)
                .order_by(ServiceBudget.year)
            )
        ]
    terms = tuple(
        BillingTermView(
            None if term.valid_from == BILLING_EARLIEST else term.valid_from,
            term.coefficient_e4,
            term.fee_rate_bp,
        )
        for term in sorted(row.billing_terms, key=lambda term: term.valid_from)
    )
    latest = terms[-1] if terms else BillingTermView(None, None, None)
    return ServiceView(
        row.id,
        row.name,
        row.category,
        row.description,
        row.vat_regime,
        row.vat_rate_bp,
        row.key_id,
        row.key.name if row.key is not None else None,
        row.carrier_member_id,
        row.carrier.name if row.carrier is not None else None,
        row.active_from,
        row.active_to,
        tuple(budgets),
        latest.coefficient_e4,
        latest.fee_rate_bp,
        latest.valid_from,
        terms,
    )


def billing_over_year(
    row: SharedService, first: date, last: date
) -> tuple[int | None, int | None, date | None]:
    """One (coefficient, fee, first day) standing for the service's terms over
    ``first``–``last``, for a what-if that knows one term per service: the term in force on
    ``last``, from its start when that falls inside the period (an earlier term of the same
    period counts as none)."""
    terms = sorted(row.billing_terms, key=lambda term: term.valid_from)
    current = next((t for t in reversed(terms) if t.valid_from <= last), None)
    if current is None:
        return (None, None, None)
    start = current.valid_from if current.valid_from > first else None
    return (current.coefficient_e4, current.fee_rate_bp, start)


def _set_term(row: SharedService, day: date, billing: Billing) -> None:
    """``billing`` from ``day`` on: the term of that day is changed in place (so the guard
    names the field that changed), the later ones are dropped, the earlier ones kept."""
    for term in [t for t in row.billing_terms if t.valid_from > day]:
        row.billing_terms.remove(term)
    same_day = next((t for t in row.billing_terms if t.valid_from == day), None)
    earlier = any(t.valid_from < day for t in row.billing_terms)
    if not billing.active and not earlier:
        # nothing before and none from here: no term at all is the same, and simpler
        if same_day is not None:
            row.billing_terms.remove(same_day)
        return
    if same_day is None:
        row.billing_terms.append(
            ServiceBillingTerm(
                valid_from=day,
                coefficient_e4=billing.coefficient_e4,
                fee_rate_bp=billing.fee_rate_bp,
            )
        )
    else:
        same_day.coefficient_e4 = billing.coefficient_e4
        same_day.fee_rate_bp = billing.fee_rate_bp


class SharedServiceService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def list_services(self, year: int) -> list[ServiceTotals]:
        with self.uow.read() as session:
            return service_totals(session, year)

    def service_views(self) -> dict[int, ServiceView]:
        """Every service's full view, in one read and three queries (for lists)."""
        with self.uow.read() as session:
            budgets: dict[int, list[tuple[int, int]]] = {}
            for service_id, year, cents in session.execute(
                select(
                    ServiceBudget.service_id, ServiceBudget.year, ServiceBudget.amount_cents
                ).order_by(ServiceBudget.service_id, ServiceBudget.year)
            ):
                budgets.setdefault(service_id, []).append((year, cents))
            rows = session.scalars(
                select(SharedService).options(
                    selectinload(SharedService.key), selectinload(SharedService.carrier)
                )
            )
            return {row.id: _view(session, row, budgets.get(row.id, [])) for row in rows}

    def get_service(self, service_id: int) -> ServiceView:
        with self.uow.read() as session:
            return _view(session, get_or_error(session, SharedService, service_id, SERVICE))

    def split_bases(self, service_id: int, days: Iterable[date]) -> dict[date, SplitBasis]:
        """What the service's costs starting on each of ``days`` were split on (HT or TTC),
        from the VAT regime and registration in force that day (dated values: a closed year
        keeps its own), as the shares were computed."""
        with self.uow.read() as session:
            row = get_or_error(session, SharedService, service_id, SERVICE)
            return {
                day: split_basis(
                    service_vat_on(session, row, day)[0], vat_registered_on(session, day)
                )
                for day in set(days)
            }

    def create_service(self, draft: ServiceDraft) -> int:
        with self.uow.write("Créer un service mutualisé") as session:
            row = SharedService()
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            return row.id

    def update_service(self, service_id: int, draft: ServiceDraft) -> int:
        """Returns how many open-year costs had their shares recomputed."""
        with self.uow.write("Modifier un service mutualisé") as session:
            row = get_or_error(session, SharedService, service_id, SERVICE)
            before = (row.key_id, row.vat_regime)
            self._apply(session, row, draft)
            if (row.key_id, row.vat_regime) == before:
                return 0
            session.flush()
            return recompute_cost_ids(
                session, session.scalars(select(Cost.id).where(Cost.service_id == row.id))
            )

    def delete_service(self, service_id: int) -> None:
        with self.uow.write("Supprimer un service mutualisé") as session:
            row = get_or_error(session, SharedService, service_id, SERVICE)
            count = session.scalar(select(func.count(Cost.id)).where(Cost.service_id == row.id))
            if count:
                raise PtceError("service_has_costs", service=row.name, count=count)
            session.delete(row)

    def _apply(self, session: Session, row: SharedService, draft: ServiceDraft) -> None:
        name = required_text(draft.name, "name", max_length=LEN_NAME)
        clash = session.scalar(
            select(SharedService.id).where(SharedService.name == name, SharedService.id != row.id)
        )
        if clash is not None:
            raise PtceError("service_name_taken", "name", name=name)
        try:
            regime = VatRegime(draft.vat_regime)
        except ValueError:
            raise PtceError("unknown_vat_regime", "vat_regime", value=draft.vat_regime) from None
        if regime is VatRegime.TAXABLE and not 0 < draft.vat_rate_bp <= BP_MAX:
            raise PtceError("vat_rate_required", "vat_rate_bp")
        if regime is VatRegime.EXEMPT_261B and draft.vat_rate_bp != 0:
            raise PtceError("vat_rate_exempt", "vat_rate_bp")
        if draft.key_id is not None:
            get_or_error(session, AllocationKey, draft.key_id, Entity.ALLOCATION_KEY)
        if draft.carrier_member_id is not None:
            get_or_error(session, Member, draft.carrier_member_id, Entity.MEMBER)
        check_date_order(draft.active_from, draft.active_to, "active_to")
        check_billing(Billing(draft.billing_coefficient_e4, draft.fee_rate_bp))
        terms = sorted(row.billing_terms, key=lambda term: term.valid_from)
        latest = (
            (terms[-1].coefficient_e4, terms[-1].fee_rate_bp, terms[-1].valid_from)
            if terms
            else (None, None, BILLING_EARLIEST)
        )
        wanted = (
            draft.billing_coefficient_e4,
            draft.fee_rate_bp,
            draft.billing_from or BILLING_EARLIEST,
        )
        if wanted != latest:
            _set_term(row, wanted[2], Billing(wanted[0], wanted[1]))
        row.name = name
        row.category = clean_text(draft.category, "category", max_length=LEN_SHORT)
        row.description = clean_text(draft.description, "description", max_length=4000)
        row.vat_regime = regime
        row.vat_rate_bp = draft.vat_rate_bp
        row.key_id = draft.key_id
        row.carrier_member_id = draft.carrier_member_id
        row.active_from = draft.active_from
        row.active_to = draft.active_to

    # --- billing terms --------------------------------------------------------------------

    def set_billing_term(self, service_id: int, valid_from: date | None, billing: Billing) -> None:
        """The board's vote: ``billing`` applies from ``valid_from`` (None: from the beginning)
        on; a later term is replaced, an earlier one keeps its days. Refused (closed-year
        message) when it would change what a closed year using the service was billed."""
        check_billing(billing)
        with self.uow.write("Fixer le coefficient et les frais d'un service") as session:
            row = get_or_error(session, SharedService, service_id, SERVICE)
            _set_term(row, valid_from or BILLING_EARLIEST, billing)

    def delete_billing_term(self, service_id: int, valid_from: date | None) -> None:
        """Remove the term starting on ``valid_from``: the previous one applies on its days
        (refused when that changes a closed year using the service)."""
        with self.uow.write("Supprimer un coefficient et des frais d'un service") as session:
            row = get_or_error(session, SharedService, service_id, SERVICE)
            day = valid_from or BILLING_EARLIEST
            term = next((t for t in row.billing_terms if t.valid_from == day), None)
            if term is None:
                raise PtceError("not_found", entity=SERVICE, id=service_id)
            row.billing_terms.remove(term)

    # --- budgets ------------------------------------------------------------------------

    def set_budget(self, service_id: int, year: int, amount_cents: int) -> None:
        with self.uow.write("Fixer le budget d'un service") as session:
            get_or_error(session, SharedService, service_id, SERVICE)
            fiscal_year(session, year)
            if amount_cents < 0:
                raise PtceError("negative_amount", "amount_cents", field_label="amount_cents")
            if amount_cents > MONEY_MAX:
                raise PtceError("amount_out_of_bounds", "amount_cents", field_label="amount_cents")
            row = session.scalars(
                select(ServiceBudget).where(
                    ServiceBudget.service_id == service_id, ServiceBudget.year == year
                )
            ).one_or_none()
            if row is None:
                session.add(
                    ServiceBudget(service_id=service_id, year=year, amount_cents=amount_cents)
                )
            else:
                row.amount_cents = amount_cents

    def remove_budget(self, service_id: int, year: int) -> None:
        with self.uow.write("Supprimer le budget d'un service") as session:
            row = session.scalars(
                select(ServiceBudget).where(
                    ServiceBudget.service_id == service_id, ServiceBudget.year == year
                )
            ).one_or_none()
            if row is None:
                raise PtceError("not_found", entity=Entity.SERVICE_BUDGET, id=service_id)
            session.delete(row)

    # --- users --------------------------------------------------------------------------

    def service_users(self, service_id: int, year: int) -> list[ServiceUser]:
        """Members weighing > 0 under the service's key on the year's first day (over the
        whole year for a usage key), or having shares of its costs that year; by name."""
        with self.uow.read() as session:
            service = get_or_error(session, SharedService, service_id, SERVICE)
            period = fiscal_year(session, year)
            weights: dict[int, Fraction] = {}
            if service.key_id is not None:
                spec = load_key_spec(session, service.key_id)
                end = period.end if spec.method is Method.USAGE else period.start
                try:
                    weights = effective_weights(
                        spec, period.start, end, member_presences(session)
                    ).shares()
                except PtceError:
                    weights = {}
            shares = dict(
                session.execute(
                    select(Share.member_id, func.sum(Share.cents))
                    .join(Cost, Cost.id == Share.cost_id)
                    .where(
                        Cost.service_id == service_id,
                        Cost.period_start.between(period.start, period.end),
                    )
                    .group_by(Share.member_id)
                ).all()
            )
            ids = set(weights) | set(shares)
            names = dict(
                session.execute(select(Member.id, Member.name).where(Member.id.in_(ids))).all()
            )
            return sorted(
                (
                    ServiceUser(m, names[m], weights.get(m, Fraction(0)), shares.get(m, 0))
                    for m in ids
                ),
                key=lambda user: (user.member_name, user.member_id),
            )
