"""The reminder letter (relance, issue 11 item 6): the member's unpaid calls past due, what is
left to pay, and how to pay. French, A4, the relevé's letterhead."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether

from ptce_desktop.documents.reminder import ReminderData
from ptce_desktop.reports.base import Target, build_pdf, money_text
from ptce_desktop.reports.flowables import (
    Cell,
    bold,
    date_text,
    empty_note,
    heading,
    key_value_table,
    money_cell,
    para,
    spacer,
    title_block,
)
from ptce_desktop.reports.statement import NO_BANK_DETAILS, _letterhead
from ptce_desktop.reports.tables import data_table

__all__ = ["build_reminder", "reminder_story"]


def reminder_story(model: ReminderData) -> list[Flowable]:
    story: list[Flowable] = [_letterhead(model.pole, model.member), spacer(10)]
    story += title_block(model.document_title, f"le {date_text(model.date)}")
    reminded = [call.previous_reminder for call in model.calls if call.previous_reminder]
    intro = (
        "Sauf erreur de notre part, les appels de fonds ci-dessous, arrivés à échéance, ne sont "
        f"pas encore réglés : il reste {money_text(model.outstanding_cents)} à payer."
    )
    if reminded:
        intro += f" Une précédente relance vous a été adressée le {date_text(max(reminded))}."
    story += [para(intro), spacer(6)]
    rows: list[list[str | Cell]] = [
        [
            call.number,
            call.period_label,
            date_text(call.due_date),
            str(call.days_late),
            money_cell(call.total_cents),
            money_cell(call.paid_cents),
            money_cell(call.outstanding_cents),
        ]
        for call in model.calls
    ]
    story += data_table(
        ["Appel", "Période", "Échéance", "Jours de retard", "Montant", "Réglé", "Reste dû"],
        rows,
        (1.3, 1.4, 1.0, 0.9, 1.1, 1.1, 1.1),
        totals_row=[
            bold("Total"),
            "",
            "",
            "",
            "",
            "",
            money_cell(model.outstanding_cents, bold=True),
        ],
        empty_text="Aucun appel impayé à cette date.",
    )
    story += [spacer(8), heading("Modalités de règlement", 2)]
    story.append(
        para(
            "Merci de régler ce montant dès réception, de préférence par virement, en indiquant "
            "les numéros des appels de fonds concernés. Si votre règlement est en cours, "
            "veuillez ne pas tenir compte de cette relance."
        )
    )
    if not model.pole_iban:
        story.append(empty_note(NO_BANK_DETAILS))
    else:
        items: list[tuple[str, str | int | Cell]] = [
            ("Titulaire du compte", model.pole.name),
            ("IBAN", model.pole_iban),
        ]
        if model.pole_bic:
            items.append(("BIC", model.pole_bic))
        story.append(KeepTogether([key_value_table(items)]))
    return story


def build_reminder(model: ReminderData, target: Target, *, generated_on: date | None = None) -> int:
    """Write the relance to ``target``; returns the number of pages."""
    return build_pdf(
        target,
        title=model.document_title,
        subject=f"{model.member.name} — relance du {date_text(model.date)}",
        pole_name=model.pole.name,
        story=reminder_story(model),
        logo_path=model.logo_path,
        generated_on=generated_on,
    )
