"""The Tableau de bord page: the key figures and charts of the selected fiscal year (read only).

Every figure comes from a service — the year summary (:class:`SummaryService`: members and
eligibility, costs, shares, calls and payments, grants), the in-kind totals
(:meth:`InKindService.totals`) and the grants per funder type
(:meth:`GrantService.totals_by_funder_type`); the page only formats them. They are loaded
through the context's Runner, off the GUI thread, so the window never freezes on a large file;
a result that arrives after the year changed again is dropped. The page reloads when a table it
shows changed, and only while it is visible (otherwise on its next showing).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.categories import FunderType, MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import InKindService, InKindTotals
from ptce_desktop.services.grants.views import FunderTypeTotal
from ptce_desktop.services.pole.todo import FirstSteps, TodoItem, TodoService
from ptce_desktop.services.summary import SummaryService, YearSummary
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.dashboard.charts import (
    ChartPanel,
    FigureCard,
    count_bar_chart,
    eligibility_html,
    grouped_bar_chart,
    horizontal_bar_chart,
    top_with_rest,
)
from ptce_desktop.ui.pages.dashboard.first_steps import FirstStepsPanel
from ptce_desktop.ui.pages.dashboard.todo import TodoPanel
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.style import ERROR

translate = QCoreApplication.translate

TOP_MEMBERS = 15
#: the services chart: this many bars, then « Autres services » adding up the rest
TOP_SERVICES = 15

#: The tables whose changes move a figure of the dashboard.
DASHBOARD_TABLES = (
    "poles",
    "fiscal_years",
    "members",
    "member_year_figures",
    "allocation_keys",
    "key_versions",
    "key_version_units",
    "key_mix_parts",
    "usage_records",
    "shared_services",
    "service_budgets",
    "costs",
    "shares",
    "calls",
    "call_lines",
    "payments",
    "payment_matches",
    "funders",
    "grants",
    "grant_plan_lines",
    "instalments",
    "redistributions",
    "in_kind_contributions",
)


@dataclass(frozen=True)
class DashboardData:
    summary: YearSummary
    in_kind: InKindTotals
    funder_types: tuple[FunderTypeTotal, ...]
    todo: tuple[TodoItem, ...] = ()
    first_steps: FirstSteps | None = None


#: The page each figure card opens.
CARD_TARGETS = {
    "members": "members",
    "costs": "costs",
    "calls": "calls",
    "grants": "funding",
    "in_kind": "in_kind",
}


class DashboardLoader:
    """Gathers the services' read models of one year (safe to run on a worker thread)."""

    def __init__(self, ctx: AppContext) -> None:
        # made here, on the GUI thread: the context's service cache is not thread-safe
        self.summary = ctx.service(SummaryService)
        self.in_kind = ctx.service(InKindService)
        self.grants = ctx.service(GrantService)
        self.todo = ctx.service(TodoService)
        self.path = ctx.path

    def load(self, year: int) -> DashboardData:
        return DashboardData(
            summary=self.summary.year_summary(year),
            in_kind=self.in_kind.totals(year),
            funder_types=tuple(self.grants.totals_by_funder_type(year)),
            todo=tuple(self.todo.items(self.path)),
            first_steps=self.todo.first_steps(),
        )


