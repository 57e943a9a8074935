"""The differences chart of the Simulation page on a large pole: a row far down the chart is
drawn when it is scrolled into view (only the rows in view are painted), in its colour."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPixmap, QRegion
from pytestqt.qtbot import QtBot

from ptce_desktop.ui.pages.simulation.chart import GAIN, LOSS, ROW, DifferencesChart

LONG = "Société coopérative « L'Œuvre & Cœur <Drôme> » — " + "é" * 80


def _colours(chart: DifferencesChart, top: int) -> set[str]:
    """The colours of the row whose top is ``top``, painted alone (as a scroll would ask)."""
    area = QRect(0, top, chart.width(), ROW)
    pixmap = QPixmap(chart.width(), ROW)
    pixmap.fill(QColor("white"))
    chart.render(pixmap, QPoint(), QRegion(area))
    image = pixmap.toImage()
    return {image.pixelColor(x, ROW // 2).name() for x in range(0, chart.width(), 2)}


def test_a_row_far_down_is_drawn_in_its_colour(qtbot: QtBot) -> None:
    chart = DifferencesChart()
    qtbot.addWidget(chart)
    items = [(f"Membre n° {i} & <co> 12 €", (i % 7) * 100 - 300) for i in range(5000)]
    items[4321] = (LONG, -123_456)  # pays less: GAIN colour
    items[4322] = ("L'Éclair", 654_321)  # pays more: LOSS colour
    chart.set_items(items)
    chart.resize(600, chart.minimumHeight())
    assert chart.minimumHeight() == ROW * 5000 + 8
    assert GAIN.name() in _colours(chart, 4 + 4321 * ROW)
    assert LOSS.name() in _colours(chart, 4 + 4322 * ROW)
    assert LOSS.name() not in _colours(chart, 4 + 4321 * ROW)


def test_no_item_says_so(qtbot: QtBot) -> None:
    chart = DifferencesChart()
    qtbot.addWidget(chart)
    chart.set_items([], "Tout le monde paie « pareil » & <idem>")
    chart.resize(300, 120)
    pixmap = QPixmap(chart.size())
    chart.render(pixmap)
    assert chart.items == [] and not pixmap.isNull()
