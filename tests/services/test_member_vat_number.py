"""Members' intra-community VAT number (#10): any EU country, checked by python-stdnum, stored
compact, coherent with the member's SIREN; the message names the field in French."""

from __future__ import annotations

import pytest
from support.factories.members import LONG_NAME, SIRET, SIRET_TYPED, draft, seed_pole, today

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import vat_number_of_siren
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.unit_of_work import UnitOfWork

#: the VAT number of INSEE (SIREN 732 829 320, the SIRET of the factories)
VAT = vat_number_of_siren(SIRET[:9])


def members(uow: UnitOfWork) -> MemberService:
    return MemberService(uow, today=today)


def test_vat_number_of_the_siren_is_fr_key_siren() -> None:
    assert VAT == "FR44732829320"
    assert vat_number_of_siren("303265045") == "FR40303265045"  # python-stdnum's example


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("fr 44 732 829 320", "FR44732829320"),
        ("447 328 293 20", "FR44732829320"),  # eleven digits: a French number
        ("BE 0403.170.701", "BE0403170701"),
        ("DE136695976", "DE136695976"),
        ("EL094259216", "EL094259216"),
    ],
)
def test_stored_compact_with_its_country(uow: UnitOfWork, typed: str, stored: str) -> None:
    seed_pole(uow)
    service = members(uow)
    view = service.create(draft(LONG_NAME, vat_number=typed))
    assert view.vat_number == stored
    assert service.get(view.id).vat_number == stored
    assert service.get(view.id).to_draft().vat_number == stored


def test_coherent_with_the_siren_and_the_siret(uow: UnitOfWork) -> None:
    seed_pole(uow)
    view = members(uow).create(
        draft("L'Œuvre & Cœur <Drôme> — 1 €", siret=SIRET_TYPED, vat_number=VAT)
    )
    assert (view.siren, view.vat_number) == (SIRET[:9], VAT)
    # a foreign number says nothing of the French SIREN
    other = members(uow).update(view.id, draft(view.name, siret=SIRET, vat_number="DE136695976"))
    assert other.vat_number == "DE136695976"
    # cleared
    assert members(uow).update(view.id, draft(view.name, vat_number="  ")).vat_number is None


@pytest.mark.parametrize(
    ("values", "code", "french"),
    [
        (
            {"vat_number": "FR45732829320"},
            "identifier_checksum",
            "N° de TVA intracommunautaire invalide : code pays de l'UE (FR, BE, DE…) et "
            "numéro national attendus, la clé de contrôle ne correspond pas "
            "(vérifiez « FR45732829320 »).",
        ),
        (
            {"vat_number": "XX 123 <&>"},
            "identifier_component",
            "N° de TVA intracommunautaire invalide : « XX 123 <&> » contient une partie incorrecte",
        ),
        (
            {"vat_number": "FR40303265045", "siret": SIRET_TYPED},
            "vat_siren_mismatch",
            "Le N° de TVA intracommunautaire FR40303265045 ne correspond pas au SIREN "
            "732829320 : un numéro français est FR, 2 chiffres de clé puis le SIREN "
            "(ici FR44732829320).",
        ),
        (
            {"vat_number": "FR40303265045", "siren": "732 829 320"},
            "vat_siren_mismatch",
            "ne correspond pas au SIREN 732829320",
        ),
    ],
)
def test_refused_with_a_french_message_naming_the_field(
    uow: UnitOfWork, values: dict[str, str], code: str, french: str
) -> None:
    seed_pole(uow)
    with pytest.raises(PtceError) as caught:
        members(uow).create(draft("Épicerie & co € <Valence>", **values))
    assert (caught.value.code, caught.value.field) == (code, "vat_number")
    assert french in caught.value.message("fr")
    assert members(uow).list_members() == []  # nothing saved
