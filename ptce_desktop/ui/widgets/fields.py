"""Inputs that read and check what is typed with the domain's own parsers.

Each input is a ``QLineEdit`` with ``value()`` (the parsed value, None when empty),
``set_value()``, ``problem()`` (the :class:`PtceError` of the current text, or None) and a
``problemChanged(str)`` signal carrying the message to show under the field ("" when fine).
The text is never changed behind the user's back except to tidy a valid entry when the field
is left (``1234,5`` → ``1 234,50``). Messages come from the domain, in the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import (
    format_iban,
    format_siret,
    validate_bic,
    validate_iban,
    validate_rna,
    validate_siren,
    validate_siret,
    validate_vat_number,
)
from ptce_desktop.domain.money import format_money, format_units, parse_money, parse_units
from ptce_desktop.domain.periods import format_date, parse_date
from ptce_desktop.ui.i18n import current_language
from ptce_desktop.ui.style import mark_invalid

translate = QCoreApplication.translate


class CheckedEdit(QLineEdit):
    """A line edit checked by ``parse(text) -> value`` (raising :class:`PtceError`).

    ``live``: check on every keystroke once ``ready(text)`` says the entry looks complete (so
    a half-typed SIRET is not scolded); the full check always runs when the field is left.
    """

    problemChanged = Signal(str)

    def __init__(
        self,
        parse: Callable[[str], Any],
        *,
        field: str | None = None,
        tidy: Callable[[Any], str] | None = None,
        live: bool = False,
        ready: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parse = parse
        self._tidy = tidy
        self._live = live
        self._ready = ready or (lambda _text: True)
        self.field = field
        self._message = ""
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self.check)

    def problem(self) -> PtceError | None:
        text = self.text()
        if not text.strip():
            return None
        try:
            self._parse(text)
        except PtceError as error:
            return error
        return None

    def value(self) -> Any:
        """The parsed value, None when empty; raises the :class:`PtceError` of a bad entry."""
        text = self.text()
        return self._parse(text) if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else (self._tidy(value) if self._tidy else str(value)))
        self.show_problem("")

    def check(self) -> bool:
        """Check now, show the message; True when the text is empty or valid."""
        error = self.problem()
        self.show_problem(error.message(current_language()) if error else "")
        if error is None and self._tidy is not None and self.text().strip():
            tidy = self._tidy(self.value())
            if tidy != self.text():
                self.setText(tidy)
        return error is None

    def show_problem(self, message: str) -> None:
        if message == self._message:
            return
        self._message = message
        mark_invalid(self, bool(message))
        self.problemChanged.emit(message)

    def message(self) -> str:
        return self._message

    def _edited(self, text: str) -> None:
        if self._live and self._ready(text):
            error = self.problem()
            self.show_problem(error.message(current_language()) if error else "")
        elif self._message and self.problem() is None:
            self.show_problem("")  # the user fixed it: the hint goes at once


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


class MoneyEdit(CheckedEdit):
    """An amount in cents: ``1234,56``, ``1 234,56 €``, ``1234.56``; shown ``1 234,56``, right
    aligned, with « € » after it (a label inside the field, not part of the text)."""

    def __init__(self, field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda text: parse_money(text, current_language(), field=field),
            field=field,
            tidy=lambda cents: format_money(cents, symbol=False, lang=current_language()),
            parent=parent,
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00" if current_language() == "fr" else "0.00")
        # the unit stays in view after the figure (« 1 234,56 € »), not in the text itself
        self.unit_label = QLabel("€", self)
        self.unit_label.setObjectName("moneyUnit")
        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._unit_width = self.fontMetrics().horizontalAdvance("€") + 10
        self.setTextMargins(0, 0, self._unit_width, 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.unit_label.setGeometry(
            self.width() - self._unit_width - 2, 0, self._unit_width, self.height()
        )

    def cents(self) -> int | None:
        return self.value()

    def set_cents(self, cents: int | None) -> None:
        self.set_value(cents)


class UnitsEdit(CheckedEdit):
    """A quantity in thousandths (m², hours, ETP): ``12,5`` → 12500."""

    def __init__(self, field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda text: parse_units(text, current_language(), field=field),
            field=field,
            tidy=lambda value: format_units(value, lang=current_language()),
            parent=parent,
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _count(text: str, field: str | None, label: str) -> int:
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if not value.isdigit():
        raise PtceError("invalid_value", field, field_label=label, value=text.strip())
    return int(value)


class CountEdit(CheckedEdit):
    """A whole number (headcount, volunteers); empty means "not declared"."""

    def __init__(self, field: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(lambda text: _count(text, field, label), field=field, parent=parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class IdentifierEdit(CheckedEdit):
    """SIRET, SIREN, RNA, IBAN, BIC or VAT number, checked as typed once long enough."""

    def __init__(
        self,
        validate: Callable[..., str],
        field: str,
        *,
        complete_digits: int = 0,
        complete_length: int = 0,
        tidy: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        def ready(text: str) -> bool:
            compact = "".join(c for c in text if c.isalnum())
            if any(not (c.isalnum() or c in " .-/\u00a0") for c in text):
                return True  # a stray character is worth saying at once
            if complete_digits:  # digits only: a letter is worth saying at once too
                return _digits(text) >= complete_digits or any(c.isalpha() for c in text)
            return len(compact) >= complete_length

        super().__init__(
            lambda text: validate(text, field=field),
            field=field,
            live=True,
            ready=ready,
            tidy=tidy,
            parent=parent,
        )


def siret_edit(field: str = "siret") -> IdentifierEdit:
    edit = IdentifierEdit(validate_siret, field, complete_digits=14, tidy=format_siret)
    edit.setPlaceholderText("732 829 320 00074")
    return edit


def siren_edit(field: str = "siren") -> IdentifierEdit:
    edit = IdentifierEdit(validate_siren, field, complete_digits=9)
    edit.setPlaceholderText("732 829 320")
    return edit


def rna_edit(field: str = "rna") -> IdentifierEdit:
    edit = IdentifierEdit(validate_rna, field, complete_length=10)
    edit.setPlaceholderText("W261234567")
    return edit


def iban_edit(field: str = "iban") -> IdentifierEdit:
    edit = IdentifierEdit(validate_iban, field, complete_length=27, tidy=format_iban)
    edit.setPlaceholderText("FR76 3000 6000 0112 3456 7890 189")
    return edit


def bic_edit(field: str = "bic") -> IdentifierEdit:
    edit = IdentifierEdit(validate_bic, field, complete_length=8)
    edit.setPlaceholderText("BNPAFRPP")
    return edit


def vat_edit(field: str = "vat_number") -> IdentifierEdit:
    edit = IdentifierEdit(validate_vat_number, field, complete_length=13)
    edit.setPlaceholderText("FR40303265045")
    return edit


class DateEdit(CheckedEdit):
    """A date typed ``31/12/2026`` (or picked in the calendar); empty means "no date"."""

    def __init__(self, field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda text: parse_date(text, field=field), field=field, tidy=format_date, parent=parent
        )
        self.setPlaceholderText(translate("DateEdit", "dd/mm/yyyy"))
        self.setMaxLength(10)
        self.calendar_action = QAction(self)
        self.calendar_action.setText("▾")
        self.calendar_action.setToolTip(translate("DateEdit", "Choose in a calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        button = QToolButton(self)
        button.setDefaultAction(self.calendar_action)
        button.setCursor(Qt.CursorShape.ArrowCursor)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button = button
        self.setTextMargins(0, 0, 26, 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        size = self.height() - 4
        self._button.setGeometry(self.width() - size - 2, 2, size, size)

    def date(self) -> dt.date | None:
        return self.value()

    def set_date(self, day: dt.date | None) -> None:
        self.set_value(day)

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(False)
        try:
            current = self.date()
        except PtceError:
            current = None
        start = current or dt.date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(day: QDate) -> None:
            self.set_date(dt.date(day.year(), day.month(), day.day()))
            menu.close()

        calendar.clicked.connect(picked)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))
        menu.deleteLater()
