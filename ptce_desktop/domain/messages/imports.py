"""Texts of the errors of imports from CSV, XLSX, XLS and ODS files (``exchange/``).

code -> (French, English). A row error is shown as « Ligne 7, colonne « SIRET » (« 123 ») : »
followed by one of these texts; file errors stand alone.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file -----------------------------------------------------------------------------
    "import_unknown_kind": (
        "Type d'import inconnu : « {value} ». Types possibles : {choices}.",
        "Unknown import type: “{value}”. Possible types: {choices}.",
    ),
    "import_unsupported_format": (
        "« {name} » n'est pas un fichier CSV, XLSX, XLS ou ODS.",
        "“{name}” is not a CSV, XLSX, XLS or ODS file.",
    ),
    "import_unreadable": (
        "Le fichier « {name} » ne peut pas être lu comme un classeur {format} : il est "
        "peut-être abîmé ou n'est pas ce que son extension annonce ({detail}).",
        "The file “{name}” cannot be read as a {format} workbook: it may be damaged or not "
        "what its extension says ({detail}).",
    ),
    "import_encrypted": (
        "Le classeur « {name} » est protégé par un mot de passe : enregistrez-en une copie "
        "sans mot de passe, puis importez cette copie.",
        "The workbook “{name}” is password-protected: save a copy without a password and "
        "import that copy.",
    ),
    "import_too_large": (
        "Le fichier « {name} » pèse {size_mb} Mo : un import est limité à {max_mb} Mo.",
        "The file “{name}” weighs {size_mb} MB: an import is limited to {max_mb} MB.",
    ),
    "import_too_many_rows": (
        "Le fichier « {name} » compte plus de {max} lignes remplies : découpez-le.",
        "The file “{name}” has more than {max} filled rows: split it.",
    ),
    "import_empty": (
        "Le fichier « {name} » ne contient aucune ligne remplie.",
        "The file “{name}” holds no filled row.",
    ),
    "import_no_rows": (
        "Le fichier « {name} » n'a qu'une ligne d'en-tête, aucune donnée à importer.",
        "The file “{name}” has only a header row, no data to import.",
    ),
    "import_no_header": (
        "Aucune colonne de « {name} » n'est reconnue pour ce type d'import. Colonnes du "
        "fichier : {found}. Attendu par exemple : {expected}. Renommez l'en-tête de la "
        "colonne voulue, ou associez-la à la main dans la fenêtre d'import.",
        "No column of “{name}” is recognised for this import type. The file's columns: "
        "{found}. Expected for instance: {expected}. Rename the wanted column's header, or map "
        "it by hand in the import window.",
    ),
    "import_no_header_sheet": (
        "La feuille « {sheet} » de « {name} » ne ressemble pas à un tableau à importer (aucune "
        "colonne reconnue parmi {found} ; attendu par exemple : {expected}). Choisissez une "
        "autre feuille : {sheets}.",
        "The sheet “{sheet}” of “{name}” does not look like a table to import (no column "
        "recognised among {found}; expected for instance: {expected}). Choose another sheet: "
        "{sheets}.",
    ),
    "import_missing_column": (
        "Colonne obligatoire absente : « {column} ». Ajoutez-la au fichier ou associez-la à "
        "une colonne existante.",
        "Required column missing: “{column}”. Add it to the file or map it to an existing column.",
    ),
    "import_sheet_unknown": (
        "Le classeur n'a pas de feuille « {sheet} ». Feuilles : {sheets}.",
        "The workbook has no sheet “{sheet}”. Sheets: {sheets}.",
    ),
    "import_decode_failed": (
        "Le fichier « {name} » n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en CSV UTF-8.",
        "The file “{name}” is neither UTF-8 nor Windows-1252: save it as UTF-8 CSV.",
    ),
    "import_binary": (
        "Le fichier « {name} » contient des données binaires : ce n'est pas un fichier texte CSV.",
        "The file “{name}” holds binary data: it is not a CSV text file.",
    ),
    "import_key_needed": (
        "La clé de répartition n'est indiquée ni par une colonne « Clé » ni par --key.",
        "The allocation key is given neither by a “Key” column nor by --key.",
    ),
    "import_from_needed": (
        "La date de début de validité n'est indiquée ni par une colonne « Valable à partir "
        "du » ni par --from.",
        "The valid-from date is given neither by a “Valid from” column nor by --from.",
    ),
    "import_has_errors": (
        "Erreurs dans « {name} » ({count}) : rien n'a été importé.",
        "Errors in “{name}” ({count}): nothing was imported.",
    ),
    # --- one row ------------------------------------------------------------------------------
    "import_unknown_member": (
        "Membre inconnu : « {value} » (ni SIRET ni nom exact d'un membre). Créez-le d'abord, "
        "ou demandez la création des membres manquants.",
        "Unknown member: “{value}” (neither the SIRET nor the exact name of a member). Create "
        "it first, or ask for missing members to be created.",
    ),
    "import_unknown_service": (
        "Service mutualisé inconnu : « {value} ».",
        "Unknown shared service: “{value}”.",
    ),
    "import_unknown_key": (
        "Clé de répartition inconnue : « {value} ».",
        "Unknown allocation key: “{value}”.",
    ),
    "import_duplicate_member": (
        "Ce membre existe déjà (« {name} », trouvé par {by}) : doublon. Pour le mettre à jour, "
        "demandez la mise à jour des membres existants.",
        "This member already exists (“{name}”, found by {by}): duplicate. To update it, ask "
        "for existing members to be updated.",
    ),
    "import_duplicate_service": (
        "Ce service existe déjà (« {name} ») : doublon. Pour le mettre à jour, demandez la "
        "mise à jour des enregistrements existants.",
        "This service already exists (“{name}”): duplicate. To update it, ask for existing "
        "records to be updated.",
    ),
    "import_duplicate_row": (
        "Doublon : la ligne {first} désigne déjà « {value} ».",
        "Duplicate: row {first} already names “{value}”.",
    ),
    "import_identifier_leading_zeros": (
        "{kind} invalide : {expected} chiffres attendus, {got} {got:saisi|saisis}. Le tableur a "
        "sans doute "
        "retiré les zéros du début : « {padded} » serait valide. Formatez la colonne en texte "
        "et saisissez le numéro en entier.",
        "Invalid {kind}: {expected} digits expected, {got} given. The spreadsheet probably "
        "dropped the leading zeros: “{padded}” would be valid. Format the column as text and "
        "type the whole number.",
    ),
    "import_identifier_scientific": (
        "{kind} arrondi par le tableur en notation scientifique (« {value} ») : ses derniers "
        "chiffres sont perdus. Formatez la colonne en texte et saisissez le numéro en entier.",
        "{kind} rounded by the spreadsheet in scientific notation (“{value}”): its last digits "
        "are lost. Format the column as text and type the whole number.",
    ),
    "import_postcode_leading_zero": (
        "Code postal invalide : « {value} » n'a que 4 chiffres. Le tableur a sans doute retiré "
        "le zéro du début (« {padded} ») : formatez la colonne en texte et saisissez le code "
        "postal en entier.",
        "Invalid postcode: “{value}” has only 4 digits. The spreadsheet probably dropped the "
        "leading zero (“{padded}”): format the column as text and type the whole postcode.",
    ),
    "import_invalid_integer": (
        "Nombre entier attendu : « {value} ».",
        "Whole number expected: “{value}”.",
    ),
    "import_invalid_year": (
        "Exercice non compris : « {value} ». Écrivez l'année de début, par exemple « 2025 ».",
        "Fiscal year not understood: “{value}”. Write its first year, for instance “2025”.",
    ),
    "import_invalid_boolean": (
        "Oui ou non attendu : « {value} ».",
        "Yes or no expected: “{value}”.",
    ),
    "import_unknown_category": (
        "Catégorie de membre inconnue : « {value} ». Catégories : {choices}.",
        "Unknown member category: “{value}”. Categories: {choices}.",
    ),
    "import_unknown_vat_regime": (
        "Régime de TVA inconnu : « {value} » (attendu : « 261 B » ou « taxable »).",
        "Unknown VAT regime: “{value}” (expected: “261 B” or “taxable”).",
    ),
    "import_unknown_payment_method": (
        "Mode de règlement inconnu : « {value} ». Modes : {choices}.",
        "Unknown payment method: “{value}”. Methods: {choices}.",
    ),
    "import_unknown_method": (
        "Méthode de clé inconnue : « {value} » (attendu : unités ou pourcentages).",
        "Unknown key method: “{value}” (expected: units or percentages).",
    ),
    "import_key_method_mismatch": (
        "La clé « {key} » répartit {method} : une version importée donne des unités ou des "
        "pourcentages par membre.",
        "The key “{key}” splits {method}: an imported version gives units or percentages per "
        "member.",
    ),
    "import_amount_missing": (
        "Montant absent : indiquez le TTC, ou le HT et la TVA.",
        "Amount missing: give the amount incl. VAT, or excl. VAT and the VAT.",
    ),
    "import_value_needed": (
        "Une valeur est attendue dans la colonne « {column} ».",
        "A value is expected in the column “{column}”.",
    ),
    "import_unknown_grant": (
        "Subvention inconnue : « {value} » (saisissez-la d'abord dans Financements).",
        "Unknown grant: “{value}” (enter it first in Funding).",
    ),
    "import_ambiguous_grant": (
        "Plusieurs subventions s'appellent « {value} » : ajoutez une colonne « Financeur ».",
        "Several grants are called “{value}”: add a “Financeur” (funder) column.",
    ),
    # --- exports (#14) ---------------------------------------------------------------------------
    "export_unsupported_format": (
        "« {name} » : choisissez un fichier .xlsx, .ods ou .csv.",
        "“{name}”: choose an .xlsx, .ods or .csv file.",
    ),
    "export_write_failed": (
        "Le fichier « {path} » n'a pas pu être écrit : {reason}.",
        "The file “{path}” could not be written: {reason}.",
    ),
    "export_unknown_kind": (
        "Type d'export inconnu : « {value} ». Types possibles : {choices}.",
        "Unknown export type: “{value}”. Possible types: {choices}.",
    ),
    "fec_no_siren": (
        "Le SIREN du pôle est nécessaire pour nommer le fichier FEC : renseignez le SIRET du "
        "pôle dans Paramètres, ou donnez un nom de fichier.",
        "The pole's SIREN is needed to name the FEC file: fill in the pole's SIRET in "
        "Settings, or give a file name.",
    ),
    "fec_bad_account": (
        "Compte « {value} » invalide pour « {what} » : de 2 à 20 chiffres ou lettres.",
        "Invalid account “{value}” for “{what}”: 2 to 20 digits or letters.",
    ),
    "archive_target_exists": (
        "« {path} » existe déjà : une archive ne se restaure que dans un nouveau fichier.",
        "“{path}” already exists: an archive is restored only into a new file.",
    ),
    "archive_unreadable": (
        "« {name} » n'est pas une archive PTCE lisible ({detail}).",
        "“{name}” is not a readable PTCE archive ({detail}).",
    ),
    "archive_too_new": (
        "L'archive « {name} » est au format {version}, plus récent que celui de ce programme "
        "({supported}) : mettez PTCE Desktop à jour.",
        "The archive “{name}” is in format {version}, newer than this program's ({supported}): "
        "update PTCE Desktop.",
    ),
    "archive_bad_checksum": (
        "L'archive « {name} » est abîmée : le contenu de « {member} » ne correspond pas à sa "
        "somme de contrôle. Rien n'a été créé.",
        "The archive “{name}” is damaged: the content of “{member}” does not match its "
        "checksum. Nothing was created.",
    ),
    "archive_schema_mismatch": (
        "L'archive « {name} » vient d'une version de la base ({archive}) que ce programme ne "
        "connaît pas ({current}) : mettez PTCE Desktop à jour.",
        "The archive “{name}” comes from a database version ({archive}) this program does not "
        "know ({current}): update PTCE Desktop.",
    ),
}
