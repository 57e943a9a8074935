"""Translations: English source strings in ``tr()``, the French catalogue, Qt's own buttons.

The UI is written with English source text (``self.tr("Members")`` or
``QCoreApplication.translate("Context", "Members")``); ``resources/translations/ptce_fr.ts``
holds the French, compiled to ``ptce_fr.qm``; ``ptce_en.ts`` / ``ptce_en.qm`` give the English
counts their singular and plural (« 1 member », « 3 members » for ``tr("%n member(s)", "", n)``,
Qt's "translation file for the source language"). The files are committed, so running the app needs
no build step. ``resources/translations/README.md`` says how to refresh them.

Careful with ``self.tr()`` in PySide6: the context looked up at run time is the *runtime* class
name, while ``lupdate`` records the class the call is written in. A subclass of a class that
calls ``self.tr()`` therefore shows English. In classes meant to be subclassed, write
``QCoreApplication.translate("ThatClass", "...")`` instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ptce_desktop.domain.money import format_money_or_empty
from ptce_desktop.resources import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
CATALOGUE_NAME = "ptce_fr"
# Only the counts (numerus) of the UI, in English singular and plural forms (not "#:", which
# lupdate would take for a translator comment of the next tr() string).
ENGLISH_CATALOGUE_NAME = "ptce_en"

_language = "fr"

#: Texts of Qt's own dialogs that ``qtbase_fr.qm`` lacks: Qt 6.12 added a shortcut marker to
#: them ("&Look in:"), the catalogue still has them without it. Listed under Qt's contexts so
#: ``lupdate`` puts them in our catalogue, which is installed after Qt's and so asked first.
QT_MISSING_TEXTS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QPrintSettingsOutput", QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:")),
)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def choose_language(lang: str | None) -> str:
    """``lang`` if given ("fr" or "en"); else English on an English system, French otherwise."""
    if lang is not None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
        return lang
    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"


def current_language() -> str:
    """The language chosen by :func:`install_translators` ("fr" until then)."""
    return _language


def money_text(cents: int | None, *, symbol: bool = True, empty: str = "") -> str:
    """An amount in the UI's language (:func:`~ptce_desktop.domain.money.format_money`):
    ``1 234,56 €`` or ``€1,234.56``; ``empty`` when there is no amount."""
    return format_money_or_empty(cents, empty=empty, symbol=symbol, lang=current_language())


def install_translators(app: QCoreApplication, lang: str | None = None) -> str:
    """Install our French catalogue and Qt's own (``qtbase_fr``), or in English only our
    catalogue of English counts (the source text is English; Qt's texts are too).

    Returns the language used. The translators are parented to ``app`` so they live as long as
    it does. Calling it again replaces the translators installed by the previous call.
    """
    global _language
    chosen = choose_language(lang)
    for old in app.findChildren(QTranslator, "ptce-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    _language = chosen
    if chosen == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        _load(app, ENGLISH_CATALOGUE_NAME, str(translations_dir()))
        return chosen

    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, "qtbase_fr", qt_dir)
    _load(app, CATALOGUE_NAME, str(translations_dir()))
    return chosen


def _load(app: QCoreApplication, name: str, directory: str) -> None:
    translator = QTranslator(app)
    translator.setObjectName("ptce-translator")
    if translator.load(name, directory):
        app.installTranslator(translator)
    else:  # the app stays usable in English; say so in the log
        log.warning("translation %s not found in %s", name, directory)
        translator.deleteLater()
