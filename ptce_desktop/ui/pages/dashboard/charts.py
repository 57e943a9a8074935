"""The dashboard's pieces: charts (QtCharts) of amounts and counts with "No data" when empty,
the figure cards and the eligibility verdict.

The builders take plain ``(label, cents)`` or ``(label, count)`` pairs already computed by the
services and return a ``QChart`` (or ``None`` when there is nothing to draw); they compute no
figure of their own. Amount axes carry French-formatted round euros (``12 000 €``) on ticks we
place ourselves, since ``QValueAxis`` formats numbers with ``printf`` (no group separator).
Bar values are drawn from cents converted to euros: a picture, never a figure anyone reads
back — the exact amount is in the tooltip.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.categories import MISSING_LABELS
from ptce_desktop.domain.money import format_euros, format_money
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.style import ACCENT, ERROR, title_font

translate = QCoreApplication.translate

#: Bar and slice colours: the accent first, then calm distinct tones.
PALETTE = (
    ACCENT,
    "#e3a33b",
    "#5b8def",
    "#8e6bbf",
    "#d9653b",
    "#4caf7d",
    "#c2498b",
    "#7b8794",
)
LABEL_MAX = 34
OK_COLOUR = "#1e7b34"
NEUTRAL_COLOUR = "#52606d"


def short_label(text: str, limit: int = LABEL_MAX) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (axis labels have no tooltip)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def axis_labels(names: Sequence[str]) -> list[str]:
    """Short labels, each one distinct: a category axis merges equal labels, so two long names
    cut to the same text would share one bar (the second gets invisible zero-width spaces —
    the whole name is in the bar's tooltip)."""
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        label = short_label(name)
        count = seen.get(label, 0)
        seen[label] = count + 1
        labels.append(label + "\u200b" * count)
    return labels


def nice_ticks(low_cents: int, high_cents: int, count: int = 5) -> list[int]:
    """Round tick values in euros covering [low, high] (1, 2 or 5 × a power of ten)."""
    low = min(0, math.floor(low_cents / 100))
    high = max(0, math.ceil(high_cents / 100))
    if high == low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(int(step), 1)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return list(range(first, last + step, step))


def top_with_rest(
    items: Sequence[tuple[str, int]], limit: int, rest_label: str
) -> list[tuple[str, int]]:
    """The ``limit`` largest items, then one line adding up all the others."""
    ranked = sorted(items, key=lambda item: (-item[1], item[0]))
    if len(ranked) <= limit:
        return ranked
    rest = sum(value for _label, value in ranked[limit:])
    return [*ranked[:limit], (rest_label, rest)]


def _money_axis(values: Sequence[int]) -> QCategoryAxis:
    ticks = nice_ticks(min(values), max(values))
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(ticks[0], ticks[-1])
    for tick in ticks:
        axis.append(format_euros(tick, lang=current_language()), tick)
    return axis


def _new_chart() -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 28, 4))  # room for the last amount label
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundVisible(False)  # the panel around it paints the background
    return chart


def _bar_tooltips(bar_set: QBarSet, categories: Sequence[str], cents: Sequence[int]) -> None:
    lang = current_language()

    def hovered(status: bool, index: int) -> None:
        if status and 0 <= index < len(cents):
            amount = format_money(cents[index], lang=lang)
            text = f"{categories[index]}\n{bar_set.label()} : {amount}"
            QToolTip.showText(QCursor.pos(), text)
        else:
            QToolTip.hideText()

    bar_set.hovered.connect(hovered)


def _bar_chart(
    series: QAbstractBarSeries,
    categories: Sequence[str],
    sets: Sequence[tuple[str, Sequence[int]]],
    horizontal: bool,
) -> QChart | None:
    values = [value for _name, row in sets for value in row]
    if not categories or not any(values):
        return None
    for number, (name, row) in enumerate(sets):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[number % len(PALETTE)]))
        bar_set.setBorderColor(QColor(PALETTE[number % len(PALETTE)]))
        bar_set.append([value / 100 for value in row])
        _bar_tooltips(bar_set, list(categories), list(row))
        series.append(bar_set)
    chart = _new_chart()
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(axis_labels(categories))
    amounts = _money_axis(values)
    left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
    chart.addAxis(names, left if horizontal else bottom)
    chart.addAxis(amounts, bottom if horizontal else left)
    series.attachAxis(names)
    series.attachAxis(amounts)
    legend = chart.legend()
    legend.setVisible(len(sets) > 1)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def horizontal_bar_chart(items: Sequence[tuple[str, int]], series_name: str) -> QChart | None:
    """One bar per ``(label, cents)``, the first item on top; None when all are zero."""
    ordered = list(reversed(items))  # a horizontal bar axis runs bottom-up
    return _bar_chart(
        QHorizontalBarSeries(),
        [label for label, _value in ordered],
        [(series_name, [value for _label, value in ordered])],
        horizontal=True,
    )


