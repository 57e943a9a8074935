"""The demo pole: a fictional but complete PTCE in the Drôme, built through the real services.

:func:`build_demo` fills an empty database with two and a half years of life of the
« Pôle Coopératif Drôme-Vercors » (tables in :mod:`.demo_data`; writers in
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
* **All or nothing.** :func:`build_demo_file` builds the demo in a hidden file beside the
  target (``.<name>.en-construction``, with its attachments) and gives it its name only when
  complete; killed midway, it leaves no file at the target (the next run clears the leftover).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ptce_desktop.demo.costs import record_costs
from ptce_desktop.demo.data import DEMO_SEED, DEMO_TODAY
from ptce_desktop.demo.money import MoneyBuilder
from ptce_desktop.demo.setup import SetupBuilder
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.database import building_path, discard, publish
from ptce_desktop.store.opening import lock_pole_file, open_pole_file
from ptce_desktop.store.paths import attachments_dir, backups_dir
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = ["DEMO_TODAY", "DemoSummary", "build_demo", "build_demo_file"]

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
    money = MoneyBuilder(
        uow, rng, ticks, members=setup.members, keys=setup.keys, services=setup.services
    )
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


def build_demo_file(
    path: Path, *, progress: Progress | None = None, program: str = "ptce-desktop demo"
) -> DemoSummary:
    """Create the new file ``path`` holding the demo pole, all or nothing.

    Refuses an existing file (``demo_file_exists``). The demo is built in
    :func:`~ptce_desktop.store.database.building_path` of ``path`` under ``path``'s own lock,
    then its attachments folder and the file are given their names, the file last: until that
    instant there is no file at ``path``; if anything fails, what was built is removed.
    """
    path = Path(path).expanduser().absolute()
    if path.exists():
        raise PtceError("demo_file_exists", path=str(path))
    lock = lock_pole_file(path, program=program)  # one builder per target
    temporary = building_path(path)
    try:
        _clear(temporary)  # the leftover of a builder that was killed
        with open_pole_file(temporary, create=True, program=program) as pole:
            summary = build_demo(pole.uow, progress=progress)
        if path.exists():
            raise PtceError("demo_file_exists", path=str(path))
        built_attachments = attachments_dir(temporary)
        if built_attachments.is_dir():
            target = attachments_dir(path)
            if target.exists():  # files are named by their hash: add, never replace
                shutil.copytree(built_attachments, target, dirs_exist_ok=True)
                shutil.rmtree(built_attachments)
            else:
                os.replace(built_attachments, target)
        publish(temporary, path)
        _clear(temporary)  # its lock file, left by the lock
    except BaseException:
        _clear(temporary)
        raise
    finally:
        lock.release()
    return summary


def _clear(temporary: Path) -> None:
    """Remove a file being built and everything made beside it."""
    discard(temporary)
    for folder in (attachments_dir(temporary), backups_dir(temporary)):
        shutil.rmtree(folder, ignore_errors=True)
    for suffix in (".lock", ".lock.info"):
        temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
