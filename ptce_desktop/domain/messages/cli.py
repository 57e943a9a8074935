"""Texts of the errors raised by the command-line verbs themselves."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_over_database": (
        "Le rapport ne peut pas être écrit sur le fichier de la base elle-même ({path}).",
        "The report cannot be written over the database file itself ({path}).",
    ),
    "unexpected_error": (
        "erreur inattendue ({kind}) : {detail}. Le détail est dans le journal {log}.",
        "unexpected error ({kind}): {detail}. The details are in the log {log}.",
    ),
    "unexpected_error_no_log": (
        "erreur inattendue ({kind}) : {detail}. Le journal n'a pas pu être écrit ({reason}).",
        "unexpected error ({kind}): {detail}. The log could not be written ({reason}).",
    ),
}
