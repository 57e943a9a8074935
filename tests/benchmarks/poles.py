"""Synthetic poles for the benchmarks: streamed, cached, and equal to what the services write.

API (other tests import it; stable)::

    from benchmarks.poles import pole_path, SIZES      # or `from poles import …` in this folder
    path = pole_path("M")   # built once (cached outside the repository), then reused

Sizes (10 fiscal years, 2016-2025, the last one is the "current" year):

=====  =======  ==========  ===========================================
size   members  costs       shared services (one units key each)
=====  =======  ==========  ===========================================
tiny   12       240         4 (keys of 5-12 members; the equality test)
S      50       5 000       20
M      300      100 000     20
L      5 000    1 000 000   200 (``max(20, members // 25)``)
=====  =======  ==========  ===========================================

Every key is a units key (m²) over 5 to 50 members (real keys are narrow), one version valid
from 2016-01-01; members have no entry/leave dates, the pole is not VAT-registered and its
services are exempt (261 B), without coefficient or fee. The file holds what a coordinator
would have produced through the app for ten years (checked equal, on ``tiny``, to the rows
the services write: ``tests/benchmarks/test_poles_equal.py``):

* each cost's shares — the cost split by its service's key (``allocate_cents`` on the units,
  which is what ``split_cost_cents`` gives when everybody is present the whole period);
* a budget per service and year; each quarter's provisional calls (``plan_quarter``: the
  budget over the quarters, then over the key), numbered per year in member-name order;
* each closed-out year's true-up (every year but the last: actual shares − called, per
  member and service), then the call-number counters;
* payments matched to most calls (some unpaid, some half paid, some with a little credit).

Streaming: rows go in with ``executemany`` over generators, one transaction per batch of
costs, year by year; what is kept in memory is one year's per-(member, service) totals.

Cache folder: ``$PTCE_BENCH_CACHE``, else ``~/.cache/ptce_bench/`` of the real user (the
tests redirect ``HOME``); files are named ``pole_<size>_g<GENERATOR_VERSION>.sqlite3``: a
change of the generator bumps the version and so rebuilds. A cached file whose schema is
behind the app's migrations is migrated in place when first asked for.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import pwd
import random
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ptce_desktop.domain.split import allocate_cents, split_over_quarters

__all__ = [
    "FIRST_YEAR",
    "GENERATOR_VERSION",
    "LAST_YEAR",
    "SIZES",
    "YEARS",
    "Size",
    "build_pole",
    "build_structure",
    "cache_dir",
    "pole_path",
]

#: Bump when the generator's output changes: cached files of another version are rebuilt.
GENERATOR_VERSION = 1
FIRST_YEAR = 2016
YEARS = 10
LAST_YEAR = FIRST_YEAR + YEARS - 1
KEY_MIN, KEY_MAX = 5, 50
BATCH_COSTS = 5_000
SEED = 2025


@dataclass(frozen=True)
class Size:
    members: int
    costs: int

    @property
    def services(self) -> int:
        return max(4 if self.members < 20 else 20, self.members // 25)


SIZES: dict[str, Size] = {
    "tiny": Size(12, 240),
    "S": Size(50, 5_000),
    "M": Size(300, 100_000),
    "L": Size(5_000, 1_000_000),
}


def cache_dir() -> Path:
    """``$PTCE_BENCH_CACHE``, else the real user's ``~/.cache/ptce_bench`` (created)."""
    folder = os.environ.get("PTCE_BENCH_CACHE")
    path = (
        Path(folder) if folder else Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache" / "ptce_bench"
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def _migrate_if_behind(path: Path) -> None:
    from ptce_desktop.store import migrate

    con = sqlite3.connect(path)
    try:
        current = con.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        con.close()
    if current is None or current[0] != migrate.head_revision():
        import shutil

        from ptce_desktop.store.database import open_database

        open_database(path).close()
        # the app's automatic "before migration" copy: a cache needs none (L: 1.7 GB)
        shutil.rmtree(path.with_name(f"{path.stem}-sauvegardes"), ignore_errors=True)


def pole_path(size: str) -> Path:
    """The cached pole of ``size`` ("tiny", "S", "M", "L"), built first if it is missing.

    Safe across processes: one builds (under a lock file), the others wait for it."""
    spec = SIZES[size]
    folder = cache_dir()
    path = folder / f"pole_{size}_g{GENERATOR_VERSION}.sqlite3"
    with open(folder / f".{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            part = path.with_name(f"{path.stem}.part{os.getpid()}.sqlite3")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{part}{suffix}").unlink(missing_ok=True)
            build_pole(part, spec.members, spec.costs)
            os.replace(part, path)
        else:
            _migrate_if_behind(path)
    return path


# --- the data -----------------------------------------------------------------------------------


def member_name(member: int) -> str:
    if member == 7:
        return "Membre n° 00007 — Association « L'Éclair & <Compagnie> » " + "très longue " * 8
    return f"Membre n° {member:05d} — l'Éclair & <co> €"


def service_name(service: int) -> str:
    return f"Service mutualisé n° {service:03d} & accueil"


def key_members(size: Size) -> dict[int, dict[int, int]]:
    """Service (= key = version) id → {member: units_milli}, 5-50 members each."""
    rng = random.Random(SEED)
    ids = list(range(1, size.members + 1))
    keys = {}
    for service in range(1, size.services + 1):
        chosen = sorted(rng.sample(ids, rng.randint(KEY_MIN, min(KEY_MAX, size.members))))
        keys[service] = {m: 1000 * (m % 50 + 1) for m in chosen}
    return keys


def budget_cents(service: int, year: int, costs_per_year_per_service: float) -> int:
    """A budget near the expected costs (a mean cost is ~2 500 €)."""
    return int(costs_per_year_per_service * 2_500_00 * (0.9 + 0.02 * ((service + year) % 10)))


def build_structure(path: Path, members: int, costs: int) -> dict[int, dict[int, int]]:
    """Migrate ``path`` and insert the pole, members, keys, services and budgets (what the
    services would store for them too); returns the keys (see :func:`key_members`)."""
    from ptce_desktop.store.database import open_database

    size = Size(members, costs)
    open_database(path).close()
    keys = key_members(size)
    per_service = costs / YEARS / size.services
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(
                "INSERT INTO poles (id, name, territory, vat_registered, fiscal_year_start_month)"
                " VALUES (1, ?, ?, 0, 1)",
                ("Pôle Sud & <banc d'essai> — l'Éclair €", "Drôme"),
            )
            con.executemany(
                "INSERT INTO members (id, name, category, qpv) VALUES (?, ?, 'other', 0)",
                ((m, member_name(m)) for m in range(1, members + 1)),
            )
            con.executemany(
                "INSERT INTO allocation_keys (id, name, unit, method) VALUES (?, ?, 'm²', 'units')",
                ((s, f"Clé n° {s} (m²) & <surface>") for s in keys),
            )
            con.executemany(
                "INSERT INTO key_versions (id, key_id, valid_from) VALUES (?, ?, ?)",
                ((s, s, f"{FIRST_YEAR}-01-01") for s in keys),
            )
            con.executemany(
                "INSERT INTO key_version_units (version_id, member_id, units_milli)"
                " VALUES (?, ?, ?)",
                ((s, m, units) for s, weights in keys.items() for m, units in weights.items()),
            )
            con.executemany(
                "INSERT INTO shared_services (id, name, vat_regime, vat_rate_bp, key_id)"
                " VALUES (?, ?, 'exempt_261b', 0, ?)",
                ((s, service_name(s), s) for s in keys),
            )
            con.executemany(
                "INSERT INTO service_budgets (service_id, year, amount_cents) VALUES (?, ?, ?)",
                (
                    (s, year, budget_cents(s, year, per_service))
                    for year in range(FIRST_YEAR, LAST_YEAR + 1)
                    for s in keys
                ),
            )
    finally:
        con.close()
    return keys


def cost_drafts(size: Size, year: int) -> Iterator[tuple[Any, ...]]:
    """The costs of ``year``: (id, service, invoice date, start, end, label, supplier, cents)."""
    per_year = size.costs // YEARS
    first = (year - FIRST_YEAR) * per_year + 1
    rng = random.Random(SEED * 10_000 + year)
    for cost_id in range(first, first + per_year):
        month = rng.randrange(1, 13)
        start = dt.date(year, month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        yield (
            cost_id,
            rng.randrange(1, size.services + 1),
            start + dt.timedelta(days=rng.randrange(0, 28)),
            start,
            end,
            f"Facture n° {cost_id} — l'Éclair & <co> €",
            f"Fournisseur n° {cost_id % 150} d'Ardèche",
            rng.randrange(5_00, 5_000_00),
        )


def quarter_dates(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    issue = dt.date(year, 3 * quarter - 2, 5)
    return issue, issue + dt.timedelta(days=30)


def true_up_dates(year: int) -> tuple[dt.date, dt.date]:
    issue = dt.date(year + 1, 1, 20)
    return issue, issue + dt.timedelta(days=30)


class _Writer:
    """Ids and the per-year call numbering of the rows being streamed."""

    def __init__(self, con: sqlite3.Connection, members: int) -> None:
        self.con = con
        self.call_id = 0
        self.line_id = 0
        self.payment_id = 0
        self.names = {m: member_name(m) for m in range(1, members + 1)}
        self.rows = {"calls": 0, "call_lines": 0, "payments": 0}

    def write_calls(
        self,
        year: int,
        quarter: int | None,
        lines: dict[int, dict[int, int]],
        kind: str,
        line_kind: str,
        dates: tuple[dt.date, dt.date],
        number: int,
    ) -> tuple[int, dict[int, int]]:
        """One call per member with a non-zero line, in member-name order (``_calls``);
        returns the last number used and each call's total by member."""
        issue, due = dates
        calls, call_lines, totals = [], [], {}
        for member in sorted(lines, key=lambda m: (self.names[m].casefold(), m)):
            own = {s: c for s, c in lines[member].items() if c}
            if not own:
                continue
            number += 1
            self.call_id += 1
            calls.append(
                (
                    self.call_id,
                    f"AF-{year}-{number:04d}",
                    member,
                    year,
                    quarter,
                    kind,
                    issue.isoformat(),
                    due.isoformat(),
                )
            )
            for service in sorted(own, key=lambda s: (service_name(s).casefold(), s)):
                self.line_id += 1
                call_lines.append(
                    (self.line_id, self.call_id, service, own[service], own[service], line_kind)
                )
            totals[self.call_id] = member
        self.con.executemany(
            "INSERT INTO calls (id, number, member_id, year, quarter, kind, issue_date, due_date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            calls,
        )
        self.con.executemany(
            "INSERT INTO call_lines (id, call_id, service_id, ht_cents, vat_rate_bp, vat_cents,"
            " ttc_cents, kind, component) VALUES (?, ?, ?, ?, 0, 0, ?, ?, 'base')",
            call_lines,
        )
        self.rows["calls"] += len(calls)
        self.rows["call_lines"] += len(call_lines)
        self._pay(calls, lines, quarter)
        return number, totals

    def _pay(
        self, calls: list[tuple[Any, ...]], lines: dict[int, dict[int, int]], quarter: Any
    ) -> None:
        payments, matches = [], []
        for call_id, _number, member, _year, _q, _kind, issue, _due in calls:
            total = sum(lines[member].values())
            if total <= 0 or (member % 7 == 0 and quarter in (4, None)):
                continue  # a credit, or unpaid
            paid = total // 2 if member % 5 == 0 else total
            extra = 10_00 if member % 11 == 0 else 0  # a little credit left unapplied
            self.payment_id += 1
            day = dt.date.fromisoformat(issue) + dt.timedelta(days=20)
            payments.append((self.payment_id, member, day.isoformat(), paid + extra))
            matches.append((self.payment_id, call_id, paid))
        self.con.executemany(
            "INSERT INTO payments (id, member_id, date, amount_cents, method)"
            " VALUES (?, ?, ?, ?, 'virement')",
            payments,
        )
        self.con.executemany(
            "INSERT INTO payment_matches (payment_id, call_id, amount_cents) VALUES (?, ?, ?)",
            matches,
        )
        self.rows["payments"] += len(payments)


def quarter_lines(
    keys: dict[int, dict[int, int]], budgets: dict[int, int], quarter: int
) -> dict[int, dict[int, int]]:
    """member → service → cents of the quarter's provisional calls (``plan_quarter``)."""
    lines: dict[int, dict[int, int]] = defaultdict(dict)
    for service, weights in keys.items():
        amount = split_over_quarters(budgets[service])[quarter - 1]
        if not amount:
            continue
        for member, cents in allocate_cents(amount, weights).items():
            if cents:
                lines[member][service] = cents
    return lines


def build_pole(
    path: Path, members: int, costs: int, *, calls: bool = True, payments: bool = True
) -> dict[str, Any]:
    """Build the pole (see the module doc) at ``path``; returns counts, seconds, peak RSS.

    ``calls=False`` stops after the costs and shares (the equality test issues the calls
    through the services then); ``payments`` only with calls."""
    import resource

    begin = time.perf_counter()
    size = Size(members, costs)
    keys = build_structure(path, members, costs)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous = OFF")
    # 64 MB of page cache: the shares' indexes take random inserts (L: 2 KB-pages thrash at the
    # default 2 MB and the build slows down as the file grows). Memory stays constant.
    con.execute("PRAGMA cache_size = -65536")
    writer = _Writer(con, members)
    if not payments:
        writer._pay = lambda *args: None  # type: ignore[method-assign]
    counts = {"costs": 0, "shares": 0}
    counters = []
    try:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            actual: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
            drafts = cost_drafts(size, year)
            while True:
                batch = [d for _, d in zip(range(BATCH_COSTS), drafts, strict=False)]
                if not batch:
                    break
                shares = []
                for cost_id, service, _inv, _start, _end, _label, _supplier, cents in batch:
                    for member, part in allocate_cents(cents, keys[service]).items():
                        shares.append((cost_id, member, part, service))
                        actual[member][service] += part
                with con:
                    con.executemany(
                        "INSERT INTO costs (id, service_id, invoice_date, period_start,"
                        " period_end, label, supplier, ht_cents, vat_cents, ttc_cents,"
                        " is_adjustment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)",
                        (
                            (i, s, inv.isoformat(), a.isoformat(), b.isoformat(), lab, sup, c, c)
                            for i, s, inv, a, b, lab, sup, c in batch
                        ),
                    )
                    con.executemany(
                        "INSERT INTO shares (cost_id, member_id, cents, key_version_id)"
                        " VALUES (?, ?, ?, ?)",
                        shares,
                    )
                counts["costs"] += len(batch)
                counts["shares"] += len(shares)
            if not calls:
                continue
            budgets = dict(
                con.execute(
                    "SELECT service_id, amount_cents FROM service_budgets WHERE year = ?", (year,)
                ).fetchall()
            )
            number = 0
            called: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
            with con:
                for quarter in (1, 2, 3, 4):
                    lines = quarter_lines(keys, budgets, quarter)
                    for member, by_service in lines.items():
                        for service, cents in by_service.items():
                            called[member][service] += cents
                    number, _ = writer.write_calls(
                        year,
                        quarter,
                        lines,
                        "provisional",
                        "quarter",
                        quarter_dates(year, quarter),
                        number,
                    )
                if year != LAST_YEAR:
                    diff = {
                        member: {
                            s: actual[member].get(s, 0) - called[member].get(s, 0)
                            for s in actual[member].keys() | called[member].keys()
                        }
                        for member in actual.keys() | called.keys()
                    }
                    number, _ = writer.write_calls(
                        year, None, diff, "true_up", "true_up", true_up_dates(year), number
                    )
            if number:
                counters.append(("call", year, number))
        with con:
            con.executemany(
                "INSERT INTO sequence_counters (name, year, last_value) VALUES (?, ?, ?)", counters
            )
        con.execute("ANALYZE")
    finally:
        con.close()
    return {
        "members": members,
        "services": size.services,
        **counts,
        **writer.rows,
        "build_s": round(time.perf_counter() - begin, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "file_mb": round(path.stat().st_size / 2**20, 1),
    }


if __name__ == "__main__":  # uv run python tests/benchmarks/poles.py L   (build in the cache)
    import json
    import sys

    for name in sys.argv[1:] or ["S", "M"]:
        start = time.perf_counter()
        built = pole_path(name)
        print(
            json.dumps(
                {
                    "size": name,
                    "path": str(built),
                    "seconds": round(time.perf_counter() - start, 1),
                    "file_mb": round(built.stat().st_size / 2**20, 1),
                    "peak_rss_mb": round(
                        __import__("resource")
                        .getrusage(__import__("resource").RUSAGE_SELF)
                        .ru_maxrss
                        / 1024,
                        1,
                    ),
                }
            ),
            flush=True,
        )
