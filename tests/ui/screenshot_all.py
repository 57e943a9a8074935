"""Every page of the window on the demo pole (or a new one), as a user sees it, without a display.

    uv run python tests/ui/screenshot_all.py [fr|en] [out-folder] [--size 1366x768]
        [--db demo.sqlite3] [--new] [--year 2025] [--pages dashboard,members]

Opens the demo (built in a throw-away file, or a copy of ``--db``) — or, with ``--new``, a
brand-new pole — through the composition root at ``--size`` (default 1366 × 768), and writes
one PNG per page (``<out>/page-<key>.png``), each at most that size: the window must not grow
to fit a page, and a line is printed for any page that made it grow, or whose content is wider
than the window (horizontal scrolling). A tool, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# remembered table layouts of earlier runs would change the pictures: a fresh UI state
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ptce-shots-")

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication

from ptce_desktop.demo.build import build_demo
from ptce_desktop.store.database import open_database
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.shell.launch import Shell, create_application
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner


def parse_size(text: str) -> QSize:
    width, _, height = text.lower().partition("x")
    return QSize(int(width), int(height))


def _pole_file(folder: Path, db: str | None, new: bool) -> Path:
    path = folder / "démo.sqlite3"
    if db is not None:
        shutil.copyfile(db, path)
        return path
    database = open_database(path)
    try:
        uow = UnitOfWork(database)
        if new:
            from ptce_desktop.services.pole.pole import PoleService

            PoleService(uow).create_pole("Pôle « Nouveau » & <Drôme>", "Drôme")
        else:
            build_demo(uow)
    finally:
        database.close()
    return path


def main(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", nargs="?", default="fr", choices=("fr", "en"))
    parser.add_argument("out", nargs="?", default="/tmp/ptce_all")
    parser.add_argument("--size", type=parse_size, default=QSize(1366, 768))
    parser.add_argument("--db", help="a demo file already built (copied, never changed)")
    parser.add_argument("--new", action="store_true", help="a brand-new pole instead")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--pages", help="comma-separated page keys (default: all)")
    args = parser.parse_args(argv)
    app = create_application(args.lang)  # kept alive until the end
    folder = Path(tempfile.mkdtemp())
    path = _pole_file(folder, args.db, args.new)
    target = Path(args.out)
    target.mkdir(parents=True, exist_ok=True)
    window = MainWindow(settings=QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    shell = Shell(window, runner=Runner(inline=True))
    assert shell.start(path)
    size: QSize = args.size
    window.resize(size)
    window.show()
    if (index := window.year_combo.findData(args.year)) >= 0:
        window.year_combo.setCurrentIndex(index)
    pages = args.pages.split(",") if args.pages else window.page_keys()  # new pages too
    for key in pages:
        window.show_page(key)
        for _ in range(5):
            QApplication.processEvents()
        grown = window.size()
        if grown.width() > size.width() or grown.height() > size.height():
            print(f"{key}: the window grew to {grown.width()}×{grown.height()}")
            window.resize(size)
            QApplication.processEvents()
        frame = window.stack.currentWidget()
        if frame.minimumSizeHint().width() > window.stack.width():
            print(f"{key}: needs {frame.minimumSizeHint().width()} px, has {window.stack.width()}")
        picture = window.grab()
        picture.save(str(target / f"page-{key}.png"))
    shell.close_document()
    app.processEvents()
    print(target)
    return target


if __name__ == "__main__":
    main()
