"""Pieces of the Charges page: the dialog's live split preview and choices, the closed-year
helpers, the detail text, and putting a stored justificatif back after an undo."""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.vat import SplitBasis
from ptce_desktop.services.costs.views import CostDetail, CostDraft, CostRow, ShareView
from ptce_desktop.services.pole.attachments import AttachmentService, AttachmentView, stored_name
from ptce_desktop.ui.i18n import current_language, money_text
from ptce_desktop.ui.pages.costs.model import cerfa_label, period_text
from ptce_desktop.ui.pages.scaffold import section_title
from ptce_desktop.ui.style import ACCENT
from ptce_desktop.ui.widgets.table_model import RIGHT, Column, RowTableModel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Created:
    """What the undo history needs from a created record: its id."""

    id: int


@dataclass(frozen=True)
class CostChoices:
    """The lists the dialog offers, read by the page through the services."""

    services: Sequence[tuple[int, str]]
    projects: Sequence[tuple[int, str]]
    year_start: dt.date
    year_end: dt.date
    #: for an adjustment: a day of an open fiscal year to date it (its month is the period)
    adjustment_day: dt.date | None = None


def closed_year_of(years: Sequence[Any], row: CostRow) -> str | None:
    """The label of the closed fiscal year (of ``years``) that freezes ``row``, or None."""
    for year in years:
        if year.closed and any(
            year.start <= day <= year.end for day in (row.period_start, row.invoice_date)
        ):
            return str(year.label)
    return None


def adjustment_day(years: Sequence[Any], row: CostRow, today: dt.date) -> dt.date | None:
    """Where to date the adjustment of frozen ``row``: ``today`` if that lies in an open
    fiscal year after it, else the first day of the first open year after it."""
    latest = max(row.period_start, row.invoice_date)
    after = [year for year in years if not year.closed and year.end > latest]
    if any(year.start <= today <= year.end for year in after):
        return today
    return min((year.start for year in after), default=None)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1), following - dt.timedelta(days=1)


def draft_of(row: CostRow) -> CostDraft:
    return CostDraft(
        service_id=row.service_id,
        invoice_date=row.invoice_date,
        period_start=row.period_start,
        period_end=row.period_end,
        label=row.label,
        ht_cents=row.ht_cents,
        vat_cents=row.vat_cents,
        ttc_cents=row.ttc_cents,
        payment_date=row.payment_date,
        supplier=row.supplier,
        cerfa_code=row.cerfa_code,
        project_id=row.project_id,
        invoice_ref=row.invoice_ref,
    )


