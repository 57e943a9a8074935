"""In-kind contributions (CVN 86/87): rows by nature, totals per Cerfa row, validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from support.factories.grants import LONG_NAME, close_year, euros, make_grant, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.in_kind import InKindDraft, cerfa_code_for


def _error(call: Any, *args: Any) -> PtceError:
    with pytest.raises(PtceError) as caught:
        call(*args)
    return caught.value


def _draft(**changes: Any) -> InKindDraft:
    base = InKindDraft(
        date=dt.date(2025, 6, 14),
        kind="benevolat",
        label="Bénévoles de la fête « Crest & <co> » — l'€",
        amount_cents=euros("1 200,00"),
        hours_milli=80_000,
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("kind", "charge"),
    [
        ("benevolat", "864"),
        ("mise_a_disposition_personnel", "862"),
        ("mise_a_disposition_biens", "861"),
        ("prestation_en_nature", "862"),
        ("don_en_nature", "860"),
    ],
)
def test_row_by_nature(kind: str, charge: str) -> None:
    assert cerfa_code_for(kind, None) == charge


def test_crud_and_totals(uow: Any) -> None:
    world = seed_world(uow)
    service = world.services.in_kind
    grant_id = make_grant(world)
    member = world.members[2]
    volunteering = service.create_contribution(
        _draft(member_id=member, project_id=world.project_id, grant_id=grant_id)
    )
    assert (volunteering.cerfa_code, volunteering.resource_code) == ("864", "870")
    assert volunteering.member_name == LONG_NAME
    assert volunteering.grant_title is not None and volunteering.grant_title.startswith("Anim")
    assert volunteering.kind_label == "Bénévolat"
    premises = service.create_contribution(
        _draft(
            kind="mise_a_disposition_biens",
            label="Salle prêtée par la mairie",
            amount_cents=euros("2 400,00"),
            hours_milli=None,
            grant_id=grant_id,
        )
    )
    assert (premises.cerfa_code, premises.resource_code) == ("861", "871")
    other = service.create_contribution(
        _draft(kind="autre", cerfa_code="862", label="Expertise comptable offerte", grant_id=None)
    )
    service.create_contribution(_draft(date=dt.date(2026, 1, 3), kind="don_en_nature"))
    changed = service.update_contribution(other.id, _draft(kind="autre", cerfa_code="860"))
    assert changed.cerfa_code == "860"
    assert service.get_contribution(other.id).resource_code == "875"

    totals = service.totals(year=2025)
    assert [(t.code, t.amount_cents) for t in totals.charges] == [
        ("860", 120_000),
        ("861", 240_000),
        ("862", 0),
        ("864", 120_000),
    ]
    assert [(t.code, t.amount_cents) for t in totals.resources] == [
        ("870", 120_000),
        ("871", 240_000),
        ("875", 120_000),
    ]
    assert totals.charges[1].label.startswith("861 – Mise à disposition")
    assert (totals.total_cents, totals.hours_milli, totals.count) == (480_000, 160_000, 3)
    by_grant = service.totals(grant_id=grant_id)
    assert by_grant.total_cents == 360_000
    listed = service.list_contributions(year=2025, grant_id=grant_id)
    assert [c.id for c in listed] == [volunteering.id, premises.id]
    assert listed[0].member_name == LONG_NAME
    assert listed[0].project_name == "Tiers-lieu « La Fabrique » & <co>"
    assert [c.id for c in service.list_contributions(member_id=member)] == [volunteering.id]
    service.delete_contribution(other.id)
    assert service.totals(year=2025).count == 2


@pytest.mark.parametrize(
    ("changes", "code", "field", "text"),
    [
        ({"label": "  "}, "required", "label", "Le champ « Libellé » est obligatoire."),
        (
            {"kind": "cadeau"},
            "in_kind_kind_unknown",
            "kind",
            "Nature de contribution en nature inconnue : « cadeau ».",
        ),
        (
            {"cerfa_code": "870"},
            "in_kind_code_invalid",
            "cerfa_code",
            "« 870 » n'est pas une ligne des emplois de contributions en nature du Cerfa "
            "(860, 861, 862, 864).",
        ),
        (
            {"kind": "autre"},
            "in_kind_code_required",
            "cerfa_code",
            "Pour une contribution « autre », choisissez la ligne du Cerfa (860, 861, 862, 864).",
        ),
        (
            {"amount_cents": -1},
            "grant_amount_negative",
            "amount_cents",
            "Le montant « valeur » ne peut pas être négatif.",
        ),
        (
            {"hours_milli": -1},
            "in_kind_hours_out_of_range",
            "hours_milli",
            "Le nombre d'heures doit être compris entre 0 et 1\u00a0000\u00a0000\u00a0000.",
        ),
        ({"member_id": 91}, "not_found", None, "Membre introuvable (n° 91)."),
        ({"project_id": 92}, "not_found", None, "Projet introuvable (n° 92)."),
        ({"grant_id": 93}, "not_found", None, "Subvention introuvable (n° 93)."),
    ],
)
def test_invalid_contributions(
    uow: Any, changes: dict[str, Any], code: str, field: str | None, text: str
) -> None:
    world = seed_world(uow)
    error = _error(world.services.in_kind.create_contribution, _draft(**changes))
    assert (error.code, error.field) == (code, field)
    assert error.message() == text


def test_closed_year_freezes_contributions(uow: Any) -> None:
    world = seed_world(uow)
    service = world.services.in_kind
    old = service.create_contribution(_draft(date=dt.date(2024, 12, 10)))
    close_year(uow, 2024)
    error = _error(service.create_contribution, _draft(date=dt.date(2024, 12, 31)))
    assert error.message() == (
        "L'exercice 2024 est clôturé : impossible de modifier la contribution en nature."
    )
    assert _error(service.delete_contribution, old.id).code == "closed_year"
    assert _error(service.update_contribution, old.id, _draft()).code == "closed_year"
    assert service.create_contribution(_draft(date=dt.date(2025, 1, 1))).id > old.id
