"""« Nouveau… » at the end of a combo box whose list may be empty (no funder yet, no key yet):
choosing it opens the creation dialog and, once created, selects the new item.

The combo knows nothing of what it creates: ``create()`` runs the dialog (and its service
call) and returns ``(data, label)`` of the new item, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox

#: The data of the « Nouveau… » entry (never a record's id).
NEW_ITEM = "__new__"

#: Runs a creation dialog: ``(data, label)`` of what it made, or None when cancelled.
Creator = Callable[[], tuple[Any, str] | None]


def add_new_entry(combo: QComboBox, text: str, create: Creator) -> None:
    """Append the entry ``text`` (« Nouveau financeur… ») to ``combo``; choosing it calls
    ``create`` and selects what it made, or goes back to the previous choice."""
    combo.addItem(text, NEW_ITEM)
    previous = {"index": combo.currentIndex() if combo.count() > 1 else -1}
    if combo.count() == 1:  # nothing to choose yet: no entry is chosen for the user
        combo.setCurrentIndex(-1)

    def chosen(index: int) -> None:
        if combo.itemData(index) != NEW_ITEM:
            previous["index"] = index
            return
        made = create()
        if made is None:
            combo.setCurrentIndex(previous["index"])
            return
        data, label = made
        position = combo.count() - 1  # before « Nouveau… »
        combo.insertItem(position, label, data)
        combo.setCurrentIndex(position)
        previous["index"] = position

    combo.activated.connect(chosen)


def chosen_data(combo: QComboBox) -> Any:
    """The combo's current data, None for « Nouveau… » or no choice."""
    data = combo.currentData()
    return None if data == NEW_ITEM else data
