"""Money, units and percentages: exact parsing and French/English printing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.money import (
    MAX_CENTS,
    MAX_THOUSANDTHS,
    NBSP,
    format_money,
    format_percent,
    format_units,
    parse_money,
    parse_percent,
    parse_units,
)

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1234,56", 123456),
        ("1 234,56 €", 123456),
        (f"1{NBSP}234,56{NBSP}€", 123456),
        (f"1{NNBSP}234,56", 123456),
        ("1234.56", 123456),
        ("-12,5", -1250),
        ("\u221212,5", -1250),
        ("1 234", 123400),
        ("€ 12", 1200),
        ("-€12", -1200),
        ("+3", 300),
        ("0", 0),
        ("0,01", 1),
        ("  42  ", 4200),
        ("12 345 678,90", 1234567890),
        ("100000000000", MAX_CENTS),
        ("-100 000 000 000,00 €", -MAX_CENTS),
    ],
)
def test_parse_money_french(text: str, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1,234.56", 123456),
        ("€1,234.56", 123456),
        ("-€1,234.56", -123456),
        ("1,234", 123400),
        ("1234,56", 123456),
        ("1 234.5", 123450),
    ],
)
def test_parse_money_english(text: str, cents: int) -> None:
    assert parse_money(text, "en") == cents


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty_value"),
        ("   ", "empty_value"),
        ("1,2,3", "misplaced_separators"),
        ("1.234,56", "misplaced_separators"),
        ("1,234.56", "misplaced_separators"),  # English grouping refused in French
        ("1 23,45", "misplaced_separators"),
        ("12,", "misplaced_separators"),
        (",5", "misplaced_separators"),
        ("12,345", "amount_too_precise"),
        ("12,500", "amount_too_precise"),
        ("0,001", "amount_too_precise"),
        ("abc", "invalid_amount"),
        ("12 euros", "invalid_amount"),
        ("NaN", "invalid_amount"),
        ("inf", "invalid_amount"),
        ("-Infinity", "invalid_amount"),
        ("1e5", "invalid_amount"),
        ("€", "invalid_amount"),
        ("--12", "invalid_amount"),
        ("12 $", "invalid_amount"),
        ("€12 €", "invalid_amount"),
        ("-€-12", "invalid_amount"),
        ("100000000000,01", "amount_out_of_range"),
        ("99999999999999999999", "amount_out_of_range"),
        ("9" * 100, "invalid_amount"),
    ],
)
def test_parse_money_rejects(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        parse_money(text, field="amount")
    assert info.value.code == code
    assert info.value.field == "amount"
    message = info.value.message("fr")
    assert "« 1 234,56 »" in message or f"100{NBSP}000{NBSP}000{NBSP}000,00" in message


def test_english_rejects_comma_decimal_after_grouping() -> None:
    with pytest.raises(PtceError) as info:
        parse_money("1,234,5", "en")
    assert info.value.code == "misplaced_separators"
    assert "1,234.56" in info.value.message("en")


@pytest.mark.parametrize(
    ("cents", "fr", "en"),
    [
        (123456, f"1{NBSP}234,56{NBSP}€", "€1,234.56"),
        (-123456, f"-1{NBSP}234,56{NBSP}€", "-€1,234.56"),
        (0, f"0,00{NBSP}€", "€0.00"),
        (5, f"0,05{NBSP}€", "€0.05"),
        (-5, f"-0,05{NBSP}€", "-€0.05"),
        (100000000, f"1{NBSP}000{NBSP}000,00{NBSP}€", "€1,000,000.00"),
    ],
)
def test_format_money(cents: int, fr: str, en: str) -> None:
    assert format_money(cents) == fr
    assert format_money(cents, lang="en") == en


def test_format_money_without_symbol() -> None:
    assert format_money(-123456, symbol=False) == f"-1{NBSP}234,56"
    assert format_money(123456, symbol=False, lang="en") == "1,234.56"


@given(st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS), st.sampled_from(["fr", "en"]))
def test_money_round_trip(cents: int, lang: str) -> None:
    assert parse_money(format_money(cents, lang=lang), lang) == cents
    assert parse_money(format_money(cents, symbol=False, lang=lang), lang) == cents


@pytest.mark.parametrize(
    ("thousandths", "text"),
    [(120000, "120"), (12500, "12,5"), (125, "0,125"), (1234000, f"1{NBSP}234"), (0, "0")],
)
def test_format_units(thousandths: int, text: str) -> None:
    assert format_units(thousandths) == text
    assert parse_units(text) == thousandths


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty_value"),
        ("1,2345", "units_too_precise"),
        ("-3", "units_out_of_range"),
        ("m²", "invalid_units"),
        ("1,2,3", "misplaced_separators"),
        ("12 €", "invalid_units"),
    ],
)
def test_parse_units_rejects(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        parse_units(text)
    assert info.value.code == code


@given(st.integers(min_value=0, max_value=MAX_THOUSANDTHS), st.sampled_from(["fr", "en"]))
def test_units_round_trip(thousandths: int, lang: str) -> None:
    assert parse_units(format_units(thousandths, lang=lang), lang) == thousandths


@pytest.mark.parametrize(
    ("basis_points", "fr", "en"),
    [(1250, f"12,5{NBSP}%", "12.5%"), (2000, f"20{NBSP}%", "20%"), (55, f"0,55{NBSP}%", "0.55%")],
)
def test_format_percent(basis_points: int, fr: str, en: str) -> None:
    assert format_percent(basis_points) == fr
    assert format_percent(basis_points, lang="en") == en


@pytest.mark.parametrize(
    ("text", "basis_points"), [("12,5 %", 1250), ("20", 2000), ("5,5%", 550), ("100 %", 10000)]
)
def test_parse_percent(text: str, basis_points: int) -> None:
    assert parse_percent(text) == basis_points


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("100,01", "percent_out_of_range"),
        ("-1", "percent_out_of_range"),
        ("12,345", "percent_too_precise"),
        ("douze", "invalid_percent"),
        ("", "empty_value"),
    ],
)
def test_parse_percent_rejects(text: str, code: str) -> None:
    with pytest.raises(PtceError) as info:
        parse_percent(text)
    assert info.value.code == code


def test_parse_percent_custom_maximum() -> None:
    assert parse_percent("150", maximum=50_000) == 15_000


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from(["fr", "en"]))
def test_percent_round_trip(basis_points: int, lang: str) -> None:
    assert parse_percent(format_percent(basis_points, lang=lang), lang) == basis_points
