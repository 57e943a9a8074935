"""Add or edit a cost, with the split it will produce shown live under the form.

While the cost is typed, :meth:`CostService.preview_split` runs on each valid change (debounced)
and the table shows each member's share and the total split; an incomplete or refused draft
(no participant, all weights 0…) shows the service's message instead, never a traceback.
OK saves through the service and records the undo step; a refusal marks its field and keeps
everything typed. A cost of a closed year cannot be edited: the dialog says so and offers to
record an adjustment (régularisation) in an open year instead. While no Cerfa line is chosen,
the line proposed from the service and the label (the rule the Cerfa 15059 lists unclassified
costs with) is shown under it, with « Use it ».
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from ptce_desktop.domain.cerfa import CHARGE_SUBLINES
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.costs.views import CostDraft, CostRow
from ptce_desktop.services.grants.cerfa_proposal import CerfaProposal, CerfaProposalService
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.costs.model import cerfa_label
from ptce_desktop.ui.pages.costs.parts import (
    CostChoices,
    Created,
    SplitPreview,
    draft_of,
    month_of,
    short,
)
from ptce_desktop.ui.widgets import DateEdit, FormDialog, MoneyEdit
from ptce_desktop.ui.widgets.new_item_combo import Creator, add_new_entry, chosen_data

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PREVIEW_DELAY_MS = 150


class CostDialog(FormDialog):
    """New cost (``cost=None``), edit ``cost``, or — for a frozen cost — an adjustment of it.

    ``frozen`` is the label of the closed fiscal year ``cost`` belongs to (None when open).
    """

    def __init__(
        self,
        costs: Any,
        history: UndoHistory,
        choices: CostChoices,
        cost: CostRow | None = None,
        frozen: str | None = None,
        parent: QWidget | None = None,
        *,
        new_service: Creator | None = None,
    ) -> None:
        self._new_service = new_service  # « Nouveau service… » (ui/pages/creators.py)
        title = (
            translate("CostDialog", "New cost")
            if cost is None
            else translate("CostDialog", "Cost “%1”").replace("%1", short(cost.label))
        )
        super().__init__(title, parent)
        self.setObjectName("CostDialog")
        self.costs = costs
        self.history = history
        self.cost = cost
        self.frozen = frozen
        self.adjusting = False
        self.choices = choices
        self._proposals = CerfaProposalService(costs.uow)
        self._build(choices)
        self._arrange()
        if cost is not None:
            self._load(draft_of(cost))
        else:
            self.fields.editor("invoice_date").set_value(  # type: ignore[attr-defined]
                min(max(dt.date.today(), choices.year_start), choices.year_end)
            )
        self.adjust_button = QPushButton(translate("CostDialog", "Record an &adjustment instead…"))
        self.adjust_button.setObjectName("adjustButton")
        self.adjust_button.clicked.connect(self.start_adjustment)
        self.buttons.addButton(self.adjust_button, self.buttons.ButtonRole.ActionRole)
        self.adjust_button.setVisible(frozen is not None)
        if frozen is not None:
            self.banner.setText(
                translate(
                    "CostDialog",
                    "This cost belongs to the closed fiscal year %1: it can no longer be "
                    "changed. Record an adjustment in an open year instead.",
                ).replace("%1", frozen)
            )
            self.banner.show()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._watch()
        self.update_preview()
        self.resize(1000, 680)
        self.fields.editor("label").setFocus()

    # --- building ----------------------------------------------------------------------------
    def _build(self, choices: CostChoices) -> None:
        add = self.fields.add
        form = self.new_form(translate("CostDialog", "Invoice"))
        service = QComboBox()
        for service_id, name in choices.services:
            service.addItem(name, service_id)
        if self._new_service is not None:
            add_new_entry(service, translate("CostDialog", "New service…"), self._new_service)
        add(form, "service_id", translate("CostDialog", "&Service"), service)
        label = QLineEdit()
        label.setMaxLength(200)
        add(form, "label", translate("CostDialog", "&Label"), label)
        add(form, "supplier", translate("CostDialog", "Su&pplier"), QLineEdit())
        add(form, "invoice_ref", translate("CostDialog", "Invoice &reference"), QLineEdit())
        add(
            form, "invoice_date", translate("CostDialog", "&Invoice date"), DateEdit("invoice_date")
        )
        add(form, "period_start", translate("CostDialog", "Period &from"), DateEdit("period_start"))
        add(form, "period_end", translate("CostDialog", "Period &to"), DateEdit("period_end"))
        add(
            form, "payment_date", translate("CostDialog", "Pa&yment date"), DateEdit("payment_date")
        )

        form = self.new_form(translate("CostDialog", "Amounts"))
        add(form, "ht_cents", translate("CostDialog", "Amount e&xcl. VAT"), MoneyEdit("ht_cents"))
        add(form, "vat_cents", translate("CostDialog", "&VAT"), MoneyEdit("vat_cents"))
        add(
            form,
            "ttc_cents",
            translate("CostDialog", "Amount incl. VA&T"),
            MoneyEdit("ttc_cents"),
            translate("CostDialog", "Filled from the amount excl. VAT and the VAT."),
        )

        form = self.new_form(translate("CostDialog", "Booking"))
        cerfa = QComboBox()
        cerfa.addItem(translate("CostDialog", "(none)"), None)
        for code in CHARGE_SUBLINES:
            cerfa.addItem(cerfa_label(code), code)
        add(form, "cerfa_code", translate("CostDialog", "&Cerfa line"), cerfa)
        self.proposal: CerfaProposal | None = None
        self.proposal_row = QWidget()
        self.proposal_row.setObjectName("cerfaProposal")
        row = QHBoxLayout(self.proposal_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("hint")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.use_proposal_button = QPushButton(translate("CostDialog", "&Use it"))
        self.use_proposal_button.setAutoDefault(False)
        self.use_proposal_button.clicked.connect(self.accept_proposal)
        row.addWidget(self.proposal_label, 1)
        row.addWidget(self.use_proposal_button)
        self.proposal_row.hide()
        form.addRow("", self.proposal_row)
        project = QComboBox()
        project.addItem(translate("CostDialog", "(none)"), None)
        for project_id, name in choices.projects:
            project.addItem(name, project_id)
        add(form, "project_id", translate("CostDialog", "Pro&ject"), project)
        self.body_layout.addStretch(1)
        for caption in self.fields.captions:
            buddy = caption.buddy()
            if buddy is not None:
                buddy.setAccessibleName(caption.text().replace("&", ""))

    def _arrange(self) -> None:
        """The form on the left, the live split on the right."""
        self.preview = SplitPreview()
        self.preview.setMinimumWidth(340)
        outer = self.layout()
        scroll = self.findChild(QScrollArea)
        assert outer is not None and scroll is not None
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(18)
        outer.replaceWidget(scroll, row)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for combo in self.findChildren(QComboBox):  # long names must not widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
        row_layout.addWidget(scroll, 3)
        row_layout.addWidget(self.preview, 2)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.body_layout.insertWidget(0, self.hint)

    def _load(self, draft: CostDraft) -> None:
        editor: Any = self.fields.editor
        for combo_name, value in (
            ("service_id", draft.service_id),
            ("cerfa_code", draft.cerfa_code),
            ("project_id", draft.project_id),
        ):
            combo = editor(combo_name)
            found = combo.findData(value)
            if found < 0 and value is not None:  # e.g. a project no longer listed
                combo.addItem(str(value), value)
                found = combo.count() - 1
            combo.setCurrentIndex(max(found, 0))
        for name in ("label", "supplier", "invoice_ref"):
            editor(name).setText(getattr(draft, name) or "")
        for name in ("invoice_date", "period_start", "period_end", "payment_date"):
            editor(name).set_value(getattr(draft, name))
        for name in ("ht_cents", "vat_cents", "ttc_cents"):
            editor(name).set_value(getattr(draft, name))

    def _watch(self) -> None:
        editor: Any = self.fields.editor
        for name in ("service_id", "cerfa_code", "project_id"):
            editor(name).currentIndexChanged.connect(self.schedule_preview)
        for name in ("label", "invoice_date", "period_start", "period_end", "ttc_cents"):
            editor(name).textChanged.connect(self.schedule_preview)
        for name in ("ht_cents", "vat_cents"):
            editor(name).textEdited.connect(self._fill_ttc)
            editor(name).textChanged.connect(self.schedule_preview)

    # --- live behaviour ----------------------------------------------------------------------
    def _fill_ttc(self, _text: str = "") -> None:
        editor: Any = self.fields.editor
        ht, vat = editor("ht_cents"), editor("vat_cents")
        if ht.problem() is not None or vat.problem() is not None or not ht.text().strip():
            return
        editor("ttc_cents").set_value(ht.value() + (vat.value() or 0))

    def schedule_preview(self, *_args: Any) -> None:
        self._timer.start()

    def preview_draft(self) -> CostDraft | str:
        """The draft to preview, or the message saying why there is nothing to show yet."""
        editor: Any = self.fields.editor
        for name in ("ht_cents", "vat_cents", "ttc_cents", "invoice_date"):
            problem = editor(name).problem()
            if problem is not None:
                return str(problem.message(current_language()))
        for name in ("period_start", "period_end"):
            problem = editor(name).problem()
            if problem is not None:
                return str(problem.message(current_language()))
        if chosen_data(editor("service_id")) is None:
            return translate("CostDialog", "Choose the shared service to see the split.")
        if editor("period_start").value() is None or editor("period_end").value() is None:
            return translate("CostDialog", "Type the period covered to see how it is split.")
        if editor("ht_cents").value() is None and editor("ttc_cents").value() is None:
            return translate("CostDialog", "Type the amount to see how it is split.")
        return self.draft(preview=True)

    def update_proposal(self) -> None:
        """The Cerfa line proposed while none is chosen (hidden once one is)."""
        editor: Any = self.fields.editor
        service_id = chosen_data(editor("service_id"))
        self.proposal = None
        if editor("cerfa_code").currentData() is None and service_id is not None:
            try:
                self.proposal = self._proposals.for_service(service_id, editor("label").text())
            except PtceError:  # the service is gone: nothing to propose
                self.proposal = None
        if self.proposal is None:
            self.proposal_row.hide()
            return
        self.proposal_label.setText(
            translate("CostDialog", "Proposed from the service: %1").replace(
                "%1", cerfa_label(self.proposal.code)
            )
        )
        self.proposal_row.show()

    def accept_proposal(self) -> bool:
        if self.proposal is None:
            return False
        combo: Any = self.fields.editor("cerfa_code")
        found = combo.findData(self.proposal.code)
        if found < 0:
            return False
        combo.setCurrentIndex(found)
        self.update_proposal()
        return True

    def update_preview(self) -> None:
        self._timer.stop()
        self.update_proposal()
        try:
            draft = self.preview_draft()
            if isinstance(draft, str):
                self.preview.show_message(draft)
                return
            shares = self.costs.preview_split(draft)
        except PtceError as error:
            self.preview.show_message(error.message(current_language()))
            return
        except Exception:  # a bug: the log has it, the user keeps typing
            log.exception("split preview failed")
            self.preview.show_message(
                translate("CostDialog", "The split cannot be shown (see the log file).")
            )
            return
        if not shares:
            self.preview.show_message(translate("CostDialog", "Nobody takes part in this split."))
            return
        self.preview.show_shares(shares)

    # --- reading -----------------------------------------------------------------------------
    def draft(self, preview: bool = False) -> CostDraft:
        """The typed cost; raises :class:`PtceError` naming the field of a missing value."""
        editor: Any = self.fields.editor

        def needed(name: str, caption: str) -> Any:
            value = editor(name).value()
            if value is None:
                raise PtceError("required", name, field_label=caption)
            return value

        service_id = chosen_data(editor("service_id"))
        if service_id is None:
            raise PtceError(
                "required", "service_id", field_label=translate("CostDialog", "Service")
            )
        start = needed("period_start", translate("CostDialog", "Period from"))
        end = needed("period_end", translate("CostDialog", "Period to"))
        invoice = editor("invoice_date").value()
        if invoice is None and preview:
            invoice = start
        elif invoice is None:
            raise PtceError(
                "required", "invoice_date", field_label=translate("CostDialog", "Invoice date")
            )
        vat = editor("vat_cents").value() or 0
        ht = editor("ht_cents").value()
        ttc = editor("ttc_cents").value()
        if ht is None and ttc is not None:
            ht = ttc - vat
        if ht is None:
            raise PtceError(
                "required", "ht_cents", field_label=translate("CostDialog", "Amount excl. VAT")
            )
        if ttc is None:
            ttc = ht + vat
        label = editor("label").text()
        if preview and not label.strip():
            label = "…"
        text = lambda name: editor(name).text().strip() or None  # noqa: E731
        return CostDraft(
            service_id=service_id,
            invoice_date=invoice,
            period_start=start,
            period_end=end,
            label=label,
            ht_cents=ht,
            vat_cents=vat,
            ttc_cents=ttc,
            payment_date=editor("payment_date").value(),
            supplier=text("supplier"),
            cerfa_code=editor("cerfa_code").currentData(),
            project_id=editor("project_id").currentData(),
            invoice_ref=text("invoice_ref"),
        )

    # --- the adjustment of a frozen cost -----------------------------------------------------
    def start_adjustment(self) -> None:
        """Turn the dialog into "record an adjustment": the amounts become the correction."""
        if self.cost is None or self.adjusting:
            return
        self.adjusting = True
        self.setWindowTitle(
            translate("CostDialog", "Adjustment of “%1”").replace("%1", short(self.cost.label))
        )
        self.banner.hide()
        self.adjust_button.hide()
        self.hint.setText(
            translate(
                "CostDialog",
                "An adjustment is a new cost, dated in an open fiscal year, that corrects "
                "“%1”. Type the correction (negative for a credit): it is split with the "
                "key in force for its own period.",
            ).replace("%1", self.cost.label)
        )
        self.hint.show()
        editor: Any = self.fields.editor
        typed: dict[str, int | None] = {}
        for name in ("ht_cents", "vat_cents", "ttc_cents"):
            try:
                typed[name] = editor(name).value()
            except PtceError:
                typed[name] = None
        delta = {
            name: (value - getattr(self.cost, name)) if value is not None else 0
            for name, value in typed.items()
        }
        if not delta["ht_cents"] and not delta["vat_cents"]:
            delta["ht_cents"] = delta["ttc_cents"]  # only the total was changed
        difference = {
            "ht_cents": delta["ht_cents"],
            "vat_cents": delta["vat_cents"],
            "ttc_cents": delta["ht_cents"] + delta["vat_cents"],
        }
        if any(difference.values()):
            for name, value in difference.items():
                editor(name).set_value(value)
        else:
            for name in difference:
                editor(name).set_value(None)
        if editor("label").text().strip() == self.cost.label:
            editor("label").setText(
                translate("CostDialog", "Adjustment: %1").replace("%1", self.cost.label)
            )
            editor("label").setCursorPosition(0)
        editor("payment_date").set_value(None)  # the correction's own payment and invoice
        editor("invoice_ref").clear()
        day = self.choices.adjustment_day
        if day is not None:  # the original's dates are in a closed year
            start, end = month_of(day)
            for name, value in (
                ("invoice_date", day),
                ("period_start", start),
                ("period_end", end),
            ):
                editor(name).set_value(value)
        editor("ht_cents").setFocus()
        self.schedule_preview()

    # --- saving ------------------------------------------------------------------------------
    def submit(self) -> Created:
        draft = self.draft()
        costs, history = self.costs, self.history
        if self.cost is None:
            text = translate("CostDialog", "Add cost “%1”").replace("%1", short(draft.label))
            return history.create(
                text, "cost", lambda: Created(costs.create_cost(draft)), costs.delete_cost
            )
        original = self.cost
        if self.adjusting:
            text = translate("CostDialog", "Adjust “%1”").replace("%1", short(original.label))
            adjusted = history.ref("cost", original.id)
            return history.create(
                text,
                "cost",
                lambda: Created(costs.record_adjustment(adjusted.id, draft)),
                costs.delete_cost,
            )

        def apply(cost_id: int, state: CostDraft) -> Created:
            costs.update_cost(cost_id, state)
            return Created(cost_id)

        text = translate("CostDialog", "Edit cost “%1”").replace("%1", short(draft.label))
        try:
            return history.update(text, "cost", original.id, apply, draft_of(original), draft)
        except PtceError as error:
            if error.code == "closed_year":
                self.adjust_button.show()
            raise
