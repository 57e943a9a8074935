"""One envelope per member (issue 11 item 5): after issuing, one PDF per call in a folder the
user picks (named by member and call number), one merged PDF of them all for printing, and for
each member with an e-mail address a ready-to-send ``.eml`` draft with its PDF attached.

Nothing is sent: the app works offline; the coordinator opens each ``.eml`` in the mail program
(``X-Unsent: 1`` opens it as a draft) and sends it. The message is French; its subject and text
are the ones edited in Paramètres (:mod:`ptce_desktop.services.calls.email_templates`, the
defaults until then), which a caller may still replace; fields: ``{membre}``, ``{exercice}``,
``{numero}``, ``{periode}``, ``{montant}``, ``{echeance}``, ``{pole}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr
from pathlib import Path

from ptce_desktop.documents.builders.statement import build_statement_data
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.typography import counted
from ptce_desktop.printing.jobs import slug
from ptce_desktop.reports.base import build_pdf, save_bytes_atomically
from ptce_desktop.reports.bundle import concatenate
from ptce_desktop.reports.statement import build_statement, statement_story
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.email_templates import (
    DEFAULT_TEMPLATES,
    EmailTemplateService,
    render,
)
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "DEFAULT_MESSAGE",
    "DEFAULT_SUBJECT",
    "REMINDER_MESSAGE",
    "REMINDER_SUBJECT",
    "Envelope",
    "EnvelopeBatch",
    "write_envelopes",
    "write_reminders",
]

#: The default texts (Paramètres may replace them: see the module doc).
DEFAULT_SUBJECT = DEFAULT_TEMPLATES.call_subject
DEFAULT_MESSAGE = DEFAULT_TEMPLATES.call_body
REMINDER_SUBJECT = DEFAULT_TEMPLATES.reminder_subject
REMINDER_MESSAGE = DEFAULT_TEMPLATES.reminder_body


@dataclass(frozen=True)
class Envelope:
    member_id: int
    member_name: str
    call_number: str
    pdf: Path
    #: The ready-to-send message, when the member has an e-mail address.
    eml: Path | None


@dataclass(frozen=True)
class EnvelopeBatch:
    folder: Path
    envelopes: tuple[Envelope, ...]
    #: Every call one after the other, for printing.
    merged: Path | None

    @property
    def emails(self) -> int:
        return sum(1 for envelope in self.envelopes if envelope.eml is not None)


def _message(
    template: str, subject: str, values: dict[str, str], to: str, pdf: Path
) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["To"] = formataddr((values["membre"], to))
    message["Subject"] = " ".join(render(subject, values, "call_subject").split())
    message["X-Unsent"] = "1"  # opened as a draft to send
    message.set_content(render(template, values))
    message.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name
    )
    return message


def write_envelopes(
    uow: UnitOfWork,
    call_ids: Sequence[int],
    folder: Path,
    *,
    message: str | None = None,
    subject: str | None = None,
    merged_name: str | None = None,
    generated_on: dt.date | None = None,
) -> EnvelopeBatch:
    """Write the envelopes of ``call_ids`` into ``folder`` (created if needed); see the module
    doc. Files are named ``<member>-<number>.pdf`` / ``.eml``; the merged PDF
    ``merged_name`` (default ``appels-<first number>-a-<last number>.pdf``). ``message`` and
    ``subject``: the e-mail's text and subject (None: the texts set in Paramètres)."""
    folder.mkdir(parents=True, exist_ok=True)
    templates = EmailTemplateService(uow).get()
    message = templates.call_body if message is None else message
    subject = templates.call_subject if subject is None else subject
    calls = CallService(uow)
    members = MemberService(uow)
    envelopes = []
    stories = []
    models = []
    for call_id in call_ids:
        call = calls.call_detail(call_id)
        model = build_statement_data(uow, call.member_id, call.year, call_id=call.id)
        models.append(model)
        stem = f"{slug(call.member_name, 40) or 'membre'}-{call.number}"
        pdf = folder / f"{stem}.pdf"
        build_statement(model, pdf, generated_on=generated_on)
        stories.append(statement_story(model))
        member = members.get(call.member_id)
        eml: Path | None = None
        if member.email:
            values = {
                "membre": call.member_name,
                "exercice": call.year_label,
                "numero": call.number,
                "periode": call.period_label,
                "montant": format_money(call.total_cents),
                "echeance": format_date(call.due_date),
                "pole": model.pole.name,
            }
            eml = folder / f"{stem}.eml"
            save_bytes_atomically(eml, bytes(_message(message, subject, values, member.email, pdf)))
        envelopes.append(Envelope(call.member_id, call.member_name, call.number, pdf, eml))
    merged: Path | None = None
    if envelopes:
        first, last = envelopes[0].call_number, envelopes[-1].call_number
        merged = folder / (merged_name or f"appels-{first}-a-{last}.pdf")
        build_pdf(
            merged,
            title=f"Appels de fonds {first} à {last}",
            subject=counted(len(envelopes), "appel de fonds", "appels de fonds"),
            pole_name=models[0].pole.name,
            story=concatenate(*stories),
            logo_path=models[0].logo_path,
            generated_on=generated_on,
        )
    return EnvelopeBatch(folder, tuple(envelopes), merged)


