"""The Contributions en nature page: the year's in-kind contributions and their Cerfa totals.

Volunteering, staff or premises lent free, services and gifts in kind (accounts 86/87). Every
change goes through :class:`~ptce_desktop.services.grants.in_kind.InKindService` and is pushed on
the
undo stack; the totals per Cerfa row under the table are the service's own
(:meth:`InKindService.totals`), never summed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.categories import InKindKind
from ptce_desktop.domain.cerfa import cerfa_line
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money, format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.activity.activity import ActivityService
from ptce_desktop.services.grants.grants import GrantService
from ptce_desktop.services.grants.in_kind import (
    CHARGE_TO_RESOURCE,
    KIND_LABELS,
    InKindDraft,
    InKindService,
    InKindTotals,
    InKindView,
    cerfa_code_for,
)
from ptce_desktop.ui.bus import touches
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.activity.list import (
    Choices,
    ListPanel,
    choice_combo,
    short,
    wide_combo,
)
from ptce_desktop.ui.pages.scaffold import confirm
from ptce_desktop.ui.shell.context import AppContext
from ptce_desktop.ui.widgets import DateEdit, FormDialog, MoneyEdit, UnitsEdit
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

translate = QCoreApplication.translate

IN_KIND_TABLES = ("in_kind_contributions", "members", "projects", "grants", "fiscal_years", "poles")


def kind_label(kind: str) -> str:
    fr, en = KIND_LABELS.get(kind, (kind, kind))
    return en if current_language() == "en" else fr


def _optional_date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def in_kind_columns() -> list[Column]:
    lang = current_language()
    return [
        Column(translate("InKindPage", "Date"), lambda r: r.date, display=_optional_date),
        Column(translate("InKindPage", "Kind"), lambda r: kind_label(r.kind)),
        Column(
            translate("InKindPage", "Cerfa row"),
            lambda r: f"{r.cerfa_code} / {r.resource_code}",
            tooltip=lambda r: (
                f"{cerfa_line(r.cerfa_code).label_fr}\n{cerfa_line(r.resource_code).label_fr}"
            ),
            header_tooltip=translate("InKindPage", "Row of uses (86) / row of resources (87)"),
        ),
        Column(translate("InKindPage", "Label"), lambda r: r.label),
        Column(translate("InKindPage", "Member"), lambda r: r.member_name),
        Column(translate("InKindPage", "Project"), lambda r: r.project_name),
        Column(translate("InKindPage", "Grant"), lambda r: r.grant_title),
        Column(
            translate("InKindPage", "Hours"),
            lambda r: r.hours_milli,
            display=lambda v: "" if v is None else format_units(v, lang=lang),
            align=RIGHT,
        ),
        Column(
            translate("InKindPage", "Value"),
            lambda r: r.amount_cents,
            display=lambda v: format_money(v, lang=lang),
            align=RIGHT,
        ),
    ]


def draft_of(view: InKindView) -> InKindDraft:
    return InKindDraft(
        date=view.date,
        kind=view.kind,
        label=view.label,
        amount_cents=view.amount_cents,
        cerfa_code=view.cerfa_code,
        member_id=view.member_id,
        project_id=view.project_id,
        grant_id=view.grant_id,
        hours_milli=view.hours_milli,
    )


class InKindDialog(FormDialog):
    """Add (``view=None``) or edit one contribution; OK saves and records the undo step."""

    def __init__(
        self,
        service: InKindService,
        history: UndoHistory,
        choices: dict[str, Choices],
        view: InKindView | None = None,
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("InKindDialog", "New in-kind contribution")
            if view is None
            else translate("InKindDialog", "In-kind contribution “%1”").replace(
                "%1", short(view.label)
            )
        )
        super().__init__(title, parent)
        self.setObjectName("InKindDialog")
        self.service, self.history, self.view = service, history, view
        add = self.fields.add
        form = self.new_form()
        date = DateEdit("date")
        date.set_date(view.date if view else default_date)
        add(form, "date", translate("InKindDialog", "&Date"), date)
        kind = wide_combo()
        for kind_code in InKindKind:
            kind.addItem(kind_label(kind_code), kind_code)
        kind.setCurrentIndex(max(kind.findData(view.kind if view else InKindKind.BENEVOLAT), 0))
        add(form, "kind", translate("InKindDialog", "&Kind"), kind)
        cerfa = wide_combo()
        cerfa.addItem("", None)
        for code, resource in CHARGE_TO_RESOURCE.items():
            cerfa.addItem(f"{cerfa_line(code).label_fr}  →  {resource}", code)
        add(
            form,
            "cerfa_code",
            translate("InKindDialog", "Cerfa &row"),
            cerfa,
            translate("InKindDialog", "The row follows the kind unless you choose another."),
        )
        label = QLineEdit(view.label if view else "")
        add(form, "label", translate("InKindDialog", "&Label"), label)
        amount = MoneyEdit("amount_cents")
        amount.set_cents(view.amount_cents if view else None)
        add(form, "amount_cents", translate("InKindDialog", "&Value"), amount)
        hours = UnitsEdit("hours_milli")
        hours.set_value(view.hours_milli if view else None)
        add(
            form,
            "hours_milli",
            translate("InKindDialog", "&Hours"),
            hours,
            translate("InKindDialog", "For volunteering: the hours given."),
        )
        none = translate("InKindDialog", "(none)")
        for name, caption in (
            ("member_id", translate("InKindDialog", "&Member")),
            ("project_id", translate("InKindDialog", "&Project")),
            ("grant_id", translate("InKindDialog", "&Grant")),
        ):
            current = getattr(view, name) if view else None
            add(form, name, caption, choice_combo(choices[name], none, current))
        for caption_label in self.fields.captions:
            caption_label.buddy().setAccessibleName(caption_label.text().replace("&", ""))
        self.body_layout.addStretch(1)
        kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if view is not None and view.cerfa_code != self._default_code():
            cerfa.setCurrentIndex(max(cerfa.findData(view.cerfa_code), 0))
        self.resize(620, 470)
        label.setFocus()

    def _default_code(self) -> str | None:
        try:
            return cerfa_code_for(self.fields.editor("kind").currentData(), None)  # type: ignore[attr-defined]
        except PtceError:
            return None  # "autre": the user picks the row

    def _kind_changed(self, *_args: Any) -> None:
        code = self._default_code()
        combo: Any = self.fields.editor("cerfa_code")
        if code is None:
            text = translate("InKindDialog", "Choose a row for this kind")
        else:
            text = translate("InKindDialog", "By its kind: %1").replace(
                "%1", cerfa_line(code).label_fr
            )
        combo.setItemText(0, text)

    def draft(self) -> InKindDraft:
        editor: Any = self.fields.editor
        return InKindDraft(
            date=editor("date").date(),
            kind=editor("kind").currentData(),
            label=editor("label").text(),
            amount_cents=editor("amount_cents").cents(),
            cerfa_code=editor("cerfa_code").currentData(),
            member_id=editor("member_id").currentData(),
            project_id=editor("project_id").currentData(),
            grant_id=editor("grant_id").currentData(),
            hours_milli=editor("hours_milli").value(),
        )

    def submit(self) -> InKindView:
        draft, service = self.draft(), self.service
        if self.view is None:
            text = translate("InKindDialog", "Add in-kind contribution “%1”")
            return self.history.create(
                text.replace("%1", short(draft.label)),
                "in_kind",
                lambda: service.create_contribution(draft),
                service.delete_contribution,
            )
        text = translate("InKindDialog", "Edit in-kind contribution “%1”")
        return self.history.update(
            text.replace("%1", short(draft.label)),
            "in_kind",
            self.view.id,
            service.update_contribution,
            draft_of(self.view),
            draft,
        )


class TotalsPanel(QGroupBox):
    """The year's totals per Cerfa row: uses (86) beside resources (87)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("InKindPage", "Totals by Cerfa row"), parent)
        self.setObjectName("inKindTotals")
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(3)
        self.amounts: dict[str, QLabel] = {}

    def show_totals(self, totals: InKindTotals) -> None:
        while (item := self.grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.amounts.clear()
        lang = current_language()
        for column, (heading, lines) in enumerate(
            (
                (translate("InKindPage", "Uses (86)"), totals.charges),
                (translate("InKindPage", "Resources (87)"), totals.resources),
            )
        ):
            title = QLabel(f"<b>{heading}</b>")
            self.grid.addWidget(title, 0, column * 2, 1, 2)
            for row, line in enumerate(lines, start=1):
                self.grid.addWidget(QLabel(line.label), row, column * 2)
                self.amounts[line.code] = self._amount(
                    format_money(line.amount_cents, lang=lang), row, column * 2 + 1
                )
        last = self.grid.rowCount()
        summary = (
            translate("InKindPage", "Total: %1 — %2 hours")
            .replace("%1", format_money(totals.total_cents, lang=lang))
            .replace("%2", format_units(totals.hours_milli, lang=lang))
        )
        self.total = QLabel(f"<b>{summary}</b>")
        self.total.setObjectName("inKindTotal")
        self.grid.addWidget(self.total, last, 0, 1, 4)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(2, 1)

    def _amount(self, text: str, row: int, column: int) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(label, row, column)
        return label


class InKindPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InKindPage")
        self.ctx = ctx
        self.service = ctx.service(InKindService)
        self.history = ctx.history
        self.year: int | None = None
        self.list = ListPanel(
            "in-kind",
            in_kind_columns(),
            lambda n: self.tr("%n contribution(s)", "", n),
            search_hint=self.tr("Search a contribution (label, member, project…)"),
            keep_wide=(3,),
        )
        # too narrow for all (1200 px): the grant, the project and the Cerfa row give way, in
        # that order, rather than a horizontal scroll bar (the totals below keep the Cerfa rows)
        self.list.view.foldable = (6, 5, 2)
        # the label is what tells two contributions apart (« Bénévolat –… » three times): about
        # twenty letters of it, and sixteen of the kind, before the member's name takes the rest
        letter = self.list.view.fontMetrics().averageCharWidth()
        self.list.view.min_widths = {1: letter * 16 + 16, 3: letter * 20 + 16}
        self.totals = TotalsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        layout.addLayout(bottom)
        self.list.set_writable(not ctx.read_only)
        self.list.addRequested.connect(self.new_item)
        self.list.editRequested.connect(self.edit)
        self.list.deleteRequested.connect(self.delete)

    # --- page protocol -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.list.focus_search()

    def set_fiscal_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.reload()

    def refresh(self, changes: Any) -> None:
        if self.year is not None and touches(changes, *IN_KIND_TABLES):
            self.reload()

    def reload(self) -> None:
        if self.year is None:
            return
        self.list.set_rows(self.service.list_contributions(self.year))
        self.totals.show_totals(self.service.totals(self.year))

    # --- actions -----------------------------------------------------------------------------
    def _choices(self) -> dict[str, Choices]:
        members = self.ctx.members.list_members(include_archived=True, year=self.year)
        projects = self.ctx.service(ActivityService).list_projects()
        grants = self.ctx.service(GrantService).list_grants()
        return {
            "member_id": [(m.id, m.name) for m in members],
            "project_id": [(p.id, p.name) for p in projects],
            "grant_id": [(g.id, g.title) for g in grants],
        }

    def _run(self, view: InKindView | None) -> InKindView | None:
        default = None
        if self.year is not None:
            today = dt.date.today()
            default = today if today.year == self.year else dt.date(self.year, 1, 1)
        dialog = InKindDialog(
            self.service, self.history, self._choices(), view, default, parent=self
        )
        if view is not None and self.ctx.read_only:
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).setEnabled(False)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return None
        self.reload()
        self.list.select_id(dialog.result_value.id)
        return dialog.result_value

    def new_item(self) -> InKindView | None:
        return None if self.ctx.read_only else self._run(None)

    def edit(self, view: InKindView | None = None) -> InKindView | None:
        view = view or self.list.current_row()
        return self._run(view) if view is not None else None

    def delete(self, view: InKindView | None = None) -> bool:
        view = view or self.list.current_row()
        if view is None or self.ctx.read_only:
            return False
        question = self.tr("Delete the contribution “%1”? You can undo it with Ctrl+Z.")
        if not confirm(
            self, self.tr("Delete a contribution"), question.replace("%1", short(view.label))
        ):
            return False
        service, draft = self.service, draft_of(view)
        try:
            self.history.delete(
                self.tr("Delete in-kind contribution “%1”").replace("%1", short(view.label)),
                "in_kind",
                view.id,
                service.delete_contribution,
                lambda: service.create_contribution(draft),
            )
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        return True


def create_page(ctx: AppContext) -> InKindPage:
    return InKindPage(ctx)
