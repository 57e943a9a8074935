"""The guide (resources/help): a topic for every page in both languages, links that resolve,
F1 on the current page, Aide ▸ Guide, and À propos with the facts a bug report needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.ui import make_context

from ptce_desktop import __version__
from ptce_desktop.services.pole.backups import BackupService
from ptce_desktop.ui import help as guide
from ptce_desktop.ui import i18n
from ptce_desktop.ui.about import about_text
from ptce_desktop.ui.pages import PAGE_FACTORIES, navigation_entries
from ptce_desktop.ui.shell.main_window import MainWindow

LANGS = ("fr", "en")
#: The guide topics issue #16 asks for, beside one topic per page.
GUIDE_TOPICS = {"index", "first-steps", "closing-year", "backups", "import-export"}
NASTY = "Pôle « Sud » & <Drôme> l'€ " + "très long nom " * 12


def page_keys() -> list[str]:
    return [entry.key for entry in navigation_entries()]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_a_topic(lang: str) -> None:
    keys = set(page_keys()) | set(PAGE_FACTORIES)
    assert len(keys) == 13
    missing = sorted(key for key in keys if not (guide.help_dir(lang) / f"{key}.md").is_file())
    assert missing == [], f"pages without a help topic in {lang}: {missing}"
    assert set(guide.topics(lang)) >= GUIDE_TOPICS


def test_both_languages_have_the_same_topics() -> None:
    assert guide.topics("fr") == guide.topics("en")
    assert len(guide.topics("fr")) >= 16


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_points_to_an_existing_topic(lang: str) -> None:
    topics = set(guide.topics(lang))
    broken = []
    for topic in topics:
        path = guide.help_dir(lang) / f"{topic}.md"
        for target in guide.links(path):
            if guide.is_external(target):
                assert target.startswith(("https://", "mailto:")), (topic, target)
            elif not target.endswith(".md") or target.removesuffix(".md") not in topics:
                broken.append(f"{topic}.md -> {target}")
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_reaches_every_topic_and_each_topic_has_a_title(lang: str) -> None:
    index = guide.help_dir(lang) / "index.md"
    linked = {target.removesuffix(".md") for target in guide.links(index)}
    assert linked == set(guide.topics(lang)) - {"index"}
    for topic in guide.topics(lang):
        text = (guide.help_dir(lang) / f"{topic}.md").read_text(encoding="utf-8")
        assert re.match(r"# \S", text), topic
        assert "](index.md)" in text or topic == "index"


def test_a_broken_link_is_caught(tmp_path: Path) -> None:
    """The link check really reads the files (a test that cannot fail is a defect)."""
    topic = tmp_path / "members.md"
    topic.write_text("# Membres\n\nVoir [les clés](keys.md) et [rien](nulle-part.md).\n")
    assert guide.links(topic) == ["keys.md", "nulle-part.md"]
    assert not guide.is_external("nulle-part.md") and guide.is_external("https://x.org")


@pytest.fixture
def window(qtbot: QtBot, ui_settings: QSettings) -> MainWindow:
    main = MainWindow(settings=ui_settings)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.mark.parametrize("key", ["keys", "in_kind", "reports", "dashboard"])
def test_f1_opens_the_current_page_topic(window: MainWindow, key: str, french: None) -> None:
    window.show_page(key)
    QTest.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    assert help_window.current_topic() == key
    heading = (guide.help_dir("fr") / f"{key}.md").read_text(encoding="utf-8").splitlines()[0]
    assert help_window.text().startswith(heading.removeprefix("# "))
    assert "](" not in help_window.text()  # Markdown rendered, links are links


def test_f1_follows_the_page_and_reuses_the_window(window: MainWindow, french: None) -> None:
    window.show_page("members")
    window.help_action.trigger()
    first = window.help_window
    window.show_page("calls")
    window.help_action.trigger()
    assert window.help_window is first
    assert first.current_topic() == "calls"
    assert first.back_button.isEnabled()
    first.back_button.click()
    assert first.current_topic() == "members"
    first.contents_button.click()
    assert first.current_topic() == "index"


def test_english_help_in_the_english_ui(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_language", "en")
    window.show_page("costs")
    window.help_action.trigger()
    assert window.help_window.text().startswith("Costs and “Why this amount?”")
    assert guide.topic_path("costs").parent.name == "en"


def test_guide_opens_the_contents(french: None, window: MainWindow) -> None:
    window.show_page("settings")
    window.guide_action.trigger()
    assert window.help_window.current_topic() == "index"
    assert "Guide de PTCE Desktop" in window.help_window.text()
    menu_texts = [action.text() for action in window.menus["help"].actions()]
    assert menu_texts[:2] == ["&Aide sur cette page", "&Guide"]


def test_an_unknown_page_falls_back_to_the_index() -> None:
    assert guide.topic_for_page("nowhere") == "index"
    assert guide.topic_for_page(None) == "index"
    assert guide.topic_path("nowhere", "en").name == "index.md"


def test_about_shows_version_data_folder_file_and_backup(
    window: MainWindow, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "données « test » & <co>"
    monkeypatch.setenv("PTCE_DATA_DIR", str(data))
    ctx = make_context(db_path, NASTY)
    ctx.close()
    backup = BackupService().backup_now(db_path)
    window.set_document(NASTY, db_path, read_only=False)
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert __version__ in text and __version__ != "0.0.0"
    assert str(data) in text
    assert str(db_path) in text
    assert str(backup) in text
    assert "GPL-3.0-or-later" in text
    assert re.search(r"PySide6 : 6\.\d+", text) and re.search(r"SQLAlchemy : 2\.\d+", text)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    dialog.close()
    QApplication.processEvents()


def test_about_without_a_file_or_backup(tmp_path: Path) -> None:
    text = about_text(None)
    assert __version__ in text and "Python : 3." in text
    lonely = tmp_path / "seul « fichier ».sqlite3"
    assert "none yet" in about_text(lonely) or "aucune" in about_text(lonely)
