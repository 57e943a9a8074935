"""Member categories and PTCE eligibility, funder types, grant statuses."""

from __future__ import annotations

import pytest

from ptce_desktop.domain.categories import (
    MISSING_LABELS,
    ActorRole,
    FunderType,
    GrantStatus,
    MemberCategory,
    can_change_grant_status,
    check_grant_transition,
    eligibility,
)
from ptce_desktop.domain.errors import PtceError


@pytest.mark.parametrize(
    ("categories", "missing"),
    [
        (["ess_enterprise", "non_ess_enterprise", "local_authority"], ()),
        (["ess_enterprise", "ess_enterprise", "non_ess_enterprise", "research"], ()),
        (["ess_enterprise", "non_ess_enterprise"], ("other_actor",)),
        (["ess_enterprise", "non_ess_enterprise", "person"], ("other_actor",)),
        (["training", "network"], ("ess_enterprise", "non_ess_enterprise")),
        ([], ("ess_enterprise", "non_ess_enterprise", "other_actor")),
    ],
)
def test_eligibility(categories: list[str], missing: tuple[str, ...]) -> None:
    result = eligibility(categories)
    assert result.missing == missing
    assert result.eligible == (not missing)


def test_eligibility_counts() -> None:
    result = eligibility([MemberCategory.ESS_ENTERPRISE] * 3 + ["other", "person"])
    assert (result.ess, result.non_ess, result.other) == (3, 0, 1)
    assert set(result.missing) <= set(MISSING_LABELS)


def test_unknown_category() -> None:
    with pytest.raises(PtceError) as info:
        eligibility(["martian"])
    assert info.value.code == "invalid_value"


def test_labels_in_both_languages() -> None:
    for category in MemberCategory:
        assert category.label("fr") and category.label("en")
        assert isinstance(category.role, ActorRole)
    for funder in FunderType:
        assert funder.label("fr") and funder.label("en")
    for status in GrantStatus:
        assert status.label("fr") and status.label("en")
    assert MemberCategory.ESS_ENTERPRISE.label() == "Entreprise de l'ESS"
    assert GrantStatus.VERSEE_PARTIELLEMENT.label() == "Versée partiellement"
    assert not FunderType.PRIVE.is_public and FunderType.EPCI.is_public


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("demandee", "votee", True),
        ("demandee", "refusee", True),
        ("demandee", "soldee", False),
        ("votee", "versee_partiellement", True),
        ("votee", "soldee", True),
        ("versee_partiellement", "soldee", True),
        ("versee_partiellement", "votee", False),
        ("refusee", "votee", False),
        ("soldee", "versee_partiellement", False),
        ("votee", "votee", True),
    ],
)
def test_grant_transitions(old: str, new: str, allowed: bool) -> None:
    assert can_change_grant_status(old, new) is allowed


def test_refused_transition_message() -> None:
    with pytest.raises(PtceError) as info:
        check_grant_transition(GrantStatus.REFUSEE, GrantStatus.SOLDEE)
    assert info.value.code == "grant_transition"
    assert info.value.message("fr") == "Une subvention « Refusée » ne peut pas passer à « Soldée »."
    assert info.value.message("en") == "A grant that is “Refused” cannot become “Fully paid”."
