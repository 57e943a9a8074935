"""The one error type of the core, and its texts in French and English.

Every error raised by ``domain``, ``store``, ``services``, ``reports`` and ``exchange`` is a
:class:`PtceError` carrying a stable ``code``, the ``field`` it is about (if any) and the
``values`` needed to explain it. The texts live here, once, so that the CLI (French) and the UI
(in its language) show the same message.
"""

from __future__ import annotations

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
        "L'exercice {year} est clôturé : {what} ne peut plus être modifié(e).",
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
        "Le fichier {path} est endommagé ({detail}). Restaurez une sauvegarde.",
        "The file {path} is damaged ({detail}). Restore a backup.",
    ),
    "database_error": (
        "Erreur de la base de données : {detail}.",
        "Database error: {detail}.",
    ),
    # --- numbers typed by the user (money, units, percentages) -------------------------------
    "empty_value": (
        "Aucune valeur saisie : écrivez par exemple « {example} ».",
        "Nothing was entered: write for example “{example}”.",
    ),
    "misplaced_separators": (
        "« {value} » : séparateurs mal placés. Utilisez une seule virgule avant les décimales "
        "et groupez les milliers par trois, par exemple « {example} ».",
        "“{value}”: misplaced separators. Use one decimal point and group thousands by three, "
        "for example “{example}”.",
    ),
    "invalid_amount": (
        "« {value} » n'est pas un montant : écrivez des chiffres, une virgule avant les "
        "centimes et éventuellement €, par exemple « {example} ».",
        "“{value}” is not an amount: write digits, a decimal point before the cents and "
        "optionally €, for example “{example}”.",
    ),
    "amount_too_precise": (
        "« {value} » a plus de deux décimales : un montant s'écrit au centime près, "
        "par exemple « {example} ».",
        "“{value}” has more than two decimals: amounts are written to the cent, "
        "for example “{example}”.",
    ),
    "amount_out_of_range": (
        "« {value} » est hors limites : un montant doit rester entre -{limit} et {limit}.",
        "“{value}” is out of range: an amount must stay between -{limit} and {limit}.",
    ),
    "invalid_units": (
        "« {value} » n'est pas une quantité : écrivez un nombre positif, "
        "par exemple « {example} ».",
        "“{value}” is not a quantity: write a positive number, for example “{example}”.",
    ),
    "units_too_precise": (
        "« {value} » a plus de trois décimales : une quantité s'écrit au millième près, "
        "par exemple « {example} ».",
        "“{value}” has more than three decimals: quantities are written to the thousandth, "
        "for example “{example}”.",
    ),
    "units_out_of_range": (
        "« {value} » est hors limites : une quantité doit être comprise entre 0 et {limit}.",
        "“{value}” is out of range: a quantity must be between 0 and {limit}.",
    ),
    "invalid_percent": (
        "« {value} » n'est pas un pourcentage : écrivez un nombre, par exemple « {example} ».",
        "“{value}” is not a percentage: write a number, for example “{example}”.",
    ),
    "percent_too_precise": (
        "« {value} » a plus de deux décimales : un pourcentage s'écrit au centième près, "
        "par exemple « {example} ».",
        "“{value}” has more than two decimals: percentages are written to the hundredth, "
        "for example “{example}”.",
    ),
    "percent_out_of_range": (
        "« {value} » est hors limites : un pourcentage doit être compris entre 0 et {limit}.",
        "“{value}” is out of range: a percentage must be between 0 and {limit}.",
    ),
    # --- dates and periods -------------------------------------------------------------------
    "invalid_date": (
        "« {value} » n'est pas une date : écrivez jour/mois/année, par exemple « 31/12/2026 ».",
        "“{value}” is not a date: write day/month/year, for example “31/12/2026”.",
    ),
    "impossible_date": (
        "« {value} » n'existe pas au calendrier.",
        "“{value}” is not a day of the calendar.",
    ),
    "invalid_period": (
        "La période du {start} au {end} est impossible : la fin précède le début.",
        "The period from {start} to {end} is impossible: it ends before it starts.",
    ),
    "invalid_month": (
        "Le mois de début d'exercice doit être compris entre 1 et 12 (reçu : {value}).",
        "The fiscal year's first month must be between 1 and 12 (got {value}).",
    ),
    # --- identifiers -------------------------------------------------------------------------
    "identifier_empty": ("{kind} manquant.", "{kind} is missing."),
    "identifier_length": (
        "{kind} invalide : {expected} attendus, {got} saisis.",
        "Invalid {kind}: {expected_en} expected, {got} given.",
    ),
    "identifier_format": (
        "{kind} invalide : « {value} » n'a pas la forme attendue ({expected}, "
        "par exemple « {example} »).",
        "Invalid {kind}: “{value}” does not have the expected form ({expected_en}, "
        "for example “{example}”).",
    ),
    "identifier_checksum": (
        "{kind} invalide : {expected} attendus, la clé de contrôle ne correspond pas "
        "(vérifiez « {value} »).",
        "Invalid {kind}: {expected_en} expected, the check digits do not match (check “{value}”).",
    ),
    "identifier_component": (
        "{kind} invalide : « {value} » contient une partie incorrecte (code pays ou "
        "format national).",
        "Invalid {kind}: “{value}” has an incorrect part (country code or national format).",
    ),
    # --- allocation --------------------------------------------------------------------------
    "no_participant": (
        "Impossible de répartir « {cost} » : la clé « {key} » n'a aucun participant "
        "sur la période.",
        "Cannot split “{cost}”: the key “{key}” has no participant over the period.",
    ),
    "all_weights_zero": (
        "Impossible de répartir « {cost} » : toutes les unités de la clé « {key} » sont nulles "
        "sur la période.",
        "Cannot split “{cost}”: every unit of the key “{key}” is zero over the period.",
    ),
    "negative_weight": (
        "Impossible de répartir « {cost} » : la clé « {key} » donne une valeur négative "
        "au membre n° {member}.",
        "Cannot split “{cost}”: the key “{key}” gives member {member} a negative value.",
    ),
    "no_key_version": (
        "La clé « {key} » n'a aucune version en vigueur au {date}.",
        "The key “{key}” has no version in force on {date}.",
    ),
    # --- Cerfa, grants -----------------------------------------------------------------------
    "unknown_cerfa_line": (
        "Ligne du budget Cerfa inconnue : « {value} ».",
        "Unknown Cerfa budget line: “{value}”.",
    ),
    "grant_transition": (
        "Une subvention « {from_fr} » ne peut pas passer à « {to_fr} ».",
        "A grant that is “{from_en}” cannot become “{to_en}”.",
    ),
}


