"""A new pole's « Premiers pas »: members → keys → services → budgets → calls, each ticked as
its data appears (:meth:`TodoService.first_steps`), each a button to the page where it is done.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ptce_desktop.services.pole.todo import FirstSteps
from ptce_desktop.ui.pages.dashboard.todo import Panel, translate


#: The first steps: (step of FirstSteps, page key, text, why).
def _steps() -> list[tuple[str, str, str, str]]:
    return [
        (
            "members",
            "members",
            translate("DashboardTodo", "Add the members"),
            translate("DashboardTodo", "The organisations that share the costs."),
        ),
        (
            "keys",
            "keys",
            translate("DashboardTodo", "Create an allocation key"),
            translate("DashboardTodo", "How a service's costs are split: m², users, equal parts…"),
        ),
        (
            "services",
            "services",
            translate("DashboardTodo", "Create the shared services"),
            translate("DashboardTodo", "Premises, accounting, staff… each split by a key."),
        ),
        (
            "budgets",
            "services",
            translate("DashboardTodo", "Enter the year's budgets"),
            translate(
                "DashboardTodo", "The provisional calls for funds are a quarter of each budget."
            ),
        ),
        (
            "calls",
            "calls",
            translate("DashboardTodo", "Issue the first calls for funds"),
            translate("DashboardTodo", "One call per member and quarter, as PDF."),
        ),
    ]


class FirstStepsPanel(Panel):
    """« Premiers pas »: the five steps of a new pole, ticked as the data appears."""

    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("firstStepsPanel", translate("DashboardTodo", "First steps"), parent)
        intro = QLabel(
            translate(
                "DashboardTodo", "Set the pole up in this order; each step ticks itself once done."
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.box.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, (step, target, text, why) in enumerate(_steps()):
            mark = QLabel()
            mark.setObjectName(f"step-mark-{step}")
            label = QLabel(f"<b>{html.escape(text)}</b><br>{html.escape(why)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(translate("DashboardTodo", "Go"))
            button.setObjectName(f"step-{step}")
            button.setToolTip(text)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _checked=False, t=target: self.linkActivated.emit(t))
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.marks[step] = mark
            self.buttons[step] = button
        self.box.addLayout(grid)
        self.state: FirstSteps | None = None

    def show_steps(self, steps: FirstSteps) -> None:
        self.state = steps
        done = dict(steps.steps())
        next_step = next((step for step, _target, _text, _why in _steps() if not done[step]), None)
        for step, mark in self.marks.items():
            mark.setText("✓" if done[step] else "○")
            mark.setToolTip(
                translate("DashboardTodo", "Done")
                if done[step]
                else translate("DashboardTodo", "To do")
            )
            button = self.buttons[step]
            button.setDefault(step == next_step)
            button.setText(
                translate("DashboardTodo", "Go")
                if not done[step]
                else translate("DashboardTodo", "See")
            )

    def is_done(self, step: str) -> bool:
        return self.marks[step].text() == "✓"
