"""Paramètres ▸ E-mails (the texts of the calls' and reminders' .eml drafts) and ▸ Backups (the
second backup folder): issue 11 item 5, issue 12 item 4."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ptce_desktop.services.calls.email_templates import DEFAULT_TEMPLATES, EmailTemplateService
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.ui.pages.settings.page import SettingsPage
from ptce_desktop.ui.shell.context import AppContext

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » " + "é" * 120


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> SettingsPage:
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    return widget


# --- e-mail texts -------------------------------------------------------------------------------


def test_edit_preview_and_save_the_call_text(page: SettingsPage, ctx: AppContext) -> None:
    page.show_section("emails")
    box = page.emails
    assert page.tabs.currentWidget().isAncestorOf(box)
    assert box.subject.text() == DEFAULT_TEMPLATES.call_subject
    # The preview is filled with example values, the pole's own name among them.
    assert "Pôle Sud & <Drôme>" in box.preview_body.toPlainText()
    assert "{" not in box.preview_body.toPlainText()
    box.subject.setText("Appel {numero} — {membre} & <co>")
    box.body.setPlainText(f"Bonjour {{membre}},\n{LONG} : {{montant}} pour {{exercice}} — l'€.")
    preview = box.preview_body.toPlainText()
    assert preview.startswith("Bonjour Association « Les Jardins d'Émile » & Cie,")
    assert "pour 2025 — l'€." in preview and LONG in preview
    assert "AF-2025-0012" in box.preview_subject.text()
    assert box.problem.isHidden()
    assert box.save()
    stored = ctx.service(EmailTemplateService).get()
    assert stored.call_subject == "Appel {numero} — {membre} & <co>"
    assert stored.call_body.startswith("Bonjour {membre},")
    assert stored.reminder_body == DEFAULT_TEMPLATES.reminder_body


def test_an_unknown_field_is_named_at_once_and_refused_on_save(
    page: SettingsPage, ctx: AppContext
) -> None:
    box = page.emails
    box.show_kind("reminder")
    box.body.setPlainText("Bonjour {membre}, il reste {reste} à payer.")
    assert not box.problem.isHidden()
    assert "« {reste} » est inconnu" in box.problem.text()
    assert box.preview_body.toPlainText() == ""
    box.show_kind("call")  # the faulty text is kept while the other one is shown
    assert not box.save()
    assert not box.banner.isHidden() and "{reste}" in box.banner.text()
    assert box.kind == "reminder"  # brought back into view
    assert ctx.service(EmailTemplateService).get() == DEFAULT_TEMPLATES


def test_restore_the_default_text(page: SettingsPage, ctx: AppContext) -> None:
    box = page.emails
    box.subject.setText("Autre objet {membre}")
    box.body.setPlainText("Autre texte {pole}")
    assert box.save()
    box.restore_default()
    assert box.subject.text() == DEFAULT_TEMPLATES.call_subject
    assert box.body.toPlainText() == DEFAULT_TEMPLATES.call_body
    assert ctx.service(EmailTemplateService).get().call_subject == "Autre objet {membre}"
    assert box.save()
    assert ctx.service(EmailTemplateService).get() == DEFAULT_TEMPLATES


# --- the second backup folder -------------------------------------------------------------------


def test_choose_then_clear_the_second_folder(
    page: SettingsPage, ctx: AppContext, tmp_path: Path
) -> None:
    page.show_section("backups")
    box = page.backups
    shown = box.folder_label.text()  # English, or French once a test loaded the translator
    assert shown.startswith(("No second folder", "Pas de second dossier")), shown
    assert not box.clear_button.isEnabled()
    key = tmp_path / "Clé USB « sauvegardes » & <co>"
    key.mkdir()
    assert box.choose(key)
    assert str(key) in box.folder_label.text()
    assert box.status is not None and box.status.reachable and box.status.last_copy is None
    assert box.problem.isHidden()
    # A backup is copied there: the box shows when.
    BackupService().backup_now(ctx.path, now=dt.datetime(2026, 3, 2, 9, 30))
    box.reload()
    assert box.status.last_copy == dt.datetime(2026, 3, 2, 9, 30)
    assert "02/03/2026" in box.state_label.text() and "09:30" in box.state_label.text()
    box.clear()
    assert box.status is not None and box.status.folder is None
    assert BackupService().second_folder(ctx.path) is None


def test_an_unplugged_folder_is_said_plainly(
    page: SettingsPage, ctx: AppContext, tmp_path: Path
) -> None:
    key = tmp_path / "Clé débranchée"
    key.mkdir()
    box = page.backups
    assert box.choose(key)
    key.rmdir()  # the key is unplugged
    box.reload()
    assert box.status is not None and not box.status.reachable
    assert not box.problem.isHidden()
    assert box.problem.text().startswith(f"Le second dossier de sauvegarde {key} est introuvable")
    assert "à côté du fichier" in box.problem.text()
    key.mkdir()  # plugged back in
    box.check_button.click()
    assert box.status.reachable and box.problem.isHidden()


def test_the_backups_folder_itself_is_refused(page: SettingsPage, ctx: AppContext) -> None:
    box = page.backups
    same = BackupService().backups_dir(ctx.path)
    same.mkdir(parents=True, exist_ok=True)
    assert not box.choose(same)
    assert "déjà celui des sauvegardes" in box.problem.text()
    assert BackupService().second_folder(ctx.path) is None


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root may write to any folder: a read-only folder cannot be shown to root",
)
def test_a_read_only_folder_is_said_plainly(
    page: SettingsPage, tmp_path: Path
) -> None:  # pragma: no cover - not as root
    key = tmp_path / "lecture seule"
    key.mkdir()
    key.chmod(0o500)
    try:
        assert page.backups.choose(key)
        assert "n'est pas accessible en écriture" in page.backups.problem.text()
    finally:
        key.chmod(0o700)
