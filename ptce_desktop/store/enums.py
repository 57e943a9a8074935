"""Allowed values of the string "enum" columns (stored as text with a CHECK constraint).

Codes are stable (they are stored); the UI translates them. Kept apart from the models so
services and exchange code can validate input without importing the ORM.
"""

from __future__ import annotations

from ptce_desktop.domain.allocation import Method
from ptce_desktop.domain.categories import FunderType, GrantStatus, MemberCategory

# Codes owned by the domain (member categories, key methods, funder types, grant statuses) are
# taken from its enums; a migration freezes them as literal strings.

MEMBER_CATEGORIES: tuple[str, ...] = tuple(category.value for category in MemberCategory)

KEY_METHODS: tuple[str, ...] = tuple(method.value for method in Method)

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

FUNDER_TYPES: tuple[str, ...] = tuple(kind.value for kind in FunderType)

GRANT_STATUSES: tuple[str, ...] = tuple(status.value for status in GrantStatus)

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
