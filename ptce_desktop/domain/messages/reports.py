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
    "report_layout_failed": (
        "Le document « {title} » n'a pas pu être mis en page ({detail}).",
        "The document “{title}” could not be laid out ({detail}).",
    ),
}
