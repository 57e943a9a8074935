"""``check`` reports every phase to ``progress`` — SQLite's pragmas, the sums, each fiscal
year's shares, the seals — and an exception ``progress`` raises stops it, even inside
``PRAGMA integrity_check`` or a sum over the shares (the window's Cancel; issue 18, item 2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.factories.costs import LONG_NAME, draft, make_key, make_service, seed_world

from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.pole import integrity
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.integrity import (
    FOREIGN_KEYS,
    INTEGRITY,
    SEALS,
    SUMS,
    check_database,
    shares_label,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date
LABEL = "Loyer « bureau » & <co> — l'€"

Call = tuple[int, int, str]


class Stop(Exception):
    """What the window's Cancel raises from ``progress``."""


def _pole(uow: UnitOfWork) -> Path:
    """Three members (one with a very long name), one cost in each of 2023-2025, 2023 closed."""
    members = seed_world(uow).members
    key = make_key(uow, "units", dict(zip(members, (1, 2, 3), strict=True)), name=LONG_NAME,
                   valid_from=D(2023, 1, 1))  # fmt: skip
    service = make_service(uow, key, name="Locaux « Crest » & <co> — l'€")
    costs = CostService(uow)
    for year in (2023, 2024, 2025):
        start = D(year, 3, 1)
        costs.create_cost(draft(service, 600_00, label=LABEL, invoice=start, start=start,
                                end=D(year, 3, 31)))  # fmt: skip
    FiscalYearService(uow, today=lambda: D(2026, 3, 1)).close(2023)
    path = uow.db.path
    uow.db.close()
    return path


def _distinct(calls: list[Call]) -> list[Call]:
    """The calls without those repeated while SQLite works (each the one before it again)."""
    return [call for n, call in enumerate(calls) if n == 0 or calls[n - 1] != call]


def test_every_phase_is_reported_in_order(uow: UnitOfWork) -> None:
    path = _pole(uow)
    calls: list[Call] = []
    report = check_database(path, lambda *call: calls.append(call))
    assert report.ok, [item.text for item in report.items if not item.ok]
    assert _distinct(calls) == [
        (0, 0, INTEGRITY),
        (0, 0, FOREIGN_KEYS),
        *((n, 8, SUMS) for n in range(9)),
        (1, 3, shares_label("2023")),
        (2, 3, shares_label("2024")),
        (3, 3, shares_label("2025")),
        (0, 1, SEALS),
        (1, 1, SEALS),
    ]
    assert shares_label("2024/2025") == "Quotes-parts de l'exercice 2024/2025…"


def test_progress_is_repeated_while_sqlite_works(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _pole(uow)
    monkeypatch.setattr(integrity, "SQLITE_STEPS", 100)
    monkeypatch.setattr(integrity, "TICK_SECONDS", 0.0)
    calls: list[Call] = []
    assert check_database(path, lambda *call: calls.append(call)).ok
    repeated = {call[2] for n, call in enumerate(calls) if n and calls[n - 1] == call}
    assert {INTEGRITY, FOREIGN_KEYS, SUMS} <= repeated
    # and not without a progress: nothing installed, the same report
    assert check_database(path).items == check_database(path, lambda *_call: None).items


@pytest.mark.parametrize("phase", [INTEGRITY, FOREIGN_KEYS, SUMS])
def test_progress_raising_inside_a_statement_stops_the_check(
    uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    """Raised from the progress handler (a repeated call: SQLite is inside a statement), the
    exception comes out as it was, not as SQLite's « interrupted » or a damaged file."""
    path = _pole(uow)
    monkeypatch.setattr(integrity, "SQLITE_STEPS", 1)
    monkeypatch.setattr(integrity, "TICK_SECONDS", 0.0)
    calls: list[Call] = []

    def progress(*call: Call) -> None:
        if calls and calls[-1] == call and call[2] == phase:
            raise Stop
        calls.append(call)  # type: ignore[arg-type]

    with pytest.raises(Stop):
        check_database(path, progress)
    assert calls[-1][2] == phase  # stopped in that phase, nothing after it
    # the file is left as it was: checked again, it is sound
    assert check_database(path).ok


def test_progress_raising_between_years_stops_the_check(uow: UnitOfWork) -> None:
    path = _pole(uow)
    labels: list[str] = []

    def progress(_done: int, _total: int, label: str) -> None:
        labels.append(label)
        if label == shares_label("2024"):
            raise Stop

    with pytest.raises(Stop):
        check_database(path, progress)
    assert SEALS not in labels and shares_label("2025") not in labels
