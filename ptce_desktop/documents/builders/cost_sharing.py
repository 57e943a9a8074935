"""Builds the read model of the "Rapport de répartition des charges" (one fiscal year; one
service or all).

Assembled in one read transaction from the services' own computations:

* each member's shares per service and quarter: :func:`~.shares.shares_by_quarter`, the
  aggregation the costs screens use (a cost counts in the quarter of its period start, the
  date that decides its fiscal year);
* the costs of the year per service: :func:`~.shared_services.service_totals`, split here by
  quarter with the same period-start rule; the amount that is shared is the service's split
  basis (:func:`~ptce_desktop.domain.vat.amount_to_split`: TTC for a 261 B service or
  a pole that is not VAT-registered, HT otherwise — DESIGN §4.5);
* the keys as the allocation engine sees them: :func:`~.key_loader.load_key_spec`.

**Reconciliation.** For every service, Σ shares = Σ costs (split basis) per quarter and for the
year; the builder checks it and raises :class:`CostSharingMismatch` otherwise (an explicit
check, not an ``assert`` statement, so it also runs under ``python -O``). The stored shares of
a cost always sum to it (DESIGN §4.2); a mismatch means damaged data — e.g. a closed year's
frozen shares computed on another basis before the pole's VAT registration changed — and must
not be printed as if it were exact.

**Exceptional lines** (issue 11, item 2) of the year — of the one service asked for, or all —
are listed apart, each with its key and the version in force on its date: they are called
once and are not costs of a service (the invoice, entered as a cost, is settled by the
true-up), so they are never added to a service's costs. A called line shows what its call
holds; one still to be called the split the next call will make (the same function). Each is
reconciled like a service: Σ shares = its amount, else :class:`CostSharingMismatch`.

Services listed when no ``service_id`` is given: those with costs in the year or active
during it (``active_from``/``active_to`` overlap the year), by name.

Key versions shown: those in force at some day of the fiscal year (the last one starting on or
before its first day, and every later one starting within it), each with the dates it covers
inside the year. A usage key shows the usage recorded during the year; an equal key without a
list of participants shows the members present while the version is in force; a mixed key
shows its parts, each with the version of the part's key in force when the mixed version
starts applying.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.documents.cost_sharing import (
    CostSharingData,
    CostSharingMismatch,
    ExceptionalShare,
    ExceptionalSharing,
    KeyBlock,
    KeyPartBlock,
    KeyUnitsRow,
    KeyVersionBlock,
    MemberQuarterShares,
    Quarters,
    ServiceSharing,
)
from ptce_desktop.domain.billing import LineKind
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, KeyVersion, Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.percentages import percent_column
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.vat import VatRegime, amount_to_split, split_basis
from ptce_desktop.domain.weights import effective_weights, versions_in
from ptce_desktop.services.calls.exceptional import charge_key_id
from ptce_desktop.services.common import fiscal_year, get_or_error, pole_row
from ptce_desktop.services.costs.shared_services import ServiceTotals, service_totals
from ptce_desktop.services.costs.shares import pole_vat_registered, shares_by_quarter
from ptce_desktop.services.keys.loader import load_key_spec, member_presences, split_for
from ptce_desktop.services.pole.pole import attachment_file
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    ExceptionalCharge,
    Member,
    ServiceBudget,
    SharedService,
)
from ptce_desktop.store.models import KeyVersion as KeyVersionRow
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["build_cost_sharing_data"]


def build_cost_sharing_data(
    uow: UnitOfWork, year: int, service_id: int | None = None
) -> CostSharingData:
    """The read model of the cost-sharing report of fiscal ``year`` (one service or all).

    Raises ``PtceError("not_found")`` for an unknown ``service_id``, a key error
    (``key_cycle``…) from the key loader, and :class:`CostSharingMismatch` when shares and
    costs do not reconcile.
    """
    with uow.read() as session:
        fy = fiscal_year(session, year)
        quarters = tuple(fy.quarters())
        chosen = None
        if service_id is not None:
            chosen = get_or_error(session, SharedService, service_id, Entity.SHARED_SERVICE)
        totals = {t.service_id: t for t in service_totals(session, year)}
        shares = _shares(session, year, service_id)
        costs = _costs_by_quarter(session, fy, service_id)
        registered = pole_vat_registered(session, fy.start)  # dated: as the year had it
        keys = _KeyReader(session, fy)
        services = [chosen] if chosen is not None else _services_of_year(session, fy, costs)
        sharings = tuple(
            _sharing(
                service,
                totals[service.id],
                costs.get(service.id, {}),
                shares.get(service.id, []),
                registered,
                keys.block(service.key_id) if service.key_id is not None else None,
                service_vat_on(session, service, fy.start),
            )
            for service in services
        )
        budgets = _budgets(session, year)  # issue 10: budget vs actual per service
        sharings = tuple(replace(s, budget_cents=budgets.get(s.service_id)) for s in sharings)
        pole = pole_row(session)
        logo = pole.logo if pole is not None else None
        return CostSharingData(
            pole_name=pole.name if pole is not None else "",
            logo_path=(
                str(attachment_file(uow.db.attachments_dir, logo.sha256, logo.original_name))
                if logo is not None
                else None
            ),
            year=year,
            year_label=fy.label,
            quarters=quarters,
            service_name=chosen.name if chosen is not None else None,
            services=sharings,
            costs_cents=sum(s.costs_cents for s in sharings),
            shared_cents=sum(s.shared_cents for s in sharings),
            exceptional=_exceptional(session, year, service_id),
        )


# --- figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _QuarterCosts:
    ht: int
    ttc: int


def _costs_by_quarter(
    session: Session, fy: FiscalYear, service_id: int | None
) -> dict[int, dict[int, _QuarterCosts]]:
    """Per service and quarter (1–4): HT and TTC of the costs whose period starts there."""
    quarter = case(
        *((Cost.period_start.between(q.start, q.end), n) for n, q in enumerate(fy.quarters(), 1))
    )
    query = (
        select(
            Cost.service_id,
            quarter,
            func.sum(Cost.ht_cents),
            func.sum(Cost.ttc_cents),
        )
        .where(Cost.period_start.between(fy.start, fy.end))
        .group_by(Cost.service_id, quarter)
    )
    if service_id is not None:
        query = query.where(Cost.service_id == service_id)
    result: dict[int, dict[int, _QuarterCosts]] = defaultdict(dict)
    for sid, q, ht, ttc in session.execute(query):
        result[sid][int(q)] = _QuarterCosts(int(ht or 0), int(ttc or 0))
    return result


def _shares(
    session: Session, year: int, service_id: int | None
) -> dict[int, list[MemberQuarterShares]]:
    """Per service: each member's shares by quarter, from the costs service's aggregation."""
    by_member: dict[int, dict[int, tuple[str, list[int]]]] = defaultdict(dict)
    for row in shares_by_quarter(session, year, service_id=service_id):
        _, cents = by_member[row.service_id].setdefault(row.member_id, (row.member_name, [0] * 4))
        cents[row.quarter - 1] += row.cents
    result: dict[int, list[MemberQuarterShares]] = {}
    for sid, members in by_member.items():
        rows = [
            MemberQuarterShares(member_id, name, _quad(cents), sum(cents))
            for member_id, (name, cents) in members.items()
        ]
        rows.sort(key=lambda r: (r.member_name.casefold(), r.member_id))
        result[sid] = rows
    return result


def _budgets(session: Session, year: int) -> dict[int, int]:
    """Each service's budget for fiscal ``year`` (the amount its provisional calls split)."""
    rows = session.execute(
        select(ServiceBudget.service_id, ServiceBudget.amount_cents).where(
            ServiceBudget.year == year
        )
    )
    return {service_id: int(cents) for service_id, cents in rows}


