"""The scenario simulator (« Et si… ? »): load a year once, compare scenarios, save them, adopt one.

* :meth:`SimulationService.load` reads, in one short transaction, what a comparison needs
  (members, every key through :func:`~ptce_desktop.services.keys.loader.load_key_spec`, the
  chosen services with the amount each cost splits — asked of the shares module, the one rule
  — and their budgets) into a frozen :class:`~ptce_desktop.domain.scenarios.PoleInput`;
  :func:`~ptce_desktop.domain.scenarios.compare` is then pure computation (safe off the GUI
  thread, and fast enough to run as the user types).
* Saved scenarios (:class:`~ptce_desktop.store.models.SavedScenario`) hold hypotheses only:
  saving, duplicating or deleting one changes no figure of the pole.
* :meth:`SimulationService.adopt` turns a scenario into what a coordinator would have typed by
  hand — members created or given a leaving date, new key versions (or a new key assigned to
  the services when the method changes), budgets — through the same services, in ONE
  transaction (one audit action), and returns what :meth:`undo_adoption` needs to put
  everything back. The year must be open; stored shares of closed years are never touched
  (the key and member services skip them, as for any manual edit).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import KeySpec, Method
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.scenario_json import check_against, scenario_from_dict, scenario_to_dict
from ptce_desktop.domain.scenarios import (
    Basis,
    Comparison,
    CostLine,
    KeyChoice,
    MemberInput,
    PoleInput,
    Scenario,
    ServiceInput,
    WeightsCache,
    _KeyBuilder,
    compare,
    join_id,
)
from ptce_desktop.services.common import fiscal_year, get_or_error, is_closed
from ptce_desktop.services.costs.shared_services import (
    ServiceDraft,
    SharedServiceService,
    billing_over_year,
)
from ptce_desktop.services.costs.shares import SplitContext, compute_cents
from ptce_desktop.services.keys.keys import KeyDraft, KeyService, VersionDraft
from ptce_desktop.services.keys.loader import load_key_spec
from ptce_desktop.services.members.members import MemberDraft, MemberService
from ptce_desktop.store.base import LEN_NAME
from ptce_desktop.store.models import (
    AllocationKey,
    Cost,
    KeyVersion,
    Member,
    SavedScenario,
    ServiceBudget,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "Adoption",
    "SavedScenarioView",
    "SimulationChoices",
    "SimulationService",
]


@dataclass(frozen=True)
class SimulationChoices:
    """What the simulation page offers: services, members and keys, by name."""

    services: tuple[tuple[int, str, str | None], ...]  # id, name, key name
    members: tuple[tuple[int, str], ...]
    keys: tuple[tuple[int, str, Method], ...]


@dataclass(frozen=True)
class SavedScenarioView:
    id: int
    name: str
    scenario: Scenario
    saved_at: dt.datetime


@dataclass(frozen=True)
class Adoption:
    """What adopting a scenario wrote, and how to put it back (see :meth:`undo_adoption`)."""

    name: str
    created_members: tuple[int, ...]
    #: (member id, its leaving date before)
    left_before: tuple[tuple[int, date | None], ...]
    #: versions added (ids)
    added_versions: tuple[int, ...]
    #: (version id, its draft before) for versions replaced on the same date
    replaced_versions: tuple[tuple[int, VersionDraft], ...]
    created_keys: tuple[int, ...]
    #: (service id, key id before)
    service_keys_before: tuple[tuple[int, int | None], ...]
    #: (service id, year, budget before or None)
    budgets_before: tuple[tuple[int, int, int | None], ...]
    #: (service id, management fee rate before)
    fees_before: tuple[tuple[int, int | None], ...] = ()


class _JoinedUnitOfWork(UnitOfWork):
    """Services called through it take part in one already open write (one user action)."""

    def __init__(self, outer: UnitOfWork, session: Session) -> None:
        super().__init__(outer.db, outer.bus)
        self._session = session

    @contextmanager
    def write(self, action: str, *, bulk_summary: str | None = None) -> Iterator[Session]:
        yield self._session
        self._session.flush()

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session


def _service_draft(view: object, **changes: object) -> ServiceDraft:
    """The service's form as it stands (every field the draft has), with ``changes``."""
    values = {f.name: getattr(view, f.name) for f in fields(ServiceDraft) if hasattr(view, f.name)}
    values.update(changes)
    return ServiceDraft(**values)


