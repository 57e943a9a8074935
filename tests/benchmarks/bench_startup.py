"""Benchmark: spawn to main window shown, and peak RSS, vs a bare QMainWindow + QTableView.

Run on demand (not collected by pytest)::

    uv run python tests/benchmarks/bench_startup.py [--reps 7]

Each figure is a whole fresh interpreter (``python -c``), offscreen, measured from just before
the spawn to the moment the window was shown (the child prints ``time.monotonic()`` after
``show()`` and one ``processEvents()``), and to its exit; peak RSS from ``os.wait4`` (the
child's own ``ru_maxrss``). Interleaved, ``--reps`` spawns of each, median:

* **baseline**: ``baselines/qt_start.py``'s window — ``QApplication`` + ``QMainWindow`` with
  a ``QTableView``, ``show()``, one ``processEvents()``, exit;
* **app_empty** / **app_300**: the composition root as
  :func:`ptce_desktop.ui.shell.launch.launch_gui`
  runs it (``create_application``, logging, ``MainWindow``, error hook, ``Shell.start`` on the
  file — lock, open/migrate check, every page built — then ``window.show()``), but one
  ``processEvents()`` instead of ``app.exec()``. On (a) a migrated database with only a pole,
  (b) a 300-member pole with 10 000 costs (3 000 shares a month) and their calls and payments.
  Nothing in the app is changed for this: the child script below is the entry.

Settings, logs and data folders are redirected to a temporary folder, and so is the bytecode
cache (``PYTHONPYCACHEPREFIX``; ``PYTHONDONTWRITEBYTECODE`` is dropped for the children, one
warm-up spawn of each writes it): an installed app starts from compiled bytecode. Prints one
JSON line (targets: shown ≤ 2.5 × baseline, peak RSS ≤ 2 × baseline).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

BASELINE_CHILD = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow()
w.setCentralWidget(QTableView())
w.resize(1024, 700)
w.show()
app.processEvents()
print(time.monotonic(), flush=True)
app.quit()
"""

# launch_gui() of ptce_desktop/ui/shell/launch.py, with app.exec() replaced by one turn of events.
APP_CHILD = r"""
import sys, time
from pathlib import Path
from platformdirs import user_log_dir
from ptce_desktop.store.paths import APP_NAME
from ptce_desktop.logs import setup_logging
from ptce_desktop.ui.errors import ErrorPresenter, install_excepthook
from ptce_desktop.ui.shell.launch import Shell, create_application
from ptce_desktop.ui.shell.main_window import MainWindow

app = create_application(None)
log_path = setup_logging(Path(user_log_dir(APP_NAME, appauthor=False)))
window = MainWindow()
presenter = ErrorPresenter(log_path, lambda: window)
uninstall = install_excepthook(presenter)
try:
    shell = Shell(window, presenter=presenter)
    if not shell.start(Path(sys.argv[1])):
        raise SystemExit("the window did not open the file")
    window.show()
    app.processEvents()
    print(time.monotonic(), flush=True)
    shell.close_document()
finally:
    uninstall()
"""


def spawn(code: str, env: dict[str, str], *args: str) -> tuple[float, float, float]:
    """(seconds to shown, seconds to exit, peak RSS in MB) of one child."""
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
    shown = float(out.strip().splitlines()[-1]) - start
    return shown, end - start, usage.ru_maxrss / 1024


def make_files(folder: Path) -> dict[str, Path]:
    """Run in a child process (see ``main``): the parent stays small, because Linux counts the
    parent's peak RSS at fork time in a child's ``ru_maxrss``."""
    from bench_year_totals import build_pole

    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.store.database import open_database
    from ptce_desktop.store.unit_of_work import UnitOfWork

    empty = folder / "pôle vide.sqlite3"
    db = open_database(empty)
    try:
        PoleService(UnitOfWork(db)).create_pole("Pôle vide & <essai>", "Drôme", 1)
    finally:
        db.close()
    full = folder / "pôle 300 membres.sqlite3"
    build_pole(full, 300, 10_000)
    return {"app_empty": empty, "app_300": full}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ptce_bench_startup_"))
    try:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for name in (
            "HOME",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
        ):
            env[name] = str(work / "home" / name.lower())
        env["PTCE_DATA_DIR"] = str(work / "home" / "ptce-data")
        # Bytecode as an installed app has it: written once (by the warm-up spawn) to a
        # private cache, then read; PYTHONDONTWRITEBYTECODE would recompile ~500 modules a start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        os.environ.update({k: env[k] for k in ("HOME", "PTCE_DATA_DIR")})
        files = {
            "app_empty": work / "pôle vide.sqlite3",
            "app_300": work / "pôle 300 membres.sqlite3",
        }
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(HERE)!r}); "
                f"from bench_startup import make_files; from pathlib import Path; "
                f"make_files(Path({str(work)!r}))",
            ],
            env=env,
            check=True,
        )
        runs: dict[str, list[tuple[float, float, float]]] = {"baseline": []}
        runs.update({name: [] for name in files})
        spawn(BASELINE_CHILD, env)  # warm the file cache, write the .pyc files
        spawn(APP_CHILD, env, str(files["app_300"]))
        for _ in range(args.reps):
            runs["baseline"].append(spawn(BASELINE_CHILD, env))
            for name, path in files.items():
                runs[name].append(spawn(APP_CHILD, env, str(path)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result: dict[str, Any] = {
        "bench": "startup",
        "reps": args.reps,
        "platform": env["QT_QPA_PLATFORM"],
    }
    for name, values in runs.items():
        result[f"{name}_shown_s"] = round(statistics.median(v[0] for v in values), 4)
        result[f"{name}_exit_s"] = round(statistics.median(v[1] for v in values), 4)
        result[f"{name}_peak_rss_mb"] = round(statistics.median(v[2] for v in values), 1)
        result[f"{name}_shown_s_all"] = [round(v[0], 3) for v in values]
    for name in files:
        result[f"ratio_{name}_shown"] = round(
            result[f"{name}_shown_s"] / result["baseline_shown_s"], 2
        )
        result[f"ratio_{name}_rss"] = round(
            result[f"{name}_peak_rss_mb"] / result["baseline_peak_rss_mb"], 2
        )
    result["targets"] = {"shown": 2.5, "rss": 2.0}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
