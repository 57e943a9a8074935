"""Shared widgets: checked inputs, form dialog with inline errors, the share explanation,
and the undo history they feed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot
from support.ui import give_shares, make_context

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.widgets import (
    DateEdit,
    FormDialog,
    MoneyEdit,
    ShareExplanationPanel,
    UnitsEdit,
    siret_edit,
)

pytestmark = pytest.mark.usefixtures("french")


def test_money_edit_reads_french_amounts(qtbot: QtBot) -> None:
    edit = MoneyEdit("amount")
    qtbot.addWidget(edit)
    for text, cents in (("1234,56", 123456), ("1 234,56 €", 123456), ("1234.5", 123450)):
        edit.setText(text)
        assert edit.cents() == cents
    edit.setText("")
    assert edit.cents() is None and edit.check()
    edit.setText("12,345")
    assert not edit.check()
    assert edit.property("invalid") is True and edit.message()  # French text from the domain
    assert edit.text() == "12,345"  # kept as typed
    edit.setText("1234,5")
    assert edit.check() and edit.text().replace("\u202f", " ").replace("\xa0", " ") == "1 234,50"
    assert edit.property("invalid") is False
    edit.set_cents(-50)
    assert edit.cents() == -50


def test_money_edit_shows_the_euro_after_a_right_aligned_figure(qtbot: QtBot) -> None:
    edit = MoneyEdit("amount")
    qtbot.addWidget(edit)
    edit.resize(240, edit.sizeHint().height())
    edit.show()
    qtbot.waitExposed(edit)
    edit.set_cents(123456)
    assert edit.alignment() & Qt.AlignmentFlag.AlignRight
    assert edit.unit_label.isVisible() and edit.unit_label.text() == "€"
    assert edit.text().replace("\u202f", " ").replace("\xa0", " ") == "1 234,56"  # no « € € »
    assert "€" not in edit.placeholderText() and "," in edit.placeholderText()
    # the unit sits at the right end, after the figure's room (the text stops before it)
    unit = edit.unit_label.geometry()
    assert unit.right() <= edit.width() and unit.left() > edit.width() // 2
    assert edit.textMargins().right() >= unit.width()


def test_form_combos_are_as_wide_as_the_line_edits(qtbot: QtBot) -> None:
    dialog = SampleDialog(lambda name: name)
    combo = QComboBox()
    combo.addItem("Accueil & <co> l'été")  # short: it used to stay at its own width
    combo.addItem("Personnel mutualisé (groupement d'employeurs) & <co>")
    dialog.fields.add(dialog.new_form(), "service", "Service", combo)
    qtbot.addWidget(dialog)
    dialog.resize(640, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    name = dialog.fields.editor("name")
    assert abs(combo.width() - name.width()) <= 8  # the same column, give or take a label


def test_form_dialog_opens_on_its_first_field_and_tabs_through_the_fields(qtbot: QtBot) -> None:
    """The scroll area holding the form used to take the first focus (typing went nowhere)
    and to be a tab stop of its own."""
    dialog = SampleDialog(lambda name: name)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    name, amount = dialog.fields.editor("name"), dialog.fields.editor("amount")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    QTest.keyClicks(QApplication.focusWidget(), "Cafe l'Eclair & <co>")  # ASCII: QTest's keys
    assert name.text() == "Cafe l'Eclair & <co>"
    stops = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    assert not [w for w in stops if isinstance(w, QScrollArea)]
    assert stops.index(name) < stops.index(amount)


def test_units_and_date_edits(qtbot: QtBot) -> None:
    units = UnitsEdit("etp_milli")
    units.setText("2,5")
    assert units.value() == 2500
    date = DateEdit("joined_on")
    qtbot.addWidget(units)
    qtbot.addWidget(date)
    date.setText("1/2/2025")
    assert date.date() == dt.date(2025, 2, 1) and date.check()
    assert date.text() == "01/02/2025"
    date.setText("31/02/2025")
    assert not date.check() and "31/02/2025" in date.message()
    date.set_date(None)
    assert date.text() == "" and date.date() is None


def test_siret_is_checked_as_typed(qtbot: QtBot) -> None:
    edit = siret_edit()
    qtbot.addWidget(edit)
    messages: list[str] = []
    edit.problemChanged.connect(messages.append)
    qtbot.keyClicks(edit, "7328293200007")  # ASCII only with keyClicks (research §1.3)
    assert messages == []
    qtbot.keyClicks(edit, "5")
    assert messages and "SIRET" in messages[-1]
    qtbot.keyClick(edit, "\b")
    qtbot.keyClicks(edit, "4")
    assert messages[-1] == "" and edit.value() == "73282932000074"
    edit.setText("7328x")
    edit.textEdited.emit(edit.text())  # a stray letter is said at once
    assert messages[-1]


class SampleDialog(FormDialog):
    def __init__(self, action: Any) -> None:
        super().__init__("Essai")
        form = self.new_form("Section « é »")
        self.fields.add(form, "name", "Nom", QLineEdit())
        self.fields.add(form, "amount", "Montant", MoneyEdit("amount"))
        self.action = action

    def submit(self) -> Any:
        return self.action(self.fields.editor("name").text())


def test_form_dialog_maps_errors_to_fields(qtbot: QtBot) -> None:
    def refuse(name: str) -> None:
        raise PtceError("required", "name", field_label="Nom")

    dialog = SampleDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.fields.editor("name").setText("Éclair & <co>")
    dialog.accept()
    assert not dialog.result()
    assert dialog.fields.errors() == {"name": "Le champ « Nom » est obligatoire."}
    assert dialog.fields.editor("name").text() == "Éclair & <co>"

    dialog.action = lambda name: (_ for _ in ()).throw(PtceError("pole_missing"))
    dialog.accept()
    assert dialog.fields.errors() == {} and "Aucun pôle" in dialog.banner.text()

    dialog.fields.editor("amount").setText("abc")
    dialog.action = lambda name: pytest.fail("bad input must stop before the service")
    dialog.accept()
    assert "amount" in dialog.fields.errors()

    dialog.fields.editor("amount").setText("10")
    dialog.action = lambda name: name.upper()
    dialog.accept()
    assert dialog.result() and dialog.result_value == "ÉCLAIR & <CO>"


def test_share_explanation_panel(qtbot: QtBot, db_path: Path) -> None:
    ctx = make_context(db_path)
    try:
        first = ctx.members.create(MemberDraft(name="Alpha & <co>"))
        second = ctx.members.create(MemberDraft(name="Béta"))
        money = give_shares(ctx, [first.id, second.id], amount_cents=100_001)
        view = ctx.service(CostService).explain_share(money.cost_id, first.id)
        panel = ShareExplanationPanel()
        qtbot.addWidget(panel)
        assert "Sélectionnez" in panel.text()
        panel.show_explanation(view)
        text = panel.text().replace("\u202f", " ").replace("\xa0", " ")
        assert panel.title.text() == "Pourquoi ce montant ?"
        assert "Loyer « bureau » T1" in text
        assert "1 000,01 €" in text and "parts égales" in text
        assert "1 part sur 2 parts" in text
        # 100 001 cents over two equal weights: the leftover cent goes to the lower id
        assert "Quote-part : 500,01 €" in text and "plus un centime restant" in text
        assert "50001/2" in text or "100001/2" in text
        assert "&lt;co&gt;" in text  # user text escaped before the rich-text label
    finally:
        ctx.close()


def test_history_remaps_ids_after_a_re_create(qtbot: QtBot) -> None:
    store: dict[int, str] = {}
    counter = iter(range(1, 100))

    class View:
        def __init__(self, id: int) -> None:
            self.id = id

    def create(name: str) -> View:
        new = next(counter)
        store[new] = name
        return View(new)

    def rename(record_id: int, name: str) -> None:
        if record_id not in store:
            raise PtceError("not_found", entity="x", id=record_id)
        store[record_id] = name

    errors: list[BaseException] = []
    history = UndoHistory(errors.append)
    made = history.create("créer", "thing", lambda: create("a"), store.pop)
    history.update("renommer", "thing", made.id, rename, "a", "b")
    history.delete("supprimer", "thing", made.id, store.pop, lambda: create("b"))
    assert store == {}
    history.undo()  # re-created under id 2
    history.undo()  # rename back on id 2
    assert store == {2: "a"}
    history.undo()  # delete id 2
    history.redo()  # re-create: id 3
    history.redo()
    history.redo()
    assert store == {} and errors == []
    history.undo()
    assert list(store.values()) == ["b"] and errors == []


def test_history_failure_clears_and_reports(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    history = UndoHistory(errors.append)

    def refuse() -> None:
        raise PtceError("closed_year", year="2024", what="la charge")

    history.run("premier", lambda: None, lambda: None)
    history.run("second", lambda: None, refuse)
    history.undo()
    assert [getattr(e, "code", "") for e in errors] == ["closed_year"]
    assert history.count() == 0 and not history.canUndo() and not history.canRedo()
