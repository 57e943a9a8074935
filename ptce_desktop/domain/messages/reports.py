"""Texts of the errors raised while printing reports (merged by ``errors.all_messages``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_write_failed": (
        "Impossible d'enregistrer le document {path} : {detail}. Vérifiez que le dossier "
        "est accessible en écriture, qu'il reste de la place sur le disque et que le fichier "
        "n'est pas ouvert dans un autre programme, puis réessayez.",
        "The document {path} could not be saved: {detail}. Check that the folder is "
        "writable, that the disk is not full and that the file is not open in another "
        "program, then try again.",
    ),
    "activity_year_empty": (
        "Aucune activité enregistrée pour l'exercice {year} (ni charge, ni subvention reçue, "
        "ni événement, réunion, chiffre d'emploi ou texte du rapport) : le rapport "
        "d'activité n'est pas produit. Choisissez un autre exercice ou saisissez d'abord "
        "l'activité de celui-ci.",
        "No activity recorded for the fiscal year {year} (no cost, grant received, event, "
        "meeting, jobs figure or report text): the activity report is not produced. Choose "
        "another year or record its activity first.",
    ),
    "report_layout_failed": (
        "Le document « {title} » n'a pas pu être mis en page ({detail}).",
        "The document “{title}” could not be laid out ({detail}).",
    ),
}
