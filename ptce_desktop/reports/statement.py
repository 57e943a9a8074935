"""The "Appel de fonds" (one call) and the "Relevé de compte" (a member's fiscal year) PDF.

Built only from :class:`~ptce_desktop.documents.statement.StatementData`: every
amount printed is one the calls and payments services returned. Layout, top to bottom:

* letterhead: the pole (name, address, SIRET, VAT number when registered) and, boxed on the
  right as in a window envelope, the member's address;
* the title: "Appel de fonds n° AF-2025-0003" with its period and kind, or "Relevé de compte";
* an appel de fonds: its references (number, period, issue date, due date), its lines by
  service with HT / TVA rate / TVA / TTC and totals, the VAT mentions, the amount to pay and
  the payment instructions (IBAN, BIC, the call number as the transfer reference);
* a relevé: the year's calls (amount, paid, outstanding) and their lines, the VAT mentions;
* both: the payments received in the year and the balance (called − paid − unapplied), then,
  on a relevé with something due, the payment instructions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ptce_desktop.documents.statement import (
    CallDocument,
    CallDocumentLine,
    Party,
    StatementData,
    VatStatus,
)
from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.reports.base import Target, build_pdf
from ptce_desktop.reports.flowables import (
    Cell,
    bold,
    cell_para,
    date_text,
    empty_note,
    heading,
    key_figures,
    key_value_table,
    money_cell,
    para,
    right,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import ACCENT, CONTENT_WIDTH, RULE, get_styles
from ptce_desktop.reports.tables import data_table

__all__ = ["build_statement"]

NO_CALLS = "Aucune donnée : aucun appel de fonds émis pour cet exercice."
NO_PAYMENTS = "Aucune donnée : aucun règlement reçu pour cet exercice."
NO_BANK_DETAILS = "Coordonnées bancaires du pôle non renseignées."


def build_statement(
    model: StatementData,
    target: Target,
    *,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the appel de fonds (``model.call`` set) or the relevé to ``target``; returns pages."""
    story: list[Flowable] = [_letterhead(model.pole, model.member), spacer(10)]
    if model.call is not None:
        story += _call_document(model, model.call)
    else:
        story += _year_statement(model)
    story += _account(model)
    if model.call is None and model.balance_cents > 0:
        story += _payment_instructions(model, reference=None)
    return build_pdf(
        target,
        title=model.document_title,
        subject=f"{model.member.name} — exercice {model.year_label}",
        pole_name=model.pole.name,
        story=story,
        logo_path=model.logo_path,
        generated_on=generated_on,
        progress=progress,
    )


# --- letterhead ---------------------------------------------------------------------------------


def _party_lines(party: Party, *, label: str | None) -> list[Flowable]:
    styles = get_styles()
    lines: list[Flowable] = []
    if label:
        lines.append(cell_para(label, styles.figure_label))
    lines.append(cell_para(party.name or "—", styles.cell_bold))
    lines += [cell_para(line, styles.cell) for line in party.address_lines]
    if party.siret:
        lines.append(cell_para(f"SIRET : {party.siret}", styles.cell))
    if party.vat_number:
        lines.append(cell_para(f"N° de TVA intracommunautaire : {party.vat_number}", styles.cell))
    return lines


def _letterhead(pole: Party, member: Party) -> Flowable:
    width = CONTENT_WIDTH
    table = Table(
        [[_party_lines(pole, label="Émetteur"), "", _party_lines(member, label="Destinataire")]],
        colWidths=[width * 0.48, width * 0.08, width * 0.44],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), get_styles().fonts.regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("BOX", (2, 0), (2, 0), 0.6, RULE),
                ("LINEBEFORE", (2, 0), (2, 0), 2.5, ACCENT),
                ("LEFTPADDING", (2, 0), (2, 0), 10),
                ("TOPPADDING", (2, 0), (2, 0), 7),
                ("BOTTOMPADDING", (2, 0), (2, 0), 8),
            ]
        )
    )
    return table


# --- one call -----------------------------------------------------------------------------------


def _vat_rate(line: CallDocumentLine) -> Cell:
    if line.vat_status is VatStatus.EXEMPT_261B:
        return right("Exonérée")
    if line.vat_status is VatStatus.NOT_APPLICABLE:
        return right("Non applicable")
    return right(format_percent(line.vat_rate_bp))


_LINE_HEADER = ("Service", "Montant HT", "Taux TVA", "TVA", "Montant TTC")
_LINE_WIDTHS = (3.9, 1.5, 1.6, 1.3, 1.6)


def _line_row(line: CallDocumentLine) -> list[str | Cell]:
    return [
        line.service_name,
        money_cell(line.ht_cents),
        _vat_rate(line),
        money_cell(line.vat_cents),
        money_cell(line.ttc_cents),
    ]


def _call_document(model: StatementData, call: CallDocument) -> list[Flowable]:
    story = title_block(
        f"Appel de fonds n° {call.number}",
        f"{call.kind_label} — {call.period_label} — exercice {model.year_label}",
    )
    story += data_table(
        ("Numéro", "Période", "Date d'émission", "Date d'échéance"),
        [[call.number, call.period_label, date_text(call.issue_date), date_text(call.due_date)]],
        (1.3, 1.3, 1, 1),
        zebra=False,
    )
    story.append(heading("Détail par service"))
    story += data_table(
        _LINE_HEADER,
        [_line_row(line) for line in call.lines],
        _LINE_WIDTHS,
        totals_row=[
            "Total",
            money_cell(call.total_ht_cents),
            None,
            money_cell(call.total_vat_cents),
            money_cell(call.total_ttc_cents),
        ],
        align_right_cols=(1, 2, 3, 4),
    )
    story += _mentions(model)
    story.append(spacer(8))
    story.append(
        key_figures(
            [
                ("Montant de l'appel (TTC)", format_money(call.total_ttc_cents)),
                ("Déjà réglé", format_money(call.paid_cents)),
                ("Reste à payer", format_money(call.outstanding_cents)),
            ]
        )
    )
    story += _payment_instructions(model, reference=call)
    return story


