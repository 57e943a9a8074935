"""The French catalogue is complete, compiled and loadable; the language choice is right."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import ptce_desktop
from ptce_desktop.ui import i18n

TRANSLATIONS = i18n.translations_dir()
TS = TRANSLATIONS / "ptce_fr.ts"
QM = TRANSLATIONS / "ptce_fr.qm"
UI_SOURCES = Path(ptce_desktop.__file__).parent / "ui"


def _tool(name: str) -> str:
    beside_python = shutil.which(name, path=str(Path(sys.executable).parent))
    found = beside_python or shutil.which(name)
    assert found, f"{name} not found (it ships with PySide6)"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            result[(name, message.findtext("source", ""))] = message
    return result


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type"):  # unfinished, vanished, obsolete
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all(form.text for form in forms)
    return bool(translation.text and translation.text.strip())


def test_every_ui_string_has_a_finished_french_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = _tool("pyside6-lupdate")
    subprocess.run(
        [lupdate, "-extensions", "py", "-silent", str(UI_SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_sources = _messages(fresh)
    assert len(in_sources) > 50, "lupdate found suspiciously few strings"
    committed = _messages(TS)
    missing = [key for key in in_sources if key not in committed]
    unfinished = [key for key in in_sources if key in committed and not _finished(committed[key])]
    hint = "run: uv run python resources/translations/refresh.py --todo (see its README)"
    assert missing == [], f"not in ptce_fr.ts: {missing}; {hint}"
    assert unfinished == [], f"untranslated in ptce_fr.ts: {unfinished}; {hint}"


def test_committed_catalogue_has_no_unfinished_or_stale_entry() -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    rebuilt = tmp_path / "ptce_fr.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert rebuilt.read_bytes() == QM.read_bytes(), "ptce_fr.qm is stale: run refresh.py"


def test_committed_qm_loads_and_translates(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("Navigation", "Members") == "Membres"
    assert translator.translate("Navigation", "Calls and payments") == (
        "Appels de fonds et règlements"
    )


@pytest.mark.usefixtures("french")
def test_installed_translators_cover_ours_and_qts_buttons() -> None:
    assert i18n.current_language() == "fr"
    assert QCoreApplication.translate("Navigation", "Settings") == "Paramètres"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QLocale().language() == QLocale.Language.French


def test_english_installs_no_translation(qapp: QApplication) -> None:
    default_locale = QLocale()
    try:
        assert i18n.install_translators(qapp, "en") == "en"
        assert QCoreApplication.translate("Navigation", "Settings") == "Settings"
        assert i18n.current_language() == "en"
        assert i18n.install_translators(qapp, "fr") == "fr"
        assert QCoreApplication.translate("Navigation", "Settings") == "Paramètres"
        assert i18n.install_translators(qapp, "en") == "en"
        assert QCoreApplication.translate("Navigation", "Settings") == "Settings"
    finally:
        QLocale.setDefault(default_locale)
        i18n._language = "fr"


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.choose_language("en") == "en"
    assert i18n.choose_language("fr") == "fr"
    with pytest.raises(ValueError):
        i18n.choose_language("de")
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: english))
    assert i18n.choose_language(None) == "en"
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: german))
    assert i18n.choose_language(None) == "fr"
