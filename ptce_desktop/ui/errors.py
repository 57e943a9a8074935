"""Showing errors: a friendly message for known ones, a bug report for the rest; the log file.

A known error is a :class:`~ptce_desktop.domain.errors.PtceError` (file locked, closed year,
invalid input…): the user gets its text in the UI language and nothing else. Anything else is a
bug: a dialog says so, keeps the traceback under "Show Details…", and gives the log file path.
:func:`install_excepthook` routes every uncaught exception (slots included) through the same
presenter, so no traceback ever vanishes into a terminal nobody reads.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.typography import french_spacing
from ptce_desktop.ui.i18n import current_language

log = logging.getLogger("ptce_desktop")

translate = QCoreApplication.translate


def format_details(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def known_error_box(error: PtceError, parent: QWidget | None, lang: str) -> QMessageBox:
    """The warning shown for a known error (not yet executed)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ErrorPresenter", "PTCE Desktop"))
    text = error.message(lang)
    # a message box wraps its text: « and » never alone at a line's end or start
    box.setText(french_spacing(text) if lang == "fr" else text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def bug_box(error: BaseException, parent: QWidget | None, log_path: Path | None) -> QMessageBox:
    """The dialog shown for an unexpected error (not yet executed)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("ErrorPresenter", "Unexpected error"))
    box.setText(
        translate(
            "ErrorPresenter",
            "Something went wrong inside PTCE Desktop. What you saved before is safe; "
            "the last action may not have been completed.",
        )
    )
    where = str(log_path) if log_path is not None else translate("ErrorPresenter", "(no log file)")
    box.setInformativeText(
        translate(
            "ErrorPresenter",
            "Please send the details and the log file to whoever supports you:\n%1",
        ).replace("%1", where)
    )
    box.setDetailedText(f"{type(error).__name__}: {error}\n\n{format_details(error)}")
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


class ErrorPresenter:
    """Logs an error and shows the right dialog for it, on the GUI thread."""

    def __init__(
        self,
        log_path: Path | None = None,
        parent: Callable[[], QWidget | None] | None = None,
    ) -> None:
        self.log_path = log_path
        self._parent = parent or QApplication.activeWindow
        self._showing = False

    def present(self, error: BaseException, parent: QWidget | None = None) -> None:
        if isinstance(error, PtceError):
            log.info("known error %s: %s", error.code, error.message("en"))
        else:
            log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        if self._showing:  # an error while showing an error: the log has it, stop there
            return
        self._showing = True
        try:
            owner = parent if parent is not None else self._parent()
            if isinstance(error, PtceError):
                box = known_error_box(error, owner, current_language())
            else:
                box = bug_box(error, owner, self.log_path)
            box.exec()
            box.deleteLater()
        finally:
            self._showing = False


def install_excepthook(presenter: ErrorPresenter) -> Callable[[], None]:
    """Route uncaught exceptions to ``presenter``; returns a function restoring the old hooks.

    Exceptions from other threads are logged (a dialog can only be shown on the GUI thread);
    ``KeyboardInterrupt`` keeps its default behaviour.
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None and tb is not None:
            error = error.with_traceback(tb)
        app = QCoreApplication.instance()
        on_gui_thread = app is not None and QThread.currentThread() is app.thread()
        if isinstance(app, QApplication) and on_gui_thread:
            presenter.present(error)
        else:
            log.error("uncaught exception", exc_info=(kind, error, tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.error(
            "uncaught exception in thread %s",
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    def uninstall() -> None:
        sys.excepthook = previous_hook
        threading.excepthook = previous_thread_hook

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return uninstall
