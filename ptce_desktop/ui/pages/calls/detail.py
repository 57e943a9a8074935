"""The panel under the call list: one call, its lines, and « Pourquoi ce montant ? ».

Selecting a line and pressing « Pourquoi ce montant ? » (or double-clicking it, or Entrée)
shows the line re-derived by :func:`~ptce_desktop.services.calls.explain.explain_call_line`,
written out by :func:`call_line_html`: budget → quarter → the member's share with the key →
VAT for a provisional line, actual shares − provisional calls → VAT for a true-up. The panel
reads through the callables the page gives it, nothing else: ``explain`` for a line's
explanation, ``lines`` for the selected call's lines, one keyset page at a time (the list
gives a :class:`~ptce_desktop.services.calls.views.CallSummary` without lines).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.billing import format_coefficient
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_exact_cents, format_percent, format_units
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.vat import SplitBasis, VatRegime
from ptce_desktop.services.calls.views import (
    MENTION_261B,
    CallLinePage,
    CallLineView,
    CallSummary,
    CallView,
)
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.members.detail import CSS
from ptce_desktop.ui.widgets.explain import method_label
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel
from ptce_desktop.ui.widgets.table_view import TableView

translate = QCoreApplication.translate


#: (call id, service id, line id) → the line's explanation.
Explain = Callable[..., Any]
#: (call id, after, limit) → one page of the call's lines.
Lines = Callable[[int, tuple[str, int] | None, int], CallLinePage]
#: What the panel shows: a call with its lines, or the list's summary (lines paged in).
AnyCall = CallView | CallSummary

LINE_PAGE = 200

ModelIndex = QModelIndex | QPersistentModelIndex


class CallLineModel(RowTableModel):
    """The lines of one call, fetched page by page (``canFetchMore``/``fetchMore``) through
    the ``lines`` callable, as the cost list pages its costs."""

    def __init__(
        self, lines: Lines | None, parent: QObject | None = None, page_size: int = LINE_PAGE
    ) -> None:
        super().__init__(line_columns(), parent=parent)
        self._lines = lines
        self.page_size = page_size
        self._call_id: int | None = None
        self._cursor: tuple[str, int] | None = None

    def show_lines(self, call: AnyCall | None) -> None:
        """The call's own lines when it carries them, else its first page."""
        self._call_id, self._cursor = None, None
        if call is None:
            self.set_rows([])
        elif isinstance(call, CallView) or self._lines is None:
            self.set_rows(getattr(call, "lines", ()))
        else:
            page = self._lines(call.id, None, self.page_size)
            self._call_id, self._cursor = call.id, page.next_cursor
            self.set_rows(page.rows)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None or self._call_id is None:
            return
        assert self._lines is not None
        page = self._lines(self._call_id, self._cursor, self.page_size)
        self._cursor = page.next_cursor
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()


def _e(value: object) -> str:
    return html.escape(str(value)) if value is not None else ""


def line_columns() -> list[Column]:
    def rate(line: CallLineView) -> str:
        return (
            "—" if line.exempt_261b else format_percent(line.vat_rate_bp, lang=current_language())
        )

    return [
        Column(
            translate("CallDetailPanel", "Service"),
            lambda line: line.text + (" *" if line.exempt_261b else ""),
            tooltip=lambda line: line.text,
        ),
        Column(
            translate("CallDetailPanel", "Excl. VAT"),
            lambda x: x.ht_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("CallDetailPanel", "VAT rate"),
            rate,
            sort_key=lambda line: line.vat_rate_bp,
            align=RIGHT,
        ),
        Column(
            translate("CallDetailPanel", "VAT"),
            lambda x: x.vat_cents,
            display=money_text,
            align=RIGHT,
        ),
        Column(
            translate("CallDetailPanel", "Incl. VAT"),
            lambda x: x.ttc_cents,
            display=money_text,
            align=RIGHT,
        ),
    ]


