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
        "Charges de la période sans ligne Cerfa ({count}) : {costs}. Indiquez leur "
        "ligne sur chaque charge, ou relancez avec --allow-unclassified pour les porter en "
        "« Services bancaires, autres » (elles seront listées dans l'annexe).",
        "Costs of the period without a Cerfa line ({count}): {costs}. Set their line on each "
        "cost, or run again with --allow-unclassified to print them under “Services "
        "bancaires, autres” (the annex lists them).",
    ),
    "report_sheet_indicator_unnamed": (
        "Indicateur n° {row} : indiquez ce qui est mesuré (l'intitulé), l'attendu et l'obtenu "
        "seuls ne suffisent pas. Videz la ligne pour la retirer.",
        "Indicator no. {row}: enter what is measured (its name); the expected and achieved "
        "values alone are not enough. Empty the row to remove it.",
    ),
    "report_sheet_public_unnamed": (
        "Public n° {row} : indiquez de quel public il s'agit (par exemple « jeunes de moins "
        "de 26 ans »), ou videz la ligne.",
        "Public no. {row}: say which public it is (for instance “young people under 26”), "
        "or empty the row.",
    ),
    "report_sheet_count_invalid": (
        "Un nombre de bénéficiaires est un nombre entier entre 0 et 10 000 000 (saisi : "
        "« {value} »).",
        "A number of beneficiaries is a whole number between 0 and 10,000,000 (entered: "
        "“{value}”).",
    ),
    "report_sheet_publics_exceed": (
        "La répartition par public compte {publics} {publics:bénéficiaire|bénéficiaires}, plus "
        "que le nombre total "
        "indiqué ({total}) : corrigez l'un ou l'autre.",
        "The breakdown by public counts {publics} {publics:beneficiary|beneficiaries}, more than "
        "the total entered "
        "({total}): correct one or the other.",
    ),
    "report_sheet_too_many_rows": (
        "Au plus {max} lignes dans ce tableau du compte rendu.",
        "At most {max} rows in this table of the report.",
    ),
    "report_sheet_text_too_long": (
        "Ligne n° {row} : une case du compte rendu tient en {max} caractères au plus.",
        "Row no. {row}: a cell of the report holds at most {max} characters.",
    ),
}
