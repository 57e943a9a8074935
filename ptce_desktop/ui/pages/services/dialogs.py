"""Dialogs and undoable edits of the Services mutualisés page.

:class:`ServiceActions` pushes each service call on the undo stack with the call that undoes it;
key and member ids inside a draft are held as the history's refs and read when a step replays
(a key deleted and restored in between is still the one meant). The dialogs call it on OK; a
refusal marks its field with the service's message and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ptce_desktop.domain.billing import Billing, format_coefficient, parse_coefficient
from ptce_desktop.domain.errors import PtceError, error_text
from ptce_desktop.domain.money import format_percent, parse_money, parse_percent
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.services.costs.shared_services import (
    ServiceDraft,
    ServiceView,
    SharedServiceService,
)
from ptce_desktop.ui.commands import UndoHistory
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.pages.choice_combo import large_combo, set_choices
from ptce_desktop.ui.pages.keys.dialogs import required, with_label
from ptce_desktop.ui.pages.scaffold import detail_table
from ptce_desktop.ui.widgets import CheckedEdit, DateEdit, FormDialog, MoneyEdit
from ptce_desktop.ui.widgets.new_item_combo import Creator, add_new_entry, chosen_data
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel

translate = QCoreApplication.translate

SERVICE = "service"


@dataclass(frozen=True)
class Created:
    id: int


def short(name: str) -> str:
    return name if len(name) <= 40 else name[:39] + "…"


def vat_text(regime: VatRegime, rate_bp: int) -> str:
    """ "Exonéré 261 B" or "TVA 20 %"."""
    if regime is VatRegime.EXEMPT_261B:
        return translate("ServicesPage", "Exempt 261 B")
    rate = format_percent(rate_bp, lang=current_language())
    return translate("ServicesPage", "VAT %1").replace("%1", rate)


def draft_of(view: ServiceView) -> ServiceDraft:
    return ServiceDraft(
        name=view.name,
        vat_regime=view.vat_regime.value,
        vat_rate_bp=view.vat_rate_bp,
        key_id=view.key_id,
        carrier_member_id=view.carrier_member_id,
        category=view.category,
        description=view.description,
        active_from=view.active_from,
        active_to=view.active_to,
        billing_coefficient_e4=view.billing_coefficient_e4,
        fee_rate_bp=view.fee_rate_bp,
        billing_from=view.billing_from,
    )


@dataclass(frozen=True)
class DialogChoices:
    """What a :class:`ServiceDialog` offers: the keys, and the members of ``year`` (the page
    reads them on a worker, ahead of « Ajouter »)."""

    year: int | None
    keys: list[tuple[int, str]]
    members: list[tuple[int, str]]


class ServiceActions:
    """Undoable edits over :class:`SharedServiceService`; records are held by the history's
    refs (taken when a step is recorded), so a re-created key, member or service is followed."""

    def __init__(self, service: SharedServiceService, history: UndoHistory) -> None:
        self.service = service
        self.history = history

    def _draft(self, draft: ServiceDraft) -> Callable[[], ServiceDraft]:
        """The draft with its key and carrier held by ref; call it when the step runs."""
        ref = self.history.ref
        key = ref("key", draft.key_id) if draft.key_id is not None else None
        carrier = (
            ref("member", draft.carrier_member_id) if draft.carrier_member_id is not None else None
        )
        return lambda: replace(
            draft,
            key_id=key.id if key is not None else None,
            carrier_member_id=carrier.id if carrier is not None else None,
        )

    def create(self, draft: ServiceDraft) -> int:
        service, fresh = self.service, self._draft(draft)
        text = translate("ServiceActions", "Add service “%1”").replace("%1", short(draft.name))
        created = self.history.create(
            text, SERVICE, lambda: Created(service.create_service(fresh())), service.delete_service
        )
        return created.id

    def update(self, view: ServiceView, draft: ServiceDraft) -> int:
        """Returns how many costs had their shares recomputed (key or VAT regime changed)."""
        text = translate("ServiceActions", "Edit service “%1”").replace("%1", short(draft.name))
        states = {"before": self._draft(draft_of(view)), "after": self._draft(draft)}
        return self.history.update(
            text,
            SERVICE,
            view.id,
            lambda service_id, state: self.service.update_service(service_id, states[state]()),
            "before",
            "after",
        )

    def delete(self, service_id: int) -> None:
        """Delete; undo brings the service back with its budgets."""
        service = self.service
        view = service.get_service(service_id)
        fresh = self._draft(draft_of(view))

        def recreate() -> Created:
            new_id = service.create_service(fresh())
            for year, cents in view.budgets:
                service.set_budget(new_id, year, cents)
            return Created(new_id)

        text = translate("ServiceActions", "Delete service “%1”").replace("%1", short(view.name))
        self.history.delete(text, SERVICE, service_id, service.delete_service, recreate)

    def set_budget(self, view: ServiceView, year: int, year_label: str, cents: int) -> None:
        service, ref = self.service, self.history.ref(SERVICE, view.id)
        before = dict(view.budgets).get(year)
        text = (
            translate("ServiceActions", "Budget %1 of “%2”")
            .replace("%1", year_label)
            .replace("%2", short(view.name))
        )

        def undo() -> None:
            if before is None:
                service.remove_budget(ref.id, year)
            else:
                service.set_budget(ref.id, year, before)

        self.history.run(text, lambda: service.set_budget(ref.id, year, cents), undo)

    def budget_from_text(self, view: ServiceView, year: int, year_label: str, text: str) -> None:
        """A budget pasted from a spreadsheet (« 12 000,00 € », French numbers): set it,
        remove it when the cell is empty; ``PtceError`` for an amount not understood."""
        before = dict(view.budgets).get(year)
        if not text.strip():
            if before is not None:
                self.remove_budget(view, year, year_label)
            return
        cents = parse_money(text, "fr", field="amount_cents")
        if cents != before:
            self.set_budget(view, year, year_label, cents)

    def remove_budget(self, view: ServiceView, year: int, year_label: str) -> None:
        service, ref = self.service, self.history.ref(SERVICE, view.id)
        before = dict(view.budgets)[year]
        text = (
            translate("ServiceActions", "Remove the budget %1 of “%2”")
            .replace("%1", year_label)
            .replace("%2", short(view.name))
        )
        self.history.run(
            text,
            lambda: service.remove_budget(ref.id, year),
            lambda: service.set_budget(ref.id, year, before),
        )


def _rate(text: str) -> int:
    return parse_percent(text, current_language(), field="vat_rate_bp")


def _coefficient(text: str) -> int:
    return parse_coefficient(text, current_language(), field="billing_coefficient_e4")


def _fee(text: str) -> int:
    return parse_percent(text, current_language(), field="fee_rate_bp")


def billing_warning_261b(draft: ServiceDraft, lang: str) -> str | None:
    """The warning DESIGN §4b asks for when a 261 B service is billed with a coefficient or
    a fee (saving is allowed: the coordinator decides)."""
    billing = Billing(draft.billing_coefficient_e4, draft.fee_rate_bp)
    if draft.vat_regime != VatRegime.EXEMPT_261B.value or not billing.active:
        return None
    return error_text("billing_261b_warning", None, {"service": draft.name.strip()}, lang)


def billing_term_columns() -> list[Column]:
    """The history of a service's coefficient and fee: one row per voted term."""
    lang = current_language()
    return [
        Column(
            translate("ServiceDialog", "From"),
            lambda t: t.valid_from,
            display=lambda d: format_date(d) if d else translate("ServiceDialog", "the beginning"),
            sort_key=lambda t: t.valid_from.toordinal() if t.valid_from else 0,
        ),
        Column(
            translate("ServiceDialog", "Coefficient"),
            lambda t: t.coefficient_e4,
            display=lambda e4: "—" if e4 is None else format_coefficient(e4, lang=lang),
            sort_key=lambda t: t.coefficient_e4 or 0,
            align=RIGHT,
        ),
        Column(
            translate("ServiceDialog", "Management fee"),
            lambda t: t.fee_rate_bp,
            display=lambda bp: "—" if bp is None else format_percent(bp, lang=lang),
            sort_key=lambda t: t.fee_rate_bp or 0,
            align=RIGHT,
        ),
    ]


