"""Read a printed Cerfa 15059 back from its PDF text and check its own arithmetic.

Only the printed text is used (the read model is not consulted): the grid's amounts are read
in print order, three cells a row (prévision, réalisation, %), and paired with the rows of the
grid as the form defines them (:data:`~ptce_desktop.domain.cerfa.CHARGES_GRID` then
:data:`~ptce_desktop.domain.cerfa.PRODUITS_GRID`, then the balance line). Then every group and
section equals the sum of its rows, each total the sum of its parts, every % the ratio of its
two amounts, « Ressources propres » the charges left uncovered, the balance produits −
charges, and the grant sentence's % its amount over the total des produits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from io import BytesIO

from pypdf import PdfReader

from ptce_desktop.documents.cerfa import TOTAL_PARTS, CerfaReport, round_half_up
from ptce_desktop.domain.cerfa import CHARGES_GRID, PRODUITS_GRID
from ptce_desktop.reports.cerfa15059 import DRAFT_MARK, build_cerfa15059

_SIGN = "[-−]?"
_NUMBER = r"(?<!\d)" + _SIGN + r"\d{1,3}(?: \d{3})*"
MONEY = re.compile(_NUMBER + r",\d{2} €")
TOKEN = re.compile(rf"({_NUMBER},\d{{2}} €)|({_NUMBER}(?:,\d{{1,2}})? %)|(—)")
CODES = (*(line.code for line in CHARGES_GRID + PRODUITS_GRID), "resultat")
PARENTS = {line.code: line.parent for line in CHARGES_GRID + PRODUITS_GRID}


def cents(text: str) -> int:
    """« −1 234,56 € » → -123456."""
    digits = text.replace("€", "").replace(" ", "").replace("−", "-")
    whole, _, frac = digits.partition(",")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int(frac or 0))


def basis_points(text: str) -> int:
    """« 1 234,5 % » → 123450."""
    digits = text.replace("%", "").replace(" ", "").replace("−", "-")
    whole, _, frac = digits.partition(",")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int((frac or "0").ljust(2, "0")))


@dataclass(frozen=True)
class PrintedRow:
    forecast: int
    actual: int
    ratio: str  # as printed: « 12,34 % » or « — »


def pdf_text(report: CerfaReport, *, header: tuple[str, ...] = ()) -> str:
    """The document's text, whitespace collapsed, running headers and footers removed."""
    buffer = BytesIO()
    build_cerfa15059(report, buffer)
    pages = PdfReader(buffer).pages
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pages)
    text = re.sub(r"Généré le \d\d/\d\d/\d{4} page \d+ / \d+", " ", text)
    running = ("Compte rendu financier de subvention — Cerfa n° 15059*02", DRAFT_MARK)
    for repeated in (*header, *running):
        text = text.replace(" ".join(repeated.split()), " ")
    return " ".join(text.split())


def read_grid(text: str) -> dict[str, PrintedRow]:
    """The printed rows by code (full grid, not "group rows only")."""
    start = text.index("Feuillet 2 — Tableau de synthèse")
    start = text.index("Charges Prévision Réalisation %", start)
    ends = [text.find(words, start) for words in ("La subvention", "Le montant attribué")]
    end = min(found for found in ends if found >= 0)
    tokens = [match.group(0) for match in TOKEN.finditer(text[start:end])]
    assert len(tokens) == 3 * len(CODES), (len(tokens), tokens)
    rows = {}
    for index, code in enumerate(CODES):
        forecast, actual, ratio = tokens[3 * index : 3 * index + 3]
        assert MONEY.fullmatch(forecast) and MONEY.fullmatch(actual), (code, forecast, actual)
        rows[code] = PrintedRow(cents(forecast), cents(actual), ratio)
    return rows


def check_arithmetic(text: str) -> dict[str, PrintedRow]:
    """Check everything the page claims (module docstring); returns the rows read."""
    rows = read_grid(text)
    for column in ("forecast", "actual"):

        def value(code: str, column: str = column) -> int:
            return int(getattr(rows[code], column))

        for code in CODES[:-1]:
            kids = [kid for kid, parent in PARENTS.items() if parent == code]
            if code in TOTAL_PARTS:
                assert value(code) == sum(value(part) for part in TOTAL_PARTS[code]), code
            elif kids:
                assert value(code) == sum(value(kid) for kid in kids), (code, column)
        assert value("resultat") == value("total_produits") - value("total_charges")
    own = rows["total_charges"].actual - rows["ressources_directes"].actual
    assert rows["ressources_propres"].actual == max(0, own)
    for code, row in rows.items():
        if code == "resultat" or row.forecast == 0:
            assert row.ratio == "—", (code, row)
        else:
            expected = round_half_up(Fraction(row.actual * 10_000, row.forecast))
            printed = basis_points(row.ratio)
            decimals = len(row.ratio.replace(" %", "").partition(",")[2])
            step = 10 ** (2 - decimals)  # a % printed with fewer decimals is rounded further
            assert abs(printed - expected) <= step // 2, (code, row, expected)
    share = re.search(r"représente ([-−\d ]+,\d{1,2} %) du total des produits", text)
    total = rows["total_produits"].actual
    if share is not None:
        sentence = text[text.rindex("La subvention", 0, share.start()) : share.end()]
        amount = MONEY.search(sentence)
        assert amount is not None, sentence
        expected = round_half_up(Fraction(cents(amount.group(0)) * 10_000, total))
        assert basis_points(share.group(1)) == expected, (share.group(0), amount.group(0), total)
    else:
        assert total == 0 or "n'est pas renseigné" in text
    return rows
