"""Benchmark: spawn to main window shown, and peak RSS, vs a bare QMainWindow + QTableView.

Run on demand::

    uv run pytest tests/benchmarks/bench_startup.py --run-benchmarks -s

Each figure is a whole fresh interpreter (``python -c``), offscreen, measured from just before
the spawn to the moment the window was shown; peak RSS from ``os.wait4`` (the child's own
``ru_maxrss``). Interleaved, 7 spawns of each, median (``benchlib``):

* **base**: ``baselines/qt_start.py``'s window — ``QApplication`` + ``QMainWindow`` with
  a ``QTableView``, ``show()``, one ``processEvents()``, exit (shown: the child prints
  ``time.monotonic()`` after them);
* **app**: the composition root as :func:`ptce_desktop.ui.shell.launch.launch_gui` runs it
  (:class:`~ptce_desktop.ui.shell.launch.Launch`: application, logging, ``MainWindow``, error
  hook, the window shown with « Chargement… »; after its first paint the store and services
  imported on a worker, then ``Shell.start`` on the file — lock, open/migrate check and first
  reads on a worker, then the first page built on the GUI thread), with an event loop that ends
  once the file is open and the background work of the start is done (the first page's data,
  the quick check, an automatic backup when one is due) instead of ``app.exec()``; shown is
  ``Startup.painted_at`` (the first paint done), ready is ``Startup.opened_at`` (the file open,
  its first page built); on a copy of the cached S pole (50 members, 5 000 costs over 10 years,
  :mod:`poles`) and on a file with only a pole. The peak RSS covers the whole run, the file and
  its first page's data included. (The other pages' modules, imported ahead in the background
  300 ms after the start's work is over — ``Shell._import_pages_when_idle`` — are not part of
  the start; before 2026-12-06 they were imported 300 ms after the file opened, so during the
  start's work whenever it lasted longer, e.g. the first page's load under load.)

``BENCH`` lines: ``startup`` (S pole, target 2.5), ``startup_rss`` (S pole, target 2),
``startup_ready`` (S pole, the file open and its first page built, vs the bare window shown; no
target), and ``startup_empty``, ``startup_rss_empty``, ``startup_ready_empty`` (the file with
only a pole, same targets);
``startup_rss_floor_stack`` and ``startup_rss_floor_modules`` (no target): the peak RSS of
``FLOOR_CHILD`` — the bare window, then SQLAlchemy's ORM with one query of the S file through a
Session and a QtCharts chart shown; with ``modules``, also the modules the start imports for its
first page and the mappers configured — against the same bare window: what a start on this stack
(PySide6, SQLAlchemy, the dashboard's QtCharts) weighs before any of the app's windows, widgets
or data.

The spawns run from a small driver process (this file run as a script): Linux counts the
parent's peak RSS at fork time in a child's ``ru_maxrss``, and the pytest process is big.
Settings, logs and data folders are redirected to a temporary folder, and so is the bytecode
cache (``PYTHONPYCACHEPREFIX``; ``PYTHONDONTWRITEBYTECODE`` is dropped for the children, one
warm-up spawn of each writes it): an installed app starts from compiled bytecode.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import bench_line

HERE = Path(__file__).resolve().parent

# The bare window (baselines/qt_start.py's), shown once.
BARE_WINDOW = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow()
w.setCentralWidget(QTableView())
w.resize(1024, 700)
w.show()
app.processEvents()
"""

BASELINE_CHILD = (
    BARE_WINDOW
    + r"""
print(time.monotonic(), flush=True)
app.quit()
"""
)

# The floor under startup_rss (no target): the bare window above, then what the start cannot do
# without — SQLAlchemy's ORM and its SQLite dialect (imported after PySide's import hook is
# lightened, as the app does), one query of the file through a Session, and QtCharts' chart
# shown (the first page's charts); with "modules", also the modules the app's start imports for
# its first page (the store, the services, the dashboard page) and its mappers configured.
# None of the app's windows, widgets or data: a start that uses these cannot peak below it.
FLOOR_CHILD = (
    BARE_WINDOW
    + r"""
shown = time.monotonic()
from ptce_desktop.ui.shell.pyside_hook import lighten_pyside_imports
lighten_pyside_imports()
import sqlalchemy.dialects.sqlite
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
with Session(create_engine("sqlite:///" + sys.argv[1])) as session:
    session.execute(text("SELECT count(*) FROM costs")).all()
bars = QBarSet("2025")
bars.append([1.0, 2.0, 3.0])
series = QBarSeries()
series.append(bars)
chart = QChart()
chart.addSeries(series)
view = QChartView(chart)
view.show()
if sys.argv[2] == "modules":
    import ptce_desktop.ui.shell.document
    from ptce_desktop.ui.pages import import_page
    from sqlalchemy.orm import configure_mappers
    import_page("dashboard")
    configure_mappers()
app.processEvents()
print(shown, time.monotonic(), flush=True)
app.quit()
"""
)

