"""The left side of the Rapports page: which document, which year, and what it needs.

The choices of each combo (grants, members, funders, services, calls) come from
:func:`~ptce_desktop.printing.jobs.available_targets`; a combo the document does not
need is hidden. :meth:`ReportForm.request` turns the form into a
:class:`~ptce_desktop.printing.jobs.ReportRequest`.

The fiscal years and the choices are read off the GUI thread (:class:`~..loading.PageLoads`,
« Chargement… » over the form meanwhile; on a large pole a statement's members and calls mean
every call of the year): :attr:`ReportForm.loading` is True until they are shown, and
:attr:`ReportForm.loaded` is emitted each time they are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.printing.jobs import ReportRequest, TargetField, available_targets
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate

KIND_ROLE = Qt.ItemDataRole.UserRole
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1
CERFA_KINDS = ("cerfa-15059", "crf-bundle")
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
_PAD = 8
_INDEX = QModelIndex | QPersistentModelIndex


def kind_texts() -> list[tuple[str, str, str]]:
    """(key, title, one-line description) of every document, translated at call time."""
    return [
        (
            "activity",
            translate("ReportsPage", "Activity report"),
            translate(
                "ReportsPage",
                "The year of the pole: members, jobs, services, projects, events, key figures.",
            ),
        ),
        (
            "redistribution",
            translate("ReportsPage", "Redistribution report"),
            translate(
                "ReportsPage",
                "Per grant: received, passed on to each member, still to pass on; cost sharing.",
            ),
        ),
        (
            "cost-sharing",
            translate("ReportsPage", "Cost-sharing report"),
            translate(
                "ReportsPage",
                "Keys, versions and units; each member's share per service and quarter.",
            ),
        ),
        (
            "statement",
            translate("ReportsPage", "Call for funds / statement"),
            translate(
                "ReportsPage",
                "A member's calls, payments and balance for the year, or one call for funds.",
            ),
        ),
        (
            "cerfa-15059",
            translate("ReportsPage", "Financial report (Cerfa 15059)"),
            translate(
                "ReportsPage", "The official financial report of a grant, row by row of the form."
            ),
        ),
        (
            "crf-bundle",
            translate("ReportsPage", "Financial report + activity report"),
            translate(
                "ReportsPage",
                "The Cerfa 15059 of a grant, then the activity report of its last year, "
                "in one PDF.",
            ),
        ),
    ]


class KindDelegate(QStyledItemDelegate):
    """A document's title in bold with its description under it, wrapped, in a muted colour.

    The wrapped description's height is measured once per width and font (the list asks for
    every row's size at each layout and paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[int, int, str], int] = {}

    def _rects(self, option: QStyleOptionViewItem, index: _INDEX) -> tuple[QRect, QRect]:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QListView) else 280
        metrics = option.fontMetrics
        line = metrics.height()
        title = QRect(_PAD + 2, _PAD, max(width - 2 * _PAD - 4, 40), line)
        text = str(index.data(DESCRIPTION_ROLE) or "")
        key = (title.width(), line, text)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 200:  # widths seen while the window is resized
                self._heights.clear()
            wrapped = metrics.boundingRect(QRect(0, 0, title.width(), 10_000), _WRAP, text)
            height = self._heights[key] = wrapped.height()
        description = QRect(title.left(), title.bottom() + 3, title.width(), height)
        return title, description

    def sizeHint(self, option: QStyleOptionViewItem, index: _INDEX) -> QSize:
        _title, description = self._rects(option, index)
        return QSize(description.right() + _PAD, description.bottom() + _PAD + 2)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: _INDEX) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        title, description = self._rects(option, index)
        origin = option.rect.topLeft()
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(strong)
        painter.drawText(title.translated(origin), _WRAP, text)
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(description.translated(origin), _WRAP, str(index.data(DESCRIPTION_ROLE)))
        painter.restore()


