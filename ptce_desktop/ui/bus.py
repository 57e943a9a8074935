"""The store's change bus as a Qt signal, so pages refresh on the GUI thread.

The unit of work publishes a :class:`~ptce_desktop.store.unit_of_work.Change` after each
committed action, on whatever thread ran it (a Runner task runs on the pool). Emitting a Qt
signal from there is safe: receivers living on the GUI thread get it queued, in order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ptce_desktop.store.unit_of_work import Change, ChangeBus


class QtChangeBus(QObject):
    """``changed(Change)`` for every action committed through ``bus``."""

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._publish)

    def _publish(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        """Stop relaying (the document is being closed)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def touches(change: object, *tables: str) -> bool:
    """True when ``change`` (a :class:`Change`, or None meaning "everything") names a table."""
    if not isinstance(change, Change):
        return True
    return any(table in change.entities for table in tables)
