"""ui.i18n.money_text: the domain's amount text in the UI's language (the pages' one helper)."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.money import NBSP, format_money
from ptce_desktop.ui import i18n
from ptce_desktop.ui.i18n import money_text


def test_french_by_default_with_an_empty_text_for_no_amount(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "_language", "fr")
    assert money_text(123_456) == f"1{NBSP}234,56{NBSP}€"
    assert money_text(-5) == f"-0,05{NBSP}€"
    assert money_text(0) == f"0,00{NBSP}€"
    assert money_text(None) == ""
    assert money_text(None, empty="— l'été & <rien> —") == "— l'été & <rien> —"
    assert money_text(123_456, symbol=False) == f"1{NBSP}234,56"


def test_follows_the_ui_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_language", "en")
    assert money_text(123_456) == "€1,234.56"
    assert money_text(-123_456) == "-€1,234.56"
    assert money_text(123_456, symbol=False) == "1,234.56"
    assert money_text(10**13) == format_money(10**13, lang="en")
