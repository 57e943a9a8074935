"""The chart of the differences per member under one scenario: horizontal bars from a zero line
(red: pays less, blue: pays more), the member's name on the left, the amount on the right.

It draws the comparison's own figures (``MemberRow.difference``) and computes nothing. Only
the rows in view are drawn (a pole of 5 000 members is a tall chart in a scroll area); the
widths the rows share are measured once per set of items.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptce_desktop.domain.scenarios import difference_text
from ptce_desktop.ui.i18n import current_language

GAIN = QColor("#B5573F")
LOSS = QColor("#3E6A9E")
ROW = 18


class DifferencesChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationChart")
        self.items: list[tuple[str, int]] = []
        self.empty_text = ""
        self._values: list[str] = []  # the amounts as drawn
        self._widths: tuple[float, float] | None = None  # widest name and amount (pixels)
        self._range = (0, 0)  # the lowest and highest difference, zero included
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: Sequence[tuple[str, int]], empty_text: str = "") -> None:
        """``(member name, difference in cents)``, drawn in the given order."""
        self.items = list(items)
        self.empty_text = empty_text
        lang = current_language()
        self._values = [difference_text(cents, lang=lang) for _, cents in self.items]
        self._widths = None
        cents = [c for _, c in self.items]
        self._range = (min([0, *cents]), max([0, *cents]))
        self.setMinimumHeight(max(120, ROW * len(self.items) + 8))
        self.setAccessibleDescription(
            "; ".join(f"{name}: {difference_text(cents)}" for name, cents in self.items)
        )
        self.update()

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._widths = None
        super().changeEvent(event)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.windowText().color()
        metrics = QFontMetrics(self.font())
        if not self.items:
            painter.setPen(palette.placeholderText().color())
            # wrapped within a margin: a long message in a narrow chart stays whole
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            return
        if self._widths is None:
            self._widths = (
                max(metrics.horizontalAdvance(n) for n, _ in self.items),
                max(metrics.horizontalAdvance(v) for v in self._values) + 6,
            )
        widest, value_width = self._widths
        width = self.width()
        label_width = min(width * 0.42, widest)
        left = label_width + 8
        bars = max(width - left - value_width - 8, 20)
        low, high = self._range
        span = (high - low) or 1
        zero = left + bars * (0 - low) / span
        area = event.rect()
        first = max((area.top() - 4) // ROW, 0)
        last = min((area.bottom() - 4) // ROW + 1, len(self.items) - 1)
        for index in range(first, last + 1):
            name, cents = self.items[index]
            value = self._values[index]
            top = 4 + index * ROW
            painter.setPen(text_color)
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_width))
            painter.drawText(
                QRectF(0, top, label_width, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            length = bars * abs(cents) / span
            if length > 0:
                x = zero if cents >= 0 else zero - length
                painter.fillRect(QRectF(x, top + 3, length, ROW - 6), LOSS if cents > 0 else GAIN)
            painter.drawText(
                QRectF(width - value_width, top, value_width, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                value,
            )
        painter.setPen(palette.mid().color())
        painter.drawLine(int(zero), 0, int(zero), 4 + ROW * len(self.items))
