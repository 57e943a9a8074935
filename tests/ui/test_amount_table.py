"""The editable amount tables (a payment's matching, a grant's budget and plan): an amount
typed reads with its unit like every amount of the window, and is edited bare."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.ui.pages.amount_table import MONEY, PERCENT, EditableTable, EditColumn, tidy_cell

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def tidy(cents: int) -> str:
    return tidy_cell(MONEY, cents)


def table() -> EditableTable:
    model = EditableTable(
        [
            EditColumn("Membre", "name"),
            EditColumn("Montant", "amount", MONEY, editable=True),
            EditColumn("Part", "part", PERCENT, editable=True),
            EditColumn("Appelé", "called", MONEY),
        ],
        field="amounts",
    )
    model.set_rows([{"name": "Coopérative L'Éclair & <Fils> €", "called": 123_456}])
    return model


def test_an_amount_reads_with_its_unit_and_is_edited_bare(french: None) -> None:
    model = table()
    amount, part, called = (model.index(0, column) for column in (1, 2, 3))
    assert model.setData(amount, "1234,5") and model.setData(part, "12,5")
    assert amount.data(DISPLAY) == format_money(123_450) and amount.data(EDIT) == tidy(123_450)
    assert part.data(DISPLAY) == format_percent(1_250) and "%" not in part.data(EDIT)
    assert called.data(DISPLAY) == format_money(123_456)
    assert format_money(123_450).endswith("€") and format_percent(1_250).endswith("%")
    assert model.value(0, "amount") == 123_450


def test_a_wrong_or_empty_entry_is_shown_as_typed(french: None) -> None:
    model = table()
    amount, part = model.index(0, 1), model.index(0, 2)
    assert model.setData(amount, "12,3,4 €<") and model.setData(part, "")
    assert amount.data(DISPLAY) == "12,3,4 €<" and amount.data(EDIT) == "12,3,4 €<"
    assert part.data(DISPLAY) == "" and model.problem(0, "amount")
