"""The dashboard's « À faire » panel and a new pole's « Premiers pas » checklist.

Both show what :class:`~ptce_desktop.services.pole.todo.TodoService` computed; each line is a
link (or a button) to the place where it is acted on: the panel emits ``linkActivated`` with
a page key of the window (or ``"backups"``), the dashboard passes it on as ``pageRequested``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.periods import format_date
from ptce_desktop.services.pole import todo
from ptce_desktop.services.pole.todo import TodoItem
from ptce_desktop.ui.i18n import money_text
from ptce_desktop.ui.style import ERROR, title_font

translate = QCoreApplication.translate


def item_text(item: TodoItem) -> str:
    """The sentence of one item, in the UI's language (plain text)."""
    date = format_date(item.date) if item.date is not None else ""
    if item.kind == todo.CALLS_PAST_DUE:
        return (
            translate(
                "DashboardTodo",
                "%n call(s) past due: %1 outstanding (oldest due on %2)",
                "",
                item.count,
            )
            .replace("%1", money_text(item.amount_cents))
            .replace("%2", date)
        )
    if item.kind == todo.QUARTERS_NOT_CALLED:
        return (
            translate("DashboardTodo", "Fiscal year %1: %2 not called yet", "", item.count)
            .replace("%1", item.year_label or "")
            .replace("%2", ", ".join(item.names))
        )
    if item.kind == todo.GRANT_REPORT_DUE:
        title, funder = (*item.names, "", "")[:2]
        text = (
            translate("DashboardTodo", "Report of « %1 » (%2) was due on %3")
            if item.overdue
            else translate("DashboardTodo", "Report of « %1 » (%2) due on %3")
        )
        return text.replace("%1", title).replace("%2", funder).replace("%3", date)
    if item.kind == todo.GRANT_OVERPAID:
        title, funder = (*item.names, "", "")[:2]
        return (
            translate("DashboardTodo", "« %1 » (%2): %3 passed on beyond what is due")
            .replace("%1", title)
            .replace("%2", funder)
            .replace("%3", money_text(item.amount_cents))
        )
    if item.kind == todo.YEAR_TO_CLOSE:
        return (
            translate(
                "DashboardTodo", "Fiscal year %1 ended on %2: close it once its figures are final"
            )
            .replace("%1", item.year_label or "")
            .replace("%2", date)
        )
    if item.kind == todo.BACKUP_OLD:
        return translate(
            "DashboardTodo", "The newest verified backup dates from %1: make one"
        ).replace("%1", date)
    if item.kind == todo.BACKUP_NONE:
        return translate("DashboardTodo", "No verified backup of this file yet: make one")
    return item.kind


def _link(item: TodoItem) -> str:
    """Where the item's link leads: its page, or the page's section (the fiscal years)."""
    if item.kind == todo.YEAR_TO_CLOSE:
        return "settings:years"
    if item.kind == todo.GRANT_REPORT_DUE and item.record_id is not None:
        return f"funding:grant-{item.record_id}"  # on its Cerfa report tab
    if item.kind == todo.GRANT_OVERPAID and item.record_id is not None:
        # where the excess is seen and corrected: what was passed on to each member
        return f"funding:grant-{item.record_id}/redistributions"
    return item.target


def _action_text(target: str) -> str:
    return {
        "calls": translate("DashboardTodo", "Calls and payments"),
        "funding": translate("DashboardTodo", "Funding"),
        "settings": translate("DashboardTodo", "Settings"),
        "backups": translate("DashboardTodo", "Backups…"),
    }.get(target, target)


class Panel(QFrame):
    def __init__(self, object_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(14, 10, 14, 12)
        self.box.setSpacing(6)
        self.heading = QLabel(title)
        self.heading.setFont(title_font(self.heading, 1.1))
        self.box.addWidget(self.heading)


class TodoPanel(Panel):
    """« À faire »: one line per item, each a link to where it is done."""

    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("todoPanel", translate("DashboardTodo", "To do"), parent)
        self.lines: list[QLabel] = []
        self.items: list[TodoItem] = []
        self.empty = QLabel(
            translate(
                "DashboardTodo",
                "Nothing due: calls, grant reports, closings and backups are up to date.",
            )
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.box.addWidget(self.empty)
        self.list = QVBoxLayout()
        self.list.setSpacing(4)
        self.box.addLayout(self.list)

    def show_items(self, items: list[TodoItem]) -> None:
        """One line per item. The lines already there are reused (a new label costs a polish
        and a rich-text layout: on a reload that changes nothing, nothing is rebuilt)."""
        self.items = list(items)
        for index, item in enumerate(items):
            colour = f' style="color:{ERROR}"' if item.overdue else ""
            text = (
                f"<span{colour}>• {html.escape(item_text(item))}</span> — "
                f'<a href="{html.escape(_link(item))}">{html.escape(_action_text(item.target))}</a>'
            )
            if index < len(self.lines):
                label = self.lines[index]
                if label.text() != text:
                    label.setText(text)
            else:
                label = QLabel(text)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                label.linkActivated.connect(self.linkActivated)
                self.list.addWidget(label)
                self.lines.append(label)
            label.setObjectName(f"todo-{item.kind}")
            label.setVisible(True)
        for label in self.lines[len(items) :]:
            label.hide()
            label.deleteLater()
        del self.lines[len(items) :]
        self.empty.setVisible(not items)

    def texts(self) -> list[str]:
        """The items' sentences (for tests and screen readers)."""
        return [item_text(item) for item in self.items]