class ServiceDialog(FormDialog):
    """Create (``view=None``) or edit a shared service, every field of it."""

    def __init__(
        self,
        edits: ServiceActions,
        view: ServiceView | None,
        keys: Sequence[tuple[int, str]],
        members: Sequence[tuple[int, str]],
        categories: Sequence[str],
        parent: QWidget | None = None,
        *,
        new_key: Creator | None = None,
        new_member: Creator | None = None,
    ) -> None:
        """``new_key``/``new_member`` (:mod:`ptce_desktop.ui.pages.creators`) add « Nouvelle
        clé… » / « Nouveau membre… » to their lists, which may be empty."""
        self._new_key, self._new_member = new_key, new_member
        title = (
            translate("ServiceDialog", "New shared service")
            if view is None
            else translate("ServiceDialog", "Shared service “%1”").replace("%1", short(view.name))
        )
        super().__init__(title, parent)
        self.setObjectName("ServiceDialog")
        self.edits = edits
        self.view = view
        self.recomputed = 0
        self.warning_261b: str | None = None
        self.labels = {
            "name": translate("ServiceDialog", "Name"),
            "category": translate("ServiceDialog", "Category"),
            "description": translate("ServiceDialog", "Description"),
            "vat_regime": translate("ServiceDialog", "VAT regime"),
            "vat_rate_bp": translate("ServiceDialog", "VAT rate"),
            "key_id": translate("ServiceDialog", "Allocation key"),
            "carrier_member_id": translate("ServiceDialog", "Carrying member"),
            "active_from": translate("ServiceDialog", "Active from"),
            "active_to": translate("ServiceDialog", "Active until"),
            "billing_coefficient_e4": translate("ServiceDialog", "Billing coefficient"),
            "fee_rate_bp": translate("ServiceDialog", "Management fee"),
            "billing_from": translate("ServiceDialog", "From"),
        }
        self._build(keys, members, categories)
        for field in ("category", "vat_regime", "key_id", "carrier_member_id"):
            combo: Any = self.fields.editor(field)
            # long member or key names must not widen the dialog past the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for field, label in self.labels.items():
            self.fields.editor(field).setAccessibleName(label)
        if view is not None:
            self._load(view)
        self._regime_changed()
        self.resize(600, 600)
        self.fields.editor("name").setFocus()

    def _build(
        self,
        keys: Sequence[tuple[int, str]],
        members: Sequence[tuple[int, str]],
        categories: Sequence[str],
    ) -> None:
        add = self.fields.add
        form = self.new_form(translate("ServiceDialog", "Service"))
        name = QLineEdit()
        name.setMaxLength(200)
        name.setPlaceholderText(translate("ServiceDialog", "e.g. Shared premises"))
        add(form, "name", translate("ServiceDialog", "&Name"), name)
        category = QComboBox()
        category.setEditable(True)
        category.addItem("")
        category.addItems(sorted(set(categories)))
        category_edit = category.lineEdit()
        if category_edit is not None:
            category_edit.setPlaceholderText(translate("ServiceDialog", "e.g. Premises, IT"))
        add(form, "category", translate("ServiceDialog", "&Category"), category)
        description = QPlainTextEdit()
        description.setFixedHeight(70)
        description.setTabChangesFocus(True)
        add(form, "description", translate("ServiceDialog", "&Description"), description)

        form = self.new_form(translate("ServiceDialog", "VAT and sharing"))
        regime = QComboBox()
        regime.addItem(
            translate("ServiceDialog", "Exempt (CGI art. 261 B)"), VatRegime.EXEMPT_261B.value
        )
        regime.addItem(translate("ServiceDialog", "Subject to VAT"), VatRegime.TAXABLE.value)
        regime.currentIndexChanged.connect(self._regime_changed)
        add(
            form,
            "vat_regime",
            translate("ServiceDialog", "&VAT regime"),
            regime,
            translate(
                "ServiceDialog",
                "Exempt only if each member pays exactly its share of the costs.",
            ),
        )
        rate = CheckedEdit(
            _rate,
            field="vat_rate_bp",
            tidy=lambda bp: format_percent(bp, symbol=False, lang=current_language()),
        )
        rate.setPlaceholderText("20")
        add(form, "vat_rate_bp", translate("ServiceDialog", "VAT &rate (%)"), rate)
        key = QComboBox()
        key.addItem(translate("ServiceDialog", "— no key yet —"), None)
        for ident, label in keys:
            key.addItem(label, ident)
        if self._new_key is not None:
            add_new_entry(key, translate("ServiceDialog", "New key…"), self._new_key)
        add(form, "key_id", translate("ServiceDialog", "Allocation &key"), key)
        # one model over the list, not an item each: thousands of members on a large pole
        carrier = large_combo(QComboBox(), 24)
        set_choices(carrier, [(None, translate("ServiceDialog", "— none —")), *members])
        if self._new_member is not None:
            add_new_entry(carrier, translate("ServiceDialog", "New member…"), self._new_member)
        add(
            form,
            "carrier_member_id",
            translate("ServiceDialog", "Carr&ying member"),
            carrier,
            translate("ServiceDialog", "The member who pays the suppliers for the pole."),
        )
        add(
            form, "active_from", translate("ServiceDialog", "Active &from"), DateEdit("active_from")
        )
        add(form, "active_to", translate("ServiceDialog", "Active &until"), DateEdit("active_to"))

        form = self.new_form(translate("ServiceDialog", "Coefficient and fee"))
        coefficient = CheckedEdit(
            _coefficient,
            field="billing_coefficient_e4",
            tidy=lambda e4: format_coefficient(e4, lang=current_language()),
        )
        coefficient.setPlaceholderText(translate("ServiceDialog", "e.g. 1.75 (empty: none)"))
        add(
            form,
            "billing_coefficient_e4",
            translate("ServiceDialog", "Billing c&oefficient"),
            coefficient,
            translate(
                "ServiceDialog",
                "Applied to the budget (calls) and the costs (true-up) before the split; "
                "the surcharge prints as its own line.",
            ),
        )
        fee = CheckedEdit(
            _fee,
            field="fee_rate_bp",
            tidy=lambda bp: format_percent(bp, symbol=False, lang=current_language()),
        )
        fee.setPlaceholderText(translate("ServiceDialog", "e.g. 6 (empty: none)"))
        add(
            form,
            "fee_rate_bp",
            translate("ServiceDialog", "Management &fee (%)"),
            fee,
            translate("ServiceDialog", "Printed as « Frais de gestion », never as VAT."),
        )
        add(
            form,
            "billing_from",
            translate("ServiceDialog", "Fr&om"),
            DateEdit("billing_from"),
            translate(
                "ServiceDialog",
                "Empty: from the beginning. The board votes a new coefficient: give the first "
                "day it applies; the earlier terms keep their days (a closed year keeps its own).",
            ),
        )
        self.terms_model = RowTableModel(billing_term_columns(), parent=self)
        history = translate("ServiceDialog", "Coefficient and fee history")
        self.terms_view, _proxy = detail_table("service-billing-terms", self.terms_model, history)
        self.terms_view.setObjectName("billingTerms")
        self.terms_view.setMaximumHeight(110)
        form.addRow(translate("ServiceDialog", "History"), self.terms_view)
        self.body_layout.addStretch(1)

    def _load(self, view: ServiceView) -> None:
        editor: Any = self.fields.editor
        editor("name").setText(view.name)
        editor("category").setCurrentText(view.category or "")
        editor("description").setPlainText(view.description or "")
        regime = editor("vat_regime")
        regime.setCurrentIndex(max(regime.findData(view.vat_regime.value), 0))
        if view.vat_regime is VatRegime.TAXABLE:
            editor("vat_rate_bp").set_value(view.vat_rate_bp)
        for field, ident, label in (
            ("key_id", view.key_id, view.key_name),
            ("carrier_member_id", view.carrier_member_id, view.carrier_name),
        ):
            combo = editor(field)
            if ident is not None and combo.findData(ident) < 0:
                combo.addItem(label or str(ident), ident)  # e.g. an archived carrier
            combo.setCurrentIndex(max(combo.findData(ident), 0))
        editor("active_from").set_date(view.active_from)
        editor("active_to").set_date(view.active_to)
        editor("billing_coefficient_e4").set_value(view.billing_coefficient_e4)
        editor("fee_rate_bp").set_value(view.fee_rate_bp)
        editor("billing_from").set_date(view.billing_from)
        self.terms_model.set_rows(list(reversed(view.billing_terms)))  # the latest first

    def _regime_changed(self, *_args: Any) -> None:
        editor: Any = self.fields.editor
        taxable = editor("vat_regime").currentData() == VatRegime.TAXABLE.value
        rate = editor("vat_rate_bp")
        rate.setEnabled(taxable)
        if taxable and not rate.text().strip():
            rate.set_value(2000)
        if not taxable:
            rate.set_value(None)

    def draft(self) -> ServiceDraft:
        editor: Any = self.fields.editor
        name = editor("name").text()
        if not name.strip():
            raise required("name", self.labels["name"])
        regime = editor("vat_regime").currentData()
        rate = editor("vat_rate_bp").value() if regime == VatRegime.TAXABLE.value else 0
        return ServiceDraft(
            name=name,
            vat_regime=regime,
            vat_rate_bp=rate or 0,
            key_id=chosen_data(editor("key_id")),
            carrier_member_id=chosen_data(editor("carrier_member_id")),
            category=editor("category").currentText() or None,
            description=editor("description").toPlainText() or None,
            active_from=editor("active_from").date(),
            active_to=editor("active_to").date(),
            billing_coefficient_e4=editor("billing_coefficient_e4").value(),
            fee_rate_bp=editor("fee_rate_bp").value(),
            billing_from=editor("billing_from").date(),
        )

    def submit(self) -> int:
        draft = self.draft()
        try:
            if self.view is None:
                ident = self.edits.create(draft)
            else:
                self.recomputed = self.edits.update(self.view, draft)
                ident = self.view.id
        except PtceError as error:
            raise with_label(error, self.labels) from None
        self.warning_261b = billing_warning_261b(draft, current_language())
        if self.warning_261b:
            QMessageBox.warning(
                self, translate("ServiceDialog", "Exempt service"), self.warning_261b
            )
        return ident


