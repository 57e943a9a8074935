"""The payments, unpaid and balances tabs of the calls page.

The payments list (« Règlements ») is paged by keyset like the call list
(:class:`PaymentListModel` on :class:`~ptce_desktop.ui.pages.keyset_model.KeysetListModel`,
:meth:`PaymentService.list_payment_page`): the page's loading worker reads its first page with
the count and the totals of every payment the search leaves (summed by the database), the view
pulls the next pages as it scrolls, and a search or a click on a sortable header (date,
member, amount: each read along an index) asks the database again, in the tab's own
:class:`~ptce_desktop.ui.pages.loading.PageLoads`. The newest payments come first.

Every payment change is one :class:`~ptce_desktop.services.calls.payments.PaymentService` call
pushed
on the undo stack: a new payment undoes by deleting it (redo records it again with the matches
it got the first time), an edit undoes by applying the previous values and matches, a delete
undoes by recording the payment again with its matches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payment_listing import DEFAULT_SORT, PaymentPage
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.calls.views import CallSummary, PaymentView
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.calls.dialogs import (
    PaymentDialog,
    PaymentInput,
    payment_method_label,
    payment_methods,
)
from ptce_desktop.ui.pages.keyset_model import PAGE_SIZE, KeysetListModel
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

if TYPE_CHECKING:
    from ptce_desktop.ui.shell.context import AppContext

translate = QCoreApplication.translate


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def payment_columns() -> list[Column]:
    return [
        Column(translate("PaymentsTab", "Date"), lambda p: p.date, display=_date),
        Column(translate("PaymentsTab", "Member"), lambda p: p.member_name),
        Column(
            translate("PaymentsTab", "Amount"),
            lambda p: p.amount_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(translate("PaymentsTab", "Method"), lambda p: payment_method_label(p.method)),
        Column(translate("PaymentsTab", "Reference"), lambda p: p.reference),
        Column(
            translate("PaymentsTab", "Matched"),
            lambda p: p.matched_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("PaymentsTab", "Unmatched"),
            lambda p: p.unmatched_cents,
            display=money_text,
            align=RIGHT,
            header_tooltip=translate(
                "PaymentsTab", "What no call absorbs: a credit on the member's account"
            ),
        ),
    ]


# Column numbers of the payments list.
DATE, MEMBER, AMOUNT, METHOD, REFERENCE, MATCHED, UNMATCHED = range(7)
# The columns the list can be sorted by (the service's orders, each along an index).
SORTS = {DATE: "date", MEMBER: "member", AMOUNT: "amount"}
# Rows kept when the list is read again after a change (those scrolled to, up to this).
KEEP_LOADED_MAX = 10 * PAGE_SIZE


class PaymentListModel(KeysetListModel):
    """The payments of one year, one keyset page at a time, in the order ``sort_key``
    (``"-date"``: the newest first). ``sortChanged(key)``: a header asked for another order
    (the tab reads the list again)."""

    sortChanged = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column],
        pages: Callable[[str, str, str | None, int], PaymentPage],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            columns,
            lambda search, after, limit: pages(search, self.sort_key, after, limit),
            parent,
        )
        self.sort_key = DEFAULT_SORT

    def show_page(self, page: Any, search: str = "") -> None:
        if isinstance(page, PaymentPage):
            self.sort_key = page.sort
        super().show_page(page, search)

    def sortable(self, column: int) -> bool:
        return column in SORTS

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the current sort (for the header's indicator)."""
        name = self.sort_key.removeprefix("-")
        descending = self.sort_key.startswith("-")
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        column = next((c for c, key in SORTS.items() if key == name), DATE)
        return column, order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORTS:
            return  # no index behind it (method, reference, matched…): the arrow goes back
        name = SORTS[column]
        key = name if order == Qt.SortOrder.AscendingOrder else f"-{name}"
        if key == self.sort_key:
            return
        self.sort_key = key
        self.stop_paging()  # the rows shown are of the old order: no next page of them
        self.sortChanged.emit(key)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
            and section not in SORTS
        ):
            hint = value or self._columns[section].header
            return f"{hint} {translate('CostListModel', '(cannot be sorted)')}"
        return value


@dataclass(frozen=True)
class PaymentsLoaded:
    """The payments list's first page as a load read it (the year and search it was for)."""

    year: int
    search: str
    page: PaymentPage | None


