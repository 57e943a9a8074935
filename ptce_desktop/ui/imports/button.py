"""« Importer… » on a list page: opens Fichier ▸ Importer…'s wizard preset on the page's kind.

The page knows nothing of the wizard or the shell: the button triggers the window's own
``import_action`` with the kind as the action's data, and :class:`~.actions.ImportActions`
reads it (so the read-only check and the one wizard at a time stay in one place).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

translate = QCoreApplication.translate


def import_button(kind: str, parent: QWidget | None = None) -> QPushButton:
    """A button « Importer… » that opens the import wizard on ``kind`` (``"members"``…)."""
    button = QPushButton(translate("ImportButton", "Import…"), parent)
    button.setObjectName(f"import-{kind}")
    button.setToolTip(
        translate("ImportButton", "Import rows from a CSV, Excel or LibreOffice file")
    )
    button.clicked.connect(lambda: request_import(button, kind))
    return button


def request_import(widget: QWidget, kind: str) -> bool:
    """Ask the window holding ``widget`` to open the import wizard on ``kind``; False when the
    widget is not in a window that imports (a page built alone, in a test)."""
    action = getattr(widget.window(), "import_action", None)
    if action is None or not action.isEnabled():
        return False
    action.setData(kind)
    try:
        action.trigger()
    finally:
        action.setData(None)
    return True
