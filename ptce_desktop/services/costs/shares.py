"""The members' shares of costs: computed by the engine, stored with the cost, kept current.

Shared by :mod:`.costs` (a cost is saved with its shares in the same transaction) and
:mod:`.keys` (editing a key version, or recorded usage, recomputes the shares it affects).

* Basis (DESIGN §4.5): the TTC when the service is exempt under CGI art. 261 B or the pole is
  not VAT-registered (or not set up yet); the HT when the service is taxable and the pole is
  VAT-registered.
* Recomputation touches only costs of open fiscal years: a cost belongs to the fiscal year
  of its period start and is frozen when that year, or its invoice's, is closed. Frozen costs
  keep their shares and are skipped silently: a key change must remain possible after a year
  is closed; corrections of a closed year go through adjustments in the open year.
* Stored shares need only member, cents and key version: they come from the engine's
  cents-only path (:func:`~ptce_desktop.domain.allocation.split_cost_cents`); the
  explanations (:func:`split_cost`) are for "why this amount" and the preview.
* A cost being saved gets its shares with one bulk INSERT (and one DELETE first when an edit
  changes them): see :func:`write_cost_shares` for why that is safe. Recomputation updates
  them in place (same row per member), so the unique (cost, member) pair never collides inside
  one flush. ``key_version_id`` records the version actually used (the mixed key's own
  version for a mixed key; NULL for a usage key without versions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from sqlalchemy import bindparam, case, delete, func, select
from sqlalchemy.orm import Session, selectinload

from ptce_desktop.domain.allocation import SplitResult, split_cost, split_cost_cents
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, ShareExplanation
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_exact_cents
from ptce_desktop.domain.periods import fiscal_year_of
from ptce_desktop.domain.vat import SplitBasis, VatRegime, amount_to_split, split_basis
from ptce_desktop.services.common import fiscal_year, get_or_error, pole_row, start_month
from ptce_desktop.services.costs.views import (
    MemberServiceQuarter,
    MemberShareTotal,
    ShareExplanationView,
)
from ptce_desktop.services.keys.loader import MemberPresences, load_key_spec
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    Cost,
    FiscalYear,
    KeyMixPart,
    KeyVersion,
    Member,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import insert_rows, mark_changed


def pole_vat_registered(session: Session, on: date | None = None) -> bool:
    """The pole's VAT registration on ``on`` (a dated value: a closed year keeps its own);
    today's when ``on`` is None."""
    if on is not None:
        return vat_registered_on(session, on)
    pole = pole_row(session)
    return bool(pole is not None and pole.vat_registered)


