"""Start the window (called by ``app.main()`` when no CLI verb is given): the window first.

Order: Qt application, translators, style, logging (:func:`ptce_desktop.logs.setup_logging`,
the log file the CLI writes too), the main window and the Qt error hook; the window is shown at
once — its frame, the sidebar and « Chargement… » in place of the first page — with nothing
imported but Qt and the window's own modules (no SQLAlchemy, store, service, ReportLab nor
QtCharts: a test checks it). Once it is painted (:class:`Startup`), a worker imports what the
file needs (:mod:`.document`: the store, SQLAlchemy, the services, and the first page's module);
then :class:`~.document.Shell` opens the file (``--db`` or the default one: lock, checks,
migration, first reads) on a worker too — the full-file quick check runs later in a worker —
and, back on the GUI thread, builds the first page, whose data loads in a worker as well.
Errors at open (locked, damaged, newer schema, read-only…) show the same dialogs and offers as
ever, over the window; closing the welcome or declining a locked file quits.

``Shell`` is still importable from here (``from ptce_desktop.ui.shell.launch import Shell``):
it is imported on first access, as the window's start does it.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ptce_desktop.logs import setup_logging
from ptce_desktop.store.paths import APP_NAME, default_db_path
from ptce_desktop.ui.compat import pin_singletons
from ptce_desktop.ui.errors import ErrorPresenter, install_excepthook
from ptce_desktop.ui.i18n import install_translators
from ptce_desktop.ui.pages import import_page
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.shell.pyside_hook import lighten_pyside_imports
from ptce_desktop.ui.style import apply_style
from ptce_desktop.ui.worker import Runner

if TYPE_CHECKING:
    import argparse

    from ptce_desktop.ui.shell.document import Shell as Shell
    from ptce_desktop.ui.shell.launch_dialogs import Dialogs

log = logging.getLogger(__name__)

APP_ID = "fr.ptce.Desktop"  # the desktop entry's name, so Wayland shells match the window

#: If the window reports no paint by then (minimised, a platform that paints late), the file is
#: opened all the same.
OPEN_WITHOUT_PAINT_MS = 400


def __getattr__(name: str) -> Any:
    """``launch.Shell``: the document class, imported when first asked for (it brings the store
    and SQLAlchemy, which the window's first paint does without)."""
    if name == "Shell":
        from ptce_desktop.ui.shell.document import Shell

        return Shell
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: How long a thread holding the GIL runs before another that waits gets it (Python's default:
#: 5 ms). The window's thread waits behind the workers (the open, the checks, a page's load);
#: at 1 ms, the longest stall of the start on the 1 M-cost pole was 66-92 ms over five runs
#: against 59-111 ms at 5 ms, interleaved (bench_stalls, 2026-12-06).
GUI_SWITCH_INTERVAL_S = 0.001


def create_application(lang: str | None) -> QApplication:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    pin_singletons()  # PySide6 6.12 on Python 3.11 drops references to None (see compat)
    lighten_pyside_imports()  # every later import: no source read into linecache (see there)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    install_translators(app, lang)
    apply_style(app)
    return app


def import_document_modules(first_page: str) -> None:
    """What opening a file and showing its first page need (run on a worker: Python imports
    are thread-safe, and these modules create no Qt object when imported)."""
    import ptce_desktop.ui.shell.document  # noqa: F401  (the store, SQLAlchemy, services)

    if first_page:
        import_page(first_page)


class Startup(QObject):
    """The window on screen first, then the file (see the module's text).

    :meth:`begin` shows the window; after its first paint the document's modules are imported
    on a worker, then :class:`~.document.Shell` opens ``path`` on a worker and shows it.
    ``finished`` says whether a file is open (False: the user quit at the welcome or a locked
    file, or the file could not be opened); ``painted_at`` and ``opened_at``
    (``time.monotonic()``) are kept for the start benchmark.
    """

    finished = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        presenter: ErrorPresenter,
        path: Path,
        *,
        read_only: bool = False,
        runner: Runner | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.presenter = presenter
        self.path = path
        self.read_only = read_only
        self.runner = runner if runner is not None else Runner()
        self.dialogs = dialogs  # the shell's questions (tests script them)
        self.shell: Shell | None = None
        self.painted_at: float | None = None
        self.opened_at: float | None = None
        self.result: bool | None = None  # as ``finished`` said it
        self._painting = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(OPEN_WITHOUT_PAINT_MS)
        self._fallback.timeout.connect(self._painted)

    def begin(self) -> None:
        """Show the window with « Chargement… » in place of its first page."""
        self.window.set_loading(True)
        self.window.installEventFilter(self)
        self.window.show()
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self._painting:
            self._painting = True
            QTimer.singleShot(0, self._painted)  # once this paint is done
        return False

    def _painted(self) -> None:
        if self.painted_at is not None:
            return
        self.painted_at = time.monotonic()
        self._fallback.stop()
        self.window.removeEventFilter(self)
        first_page = self.window.current_page_key()
        self.runner.run(
            lambda _progress: import_document_modules(first_page),
            on_done=lambda _result: self._open(),
            on_error=self._failed,
        )

    def _open(self) -> None:
        if not isValid(self.window):  # the window was closed meanwhile
            return
        from ptce_desktop.ui.shell.document import Shell

        self.shell = Shell(
            self.window, runner=self.runner, presenter=self.presenter, dialogs=self.dialogs
        )
        self.shell.started.connect(self._started)
        try:  # the file opens on a worker; ``started`` comes back on the GUI thread
            self.shell.start(self.path, read_only=self.read_only)
        except Exception as error:  # unforeseen: said, and the program stops
            self.presenter.present(error, self.window)
            self._started(False)

    def _started(self, opened: bool) -> None:
        if self.result is not None:
            return
        if isValid(self.window):
            self.window.set_loading(False)
        if not opened and self.shell is not None:
            self.shell.close_document()
        self._finish(opened)

    def _failed(self, error: BaseException) -> None:
        """The document's modules did not import (a broken install): said, then quit."""
        log.error("the modules to open a file did not import: %r", error)
        if isValid(self.window):
            self.presenter.present(error, self.window)
            self.window.set_loading(False)
        self._finish(False)

    def _finish(self, opened: bool) -> None:
        self.opened_at = time.monotonic()
        self.result = opened
        self.finished.emit(opened)


def _from_terminal() -> bool:
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


class Launch:
    """The composition root of the window, in steps the start benchmark drives as well:
    :meth:`open_window` (application, logging, window, error hook, shown), then the event loop
    (``app.exec()`` in :func:`launch_gui`), then :meth:`close`."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.app = create_application(getattr(args, "lang", None))
        # The same log file as the CLI; warnings echo on stderr only when run from a terminal.
        self.log_path: Path | None
        try:
            self.log_path = setup_logging(console=_from_terminal())
        except OSError:  # an unwritable log folder must not keep the window closed
            self.log_path = None
        self.window = MainWindow()
        window = self.window
        self.presenter = ErrorPresenter(self.log_path, lambda: window)
        self._uninstall = install_excepthook(self.presenter)
        db_path = Path(getattr(args, "db", None) or default_db_path())
        self.startup = Startup(
            window,
            self.presenter,
            db_path,
            read_only=bool(getattr(args, "read_only", False)),
        )
        # nothing opened (welcome closed, locked file declined, file refused): quit
        self.startup.finished.connect(lambda opened: None if opened else self.app.quit())

    def open_window(self) -> None:
        self.startup.begin()

    def close(self) -> None:
        self._uninstall()
        # Let background work (an automatic backup, a report) finish before the process ends.
        QThreadPool.globalInstance().waitForDone(60_000)
        if self.startup.shell is not None:
            self.startup.shell.close_document()
        # Destroy the window while Qt and Python are both alive: Python overrides of Qt's
        # virtual methods must never be called during interpreter shutdown.
        if isValid(self.window):
            self.window.hide()
            self.window.deleteLater()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def launch_gui(args: argparse.Namespace) -> int:
    launch = Launch(args)
    try:
        launch.open_window()
        code = launch.app.exec()
        return code if launch.startup.result is not False else 0
    finally:
        launch.close()
