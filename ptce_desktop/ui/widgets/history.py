"""« Historique… »: every change of one record, from its detail panel (#12 item 8).

The audit trail is shown by the Journal des modifications page, filtered on one record: a
page asks the window for it by emitting ``pageRequested(history_target(entity, id))`` (the
window connects every page's ``pageRequested`` to :meth:`MainWindow.go_to`, and the journal's
``show_section`` reads ``"<table>/<id>"``). :class:`HistoryButton` is that button, the same
on every detail panel (members, services, keys, costs, grants); :func:`add_history_button`
puts it at the bottom of a panel. The button reads nothing itself: it asks the page which
record is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QScrollArea, QWidget

translate = QCoreApplication.translate

__all__ = ["HistoryButton", "add_history_button", "history_target"]


def history_target(entity: str, record_id: int) -> str:
    """The window's address of one record's history: ``"journal:costs/42"`` (``entity`` is
    the record's table, as the audit trail names it)."""
    return f"journal:{entity}/{record_id}"


class HistoryButton(QPushButton):
    """« Historique… » of the record ``shown()`` returns (disabled while it returns None);
    a click calls ``request`` with :func:`history_target` (a page's ``pageRequested.emit``).
    ``follow(signal, …)`` re-checks the state when the page's selection changes."""

    def __init__(
        self,
        entity: str,
        shown: Callable[[], int | None],
        request: Callable[[str], Any],
        tooltip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("HistoryButton", "&History…"), parent)
        self.setObjectName("historyButton")
        self.setToolTip(tooltip)
        self.entity = entity
        self._shown = shown
        self._request = request
        self.clicked.connect(self.show_history)
        self.update_state()

    def record_id(self) -> int | None:
        return self._shown()

    def follow(self, *signals: SignalInstance) -> HistoryButton:
        for signal in signals:
            signal.connect(self.update_state)
        return self

    def update_state(self, *_args: Any) -> None:
        self.setEnabled(self.record_id() is not None)

    def show_history(self) -> None:
        record_id = self.record_id()
        if record_id is not None:  # the selection may have gone since the last check
            self._request(history_target(self.entity, record_id))


def add_history_button(
    panel: QWidget,
    entity: str,
    shown: Callable[[], int | None],
    request: Callable[[str], Any],
    tooltip: str,
) -> HistoryButton:
    """A :class:`HistoryButton` on a row of its own at the bottom of ``panel`` (whose layout,
    or its scroll area's content's, is a vertical box), right-aligned like the panels' other
    buttons."""
    button = HistoryButton(entity, shown, request, tooltip, panel)
    host = panel.widget() if isinstance(panel, QScrollArea) else panel
    layout = host.layout() if host is not None else None
    if not isinstance(layout, QBoxLayout):
        raise TypeError(f"{type(panel).__name__} has no box layout to hold « Historique… »")
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    layout.addLayout(row)
    return button
