"""The open document of one window (:class:`Shell`): opening a file, the welcome, the File menu.

Imported once the window is on screen (:mod:`.launch` shows it first): this is where the store,
the services and SQLAlchemy come in. :meth:`Shell.start` opens the file (``--db`` or the default
one) on a worker through the one door (:func:`prepare_open`:
:func:`~ptce_desktop.store.opening.open_pole_file`, then the first reads), nothing of it on the
GUI thread but building the document and its first page, and without its full-file quick check,
which then runs in a worker too (DESIGN §7: writes wait for the check, and if it fails they stay
refused and a banner offers Réparer… or the newest verified backup, :mod:`.integrity_banner`); a
file refused at open as damaged is offered Réparer… at once; a locked one is offered read-only; a
file without a pole shows the welcome dialog; then the window gets the pages of that file, each
built when first shown. The pages get an :class:`~.context.AppContext`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.backup import create_backup
from ptce_desktop.store.opening import OpenPole, open_pole_file
from ptce_desktop.store.paths import default_data_dir
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.errors import ErrorPresenter
from ptce_desktop.ui.pages import (
    import_page,
    import_pages_ahead,
    navigation_entries,
    page_factory,
)
from ptce_desktop.ui.shell.backups_actions import BackupActions
from ptce_desktop.ui.shell.context import READ_ONLY_OFFERED, AppContext, open_context
from ptce_desktop.ui.shell.integrity_banner import IntegrityBanner
from ptce_desktop.ui.shell.launch_dialogs import Dialogs, slug
from ptce_desktop.ui.shell.main_window import IMPORT_PAGES_AFTER_MS, MainWindow
from ptce_desktop.ui.shell.repair_actions import RepairActions
from ptce_desktop.ui.shell.welcome import WelcomeChoice
from ptce_desktop.ui.worker import Runner, Task, run_with_progress_dialog

if TYPE_CHECKING:
    from ptce_desktop.services.pole.fiscal_years import FiscalYearView
    from ptce_desktop.ui.exports.archive_actions import ArchiveActions
    from ptce_desktop.ui.imports.actions import ImportActions

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: After the start, how often the thread pool is looked at to import the pages ahead once idle,
#: and how long at most that waits (the quick check of a large file runs seconds).
IDLE_POLL_MS = 100
IMPORT_PAGES_AT_LATEST_S = 3.0

#: At the start, the quick check waits for the first page's data, at most this long.
CHECK_AT_LATEST_MS = 5000

#: Tables whose change may add or close a fiscal year, or rename the pole.
_YEAR_TABLES = ("fiscal_years", "costs", "calls", "payments", "service_budgets", "poles")


def demo_path() -> Path:
    """A throw-away file for the demo, never the default database."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return default_data_dir() / "demo" / f"demo-{stamp}.sqlite3"


@dataclass(frozen=True)
class PreparedOpen:
    """A pole file opened off the GUI thread by :func:`prepare_open`, with its first reads."""

    pole: OpenPole
    #: The pole's name (None: a file without a pole yet, for the welcome).
    name: str | None
    #: Its fiscal years, most recent first (None without a pole).
    years: list[FiscalYearView] | None


