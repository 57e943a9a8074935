"""Icons shipped in ``resources/icons`` (SVG); a missing one is an empty icon, never a crash.

The line icons draw with ``currentColor``; :func:`icon` paints them in the palette's text colour,
and in the highlighted-text colour for the selected state (e.g. the current navigation entry).

They are rendered lazily (:class:`LineIconEngine`): each size is drawn the first time a widget
asks for it, then kept. Rendering every icon up front in seven sizes and two modes cost ~4 MB
of the start's peak memory (issue 18) for pixmaps mostly never shown.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

from ptce_desktop.resources import resources_dir

#: The sizes an icon says it has (``QIcon.availableSizes``); any other size is drawn as well.
_SIZES = (16, 20, 24, 32, 40, 48, 64)


class LineIconEngine(QIconEngine):
    """A ``currentColor`` SVG drawn in ``normal`` (selected: ``chosen``) when a size is asked.

    Other modes: Active draws as Normal; Disabled is the style's greyed version of Normal (as
    Qt does for an icon made of pixmaps).
    """

    def __init__(self, svg: str, normal: QColor, chosen: QColor) -> None:
        super().__init__()
        self._svg = svg
        self._normal = QColor(normal)
        self._chosen = QColor(chosen)
        self._pixmaps: dict[tuple[int, int, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return LineIconEngine(self._svg, self._normal, self._chosen)

    def key(self) -> str:
        return "ptce-line-icon"

    def isNull(self) -> bool:
        return False

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def _drawn(self, side: int, selected: bool) -> QPixmap:
        key = (side, side, selected)
        found = self._pixmaps.get(key)
        if found is None:
            from PySide6.QtSvg import QSvgRenderer  # once a first icon is drawn

            colour = self._chosen if selected else self._normal
            renderer = QSvgRenderer(
                QByteArray(self._svg.replace("currentColor", colour.name()).encode())
            )
            found = QPixmap(max(side, 1), max(side, 1))
            found.fill(Qt.GlobalColor.transparent)
            painter = QPainter(found)
            renderer.render(painter)
            painter.end()
            self._pixmaps[key] = found
        return found

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = min(size.width(), size.height())
        if side <= 0:
            return QPixmap()
        if mode == QIcon.Mode.Selected:
            return self._drawn(side, True)
        drawn = self._drawn(side, False)
        if mode == QIcon.Mode.Disabled:
            from PySide6.QtWidgets import QApplication, QStyleOption

            style = (
                QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
            )
            if style is not None:
                return style.generatedIconPixmap(mode, drawn, QStyleOption())
        return drawn

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        drawn = self.pixmap(QSize(side, side), mode, state)
        if drawn.isNull():
            return
        logical = min(rect.width(), rect.height())
        corner = rect.center() - QPoint(logical // 2, logical // 2)
        painter.drawPixmap(QRect(corner, QSize(logical, logical)), drawn)


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
    return QIcon(LineIconEngine(svg, normal, chosen))
