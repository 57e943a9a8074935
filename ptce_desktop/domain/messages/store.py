"""Texts of the errors raised by ``ptce_desktop.store`` beyond the shared ones in errors.py."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "file_not_found": (
        "Le fichier {path} est introuvable.",
        "The file {path} does not exist.",
    ),
    "backup_failed": (
        "La sauvegarde n'a pas pu être écrite dans {path} : {detail}. Vérifiez que le dossier "
        "est accessible en écriture et qu'il reste de la place sur le disque ; les sauvegardes "
        "précédentes sont intactes.",
        "The backup could not be written to {path}: {detail}. Check that the folder is "
        "writable and that the disk has free space; earlier backups are untouched.",
    ),
    "schema_outdated": (
        "Le fichier {path} vient d'une version plus ancienne de PTCE Desktop et doit être mis "
        "à jour : ouvrez-le en écriture (une sauvegarde est faite avant).",
        "The file {path} comes from an older version of PTCE Desktop and must be upgraded: "
        "open it for writing (a backup is taken first).",
    ),
}