def confirm_delete_payment(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("PaymentsTab", "Delete a payment"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _input_of(payment: PaymentView) -> PaymentInput:
    return PaymentInput(
        member_id=payment.member_id,
        date=payment.date,
        amount_cents=payment.amount_cents,
        method=payment.method,
        reference=payment.reference,
        note=payment.note,
        matches=payment.matches_by_call(),
    )


class PaymentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service: PaymentService = ctx.service(PaymentService)
        self.calls: CallService = ctx.service(CallService)
        self.history = ctx.history
        self.year: int | None = None
        # a payment to select when the list is next shown (one just recorded).
        self._select_after_load: int | None = None
        columns = payment_columns()
        self.model = PaymentListModel(columns, self._next_payments)
        self.panel = ListPanel(
            "payments",
            columns,
            self.tr("Search a payment (member, reference, method…)"),
            lambda n: self.tr("%n payment(s)", "", n),
            paged_model=self.model,
        )
        self.add_button = self.panel.add_button(self.tr("&Add…"))
        self.edit_button = self.panel.add_button(self.tr("&Edit…"))
        self.delete_button = self.panel.add_button(self.tr("&Delete"))
        self.panel.bar.addWidget(import_button("payments"))
        # amount, matched, unmatched of every payment the search leaves, summed by the database
        self.panel.add_totals(AMOUNT, MATCHED, UNMATCHED)
        self.matches_label = QLabel()
        self.matches_label.setObjectName("hint")
        self.matches_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.matches_label)
        # a search or another order reads the list alone (the other tabs do not change)
        self.loads = PageLoads(self, ctx.runner, over=self.panel.view, on_error=self._failed)
        # the header sorts in SQL: its arrow shows the model's order before sorting is on
        self._show_sort()
        self.panel.view.setSortingEnabled(True)
        self.panel.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.model.sortChanged.connect(lambda _key: self.reload_list())
        self.panel.searchChanged.connect(lambda _text: self.reload_list())
        self.add_button.clicked.connect(self.new_payment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.panel.activated.connect(lambda _row: self.edit_selected())
        self.panel.deleteRequested.connect(self.delete_selected)
        self.panel.currentChanged.connect(self._current_changed)

    # --- loading -----------------------------------------------------------------------------
    def first_page_query(
        self, year: int | None, *, keep_loaded: bool = True
    ) -> Callable[[], PaymentsLoaded]:
        """The list's first page (with the count and the totals of every payment the search
        leaves) as a plain function calling the service only: the page's loading worker runs
        it. After a change it reads as many rows as were loaded (up to
        :data:`KEEP_LOADED_MAX`), so the row being worked on stays in the list."""
        service, search, sort = self.service, self.panel.search.text(), self.model.sort_key
        labels = dict(payment_methods())
        limit = PAGE_SIZE
        if keep_loaded:
            limit = min(max(PAGE_SIZE, self.model.rowCount()), KEEP_LOADED_MAX)

        def query() -> PaymentsLoaded:
            if year is None:
                return PaymentsLoaded(0, search, None)
            page = service.list_payment_page(
                year,
                search=search,
                sort=sort,
                limit=limit,
                count=True,
                totals=True,
                method_labels=labels,
            )
            return PaymentsLoaded(year, search, page)

        return query

    def load(self, year: int) -> None:
        """Read and show ``year``'s first page here (the page reads it in its worker)."""
        self.year = year
        self.show_loaded(self.first_page_query(year)())

    def reload_list(self) -> None:
        """The search or the order changed: the first page read again, in the tab's worker."""
        if self.year is None:
            return
        self.model.stop_paging()
        self.loads.start(self.first_page_query(self.year, keep_loaded=False), self.show_loaded)

    def show_loaded(self, loaded: PaymentsLoaded) -> None:
        """Show a first page read by a load (dropped when another year, search or order was
        asked for meanwhile: its own load is on its way)."""
        page = loaded.page
        if page is not None and (
            loaded.search != self.panel.search.text() or page.sort != self.model.sort_key
        ):
            return
        self.year = loaded.year if page is not None else self.year
        panel = self.panel
        selected = self._select_after_load or panel.selected_id()
        self._select_after_load = None
        self.model.show_page(page, loaded.search)
        panel.fit_once(bool(page is not None and page.rows))
        if page is None:
            panel.show_counts(0, 0)
            panel.show_totals(0, None)
        else:
            panel.show_counts(page.total_count, page.year_count)
            totals = page.totals
            panel.show_totals(
                totals.count if totals is not None else 0,
                None
                if totals is None
                else {
                    AMOUNT: totals.amount_cents,
                    MATCHED: totals.matched_cents,
                    UNMATCHED: totals.unmatched_cents,
                },
            )
        self._show_sort()
        self.select_payment(selected)
        self.update_buttons()

    def select_payment(self, payment_id: int | None) -> None:
        """Make ``payment_id`` current, loading the pages up to it (a few at most)."""
        if payment_id is not None:
            self.model.fetch_until(payment_id)
        self.panel.select_id(payment_id)

    def _next_payments(self, search: str, sort: str, after: str | None, limit: int) -> PaymentPage:
        """The list's next page as the view scrolls (a range of an index: a few ms)."""
        if self.year is None:
            return PaymentPage((), None, sort)
        return self.service.list_payment_page(
            self.year,
            search=search,
            sort=sort,
            after=after,
            limit=limit,
            method_labels=dict(payment_methods()),
        )

    def _failed(self, error: BaseException) -> None:
        self.ctx.presenter.present(error, self)

    # --- sorting (in SQL) --------------------------------------------------------------------
    def _show_sort(self) -> None:
        column, order = self.model.sort_column()
        header = self.panel.view.horizontalHeader()
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def _sort_clicked(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            self._show_sort()  # that column has no SQL order: the arrow goes back

    def update_buttons(self) -> None:
        row = self.panel.current_row()
        writable = not self.ctx.read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(writable and row is not None)

    def _current_changed(self, payment: PaymentView | None) -> None:
        self.update_buttons()
        if payment is None:
            self.matches_label.setText("")
            return
        if not payment.matches:
            self.matches_label.setText(self.tr("This payment settles no call."))
            return
        settled = ", ".join(
            f"{m.call_number} ({money_text(m.amount_cents)})" for m in payment.matches
        )
        self.matches_label.setText(self.tr("Settles: %1").replace("%1", settled))

    # --- helpers for the dialog --------------------------------------------------------------
    def members(self) -> list[tuple[int, str]]:
        rows = self.ctx.members.list_members(include_archived=True, year=self.year)
        return sorted(((row.id, row.name) for row in rows), key=lambda m: m[1].casefold())

    def open_calls(self, member_id: int) -> list[CallSummary]:
        """The member's calls of every known year (a late payment may settle an old one)."""
        calls: list[CallSummary] = []
        for year in self.ctx.fiscal_years.list_years():
            calls.extend(self.calls.list_call_summaries(year.start_year, member_id=member_id))
        return sorted(calls, key=lambda c: (c.due_date, c.issue_date, c.number))

    def _default_date(self) -> dt.date:
        today = dt.date.today()
        if self.year is None:
            return today
        view = self.ctx.fiscal_years.get(self.year)
        return today if view.start <= today <= view.end else view.end

    def _dialog(self, payment: PaymentView | None) -> PaymentDialog:
        save = self._create if payment is None else lambda entry: self._update(payment, entry)
        return PaymentDialog(
            self.members(), self.open_calls, save, payment, self._default_date(), self
        )

    # --- actions -----------------------------------------------------------------------------
    def new_payment(self) -> PaymentView | None:
        if self.ctx.read_only:
            return None
        dialog = self._dialog(None)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        created = dialog.result_value
        if self.model.holds(created.id):
            self.panel.select_id(created.id)  # the load the change started has been shown
        elif self.ctx.runner.inline:
            self.select_payment(created.id)  # shown already, further down: a few pages at most
        else:
            self._select_after_load = created.id  # the load the change started will show it
        return created

    def edit_selected(self) -> PaymentView | None:
        row = self.panel.current_row()
        if row is None:
            return None
        dialog = self._dialog(self.service.get_payment(row.id))
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.result_value if accepted else None

    def delete_selected(self) -> bool:
        row = self.panel.current_row()
        if row is None or self.ctx.read_only:
            return False
        payment = self.service.get_payment(row.id)
        question = (
            self.tr("Delete the payment of %1 from “%2” dated %3? You can undo it with Ctrl+Z.")
            .replace("%1", money_text(payment.amount_cents))
            .replace("%2", payment.member_name)
            .replace("%3", format_date(payment.date))
        )
        if not confirm_delete_payment(self, question):
            return False
        entry = _input_of(payment)
        member = self.history.ref("member", payment.member_id)
        text = self.tr("Delete a payment from “%1”").replace("%1", payment.member_name)
        try:
            self.history.delete(
                text,
                "payment",
                payment.id,
                self.service.delete_payment,
                lambda: self._record(replace(entry, member_id=member.id)),
            )
        except Exception as error:  # a closed year: a message, never a traceback
            self.ctx.presenter.present(error, self)
            return False
        return True

    # --- service calls with undo -------------------------------------------------------------
    def _record(self, entry: PaymentInput) -> PaymentView:
        return self.service.record_payment(
            entry.member_id,
            entry.date,
            entry.amount_cents,
            entry.method,
            entry.reference,
            entry.note,
            matches=entry.matches,
        )

    def _apply(self, payment_id: int, entry: PaymentInput) -> PaymentView:
        return self.service.update_payment(
            payment_id,
            entry.member_id,
            entry.date,
            entry.amount_cents,
            entry.method,
            entry.reference,
            entry.note,
            matches=entry.matches,
        )

    def _create(self, entry: PaymentInput) -> PaymentView:
        state: dict[str, Any] = {"entry": entry}
        member = self.history.ref("member", entry.member_id)

        def create() -> PaymentView:
            view = self._record(replace(state["entry"], member_id=member.id))
            # redo repeats exactly the matching that was done the first time
            state["entry"] = _input_of(view)
            return view

        name = dict(self.members()).get(entry.member_id, "")
        text = self.tr("Record a payment from “%1”").replace("%1", name)
        return self.history.create(text, "payment", create, self.service.delete_payment)

    def _update(self, payment: PaymentView, entry: PaymentInput) -> PaymentView:
        text = self.tr("Edit a payment from “%1”").replace("%1", payment.member_name)
        before, after = _input_of(payment), entry
        members = (
            self.history.ref("member", before.member_id),
            self.history.ref("member", after.member_id),
        )

        def apply(payment_id: int, state: tuple[PaymentInput, Any]) -> PaymentView:
            values, member = state
            return self._apply(payment_id, replace(values, member_id=member.id))

        return self.history.update(
            text, "payment", payment.id, apply, (before, members[0]), (after, members[1])
        )


class DebtsTab(ListPanel):
    """Members who still owe on the year's calls, the largest debt first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        columns = [
            Column(translate("DebtsTab", "Member"), lambda d: d.name),
            Column(
                translate("DebtsTab", "Outstanding"),
                lambda d: d.outstanding_cents,
                display=money_text,
                align=RIGHT,
            ),
            Column(
                translate("DebtsTab", "Oldest due date"), lambda d: d.oldest_due_date, display=_date
            ),
            Column(
                translate("DebtsTab", "Days late"),
                lambda d: d.days_late,
                display=lambda v: str(v) if v else "",
                align=RIGHT,
            ),
            Column(
                translate("DebtsTab", "Last reminder"),
                lambda d: self.reminded.get(d.member_id),
                display=_date,
            ),
        ]
        #: member id → the date of the member's latest reminder letter (relance).
        self.reminded: dict[int, Any] = {}
        super().__init__(
            "debts",
            columns,
            translate("DebtsTab", "Search a member"),
            lambda n: translate("DebtsTab", "%n member(s) owing", "", n),
            parent,
            # the names take the spare width, each other column its contents and its title
            stretch_column=0,
        )
        self.panel = self
        _below_the_tabs(self)
        self.reminder_button = self.add_button(translate("DebtsTab", "&Reminder letters…"))
        self.reminder_button.setToolTip(
            translate(
                "DebtsTab",
                "A reminder letter per member listed, with its unpaid calls past due, and a "
                "ready-to-send e-mail for members with an address; the date is recorded.",
            )
        )


class BalancesTab(ListPanel):
    """Per member: called, paid, outstanding, unmatched credit and the balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        def amount(header: str, value: Any, tip: str | None = None) -> Column:
            return Column(header, value, display=money_text, align=RIGHT, header_tooltip=tip)

        columns = [
            Column(translate("BalancesTab", "Member"), lambda b: b.name),
            amount(translate("BalancesTab", "Called"), lambda b: b.called_cents),
            amount(translate("BalancesTab", "Paid"), lambda b: b.paid_cents),
            amount(translate("BalancesTab", "Outstanding"), lambda b: b.outstanding_cents),
            amount(
                translate("BalancesTab", "Unmatched credit"),
                lambda b: b.unapplied_cents,
                translate("BalancesTab", "Payments of the year that no call absorbs"),
            ),
            amount(
                translate("BalancesTab", "Balance"),
                lambda b: b.outstanding_cents - b.unapplied_cents,
                translate(
                    "BalancesTab", "Positive: the member owes; negative: the pole owes the member"
                ),
            ),
        ]
        super().__init__(
            "balances",
            columns,
            translate("BalancesTab", "Search a member"),
            lambda n: translate("BalancesTab", "%n member(s)", "", n),
            parent,
            # « Avoir non affecté » was cut to « voir non affecté »: every amount column as
            # wide as its title and figures, the names the rest
            stretch_column=0,
        )
        self.panel = self
        _below_the_tabs(self)


def _below_the_tabs(panel: QWidget) -> None:
    """The same gap under the tab bar as the « Appels » and « Règlements » tabs."""
    layout = panel.layout()
    if layout is not None:
        layout.setContentsMargins(0, 8, 0, 0)