def _view(row: SavedScenario) -> SavedScenarioView:
    scenario = scenario_from_dict(json.loads(row.body))
    if scenario.name != row.name:
        scenario = replace(scenario, name=row.name)
    return SavedScenarioView(row.id, row.name, scenario, row.saved_at)


class SimulationService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- reading ----------------------------------------------------------------------------

    def choices(self) -> SimulationChoices:
        with self.uow.read() as session:
            keys = {
                key_id: (name, method)
                for key_id, name, method in session.execute(
                    select(AllocationKey.id, AllocationKey.name, AllocationKey.method)
                )
            }
            services = tuple(
                (sid, name, keys[key_id][0] if key_id in keys else None)
                for sid, name, key_id in session.execute(
                    select(SharedService.id, SharedService.name, SharedService.key_id).order_by(
                        SharedService.name
                    )
                )
            )
            members = tuple(
                (member_id, name)
                for member_id, name in session.execute(
                    select(Member.id, Member.name).order_by(Member.name)
                )
            )
            return SimulationChoices(
                services,
                members,
                tuple(sorted(((k, n, m) for k, (n, m) in keys.items()), key=lambda x: x[1])),
            )

    def load(self, year: int, service_ids: Sequence[int], basis: Basis | None = None) -> PoleInput:
        """What :func:`compare` needs for ``year`` and the services (read once).

        ``basis`` None: the costs when one of the services has a cost whose period starts in
        the year, else the budgets.
        """
        if not service_ids:
            raise PtceError("simulation_no_service")
        with self.uow.read() as session:
            fy = fiscal_year(session, year)
            members = tuple(
                MemberInput(member_id, name, joined, left)
                for member_id, name, joined, left in session.execute(
                    select(Member.id, Member.name, Member.joined_on, Member.left_on).order_by(
                        Member.id
                    )
                )
            )
            keys: dict[int, KeySpec] = {
                key_id: load_key_spec(session, key_id)
                for key_id in session.scalars(select(AllocationKey.id))
            }
            rows = []
            for service_id in dict.fromkeys(service_ids):
                row = get_or_error(session, SharedService, service_id, Entity.SHARED_SERVICE)
                if row.key_id is None:
                    raise PtceError("simulation_service_without_key", service=row.name)
                rows.append(row)
            budgets = dict(
                session.execute(
                    select(ServiceBudget.service_id, ServiceBudget.amount_cents).where(
                        ServiceBudget.year == year,
                        ServiceBudget.service_id.in_([r.id for r in rows]),
                    )
                ).all()
            )
            costs = session.scalars(
                select(Cost)
                .where(
                    Cost.service_id.in_([r.id for r in rows]),
                    Cost.period_start.between(fy.start, fy.end),
                )
                .order_by(Cost.period_start, Cost.id)
            ).all()
            chosen = basis or (Basis.COSTS if costs else Basis.BUDGET)
            lines: dict[int, list[CostLine]] = {r.id: [] for r in rows}
            if chosen is Basis.COSTS:
                context = SplitContext.load(session)
                by_id = {r.id: r for r in rows}
                for cost in costs:
                    computed = compute_cents(
                        session,
                        context,
                        service=by_id[cost.service_id],
                        ht_cents=cost.ht_cents,
                        ttc_cents=cost.ttc_cents,
                        period_start=cost.period_start,
                        period_end=cost.period_end,
                        label=cost.label,
                    )
                    lines[cost.service_id].append(
                        CostLine(
                            cost.label, computed.amount_cents, cost.period_start, cost.period_end
                        )
                    )
            services = tuple(
                ServiceInput(
                    r.id,
                    r.name,
                    keys[r.key_id],  # type: ignore[index]
                    tuple(lines[r.id]),
                    budgets.get(r.id),
                    *billing_over_year(r, fy.start, fy.end),
                )
                for r in rows
            )
            return PoleInput(
                fy.label,
                fy.start,
                fy.end,
                tuple((q.start, q.end) for q in fy.quarters()),
                members,
                services,
                keys,
                chosen,
            )

    @staticmethod
    def check(pole: PoleInput, scenarios: Sequence[Scenario], path: str = "scenarios") -> None:
        """Refuse scenarios naming a member, service or key the pole does not have."""
        services = {s.id: s.name for s in pole.services}
        for index, scenario in enumerate(scenarios):
            check_against(
                scenario,
                f"{path}[{index}]" if len(scenarios) > 1 else "scenario",
                members=pole.member_ids(),
                services=services,
                keys=pole.keys,
            )

    @staticmethod
    def compare(
        pole: PoleInput, scenarios: Sequence[Scenario], cache: WeightsCache | None = None
    ) -> Comparison:
        """Today and each scenario, member by member (pure: no database). ``cache``: the
        weights kept from the previous comparison of the same ``pole`` (as the user types)."""
        SimulationService.check(pole, scenarios)
        return compare(pole, scenarios, cache)

    # --- saved scenarios ---------------------------------------------------------------------

    def list_saved(self) -> list[SavedScenarioView]:
        with self.uow.read() as session:
            rows = session.scalars(select(SavedScenario).order_by(SavedScenario.name))
            return [_view(row) for row in rows]

    def get_saved(self, saved_id: int) -> SavedScenarioView:
        with self.uow.read() as session:
            return _view(get_or_error(session, SavedScenario, saved_id, Entity.SAVED_SCENARIO))

    def save(self, scenario: Scenario, saved_id: int | None = None) -> int:
        """Save ``scenario`` under its name (a new one, or over ``saved_id``); returns its id."""
        name = scenario.name.strip()
        if not name:
            raise PtceError("required", "name", field_label="name")
        if len(name) > LEN_NAME:
            raise PtceError("too_long", "name", field_label="name", max=LEN_NAME)
        with self.uow.write("Enregistrer un scénario") as session:
            clash = session.scalar(
                select(SavedScenario.id).where(
                    SavedScenario.name == name, SavedScenario.id != saved_id
                )
            )
            if clash is not None:
                raise PtceError("saved_scenario_name_taken", "name", name=name)
            if saved_id is None:
                row = SavedScenario()
                session.add(row)
            else:
                row = get_or_error(session, SavedScenario, saved_id, Entity.SAVED_SCENARIO)
            row.name = name
            row.body = json.dumps(scenario_to_dict(scenario), ensure_ascii=False)
            row.saved_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            session.flush()
            return row.id

    def duplicate(self, saved_id: int) -> int:
        """A copy named « X (copie) » (« X (copie 2) »… when taken); returns its id."""
        original = self.get_saved(saved_id)
        with self.uow.read() as session:
            taken = set(session.scalars(select(SavedScenario.name)))
        name = f"{original.name} (copie)"
        number = 2
        while name in taken:
            name = f"{original.name} (copie {number})"
            number += 1
        return self.save(replace(original.scenario, name=name))

    def delete(self, saved_id: int) -> None:
        with self.uow.write("Supprimer un scénario") as session:
            session.delete(get_or_error(session, SavedScenario, saved_id, Entity.SAVED_SCENARIO))

    # --- adopting ------------------------------------------------------------------------------

    def adopt(self, year: int, service_ids: Sequence[int], scenario: Scenario) -> Adoption:
        """Write ``scenario`` into the pole from ``scenario.effective_from`` (default: the first
        day of ``year``) through the same services as a manual edit, in one transaction."""
        pole = self.load(year, service_ids)
        self.check(pole, [scenario])
        start = scenario.effective_from or pole.start
        if not pole.start <= start <= pole.end:
            raise PtceError("adopt_date_outside", date=format_date(start), year=pole.year_label)
        if scenario.empty:
            raise PtceError("adopt_nothing", name=scenario.name)
        with self.uow.write(f"Adopter le scénario « {scenario.name} »") as session:
            if is_closed(session, year):
                raise PtceError("adopt_closed_year", year=pole.year_label)
            joined = _JoinedUnitOfWork(self.uow, session)
            return _Adopter(joined, session, pole, scenario, year, start).run()

    def undo_adoption(self, adoption: Adoption) -> None:
        """Put back what :meth:`adopt` wrote (one transaction, in reverse order)."""
        with self.uow.write(f"Annuler l'adoption du scénario « {adoption.name} »") as session:
            joined = _JoinedUnitOfWork(self.uow, session)
            services = SharedServiceService(joined)
            keys = KeyService(joined)
            members = MemberService(joined)
            for service_id, rate in reversed(adoption.fees_before):
                service = services.get_service(service_id)
                services.update_service(service_id, _service_draft(service, fee_rate_bp=rate))
            for service_id, year, before in adoption.budgets_before:
                if before is None:
                    services.remove_budget(service_id, year)
                else:
                    services.set_budget(service_id, year, before)
            for service_id, key_id in adoption.service_keys_before:
                service = services.get_service(service_id)
                services.update_service(service_id, _service_draft(service, key_id=key_id))
            for version_id, draft in adoption.replaced_versions:
                keys.update_version(version_id, draft)
            for version_id in reversed(adoption.added_versions):
                keys.delete_version(version_id)
            for key_id in reversed(adoption.created_keys):
                keys.delete_key(key_id)
            for member_id, left in adoption.left_before:
                member = members.get(member_id).to_draft()
                members.update(member_id, replace(member, left_on=left))
            for member_id in adoption.created_members:
                members.delete(member_id)


