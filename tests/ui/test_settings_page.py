"""The Paramètres page: the pole's identity, its logo, closing and reopening fiscal years."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from pytestqt.qtbot import QtBot
from support.ui import VALID_SIRET

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.pages.settings import years as settings_years
from ptce_desktop.ui.pages.settings.page import SettingsPage
from ptce_desktop.ui.shell.context import AppContext

IBAN = "FR76 3000 6000 0112 3456 7890 189"


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, french: None) -> SettingsPage:
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    ctx.changes.changed.connect(widget.refresh)
    return widget


def editor(page: SettingsPage, name: str) -> Any:
    return page.fields.editor(name)


def test_the_form_shows_the_pole(page: SettingsPage) -> None:
    assert editor(page, "name").text() == "Pôle Sud & <Drôme>"
    assert editor(page, "territory").text() == "Drôme"
    assert editor(page, "fiscal_year_start_month").currentData() == 1


def test_save_the_identity_then_undo(page: SettingsPage, ctx: AppContext) -> None:
    lead = ctx.members.create(MemberDraft(name="Groupe Archer & <co>"))
    combo = editor(page, "lead_member_id")
    assert combo.findData(lead.id) > 0  # the member list followed the change
    editor(page, "name").setText("Pôle Sud « Drôme » & Ardèche")
    editor(page, "legal_rep_name").setText("Hélène Dupré")
    editor(page, "legal_rep_title").setText("Présidente")
    editor(page, "iban").setText(IBAN)
    editor(page, "bic").setText("BNPAFRPP")
    editor(page, "siret").setText("732 829 320 00074")
    editor(page, "vat_registered").setChecked(True)
    combo.setCurrentIndex(combo.findData(lead.id))
    assert page.save()
    saved = ctx.pole.get()
    assert saved.name == "Pôle Sud « Drôme » & Ardèche"
    assert saved.legal_rep_name == "Hélène Dupré" and saved.legal_rep_title == "Présidente"
    assert saved.iban == IBAN.replace(" ", "") and saved.bic == "BNPAFRPP"
    assert saved.siret == VALID_SIRET and saved.vat_registered
    assert saved.lead_member_id == lead.id
    assert editor(page, "iban").text() == IBAN  # shown formatted again
    assert page.saved_label.text() == "Enregistré."
    ctx.history.undo()
    assert ctx.pole.get().name == "Pôle Sud & <Drôme>"
    assert editor(page, "name").text() == "Pôle Sud & <Drôme>"
    ctx.history.redo()
    assert editor(page, "legal_rep_name").text() == "Hélène Dupré"


def test_an_invalid_iban_is_marked_and_kept(page: SettingsPage, ctx: AppContext) -> None:
    iban = editor(page, "iban")
    iban.setText("FR76 3000 6000 0112 3456 7890 180")  # wrong check digits
    iban.textEdited.emit(iban.text())
    assert "IBAN" in page.fields.errors()["iban"]
    assert iban.property("invalid") is True
    editor(page, "name").setText("Nouveau nom")
    assert not page.save()
    assert iban.text() == "FR76 3000 6000 0112 3456 7890 180"
    assert ctx.pole.get().name == "Pôle Sud & <Drôme>"  # nothing saved
    iban.setText(IBAN)
    iban.textEdited.emit(iban.text())
    assert "iban" not in page.fields.errors()


def test_a_service_refusal_marks_its_field(page: SettingsPage, ctx: AppContext) -> None:
    editor(page, "email").setText("contact@pole")
    assert not page.save()
    assert list(page.fields.errors()) == ["email"]
    assert "e-mail invalide" in page.fields.errors()["email"]
    assert editor(page, "email").text() == "contact@pole"
    editor(page, "email").setText("")
    editor(page, "name").setText("   ")
    assert not page.save()
    assert "Nom" in page.fields.errors()["name"]


def test_close_and_reopen_a_year(
    page: SettingsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(settings_years, "confirm", confirm)
    monkeypatch.setattr(
        settings_years, "ask_reason", lambda parent, title, text: "Facture « oubliée » & <co>"
    )
    ctx.members.create(MemberDraft(name="Pour l'historique"))
    assert ctx.history.count() == 0  # created through the service directly
    box = page.years
    year = box.model.rows()[0]
    box.select_year(year.start_year)
    assert box.close_button.isEnabled() and not box.reopen_button.isEnabled()
    assert box.close_selected()
    assert "Ctrl+Z" in asked[0] and year.label in asked[0]
    assert ctx.fiscal_years.get(year.start_year).closed
    assert box.selected().closed and box.reopen_button.isEnabled()
    assert box.model.index(0, 3).data().startswith("Clôturé le")
    assert box.reopen_selected()
    assert not ctx.fiscal_years.get(year.start_year).closed


def test_closing_clears_the_undo_history(
    page: SettingsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_years, "confirm", lambda *args: True)
    editor(page, "territory").setText("Vallée de la Drôme")
    assert page.save() and ctx.history.canUndo()
    assert page.years.close_selected()
    assert not ctx.history.canUndo()


def test_refused_confirmation_keeps_the_year_open(
    page: SettingsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_years, "confirm", lambda *args: False)
    year = page.years.selected()
    assert not page.years.close_selected()
    assert not ctx.fiscal_years.get(year.start_year).closed


def test_logo(
    page: SettingsPage, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_desktop.ui.pages.settings import page as settings_module

    image = tmp_path / "logo pôle.png"
    pixmap = QPixmap(120, 40)
    pixmap.fill(QColor("#1f6f78"))
    assert pixmap.save(str(image))
    monkeypatch.setattr(settings_module, "choose_logo_file", lambda parent: str(image))
    assert page.choose_logo()
    assert ctx.pole.get().logo_name == "logo pôle.png"
    assert page.logo_preview.pixmap() is not None and not page.logo_preview.pixmap().isNull()
    assert page.logo_name.text() == "logo pôle.png"

    fake = tmp_path / "pas une image.png"
    fake.write_text("bonjour", encoding="utf-8")
    monkeypatch.setattr(settings_module, "choose_logo_file", lambda parent: str(fake))
    assert not page.choose_logo()
    assert "PNG ou JPEG" in page.logo_error.text() and page.logo_error.isVisibleTo(page)
    assert page.remove_logo()
    assert ctx.pole.get().logo_name is None
    assert page.logo_preview.text() == "Pas de logo"
    assert page.logo_preview.alignment() & Qt.AlignmentFlag.AlignCenter


def test_models_pass_the_model_tester(page: SettingsPage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.years.model)
