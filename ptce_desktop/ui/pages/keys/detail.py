"""The panel beside the key list: the key, its dated versions and what each member weighs in
the version selected — or, for a usage key, the usage recorded in the fiscal year.

Only widgets and models: the page feeds them the services' views and reacts to the buttons.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.keys import Method
from ptce_desktop.services.keys.views import KeyView, UsageView, VersionDetail, VersionSummary
from ptce_desktop.ui.pages.keys.models import (
    MemberLinesModel,
    date_text,
    method_label,
    part_columns,
    total_text,
    units_text,
    usage_columns,
    usage_total,
    version_columns,
)
from ptce_desktop.ui.pages.scaffold import (
    detail_header,
    detail_table,
    fit_figures,
    section_title,
)
from ptce_desktop.ui.widgets.pastable_model import PastableRowModel
from ptce_desktop.ui.widgets.table_model import RowTableModel

translate = QCoreApplication.translate
#: A figure column's title gets its width and this much: its margins and a sort arrow.
TITLE_ROOM = 22
#: The usage notes' first width (the user sizes it): the members' names take the rest.
USAGE_NOTE_WIDTH = 100


def _button(text: str, name: str, says: str) -> QPushButton:
    """A short button ("Ajouter…") whose tooltip and accessible name say the whole action."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(says)
    button.setAccessibleName(says)
    return button


