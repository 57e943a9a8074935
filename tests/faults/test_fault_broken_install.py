"""A broken install and a machine without a display (§5, items 39 and 40)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from support.faults_world import font_names, pdf_text

from ptce_desktop.reports import fonts, styles
from ptce_desktop.reports.base import render_pdf
from ptce_desktop.reports.flowables import para
from ptce_desktop.ui import i18n
from ptce_desktop.ui.compat import pin_singletons

pin_singletons()  # PySide6 6.12 on Python 3.11 (see ptce_desktop/ui/compat.py)

TEXT = "Œuvre & Cœur <Drôme> — 1 234,56 € l'été"


@pytest.fixture
def fonts_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The bundled TTF files are gone; the process registers fonts afresh."""
    monkeypatch.setattr(fonts, "font_path", lambda name: tmp_path / "absent" / name)
    monkeypatch.setattr(fonts, "_registered", None)
    styles.get_styles.cache_clear()
    yield
    monkeypatch.undo()
    styles.get_styles.cache_clear()  # later reports get the real fonts back


def test_item39_missing_font_files_reports_fall_back_and_log_a_warning(
    fonts_missing: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ptce_desktop.reports.fonts"):
        data, pages = render_pdf(
            title="Rapport & <test>", subject="s", pole_name="Pôle & <co>", story=[para(TEXT)]
        )
    assert pages == 1 and TEXT in pdf_text(data)
    assert font_names(data) and all("Helvetica" in name for name in font_names(data))
    assert any("falling back to Helvetica" in record.getMessage() for record in caplog.records)


@pytest.fixture
def translators_cleaned(qapp: QApplication) -> Iterator[QApplication]:
    default_locale = QLocale()
    yield qapp
    for translator in qapp.findChildren(QTranslator, "ptce-translator"):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(default_locale)
    i18n._language = "fr"


def test_item39_missing_qtbase_fr_still_starts_in_french_with_a_warning(
    translators_cleaned: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    class NoQtTranslations:
        class LibraryPath:
            TranslationsPath = None

        @staticmethod
        def path(_which: object) -> str:
            return str(tmp_path / "pas de traductions Qt")

    monkeypatch.setattr(i18n, "QLibraryInfo", NoQtTranslations)
    with caplog.at_level(logging.WARNING, logger="ptce_desktop.ui.i18n"):
        assert i18n.install_translators(translators_cleaned, "fr") == "fr"
    assert any("qtbase_fr not found" in record.getMessage() for record in caplog.records)
    # Our own catalogue is still there: the window speaks French.
    assert QCoreApplication.translate("Shell", "Saving a copy…") == "Enregistrement de la copie…"


HEADLESS = textwrap.dedent(
    """
    from ptce_desktop.ui.compat import pin_singletons
    pin_singletons()
    from PySide6.QtWidgets import QApplication
    from ptce_desktop.ui.i18n import install_translators
    from ptce_desktop.ui.shell.main_window import MainWindow
    from ptce_desktop.ui.style import apply_style

    app = QApplication(["ptce-desktop"])
    install_translators(app, "fr")
    apply_style(app)
    window = MainWindow()
    window.show()
    app.processEvents()
    assert not window.grab().isNull()
    print(app.platformName(), window.isVisible())
    window.close()
    """
)


def test_item40_the_window_starts_without_any_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", HEADLESS],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["offscreen", "True"]