def _quad(values: list[int]) -> Quarters:
    return (values[0], values[1], values[2], values[3])


def _services_of_year(
    session: Session, fy: FiscalYear, costs: dict[int, dict[int, _QuarterCosts]]
) -> list[SharedService]:
    active = or_(
        SharedService.id.in_(list(costs)),
        (or_(SharedService.active_from.is_(None), SharedService.active_from <= fy.end))
        & (or_(SharedService.active_to.is_(None), SharedService.active_to >= fy.start)),
    )
    rows = session.scalars(select(SharedService).where(active)).all()
    return sorted(rows, key=lambda s: (s.name.casefold(), s.id))


def _sharing(
    service: SharedService,
    totals: ServiceTotals,
    costs: dict[int, _QuarterCosts],
    members: list[MemberQuarterShares],
    registered: bool,
    key: KeyBlock | None,
    vat: tuple[VatRegime, int],
) -> ServiceSharing:
    regime = VatRegime(vat[0])
    basis = split_basis(regime, registered)
    quarter_costs = [costs.get(q, _QuarterCosts(0, 0)) for q in (1, 2, 3, 4)]
    costs_quarters = _quad(
        [amount_to_split(c.ht, c.ttc, regime, registered) for c in quarter_costs]
    )
    shared_quarters = _quad([sum(m.quarters[i] for m in members) for i in range(4)])
    year_basis = amount_to_split(totals.ht_cents, totals.ttc_cents, regime, registered)
    sharing = ServiceSharing(
        service_id=service.id,
        name=service.name,
        vat_regime=regime,
        vat_rate_bp=vat[1],
        basis=basis,
        key=key,
        cost_count=totals.cost_count,
        costs_ht_cents=totals.ht_cents,
        costs_vat_cents=totals.vat_cents,
        costs_ttc_cents=totals.ttc_cents,
        costs_quarters=costs_quarters,
        costs_cents=sum(costs_quarters),
        members=tuple(members),
        shared_quarters=shared_quarters,
        shared_cents=sum(shared_quarters),
    )
    _check_reconciled(sharing, year_basis, totals.shared_cents)
    return sharing


