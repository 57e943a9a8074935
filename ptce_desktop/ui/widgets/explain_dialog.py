"""« Pourquoi ce montant ? » for a cell of a member's "shares by service and quarter" table.

:class:`MemberSharesDialog` lists the member's shares of one service's costs in the fiscal
year (or one quarter of it) — :meth:`CostService.list_costs` filtered by service and member,
every page — with each cost's dates, label, amount split and the member's share; the total is
the cell's. Selecting a cost shows :meth:`CostService.explain_share` in the shared
:class:`~ptce_desktop.ui.widgets.ShareExplanationPanel`. A cost counts in the quarter of its
period start, as in the member's detail. The amount split (HT or TTC) of each cost follows the
VAT regime and registration in force on its period start
(:meth:`SharedServiceService.split_bases`), as its shares were computed: a closed year's
explanation matches its shares after a later change of regime. The dialog reads through the
services only.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.periods import FiscalYear, Period, format_date
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.costs.views import CostFilters, CostRow
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.style import title_font
from ptce_desktop.ui.widgets import ShareExplanationPanel
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate


def _date(value: Any) -> str:
    return format_date(value) if value else ""


def split_amount(row: CostRow, basis: SplitBasis) -> int:
    """What of the cost was shared between the members: its HT or its TTC (DESIGN §4.5)."""
    return row.ht_cents if basis is SplitBasis.HT else row.ttc_cents


def share_columns(basis: Callable[[CostRow], SplitBasis]) -> list[Column]:
    """Date, period, label, the amount split (HT or TTC: ``basis(row)``), the member's share."""
    return [
        Column(translate("MemberSharesDialog", "Date"), lambda r: r.invoice_date, display=_date),
        Column(
            translate("MemberSharesDialog", "Period"),
            lambda r: r.period_start,
            display=_date,
            tooltip=lambda r: f"{format_date(r.period_start)} – {format_date(r.period_end)}",
        ),
        Column(
            translate("MemberSharesDialog", "Label"), lambda r: r.label, tooltip=lambda r: r.label
        ),
        Column(
            translate("MemberSharesDialog", "Amount split"),
            lambda r: split_amount(r, basis(r)),
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("MemberSharesDialog", "Share"),
            lambda r: r.member_cents,
            display=money_text,
            align=RIGHT,
        ),
    ]


