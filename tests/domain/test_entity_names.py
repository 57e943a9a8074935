"""Errors name their record through the catalogue, in the reader's language."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.errors import PtceError, error_text
from ptce_desktop.domain.messages.entities import ENTITY_NAMES, Entity, entity_name


@pytest.mark.parametrize(
    ("entity", "record_id", "french", "english"),
    [
        (Entity.MEMBER, 3, "Membre introuvable (n° 3).", "Member not found (id 3)."),
        (
            Entity.ALLOCATION_KEY,
            12,
            "Clé de répartition introuvable (n° 12).",
            "Allocation key not found (id 12).",
        ),
        (
            Entity.SHARED_SERVICE,
            7,
            "Service mutualisé introuvable (n° 7).",
            "Shared service not found (id 7).",
        ),
        (Entity.EVENT, 404, "Événement introuvable (n° 404).", "Event not found (id 404)."),
        (
            Entity.CALL_LINE,
            5,
            "Ligne d'appel de fonds introuvable (n° 5).",
            "Call-for-funds line not found (id 5).",
        ),
    ],
)
def test_not_found_names_the_record_in_each_language(
    entity: Entity, record_id: int, french: str, english: str
) -> None:
    error = PtceError("not_found", entity=entity, id=record_id)
    assert error.message("fr") == french
    assert error.message("en") == english
    assert error.message() == french
    assert str(error) == english
    assert error.values == {"entity": entity, "id": record_id}


def test_the_key_may_be_given_as_plain_text() -> None:
    values = {"entity": "governance_body", "id": "A&B <2>"}
    assert error_text("not_found", None, values, "fr") == "Instance introuvable (n° A&B <2>)."
    assert error_text("not_found", None, values, "en") == "Governance body not found (id A&B <2>)."


def test_an_unknown_key_is_shown_as_given_not_as_an_error() -> None:
    name = "Société « L'Œuvre & Cœur <Drôme> » " + "é" * 120
    assert entity_name(name, "en") == name
    assert PtceError("not_found", entity=name, id=1).message("fr") == f"{name} introuvable (n° 1)."


def test_every_entity_has_a_french_and_an_english_name() -> None:
    assert set(ENTITY_NAMES) == set(Entity)
    for french, english in ENTITY_NAMES.values():
        assert french and english
        assert french[0].isupper() and english[0].isupper()
        assert french != english
