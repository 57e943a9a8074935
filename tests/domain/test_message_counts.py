"""A count in a message agrees with its noun: « Émettre 1 appel », « Issue 0 calls »."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.errors import Count, error_text
from ptce_desktop.domain.typography import singular

TOTAL = "12 345,67 € & <taxes> d'État"


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (0, "fr", "Émettre 0 appel pour 12 345,67 € & <taxes> d'État ?"),
        (1, "fr", "Émettre 1 appel pour 12 345,67 € & <taxes> d'État ?"),
        (2, "fr", "Émettre 2 appels pour 12 345,67 € & <taxes> d'État ?"),
        (0, "en", "Issue 0 calls for 12 345,67 € & <taxes> d'État?"),
        (1, "en", "Issue 1 call for 12 345,67 € & <taxes> d'État?"),
        (16, "en", "Issue 16 calls for 12 345,67 € & <taxes> d'État?"),
    ],
)
def test_confirm_issue_agrees_with_its_count(count: int, lang: str, expected: str) -> None:
    assert error_text("confirm_issue", None, {"count": count, "total": TOTAL}, lang) == expected


@pytest.mark.parametrize(
    ("code", "values", "one_fr", "many_fr", "one_en", "many_en"),
    [
        (
            "confirm_issue_cli",
            {"total": TOTAL},
            "1 appel pour",
            "2 appels pour",
            "1 call ",
            "2 calls",
        ),
        ("preview_count", {}, "Total : 1 appel", "Total : 2 appels", "1 call", "2 calls"),
        (
            "preview_outdated",
            {"total": TOTAL},
            "(1 appel pour 12 345,67 € & <taxes> d'État attendu)",
            "(2 appels pour 12 345,67 € & <taxes> d'État attendus)",
            "(1 call ",
            "(2 calls",
        ),
        (
            "issued_summary",
            {"numbers": "AF-2025-0001", "total": TOTAL},
            "1 appel émis (",
            "2 appels émis (",
            "1 call issued",
            "2 calls issued",
        ),
    ],
)
def test_call_messages_agree(
    code: str, values: dict[str, str], one_fr: str, many_fr: str, one_en: str, many_en: str
) -> None:
    def text(count: int, lang: str) -> str:
        return error_text(code, None, {**values, "count": count}, lang)

    assert one_fr in text(1, "fr") and one_fr.replace("1", "0", 1) in text(0, "fr")
    assert many_fr in text(2, "fr")
    assert one_en in text(1, "en")
    assert many_en in text(2, "en") and many_en.replace("2", "0", 1) in text(0, "en")
    for lang in ("fr", "en"):  # the spec never shows, and the message is not the fallback
        assert "|" not in text(1, lang) and "{" not in text(1, lang)


def test_identifier_and_report_counts_agree() -> None:
    values = {"kind": "SIRET", "expected": "14 chiffres", "expected_en": "14 digits"}
    assert error_text("identifier_length", None, {**values, "got": 1}).endswith("1 saisi.")
    assert error_text("identifier_length", None, {**values, "got": 13}).endswith("13 saisis.")
    publics = error_text("report_sheet_publics_exceed", None, {"publics": 1, "total": 0})
    assert "compte 1 bénéficiaire," in publics
    publics_en = error_text("report_sheet_publics_exceed", None, {"publics": 1, "total": 0}, "en")
    assert "counts 1 beneficiary," in publics_en


def test_a_count_formats_as_its_number_otherwise() -> None:
    count = Count(7, "fr")
    assert f"{count}" == "7" and f"{count:03d}" == "007" and count + 1 == 8
    assert f"{count:charge|charges}" == "charges" and f"{Count(1, 'en'):cost|costs}" == "cost"


@pytest.mark.parametrize(
    ("count", "fr", "en"), [(0, True, False), (1, True, True), (2, False, False), (-1, True, True)]
)
def test_singular_rules(count: int, fr: bool, en: bool) -> None:
    assert singular(count, "fr") is fr and singular(count, "en") is en
