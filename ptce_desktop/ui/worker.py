"""Run long work (reports, imports, backups) off the GUI thread; results come back as signals.

The callable receives one argument, ``progress(done, total)``, and is meant to call a service
that opens its own session: nothing Qt and no SQLAlchemy session crosses the thread boundary,
only the callable's plain return value (a frozen dataclass, a path…) or its exception::

    runner.run(
        lambda progress: reports.build_activity_report(year, path, progress=progress),
        on_done=lambda path: self.statusBar().showMessage(str(path)),
        on_error=presenter.present,
        on_progress=progress_bar_update,
    )

Tests swap in ``Runner(inline=True)`` (or set ``PTCE_INLINE_WORKERS=1``): the callable then runs
at once on the calling thread and every callback fires before ``run()`` returns.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class TaskCancelled(Exception):
    """Raised inside the work by ``progress()`` once the user asked to cancel."""


class Task(QObject):
    """One piece of work; its signals are always delivered on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    cancelled = Signal()
    # carried from the worker thread to the GUI thread (queued connections)
    _result = Signal(object)
    _error = Signal(object)
    _progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._result.connect(self._deliver_result, queued)
        self._error.connect(self._deliver_error, queued)
        self._progress.connect(self.progressed, queued)

    def cancel(self) -> None:
        """Ask the work to stop: its next ``progress()`` call raises :class:`TaskCancelled`."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int) -> None:
        """The ``progress`` callable handed to the work (safe from any thread)."""
        if self._cancel.is_set():
            raise TaskCancelled
        self._progress.emit(int(done), int(total))

    @Slot(object)
    def _deliver_result(self, value: object) -> None:
        self.done = True
        self.finished.emit(value)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self.done = True
        if isinstance(error, TaskCancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(error)


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        try:
            value = self._work(self._task.report_progress)
        except BaseException as error:  # handed to the GUI thread, which decides what to show
            self._hand_over(self._task._error, error)
        else:
            self._hand_over(self._task._result, value)

    @staticmethod
    def _hand_over(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the task's QObject is gone (window closed): nobody to tell
            log.info("background task finished after its window closed")


class Runner:
    """Starts work on a thread pool (or inline) and wires the callbacks of each task."""

    def __init__(self, pool: QThreadPool | None = None, *, inline: bool | None = None) -> None:
        if inline is None:
            inline = os.environ.get("PTCE_INLINE_WORKERS", "") not in ("", "0")
        self.inline = inline
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def run(
        self,
        work: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``work(progress)``; callbacks run on the GUI thread. Returns the task."""
        task = Task()
        if on_done is not None:
            task.finished.connect(on_done)
        task.failed.connect(on_error if on_error is not None else _log_unhandled)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_cancel is not None:
            task.cancelled.connect(on_cancel)
        if self.inline:
            self._run_inline(task, work)
            return task
        self._running.add(task)
        task.finished.connect(lambda _value: self._running.discard(task))
        task.failed.connect(lambda _error: self._running.discard(task))
        task.cancelled.connect(lambda: self._running.discard(task))
        self._pool.start(_Runnable(task, work))
        return task

    def tasks(self) -> list[Task]:
        """The tasks started on the pool whose outcome is not delivered yet."""
        return list(self._running)

    def _run_inline(self, task: Task, work: Work) -> None:
        def progress(done: int, total: int) -> None:
            if task.is_cancelled():
                raise TaskCancelled
            task.progressed.emit(int(done), int(total))

        try:
            value = work(progress)
        except BaseException as error:
            task._deliver_error(error)
        else:
            task._deliver_result(value)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every started task and deliver their signals (for tests and shutdown)."""
        finished = self._pool.waitForDone(msecs)
        QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        return finished and not self._running


def _log_unhandled(error: BaseException) -> None:
    log.error("background task failed", exc_info=(type(error), error, error.__traceback__))


def run_with_progress_dialog(
    runner: Runner,
    parent: QWidget | None,
    label: str,
    work: Work,
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    labels: SignalInstance | None = None,
) -> Task:
    """Run ``work`` behind a window-modal progress dialog whose Cancel button cancels it; each
    text ``labels`` (a ``Signal(str)`` the work emits, from any thread) carries replaces the
    dialog's."""
    dialog = QProgressDialog(
        label,
        QCoreApplication.translate("Worker", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("Worker", "Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    if labels is not None:
        labels.connect(dialog.setLabelText)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    def close_then(callback: Callable[..., None] | None) -> Callable[..., None]:
        def handler(*args: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            if callback is not None:
                callback(*args)

        return handler

    task = runner.run(
        work,
        on_done=close_then(on_done),
        on_error=close_then(on_error),
        on_progress=progress,
        on_cancel=close_then(None),
    )
    if not task.done:
        dialog.canceled.connect(task.cancel)
    return task
