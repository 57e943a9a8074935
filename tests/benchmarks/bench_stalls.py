"""Benchmark: the longest stall of the GUI thread per user action, on a large pole (target 100 ms).

The real window (offscreen) opens a pole file through the composition root (``Shell.start``),
and a heartbeat timer ticks every 5 ms on the GUI thread; for each action the longest gap
between two ticks (the first gap counted from the action's start) is that action's stall — the
time the window could not repaint or react. After each action the event loop runs until the
work it started is over (no worker task running, no refresh waiting), so late results coming
back to the GUI thread count too. Actions, each printed as::

    BENCH stall_<action> app=<longest ms> base=100 ratio=<app/100> target=1 unit=ms

* ``start``: ``Shell.start`` on the file then ``show()`` (lock, open, first page); then the
  harness waits for the pages' modules imported in the background (not measured);
* ``show_<page>``: each page's first showing, in the navigation's order;
* ``change_year``: another fiscal year chosen with the Charges page on screen;
* ``pages_after_year``: the longest of showing every other page again after that;
* ``save_cost``: a cost with shares entered through the service as the dialog does
  (``history.create`` → ``CostService.create_cost``), the Charges page on screen;
* ``undo``: Ctrl+Z of that cost;
* ``dialog_<name>``: each main dialog opened then closed (add a member, a service, a key, a
  cost, a grant, edit a cost, the backups dialog, the keyboard shortcuts).

Run with ``uv run pytest tests/benchmarks --run-benchmarks -s -k stalls`` (the L pole of
:mod:`poles`; ``PTCE_STALL_SIZE=M`` for the 100 000-cost one, ``PTCE_STALL_REPS`` runs, 3 by
default), or directly::

    uv run python tests/benchmarks/bench_stalls.py --db POLE.sqlite3 [--profile ACTION]

``--profile save_cost`` prints the cProfile of the GUI thread during that action (several:
``--profile show_calls,pages_after_year``), in the thread's CPU time (what it did, not its
waits for the GIL or a core); ``--why`` samples the GUI thread's stack while the heartbeat
is late and prints each action's stall with the GUI thread's CPU time during it; ``--pages
calls,costs`` (to iterate on a fix) shows only those pages, before and after the year
change, and skips the save, the undo and the dialogs. The child prints the per-page figures
of ``pages_after_year`` on stderr (« # pages after the year change (ms): {...} »). The
pytest entry runs the whole sequence in a fresh interpreter (``PTCE_INLINE_WORKERS`` unset:
real workers) ``REPS`` times, passes that line (and the errors shown) on, and prints the
median per action.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import faulthandler
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
HEARTBEAT_MS = 5
DEMO = "from ptce_desktop.app import main; raise SystemExit(main())"
SETTLE_TIMEOUT_S = 60.0
REPS = int(os.environ.get("PTCE_STALL_REPS", "3"))
DIALOG_OPEN_MS = 200  # how long a dialog stays open before the harness closes it
#: The child's stderr lines the pytest entry passes on (the per-page figures, what went wrong).
CHILD_LINES = ("# pages after", "# errors shown", "# still busy")


# --- the child: one whole sequence in this interpreter ---------------------------------------


class Heartbeat:
    """A 5-ms timer on the GUI thread; :meth:`longest` is the widest gap since :meth:`begin`."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.tick)
        self.last = time.perf_counter()
        self.widest = 0.0
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.widest = max(self.widest, now - self.last)
        self.last = now

    def begin(self) -> None:
        self.last = time.perf_counter()
        self.widest = 0.0

    def longest_ms(self) -> float:
        self.tick()
        return self.widest * 1000


class StallSampler:
    """``--why``: a thread that, while the heartbeat is late by more than 50 ms, samples the
    GUI thread's Python stack every 10 ms; :meth:`report` prints the most seen lines."""

    def __init__(self, heart: Heartbeat) -> None:
        import collections
        import threading

        self.heart = heart
        self.main = threading.main_thread().ident
        self.samples: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        while not self.stop.wait(0.01):
            if time.perf_counter() - self.heart.last < 0.05:
                continue
            frame = sys._current_frames().get(self.main or 0)
            if frame is None:
                continue
            lines = [
                f"{Path(f.filename).name}:{f.lineno} {f.name}"
                for f in traceback.extract_stack(frame)
                if "ptce_desktop" in f.filename or "bench_stalls" in f.filename
            ]
            self.samples[" > ".join(lines[-6:])] += 1

    def report(self, name: str) -> None:
        if self.samples:
            print(f"# where the GUI thread was during the stalls of {name}:", file=sys.stderr)
            for where, count in self.samples.most_common(6):
                print(f"#   {count:4d}  {where}", file=sys.stderr)
        self.samples.clear()


