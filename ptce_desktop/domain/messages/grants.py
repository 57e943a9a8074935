"""Texts of the errors of funders, grants, instalments, redistributions and in-kind gifts.

code -> (French, English); placeholders are filled from ``PtceError.values``. Amounts and
percentages arrive already formatted twice (``…_fr`` / ``…_en``) so each language prints its
own number format.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- funders ----------------------------------------------------------------------------
    "funder_name_taken": (
        "Un financeur s'appelle déjà « {name} ».",
        "A funder named “{name}” already exists.",
    ),
    "funder_type_unknown": (
        "Type de financeur inconnu : « {value} ».",
        "Unknown funder type: “{value}”.",
    ),
    "funder_has_grants": (
        "Le financeur « {funder} » a des subventions ({count}) : il ne peut pas être supprimé.",
        "The funder “{funder}” has grants ({count}): it cannot be deleted.",
    ),
    # --- grants -----------------------------------------------------------------------------
    "grant_status_unknown": (
        "Statut de subvention inconnu : « {value} ».",
        "Unknown grant status: “{value}”.",
    ),
    "grant_nature_unknown": (
        "Nature de subvention inconnue : « {value} » (numéraire ou en nature).",
        "Unknown grant nature: “{value}” (cash or in kind).",
    ),
    "grant_voted_required": (
        "Le montant voté est obligatoire pour une subvention « {status_fr} ».",
        "The voted amount is required for a grant that is “{status_en}”.",
    ),
    "grant_amount_negative": (
        "Le montant « {field_label} » ne peut pas être négatif.",
        "The amount “{field_label}” cannot be negative.",
    ),
    "grant_amount_not_positive": (
        "Le montant « {field_label} » doit être supérieur à 0.",
        "The amount “{field_label}” must be above 0.",
    ),
    "grant_amount_too_large": (
        "Le montant « {field_label} » dépasse la limite de {limit_fr}.",
        "The amount “{field_label}” exceeds the limit of {limit_en}.",
    ),
    "grant_percent_out_of_range": (
        "Le pourcentage « {field_label} » doit être compris entre 0 % et 100 %.",
        "The percentage “{field_label}” must be between 0 % and 100 %.",
    ),
    "grant_has_money": (
        "La subvention « {grant} » a des versements ou des reversements (versements : "
        "{instalments}, reversements : {redistributions}) : supprimez-les d'abord.",
        "The grant “{grant}” has instalments or redistributions (instalments: "
        "{instalments}, redistributions: {redistributions}): delete them first.",
    ),
    "grant_refused_no_instalment": (
        "La subvention « {grant} » est refusée : elle ne peut pas recevoir de versement.",
        "The grant “{grant}” was refused: it cannot receive an instalment.",
    ),
    # --- overhead rule (charges indirectes) ---------------------------------------------------
    "overhead_method_unknown": (
        "Règle de charges indirectes inconnue : « {value} ».",
        "Unknown overhead rule: “{value}”.",
    ),
    "overhead_rate_required": (
        "La règle « taux forfaitaire » demande un taux supérieur à 0 %.",
        "A flat-rate overhead rule needs a rate above 0 %.",
    ),
    "overhead_key_required": (
        "La règle « clé de répartition » demande de choisir une clé.",
        "A key-based overhead rule needs a key.",
    ),
    "overhead_key_not_physical": (
        "La clé « {key} » ne repose pas sur des unités physiques (m², heures, ETP…) : "
        "elle ne peut pas répartir les charges indirectes d'une subvention.",
        "The key “{key}” does not rest on physical units (m², hours, FTE…): "
        "it cannot allocate a grant's indirect costs.",
    ),
    # --- forecast budget --------------------------------------------------------------------
    "budget_line_group": (
        "« {label} » regroupe des sous-lignes du Cerfa : saisissez le prévisionnel sur celles-ci.",
        "“{label}” groups Cerfa sub-lines: enter the forecast on those.",
    ),
    "budget_line_not_row": (
        "« {label} » est un titre ou un total du Cerfa : il se calcule, il ne se saisit pas.",
        "“{label}” is a Cerfa heading or total: it is computed, not entered.",
    ),
    "budget_line_not_printed": (
        "Le compte « {account} » n'est pas une ligne imprimée du Cerfa : saisissez-le sur la "
        "ligne « {target} ».",
        "Account “{account}” is not a printed Cerfa row: enter it on the row “{target}”.",
    ),
    # --- redistribution plan ----------------------------------------------------------------
    "plan_amount_or_share": (
        "Pour le membre « {member} », indiquez soit un montant, soit une part (pas les deux).",
        "For the member “{member}”, give either an amount or a share (not both).",
    ),
    "plan_duplicate_member": (
        "Le membre « {member} » figure deux fois dans le plan de reversement.",
        "The member “{member}” appears twice in the redistribution plan.",
    ),
    "plan_total_exceeds": (
        "Les parts du plan ({shares_fr}) et la part de coordination ({coordination_fr}) "
        "totalisent {total_fr}, soit plus de 100 %.",
        "The plan's shares ({shares_en}) and the coordination share ({coordination_en}) "
        "add up to {total_en}, more than 100 %.",
    ),
    "plan_amounts_exceed": (
        "Les montants fixes du plan ({amounts_fr}) dépassent ce que laissent du montant voté "
        "les parts et la coordination ({available_fr}).",
        "The plan's fixed amounts ({amounts_en}) exceed what the shares and the coordination "
        "leave of the voted amount ({available_en}).",
    ),
    # --- redistributions --------------------------------------------------------------------
    "redistribution_exceeds": (
        "Reverser {amount_fr} à « {member} » dépasse son reste à reverser ({remaining_fr}).",
        "Passing {amount_en} on to “{member}” exceeds what remains due to it ({remaining_en}).",
    ),
    # --- in-kind contributions --------------------------------------------------------------
    "in_kind_kind_unknown": (
        "Nature de contribution en nature inconnue : « {value} ».",
        "Unknown kind of in-kind contribution: “{value}”.",
    ),
    "in_kind_code_invalid": (
        "« {value} » n'est pas une ligne des emplois de contributions en nature du Cerfa "
        "({allowed}).",
        "“{value}” is not a Cerfa line of in-kind contributions ({allowed}).",
    ),
    "in_kind_code_required": (
        "Pour une contribution « autre », choisissez la ligne du Cerfa ({allowed}).",
        "For an “other” contribution, choose the Cerfa line ({allowed}).",
    ),
    "in_kind_hours_out_of_range": (
        "Le nombre d'heures doit être compris entre 0 et {limit}.",
        "The number of hours must be between 0 and {limit}.",
    ),
    # --- warnings (not refusals: shown by the window, the dashboard and the CLI) --------------
    "grant_overpaid": (
        "Reste à reverser négatif ({remaining_fr}) : « {title} » a reversé {excess_fr} de plus "
        "que ce qui est dû sur les versements reçus. Enregistrez le versement du financeur qui "
        "manque, ou corrigez un reversement.",
        "Negative amount left to pass on ({remaining_en}): “{title}” passed on {excess_en} more "
        "than is due on the instalments received. Record the funder's missing instalment, or "
        "correct a redistribution.",
    ),
}
