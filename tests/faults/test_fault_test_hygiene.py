"""Typing non-ASCII text in GUI tests (§5, item 41): ``keyClicks`` sends key events, which
lose or mangle accents on some platforms; tests type such text with ``setText``."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
TYPING_CALLS = {"keyClicks", "keyClick", "keyPress", "keyRelease"}


def non_ascii_key_typing(source: str, name: str = "<test>") -> list[str]:
    """``file:line`` of every key-typing call given a string literal with non-ASCII text."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, name)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called not in TYPING_CALLS:
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            for part in ast.walk(argument):
                if (
                    isinstance(part, ast.Constant)
                    and isinstance(part.value, str)
                    and not part.value.isascii()
                ):
                    found.append(f"{name}:{node.lineno}")
    return found


def test_item41_the_guard_catches_accented_key_clicks() -> None:
    sample = (
        "qtbot.keyClicks(edit, 'Drôme')\n"
        "QTest.keyClicks(edit, f'Pôle {n}')\n"
        "qtbot.keyClick(edit, 'é')\n"
        "qtbot.keyClicks(edit, 'Pole Sud')\n"
        "edit.setText('Drôme')  # keyClicks('é') in a comment is fine\n"
    )
    assert non_ascii_key_typing(sample) == ["<test>:1", "<test>:2", "<test>:3"]


def test_item41_no_test_types_non_ascii_text_with_key_events() -> None:
    offenders: list[str] = []
    for path in sorted(TESTS.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if any(call in source for call in TYPING_CALLS):
            offenders += non_ascii_key_typing(source, str(path.relative_to(TESTS)))
    assert offenders == [], "use setText() for non-ASCII text: " + ", ".join(offenders)