_CATALOGUE: dict[str, tuple[str, str]] = {}


def all_messages() -> dict[str, tuple[str, str]]:
    """Every known message: ``MESSAGES`` above plus each ``domain/messages_<area>.py`` module.

    Each area of the application keeps its texts in its own ``messages_<area>.py`` (a module
    defining ``MESSAGES: dict[str, tuple[str, str]]``), so areas never edit one shared file.
    """
    if not _CATALOGUE:
        import importlib
        import pkgutil
        from pathlib import Path

        merged = dict(MESSAGES)
        for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
            if info.name.startswith("messages_"):
                module = importlib.import_module(f"{__package__}.{info.name}")
                merged.update(getattr(module, "MESSAGES", {}))
        _CATALOGUE.update(merged)
    return _CATALOGUE


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


def error_text(code: str, field: str | None, values: Mapping[str, Any], lang: Lang = "fr") -> str:
    """The message of an error in ``lang`` ("fr" or "en"); unknown codes stay readable."""
    fr, en = all_messages().get(
        code, (f"Erreur « {code} » ({{values}}).", f"Error “{code}” ({{values}}).")
    )
    template = en if lang == "en" else fr
    data: dict[str, Any] = {
        "field": field or "",
        "field_label": field or "",
        "values": dict(values),
    }
    data.update(values)
    try:
        return template.format(**data)
    except (KeyError, IndexError, ValueError):
        return f"{template} {dict(values)}"
