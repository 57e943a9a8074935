"""Benchmark: ``ptce-desktop check`` (Fichier ▸ Vérifier la base) on the M and L poles.

Run on demand::

    uv run pytest tests/benchmarks/bench_check.py --run-benchmarks -s [-k M]

Each measure runs in a **child process** (``sys.executable -c``) on the cached pole, opened
read-only (nothing is written into the cache): the child times its own work with
``time.perf_counter`` (imports excluded) and reports its own peak RSS, ``VmHWM`` of
``/proc/self/status`` (not ``wait4``'s ``ru_maxrss``: Linux keeps in it the peak of the pytest
process the child was forked from). Before the first round the file is read once (page cache
warm for both sides).

* **app**: :func:`ptce_desktop.services.pole.integrity.check_database` — everything
  ``check`` does: ``PRAGMA integrity_check`` and ``foreign_key_check``, the money checks in
  SQL, every share recomputed from its frozen context year by year (streamed), the seals;
* **base**: raw ``sqlite3`` over the same file, read-only: ``PRAGMA integrity_check``, then
  ``SELECT cost_id, SUM(cents) FROM shares GROUP BY cost_id`` read row by row
  (``fetchmany(10 000)``, nothing kept) — one full check of the file and one pass over every
  share, the least any share check can read.

Lines: ``BENCH check_<size> app=<s> base=<s> unit=s`` and ``BENCH check_rss_<size> app=<MB>
base=<MB> unit=MB`` (peak RSS of the same children), no target (``target=-``). M: median of 3
interleaved rounds after one warm-up (``benchlib.interleaved_medians``). **L: one round, no
warm-up** (base then app; a full check of 1 M costs takes minutes): a single figure, not a
median. Checked first on M and L (from the app's child): the report is sound
(``report.ok``) and names every cost with shares.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from benchlib import MB, SECONDS, bench_line, interleaved_medians

APP_CHILD = """
import sys, time
from pathlib import Path
from ptce_desktop.services.pole.integrity import check_database
start = time.perf_counter()
report = check_database(Path(sys.argv[1]))
elapsed = time.perf_counter() - start
shared = [item.text for item in report.items if item.text.startswith("Quotes-parts recalcul")]
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]
print(elapsed, int(peak) / 1024, int(report.ok), shared[0][:80] if shared else "-", flush=True)
"""

BASE_CHILD = """
import sqlite3, sys, time
from pathlib import Path
start = time.perf_counter()
con = sqlite3.connect(Path(sys.argv[1]).absolute().as_uri() + "?mode=ro", uri=True)
assert [row[0] for row in con.execute("PRAGMA integrity_check")] == ["ok"]
cursor = con.execute("SELECT cost_id, SUM(cents) FROM shares GROUP BY cost_id")
costs = 0
while rows := cursor.fetchmany(10_000):
    costs += len(rows)
con.close()
elapsed = time.perf_counter() - start
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]
print(elapsed, int(peak) / 1024, 1, costs, flush=True)
"""


def spawn(code: str, path: Path) -> tuple[float, float, str]:
    """(seconds the child's work took, its peak RSS in MB, the rest of its line)."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()  # the child writes little
    status = child.wait()
    child.stdout.close()
    child.stderr.close()
    if status != 0:
        raise AssertionError(f"child failed: {err[-3000:]}")
    seconds, peak, ok, rest = out.strip().splitlines()[-1].split(" ", 3)
    assert ok == "1", out
    return float(seconds), float(peak), rest


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


@pytest.mark.parametrize("size", ["M", "L"])
def test_check(size: str) -> None:
    from poles import pole_path

    path = pole_path(size)
    warm(path)
    seen: list[str] = []

    def app() -> dict[str, float]:
        seconds, rss, rest = spawn(APP_CHILD, path)
        seen.append(rest)
        return {"s": seconds, "rss": rss}

    def base() -> dict[str, float]:
        seconds, rss, rest = spawn(BASE_CHILD, path)
        seen.append(f"base {rest}")
        return {"s": seconds, "rss": rss}

    if size == "L":  # one round: a full check of 1 M costs takes minutes
        base_figures, app_figures = base(), app()
    else:
        app_figures, base_figures = interleaved_medians(app, base, 3)
    costs = next(int(rest.split()[1]) for rest in seen if rest.startswith("base "))
    assert any(f"{costs} charges réparties" in rest for rest in seen), seen
    bench_line(f"check_{size}", app_figures["s"], base_figures["s"], None, SECONDS)
    bench_line(f"check_rss_{size}", app_figures["rss"], base_figures["rss"], None, MB)
