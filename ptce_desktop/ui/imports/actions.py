"""Fichier ▸ Importer…: opens the import wizard on the open file (the shell owns the file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from ptce_desktop.exchange.apply import ImportResult
from ptce_desktop.ui.imports.wizard import ImportWizard
from ptce_desktop.ui.state import ui_settings

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.launch import Shell

translate = QCoreApplication.translate


class ImportActions(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.wizard: ImportWizard | None = None
        shell.window.import_action.triggered.connect(self.show_wizard)

    def show_wizard(self, _checked: bool = False, kind: str | None = None) -> None:
        """Open the wizard, on ``kind`` or the one a page's « Importer… » button gave the
        action as its data (:mod:`.button`)."""
        window = self.shell.window
        kind = kind or window.import_action.data() or None
        ctx = self.shell.ctx
        if ctx is None or ctx.read_only:
            window.show_message(
                translate("ImportActions", "Open a pole file for writing to import into it.")
            )
            return
        self.wizard = ImportWizard(ctx, settings=ui_settings(), kind=kind, parent=window)
        self.wizard.finished.connect(self._finished)
        self.wizard.open()

    def _finished(self, _code: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is None:
            return
        result: ImportResult | None = wizard.imported
        if result is not None:
            self.shell.window.show_message(
                translate("ImportActions", "Imported from “%1”: %2")
                .replace("%1", result.file_name)
                .replace("%2", result.summary())
            )
        wizard.deleteLater()
