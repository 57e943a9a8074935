"""Texts of the errors of keys, shared services, costs, shares, attachments and fees.

code -> (French, English); placeholders are filled from ``PtceError.values``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- keys -----------------------------------------------------------------------------
    "key_cycle": (
        "La clé mixte « {key} » se contient elle-même (directement ou par une autre clé).",
        "The mixed key “{key}” contains itself (directly or through another key).",
    ),
    "key_name_taken": (
        "Une clé de répartition s'appelle déjà « {name} ».",
        "An allocation key named “{name}” already exists.",
    ),
    "key_in_use": (
        "La clé « {key} » est utilisée par {user} : elle ne peut pas être supprimée.",
        "The key “{key}” is used by {user}: it cannot be deleted.",
    ),
    "key_method_locked": (
        "La clé « {key} » a déjà des versions : sa méthode ne peut plus changer.",
        "The key “{key}” already has versions: its method can no longer change.",
    ),
    "unknown_key_method": (
        "Méthode de répartition inconnue : « {value} ».",
        "Unknown allocation method: “{value}”.",
    ),
    "percent_total": (
        "Les pourcentages de la version totalisent {total} au lieu de 100 %.",
        "The percentages of the version add up to {total} instead of 100 %.",
    ),
    "version_date_taken": (
        "La clé « {key} » a déjà une version au {date}.",
        "The key “{key}” already has a version on {date}.",
    ),
    "version_frozen": (
        "La version du {date} a servi aux quotes-parts de l'exercice clôturé {year} : elle ne "
        "peut pas être supprimée. Ajoutez plutôt une nouvelle version.",
        "The version of {date} explains shares of the closed fiscal year {year}: it cannot be "
        "deleted. Add a newer version instead.",
    ),
    "version_needs_parts": (
        "Une version de clé mixte doit comporter au moins une clé de poids non nul.",
        "A mixed key version needs at least one part with a non-zero weight.",
    ),
    "mixed_part_self": (
        "La clé mixte « {key} » ne peut pas se contenir elle-même.",
        "The mixed key “{key}” cannot contain itself.",
    ),
    "not_usage_key": (
        "La clé « {key} » ne se calcule pas sur l'utilisation relevée.",
        "The key “{key}” is not based on recorded usage.",
    ),
    "duplicate_member": (
        "Le membre n° {member} figure deux fois dans la version.",
        "Member {member} appears twice in the version.",
    ),
    # --- shared services ------------------------------------------------------------------
    "service_name_taken": (
        "Un service mutualisé s'appelle déjà « {name} ».",
        "A shared service named “{name}” already exists.",
    ),
    "vat_rate_required": (
        "Un service soumis à la TVA doit avoir un taux supérieur à 0.",
        "A taxable service needs a VAT rate above 0.",
    ),
    "vat_rate_exempt": (
        "Un service exonéré (article 261 B du CGI) n'a pas de taux de TVA.",
        "A service exempt under CGI art. 261 B has no VAT rate.",
    ),
    "unknown_vat_regime": (
        "Régime de TVA inconnu : « {value} ».",
        "Unknown VAT regime: “{value}”.",
    ),
    "service_has_costs": (
        "Le service « {service} » a des charges ({count}) : il ne peut pas être supprimé.",
        "The service “{service}” has costs ({count}): it cannot be deleted.",
    ),
    "service_without_key": (
        "Le service « {service} » n'a pas de clé de répartition.",
        "The service “{service}” has no allocation key.",
    ),
    "negative_amount": (
        "Le montant « {field_label} » ne peut pas être négatif.",
        "The amount “{field_label}” cannot be negative.",
    ),
    # --- costs ----------------------------------------------------------------------------
    "ttc_mismatch": (
        "Le montant TTC ({ttc}) n'est pas égal au HT ({ht}) plus la TVA ({vat}) : "
        "attendu {expected}.",
        "The amount incl. VAT ({ttc}) is not the amount excl. VAT ({ht}) plus VAT ({vat}): "
        "expected {expected}.",
    ),
    "amount_out_of_bounds": (
        "Le montant « {field_label} » dépasse les limites autorisées.",
        "The amount “{field_label}” is out of bounds.",
    ),
    "adjustment_year_open": (
        "La charge « {cost} » est dans un exercice ouvert : modifiez-la directement.",
        "The cost “{cost}” is in an open fiscal year: edit it directly.",
    ),
    "adjustment_in_closed_year": (
        "Une régularisation doit être datée dans un exercice ouvert ({year} est clôturé).",
        "An adjustment must be dated in an open fiscal year ({year} is closed).",
    ),
    "cost_is_adjusted": (
        "La charge « {cost} » est corrigée par une régularisation : supprimez d'abord celle-ci.",
        "The cost “{cost}” is corrected by an adjustment: delete that one first.",
    ),
    "no_share": (
        "Le membre n° {member} n'a pas de quote-part de la charge « {cost} ».",
        "Member {member} has no share of the cost “{cost}”.",
    ),
    "invalid_sort": (
        "Tri inconnu : « {value} ».",
        "Unknown sort order: “{value}”.",
    ),
    "invalid_cursor": (
        "Position de page invalide.",
        "Invalid page position.",
    ),
    # --- attachments ----------------------------------------------------------------------
    "attachment_unreadable": (
        "Le fichier « {path} » ne peut pas être lu ({detail}).",
        "The file “{path}” cannot be read ({detail}).",
    ),
    "attachment_missing": (
        "Le fichier de la pièce jointe « {name} » est introuvable dans le dossier des données.",
        "The file of the attachment “{name}” is missing from the data folder.",
    ),
    "attachment_target": (
        "Une pièce jointe se rattache à exactement une charge, un règlement, un versement "
        "ou une subvention.",
        "An attachment belongs to exactly one cost, payment, instalment or grant.",
    ),
    # --- membership fees ------------------------------------------------------------------
    "unknown_category": (
        "Catégorie de membre inconnue : « {value} ».",
        "Unknown member category: “{value}”.",
    ),
}
