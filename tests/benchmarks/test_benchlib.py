"""The helper's own contract (runs with the benchmarks)."""

from __future__ import annotations

import pytest
from benchlib import bench_line, interleaved_median


def test_bench_line_format(capsys: pytest.CaptureFixture[str]) -> None:
    line = bench_line("stall_open", 250.0, 100, 1, "ms")
    assert line == "BENCH stall_open app=250 base=100 ratio=2.50 target=1 unit=ms"
    assert capsys.readouterr().out == line + "\n"


def test_interleaved_median_alternates_and_takes_the_median() -> None:
    order: list[str] = []
    values = iter([5.0, 1.0, 9.0, 2.0, 7.0, 3.0])

    def app() -> float:
        order.append("a")
        return next(values) if len(order) > 2 else 0.0

    def base() -> float:
        order.append("b")
        return next(values) if len(order) > 2 else 0.0

    app_med, base_med = interleaved_median(app, base, 3, timed=False)
    assert order == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert (app_med, base_med) == (5.0, 3.0)  # app 5, 2, 7; base 1, 9, 3
    with pytest.raises(ValueError):
        interleaved_median(app, base, 2)