class DashboardPage(QWidget):
    """The figures of the year, what is due (« À faire ») and, on a new pole, the first steps.

    ``pageRequested(key)`` asks the window for a page (or ``"backups"``): a card or a to-do
    link was clicked.
    """

    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self.ctx = ctx
        self.loader = DashboardLoader(ctx)
        self.year: int | None = None
        self.data: DashboardData | None = None
        self._generation = 0
        self._dirty = False
        self._reloading_on_show = False
        self._category_rows: dict[str, tuple[QWidget, QLabel]] = {}
        self._movement_rows: dict[str, tuple[QWidget, QLabel]] = {}
        self._chart_steps: list[tuple[str, Any]] = []
        self._chart_timer = QTimer(self)
        self._chart_timer.setInterval(0)
        self._chart_timer.timeout.connect(self._next_chart)

        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.cards: dict[str, FigureCard] = {}
        self.values: dict[str, QLabel] = {}
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(14)
        body.addWidget(self.status)
        self.first_steps = FirstStepsPanel()
        self.first_steps.linkActivated.connect(self.pageRequested)
        self.first_steps.hide()
        body.addWidget(self.first_steps)
        self.todo = TodoPanel()
        self.todo.linkActivated.connect(self.pageRequested)
        body.addWidget(self.todo)
        body.addLayout(self._build_cards())
        body.addLayout(self._build_charts())
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- building ----------------------------------------------------------------------------
    def _card(self, key: str, title: str, rows: list[tuple[str, str, bool]]) -> FigureCard:
        card = FigureCard(title)
        for name, label, emphasis in rows:
            self.values[name] = card.add(name, label, emphasis)
        self.cards[key] = card
        return card

    def _build_cards(self) -> QGridLayout:
        members = self._card("members", self.tr("Members"), [])
        members.values.clear()
        self.members_grid = members.grid
        costs = self._card(
            "costs",
            self.tr("Shared costs"),
            [
                ("costs_ttc", self.tr("Total costs (incl. VAT)"), True),
                ("costs_split", self.tr("Amount shared between members"), False),
                ("shares", self.tr("Members' shares"), False),
                ("service_count", self.tr("Services with costs"), False),
            ],
        )
        calls = self._card(
            "calls",
            self.tr("Calls for funds"),
            [
                ("called", self.tr("Called"), True),
                ("paid", self.tr("Paid"), False),
                ("outstanding", self.tr("Outstanding"), True),
                ("unapplied", self.tr("Payments not yet matched"), False),
            ],
        )
        grants = self._card(
            "grants",
            self.tr("Grants"),
            [
                ("voted", self.tr("Voted"), True),
                ("received", self.tr("Received"), False),
                ("passed", self.tr("Passed on to members"), False),
                ("coordination", self.tr("Kept for coordination"), False),
                ("remaining", self.tr("Still to pass on"), True),
            ],
        )
        grants.extra.setText(self.tr("Grants whose period covers the year; amounts to date."))
        grants.extra.setObjectName("hint")
        grants.extra.setTextFormat(Qt.TextFormat.PlainText)
        grants.extra.show()
        in_kind = self._card(
            "in_kind",
            self.tr("In-kind contributions"),
            [
                ("in_kind", self.tr("Total value"), True),
                ("in_kind_count", self.tr("Contributions"), False),
                ("in_kind_hours", self.tr("Volunteer hours"), False),
            ],
        )
        self.eligibility = QLabel()
        self.eligibility.setObjectName("eligibility")
        self.eligibility.setWordWrap(True)
        self.eligibility.setTextFormat(Qt.TextFormat.RichText)
        members.box.insertWidget(2, self.eligibility)  # under the counts
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(members, 0, 0, 2, 1)
        grid.addWidget(costs, 0, 1)
        grid.addWidget(calls, 0, 2)
        grid.addWidget(grants, 1, 1)
        grid.addWidget(in_kind, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for key, card in self.cards.items():
            target = CARD_TARGETS[key]
            card.setToolTip(self.tr("Open the page"))
            card.clicked.connect(lambda t=target: self.pageRequested.emit(t))
        return grid

    def _build_charts(self) -> QGridLayout:
        self.charts = {
            "services": ChartPanel(self.tr("Costs by service"), "chartServices"),
            "members": ChartPanel(self.tr("Shares by member"), "chartMembers"),
            "categories": ChartPanel(self.tr("Members by category"), "chartCategories"),
            "funders": ChartPanel(self.tr("Grants by funder type"), "chartFunders"),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.charts["services"], 0, 0, 1, 2)
        grid.addWidget(self.charts["categories"], 1, 0)
        grid.addWidget(self.charts["funders"], 1, 1)
        grid.addWidget(self.charts["members"], 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.charts["members"].view.setMinimumHeight(440)
        return grid

    # --- page protocol -----------------------------------------------------------------------
    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self._request()

    def refresh(self, changes: Any) -> None:
        if self._reloading_on_show:
            return  # the window tells what changed while hidden: the load just started has it
        if touches(changes, *DASHBOARD_TABLES):
            self._request()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()
            self._reloading_on_show = True
            QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        self._reloading_on_show = False

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        # « À faire » also follows what no table records (a backup made meanwhile, the date):
        # the page is read again on its next showing
        self._dirty = self.year is not None

    # --- loading -----------------------------------------------------------------------------
    def _request(self) -> None:
        """Reload now if shown, else on the next showing (hidden pages cost nothing)."""
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def reload(self) -> None:
        if self.year is None:
            return
        self._dirty = False
        self._generation += 1
        generation, year, loader = self._generation, self.year, self.loader
        self.status.setText(self.tr("Loading the figures…"))

        def work(_progress: Any) -> tuple[int, DashboardData | PtceError]:
            try:
                return generation, loader.load(year)
            except PtceError as error:  # a known error is shown on the page, not as a box
                return generation, error

        self.ctx.runner.run(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[int, DashboardData | PtceError]) -> None:
        generation, data = result
        if generation != self._generation:
            return  # the year changed while this was loading
        if isinstance(data, PtceError):
            self.status.setText(
                self.tr("The figures could not be loaded: %1").replace(
                    "%1", data.message(current_language())
                )
            )
            return
        self.show_data(data)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The figures could not be loaded."))
        self.ctx.presenter.present(error, self)

    # --- showing -----------------------------------------------------------------------------
    def show_data(self, data: DashboardData) -> None:
        self.data = data
        summary = data.summary
        self.status.setText(
            self.tr("Fiscal year %1, from %2 to %3.")
            .replace("%1", summary.year_label)
            .replace("%2", format_date(summary.start))
            .replace("%3", format_date(summary.end))
        )
        self._show_members(summary)
        values = self.values
        values["costs_ttc"].setText(money_text(summary.costs_ttc_cents))
        values["costs_split"].setText(money_text(summary.costs_split_cents))
        values["shares"].setText(money_text(summary.shares_cents))
        values["service_count"].setText(str(sum(1 for line in summary.services if line.cost_count)))
        costs_card = self.cards["costs"]
        costs_card.extra.setVisible(not summary.shares_match_costs)
        costs_card.extra.setText(
            f'<span style="color:{ERROR}">'
            + html.escape(self.tr("The shares do not add up to the amount shared."))
            + "</span>"
        )
        values["called"].setText(money_text(summary.called_cents))
        values["paid"].setText(money_text(summary.paid_cents))
        values["outstanding"].setText(money_text(summary.outstanding_cents))
        values["unapplied"].setText(money_text(summary.unapplied_cents))
        values["voted"].setText(money_text(summary.voted_cents))
        values["received"].setText(money_text(summary.received_cents))
        values["passed"].setText(money_text(summary.passed_cents))
        values["coordination"].setText(money_text(summary.coordination_cents))
        values["remaining"].setText(money_text(summary.remaining_cents))
        self.todo.show_items(list(data.todo))
        steps = data.first_steps
        if steps is not None:
            self.first_steps.show_steps(steps)
        self.first_steps.setVisible(steps is not None and not steps.done)
        values["in_kind"].setText(money_text(data.in_kind.total_cents))
        values["in_kind_count"].setText(str(data.in_kind.count))
        values["in_kind_hours"].setText(
            format_units(data.in_kind.hours_milli, lang=current_language())
        )
        self._show_charts(data)

    def _show_members(self, summary: YearSummary) -> None:
        lang = current_language()
        card = self.cards["members"]
        # the rows stay from one showing to the next (a new label costs a polish and a
        # layout pass); a category without members this year is hidden, not deleted
        if "members" not in self.values:
            # every member active at some time in the year: one who left in it counts, so
            # the figure can exceed the Membres list (today's members); the rows under it say
            # how many joined and left during the year
            self.values["members"] = card.add("members", self.tr("Members in the year"), True)
            for key, caption in (
                ("members_joined", self.tr("of whom joined during the year")),
                ("members_left", self.tr("of whom left during the year")),
            ):
                value = card.add(key, caption)
                item = self.members_grid.itemAtPosition(self.members_grid.rowCount() - 1, 0)
                label = item.widget() if item is not None else None
                self._movement_rows[key] = (label or value, value)
                self.values[key] = value
        self.values["members"].setText(str(summary.active_members))
        for key, count in (
            ("members_joined", summary.members_joined),
            ("members_left", summary.members_left),
        ):
            self._movement_rows[key][1].setText(str(count))
            for widget in self._movement_rows[key]:
                widget.setVisible(count > 0)
        shown: set[str] = set()
        for line in summary.categories:
            if line.count or line.joined_in_year or line.left_in_year:
                key = f"category-{line.category}"
                if key not in self._category_rows:
                    caption = MemberCategory(line.category).label(lang)
                    value = card.add(key, caption)
                    item = self.members_grid.itemAtPosition(self.members_grid.rowCount() - 1, 0)
                    label = item.widget() if item is not None else None
                    self._category_rows[key] = (label or value, value)
                self.values[key] = self._category_rows[key][1]
                self.values[key].setText(str(line.count))
                shown.add(key)
        for key, row in self._category_rows.items():
            if key not in shown:
                self.values.pop(key, None)
            for widget in row:
                widget.setVisible(key in shown)
        # a pole still setting up gets the PTCE rule as guidance, not as a red verdict
        steps = self.data.first_steps if self.data is not None else None
        self.eligibility.setText(
            eligibility_html(summary, guidance=steps is not None and not steps.done)
        )

    def _show_charts(self, data: DashboardData) -> None:
        """The four charts, one per turn of the event loop (each is built, laid out and
        painted in its own step, so the window keeps answering in between)."""
        self._chart_steps = [
            (name, lambda build=build: build(data)) for name, build in self._chart_builders()
        ]
        if not self._chart_timer.isActive():
            self._chart_timer.start()

    def _next_chart(self) -> None:
        if not self._chart_steps:
            self._chart_timer.stop()
            return
        name, build = self._chart_steps.pop(0)
        self.charts[name].show_chart(build())
        if not self._chart_steps:
            self._chart_timer.stop()

    def charts_pending(self) -> bool:
        """True while charts of the last figures are still to be drawn."""
        return bool(self._chart_steps)

    def finish_charts(self) -> None:
        """Draw the charts still waiting now (tests, printing the page)."""
        while self._chart_steps:
            self._next_chart()

    def _chart_builders(self) -> list[tuple[str, Any]]:
        lang = current_language()

        def services(data: DashboardData) -> Any:
            items = [
                (line.name, line.split_cents) for line in data.summary.services if line.cost_count
            ]
            # a pole of 200 services: the largest, then the others added up (the total stays)
            return horizontal_bar_chart(
                top_with_rest(items, TOP_SERVICES, self.tr("Other services")),
                self.tr("Amount shared"),
            )

        def members(data: DashboardData) -> Any:
            shares = top_with_rest(
                [
                    (line.name, line.share_cents)
                    for line in data.summary.members
                    if line.share_cents
                ],
                TOP_MEMBERS,
                self.tr("Others"),
            )
            return horizontal_bar_chart(shares, self.tr("Share"))

        def categories(data: DashboardData) -> Any:
            return count_bar_chart(
                [
                    (MemberCategory(line.category).label(lang), line.count)
                    for line in data.summary.categories
                ],
                self.tr("Members"),
            )

        def funders(data: DashboardData) -> Any:
            lines = [
                line
                for line in data.funder_types
                if line.voted_cents or line.received_cents or line.requested_cents
            ]
            return grouped_bar_chart(
                [FunderType(line.funder_type).label(lang) for line in lines],
                [
                    (self.tr("Voted"), [line.voted_cents for line in lines]),
                    (self.tr("Received in the year"), [line.received_cents for line in lines]),
                ],
            )

        return [
            ("categories", categories),
            ("funders", funders),
            ("services", services),
            ("members", members),
        ]

    # --- for tests and screen readers ---------------------------------------------------------
    def figure(self, key: str) -> str:
        return self.values[key].text()


def create_page(ctx: AppContext) -> DashboardPage:
    return DashboardPage(ctx)
