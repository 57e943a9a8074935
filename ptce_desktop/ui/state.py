"""Where the window remembers its UI state (geometry, splitters, column layouts).

Only UI state lives here, in an INI file of the user's config folder; the pole's data never
does. The composition root may pass another QSettings (tests pass one in ``tmp_path``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings


def ui_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ptce-desktop", "ui-state"
    )
