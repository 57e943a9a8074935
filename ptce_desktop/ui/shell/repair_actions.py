"""Fichier ▸ Réparer… : rebuild a damaged file from what SQLite can still read.

The user picks the file (it is usually one that does not open any more); if it is the file
open in the window, it is closed first — a repair needs to be the file's only user. The work
(``services.pole.repair.repair_file``) runs off the GUI thread; the result says where the
repaired file and the damaged original are, what was recovered and what was lost, and a
repaired file is opened.

The same repair is offered where a file is found damaged: refused at open (:meth:`offer`,
from ``Shell.open``), or failing the quick check run after the window showed (the banner of
:mod:`.integrity_banner`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject

from ptce_desktop.ui.worker import run_with_progress_dialog

if TYPE_CHECKING:
    from ptce_desktop.domain.errors import PtceError
    from ptce_desktop.services.pole.repair import RepairResult
    from ptce_desktop.ui.shell.launch import Shell

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class RepairActions(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.window = shell.window
        self.window.repair_action.triggered.connect(self.ask_and_repair)

    def ask_and_repair(self) -> bool:
        """Ask which file to repair, then repair it; True once started."""
        path = self.shell.dialogs.open_path(self.window)
        if path is None:
            return False
        return self.repair(path)

    def repair(self, path: Path) -> bool:
        path = Path(path).expanduser().absolute()
        ctx = self.shell.ctx
        if ctx is not None and ctx.path == path:
            self.shell.close_document()  # the repair must be the file's only user
        run_with_progress_dialog(
            self.shell.runner,
            self.window,
            translate("RepairActions", "Repairing the file…"),
            lambda _progress: _repair_file(path),
            on_done=self._done,
            on_error=lambda error: self._failed(path, error),
        )
        return True

    def offer(self, path: Path, error: PtceError) -> bool:
        """``path`` was refused at open as damaged: offer Réparer…; True once it is repaired
        in place (the caller opens it again)."""
        if not self.shell.dialogs.offer_repair(self.window, error):
            return False
        result = self.repair_now(path)
        return result is not None and result.replaced

    def repair_now(self, path: Path) -> RepairResult | None:
        """Repair ``path`` (not open here) in a worker and wait for it, the window's events
        still served; shows the report (or the error) and returns the result."""
        path = Path(path).expanduser().absolute()
        outcome: dict[str, object] = {}
        loop = QEventLoop()

        def finish(key: str, value: object) -> None:
            outcome[key] = value
            loop.quit()

        task = run_with_progress_dialog(
            self.shell.runner,
            self.window,
            translate("RepairActions", "Repairing the file…"),
            lambda _progress: _repair_file(path),
            on_done=lambda result: finish("result", result),
            on_error=lambda error: finish("error", error),
        )
        if not task.done:
            loop.exec()
        error = outcome.get("error")
        if isinstance(error, BaseException):
            self.shell.presenter.present(error, self.window)
            return None
        from ptce_desktop.services.pole.repair import RepairResult

        result = outcome.get("result")
        if not isinstance(result, RepairResult):
            return None  # cancelled
        log.info("repaired %s at open: replaced=%s", path, result.replaced)
        self.shell.dialogs.info(self.window, "\n".join(result.lines()))
        return result

    def _done(self, result: object) -> None:
        from ptce_desktop.services.pole.repair import RepairResult

        if not isinstance(result, RepairResult):  # pragma: no cover - repair_file's type
            return
        self.shell.dialogs.info(self.window, "\n".join(result.lines()))
        if self.shell.ctx is None:
            opened = self.shell.open(result.path, create=False)
            if opened is not None:
                self.shell.attach(opened)

    def _failed(self, path: Path, error: BaseException) -> None:
        self.shell.presenter.present(error, self.window)
        if self.shell.ctx is None and path.exists():
            opened = self.shell.open(path, create=False)
            if opened is not None:
                self.shell.attach(opened)


def _repair_file(path: Path) -> RepairResult:
    """:func:`~ptce_desktop.services.pole.repair.repair_file`, imported when first used (the
    repair's modules — the full check, the salvage — are ~1 MB the start does without)."""
    from ptce_desktop.services.pole.repair import repair_file

    return repair_file(path)
