"""What the pages of one open file share: database, unit of work, change signal, services.

:func:`open_context` takes the one-writer lock (unless read-only), opens the file and builds an
:class:`AppContext`; :meth:`AppContext.close` gives everything back. Services are made on first
use, one per area, so opening a file costs nothing for the pages not shown::

    members = ctx.service(MemberService)        # any service class taking the UnitOfWork
    ctx.members.list_members(year=2025)         # the same, for the common ones

Widgets never query the database: they call services through the context.

A context open for writing watches its file (:class:`FileWatch`): every few seconds it checks
that the lock file and the database file are still the ones opened (the unit of work also
checks before every write); the first time they are not, this program stops writing and
``watch.lost`` is emitted once, with the ``PtceError`` saying why — the shell then offers to
save what is open to a new file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.store.opening import OpenPole, open_pole_file
from ptce_desktop.store.unit_of_work import ChangeBus
from ptce_desktop.ui.bus import QtChangeBus
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.errors import ErrorPresenter
from ptce_desktop.ui.worker import Runner

if TYPE_CHECKING:
    from ptce_desktop.services.members.members import MemberService
    from ptce_desktop.services.pole.fiscal_years import FiscalYearService
    from ptce_desktop.services.pole.pole import PoleService
    from ptce_desktop.store.database import Database
    from ptce_desktop.store.lock import DatabaseLock

log = logging.getLogger(__name__)

S = TypeVar("S")

#: Refusals to open for writing after which the window offers to open the file read-only.
READ_ONLY_OFFERED = ("file_locked", "file_read_only", "folder_read_only", "lock_unavailable")

#: How often an open file is checked to be still ours (the lock file, the database file).
WATCH_INTERVAL_MS = 3000


class FileWatch(QObject):
    """Checks periodically that ``pole`` is still ours; emits ``lost`` once when it is not."""

    lost = Signal(object)  # the PtceError (lock_lost, file_replaced)

    def __init__(self, pole: OpenPole, interval_ms: int = WATCH_INTERVAL_MS) -> None:
        super().__init__()
        self.pole = pole
        self.reported = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if not pole.read_only:
            self.timer.start()

    def check(self) -> PtceError | None:
        """Check now; the error (emitted the first time) or None while all is well."""
        error = self.pole.lost or self.pole.check_still_ours()
        if error is not None and not self.reported:
            self.reported = True
            self.timer.stop()
            self.lost.emit(error)
        return error

    def stop(self) -> None:
        self.timer.stop()


class AppContext:
    """One open pole file and everything built on it (one per window document)."""

    def __init__(
        self,
        pole: OpenPole,
        *,
        runner: Runner | None = None,
        presenter: ErrorPresenter | None = None,
        history: UndoHistory | None = None,
    ) -> None:
        self.pole_file = pole
        self.path: Path = pole.path
        self.read_only = pole.read_only
        self.uow = pole.uow
        self.bus: ChangeBus = pole.uow.bus
        self.changes = QtChangeBus(self.bus)
        self.runner = runner if runner is not None else Runner()
        self.presenter = presenter if presenter is not None else ErrorPresenter()
        self.history = history if history is not None else UndoHistory(self.presenter.present)
        self._services: dict[type, Any] = {}
        self.closed = False
        self.watch = FileWatch(pole)

    @property
    def db(self) -> Database:
        return self.pole_file.database

    @property
    def lock(self) -> DatabaseLock | None:
        """The one-writer lock held for this file (None when read-only)."""
        return self.pole_file.lock

    def service(self, cls: type[S]) -> S:
        """The one instance of service ``cls`` for this file (made on first use)."""
        found = self._services.get(cls)
        if found is None:
            found = cls(self.uow)  # type: ignore[call-arg]
            self._services[cls] = found
        return found

    @property
    def pole(self) -> PoleService:
        from ptce_desktop.services.pole.pole import PoleService

        return self.service(PoleService)

    @property
    def fiscal_years(self) -> FiscalYearService:
        from ptce_desktop.services.pole.fiscal_years import FiscalYearService

        return self.service(FiscalYearService)

    @property
    def members(self) -> MemberService:
        from ptce_desktop.services.members.members import MemberService

        return self.service(MemberService)

    def pole_name(self) -> str | None:
        view = self.pole.get()
        return view.name if view is not None else None

    def close(self) -> None:
        """Close the database and release the lock (idempotent)."""
        if self.closed:
            return
        self.closed = True
        self.watch.stop()
        self.changes.detach()
        self.history.clear()
        self.pole_file.close()


def open_context(
    path: Path | str,
    *,
    read_only: bool = False,
    create: bool = True,
    runner: Runner | None = None,
    presenter: ErrorPresenter | None = None,
    lock: DatabaseLock | None = None,
    defer_check: bool = False,
) -> AppContext:
    """Open ``path`` through the one door and build its context; raises ``PtceError``
    (``file_locked``, ``foreign_file``, ``newer_schema``, ``integrity_failed``,
    ``file_not_found``…). ``lock`` is this file's lock already held (a reopen after a
    restore): the context takes it over, and it is released if the file does not open.
    ``defer_check``: the file's quick check is left to ``ctx.pole_file.check_integrity()``."""
    pole = open_pole_file(
        path, create=create, read_only=read_only, lock=lock, defer_check=defer_check
    )
    return AppContext(pole, runner=runner, presenter=presenter)
