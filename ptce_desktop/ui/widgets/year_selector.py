"""The fiscal-year selector of the toolbar: "(label, year)" pairs, a signal on user choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

translate = QCoreApplication.translate


class YearSelector(QWidget):
    """Emits ``yearChanged(year)`` when the user picks a year, never while being filled."""

    yearChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        label = QLabel(translate("YearSelector", "Fiscal year"))
        self.combo = QComboBox()
        self.combo.setObjectName("fiscalYearCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(9)
        self.combo.setToolTip(translate("YearSelector", "The fiscal year shown by every page"))
        self.combo.currentIndexChanged.connect(self._index_changed)
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 12, 0)
        row.setSpacing(8)
        row.addWidget(label)
        row.addWidget(self.combo)

    def set_years(self, years: Sequence[tuple[str, int]], current: int | None) -> None:
        """Fill with ``(label, year)`` pairs, e.g. ``("2025/2026", 2025)``; select ``current``
        (or the last year when ``current`` is None or unknown). Emits nothing."""
        self._filling = True
        try:
            self.combo.clear()
            for label, year in years:
                self.combo.addItem(label, year)
            index = self.combo.findData(current) if current is not None else -1
            self.combo.setCurrentIndex(index if index >= 0 else self.combo.count() - 1)
        finally:
            self._filling = False

    def current_year(self) -> int | None:
        data = self.combo.currentData()
        return int(data) if data is not None else None

    def _index_changed(self, _index: int) -> None:
        year = self.current_year()
        if not self._filling and year is not None:
            self.yearChanged.emit(year)
