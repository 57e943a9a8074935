"""A combo over a large pole's 5 000 members is built without asking the model for every row
(issue #18: the new-service dialog asked 70 000 times, 0,5 s), and still behaves as a combo:
current data, find, « Nouveau… » inserted, long names as tooltips."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.pages.choice_combo import ChoiceListModel, large_combo, set_choices
from ptce_desktop.ui.widgets.new_item_combo import NEW_ITEM, add_new_entry

LONG = "Coopérative « L'Œuvre & Cœur <Drôme> » — 12 € " + "très " * 40 + "longue"
ROWS = [(None, "— aucun —"), *((i, f"Membre n° {i} & <co> l'Éclair") for i in range(5000))]


class Counting(ChoiceListModel):
    asked = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        Counting.asked += 1
        return super().data(index, role)


def _form_with(qtbot: QtBot, combo: QComboBox) -> QWidget:
    """``combo`` in a form under a style sheet (which polishes it as it joins the layout)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet("QComboBox { padding: 2px 6px; }")
    form = QFormLayout(window)
    cell = QWidget()
    QVBoxLayout(cell).addWidget(combo)
    form.addRow(QLabel("Membre porteur"), cell)
    window.show()
    return window


def test_a_large_combo_asks_a_few_rows_only(qtbot: QtBot) -> None:
    Counting.asked = 0
    combo = large_combo(QComboBox(), 24)
    combo.setModel(Counting(ROWS, combo))
    window = _form_with(qtbot, combo)
    assert Counting.asked < 500, Counting.asked
    assert combo.window() is window
    plain = QComboBox()  # the same model in a combo left to its defaults: every row, often
    plain.setModel(Counting(ROWS, plain))
    Counting.asked = 0
    _form_with(qtbot, plain)
    assert Counting.asked > 5000


def test_the_choices_behave_as_items(qtbot: QtBot) -> None:
    combo = large_combo(QComboBox(), 24)
    set_choices(combo, [*ROWS, (7777, LONG)])
    window = _form_with(qtbot, combo)
    assert combo.count() == 5002 and combo.currentData() is None
    combo.setCurrentIndex(combo.findData(7777))
    assert combo.currentText() == LONG
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == LONG
    made: list[str] = []

    def create() -> tuple[int, str]:
        made.append("member")
        return 9999, "Mairie d'Éclair & <Crest>"

    add_new_entry(combo, "Nouveau membre…", create)
    new = combo.findData(NEW_ITEM)
    assert new == combo.count() - 1 and combo.itemText(new) == "Nouveau membre…"
    combo.activated.emit(new)
    assert made == ["member"] and combo.currentData() == 9999
    assert combo.currentText() == "Mairie d'Éclair & <Crest>"
    assert combo.itemText(combo.count() - 1) == "Nouveau membre…"
    set_choices(combo, ROWS[:3])  # new choices: the first one chosen
    assert combo.count() == 3 and combo.currentIndex() == 0
    assert combo.window() is window
