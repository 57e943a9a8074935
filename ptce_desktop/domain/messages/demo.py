"""Texts of the errors raised by the demo and the command-line verbs ``demo`` / ``summary``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "demo_not_empty": (
        "La base contient déjà un pôle : la démonstration ne se construit que dans un fichier "
        "vide.",
        "The database already holds a pole: the demo is built only into an empty file.",
    ),
    "demo_needs_db": (
        "Indiquez le fichier à créer pour la démonstration avec --db (par exemple "
        "« --db demo.sqlite3 ») : elle ne va jamais dans la base par défaut.",
        "Give the file to create for the demo with --db (e.g. “--db demo.sqlite3”): it never "
        "goes into the default database.",
    ),
    "demo_file_exists": (
        "Le fichier {path} existe déjà : la démonstration ne remplace jamais un fichier. "
        "Choisissez un autre nom.",
        "The file {path} already exists: the demo never replaces a file. Choose another name.",
    ),
    "demo_read_only": (
        "La démonstration crée un fichier : elle ne peut pas s'ouvrir en lecture seule.",
        "The demo creates a file: it cannot run read-only.",
    ),
}
