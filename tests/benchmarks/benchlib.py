"""The one helper every benchmark uses: interleaved medians and the ``BENCH`` line.

Stable API (other tests import it; do not rename):

``interleaved_median(app_fn, base_fn, reps=3, *, warmup=1, timed=True) -> (app, base)``
    Runs ``warmup`` untimed rounds, then ``reps`` rounds (at least 3) of *app then bare tool*
    alternately, in this process, and returns the two medians. With ``timed=True`` each
    figure is the wall time of the call in **seconds** (``time.perf_counter``); with
    ``timed=False`` each function returns its own figure (bytes, ms, a stall…) and that value
    is used. The order alternates app/base, base/app from one round to the next, so a slow
    drift of the machine hits both sides alike.

``bench_line(name, app, base, target, unit) -> str``
    Prints (flushed) and returns exactly one line::

        BENCH <name> app=<v> base=<v> ratio=<app/base> target=<t> unit=<u>

    ``target`` None prints ``target=-`` (a figure without a goal, kept for information).
    ``ratio`` is ``app / base`` rounded to 2 decimals (``inf`` when ``base`` is 0). Values
    are printed with 4 significant digits. The caller converts to ``unit`` before calling
    (e.g. ``bench_line("startup", app_s, base_s, 2.5, "s")``). For a GUI stall:
    ``bench_line("stall_open", longest_ms, 100, 1, "ms")`` — ratio = longest stall / 100 ms.

``interleaved_medians(app_fn, base_fn, reps=3, *, warmup=1) -> (app, base)``
    The same when one round measures several figures at once: each function returns a
    ``{figure name: value}`` dict; returns the two dicts of medians, figure by figure.

``timed(fn) -> float``: seconds one call of ``fn`` takes.

``SECONDS, MS, MB``: unit names used by the existing lines (``"s"``, ``"ms"``, ``"MB"``).

A benchmark is a pytest test anywhere under ``tests/benchmarks/`` (files ``test_*.py`` or
``bench_*.py``) or any test marked ``@pytest.mark.benchmark``: collected always, **skipped
unless** ``--run-benchmarks`` is given (``tests/conftest.py``). Run them with::

    uv run pytest tests/benchmarks --run-benchmarks -s            # all of them
    uv run pytest tests/benchmarks --run-benchmarks -s -k startup # one
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "MB",
    "MS",
    "SECONDS",
    "bench_line",
    "interleaved_median",
    "interleaved_medians",
    "timed",
]

SECONDS = "s"
MS = "ms"
MB = "MB"


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call of ``fn`` takes (``time.perf_counter``)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved_median(
    app_fn: Callable[[], Any],
    base_fn: Callable[[], Any],
    reps: int = 3,
    *,
    warmup: int = 1,
    timed: bool = True,
) -> tuple[float, float]:
    """(median of app, median of base) over ``reps`` (≥ 3) interleaved rounds, after ``warmup``.

    ``timed=True``: the figures are seconds per call; ``timed=False``: each function returns
    its figure (a number) and that is what is compared.
    """
    if reps < 3:
        raise ValueError(f"a median needs at least 3 repetitions, not {reps}")

    def one(fn: Callable[[], Any]) -> float:
        if timed:
            start = time.perf_counter()
            fn()
            return time.perf_counter() - start
        return float(fn())

    for _ in range(warmup):
        app_fn()
        base_fn()
    apps: list[float] = []
    bases: list[float] = []
    for rep in range(reps):
        if rep % 2:
            bases.append(one(base_fn))
            apps.append(one(app_fn))
        else:
            apps.append(one(app_fn))
            bases.append(one(base_fn))
    return statistics.median(apps), statistics.median(bases)


def interleaved_medians(
    app_fn: Callable[[], Mapping[str, float]],
    base_fn: Callable[[], Mapping[str, float]],
    reps: int = 3,
    *,
    warmup: int = 1,
) -> tuple[dict[str, float], dict[str, float]]:
    """Figure by figure, (medians of app, medians of base) over ``reps`` (≥ 3) interleaved
    rounds after ``warmup``; each function returns ``{figure: value}`` for one round."""
    if reps < 3:
        raise ValueError(f"a median needs at least 3 repetitions, not {reps}")
    for _ in range(warmup):
        app_fn()
        base_fn()
    apps: dict[str, list[float]] = {}
    bases: dict[str, list[float]] = {}
    for rep in range(reps):
        order = (
            ((bases, base_fn), (apps, app_fn)) if rep % 2 else ((apps, app_fn), (bases, base_fn))
        )
        for into, fn in order:
            for name, value in fn().items():
                into.setdefault(name, []).append(float(value))
    return (
        {name: statistics.median(values) for name, values in apps.items()},
        {name: statistics.median(values) for name, values in bases.items()},
    )


def _fmt(value: float) -> str:
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return str(value)
    return f"{value:.4g}"


def bench_line(name: str, app: float, base: float, target: float | None, unit: str) -> str:
    """Print and return ``BENCH <name> app=… base=… ratio=… target=… unit=…``
    (``target=-`` when ``target`` is None: a figure kept for information, without a goal)."""
    if " " in name or not name:
        raise ValueError(f"a benchmark name is one word: {name!r}")
    ratio = app / base if base else math.inf
    line = (
        f"BENCH {name} app={_fmt(app)} base={_fmt(base)} ratio={ratio:.2f} "
        f"target={'-' if target is None else _fmt(target)} unit={unit}"
    )
    print(line, flush=True)
    return line
