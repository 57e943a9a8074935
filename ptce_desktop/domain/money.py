"""Money, quantities and percentages as exact integers, and their French/English text forms.

Stored forms (DESIGN §3): money in integer **cents**, units (m², hours, ETP…) in integer
**thousandths**, percentages in integer **basis points** (hundredths of a percent).
Parsing goes through :class:`decimal.Decimal`; no float is ever involved.

Printed forms use ONE space character, U+00A0 NO-BREAK SPACE (:data:`NBSP`), both as the
thousands separator and before ``€`` / ``%``, so an amount never breaks across lines and the
same string is produced on screen, in PDFs and in exports: ``1 234,56 €``. Input also accepts
a plain space and U+202F NARROW NO-BREAK SPACE (what some spreadsheets and macOS produce).
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation
from fractions import Fraction

from ptce_desktop.domain.errors import PtceError

NBSP = "\u00a0"
#: U+2212 MINUS SIGN, printed before negative amounts in documents (``typographic=True``).
MINUS_SIGN = "\u2212"
"""The one space character of printed numbers (group separator, before € and %)."""

MAX_CENTS = 10**13
"""Largest accepted amount magnitude: 100 000 000 000,00 €."""
MAX_THOUSANDTHS = 10**15
"""Largest accepted quantity: 1 000 000 000 000 units."""
MAX_PERCENT_BP = 10_000
"""Default largest percentage for :func:`parse_percent`: 100 %."""

_SPACES = (" ", NBSP, "\u202f")
_MINUS_SIGNS = ("-", "\u2212")  # ASCII hyphen-minus and U+2212 MINUS SIGN (pasted from documents)
_MAX_INPUT_LENGTH = 64

# Integer part: plain digits, or groups of three after 1-3 leading digits, separated by one
# space (all spaces are normalised to " " first), or in English by commas.
_INT_SPACED = r"\d{1,3}(?: \d{3})+"
_INT_COMMAS = r"\d{1,3}(?:,\d{3})+"
_FR_NUMBER = re.compile(rf"(?P<int>{_INT_SPACED}|\d+)(?:(?P<sep>[,.])(?P<frac>\d+))?")
_EN_NUMBER = re.compile(rf"(?P<int>{_INT_COMMAS}|{_INT_SPACED}|\d+)(?:(?P<sep>[.,])(?P<frac>\d+))?")
_NUMBERISH = re.compile(r"[\d ,.]*")
_EXACT = Context(prec=200)  # inputs are at most 64 characters: no rounding ever happens


class _Bad(Exception):
    """Internal: why a number could not be read ("empty", "separators", "invalid")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _read_decimal(text: str, lang: str, suffixes: tuple[str, ...]) -> tuple[Decimal, int]:
    """Read a signed decimal written in ``lang`` style; ``suffixes`` may be stripped once
    at the start or the end (``€``, ``%``). Returns the value and how many decimals were
    written ("12,50" has two). Raises :class:`_Bad`."""
    s = text.strip()
    if not s:
        raise _Bad("empty")
    if len(s) > _MAX_INPUT_LENGTH:
        raise _Bad("invalid")
    for space in _SPACES[1:]:
        s = s.replace(space, " ")
    negative = signed = False
    for _ in range(2):  # "-12 €", "€-12", "-€12": one sign and one symbol at most
        if not signed and (s[:1] in _MINUS_SIGNS or s[:1] == "+"):
            negative, signed = s[:1] in _MINUS_SIGNS, True
            s = s[1:].lstrip(" ")
        for suffix in suffixes:
            if s.startswith(suffix):
                s = s[len(suffix) :].lstrip(" ")
                suffixes = ()
                break
    for suffix in suffixes:
        if s.endswith(suffix):
            s = s[: -len(suffix)].rstrip(" ")
            break
    pattern = _EN_NUMBER if lang == "en" else _FR_NUMBER
    match = pattern.fullmatch(s)
    if match is None:
        raise _Bad("separators" if s and _NUMBERISH.fullmatch(s) else "invalid")
    int_part, sep, frac = match.group("int"), match.group("sep"), match.group("frac") or ""
    if sep == "," and "," in int_part:  # English "1,234,5": grouping comma then decimal comma
        raise _Bad("separators")
    digits = int_part.replace(" ", "").replace(",", "")
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex only lets digits through
        raise _Bad("invalid") from exc
    if negative and not value:
        # "-0" / "-0,00": a sign with nothing to sign is a half-typed entry, not zero.
        raise _Bad("invalid")
    return (-value if negative else value), len(frac)