def short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class SplitPreview(QWidget):
    """The shares a draft would get (a table and its total), or why there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(section_title(translate("CostDialog", "Split between the members")))
        self.stack = QStackedWidget()
        self.model = RowTableModel(
            [
                Column(
                    translate("CostDialog", "Member"),
                    lambda s: s.member_name,
                    tooltip=lambda s: s.member_name,
                ),
                Column(
                    translate("CostDialog", "Share"),
                    lambda s: s.cents,
                    display=lambda c: format_money(c, lang=current_language()),
                    align=RIGHT,
                ),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setObjectName("splitPreview")
        self.table.setAccessibleName(translate("CostDialog", "Split between the members"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.total = QLabel()
        self.total.setObjectName("previewTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)

    def show_shares(self, shares: Sequence[ShareView]) -> None:
        self.model.set_rows(shares)
        total = sum(share.cents for share in shares)
        self.total.setText(
            translate("CostDialog", "Total split: %1 (%n member(s))", "", len(shares)).replace(
                "%1", format_money(total, lang=current_language())
            )
        )
        self.stack.setCurrentWidget(self.table)

    def show_message(self, text: str) -> None:
        self.model.set_rows([])
        self.message.setText(text)
        self.total.clear()
        self.stack.setCurrentWidget(self.message)

    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table

    def shares(self) -> list[tuple[str, str]]:
        """(member, shown amount) per line, as displayed."""
        return [
            (self.model.index(row, 0).data(), self.model.index(row, 1).data())
            for row in range(self.model.rowCount())
        ]


def file_size(size: int) -> str:
    if size < 1024:
        return translate("CostDetailPanel", "%1 bytes").replace("%1", str(size))
    if size < 1024 * 1024:
        return translate("CostDetailPanel", "%1 KB").replace("%1", str(round(size / 1024)))
    megabytes = f"{size / (1024 * 1024):.1f}"
    return translate("CostDetailPanel", "%1 MB").replace(
        "%1", megabytes.replace(".", ",") if current_language() == "fr" else megabytes
    )


def reattach(service: AttachmentService, cost_id: int, view: AttachmentView) -> AttachmentView:
    """Link the stored content of ``view`` to ``cost_id`` again, under its original name.

    Files are never deleted from the data folder, so undoing a removal (or the deletion of a
    cost) finds the content there; it is shown to the service under its original name.
    """
    folder = service.folder
    source = folder / stored_name(view.sha256, view.original_name)
    if not source.is_file():
        found = sorted(p for p in folder.glob(f"{view.sha256}*") if p.is_file())
        if not found:
            raise PtceError("attachment_missing", name=view.original_name)
        source = found[0]
    staging = Path(tempfile.mkdtemp(prefix=".undo-", dir=folder))
    try:
        named = staging / Path(view.original_name).name
        try:
            os.link(source, named)
        except OSError:
            shutil.copyfile(source, named)
        return service.attach_file(cost_id, named)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def recreate_cost(
    costs: Any,
    attachments: AttachmentService,
    adjusted: Any,
    row: CostRow,
    files: Sequence[AttachmentView],
) -> Created:
    """Undo of a deletion: the cost again (an adjustment stays one), then its files.

    ``adjusted`` is the history's ref (taken when the deletion was recorded) of the cost an
    adjustment corrects, or None.
    """
    draft = draft_of(row)
    if row.is_adjustment and adjusted is not None:
        new_id = costs.record_adjustment(adjusted.id, draft)
    else:
        new_id = costs.create_cost(draft)
    for view in files:
        reattach(attachments, new_id, view)
    return Created(new_id)


# Spaces a French line must not break at: inside « … », before « : ; ? ! ».
_GLUED: tuple[tuple[str, str], ...] = (
    ("« ", "«\u00a0"),
    (" »", "\u00a0»"),
    (" :", "\u00a0:"),
    (" ;", "\u00a0;"),
    (" ?", "\u00a0?"),
    (" !", "\u00a0!"),
)


def keep_together(text: str) -> str:
    """``text`` with non-breaking spaces where French spacing glues a sign to its word, so a
    wrapped line never starts with « » » or « : » nor ends with « « »."""
    for space, glued in _GLUED:
        text = text.replace(space, glued)
    return text


def _pairs(pairs: list[tuple[str, str]]) -> str:
    """Field names in a column of their own (never wrapped), their values beside them, wrapped
    at word boundaries and aligned on their first line."""
    rows = "".join(
        f'<tr><th align="left" valign="top" style="white-space: nowrap; padding-right: 8px">'
        f'{html.escape(label)}</th><td valign="top">{keep_together(value)}</td></tr>'
        for label, value in pairs
        if value
    )
    return f'<table cellspacing="0" cellpadding="1">{rows}</table>'


def detail_html(detail: CostDetail, project: str | None) -> str:
    cost = detail.cost
    e = html.escape
    basis = (
        translate("CostDetailPanel", "excl. VAT")
        if detail.basis is SplitBasis.HT
        else translate("CostDetailPanel", "incl. VAT")
    )
    # the amount whole on its line, the key on its own row: « 3 221,60 € TTC · clé « Heures de
    # mise à disposition » » wrapped at odd places in the panel's width
    split = f'<span style="white-space: nowrap">{e(money_text(detail.amount_split_cents))}'
    split += f" {e(basis)}</span>"
    parts = [f'<h3 style="margin:0">{keep_together(e(cost.label))}</h3>']
    if cost.is_adjustment:
        parts.append(
            f'<p style="color:{ACCENT}">'
            + e(translate("CostDetailPanel", "Adjustment of a closed year"))
            + "</p>"
        )
    parts.append(
        _pairs(
            [
                (translate("CostDetailPanel", "Service"), e(cost.service_name)),
                (translate("CostDetailPanel", "Invoice date"), format_date(cost.invoice_date)),
                (
                    translate("CostDetailPanel", "Period"),
                    e(period_text(cost.period_start, cost.period_end)),
                ),
                (
                    translate("CostDetailPanel", "Paid on"),
                    format_date(cost.payment_date) if cost.payment_date else "",
                ),
                (translate("CostDetailPanel", "Supplier"), e(cost.supplier or "")),
                (translate("CostDetailPanel", "Invoice ref."), e(cost.invoice_ref or "")),
                (translate("CostDetailPanel", "Excl. VAT"), e(money_text(cost.ht_cents))),
                (translate("CostDetailPanel", "VAT"), e(money_text(cost.vat_cents))),
                (
                    translate("CostDetailPanel", "Incl. VAT"),
                    "<b>" + e(money_text(cost.ttc_cents)) + "</b>",
                ),
                (translate("CostDetailPanel", "Amount split"), split),
                (translate("CostDetailPanel", "Key"), e(detail.key_name or "")),
                (
                    translate("CostDetailPanel", "Cerfa line"),
                    e(cerfa_label(cost.cerfa_code)) if cost.cerfa_code else "",
                ),
                (translate("CostDetailPanel", "Project"), e(project or "")),
            ]
        )
    )
    return "".join(parts)