def _check_reconciled(sharing: ServiceSharing, year_costs: int, year_shared: int) -> None:
    """Σ shares = Σ costs per quarter and for the year, and both agree with the year totals of
    :func:`service_totals` (CGI art. 261 B: each member is charged exactly its part)."""
    pairs = [(f"T{q + 1}", sharing.costs_quarters[q], sharing.shared_quarters[q]) for q in range(4)]
    pairs += [
        ("exercice", sharing.costs_cents, sharing.shared_cents),
        ("charges de l'exercice", sharing.costs_cents, year_costs),
        ("quotes-parts de l'exercice", sharing.shared_cents, year_shared),
    ]
    problems = " ; ".join(f"{label} : {a} ≠ {b}" for label, a, b in pairs if a != b)
    if problems:
        raise CostSharingMismatch(f"Répartition non rapprochée, « {sharing.name} » : {problems}")


# --- exceptional lines --------------------------------------------------------------------------


def _exceptional(
    session: Session, year: int, service_id: int | None
) -> tuple[ExceptionalSharing, ...]:
    """The year's exceptional lines (of ``service_id``, or all), by date, each reconciled."""
    query = select(ExceptionalCharge).where(ExceptionalCharge.year == year)
    if service_id is not None:
        query = query.where(ExceptionalCharge.service_id == service_id)
    names = dict(session.execute(select(Member.id, Member.name)).all())
    lines = []
    for charge in session.scalars(query.order_by(ExceptionalCharge.date, ExceptionalCharge.id)):
        service = charge.service
        spec = load_key_spec(session, charge_key_id(session, charge))
        version = spec.version_on(charge.date)
        regime, _rate = service_vat_on(session, service, charge.date)
        called = session.execute(
            select(Call.member_id, func.sum(CallLine.ht_cents), func.min(Call.number))
            .join(Call, Call.id == CallLine.call_id)
            .where(CallLine.exceptional_id == charge.id, CallLine.kind == LineKind.EXCEPTIONAL)
            .group_by(Call.member_id)
        ).all()
        numbers: dict[int, str] = {}
        if called:
            cents = {member_id: int(total) for member_id, total, _ in called}
            numbers = {member_id: str(n) for member_id, _, n in called}
            number: str | None = min(numbers.values())
        else:
            cents = {
                share.member_id: share.cents
                for share in split_for(
                    session,
                    total_cents=charge.amount_cents,
                    key_id=charge_key_id(session, charge),
                    period_start=charge.date,
                    period_end=charge.date,
                    label=charge.label,
                )
            }
            number = None
        members = sorted(
            (
                ExceptionalShare(m, names.get(m, f"Membre n° {m}"), c, numbers.get(m))
                for m, c in cents.items()
                if c
            ),
            key=lambda row: (row.member_name.casefold(), row.member_id),
        )
        line = ExceptionalSharing(
            charge_id=charge.id,
            charge_date=charge.date,
            label=charge.label,
            service_id=service.id,
            service_name=service.name,
            key_name=spec.name,
            key_method=spec.method,
            key_version_from=None if spec.method is Method.USAGE else version.valid_from,
            basis=split_basis(VatRegime(regime), vat_registered_on(session, charge.date)),
            amount_cents=charge.amount_cents,
            call_number=number,
            members=tuple(members),
            shared_cents=sum(row.cents for row in members),
        )
        if line.difference_cents:
            raise CostSharingMismatch(
                f"Ligne exceptionnelle non rapprochée, « {line.label} » : "
                f"{line.amount_cents} ≠ {line.shared_cents}"
            )
        lines.append(line)
    return tuple(lines)


