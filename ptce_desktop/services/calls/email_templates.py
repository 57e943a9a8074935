"""The e-mail texts sent with the calls for funds and the reminders (issue 11, items 5 and 6),
edited once in Paramètres and kept with the pole.

Nothing is sent by the app: :mod:`ptce_desktop.printing.envelopes` writes each member's ``.eml``
draft from these texts. A text names fields between braces — ``{membre}``, ``{exercice}``,
``{montant}``, ``{echeance}``… (:data:`PLACEHOLDERS`); ``{{`` and ``}}`` write a brace alone.
Saving refuses an unknown field (named in the message, with the list of possible ones), a
misplaced brace and an empty text, so a draft can never fail to be written later.

Stored as JSON in ``poles.accounting_json``, the pole's settings column, under the key
``email_templates`` (absent: the default texts); the accountant's settings sit beside it in the
same object and each side keeps the other's keys. No migration is needed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import format_money
from ptce_desktop.services.common import pole_row
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "DEFAULT_TEMPLATES",
    "PLACEHOLDERS",
    "EmailTemplateService",
    "EmailTemplates",
    "checked",
    "placeholders_in",
    "render",
    "sample_values",
]

#: The fields a text may name, in the order the settings list them.
PLACEHOLDERS = ("membre", "exercice", "numero", "periode", "montant", "echeance", "pole")
#: The key of the e-mail texts in the pole's settings JSON.
SETTINGS_KEY = "email_templates"
#: The longest text accepted (a subject or a body).
MAX_LENGTH = 10_000


@dataclass(frozen=True)
class EmailTemplates:
    """The subject and body of a call's e-mail and of a reminder's."""

    call_subject: str = "{pole} — appel de fonds {numero} ({periode})"
    call_body: str = (
        "Bonjour,\n\n"
        "Veuillez trouver ci-joint l'appel de fonds n° {numero} du pôle {pole} pour {periode} "
        "(exercice {exercice}), d'un montant de {montant}, à régler au plus tard le "
        "{echeance}.\n\n"
        "Le détail par service et le mode de calcul figurent sur le document. Pour toute "
        "question, répondez simplement à ce message.\n\n"
        "Bien cordialement,\n"
        "{pole}\n"
    )
    reminder_subject: str = "{pole} — relance : appels de fonds impayés ({montant})"
    reminder_body: str = (
        "Bonjour,\n\n"
        "Sauf erreur de notre part, les appels de fonds {numero} du pôle {pole} ne sont pas "
        "encore réglés : il reste {montant} à payer. Vous trouverez le détail dans la relance "
        "ci-jointe.\n\n"
        "Si votre règlement est en cours, veuillez ne pas tenir compte de ce message.\n\n"
        "Bien cordialement,\n"
        "{pole}\n"
    )


DEFAULT_TEMPLATES = EmailTemplates()


def placeholders_in(text: str, field: str) -> list[str]:
    """The fields ``text`` names, in order; ``PtceError("email_bad_braces", field)`` for a
    brace that opens no field or closes none (``{{``/``}}`` are a brace alone)."""
    found: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "{":
            if text.startswith("{{", index):
                index += 2
                continue
            end = text.find("}", index + 1)
            reopened = text.find("{", index + 1)
            if end == -1 or (reopened != -1 and reopened < end):
                raise PtceError("email_bad_braces", field, detail=_near(text, index, "{"))
            found.append(text[index + 1 : end])
            index = end + 1
            continue
        if char == "}":
            if text.startswith("}}", index):
                index += 2
                continue
            raise PtceError("email_bad_braces", field, detail=_near(text, index, "}"))
        index += 1
    return found


def _near(text: str, index: int, brace: str) -> str:
    excerpt = text[max(0, index - 20) : index + 20].replace("\n", " ").strip()
    return f"« {brace} » seule près de « {excerpt} »"


def check_text(text: str, field: str) -> str:
    """``text`` if it can be filled in (see the module doc), else a ``PtceError``."""
    if not text.strip():
        raise PtceError("email_empty", field)
    if len(text) > MAX_LENGTH:
        raise PtceError("email_too_long", field, max=MAX_LENGTH)
    for name in placeholders_in(text, field):
        if name not in PLACEHOLDERS:
            raise PtceError(
                "email_unknown_placeholder",
                field,
                placeholder="{" + name + "}",
                known=", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )
    return text


def checked(templates: EmailTemplates) -> EmailTemplates:
    """Every text checked (:func:`check_text`); subjects on one line, without outer spaces."""
    values = {}
    for item in fields(templates):
        text = str(getattr(templates, item.name))
        if item.name.endswith("_subject"):
            text = " ".join(text.split())
        values[item.name] = check_text(text, item.name)
    return EmailTemplates(**values)


def render(text: str, values: dict[str, str], field: str = "call_body") -> str:
    """``text`` with its fields filled from ``values`` (a field without a value: empty)."""
    check_text(text, field)
    return text.format_map({name: values.get(name, "") for name in PLACEHOLDERS})


def sample_values(pole_name: str) -> dict[str, str]:
    """Example values for the preview of a text in Paramètres."""
    return {
        "membre": "Association « Les Jardins d'Émile » & Cie",
        "exercice": "2025",
        "numero": "AF-2025-0012",
        "periode": "T2 2025",
        "montant": format_money(1_234_56),
        "echeance": "15/04/2025",
        "pole": pole_name or "Pôle « Vallée & Cie »",
    }


def _settings(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def parse(text: str | None) -> EmailTemplates:
    """The texts stored in the pole's settings JSON (missing or unreadable: the defaults)."""
    stored = _settings(text).get(SETTINGS_KEY)
    if not isinstance(stored, dict):
        return DEFAULT_TEMPLATES
    known = {item.name for item in fields(EmailTemplates)}
    texts = {k: v for k, v in stored.items() if k in known and isinstance(v, str)}
    try:
        return checked(replace(DEFAULT_TEMPLATES, **texts))
    except PtceError:  # written by hand or by a later version: the defaults still send
        return DEFAULT_TEMPLATES


class EmailTemplateService:
    """Read and save the e-mail texts (one undo-free, audited write each)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def get(self) -> EmailTemplates:
        with self.uow.read() as session:
            pole = pole_row(session)
            return parse(pole.accounting_json if pole is not None else None)

    def pole_name(self) -> str:
        with self.uow.read() as session:
            pole = pole_row(session)
            return pole.name if pole is not None else ""

    def set(self, templates: EmailTemplates) -> EmailTemplates:
        """Check and save ``templates``; texts equal to the defaults are stored as absent."""
        valid = checked(templates)
        with self.uow.write("Modifier les textes des e-mails des appels") as session:
            pole = pole_row(session)
            if pole is None:
                raise PtceError("pole_missing")
            data = _settings(pole.accounting_json)
            changed = {
                item.name: getattr(valid, item.name)
                for item in fields(valid)
                if getattr(valid, item.name) != getattr(DEFAULT_TEMPLATES, item.name)
            }
            if changed:
                data[SETTINGS_KEY] = changed
            else:
                data.pop(SETTINGS_KEY, None)
            pole.accounting_json = (
                json.dumps(data, ensure_ascii=False, sort_keys=True) if data else None
            )
        return valid

    def reset(self) -> EmailTemplates:
        """Put the default texts back."""
        return self.set(DEFAULT_TEMPLATES)
