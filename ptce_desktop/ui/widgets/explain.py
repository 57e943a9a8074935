"""« Pourquoi ce montant ? » — one member's share of one cost, explained in words (DESIGN §4.6).

Feed it the :class:`~ptce_desktop.services.costs.views.ShareExplanationView` that
``CostService.explain_share(cost_id, member_id)`` returns; the panel never queries anything.
"""

from __future__ import annotations

import html
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ptce_desktop.domain.money import format_percent, format_units
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.domain.periods import format_date
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.style import title_font

translate = QCoreApplication.translate


def method_label(method: str) -> str:
    labels = {
        "equal": translate("ShareExplanation", "equal shares"),
        "units": translate("ShareExplanation", "units per member"),
        "usage": translate("ShareExplanation", "usage recorded in the period"),
        "percent": translate("ShareExplanation", "fixed percentages"),
        "mixed": translate("ShareExplanation", "mixed key"),
    }
    return labels.get(str(method), str(method))


def _units(method: str, value: int | None, unit: str) -> str:
    lang = current_language()
    if value is None:
        return "—"
    if str(method) == "percent":
        return format_percent(value, lang=lang)
    if str(method) == "equal":
        parts = value // 1000
        return translate("ShareExplanation", "%n share(s)", "", parts)
    text = format_units(value, lang=lang)
    return f"{text} {unit}".strip()


def explanation_lines(view: Any) -> list[str]:
    """The explanation as HTML lines (user text escaped)."""
    lang = current_language()
    e = html.escape
    basis = translate("ShareExplanation", "excl. VAT") if str(view.basis) == "ht" else ""
    if not basis:
        basis = translate("ShareExplanation", "incl. VAT")
    lines = [
        translate("ShareExplanation", "Cost “%1”: %2 %3 to split.")
        .replace("%1", e(view.cost_label))
        .replace("%2", e(money_text(view.amount_split_cents)))
        .replace("%3", e(basis)),
        translate("ShareExplanation", "Key “%1” (%2), version in force from %3.")
        .replace("%1", e(view.key_name))
        .replace("%2", e(method_label(view.method)))
        .replace("%3", format_date(view.valid_from)),
    ]
    if view.parts:
        for part in view.parts:
            lines.append(
                translate("ShareExplanation", "• %1 weighs %2: %3 out of %4.")
                .replace("%1", e(part.key_name))
                .replace("%2", format_percent(share_percent_bp(part.part_weight), lang=lang))
                .replace("%3", e(_units(part.method, part.member_units, view.unit)))
                .replace("%4", e(_units(part.method, part.total_units, view.unit)))
            )
    else:
        lines.append(
            translate("ShareExplanation", "%1: %2 out of %3.")
            .replace("%1", e(view.member_name))
            .replace("%2", e(_units(view.method, view.member_units, view.unit)))
            .replace("%3", e(_units(view.method, view.total_units, view.unit)))
        )
    if view.days_present != view.period_days:
        lines.append(
            translate("ShareExplanation", "Present %1 days of the %2 days of the period.")
            .replace("%1", str(view.days_present))
            .replace("%2", str(view.period_days))
        )
    weight = view.weight / view.total_weight if view.total_weight else Fraction(0)
    lines.append(
        translate("ShareExplanation", "Weight: %1 of the total.").replace(
            "%1", format_percent(share_percent_bp(weight), lang=lang)
        )
    )
    lines.append(
        translate("ShareExplanation", "Exact share: %1 (%2 cents).")
        .replace("%1", e(view.exact_text))
        .replace("%2", e(view.exact_fraction))
    )
    if view.leftover_cent:
        rounding = translate(
            "ShareExplanation",
            "Rounded down to %1, plus one leftover cent (largest remainders first).",
        )
    else:
        rounding = translate("ShareExplanation", "Rounded down to %1.")
    lines.append(rounding.replace("%1", e(money_text(view.floor_cents))))
    lines.append(
        "<b>"
        + translate("ShareExplanation", "Share: %1").replace("%1", e(money_text(view.stored_cents)))
        + "</b>"
    )
    if not view.matches_stored:
        lines.append(
            translate(
                "ShareExplanation",
                "The data behind this share changed since it was computed: computed today %1.",
            ).replace("%1", e(money_text(view.computed_cents)))
        )
    return lines


class ShareExplanationPanel(QFrame):
    """A titled box with the explanation of one share (empty until :meth:`show_explanation`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareExplanation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.title = QLabel(translate("ShareExplanation", "Why this amount?"))
        self.title.setFont(title_font(self, 1.1))
        layout.addWidget(self.title)
        self.body = QLabel()
        self.body.setObjectName("explanationText")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.body.setText(
            translate("ShareExplanation", "Select a share to see how it was computed.")
        )

    def show_explanation(self, view: Any) -> None:
        self.body.setText("<br>".join(explanation_lines(view)))

    def text(self) -> str:
        return self.body.text()
