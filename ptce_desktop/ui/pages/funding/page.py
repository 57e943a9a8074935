"""The « Financements » page: the grants of the year with their detail, and the funders.

Grants: a list (title, funder, status, voted, received, passed on, reste à reverser — always
visible) with its totals row, above the :class:`~.grant_editor.GrantEditor` (a hint alone until
a grant is selected). Funders: name, type, number of grants;
a funder with grants cannot be deleted (the service says so). Every change is undoable
(:class:`~.grant_actions.GrantActions`); the page reloads itself when the file changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.grants.views import GrantDetail, GrantSummaryView, overpaid_warning
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.funding.dialogs import (
    FunderDialog,
    GrantDialog,
    funder_type_label,
    status_label,
)
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions
from ptce_desktop.ui.pages.funding.grant_editor import GrantEditor
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.scaffold import confirm, remembered_splitter, sample_fit
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.style import ERROR
from ptce_desktop.ui.widgets.empty_state import EmptyState
from ptce_desktop.ui.widgets.history import add_history_button
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

translate = QCoreApplication.translate

WATCHED = (
    "funders",
    "grants",
    "grant_budget_lines",
    "grant_plan_lines",
    "grant_report_texts",
    "instalments",
    "redistributions",
    "members",
    "projects",
    "allocation_keys",
    "fiscal_years",
    "poles",
)


# The first split of « Subventions » between the list (its totals row under it: the year's
# figures, the search applied) and the editor, scaled to the height.
LIST_EDITOR_SIZES = (300, 420)

#: ``show_section("grant-<id>/<name>")``: the editor's tab each name opens.
SECTION_TABS = {
    "report": "report_tab",
    "sheet": "sheet_tab",
    "plan": "plan_tab",
    "instalments": "instalments_tab",
    "redistributions": "redistributions_tab",
    "members": "members_tab",
}


def grant_columns() -> list[Column]:
    def amount(header: str, value: Any, tip: str | None = None, **more: Any) -> Column:
        return Column(header, value, display=money_text, align=RIGHT, header_tooltip=tip, **more)

    def overpaid(g: GrantSummaryView) -> str | None:
        return overpaid_warning(g.title, g.remaining_cents, current_language())

    return [
        Column(translate("FundingPage", "Title"), lambda g: g.title),
        Column(translate("FundingPage", "Funder"), lambda g: g.funder_name),
        Column(
            translate("FundingPage", "Status"),
            lambda g: status_label(g.status),
            tooltip=lambda g: (
                translate("FundingPage", "Suggested: %1").replace(
                    "%1", status_label(g.suggested_status)
                )
                if g.suggested_status != g.status
                else None
            ),
        ),
        amount(translate("FundingPage", "Voted"), lambda g: g.voted_cents),
        amount(translate("FundingPage", "Received"), lambda g: g.received_cents),
        amount(translate("FundingPage", "Passed on"), lambda g: g.passed_cents),
        amount(
            translate("FundingPage", "Reste à reverser"),
            lambda g: g.remaining_cents,
            translate(
                "FundingPage", "The plan applied to what was received, minus what was passed on"
            ),
            # negative: more passed on than is due on what was received (the editor's warning)
            tooltip=overpaid,
            foreground=lambda g: ERROR if g.remaining_cents < 0 else None,
        ),
    ]


def funder_columns() -> list[Column]:
    return [
        Column(translate("FundingPage", "Name"), lambda f: f.name),
        Column(translate("FundingPage", "Type"), lambda f: funder_type_label(f.type)),
        Column(translate("FundingPage", "Grants"), lambda f: f.grant_count, align=RIGHT),
        Column(translate("FundingPage", "Contact"), lambda f: f.contact),
    ]


Choices = list[tuple[int, str]]
#: what a reload reads: the year's grants, the funders, (members, keys) for the grant tabs
Loaded = tuple[list[GrantSummaryView], list[Any], tuple[Choices, Choices]]


class FundingPage(QWidget):
    #: "journal:grants/<id>": the window shows the grant's history (Journal page).
    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FundingPage")
        self.ctx = ctx
        self.ops = GrantActions(ctx)
        self.year: int | None = None
        # the members and keys the grant tabs offer, read with the lists (not at each click)
        self._choices: tuple[Choices, Choices] | None = None

        self.grants_panel = ListPanel(
            "grants",
            grant_columns(),
            self.tr("Search a grant (title, funder, status…)"),
            lambda n: self.tr("%n grant(s)", "", n),
            max_width=230,
            # the title takes the spare width; the amounts stay in view at 1200 px
            stretch_column=0,
            # the status sized to its text (« Versée partiellement » was cut at 110 px)
            fixed_widths={1: 170},
        )
        self.add_grant_button = self.grants_panel.add_button(self.tr("&Add…"))
        self.edit_grant_button = self.grants_panel.add_button(self.tr("&Edit…"))
        self.delete_grant_button = self.grants_panel.add_button(self.tr("&Delete"))
        self.grants_panel.bar.addWidget(import_button("grant-instalments"))
        self.grants_panel.add_totals(3, 4, 5, 6)  # voted, received, passed on, left to pass on
        self.grants_panel.view.setMinimumHeight(110)
        sample_fit(self.grants_panel.view)
        self.grants_empty = EmptyState(
            self.grants_panel.view,
            self.tr("No grant yet. Record a grant when it is requested, then follow it."),
            self.tr("Add the first grant…"),
            self.add_grant_button,
        )
        self.editor = GrantEditor(self.ops, self.members, self.keys)
        self.history_button = add_history_button(
            self.editor.body,  # hidden with the grant's tabs while none is selected
            "grants",
            lambda: row.id if (row := self.grants_panel.current_row()) is not None else None,
            self.pageRequested.emit,
            self.tr("Every change made to this grant, in the change log"),
        ).follow(self.grants_panel.currentChanged)
        # the list on top keeps every column in view (reste à reverser included); it shows a
        # year's grants without scrolling at 768 px, the editor's tabs the rest; a handle the
        # user moves is remembered
        self.splitter = remembered_splitter(
            ui_settings(),
            "funding/splitter",
            "fundingSplitter",
            (self.grants_panel, self.editor),
            LIST_EDITOR_SIZES,
            stretch=(2, 3),
            orientation=Qt.Orientation.Vertical,
        )

        self.funders_panel = ListPanel(
            "funders",
            funder_columns(),
            self.tr("Search a funder"),
            lambda n: self.tr("%n funder(s)", "", n),
            # the names take the spare width: the type and the contact were cut to 90 px
            # beside a name column of 700
            stretch_column=0,
            fixed_widths={3: 240},
        )
        self.add_funder_button = self.funders_panel.add_button(self.tr("A&dd…"))
        self.edit_funder_button = self.funders_panel.add_button(self.tr("E&dit…"))
        self.delete_funder_button = self.funders_panel.add_button(self.tr("De&lete"))
        self.funders_empty = EmptyState(
            self.funders_panel.view,
            self.tr("No funder yet: the Region, the State, a foundation… each grant has one."),
            self.tr("Add the first funder…"),
            self.add_funder_button,
        )
        self.funder_message = QLabel()
        self.funder_message.setObjectName("fieldError")
        self.funder_message.setWordWrap(True)
        funders_tab = QWidget()
        funders_layout = QVBoxLayout(funders_tab)
        funders_layout.setContentsMargins(0, 8, 0, 0)
        funders_layout.addWidget(self.funders_panel, 1)
        funders_layout.addWidget(self.funder_message)

        grants_tab = QWidget()
        grants_layout = QVBoxLayout(grants_tab)
        grants_layout.setContentsMargins(0, 8, 0, 0)
        grants_layout.addWidget(self.splitter)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(grants_tab, self.tr("&Grants"))
        self.tabs.addTab(funders_tab, self.tr("&Funders"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.grants_panel.currentChanged.connect(self._grant_changed)
        self.grants_panel.activated.connect(lambda _row: self.edit_grant())
        self.grants_panel.deleteRequested.connect(self.delete_grant)
        self.add_grant_button.clicked.connect(self.new_grant)
        self.edit_grant_button.clicked.connect(self.edit_grant)
        self.delete_grant_button.clicked.connect(self.delete_grant)
        self.editor.editRequested.connect(self.edit_grant)
        self.funders_panel.activated.connect(lambda _row: self.edit_funder())
        self.funders_panel.deleteRequested.connect(self.delete_funder)
        self.funders_panel.currentChanged.connect(lambda _row: self._update_buttons())
        self.add_funder_button.clicked.connect(self.new_funder)
        self.edit_funder_button.clicked.connect(self.edit_funder)
        self.delete_funder_button.clicked.connect(self.delete_funder)
        self._wanted: dict[str, int] = {}  # "grant"/"funder" to select once the lists arrive
        self.loads = PageLoads(
            self, ctx.runner, over=self.tabs, on_error=lambda e: ctx.presenter.present(e, self)
        )
        self._update_buttons()

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        panel = self.funders_panel if self.tabs.currentIndex() == 1 else self.grants_panel
        panel.focus_search()

    def new_item(self) -> Any:
        return self.new_funder() if self.tabs.currentIndex() == 1 else self.new_grant()

    def set_fiscal_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.reload()

    def refresh(self, changes: Any) -> None:
        if self.year is not None and touches(changes, *WATCHED):
            self.reload()

    def show_section(self, key: str) -> None:
        """``"grant-<id>"``: that grant selected, on its Cerfa report tab (« À faire » links
        here when its report is due); ``"grant-<id>/<tab>"``: on that tab of the editor
        (``redistributions`` for a negative reste à reverser); ``"funders"``: the funders'
        tab."""
        if key == "funders":
            self.tabs.setCurrentIndex(1)
            return
        grant, _slash, tab = key.partition("/")
        if grant.startswith("grant-") and grant[6:].isdigit():
            self.tabs.setCurrentIndex(0)
            self._wanted["grant"] = int(grant[6:])
            self.reload()
            self.editor.show_tab(SECTION_TABS.get(tab or "report", "report_tab"))

    # --- lists for the dialogs and tabs ------------------------------------------------------
    def members(self) -> list[tuple[int, str]]:
        """(id, name) of every member, archived included (read with the lists, else now)."""
        if self._choices is not None:
            return list(self._choices[0])
        return self._read_members(self.ctx.members, self.year)

    def keys(self) -> list[tuple[int, str]]:
        if self._choices is not None:
            return list(self._choices[1])
        return self._read_keys(self.ctx.service(KeyService))

    @staticmethod
    def _read_members(service: Any, year: int | None) -> list[tuple[int, str]]:
        rows = service.list_members(include_archived=True, year=year)
        return sorted(((row.id, row.name) for row in rows), key=lambda m: m[1].casefold())

    @staticmethod
    def _read_keys(service: KeyService) -> list[tuple[int, str]]:
        return [(key.id, key.name) for key in service.list_keys()]

    def projects(self) -> list[tuple[int, str]]:
        return [(p.id, p.name) for p in self.ctx.service(ActivityService).list_projects()]

    def funders(self) -> list[tuple[int, str]]:
        return [(f.id, f.name) for f in self.ops.funders.list_funders()]

    def default_date(self) -> dt.date:
        today = dt.date.today()
        if self.year is None:
            return today
        view = self.ctx.fiscal_years.get(self.year)
        return today if view.start <= today <= view.end else view.end

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the grants of the year and the funders off the GUI thread."""
        if self.year is None:
            return
        grants_service, funders_service, year = self.ops.grants, self.ops.funders, self.year
        members_service, keys_service = self.ctx.members, self.ctx.service(KeyService)

        def fetch() -> Loaded:
            choices = (self._read_members(members_service, year), self._read_keys(keys_service))
            return grants_service.list_grants(year), funders_service.list_funders(), choices

        self.loads.start(fetch, self._show_rows)

    def _show_rows(self, loaded: Loaded) -> None:
        grants, funders, self._choices = loaded
        self.grants_panel.set_rows(grants)
        self.funders_panel.set_rows(funders)
        wanted, self._wanted = self._wanted, {}
        if "funder" in wanted:
            self.funders_panel.select_id(wanted["funder"])
        if "grant" in wanted:
            self.grants_panel.select_id(wanted["grant"])  # shows its detail
        else:
            self._grant_changed(self.grants_panel.current_row())
        self.editor.set_default_date(self.default_date)
        self._update_buttons()

    def _select_soon(self, what: str, record_id: int) -> None:
        """Select that grant or funder now, and again when the list on its way is shown."""
        panel = self.grants_panel if what == "grant" else self.funders_panel
        panel.select_id(record_id)
        if self.loads.loading or panel.current_row() is None:
            self._wanted[what] = record_id

    def _grant_changed(self, row: GrantSummaryView | None) -> None:
        detail = None
        if row is not None:
            try:
                detail = self.ops.grants.grant_detail(row.id)
            except PtceError:  # deleted meanwhile: the next reload fixes the list
                detail = None
        self.editor.show_detail(detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.ctx.read_only
        grant = self.grants_panel.current_row() is not None
        funder = self.funders_panel.current_row() is not None
        self.add_grant_button.setEnabled(writable)
        self.edit_grant_button.setEnabled(grant)
        self.delete_grant_button.setEnabled(writable and grant)
        self.add_funder_button.setEnabled(writable)
        self.edit_funder_button.setEnabled(funder)
        self.delete_funder_button.setEnabled(writable and funder)

    # --- grants ------------------------------------------------------------------------------
    def _run(self, dialog: QDialog) -> Any:
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)  # type: ignore[attr-defined]
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.result_value if accepted else None  # type: ignore[attr-defined]

    def new_grant(self) -> GrantDetail | None:
        if self.ctx.read_only:
            return None
        created = self._run(
            GrantDialog(
                self.funders(),
                self.projects(),
                self.ops.create_grant,
                parent=self,
                new_funder=self._funder_from_dialog,
            )
        )
        if created is not None:
            self.tabs.setCurrentIndex(0)
            self._select_soon("grant", created.id)
        return created

    def edit_grant(self) -> GrantDetail | None:
        detail = self.editor.detail
        if detail is None:
            return None
        return self._run(
            GrantDialog(
                self.funders(),
                self.projects(),
                lambda draft: self.ops.update_grant(detail, draft),
                detail,
                self,
            )
        )

    def delete_grant(self) -> bool:
        detail = self.editor.detail
        if detail is None or self.ctx.read_only:
            return False
        text = self.tr("Delete the grant “%1”? You can undo it with Ctrl+Z.").replace(
            "%1", detail.title
        )
        if not confirm(self, self.tr("Delete a grant"), text):
            return False
        try:
            self.ops.delete_grant(detail)
        except PtceError as error:  # it has instalments or redistributions
            self.ctx.presenter.present(error, self)
            return False
        return True

    # --- funders -----------------------------------------------------------------------------
    def new_funder(self) -> Any:
        if self.ctx.read_only:
            return None
        created = self._run(FunderDialog(self.ops.create_funder, parent=self))
        if created is not None:
            self._select_soon("funder", created.id)
        return created

    def _funder_from_dialog(self) -> tuple[int, str] | None:
        """« Nouveau financeur… » chosen in the grant dialog: the funder made, or None."""
        created = self._run(FunderDialog(self.ops.create_funder, parent=self))
        return (created.id, created.name) if created is not None else None

    def edit_funder(self) -> Any:
        funder = self.funders_panel.current_row()
        if funder is None:
            return None
        return self._run(
            FunderDialog(lambda draft: self.ops.update_funder(funder, draft), funder, self)
        )

    def delete_funder(self) -> bool:
        funder = self.funders_panel.current_row()
        self.funder_message.setText("")
        if funder is None or self.ctx.read_only:
            return False
        if funder.grant_count:  # checked before confirming: it would be refused
            error = PtceError("funder_has_grants", funder=funder.name, count=funder.grant_count)
            self.funder_message.setText(error.message(current_language()))
            self.ctx.presenter.present(error, self)
            return False
        text = self.tr("Delete the funder “%1”? You can undo it with Ctrl+Z.").replace(
            "%1", funder.name
        )
        if not confirm(self, self.tr("Delete a funder"), text):
            return False
        try:
            self.ops.delete_funder(funder)
        except PtceError as error:  # it has grants: the service says how many
            self.funder_message.setText(error.message(current_language()))
            self.ctx.presenter.present(error, self)
            return False
        return True


def create_page(ctx: AppContext) -> FundingPage:
    return FundingPage(ctx)