class KeyDetailPanel(QWidget):
    """Header, then either the versions (with the members of the selected one) or the usage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyDetailPanel")
        self.key: KeyView | None = None
        self.detail: VersionDetail | None = None
        self.in_force_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(6)
        self.header = detail_header("keyHeader")
        layout.addWidget(self.header)
        self.sections = QStackedWidget()
        layout.addWidget(self.sections, 1)
        self.sections.addWidget(self._build_versions())
        self.sections.addWidget(self._build_usage())
        self.show_key(None)

    # --- building ----------------------------------------------------------------------------
    def _build_versions(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        bar.addWidget(section_title(translate("KeyDetailPanel", "Versions")), 1)
        self.add_version_button = _button(
            translate("KeyDetailPanel", "Ne&w…"),
            "addVersion",
            translate("KeyDetailPanel", "Add a version"),
        )
        self.edit_version_button = _button(
            translate("KeyDetailPanel", "Chan&ge…"),
            "editVersion",
            translate("KeyDetailPanel", "Edit the version"),
        )
        self.delete_version_button = _button(
            translate("KeyDetailPanel", "Remo&ve"),
            "deleteVersion",
            translate("KeyDetailPanel", "Delete the version"),
        )
        for button in (
            self.add_version_button,
            self.edit_version_button,
            self.delete_version_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.versions_model = RowTableModel(version_columns(lambda: self.in_force_id), parent=self)
        self.versions_view, self.versions_proxy = detail_table(
            "key-versions",
            self.versions_model,
            translate("KeyDetailPanel", "Versions of the key"),
            stretch=2,
        )
        self.versions_view.setMaximumHeight(170)
        layout.addWidget(self.versions_view)
        self.version_title = section_title("")
        layout.addWidget(self.version_title)
        self.values = QStackedWidget()
        self.members_model = MemberLinesModel(self)
        self.members_view, self.members_proxy = detail_table(
            "key-version-members",
            self.members_model,
            translate("KeyDetailPanel", "Members of the version"),
        )
        self.parts_model = RowTableModel(part_columns(), parent=self)
        self.parts_view, self.parts_proxy = detail_table(
            "key-version-parts", self.parts_model, translate("KeyDetailPanel", "Keys combined")
        )
        self.values.addWidget(self.members_view)
        self.values.addWidget(self.parts_view)
        layout.addWidget(self.values, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("versionTotal")
        layout.addWidget(self.total_label)
        return box

    def _build_usage(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.usage_title = section_title("")
        layout.addWidget(self.usage_title)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.add_usage_button = _button(
            translate("KeyDetailPanel", "Ne&w…"),
            "addUsage",
            translate("KeyDetailPanel", "Record usage"),
        )
        self.edit_usage_button = _button(
            translate("KeyDetailPanel", "Chan&ge…"),
            "editUsage",
            translate("KeyDetailPanel", "Edit the usage record"),
        )
        self.delete_usage_button = _button(
            translate("KeyDetailPanel", "Remo&ve"),
            "deleteUsage",
            translate("KeyDetailPanel", "Delete the usage record"),
        )
        for button in (self.add_usage_button, self.edit_usage_button, self.delete_usage_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.usage_model = PastableRowModel(  # the page gives the quantity column its writer
            usage_columns(lambda: self.key.unit if self.key else None), {}, parent=self
        )
        self.usage_view, self.usage_proxy = detail_table(
            "key-usage",
            self.usage_model,
            translate("KeyDetailPanel", "Usage recorded"),
            stretch=1,
            interactive=(3,),
        )
        # the note (whole in its tooltip) leaves the members' names room at 1200 px
        self.usage_view.horizontalHeader().resizeSection(3, USAGE_NOTE_WIDTH)
        layout.addWidget(self.usage_view, 1)
        self.usage_total_label = QLabel()
        self.usage_total_label.setObjectName("usageTotal")
        layout.addWidget(self.usage_total_label)
        return box

    # --- showing -----------------------------------------------------------------------------
    def show_key(
        self,
        key: KeyView | None,
        versions: Sequence[VersionSummary] = (),
        in_force_id: int | None = None,
    ) -> None:
        self.key = key
        self.in_force_id = in_force_id
        if key is None:
            self.header.setText(
                "<p style='color:#52606d'>"
                + html.escape(translate("KeyDetailPanel", "Select a key to see its versions."))
                + "</p>"
            )
            self.sections.setEnabled(False)
            self.versions_model.set_rows([])
            self.usage_model.set_rows([])
            self.show_version(None)
            return
        self.sections.setEnabled(True)
        about = " · ".join(
            html.escape(part) for part in (method_label(key.method), key.unit or "") if part
        )
        text = f"<h3 style='margin:0'>{html.escape(key.name)}</h3><p style='color:#52606d'>{about}"
        if key.description:
            text += "<br>" + html.escape(key.description).replace("\n", "<br>")
        self.header.setText(text + "</p>")
        usage = key.method is Method.USAGE
        self.sections.setCurrentIndex(1 if usage else 0)
        self.versions_model.set_rows(list(versions))

    def show_version(self, detail: VersionDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.version_title.setText(translate("KeyDetailPanel", "No version selected"))
            self.members_model.set_detail(None)
            self.parts_model.set_rows([])
            self.total_label.setText("")
            return
        self.version_title.setText(
            translate("KeyDetailPanel", "Version of %1").replace("%1", date_text(detail.valid_from))
        )
        mixed = detail.method is Method.MIXED
        self.values.setCurrentIndex(1 if mixed else 0)
        self.members_model.set_detail(None if mixed else detail)
        self.parts_model.set_rows(list(detail.parts) if mixed else [])
        self.total_label.setText(total_text(detail))
        fit_figures(self.members_view, (1, 2), TITLE_ROOM)
        fit_figures(self.parts_view, (1, 2), TITLE_ROOM)

    def show_usage(self, year_label: str, rows: Sequence[UsageView]) -> None:
        self.usage_title.setText(
            translate("KeyDetailPanel", "Usage recorded in %1").replace("%1", year_label)
        )
        self.usage_model.set_rows(list(rows))
        fit_figures(self.usage_view, (2,), TITLE_ROOM)
        unit = self.key.unit if self.key else None
        self.usage_total_label.setText(
            translate("KeyDetailPanel", "Total: %1 · %2")
            .replace("%1", units_text(usage_total(rows), unit))
            .replace("%2", translate("KeyDetailPanel", "%n record(s)", "", len(rows)))
        )
