"""In English the counts read as English: « 1 member », « 3 members », never « 3 member(s) ».

The UI's source text is English, so English needs no catalogue but for the counts
(``tr("%n member(s)", "", n)``): ``ptce_en.ts`` gives them their singular and plural, and
``install_translators(app, "en")`` loads its ``ptce_en.qm``.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.ui import ui_language
from test_i18n import _tool

from ptce_desktop.services.members.members import MemberDraft
from ptce_desktop.ui import i18n
from ptce_desktop.ui.pages.members.page import MembersPage
from ptce_desktop.ui.shell.context import AppContext

TS_FR = i18n.translations_dir() / "ptce_fr.ts"
TS_EN = i18n.translations_dir() / "ptce_en.ts"
QM_EN = i18n.translations_dir() / "ptce_en.qm"
#: A plural written the lazy way: « member(s) », « body(ies) », « box(es) ».
LAZY_PLURAL = re.compile(r"\w\((s|es|ies)\)")
HINT = "run: uv run python resources/translations/refresh.py --lang en --todo (see its README)"


def numerus(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the plural forms, for every count of the catalogue."""
    entries = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                translation = message.find("translation")
                finished = translation is not None and not translation.get("type")
                forms = [f.text or "" for f in message.iter("numerusform")] if finished else []
                entries[(name, message.findtext("source", ""))] = forms
    return entries


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The UI in English (its counts' catalogue), removed after the test."""
    with ui_language(qapp, "en"):
        yield


def test_every_french_count_has_finished_english_forms() -> None:
    french, english = numerus(TS_FR), numerus(TS_EN)
    assert len(french) >= 40
    missing = [key for key in french if not english.get(key)]
    assert missing == [], f"counts without English forms in ptce_en.ts: {missing}; {HINT}"
    for key, forms in english.items():
        assert len(forms) == 2 and all(forms), (key, forms)
        assert not any(LAZY_PLURAL.search(form) for form in forms), (key, forms)
    assert 'type="unfinished"' not in TS_EN.read_text(encoding="utf-8"), HINT


@pytest.mark.usefixtures("english")
def test_every_count_reads_as_english_for_one_and_for_three() -> None:
    for (context, source), _forms in numerus(TS_FR).items():
        one = QCoreApplication.translate(context, source, "", 1)
        three = QCoreApplication.translate(context, source, "", 3)
        for text in (one, three):
            assert not LAZY_PLURAL.search(text), (context, source, text)
            assert "%n" not in text and "%Ln" not in text, (context, source, text)
        if "%n" in source or "%Ln" in source:  # the number is said
            assert "1" in one and "3" in three, (context, source, one, three)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("context", "source", "one", "three"),
    [
        ("MembersPage", "%n member(s)", "1 member", "3 members"),
        ("ActivityPage", "%n governance body(ies)", "1 governance body", "3 governance bodies"),
        ("CostsPage", "Total of the %Ln cost(s) shown", "Total of the 1 cost shown",
         "Total of the 3 costs shown"),
        ("VersionDialog", "%n member(s) take part", "1 member takes part",
         "3 members take part"),
    ],
)  # fmt: skip
def test_english_singular_only_for_exactly_one(
    context: str, source: str, one: str, three: str
) -> None:
    assert QCoreApplication.translate(context, source, "", 1) == one
    assert QCoreApplication.translate(context, source, "", 3) == three
    zero = QCoreApplication.translate(context, source, "", 0)
    assert zero == three.replace("3", "0")  # « 0 members », unlike French « 0 membre »


def test_committed_english_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    assert QM_EN.stat().st_mtime >= TS_EN.stat().st_mtime - 1, "ptce_en.qm older than its .ts"
    rebuilt = tmp_path / "ptce_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS_EN), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert rebuilt.read_bytes() == QM_EN.read_bytes(), "ptce_en.qm is stale: run refresh.py"


def test_english_catalogue_holds_only_counts() -> None:
    """Any other text would only repeat the English source (or, worse, change it)."""
    messages = list(ET.parse(TS_EN).getroot().iter("message"))
    assert messages and all(m.get("numerus") == "yes" for m in messages)


@pytest.mark.usefixtures("english")
def test_members_page_in_english_counts_members(qtbot: QtBot, ctx: AppContext) -> None:
    names = ("Coopérative L'Éclair & <Fils> €", "Mairie d'Étoile", "Scop " + "très long nom " * 8)
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    ctx.changes.changed.connect(page.refresh)  # what the window does
    page.set_fiscal_year(2025)
    ctx.members.create(MemberDraft(name=names[0]))
    assert page.count_label.text() == "1 member"
    for name in names[1:]:
        ctx.members.create(MemberDraft(name=name))
    assert page.count_label.text() == "3 members"
    page.search.setText("éclair")
    assert page.count_label.text() == "1 shown of 3 members"
