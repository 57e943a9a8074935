"""SIREN, SIRET, RNA, IBAN, BIC and VAT numbers: what is accepted, and why the rest is not."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import (
    format_iban,
    format_siret,
    siren_of_siret,
    validate_bic,
    validate_iban,
    validate_rna,
    validate_siren,
    validate_siret,
    validate_vat_number,
)

# Checksums computed with stdnum (Luhn): 732829320 and 442931812 are valid SIRENs.


@pytest.mark.parametrize(
    ("text", "compact"),
    [
        ("732 829 320 00074", "73282932000074"),
        ("73282932000074", "73282932000074"),
        (" 442 931 812 00014 ", "44293181200014"),
        ("732.829.320.00074", "73282932000074"),
        # La Poste: one SIREN for every post office, checked by "sum of digits ÷ 5", not Luhn.
        ("356 000 000 49837", "35600000049837"),
    ],
)
def test_valid_siret(text: str, compact: str) -> None:
    assert validate_siret(text) == compact


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("73282932000075", "identifier_checksum"),
        ("7328293200007", "identifier_length"),
        ("732829320000745", "identifier_length"),
        ("7328293200007A", "identifier_format"),
        ("   ", "identifier_empty"),
        ("35600000012345", "identifier_checksum"),
    ],
)
def test_invalid_siret(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        validate_siret(text, field="siret")
    assert info.value.code == code
    assert info.value.field == "siret"
    assert info.value.message("fr").startswith("SIRET")


def test_siret_messages_are_precise() -> None:
    with pytest.raises(PtceError) as info:
        validate_siret("73282932000075")
    assert info.value.message("fr") == (
        "SIRET invalide : 14 chiffres attendus, la clé de contrôle ne correspond pas "
        "(vérifiez « 73282932000075 »)."
    )
    with pytest.raises(PtceError) as info:
        validate_siret("123 456")
    assert info.value.message("fr") == "SIRET invalide : 14 chiffres attendus, 6 saisis."
    assert info.value.message("en") == "Invalid SIRET: 14 digits expected, 6 given."


def test_siret_helpers() -> None:
    assert format_siret("73282932000074") == "732 829 320 00074"
    assert siren_of_siret("732 829 320 00074") == "732829320"


@pytest.mark.parametrize(
    ("text", "result"),
    [("732 829 320", "732829320"), ("442931812", "442931812")],
)
def test_valid_siren(text: str, result: str) -> None:
    assert validate_siren(text) == result


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("732829321", "identifier_checksum"),
        ("73282932", "identifier_length"),
        ("", "identifier_empty"),
    ],
)
def test_invalid_siren(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        validate_siren(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("text", "result"),
    [("W261234567", "W261234567"), ("w26 123 4567", "W261234567"), ("W751-000-001", "W751000001")],
)
def test_valid_rna(text: str, result: str) -> None:
    assert validate_rna(text) == result


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("W26123456", "identifier_length"),
        ("W2612345678", "identifier_length"),
        ("261234567", "identifier_format"),
        ("X261234567", "identifier_format"),
        ("W26123456A", "identifier_format"),
        ("", "identifier_empty"),
    ],
)
def test_invalid_rna(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        validate_rna(text)
    assert info.value.code == code
    assert "RNA" in info.value.message()


def test_rna_format_message_gives_an_example() -> None:
    with pytest.raises(PtceError) as info:
        validate_rna("X261234567")
    assert "W suivi de 9 chiffres" in info.value.message()
    assert "W261234567" in info.value.message()


def test_iban() -> None:
    assert validate_iban("fr76 3000 6000 0112 3456 7890 189") == "FR7630006000011234567890189"
    assert format_iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189"
    with pytest.raises(PtceError) as info:
        validate_iban("FR76 3000 6000 0112 3456 7890 188")
    assert info.value.code == "identifier_checksum"
    assert info.value.message().startswith("IBAN invalide")


@pytest.mark.parametrize(
    ("text", "code"),
    [("BNPAFRP", "identifier_length"), ("BNPA1RPP", "identifier_format"), ("", "identifier_empty")],
)
def test_invalid_bic(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        validate_bic(text)
    assert info.value.code == code


def test_valid_bic() -> None:
    assert validate_bic("bnpa frpp") == "BNPAFRPP"
    assert validate_bic("BNPAFRPPXXX") == "BNPAFRPPXXX"


def test_vat_number() -> None:
    assert validate_vat_number("FR 40 303265045") == "FR40303265045"
    assert validate_vat_number("40303265045") == "FR40303265045"
    with pytest.raises(PtceError) as info:
        validate_vat_number("FR41303265045")
    assert info.value.code == "identifier_checksum"
    assert info.value.message().startswith("TVA invalide")
