"""The read-only panel beside the member list: one member's year at a glance.

Renders the :class:`~ptce_desktop.services.members.detail.MemberDetail` read model as HTML
(every user text escaped); it never queries anything itself. In the "shares by service and
quarter" table every service name and amount is a link (click, or Tab to it and Entrée):
:attr:`MemberDetailPanel.shareRequested` asks the page to explain that cell.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.money import format_units
from ptce_desktop.domain.periods import format_date
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.style import ACCENT

translate = QCoreApplication.translate

CSS = f"""
h2 {{ color: #102a43; margin: 0 0 2px 0; }}
h3 {{ color: {ACCENT}; margin: 14px 0 4px 0; }}
p.sub {{ color: #52606d; margin: 0; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: 2px 10px 2px 0; }}
th {{ text-align: left; color: #52606d; font-weight: 600; }}
td.num, th.num {{ text-align: right; }}
td.total {{ font-weight: 600; }}
p.none {{ color: #7b8794; }}
a {{ color: {ACCENT}; text-decoration: none; }}
td.record {{ padding-top: 6px; }}
"""

#: Link scheme of a cell of the shares table: ``share:<service id>:<quarter, 0 = year>``.
SHARE_SCHEME = "share"


def _e(value: object) -> str:
    return html.escape(str(value)) if value is not None else ""


def share_link(service_id: int, quarter: int, text: str) -> str:
    return f'<a href="{SHARE_SCHEME}:{service_id}:{quarter}">{text}</a>'


def parse_share_link(href: str) -> tuple[int, int | None] | None:
    """``(service id, quarter or None for the year)`` of a :func:`share_link`, else None."""
    scheme, _, rest = href.partition(":")
    service, _, quarter = rest.partition(":")
    if scheme != SHARE_SCHEME or not service.isdigit() or not quarter.isdigit():
        return None
    return int(service), int(quarter) or None


def payment_method_label(code: str) -> str:
    labels = {
        "virement": translate("MemberDetailPanel", "Bank transfer"),
        "cheque": translate("MemberDetailPanel", "Cheque"),
        "especes": translate("MemberDetailPanel", "Cash"),
        "prelevement": translate("MemberDetailPanel", "Direct debit"),
        "carte": translate("MemberDetailPanel", "Card"),
        "compensation": translate("MemberDetailPanel", "Offset"),
        "autre": translate("MemberDetailPanel", "Other"),
    }
    return labels.get(code, code)


def _table(headers: Sequence[tuple[str, bool]], rows: Iterable[Sequence[tuple[str, bool]]]) -> str:
    # amounts never wrap inside a number; texts (service names) may (Qt ignores the nowrap
    # attribute: only the style keeps a number whole in a column narrower than it)
    head = "".join(
        f'<th class="num" style="white-space: nowrap">{text}</th>' if num else f"<th>{text}</th>"
        for text, num in headers
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num" style="white-space: nowrap">{text}</td>'
            if num
            else f"<td>{text}</td>"
            for text, num in row
        )
        + "</tr>"
        for row in rows
    )
    # 99 %: Qt lays a 100 % wide table out one pixel wider than its room at most widths (a
    # sideways scroll bar, or the stacked layouts chosen at a width that had room enough)
    return f'<table width="99%"><tr>{head}</tr>{body}</table>'


def _stacked(
    headers: Sequence[tuple[str, bool]],
    rows: Iterable[Sequence[tuple[str, bool]]],
    per_line: int = 1,
) -> str:
    """The narrow form of :func:`_table` (a side panel at a laptop's width): each record's texts
    on a line of their own, where they may wrap, then its amounts under it as « title amount »
    pairs, ``per_line`` pairs a line (an empty amount is left out); nothing to scroll sideways,
    every figure kept, no amount wrapped."""
    titles = [text for text, _num in headers]
    lines = []
    for row in rows:
        texts = [text for text, num in row if not num and text]
        pairs = [
            (
                f'<th style="white-space: nowrap">{titles[i]}</th>',
                f'<td class="num" style="white-space: nowrap">{text}</td>',
            )
            for i, (text, num) in enumerate(row)
            if num and text
        ]
        if texts:
            joined = " · ".join(texts)
            lines.append(f'<tr><td class="record" colspan="{2 * per_line}">{joined}</td></tr>')
        for start in range(0, len(pairs), per_line):
            chunk = pairs[start : start + per_line]
            cells = "".join(title + value for title, value in chunk)
            cells += "<td></td><td></td>" * (per_line - len(chunk))
            lines.append(f"<tr>{cells}</tr>")
    return f'<table class="stacked">{"".join(lines)}</table>'


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in pairs if value)
    return f"<table>{rows}</table>"


def detail_html(detail: Any, *, stacked: int = 0) -> str:
    """The member's year; ``stacked`` (1 or 2): its tables stacked (:func:`_stacked`, with up
    to that many amounts a line) for a panel too narrow for their columns side by side."""
    narrow = stacked > 0
    lang = current_language()

    def table(
        headers: Sequence[tuple[str, bool]],
        rows: Iterable[Sequence[tuple[str, bool]]],
        per_line: int = 1,
    ) -> str:
        return _stacked(headers, rows, min(per_line, stacked)) if narrow else _table(headers, rows)

    member = detail.member
    category = MemberCategory(member.category).label(lang)
    status = (
        translate("MemberDetailPanel", "Archived")
        if member.left_on
        else translate("MemberDetailPanel", "Active")
    )
    if not member.left_on and not detail.active:
        status = translate("MemberDetailPanel", "Not a member during this year")
    parts = [f"<h2>{_e(member.name)}</h2>"]
    parts.append(f'<p class="sub">{_e(category)} · {_e(status)}</p>')

    parts.append("<h3>" + translate("MemberDetailPanel", "Identity") + "</h3>")
    address = " ".join(p for p in (member.postcode, member.city) if p)
    parts.append(
        _pairs(
            [
                (translate("MemberDetailPanel", "Short name"), _e(member.short_name)),
                (translate("MemberDetailPanel", "Legal form"), _e(member.legal_form)),
                ("SIRET", _e(member.siret_display)),
                ("RNA", _e(member.rna)),
                (
                    translate("MemberDetailPanel", "Intra-community VAT number"),
                    _e(member.vat_number),
                ),
                (
                    translate("MemberDetailPanel", "Address"),
                    "<br>".join(_e(p) for p in (member.address, address) if p),
                ),
                (translate("MemberDetailPanel", "Contact"), _e(member.contact_name)),
                (translate("MemberDetailPanel", "E-mail"), _e(member.email)),
                (translate("MemberDetailPanel", "Phone"), _e(member.phone)),
                (
                    translate("MemberDetailPanel", "Joined"),
                    format_date(member.joined_on) if member.joined_on else "",
                ),
                (
                    translate("MemberDetailPanel", "Left"),
                    format_date(member.left_on) if member.left_on else "",
                ),
                (translate("MemberDetailPanel", "College"), _e(member.college)),
                (
                    translate("MemberDetailPanel", "Priority neighbourhood (QPV)"),
                    translate("MemberDetailPanel", "yes") if member.qpv else "",
                ),
            ]
        )
    )

    parts.append(
        "<h3>"
        + translate("MemberDetailPanel", "Figures %1").replace("%1", _e(detail.year_label))
        + "</h3>"
    )
    figures = detail.figures
    if figures is None:
        parts.append(
            '<p class="none">'
            + translate("MemberDetailPanel", "No figures declared for this year.")
            + "</p>"
        )
    else:

        def count(value: int | None) -> str:
            return "" if value is None else str(value)

        parts.append(
            _pairs(
                [
                    (translate("MemberDetailPanel", "Headcount"), count(figures.headcount)),
                    (
                        translate("MemberDetailPanel", "FTE"),
                        format_units(figures.etp_milli, lang=lang)
                        if figures.etp_milli is not None
                        else "",
                    ),
                    (translate("MemberDetailPanel", "Jobs created"), count(figures.jobs_created)),
                    (
                        translate("MemberDetailPanel", "Jobs maintained"),
                        count(figures.jobs_maintained),
                    ),
                    (translate("MemberDetailPanel", "Volunteers"), count(figures.volunteers)),
                    (
                        translate("MemberDetailPanel", "Turnover"),
                        _e(money_text(figures.turnover_cents))
                        if figures.turnover_cents is not None
                        else "",
                    ),
                ]
            )
        )

    parts.append("<h3>" + translate("MemberDetailPanel", "Shared services used") + "</h3>")
    if detail.services:
        parts.append(
            "<br>".join(
                _e(use.name)
                + (
                    ""
                    if use.shares_cents
                    else " <i>(" + translate("MemberDetailPanel", "no cost yet") + ")</i>"
                )
                for use in detail.services
            )
        )
    else:
        parts.append(
            '<p class="none">' + translate("MemberDetailPanel", "None this year.") + "</p>"
        )

    parts.append("<h3>" + translate("MemberDetailPanel", "Shares by service and quarter") + "</h3>")
    if detail.shares:
        headers = [(translate("MemberDetailPanel", "Service"), False)] + [
            (f"T{n}", True) for n in range(1, 5)
        ]
        # The quarter table is narrow: its header says "€", so its amounts go without it;
        # stacked, each amount has its own title and keeps its "€".
        headers.append(
            (
                translate("MemberDetailPanel", "Total")
                if narrow
                else translate("MemberDetailPanel", "Total €"),
                True,
            )
        )

        def amount(service_id: int, quarter: int, cents: int) -> str:
            text = _e(money_text(cents, symbol=narrow))
            return share_link(service_id, quarter, text)

        rows = [
            [(share_link(line.service_id, 0, _e(line.service_name)), False)]
            + [
                (amount(line.service_id, n, cents) if cents else "–", True)
                for n, cents in enumerate(line.quarters, 1)
            ]
            + [(amount(line.service_id, 0, line.total_cents), True)]
            for line in detail.shares
        ]
        total = f"<b>{_e(money_text(detail.shares_total_cents, symbol=narrow))}</b>"
        if len(detail.shares) > 1 and not narrow:
            rows.append(
                [("<b>" + translate("MemberDetailPanel", "Total") + "</b>", False)]
                + [("", True)] * 4
                + [(total, True)]
            )
        parts.append(table(headers, rows, per_line=2))
        if len(detail.shares) > 1 and narrow:
            every = translate("MemberDetailPanel", "All services")
            parts.append(_pairs([(every, total)]))
        parts.append(
            '<p class="none">'
            + translate(
                "MemberDetailPanel", "Click an amount to see its costs and how it was computed."
            )
            + "</p>"
        )
    else:
        parts.append(
            '<p class="none">' + translate("MemberDetailPanel", "No share this year.") + "</p>"
        )

    parts.append("<h3>" + translate("MemberDetailPanel", "Calls for funds") + "</h3>")
    if detail.calls:
        headers = [
            (translate("MemberDetailPanel", "Number"), False),
            (translate("MemberDetailPanel", "Kind"), False),
            (translate("MemberDetailPanel", "Issued"), False),
            (translate("MemberDetailPanel", "Amount"), True),
            (translate("MemberDetailPanel", "Paid"), True),
        ]
        rows = [
            [
                (_e(call.number), False),
                (_e(call.kind_label) + (f" T{call.quarter}" if call.quarter else ""), False),
                (format_date(call.issue_date), False),
                (_e(money_text(call.total_cents)), True),
                (_e(money_text(call.paid_cents)), True),
            ]
            for call in detail.calls
        ]
        parts.append(table(headers, rows))
    else:
        parts.append(
            '<p class="none">' + translate("MemberDetailPanel", "No call this year.") + "</p>"
        )

    parts.append("<h3>" + translate("MemberDetailPanel", "Payments") + "</h3>")
    if detail.payments:
        headers = [
            (translate("MemberDetailPanel", "Date"), False),
            (translate("MemberDetailPanel", "Method"), False),
            (translate("MemberDetailPanel", "Reference"), False),
            (translate("MemberDetailPanel", "Amount"), True),
        ]
        rows = [
            [
                (format_date(payment.date), False),
                (_e(payment_method_label(payment.method)), False),
                (_e(payment.reference or ""), False),
                (_e(money_text(payment.amount_cents)), True),
            ]
            for payment in detail.payments
        ]
        parts.append(table(headers, rows))
    else:
        parts.append(
            '<p class="none">' + translate("MemberDetailPanel", "No payment this year.") + "</p>"
        )

    parts.append("<h3>" + translate("MemberDetailPanel", "Balance") + "</h3>")
    parts.append(
        _pairs(
            [
                (
                    translate("MemberDetailPanel", "Called this year"),
                    _e(money_text(detail.called_cents)),
                ),
                (
                    translate("MemberDetailPanel", "Paid this year"),
                    _e(money_text(detail.paid_cents)),
                ),
                (
                    translate("MemberDetailPanel", "Still due this year"),
                    f"<b>{_e(money_text(detail.balance_cents))}</b>",
                ),
                (
                    translate("MemberDetailPanel", "Still due, all years"),
                    _e(money_text(detail.overall_balance_cents)),
                ),
            ]
        )
    )
    return "".join(parts)


class MemberDetailPanel(QTextBrowser):
    """Shows :func:`detail_html` of a member, or a hint when none is selected.

    ``shareRequested(service id, quarter)`` (quarter 0: the whole year) when a cell of the
    shares table is clicked or activated from the keyboard.
    """

    shareRequested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDetail")
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(CSS)
        self.document().setDocumentMargin(14)
        self.detail: Any = None
        self._stacked: int | None = None  # the layout shown (detail_html's; None: none yet)
        #: The member's year in each layout tried: its HTML and its document (built once a
        #: member, not at each width a splitter drag passes by).
        self._forms: dict[int, tuple[str, QTextDocument]] = {}
        self.anchorClicked.connect(self._anchor_clicked)
        self.show_nothing()

    def _anchor_clicked(self, url: QUrl) -> None:
        cell = parse_share_link(url.toString())
        if cell is not None:
            self.shareRequested.emit(cell[0], cell[1] or 0)

    def current_share(self) -> tuple[int, int | None] | None:
        """The cell whose link has the keyboard focus, else the first service's year; None
        when the member has no share this year."""
        if self.detail is None or not self.detail.shares:
            return None
        cursor = self.textCursor()
        if cursor.hasSelection():
            cell = parse_share_link(cursor.charFormat().anchorHref())
            if cell is not None:
                return cell
        return self.detail.shares[0].service_id, None

    def show_nothing(self) -> None:
        self.detail = None
        self.setHtml(
            '<p class="none">'
            + translate("MemberDetailPanel", "Select a member to see its year.")
            + "</p>"
        )

    def show_detail(self, detail: Any) -> None:
        self.detail = detail
        self._stacked = None
        self._forms = {}
        self._render()

    @property
    def stacked(self) -> int:
        """How the member's tables are shown: 0 side by side, else stacked with up to that many
        amounts a line (the panel is too narrow for them)."""
        return self._stacked or 0

    def _room(self) -> int:
        """The width the text has, a vertical scroll bar counted even before it shows."""
        bar = self.verticalScrollBar()
        return self.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())

    def _form(self, stacked: int) -> tuple[str, QTextDocument]:
        """The member's year laid out as ``stacked`` says: its HTML and that HTML as a
        document like the panel's, built once a member (a splitter drag lays it out again at
        each width, it does not rebuild it)."""
        found = self._forms.get(stacked)
        if found is None:
            text = detail_html(self.detail, stacked=stacked)
            document = QTextDocument()
            document.setDefaultFont(self.document().defaultFont())
            document.setDefaultStyleSheet(CSS)
            document.setDocumentMargin(self.document().documentMargin())
            document.setHtml(text)
            found = self._forms[stacked] = (text, document)
        return found

    @staticmethod
    def _fits(document: QTextDocument, width: int) -> bool:
        """Whether ``document`` laid out ``width`` wide needs no more (more is a sideways
        scroll bar)."""
        document.setTextWidth(width)
        return document.size().width() <= width + 0.5

    def _render(self) -> None:
        """The wide tables when they fit the panel's width, else stacked two amounts a line,
        else one: never a horizontal scroll bar for the member's year (amounts are never cut
        nor wrapped)."""
        if self.detail is None:
            return
        room = self._room()
        for stacked in (0, 2, 1):
            text, document = self._form(stacked)
            if stacked == 1 or self._fits(document, room):
                break
        if stacked == self._stacked:
            return
        self._stacked = stacked
        scroll = self.verticalScrollBar().value()
        self.setHtml(text)
        self.verticalScrollBar().setValue(scroll)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.detail is not None and event.size().width() != event.oldSize().width():
            self._render()

    def show_error(self, text: str) -> None:
        self.detail = None
        self.setPlainText(text)
