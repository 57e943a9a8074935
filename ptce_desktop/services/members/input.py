"""Input cleaning shared by the pole, member and activity services: French field labels,
postcodes, e-mail and phone checks, identifiers, years, declared figures, name ordering."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.common import clean_text
from ptce_desktop.store.base import LEN_EMAIL, LEN_NAME, LEN_PHONE, LEN_SHORT, YEAR_MAX, YEAR_MIN

#: French labels of draft fields, shown in messages such as « Le champ « Nom » est obligatoire ».
FIELD_LABELS: dict[str, str] = {
    "name": "Nom",
    "short_name": "Nom court",
    "category": "Catégorie",
    "legal_form": "Forme juridique",
    "address": "Adresse",
    "postcode": "Code postal",
    "city": "Ville",
    "contact_name": "Contact",
    "email": "E-mail",
    "phone": "Téléphone",
    "college": "Collège",
    "notes": "Notes",
    "territory": "Territoire",
    "website": "Site web",
    "legal_rep_name": "Représentant légal",
    "legal_rep_title": "Qualité du représentant légal",
    "headcount": "Effectif",
    "etp_milli": "ETP",
    "jobs_created": "Emplois créés",
    "jobs_maintained": "Emplois maintenus",
    "volunteers": "Bénévoles",
    "turnover_cents": "Chiffre d'affaires",
    "participants": "Participants",
    "title": "Titre",
    "description": "Description",
    "place": "Lieu",
    "attendees": "Participants",
    "kind": "Type",
    "section": "Section",
    "text": "Texte",
}

NOTES_MAX = 10_000
COUNT_MAX = 1_000_000_000
_POSTCODE = re.compile(r"\d{5}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"[0-9+().\-\s]+")


def text(
    value: str | None, field: str, *, required: bool = False, max_length: int = LEN_NAME
) -> str | None:
    """:func:`clean_text` whose errors name the field in French (« Nom », « Ville »…)."""
    try:
        return clean_text(value, field, required=required, max_length=max_length)
    except PtceError as error:
        values = {**error.values, "field_label": FIELD_LABELS.get(field, field)}
        raise PtceError(error.code, field, **values) from None


def postcode(value: str | None, field: str = "postcode") -> str | None:
    cleaned = text(value, field, max_length=LEN_SHORT)
    if cleaned is None:
        return None
    compact = re.sub(r"\s+", "", cleaned)
    if not _POSTCODE.fullmatch(compact):
        raise PtceError("invalid_postcode", field, value=cleaned)
    return compact


def email(value: str | None, field: str = "email") -> str | None:
    cleaned = text(value, field, max_length=LEN_EMAIL)
    if cleaned is not None and not _EMAIL.fullmatch(cleaned):
        raise PtceError("invalid_email", field, value=cleaned)
    return cleaned


def phone(value: str | None, field: str = "phone") -> str | None:
    cleaned = text(value, field, max_length=LEN_PHONE)
    if cleaned is not None and (
        not _PHONE.fullmatch(cleaned) or sum(c.isdigit() for c in cleaned) < 4
    ):
        raise PtceError("invalid_phone", field, value=cleaned)
    return cleaned


def identifier(value: str | None, field: str, validate: Callable[..., str]) -> str | None:
    """A validated identifier in compact form, or None when nothing was typed."""
    return validate(value, field=field) if value is not None and value.strip() else None


def check_year(year: int, field: str = "year") -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise PtceError("invalid_year", field, value=year)
    return year


def sort_key(name: str) -> str:
    """French-friendly order: accents and case ignored (« Épicerie » between D and F)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def figure(value: int | None, field: str, maximum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise PtceError("invalid_value", field, field_label=FIELD_LABELS[field], value=value)
    if value < 0:
        raise PtceError("negative_figure", field, field_label=FIELD_LABELS[field], value=value)
    if value > maximum:
        raise PtceError(
            "figure_too_large", field, field_label=FIELD_LABELS[field], value=value, max=maximum
        )
    return value