def write_reminders(
    uow: UnitOfWork,
    member_ids: Sequence[int],
    folder: Path,
    on: dt.date,
    *,
    message: str | None = None,
    subject: str | None = None,
    generated_on: dt.date | None = None,
) -> EnvelopeBatch:
    """A relance per member with calls past due on ``on`` (PDF, and an ``.eml`` draft when the
    member has an address), a merged PDF, and the reminder date recorded on each call
    reminded (one action). Members with nothing past due are skipped."""
    from ptce_desktop.documents.builders.reminder import build_reminder_data
    from ptce_desktop.reports.reminder import build_reminder, reminder_story
    from ptce_desktop.services.calls.reminders import ReminderService

    folder.mkdir(parents=True, exist_ok=True)
    templates = EmailTemplateService(uow).get()
    message = templates.reminder_body if message is None else message
    subject = templates.reminder_subject if subject is None else subject
    members = MemberService(uow)
    reminders = ReminderService(uow)
    envelopes = []
    stories = []
    reminded: list[int] = []
    pole_name, logo = "", None
    for member_id in member_ids:
        overdue = reminders.overdue_calls(member_id, on)
        if not overdue:
            continue
        model = build_reminder_data(uow, member_id, on)
        pole_name, logo = model.pole.name, model.logo_path
        member = members.get(member_id)
        stem = f"relance-{slug(member.name, 40) or 'membre'}-{on:%Y-%m-%d}"
        pdf = folder / f"{stem}.pdf"
        build_reminder(model, pdf, generated_on=generated_on)
        stories.append(reminder_story(model))
        eml: Path | None = None
        if member.email:
            values = {
                "membre": member.name,
                "exercice": ", ".join(sorted({call.year_label for call in overdue})),
                "numero": ", ".join(call.number for call in overdue),
                "periode": "",
                "montant": format_money(model.outstanding_cents),
                "echeance": format_date(min(call.due_date for call in overdue)),
                "pole": pole_name,
            }
            eml = folder / f"{stem}.eml"
            save_bytes_atomically(eml, bytes(_message(message, subject, values, member.email, pdf)))
        envelopes.append(Envelope(member_id, member.name, "relance", pdf, eml))
        reminded += [call.id for call in overdue]
    merged: Path | None = None
    if envelopes:
        merged = folder / f"relances-{on:%Y-%m-%d}.pdf"
        build_pdf(
            merged,
            title=f"Relances du {format_date(on)}",
            subject=f"{len(envelopes)} relances",
            pole_name=pole_name,
            story=concatenate(*stories),
            logo_path=logo,
            generated_on=generated_on,
        )
        reminders.record(reminded, on)
    return EnvelopeBatch(folder, tuple(envelopes), merged)