class ServiceTerms(Protocol):
    """What a split reads of a service (a :class:`SharedService` row, or the few columns a
    cost's save reads of it)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def key_id(self) -> int | None: ...
    @property
    def vat_regime(self) -> VatRegime: ...
    @property
    def vat_rate_bp(self) -> int: ...


@dataclass
class SplitContext:
    """What splitting costs in one action reads only once (keys, members' presences, the dated
    VAT values per (service, day) and per day).

    Made for one action and dropped with it: nothing it read may change while it is used.
    Only a cost's save keeps one from one write to the next, in the unit of work's
    :class:`~ptce_desktop.store.unit_of_work.WriteCache` — emptied by any write that changes
    a key, a member, a service, a VAT period or the pole — and :meth:`bind` s it to each
    write's session. Presences are read as the splits ask for them: only the members a key can
    weigh (:class:`MemberPresences`).
    """

    presences: MemberPresences
    specs: dict[int, KeySpec] = field(default_factory=dict)
    service_vats: dict[tuple[int, date], tuple[VatRegime, int]] = field(default_factory=dict)
    registrations: dict[date, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> SplitContext:
        return cls(MemberPresences(session))

    def bind(self, session: Session) -> None:
        """Read what is not known yet through ``session`` from now on."""
        self.presences.bind(session)

    def spec(self, session: Session, key_id: int) -> KeySpec:
        if key_id not in self.specs:
            self.specs[key_id] = load_key_spec(session, key_id, presences=self.presences)
        return self.specs[key_id]

    def service_vat(self, session: Session, service: ServiceTerms, day: date) -> VatRegime:
        """The service's VAT regime on ``day`` (:func:`~ptce_desktop.store.dated.
        service_vat_on`), read once per (service, day)."""
        if service.id is None:  # a service not written yet: nothing dated to read once
            return service_vat_on(session, service, day)[0]
        found = self.service_vats.get((service.id, day))
        if found is None:
            found = self.service_vats[(service.id, day)] = service_vat_on(session, service, day)
        return found[0]

    def registered(self, session: Session, day: date) -> bool:
        """The pole's VAT registration on ``day``, read once per day."""
        found = self.registrations.get(day)
        if found is None:
            found = self.registrations[day] = vat_registered_on(session, day)
        return found


@dataclass(frozen=True)
class ComputedSplit:
    basis: SplitBasis
    amount_cents: int
    shares: list[ShareExplanation]


@dataclass(frozen=True)
class ComputedCents:
    basis: SplitBasis
    amount_cents: int
    result: SplitResult


def _basis_and_amount(
    session: Session,
    context: SplitContext,
    service: ServiceTerms,
    ht_cents: int,
    ttc_cents: int,
    on: date,
) -> tuple[SplitBasis, int, int]:
    if service.key_id is None:
        raise PtceError("service_without_key", "service_id", service=service.name)
    # Dated values, as of the first day of the cost's period (a closed year keeps its own).
    regime = context.service_vat(session, service, on)
    registered = context.registered(session, on)
    amount = amount_to_split(ht_cents, ttc_cents, regime, registered)
    return split_basis(regime, registered), amount, service.key_id


def compute_split(
    session: Session,
    context: SplitContext,
    *,
    service: ServiceTerms,
    ht_cents: int,
    ttc_cents: int,
    period_start: date,
    period_end: date,
    label: str,
) -> ComputedSplit:
    """The shares of a cost (saved or draft) of ``service`` with their explanations; engine
    errors name ``label``."""
    basis, amount, key_id = _basis_and_amount(
        session, context, service, ht_cents, ttc_cents, period_start
    )
    spec = context.spec(session, key_id)
    shares = split_cost(
        amount,
        spec,
        period_start,
        period_end,
        context.presences.for_key(spec, period_start, period_end),
        cost_label=label,
    )
    return ComputedSplit(basis, amount, shares)


def compute_cents(
    session: Session,
    context: SplitContext,
    *,
    service: ServiceTerms,
    ht_cents: int,
    ttc_cents: int,
    period_start: date,
    period_end: date,
    label: str,
) -> ComputedCents:
    """What :func:`compute_split` gives, cents and key version only (what is stored)."""
    basis, amount, key_id = _basis_and_amount(
        session, context, service, ht_cents, ttc_cents, period_start
    )
    spec = context.spec(session, key_id)
    result = split_cost_cents(
        amount,
        spec,
        period_start,
        period_end,
        context.presences.roster_for(spec, period_start, period_end),
        cost_label=label,
    )
    return ComputedCents(basis, amount, result)


def store_shares(cost: Cost, result: SplitResult) -> None:
    """Make ``cost.shares`` equal to ``result`` through the ORM, updating rows in place (each
    changed row is then checked by the unit of work like any record)."""
    version_id = result.version_id
    existing = {share.member_id: share for share in cost.shares}
    wanted = result.cents
    for member_id, share in existing.items():
        if member_id not in wanted:
            cost.shares.remove(share)
    for member_id, cents in wanted.items():
        row = existing.get(member_id)
        if row is None:
            cost.shares.append(Share(member_id=member_id, cents=cents, key_version_id=version_id))
        else:
            if row.cents != cents:
                row.cents = cents
            if row.key_version_id != version_id:
                row.key_version_id = version_id


def write_cost_shares(
    session: Session, cost: Cost, result: SplitResult, *, new: bool, changed: bool
) -> None:
    """Store the shares of a cost being saved: one INSERT of its rows (Core, not one ORM object
    a share), after one DELETE when an edit changes them; nothing when they are unchanged.

    ``new`` and ``changed`` say whether the cost row itself is new, or changed, in this
    action (taken before any query could flush it). Then it goes through the ORM (flushed
    here first): the unit of work refuses it if its period start or invoice date, old or new,
    lies in a closed year — and that is exactly how a share reaches its fiscal year
    (``Share.fiscal_parents = ("cost",)``), so rows belonging to a cost checked in the same
    flush cannot touch a closed year either. Shares are derived rows, never audited one by one
    (``Share.audited = False``): the cost's own audit entry covers the action. The unit of
    work does not see bulk statements: "shares" is added to the published Change with
    :func:`~ptce_desktop.store.unit_of_work.mark_changed`.

    An unchanged cost whose shares differ (its key changed since it was saved) has its rows
    updated through the ORM instead, where the unit of work checks each one.
    """
    if not (new or changed):
        store_shares(cost, result)
        return
    session.flush()  # the cost: guarded, audited, and its id known
    version_id = result.version_id
    connection = session.connection()  # flushed: the statements below need no autoflush
    if not new:
        wanted = {member: (cents, version_id) for member, cents in result.cents.items()}
        stored = {
            member: (cents, version)
            for member, cents, version in connection.execute(_STORED_SHARES, {"cost_id": cost.id})
        }
        if stored == wanted:
            return
        if any(isinstance(obj, Share) for obj in session.identity_map.values()):
            # ORM-enabled: Share objects of this cost already in the session are removed too.
            session.execute(delete(Share).where(Share.cost_id == cost.id))
        else:
            connection.execute(_DELETE_SHARES, {"cost_id": cost.id})
    if result.cents:
        cost_id = cost.id
        insert_rows(
            session,
            Share,
            _SHARE_COLUMNS,
            [(cost_id, m, c, version_id) for m, c in result.cents.items()],
        )
    session.expire(cost, ["shares"])
    mark_changed(session, Share.__tablename__)


# Built once (each save runs them: building costs more than running them on a small cost).
_STORED_SHARES = select(Share.member_id, Share.cents, Share.key_version_id).where(
    Share.cost_id == bindparam("cost_id")
)
_DELETE_SHARES = delete(Share).where(Share.cost_id == bindparam("cost_id"))
_SHARE_COLUMNS = ("cost_id", "member_id", "cents", "key_version_id")


def split_and_store(session: Session, context: SplitContext, cost: Cost) -> ComputedCents:
    computed = compute_cents(
        session,
        context,
        service=cost.service,
        ht_cents=cost.ht_cents,
        ttc_cents=cost.ttc_cents,
        period_start=cost.period_start,
        period_end=cost.period_end,
        label=cost.label,
    )
    store_shares(cost, computed.result)
    return computed


def cost_frozen(invoice_date: date, period_start: date, closed: set[int], month: int) -> bool:
    """A cost is frozen when its period starts, or its invoice is dated, in a closed year."""
    return any(
        fiscal_year_of(day, month).start_year in closed for day in (invoice_date, period_start)
    )


def closed_years(session: Session) -> set[int]:
    return set(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )


def dependent_key_ids(session: Session, key_id: int) -> set[int]:
    """``key_id`` and every mixed key that contains it, directly or through other keys."""
    found = {key_id}
    frontier = {key_id}
    while frontier:
        parents = set(
            session.scalars(
                select(KeyVersion.key_id)
                .join(KeyMixPart, KeyMixPart.version_id == KeyVersion.id)
                .where(KeyMixPart.part_key_id.in_(frontier))
            )
        )
        frontier = parents - found
        found |= frontier
    return found


@dataclass(frozen=True)
class RecomputeResult:
    """How many costs had their shares recomputed, and how many closed-year ones were left."""

    recomputed: int
    skipped_closed: int


def recompute_key_costs(
    session: Session,
    key_id: int,
    *,
    starts_from: date | None = None,
    starts_before: date | None = None,
    covering: Iterable[date] = (),
) -> RecomputeResult:
    """Recompute the shares of the open-year costs whose split depends on key ``key_id``.

    Costs are those of services whose key is ``key_id`` or a mixed key containing it, and
    whose period starts in [``starts_from``, ``starts_before``) — or, when ``covering`` is
    given, whose period contains one of those days (recorded usage).
    """
    session.flush()
    keys = dependent_key_ids(session, key_id)
    query = (
        select(Cost)
        .join(SharedService, Cost.service_id == SharedService.id)
        .where(SharedService.key_id.in_(keys))
        .options(selectinload(Cost.shares), selectinload(Cost.service))
        .order_by(Cost.id)
    )
    if starts_from is not None:
        query = query.where(Cost.period_start >= starts_from)
    if starts_before is not None:
        query = query.where(Cost.period_start < starts_before)
    days = sorted(set(covering))
    if days:
        query = query.where(Cost.period_start <= days[-1], Cost.period_end >= days[0])
    costs = list(session.scalars(query))
    if days:
        costs = [c for c in costs if any(c.period_start <= d <= c.period_end for d in days)]
    if not costs:
        return RecomputeResult(0, 0)
    closed = set(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )
    month = start_month(session)
    context = SplitContext.load(session)
    recomputed = skipped = 0
    for cost in costs:
        if cost_frozen(cost.invoice_date, cost.period_start, closed, month):
            skipped += 1
            continue
        split_and_store(session, context, cost)
        recomputed += 1
    return RecomputeResult(recomputed, skipped)


def recompute_open_costs(session: Session, *, ending_from: date | None = None) -> int:
    """Recompute every open-year cost whose period ends on or after ``ending_from`` (all if None).

    Used when something every split depends on changes: a member's joining or leaving date
    (presence prorating), the pole's VAT registration (HT or TTC basis).
    """
    session.flush()
    query = select(Cost.id)
    if ending_from is not None:
        query = query.where(Cost.period_end >= ending_from)
    return recompute_cost_ids(session, session.scalars(query).all())


def recompute_cost_ids(session: Session, cost_ids: Iterable[int]) -> int:
    """Recompute the shares of the given costs (open years only; closed ones are skipped)."""
    ids = sorted(set(cost_ids))
    if not ids:
        return 0
    closed = set(
        session.scalars(select(FiscalYear.start_year).where(FiscalYear.closed_at.is_not(None)))
    )
    month = start_month(session)
    context = SplitContext.load(session)
    costs = session.scalars(
        select(Cost).where(Cost.id.in_(ids)).options(selectinload(Cost.shares))
    ).all()
    count = 0
    for cost in costs:
        if not cost_frozen(cost.invoice_date, cost.period_start, closed, month):
            split_and_store(session, context, cost)
            count += 1
    return count


# --- read models: explanation, quarters ---------------------------------------------------


def _pinned_spec(spec: KeySpec, version_id: int | None, period_start: date) -> KeySpec:
    """The key reduced to the version stored with the share, when it still applies."""
    for version in spec.versions:
        if version.id == version_id and version.valid_from <= period_start:
            return replace(spec, versions=(version,))
    return spec


def explain_share(session: Session, cost_id: int, member_id: int) -> ShareExplanationView:
    cost = get_or_error(session, Cost, cost_id, Entity.COST)
    share = next((s for s in cost.shares if s.member_id == member_id), None)
    if share is None:
        raise PtceError("no_share", member=member_id, cost=cost.label)
    key_id = share.key_version.key_id if share.key_version is not None else cost.service.key_id
    if key_id is None:
        raise PtceError("service_without_key", service=cost.service.name)
    regime = service_vat_on(session, cost.service, cost.period_start)[0]
    registered = vat_registered_on(session, cost.period_start)
    basis = split_basis(regime, registered)
    amount = amount_to_split(cost.ht_cents, cost.ttc_cents, regime, registered)
    spec = _pinned_spec(load_key_spec(session, key_id), share.key_version_id, cost.period_start)
    explanations = split_cost(
        amount,
        spec,
        cost.period_start,
        cost.period_end,
        MemberPresences(session).for_key(spec, cost.period_start, cost.period_end),
        cost_label=cost.label,
    )
    found = next((e for e in explanations if e.member_id == member_id), None)
    if found is None:
        raise PtceError("no_share", member=member_id, cost=cost.label)
    exact = found.exact
    return ShareExplanationView(
        cost_id=cost.id,
        cost_label=cost.label,
        member_id=member_id,
        member_name=share.member.name,
        key_id=spec.id,
        key_name=spec.name,
        method=spec.method,
        unit=spec.unit,
        version_id=found.version_id,
        valid_from=found.valid_from,
        member_units=found.member_units,
        total_units=found.total_units,
        days_present=found.days_present,
        period_days=found.period_days,
        basis=basis,
        amount_split_cents=amount,
        weight=found.weight,
        total_weight=found.total_weight,
        exact_cents=exact,
        exact_text=format_exact_cents(exact),
        exact_fraction=f"{exact.numerator}/{exact.denominator}"
        if exact.denominator != 1
        else str(exact.numerator),
        floor_cents=found.floor,
        leftover_cent=found.leftover_cent,
        rounding_delta=found.rounding_delta,
        computed_cents=found.cents,
        stored_cents=share.cents,
        parts=found.parts,
    )


def shares_by_quarter(
    session: Session, year: int, *, service_id: int | None = None, member_id: int | None = None
) -> list[MemberServiceQuarter]:
    """Each member's shares per service and quarter of fiscal year ``year`` (one SQL query).

    A cost counts in the quarter of its period start (the date that decides its fiscal year).
    """
    period = fiscal_year(session, year)
    quarters = period.quarters()
    quarter = case(
        *((Cost.period_start.between(q.start, q.end), n) for n, q in enumerate(quarters, 1))
    ).label("quarter")
    query = (
        select(
            Share.member_id,
            Member.name,
            Cost.service_id,
            SharedService.name,
            quarter,
            func.sum(Share.cents),
        )
        .join(Cost, Cost.id == Share.cost_id)
        .join(Member, Member.id == Share.member_id)
        .join(SharedService, SharedService.id == Cost.service_id)
        .where(Cost.period_start.between(period.start, period.end))
        .group_by(Share.member_id, Member.name, Cost.service_id, SharedService.name, quarter)
        .order_by(Member.name, Share.member_id, SharedService.name, Cost.service_id, quarter)
    )
    if service_id is not None:
        query = query.where(Cost.service_id == service_id)
    if member_id is not None:
        query = query.where(Share.member_id == member_id)
    return [
        MemberServiceQuarter(m, member_name, s, service_name, int(q), int(cents))
        for m, member_name, s, service_name, q, cents in session.execute(query)
    ]


def shares_by_member(session: Session, year: int) -> list[MemberShareTotal]:
    """Each member's total share of the costs of fiscal year ``year``, by name (one GROUP BY
    over the year's shares; names joined to the totals, not grouped)."""
    period = fiscal_year(session, year)
    totals = (
        select(Share.member_id.label("member_id"), func.sum(Share.cents).label("cents"))
        .join(Cost, Cost.id == Share.cost_id)
        .where(Cost.period_start.between(period.start, period.end))
        .group_by(Share.member_id)
        .subquery()
    )
    query = (
        select(totals.c.member_id, Member.name, totals.c.cents)
        .join(Member, Member.id == totals.c.member_id)
        .order_by(Member.name, totals.c.member_id)
    )
    return [MemberShareTotal(m, name, int(cents)) for m, name, cents in session.execute(query)]
