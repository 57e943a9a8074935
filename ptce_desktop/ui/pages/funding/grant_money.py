"""The money tabs of a grant: instalments received, redistributions, due / passed / remaining.

Adding, changing and deleting go through :class:`~.grant_actions.GrantActions` (undoable);
"Reverser selon le plan…" passes every member's reste à reverser on in one action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ptce_desktop.domain.money import format_percent
from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.grants.views import GrantDetail
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions
from ptce_desktop.ui.pages.funding.grant_budget import shrinkable
from ptce_desktop.ui.pages.funding.grant_money_dialogs import (
    InstalmentDialog,
    PassOnDialog,
    RedistributionDialog,
)
from ptce_desktop.ui.pages.list_panel import ListPanel
from ptce_desktop.ui.pages.scaffold import confirm
from ptce_desktop.ui.style import ERROR
from ptce_desktop.ui.widgets.table_model import RIGHT, Column

translate = QCoreApplication.translate


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def _amount(header: str, value: Callable[[Any], Any]) -> Column:
    return Column(header, value, display=money_text, align=RIGHT)


class MoneyTab(QWidget):
    """A list with Add / Edit / Delete for one grant's records."""

    def __init__(
        self,
        actions: GrantActions,
        key: str,
        columns: list[Column],
        count_text: Callable[[int], str],
        parent: QWidget | None = None,
        stretch: int = 0,
        fixed_widths: dict[int, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = actions
        self.detail: GrantDetail | None = None
        self.default_date: Callable[[], dt.date] = dt.date.today
        self.panel = ListPanel(
            key,
            columns,
            "",
            count_text,
            searchable=False,
            stretch_column=stretch,
            fixed_widths=fixed_widths,
        )
        self.panel.view.setAccessibleName(key)
        self.add_button = self.panel.add_button(translate("GrantTabs", "&Add…"))
        self.edit_button = self.panel.add_button(translate("GrantTabs", "&Edit…"))
        self.delete_button = self.panel.add_button(translate("GrantTabs", "&Delete"))
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.panel, 1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.panel.activated.connect(lambda _row: self.edit())
        self.panel.deleteRequested.connect(self.delete)
        self.panel.currentChanged.connect(lambda _row: self.update_buttons())

    def rows_of(self, detail: GrantDetail) -> Sequence[Any]:
        raise NotImplementedError

    def show_detail(self, detail: GrantDetail | None) -> None:
        self.detail = detail
        self.panel.set_rows(self.rows_of(detail) if detail else [])
        self.update_buttons()

    def update_buttons(self) -> None:
        writable = self.detail is not None and not self.ops.ctx.read_only
        selected = self.panel.current_row() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and selected)
        self.delete_button.setEnabled(writable and selected)

    def run(self, dialog: QDialog) -> Any:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return getattr(dialog, "result_value", None) if accepted else None

    def add(self) -> Any:
        raise NotImplementedError

    def edit(self) -> Any:
        raise NotImplementedError

    def delete(self) -> bool:
        raise NotImplementedError


class InstalmentsTab(MoneyTab):
    def __init__(self, actions: GrantActions, parent: QWidget | None = None) -> None:
        columns = [
            Column(translate("GrantTabs", "Date"), lambda i: i.date, display=_date),
            _amount(translate("GrantTabs", "Amount"), lambda i: i.amount_cents),
            Column(translate("GrantTabs", "Reference"), lambda i: i.reference),
        ]
        super().__init__(
            actions,
            "instalments",
            columns,
            lambda n: translate("GrantTabs", "%n instalment(s)", "", n),
            parent,
            stretch=2,
        )

    def rows_of(self, detail: GrantDetail) -> Sequence[Any]:
        return detail.instalments

    def add(self) -> Any:
        detail = self.detail
        if detail is None or not self.add_button.isEnabled():
            return None
        return self.run(
            InstalmentDialog(
                lambda draft: self.ops.add_instalment(detail, draft),
                default_date=self.default_date(),
                parent=self,
            )
        )

    def edit(self) -> Any:
        row = self.panel.current_row()
        if row is None or not self.edit_button.isEnabled():
            return None
        return self.run(
            InstalmentDialog(lambda draft: self.ops.update_instalment(row, draft), row, parent=self)
        )

    def delete(self) -> bool:
        row = self.panel.current_row()
        if row is None or not self.delete_button.isEnabled():
            return False
        text = (
            translate("GrantTabs", "Delete the instalment of %1 received on %2?")
            .replace("%1", money_text(row.amount_cents))
            .replace("%2", format_date(row.date))
        )
        if not confirm(self, translate("GrantTabs", "Delete an instalment"), text):
            return False
        try:
            self.ops.delete_instalment(row)
        except Exception as error:  # closed year: a message
            self.ops.ctx.presenter.present(error, self)
            return False
        return True


class RedistributionsTab(MoneyTab):
    def __init__(
        self,
        actions: GrantActions,
        members: Callable[[], Sequence[tuple[int, str]]],
        parent: QWidget | None = None,
    ) -> None:
        columns = [
            Column(translate("GrantTabs", "Date"), lambda r: r.date, display=_date),
            Column(translate("GrantTabs", "Member"), lambda r: r.member_name),
            _amount(translate("GrantTabs", "Amount"), lambda r: r.amount_cents),
            Column(translate("GrantTabs", "Basis"), lambda r: r.basis, tooltip=lambda r: r.basis),
        ]
        super().__init__(
            actions,
            "redistributions",
            columns,
            lambda n: translate("GrantTabs", "%n redistribution(s)", "", n),
            parent,
            stretch=1,
            fixed_widths={3: 260},
        )
        self._members = members
        self.plan_button = self.panel.add_button(translate("GrantTabs", "Pass on by the &plan…"))

        self.plan_button.clicked.connect(self.pass_on_by_plan)

    def rows_of(self, detail: GrantDetail) -> Sequence[Any]:
        return detail.redistributions

    def update_buttons(self) -> None:
        super().update_buttons()
        if hasattr(self, "plan_button"):
            self.plan_button.setEnabled(self.add_button.isEnabled())

    def add(self) -> Any:
        detail = self.detail
        if detail is None or not self.add_button.isEnabled():
            return None

        def save(member_id: int, day: dt.date, cents: int, basis: str | None, force: bool) -> Any:
            return self.ops.record_redistribution(detail, member_id, day, cents, basis, force)

        return self.run(
            RedistributionDialog(
                self._members(), save, default_date=self.default_date(), parent=self
            )
        )

    def edit(self) -> Any:
        row = self.panel.current_row()
        if row is None or not self.edit_button.isEnabled():
            return None

        def save(member_id: int, day: dt.date, cents: int, basis: str | None, force: bool) -> Any:
            return self.ops.update_redistribution(row, member_id, day, cents, basis, force)

        return self.run(RedistributionDialog(self._members(), save, row, parent=self))

    def delete(self) -> bool:
        row = self.panel.current_row()
        if row is None or not self.delete_button.isEnabled():
            return False
        text = (
            translate("GrantTabs", "Delete the %1 passed on to “%2” on %3?")
            .replace("%1", money_text(row.amount_cents))
            .replace("%2", row.member_name)
            .replace("%3", format_date(row.date))
        )
        if not confirm(self, translate("GrantTabs", "Delete a redistribution"), text):
            return False
        try:
            self.ops.delete_redistribution(row)
        except Exception as error:
            self.ops.ctx.presenter.present(error, self)
            return False
        return True

    def pass_on_by_plan(self) -> Any:
        detail = self.detail
        if detail is None or not self.plan_button.isEnabled():
            return None
        preview = [(m.member_name, m.remaining_cents) for m in detail.plan if m.remaining_cents > 0]
        return self.run(
            PassOnDialog(
                preview,
                lambda day: self.ops.redistribute_by_plan(detail, day),
                self.default_date(),
                self,
            )
        )


def _plan_text(member: Any) -> str:
    if member.share_bp is not None:
        return format_percent(member.share_bp, lang=current_language(), fixed=True)
    if member.amount_cents is not None:
        return money_text(member.amount_cents)
    return translate("GrantTabs", "outside the plan")


class PerMemberTab(QWidget):
    """The plan applied to what was received: due, passed on, still to pass on, per member."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(translate("GrantTabs", "Member"), lambda m: m.member_name),
            Column(translate("GrantTabs", "Plan"), _plan_text, align=RIGHT),
            _amount(translate("GrantTabs", "Due"), lambda m: m.due_cents),
            _amount(translate("GrantTabs", "Passed on"), lambda m: m.passed_cents),
            Column(
                translate("GrantTabs", "Reste à reverser"),
                lambda m: m.remaining_cents,
                display=money_text,
                align=RIGHT,
                # passed on beyond the member's due: red, as in the grant list
                foreground=lambda m: ERROR if m.remaining_cents < 0 else None,
            ),
        ]
        self.panel = ListPanel(
            "grant-members",
            columns,
            "",
            lambda n: translate("GrantTabs", "%n member(s)", "", n),
            searchable=False,
            stretch_column=0,
        )
        self.panel.view.setAccessibleName(translate("GrantTabs", "Due, passed on and remaining"))
        shrinkable(self.panel.view, 80)  # its summary in view without scrolling the tab
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.summary)

    def show_detail(self, detail: GrantDetail | None) -> None:
        self.panel.set_rows(detail.plan if detail else [])
        if detail is None:
            self.summary.setText("")
            return
        self.summary.setText(
            translate(
                "GrantTabs",
                "Received %1 · kept for coordination %2 · not covered by the plan %3 · "
                "passed on %4 · reste à reverser %5",
            )
            .replace("%1", money_text(detail.received_cents))
            .replace("%2", money_text(detail.coordination_cents))
            .replace("%3", money_text(detail.unplanned_cents))
            .replace("%4", money_text(detail.passed_cents))
            .replace("%5", money_text(detail.remaining_cents))
        )