def _mentions(model: StatementData) -> list[Flowable]:
    if not model.vat_mentions:
        return []
    styles = get_styles()
    return [spacer(4), *(para(mention, styles.small) for mention in model.vat_mentions)]


def _payment_instructions(
    model: StatementData, *, reference: CallDocument | None
) -> list[Flowable]:
    story: list[Flowable] = [heading("Modalités de règlement", 2)]
    if reference is not None:
        due = date_text(reference.due_date)
        text = (
            f"À régler au plus tard le {due}, de préférence par virement, en indiquant la "
            f"référence {reference.number}."
        )
    else:
        text = (
            "Solde à régler de préférence par virement, en indiquant les numéros des appels "
            "de fonds concernés."
        )
    story.append(para(text))
    if not model.pole_iban:
        story.append(empty_note(NO_BANK_DETAILS))
        return [KeepTogether(story)]
    items: list[tuple[str, str | int | Cell]] = [
        ("Titulaire du compte", model.pole.name),
        ("IBAN", model.pole_iban),
    ]
    if model.pole_bic:
        items.append(("BIC", model.pole_bic))
    story.append(key_value_table(items))
    return [KeepTogether(story)]  # a few lines: never leave the BIC alone on a page


# --- the year's statement -----------------------------------------------------------------------


def _year_statement(model: StatementData) -> list[Flowable]:
    story = title_block(
        f"Relevé de compte — exercice {model.year_label}",
        "Appels de fonds, règlements reçus et solde",
    )
    story.append(heading("Appels de fonds de l'exercice"))
    story += _calls_table(model)
    if model.calls:
        story.append(heading("Détail des appels par service", 2))
        story += data_table(
            ("Appel", *_LINE_HEADER),
            [[call.number, *_line_row(line)] for call in model.calls for line in call.lines],
            (1.35, 2.8, 1.4, 1.4, 1.15, 1.45),
            totals_row=[
                "Total",
                None,
                money_cell(sum(call.total_ht_cents for call in model.calls)),
                None,
                money_cell(sum(call.total_vat_cents for call in model.calls)),
                money_cell(sum(call.total_ttc_cents for call in model.calls)),
            ],
            align_right_cols=(2, 3, 4, 5),
        )
        story += _mentions(model)
    return story


def _calls_table(model: StatementData) -> list[Flowable]:
    return data_table(
        ("Numéro", "Période", "Émis le", "Échéance", "Montant TTC", "Réglé", "Reste dû"),
        [
            [
                call.number,
                call.period_label,
                date_text(call.issue_date),
                date_text(call.due_date),
                money_cell(call.total_ttc_cents),
                money_cell(call.paid_cents),
                money_cell(call.outstanding_cents),
            ]
            for call in model.calls
        ],
        (1.35, 1.5, 0.95, 0.95, 1.25, 1.2, 1.2),
        totals_row=[
            "Total",
            None,
            None,
            None,
            money_cell(sum(call.total_ttc_cents for call in model.calls)),
            money_cell(sum(call.paid_cents for call in model.calls)),
            money_cell(sum(call.outstanding_cents for call in model.calls)),
        ],
        empty_text=NO_CALLS,
    )


# --- payments and balance -----------------------------------------------------------------------


def _balance_label(cents: int) -> str:
    if cents > 0:
        return "Solde restant dû"
    if cents < 0:
        return "Solde en faveur du membre"
    return "Solde (compte soldé)"


def _account(model: StatementData) -> list[Flowable]:
    story: list[Flowable] = []
    if model.call is not None:
        story.append(heading(f"Situation du compte — exercice {model.year_label}"))
        story.append(heading("Appels de fonds de l'exercice", 2))
        story += _calls_table(model)
    story.append(heading("Règlements reçus", 2 if model.call is not None else 1))
    story += data_table(
        ("Date", "Mode", "Référence", "Appels réglés", "Montant"),
        [
            [
                date_text(payment.date),
                payment.method_label,
                payment.reference or "",
                ", ".join(payment.call_numbers),
                money_cell(payment.amount_cents),
            ]
            for payment in model.payments
        ],
        (0.9, 1.1, 2.0, 2.0, 1.3),
        totals_row=[
            "Total",
            None,
            None,
            None,
            money_cell(sum(payment.amount_cents for payment in model.payments)),
        ],
        empty_text=NO_PAYMENTS,
    )
    story.append(spacer(8))
    rows: list[list[str | Cell]] = [
        ["Total appelé (TTC)", money_cell(model.called_cents)],
        ["Réglé sur ces appels", money_cell(model.paid_cents)],
    ]
    if model.unapplied_cents:
        rows.append(["Règlements non affectés à un appel", money_cell(model.unapplied_cents)])
    story += data_table(
        (f"Solde de l'exercice {model.year_label}", "Montant"),
        rows,
        (4.0, 1.3),
        totals_row=[bold(_balance_label(model.balance_cents)), money_cell(model.balance_cents)],
        zebra=False,
    )
    return story