def _to_scaled(
    text: str,
    lang: str,
    field: str | None,
    *,
    kind: str,
    decimals: int,
    suffixes: tuple[str, ...],
    example: str,
) -> int:
    """Parse and scale by 10**decimals, mapping every failure to a :class:`PtceError`."""
    invalid_code = f"invalid_{kind}"
    try:
        value, written_decimals = _read_decimal(text, lang, suffixes)
    except _Bad as bad:
        code = {"empty": "empty_value", "separators": "misplaced_separators"}.get(
            bad.reason, invalid_code
        )
        raise PtceError(code, field, value=text.strip(), example=example) from None
    # "12,500" is refused for money even though it equals 12,50: three written decimals
    # more often mean a mistyped "12 500" than a trailing zero.
    if written_decimals > decimals:
        raise PtceError(f"{kind}_too_precise", field, value=text.strip(), example=example)
    return int(value.scaleb(decimals, context=_EXACT))


def _group(digits: str, sep: str) -> str:
    """'1234567' -> '1 234 567' with ``sep`` between groups of three."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def _format_scaled(value: int, decimals: int, lang: str, *, keep_zeros: bool) -> str:
    """Format ``value / 10**decimals``; trailing fraction zeros are dropped unless
    ``keep_zeros`` (money keeps its two decimals)."""
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10**decimals)
    frac_text = str(frac).rjust(decimals, "0") if decimals else ""
    if not keep_zeros:
        frac_text = frac_text.rstrip("0")
    group_sep, dec_sep = (",", ".") if lang == "en" else (NBSP, ",")
    text = _group(str(whole), group_sep)
    if frac_text:
        text += dec_sep + frac_text
    return sign + text


# --- money ------------------------------------------------------------------------------------


def _money_example(lang: str) -> str:
    return "1,234.56" if lang == "en" else "1 234,56"


def parse_money(text: str, lang: str = "fr", *, field: str | None = None) -> int:
    """Read an amount typed by the user and return integer cents.

    French (default): ``1234,56``, ``1 234,56 €``, ``1234.56``, ``-12,5``, ``€ 12``; spaces may be
    U+0020, U+00A0 or U+202F, in groups of three. English also accepts ``1,234.56`` and
    ``€1,234.56``. At most two decimals; magnitude at most :data:`MAX_CENTS`.
    Raises :class:`PtceError` (``empty_value``, ``misplaced_separators``, ``invalid_amount``,
    ``amount_too_precise``, ``amount_out_of_range``) with ``value`` and ``example``.
    """
    example = _money_example(lang)
    cents = _to_scaled(
        text, lang, field, kind="amount", decimals=2, suffixes=("€",), example=example
    )
    if abs(cents) > MAX_CENTS:
        raise PtceError(
            "amount_out_of_range",
            field,
            value=text.strip(),
            limit=format_money(MAX_CENTS, lang=lang),
        )
    return cents


def format_money(
    cents: int, *, symbol: bool = True, lang: str = "fr", typographic: bool = False
) -> str:
    """``123456`` -> ``1 234,56 €`` (U+00A0 as group separator and before €); negative
    ``-1 234,56 €``. English: ``€1,234.56`` / ``-€1,234.56``. ``symbol=False`` drops the €.

    ``typographic=True`` (printed documents) writes a negative amount with the real minus sign
    U+2212 (``−1 234,56 €``) instead of the hyphen-minus screens and exports keep.
    """
    number = _format_scaled(abs(cents), 2, lang, keep_zeros=True)
    sign = (MINUS_SIGN if typographic else "-") if cents < 0 else ""
    if not symbol:
        return sign + number
    if lang == "en":
        return f"{sign}€{number}"
    return f"{sign}{number}{NBSP}€"


def format_money_or_empty(
    cents: int | None,
    *,
    empty: str = "",
    symbol: bool = True,
    lang: str = "fr",
    typographic: bool = False,
) -> str:
    """:func:`format_money`, or ``empty`` (a blank cell, « — »…) when there is no amount."""
    if cents is None:
        return empty
    return format_money(cents, symbol=symbol, lang=lang, typographic=typographic)


def format_euros(euros: int, *, lang: str = "fr", typographic: bool = False) -> str:
    """Whole euros (chart axes): ``12 000 €`` (French) or ``€12,000``; ``typographic`` as in
    :func:`format_money`."""
    number = _format_scaled(abs(euros), 0, lang, keep_zeros=True)
    sign = (MINUS_SIGN if typographic else "-") if euros < 0 else ""
    return f"{sign}€{number}" if lang == "en" else f"{sign}{number}{NBSP}€"


def format_exact_cents(exact: Fraction, *, lang: str = "fr") -> str:
    """An exact amount of cents in euros, with as many decimals as it needs up to six, or
    three and an ellipsis: ``1 234,50 €``, ``-0,00125 €``, ``666,666… €``."""
    euros = abs(exact) / 100
    sign = "-" if exact < 0 else ""
    for decimals in range(2, 7):
        scaled = euros * 10**decimals
        if scaled.denominator == 1:
            number = _format_scaled(scaled.numerator, decimals, lang, keep_zeros=True)
            break
    else:
        truncated = euros.numerator * 1000 // euros.denominator
        number = _format_scaled(truncated, 3, lang, keep_zeros=True) + "…"
    if lang == "en":
        return f"{sign}€{number}"
    return f"{sign}{number}{NBSP}€"


def format_integer(value: int, *, lang: str = "fr") -> str:
    """``1234567`` -> ``1 234 567`` (U+00A0 between groups, like amounts); English commas."""
    sign = "-" if value < 0 else ""
    return sign + _format_scaled(abs(value), 0, lang, keep_zeros=True)


# --- quantities (thousandths) -----------------------------------------------------------------


def parse_units(text: str, lang: str = "fr", *, field: str | None = None) -> int:
    """Read a quantity (m², hours, ETP…) and return integer thousandths: ``"12,5"`` -> 12500.

    Non-negative, at most three decimals, at most :data:`MAX_THOUSANDTHS`. Raises
    :class:`PtceError` (``empty_value``, ``misplaced_separators``, ``invalid_units``,
    ``units_too_precise``, ``units_out_of_range``).
    """
    example = "1,234.5" if lang == "en" else "1 234,5"
    value = _to_scaled(text, lang, field, kind="units", decimals=3, suffixes=(), example=example)
    if not 0 <= value <= MAX_THOUSANDTHS:
        raise PtceError(
            "units_out_of_range",
            field,
            value=text.strip(),
            limit=format_units(MAX_THOUSANDTHS, lang=lang),
        )
    return value


def format_units(thousandths: int, *, lang: str = "fr", decimals: int | None = None) -> str:
    """``120000`` -> ``120``; ``12500`` -> ``12,5``; ``1234000`` -> ``1 234`` (U+00A0).

    ``decimals`` (0 to 3) rounds half up to that many decimals and keeps them all, for a
    column of figures: ETP with ``decimals=2`` print ``11,51``, ``2,10``, ``4,00``.
    """
    if decimals is None:
        return _format_scaled(thousandths, 3, lang, keep_zeros=False)
    if not 0 <= decimals <= 3:
        raise ValueError("decimals must be between 0 and 3")
    step = 10 ** (3 - decimals)
    rounded = (abs(thousandths) + step // 2) // step
    sign = "-" if thousandths < 0 and rounded else ""
    return sign + _format_scaled(rounded, decimals, lang, keep_zeros=True)


# --- percentages (basis points) ---------------------------------------------------------------


def parse_percent(
    text: str,
    lang: str = "fr",
    *,
    field: str | None = None,
    maximum: int = MAX_PERCENT_BP,
) -> int:
    """Read a percentage and return basis points: ``"12,5 %"`` -> 1250; ``"20"`` -> 2000.

    The ``%`` sign is optional; at most two decimals; between 0 and ``maximum`` basis points
    (100 % by default). Raises :class:`PtceError` (``empty_value``, ``misplaced_separators``,
    ``invalid_percent``, ``percent_too_precise``, ``percent_out_of_range``).
    """
    example = "12.5" if lang == "en" else "12,5"
    value = _to_scaled(
        text, lang, field, kind="percent", decimals=2, suffixes=("%",), example=example
    )
    if not 0 <= value <= maximum:
        raise PtceError(
            "percent_out_of_range",
            field,
            value=text.strip(),
            limit=format_percent(maximum, lang=lang),
        )
    return value


def format_percent(
    basis_points: int, *, symbol: bool = True, lang: str = "fr", fixed: bool = False
) -> str:
    """``1250`` -> ``12,5 %`` (U+00A0 before %); English ``12.5%``.

    ``fixed=True`` always prints two decimals (``12,50 %``), for columns of percentages.
    """
    number = _format_scaled(basis_points, 2, lang, keep_zeros=fixed)
    if not symbol:
        return number
    return f"{number}%" if lang == "en" else f"{number}{NBSP}%"
