"""One formatter per figure: amounts, integers and percentages get their text from
``domain/money.py`` and ``domain/percentages.py`` only.

The copies that once lived in the pages (seven ``money()`` wrappers), the dashboard's chart
(``format_euros``), the explanation widget (``_percent``, which rounded half to even) and the
reports (``integer_text``, ``percent_text``, ``_money``, ``_percent``) are gone; the scan below
fails if a function of one of those names, or of a domain formatter's name, is defined again
anywhere in ``ptce_desktop`` outside ``domain/``. The second half pins the texts the removed
copies printed, now printed by the domain functions.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

import ptce_desktop
from ptce_desktop.domain import money, percentages
from ptce_desktop.domain.money import (
    NBSP,
    format_euros,
    format_integer,
    format_money,
    format_money_or_empty,
    format_percent,
)
from ptce_desktop.domain.percentages import share_percent_bp

PACKAGE = Path(ptce_desktop.__file__).parent
DOMAIN = PACKAGE / "domain"

# The names the stray copies had. Written out, so that a legitimate name (``money_text``,
# ``format_size``, ``_percent_column``…) can never match by accident.
REMOVED_COPIES = frozenset(
    {"money", "_money", "format_euros", "percent_text", "_percent", "integer_text"}
)

# The domain's own formatters: a function of the same name elsewhere is a copy by definition.
DOMAIN_FORMATTERS = frozenset(
    name
    for module in (money, percentages)
    for name, function in inspect.getmembers(module, inspect.isfunction)
    if function.__module__ == module.__name__
    and (name.startswith("format_") or name in percentages.__all__)
)

BANNED = REMOVED_COPIES | DOMAIN_FORMATTERS

# Functions outside domain/ that carry a banned name and are NOT text formatters.
ALLOWED = frozenset(
    {
        # reads a spreadsheet cell into integer cents (parse_money), the inverse of a formatter
        ("exchange/cells.py", "money"),
    }
)


def banned_definitions(source: str, banned: frozenset[str] = BANNED) -> Iterator[tuple[int, str]]:
    """(line, name) of every function defined in ``source`` under a banned name, at any depth
    (module level, in a class, nested in a function), and of every ``name = lambda …``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in banned:
            yield node.lineno, node.name
        elif isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Lambda):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in banned:
                    yield node.lineno, target.id


def _modules_outside_domain() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if DOMAIN not in p.parents)


def test_the_domain_formatters_are_found() -> None:
    # If the introspection above found nothing, the scan would only check the written names.
    assert {
        "format_money",
        "format_money_or_empty",
        "format_percent",
        "format_exact_cents",
        "format_euros",
        "format_integer",
        "format_units",
        "share_percent_bp",
        "percent_column",
    } <= DOMAIN_FORMATTERS


def test_the_scan_covers_the_package() -> None:
    modules = {p.relative_to(PACKAGE).as_posix() for p in _modules_outside_domain()}
    assert {"ui/i18n.py", "reports/flowables.py", "services/calls/payments.py"} <= modules
    assert not any(m.startswith("domain/") for m in modules)
    assert len(modules) > 100


def test_no_formatter_copy_outside_domain() -> None:
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{line}: def {name}"
        for path in _modules_outside_domain()
        for line, name in banned_definitions(path.read_text(encoding="utf-8"))
        if (path.relative_to(PACKAGE).as_posix(), name) not in ALLOWED
    ]
    assert found == [], (
        "format amounts and percentages with ptce_desktop.domain.money / .percentages "
        "(in the UI: ptce_desktop.ui.i18n.money_text), not a local copy:\n" + "\n".join(found)
    )


def test_every_allowed_exception_still_exists() -> None:
    # An exception whose function went away would silently allow a future copy.
    for relative, name in ALLOWED:
        source = (PACKAGE / relative).read_text(encoding="utf-8")
        assert any(n == name for _, n in banned_definitions(source)), (relative, name)


SAMPLE = """
def money_text(cents): ...
def _money_total(cents): ...
def format_size(size): ...
class Panel:
    def money(self, cents): ...
    def show(self):
        self.helpers.money(1)
        def _percent(share): ...
async def percent_text(bp): ...
def build():
    money = lambda cents: str(cents)
    integer_text: object = lambda value: str(value)
    format_euros = some_module.format_euros
def format_money(cents, lang="fr"): ...
"""


def test_the_scan_catches_copies_at_any_depth_and_only_them() -> None:
    assert sorted(banned_definitions(SAMPLE)) == [
        (6, "money"),
        (9, "_percent"),
        (10, "percent_text"),
        (12, "money"),
        (13, "integer_text"),
        (15, "format_money"),
    ]


# --- the texts the removed copies printed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, f"1{NBSP}000", "1,000"),
        (1_234_567, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (-1000, f"-1{NBSP}000", "-1,000"),
    ],
)
def test_format_integer_prints_what_reports_integer_text_did(value: int, fr: str, en: str) -> None:
    assert format_integer(value) == fr
    assert format_integer(value, lang="en") == en
    # reports.flowables.integer_text was this:
    assert fr == ("-" if value < 0 else "") + f"{abs(value):,}".replace(",", NBSP)


@pytest.mark.parametrize(
    ("euros", "fr", "en"),
    [
        (0, f"0{NBSP}€", "€0"),
        (12_000, f"12{NBSP}000{NBSP}€", "€12,000"),
        (-2_500, f"-2{NBSP}500{NBSP}€", "-€2,500"),
        (1_000_000, f"1{NBSP}000{NBSP}000{NBSP}€", "€1,000,000"),
    ],
)
def test_format_euros_prints_the_chart_axis(euros: int, fr: str, en: str) -> None:
    assert format_euros(euros) == fr
    assert format_euros(euros, lang="en") == en
    assert format_euros(euros) == format_money(euros * 100).replace(",00", "")


@pytest.mark.parametrize(
    ("basis_points", "text"),
    [
        (9583, f"95,83{NBSP}%"),
        (12_345, f"123,45{NBSP}%"),
        (9300, f"93,00{NBSP}%"),
        (5, f"0,05{NBSP}%"),
        (-1250, f"-12,50{NBSP}%"),
        (1_000_000, f"10{NBSP}000,00{NBSP}%"),
    ],
)
def test_fixed_percent_prints_what_cerfa_percent_text_did(basis_points: int, text: str) -> None:
    assert format_percent(basis_points, fixed=True) == text


def test_money_or_empty_prints_the_cerfa_placeholder() -> None:
    placeholder = "Aucune donnée — « l'été & <rien> » pour Association des Producteurs Réunis"
    assert format_money_or_empty(None, empty=placeholder) == placeholder
    assert format_money_or_empty(None) == ""
    assert format_money_or_empty(0, empty=placeholder) == f"0,00{NBSP}€"
    assert format_money_or_empty(-123_456, empty="—") == f"-1{NBSP}234,56{NBSP}€"
    assert format_money_or_empty(123_456, symbol=False, lang="en") == "1,234.56"


def test_a_share_is_rounded_half_up_not_half_to_even() -> None:
    # widgets/explain._percent and the call explanation used round(), half to even.
    half = Fraction(1, 4000)  # 0,025 % exactly: 2,5 basis points
    assert round(half * 10_000) == 2  # what the removed copies printed: 0,02 %
    assert format_percent(share_percent_bp(half)) == f"0,03{NBSP}%"  # the one rule: half up
    assert format_percent(share_percent_bp(Fraction(2469, 20_000)), fixed=True) == (f"12,35{NBSP}%")
    assert format_percent(share_percent_bp(Fraction(1, 3)), lang="en") == "33.33%"
