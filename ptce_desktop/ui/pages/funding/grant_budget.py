"""Two editable tabs of a grant: its forecast budget by Cerfa row, its redistribution plan.

Both are typed in a table (what is typed stays, a wrong amount shows in red), then saved in one
service call ("Enregistrer"), undoable; the service's refusal (a plan over 100 %…) is shown
under the table. A tab keeps what the user typed when the grant is reloaded for another reason
(another tab saved), until it is saved or reverted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.cerfa import CERFA_GRID, CerfaLine, children
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_percent
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.views import GrantDetail
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.amount_table import (
    HEADING,
    LOCKED,
    MONEY,
    PERCENT,
    EditableTable,
    EditColumn,
    compact,
    edit_view,
)
from ptce_desktop.ui.pages.funding.dialogs import PercentEdit
from ptce_desktop.ui.pages.funding.grant_actions import GrantActions
from ptce_desktop.ui.widgets import FieldCell, FieldSet, error_banner

translate = QCoreApplication.translate


def budget_row_editable(line: CerfaLine) -> bool:
    """The rows a forecast amount may go on (the service's rule: no heading, total, or group
    that has sub-rows)."""
    if not line.printed or line.level in ("section", "total"):
        return False
    return not (line.group and children(line.code))


def _code(line: CerfaLine) -> str:
    return line.code if line.code[:2].isdigit() and "_" not in line.code else ""


def shrinkable(widget: QWidget, height: int) -> QWidget:
    """``widget`` (a table, a text box) asks for ``height`` and takes whatever more its tab
    has. Its own size hint (a table's 192 px or more) is not asked for: a tab holds a wrapped
    hint, so its scroll area gives it its *preferred* height, and at 760 px the save bar went
    below the fold."""
    widget.setMinimumHeight(height)
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    return widget


class SaveBar(QHBoxLayout):
    """ "Save" and "Revert" on the right of a tab."""

    def __init__(self, hint: QLabel) -> None:
        super().__init__()
        self.addWidget(hint, 1)
        self.revert_button = QPushButton(translate("GrantTabs", "Re&vert"))
        self.save_button = QPushButton(translate("GrantTabs", "&Save"))
        self.revert_button.setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        self.addWidget(self.revert_button)
        self.addWidget(self.save_button)


class EditingTab(QWidget):
    """What the editable tabs share: the grant shown, the dirty flag, a form with errors."""

    def __init__(self, actions: GrantActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = actions
        self.detail: GrantDetail | None = None
        self.dirty = False
        self._loading = False
        self.banner = error_banner()
        self.fields = FieldSet(self.banner)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.save_bar = SaveBar(self.hint)
        self.save_bar.save_button.clicked.connect(self.save)
        self.save_bar.revert_button.clicked.connect(self.revert)

    def touched(self, *_args: Any) -> None:
        if self._loading:  # filling the inputs is not the user typing
            return
        self.dirty = True
        self.update_hint()

    def _load(self, detail: GrantDetail | None) -> None:
        self._loading = True
        try:
            self.load(detail)
        finally:
            self._loading = False

    def show_detail(self, detail: GrantDetail | None) -> None:
        same = detail is not None and self.detail is not None and detail.id == self.detail.id
        self.detail = detail
        writable = detail is not None and not self.ops.ctx.read_only
        self.save_bar.save_button.setEnabled(writable)
        self.save_bar.revert_button.setEnabled(detail is not None)
        if same and self.dirty:
            return  # keep what the user is typing
        self.dirty = False
        self.fields.clear()
        self._load(detail)
        self.update_hint()

    def revert(self) -> None:
        self.dirty = False
        self.fields.clear()
        self._load(self.detail)
        self.update_hint()

    def save(self) -> bool:
        if self.detail is None:
            return False
        self.fields.clear()
        if not self.fields.check_inputs():
            return False
        try:
            self.apply(self.detail)
        except PtceError as error:
            self.fields.show_error(error)
            return False
        # the refresh that saving caused kept the typed text (it was still "dirty"): show what
        # is now stored, and say it is saved
        self.dirty = False
        self._load(self.detail)
        self.update_hint()
        saved = translate("GrantTabs", "saved")
        self.hint.setText(f"{self.hint.text()} · {saved}" if self.hint.text() else saved)
        return True

    # subclasses
    def load(self, detail: GrantDetail | None) -> None:
        raise NotImplementedError

    def apply(self, detail: GrantDetail) -> Any:
        raise NotImplementedError

    def update_hint(self) -> None:
        pass


class BudgetTab(EditingTab):
    """The forecast budget of the action, one amount per Cerfa 15059 row."""

    def __init__(self, actions: GrantActions, parent: QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self.model = EditableTable(
            [
                EditColumn(translate("GrantTabs", "Account"), "code"),
                EditColumn(translate("GrantTabs", "Cerfa row"), "label"),
                EditColumn(translate("GrantTabs", "Forecast"), "amount", MONEY, editable=True),
            ],
            field="budget",
            parent=self,
        )
        self.view = edit_view(self.model, translate("GrantTabs", "Forecast budget"), stretch=1)
        shrinkable(self.view, 110)  # « Enregistrer » in view in a 760-px window
        self.fields.cells["budget"] = cell = FieldCell(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(cell, 1)
        layout.addLayout(self.save_bar)
        self.model.dataChanged.connect(self.touched)
        self._lines = [line for line in CERFA_GRID if line.level != "total"]

    def load(self, detail: GrantDetail | None) -> None:
        amounts = {b.cerfa_code: b.amount_cents for b in detail.budget_lines} if detail else {}
        rows = []
        for line in self._lines:
            editable = budget_row_editable(line)
            rows.append(
                {
                    "code": _code(line),
                    "cerfa": line.code,
                    "side": line.side,
                    "in_kind": line.in_kind,
                    "label": line.label_fr,
                    "amount": "",
                    HEADING: not editable,
                    LOCKED: detail is None,
                }
            )
        self.model.set_rows(rows)
        for number, line in enumerate(self._lines):
            if line.code in amounts:
                self.model.set_value(number, "amount", amounts[line.code])
        self.view.setColumnWidth(0, 70)
        self.view.setColumnWidth(2, 150)

    def amounts(self) -> dict[str, int]:
        problem = self.model.first_problem()
        if problem is not None:
            raise problem
        wanted = {}
        for number, row in enumerate(self.model.rows()):
            if not row[HEADING]:
                cents = self.model.value(number, "amount")
                if cents:
                    wanted[row["cerfa"]] = cents
        return wanted

    def apply(self, detail: GrantDetail) -> Any:
        return self.ops.set_budget(detail, self.amounts())

    def update_hint(self) -> None:
        totals = {("charges", False): 0, ("produits", False): 0, ("charges", True): 0}
        totals[("produits", True)] = 0
        for number, row in enumerate(self.model.rows()):
            if row[HEADING]:
                continue
            try:
                cents = self.model.value(number, "amount") or 0
            except PtceError:
                continue
            totals[(row["side"], row["in_kind"])] += cents
        charges, produits = totals[("charges", False)], totals[("produits", False)]
        text = (
            translate("GrantTabs", "Total charges %1 · total income %2 · difference %3")
            .replace("%1", money_text(charges))
            .replace("%2", money_text(produits))
            .replace("%3", money_text(produits - charges))
        )
        if totals[("charges", True)] or totals[("produits", True)]:
            text += " · " + translate("GrantTabs", "in kind %1 / %2").replace(
                "%1", money_text(totals[("charges", True)])
            ).replace("%2", money_text(totals[("produits", True)]))
        if self.dirty:
            text += " · " + translate("GrantTabs", "not saved yet")
        self.hint.setText(text)


class PlanTab(EditingTab):
    """Per member a fixed amount or a share of what is received, and the coordination share."""

    def __init__(
        self,
        actions: GrantActions,
        members: Callable[[], Sequence[tuple[int, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(actions, parent)
        self._members = members
        self.member_combo = compact(QComboBox())
        self.member_combo.setAccessibleName(translate("GrantTabs", "Member to add to the plan"))
        self.add_button = QPushButton(translate("GrantTabs", "&Add to the plan"))
        self.remove_button = QPushButton(translate("GrantTabs", "&Remove from the plan"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        adder = QHBoxLayout()
        adder.addWidget(self.member_combo, 1)
        adder.addWidget(self.add_button)
        adder.addWidget(self.remove_button)
        self.model = EditableTable(
            [
                EditColumn(translate("GrantTabs", "Member"), "name"),
                EditColumn(translate("GrantTabs", "Fixed amount"), "amount", MONEY, editable=True),
                EditColumn(translate("GrantTabs", "or share (%)"), "share", PERCENT, editable=True),
            ],
            field="plan",
            parent=self,
        )
        self.view = edit_view(self.model, translate("GrantTabs", "Redistribution plan"), stretch=0)
        shrinkable(self.view, 90)
        self.coordination_edit = PercentEdit("coordination_share_bp")
        self.coordination_edit.setAccessibleName(translate("GrantTabs", "Coordination share"))
        self.coordination_edit.setMaximumWidth(140)
        self.fields.cells["plan"] = cell = FieldCell(self.view)
        form = QFormLayout()
        self.fields.add(
            form,
            "coordination_share_bp",
            translate("GrantTabs", "&Coordination share (%)"),
            self.coordination_edit,
            translate(
                "GrantTabs", "Kept by the pole for the coordination, out of what is received."
            ),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(adder)
        layout.addWidget(cell, 1)
        layout.addLayout(form)
        layout.addLayout(self.save_bar)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.model.dataChanged.connect(self.touched)
        self.coordination_edit.textChanged.connect(self.touched)

    def load(self, detail: GrantDetail | None) -> None:
        rows = []
        if detail is not None:
            for member in detail.plan:
                if member.amount_cents is None and member.share_bp is None:
                    continue
                rows.append({"member_id": member.member_id, "name": member.member_name})
        self.model.set_rows(rows)
        if detail is not None:
            planned = [
                m for m in detail.plan if m.amount_cents is not None or m.share_bp is not None
            ]
            for number, member in enumerate(planned):
                self.model.set_value(number, "amount", member.amount_cents)
                self.model.set_value(number, "share", member.share_bp)
        self.coordination_edit.set_value(detail.coordination_share_bp if detail else None)
        for column in (1, 2):
            self.view.setColumnWidth(column, 150)
        self._fill_combo()

    def _fill_combo(self) -> None:
        taken = {row["member_id"] for row in self.model.rows()}
        self.member_combo.clear()
        for member_id, name in self._members():
            if member_id not in taken:
                self.member_combo.addItem(name, member_id)
        writable = self.detail is not None and not self.ops.ctx.read_only
        self.add_button.setEnabled(writable and self.member_combo.count() > 0)
        self.remove_button.setEnabled(writable)

    def add_member(self) -> None:
        member_id = self.member_combo.currentData()
        if member_id is None:
            return
        self.model.append_row(
            {
                "member_id": member_id,
                "name": self.member_combo.currentText(),
                "amount": "",
                "share": "",
            }
        )
        self._fill_combo()
        self.touched()
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 2))

    def remove_member(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())
            self._fill_combo()
            self.touched()

    def lines(self) -> list[PlanLine]:
        problem = self.model.first_problem()
        if problem is not None:
            raise problem
        return [
            PlanLine(
                row["member_id"],
                self.model.value(number, "amount"),
                self.model.value(number, "share"),
            )
            for number, row in enumerate(self.model.rows())
        ]

    def apply(self, detail: GrantDetail) -> Any:
        coordination = self.coordination_edit.basis_points() or 0
        return self.ops.set_plan(detail, self.lines(), coordination)

    def update_hint(self) -> None:
        shares = amounts = 0
        for number in range(self.model.rowCount()):
            with contextlib.suppress(PtceError):
                shares += self.model.value(number, "share") or 0
            with contextlib.suppress(PtceError):
                amounts += self.model.value(number, "amount") or 0
        try:
            coordination = self.coordination_edit.basis_points() or 0
        except PtceError:
            coordination = 0
        lang = current_language()
        text = (
            translate("GrantTabs", "Shares %1 + coordination %2 = %3 of what is received")
            .replace("%1", format_percent(shares, lang=lang))
            .replace("%2", format_percent(coordination, lang=lang))
            .replace("%3", format_percent(shares + coordination, lang=lang))
        )
        if amounts:
            text = (
                translate("GrantTabs", "Fixed amounts %1 · ").replace("%1", money_text(amounts))
                + text
            )
        if self.dirty:
            text += " · " + translate("GrantTabs", "not saved yet")
        self.hint.setText(text)
