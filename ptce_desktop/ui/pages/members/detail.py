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
    # amounts never wrap inside a number; texts (service names) may
    head = "".join(
        f'<th class="num" nowrap>{text}</th>' if num else f"<th>{text}</th>"
        for text, num in headers
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num" nowrap>{text}</td>' if num else f"<td>{text}</td>"
            for text, num in row
        )
        + "</tr>"
        for row in rows
    )
    return f'<table width="100%"><tr>{head}</tr>{body}</table>'


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in pairs if value)
    return f"<table>{rows}</table>"


def detail_html(detail: Any) -> str:
    lang = current_language()
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
        # The quarter table is narrow: its header says "€", so its amounts go without it.
        headers.append((translate("MemberDetailPanel", "Total €"), True))
        rows = [
            [(share_link(line.service_id, 0, _e(line.service_name)), False)]
            + [
                (
                    share_link(line.service_id, n, _e(money_text(cents, symbol=False)))
                    if cents
                    else "–",
                    True,
                )
                for n, cents in enumerate(line.quarters, 1)
            ]
            + [
                (
                    share_link(line.service_id, 0, _e(money_text(line.total_cents, symbol=False))),
                    True,
                )
            ]
            for line in detail.shares
        ]
        if len(detail.shares) > 1:
            rows.append(
                [("<b>" + translate("MemberDetailPanel", "Total") + "</b>", False)]
                + [("", True)] * 4
                + [(f"<b>{_e(money_text(detail.shares_total_cents, symbol=False))}</b>", True)]
            )
        parts.append(_table(headers, rows))
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
        parts.append(_table(headers, rows))
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
        parts.append(_table(headers, rows))
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
        self.setHtml(detail_html(detail))

    def show_error(self, text: str) -> None:
        self.detail = None
        self.setPlainText(text)
