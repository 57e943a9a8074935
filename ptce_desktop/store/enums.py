"""Allowed values of the string "enum" columns (stored as text with a CHECK constraint).

Codes are stable (they are stored); the UI translates them. Kept apart from the models so
services and exchange code can validate input without importing the ORM.
"""

from __future__ import annotations

MEMBER_CATEGORIES: tuple[str, ...] = (
    "entreprise_ess",  # ESS enterprise (association, SCOP, SCIC, mutual, foundation…)
    "entreprise_hors_ess",  # ordinary ("responsible") enterprise
    "collectivite",  # local authority
    "recherche",  # research, higher education
    "formation",  # training body
    "reseau",  # network
    "personne",  # natural person
    "autre",
)

KEY_METHODS: tuple[str, ...] = ("equal", "units", "usage", "percent", "mixed")

VAT_REGIMES: tuple[str, ...] = ("exempt_261b", "taxable")

CALL_KINDS: tuple[str, ...] = ("provisional", "true_up")

PAYMENT_METHODS: tuple[str, ...] = (
    "virement",
    "cheque",
    "especes",
    "prelevement",
    "carte",
    "compensation",
    "autre",
)

FUNDER_TYPES: tuple[str, ...] = (
    "etat",
    "region",
    "departement",
    "epci",
    "commune",
    "organisme_social",
    "fonds_europeen",
    "asp",
    "autre_public",
    "prive",
)

GRANT_STATUSES: tuple[str, ...] = (
    "demandee",
    "votee",
    "refusee",
    "versee_partiellement",
    "soldee",
)

GRANT_NATURES: tuple[str, ...] = ("cash", "in_kind")

OVERHEAD_METHODS: tuple[str, ...] = ("none", "flat_rate", "key")

IN_KIND_KINDS: tuple[str, ...] = (
    "benevolat",  # volunteering
    "mise_a_disposition_personnel",  # staff lent free
    "mise_a_disposition_biens",  # premises, equipment lent free
    "prestation_en_nature",
    "don_en_nature",
    "autre",
)

PROJECT_STATUSES: tuple[str, ...] = ("prevu", "en_cours", "termine", "abandonne")

GOVERNANCE_KINDS: tuple[str, ...] = (
    "ca",  # conseil d'administration
    "bureau",
    "ag",  # assemblée générale
    "copil",  # comité de pilotage
    "college",
    "comite",
    "autre",
)

AUDIT_OPERATIONS: tuple[str, ...] = ("create", "update", "delete", "bulk")
