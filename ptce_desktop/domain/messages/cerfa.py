"""Texts of the errors raised when preparing a Cerfa 15059 (merged by ``errors.all_messages``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cerfa_grant_not_voted": (
        "La subvention « {title} » est au statut « {status} » : un compte rendu financier ne "
        "se prépare que pour une subvention votée (l'aperçu de l'application l'affiche comme "
        "un projet non transmissible).",
        "The grant “{title}” has status “{status}”: a financial report is only prepared for a "
        "granted subsidy (the app's preview shows it as a draft that must not be sent).",
    ),
    "cerfa_year_outside": (
        "L'exercice {year_label} est en dehors de la période de la subvention « {title} » (du "
        "{start} au {end}). Exercices possibles : {valid}.",
        "Fiscal year {year_label} is outside the period of the grant “{title}” ({start} to "
        "{end}). Possible fiscal years: {valid}.",
    ),
    "cerfa_no_period": (
        "La subvention « {title} » n'a pas de période : indiquez ses dates de début et de fin "
        "avant de demander un exercice.",
        "The grant “{title}” has no period: enter its start and end dates before asking for a "
        "fiscal year.",
    ),
    "cerfa_unclassified_costs": (
        "{count} charge(s) de la période n'ont pas de ligne Cerfa : {costs}. Indiquez leur "
        "ligne sur chaque charge, ou relancez avec --allow-unclassified pour les porter en "
        "« Services bancaires, autres » (elles seront listées dans l'annexe).",
        "{count} cost(s) of the period have no Cerfa line: {costs}. Set their line on each "
        "cost, or run again with --allow-unclassified to print them under “Services "
        "bancaires, autres” (the annex lists them).",
    ),
    "report_sheet_invalid": (
        "Le bilan qualitatif n'est pas valable : chaque indicateur a un intitulé, les nombres de "
        "bénéficiaires sont entre 0 et 10 000 000, au plus 50 lignes de 2 000 caractères.",
        "The qualitative report is not valid: every indicator has a name, beneficiary numbers "
        "are between 0 and 10,000,000, at most 50 rows of 2,000 characters.",
    ),
}
