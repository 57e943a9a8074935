"""The banner shown when the quick check run after opening a file finds it damaged.

DESIGN §7: the file opens without its full-file check so the window shows at once; the check
runs in a worker (``Shell._check_integrity``) and, if it fails, writes stay refused (the unit
of work says why) and this banner, above the pages, says so and offers the two ways out:
« Réparer… » (:class:`~.repair_actions.RepairActions`: a copy rebuilt from what SQLite can
still read, the original kept) and « Restaurer la dernière sauvegarde vérifiée… » (the
newest backup that passes its full check, restored through
:meth:`~.backups_actions.BackupActions.restore`, which asks first and keeps the current file).

It is a fixed tool bar of the main window, so the window itself needs nothing for it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.ui.i18n import current_language

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext
    from ptce_desktop.ui.shell.launch import Shell

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class IntegrityBanner(QObject):
    """« This file is damaged: nothing is saved » with Réparer… and the newest backup."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        window = shell.window
        bar = QToolBar(window)
        bar.setObjectName("integrityBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)  # not a tool bar the user hides
        self.label = QLabel()
        self.label.setObjectName("integrityBannerText")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.label)
        self.repair_action = bar.addAction(translate("IntegrityBanner", "Repair…"))
        self.repair_action.triggered.connect(self.repair)
        self.restore_action = bar.addAction(
            translate("IntegrityBanner", "Restore the newest verified backup…")
        )
        self.restore_action.triggered.connect(self.restore_newest)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.hide()
        self.bar = bar
        self.error: PtceError | None = None

    def show_for(self, ctx: AppContext, error: object) -> None:
        """Say that ``ctx``'s file failed its check (``error``) and that nothing is saved."""
        self.error = error if isinstance(error, PtceError) else None
        detail = error.message(current_language()) if isinstance(error, PtceError) else str(error)
        self.label.setText(
            translate(
                "IntegrityBanner",
                "The check of this file found it damaged: nothing will be saved to it. Repair "
                "it (what can be read is kept, the original too) or restore its newest "
                "verified backup.",
            )
        )
        self.label.setToolTip(detail)
        self.restore_action.setEnabled(not ctx.read_only)
        self.bar.show()
        self.shell.window.show_message(detail, 0)

    def hide(self) -> None:
        self.bar.hide()
        self.error = None

    @property
    def shown(self) -> bool:
        return not self.bar.isHidden()

    def repair(self) -> bool:
        ctx = self.shell.ctx
        if ctx is None:
            return False
        self.hide()
        return self.shell.repair.repair(ctx.path)

    def restore_newest(self) -> bool:
        """Find the newest backup that passes its full check (in a worker), then restore it
        (the restore asks first)."""
        ctx = self.shell.ctx
        if ctx is None or ctx.read_only:
            return False
        path = ctx.path
        backups = self.shell.backups

        def found(entry: object) -> None:
            if self.shell.ctx is not ctx:
                return
            if entry is None:
                self.shell.dialogs.info(
                    self.shell.window,
                    translate("IntegrityBanner", "No verified backup of this file was found."),
                )
                return
            backups.restore(entry)  # type: ignore[arg-type]

        self.shell.runner.run(
            lambda _progress: backups.service.newest_verified(path),
            on_done=found,
            on_error=lambda error: self.shell.presenter.present(error, self.shell.window),
        )
        return True
