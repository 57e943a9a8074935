"""The look: Fusion with a calm light palette, and a few style rules by object name.

Called once by the composition root after the QApplication exists. Widgets ask for the shared
looks through object names and properties (``pageTitle``, ``fieldError``, ``invalid=true``),
never through their own colour codes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = "#1f6f78"
ERROR = "#b42318"

_PALETTE = {
    QPalette.ColorRole.Window: "#f5f6f8",
    QPalette.ColorRole.WindowText: "#1f2933",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f3f6f8",
    QPalette.ColorRole.Text: "#1f2933",
    QPalette.ColorRole.Button: "#eef1f4",
    QPalette.ColorRole.ButtonText: "#1f2933",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#fffbe6",
    QPalette.ColorRole.ToolTipText: "#1f2933",
    QPalette.ColorRole.PlaceholderText: "#7b8794",
    QPalette.ColorRole.Link: "#1d5fa8",
    QPalette.ColorRole.Mid: "#c5ccd3",
    QPalette.ColorRole.Midlight: "#e4e8ec",
}

STYLESHEET = f"""
QWidget#sidebar {{ background: #e9eef2; border-right: 1px solid #d5dce2; }}
QLabel#sidebarTitle {{
    color: #102a43;
    font-weight: 600;
    padding: 14px 16px 6px 16px;
}}
QListWidget#navigation {{
    background: transparent;
    border: none;
    padding: 4px 8px 10px 8px;
    outline: 0;
}}
QListWidget#navigation::item {{
    padding: 6px 8px;
    margin: 1px 0;
    border-radius: 6px;
    color: #1f2933;
}}
QListWidget#navigation::item:hover:!selected {{ background: #dbe3e9; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QLabel#pageTitle {{ color: #102a43; }}
QLabel#pageSubtitle, QLabel#hint {{ color: #52606d; }}
QLabel#fieldError {{ color: {ERROR}; }}
QLineEdit[invalid="true"] {{
    border: 1px solid {ERROR};
    border-radius: 3px;
    padding: 2px 3px;
    background: #fff6f5;
}}
QFrame#dashboardCard, QFrame#todoPanel, QFrame#firstStepsPanel {{
    background: #ffffff;
    border: 1px solid #d5dce2;
    border-radius: 6px;
}}
QFrame#dashboardCard:hover {{ border: 1px solid {ACCENT}; }}
QFrame#dashboardCard:focus {{ border: 2px solid {ACCENT}; }}
QTableView, QTreeView, QListView#plainList {{ border: 1px solid #c5ccd3; }}
QTableView:focus, QTreeView:focus {{ border: 2px solid {ACCENT}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QToolBar#mainToolBar {{ spacing: 6px; padding: 4px 8px; border: none; }}
QStatusBar QLabel#readOnlyBadge {{ color: {ERROR}; font-weight: 600; padding: 0 6px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in _PALETTE.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#9aa5b1")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def title_font(widget: QWidget, scale: float = 1.55) -> QFont:
    """A larger, bold version of ``widget``'s font, for page titles."""
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Switch the red "invalid" frame of an input on or off."""
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
