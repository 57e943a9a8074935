"""Texts of the errors raised by ``ptce_desktop.domain`` (money, dates, identifiers, allocation,
Cerfa, grants), merged into the catalogue by :func:`ptce_desktop.domain.errors.all_messages`.

code -> (French, English); placeholders are filled from ``PtceError.values``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
        "{kind} invalide : {expected} attendus, {got} {got:saisi|saisis}.",
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
