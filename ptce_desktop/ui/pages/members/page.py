"""The Membres page: the register, a search, the detail of the selected member.

Every change goes through :class:`~ptce_desktop.services.members.members.MemberService` and is
pushed
on the undo stack (add, edit, archive, delete). The page reloads itself when the file changes
(``refresh``) or when the fiscal year changes (figures, shares, calls are per year).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.members.members import MemberService, MemberView
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.imports.button import import_button
from ptce_desktop.ui.pages.loading import PageLoads
from ptce_desktop.ui.pages.members.detail import MemberDetailPanel
from ptce_desktop.ui.pages.members.dialog import ArchiveDialog, MemberDialog, member_label
from ptce_desktop.ui.pages.scaffold import sample_fit
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.state import ui_settings
from ptce_desktop.ui.widgets.empty_state import EmptyState
from ptce_desktop.ui.widgets.explain_dialog import MemberSharesDialog
from ptce_desktop.ui.widgets.history import HistoryButton
from ptce_desktop.ui.widgets.table_model import RIGHT, ROW_ROLE, Column, FilterProxy, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def member_columns() -> list[Column]:
    lang = current_language()
    return [
        Column(translate("MembersPage", "Name"), lambda r: r.name),
        Column(translate("MembersPage", "Short name"), lambda r: r.short_name),
        Column(
            translate("MembersPage", "Category"), lambda r: MemberCategory(r.category).label(lang)
        ),
        Column("SIRET", lambda r: r.siret_display, sort_key=lambda r: r.siret),
        Column(translate("MembersPage", "Joined"), lambda r: r.joined_on, display=_date),
        Column(translate("MembersPage", "Left"), lambda r: r.left_on, display=_date),
        Column(translate("MembersPage", "College"), lambda r: r.college),
        Column(
            translate("MembersPage", "FTE"),
            lambda r: r.figures.etp_milli if r.figures else None,
            display=lambda v: "" if v is None else format_units(v, lang=lang),
            align=RIGHT,
            header_tooltip=translate("MembersPage", "Full-time equivalents declared for the year"),
        ),
        Column(
            translate("MembersPage", "Status"),
            lambda r: (
                translate("MembersPage", "Archived")
                if r.archived
                else translate("MembersPage", "Active")
                if r.active
                else translate("MembersPage", "Not in this year")
            ),
        ),
    ]


# logical columns of member_columns()
NAME, SHORT_NAME, CATEGORY, SIRET, JOINED, LEFT, COLLEGE, FTE, STATUS = range(9)


def readable_widths(metrics: QFontMetrics) -> dict[int, int]:
    """The narrowest the list makes each column before folding it (TableView.min_widths): the
    SIRET and the dates whole, the two firm categories whole (the rest of a category may be
    cut: « Collectivité terr… » still reads as one)."""
    lang = current_language()
    firms = (MemberCategory.ESS_ENTERPRISE, MemberCategory.NON_ESS_ENTERPRISE)
    padding = 16
    return {
        NAME: metrics.averageCharWidth() * 30 + padding,
        SIRET: metrics.horizontalAdvance("000 000 000 00000") + padding,
        CATEGORY: max(metrics.horizontalAdvance(c.label(lang)) for c in firms) + padding,
        JOINED: metrics.horizontalAdvance("00/00/0000") + padding,
        LEFT: metrics.horizontalAdvance("00/00/0000") + padding,
    }


def ask_archive_instead(parent: QWidget, message: str) -> bool:
    """The service's refusal to delete, with an offer to archive instead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("MembersPage", "Cannot delete"))
    box.setText(message)
    archive = box.addButton(
        translate("MembersPage", "&Archive instead…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    chosen = box.clickedButton() is archive
    box.deleteLater()
    return chosen


def confirm_delete(parent: QWidget, name: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("MembersPage", "Delete a member"),
        translate("MembersPage", "Delete “%1”? You can undo it with Ctrl+Z.").replace("%1", name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class MembersPage(QWidget):
    #: "journal:members/<id>": the window shows the member's history (Journal page).
    pageRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MembersPage")
        self.ctx = ctx
        self.service: MemberService = ctx.members
        self.history = ctx.history
        self.year: int | None = None
        self.year_label = ""
        self._settings = ui_settings()

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Search (name, SIRET, college…)"))
        self.search.setClearButtonEnabled(True)
        # short texts: at 1200 px the search is some 250 px beside five buttons
        self.include_archived = QCheckBox(self.tr("Include &archived"))
        self.include_archived.setToolTip(
            self.tr("Also list the archived members (who left the pole)")
        )
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.archive_button = QPushButton(self.tr("Archi&ve…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.add_button.setDefault(False)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.include_archived)
        bar.addSpacing(12)
        self.import_button = import_button("members")
        for button in (self.add_button, self.edit_button, self.archive_button, self.delete_button):
            bar.addWidget(button)
        bar.addWidget(self.import_button)

        self.model = RowTableModel(member_columns(), parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = sample_fit(TableView("members"))
        # too narrow for all (the detail beside), these give way in this order rather than a
        # horizontal scroll bar: at 1366 px the name, category, SIRET, FTE and status are left,
        # at 1200 px the status goes too (it is in the detail) — the SIRET stays whole
        self.view.foldable = (SHORT_NAME, LEFT, COLLEGE, JOINED, STATUS, SIRET, CATEGORY)
        # below these, a column folds rather than being cut: a cut SIRET reads as another one,
        # « Entreprise … » hides whether the firm is of the ESS; some 30 letters of the name
        self.view.min_widths = readable_widths(self.view.fontMetrics())
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(TableView.SelectionMode.SingleSelection)
        self.empty_state = EmptyState(
            self.view,
            self.tr("No member yet. Members are the organisations that share the costs."),
            self.tr("Add the first member…"),
            self.add_button,
        )
        self.detail = MemberDetailPanel()
        # the splitter stops here: its tables stacked one amount a line still fit
        self.detail.setMinimumWidth(self.detail.fontMetrics().averageCharWidth() * 40)
        self.why_button = QPushButton(self.tr("&Why this amount?"))
        self.why_button.setToolTip(
            self.tr("The costs behind the member's shares of a service, and how each was split")
        )
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        self.history_button = HistoryButton(
            "members",
            self.selected_id,
            self.pageRequested.emit,
            self.tr("Every change made to this member, in the change log"),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.why_button)
        detail_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("membersSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        saved = self._settings.value("members/splitter")
        if isinstance(saved, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(saved))
        else:
            self.splitter.setSizes([680, 360])
        self.splitter.splitterMoved.connect(self._save_splitter)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self._filter)
        self.include_archived.toggled.connect(lambda _checked: self.reload())
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        # clicked(bool) would land in ``member``: the button archives the selected row
        self.archive_button.clicked.connect(lambda: self.archive_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.rowActivated.connect(lambda _row: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.shareRequested.connect(lambda sid, q: self.explain_shares(sid, q or None))
        self.why_button.clicked.connect(self.explain_current)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self._wanted: int | None = None  # to select once the list on its way is shown
        self.loads = PageLoads(
            self, ctx.runner, over=self.view, on_error=lambda e: ctx.presenter.present(e, self)
        )
        self.detail_loads = PageLoads(self, ctx.runner, over=self.detail)
        self._update_buttons()

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_fiscal_year(self, year: int) -> None:
        if year == self.year:
            return
        self.year = year
        self.year_label = self.ctx.fiscal_years.get(year).label
        self.reload()

    def refresh(self, _changes: Any) -> None:
        self.reload()

    # --- loading -----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the members off the GUI thread; once shown, select ``select`` (else the
        member selected then)."""
        if select is not None:
            self._wanted = select
        service, archived, year = self.service, self.include_archived.isChecked(), self.year
        self.loads.start(
            lambda: service.list_members(include_archived=archived, year=year), self._show_rows
        )

    def _show_rows(self, rows: list[Any]) -> None:
        selected = self._wanted if self._wanted is not None else self.selected_id()
        self._wanted = None
        self.model.set_rows(rows)
        if not getattr(self, "_fitted", False) and rows:
            self._fitted = True
            if not self.view.restore_state():
                self.view.fit_columns()
                header = self.view.horizontalHeader()
                header.resizeSection(0, min(header.sectionSize(0), 300))  # names can be long
        self.select_id(selected)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%n member(s)", "", total)
        if shown != total:
            text = self.tr("%1 shown of %2").replace("%1", str(shown)).replace("%2", text)
        self.count_label.setText(text)

    def selected_id(self) -> int | None:
        row = self.view.current_row()
        return row.id if row is not None else None

    def select_id(self, member_id: int | None) -> None:
        if member_id is not None:
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if self.proxy.data(index, ROW_ROLE).id == member_id:
                    self.view.setCurrentIndex(index)
                    self.view.selectRow(row)
                    return
        self.view.setCurrentIndex(QModelIndex())
        self._show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self._show_detail(row.id if row is not None else None)

    def _show_detail(self, member_id: int | None) -> None:
        """The member's figures of the year, read off the GUI thread."""
        if member_id is None:
            self.detail_loads.cancel()
            self.detail.show_nothing()
            self._update_buttons()
            return
        service, year = self.service, self.year
        self.detail_loads.start(
            lambda: service.member_detail(member_id, year),
            self._detail_loaded,
            on_error=self._detail_failed,
        )
        self._update_buttons()

    def _detail_loaded(self, detail: Any) -> None:
        self.detail.show_detail(detail)
        self._update_buttons()

    def _detail_failed(self, error: BaseException) -> None:
        if not isinstance(error, PtceError):
            self.ctx.presenter.present(error, self)
        else:  # deleted meanwhile: the next reload fixes the list
            self.detail.show_error(error.message(current_language()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.view.current_row()
        writable = not self.ctx.read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(row is not None)
        self.archive_button.setEnabled(writable and row is not None and not row.archived)
        self.delete_button.setEnabled(writable and row is not None)
        self.why_button.setEnabled(row is not None and self.detail.current_share() is not None)
        self.history_button.setEnabled(row is not None)

    def show_history(self) -> None:
        """The selected member's changes, on the Journal des modifications page."""
        self.history_button.show_history()

    def _save_splitter(self, *_args: Any) -> None:
        self._settings.setValue("members/splitter", self.splitter.saveState())

    # --- « Pourquoi ce montant ? » -----------------------------------------------------------
    def share_dialog(self, service_id: int, quarter: int | None) -> MemberSharesDialog | None:
        """The dialog explaining the shown member's shares of a service (None: nothing shown)."""
        detail = self.detail.detail
        if detail is None or not detail.shares or self.year is None:
            return None
        return MemberSharesDialog(
            self.ctx,
            member_id=detail.member.id,
            member_name=detail.member.name,
            year=self.year,
            services=[(line.service_id, line.service_name) for line in detail.shares],
            service_id=service_id,
            quarter=quarter,
            parent=self,
        )

    def explain_shares(self, service_id: int, quarter: int | None) -> None:
        dialog = self.share_dialog(service_id, quarter)
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def explain_current(self) -> None:
        cell = self.detail.current_share()
        if cell is not None:
            self.explain_shares(*cell)

    # --- actions -----------------------------------------------------------------------------
    def _dialog(self, member: MemberView | None) -> MemberDialog:
        year = self.year if self.year is not None else dt.date.today().year
        figures = None
        if member is not None:
            figures = self.service.member_detail(member.id, year).figures
        return MemberDialog(
            self.service, self.history, year, self.year_label or str(year), member, figures, self
        )

    def new_item(self) -> MemberView | None:
        if self.ctx.read_only:
            return None
        dialog = self._dialog(None)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.reload(select=dialog.result_value.id)
            return dialog.result_value
        return None

    def edit_selected(self) -> MemberView | None:
        member_id = self.selected_id()
        if member_id is None:
            return None
        dialog = self._dialog(self.service.get(member_id))
        if self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.result_value if accepted else None

    def archive(self, member: MemberView, left_on: dt.date) -> MemberView:
        """Archive now (undo restores the previous leaving date)."""
        before = member.to_draft()
        service, history = self.service, self.history
        text = self.tr("Archive “%1”").replace("%1", member_label(member.name))
        ref = history.ref("member", member.id)
        return history.run(
            text,
            lambda: service.archive(ref.id, left_on),
            lambda: service.update(ref.id, before),
        )

    def archive_selected(self, member: MemberView | None = None) -> bool:
        if member is None:
            member_id = self.selected_id()
            if member_id is None or self.ctx.read_only:
                return False
            member = self.service.get(member_id)
        dialog = ArchiveDialog(self, member)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def delete_selected(self) -> bool:
        member_id = self.selected_id()
        if member_id is None or self.ctx.read_only:
            return False
        member = self.service.get(member_id)
        # checked before confirming: a member with money records is archived, not deleted
        problem = self.service.delete_problem(member_id)
        if problem is not None:
            if ask_archive_instead(self, problem.message(current_language())):
                return self.archive_selected(member)
            return False
        if not confirm_delete(self, member.name):
            return False
        service = self.service
        text = self.tr("Delete “%1”").replace("%1", member_label(member.name))
        figures = service.member_detail(member.id, self.year).figures

        def recreate() -> MemberView:
            view = service.create(member.to_draft())
            if figures is not None:
                values = {k: v for k, v in asdict(figures).items() if k != "year"}
                service.set_year_figures(view.id, figures.year, **values)
            return view

        try:
            self.history.delete(text, "member", member.id, service.delete, recreate)
        except PtceError as error:
            if error.code == "member_in_use" and ask_archive_instead(
                self, error.message(current_language())
            ):
                return self.archive_selected(member)
            if error.code != "member_in_use":
                self.ctx.presenter.present(error, self)
            return False
        return True


def create_page(ctx: AppContext) -> MembersPage:
    return MembersPage(ctx)
