"""An empty list says what it is for and offers its main action.

:class:`EmptyState` lays a short text and one button over a table's viewport while the table's
*source* model has no row (a search that finds nothing is not "empty": the search says so). The
button presses the page's own button (« Ajouter… »), so read-only files and the page's checks
apply unchanged; it is shown only while that button is enabled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget


def _source_rows(view: QAbstractItemView) -> int:
    model: Any = view.model()
    while isinstance(model, QSortFilterProxyModel) and model.sourceModel() is not None:
        model = model.sourceModel()
    return model.rowCount() if model is not None else 0


class EmptyState(QWidget):
    """Shown over ``view`` while it has no row: ``text`` and a button that clicks ``action``."""

    def __init__(
        self, view: QAbstractItemView, text: str, button_text: str, action: QPushButton
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyState")
        self.view = view
        self.action = action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.label = QLabel(text)
        self.label.setObjectName("hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.button = QPushButton(button_text)
        self.button.setObjectName("emptyStateButton")
        self.button.clicked.connect(action.click)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        model = view.model()
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self.update_state)
        view.viewport().installEventFilter(self)
        action.installEventFilter(self)
        self.update_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        elif watched is self.action and event.type() == QEvent.Type.EnabledChange:
            self.update_state()
        return False

    def update_state(self, *_args: Any) -> None:
        empty = _source_rows(self.view) == 0
        self.setGeometry(self.view.viewport().rect())
        self.button.setVisible(self.action.isEnabled())
        self.setVisible(empty)
        if empty:
            self.raise_()
