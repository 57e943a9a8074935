"""Backups in the window: automatic backup at open, the dialog, restore, check, open failure."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support.ui import RecordingPresenter

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.backups import BackupEntry, BackupService
from ptce_desktop.services.pole.pole import PoleService
from ptce_desktop.store.backup import list_backups
from ptce_desktop.store.database import open_database
from ptce_desktop.store.paths import backups_dir
from ptce_desktop.store.unit_of_work import UnitOfWork
from ptce_desktop.ui.shell.backups_dialog import BackupsDialog
from ptce_desktop.ui.shell.launch import Shell
from ptce_desktop.ui.shell.launch_dialogs import Dialogs
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

PAGE = 4096


class Answers(Dialogs):
    """Every question answered in advance (modal boxes block offscreen); records them."""

    def __init__(self, restore: bool = True) -> None:
        super().__init__(None)
        self.restore = restore
        self.asked: list[tuple[str, Any]] = []

    def confirm_restore(self, parent: Any, entry: BackupEntry, kept_in: Path) -> bool:
        self.asked.append(("confirm", entry))
        return self.restore

    def offer_restore(self, parent: Any, entry: BackupEntry, kept_in: Path) -> bool:
        self.asked.append(("offer", entry))
        return self.restore

    def offer_repair(self, parent: Any, error: PtceError) -> bool:
        self.asked.append(("repair", error))
        return False

    def check_report(self, parent: Any, report: Any) -> None:
        self.asked.append(("report", report))

    def info(self, parent: Any, text: str) -> None:
        self.asked.append(("info", text))

    def welcome(self, parent: Any, *, create_only: bool = False) -> Any:
        self.asked.append(("welcome", None))
        return None


@pytest.fixture
def shell_for(qtbot: QtBot, ui_settings: QSettings, french: None) -> Any:
    made: list[Shell] = []

    def make(dialogs: Answers) -> Shell:
        window = MainWindow(settings=ui_settings)
        qtbot.addWidget(window)
        shell = Shell(
            window, runner=Runner(inline=True), presenter=RecordingPresenter(), dialogs=dialogs
        )
        made.append(shell)
        return shell

    yield make
    for shell in made:
        shell.close_document()


def _with_pole(db_path: Path, name: str) -> Path:
    database = open_database(db_path)
    try:
        PoleService(UnitOfWork(database)).create_pole(name)
    finally:
        database.close()
    return db_path


def _rename(shell: Shell, name: str) -> None:
    pole = shell.ctx.pole
    before = pole.get().to_draft()
    shell.ctx.history.run(
        "Renommer", lambda: pole.update(replace(before, name=name)), lambda: pole.update(before)
    )


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[2 * PAGE : 3 * PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


def _rows(dialog: BackupsDialog) -> list[list[str]]:
    return [
        [dialog.table.item(row, column).text() for column in range(dialog.COLUMNS)]
        for row in range(dialog.table.rowCount())
    ]


def test_opening_for_writing_makes_one_automatic_backup(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    shell = shell_for(Answers())
    assert shell.start(db_path)
    autos = [info for info in list_backups(backups_dir(db_path)) if info.reason == "auto"]
    assert len(autos) == 1
    assert "Sauvegarde automatique faite" in shell.window.statusBar().currentMessage()
    shell.close_document()
    again = shell_for(Answers())
    assert again.start(db_path)  # the same day: no second one
    assert len(list_backups(backups_dir(db_path))) == 1


def test_a_failed_automatic_backup_is_shown_and_never_blocks(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    backups_dir(db_path).write_text("un fichier à la place du dossier", encoding="utf-8")
    shell = shell_for(Answers())
    assert shell.start(db_path)
    assert shell.ctx is not None and not shell.presenter.errors
    assert "La sauvegarde automatique a échoué" in shell.window.statusBar().currentMessage()


def test_the_dialog_lists_backups_with_their_state(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    service = BackupService()
    service.backup_now(db_path, now=datetime(2025, 3, 14, 9, 5))
    damaged = service.backup_now(db_path, now=datetime(2025, 3, 15, 16, 40))
    _damage(damaged)
    shell = shell_for(Answers())
    assert shell.start(db_path)  # + today's automatic backup
    shell.window.backups_action.trigger()
    dialog = shell.backups.dialog
    assert dialog is not None and dialog.isVisible()
    rows = _rows(dialog)
    assert [row[1:] for row in rows[1:]] == [
        ["manuelle", rows[1][2], "endommagée"],
        ["manuelle", rows[2][2], "vérifiée"],
    ]
    assert rows[0][1] == "automatique" and rows[0][3] == "vérifiée"
    assert rows[1][0] == "15/03/2025 à 16:40" and rows[1][2].endswith("Ko")
    assert "ne peut pas être restaurée" in dialog.table.item(1, 3).toolTip()
    assert "1 sauvegarde non restaurable" in dialog.status.text()
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()  # a damaged one cannot be restored
    assert "est endommagée" in dialog.status.text()  # and says why
    dialog.table.selectRow(2)
    assert dialog.restore_button.isEnabled()

    dialog.backup_button.click()
    assert len(dialog.entries) == 4 and dialog.selected_entry().kind == "manual"


def test_restore_from_the_dialog_shows_the_restored_data(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle d'avant")
    answers = Answers(restore=True)
    shell = shell_for(answers)
    assert shell.start(db_path)  # the automatic backup holds "Pôle d'avant"
    _rename(shell, "Pôle d'après")
    assert "Pôle d'après" in shell.window.windowTitle()
    assert shell.window.undo_action.isEnabled()
    old_ctx = shell.ctx

    dialog = shell.backups.show_backups()
    dialog.table.selectRow(0)
    dialog.restore_button.click()

    assert [kind for kind, _ in answers.asked] == ["confirm", "info"]
    assert shell.ctx is not None and shell.ctx is not old_ctx and old_ctx.closed
    assert "Pôle d'avant" in shell.window.windowTitle()
    assert shell.window.pole_label.text() == "Pôle d'avant"
    assert shell.ctx.history.count() == 0 and not shell.window.undo_action.isEnabled()
    assert shell.ctx.lock is not None and shell.ctx.lock.is_held
    kept = [
        info for info in list_backups(backups_dir(db_path)) if info.reason == "avant-restauration"
    ]
    assert len(kept) == 1 and str(kept[0].path) in answers.asked[1][1]
    # The kept copy holds what was replaced.
    database = open_database(kept[0].path, read_only=True)
    try:
        assert PoleService(UnitOfWork(database)).get().name == "Pôle d'après"
    finally:
        database.close()
    # Writes go on in the restored file.
    _rename(shell, "Pôle restauré")
    assert "Pôle restauré" in shell.window.windowTitle()


def test_a_declined_restore_changes_nothing(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    shell = shell_for(Answers(restore=False))
    assert shell.start(db_path)
    ctx = shell.ctx
    dialog = shell.backups.show_backups()
    dialog.restore_button.click()
    assert shell.ctx is ctx and not ctx.closed and dialog.isVisible()
    assert len(list_backups(backups_dir(db_path))) == 1


def test_enter_never_restores(shell_for: Any, db_path: Path, qtbot: Any) -> None:
    """Enter in the backups dialog closes it; it never starts a restore (that replaces the
    open file): « Restaurer… » takes a click or its Alt shortcut."""
    _with_pole(db_path, "Pôle « Sud » & <co>")
    answers = Answers(restore=True)
    shell = shell_for(answers)
    assert shell.start(db_path)
    dialog = shell.backups.show_backups()
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.setFocus()  # even from the button itself, Enter is not a click
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert answers.asked == []
    assert not dialog.restore_button.isDefault() and dialog.close_button.isDefault()


def test_read_only_lists_but_never_restores(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    BackupService().backup_now(db_path)
    shell = shell_for(Answers())
    assert shell.start(db_path, read_only=True)
    assert len(list_backups(backups_dir(db_path))) == 1  # no automatic backup read-only
    dialog = shell.backups.show_backups()
    dialog.table.selectRow(0)
    assert dialog.entries[0].verified and not dialog.restore_button.isEnabled()
    assert not shell.backups.restore(dialog.entries[0])
    assert [e.code for e in shell.presenter.errors] == ["restore_read_only"]


def test_check_the_database_shows_the_report(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    answers = Answers()
    shell = shell_for(answers)
    assert shell.start(db_path)
    shell.window.check_action.trigger()
    (kind, report), *_ = answers.asked
    assert kind == "report" and report.ok and report.path == db_path.absolute()


@pytest.mark.parametrize("damage", ["zero-byte", "page"])
def test_a_refused_file_offers_its_newest_verified_backup(
    shell_for: Any, db_path: Path, damage: str
) -> None:
    _with_pole(db_path, "Pôle sauvé")
    service = BackupService()
    good = service.backup_now(db_path, now=datetime(2025, 3, 14, 9, 5))
    newer = service.backup_now(db_path, now=datetime(2025, 3, 15, 9, 5))
    _damage(newer)
    if damage == "zero-byte":
        db_path.write_bytes(b"")
    else:
        _damage(db_path)
    damaged_bytes = db_path.read_bytes()
    answers = Answers(restore=True)
    shell = shell_for(answers)
    assert shell.start(db_path)
    if damage == "page":
        # Readable enough to open: the window shows, the quick check (in the background)
        # fails, writes are refused and the banner offers the newest verified backup.
        assert shell.ctx.pole_name() == "Pôle sauvé" and shell.integrity_banner.shown
        with pytest.raises(PtceError) as refused:
            _rename(shell, "Ne doit pas être enregistré")
        assert refused.value.code == "integrity_failed"
        assert shell.integrity_banner.restore_newest()
        assert answers.asked[0][0] == "confirm"
    else:
        assert [e.code for e in shell.presenter.errors] == ["foreign_file"]
        assert answers.asked[0][0] == "offer"
    offered = answers.asked[0][1]
    assert offered.path == good  # the damaged newer one is skipped
    assert not shell.integrity_banner.shown
    assert shell.ctx.pole_name() == "Pôle sauvé"
    kept = [i for i in list_backups(backups_dir(db_path)) if i.reason.startswith("avant-rest")]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged_bytes  # kept, raw


def test_a_declined_offer_leaves_the_damaged_file_alone(shell_for: Any, db_path: Path) -> None:
    _with_pole(db_path, "Pôle Sud")
    BackupService().backup_now(db_path)
    db_path.write_bytes(b"")
    answers = Answers(restore=False)
    shell = shell_for(answers)
    assert not shell.start(db_path)  # refused, offer declined, welcome closed
    assert [kind for kind, _ in answers.asked] == ["offer", "welcome"]
    assert db_path.read_bytes() == b"" and len(list_backups(backups_dir(db_path))) == 1


def test_the_confirmation_says_when_and_where(
    qtbot: QtBot, french: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        next(b for b in box.buttons() if b.text() == "&Restaurer").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    entry = BackupEntry(
        tmp_path / "b.sqlite3", datetime(2026, 11, 26, 14, 2), "auto", 1000, verified=True
    )
    assert Dialogs().offer_restore(None, entry, tmp_path / "pôle-sauvegardes")
    box = shown[0]
    assert box.text() == "Restaurer la sauvegarde du 26/11/2026 à 14:02 ?"
    assert "pôle-sauvegardes" in box.informativeText()
    assert "n'est pas supprimé" in box.informativeText()
    assert Dialogs().confirm_restore(None, entry, tmp_path)
    assert "l'historique d'annulation est vidé" in shown[1].informativeText()


def test_errors_while_listing_are_presented(qtbot: QtBot, tmp_path: Path) -> None:
    class Broken(BackupService):
        def list_restorable(self, db_path: Path, *, directory: Path | None = None) -> Any:
            raise PtceError("backup_failed", path=str(tmp_path), detail="disque absent")

    presenter = RecordingPresenter()
    dialog = BackupsDialog(
        Broken(), tmp_path / "x.sqlite3", Runner(inline=True), presenter=presenter
    )
    qtbot.addWidget(dialog)
    assert [e.code for e in presenter.errors] == ["backup_failed"]  # type: ignore[attr-defined]
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()


def test_backup_and_restore_off_the_gui_thread(
    qtbot: QtBot, ui_settings: QSettings, french: None, db_path: Path
) -> None:
    _with_pole(db_path, "Pôle d'avant")
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    answers = Answers(restore=True)
    runner = Runner(inline=False)
    shell = Shell(window, runner=runner, presenter=RecordingPresenter(), dialogs=answers)
    try:
        with qtbot.waitSignal(shell.started, timeout=10_000) as opened:  # opened on a worker
            assert shell.start(db_path)
        assert opened.args == [True]
        # the automatic backup follows the background quick check
        qtbot.waitUntil(
            lambda: shell.backups.auto_task is not None and not shell.backups.busy(),
            timeout=10_000,
        )
        first = shell.backups.auto_task
        shell.backups.after_open(shell.ctx)  # the check's late answer: no second backup
        assert shell.backups.auto_task is first
        _rename(shell, "Pôle d'après")
        dialog = shell.backups.show_backups()
        qtbot.waitUntil(lambda: len(dialog.entries) == 1, timeout=10_000)
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: shell.ctx is not None and not shell.ctx.closed, timeout=10_000)
        assert shell.ctx.pole_name() == "Pôle d'avant"
        assert "Pôle d'avant" in window.windowTitle()
        assert not shell.presenter.errors
    finally:
        runner.wait()
        shell.close_document()