class BudgetDialog(FormDialog):
    """The budget of one fiscal year of a service (what the provisional calls split)."""

    def __init__(
        self,
        edits: ServiceActions,
        view: ServiceView,
        year: int,
        year_label: str,
        parent: QWidget | None = None,
    ) -> None:
        title = translate("BudgetDialog", "Budget %1 of “%2”").replace("%1", year_label)
        super().__init__(title.replace("%2", short(view.name)), parent)
        self.setObjectName("BudgetDialog")
        self.edits = edits
        self.view = view
        self.year = year
        self.year_label = year_label
        self.label = translate("BudgetDialog", "Budget %1").replace("%1", year_label)
        form = self.new_form()
        amount = MoneyEdit("amount_cents")
        amount.setAccessibleName(self.label)
        self.fields.add(
            form,
            "amount_cents",
            self.label,
            amount,
            translate(
                "BudgetDialog",
                "The provisional quarterly calls split this budget between the members.",
            ),
        )
        amount.set_cents(dict(view.budgets).get(year))
        self.body_layout.addStretch(1)
        self.resize(460, 200)
        amount.setFocus()
        amount.selectAll()

    def submit(self) -> int:
        cents = self.fields.editor("amount_cents").cents()  # type: ignore[attr-defined]
        if cents is None:
            raise required("amount_cents", self.label)
        try:
            self.edits.set_budget(self.view, self.year, self.year_label, cents)
        except PtceError as error:
            raise with_label(error, {"amount_cents": self.label}) from None
        return int(cents)