# launch_gui() of ptce_desktop/ui/shell/launch.py (Launch: the window shown first, the file
# opened after its first paint), with app.exec() replaced by an event loop that ends once the
# file is open, its first page built and the background work of the start (the page's data, the
# quick check) done. Prints when the window was first painted, then when the page was built.
APP_CHILD = r"""
import argparse, sys, time
from PySide6.QtCore import QEventLoop, QThreadPool
from ptce_desktop.ui.shell.launch import Launch

launch = Launch(argparse.Namespace(db=sys.argv[1], lang=None, read_only=False))
try:
    launch.open_window()
    startup = launch.startup
    loop = QEventLoop()
    startup.finished.connect(loop.quit)
    loop.exec()
    if not startup.result:
        raise SystemExit("the window did not open the file")
    pool = QThreadPool.globalInstance()
    while pool.activeThreadCount():  # the first page's data, the quick check
        pool.waitForDone(5)
        launch.app.processEvents()
    launch.app.processEvents()
    print(startup.painted_at, startup.opened_at, flush=True)
finally:
    launch.close()
"""


def spawn(code: str, env: dict[str, str], *args: str) -> tuple[float, float, float, float]:
    """(seconds to shown, seconds to ready, seconds to exit, peak RSS in MB) of one child; ready
    is the file open and its first page built (as shown for the bare window)."""
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(child.pid, 0)
    end = time.monotonic()
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed: {err[-3000:]}")
    stamps = [float(value) - start for value in out.strip().splitlines()[-1].split()]
    shown, ready = stamps[0], stamps[-1]
    return shown, ready, end - start, usage.ru_maxrss / 1024


REPS = 7


def drive(work: Path, files: dict[str, Path], reps: int) -> dict[str, Any]:
    """In the small driver process: interleaved spawns, medians (``benchlib``)."""
    from benchlib import interleaved_medians

    env = child_env(work)

    def base() -> dict[str, float]:
        shown, ready, _exit, rss = spawn(BASELINE_CHILD, env)
        return {"shown": shown, "ready": ready, "rss": rss}

    result: dict[str, Any] = {}
    for name, path in files.items():

        def app(path: Path = path) -> dict[str, float]:
            shown, ready, _exit, rss = spawn(APP_CHILD, env, str(path))
            return {"shown": shown, "ready": ready, "rss": rss}

        result[name] = interleaved_medians(app, base, reps)
    for what in ("stack", "modules"):

        def floor(what: str = what) -> dict[str, float]:
            shown, ready, _exit, rss = spawn(FLOOR_CHILD, env, str(files["S"]), what)
            return {"shown": shown, "ready": ready, "rss": rss}

        result[f"floor_{what}"] = interleaved_medians(floor, base, reps)
    return result


def child_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(work / "home" / name.lower())
    env["PTCE_DATA_DIR"] = str(work / "home" / "ptce-data")
    # Bytecode as an installed app has it: written once (by the warm-up spawn) to a
    # private cache, then read; PYTHONDONTWRITEBYTECODE would recompile ~500 modules a start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def test_startup(tmp_path: Path) -> None:
    from poles import pole_path

    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.unit_of_work import UnitOfWork

    empty = tmp_path / "pôle vide & <essai>.sqlite3"
    db = open_database(empty)
    try:
        PoleService(UnitOfWork(db)).create_pole("Pôle vide & <essai> l'Éclair", "Drôme", 1)
    finally:
        db.close()
    small = tmp_path / "pôle S d'essai.sqlite3"
    shutil.copyfile(pole_path("S"), small)  # the app may write (lock, settings): not the cache
    files = {"S": small, "empty": empty}
    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            str(tmp_path),
            json.dumps({name: str(path) for name, path in files.items()}),
            str(REPS),
        ],
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for name, suffix in (("S", ""), ("empty", "_empty")):
        app, base = result[name]
        bench_line(f"startup{suffix}", app["shown"], base["shown"], 2.5, "s")
        bench_line(f"startup_rss{suffix}", app["rss"], base["rss"], 2.0, "MB")
        bench_line(f"startup_ready{suffix}", app["ready"], base["shown"], None, "s")
    for what in ("stack", "modules"):
        floor, base = result[f"floor_{what}"]
        bench_line(f"startup_rss_floor_{what}", floor["rss"], base["rss"], None, "MB")


if __name__ == "__main__":  # the driver: python bench_startup.py WORK FILES_JSON REPS
    sys.path.insert(0, str(HERE))
    work_dir, files_json, reps_text = sys.argv[1:4]
    figures = drive(
        Path(work_dir),
        {name: Path(path) for name, path in json.loads(files_json).items()},
        int(reps_text),
    )
    print(json.dumps(figures), flush=True)
