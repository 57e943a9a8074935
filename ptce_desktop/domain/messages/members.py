"""Texts of the errors of the pole, fiscal years, members and activity services.

code -> (French, English); placeholders are filled from ``PtceError.values``. Codes are
prefixed by their area where a generic word could clash with another area's catalogue.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the pole -----------------------------------------------------------------------------
    "pole_exists": (
        "Le pôle « {name} » existe déjà : un fichier ne décrit qu'un seul pôle.",
        "The pole “{name}” already exists: one file describes a single pole.",
    ),
    "pole_missing": (
        "Aucun pôle n'a encore été créé dans ce fichier : créez-le d'abord.",
        "No pole has been created in this file yet: create it first.",
    ),
    "start_month_locked": (
        "Le mois de début d'exercice ne peut plus changer : le fichier contient déjà "
        "{details}. Il décide de l'exercice de chaque enregistrement déjà saisi.",
        "The fiscal year's first month can no longer change: the file already holds "
        "{details_en}. It decides the fiscal year of every record already entered.",
    ),
    "logo_not_image": (
        "« {name} » n'est pas une image PNG ou JPEG : choisissez un fichier .png ou .jpg.",
        "“{name}” is not a PNG or JPEG image: choose a .png or .jpg file.",
    ),
    "logo_unreadable": (
        "Le fichier « {path} » ne peut pas être lu ({detail}).",
        "The file “{path}” cannot be read ({detail}).",
    ),
    "logo_too_large": (
        "« {name} » pèse {size_mb} Mo : un logo ne doit pas dépasser {max_mb} Mo.",
        "“{name}” weighs {size_mb} MB: a logo must not exceed {max_mb} MB.",
    ),
    # --- addresses and contacts ---------------------------------------------------------------
    "invalid_postcode": (
        "Code postal invalide : « {value} ». Un code postal français compte 5 chiffres, "
        "par exemple « 26100 ».",
        "Invalid postcode: “{value}”. A French postcode has 5 digits, for example “26100”.",
    ),
    "invalid_email": (
        "Adresse e-mail invalide : « {value} » (attendu : nom@domaine.fr).",
        "Invalid e-mail address: “{value}” (expected: name@domain.org).",
    ),
    "invalid_phone": (
        "Numéro de téléphone invalide : « {value} » (chiffres, espaces, +, points, tirets "
        "et parenthèses seulement).",
        "Invalid phone number: “{value}” (digits, spaces, +, dots, dashes and brackets only).",
    ),
    # --- fiscal years -------------------------------------------------------------------------
    "invalid_year": (
        "Exercice invalide : « {value} » (une année entre 1900 et 2999).",
        "Invalid fiscal year: “{value}” (a year between 1900 and 2999).",
    ),
    "fiscal_year_already_closed": (
        "L'exercice {year} est déjà clôturé.",
        "Fiscal year {year} is already closed.",
    ),
    "fiscal_year_not_closed": (
        "L'exercice {year} n'est pas clôturé : il n'y a rien à rouvrir.",
        "Fiscal year {year} is not closed: there is nothing to reopen.",
    ),
    # --- members ------------------------------------------------------------------------------
    "member_category_unknown": (
        "Catégorie de membre inconnue : « {value} ».",
        "Unknown member category: “{value}”.",
    ),
    "siren_mismatch": (
        "Le SIREN {siren} ne correspond pas au SIRET {siret} (ses 9 premiers chiffres).",
        "The SIREN {siren} does not match the SIRET {siret} (its first 9 digits).",
    ),
    "vat_siren_mismatch": (
        "Le N° de TVA intracommunautaire {vat_number} ne correspond pas au SIREN {siren} : "
        "un numéro français est FR, 2 chiffres de clé puis le SIREN (ici FR{key}{siren}).",
        "The intra-community VAT number {vat_number} does not match the SIREN {siren}: a "
        "French number is FR, 2 key digits then the SIREN (here FR{key}{siren}).",
    ),
    "member_left_before_joined": (
        "La date de sortie ({left}) précède la date d'adhésion ({joined}).",
        "The leaving date ({left}) is before the joining date ({joined}).",
    ),
    "member_in_use": (
        "Le membre « {name} » ne peut pas être supprimé : il a {details}. "
        "Archivez-le plutôt (date de sortie) : il gardera tout son historique.",
        "The member “{name}” cannot be deleted: it has {details_en}. "
        "Archive it instead (leaving date): it will keep its whole history.",
    ),
    "negative_figure": (
        "« {field_label} » ne peut pas être négatif (saisi : {value}).",
        "“{field_label}” cannot be negative (entered: {value}).",
    ),
    "figure_too_large": (
        "« {field_label} » est trop grand (saisi : {value}, maximum : {max}).",
        "“{field_label}” is too large (entered: {value}, maximum: {max}).",
    ),
    # --- activity -----------------------------------------------------------------------------
    "project_name_taken": (
        "Un projet s'appelle déjà « {name} ».",
        "A project named “{name}” already exists.",
    ),
    "body_name_taken": (
        "Une instance s'appelle déjà « {name} ».",
        "A governance body named “{name}” already exists.",
    ),
    "project_in_use": (
        "Le projet « {name} » est rattaché à {details} : il ne peut pas être supprimé. "
        "Passez-le plutôt au statut « Terminé » ou « Abandonné ».",
        "The project “{name}” is linked to {details_en}: it cannot be deleted. "
        "Set its status to “Completed” or “Abandoned” instead.",
    ),
}
