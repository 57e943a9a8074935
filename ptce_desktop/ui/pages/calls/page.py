"""The « Appels de fonds et règlements » page: calls of the year, payments, debts, balances.

Four tabs over :class:`~ptce_desktop.services.calls.calls.CallService` and
:class:`~ptce_desktop.services.calls.payments.PaymentService`. Issuing calls (a quarter, or the
year-end true-up) runs through the Runner behind a progress dialog after a confirmation that
says it cannot be undone; it clears the undo history. Payments are recorded, changed and
deleted with undo (see :mod:`.calls_payments`). Below the list, the selected call's lines;
« Pourquoi ce montant ? » explains a line (see :mod:`.calls_detail`).

Loading runs through :class:`~ptce_desktop.ui.pages.loading.PageLoads` (a worker thread;
inline in tests) with its « Chargement… » state, the newest load winning. The call list is
paged by keyset (:class:`~.model.CallListModel`, :meth:`CallService.list_call_page`): the
worker reads its first page with the count and the totals of every call the search leaves
(summed by the database, never from the rows loaded), the view pulls the next pages as it
scrolls, and a search asks the database again. The debts (« Impayés ») and balances (« Soldes »)
are aggregated in SQL and read only when their tab is shown (each in its own
:class:`~ptce_desktop.ui.pages.loading.PageLoads`, « Chargement… » over it): the page's load
does not read them, and a year change or a change of the data reads again only the tab on
screen, the other one when it is next shown. The selected call's lines are read a keyset page
at a time, and the per-period PDFs ask the service for their calls. ReportLab is imported only
when a PDF is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError, error_text
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.calls.calls import CallPlan, CallService
from ptce_desktop.services.calls.exceptional import ExceptionalService
from ptce_desktop.services.calls.explain import explain_call_line
from ptce_desktop.services.calls.listing import CallSummaryPage
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.calls.reminders import ReminderService
from ptce_desktop.services.calls.views import (
    CallSummary,
    CallView,
    MemberBalance,
    MemberDebt,
)
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.calls.day_watch import DayWatch
from ptce_desktop.ui.pages.calls.detail import CallDetailPanel
from ptce_desktop.ui.pages.calls.exceptional import ExceptionalDialog
from ptce_desktop.ui.pages.calls.issue import IssueCallsDialog, IssueRequest
from ptce_desktop.ui.pages.calls.model import PAGE_SIZE, CallListModel
from ptce_desktop.ui.pages.calls.payments import (
    BalancesTab,
    DebtsTab,
    PaymentsLoaded,
    PaymentsTab,
)
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import FIT_SAMPLE_ROWS, remembered_splitter
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.table_model import RIGHT, Column
from ptce_desktop.ui.worker import run_with_progress_dialog

if TYPE_CHECKING:  # ReportLab comes with the printing, imported when a PDF is asked for
    from ptce_desktop.printing.envelopes import EnvelopeBatch

translate = QCoreApplication.translate

#: Tables whose change means the page must reload.
WATCHED = (
    "calls",
    "call_lines",
    "payments",
    "payment_matches",
    "members",
    "fiscal_years",
    "poles",
    "shared_services",
)


#: Rows measured to fit a column's width (Qt's default, 1 000, costs seconds on a large year;
#: each cell measured is several Python calls on the GUI thread): a sample, as other lists.
FIT_ROWS = FIT_SAMPLE_ROWS

#: The call list's amount columns with a total: incl. VAT, paid, outstanding.
TOTAL, PAID, OUTSTANDING = 5, 6, 7

# The first split of the « Appels » tab between the list and the selected call's detail
# (scaled to the height: two thirds for the list), and the least the detail keeps.
LIST_DETAIL_SIZES = (520, 260)
DETAIL_MIN_HEIGHT = 170


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def call_columns() -> list[Column]:
    return [
        Column(translate("CallsPage", "Number"), lambda c: c.number),
        Column(translate("CallsPage", "Member"), lambda c: c.member_name),
        Column(
            translate("CallsPage", "Period"),
            lambda c: c.period_label,
            sort_key=lambda c: (c.quarter or 5, c.number),
        ),
        Column(translate("CallsPage", "Issued"), lambda c: c.issue_date, display=_date),
        Column(translate("CallsPage", "Due"), lambda c: c.due_date, display=_date),
        Column(
            translate("CallsPage", "Total incl. VAT"),
            lambda c: c.total_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("CallsPage", "Paid"), lambda c: c.paid_cents, display=money_text, align=RIGHT
        ),
        Column(
            translate("CallsPage", "Outstanding"),
            lambda c: c.outstanding_cents,
            display=money_text,
            align=RIGHT,
        ),
    ]


@dataclass(frozen=True)
class DebtsData:
    """The « Impayés » tab of one year, read when the tab is shown."""

    year: int
    reminded: dict[int, dt.date]
    debts: list[MemberDebt]


@dataclass(frozen=True)
class BalancesData:
    """The « Soldes » tab of one year, read when the tab is shown."""

    year: int
    balances: list[MemberBalance]


@dataclass(frozen=True)
class CallsData:
    """Everything the page shows for one year, read in one worker task."""

    year: int
    #: The first page of the calls ``search`` leaves, with their counts and totals.
    calls: CallSummaryPage
    search: str
    #: The payments list's first page, with its count and totals (summed by the database).
    payments: PaymentsLoaded
    #: Whether the year is closed (read here: the fiscal years' query scans the file).
    closed: bool = False


def confirm_issue(parent: QWidget, text: str) -> bool:
    """The last word before issuing (kept apart so tests can answer it)."""
    answer = QMessageBox.question(
        parent,
        translate("CallsPage", "Issue calls"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class CallsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallsPage")
        self.ctx = ctx
        self.calls: CallService = ctx.service(CallService)
        self.payments: PaymentService = ctx.service(PaymentService)
        self.year: int | None = None
        self.today = dt.date.today
        self._select_after_load: int | None = None
        #: year → closed, as the loads read it (the buttons follow it without a query)
        self._closed: dict[int, bool] = {}
        #: Counts the page's reloads (a year, a change of the data): a lazy tab shown with
        #: another count than the one it was read for is read again.
        self._generation = 0
        #: tab → the reload count its rows were read for (``None``: never read)
        self._tab_generation: dict[QWidget, int | None] = {}
        #: tab → the year its rows are of (a tab of another year is emptied before its load)
        self._tab_year: dict[QWidget, int | None] = {}
        #: the day « Impayés » counted its days late to (read again on another day)
        self._debts_day: dt.date | None = None
        #: past midnight the days late on screen are a day behind
        self.day_watch = DayWatch(self)
        self.day_watch.dayChanged.connect(self._day_changed)

        columns = call_columns()
        self.call_model = CallListModel(columns, self._next_calls)
        self.calls_panel = ListPanel(
            "calls",
            columns,
            self.tr("Search a call (number, member, period…)"),
            lambda n: self.tr("%n call(s)", "", n),
            paged_model=self.call_model,
        )
        # the totals of every call the search leaves, summed by the database
        self.calls_panel.add_totals(TOTAL, PAID, OUTSTANDING)
        self.issue_button = self.calls_panel.add_button(self.tr("&Issue the quarter's calls…"))
        self.true_up_button = self.calls_panel.add_button(self.tr("Year-end &true-up…"))
        # the less frequent actions share one button, so the page fits a 1200-px window
        self.more_button = self.calls_panel.add_button(self.tr("&More"))
        more = QMenu(self.more_button)
        self.exceptional_button = more.addAction(self.tr("E&xceptional line…"))
        self.exceptional_calls_button = more.addAction(self.tr("Exceptional &calls…"))
        self.envelopes_button = more.addAction(self.tr("One PDF per &member…"))
        self.envelopes_button.setToolTip(
            self.tr(
                "The calls of the selected call's period: one PDF per member, one merged PDF "
                "to print and a ready-to-send e-mail for members with an address."
            )
        )
        more.setToolTipsVisible(True)
        self.more_button.setMenu(more)
        self.detail = CallDetailPanel(
            lambda call_id, service_id, line_id=None: explain_call_line(
                ctx.uow, call_id, service_id, line_id=line_id
            ),
            lines=lambda call_id, after, limit: self.calls.call_lines(
                call_id, after=after, limit=limit
            ),
        )
        # the detail below the list: every column of the list stays in view. The list is the
        # coordinator's work (a year's calls), a call's detail a handful of lines: the list
        # gets two thirds of the height, the detail never less than a readable minimum; a
        # handle the user moves is remembered
        self.detail.setMinimumHeight(DETAIL_MIN_HEIGHT)
        self.splitter = remembered_splitter(
            ui_settings(),
            "calls/splitter",
            "callsSplitter",
            (self.calls_panel, self.detail),
            LIST_DETAIL_SIZES,
            stretch=(2, 1),
            orientation=Qt.Orientation.Vertical,
        )
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        calls_tab = QWidget()
        calls_layout = QVBoxLayout(calls_tab)
        calls_layout.setContentsMargins(0, 8, 0, 0)
        calls_layout.addWidget(self.splitter, 1)
        calls_layout.addWidget(self.status)

        self.payments_tab = PaymentsTab(ctx, self)
        self.debts_tab = DebtsTab(self)
        self.balances_tab = BalancesTab(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(calls_tab, self.tr("&Calls for funds"))
        self.tabs.addTab(self.payments_tab, self.tr("&Payments"))
        self.tabs.addTab(self.debts_tab, self.tr("&Unpaid by member"))
        self.tabs.addTab(self.balances_tab, self.tr("&Balances"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for panel in (self.calls_panel, self.payments_tab.panel, self.debts_tab, self.balances_tab):
            # columns are fitted to the first rows, not to a year's thousands of calls (a saved
            # header state written before this setting brings its own precision back)
            panel.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.loads = PageLoads(self, ctx.runner, over=self.tabs, on_error=self._load_failed)
        # a new search reads the list alone (the other tabs do not change)
        self.search_loads = PageLoads(
            self, ctx.runner, over=self.calls_panel.view, on_error=self._load_failed
        )
        self.calls_panel.searchChanged.connect(self._search)
        # « Impayés » and « Soldes » are read when shown: on 5 000 members their queries and
        # the filling of their thousands of rows are work the page's first showing (and each
        # year change) need not wait for, nor the GUI thread share with a worker
        self.debts_loads = PageLoads(
            self, ctx.runner, over=self.debts_tab.view, on_error=self._load_failed
        )
        self.balances_loads = PageLoads(
            self, ctx.runner, over=self.balances_tab.view, on_error=self._load_failed
        )
        for tab in (self.debts_tab, self.balances_tab):
            self._tab_generation[tab] = None
            self._tab_year[tab] = None
        self.tabs.currentChanged.connect(lambda _index: self._load_shown_tab())

        self.calls_panel.currentChanged.connect(self._show_call)
        self.issue_button.clicked.connect(lambda: self.issue_calls(true_up=False))
        self.true_up_button.clicked.connect(lambda: self.issue_calls(true_up=True))
        self.exceptional_button.triggered.connect(self.add_exceptional)
        self.envelopes_button.triggered.connect(lambda: self.write_envelopes())
        self.debts_tab.reminder_button.clicked.connect(lambda: self.write_reminders())
        self.exceptional_calls_button.triggered.connect(
            lambda: self.issue_calls(true_up=False, exceptional=True)
        )
        self._show_call(None)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        panel = getattr(current, "panel", self.calls_panel)
        panel.focus_search()

    def new_item(self) -> Any:
        self.tabs.setCurrentWidget(self.payments_tab)
        return self.payments_tab.new_payment()

    def set_fiscal_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.reload()

    def refresh(self, changes: Any) -> None:
        if self.year is not None and touches(changes, *WATCHED):
            self.reload()

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the year's calls, payments, debts and balances in a worker, then show them."""
        if self.year is None:
            return
        year, today = self.year, self.today()
        calls, fiscal_years = self.calls, self.ctx.fiscal_years
        search = self.calls_panel.search.text()
        payments_page = self.payments_tab.first_page_query(year)
        self._update_buttons()  # they follow the year and the file, not the rows

        def fetch() -> CallsData:
            return CallsData(
                year=year,
                calls=first_calls(calls, year, search),
                search=search,
                payments=payments_page(),
                closed=fiscal_years.get(year).closed,
            )

        self._generation += 1
        self.loads.start(fetch, self._loaded)
        self._load_shown_tab(today)

    def _load_shown_tab(self, today: dt.date | None = None) -> None:
        """Read the debts or balances tab if it is the one on screen and its rows are not of
        the page's latest reload (its year, its data) — nor, for the debts, of today."""
        tab = self.tabs.currentWidget()
        year, generation = self.year, self._generation
        if year is None or tab not in self._tab_generation:
            return
        on = today or self.today()
        another_day = tab is self.debts_tab and self._debts_day != on
        if self._tab_generation[tab] == generation and not another_day:
            return
        if self._tab_year[tab] != year and isinstance(tab, ListPanel):
            tab.set_rows([])  # not another year's figures under this year's title
            self._tab_year[tab] = None
            self._update_reminder_button()
        self._tab_generation[tab] = generation  # asked for: not asked again while on its way
        payments = self.payments
        if tab is self.debts_tab:
            self._debts_day = on
            reminders = self.ctx.service(ReminderService)

            def debts() -> DebtsData:
                return DebtsData(
                    year=year,
                    reminded=reminders.last_by_member(),
                    debts=payments.outstanding_by_member(year, on=on),
                )

            self.debts_loads.start(
                debts, self._debts_loaded, on_error=lambda e: self._tab_failed(tab, e)
            )
        else:

            def balances() -> BalancesData:
                return BalancesData(year=year, balances=payments.balances(year))

            self.balances_loads.start(
                balances, self._balances_loaded, on_error=lambda e: self._tab_failed(tab, e)
            )

    def _day_changed(self, _day: dt.date) -> None:
        """Midnight: « Impayés » on screen counts its days late again (and whoever became late
        today); hidden, it is read again when shown (:meth:`showEvent`, a change of tab)."""
        if self.isVisible():
            self._load_shown_tab()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._load_shown_tab()  # a day may have passed while another page was on screen

    def _debts_loaded(self, data: DebtsData) -> None:
        if data.year != self.year:
            return  # another year is on its way
        self.debts_tab.reminded = dict(data.reminded)
        self.debts_tab.set_rows(data.debts)
        self._tab_year[self.debts_tab] = data.year
        self._update_reminder_button()

    def _balances_loaded(self, data: BalancesData) -> None:
        if data.year != self.year:
            return
        self.balances_tab.set_rows(data.balances)
        self._tab_year[self.balances_tab] = data.year

    def _tab_failed(self, tab: QWidget, error: BaseException) -> None:
        self._tab_generation[tab] = None  # read again when next shown
        self._load_failed(error)

    def _search(self, text: str) -> None:
        """The list's search changed: its first page, count and totals read again."""
        if self.year is None:
            return
        calls, year = self.calls, self.year
        self.search_loads.start(
            lambda: first_calls(calls, year, text), lambda page: self._show_calls(year, text, page)
        )

    def _next_calls(
        self, search: str, after: tuple[str, int] | None, limit: int
    ) -> CallSummaryPage:
        """The list's next page as the view scrolls (a range of the index: a few ms)."""
        if self.year is None:
            return CallSummaryPage((), None)
        return self.calls.list_call_page(self.year, search=search, after=after, limit=limit)

    def _show_calls(self, year: int, search: str, page: CallSummaryPage) -> None:
        if year != self.year or search != self.calls_panel.search.text():
            return  # another year or search is on its way
        panel = self.calls_panel
        selected = panel.selected_id()
        self.call_model.show_page(page, search)
        panel.fit_once(bool(page.rows))
        panel.show_counts(page.total_count, page.year_count)
        totals = page.totals
        panel.show_totals(
            totals.count if totals is not None else 0,
            None
            if totals is None
            else {
                TOTAL: totals.total_cents,
                PAID: totals.paid_cents,
                OUTSTANDING: totals.outstanding_cents,
            },
        )
        self.select_call(selected)

    def select_call(self, call_id: int | None) -> None:
        """Make ``call_id`` the current call, loading the pages up to it (a few at most)."""
        if call_id is not None:
            self.call_model.fetch_until(call_id)
        self.calls_panel.select_id(call_id)

    def _loaded(self, data: CallsData) -> None:
        if data.year != self.year:
            return  # the year changed meanwhile: its load is on its way
        self._closed[data.year] = data.closed
        self._show_calls(data.year, data.search, data.calls)
        self.payments_tab.show_loaded(data.payments)
        if self._select_after_load is not None:
            self.select_call(self._select_after_load)
            self._select_after_load = None
        self._update_buttons()

    def _load_failed(self, error: BaseException) -> None:
        self.ctx.presenter.present(error, self)

    def _update_buttons(self) -> None:
        # a year not read yet counts as open until its load says (issuing checks it again)
        closed = self.year is not None and self._closed.get(self.year, False)
        writable = not self.ctx.read_only and not closed
        self.issue_button.setEnabled(writable)
        self.true_up_button.setEnabled(writable)
        self.exceptional_button.setEnabled(writable)
        self.exceptional_calls_button.setEnabled(writable)
        tip = self.tr("This fiscal year is closed.") if closed else ""
        self.issue_button.setToolTip(tip)
        self.true_up_button.setToolTip(tip)
        self._update_reminder_button()
        self.payments_tab.update_buttons()

    def _update_reminder_button(self) -> None:
        """« Lettres de relance » writes to the members listed: enabled once « Impayés » shows
        this year's debts (not while they load, nor with nobody late)."""
        shown = self.year is not None and self._tab_year.get(self.debts_tab) == self.year
        rows = self.debts_tab.model.rowCount() > 0
        self.debts_tab.reminder_button.setEnabled(not self.ctx.read_only and shown and rows)

    def _show_call(self, call: CallSummary | None) -> None:
        self.detail.show_call(call)

    def issued_quarters(self) -> set[int]:
        if self.year is None:
            return set()
        return self.calls.issued_quarters(self.year)

    # --- issuing -----------------------------------------------------------------------------
    def period_call_ids(self) -> list[int]:
        """The calls of the same period as the selected call (same year, quarter and kind),
        asked of the service: the list holds only the pages loaded, and its search."""
        selected: CallSummary | None = self.calls_panel.current_row()
        if selected is None:
            return []
        return self.calls.period_call_ids(selected.id)

    def write_envelopes(self, folder: Path | None = None) -> EnvelopeBatch | None:
        """One PDF per member of the selected call's period in a folder the user picks, a
        merged PDF and the .eml drafts (nothing is sent)."""
        selected: CallSummary | None = self.calls_panel.current_row()
        ids = self.period_call_ids()
        if selected is None or not ids:
            self.status.setText(self.tr("Select a call first: its period's calls are written."))
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the calls of %1").replace("%1", selected.period_label)
            )
            if not chosen:
                return None
            folder = Path(chosen)
        from ptce_desktop.printing.envelopes import write_envelopes  # ReportLab, when asked

        try:
            batch = write_envelopes(self.ctx.uow, ids, folder)
        except (PtceError, OSError) as error:
            self.ctx.presenter.present(error, self)
            return None
        self.status.setText(
            self.tr("%n PDF(s) written in %1", "", len(batch.envelopes)).replace("%1", str(folder))
            + f" ({batch.emails} .eml)"
        )
        return batch

    def write_reminders(self, folder: Path | None = None) -> EnvelopeBatch | None:
        """A reminder letter per member listed in « Impayés » (calls past due today), the
        .eml drafts and a merged PDF, in a folder the user picks; the date is recorded."""
        members = [debt.member_id for debt in self.debts_tab.model.rows()]
        if not members or self.ctx.read_only:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reminders"))
            if not chosen:
                return None
            folder = Path(chosen)
        from ptce_desktop.printing.envelopes import write_reminders  # ReportLab, when asked

        try:
            batch = write_reminders(self.ctx.uow, members, folder, self.today())
        except (PtceError, OSError) as error:
            self.ctx.presenter.present(error, self)
            return None
        self.reload()
        self.status.setText(
            self.tr("%n reminder(s) written in %1", "", len(batch.envelopes)).replace(
                "%1", str(folder)
            )
            + f" ({batch.emails} .eml)"
        )
        return batch

    def add_exceptional(self) -> int | None:
        """Record an exceptional line (called on the next call or on a call of its own)."""
        if self.year is None or self.ctx.read_only:
            return None
        services = [
            (view.id, view.name)
            for view in sorted(
                self.ctx.service(SharedServiceService).service_views().values(),
                key=lambda v: v.name.casefold(),
            )
        ]
        keys = [(key.id, key.name) for key in self.ctx.service(KeyService).list_keys()]
        dialog = ExceptionalDialog(
            self.ctx.service(ExceptionalService), services, keys, parent=self
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        self.status.setText(self.tr("Exceptional line recorded: it will be called once."))
        return int(dialog.result_value)

    def issue_calls(self, *, true_up: bool, exceptional: bool = False) -> IssueRequest | None:
        """Ask the quarter and dates, confirm, then issue through the Runner (not undoable)."""
        if self.year is None or self.ctx.read_only:
            return None
        year_view = self.ctx.fiscal_years.get(self.year)
        if year_view.closed:  # the buttons may not know it yet (the year's load on its way)
            self._closed[self.year] = True
            self._update_buttons()
            self.status.setText(self.tr("This fiscal year is closed."))
            return None
        year, calls = self.year, self.calls

        def preview(quarter: int | None) -> CallPlan:
            if exceptional:
                return calls.preview_exceptional_calls(year)
            if quarter is None:
                return calls.preview_true_up(year)
            return calls.preview_provisional_calls(year, quarter)

        dialog = IssueCallsDialog(
            year_view,
            self.issued_quarters(),
            true_up=true_up,
            today=self.today(),
            preview=preview,
            exceptional=exceptional,
            parent=self,
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        request: IssueRequest = dialog.result_value
        text = (
            self.tr(
                "Issue the calls for %1, dated %2 and due on %3?\n\n"
                "This cannot be undone: the calls get their numbers for good."
            )
            .replace("%1", request.period_label)
            .replace("%2", format_date(request.issue_date))
            .replace("%3", format_date(request.due_date))
        )
        if request.expected is not None:  # « Émettre 16 appels pour 45 210,00 € ? » comes last
            count, total = request.expected
            text += "\n\n" + error_text(
                "confirm_issue",
                None,
                {"count": count, "total": money_text(total)},
                current_language(),
            )
        if not confirm_issue(self, text):
            return None
        self.run_issue(request)
        return request

    def run_issue(self, request: IssueRequest) -> None:
        assert self.year is not None
        year, calls = self.year, self.calls

        def work(progress: Any) -> list[CallView]:
            progress(0, 1)
            if request.exceptional:
                done = calls.issue_exceptional_calls(
                    year,
                    issue_date=request.issue_date,
                    due_date=request.due_date,
                    expected=request.expected,
                )
            elif request.quarter is None:
                done = calls.issue_true_up(
                    year,
                    issue_date=request.issue_date,
                    due_date=request.due_date,
                    expected=request.expected,
                )
            else:
                done = calls.issue_provisional_calls(
                    year,
                    request.quarter,
                    issue_date=request.issue_date,
                    due_date=request.due_date,
                    expected=request.expected,
                )
            progress(1, 1)
            return done

        run_with_progress_dialog(
            self.ctx.runner,
            self,
            self.tr("Issuing the calls for %1…").replace("%1", request.period_label),
            work,
            on_done=self._issued,
            on_error=self._issue_failed,
        )

    def _issued(self, issued: list[CallView]) -> None:
        # Not undoable: an earlier step must not undo across numbers already given out.
        self.ctx.history.clear()
        self._select_after_load = issued[0].id if issued else None
        self.reload()
        if not issued:
            self.status.setText(self.tr("No call issued: no member had anything to pay."))
            return
        self.status.setText(
            self.tr("%n call(s) issued", "", len(issued))
            + f" ({issued[0].number} … {issued[-1].number})"
        )
        self.tabs.setCurrentIndex(0)
        self.select_call(issued[0].id)

    def _issue_failed(self, error: BaseException) -> None:
        if isinstance(error, PtceError):
            self.status.setText(error.message(current_language()))
        self.ctx.presenter.present(error, self)


def first_calls(calls: CallService, year: int, search: str) -> CallSummaryPage:
    """The list's first page with the counts and the totals of the calls ``search`` leaves
    (on the loading worker)."""
    return calls.list_call_page(year, search=search, limit=PAGE_SIZE, count=True, totals=True)


def create_page(ctx: AppContext) -> CallsPage:
    return CallsPage(ctx)
