"""Texts of the errors of calls for funds (appels de fonds) and payments (règlements).

code -> (French, English); placeholders are filled from ``PtceError.values``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- calls ----------------------------------------------------------------------------
    "invalid_quarter": (
        "Le trimestre doit être compris entre 1 et 4 (reçu : {value}).",
        "The quarter must be between 1 and 4 (got {value}).",
    ),
    "due_before_issue": (
        "La date d'échéance ({due}) est antérieure à la date d'émission ({issue}).",
        "The due date ({due}) is before the issue date ({issue}).",
    ),
    "calls_already_issued": (
        "Les appels de fonds ont déjà été émis pour {quarter}.",
        "Calls for funds have already been issued for {quarter}.",
    ),
    "true_up_already_issued": (
        "La régularisation de l'exercice {year} a déjà été émise.",
        "The true-up of fiscal year {year} has already been issued.",
    ),
    "no_budgets": (
        "Aucun budget de service mutualisé n'est saisi pour l'exercice {year} : "
        "saisissez les budgets avant d'émettre les appels de fonds.",
        "No shared-service budget is entered for fiscal year {year}: "
        "enter the budgets before issuing calls for funds.",
    ),
    "budgets_missing": (
        "Budget de l'exercice {year} manquant pour : {services}. "
        "Saisissez-le (0 € si le service n'est pas appelé).",
        "Budget of fiscal year {year} missing for: {services}. "
        "Enter it (€0 if the service is not called).",
    ),
    "call_service_without_key": (
        "Le service « {service} » a un budget mais pas de clé de répartition : "
        "impossible de calculer les appels de fonds.",
        "The service “{service}” has a budget but no allocation key: "
        "the calls for funds cannot be computed.",
    ),
    # --- payments -------------------------------------------------------------------------
    "payment_zero": (
        "Le montant du règlement ne peut pas être nul.",
        "The payment amount cannot be zero.",
    ),
    "payment_out_of_range": (
        "Le montant du règlement ({amount}) dépasse les limites autorisées.",
        "The payment amount ({amount}) is out of bounds.",
    ),
    "unknown_payment_method": (
        "Mode de règlement inconnu : « {value} ».",
        "Unknown payment method: “{value}”.",
    ),
    "match_other_member": (
        "L'appel de fonds {call} concerne un autre membre.",
        "The call for funds {call} belongs to another member.",
    ),
    "match_sign": (
        "Le montant affecté à l'appel {call} ({amount}) doit être non nul et du même signe "
        "que le règlement.",
        "The amount matched to call {call} ({amount}) must be non-zero and have the same "
        "sign as the payment.",
    ),
    "match_exceeds_call": (
        "Le montant affecté à l'appel {call} ({amount}) dépasse son reste à payer ({outstanding}).",
        "The amount matched to call {call} ({amount}) exceeds what remains to be paid "
        "({outstanding}).",
    ),
    "match_exceeds_payment": (
        "Les montants affectés aux appels ({matched}) dépassent le montant du règlement "
        "({amount}).",
        "The amounts matched to calls ({matched}) exceed the payment amount ({amount}).",
    ),
    # --- billing coefficient and management fee (DESIGN §4b) --------------------------------
    "coefficient_out_of_range": (
        "Le coefficient de facturation doit être supérieur à 0 et au plus 10 (reçu : {value}).",
        "The billing coefficient must be above 0 and at most 10 (got {value}).",
    ),
    "invalid_coefficient": (
        "Coefficient illisible : « {value} » (exemple : {example}).",
        "Unreadable coefficient: “{value}” (example: {example}).",
    ),
    "coefficient_too_precise": (
        "Le coefficient « {value} » a plus de quatre décimales (exemple : {example}).",
        "The coefficient “{value}” has more than four decimals (example: {example}).",
    ),
    "fee_rate_out_of_range": (
        "Le taux de frais de gestion doit être compris entre 0 et 100 % (reçu : {value}).",
        "The management fee rate must be between 0 and 100% (got {value}).",
    ),
    "billing_261b_warning": (
        "Attention : le service « {service} » est exonéré de TVA (article 261 B du CGI). "
        "Cette exonération suppose que chaque membre paie exactement sa quote-part des frais "
        "communs ; un coefficient ou des frais de gestion peuvent la remettre en cause.",
        "Warning: the service “{service}” is VAT-exempt (CGI article 261 B). The exemption "
        "requires each member to be charged exactly its share of the common costs; a "
        "coefficient or a management fee may put it at risk.",
    ),
    # --- printed labels of call lines -----------------------------------------------------
    "line_surcharge": (
        "Majoration (coefficient {coefficient})",
        "Surcharge (coefficient {coefficient})",
    ),
    "line_fee": ("Frais de gestion {rate}", "Management fee {rate}"),
    "line_catch_up": (
        "Régularisation budget révisé ({quarters})",
        "Catch-up on the revised budget ({quarters})",
    ),
    "line_true_up": ("Régularisation {year}", "True-up {year}"),
    # --- catch-up on a revised budget or key ----------------------------------------------
    "revision_after_q4": (
        "Le budget ou la clé de « {service} » a changé après l'appel du T4 {year} : "
        "l'écart sera réglé par la régularisation de fin d'exercice.",
        "The budget or key of “{service}” changed after Q4 {year} was called: "
        "the gap will be settled by the year-end true-up.",
    ),
    # --- exceptional lines ----------------------------------------------------------------
    "exceptional_amount_zero": (
        "Le montant de la ligne exceptionnelle ne peut pas être nul.",
        "The amount of the exceptional line cannot be zero.",
    ),
    "exceptional_no_key_version": (
        "La clé « {key} » n'a pas de version en vigueur au {date} : "
        "impossible de répartir la ligne exceptionnelle « {label} ».",
        "The key “{key}” has no version in force on {date}: "
        "the exceptional line “{label}” cannot be split.",
    ),
    "exceptional_already_called": (
        "La ligne exceptionnelle « {label} » a déjà été appelée ({call}).",
        "The exceptional line “{label}” has already been called ({call}).",
    ),
    "exceptional_outside_year": (
        "La date de la ligne exceptionnelle ({date}) n'est pas dans l'exercice {year}.",
        "The date of the exceptional line ({date}) is not in fiscal year {year}.",
    ),
    "nothing_to_call": (
        "Rien à appeler : aucune ligne exceptionnelle en attente pour l'exercice {year}.",
        "Nothing to call: no exceptional line pending for fiscal year {year}.",
    ),
    # --- preview and issue ----------------------------------------------------------------
    "member_without_units": (
        "Le membre « {member} » ne pèse rien dans la clé « {key} » de « {service} » pour "
        "{period} alors qu'il y participe : saisissez ses unités.",
        "The member “{member}” weighs nothing in the key “{key}” of “{service}” for "
        "{period} although it takes part: enter its units.",
    ),
    "confirm_issue": (
        "Émettre {count} {count:appel|appels} pour {total} ?",
        "Issue {count} {count:call|calls} for {total}?",
    ),
    # --- kinds of line in a preview --------------------------------------------------------
    "line_kind_quarter": ("Trimestre", "Quarter"),
    "line_kind_catch_up": ("Régularisation budget révisé", "Catch-up (revised budget)"),
    "line_kind_exceptional": ("Lignes exceptionnelles", "Exceptional lines"),
    "line_kind_true_up": ("Régularisation", "True-up"),
    "line_kind_surcharge": ("Majoration (coefficient)", "Surcharge (coefficient)"),
    "line_kind_fee": ("Frais de gestion", "Management fee"),
    "line_kind_vat": ("TVA", "VAT"),
    "preview_outdated": (
        "Les montants ont changé depuis l'aperçu ({count} {count:appel|appels} pour {total} "
        "{count:attendu|attendus}) : "
        "rien n'a été émis, vérifiez l'aperçu à nouveau.",
        "The amounts changed since the preview ({count} {count:call|calls} for {total} expected): "
        "nothing was issued, check the preview again.",
    ),
    "confirm_issue_cli": (
        "Émettre {count} {count:appel|appels} pour {total} ? Rien n'a été écrit : relancez avec "
        "--yes "
        "pour émettre.",
        "Issue {count} {count:call|calls} for {total}? Nothing was written: run again with --yes "
        "to issue.",
    ),
    "line_kind_total": ("Total du membre", "Member's total"),
    "preview_title": (
        "Aperçu des appels de fonds — {period} (rien n'est écrit)",
        "Preview of the calls for funds — {period} (nothing is written)",
    ),
    "preview_nothing": (
        "Aucun appel : aucun membre n'a de montant à payer.",
        "No call: no member has anything to pay.",
    ),
    "preview_count": ("Total : {count} {count:appel|appels}", "Total: {count} {count:call|calls}"),
    "issued_summary": (
        "{count} {count:appel émis|appels émis} ({numbers}) pour {total}.",
        "{count} {count:call|calls} issued ({numbers}) for {total}.",
    ),
    "calls_which": (
        "Précisez --quarter N, --true-up ou --exceptional.",
        "Give --quarter N, --true-up or --exceptional.",
    ),
}
