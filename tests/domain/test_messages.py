"""Every error the domain raises has a French and an English text, and the domain imports
nothing of ours outside itself (and no Qt, no SQLAlchemy)."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

from ptce_desktop.domain import errors
from ptce_desktop.domain.messages import domain as messages_domain

DOMAIN = Path(errors.__file__).parent


def _codes_raised() -> set[str]:
    codes: set[str] = set()
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in {"PtceError", "_fail"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                codes.add(str(node.args[0].value))
    return codes


def test_every_raised_code_has_both_texts() -> None:
    catalogue = errors.all_messages()
    codes = _codes_raised() | {f"{k}_too_precise" for k in ("amount", "units", "percent")}
    codes |= {"invalid_amount", "invalid_units", "invalid_percent", "empty_value"}
    codes |= {"misplaced_separators", "no_participant", "all_weights_zero"}
    for code in sorted(codes):
        assert code in catalogue, code
        fr, en = catalogue[code]
        assert fr and en and fr != en, code


def test_domain_codes_do_not_shadow_shared_ones() -> None:
    assert not set(messages_domain.MESSAGES) & set(errors.MESSAGES)


def test_placeholders_are_plain_names() -> None:
    for fr, en in messages_domain.MESSAGES.values():
        fields = {name for _, name, _, _ in string.Formatter().parse(fr) if name}
        fields_en = {name for _, name, _, _ in string.Formatter().parse(en) if name}
        for name in fields | fields_en:
            assert re.fullmatch(r"[a-z_]+", name), name


def test_domain_loads_no_qt_and_no_sqlalchemy() -> None:
    """The import contracts (tests/test_layers.py) check the source; this checks a real run."""
    code = (
        "import sys, ptce_desktop.domain.allocation, ptce_desktop.domain.cerfa, "
        "ptce_desktop.domain.categories, ptce_desktop.domain.identifiers, "
        "ptce_desktop.domain.money, ptce_desktop.domain.periods; "
        "ptce_desktop.domain.errors.all_messages(); "
        "assert 'PySide6' not in sys.modules and 'sqlalchemy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
