"""The « Simulation » page (« Et si… ? »): what each member would pay under up to four
scenarios, side by side, recomputed as the user types.

The year (toolbar) and the services chosen are read once into a frozen ``PoleInput`` through
:class:`~ptce_desktop.services.simulation.simulation.SimulationService`; every keystroke then
only recomputes (pure, off the GUI thread through the context's runner, the latest result
wins). The table (member, today, each scenario, the difference in € and in %) sorts and
filters like every other; the totals under it equal the amounts split; the chart shows the
differences of the scenario chosen. Scenarios are saved with the pole, reopened, duplicated
and deleted; « Exporter pour la réunion » writes the PDF or the XLSX; « Adopter… » writes the
scenario through the same services as a manual edit, as one undoable step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.scenarios import (
    MAX_SCENARIOS,
    Basis,
    Comparison,
    MemberRow,
    PoleInput,
    Scenario,
    WeightsCache,
    difference_percent_text,
    difference_text,
)
from ptce_desktop.services.simulation.simulation import (
    SavedScenarioView,
    SimulationChoices,
    SimulationService,
)
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import hint_label, search_field
from ptce_desktop.ui.pages.simulation.chart import DifferencesChart
from ptce_desktop.ui.pages.simulation.editor import ScenarioEditor
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets.fields import DateEdit
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

TABLES = (
    "members",
    "shared_services",
    "service_budgets",
    "costs",
    "shares",
    "allocation_keys",
    "key_versions",
    "key_version_units",
    "key_mix_parts",
    "usage_records",
    "saved_scenarios",
    "poles",
    "fiscal_years",
)
# Keystrokes are gathered this long before recomputing (ms).
DEBOUNCE_MS = 120


@dataclass(frozen=True)
class _Loaded:
    """What :meth:`SimulationPage.reload` reads on a worker."""

    choices: SimulationChoices
    service_ids: list[int]
    saved: list[SavedScenarioView]
    pole: PoleInput | PtceError | None  # None: no year or no service to simulate


def _chosen_services(choices: SimulationChoices, wanted: list[int]) -> list[int]:
    """The services still simulable among ``wanted``, else the first one with a key."""
    known = {sid for sid, _name, key in choices.services if key is not None}
    chosen = [sid for sid in wanted if sid in known]
    if not chosen and known:
        chosen = [next(sid for sid, _n, key in choices.services if key is not None)]
    return chosen


def _difference_percent(bp: int | None) -> str:
    return difference_percent_text(bp, lang=current_language())


def _filled(template: str, values: Sequence[str]) -> str:
    """``template``'s %1, %2… replaced by ``values`` in one pass (a name holding « %2 » stays
    as typed)."""
    return re.sub(r"%([1-9])", lambda m: values[int(m.group(1)) - 1], template)


def _difference(cents: int) -> str:
    return difference_text(cents, lang=current_language())


def _amount_of(index: int) -> Callable[[MemberRow], int]:
    return lambda row: row.amounts[index]


def _difference_of(index: int) -> Callable[[MemberRow], int]:
    return lambda row: row.difference(index)


def _percent_of(index: int) -> Callable[[MemberRow], int | None]:
    return lambda row: row.difference_bp(index)


def _percent_sort(index: int) -> Callable[[MemberRow], int]:
    """No percentage (nothing paid today) sorts before every percentage."""

    def key(row: MemberRow) -> int:
        value = row.difference_bp(index)
        return value if value is not None else -(10**12)

    return key


class AdoptDialog(QDialog):
    """The date the scenario applies from, and what adopting does."""

    def __init__(self, scenario: Scenario, first: date, last: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("SimulationAdoptDialog")
        self.setWindowTitle(self.tr("Adopt this scenario"))
        self.day = DateEdit("from")
        self.day.set_value(scenario.effective_from or first)
        text = QLabel(
            self.tr(
                "“%1” becomes the pole's figures from the date below: new key versions (or a "
                "new key from %2 when the method changes), members created or leaving, budgets "
                "and fees — through the same steps as a manual edit, recorded in the history "
                "and undoable (Edit ▸ Undo). Closed years and their shares are never changed."
            )
            .replace("%1", scenario.name)
            .replace("%2", format_date(first))
        )
        text.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.first, self.last = first, last
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.day)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, 220)

    def accept(self) -> None:
        try:
            day = self.day.value()
        except PtceError as error:
            self.problem.setText(error.message(current_language()))
            return
        if day is None or not self.first <= day <= self.last:
            self.problem.setText(
                self.tr("Choose a day between %1 and %2.")
                .replace("%1", format_date(self.first))
                .replace("%2", format_date(self.last))
            )
            return
        super().accept()


class SimulationPage(QWidget):
    #: The scenarios' form takes at most this share of the page's height at first show.
    EDITORS_MOST = 0.5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SimulationPage")
        self.ctx = ctx
        self.service: SimulationService = ctx.service(SimulationService)
        self.year: int | None = None
        self.pole: PoleInput | None = None
        #: the weights of the year loaded, kept from one keystroke to the next
        self.cache = WeightsCache()
        self.choices: SimulationChoices | None = None
        self.comparison: Comparison | None = None
        self.service_ids: list[int] = []
        self.saved_ids: dict[int, int] = {}  # editor number -> saved scenario id
        self.generation = 0
        self.last_message = ""
        self._columns_for = -1

        # --- top bar: services, saved scenarios, export -------------------------------------
        # a push button with its menu: the arrow beside the text (a tool button's drew over it)
        self.services_button = QPushButton()
        self.services_button.setObjectName("simulationServices")
        self.services_menu = QMenu(self)
        self._menu_stale = False  # its entries are made when it opens
        self.services_menu.aboutToShow.connect(self._build_services_menu)
        self.services_button.setMenu(self.services_menu)
        self.basis_label = QLabel()
        self.basis_label.setObjectName("hint")
        self.basis_label.setWordWrap(True)
        self.saved = QComboBox()
        self.saved.setObjectName("simulationSaved")
        self.saved.setMinimumWidth(170)
        self.saved.setPlaceholderText(self.tr("Saved scenarios"))
        self.saved.setToolTip(self.tr("Scenarios saved with the pole"))
        self.open_button = QPushButton(self.tr("Open"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button = QPushButton(self.tr("Add a scenario"))
        self.export_button = QPushButton(self.tr("Export for the meeting…"))
        # two rows, so the page fits a 1200-px window whatever the services' names
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.services_button)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.export_button)
        saved_bar = QHBoxLayout()
        saved_bar.setSpacing(8)
        saved_bar.addWidget(self.saved)
        for button in (self.open_button, self.duplicate_button, self.delete_button):
            saved_bar.addWidget(button)
        saved_bar.addStretch(1)

        # --- the scenarios -------------------------------------------------------------------
        # the first column at once, the others when added (a page that opens faster)
        self.editors: list[ScenarioEditor] = []
        self._choice_args: tuple[Any, ...] | None = None  # what each editor offers
        row = QWidget()
        self._editors_row = QHBoxLayout(row)
        self._editors_row.setContentsMargins(0, 0, 0, 0)
        self._new_editor()
        self.editors_area = QScrollArea()
        self.editors_area.setWidgetResizable(True)
        self.editors_area.setWidget(row)
        self.editors_area.setFrameShape(QScrollArea.Shape.NoFrame)

        # --- the result: table, chart, totals ------------------------------------------------
        self.search = search_field(
            "simulationSearch", self.tr("Search a member"), self.tr("Search a member")
        )
        self.model = RowTableModel(self._table_columns(0), parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = TableView("simulation")
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Comparison by member"))
        self.chart_choice = QComboBox()
        self.chart_choice.setObjectName("simulationChartChoice")
        self.chart = DifferencesChart()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_choice)
        chart_layout.addWidget(chart_scroll, 1)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.search)
        table_layout.addWidget(self.view, 1)
        results = QSplitter()
        results.addWidget(table_box)
        results.addWidget(chart_box)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 2)
        results.setChildrenCollapsible(False)
        results.setSizes([700, 340])
        body = QSplitter()
        body.setOrientation(body.orientation().Vertical)
        body.addWidget(self.editors_area)
        body.addWidget(results)
        # the results take what the scenarios' form leaves (sized to it at first show)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        body.setSizes([292, 260])
        self.body = body
        self._body_sized = False
        self.totals_label = hint_label()
        self.totals_label.setObjectName("simulationTotals")
        self.totals_label.setWordWrap(True)
        self.extremes_label = hint_label()
        self.extremes_label.setObjectName("simulationExtremes")
        self.extremes_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addLayout(saved_bar)
        layout.addWidget(body, 1)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.extremes_label)
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.recompute)
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.chart_choice.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.add_button.clicked.connect(self.add_scenario)
        # clicked(bool) would land in ``saved_id``: the button opens the chosen scenario
        self.open_button.clicked.connect(lambda: self.open_saved())
        self.duplicate_button.clicked.connect(self.duplicate_saved)
        self.delete_button.clicked.connect(self.delete_saved)
        self.export_button.clicked.connect(self.export)
        self._update_buttons()

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.add_scenario()

    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self.reload()

    def refresh(self, changes: Any) -> None:
        if touches(changes, *TABLES):
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._body_sized:
            self._body_sized = True
            self.fit_editors()

    def fit_editors(self) -> None:
        """The scenarios' form as tall as it needs (it stood over empty space while the
        comparison showed eight members at 1200 × 760), the comparison below taking the rest;
        the user's splitter moves are theirs after that."""
        total = sum(self.body.sizes())
        if total <= 0:
            return
        frame = 2 * self.editors_area.frameWidth()
        scroll = self.editors_area.horizontalScrollBar()
        extra = scroll.sizeHint().height() if scroll.isVisible() else 0
        form = self.editors_area.widget()
        if form is None:
            return
        wanted = form.sizeHint().height() + frame + extra
        editors = min(wanted, int(total * self.EDITORS_MOST))
        self.body.setSizes([editors, total - editors])

    # --- loading -----------------------------------------------------------------------------
    def _new_editor(self) -> ScenarioEditor:
        """One more scenario column, offering what the others do."""
        editor = ScenarioEditor(len(self.editors) + 1)
        editor.setMinimumWidth(250)
        self._editors_row.addWidget(editor, 1)
        editor.changed.connect(self.schedule)
        editor.save_button.clicked.connect(lambda _c=False, e=editor: self.save_editor(e))
        editor.adopt_button.clicked.connect(lambda _c=False, e=editor: self.adopt_editor(e))
        if self._choice_args is not None:
            editor.set_choices(*self._choice_args)
        self.editors.append(editor)
        return editor

    def visible_editors(self) -> list[ScenarioEditor]:
        return [editor for editor in self.editors if not editor.isHidden()]

    def reload(self) -> None:
        """Read the choices, the saved scenarios and the year's figures again, on a worker (a
        large pole's thousands of members): the page shows them when they arrive."""
        service, year, wanted = self.service, self.year, list(self.service_ids)

        def fetch() -> _Loaded:
            choices = service.choices()
            chosen = _chosen_services(choices, wanted)
            saved = service.list_saved()
            pole: PoleInput | PtceError | None = None
            if year is not None and chosen:
                try:
                    pole = service.load(year, chosen)
                except PtceError as error:  # shown under the editors, as a load's
                    pole = error
            return _Loaded(choices, chosen, saved, pole)

        self.pole = None
        self.loads.start(fetch, self._reloaded)

    def _reloaded(self, loaded: _Loaded) -> None:
        self.choices = loaded.choices
        self.service_ids = loaded.service_ids
        self._fill_services_menu()
        self._fill_saved(loaded.saved)
        if isinstance(loaded.pole, PtceError):
            self._pole_failed(loaded.pole)
        elif loaded.pole is not None:
            self._pole_loaded(loaded.pole)
        else:
            self._no_pole()

    def set_services(self, service_ids: list[int]) -> None:
        self.service_ids = list(dict.fromkeys(service_ids))
        self._fill_services_menu()
        self.load_pole()

    def load_pole(self) -> None:
        self.pole = None
        if self.year is None or not self.service_ids:
            self.loads.cancel()
            self._no_pole()
            return
        service, year, service_ids = self.service, self.year, list(self.service_ids)
        self.loads.start(
            lambda: service.load(year, service_ids), self._pole_loaded, on_error=self._pole_failed
        )

    def _no_pole(self) -> None:
        self.basis_label.setText(self.tr("Choose at least one service to simulate."))
        self._show(None)

    def _pole_failed(self, error: BaseException) -> None:
        if not isinstance(error, PtceError):
            self.ctx.presenter.present(error, self)
            return
        self.basis_label.setText(error.message(current_language()))
        self._show(None)

    def _pole_loaded(self, pole: Any) -> None:
        """The year's figures read off the GUI thread: the editors' choices, the results."""
        self.pole = pole
        self.cache = WeightsCache()
        if self.pole.basis is Basis.COSTS:
            basis = self.tr("%1: on the year's actual costs")
        else:
            basis = self.tr("%1: on the year's budgets")
        self.basis_label.setText(basis.replace("%1", self.pole.year_label))
        assert self.choices is not None
        members = [(m.id, m.name) for m in sorted(self.pole.members, key=lambda m: m.name)]
        services = [(s.id, s.name) for s in self.pole.services]
        self._choice_args = (self.choices.keys, members, services, self._today_units())
        for editor in self.editors:
            editor.set_choices(*self._choice_args)
        self.recompute()

    def _today_units(self) -> dict[int, int]:
        """Units of the first simulated service's key on the first day of the year (the units
        dialog shows them beside the new ones)."""
        if self.pole is None or not self.pole.services:
            return {}
        key = self.pole.services[0].key
        if key.method not in (Method.UNITS, Method.PERCENT):
            return {}
        try:
            return dict(key.version_on(self.pole.start).values)
        except PtceError:
            return {}

    def _fill_services_menu(self) -> None:
        """The button's text now; the menu's entries (one per service: hundreds on a large
        pole) when it is opened."""
        self._menu_stale = True
        names = {sid: name for sid, name, _key in (self.choices.services if self.choices else ())}
        chosen = [names[s] for s in self.service_ids if s in names]
        if len(chosen) == 1:
            text = self.tr("Service: %1").replace("%1", chosen[0])
        else:
            text = self.tr("%n service(s)", "", len(chosen))
        self.services_button.setText(text if len(text) < 60 else text[:57] + "…")
        self.services_button.setToolTip("\n".join(chosen))

    def _build_services_menu(self) -> None:
        if not self._menu_stale:
            return
        self._menu_stale = False
        self.services_menu.clear()
        for sid, name, key in self.choices.services if self.choices else ():
            label = name if key else self.tr("%1 (no key)").replace("%1", name)
            action = self.services_menu.addAction(label)
            action.setCheckable(True)
            action.setEnabled(key is not None)
            action.setChecked(sid in self.service_ids)
            action.toggled.connect(lambda on, s=sid: self._toggle_service(s, on))

    def _toggle_service(self, service_id: int, on: bool) -> None:
        ids = [s for s in self.service_ids if s != service_id]
        if on:
            ids.append(service_id)
        self.set_services(ids)

    def _fill_saved(self, views: Sequence[SavedScenarioView] | None = None) -> None:
        """The saved scenarios (``views`` read on a worker, else read now: after a save)."""
        chosen = self.saved.currentData()
        self.saved.clear()
        for view in views if views is not None else self.service.list_saved():
            self.saved.addItem(view.name, view.id)
        index = self.saved.findData(chosen)
        if index >= 0:
            self.saved.setCurrentIndex(index)
        self._update_buttons()

    # --- computing ---------------------------------------------------------------------------
    def schedule(self) -> None:
        self.timer.start()

    def scenarios(self) -> list[Scenario] | None:
        """The scenarios of the visible columns; None when one holds a bad entry (its problem
        is shown under it)."""
        found = []
        bad = False
        lang = current_language()
        for editor in self.visible_editors():
            try:
                found.append(editor.scenario())
                editor.show_problem("")
            except PtceError as error:
                editor.show_problem(error.message(lang))
                bad = True
        return None if bad else found

    def recompute(self) -> None:
        self.timer.stop()
        pole, cache = self.pole, self.cache
        scenarios = self.scenarios()
        if pole is None or scenarios is None:
            return
        self.generation += 1
        generation = self.generation
        self.ctx.runner.run(
            lambda _progress: SimulationService.compare(pole, scenarios, cache),
            on_done=lambda result: self._done(generation, result),
            on_error=lambda error: self._failed(generation, error),
        )

    def _done(self, generation: int, comparison: Comparison) -> None:
        if generation == self.generation:
            self._show(comparison)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self.generation:
            return
        if not isinstance(error, PtceError):
            self.ctx.presenter.present(error, self)
            return
        message = error.message(current_language())
        field = error.field or ""
        editors = self.visible_editors()
        index = 0
        if field.startswith("scenarios["):
            index = int(field[len("scenarios[") : field.index("]")])
        if index < len(editors):
            editors[index].show_problem(message)
        self.totals_label.setText(message)

    # --- showing -----------------------------------------------------------------------------
    def _table_columns(self, count: int) -> list[Column]:
        columns = [
            Column(self.tr("Member"), lambda r: r.name),
            Column(self.tr("Today"), lambda r: r.today, display=money_text, align=RIGHT),
        ]
        for index in range(count):
            number = str(index + 1)
            columns += [
                Column(
                    self.tr("Scenario %1").replace("%1", number),
                    _amount_of(index),
                    display=money_text,
                    align=RIGHT,
                ),
                Column(
                    self.tr("Difference %1").replace("%1", number),
                    _difference_of(index),
                    display=_difference,
                    align=RIGHT,
                ),
                Column(
                    self.tr("% %1").replace("%1", number),
                    _percent_of(index),
                    display=_difference_percent,
                    sort_key=_percent_sort(index),
                    align=RIGHT,
                ),
            ]
        return columns

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        count = len(comparison.columns) if comparison is not None else 0
        if count != self._columns_for:
            self._columns_for = count
            self.model = RowTableModel(self._table_columns(count), parent=self)
            self.proxy = FilterProxy(self)
            self.proxy.setSourceModel(self.model)
            self.proxy.set_filter_text(self.search.text())
            self.view.setModel(self.proxy)
            self.search.textChanged.disconnect()
            self.search.textChanged.connect(self.proxy.set_filter_text)
            header = self.view.horizontalHeader()
            header.resizeSection(0, 210)
            for section in range(1, self.model.columnCount()):
                percent = section >= 2 and (section - 2) % 3 == 2
                header.resizeSection(section, 74 if percent else 106)
        self.model.set_rows(list(comparison.rows) if comparison is not None else [])
        self._show_totals()
        chosen = self.chart_choice.currentIndex()
        self.chart_choice.blockSignals(True)
        self.chart_choice.clear()
        if comparison is not None:
            for index, column in enumerate(comparison.columns):
                self.chart_choice.addItem(
                    self.tr("Differences — %1").replace(
                        "%1", f"{index + 1}. {column.scenario.name}"
                    )
                )
        self.chart_choice.setCurrentIndex(min(max(chosen, 0), self.chart_choice.count() - 1))
        self.chart_choice.blockSignals(False)
        self._show_chart()
        self._update_buttons()

    def _show_totals(self) -> None:
        comparison = self.comparison
        if comparison is None:
            self.totals_label.setText("")
            self.extremes_label.setText("")
            return
        parts = [self.tr("Today %1").replace("%1", money_text(comparison.today_total))]
        extremes = []
        for index, column in enumerate(comparison.columns):
            parts.append(f"{index + 1}. {column.scenario.name} {money_text(column.total)}")
            gain, loss = comparison.extremes(index)
            said = []
            if gain is not None:
                said.append(
                    self.tr("%1 gains most (%2)")
                    .replace("%1", gain.name)
                    .replace("%2", _difference(gain.difference(index)))
                )
            if loss is not None:
                said.append(
                    self.tr("%1 loses most (%2)")
                    .replace("%1", loss.name)
                    .replace("%2", _difference(loss.difference(index)))
                )
            if not said:
                said.append(self.tr("nobody pays a different amount"))
            # « 1. Scénario A : personne ne paie… » — the column's number and name, as in the
            # table's headers (a bare « 1. personne » read as « one person »)
            values = (str(index + 1), column.scenario.name, " · ".join(said))
            extremes.append(_filled(self.tr("%1. %2: %3"), values))
        total = self.tr("Totals (each equals the amount split): %1").replace(
            "%1", " · ".join(parts)
        )
        self.totals_label.setText(total)
        self.extremes_label.setText("\n".join(extremes))

    def _show_chart(self) -> None:
        comparison = self.comparison
        index = self.chart_choice.currentIndex()
        if comparison is None or index < 0 or index >= len(comparison.columns):
            self.chart.set_items([], self.tr("No scenario yet."))
            return
        rows: list[MemberRow] = sorted(comparison.rows, key=lambda r: r.difference(index))
        items = [(r.name, r.difference(index)) for r in rows if r.difference(index) != 0]
        self.chart.set_items(items, self.tr("Every member pays the same as today."))

    def _update_buttons(self) -> None:
        writable = not self.ctx.read_only
        has_saved = self.saved.count() > 0
        self.open_button.setEnabled(has_saved)
        self.duplicate_button.setEnabled(writable and has_saved)
        self.delete_button.setEnabled(writable and has_saved)
        self.add_button.setEnabled(len(self.visible_editors()) < MAX_SCENARIOS)
        self.export_button.setEnabled(self.comparison is not None and bool(self.comparison.columns))
        for editor in self.editors:
            editor.save_button.setEnabled(writable)
            editor.adopt_button.setEnabled(writable and self.pole is not None)

    def say(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if window is not self and hasattr(window, "show_message"):
            window.show_message(text, 10_000)

    # --- scenarios: add, save, open, duplicate, delete ---------------------------------------
    def add_scenario(self) -> ScenarioEditor | None:
        hidden = [editor for editor in self.editors if editor.isHidden()]
        if hidden:
            editor = hidden[0]
        elif len(self.editors) < MAX_SCENARIOS:
            editor = self._new_editor()
        else:
            return None
        editor.clear()
        editor.show()
        self._update_buttons()
        self.schedule()
        return editor

    def save_editor(self, editor: ScenarioEditor) -> int | None:
        try:
            scenario = editor.scenario()
            saved_id = self.saved_ids.get(editor.number)
            if saved_id is not None and saved_id not in self._saved_list_ids():
                saved_id = None
            saved = self.service.save(scenario, saved_id)
        except PtceError as error:
            editor.show_problem(error.message(current_language()))
            return None
        self.saved_ids[editor.number] = saved
        self._fill_saved()
        self.saved.setCurrentIndex(self.saved.findData(saved))
        self.say(self.tr("Scenario “%1” saved with the pole.").replace("%1", scenario.name))
        return saved

    def _saved_list_ids(self) -> set[int]:
        return {int(self.saved.itemData(i)) for i in range(self.saved.count())}

    def open_saved(self, saved_id: int | None = None) -> ScenarioEditor | None:
        chosen = saved_id if saved_id is not None else self.saved.currentData()
        if chosen is None:
            return None
        try:
            view: SavedScenarioView = self.service.get_saved(int(chosen))
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return None
        editor = next((e for e in self.visible_editors() if e.is_blank()), None)
        if editor is None:
            editor = self.add_scenario() or self.visible_editors()[-1]
        editor.set_scenario(view.scenario)
        self.saved_ids[editor.number] = view.id
        self.schedule()
        return editor

    def duplicate_saved(self) -> int | None:
        chosen = self.saved.currentData()
        if chosen is None:
            return None
        copy = self.service.duplicate(int(chosen))
        self._fill_saved()
        self.saved.setCurrentIndex(self.saved.findData(copy))
        return copy

    def delete_saved(self) -> None:
        chosen = self.saved.currentData()
        if chosen is None:
            return
        self.service.delete(int(chosen))
        self.saved_ids = {n: s for n, s in self.saved_ids.items() if s != chosen}
        self._fill_saved()

    # --- export and adoption -----------------------------------------------------------------
    def export(self) -> None:
        if self.comparison is None:
            return
        suggested = str(
            Path.home() / f"simulation-{self.comparison.year_label.replace('/', '-')}.pdf"
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export for the meeting"),
            suggested,
            self.tr("PDF document (*.pdf);;XLSX workbook (*.xlsx)"),
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        """Write the comparison shown as a PDF, or an XLSX when ``path`` ends in .xlsx."""
        comparison = self.comparison
        if comparison is None:
            return
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            path = path.with_name(path.name + ".pdf")
        uow = self.ctx.uow

        def work(_progress: Any) -> Path:
            if path.suffix.lower() == ".xlsx":
                from ptce_desktop.exchange.simulation import write_simulation_xlsx

                return write_simulation_xlsx(comparison, path)
            from ptce_desktop.printing.simulation import write_simulation_pdf

            write_simulation_pdf(uow, comparison, path)
            return path

        self.ctx.runner.run(
            work,
            on_done=lambda written: self.say(self.tr("Written: %1").replace("%1", str(written))),
            on_error=lambda error: self.ctx.presenter.present(error, self),
        )

    def adopt_editor(self, editor: ScenarioEditor, day: date | None = None) -> bool:
        """Adopt the scenario of ``editor`` (asks the date unless ``day`` is given)."""
        pole, year = self.pole, self.year
        if pole is None or year is None or self.ctx.read_only:
            return False
        try:
            scenario = editor.scenario()
        except PtceError as error:
            editor.show_problem(error.message(current_language()))
            return False
        if day is None:
            dialog = AdoptDialog(scenario, pole.start, pole.end, self)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            day = dialog.day.value() if accepted else None
            dialog.deleteLater()
            if day is None:
                return False
        adopted = replace(scenario, effective_from=day)
        services = list(self.service_ids)
        holder: dict[str, Any] = {}

        def do() -> None:
            holder["adoption"] = self.service.adopt(year, services, adopted)

        def undo() -> None:
            self.service.undo_adoption(holder["adoption"])

        text = self.tr("Adopt scenario “%1”").replace("%1", scenario.name)
        try:
            self.ctx.history.run(text, do, undo)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.say(
            self.tr("Scenario “%1” adopted from %2 (Edit ▸ Undo puts everything back).")
            .replace("%1", scenario.name)
            .replace("%2", format_date(day))
        )
        return True


def create_page(ctx: AppContext) -> QWidget:
    return SimulationPage(ctx)
