"""Texts of the errors raised by the command-line verbs themselves."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report_over_database": (
        "Le rapport ne peut pas être écrit sur le fichier de la base elle-même ({path}).",
        "The report cannot be written over the database file itself ({path}).",
    ),
}
