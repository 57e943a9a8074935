"""Qt's own dialogs entirely in French (#15 item 8): the texts ``qtbase_fr.qm`` lacks in Qt 6.12
(« &Look in: », « Files of &type: »…) come from our catalogue under Qt's contexts; words fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from ptce_desktop.domain.keys import Method
from ptce_desktop.ui import i18n
from ptce_desktop.ui.pages.keys.models import method_label
from ptce_desktop.ui.shell.launch_dialogs import file_filter

#: Words that are the same in both languages.
SAME_IN_BOTH = {"Type", "OK"}


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    default = QLocale()

    def use(lang: str) -> None:
        i18n.install_translators(qapp, lang)

    yield use
    for translator in qapp.findChildren(QTranslator, "ptce-translator"):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(default)
    i18n._language = "fr"


def dialog_texts(qtbot: QtBot, folder: Path, mode: str) -> set[str]:
    dialog = QFileDialog(None, "Choisir « un fichier » & <co>", str(folder), file_filter())
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.show()
    QApplication.processEvents()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    for button in dialog.findChildren(QAbstractButton):
        texts |= {button.text(), button.toolTip()}
    texts |= {action.text() for action in dialog.findChildren(QAction)}
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts |= {
            str(model.headerData(column, Qt.Orientation.Horizontal))
            for column in range(model.columnCount())
        }
    for combo in dialog.findChildren(QComboBox):
        texts |= {combo.itemText(index) for index in range(combo.count())}
    dialog.close()
    # paths and the filter's patterns are not words
    return {text for text in texts if text and "/" not in text and "(*" not in text}


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialog_has_no_english_label(
    qtbot: QtBot, tmp_path: Path, language, mode: str
) -> None:
    (tmp_path / "pôle & <co>.sqlite3").write_bytes(b"")
    language("en")
    english = dialog_texts(qtbot, tmp_path, mode)
    assert ("&Look in:" in english and "Files of &type:" in english) or mode == "folder"
    language("fr")
    french = dialog_texts(qtbot, tmp_path, mode)
    left = (french & english) - SAME_IN_BOTH
    assert not left, f"still in English: {sorted(left)}"
    assert "&Voir dans\u00a0:" in french
    assert "Tous les fichiers (*)" in file_filter()


def test_missing_qt_texts_are_in_our_catalogue(language) -> None:
    language("fr")
    for context, text in i18n.QT_MISSING_TEXTS:
        assert QCoreApplication.translate(context, text) != text, (context, text)


def test_equal_method_reads_parts_egales(language) -> None:
    language("fr")
    assert method_label(Method.EQUAL) == "Parts égales"
    language("en")
    assert method_label(Method.EQUAL) == "Equal shares"
