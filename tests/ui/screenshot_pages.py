"""Look at the Membres and Paramètres pages with sample data, without a display.

    uv run python tests/ui/screenshot_pages.py [fr|en]

Seeds a throw-away file through the services (accents, &, <, a long name, shares), opens it
in the real window through the composition root, and writes PNGs to /tmp
(``ptce_members.png``, ``ptce_member_dialog.png``, ``ptce_settings.png``). A tool, not a test.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import QSettings
from support.ui import give_shares, make_context

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.services.pole.pole import PoleDraft
from ptce_desktop.ui.pages.members.dialog import MemberDialog
from ptce_desktop.ui.shell.launch import Shell, create_application
from ptce_desktop.ui.shell.main_window import MainWindow
from ptce_desktop.ui.worker import Runner

MEMBERS = [
    ("Coopérative L'Éclair & Fils", "Éclair", "ess_enterprise", "73282932000074", 12500),
    (
        "Association Les Jardins partagés de Romans-sur-Isère",
        "Jardins",
        "ess_enterprise",
        None,
        3200,
    ),
    ("Mairie de Valence", None, "local_authority", None, None),
    ("Boulangerie du Pôle <Sud>", "Boulangerie", "non_ess_enterprise", None, 4000),
    ("Université Grenoble Alpes — antenne de Valence", "UGA", "research", None, None),
    ("SCIC Mobilités Drôme", "Mobilités", "ess_enterprise", None, 7800),
    ("Greta Viva 5", None, "training", None, 1500),
]


def seed(path: Path) -> None:
    ctx = make_context(path, "Pôle Sud Drôme")
    view = ctx.pole.get()
    ctx.pole.update(
        PoleDraft(
            **{
                **view.to_draft().__dict__,
                "address": "12 rue de l'Industrie",
                "postcode": "26400",
                "city": "Crest",
                "email": "contact@polesud.fr",
                "iban": "FR7630006000011234567890189",
                "bic": "AGRIFRPP",
                "legal_rep_name": "Hélène Dupré",
                "legal_rep_title": "Présidente",
            }
        )
    )
    ids = []
    for index, (name, short, category, siret, etp) in enumerate(MEMBERS):
        member = ctx.members.create(
            MemberDraft(
                name=name,
                short_name=short,
                category=category,
                siret=siret,
                joined_on=dt.date(2019 + index % 5, 1 + index, 1),
                college="Entreprises" if "enterprise" in category else "Partenaires",
                city="Crest" if index % 2 else "Valence",
            )
        )
        ids.append(member.id)
        if etp:
            ctx.members.set_year_figures(member.id, 2025, etp_milli=etp, headcount=etp // 900)
    give_shares(ctx, ids[:4] + ids[5:6], amount_cents=1_234_567)
    ctx.members.archive(ids[4], dt.date(2025, 6, 30))
    ctx.close()


def main(lang: str = "fr") -> None:
    app = create_application(lang)
    folder = Path(tempfile.mkdtemp())
    path = folder / "pole-sud.sqlite3"
    seed(path)
    window = MainWindow(settings=QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    shell = Shell(window, runner=Runner(inline=True))
    assert shell.start(path)
    window.resize(1280, 780)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    window.show_page("members")
    page = window.page("members")
    page.include_archived.setChecked(True)
    page.select_id(page.model.rows()[1].id)
    app.processEvents()
    window.grab().save("/tmp/ptce_members.png")
    dialog = MemberDialog(
        shell.ctx.members,
        shell.ctx.history,
        2025,
        "2025",
        shell.ctx.members.get(page.selected_id()),
        None,
        window,
    )
    dialog.fields.editor("siret").setText("732 829 320 00075")
    dialog.fields.editor("siret").check()
    dialog.show()
    app.processEvents()
    dialog.grab().save("/tmp/ptce_member_dialog.png")
    dialog.close()
    window.show_page("settings")
    app.processEvents()
    window.grab().save("/tmp/ptce_settings.png")
    shell.close_document()
    print("/tmp/ptce_members.png /tmp/ptce_member_dialog.png /tmp/ptce_settings.png")


if __name__ == "__main__":
    main(*sys.argv[1:2])