# --- keys ---------------------------------------------------------------------------------------


class _KeyReader:
    """Key blocks for the report: each version's rows are the key's effective weights over
    the days it governs (:func:`~ptce_desktop.domain.weights.effective_weights`, what the
    split itself uses), so a member absent all along takes no part and one present part of
    the time shows its prorated weight; percentages by :func:`percent_column`, as the key
    editor shows them."""

    def __init__(self, session: Session, fy: FiscalYear) -> None:
        self.session = session
        self.fy = fy
        self.names = dict(session.execute(select(Member.id, Member.name)).all())
        self.presences = member_presences(session)

    def block(self, key_id: int) -> KeyBlock:
        spec = load_key_spec(self.session, key_id)
        fy = self.fy
        if spec.method is Method.USAGE:
            # Usage weighs what was recorded in the year, whatever the key's versions.
            anytime = replace(spec, versions=(KeyVersion(None, date.min),))
            rows, total, weight = self._rows(anytime, fy.start, fy.end)
            block = KeyVersionBlock(None, fy.start, fy.end, None, rows, total, total_weight=weight)
            return KeyBlock(spec.name, spec.method, spec.unit, (block,))
        notes = dict(
            self.session.execute(
                select(KeyVersionRow.id, KeyVersionRow.note).where(KeyVersionRow.key_id == key_id)
            ).all()
        )
        versions = tuple(
            self._version(spec, version, first, last, notes.get(version.id or 0))
            for version, first, last in versions_in(spec, fy.start, fy.end)
        )
        return KeyBlock(spec.name, spec.method, spec.unit, versions)

    def _version(
        self, spec: KeySpec, version: KeyVersion, start: date, end: date, note: str | None
    ) -> KeyVersionBlock:
        if spec.method is not Method.MIXED:
            rows, total, weight = self._rows(spec, start, end)
            return KeyVersionBlock(
                version.valid_from, start, end, note, rows, total, total_weight=weight
            )
        weights = sum(part.weight for part in version.parts if part.weight > 0) or 1
        parts = []
        for part in version.parts:
            inner = part.key
            rows, total, weight = self._rows(inner, start, end)
            share = Fraction(max(part.weight, 0), weights)
            parts.append(
                KeyPartBlock(
                    inner.name, inner.method, inner.unit, part.weight, share, rows, total, weight
                )
            )
        parts.sort(key=lambda p: p.key_name.casefold())
        return KeyVersionBlock(version.valid_from, start, end, note, (), 0, tuple(parts))

    def _rows(
        self, spec: KeySpec, start: date, end: date
    ) -> tuple[tuple[KeyUnitsRow, ...], int, Fraction]:
        """The participants of ``spec`` over [start, end], their raw units' total and their
        weights' total (units × days present / days: what the percentages divide by)."""
        try:
            weights = effective_weights(spec, start, end, self.presences)
        except PtceError:  # no version yet (a mixed key's part), a negative value: nothing
            return (), 0, Fraction(0)
        shares = weights.shares()
        column = percent_column(weights.weights())
        rows = [
            KeyUnitsRow(
                m.member_id,
                self.names.get(m.member_id, f"Membre n° {m.member_id}"),
                m.units or 0,
                shares[m.member_id],
                column[m.member_id],
                m.days_present,
                m.period_days,
            )
            for m in weights.members
        ]
        rows.sort(key=lambda r: (r.member_name.casefold(), r.member_id))
        return tuple(rows), weights.total_units or 0, weights.total_weight
