"""Cell values to typed values, reusing the domain's parsers (money, units, percentages, dates,
identifiers). Each converter takes a cell as read (text from CSV; numbers, booleans and dates
from workbooks) and returns the typed value, ``None`` for an empty cell, or raises
:class:`PtceError` with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ptce_desktop.domain.categories import MemberCategory
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import (
    validate_eu_vat_number,
    validate_rna,
    validate_siren,
    validate_siret,
)
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import parse_money, parse_percent, parse_units
from ptce_desktop.domain.periods import parse_date
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.exchange.readers import Cell

Converter = Callable[[Cell], Any]

_SHORT_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def normalise(text: str) -> str:
    """Accents, case and punctuation ignored: « Date d'adhésion » -> ``date d adhesion``."""
    decomposed = unicodedata.normalize("NFKD", text.replace("²", "2").replace("°", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", plain).split())


def cell_text(cell: Cell) -> str:
    """The cell as the user sees it, for messages and text fields (12.0 -> ``12``)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "oui" if cell else "non"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        shortest = repr(cell)  # 1234567.89, not 1234567.8899999999
        if "e" not in shortest and "n" not in shortest:
            return shortest
        return f"{cell:.10f}".rstrip("0").rstrip(".")
    if isinstance(cell, dt.datetime):
        return cell.strftime("%d/%m/%Y") if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.strftime("%d/%m/%Y")
    return str(cell).strip()


def text(cell: Cell) -> str | None:
    value = cell_text(cell)
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        value = value[1:]  # a formula neutralised by an export (exchange.export.sheet)
    return value or None


_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?\s*[eE]\+?\d+")


def _identifier(validate: Callable[..., str], digits: int | None = None) -> Converter:
    """``digits``: the length of a number-only identifier (SIRET 14, SIREN 9).

    A workbook cell holding a **number** cannot keep leading zeros: it is given them back
    (``123457410009`` -> ``00123457410009``), then checked as usual. Text (a CSV, a cell
    formatted as text) is never padded, since a mistyped number could then pass; when padding
    would make it valid, or when Excel wrote it in scientific notation (« 7,32829E+13 », its
    last digits lost), the message says so."""

    def convert(cell: Cell) -> str | None:
        value = cell_text(cell)
        if not value:
            return None
        number = isinstance(cell, int | float) and not isinstance(cell, bool)
        if digits and number and value.isdigit() and len(value) < digits:
            value = value.zfill(digits)
        try:
            return validate(value)
        except PtceError as error:
            if not digits:
                raise
            compact = _SPACES.sub("", value)
            if _SCIENTIFIC.fullmatch(compact):
                raise PtceError(
                    "import_identifier_scientific", kind=error.values.get("kind"), value=value
                ) from None
            if error.code == "identifier_length" and compact.isdigit() and len(compact) < digits:
                padded = compact.zfill(digits)
                try:
                    validate(padded)
                except PtceError:
                    raise error from None
                raise PtceError(
                    "import_identifier_leading_zeros",
                    kind=error.values.get("kind"),
                    expected=digits,
                    got=len(compact),
                    padded=padded,
                ) from None
            raise

    return convert


def postcode(cell: Cell) -> str | None:
    """A postcode as text. A workbook cell holding a **number** has lost its leading zero
    (07000, Ardèche, shows as 7000): a whole number of 4 digits gets it back. Text is kept as
    typed (the member service checks it), but 4 digits alone are refused here, with the
    postcode the spreadsheet most likely dropped a zero from (a CSV keeps what Excel showed;
    padding it could turn a mistyped « 2600 » into Aisne's « 02600 »)."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        shown = cell_text(cell)
        if shown.isdigit() and len(shown) == 4:
            return shown.zfill(5)
    value = text(cell)
    if value is not None and value.isdigit() and len(value) == 4:
        raise PtceError("import_postcode_leading_zero", value=value, padded=value.zfill(5))
    return value


def phone(cell: Cell) -> str | None:
    """A phone number as text. A workbook cell holding a **number** has lost the leading 0 of
    a French number (04 75 10 54 00 shows as 475105400): a whole number of 9 digits gets it
    back. Text is kept as typed."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        shown = cell_text(cell)
        if shown.isdigit() and len(shown) == 9:
            return "0" + shown
    return text(cell)


#: identifiers checked by the domain (key digit included), in compact form
siret = _identifier(validate_siret, 14)
siren = _identifier(validate_siren, 9)
rna = _identifier(validate_rna)
vat_number = _identifier(validate_eu_vat_number)


def _numeric_text(cell: Cell) -> str | None:
    """Numbers from workbooks are written with a point, which the French parsers accept.

    A formula's cached result may carry binary noise (``0.1 + 0.2`` is
    ``0.30000000000000004``): it is rounded to 9 decimals first, far below the cent and the
    thousandth of a unit, so that a true extra decimal (``12.345`` for an amount) is still
    refused."""
    if isinstance(cell, float) and abs(cell) < 1e15:
        cell = round(cell, 9)
    value = cell_text(cell)
    return value or None


def money(cell: Cell) -> int | None:
    value = _numeric_text(cell)
    return None if value is None else parse_money(value)


def units(cell: Cell) -> int | None:
    value = _numeric_text(cell)
    return None if value is None else parse_units(value)


def percent(cell: Cell) -> int | None:
    if isinstance(cell, float) and 0 < cell <= 1 and not cell.is_integer():
        # a cell formatted as a percentage holds the fraction (0.25 shows as 25 %)
        cell = cell * 100
    value = _numeric_text(cell)
    return None if value is None else parse_percent(value)


def date(cell: Cell) -> dt.date | None:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    value = cell_text(cell)
    if not value:
        return None
    if match := _SHORT_YEAR.fullmatch(value):
        day, month, year = match.groups()
        century = 2000 if int(year) < 70 else 1900
        value = f"{day}/{month}/{century + int(year)}"
    return parse_date(value)


def integer(cell: Cell) -> int | None:
    if isinstance(cell, bool):
        raise PtceError("import_invalid_integer", value=cell_text(cell))
    if isinstance(cell, int):
        return cell
    value = _SPACES.sub("", cell_text(cell))
    if not value:
        return None
    if value.endswith((",0", ".0")):
        value = value[:-2]
    if not value.isdigit():
        raise PtceError("import_invalid_integer", value=cell_text(cell))
    return int(value)


def year(cell: Cell) -> int | None:
    """``2025``, ``2025/2026`` or ``2025-2026`` (a fiscal year is named by its first year)."""
    value = cell_text(cell)
    if not value:
        return None
    head, _, tail = value.replace("-", "/").partition("/")
    head, tail = head.strip(), tail.strip()
    if head.isdigit() and len(head) == 4 and (not tail or tail == str(int(head) + 1)):
        return int(head)
    raise PtceError("import_invalid_year", value=value)


_TRUE = {"oui", "o", "yes", "y", "x", "1", "vrai", "true"}
_FALSE = {"non", "n", "no", "0", "faux", "false", "-"}


def boolean(cell: Cell) -> bool | None:
    if isinstance(cell, bool):
        return cell
    value = normalise(cell_text(cell))
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise PtceError("import_invalid_boolean", value=cell_text(cell))


def _choice(table: dict[str, str], code: str, choices: str) -> Converter:
    def convert(cell: Cell) -> str | None:
        value = cell_text(cell)
        if not value:
            return None
        found = table.get(normalise(value))
        if found is None:
            raise PtceError(code, value=value, choices=choices)
        return found

    return convert


def _category_table() -> dict[str, str]:
    """The categories' codes and labels, and the words coordinators write for them. The legal
    forms DESIGN §1 lists as ESS enterprises (loi 2014-856 art. 1: associations, SCOP/SCIC
    cooperatives, mutuals, foundations, insertion structures) are read as « Entreprise de
    l'ESS »: a coordinator's « Association » column was refused before."""
    table: dict[str, str] = {}
    for category in MemberCategory:
        for name in (category.value, category.label("fr"), category.label("en")):
            table[normalise(name)] = category.value
    table.update(
        {
            "ess": MemberCategory.ESS_ENTERPRISE.value,
            "entreprise ess": MemberCategory.ESS_ENTERPRISE.value,
            "hors ess": MemberCategory.NON_ESS_ENTERPRISE.value,
            "entreprise": MemberCategory.NON_ESS_ENTERPRISE.value,
            "collectivite": MemberCategory.LOCAL_AUTHORITY.value,
            "recherche": MemberCategory.RESEARCH.value,
            "formation": MemberCategory.TRAINING.value,
            "personne": MemberCategory.PERSON.value,
        }
    )
    for word in ("association", "scop", "scic", "cooperative", "mutuelle", "fondation", "siae"):
        table[word] = MemberCategory.ESS_ENTERPRISE.value
    return table


category = _choice(
    _category_table(),
    "import_unknown_category",
    ", ".join(c.label("fr") for c in MemberCategory),
)

vat_regime = _choice(
    {
        **{
            normalise(name): VatRegime.EXEMPT_261B.value
            for name in ("exempt_261b", "261 B", "261B", "exonéré", "exonere 261 B", "exempt")
        },
        **{
            normalise(name): VatRegime.TAXABLE.value
            for name in ("taxable", "assujetti", "soumis", "soumis à la TVA", "TVA")
        },
    },
    "import_unknown_vat_regime",
    "« 261 B », « taxable »",
)

PAYMENT_METHODS: dict[str, str] = {
    "virement": "virement",
    "chèque": "cheque",
    "espèces": "especes",
    "prélèvement": "prelevement",
    "carte": "carte",
    "compensation": "compensation",
    "autre": "autre",
}

payment_method = _choice(
    {
        **{normalise(label): code for label, code in PAYMENT_METHODS.items()},
        **{code: code for code in PAYMENT_METHODS.values()},
        "vir": "virement",
        "transfer": "virement",
        "cheque bancaire": "cheque",
        "cb": "carte",
        "cash": "especes",
        "prelevement sepa": "prelevement",
    },
    "import_unknown_payment_method",
    ", ".join(PAYMENT_METHODS),
)

key_method = _choice(
    {
        "units": Method.UNITS.value,
        "unites": Method.UNITS.value,
        "unite": Method.UNITS.value,
        "percent": Method.PERCENT.value,
        "pourcentage": Method.PERCENT.value,
        "pourcentages": Method.PERCENT.value,
        "%": Method.PERCENT.value,
    },
    "import_unknown_method",
    "unités, pourcentages",
)
