"""Messages name fields as the form does, never by their attribute names."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.errors import PtceError, field_label


@pytest.mark.parametrize(
    ("field", "fr", "en"),
    [
        ("ht_cents", "HT", "Excl. VAT"),
        ("label", "Libellé", "Label"),
        ("year", "Exercice", "Fiscal year"),
    ],
)
def test_known_fields_have_french_and_english_words(field: str, fr: str, en: str) -> None:
    assert field_label(field, "fr") == fr
    assert field_label(field, "en") == en
    assert f"« {fr} »" in PtceError("required", field).message("fr")


def test_an_explicit_label_wins_and_unknown_fields_stay_readable() -> None:
    assert "« Nom du pôle »" in PtceError("required", "name", field_label="Nom du pôle").message()
    assert "« zzz »" in PtceError("required", "zzz").message()
    assert field_label(None) == ""


def test_percent_columns_can_keep_two_decimals() -> None:
    from ptce_desktop.domain.money import format_percent

    assert format_percent(2000) == "20\u00a0%"
    assert format_percent(2000, fixed=True) == "20,00\u00a0%"
    assert format_percent(620, fixed=True) == "6,20\u00a0%"
    assert format_percent(10_000, fixed=True, lang="en") == "100.00%"
