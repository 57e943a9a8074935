"""Every page of the window on the demo pole, as a user sees it, without a display.

    uv run python tests/ui/screenshot_all.py [fr|en] [out-folder]

Builds the demo in a throw-away file, opens it through the composition root at a laptop size
(1366 × 768), and writes one PNG per page (``<out>/page-<key>.png``). A tool, not a test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ptce_desktop.demo.build import build_demo
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.shell.launch import Shell, create_application
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

PAGES = (
    "dashboard",
    "members",
    "services",
    "keys",
    "costs",
    "calls",
    "funding",
    "in_kind",
    "activity",
    "reports",
    "settings",
)


def main(lang: str = "fr", out: str = "/tmp/ptce_all") -> None:
    app = create_application(lang)  # kept alive until the end
    folder = Path(tempfile.mkdtemp())
    path = folder / "démo.sqlite3"
    database = open_database(path)
    build_demo(UnitOfWork(database))
    database.close()
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    window = MainWindow(settings=QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    shell = Shell(window, runner=Runner(inline=True))
    assert shell.start(path)
    window.resize(1366, 768)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    for key in PAGES:
        window.show_page(key)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(target / f"page-{key}.png"))
    shell.close_document()
    app.processEvents()
    print(target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
