"""Start the window (called by ``app.main()`` when no CLI verb is given).

For now this shows the shell with its placeholder pages: the services that open the file and
fill the pages are not wired yet. The order below is the one to keep when they are: Qt
application, translators, style, logging and the error hook, then the window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from platformdirs import user_log_dir
from PySide6.QtWidgets import QApplication

from ptce_desktop.store.paths import APP_NAME, default_db_path
from ptce_desktop.ui.errors import ErrorPresenter, install_excepthook, setup_logging
from ptce_desktop.ui.i18n import install_translators
from ptce_desktop.ui.main_window import MainWindow
from ptce_desktop.ui.style import apply_style

APP_ID = "fr.ptce.Desktop"  # the desktop entry's name, so Wayland shells match the window


def create_application(lang: str | None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    install_translators(app, lang)
    apply_style(app)
    return app


def launch_gui(args: argparse.Namespace) -> int:
    app = create_application(getattr(args, "lang", None))
    log_path = setup_logging(Path(user_log_dir(APP_NAME, appauthor=False)))
    presenter = ErrorPresenter(log_path)
    uninstall = install_excepthook(presenter)
    window = MainWindow()
    db_path = getattr(args, "db", None) or default_db_path()
    window.set_document(None, db_path, read_only=bool(getattr(args, "read_only", False)))
    window.show()
    try:
        return app.exec()
    finally:
        uninstall()
