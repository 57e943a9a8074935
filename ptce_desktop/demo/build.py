"""The demo pole: a fictional but complete PTCE in the Drôme, built through the real services.

:func:`build_demo` fills an empty database with two and a half years of life of the
« Pôle Coopératif Drôme-Vercors & Co » (tables in :mod:`.demo_data`; writers in
:mod:`.demo_setup`, :mod:`.demo_costs` and :mod:`.demo_money`): seventeen members of every
category, nine allocation keys of every method, eight shared services (one taxable), hundreds
of costs a year, the quarterly calls and true-ups, payments (some late), five grants across
their life cycle with their redistributions, projects, governance, events, in-kind
contributions and report texts; fiscal year 2024 is closed.

Decisions:

* **Fixed date.** Everything is dated relative to :data:`~.demo_data.DEMO_TODAY` (30/06/2026)
  and drawn from one ``random.Random(DEMO_SEED)``: the same database every day, on every
  machine (the audit timestamps and the closing time excepted, which are the real clock's).
* **Only services.** Every record is written by the service a user would use, so the demo
  exercises the real rules (splits, closed-year guard, numbering, matching, plans). One service
  call is one transaction, as for a user; there is no batch entry of costs or usage.
* The database must be empty (no pole yet): the demo never mixes with real data
  (``demo_not_empty``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from ptce_desktop.demo.costs import record_costs
from ptce_desktop.demo.data import DEMO_SEED, DEMO_TODAY
from ptce_desktop.demo.money import MoneyBuilder
from ptce_desktop.demo.setup import SetupBuilder
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["DEMO_TODAY", "DemoSummary", "build_demo"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` wrote (counts) and its main totals (cents)."""

    pole_name: str
    today: dt.date
    members: int
    keys: int
    services: int
    usage_records: int
    costs: int
    #: (fiscal year, TTC of its costs, amount split between the members)
    costs_by_year: tuple[tuple[int, int, int], ...]
    calls: int
    payments: int
    called_cents: int
    paid_cents: int
    outstanding_cents: int
    funders: int
    grants: int
    instalments: int
    redistributions: int
    voted_cents: int
    received_cents: int
    passed_cents: int
    remaining_cents: int
    projects: int
    meetings: int
    events: int
    in_kind: int
    attachments: int
    closed_years: tuple[int, ...]


class _Progress:
    """Maps the builder's steps onto ``progress(done, total)`` (total = 1000)."""

    TOTAL = 1000

    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.done = 0

    def advance(self, ticks: int) -> None:
        self.done = min(self.TOTAL, self.done + ticks)
        if self.callback is not None:
            self.callback(self.done, self.TOTAL)

    def finish(self) -> None:
        self.advance(self.TOTAL)


def build_demo(uow: UnitOfWork, *, progress: Progress | None = None) -> DemoSummary:
    """Fill the empty database of ``uow`` with the demo pole; see the module docstring.

    ``progress(done, total)`` is called as the work advances. Raises ``demo_not_empty`` when
    the database already has a pole.
    """
    ticks = _Progress(progress)
    rng = random.Random(DEMO_SEED)
    setup = SetupBuilder(uow, rng, ticks)
    pole_name = setup.identity_and_members()
    ticks.advance(30)
    setup.keys_and_usage()  # 20 + 4 per month
    setup.services_and_budgets()
    setup.activity()
    ticks.advance(30)
    rent_2025 = record_costs(uow, rng, ticks, setup.services, setup.projects)  # ~360
    money = MoneyBuilder(uow, rng, ticks, members=setup.members, keys=setup.keys)
    money.calls_and_payments()  # 180
    money.grants_and_in_kind(setup.projects, rent_2025)  # 80
    money.close(2024)
    totals = money.totals()
    ticks.finish()
    return DemoSummary(
        pole_name=pole_name,
        today=DEMO_TODAY,
        members=len(setup.members),
        keys=len(setup.keys),
        services=len(setup.services),
        usage_records=setup.usage,
        costs=totals.costs,
        costs_by_year=totals.costs_by_year,
        calls=totals.calls,
        payments=totals.payments,
        called_cents=totals.called_cents,
        paid_cents=totals.paid_cents,
        outstanding_cents=totals.outstanding_cents,
        funders=totals.funders,
        grants=totals.grants,
        instalments=totals.instalments,
        redistributions=totals.redistributions,
        voted_cents=totals.voted_cents,
        received_cents=totals.received_cents,
        passed_cents=totals.passed_cents,
        remaining_cents=totals.remaining_cents,
        projects=len(setup.projects),
        meetings=setup.meetings,
        events=setup.events,
        in_kind=totals.in_kind,
        attachments=totals.attachments,
        closed_years=totals.closed_years,
    )