def _settle(window: Any, shell: Any, extra_s: float = 0.05) -> None:
    """Run the event loop until the work started is over: no task running, no refresh queued,
    then ``extra_s`` more (results delivered late are part of the action)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + SETTLE_TIMEOUT_S
    quiet_since: float | None = None
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
        ctx = shell.ctx
        busy = bool(shell.runner._running) or (ctx is not None and bool(ctx.runner._running))
        timer = getattr(window, "_refresh_timer", None)  # (absent before the coalescing)
        busy = busy or (timer is not None and timer.isActive())
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since >= extra_s:
            return
    # long background work (a backup's verification on a large file…) is not the action's: the
    # heartbeat measured the GUI thread meanwhile all the same
    print(f"# still busy after {SETTLE_TIMEOUT_S:.0f} s: not waited for", file=sys.stderr)


def _close_dialog_soon(opened: list[str]) -> None:
    """Close the modal dialog (or the newest visible dialog) once it is up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and not w.objectName().startswith("qt_")
        ]
        target = modal if isinstance(modal, QDialog) else (dialogs[-1] if dialogs else None)
        if target is None:
            QTimer.singleShot(10, attempt)
            return
        opened.append(type(target).__name__)
        target.reject()

    QTimer.singleShot(DIALOG_OPEN_MS, attempt)


def run_sequence(
    db: Path, profile: str | None = None, why: bool = False, only: list[str] | None = None
) -> dict[str, float]:
    """Every action on ``db``; {action: longest stall in ms}. ``only`` (to iterate on a fix):
    only those pages shown, before and after the year change, and no save, undo nor dialog."""
    from PySide6.QtWidgets import QApplication

    from ptce_desktop.services.costs.costs import CostService
    from ptce_desktop.services.costs.shared_services import SharedServiceService
    from ptce_desktop.services.costs.views import CostDraft
    from ptce_desktop.ui.errors import ErrorPresenter, install_excepthook
    from ptce_desktop.ui.pages.costs.parts import Created
    from ptce_desktop.ui.shell.launch import Shell, create_application
    from ptce_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or create_application(None)
    errors: list[BaseException] = []
    window = MainWindow()
    presenter = ErrorPresenter(None, lambda: window)
    presenter.present = lambda error, parent=None: errors.append(error)  # type: ignore[method-assign]
    uninstall = install_excepthook(presenter)
    heart = Heartbeat()
    sampler = StallSampler(heart) if why else None
    stalls: dict[str, float] = {}
    shell: Any = None

    def measure(name: str, action: Callable[[], Any]) -> Any:
        profiled = name in (profile or "").split(",")
        # the GUI thread's own time (CPU, not waits for the GIL or a busy machine's cores)
        profiler = cProfile.Profile(time.thread_time) if profiled else None
        heart.begin()
        cpu = time.thread_time()
        if profiler is not None:
            profiler.enable()
        result = action()
        _settle(window, shell)
        cpu = time.thread_time() - cpu
        if profiler is not None:
            profiler.disable()
            print(f"# profile of {name}", file=sys.stderr)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        stalls[name] = heart.longest_ms()
        if sampler is not None:
            figures = f"{stalls[name]:.0f} ms, GUI thread CPU {cpu * 1000:.0f} ms"
            print(f"# {name}: {figures}", file=sys.stderr)
            if stalls[name] > 100:
                sampler.report(name)
            sampler.samples.clear()
        return result

    def start() -> None:
        nonlocal shell
        shell = Shell(window, presenter=presenter)
        if not shell.start(db):
            raise SystemExit("the window did not open the file")
        window.show()

    try:
        measure("start", start)
        ctx = shell.ctx
        # the window imports the pages' modules in the background once a file is open: a user
        # takes the second it needs before the first click
        from ptce_desktop.ui import pages

        ahead = getattr(pages, "import_pages_ahead", None)
        if ahead is not None:
            _settle(window, shell, extra_s=0.5)
            ahead().join()

        def show(key: str) -> Callable[[], None]:
            return lambda: window.show_page(key)

        chosen = [key for key in window.page_keys() if only is None or key in only]
        for key in chosen:
            measure(f"show_{key}", show(key))

        years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
        window.show_page("costs")
        _settle(window, shell)
        current = window.current_fiscal_year()
        other = next((y for y in reversed(years) if y != current), current)
        index = window.year_combo.findData(other)
        measure("change_year", lambda: window.year_combo.setCurrentIndex(index))
        after: dict[str, float] = {}
        for key in chosen:
            if key != "costs":
                measure("pages_after_year", show(key))
                after[key] = round(stalls["pages_after_year"], 1)
        stalls["pages_after_year"] = max(after.values(), default=0.0)
        print(f"# pages after the year change (ms): {after}", file=sys.stderr)
        if only is not None:
            return stalls

        window.show_page("costs")
        _settle(window, shell)
        year = window.current_fiscal_year() or dt.date.today().year
        costs = ctx.service(CostService)
        service_id = ctx.service(SharedServiceService).service_views()
        first_service = min(service_id)
        day = dt.date(year, 3, 14)
        draft = CostDraft(
            service_id=first_service,
            invoice_date=day,
            period_start=day.replace(day=1),
            period_end=dt.date(year, 3, 31),
            label="Facture « L'Éclair » & <co> — 12 € " + "très long libellé " * 8,
            ht_cents=123_456,
            vat_cents=0,
            ttc_cents=123_456,
            supplier="Fournisseur n° 1 — l'Éclair",
        )
        history = ctx.history
        measure(
            "save_cost",
            lambda: history.create(
                "Add cost", "cost", lambda: Created(costs.create_cost(draft)), costs.delete_cost
            ),
        )
        measure("undo", history.undo)

        opened: list[str] = []

        def dialog(page: str, act: Callable[[], Any]) -> Callable[[], Any]:
            def run() -> Any:
                window.show_page(page)
                _settle(window, shell)
                heart.begin()
                _close_dialog_soon(opened)
                return act()

            return run

        for page in ("members", "services", "keys", "costs", "funding"):
            measure(f"dialog_new_{page}", dialog(page, window.new_item_action.trigger))
        costs_page: Any = window.page("costs")
        if costs_page.model.rowCount():
            costs_page.select_id(costs_page.model.row_at(0).id)
            measure("dialog_edit_cost", dialog("costs", costs_page.edit_selected))
        measure("dialog_backups", dialog("dashboard", window.backups_action.trigger))
        measure("dialog_shortcuts", dialog("dashboard", window.show_shortcuts))
        if errors:
            print(f"# errors shown meanwhile: {errors!r}", file=sys.stderr)
        print(f"# dialogs opened: {opened}", file=sys.stderr)
    finally:
        heart.timer.stop()
        if sampler is not None:
            sampler.stop.set()
        if shell is not None:
            shell.close_document()
        window.close()
        uninstall()
        app.processEvents()
    return stalls


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    parser.add_argument(
        "--profile", help="actions (comma-separated) whose GUI thread is profiled (stderr)"
    )
    parser.add_argument(
        "--why", action="store_true", help="sample the GUI thread's stack during stalls (stderr)"
    )
    parser.add_argument(
        "--pages", help="only these pages (comma-separated keys), no save, undo nor dialog"
    )
    args = parser.parse_args(argv)
    faulthandler.dump_traceback_later(1800, exit=True)  # a modal left open: say where, stop
    pages = args.pages.split(",") if args.pages else None
    stalls = run_sequence(args.db, args.profile, args.why, pages)
    if args.json:
        print(json.dumps(stalls), flush=True)
        return
    sys.path.insert(0, str(HERE))
    from benchlib import bench_line

    for name, ms in stalls.items():
        bench_line(f"stall_{name}", ms, 100, 1, "ms")


