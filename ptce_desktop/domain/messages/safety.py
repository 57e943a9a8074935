"""Texts of data safety: one writer, files that are no longer ours, wrong diagnoses, repair."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "integrity_pending": (
        "Le fichier {path} est encore en cours de vérification (quelques secondes pour un "
        "gros fichier) : rien n'est enregistré avant la fin de cette vérification. "
        "Réessayez dans un instant.",
        "The file {path} is still being checked (a few seconds for a large file): nothing is "
        "saved before that check ends. Try again in a moment.",
    ),
    "lock_lost": (
        "Le verrou du fichier {path} a été supprimé ou remplacé par un autre programme (un "
        "outil de nettoyage, une synchronisation) : PTCE Desktop n'enregistre plus rien dans ce "
        "fichier, pour ne pas mélanger son travail avec celui d'un autre programme. Enregistrez "
        "une copie de ce qui est ouvert dans un nouveau fichier, puis fermez et rouvrez.",
        "The lock of the file {path} was deleted or replaced by another program (a cleaning "
        "tool, a sync client): PTCE Desktop no longer saves anything to this file, so as not "
        "to mix its work with another program's. Save a copy of what is open to a new file, "
        "then close and reopen.",
    ),
    "file_replaced": (
        "Le fichier {path} a été supprimé, déplacé ou remplacé par un autre programme pendant "
        "qu'il était ouvert : PTCE Desktop n'y enregistre plus rien. Enregistrez une copie de "
        "ce qui est ouvert dans un nouveau fichier, puis fermez et rouvrez.",
        "The file {path} was deleted, moved or replaced by another program while it was open: "
        "PTCE Desktop no longer saves anything to it. Save a copy of what is open to a new "
        "file, then close and reopen.",
    ),
    "file_in_use": (
        "Le fichier {path} est ouvert par un autre programme (peut-être une fenêtre PTCE "
        "Desktop) : fermez-le d'abord, puis recommencez.",
        "The file {path} is open in another program (perhaps a PTCE Desktop window): close it "
        "first, then try again.",
    ),
    "save_copy_failed": (
        "La copie n'a pas pu être enregistrée dans {path} : {detail}.",
        "The copy could not be saved to {path}: {detail}.",
    ),
    "file_read_only": (
        "Le fichier {path} est en lecture seule (ses droits ne permettent pas de l'écrire) : "
        "ouvrez-le en lecture seule pour consulter et imprimer ; pour le modifier, changez ses "
        "droits ou copiez-le dans un de vos dossiers.",
        "The file {path} is read-only (its permissions do not allow writing it): open it "
        "read-only to look and print; to change it, change its permissions or copy it into "
        "one of your folders.",
    ),
    "folder_read_only": (
        "Le dossier {folder} n'est pas accessible en écriture : PTCE Desktop ne peut pas y "
        "écrire à côté du fichier (verrou, journal de SQLite, sauvegardes). Ouvrez le fichier en "
        "lecture seule pour consulter et imprimer ; pour le modifier, copiez-le dans un de vos "
        "dossiers.",
        "The folder {folder} is not writable: PTCE Desktop cannot write beside the file (lock, "
        "SQLite journal, backups). Open the file read-only to look and print; to change it, "
        "copy it into one of your folders.",
    ),
    "lock_unavailable": (
        "Le verrou {lock} ne peut pas être créé ({detail}) : sans lui, PTCE Desktop ne peut "
        "pas garantir qu'un seul programme modifie {path}. Ouvrez le fichier en lecture seule, "
        "ou vérifiez les droits du dossier et de ce fichier de verrou.",
        "The lock {lock} cannot be created ({detail}): without it PTCE Desktop cannot make sure "
        "only one program changes {path}. Open the file read-only, or check the permissions of "
        "the folder and of that lock file.",
    ),
    "file_unreadable": (
        "Le fichier {path} ne peut pas être ouvert ({detail}). Il n'est pas endommagé pour "
        "autant : vérifiez les droits du fichier et de son dossier.",
        "The file {path} cannot be opened ({detail}). That does not mean it is damaged: check "
        "the permissions of the file and its folder.",
    ),
    "file_exists": (
        "Le fichier {path} existe déjà (un autre programme vient de le créer ?) : il n'est "
        "jamais remplacé. Choisissez un autre nom.",
        "The file {path} already exists (did another program just create it?): it is never "
        "replaced. Choose another name.",
    ),
    "second_folder_missing": (
        "Le second dossier de sauvegarde {path} est introuvable (une clé USB débranchée ?) : "
        "la sauvegarde a été faite à côté du fichier seulement.",
        "The second backup folder {path} cannot be found (a USB key unplugged?): the backup "
        "was made beside the file only.",
    ),
    "second_folder_same": (
        "Le dossier {path} est déjà celui des sauvegardes du fichier : choisissez un autre "
        "dossier (une clé USB, un dossier synchronisé).",
        "The folder {path} already holds the file's backups: choose another folder (a USB "
        "key, a synced folder).",
    ),
    "repair_not_needed": (
        "Le fichier {path} n'est pas endommagé (SQLite le lit entièrement) : il n'y a rien à "
        "réparer.",
        "The file {path} is not damaged (SQLite reads all of it): there is nothing to repair.",
    ),
    "repair_impossible": (
        "Le fichier {path} est trop endommagé pour être reconstruit ({detail}) : même la liste "
        "de ses tables est illisible. Restaurez une sauvegarde.",
        "The file {path} is too damaged to be rebuilt ({detail}): even the list of its tables "
        "cannot be read. Restore a backup.",
    ),
    "journal_lost": (
        "Le journal {path}-wal, qui contient les dernières modifications, a été supprimé par un "
        "autre programme (un outil de nettoyage ?) : PTCE Desktop n'enregistre plus rien dans "
        "ce fichier. Enregistrez une copie de ce qui est ouvert dans un nouveau fichier : elle "
        "contient tout, y compris ces dernières modifications.",
        "The journal {path}-wal, which holds the latest changes, was deleted by another program "
        "(a cleaning tool?): PTCE Desktop no longer saves anything to this file. Save a copy of "
        "what is open to a new file: it holds everything, those latest changes included.",
    ),
}