def call_header_html(call: AnyCall) -> str:
    """Number, member, kind, period, dates, what is paid and outstanding."""
    kind = (
        translate("CallsPage", "True-up")
        if call.kind == "true_up"
        else translate("CallsPage", "Exceptional call")
        if call.quarter is None
        else translate("CallsPage", "Provisional call")
    )
    dates = (
        translate("CallsPage", "issued on %1, due on %2")
        .replace("%1", format_date(call.issue_date))
        .replace("%2", format_date(call.due_date))
    )
    return (
        f"<h3 style='margin:0'>{_e(call.number)} — {_e(call.member_name)}</h3>"
        f"<p style='color:#52606d; margin:0'>{_e(kind)} · {_e(call.period_label)} · {dates}</p>"
        "<p style='margin:2px 0 0 0'><b>"
        + translate("CallsPage", "Paid %1 · outstanding %2")
        .replace("%1", _e(money_text(call.paid_cents)))
        .replace("%2", _e(money_text(call.outstanding_cents)))
        + "</b></p>"
    )


def call_totals_html(call: AnyCall) -> str:
    text = (
        translate("CallDetailPanel", "Total: %1 excl. VAT · VAT %2 · <b>%3 incl. VAT</b>")
        .replace("%1", _e(money_text(call.total_ht_cents)))
        .replace("%2", _e(money_text(call.total_vat_cents)))
        .replace("%3", _e(money_text(call.total_cents)))
    )
    if call.exempt_261b:
        text += f"<br><span style='color:#52606d'>* {_e(MENTION_261B)}</span>"
    return text


# --- a call line, written out -------------------------------------------------------------------


