"""Look at the Rapports page with the demo pole, without a display.

    uv run python tests/ui/screenshot_reports.py [fr|en] [kind]

Builds the demo in a throw-away file, shows the page in its frame, generates ``kind`` (default
``cerfa-15059``) and writes ``/tmp/ptce_reports.png`` (the page with its preview) and
``/tmp/ptce_reports_statement.png`` (a member's statement, zoomed to the whole page). A tool,
not a test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from ptce_desktop.demo.build import build_demo
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.pages import PageFrame
from ptce_desktop.ui.pages.reports.page import ReportsPage
from ptce_desktop.ui.pages.reports.preview import FIT_PAGE
from ptce_desktop.ui.shell.context import open_context
from ptce_desktop.ui.shell.launch import create_application
from ptce_desktop.ui.worker import Runner


def main(lang: str = "fr", kind: str = "cerfa-15059") -> None:
    app = create_application(lang)
    folder = Path(tempfile.mkdtemp())
    path = folder / "démo.sqlite3"
    database = open_database(path)
    build_demo(UnitOfWork(database))
    database.close()
    ctx = open_context(path, runner=Runner(inline=True))
    page = ReportsPage(ctx)
    frame = PageFrame(app.translate("Navigation", "Reports"), page)
    frame.resize(1180, 800)
    frame.show()
    page.set_fiscal_year(2025)
    page.form.select_kind(kind)
    page.generate()
    page.preview.go_to_page(1)
    QTest.qWait(1500)  # QPdfView renders the pages on a worker thread
    frame.grab().save("/tmp/ptce_reports.png")
    page.form.select_kind("statement")
    page.form.combos["member"].setCurrentIndex(2)
    page.generate()
    page.preview.set_zoom(FIT_PAGE)
    QTest.qWait(1500)
    frame.grab().save("/tmp/ptce_reports_statement.png")
    frame.close()
    ctx.close()
    print("/tmp/ptce_reports.png /tmp/ptce_reports_statement.png")


if __name__ == "__main__":
    main(*sys.argv[1:3])
