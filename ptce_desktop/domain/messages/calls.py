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
}
