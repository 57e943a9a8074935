"""PySide's per-import source check, lightened: same answers, nothing kept in linecache."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

from ptce_desktop.ui.shell import pyside_hook
from ptce_desktop.ui.shell.pyside_hook import lighten_pyside_imports, mentions_pyside


def _module(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_answer_is_the_same_without_the_line_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is imported)

    assert lighten_pyside_imports()
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is mentions_pyside
    _module(tmp_path, "ptce_uses_qt", "# « é » & <co>\nfrom PySide6.QtCore import QObject\n")
    _module(tmp_path, "ptce_plain", "# « é » & <co> l'Éclair €\nVALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("ptce_uses_qt", "ptce_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    uses_qt = __import__("ptce_uses_qt")  # the import statement's way (PySide hooks it)
    plain = __import__("ptce_plain")
    try:
        assert feature.pyside_feature_dict["ptce_uses_qt"] == 0  # "uses PySide": switchable
        assert feature.pyside_feature_dict["ptce_plain"] == -1  # ignored
        assert uses_qt.__file__ not in linecache.cache
        assert plain.__file__ not in linecache.cache
    finally:
        for name in ("ptce_uses_qt", "ptce_plain"):
            feature.pyside_feature_dict.pop(name, None)


def test_modules_without_a_source_file_do_not_use_pyside(tmp_path: Path) -> None:
    assert mentions_pyside(sys) is False  # built in
    assert mentions_pyside(importlib.import_module("PySide6.QtCore")) is False  # extension
    gone = type(sys)("ptce_gone")
    gone.__file__ = str(tmp_path / "disparu « é ».py")
    assert mentions_pyside(gone) is False


def test_a_pyside_without_the_check_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyside_hook, "_FEATURE_MODULE", "ptce_no_such_module")
    assert lighten_pyside_imports() is False