# --- the pytest entry ----------------------------------------------------------------------


def _pole() -> tuple[str, Path]:
    """The pole of :mod:`poles` named by ``PTCE_STALL_SIZE`` (default ``L``, the 1 M-cost pole
    of issue #18; ``M`` for a quicker run), else a fresh demo file."""
    size = os.environ.get("PTCE_STALL_SIZE", "L")
    try:
        sys.path.insert(0, str(HERE))
        from poles import pole_path

        return size, Path(pole_path(size))
    except ImportError:
        folder = Path(tempfile.mkdtemp(prefix="ptce-stalls-"))
        path = folder / "demo.sqlite3"
        subprocess.run(
            [sys.executable, "-c", DEMO, "demo", "--db", str(path)],
            check=True,
            capture_output=True,
        )
        return "demo", path


def _child(db: Path, home: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PTCE_INLINE_WORKERS"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "c"))
    env["XDG_DATA_HOME"] = str(home / "d")
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--db", str(db), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    # the child's figures per page and what it saw go with the BENCH lines (pytest -s)
    for line in done.stderr.splitlines():
        if line.startswith(CHILD_LINES):
            print(line, flush=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.benchmark
def test_stalls(tmp_path: Path) -> None:
    from benchlib import bench_line

    size, pole = _pole()
    runs: list[dict[str, float]] = []
    for rep in range(REPS):
        copy = tmp_path / f"pole-{rep}.sqlite3"  # each run its own file (a cost is saved)
        shutil.copyfile(pole, copy)
        runs.append(_child(copy, tmp_path / f"home-{rep}"))
        copy.unlink()
    print(f"\n# GUI stalls on the {size} pole ({pole.name}), median of {REPS} runs", flush=True)
    for name in runs[0]:
        bench_line(f"stall_{name}", statistics.median(r[name] for r in runs), 100, 1, "ms")


if __name__ == "__main__":
    main()
