"""Dialogs for a grant's money: an instalment received, money passed on to a member by hand
(with a confirmation when it exceeds the member's reste à reverser), passing on by the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.views import InstalmentDraft
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.amount_table import compact
from ptce_desktop.ui.pages.funding.dialogs import required, stripped
from ptce_desktop.ui.widgets import DateEdit, FormDialog, MoneyEdit

translate = QCoreApplication.translate


class InstalmentDialog(FormDialog):
    """Money received from the funder: date, amount, reference."""

    def __init__(
        self,
        save: Callable[[InstalmentDraft], Any],
        instalment: Any = None,
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("InstalmentDialog", "Instalment received")
            if instalment is None
            else translate("InstalmentDialog", "Change an instalment"),
            parent,
        )
        self.setObjectName("InstalmentDialog")
        self._save = save
        form = self.new_form()
        self.date_edit = DateEdit("date")
        self.date_edit.setAccessibleName(translate("InstalmentDialog", "Date"))
        self.fields.add(form, "date", translate("InstalmentDialog", "&Date"), self.date_edit)
        self.amount_edit = MoneyEdit("amount_cents")
        self.amount_edit.setAccessibleName(translate("InstalmentDialog", "Amount"))
        self.fields.add(
            form, "amount_cents", translate("InstalmentDialog", "&Amount"), self.amount_edit
        )
        self.reference_edit = QLineEdit()
        self.reference_edit.setAccessibleName(translate("InstalmentDialog", "Reference"))
        self.fields.add(
            form, "reference", translate("InstalmentDialog", "&Reference"), self.reference_edit
        )
        if instalment is not None:
            self.date_edit.set_date(instalment.date)
            self.amount_edit.set_cents(instalment.amount_cents)
            self.reference_edit.setText(instalment.reference or "")
        else:
            self.date_edit.set_date(default_date or dt.date.today())
        self.resize(460, 240)
        self.amount_edit.setFocus()

    def submit(self) -> Any:
        day = self.date_edit.date()
        if day is None:
            raise required("date", translate("InstalmentDialog", "Date"))
        amount = self.amount_edit.cents()
        if amount is None:
            raise required("amount_cents", translate("InstalmentDialog", "Amount"))
        return self._save(InstalmentDraft(day, amount, stripped(self.reference_edit)))


def confirm_over_redistribution(parent: QWidget | None, message: str) -> bool:
    """The service refused more than the reste à reverser: pass it on anyway?"""
    answer = QMessageBox.question(
        parent,
        translate("RedistributionDialog", "More than the reste à reverser"),
        message + "\n\n" + translate("RedistributionDialog", "Pass this amount on anyway?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RedistributionDialog(FormDialog):
    """Money passed on to a member by hand; ``save(member, date, cents, basis, force)``."""

    def __init__(
        self,
        members: Sequence[tuple[int, str]],
        save: Callable[..., Any],
        redistribution: Any = None,
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("RedistributionDialog", "Pass money on to a member")
            if redistribution is None
            else translate("RedistributionDialog", "Change a redistribution"),
            parent,
        )
        self.setObjectName("RedistributionDialog")
        self._save = save
        form = self.new_form()
        self.member_combo = compact(QComboBox())
        self.member_combo.setAccessibleName(translate("RedistributionDialog", "Member"))
        for member_id, name in members:
            self.member_combo.addItem(name, member_id)
        self.fields.add(
            form, "member_id", translate("RedistributionDialog", "&Member"), self.member_combo
        )
        self.date_edit = DateEdit("date")
        self.date_edit.setAccessibleName(translate("RedistributionDialog", "Date"))
        self.fields.add(form, "date", translate("RedistributionDialog", "&Date"), self.date_edit)
        self.amount_edit = MoneyEdit("amount_cents")
        self.amount_edit.setAccessibleName(translate("RedistributionDialog", "Amount"))
        self.fields.add(
            form, "amount_cents", translate("RedistributionDialog", "&Amount"), self.amount_edit
        )
        self.basis_edit = QLineEdit()
        self.basis_edit.setAccessibleName(translate("RedistributionDialog", "Basis"))
        self.basis_edit.setPlaceholderText(
            translate("RedistributionDialog", "e.g. decision of the steering committee of 12/03")
        )
        self.fields.add(form, "basis", translate("RedistributionDialog", "&Basis"), self.basis_edit)
        if redistribution is not None:
            self.member_combo.setCurrentIndex(
                max(self.member_combo.findData(redistribution.member_id), 0)
            )
            self.date_edit.set_date(redistribution.date)
            self.amount_edit.set_cents(redistribution.amount_cents)
            self.basis_edit.setText(redistribution.basis or "")
        else:
            self.date_edit.set_date(default_date or dt.date.today())
        self.resize(520, 280)

    def submit(self) -> Any:
        member_id = self.member_combo.currentData()
        if member_id is None:
            raise required("member_id", translate("RedistributionDialog", "Member"))
        day = self.date_edit.date()
        if day is None:
            raise required("date", translate("RedistributionDialog", "Date"))
        amount = self.amount_edit.cents()
        if amount is None:
            raise required("amount_cents", translate("RedistributionDialog", "Amount"))
        basis = stripped(self.basis_edit)
        try:
            return self._save(member_id, day, amount, basis, False)
        except PtceError as error:
            if error.code != "redistribution_exceeds":
                raise
            if not confirm_over_redistribution(self, error.message(current_language())):
                raise
            return self._save(member_id, day, amount, basis, True)


class PassOnDialog(FormDialog):
    """ "Reverser selon le plan…": the date, and what each member will receive."""

    def __init__(
        self,
        preview: Sequence[tuple[str, int]],
        save: Callable[[dt.date], Any],
        default_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("PassOnDialog", "Pass on according to the plan"), parent)
        self.setObjectName("PassOnDialog")
        self._save = save
        lines = [f"• {name} — {money_text(cents)}" for name, cents in preview if cents > 0]
        text = (
            translate(
                "PassOnDialog", "Each member of the plan receives its whole reste à reverser:"
            )
            + "\n"
            + "\n".join(lines)
            if lines
            else translate("PassOnDialog", "Nothing is due to the members of the plan yet.")
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.body_layout.addWidget(intro)
        form = self.new_form()
        self.date_edit = DateEdit("date")
        self.date_edit.setAccessibleName(translate("PassOnDialog", "Date"))
        self.date_edit.set_date(default_date or dt.date.today())
        self.fields.add(form, "date", translate("PassOnDialog", "&Date"), self.date_edit)
        self.body_layout.addStretch(1)
        self.resize(520, 300)

    def submit(self) -> Any:
        day = self.date_edit.date()
        if day is None:
            raise required("date", translate("PassOnDialog", "Date"))
        return self._save(day)
