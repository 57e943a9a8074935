"""The panel beside the cost list: one cost's fields, its shares and their explanation, its
attachments (justificatifs).

Double-clicking a share, or « Pourquoi ce montant ? », shows
:meth:`CostService.explain_share` in the shared explanation panel. Attachments are added
(file chooser → :meth:`AttachmentService.attach_file`), opened with the system's viewer, or
removed after a confirmation; adding and removing are undoable. A cost without a Cerfa line
shows the line proposed from its service (:class:`~ptce_desktop.services.grants.cerfa_proposal.
CerfaProposalService`, the rule the Cerfa 15059 lists it with) and « Use this line » sets it,
as an undoable edit of the cost. Everything goes through the services; the panel reads nothing
else.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.views import CostDetail, CostDraft
from ptce_desktop.services.grants.cerfa_proposal import CerfaProposal, CerfaProposalService
from ptce_desktop.services.pole.attachments import AttachmentService, AttachmentView
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.costs.model import cerfa_label
from ptce_desktop.ui.pages.costs.parts import (
    Created,
    detail_html,
    draft_of,
    file_size,
    reattach,
    short,
)
from ptce_desktop.ui.pages.scaffold import fit_figures, section_title
from ptce_desktop.ui.widgets import ShareExplanationPanel
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate


class CostDetailPanel(QScrollArea):
    """Shows one cost (:meth:`show_cost`) and acts on its attachments through ``ctx``."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ptce_desktop.services.costs.costs import CostService

        self.setObjectName("costDetail")
        self.ctx = ctx
        self.costs: CostService = ctx.service(CostService)
        self.attachments: AttachmentService = ctx.service(AttachmentService)
        self.history = ctx.history
        self.detail: CostDetail | None = None
        self.project_name: Callable[[int | None], str | None] = lambda _id: None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 0, 4, 0)
        layout.setSpacing(8)
        self.setWidget(body)

        self.fields = QLabel()
        self.fields.setObjectName("costFields")
        self.fields.setWordWrap(True)
        self.fields.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fields)
        self.proposals: CerfaProposalService = ctx.service(CerfaProposalService)
        self.proposal: CerfaProposal | None = None
        self.proposal_box = QWidget()
        self.proposal_box.setObjectName("cerfaProposal")
        # the text above its button: beside it, in the panel's ~260 px, it wrapped five lines
        proposal_layout = QVBoxLayout(self.proposal_box)
        proposal_layout.setContentsMargins(0, 0, 0, 0)
        proposal_layout.setSpacing(4)
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("hint")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.use_proposal_button = QPushButton(translate("CostDetailPanel", "&Use this line"))
        self.use_proposal_button.setAutoDefault(False)
        self.use_proposal_button.clicked.connect(self.accept_proposal)
        proposal_layout.addWidget(self.proposal_label)
        proposal_layout.addWidget(self.use_proposal_button, 0, Qt.AlignmentFlag.AlignRight)
        self.proposal_box.hide()
        layout.addWidget(self.proposal_box)
        self.sections = QWidget()  # shares and files: hidden while no cost is shown
        inner = QVBoxLayout(self.sections)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        layout.addWidget(self.sections)
        layout.addStretch(1)

        shares_title = QHBoxLayout()
        shares_title.addWidget(section_title(translate("CostDetailPanel", "Shares")), 1)
        inner.addLayout(shares_title)
        self.shares_model, self.shares = self._name_amount_table(
            "cost_shares",
            "costShares",
            translate("CostDetailPanel", "Shares"),
            Column(
                translate("CostDetailPanel", "Member"),
                lambda s: s.member_name,
                tooltip=lambda s: s.member_name,
            ),
            Column(
                translate("CostDetailPanel", "Share"),
                lambda s: s.cents,
                display=money_text,
                align=RIGHT,
            ),
        )
        self.shares.rowActivated.connect(lambda share: self.explain(share.member_id))
        inner.addWidget(self.shares)
        self.why_button = QPushButton(translate("CostDetailPanel", "&Why this amount?"))
        self.why_button.setToolTip(
            translate("CostDetailPanel", "Explain how the selected share was computed")
        )
        self.why_button.clicked.connect(self.explain_selected)
        self._explained: int | None = None  # the member whose share is explained
        shares_title.addWidget(self.why_button)
        self.explanation = ShareExplanationPanel()
        inner.addWidget(self.explanation)

        inner.addWidget(section_title(translate("CostDetailPanel", "Supporting documents")))
        self.files_model, self.files = self._name_amount_table(
            "cost_attachments",
            "costAttachments",
            translate("CostDetailPanel", "Supporting documents"),
            Column(
                translate("CostDetailPanel", "File"),
                lambda a: a.original_name,
                tooltip=lambda a: a.original_name,
            ),
            Column(
                translate("CostDetailPanel", "Size"),
                lambda a: a.size,
                display=file_size,
                align=RIGHT,
            ),
        )
        self.files.rowActivated.connect(self.open_attachment)
        inner.addWidget(self.files)
        self.add_file_button = QPushButton(translate("CostDetailPanel", "A&dd…"))
        self.open_file_button = QPushButton(translate("CostDetailPanel", "&Open"))
        self.remove_file_button = QPushButton(translate("CostDetailPanel", "Re&move"))
        self.add_file_button.clicked.connect(self.add_attachment)
        self.open_file_button.clicked.connect(lambda: self.open_attachment())
        self.remove_file_button.clicked.connect(lambda: self.remove_attachment())
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.add_file_button, self.open_file_button, self.remove_file_button):
            row.addWidget(button)
        inner.addLayout(row)
        self.files.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.shares.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.shares.selectionModel().currentRowChanged.connect(self._share_changed)
        self._reveal = False
        self.verticalScrollBar().rangeChanged.connect(self._reveal_explanation)
        self.show_cost(None)

    def minimumSizeHint(self) -> QSize:
        """As narrow as its content allows, beside its vertical scroll bar: the splitter gave it
        265 px at 1200 × 760 for a content of 268 beside a 14 px bar, and with no sideways
        scrolling the shares' amounts lost their « € » and « Pourquoi ce montant ? » its end."""
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        layout = body.layout()
        inside = layout.contentsMargins() if layout is not None else None
        sides = inside.left() + inside.right() if inside is not None else 0
        # the shares and files counted while hidden too: the splitter sizes the panel before a
        # cost is chosen and is not told when they appear
        sections = getattr(self, "sections", None)  # (asked before it is built)
        shown = sections.minimumSizeHint().width() + sides if sections is not None else 0
        content = max(body.minimumSizeHint().width(), shown)
        bar = self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        width = content + bar + margins.left() + margins.right()
        return QSize(max(hint.width(), width), hint.height())

    def _name_amount_table(
        self, settings_key: str, object_name: str, accessible: str, name: Column, amount: Column
    ) -> tuple[RowTableModel, TableView]:
        """A table of a name and an amount: names take the room left by the amount, sized to
        its figures and title (:func:`fit_figures`, each time rows are shown) and never cut."""
        model = RowTableModel([name, amount], parent=self)
        table = TableView(settings_key)
        table.setObjectName(object_name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionMode(TableView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fit_figures(table, [1])
        return model, table

    @staticmethod
    def _fit_height(table: TableView, rows: int, most: int) -> None:
        """As tall as its rows (between 2 and ``most``), so the panel below stays in view."""
        shown = min(max(rows, 2), most)
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        table.setFixedHeight(height)

    # --- showing -----------------------------------------------------------------------------
    def show_cost(self, cost_id: int | None) -> None:
        self.detail = None
        self._reveal = False
        if cost_id is not None:
            try:
                self.detail = self.costs.get_cost(cost_id)
            except PtceError as error:
                if error.code == "not_found":  # deleted meanwhile
                    cost_id = None
                else:
                    self.fields.setText(html.escape(error.message(current_language())))
        self.sections.setVisible(self.detail is not None)
        self.verticalScrollBar().setValue(0)
        if self.detail is None:
            if cost_id is None:
                self.fields.setText(
                    '<p style="color:#7b8794">'
                    + translate("CostDetailPanel", "Select a cost to see its shares.")
                    + "</p>"
                )
            self.shares_model.set_rows([])
            self.files_model.set_rows([])
        else:
            project = self.project_name(self.detail.cost.project_id)
            self.fields.setText(detail_html(self.detail, project))
            self.shares_model.set_rows(self.detail.shares)
            self.files_model.set_rows(self.detail.attachments)
        self._show_proposal()
        fit_figures(self.shares, [1])
        fit_figures(self.files, [1])
        self._fit_height(self.shares, self.shares_model.rowCount(), 8)
        self._fit_height(self.files, self.files_model.rowCount(), 4)
        self.explanation.clear()
        self._explained = None
        self._update_buttons()

    def cost_id(self) -> int | None:
        return self.detail.cost.id if self.detail is not None else None

    def _update_buttons(self, *_args: Any) -> None:
        has_cost = self.detail is not None
        writable = has_cost and not self.ctx.read_only
        self.why_button.setEnabled(has_cost and self.shares.current_row() is not None)
        self.add_file_button.setEnabled(writable)
        chosen = self.files.current_row() is not None
        self.open_file_button.setEnabled(chosen)
        self.remove_file_button.setEnabled(writable and chosen)

    # --- the Cerfa line of a cost without one -----------------------------------------------
    def _show_proposal(self) -> None:
        self.proposal = None
        cost = self.detail.cost if self.detail is not None else None
        if cost is not None and not cost.cerfa_code:
            try:
                self.proposal = self.proposals.for_cost(cost.id)
            except PtceError:  # deleted meanwhile: nothing to propose
                self.proposal = None
        if cost is None or cost.cerfa_code:
            self.proposal_box.hide()
            return
        if self.proposal is None:
            self.proposal_label.setText(
                translate(
                    "CostDetailPanel",
                    "No Cerfa line: choose one when editing the cost, or the grant reports "
                    "will list it as unclassified.",
                )
            )
        else:
            self.proposal_label.setText(
                translate(
                    "CostDetailPanel", "No Cerfa line. Proposed from its service: %1"
                ).replace("%1", cerfa_label(self.proposal.code))
            )
        self.use_proposal_button.setVisible(self.proposal is not None)
        self.use_proposal_button.setEnabled(not self.ctx.read_only)
        self.proposal_box.show()

    def accept_proposal(self) -> bool:
        """Set the proposed line on the cost: one undoable edit (a closed year refuses)."""
        if self.detail is None or self.proposal is None or self.ctx.read_only:
            return False
        row, code = self.detail.cost, self.proposal.code
        before = draft_of(row)
        after = replace(before, cerfa_code=code)
        costs = self.costs

        def apply(cost_id: int, state: CostDraft) -> Created:
            costs.update_cost(cost_id, state)
            return Created(cost_id)

        text = (
            translate("CostDetailPanel", "Cerfa line %1 on “%2”")
            .replace("%1", code)
            .replace("%2", short(row.label))
        )
        try:
            self.history.update(text, "cost", row.id, apply, before, after)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        self.show_cost(row.id)
        return True

    # --- "why this amount?" --------------------------------------------------------------------
    def explain_selected(self) -> None:
        share = self.shares.current_row()
        if share is not None:
            self.explain(share.member_id)

    def _share_changed(self, *_args: Any) -> None:
        # the explanation follows the selected share: never another member's under this one
        share = self.shares.current_row()
        if self._explained is None:
            return
        if share is None:
            self.explanation.clear()
            self._explained = None
        elif share.member_id != self._explained:
            self.explain(share.member_id)

    def explain(self, member_id: int) -> None:
        if self.detail is None:
            return
        self._explained = member_id
        try:
            view = self.costs.explain_share(self.detail.cost.id, member_id)
        except PtceError as error:
            self.explanation.body.setText(html.escape(error.message(current_language())))
            return
        self.explanation.show_explanation(view)
        self._reveal = True  # once the longer text is laid out, bring it into view
        QTimer.singleShot(0, self, self._reveal_explanation)

    def _reveal_explanation(self, *_args: Any) -> None:
        if self._reveal:
            self.ensureWidgetVisible(self.explanation, 0, 8)

    # --- attachments -----------------------------------------------------------------------------
    def add_attachment(self) -> AttachmentView | None:
        if self.detail is None or self.ctx.read_only:
            return None
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("CostDetailPanel", "Add a supporting document"),
            "",
            translate(
                "CostDetailPanel",
                "Documents (*.pdf *.png *.jpg *.jpeg *.odt *.ods *.doc *.docx *.xls *.xlsx);;"
                "All files (*)",
            ),
        )
        if not path:
            return None
        cost = self.detail.cost
        service, history = self.attachments, self.history
        added: list[AttachmentView] = []
        ref = history.ref("cost", cost.id)

        def attach() -> Created:
            cost_id = ref.id
            if added:  # redo: the content is in the data folder even if the source moved
                return Created(reattach(service, cost_id, added[0]).link_id)
            view = service.attach_file(cost_id, path)
            added.append(view)
            return Created(view.link_id)

        text = (
            translate("CostDetailPanel", "Attach “%1” to “%2”")
            .replace("%1", Path(path).name)
            .replace("%2", short(cost.label))
        )
        try:
            history.create(text, "cost_attachment", attach, service.detach)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return None
        return added[0]

    def open_attachment(self, view: AttachmentView | None = None) -> bool:
        view = view or self.files.current_row()
        if view is None:
            return False
        try:
            path = self.attachments.attachment_path(view.id)
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def remove_attachment(self, view: AttachmentView | None = None) -> bool:
        view = view or self.files.current_row()
        if view is None or self.detail is None or self.ctx.read_only:
            return False
        answer = QMessageBox.question(
            self,
            translate("CostDetailPanel", "Remove a supporting document"),
            translate(
                "CostDetailPanel", "Remove “%1” from this cost? You can undo it with Ctrl+Z."
            ).replace("%1", view.original_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        cost = self.detail.cost
        service, history = self.attachments, self.history
        text = (
            translate("CostDetailPanel", "Remove “%1” from “%2”")
            .replace("%1", view.original_name)
            .replace("%2", short(cost.label))
        )
        owner = history.ref("cost", cost.id)
        try:
            history.delete(
                text,
                "cost_attachment",
                view.link_id,
                service.detach,
                lambda: Created(reattach(service, owner.id, view).link_id),
            )
        except PtceError as error:
            self.ctx.presenter.present(error, self)
            return False
        return True
