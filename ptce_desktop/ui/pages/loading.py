"""A page's data read off the GUI thread, with a « Chargement… » state; the newest load wins.

A page splits its reload in two: ``fetch`` (a plain function calling services, which open their
own read sessions — safe on a worker thread; it returns plain values) and ``show`` (on the GUI
thread, fills the widgets)::

    self.loads = PageLoads(self, ctx.runner, over=self.view, on_error=present)

    def reload(self) -> None:
        service, year = self.service, self.year          # read on the GUI thread
        self.loads.start(lambda: service.list_services(year), self._show_rows)

While a load is on its way the page shows a small « Chargement… » label over ``over`` (after
:data:`SHOW_AFTER_MS`, so a quick load does not blink) and :attr:`PageLoads.loading` is True.
A newer ``start`` supersedes the older one: its result, arriving late, is dropped; the loads
asked for during one event are given to the worker once (the newest), on the next turn of the
event loop. With ``Runner(inline=True)`` (tests, ``PTCE_INLINE_WORKERS=1``) ``fetch`` and
``show`` run before ``start`` returns. Services are fetched from the context on the GUI thread
beforehand (its service cache is not thread-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from ptce_desktop.ui.worker import Runner

T = TypeVar("T")

#: A load shorter than this shows no « Chargement… » (no blinking on a small file).
SHOW_AFTER_MS = 150


def loading_text() -> str:
    return QCoreApplication.translate("PageLoads", "Loading…")


class LoadingLabel(QLabel):
    """« Chargement… » floating at the top centre of ``over`` (follows its size)."""

    def __init__(self, over: QWidget) -> None:
        super().__init__(loading_text(), over)
        self.setObjectName("loadingIndicator")
        self.setAccessibleName(loading_text())
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#loadingIndicator { background: palette(tooltip-base); color: palette(tooltip-text);"
            " border: 1px solid palette(mid); border-radius: 10px; padding: 4px 14px; }"
        )
        self.hide()
        over.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        self.move(max((parent.width() - self.width()) // 2, 0), 28)

    def appear(self) -> None:
        self._place()
        self.show()
        self.raise_()


class PageLoads(QObject):
    """Starts a page's loads on the runner; only the newest one's result is shown."""

    def __init__(
        self,
        page: QWidget,
        runner: Runner,
        *,
        over: QWidget | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(page)
        self.page = page
        self.runner = runner
        self.on_error = on_error
        self.label = LoadingLabel(over if over is not None else page)
        self._generation = 0
        self.loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_AFTER_MS)
        self._timer.timeout.connect(self.label.appear)
        self.started = 0  # loads asked for (tests count them)
        self.launched = 0  # loads given to the runner (several starts in one event: one)
        self._queued: tuple[Any, Any, Any] | None = None
        self._launch_timer = QTimer(self)
        self._launch_timer.setSingleShot(True)
        self._launch_timer.setInterval(0)
        self._launch_timer.timeout.connect(self._launch_queued)

    def start(
        self,
        fetch: Callable[[], T],
        show: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fetch()`` on a worker, then ``show(result)`` on the GUI thread — unless another
        ``start`` came meanwhile. A failure goes to ``on_error`` (else the page's)."""
        self._generation += 1
        self.started += 1
        generation = self._generation
        self.loading = True
        if not self.label.isVisible():
            self._timer.start()

        def current() -> bool:
            return generation == self._generation and isValid(self.page)

        def done(value: Any) -> None:
            if current():
                self._finish()
                show(value)

        def failed(error: BaseException) -> None:
            if current():
                self._finish()
                handler = on_error or self.on_error
                if handler is None:
                    raise error
                handler(error)

        work = (lambda _progress: fetch(), done, failed)
        if self.runner.inline:
            self._launch(work)
            return
        # started on the next turn of the event loop: several starts in one event (a year and
        # the changes a page missed, told as it is shown) read once, the newest
        self._queued = work
        if not self._launch_timer.isActive():
            self._launch_timer.start()

    def _launch_queued(self) -> None:
        work, self._queued = self._queued, None
        if work is not None:
            self._launch(work)

    def _launch(self, work: tuple[Any, Any, Any]) -> None:
        fetch, done, failed = work
        self.launched += 1
        self.runner.run(fetch, on_done=done, on_error=failed)

    def cancel(self) -> None:
        """Forget the load on its way (its result will be dropped)."""
        self._generation += 1
        self._queued = None
        self._finish()

    def _finish(self) -> None:
        self.loading = False
        self._timer.stop()
        self.label.hide()
