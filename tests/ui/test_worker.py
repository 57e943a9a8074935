"""Work runs off the GUI thread; its result, error and progress come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.worker import Runner, run_with_progress_dialog


def test_inline_runner_delivers_everything_before_returning() -> None:
    runner = Runner(inline=True)
    seen: list[object] = []

    def work(progress):
        for done in range(3):
            progress(done, 2)
        return "report.pdf"

    task = runner.run(work, on_done=seen.append, on_progress=lambda d, t: seen.append((d, t)))
    assert task.done
    assert seen == [(0, 2), (1, 2), (2, 2), "report.pdf"]


def test_inline_runner_reports_errors() -> None:
    errors: list[BaseException] = []
    Runner(inline=True).run(lambda progress: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    assert errors[0].__traceback__ is not None


def test_environment_switches_to_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTCE_INLINE_WORKERS", "1")
    assert Runner().inline
    monkeypatch.setenv("PTCE_INLINE_WORKERS", "0")
    assert not Runner().inline


def test_threaded_work_runs_elsewhere_and_answers_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    where: dict[str, int] = {}
    progress_threads: set[int] = set()

    def work(progress):
        where["work"] = threading.get_ident()
        for done in range(1, 4):
            progress(done, 3)
        return 42

    def done(value: int) -> None:
        where["done"] = threading.get_ident()
        where["value"] = value

    runner = Runner()
    progressed: list[tuple[int, int]] = []

    def on_progress(d: int, t: int) -> None:
        progress_threads.add(threading.get_ident())
        progressed.append((d, t))

    task = runner.run(work, on_done=done, on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert where["work"] != gui
    assert where["done"] == gui and where["value"] == 42
    assert progress_threads == {gui}
    assert progressed == [(1, 3), (2, 3), (3, 3)]
    assert runner.wait()


def test_threaded_error_comes_back(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    task = Runner().run(lambda progress: int("not a number"), on_error=errors.append)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)


def test_cancel_stops_the_work_at_its_next_progress(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []

    def work(progress):
        started.set()
        release.wait(5)
        progress(1, 10)  # raises TaskCancelled
        return "never"

    cancelled: list[bool] = []
    task = Runner().run(work, on_done=results.append, on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert cancelled == [True] and results == []


def test_progress_dialog_helper_inline(qtbot: QtBot) -> None:
    results: list[object] = []
    task = run_with_progress_dialog(
        Runner(inline=True),
        None,
        "Building",
        lambda progress: progress(1, 1) or "ok",
        on_done=results.append,
    )
    assert task.done and results == ["ok"]
