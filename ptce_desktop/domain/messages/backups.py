"""Texts of the errors raised when listing and restoring backups (services/backups.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "backup_damaged": (
        "La sauvegarde {path} est endommagée ({detail}) : elle ne peut pas être restaurée.",
        "The backup {path} is damaged ({detail}): it cannot be restored.",
    ),
    "backup_foreign": (
        "Le fichier {path} n'est pas une sauvegarde PTCE Desktop : il ne peut pas être restauré.",
        "The file {path} is not a PTCE Desktop backup: it cannot be restored.",
    ),
    "backup_newer": (
        "La sauvegarde {path} vient d'une version plus récente de PTCE Desktop : mettez "
        "l'application à jour avant de la restaurer.",
        "The backup {path} comes from a newer version of PTCE Desktop: update the app before "
        "restoring it.",
    ),
    "backup_not_found": (
        "La sauvegarde {path} est introuvable.",
        "The backup {path} does not exist.",
    ),
    "restore_onto_itself": (
        "La sauvegarde {path} est le fichier ouvert lui-même : choisissez une autre sauvegarde.",
        "The backup {path} is the open file itself: choose another backup.",
    ),
    "restore_failed": (
        "La restauration de {path} a échoué : {detail}. Les sauvegardes sont intactes.",
        "Restoring {path} failed: {detail}. The backups are untouched.",
    ),
    "restore_read_only": (
        "Une restauration remplace le fichier : elle est impossible en lecture seule.",
        "A restore replaces the file: it is not possible read-only.",
    ),
}
