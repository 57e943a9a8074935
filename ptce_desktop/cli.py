"""Headless verbs over the same services as the window (French messages, no traceback)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ptce_desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptce-desktop",
        description=(
            "PTCE Desktop : membres, services mutualisés, répartition des charges au centime, "
            "financements et rapports d'un pôle territorial de coopération économique. "
            "Sans commande, ouvre la fenêtre."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="fichier de base de données (par défaut : celui du dossier de données utilisateur)",
    )
    parser.add_argument(
        "--read-only", action="store_true", help="ouvrir le fichier en lecture seule"
    )
    parser.add_argument("--lang", choices=("fr", "en"), default=None, help="langue de l'interface")
    parser.add_subparsers(dest="command", metavar="COMMANDE")
    return parser


def run(args: argparse.Namespace) -> int:
    print(f"ptce-desktop : commande inconnue « {args.command} »", file=sys.stderr)
    return 2
