"""The code lists of the pole (member categories and PTCE eligibility, funder types, grant
statuses, payment methods, in-kind kinds…): codes and labels.

Each list is defined here once, as a :class:`~enum.StrEnum` whose *values* are the stable codes
stored in the database (the ORM columns are typed with these enums and keep a CHECK constraint
listing the values); the allocation codes (``Method``, ``VatRegime``) live in
:mod:`ptce_desktop.domain.allocation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ptce_desktop.domain.errors import PtceError


class MemberCategory(StrEnum):
    ESS_ENTERPRISE = "ess_enterprise"
    NON_ESS_ENTERPRISE = "non_ess_enterprise"
    LOCAL_AUTHORITY = "local_authority"
    RESEARCH = "research"
    TRAINING = "training"
    NETWORK = "network"
    PERSON = "person"
    OTHER = "other"

    def label(self, lang: str = "fr") -> str:
        fr, en = _CATEGORY_LABELS[self]
        return en if lang == "en" else fr

    @property
    def role(self) -> ActorRole:
        return _ROLES[self]


class ActorRole(StrEnum):
    """The three kinds of actor a PTCE must gather (loi 2014-856 art. 9, décret 2015-431)."""

    ESS = "ess"
    NON_ESS = "non_ess"
    OTHER = "other"
    NONE = "none"  # natural persons: welcome, but they prove nothing for eligibility


_CATEGORY_LABELS: dict[MemberCategory, tuple[str, str]] = {
    MemberCategory.ESS_ENTERPRISE: ("Entreprise de l'ESS", "Social economy enterprise"),
    MemberCategory.NON_ESS_ENTERPRISE: ("Entreprise hors ESS", "Other enterprise"),
    MemberCategory.LOCAL_AUTHORITY: ("Collectivité territoriale", "Local authority"),
    MemberCategory.RESEARCH: (
        "Recherche, enseignement supérieur",
        "Research, higher education",
    ),
    MemberCategory.TRAINING: ("Organisme de formation", "Training body"),
    MemberCategory.NETWORK: ("Réseau", "Network"),
    MemberCategory.PERSON: ("Personne physique", "Natural person"),
    MemberCategory.OTHER: ("Autre", "Other"),
}

_ROLES: dict[MemberCategory, ActorRole] = {
    MemberCategory.ESS_ENTERPRISE: ActorRole.ESS,
    MemberCategory.NON_ESS_ENTERPRISE: ActorRole.NON_ESS,
    MemberCategory.LOCAL_AUTHORITY: ActorRole.OTHER,
    MemberCategory.RESEARCH: ActorRole.OTHER,
    MemberCategory.TRAINING: ActorRole.OTHER,
    MemberCategory.NETWORK: ActorRole.OTHER,
    MemberCategory.OTHER: ActorRole.OTHER,
    MemberCategory.PERSON: ActorRole.NONE,
}


@dataclass(frozen=True)
class Eligibility:
    """Counts per actor role and what is missing (codes "ess_enterprise",
    "non_ess_enterprise", "other_actor")."""

    ess: int
    non_ess: int
    other: int
    missing: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        return not self.missing


def eligibility(categories_of_active_members: Iterable[MemberCategory | str]) -> Eligibility:
    """PTCE rule: at least one ESS enterprise, one non-ESS enterprise and one other actor
    (local authority, research, training, network, other legal person)."""
    counts = dict.fromkeys(ActorRole, 0)
    for category in categories_of_active_members:
        try:
            role = MemberCategory(category).role
        except ValueError:
            raise PtceError(
                "invalid_value", "category", field_label="catégorie", value=category
            ) from None
        counts[role] += 1
    missing = tuple(
        code
        for code, role in (
            ("ess_enterprise", ActorRole.ESS),
            ("non_ess_enterprise", ActorRole.NON_ESS),
            ("other_actor", ActorRole.OTHER),
        )
        if counts[role] == 0
    )
    return Eligibility(
        counts[ActorRole.ESS], counts[ActorRole.NON_ESS], counts[ActorRole.OTHER], missing
    )


MISSING_LABELS: dict[str, tuple[str, str]] = {
    "ess_enterprise": ("au moins une entreprise de l'ESS", "at least one social economy firm"),
    "non_ess_enterprise": ("au moins une entreprise hors ESS", "at least one other enterprise"),
    "other_actor": (
        "au moins un autre acteur (collectivité, recherche, formation…)",
        "at least one other actor (local authority, research, training…)",
    ),
}


class FunderType(StrEnum):
    ETAT = "etat"
    REGION = "region"
    DEPARTEMENT = "departement"
    EPCI = "epci"
    COMMUNE = "commune"
    ORGANISME_SOCIAL = "organisme_social"
    FONDS_EUROPEEN = "fonds_europeen"
    ASP = "asp"
    AUTRE_PUBLIC = "autre_public"
    PRIVE = "prive"

    def label(self, lang: str = "fr") -> str:
        fr, en = _FUNDER_LABELS[self]
        return en if lang == "en" else fr

    @property
    def is_public(self) -> bool:
        return self is not FunderType.PRIVE


_FUNDER_LABELS: dict[FunderType, tuple[str, str]] = {
    FunderType.ETAT: ("État", "State"),
    FunderType.REGION: ("Région", "Region"),
    FunderType.DEPARTEMENT: ("Département", "Département"),
    FunderType.EPCI: ("Intercommunalité (EPCI)", "Inter-municipal body (EPCI)"),
    FunderType.COMMUNE: ("Commune", "Municipality"),
    FunderType.ORGANISME_SOCIAL: ("Organisme social (CAF…)", "Social body (CAF…)"),
    FunderType.FONDS_EUROPEEN: ("Fonds européen (FSE, FEDER…)", "EU fund (ESF, ERDF…)"),
    FunderType.ASP: (
        "Agence de services et de paiement (emplois aidés)",
        "Services and payment agency (subsidised jobs)",
    ),
    FunderType.AUTRE_PUBLIC: ("Autre établissement public", "Other public body"),
    FunderType.PRIVE: ("Financeur privé (fondation…)", "Private funder (foundation…)"),
}


class GrantStatus(StrEnum):
    DEMANDEE = "demandee"
    VOTEE = "votee"
    REFUSEE = "refusee"
    VERSEE_PARTIELLEMENT = "versee_partiellement"
    SOLDEE = "soldee"

    def label(self, lang: str = "fr") -> str:
        fr, en = _STATUS_LABELS[self]
        return en if lang == "en" else fr


_STATUS_LABELS: dict[GrantStatus, tuple[str, str]] = {
    GrantStatus.DEMANDEE: ("Demandée", "Requested"),
    GrantStatus.VOTEE: ("Votée", "Granted"),
    GrantStatus.REFUSEE: ("Refusée", "Refused"),
    GrantStatus.VERSEE_PARTIELLEMENT: ("Versée partiellement", "Partly paid"),
    GrantStatus.SOLDEE: ("Soldée", "Fully paid"),
}

GRANT_TRANSITIONS: dict[GrantStatus, frozenset[GrantStatus]] = {
    GrantStatus.DEMANDEE: frozenset({GrantStatus.VOTEE, GrantStatus.REFUSEE}),
    # A single payment takes a voted grant straight to "soldée".
    GrantStatus.VOTEE: frozenset({GrantStatus.VERSEE_PARTIELLEMENT, GrantStatus.SOLDEE}),
    GrantStatus.REFUSEE: frozenset(),
    GrantStatus.VERSEE_PARTIELLEMENT: frozenset({GrantStatus.SOLDEE}),
    GrantStatus.SOLDEE: frozenset(),
}
"""Forward moves only; undo restores the previous status through its own inverse command."""


def can_change_grant_status(old: GrantStatus | str, new: GrantStatus | str) -> bool:
    """True if ``old`` -> ``new`` is allowed (staying put is always allowed)."""
    before, after = GrantStatus(old), GrantStatus(new)
    return before == after or after in GRANT_TRANSITIONS[before]


def check_grant_transition(old: GrantStatus | str, new: GrantStatus | str) -> None:
    """Raise ``grant_transition`` (with both labels in French and English) if not allowed."""
    before, after = GrantStatus(old), GrantStatus(new)
    if not can_change_grant_status(before, after):
        raise PtceError(
            "grant_transition",
            "status",
            from_status=before.value,
            to_status=after.value,
            from_fr=before.label("fr"),
            to_fr=after.label("fr"),
            from_en=before.label("en"),
            to_en=after.label("en"),
        )


class GrantNature(StrEnum):
    CASH = "cash"
    IN_KIND = "in_kind"


class OverheadMethod(StrEnum):
    """How a grant's overheads (frais de structure) are counted in its report."""

    NONE = "none"
    FLAT_RATE = "flat_rate"
    KEY = "key"


