"""Two read-or-write panels of the Activité page: the year's jobs figures and the free texts of
the activity report (édito, perspectives).

Jobs are the totals :meth:`ActivityService.jobs_summary` returns (figures declared by the members
active in the year, entered on the Membres page). Each report text is saved by its own button
through :meth:`ActivityService.set_report_text` as one undoable step; a label beside it says
whether what is shown is saved. A text typed but not saved is never overwritten by a reload,
and is saved to its own year before the page moves to another year or is left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money, format_units
from ptce_desktop.services.activity.activity import REPORT_SECTIONS, ActivityService, JobsSummary
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.style import title_font

translate = QCoreApplication.translate


class JobsPanel(QWidget):
    """The jobs summary of the year, read only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        intro = QLabel(
            translate(
                "JobsPanel",
                "Totals of the figures declared for the year by the members active in it "
                "(entered with each member, on the Members page).",
            )
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("active_members", translate("JobsPanel", "Active members")),
            ("members_reporting", translate("JobsPanel", "Members who declared figures")),
            ("headcount", translate("JobsPanel", "Headcount")),
            ("etp_milli", translate("JobsPanel", "Full-time equivalents (FTE)")),
            ("jobs_created", translate("JobsPanel", "Jobs created")),
            ("jobs_maintained", translate("JobsPanel", "Jobs maintained")),
            ("volunteers", translate("JobsPanel", "Volunteers")),
            ("turnover_cents", translate("JobsPanel", "Declared turnover")),
        ):
            value = QLabel()
            value.setObjectName(f"jobs-{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            form.addRow(caption, value)
            self.values[key] = value
        layout.addLayout(form)
        layout.addStretch(1)

    def show_summary(self, jobs: JobsSummary) -> None:
        lang = current_language()
        for key, label in self.values.items():
            value = getattr(jobs, key)
            if key == "etp_milli":
                text = format_units(value, lang=lang)
            elif key == "turnover_cents":
                text = format_money(value, lang=lang)
            else:
                text = str(value)
            label.setText(text)


def section_title(section: str) -> str:
    titles = {
        "edito": translate("ReportTextsPanel", "Editorial"),
        "perspectives": translate("ReportTextsPanel", "Outlook"),
    }
    return titles.get(section, section)


class ReportTextsPanel(QWidget):
    """One editor per report section, each with its Save button and "saved" indicator."""

    def __init__(
        self,
        service: ActivityService,
        history: UndoHistory,
        on_error: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportTexts")
        self.service, self.history, self._on_error = service, history, on_error
        self.year: int | None = None
        self.read_only = False
        self.saved: dict[str, str] = dict.fromkeys(REPORT_SECTIONS, "")
        self.editors: dict[str, QPlainTextEdit] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(6)
        intro = QLabel(
            translate(
                "ReportTextsPanel",
                "These texts open and close the activity report of the year.",
            )
        )
        intro.setObjectName("hint")
        layout.addWidget(intro, 0, 0, 1, len(REPORT_SECTIONS))
        for column, section in enumerate(REPORT_SECTIONS):
            title = QLabel(section_title(section))
            title.setFont(title_font(title, 1.1))
            editor = QPlainTextEdit()
            editor.setObjectName(f"text-{section}")
            editor.setAccessibleName(section_title(section))
            editor.setTabChangesFocus(True)
            title.setBuddy(editor)
            button = QPushButton(translate("ReportTextsPanel", "&Save"))
            button.setAccessibleName(
                translate("ReportTextsPanel", "Save %1").replace("%1", section_title(section))
            )
            state = QLabel()
            state.setObjectName(f"state-{section}")
            row = QHBoxLayout()
            row.addWidget(state, 1)
            row.addWidget(button)
            layout.addWidget(title, 1, column)
            layout.addWidget(editor, 2, column)
            layout.addLayout(row, 3, column)
            layout.setColumnStretch(column, 1)
            self.editors[section], self.buttons[section], self.states[section] = (
                editor,
                button,
                state,
            )
            editor.textChanged.connect(lambda s=section: self._update(s))
            button.clicked.connect(lambda _checked=False, s=section: self.save(s))
        layout.setRowStretch(2, 1)

    # --- state -------------------------------------------------------------------------------
    def is_dirty(self, section: str) -> bool:
        return self.editors[section].toPlainText().strip() != self.saved[section].strip()

    def _update(self, section: str) -> None:
        dirty = self.is_dirty(section)
        self.buttons[section].setEnabled(dirty and not self.read_only and self.year is not None)
        if dirty:
            text, colour = translate("ReportTextsPanel", "Not saved"), "#9a6700"
        else:
            text, colour = translate("ReportTextsPanel", "Saved"), "#1e7b34"
        self.states[section].setText(f'<span style="color:{colour}">● {text}</span>')

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for section, editor in self.editors.items():
            editor.setReadOnly(read_only)
            self._update(section)

    # --- loading and saving ------------------------------------------------------------------
    def load(self, year: int) -> None:
        """Show ``year``'s texts; a text being typed for that same year stays as typed."""
        if year != self.year:
            self.save_all()  # what was typed belongs to the year it was typed for
        texts = self.service.get_report_texts(year)
        same_year = year == self.year
        self.year = year
        for section, editor in self.editors.items():
            stored = texts.get(section, "")
            keep_typing = same_year and self.is_dirty(section)
            self.saved[section] = stored
            if not keep_typing:
                editor.setPlainText(stored)
            self._update(section)

    def save_all(self) -> None:
        for section in self.editors:
            if self.is_dirty(section):
                self.save(section)

    def save(self, section: str) -> bool:
        if self.year is None or self.read_only or not self.is_dirty(section):
            return False
        year, service = self.year, self.service
        before = self.saved[section] or None
        after = self.editors[section].toPlainText().strip() or None
        text = translate("ReportTextsPanel", "Edit the report text “%1” (%2)")
        try:
            self.history.run(
                text.replace("%1", section_title(section)).replace("%2", str(year)),
                lambda: service.set_report_text(year, section, after),
                lambda: service.set_report_text(year, section, before),
            )
        except PtceError as error:
            self._on_error(error)
            return False
        self.saved[section] = after or ""
        self._update(section)
        return True
