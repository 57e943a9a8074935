"""Icons shipped in ``resources/icons`` (SVG); a missing one is an empty icon, never a crash.

The line icons draw with ``currentColor``; :func:`icon` paints them in the palette's text colour,
and in the highlighted-text colour for the selected state (e.g. the current navigation entry).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ptce_desktop.resources import resources_dir

_SIZES = (16, 20, 24, 32, 40, 48, 64)


def icon(name: str, color: QColor | None = None, selected: QColor | None = None) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8")
    if "currentColor" not in svg:
        return QIcon(str(path))
    palette = QGuiApplication.palette()
    normal = color or palette.color(QPalette.ColorRole.WindowText)
    chosen = selected or palette.color(QPalette.ColorRole.HighlightedText)
    result = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Selected, chosen)):
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode()))
        for size in _SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            result.addPixmap(pixmap, mode)
    return result