class FirstReadFailed(Exception):
    """The file opened but its first reads failed (``error``); it was closed again."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def prepare_open(path: Path, *, read_only: bool, create: bool, first_page: str) -> PreparedOpen:
    """What :meth:`Shell.start` does off the GUI thread (nothing Qt here): open ``path`` through
    the one door without its quick check (lock, recognition, migration), then its first reads
    — the first query configures SQLAlchemy's mappers (~0.1-0.3 s), the pole's name, its
    fiscal years — and import the first page's module. Raises the open's ``PtceError``, or
    :class:`FirstReadFailed` (the file closed again) when a read fails."""
    pole = open_pole_file(path, create=create, read_only=read_only, defer_check=True)
    try:
        from ptce_desktop.services.pole.fiscal_years import FiscalYearService
        from ptce_desktop.services.pole.pole import PoleService

        view = PoleService(pole.uow).get()
        name = view.name if view is not None else None
        years = FiscalYearService(pole.uow).list_years() if name is not None else None
        if name is not None and first_page:
            import_page(first_page)
    except BaseException as error:
        pole.close()
        raise FirstReadFailed(error) from error
    return PreparedOpen(pole, name, years)


class Shell(QObject):
    """The open document of one window, and the File menu acting on it."""

    #: The outcome of :meth:`start`: True when a file is shown, False when nothing opened.
    started = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        *,
        runner: Runner | None = None,
        presenter: ErrorPresenter | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner if runner is not None else Runner()
        self.presenter = (
            presenter if presenter is not None else ErrorPresenter(None, lambda: window)
        )
        self.dialogs = dialogs if dialogs is not None else Dialogs(self.presenter)
        self.ctx: AppContext | None = None
        self.declined = False  # the last open() was a locked file the user did not want
        self.start_result: bool | None = None  # what ``started`` said (None: not yet)
        self._idle_since_start = 0.0
        self._years: list[tuple[str, int]] = []
        window.new_pole_action.triggered.connect(self.new_pole)
        window.open_action.triggered.connect(self.open_file)
        window.demo_action.triggered.connect(self.explore_demo)
        window.save_copy_action.triggered.connect(self.save_copy)
        window.destroyed.connect(self.close_document)
        # automatic backup at open, Sauvegardes et restauration…, Vérifier la base
        self.backups = BackupActions(self)
        self.repair = RepairActions(self)
        self.integrity_banner = IntegrityBanner(self)
        # Fichier ▸ Importer… and the .ptce archive: built on first use (the wizard and the
        # exchange package are ~20 % of the start's imports), see the properties below.
        self._imports: ImportActions | None = None
        self._archives: ArchiveActions | None = None
        self._first_hooks: dict[Any, Any] = {}
        self._first_use(window.import_action, lambda: self.imports.show_wizard())
        self._first_use(window.export_archive_action, lambda: self.archives.export_archive())
        self._first_use(window.import_archive_action, lambda: self.archives.import_archive())
        QCoreApplication.instance().aboutToQuit.connect(self.close_document)  # type: ignore[union-attr]

    def _first_use(self, action: Any, run: Any) -> None:
        """Until the actions behind ``action`` are built, its first trigger builds them (they
        connect themselves for the later ones) and does what was asked."""

        def first(_checked: bool = False) -> None:
            run()

        self._first_hooks[action] = first
        action.triggered.connect(first)

    def _drop_first_use(self, *actions: Any) -> None:
        for action in actions:
            hook = self._first_hooks.pop(action, None)
            if hook is not None:
                action.triggered.disconnect(hook)

    @property
    def imports(self) -> ImportActions:
        if self._imports is None:
            from ptce_desktop.ui.imports.actions import ImportActions

            self._drop_first_use(self.window.import_action)
            self._imports = ImportActions(self)
        return self._imports

    @property
    def archives(self) -> ArchiveActions:
        if self._archives is None:
            from ptce_desktop.ui.exports.archive_actions import ArchiveActions

            self._drop_first_use(
                self.window.export_archive_action, self.window.import_archive_action
            )
            self._archives = ArchiveActions(self)
        return self._archives

    # --- starting ----------------------------------------------------------------------------
    def start(self, path: Path, read_only: bool = False) -> bool:
        """Open ``path`` (created if missing) without holding the window; a file without a pole
        asks what to do.

        The blocking part — lock, recognising the file, migration check (and migration), the
        first queries (mappers configured, the pole's name, its fiscal years) and the import of
        the first page's module — runs on a worker (:func:`prepare_open`); back on the GUI
        thread the document is attached, its first page built (its data load in a worker
        too), or the refusal shown with its usual dialogs (read-only offer for a locked file,
        Réparer… for a damaged one, the newest backup, the welcome). Until then the window
        shows « Chargement… » and its File actions wait.

        ``started`` gives the outcome: False when the user chose to quit (welcome closed,
        locked file refused) or nothing could be opened. Returns that outcome when it is known
        at once (an inline runner: tests, the smoke check), else True while the file is still
        opening.
        """
        self.start_result = None
        self.window.set_loading(True)
        # The other pages' modules are imported ahead once the start's work is done, not while
        # the file opens and the first page loads (see _import_pages_when_idle).
        self.window._importing_ahead = True
        self._open_in_background(path, read_only=read_only, create=True)
        return self.start_result is not False

    def _open_in_background(self, path: Path, *, read_only: bool, create: bool) -> None:
        self.declined = False
        first_page = self.window.current_page_key() or "dashboard"

        def work(_progress: Any) -> PreparedOpen:
            return prepare_open(path, read_only=read_only, create=create, first_page=first_page)

        def done(prepared: PreparedOpen) -> None:
            if not isValid(self):  # the window closed while the file was opening
                prepared.pole.close()
                return
            self._prepared(prepared)

        def failed(error: BaseException) -> None:
            if isValid(self):
                self._start_refused(path, error, read_only=read_only)

        self.runner.run(work, on_done=done, on_error=failed)

    def _prepared(self, prepared: PreparedOpen) -> None:
        ctx = AppContext(prepared.pole, runner=self.runner, presenter=self.presenter)
        if prepared.name is not None:
            # Two slices of GUI work, the window repainting between them: the document (pages'
            # placeholders, years, title…), then its first page built (« Chargement… » until).
            # (An inline runner — tests, the smoke check — keeps the whole start synchronous.)
            key = self.window.current_page_key()
            if self.runner.inline:
                self._check_integrity(ctx)
            self.attach(ctx, years=prepared.years, name=prepared.name, first_page_later=True)
            if self.runner.inline:
                self._first_page_then_started(ctx, key)
            else:
                QTimer.singleShot(0, lambda: self._first_page_then_started(ctx, key))
            return
        self._check_integrity(ctx)
        self._started(self.welcome(ctx))

    def _first_page_then_started(self, ctx: AppContext, key: str) -> None:
        if not isValid(self):
            return
        if ctx is self.ctx:  # (not closed nor replaced meanwhile)
            if key:
                self.window.set_page_factory(key, partial(self._build_page, key, ctx))
            self.window.page(key or "dashboard")
            if not self.runner.inline:
                self._check_after_first_page(ctx)
        self._started(ctx is self.ctx)

    def _check_after_first_page(self, ctx: AppContext) -> None:
        """The quick check once the work running now (the first page's data) is over, or
        :data:`CHECK_AT_LATEST_MS` after: the check of a large file keeps a core busy for
        seconds, and run beside the first page's load it slowed that load and the window's
        repaints (the GUI thread waited for a core and the GIL). Nothing written meanwhile is
        exposed: a write before the check starts runs it first (``IntegrityCheck.require``),
        and the automatic backup waits for it as before."""
        pending = set(self.runner.tasks())
        begun = False

        def begin(*_args: object) -> None:
            nonlocal begun
            if begun or not isValid(self) or ctx.closed:
                return
            begun = True
            self._check_integrity(ctx)

        def ended(task: Task, *_args: object) -> None:
            pending.discard(task)
            if not pending:
                begin()

        if not pending:
            begin()
            return
        for task in pending:
            task.finished.connect(partial(ended, task))
            task.failed.connect(partial(ended, task))
            task.cancelled.connect(partial(ended, task))
        QTimer.singleShot(CHECK_AT_LATEST_MS, self, begin)

    def _start_refused(self, path: Path, error: BaseException, *, read_only: bool) -> None:
        if isinstance(error, FirstReadFailed):  # opened, then unreadable: said, nothing open
            self.presenter.present(error.error, self.window)
            self._started(False)
            return
        if not isinstance(error, PtceError):  # unforeseen: said, and the program stops
            self.presenter.present(error, self.window)
            self._started(False)
            return
        retry = self._refused(path, error, read_only=read_only)
        if retry is not None:
            self._open_in_background(path, read_only=retry, create=False)
            return
        if self.declined:
            self._started(False)  # the file is locked and the user preferred to quit
            return
        self._started(self.welcome(None))

    def _started(self, opened: bool) -> None:
        self.start_result = opened
        self.window.set_loading(False)
        self._idle_since_start = time.monotonic()
        self._import_pages_when_idle()
        self.started.emit(opened)

    def _import_pages_when_idle(self) -> None:
        """Import the other pages' modules in the background (:func:`import_pages_ahead`) once
        the start's background work (the first page's data, the quick check) is over — or
        :data:`IMPORT_PAGES_AT_LATEST_S` after the start — and :data:`IMPORT_PAGES_AFTER_MS`
        more: they would compete with it for the GIL and the two cores, and the start's peak
        memory is the first page's."""
        waited = time.monotonic() - self._idle_since_start
        if QThreadPool.globalInstance().activeThreadCount() and waited < IMPORT_PAGES_AT_LATEST_S:
            QTimer.singleShot(IDLE_POLL_MS, self._import_pages_when_idle)
            return
        QTimer.singleShot(IMPORT_PAGES_AFTER_MS, import_pages_ahead)

    def welcome(self, blank: AppContext | None) -> bool:
        """Ask until something opens; ``blank`` is an open file without a pole (or None).

        Closing the welcome closes ``blank`` and returns False (the current file, if any,
        stays open).
        """
        self.window.set_loading(False)  # no « Chargement… » behind the welcome
        while True:
            choice = self.dialogs.welcome(self.window)
            if choice is None:
                if blank is not None:
                    blank.close()
                return False
            done, blank = self._follow(choice, blank)
            if done:
                return True

    def _follow(
        self, choice: WelcomeChoice, blank: AppContext | None
    ) -> tuple[bool, AppContext | None]:
        """Do what the welcome asked; returns (done, the file without a pole still open)."""
        if choice.kind == "create":
            target = blank
            if target is None or target.read_only:
                path = self.dialogs.new_file_path(self.window, self._suggested_path(choice.name))
                target = self.open(path, create=True) if path is not None else None
            if target is None:
                return False, blank
            try:
                target.pole.create_pole(
                    choice.name, choice.territory or None, choice.fiscal_year_start_month
                )
            except PtceError as error:
                self.presenter.present(error, self.window)
                if target is not blank:
                    target.close()
                return False, blank
            if blank is not None and blank is not target:
                blank.close()
            self.attach(target)
            return True, None
        if choice.kind == "demo":
            if not self.explore_demo():
                return False, blank
            if blank is not None:
                blank.close()  # the demo never goes into the default file
            return True, None
        ctx = self.open(choice.path, create=False) if choice.path is not None else None
        if ctx is None:
            return False, blank
        if blank is not None:
            blank.close()
        if ctx.pole_name() is None:
            return False, ctx  # an empty file: ask again what to put in it
        self.attach(ctx)
        return True, None

    def open(
        self, path: Path, *, read_only: bool = False, create: bool = False
    ) -> AppContext | None:
        """Lock and open ``path``: a locked file offers read-only; other errors are shown."""
        self.declined = False
        try:
            ctx = open_context(
                path,
                read_only=read_only,
                create=create,
                runner=self.runner,
                presenter=self.presenter,
                defer_check=True,
            )
        except PtceError as error:
            retry = self._refused(path, error, read_only=read_only)
            if retry is None:
                return None
            return self.open(path, read_only=retry, create=False)
        self._check_integrity(ctx)
        return ctx

    def _refused(self, path: Path, error: PtceError, *, read_only: bool) -> bool | None:
        """The open of ``path`` was refused with ``error``: offer what can be done. Returns
        ``read_only`` for the next attempt, or None when there is none (:attr:`declined`: the
        user did not want a locked file read-only)."""
        if error.code in READ_ONLY_OFFERED and not read_only:
            if self.dialogs.locked(self.window, error):
                return True
            self.declined = True
            return None
        self.presenter.present(error, self.window)
        if error.code == "integrity_failed" and self.repair.offer(path, error):
            return read_only
        if not read_only and self.backups.offer_restore(path, error):
            return read_only
        return None

    def _check_integrity(self, ctx: AppContext) -> None:
        """The quick check left out of the open, in a worker; a failure shows the banner."""
        pole = ctx.pole_file
        if not pole.integrity_pending:
            return
        self.runner.run(
            lambda _progress: pole.check_integrity(),
            on_done=lambda error: self._integrity_checked(ctx, error),
            on_error=lambda error: self._integrity_checked(ctx, error),
        )

    def _integrity_checked(self, ctx: AppContext, error: object) -> None:
        attached = ctx is self.ctx and not ctx.closed
        if error is None:
            log.info("quick check of %s: sound", ctx.path)
            if attached:
                self.backups.after_open(ctx)  # the automatic backup of a sound file
            return
        log.error("quick check of %s failed: %s", ctx.path, error)
        if attached:
            self._damaged(ctx, error)

    def _damaged(self, ctx: AppContext, error: object) -> None:
        """``ctx``'s file failed its check: the banner, no automatic backup (its copy would
        fail the same check), and the file still watched (lock, replacement)."""
        if not ctx.read_only:
            ctx.watch.lost.connect(lambda lost: self.backups.file_lost(ctx, lost))
        self.integrity_banner.show_for(ctx, error)

    # --- the document ------------------------------------------------------------------------
    def attach(
        self,
        ctx: AppContext,
        *,
        years: Sequence[FiscalYearView] | None = None,
        name: str | None = None,
        first_page_later: bool = False,
    ) -> None:
        """Show ``ctx`` in the window: pages, years, undo stack, title. ``years`` and ``name``:
        its fiscal years and the pole's name already read (off the GUI thread,
        :func:`prepare_open`), else read here. ``first_page_later``: the page on screen is
        left as it is (« Chargement… »), for the caller to give its factory and build it."""
        old, self.ctx = self.ctx, ctx
        if old is not None and old is not ctx:
            old.close()
        ctx.presenter = self.presenter
        ctx.history.set_error_handler(lambda error: self.presenter.present(error, self.window))
        self.window.bind_undo_stack(ctx.history)
        self._years = []
        self.refresh_years(years)
        current = self.window.current_page_key()
        for entry in navigation_entries():
            if first_page_later and entry.key == current:
                continue
            # Imported and built when first shown: opening a file builds only the page on screen.
            self.window.set_page_factory(entry.key, partial(self._build_page, entry.key, ctx))
        if not first_page_later:
            self.window.page(current or "dashboard")
        ctx.changes.changed.connect(self._changed)
        if name is not None:
            self.window.set_document(name, ctx.path, ctx.read_only)
        else:
            self.update_title()
        self.integrity_banner.hide()
        failed = ctx.pole_file.integrity_error
        if failed is not None:  # checked (and failed) before the file was shown
            self._damaged(ctx, failed)
        elif not ctx.pole_file.integrity_pending:
            self.backups.after_open(ctx)
        # else: the automatic backup waits for the check (_integrity_checked)

    def _build_page(self, key: str, ctx: AppContext) -> QWidget | None:
        if ctx is not self.ctx:  # the file was closed before the page was shown
            return None
        try:
            return page_factory(key)(ctx)
        except Exception as error:  # one broken page must not keep the file closed
            self.presenter.present(error, self.window)
            return None

    def update_title(self) -> None:
        ctx = self.ctx
        if ctx is None:
            self.window.set_document(None, None, read_only=False)
        else:
            self.window.set_document(ctx.pole_name(), ctx.path, ctx.read_only)

    def refresh_years(self, known: Sequence[FiscalYearView] | None = None) -> None:
        """The year selector from the file's fiscal years (``known``: already read)."""
        if self.ctx is None:
            return
        # most recent first
        views = list(known) if known is not None else self.ctx.fiscal_years.list_years()
        years = [(view.label, view.start_year) for view in reversed(views)]
        if years == self._years:
            return
        self._years = years
        current = self.window.current_fiscal_year()
        if current is None or current not in {year for _label, year in years}:
            current = next((view.start_year for view in views if view.current), None)
        self.window.set_fiscal_years(years, current)

    def _changed(self, change: Any) -> None:
        try:
            if touches(change, *_YEAR_TABLES):
                self.refresh_years()
            if touches(change, "poles"):
                self.update_title()
            self.window.refresh_pages(change)
        except Exception as error:
            self.presenter.present(error, self.window)

    def close_document(self) -> None:
        self.integrity_banner.hide()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None

    # --- File menu ---------------------------------------------------------------------------
    def new_pole(self) -> bool:
        choice = self.dialogs.welcome(self.window, create_only=True)
        if choice is None or choice.kind != "create":
            return False
        path = self.dialogs.new_file_path(self.window, self._suggested_path(choice.name))
        if path is None:
            return False
        return self._create_in(path, choice)

    def _create_in(self, path: Path, choice: WelcomeChoice) -> bool:
        ctx = self.open(path, create=True)
        if ctx is None:
            return False
        try:
            ctx.pole.create_pole(
                choice.name,
                choice.territory or None,
                choice.fiscal_year_start_month,
                identity=choice.identity,
            )
        except PtceError as error:
            ctx.close()
            self.presenter.present(error, self.window)
            return False
        self.attach(ctx)
        return True

    def open_file(self) -> bool:
        path = self.dialogs.open_path(self.window)
        if path is None:
            return False
        if self.ctx is not None and path.absolute() == self.ctx.path:
            return True
        ctx = self.open(path, create=False)
        if ctx is None:
            return False
        if ctx.pole_name() is None:
            return self.welcome(ctx)  # closing it keeps the current file
        self.attach(ctx)
        return True

    def explore_demo(self) -> bool:
        """Build the demo pole in a new throw-away file, then show it.

        The file is built aside and named when complete (``demo.build.build_demo_file``):
        a window closed or killed midway leaves no half-built demo.
        """
        from ptce_desktop.demo.build import build_demo_file  # only when asked: a fast start

        path = demo_path()

        def done(_result: object) -> None:
            ctx = self.open(path, create=False)
            if ctx is None:
                return
            self.attach(ctx)
            self.window.show_message(
                translate("Shell", "Demo pole ready: %1").replace("%1", str(ctx.path))
            )

        run_with_progress_dialog(
            self.runner,
            self.window,
            translate("Shell", "Building the demo pole…"),
            lambda progress: build_demo_file(path, progress=progress, program="ptce-desktop"),
            on_done=done,
            on_error=lambda error: self.presenter.present(error, self.window),
        )
        return True

    def save_copy(self) -> None:
        """A verified copy of the open file (and its attachments) in a chosen folder."""
        ctx = self.ctx
        if ctx is None:
            return
        folder = self.dialogs.copy_folder(self.window)
        if folder is None:
            return
        source = ctx.path

        def done(target: object) -> None:
            self.window.show_message(
                translate("Shell", "Copy saved: %1").replace("%1", str(target))
            )

        run_with_progress_dialog(
            self.runner,
            self.window,
            translate("Shell", "Saving a copy…"),
            # Read through the connection held open: what this window has, even if the path
            # was replaced or its journal deleted meanwhile.
            lambda _progress: create_backup(
                source, reason="copie", directory=folder, keep=1000, connection=ctx.db.presence
            ),
            on_done=done,
            on_error=lambda error: self.presenter.present(error, self.window),
        )

    def _suggested_path(self, name: str) -> Path:
        folder = default_data_dir()
        base = slug(name) or "pole"
        candidate = folder / f"{base}.sqlite3"
        number = 2
        while candidate.exists():
            candidate = folder / f"{base}-{number}.sqlite3"
            number += 1
        return candidate
