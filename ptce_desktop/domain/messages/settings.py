"""Texts of the Paramètres page's own settings: the e-mail texts sent with the calls and
reminders (``services/calls/email_templates.py``) and the second backup folder's state.

code -> (French, English); placeholders are filled from ``PtceError.values``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- e-mail texts -----------------------------------------------------------------------
    "email_unknown_placeholder": (
        "{field_label} : le champ « {placeholder} » est inconnu. Champs possibles : {known}.",
        "{field_label}: the field “{placeholder}” is unknown. Possible fields: {known}.",
    ),
    "email_bad_braces": (
        "{field_label} : accolade mal placée ({detail}). Un champ s'écrit entre accolades, par "
        "exemple {{membre}} ; pour une accolade seule, doublez-la : {{{{ ou }}}}.",
        "{field_label}: misplaced brace ({detail}). A field is written between braces, e.g. "
        "{{membre}}; for a brace alone, double it: {{{{ or }}}}.",
    ),
    "email_empty": (
        "{field_label} : le texte est vide.",
        "{field_label}: the text is empty.",
    ),
    "email_too_long": (
        "{field_label} : le texte dépasse {max} caractères.",
        "{field_label}: the text is longer than {max} characters.",
    ),
    # --- the second backup folder ------------------------------------------------------------
    "second_folder_unreachable": (
        "Le second dossier de sauvegarde {path} est introuvable (une clé USB débranchée, un "
        "partage déconnecté ?) : tant qu'il manque, les sauvegardes ne sont faites qu'à côté "
        "du fichier. Rebranchez-le ou choisissez un autre dossier.",
        "The second backup folder {path} cannot be found (a USB key unplugged, a share "
        "disconnected?): while it is missing, backups are made beside the file only. Plug it "
        "back or choose another folder.",
    ),
    "second_folder_read_only": (
        "Le second dossier de sauvegarde {path} n'est pas accessible en écriture : les "
        "sauvegardes n'y sont pas copiées. Choisissez un dossier où vous pouvez écrire.",
        "The second backup folder {path} is not writable: backups are not copied there. "
        "Choose a folder you can write to.",
    ),
}