class _Adopter:
    """One adoption, step by step, every write through a service over the joined session."""

    def __init__(
        self,
        uow: _JoinedUnitOfWork,
        session: Session,
        pole: PoleInput,
        scenario: Scenario,
        year: int,
        start: date,
    ) -> None:
        self.session = session
        self.pole = pole
        self.scenario = scenario
        self.year = year
        self.start = start
        self.members = MemberService(uow)
        self.keys = KeyService(uow)
        self.services = SharedServiceService(uow)
        self.real_ids: dict[int, int] = {}
        self.created_members: list[int] = []
        self.left_before: list[tuple[int, date | None]] = []
        self.added_versions: list[int] = []
        self.replaced_versions: list[tuple[int, VersionDraft]] = []
        self.created_keys: list[int] = []
        self.service_keys_before: list[tuple[int, int | None]] = []
        self.budgets_before: list[tuple[int, int, int | None]] = []
        self.fees_before: list[tuple[int, int | None]] = []

    def run(self) -> Adoption:
        scenario = self.scenario
        for index, join in enumerate(scenario.joins):
            view = self.members.create(MemberDraft(name=join.name, joined_on=join.joined))
            self.real_ids[join_id(index)] = view.id
            self.created_members.append(view.id)
        for leave in scenario.leaves:
            view = self.members.get(leave.member_id)
            self.left_before.append((leave.member_id, view.left_on))
            self.members.archive(leave.member_id, leave.left)
        builder = _KeyBuilder(self.pole, replace(scenario, effective_from=self.start))
        choice = scenario.key
        if choice is not None:
            if choice.key_id is not None:
                target = choice.key_id
                self._version_for(self.pole.keys[target], builder)
            else:
                target = self._new_key(choice, builder)
            for service in self.pole.services:
                stored = self.services.get_service(service.id)
                if stored.key_id != target:
                    self._refuse_earlier_costs(service, target, choice.key_id is None)
                    self.service_keys_before.append((service.id, stored.key_id))
                    self.services.update_service(service.id, _service_draft(stored, key_id=target))
        else:
            seen: set[int] = set()
            for service in self.pole.services:
                self._versions_of(service.key, builder, seen)
        for service_id, cents in scenario.budgets.items():
            before = next(s.budget for s in self.pole.services if s.id == service_id)
            self.budgets_before.append((service_id, self.year, before))
            self.services.set_budget(service_id, self.year, cents)
        for service_id, rate in scenario.fees.items():
            stored = self.services.get_service(service_id)
            self.fees_before.append((service_id, stored.fee_rate_bp))
            self.services.update_service(service_id, _service_draft(stored, fee_rate_bp=rate))
        return Adoption(
            scenario.name,
            tuple(self.created_members),
            tuple(self.left_before),
            tuple(self.added_versions),
            tuple(self.replaced_versions),
            tuple(self.created_keys),
            tuple(self.service_keys_before),
            tuple(self.budgets_before),
            tuple(self.fees_before),
        )

    def _real(self, values: dict[int, int]) -> dict[int, int]:
        return {self.real_ids.get(member, member): value for member, value in values.items()}

    def _versions_of(self, key: KeySpec, builder: _KeyBuilder, seen: set[int]) -> None:
        """New versions of ``key`` (and of a mixed key's parts) from the adoption date."""
        if key.id is None or key.id in seen:
            return
        seen.add(key.id)
        if key.method is Method.MIXED:
            for version in key.versions:
                for part in version.parts:
                    self._versions_of(part.key, builder, seen)
            return
        self._version_for(key, builder)

    def _version_for(self, key: KeySpec, builder: _KeyBuilder) -> None:
        if key.method is Method.MIXED:
            self._versions_of(key, builder, set())
            return
        values = builder.new_values(key)
        if values is None or key.id is None:
            return
        values = self._real(values)
        if key.method is Method.PERCENT and sum(values.values()) != 10_000:
            raise PtceError(
                "adopt_percent_total", key=key.name, total=format_percent(sum(values.values()))
            )
        existing = self.session.scalar(
            select(KeyVersion).where(
                KeyVersion.key_id == key.id, KeyVersion.valid_from == self.start
            )
        )
        note = f"Scénario « {self.scenario.name} »"
        if existing is not None:
            before = VersionDraft(
                existing.valid_from,
                {
                    u.member_id: (u.percent_bp if key.method is Method.PERCENT else u.units_milli)
                    or (1 if key.method is Method.EQUAL else 0)
                    for u in existing.units
                },
                {},
                existing.note,
            )
            self.replaced_versions.append((existing.id, before))
            self.keys.update_version(existing.id, VersionDraft(self.start, values, {}, note))
        else:
            change = self.keys.add_version(key.id, VersionDraft(self.start, values, {}, note))
            self.added_versions.append(change.version_id)

    def _new_key(self, choice: KeyChoice, builder: _KeyBuilder) -> int:
        """A new key for a new method, in force from the first day of the year."""
        name = self._free_name(f"{self.scenario.name} ({self.pole.year_label})")
        key_id = self.keys.create_key(KeyDraft(name=name, method=choice.method.value))
        self.created_keys.append(key_id)
        note = f"Scénario « {self.scenario.name} »"
        if choice.method is Method.MIXED:
            parts: dict[int, int] = {}
            for part in choice.parts:
                if part.key_id is None:
                    part_id = self._equal_key()
                    self._version_for(load_key_spec(self.session, part_id), builder)
                else:
                    part_id = part.key_id
                    self._version_for(self.pole.keys[part_id], builder)
                parts[part_id] = parts.get(part_id, 0) + part.weight
            change = self.keys.add_version(key_id, VersionDraft(self.pole.start, {}, parts, note))
            self.added_versions.append(change.version_id)
            return key_id
        values = dict(choice.values)
        if choice.method is Method.EQUAL:
            values = {m: 1 for m, v in values.items() if v > 0}
        change = self.keys.add_version(key_id, VersionDraft(self.pole.start, values, {}, note))
        self.added_versions.append(change.version_id)
        # units and joins: a version from the adoption date (the same one when it is the
        # first day of the year), as the simulation does
        self._version_for(load_key_spec(self.session, key_id), builder)
        return key_id

    def _equal_key(self) -> int:
        """A key by parts égales over every member present (an existing one, or a new one)."""
        for key in self.pole.keys.values():
            if (
                key.method is Method.EQUAL
                and key.id is not None
                and all(not version.values for version in key.versions)
                and any(v.valid_from <= self.pole.start for v in key.versions)
            ):
                return key.id
        name = self._free_name("Parts égales")
        key_id = self.keys.create_key(KeyDraft(name=name, method=Method.EQUAL.value))
        self.created_keys.append(key_id)
        change = self.keys.add_version(key_id, VersionDraft(self.pole.start, {}, {}))
        self.added_versions.append(change.version_id)
        return key_id

    def _free_name(self, wanted: str) -> str:
        taken = set(self.session.scalars(select(AllocationKey.name)))
        name, number = wanted[:LEN_NAME], 2
        while name in taken:
            name = f"{wanted[: LEN_NAME - 6]} ({number})"
            number += 1
        return name

    def _refuse_earlier_costs(self, service: ServiceInput, key_id: int, new: bool) -> None:
        """A new key is in force from the first day of the year: the service must have no
        open-year cost before it (it would find no version of the new key)."""
        if not new:
            return
        earlier = self.session.scalar(
            select(Cost.period_start)
            .where(Cost.service_id == service.id, Cost.period_start < self.pole.start)
            .order_by(Cost.period_start.desc())
            .limit(1)
        )
        if earlier is not None:
            from ptce_desktop.domain.periods import fiscal_year_of
            from ptce_desktop.services.common import start_month

            month = start_month(self.session)
            if not is_closed(self.session, fiscal_year_of(earlier, month).start_year):
                raise PtceError(
                    "adopt_new_key_earlier_costs",
                    service=service.name,
                    date=format_date(self.pole.start),
                )
