"""Texts of data safety: one writer, files that are no longer ours, wrong diagnoses, repair."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
