"""Texts of closed years: what closing freezes, the seal, reopening, the audit trail.

code -> (French, English); placeholders are filled from ``PtceError.values``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what a closed year freezes -------------------------------------------------------
    "closed_year_key_version": (
        "La version du {date} de la clé « {key} » est en vigueur pendant l'exercice clôturé "
        "{year} : elle ne peut être ni ajoutée, ni modifiée, ni supprimée. Ajoutez plutôt une "
        "version datée après la fin de cet exercice.",
        "The version of {date} of the key “{key}” is in force during the closed fiscal year "
        "{year}: it cannot be added, changed or deleted. Add a version dated after the end of "
        "that year instead.",
    ),
    "version_frozen_edit": (
        "La version du {date} a servi aux quotes-parts de l'exercice clôturé {year} : elle ne "
        "peut pas être modifiée. Ajoutez plutôt une nouvelle version.",
        "The version of {date} explains shares of the closed fiscal year {year}: it cannot be "
        "changed. Add a newer version instead.",
    ),
    "closed_year_presence": (
        "L'exercice {year} est clôturé : la présence de « {member} » pendant cet exercice "
        "(dates d'entrée et de sortie) ne peut plus changer. Une date d'entrée ou de sortie "
        "doit tomber après la fin de l'exercice.",
        "Fiscal year {year} is closed: the presence of “{member}” during that year (joining "
        "and leaving dates) can no longer change. A joining or leaving date must fall after "
        "the end of that year.",
    ),
    "closed_year_service_key": (
        "Le service « {service} » a des charges, un budget ou des appels de l'exercice "
        "clôturé {year} : sa clé de répartition ne peut plus changer. Ajoutez une version "
        "datée à sa clé, ou créez un nouveau service.",
        "The service “{service}” has costs, a budget or calls in the closed fiscal year "
        "{year}: its allocation key can no longer change. Add a dated version to its key, or "
        "create a new service.",
    ),
    "closed_year_service_deleted": (
        "Le service « {service} » a un budget ou des appels de l'exercice clôturé {year} : il "
        "ne peut pas être supprimé.",
        "The service “{service}” has a budget or calls in the closed fiscal year {year}: it "
        "cannot be deleted.",
    ),
    # --- amounts ----------------------------------------------------------------------------
    "money_not_integer": (
        "Montant invalide pour « {field_label} » : {value} (un montant est un nombre entier "
        "de centimes).",
        "Invalid amount for “{field_label}”: {value} (an amount is a whole number of cents).",
    ),
    # --- reopening --------------------------------------------------------------------------
    "reopen_reason_required": (
        "Indiquez pourquoi l'exercice {year} est rouvert : la raison est gardée dans le "
        "journal des modifications.",
        "Say why fiscal year {year} is reopened: the reason is kept in the change log.",
    ),
    # --- audit trail ------------------------------------------------------------------------
    "audit_bad_date": (
        "Date invalide : « {value} » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA).",
        "Invalid date: “{value}” (expected: YYYY-MM-DD or DD/MM/YYYY).",
    ),
}