class InKindKind(StrEnum):
    """The kinds of contribution volontaire en nature (accounts 86/87)."""

    BENEVOLAT = "benevolat"  # volunteering
    MISE_A_DISPOSITION_PERSONNEL = "mise_a_disposition_personnel"  # staff lent free
    MISE_A_DISPOSITION_BIENS = "mise_a_disposition_biens"  # premises, equipment lent free
    PRESTATION_EN_NATURE = "prestation_en_nature"
    DON_EN_NATURE = "don_en_nature"
    AUTRE = "autre"


class CallKind(StrEnum):
    """A call for funds on the budget (provisional) or on the actual costs (true-up)."""

    PROVISIONAL = "provisional"
    TRUE_UP = "true_up"


class PaymentMethod(StrEnum):
    VIREMENT = "virement"
    CHEQUE = "cheque"
    ESPECES = "especes"
    PRELEVEMENT = "prelevement"
    CARTE = "carte"
    COMPENSATION = "compensation"
    AUTRE = "autre"


class ProjectStatus(StrEnum):
    PREVU = "prevu"
    EN_COURS = "en_cours"
    TERMINE = "termine"
    ABANDONNE = "abandonne"


class GovernanceKind(StrEnum):
    CA = "ca"  # conseil d'administration
    BUREAU = "bureau"
    AG = "ag"  # assemblée générale
    COPIL = "copil"  # comité de pilotage
    COLLEGE = "college"
    COMITE = "comite"
    AUTRE = "autre"
