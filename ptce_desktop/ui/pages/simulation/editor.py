"""One scenario being built: name, key, members' units, a join, a leave, a budget and a fee.

A :class:`ScenarioEditor` turns what is typed into a frozen
:class:`~ptce_desktop.domain.scenarios.Scenario` (:meth:`ScenarioEditor.scenario`, raising the
domain's :class:`PtceError` for a bad entry) and emits ``changed`` on every keystroke; the page
recomputes. Nothing here touches the pole: saving and adopting are the page's buttons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import format_percent, format_units, parse_percent, parse_units
from ptce_desktop.domain.scenarios import Join, KeyChoice, Leave, PartChoice, Scenario
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.choice_combo import large_combo
from ptce_desktop.ui.pages.choice_combo import set_choices as fill_combo
from ptce_desktop.ui.widgets.fields import CheckedEdit, DateEdit, MoneyEdit, UnitsEdit

translate = QCoreApplication.translate

# What the key combo holds: None (unchanged), "equal", "mixed", or an existing key's id.
KeyData = str | int | None


class PercentEdit(CheckedEdit):
    """A rate in basis points: ``6`` or ``6,5 %`` → 600 / 650."""

    def __init__(self, field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda text: parse_percent(text, current_language(), field=field),
            field=field,
            tidy=lambda bp: format_percent(bp, symbol=False, lang=current_language()),
            parent=parent,
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class UnitsDialog(QDialog):
    """Members' units under the scenario: today's units shown, the new ones typed (empty:
    unchanged; 0: none)."""

    def __init__(
        self,
        members: Sequence[tuple[int, str]],
        today: Mapping[int, int],
        chosen: Mapping[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Members' units in the scenario"))
        self.setObjectName("SimulationUnitsDialog")
        self.members = list(members)
        self.result_units: dict[int, int] = dict(chosen)
        self.bad_row: int | None = None  # the row whose cell ``read`` refused
        self.table = QTableWidget(len(self.members), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Today"), self.tr("In the scenario")]
        )
        lang = current_language()
        for row, (member_id, name) in enumerate(self.members):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            now = today.get(member_id)
            current = QTableWidgetItem("" if now is None else format_units(now, lang=lang))
            current.setFlags(current.flags() & ~Qt.ItemFlag.ItemIsEditable)
            current.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, current)
            value = chosen.get(member_id)
            edit = QTableWidgetItem("" if value is None else format_units(value, lang=lang))
            edit.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, edit)
        # the names take what the two figures leave: « Dans le scénario » is never cut off
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a member's name
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def read(self) -> dict[int, int]:
        """The typed units by member; raises the :class:`PtceError` of a bad cell."""
        found: dict[int, int] = {}
        for row, (member_id, _name) in enumerate(self.members):
            item = self.table.item(row, 2)
            text = item.text().strip() if item is not None else ""
            if text:
                self.bad_row = row
                found[member_id] = parse_units(text, current_language(), field="units")
        self.bad_row = None
        return found

    def accept(self) -> None:
        self.bad_row = None
        try:
            self.result_units = self.read()
        except PtceError as error:
            message = error.message(current_language())
            if self.bad_row is not None:  # say whose cell it is, and go to it
                message = (
                    self.tr("%1: %2")
                    .replace("%2", message)
                    .replace("%1", self.members[self.bad_row][1])
                )
                self.table.setCurrentCell(self.bad_row, 2)
                self.table.setFocus()
            self.problem.setText(message)
            return
        super().accept()


class ScenarioEditor(QGroupBox):
    """The fields of one scenario column (see the module docstring)."""

    changed = Signal()

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName(f"scenarioEditor{number}")
        self.setTitle(translate("Simulation", "Scenario %1").replace("%1", str(number)))
        self.units: dict[int, int] = {}
        self.members: list[tuple[int, str]] = []
        self.today_units: dict[int, int] = {}
        self.services: list[tuple[int, str]] = []

        self.name = QLineEdit()
        self.name.setObjectName(f"scenarioName{number}")
        self.name.setPlaceholderText(translate("Simulation", "Name of the scenario"))
        self.key = QComboBox()
        self.key.setObjectName(f"scenarioKey{number}")
        self.equal_percent = QSpinBox()
        self.equal_percent.setRange(0, 100)
        self.equal_percent.setValue(30)
        self.equal_percent.setSuffix(" %")
        self.mixed_key = QComboBox()
        self.mixed_row = QWidget()
        mixed = QHBoxLayout(self.mixed_row)
        mixed.setContentsMargins(0, 0, 0, 0)
        mixed.addWidget(QLabel(translate("Simulation", "equal")))
        mixed.addWidget(self.equal_percent)
        mixed.addWidget(QLabel("+"))
        mixed.addWidget(self.mixed_key, 1)
        self.units_button = QPushButton()
        self.units_button.setObjectName(f"scenarioUnits{number}")
        self.units_button.setToolTip(translate("Simulation", "Change members' units…"))
        self.effective = DateEdit("from")
        self.join_name = QLineEdit()
        self.join_name.setPlaceholderText(translate("Simulation", "New member"))
        self.join_date = DateEdit("joins")
        self.join_units = UnitsEdit("joins")
        self.join_units.setPlaceholderText(translate("Simulation", "units"))
        self.budget_placeholder = translate("Simulation", "budget")
        join = QHBoxLayout()
        join.addWidget(self.join_name, 5)
        join.addWidget(self.join_date, 4)
        join.addWidget(self.join_units, 2)
        self.leave_member = QComboBox()
        # sized by a minimum, not by measuring every choice (thousands of members, hundreds
        # of keys on a large pole)
        for combo, length in ((self.key, 16), (self.mixed_key, 12), (self.leave_member, 12)):
            large_combo(combo, length)
        self.leave_date = DateEdit("leaves")
        leave = QHBoxLayout()
        leave.addWidget(self.leave_member, 7)
        leave.addWidget(self.leave_date, 4)
        self.budget_service = QComboBox()
        self.budget = MoneyEdit("budgets")
        self.budget.setPlaceholderText(self.budget_placeholder)
        self.fee = PercentEdit("fees")
        self.fee.setPlaceholderText(translate("Simulation", "fee %"))
        money = QHBoxLayout()
        money.addWidget(self.budget_service, 3)
        money.addWidget(self.budget, 3)
        money.addWidget(self.fee, 2)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(translate("Simulation", "Save"))
        self.adopt_button = QPushButton(translate("Simulation", "Adopt…"))
        self.clear_button = QPushButton(translate("Simulation", "Clear"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.adopt_button)
        buttons.addWidget(self.clear_button)

        for dated in (self.effective, self.join_date, self.leave_date):
            dated.setMinimumWidth(104)
        self.budget.setMinimumWidth(72)
        self.fee.setMinimumWidth(44)
        self.join_units.setMinimumWidth(44)
        form = QFormLayout(self)
        form.setContentsMargins(8, 6, 8, 6)
        form.setVerticalSpacing(4)
        form.addRow(translate("Simulation", "Name"), self.name)
        form.addRow(translate("Simulation", "Key"), self.key)
        form.addRow("", self.mixed_row)
        units = QHBoxLayout()
        units.addWidget(self.units_button, 3)
        units.addWidget(QLabel(translate("Simulation", "from")))
        units.addWidget(self.effective, 2)
        form.addRow(translate("Simulation", "Units"), units)
        form.addRow(translate("Simulation", "Joins"), join)
        form.addRow(translate("Simulation", "Leaves"), leave)
        form.addRow(translate("Simulation", "Service"), money)
        form.addRow(self.problem)
        form.addRow(buttons)

        for edit in (self.name, self.join_name):
            edit.textChanged.connect(self._edited)
        for checked in (
            self.effective,
            self.join_date,
            self.join_units,
            self.leave_date,
            self.budget,
            self.fee,
        ):
            checked.textChanged.connect(self._edited)
        for combo in (self.key, self.mixed_key, self.leave_member, self.budget_service):
            combo.currentIndexChanged.connect(self._edited)
        self.equal_percent.valueChanged.connect(self._edited)
        self.units_button.clicked.connect(self.edit_units)
        self.clear_button.clicked.connect(self.clear)
        self._update_units_button()
        self._update_mixed()

    # --- what the page offers ----------------------------------------------------------------
    def set_choices(
        self,
        keys: Sequence[tuple[int, str, Method]],
        members: Sequence[tuple[int, str]],
        services: Sequence[tuple[int, str]],
        today_units: Mapping[int, int],
    ) -> None:
        """The keys, members and simulated services to choose from (keeps what is chosen)."""
        self.blockSignals(True)
        try:
            chosen_key = self.key.currentData()
            key_choices: list[tuple[KeyData, str]] = [
                (None, translate("Simulation", "Unchanged")),
                ("equal", translate("Simulation", "Equal shares")),
                ("mixed", translate("Simulation", "Mix: equal shares + a key")),
            ]
            key_choices += [
                (key_id, translate("Simulation", "Key: %1").replace("%1", name))
                for key_id, name, _method in keys
            ]
            fill_combo(self.key, key_choices)
            self._select(self.key, chosen_key)
            chosen_mixed = self.mixed_key.currentData()
            fill_combo(
                self.mixed_key,
                [(key_id, name) for key_id, name, method in keys if method is not Method.MIXED],
            )
            self._select(self.mixed_key, chosen_mixed)
            chosen_leave = self.leave_member.currentData()
            self.members = list(members)
            nobody = (None, translate("Simulation", "Nobody leaves"))
            fill_combo(self.leave_member, [nobody, *self.members])
            self._select(self.leave_member, chosen_leave)
            chosen_service = self.budget_service.currentData()
            self.services = list(services)
            fill_combo(self.budget_service, self.services)
            self._select(self.budget_service, chosen_service)
            self.today_units = dict(today_units)
        finally:
            self.blockSignals(False)
        self._update_mixed()

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(index if index >= 0 else 0)

    # --- the scenario ------------------------------------------------------------------------
    def is_blank(self) -> bool:
        try:
            scenario = self.scenario()
        except PtceError:
            return False
        return scenario.empty and not self.name.text().strip()

    def scenario(self) -> Scenario:
        """The scenario typed; raises the :class:`PtceError` of a bad entry."""
        name = self.name.text().strip() or self.title()
        key: KeyChoice | None = None
        data: KeyData = self.key.currentData()
        if data == "equal":
            key = KeyChoice(Method.EQUAL)
        elif data == "mixed":
            equal = self.equal_percent.value()
            other = self.mixed_key.currentData()
            parts = [PartChoice(equal * 100)] if equal else []
            if other is not None and equal < 100:
                parts.append(PartChoice((100 - equal) * 100, int(other)))
            key = KeyChoice(Method.MIXED, parts=tuple(parts))
        elif isinstance(data, int):
            key = KeyChoice(Method.UNITS, key_id=data)
        joins: tuple[Join, ...] = ()
        join_name = self.join_name.text().strip()
        join_date = self.join_date.value()
        if join_name or join_date is not None:
            if not join_name:
                raise PtceError("required", "joins", field_label=translate("Simulation", "Joins"))
            if join_date is None:
                raise PtceError("required", "joins", field_label=translate("Simulation", "Joins"))
            joins = (Join(join_name, join_date, self.join_units.value() or 0),)
        leaves: tuple[Leave, ...] = ()
        leaving = self.leave_member.currentData()
        leave_date = self.leave_date.value()
        if leaving is not None:
            if leave_date is None:
                raise PtceError("required", "leaves", field_label=translate("Simulation", "Leaves"))
            leaves = (Leave(int(leaving), leave_date),)
        service = self.budget_service.currentData()
        budget = self.budget.value()
        fee = self.fee.value()
        budgets = {int(service): budget} if service is not None and budget is not None else {}
        fees = {int(service): fee} if service is not None and fee is not None else {}
        effective: date | None = self.effective.value()
        return Scenario(name, key, dict(self.units), joins, leaves, budgets, effective, fees)

    def set_scenario(self, scenario: Scenario) -> None:
        """Show a saved scenario (what the editor cannot show — a second join… — is kept out)."""
        self.blockSignals(True)
        try:
            self.clear_fields()
            self.name.setText(scenario.name)
            choice = scenario.key
            if choice is not None:
                if choice.method is Method.MIXED:
                    self._select(self.key, "mixed")
                    total = sum(p.weight for p in choice.parts) or 1
                    for part in choice.parts:
                        if part.key_id is None:
                            self.equal_percent.setValue(round(part.weight * 100 / total))
                        else:
                            self._select(self.mixed_key, part.key_id)
                elif choice.key_id is not None:
                    self._select(self.key, choice.key_id)
                elif choice.method is Method.EQUAL:
                    self._select(self.key, "equal")
            self.units = dict(scenario.units)
            if scenario.effective_from is not None:
                self.effective.set_value(scenario.effective_from)
            if scenario.joins:
                join = scenario.joins[0]
                self.join_name.setText(join.name)
                self.join_date.set_value(join.joined)
                self.join_units.set_value(join.units)
            if scenario.leaves:
                leave = scenario.leaves[0]
                self._select(self.leave_member, leave.member_id)
                self.leave_date.set_value(leave.left)
            for service_id, cents in scenario.budgets.items():
                self._select(self.budget_service, service_id)
                self.budget.set_value(cents)
            for service_id, rate in scenario.fees.items():
                self._select(self.budget_service, service_id)
                self.fee.set_value(rate)
        finally:
            self.blockSignals(False)
        self._update_units_button()
        self._update_mixed()
        self.changed.emit()

    def clear_fields(self) -> None:
        self.name.clear()
        self.key.setCurrentIndex(0)
        self.equal_percent.setValue(30)
        self.units = {}
        for edit in (self.effective, self.join_date, self.join_units, self.leave_date):
            edit.set_value(None)
        self.join_name.clear()
        self.leave_member.setCurrentIndex(0)
        self.budget.set_value(None)
        self.fee.set_value(None)

    def clear(self) -> None:
        self.blockSignals(True)
        try:
            self.clear_fields()
        finally:
            self.blockSignals(False)
        self._update_units_button()
        self._update_mixed()
        self.changed.emit()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # --- internals ---------------------------------------------------------------------------
    def edit_units(self) -> None:
        dialog = UnitsDialog(self.members, self.today_units, self.units, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.units = dialog.result_units
            self._update_units_button()
            self.changed.emit()
        dialog.deleteLater()

    def _update_units_button(self) -> None:
        count = len(self.units)
        if count:
            text = translate("Simulation", "%1 changed…").replace("%1", str(count))
        else:
            text = translate("Simulation", "Edit…")
        self.units_button.setText(text)

    def _update_mixed(self) -> None:
        self.mixed_row.setVisible(self.key.currentData() == "mixed")

    def _edited(self, *_args: object) -> None:
        self._update_mixed()
        self.changed.emit()
