"""The three screenshots of the README and the AppStream metadata, from the demo pole.

    uv run python tests/ui/screenshot_readme.py [fr|en] [out-folder]

Builds the demo in a throw-away file, opens it in the real window (1366 × 768, offscreen) and
writes to ``packaging/screenshots/`` (committed): ``dashboard.png``, ``costs-why.png`` (a cost
with « Pourquoi ce montant ? » open) and ``reports.png`` (the Cerfa 15059 preview). Run it
again after a visible change to these pages. A tool, not a test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PTCE_INLINE_WORKERS"] = "1"

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ptce_desktop.demo.build import build_demo
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.shell.launch import Shell, create_application
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

OUT = Path(__file__).resolve().parents[2] / "packaging" / "screenshots"
YEAR = 2025


def settle(ms: int = 200) -> None:
    for _ in range(5):
        QApplication.processEvents()
    QTest.qWait(ms)


def main(lang: str = "fr", out: str = str(OUT)) -> None:
    app = create_application(lang)
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    path = folder / "demo.sqlite3"
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
    window.year_combo.setCurrentIndex(window.year_combo.findData(YEAR))
    window.show_page("dashboard")
    settle()
    window.grab().save(str(target / "dashboard.png"))

    window.show_page("costs")
    page = window.current_page()
    rows = page.model.rows()
    page.select_id(rows[min(3, len(rows) - 1)].id)
    page.detail.shares.setCurrentIndex(page.detail.shares_model.index(1, 0))
    page.detail.why_button.click()
    settle(400)
    window.grab().save(str(target / "costs-why.png"))

    window.show_page("reports")
    reports = window.current_page()
    reports.form.select_kind("cerfa-15059")
    reports.generate()
    reports.preview.go_to_page(1)
    QTest.qWait(1500)  # QPdfView renders on a worker thread
    settle()
    window.grab().save(str(target / "reports.png"))
    shell.close_document()
    app.processEvents()
    print(*(target / name for name in ("dashboard.png", "costs-why.png", "reports.png")))


if __name__ == "__main__":
    main(*sys.argv[1:3])
