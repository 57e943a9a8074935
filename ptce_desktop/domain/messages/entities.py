"""The names of the records an error can be about (« Membre introuvable (n° 3). »).

An error names its record by a stable key (``PtceError("not_found", entity="member", id=3)``);
the text shows the name in the reader's language. Names are written to open a sentence
(capitalised, no article) and are all singular: « introuvable » then agrees with every one of
them, whatever its gender (« Clé de répartition introuvable », « Service mutualisé
introuvable »).
"""

from __future__ import annotations

from enum import StrEnum


class Entity(StrEnum):
    """The key naming a kind of record in error values."""

    ALLOCATION_KEY = "allocation_key"
    ATTACHMENT = "attachment"
    CALL = "call"
    CALL_LINE = "call_line"
    COST = "cost"
    EVENT = "event"
    EXCEPTIONAL_CHARGE = "exceptional_charge"
    FUNDER = "funder"
    GOVERNANCE_BODY = "governance_body"
    GRANT = "grant"
    IN_KIND_CONTRIBUTION = "in_kind_contribution"
    INSTALMENT = "instalment"
    KEY_VERSION = "key_version"
    MEETING = "meeting"
    MEMBER = "member"
    MEMBERSHIP_FEE = "membership_fee"
    PAYMENT = "payment"
    PROJECT = "project"
    REDISTRIBUTION = "redistribution"
    SAVED_SCENARIO = "saved_scenario"
    SERVICE_BUDGET = "service_budget"
    SHARED_SERVICE = "shared_service"
    USAGE_RECORD = "usage_record"


#: key -> (French, English), each ready to open a sentence.
ENTITY_NAMES: dict[Entity, tuple[str, str]] = {
    Entity.ALLOCATION_KEY: ("Clé de répartition", "Allocation key"),
    Entity.ATTACHMENT: ("Pièce jointe", "Attachment"),
    Entity.CALL: ("Appel de fonds", "Call for funds"),
    Entity.CALL_LINE: ("Ligne d'appel de fonds", "Call-for-funds line"),
    Entity.COST: ("Charge", "Cost"),
    Entity.EVENT: ("Événement", "Event"),
    Entity.EXCEPTIONAL_CHARGE: ("Ligne exceptionnelle", "Exceptional line"),
    Entity.FUNDER: ("Financeur", "Funder"),
    Entity.GOVERNANCE_BODY: ("Instance", "Governance body"),
    Entity.GRANT: ("Subvention", "Grant"),
    Entity.IN_KIND_CONTRIBUTION: ("Contribution en nature", "In-kind contribution"),
    Entity.INSTALMENT: ("Versement", "Instalment"),
    Entity.KEY_VERSION: ("Version de clé", "Key version"),
    Entity.MEETING: ("Réunion", "Meeting"),
    Entity.MEMBER: ("Membre", "Member"),
    Entity.MEMBERSHIP_FEE: ("Cotisation", "Membership fee"),
    Entity.PAYMENT: ("Règlement", "Payment"),
    Entity.PROJECT: ("Projet", "Project"),
    Entity.REDISTRIBUTION: ("Reversement", "Redistribution"),
    Entity.SAVED_SCENARIO: ("Scénario enregistré", "Saved scenario"),
    Entity.SERVICE_BUDGET: ("Budget du service", "Service budget"),
    Entity.SHARED_SERVICE: ("Service mutualisé", "Shared service"),
    Entity.USAGE_RECORD: ("Utilisation", "Usage record"),
}


def entity_name(key: object, lang: str = "fr") -> str:
    """The name of the record kind ``key`` in ``lang``; an unknown key is shown as given."""
    try:
        names = ENTITY_NAMES[Entity(str(key))]
    except ValueError:
        return str(key)
    return names[1] if lang == "en" else names[0]