class MemberSharesDialog(QDialog):
    """One member's shares of one service in a year or a quarter, each one explainable.

    ``services`` are the (id, name) rows of the member's table; ``quarter`` None means the
    whole year. :meth:`show_shares` changes both; the combos do the same for the user.
    """

    def __init__(
        self,
        ctx: Any,
        *,
        member_id: int,
        member_name: str,
        year: int,
        services: Sequence[tuple[int, str]],
        service_id: int,
        quarter: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from ptce_desktop.services.costs.costs import CostService
        from ptce_desktop.services.costs.shared_services import SharedServiceService

        self.setObjectName("memberSharesDialog")
        self.costs: CostService = ctx.service(CostService)
        self._services_api: SharedServiceService = ctx.service(SharedServiceService)
        self.member_id = member_id
        self.year = year
        view = ctx.fiscal_years.get(year)
        self.year_label: str = view.label
        self.quarters: list[Period] = FiscalYear(year, view.start.month).quarters()
        self.rows: list[CostRow] = []
        #: the split basis of the shown costs by period start (dated VAT)
        self.bases: dict[dt.date, SplitBasis] = {}
        self.setWindowTitle(
            translate("MemberSharesDialog", "Why this amount? — %1").replace("%1", member_name)
        )
        self.resize(940, 680)

        title = QLabel(
            translate("MemberSharesDialog", "Shares of %1").replace("%1", html.escape(member_name))
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        title.setFont(title_font(title, 1.2))
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("sharesService")
        for sid, name in services:
            self.service_combo.addItem(name, sid)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("sharesPeriod")
        self.period_combo.addItem(
            translate("MemberSharesDialog", "Fiscal year %1").replace("%1", self.year_label), 0
        )
        for number, period in enumerate(self.quarters, 1):
            self.period_combo.addItem(period.label, number)
        form = QFormLayout()
        form.addRow(translate("MemberSharesDialog", "&Service:"), self.service_combo)
        form.addRow(translate("MemberSharesDialog", "&Period:"), self.period_combo)

        self.model = RowTableModel(share_columns(self.basis_of), parent=self)
        self.table = TableView("member_share_costs")
        self.table.setObjectName("memberShareCosts")
        self.table.setAccessibleName(translate("MemberSharesDialog", "Costs shared by the member"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(TableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for section in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if section == 2:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(section, mode)
        self.total_label = QLabel()
        self.total_label.setObjectName("sharesTotal")
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = ShareExplanationPanel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.total_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.explanation)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.service_combo.currentIndexChanged.connect(self._combo_changed)
        self.period_combo.currentIndexChanged.connect(self._combo_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.rowActivated.connect(self.explain)
        self.show_shares(service_id, quarter)

    # --- loading -------------------------------------------------------------------------------
    def quarter(self) -> int | None:
        return self.period_combo.currentData() or None

    def service_id(self) -> int | None:
        data = self.service_combo.currentData()
        return None if data is None else int(data)

    def show_shares(self, service_id: int, quarter: int | None) -> None:
        """Show the shares of ``service_id`` in ``quarter`` (None: the whole year)."""
        for combo, value in ((self.service_combo, service_id), (self.period_combo, quarter or 0)):
            combo.blockSignals(True)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._load()

    def _combo_changed(self, _index: int) -> None:
        self._load()

    def _load(self) -> None:
        service_id, quarter = self.service_id(), self.quarter()
        if service_id is None:  # the member shares no service this year
            self.rows = []
            self.model.set_rows([])
            self.total_label.clear()
            return
        try:
            rows = self._costs(service_id, quarter)
            self.bases = self._services_api.split_bases(
                service_id, (row.period_start for row in rows)
            )
            self.rows = rows
        except PtceError as error:
            self.rows, self.bases = [], {}
            self.total_label.setText(html.escape(error.message(current_language())))
        else:
            self.total_label.setText(self._total_text())
        self.model.set_rows(self.rows)
        self.explanation.clear()
        if self.rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def _costs(self, service_id: int, quarter: int | None) -> list[CostRow]:
        """Every cost of the service the member shares, in the year or the quarter."""
        filters = CostFilters(service_id=service_id, member_id=self.member_id)
        rows: list[CostRow] = []
        after: str | None = None
        while True:
            page = self.costs.list_costs(
                self.year, filters=filters, sort="period_start", after=after, count=after is None
            )
            rows.extend(page.rows)
            after = page.next_cursor
            if after is None:
                break
        if quarter is not None:
            period = self.quarters[quarter - 1]
            rows = [row for row in rows if period.start <= row.period_start <= period.end]
        return rows

    def basis_of(self, row: CostRow) -> SplitBasis:
        """What ``row`` was split on: HT or TTC, as in force on its period start."""
        return self.bases.get(row.period_start, SplitBasis.TTC)

    def total_cents(self) -> int:
        return sum(row.member_cents or 0 for row in self.rows)

    def _total_text(self) -> str:
        quarter = self.quarter()
        period = self.quarters[quarter - 1].label if quarter else self.year_label
        bases = {self.basis_of(row) for row in self.rows}
        if len(bases) > 1:  # the regime or the registration changed within the period
            basis = translate("MemberSharesDialog", "amounts split excl. or incl. VAT by date")
        elif bases == {SplitBasis.HT}:
            basis = translate("MemberSharesDialog", "amounts split excl. VAT")
        else:
            basis = translate("MemberSharesDialog", "amounts split incl. VAT")
        return (
            translate(
                "MemberSharesDialog",
                "%n cost(s) in %1 (%2) · the member's shares: %3",
                "",
                len(self.rows),
            )
            .replace("%1", html.escape(period))
            .replace("%2", html.escape(basis))
            .replace("%3", "<b>" + html.escape(money_text(self.total_cents())) + "</b>")
        )

    # --- explaining ----------------------------------------------------------------------------
    def _row_changed(self, *_args: Any) -> None:
        row = self.table.current_row()
        if row is not None:
            self.explain(row)

    def explain(self, row: CostRow) -> None:
        try:
            view = self.costs.explain_share(row.id, self.member_id)
        except PtceError as error:
            self.explanation.body.setText(html.escape(error.message(current_language())))
            return
        self.explanation.show_explanation(view)

    def explanation_text(self) -> str:
        return self.explanation.text()
