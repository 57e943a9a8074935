"""The user guide inside the app: Markdown topics in ``resources/help/<lang>/``, one window.

Each page of the window has a topic named like its key (``members.md`` for the page
``members``); F1 opens the current page's topic, Aide ▸ Guide opens ``index.md``. Topics link to
each other with relative links (``[Les clés](keys.md)``); :class:`HelpWindow` follows them
itself (QTextBrowser reads ``.md`` files as Markdown), with Back, Forward and Contents. Links to
the web open in the system's browser. A topic missing in English falls back to French.

``tests/ui/test_help.py`` fails when a page has no topic in either language, or when a link
points to a topic that does not exist.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ptce_desktop.resources import resources_dir
from ptce_desktop.ui.i18n import LANGUAGES, current_language

translate = QCoreApplication.translate

INDEX = "index"
FALLBACK_LANGUAGE = "fr"
# ``[text](target)`` in a topic; ``target`` is another topic (``keys.md``) or a web address.
LINK_RE = re.compile(r"\]\(([^)\s]+)\)")


def help_dir(lang: str | None = None) -> Path:
    """``resources/help/<lang>`` (the current UI language by default)."""
    return resources_dir() / "help" / (lang or current_language())


def topics(lang: str) -> list[str]:
    """The topic names of ``lang`` (file names without ``.md``), sorted."""
    return sorted(path.stem for path in help_dir(lang).glob("*.md"))


def topic_path(topic: str, lang: str | None = None) -> Path:
    """The file of ``topic`` in ``lang``, else in French, else the index (never missing)."""
    lang = lang or current_language()
    for candidate_lang in dict.fromkeys((lang, FALLBACK_LANGUAGE)):
        path = help_dir(candidate_lang) / f"{topic}.md"
        if path.is_file():
            return path
    return help_dir(FALLBACK_LANGUAGE) / f"{INDEX}.md"


def topic_for_page(page_key: str | None) -> str:
    """The topic F1 opens on page ``page_key``: the page's own, else the index."""
    if page_key and (help_dir(FALLBACK_LANGUAGE) / f"{page_key}.md").is_file():
        return page_key
    return INDEX


def links(path: Path) -> list[str]:
    """The link targets written in a topic file (web addresses included)."""
    return LINK_RE.findall(path.read_text(encoding="utf-8"))


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE))


class HelpWindow(QDialog):
    """A non-modal window showing one topic at a time; reused by every F1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(translate("HelpWindow", "PTCE Desktop — Guide"))
        self.setModal(False)
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)  # web links: the system's browser
        self.browser.setOpenLinks(True)  # relative links: the next topic, in here
        self.back_button = QPushButton(translate("HelpWindow", "&Back"))
        self.back_button.setShortcut(QKeySequence.StandardKey.Back)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.forward_button = QPushButton(translate("HelpWindow", "&Forward"))
        self.forward_button.setShortcut(QKeySequence.StandardKey.Forward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.contents_button = QPushButton(translate("HelpWindow", "&Contents"))
        self.contents_button.clicked.connect(lambda: self.show_topic(INDEX))
        close_button = QPushButton(translate("HelpWindow", "C&lose"))
        close_button.clicked.connect(self.close)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.contents_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)

    def show_topic(self, topic: str) -> None:
        """Show ``topic`` (in the current language) and bring the window to the front."""
        path = topic_path(topic)
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        self.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # no windows to raise
            self.raise_()
            self.activateWindow()

    def current_topic(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def text(self) -> str:
        return self.browser.toPlainText()


__all__ = [
    "INDEX",
    "LANGUAGES",
    "HelpWindow",
    "help_dir",
    "is_external",
    "links",
    "topic_for_page",
    "topic_path",
    "topics",
]
