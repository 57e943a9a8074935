"""Texts of the errors raised when choosing what to print (merged by ``errors.all_messages``).

``{option}`` is the command-line option that names the record (``--grant``, ``--member``…);
``{choices}`` lists the records that exist, as ``1 (Animation du pôle 2025), 2 (…)``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_kind_unknown": (
        "Document inconnu « {kind} ». Choisissez parmi : {choices}.",
        "Unknown document “{kind}”. Choose one of: {choices}.",
    ),
    "report_target_missing": (
        "Indiquez {option} parmi : {choices}.",
        "Give {option}, one of: {choices}.",
    ),
    "report_target_unknown": (
        "Le n° {id} ne convient pas pour {option} (exercice {year_label}). "
        "Indiquez {option} parmi : {choices}.",
        "Number {id} does not fit {option} (fiscal year {year_label}). "
        "Give {option}, one of: {choices}.",
    ),
    "report_no_grant": (
        "Aucune subvention ne concerne l'exercice {year_label} : enregistrez d'abord la "
        "subvention (financeur, intitulé, période), puis préparez son compte rendu financier.",
        "No grant concerns fiscal year {year_label}: record the grant first (funder, title, "
        "period), then prepare its financial report.",
    ),
    "report_no_member": (
        "Aucun membre pour l'exercice {year_label} : il n'y a pas de relevé à préparer.",
        "No member in fiscal year {year_label}: there is no statement to prepare.",
    ),
    "report_no_call": (
        "Aucun appel de fonds de ce membre pour l'exercice {year_label}.",
        "This member has no call for funds in fiscal year {year_label}.",
    ),
}
