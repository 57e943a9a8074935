"""Fichier ▸ Exporter l'archive… / Importer une archive…: the whole pole as one .ptce file
(:mod:`ptce_desktop.exchange.archive`), written or read on the context's Runner; an imported
archive becomes a NEW file, which the window then opens (the open file is never replaced)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ptce_desktop.exchange.archive import ArchiveResult, export_archive, import_archive

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.launch import Shell

translate = QCoreApplication.translate
ARCHIVE_FILTER = "Archive PTCE (*.ptce)"
POLE_FILTER = "Pôle PTCE (*.sqlite3)"


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or ".")


class ArchiveActions(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        # dialogs (replaced by tests): (parent, suggested) -> path or None
        self.ask_archive_to_write = self._ask_archive_to_write
        self.ask_archive_to_read = self._ask_archive_to_read
        self.ask_new_pole = self._ask_new_pole
        self.last_result: ArchiveResult | None = None
        shell.window.export_archive_action.triggered.connect(self.export_archive)
        shell.window.import_archive_action.triggered.connect(self.import_archive)

    # --- dialogs -------------------------------------------------------------------------------
    def _ask_archive_to_write(self, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.shell.window,
            translate("ArchiveActions", "Export the archive"),
            str(suggested),
            ARCHIVE_FILTER,
        )
        return Path(path) if path else None

    def _ask_archive_to_read(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.shell.window,
            translate("ArchiveActions", "Import an archive"),
            str(_documents()),
            ARCHIVE_FILTER,
        )
        return Path(path) if path else None

    def _ask_new_pole(self, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.shell.window,
            translate("ArchiveActions", "New pole file for the archive"),
            str(suggested),
            POLE_FILTER,
        )
        return Path(path) if path else None

    # --- actions -------------------------------------------------------------------------------
    def export_archive(self, _checked: bool = False) -> None:
        ctx = self.shell.ctx
        window = self.shell.window
        if ctx is None:
            return
        name = (ctx.pole_name() or ctx.path.stem).replace("/", " ")
        target = self.ask_archive_to_write(_documents() / f"{name}.ptce")
        if target is None:
            return
        uow, db_path = ctx.uow, ctx.path

        def done(result: object) -> None:
            assert isinstance(result, ArchiveResult)
            self.last_result = result
            window.show_message(
                translate("ArchiveActions", "Archive written: “%1” (%2 tables, %3 attachments).")
                .replace("%1", str(result.path))
                .replace("%2", str(result.table_count))
                .replace("%3", str(result.attachment_count))
            )

        ctx.runner.run(
            lambda _progress: export_archive(uow, db_path, target),
            on_done=done,
            on_error=lambda error: self.shell.presenter.present(error, window),
        )

    def import_archive(self, _checked: bool = False) -> None:
        window = self.shell.window
        source = self.ask_archive_to_read()
        if source is None:
            return
        target = self.ask_new_pole(_documents() / f"{source.stem}.sqlite3")
        if target is None:
            return

        def done(result: object) -> None:
            assert isinstance(result, ArchiveResult)
            self.last_result = result
            ctx = self.shell.open(result.path, create=False)
            if ctx is not None:
                self.shell.attach(ctx)
                window.show_message(
                    translate("ArchiveActions", "Pole recreated from “%1” in “%2”.")
                    .replace("%1", source.name)
                    .replace("%2", str(result.path))
                )

        self.shell.runner.run(
            lambda _progress: import_archive(source, target),
            on_done=done,
            on_error=lambda error: self.shell.presenter.present(error, window),
        )