class KindList(QListWidget):
    """The documents, as tall as their descriptions need at the current width (no scrolling)."""

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        wanted = rows + 2 * self.frameWidth() + 2 * self.spacing() + 2
        if wanted != self.height():
            self.setFixedHeight(wanted)


class ReportForm(QWidget):
    """Document list, fiscal year, the ids the document needs, the Cerfa variant."""

    #: The years or the choices were shown (the page updates its buttons).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fields: dict[str, TargetField] = {}
        self._wanted_year: int | None = None  # asked for before the years were read
        present = ctx.presenter.present
        # two loads, so that the choices asked for while the years are read do not drop them
        self._year_loads = PageLoads(self, ctx.runner, on_error=lambda e: present(e, self))
        self._target_loads = PageLoads(self, ctx.runner, on_error=lambda e: present(e, self))

        self.kind_list = KindList()
        self.kind_list.setObjectName("reportKinds")
        self.kind_list.setAccessibleName(self.tr("Document"))
        self.kind_list.setItemDelegate(KindDelegate(self.kind_list))
        self.kind_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.kind_list.setWordWrap(True)
        for key, title, description in kind_texts():
            item = QListWidgetItem(title)
            item.setData(KIND_ROLE, key)
            item.setData(DESCRIPTION_ROLE, description)
            item.setToolTip(description)
            self.kind_list.addItem(item)
        self.kind_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kind_list.fit_height()

        self.year_combo = _combo(self.tr("Fiscal year"))
        self.combos: dict[str, QComboBox] = {
            "funder": _combo(self.tr("Funder")),
            "grant": _combo(self.tr("Grant")),
            "member": _combo(self.tr("Member")),
            "call": _combo(self.tr("Call for funds")),
            "service": _combo(self.tr("Shared service")),
        }
        self.group_rows = QCheckBox(self.tr("Variant with the group rows &only"))
        self.group_rows.setAccessibleName(self.tr("Group rows only"))
        self.group_rows.setToolTip(
            self.tr(
                "Print only the grey group rows of the Cerfa grid (60, 61, 62…), "
                "not their sub-lines."
            )
        )
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Fiscal &year"), self.year_combo)
        labels = {
            "funder": self.tr("F&under"),
            "grant": self.tr("G&rant"),
            "member": self.tr("&Member"),
            "call": self.tr("&Call for funds"),
            "service": self.tr("&Service"),
        }
        for name, combo in self.combos.items():
            self.form.addRow(labels[name], combo)
        self.form.addRow(self.group_rows)  # across both columns: the form no wider for it
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

        heading = QLabel(self.tr("Document"))
        heading.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.kind_list)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)

        self.kind_list.currentRowChanged.connect(lambda _row: self.reload_targets())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload_targets())
        self.combos["member"].currentIndexChanged.connect(lambda _i: self._reload_calls())
        self.kind_list.setCurrentRow(0)
        self.reload_years()

    @property
    def loading(self) -> bool:
        """The years or the choices are on their way (the request would use older ones)."""
        return self._year_loads.loading or self._target_loads.loading

    # --- what is chosen ----------------------------------------------------------------------
    def kind(self) -> str:
        item = self.kind_list.currentItem()
        return str(item.data(KIND_ROLE)) if item is not None else "activity"

    def select_kind(self, key: str) -> None:
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(KIND_ROLE) == key:
                self.kind_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def year(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def select_year(self, year: int) -> None:
        """Choose ``year``; one not listed yet is chosen once the years are read again."""
        index = self.year_combo.findData(year)
        if index >= 0 and not self._year_loads.loading:
            self._wanted_year = None
            self.year_combo.setCurrentIndex(index)
            return
        self._wanted_year = year
        self.reload_years()

    def missing(self) -> list[TargetField]:
        """The required ids with nothing to choose from (the document cannot be built)."""
        return [f for f in self.fields.values() if f.required and not f.choices]

    def request(self) -> ReportRequest:
        ids = {f"{name}_id": self.combos[name].currentData() for name in self.fields}
        return ReportRequest(
            self.kind(),
            self.year() or dt.date.today().year,
            group_rows_only=self.kind() in CERFA_KINDS and self.group_rows.isChecked(),
            **ids,
        )

    def target_label(self) -> str | None:
        """What the file name should name: the call, grant, member, funder or service."""
        if "call" in self.fields and self.combos["call"].currentData() is not None:
            return self.combos["call"].currentText().split(" — ")[0]
        for name in ("grant", "member", "funder", "service"):
            if name in self.fields and self.combos[name].currentData() is not None:
                return self.combos[name].currentText().split(" — ")[0]
        return None

    # --- loading the choices -----------------------------------------------------------------
    def reload_years(self) -> None:
        """Read the fiscal years (on a worker), then show them, keeping the year chosen."""
        years = self.ctx.fiscal_years
        self._year_loads.start(years.list_years, self._show_years)

    def _show_years(self, years: Any) -> None:
        current = self.year()
        wanted, self._wanted_year = self._wanted_year, None
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for view in years:
            self.year_combo.addItem(view.label, view.start_year)
        this_year = next((v.start_year for v in years if v.current), None)
        index = self.year_combo.findData(wanted) if wanted is not None else -1
        if index < 0:
            index = self.year_combo.findData(current if current is not None else this_year)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)
        if self.year() != current:
            self.reload_targets()
        else:
            self.loaded.emit()

    def reload_targets(self) -> None:
        """Read what the chosen document needs for the chosen year (on a worker), then show
        it; the choices made in the combos are kept when still offered."""
        year, kind = self.year(), self.kind()
        if year is None:  # the years are on their way: their arrival asks again
            self._target_loads.cancel()
            self._show_targets((kind, self._member(), ()))
            return
        uow, member = self.ctx.uow, self._member()
        self._target_loads.start(
            lambda: (kind, member, available_targets(uow, kind, year, member_id=member)),
            self._show_targets,
        )

    def _show_targets(self, result: tuple[str, int | None, tuple[TargetField, ...]]) -> None:
        kind, member, needed = result
        self.fields = {field.name: field for field in needed}
        for name, combo in self.combos.items():
            field = self.fields.get(name)
            _fill(combo, field, self._all_label(name))
            self.form.setRowVisible(combo, field is not None)
        self.form.setRowVisible(self.group_rows, kind in CERFA_KINDS)
        self._update_hint()
        if "call" in self.fields and member != self._member():
            # the calls were read for the member chosen before: read the chosen one's
            self.reload_targets()
            return
        self.loaded.emit()

    def _member(self) -> int | None:
        value = self.combos["member"].currentData()
        return int(value) if value is not None else None

    def _reload_calls(self) -> None:
        """Another member chosen: its calls (the whole choices read again, on a worker)."""
        if "call" not in self.fields or self.year() is None:
            return
        self.reload_targets()

    def _all_label(self, name: str) -> str:
        return {
            "funder": self.tr("All funders"),
            "service": self.tr("All services"),
            "call": self.tr("The whole year (statement)"),
        }.get(name, "")

    def _update_hint(self) -> None:
        texts = {
            "grant": self.tr("No grant concerns this fiscal year: record one on the Funding page."),
            "member": self.tr("No member in this fiscal year."),
        }
        missing = self.missing()
        self.hint.setText(" ".join(texts.get(f.name, "") for f in missing))
        self.hint.setVisible(bool(missing))


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def _fill(combo: QComboBox, field: TargetField | None, all_label: str) -> None:
    """Put ``field``'s choices in ``combo`` (after "all…" when optional), keeping the choice."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if field is not None:
        if not field.required:
            combo.addItem(all_label, None)
        for choice in field.choices:
            combo.addItem(choice.label, choice.id)
            combo.setItemData(combo.count() - 1, choice.label, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(kept) if kept is not None else -1
        combo.setCurrentIndex(max(index, 0))
        combo.setEnabled(combo.count() > 0)
    combo.blockSignals(False)