def grouped_bar_chart(
    categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]]
) -> QChart | None:
    """Vertical bars, one group per category and one bar per ``(name, cents per category)``."""
    return _bar_chart(QBarSeries(), categories, sets, horizontal=False)


def count_bar_chart(items: Sequence[tuple[str, int]], series_name: str) -> QChart | None:
    """One horizontal bar per ``(label, count)`` with a count, in the given order, first on
    top; a whole-number axis. None when every count is zero."""
    kept = [(label, count) for label, count in items if count > 0]
    if not kept:
        return None
    ordered = list(reversed(kept))
    series = QHorizontalBarSeries()
    bar_set = QBarSet(series_name)
    bar_set.setColor(QColor(PALETTE[2]))
    bar_set.setBorderColor(QColor(PALETTE[2]))
    bar_set.append([float(count) for _label, count in ordered])
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(6)
    chart = _new_chart()
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(axis_labels([label for label, _count in ordered]))
    top = max(count for _label, count in kept)
    step = max(1, nice_ticks(0, top * 100)[1])
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, math.ceil(top / step) * step)
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(counts)
    chart.legend().hide()
    return chart


class ChartPanel(QFrame):
    """A titled chart, or the words "No data" when its builder returned None."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        self.title = QLabel(title)
        self.title.setFont(title_font(self.title, 1.1))
        layout.addWidget(self.title)
        self.stack = QStackedWidget()
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setBackgroundBrush(self.palette().brush(QPalette.ColorRole.Base))
        self.view.setMinimumHeight(260)
        self.view.setAccessibleName(title)
        self.empty = QLabel(translate("ChartPanel", "No data"))
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.empty.font())
        font.setItalic(True)
        self.empty.setFont(font)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.show_chart(None)

    def has_chart(self) -> bool:
        return self.stack.currentWidget() is self.view

    def show_chart(self, chart: QChart | None) -> None:
        old = self.view.chart()
        if chart is None:
            chart = _new_chart()  # keep the view holding an empty chart
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()  # the view gives up the previous chart without deleting it

    def chart(self) -> QChart:
        return self.view.chart()


class FigureCard(QFrame):
    """A titled box of "label … value" lines; ``values`` keeps each value label by key.

    A card is a button to its page: a click, or Enter/Space when it has the focus, emits
    ``clicked``.
    """

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.values: dict[str, QLabel] = {}
        self.box = layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        heading = QLabel(title)
        heading.setFont(title_font(heading, 1.1))
        layout.addWidget(heading)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        self.extra.setTextFormat(Qt.TextFormat.RichText)
        self.extra.hide()
        layout.addWidget(self.extra)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def add(self, key: str, label: str, emphasis: bool = False) -> QLabel:
        row = self.grid.rowCount()
        caption = QLabel(label)
        caption.setWordWrap(True)
        value = QLabel()
        value.setObjectName(f"figure-{key}")
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if emphasis:
            font = value.font()
            font.setBold(True)
            value.setFont(font)
        self.grid.addWidget(caption, row, 0)
        self.grid.addWidget(value, row, 1)
        self.values[key] = value
        return value


def eligibility_html(summary: Any, *, guidance: bool = False) -> str:
    """The PTCE rule, each requirement named in green (met) or red (missing).

    With ``guidance`` (a pole still setting up) an unmet rule is what to aim for: the missing
    requirements are listed in the normal text colour, marked ○, under a neutral heading.
    """
    lang_index = 1 if current_language() == "en" else 0
    rule = summary.eligibility
    counts = {
        "ess_enterprise": rule.ess,
        "non_ess_enterprise": rule.non_ess,
        "other_actor": rule.other,
    }
    if rule.eligible:
        verdict = translate("DashboardPage", "The members meet the PTCE rule.")
    else:
        verdict = translate("DashboardPage", "The members do not meet the PTCE rule yet.")
    guidance = guidance and not rule.eligible
    if guidance:
        verdict = translate(
            "DashboardPage", "To be recognised as a PTCE, the members will need to include:"
        )
    colour = OK_COLOUR if rule.eligible else NEUTRAL_COLOUR if guidance else ERROR
    lines = [f'<b style="color:{colour}">{html.escape(verdict)}</b>']
    for code, labels in MISSING_LABELS.items():
        missing = code in rule.missing
        mark, colour = ("✗", ERROR) if missing else ("✓", OK_COLOUR)
        if missing and guidance:
            mark, colour = "○", NEUTRAL_COLOUR
        text = html.escape(f"{labels[lang_index]} ({counts[code]})")
        if missing and not guidance:
            text = html.escape(translate("DashboardPage", "Missing: %1")).replace("%1", text)
        lines.append(f'<span style="color:{colour}">{mark} {text}</span>')
    return "<br>".join(lines)
