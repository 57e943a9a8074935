"""FunderService: create, change, list, delete; every validation error with its French text."""

from __future__ import annotations

from typing import Any

import pytest
from support.factories.grants import FUNDER_NAME, LONG_NAME, make_grant, seed_world

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.funders import FunderDraft, FunderService
from ptce_desktop.store.models import AuditEntry


def test_create_update_and_list(uow: Any) -> None:
    service = FunderService(uow)
    created = service.create_funder(
        FunderDraft(
            name=f"  {FUNDER_NAME}  ",
            type="region",
            contact="Mme Chloé <chloe@region.fr> & co",
            notes="Service ESS — l'€",
        )
    )
    assert created.name == FUNDER_NAME
    assert created.type_label == "Région"
    assert created.grant_count == 0
    other = service.create_funder(FunderDraft(name=LONG_NAME[:200], type="prive"))
    updated = service.update_funder(
        other.id, FunderDraft(name="Fondation « Caisse d'Épargne » & <co>", type="prive")
    )
    assert updated.contact is None
    names = [funder.name for funder in service.list_funders()]
    assert names == ["Fondation « Caisse d'Épargne » & <co>", FUNDER_NAME]
    assert [f.id for f in service.list_funders("region")] == [created.id]
    assert service.get_funder(created.id).contact == "Mme Chloé <chloe@region.fr> & co"
    with uow.read() as session:
        actions = [entry.action for entry in session.query(AuditEntry).all()]
    assert actions.count("Créer un financeur") == 2
    assert "Modifier un financeur" in actions


def test_same_name_ignoring_case_is_refused(uow: Any) -> None:
    service = FunderService(uow)
    first = service.create_funder(FunderDraft(name="Département de la Drôme", type="departement"))
    with pytest.raises(PtceError) as caught:
        service.create_funder(FunderDraft(name=" département de la DRÔME ", type="departement"))
    assert caught.value.code == "funder_name_taken"
    assert caught.value.field == "name"
    assert caught.value.message() == "Un financeur s'appelle déjà « département de la DRÔME »."
    # Keeping its own name is not a clash.
    assert service.update_funder(first.id, FunderDraft(name="Département de la Drôme", type="etat"))


@pytest.mark.parametrize(
    ("draft", "code", "field", "text"),
    [
        (
            FunderDraft(name="   ", type="etat"),
            "required",
            "name",
            "Le champ « Nom » est obligatoire.",
        ),
        (
            FunderDraft(name="x" * 201, type="etat"),
            "too_long",
            "name",
            "Le champ « Nom » dépasse 200 caractères.",
        ),
        (
            FunderDraft(name="ANCT", type="ministere"),
            "funder_type_unknown",
            "type",
            "Type de financeur inconnu : « ministere ».",
        ),
    ],
)
def test_invalid_funders(uow: Any, draft: FunderDraft, code: str, field: str, text: str) -> None:
    with pytest.raises(PtceError) as caught:
        FunderService(uow).create_funder(draft)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert caught.value.message() == text


def test_funder_with_grants_cannot_be_deleted(uow: Any) -> None:
    world = seed_world(uow)
    make_grant(world)
    make_grant(world, title="Seconde subvention")
    funders = world.services.funders
    assert funders.get_funder(world.funder_id).grant_count == 2
    with pytest.raises(PtceError) as caught:
        funders.delete_funder(world.funder_id)
    assert caught.value.code == "funder_has_grants"
    assert caught.value.message() == (
        f"Le financeur « {FUNDER_NAME} » a des subventions (2) : il ne peut pas être supprimé."
    )
    lonely = funders.create_funder(FunderDraft(name="Commune de Crest", type="commune"))
    funders.delete_funder(lonely.id)
    assert [f.id for f in funders.list_funders()] == [world.funder_id]


def test_unknown_funder(uow: Any) -> None:
    with pytest.raises(PtceError) as caught:
        FunderService(uow).delete_funder(42)
    assert caught.value.message() == "Financeur introuvable (n° 42)."
