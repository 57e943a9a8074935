"""The one error type of the core, and its texts in French and English.

Every error raised by ``domain``, ``store``, ``services``, ``reports`` and ``exchange`` is a
:class:`PtceError` carrying a stable ``code``, the ``field`` it is about (if any) and the
``values`` needed to explain it. The texts live here, once, so that the CLI (French) and the UI
(in its language) show the same message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

Lang = str  # "fr" or "en"

# code -> (French, English). Placeholders are filled from ``PtceError.values`` (and ``field``).
MESSAGES: dict[str, tuple[str, str]] = {
    # --- generic input ---------------------------------------------------------------------
    "required": (
        "Le champ « {field_label} » est obligatoire.",
        "The field “{field_label}” is required.",
    ),
    "too_long": (
        "Le champ « {field_label} » dépasse {max} caractères.",
        "The field “{field_label}” is longer than {max} characters.",
    ),
    "invalid_value": (
        "Valeur invalide pour « {field_label} » : {value}.",
        "Invalid value for “{field_label}”: {value}.",
    ),
    "not_found": ("{entity} introuvable (n° {id}).", "{entity} not found (id {id})."),
    # --- store / unit of work ----------------------------------------------------------------
    "file_locked": (
        "Le fichier {path} est déjà ouvert par un autre programme ({owner}).",
        "The file {path} is already open in another program ({owner}).",
    ),
    "read_only": (
        "Le fichier est ouvert en lecture seule : aucune modification n'est possible.",
        "The file is open read-only: nothing can be changed.",
    ),
    "closed_year": (
        "L'exercice {year} est clôturé : impossible de modifier {what}.",
        "Fiscal year {year} is closed: {what} can no longer be changed.",
    ),
    "foreign_file": (
        "Le fichier {path} n'est pas une base PTCE Desktop.",
        "The file {path} is not a PTCE Desktop database.",
    ),
    "newer_schema": (
        "Le fichier {path} a été créé par une version plus récente de PTCE Desktop ; "
        "mettez l'application à jour.",
        "The file {path} was written by a newer version of PTCE Desktop; please update the app.",
    ),
    "integrity_failed": (
        "Le fichier {path} est endommagé ({detail}). Réparez-le (Fichier ▸ Réparer un fichier "
        "endommagé…, ou ptce-desktop repair : ce qui est lisible est gardé, l'original aussi) "
        "ou restaurez une sauvegarde.",
        "The file {path} is damaged ({detail}). Repair it (File ▸ Repair a damaged file…, or "
        "ptce-desktop repair: what can be read is kept, and the original too) or restore a "
        "backup.",
    ),
    "database_error": (
        "Erreur de la base de données : {detail}.",
        "Database error: {detail}.",
    ),
}


_CATALOGUE: dict[str, tuple[str, str]] = {}


def all_messages() -> dict[str, tuple[str, str]]:
    """Every known message: ``MESSAGES`` above plus each catalogue of ``domain/messages/``.

    Each area keeps its texts in its own ``domain/messages/<area>.py`` (a module defining
    ``MESSAGES: dict[str, tuple[str, str]]``), so areas never edit one shared file. They are
    imported by name in the code (not found on disk), so a frozen bundle ships them all.
    """
    if not _CATALOGUE:
        from ptce_desktop.domain.messages import CATALOGUES

        merged = dict(MESSAGES)
        for catalogue in CATALOGUES:
            merged.update(catalogue)
        _CATALOGUE.update(merged)
    return _CATALOGUE


def field_label(field: str | None, lang: Lang = "fr") -> str:
    """The words a form shows for the attribute ``field`` (``ht_cents`` → « HT »)."""
    if not field:
        return ""
    from ptce_desktop.domain.messages.fields import FIELD_LABELS

    labels = FIELD_LABELS.get(field)
    if labels is None:
        return field
    return labels[1] if lang == "en" else labels[0]


class PtceError(Exception):
    """A known, explainable failure: bad input, locked file, closed year…"""

    def __init__(self, code: str, field: str | None = None, **values: Any) -> None:
        self.code = code
        self.field = field
        self.values: dict[str, Any] = dict(values)
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "fr") -> str:
        return error_text(self.code, self.field, self.values, lang)

    def __repr__(self) -> str:
        return f"PtceError({self.code!r}, field={self.field!r}, values={self.values!r})"


class Count(int):
    """A whole number given to a message: ``{count:appel|appels}`` in a template writes the
    noun that agrees with it in the message's language (:func:`~.typography.singular`), so
    « Émettre 1 appel », « Issue 3 calls »; any other format is the number's own."""

    lang: Lang

    def __new__(cls, value: int, lang: Lang) -> Count:
        number = super().__new__(cls, value)
        number.lang = lang
        return number

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return format(int(self), spec)
        from ptce_desktop.domain.typography import singular  # typography is a leaf

        one, many = spec.split("|", 1)
        return one if singular(self, self.lang) else many


def error_text(code: str, field: str | None, values: Mapping[str, Any], lang: Lang = "fr") -> str:
    """The message of an error in ``lang`` ("fr" or "en"); unknown codes stay readable."""
    fr, en = all_messages().get(
        code, (f"Erreur « {code} » ({{values}}).", f"Error “{code}” ({{values}}).")
    )
    template = en if lang == "en" else fr
    data: dict[str, Any] = {
        "field": field or "",
        "field_label": field_label(field, lang),
        "values": dict(values),
    }
    data.update(values)
    for name, value in values.items():  # a day as its reader writes it: 31/12/2025 in French
        if type(value) is int:  # a count: its noun agrees ({count:appel|appels})
            data[name] = Count(value, lang)
        if type(value) is dt.date:
            from ptce_desktop.domain.periods import format_date  # periods imports this module

            data[name] = value.isoformat() if lang == "en" else format_date(value)
    if "entity" in values:  # a record kind's key (« member ») -> its name in ``lang``
        from ptce_desktop.domain.messages.entities import entity_name

        data["entity"] = entity_name(values["entity"], lang)
    if data["field_label"] == field or values.get("field_label") == field:
        data["field_label"] = field_label(field, lang)
    try:
        return template.format(**data)
    except (KeyError, IndexError, ValueError):
        return f"{template} {dict(values)}"
