"""French and banking identifiers: SIREN, SIRET, RNA, IBAN, BIC, intra-EU VAT number.

Each ``validate_*`` accepts what people type (spaces, dots, dashes, lower case), returns the
compact form to store, and raises :class:`PtceError` with a precise reason otherwise:
``identifier_empty``, ``identifier_length``, ``identifier_format``, ``identifier_checksum``
or ``identifier_component``, with ``kind`` ("SIRET"…) and ``value``. Checksums come from
python-stdnum (which also knows La Poste's SIRET exception), imported when first used: its
``stdnum.util`` brings pydoc and ssl (~10 MB of a fresh process), which the window's start
does not need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from ptce_desktop.domain.errors import PtceError


@cache
def _std() -> SimpleNamespace:
    """python-stdnum's modules, imported on first use (static imports: the frozen bundle's
    analysis finds them)."""
    from stdnum import bic, exceptions, iban
    from stdnum.eu import vat as eu_vat
    from stdnum.fr import siren, siret, tva

    return SimpleNamespace(
        bic=bic, exceptions=exceptions, iban=iban, eu_vat=eu_vat, siren=siren, siret=siret, tva=tva
    )


@dataclass(frozen=True)
class _Kind:
    name: str
    expected_fr: str
    expected_en: str
    example: str


SIREN = _Kind("SIREN", "9 chiffres", "9 digits", "732 829 320")
SIRET = _Kind("SIRET", "14 chiffres", "14 digits", "732 829 320 00074")
RNA = _Kind("RNA", "W suivi de 9 chiffres", "W followed by 9 digits", "W261234567")
IBAN = _Kind(
    "IBAN",
    "code pays, 2 chiffres de clé puis le compte",
    "country code, 2 check digits then the account",
    "FR76 3000 6000 0112 3456 7890 189",
)
BIC = _Kind("BIC", "8 ou 11 caractères", "8 or 11 characters", "BNPAFRPP")
VAT = _Kind("TVA", "FR suivi de 11 caractères", "FR followed by 11 characters", "FR40303265045")
EU_VAT = _Kind(
    "N° de TVA intracommunautaire",
    "code pays de l'UE (FR, BE, DE…) et numéro national",
    "EU country code (FR, BE, DE…) and national number",
    "FR40303265045",
)

_SEPARATORS = re.compile(r"[\s.\-/]+")
_RNA = re.compile(r"W\d{9}")


def _fail(code: str, kind: _Kind, value: str, field: str | None, **extra: Any) -> PtceError:
    return PtceError(
        code,
        field,
        kind=kind.name,
        value=value,
        expected=kind.expected_fr,
        expected_en=kind.expected_en,
        example=kind.example,
        **extra,
    )


def _with_stdnum(
    kind: _Kind,
    text: str,
    field: str | None,
    check: Callable[[str], Any],
    compact: Callable[[str], str],
) -> str:
    value = text.strip()
    if not value:
        raise _fail("identifier_empty", kind, value, field)
    errors = _std().exceptions
    try:
        return str(check(value))
    except errors.InvalidLength:
        raise _fail("identifier_length", kind, value, field, got=len(compact(value))) from None
    except errors.InvalidChecksum:
        raise _fail("identifier_checksum", kind, value, field) from None
    except errors.InvalidComponent:
        raise _fail("identifier_component", kind, value, field) from None
    except errors.ValidationError:  # InvalidFormat and anything stdnum adds later
        raise _fail("identifier_format", kind, value, field) from None


def validate_siren(text: str, *, field: str | None = None) -> str:
    """``"732 829 320"`` -> ``"732829320"``."""
    return _with_stdnum(SIREN, text, field, _std().siren.validate, _std().siren.compact)


def validate_siret(text: str, *, field: str | None = None) -> str:
    """``"732 829 320 00074"`` -> ``"73282932000074"``."""
    return _with_stdnum(SIRET, text, field, _std().siret.validate, _std().siret.compact)


def format_siret(siret: str) -> str:
    """``"73282932000074"`` -> ``"732 829 320 00074"`` (plain spaces, for display)."""
    return str(_std().siret.format(siret))


def siren_of_siret(siret: str) -> str:
    """The SIREN (first 9 digits) of a valid SIRET."""
    return validate_siret(siret)[:9]


def validate_rna(text: str, *, field: str | None = None) -> str:
    """Répertoire national des associations number: ``"w26 123 4567"`` -> ``"W261234567"``."""
    value = text.strip()
    if not value:
        raise _fail("identifier_empty", RNA, value, field)
    compact = _SEPARATORS.sub("", value).upper()
    if compact.startswith("W") and compact[1:].isdigit() and len(compact) != 10:
        raise _fail("identifier_length", RNA, value, field, got=len(compact))
    if not _RNA.fullmatch(compact):
        raise _fail("identifier_format", RNA, value, field)
    return compact


def validate_iban(text: str, *, field: str | None = None) -> str:
    """``"fr76 3000 6000 0112 3456 7890 189"`` -> ``"FR7630006000011234567890189"``."""
    return _with_stdnum(IBAN, text, field, _std().iban.validate, _std().iban.compact)


def format_iban(iban: str) -> str:
    """Groups of four for printing: ``"FR76 3000 6000 0112 3456 7890 189"``."""
    return str(_std().iban.format(iban))


def validate_bic(text: str, *, field: str | None = None) -> str:
    """``"bnpa frpp"`` -> ``"BNPAFRPP"``."""
    return _with_stdnum(BIC, text, field, _std().bic.validate, _std().bic.compact)


def validate_vat_number(text: str, *, field: str | None = None) -> str:
    """French intra-EU VAT number, stored with its prefix: ``"FR 40 303265045"`` ->
    ``"FR40303265045"``."""
    return "FR" + _with_stdnum(VAT, text, field, _std().tva.validate, _std().tva.compact)


def validate_eu_vat_number(text: str, *, field: str | None = None) -> str:
    """Intra-community VAT number of any EU country, stored compact with its country code:
    ``"fr 40 303 265 045"`` -> ``"FR40303265045"``, ``"BE 0403.170.701"`` ->
    ``"BE0403170701"``. Eleven digits alone are read as a French number."""
    value = text.strip()
    if _SEPARATORS.sub("", value).isdigit() and len(_SEPARATORS.sub("", value)) == 11:
        value = "FR" + value
    return _with_stdnum(EU_VAT, value, field, _std().eu_vat.validate, _std().eu_vat.compact)


def siren_of_vat_number(vat_number: str) -> str | None:
    """The SIREN inside a compact French VAT number (``FR`` + 2-digit key + SIREN); None for
    another country or a French number without SIREN (a letter in its key)."""
    if vat_number.startswith("FR") and vat_number[2:].isdigit() and len(vat_number) == 13:
        return vat_number[4:]
    return None


def vat_number_of_siren(siren: str) -> str:
    """The French VAT number of a valid SIREN: ``"303265045"`` -> ``"FR40303265045"``."""
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"
