"""Data safety in the window: automatic backup at open, backups dialog, restore, check.

:class:`BackupActions` belongs to the :class:`~ptce_desktop.ui.shell.launch.Shell` (the open
document) and answers:

- every file opened for writing gets an automatic verified backup, off the GUI thread; a
  failure is logged and shown in the status bar, never in the user's way;
- Fichier ▸ Sauvegardes et restauration… (:class:`~.backups_dialog.BackupsDialog`); a restore
  is confirmed, then the file is closed (engine disposed, lock kept), replaced (the current file
  is kept as a copy first), reopened under the same lock through the one door
  (:func:`~.context.open_context`, i.e. ``store.opening.open_pole_file``), and every page
  rebuilt; the undo history starts afresh;
- Fichier ▸ Vérifier la base runs ``services.integrity.check_database`` off the GUI thread;
- a file refused at open as damaged or foreign may be replaced by its newest verified backup,
  always after asking (the file is locked for that, not opened: it does not open);
- when the open file stops being ours (its lock file deleted or replaced, the file itself
  replaced: ``ctx.watch.lost``), this program has already stopped writing; the user is told why
  and offered to save what is open to a new file (:meth:`~.opening.OpenPole.save_copy`).
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.backups import BackupEntry, BackupService
from ptce_desktop.store.opening import lock_pole_file
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.shell.backups_dialog import BackupsDialog, when_texts
from ptce_desktop.ui.shell.context import AppContext, open_context
from ptce_desktop.ui.worker import Progress, Task, run_with_progress_dialog

if TYPE_CHECKING:
    from ptce_desktop.store.lock import DatabaseLock
    from ptce_desktop.ui.shell.launch import Shell

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: Open errors after which the file's newest verified backup is offered.
RESTORABLE_ERRORS = ("integrity_failed", "foreign_file")


class BackupActions(QObject):
    def __init__(self, shell: Shell, service: BackupService | None = None) -> None:
        super().__init__(shell)
        self.shell = shell
        self.window = shell.window
        self.service = service if service is not None else BackupService()
        self.dialog: BackupsDialog | None = None
        self.auto_task: Task | None = None
        self._auto_for: weakref.ref[AppContext] | None = None  # the opening backed up last
        self._check_texts: _Texts | None = None
        self.window.backups_action.triggered.connect(self.show_backups)
        self.window.check_action.triggered.connect(self.check_database)

    # --- automatic backup --------------------------------------------------------------------
    def after_open(self, ctx: AppContext) -> None:
        """The automatic backup of a file just opened for writing (if one is due), once per
        opening: the background quick check may end before the file is attached (then
        ``attach`` asks) and still deliver its answer after (two backups of one file at once
        would race for the same temporary copy)."""
        if ctx.read_only or (self._auto_for is not None and self._auto_for() is ctx):
            return
        self._auto_for = weakref.ref(ctx)
        ctx.watch.lost.connect(lambda error: self.file_lost(ctx, error))
        path = ctx.path
        self.auto_task = self.shell.runner.run(
            lambda _progress: self.service.automatic_backup(path, now=datetime.now()),
            on_done=self._auto_done,
            on_error=self._auto_failed,
        )

    def _auto_done(self, target: object) -> None:
        if isinstance(target, Path):
            log.info("automatic backup %s", target)
            self.window.show_message(
                translate("BackupActions", "Automatic backup made: %1").replace("%1", target.name)
            )

    def _auto_failed(self, error: BaseException) -> None:
        log.warning("automatic backup failed", exc_info=(type(error), error, error.__traceback__))
        reason = error.message(current_language()) if isinstance(error, PtceError) else str(error)
        self.window.show_message(
            translate("BackupActions", "The automatic backup failed: %1").replace("%1", reason),
            30_000,
        )

    def busy(self) -> bool:
        return self.auto_task is not None and not self.auto_task.done

    # --- the file is no longer ours -----------------------------------------------------------
    def file_lost(self, ctx: AppContext, error: object) -> Path | None:
        """Say why nothing is saved any more and offer a copy; the copy's path if one was made."""
        if ctx.closed:
            return None
        message = error.message(current_language()) if isinstance(error, PtceError) else str(error)
        self.window.show_message(message, 0)
        if not self.shell.dialogs.ask_save_copy(self.window, message):
            return None
        suggested = ctx.path.with_name(f"{ctx.path.stem}-copie-{datetime.now():%Y%m%d-%H%M}")
        target = self.shell.dialogs.new_file_path(self.window, suggested.with_suffix(".sqlite3"))
        if target is None:
            return None
        try:
            saved = ctx.pole_file.save_copy(target)
        except PtceError as failure:
            self.shell.presenter.present(failure, self.window)
            return None
        log.info("saved what was open of %s to %s", ctx.path, saved)
        self.shell.dialogs.info(
            self.window,
            translate("BackupActions", "A copy of what was open is saved: %1").replace(
                "%1", str(saved)
            ),
        )
        return saved

    # --- the dialog and restore --------------------------------------------------------------
    def show_backups(self) -> BackupsDialog | None:
        ctx = self.shell.ctx
        if ctx is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = BackupsDialog(
            self.service,
            ctx.path,
            self.shell.runner,
            read_only=ctx.read_only,
            presenter=self.shell.presenter,
            parent=self.window,
        )
        dialog.restoreRequested.connect(self.restore)
        self.dialog = dialog
        dialog.open()
        return dialog

    def restore(self, entry: BackupEntry) -> bool:
        """Confirm, close the file (lock kept), restore, reopen; True once started."""
        ctx = self.shell.ctx
        if ctx is None or ctx.read_only or ctx.lock is None:
            self.shell.presenter.present(PtceError("restore_read_only"), self.window)
            return False
        folder = self.service.backups_dir(ctx.path)
        if not self.shell.dialogs.confirm_restore(self.dialog or self.window, entry, folder):
            return False
        if self.busy():
            self.window.show_message(
                translate("BackupActions", "A backup is being written; try again in a moment.")
            )
            return False
        if self.dialog is not None:
            self.dialog.accept()
        path = ctx.path
        lock = ctx.pole_file.detach_lock()  # kept through the restore: no other program slips in
        if lock is None:  # pragma: no cover - a context open for writing holds its lock
            return False
        self.shell.close_document()
        run_with_progress_dialog(
            self.shell.runner,
            self.window,
            translate("BackupActions", "Restoring the backup…"),
            lambda _progress: self.service.restore(path, entry.path),
            on_done=lambda kept: self._reopen(path, lock, entry, kept),
            on_error=lambda error: self._restore_failed(path, lock, error),
        )
        return True

    def _reopen(self, path: Path, lock: DatabaseLock, entry: BackupEntry, kept: object) -> None:
        if not self._attach(path, lock):
            return
        day, time = when_texts(entry.created)
        text = (
            translate("BackupActions", "The backup of %1 at %2 is restored.")
            .replace("%1", day)
            .replace("%2", time)
        )
        if isinstance(kept, Path):
            text += "\n" + translate("BackupActions", "The previous file was kept: %1").replace(
                "%1", str(kept)
            )
        self.window.show_message(text.replace("\n", " "), 30_000)
        self.shell.dialogs.info(self.window, text)

    def _restore_failed(self, path: Path, lock: DatabaseLock, error: BaseException) -> None:
        self.shell.presenter.present(error, self.window)
        self._attach(path, lock)  # the file was not replaced: show it again

    def _attach(self, path: Path, lock: DatabaseLock) -> bool:
        """Reopen ``path`` through the one door under ``lock`` (released if it fails)."""
        try:
            ctx = open_context(
                path,
                create=False,
                lock=lock,
                runner=self.shell.runner,
                presenter=self.shell.presenter,
            )
        except Exception as error:
            self.shell.update_title()
            self.shell.presenter.present(error, self.window)
            return False
        self.shell.attach(ctx)
        return True

    def offer_restore(self, path: Path, error: PtceError) -> bool:
        """After ``path`` was refused at open: restore its newest verified backup if asked.

        True when the file was replaced (the refused one is kept as a copy first).
        """
        if error.code not in RESTORABLE_ERRORS:
            return False
        path = Path(path).expanduser().absolute()
        entry = self.service.newest_verified(path)
        if entry is None:
            return False
        folder = self.service.backups_dir(path)
        if not self.shell.dialogs.offer_restore(self.window, entry, folder):
            return False
        try:
            with lock_pole_file(path):
                kept = self.service.restore(path, entry.path)
        except PtceError as failure:
            self.shell.presenter.present(failure, self.window)
            return False
        log.info("restored %s from %s; previous file kept as %s", path, entry.path, kept)
        return True

    # --- check -------------------------------------------------------------------------------
    def check_database(self) -> None:
        """Fichier ▸ Vérifier la base, on a worker: the wait dialog says the phase (« Intégrité
        SQLite… », each fiscal year's shares…) and its bar how far it is; Cancel stops it, even
        inside SQLite's ``integrity_check``."""
        ctx = self.shell.ctx
        if ctx is None:
            return
        from ptce_desktop.services.pole.integrity import check_database

        path = ctx.path
        title = translate("BackupActions", "Checking the database…")
        if self._check_texts is None:
            self._check_texts = _Texts(self)
        texts = self._check_texts.changed
        shown = [""]

        def work(progress: Progress) -> object:
            def report(done: int, total: int, label: str) -> None:
                text = f"{title}\n{label}"
                if text != shown[0]:
                    shown[0] = text
                    texts.emit(text)  # queued to the dialog: this runs on the worker
                progress(done, total)  # raises once Cancel is pressed

            return check_database(path, report)

        run_with_progress_dialog(
            self.shell.runner,
            self.window,
            title,
            work,
            on_done=lambda report: self.shell.dialogs.check_report(self.window, report),
            on_error=lambda error: self.shell.presenter.present(error, self.window),
            labels=texts,
        )


class _Texts(QObject):
    """Carries the check's phase from its worker to the wait dialog's text."""

    changed = Signal(str)
