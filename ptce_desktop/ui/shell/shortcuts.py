"""Aide ▸ Raccourcis clavier: every shortcut of the window, read from its actions at show time
(a page or a command added later is listed without editing this file), then the keys of lists.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def _plain(text: str) -> str:
    """A menu text without its mnemonic marker and ellipsis: « &Ouvrir… » → « Ouvrir »."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    )


def shortcut_rows(window: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(section, [(what, keys)…])``: the pages, each menu's commands, then lists."""
    pages = [
        (_plain(window.page_actions[key].text()), _keys(window.page_actions[key]))
        for key in window.page_keys()
        if _keys(window.page_actions[key])
    ]
    sections = [(translate("ShortcutsDialog", "Pages"), pages)]
    seen = {id(action) for action in window.page_actions.values()}
    for menu in window.menus.values():
        rows = []
        for action in menu.actions():
            if id(action) in seen or action.isSeparator() or not _keys(action):
                continue
            seen.add(id(action))
            rows.append((_plain(action.text()), _keys(action)))
        if rows:
            sections.append((_plain(menu.title()), rows))
    sections.append(
        (
            translate("ShortcutsDialog", "In a list"),
            [
                (
                    translate("ShortcutsDialog", "Go into the list, or on to the next field"),
                    translate("ShortcutsDialog", "Tab, Shift+Tab"),
                ),
                (
                    translate("ShortcutsDialog", "Move within the list"),
                    translate("ShortcutsDialog", "Arrows, Page Up, Page Down, Home, End"),
                ),
                (
                    translate("ShortcutsDialog", "Open the selected row"),
                    translate("ShortcutsDialog", "Enter"),
                ),
                (
                    translate("ShortcutsDialog", "Delete the selected row"),
                    translate("ShortcutsDialog", "Del"),
                ),
                (translate("ShortcutsDialog", "Switch tabs"), "Ctrl+Tab, Ctrl+Shift+Tab"),
            ],
        )
    )
    return sections


class ShortcutsDialog(QDialog):
    """Not meant to be subclassed (``self.tr`` looks texts up under "ShortcutsDialog")."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.sections = shortcut_rows(window)
        parts = []
        for title, rows in self.sections:
            parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='0' cellpadding='3'>")
            for what, keys in rows:
                parts.append(
                    f"<tr><td width='300'>{html.escape(what)}</td>"
                    f"<td><b>{html.escape(keys)}</b></td></tr>"
                )
            parts.append("</table>")
        self.text = QLabel("".join(parts))
        self.text.setObjectName("shortcutsText")
        self.text.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)  # fits a 768-px screen

    def keys_for(self, what: str) -> str | None:
        """The keys listed for ``what`` (for tests)."""
        for _title, rows in self.sections:
            for name, keys in rows:
                if name == what:
                    return keys
        return None