def _units(method: str, value: int | None, unit: str) -> str:
    lang = current_language()
    if value is None:
        return "—"
    if str(method) == "percent":
        return format_percent(value, lang=lang)
    if str(method) == "equal":
        return translate("CallLineExplanation", "%n share(s)", "", value // 1000)
    return f"{format_units(value, lang=lang)} {unit}".strip()


def _share_lines(why: Any) -> list[str]:
    """The member's share of the quarter: key, version, units, days, exact value, rounding."""
    share, e = why.share, html.escape
    lines = [
        translate("CallLineExplanation", "Key “%1” (%2), version in force on %3 (valid from %4).")
        .replace("%1", e(share.key_name))
        .replace("%2", e(method_label(share.method)))
        .replace("%3", format_date(why.quarter_part.quarter_start))
        .replace("%4", format_date(share.valid_from))
    ]
    for part in share.parts:
        lines.append(
            translate("CallLineExplanation", "• %1 weighs %2: %3 out of %4.")
            .replace("%1", e(part.key_name))
            .replace(
                "%2", format_percent(share_percent_bp(part.part_weight), lang=current_language())
            )
            .replace("%3", e(_units(part.method, part.member_units, why.key_unit)))
            .replace("%4", e(_units(part.method, part.total_units, why.key_unit)))
        )
    if share.prorated:
        lines.append(
            translate("CallLineExplanation", "Present %1 days of the %2 days of the quarter.")
            .replace("%1", str(share.days_present))
            .replace("%2", str(share.period_days))
        )
    exact = e(format_exact_cents(share.exact))
    if share.parts:
        text = translate("CallLineExplanation", "Your share: %1 (exact %2).")
    else:
        text = (
            translate("CallLineExplanation", "Your share: %3 out of %4 = %1 (exact %2).")
            .replace("%3", e(_units(share.method, share.member_units, why.key_unit)))
            .replace("%4", e(_units(share.method, share.total_units, why.key_unit)))
        )
    lines.append(text.replace("%1", e(money_text(share.cents))).replace("%2", exact))
    if share.leftover_cent:
        rounding = translate(
            "CallLineExplanation",
            "Rounded down to %1, plus one leftover cent (largest remainders first).",
        )
    elif share.exact != share.floor:
        rounding = translate("CallLineExplanation", "Rounded down to %1.")
    else:
        rounding = translate("CallLineExplanation", "No rounding: %1 exactly.")
    lines.append(rounding.replace("%1", e(money_text(share.floor))))
    return lines


def _billing_lines(why: Any) -> list[str]:
    """A surcharge or fee line: how it comes from the budget (rounded once, half up)."""
    billing, e = why.billing, html.escape
    lang = current_language()
    if billing.component == "surcharge":
        rule = translate("CallLineExplanation", "Surcharge: %1 × (coefficient %2 − 1)").replace(
            "%2", e(format_coefficient(billing.coefficient_e4 or 10_000, lang=lang))
        )
    else:
        rule = translate("CallLineExplanation", "Management fee: %1 × %2").replace(
            "%2", e(format_percent(billing.fee_rate_bp or 0, lang=lang))
        )
    return [
        rule.replace("%1", e(money_text(billing.base_cents or 0)))
        + translate("CallLineExplanation", " = %1, rounded half up once: %2.")
        .replace("%1", e(format_exact_cents(billing.exact or Fraction(0))))
        .replace("%2", f"<b>{e(money_text(billing.cents or 0))}</b>")
    ]


def _catch_up_lines(why: Any) -> list[str]:
    """A catch-up line: per called quarter, called / due today / difference."""
    e = html.escape
    head = (
        "<tr><th></th><th>"
        + translate("CallLineExplanation", "called")
        + "</th><th>"
        + translate("CallLineExplanation", "due")
        + "</th><th>"
        + translate("CallLineExplanation", "difference")
        + "</th></tr>"
    )
    rows = [
        f"<tr><td>T{q.quarter}</td>"
        f'<td class="num" nowrap>{e(money_text(q.called_cents))}</td>'
        f'<td class="num" nowrap>{e(money_text(q.due_cents))}</td>'
        f'<td class="num" nowrap>{e(money_text(q.difference_cents))}</td></tr>'
        for q in why.catch_up
    ]
    lines = [
        translate(
            "CallLineExplanation",
            "The budget or the key changed after these quarters were called; each is computed "
            "again with today's budget and key:",
        ),
        "<table>" + head + "".join(rows) + "</table>",
    ]
    if why.already_caught_up_cents:
        lines.append(
            translate("CallLineExplanation", "Already caught up on an earlier call: %1.").replace(
                "%1", e(money_text(why.already_caught_up_cents))
            )
        )
    lines.append(
        translate("CallLineExplanation", "Catch-up: <b>%1</b>.").replace(
            "%1", e(money_text(why.amount_cents))
        )
    )
    return lines


def _provisional_lines(why: Any) -> list[str]:
    if why.is_catch_up:
        return _catch_up_lines(why)
    if why.quarter_part is None:  # an exceptional line: split once by its key, called once
        charge, e = why.exceptional, html.escape
        if charge is None:
            return []
        return [
            translate("CallLineExplanation", "Exceptional line « %1 » of %2 dated %3, called once.")
            .replace("%1", e(charge.label))
            .replace("%2", e(money_text(charge.amount_cents)))
            .replace("%3", format_date(charge.date)),
            translate(
                "CallLineExplanation", "Split by the key in force on its date: your share %1."
            ).replace("%1", f"<b>{e(money_text(why.amount_cents))}</b>"),
        ]
    part, e = why.quarter_part, html.escape
    budget = money_text(part.budget_cents or 0)
    lines = [
        translate("CallLineExplanation", "Budget %1 of the service: %2 → %3: %4.")
        .replace("%1", e(why.year_label))
        .replace("%2", f"<b>{e(budget)}</b>")
        .replace("%3", e(part.quarter_label))
        .replace("%4", f"<b>{e(money_text(part.quarter_cents))}</b>")
    ]
    if part.budget_cents is None:
        lines.append(
            translate("CallLineExplanation", "The service has no budget for this year any more.")
        )
    if why.billing is not None:
        lines.extend(_billing_lines(why))
    quarters = " · ".join(
        ("<b>{}</b>" if n == part.quarter else "{}").format(
            f"T{n}\xa0{e(money_text(c))}".replace(" ", "\xa0")
        )
        for n, c in enumerate(part.parts, 1)
    )
    lines.append(
        translate(
            "CallLineExplanation",
            "The budget in four equal parts (an odd cent to the first quarters): %1.",
        ).replace("%1", quarters)
    )
    if why.share is None:
        lines.append(
            translate(
                "CallLineExplanation", "The member takes no part in this quarter's split today."
            )
        )
    else:
        lines.extend(_share_lines(why))
    return lines


def _true_up_lines(why: Any) -> list[str]:
    e = html.escape
    none = "<tr><td>" + translate("CallLineExplanation", "none") + "</td></tr>"
    lines = [
        translate("CallLineExplanation", "Actual shares of the costs of %1:").replace(
            "%1", e(why.year_label)
        )
    ]
    rows = [
        f"<tr><td>{format_date(s.period_start)}</td><td>{e(s.label)}</td>"
        f'<td class="num" nowrap>{e(money_text(s.cents))}</td></tr>'
        for s in why.actual_shares
    ] or [none]
    lines.append("<table>" + "".join(rows) + "</table>")
    lines.append(translate("CallLineExplanation", "Provisional calls of the year:"))
    rows = [
        f"<tr><td>{e(c.number)}</td><td>{e(c.period_label)}</td>"
        f'<td class="num" nowrap>{e(money_text(c.cents))}</td></tr>'
        for c in why.earlier_calls
    ] or [none]
    lines.append("<table>" + "".join(rows) + "</table>")
    lines.append(
        translate("CallLineExplanation", "True-up: %1 actual − %2 called = %3.")
        .replace("%1", e(money_text(why.actual_cents)))
        .replace("%2", e(money_text(why.called_cents)))
        .replace("%3", f"<b>{e(money_text(why.amount_cents))}</b>")
    )
    return lines


def _vat_lines(why: Any) -> list[str]:
    vat, e = why.vat, html.escape
    if vat.basis is SplitBasis.HT:
        text = (
            translate("CallLineExplanation", "VAT %1 on %2 excl. VAT = %3, rounded half up: %4.")
            .replace("%1", format_percent(vat.rate_bp, lang=current_language()))
            .replace("%2", e(money_text(why.amount_cents)))
            .replace("%3", e(format_exact_cents(vat.exact_cents)))
            .replace("%4", e(money_text(vat.cents)))
        )
    elif vat.regime is VatRegime.EXEMPT_261B:
        text = translate(
            "CallLineExplanation", "Exempt from VAT (CGI art. 261 B): the amount is incl. VAT."
        )
    else:
        text = translate(
            "CallLineExplanation",
            "The pole is not VAT-registered: the amount is incl. VAT, no VAT is added.",
        )
    total = (
        translate("CallLineExplanation", "Line: %1 + VAT %2 = %3.")
        .replace("%1", e(money_text(why.amount_cents)))
        .replace("%2", e(money_text(vat.cents)))
        .replace("%3", e(money_text(why.ttc_cents)))
    )
    return [text, f"<b>{total}</b>"]


def call_line_html(why: Any) -> str:
    """A :class:`~ptce_desktop.services.calls.explain.CallLineExplanation` in words (HTML)."""
    e = html.escape
    lines = [
        f"<h3>{e(why.service_name)}"
        + (f" — {e(why.label)}" if why.label else "")
        + f" — {e(why.period_label)}</h3>",
        f'<p class="sub">{e(why.call_number)} · {e(why.member_name)}</p>',
    ]
    body = _true_up_lines(why) if why.is_true_up else _provisional_lines(why)
    body += _vat_lines(why)
    if why.matches_stored:
        body.append(
            translate("CallLineExplanation", "Computed again today: the same amount as the call.")
        )
    else:
        body.append(
            '<span style="color:#b42318">'
            + translate(
                "CallLineExplanation",
                "Computed again today: %1, but the call holds %2. Budgets, keys, members or VAT "
                "settings changed after the call was issued; the call keeps its amount.",
            )
            .replace("%1", e(money_text(why.ttc_cents)))
            .replace("%2", e(money_text(why.stored_ttc_cents)))
            + "</span>"
        )
    return "".join(lines) + "<p>" + "</p><p>".join(body) + "</p>"


class CallDetailPanel(QWidget):
    """One call (:meth:`show_call`): header, lines, totals; the selected line explained."""

    def __init__(
        self, explain: Explain, parent: QWidget | None = None, *, lines: Lines | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callDetail")
        self.setAccessibleName(translate("CallsPage", "Call detail"))
        self._explain = explain
        self.call: AnyCall | None = None

        self.header = QLabel()
        self.header.setObjectName("callHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        # alone (no call selected) it stays under the list, not in the middle of the pane
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = CallLineModel(lines, parent=self)
        self.lines = TableView("call_lines")
        self.lines.setObjectName("callLines")
        self.lines.setAccessibleName(translate("CallDetailPanel", "Lines of the call"))
        self.lines.setModel(self.model)
        self.lines.setSelectionMode(TableView.SelectionMode.SingleSelection)
        header = self.lines.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in range(1, self.model.columnCount()):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self.totals = QLabel()
        self.totals.setObjectName("callTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.why_button = QPushButton(translate("CallDetailPanel", "&Why this amount?"))
        self.why_button.setAutoDefault(False)
        self.why_button.setToolTip(
            translate("CallDetailPanel", "Explain how the selected line was computed")
        )
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("callLineExplanation")
        self.explanation.setAccessibleName(translate("CallDetailPanel", "Why this amount?"))
        self.explanation.setOpenLinks(False)
        self.explanation.document().setDefaultStyleSheet(CSS)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.header)
        left_layout.addWidget(self.lines, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        # the lines get the larger share from the start (not the size hints' half each): at
        # 1366 px the call's title holds on one line, leaving the room to a line more
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.why_button.clicked.connect(self.explain_selected)
        self.lines.rowActivated.connect(self.explain_line)
        self.lines.selectionModel().currentRowChanged.connect(self._line_changed)
        self.show_call(None)

    # --- showing -------------------------------------------------------------------------------
    def show_call(self, call: AnyCall | None) -> None:
        self.call = call
        self.model.show_lines(call)
        has_call = call is not None
        self.lines.setVisible(has_call)
        self.totals.setVisible(has_call)
        self.why_button.setVisible(has_call)
        self.explanation.setVisible(has_call)
        if call is None:
            self.header.setText(
                "<p style='color:#7b8794'>"
                + translate("CallsPage", "Select a call to see its lines.")
                + "</p>"
            )
            self.explanation.clear()
        else:
            self.header.setText(call_header_html(call))
            self.totals.setText(call_totals_html(call))
            self._hint()
        self._update_button()

    def _hint(self) -> None:
        self.explanation.setHtml(
            "<p class='none'>"
            + translate(
                "CallDetailPanel",
                "Select a line, then « Why this amount? », to see how it was computed.",
            )
            + "</p>"
        )

    def _line_changed(self, *_args: Any) -> None:
        self._update_button()
        if self.call is not None:
            self._hint()

    def _update_button(self) -> None:
        self.why_button.setEnabled(self.call is not None and self.lines.current_row() is not None)

    def select_line(self, service_id: int) -> bool:
        self.model.fetch_all()
        for row, line in enumerate(self.model.rows()):
            if line.service_id == service_id:
                self.lines.setCurrentIndex(self.model.index(row, 0))
                self.lines.selectRow(row)
                return True
        return False

    # --- explaining ----------------------------------------------------------------------------
    def explain_selected(self) -> None:
        line = self.lines.current_row()
        if line is not None:
            self.explain_line(line)

    def explain_line(self, line: CallLineView) -> None:
        if self.call is None:
            return
        try:
            why = self._explain(self.call.id, line.service_id, line.line_id or None)
        except PtceError as error:
            self.explanation.setHtml(f"<p>{_e(error.message(current_language()))}</p>")
            return
        self.explanation.setHtml(call_line_html(why))

    def explanation_text(self) -> str:
        return self.explanation.toPlainText()

    def toPlainText(self) -> str:
        """The call as text: header, every line's cells, totals and the 261 B mention."""
        parts = [self.header.text()]
        self.model.fetch_all()
        for row in range(self.model.rowCount()):
            parts.append(
                " | ".join(
                    _e(self.model.index(row, column).data())
                    for column in range(self.model.columnCount())
                )
            )
        parts.append(self.totals.text())
        document = QTextDocument()  # the labels' little markup, as plain text
        document.setHtml("<br>".join(parts))
        return document.toPlainText()
