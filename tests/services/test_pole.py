"""PoleService: the welcome flow, identity fields and their validation, the logo."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select
from support.factories.members import (
    IBAN,
    POLE_NAME,
    SIRET,
    SIRET_TYPED,
    add_cost,
    add_member,
    add_service,
    seed_pole,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.pole.fiscal_years import FiscalYearService
from ptce_desktop.services.pole.pole import PoleDraft, PoleService
from ptce_desktop.store.models import Attachment, AuditEntry
from ptce_desktop.store.unit_of_work import UnitOfWork

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


def full_draft(**changes: object) -> PoleDraft:
    values: dict[str, object] = {
        "name": POLE_NAME,
        "territory": "Valence Romans Agglo & Drôme",
        "address": "12, rue de l'Économie <solidaire>",
        "postcode": "26 100",
        "city": "Romans-sur-Isère",
        "email": "contact@pole-sud.fr",
        "phone": "+33 (0)4 75 00 00 00",
        "website": "https://pole-sud.example",
        "siret": SIRET_TYPED,
        "rna": "w26 123 4567",
        "vat_number": "FR 40 303265045",
        "vat_registered": True,
        "iban": IBAN.lower(),
        "bic": "bnpa frpp",
        "legal_rep_name": "Zoé L'Hôte",
        "legal_rep_title": "Présidente",
        "fiscal_year_start_month": 1,
    }
    values.update(changes)
    return PoleDraft(**values)  # type: ignore[arg-type]


def test_no_pole_at_first(uow: UnitOfWork) -> None:
    assert PoleService(uow).get() is None


def test_create_pole_then_twice_refused(uow: UnitOfWork) -> None:
    service = PoleService(uow)
    view = service.create_pole(f"  {POLE_NAME}  ", "Drôme", 7)
    assert (view.name, view.territory, view.fiscal_year_start_month) == (POLE_NAME, "Drôme", 7)
    assert service.get() == view
    with pytest.raises(PtceError) as caught:
        service.create_pole("Un autre pôle", None, 1)
    assert caught.value.code == "pole_exists"
    assert caught.value.message() == (
        f"Le pôle « {POLE_NAME} » existe déjà : un fichier ne décrit qu'un seul pôle."
    )


def test_create_pole_validation(uow: UnitOfWork) -> None:
    service = PoleService(uow)
    with pytest.raises(PtceError) as caught:
        service.create_pole("   ", "Drôme", 1)
    assert (caught.value.code, caught.value.field) == ("required", "name")
    assert caught.value.message() == "Le champ « Nom » est obligatoire."
    with pytest.raises(PtceError) as caught:
        service.create_pole("Pôle", None, 13)
    assert (caught.value.code, caught.value.field) == ("invalid_month", "fiscal_year_start_month")
    with pytest.raises(PtceError) as caught:
        service.create_pole("x" * 201, None, 1)
    assert caught.value.code == "too_long"
    assert service.get() is None


def test_update_every_field_stores_compact_identifiers(uow: UnitOfWork) -> None:
    seed_pole(uow)
    lead = add_member(uow, "Groupe Archer & associés")
    view = PoleService(uow).update(full_draft(lead_member_id=lead))
    assert view.siret == SIRET
    assert view.siret_display == SIRET_TYPED
    assert view.rna == "W261234567"
    assert view.vat_number == "FR40303265045"
    assert view.iban == "FR7630006000011234567890189"
    assert view.iban_display == IBAN
    assert view.bic == "BNPAFRPP"
    assert view.postcode == "26100"
    assert view.vat_registered is True
    assert view.lead_member_name == "Groupe Archer & associés"
    assert view.legal_rep_name == "Zoé L'Hôte"
    assert PoleService(uow).get() == view
    # The view gives back a draft that saves to the same thing.
    assert PoleService(uow).update(view.to_draft()) == view
    with uow.read() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "Modifier le pôle" in actions


def test_clearing_optional_fields(uow: UnitOfWork) -> None:
    seed_pole(uow)
    service = PoleService(uow)
    service.update(full_draft())
    view = service.update(PoleDraft(name=POLE_NAME, siret="  ", iban="", territory=" "))
    assert (view.siret, view.iban, view.territory, view.vat_registered) == (None, None, None, False)


@pytest.mark.parametrize(
    ("field", "value", "code", "french"),
    [
        (
            "siret",
            "732 829 320 00075",
            "identifier_checksum",
            "SIRET invalide : 14 chiffres attendus, la clé de contrôle ne correspond pas "
            "(vérifiez « 732 829 320 00075 »).",
        ),
        ("siret", "1234", "identifier_length", "SIRET invalide : 14 chiffres attendus, 4 saisis."),
        ("iban", "FR76 3000 6000 0112 3456 7890 188", "identifier_checksum", "IBAN invalide"),
        ("bic", "BN", "identifier_length", "BIC invalide"),
        ("rna", "A123", "identifier_format", "RNA invalide"),
        ("vat_number", "FR00303265045", "identifier_checksum", "TVA invalide"),
        ("postcode", "2610", "invalid_postcode", "Code postal invalide : « 2610 »"),
        ("email", "contact@pole", "invalid_email", "Adresse e-mail invalide"),
        ("phone", "04 75 AB", "invalid_phone", "Numéro de téléphone invalide"),
        ("name", "", "required", "Le champ « Nom » est obligatoire."),
        ("fiscal_year_start_month", 0, "invalid_month", "entre 1 et 12"),
    ],
)
def test_update_validation(
    uow: UnitOfWork, field: str, value: object, code: str, french: str
) -> None:
    seed_pole(uow)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).update(full_draft(**{field: value}))
    assert (caught.value.code, caught.value.field) == (code, field)
    assert french in caught.value.message()
    assert PoleService(uow).get().siret is None  # type: ignore[union-attr]


def test_update_without_pole_and_unknown_lead(uow: UnitOfWork) -> None:
    with pytest.raises(PtceError) as caught:
        PoleService(uow).update(full_draft())
    assert caught.value.code == "pole_missing"
    seed_pole(uow)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).update(full_draft(lead_member_id=999))
    assert caught.value.code == "not_found"
    assert caught.value.message() == "Membre introuvable (n° 999)."


def test_start_month_changes_until_data_exists(uow: UnitOfWork) -> None:
    seed_pole(uow)
    service = PoleService(uow)
    assert service.update(full_draft(fiscal_year_start_month=9)).fiscal_year_start_month == 9
    member = add_member(uow)
    add_cost(uow, add_service(uow), dt.date(2025, 10, 2), {member: 1000})
    with pytest.raises(PtceError) as caught:
        service.update(full_draft(fiscal_year_start_month=1))
    assert (caught.value.code, caught.value.field) == (
        "start_month_locked",
        "fiscal_year_start_month",
    )
    assert caught.value.values["costs"] == 1
    assert "le fichier contient déjà 1 charge." in caught.value.message()
    assert "1 cost" in caught.value.message("en")
    # Other fields still save while the month stays put.
    assert service.update(full_draft(fiscal_year_start_month=9, city="Valence")).city == "Valence"


def test_start_month_locked_by_a_closed_year(uow: UnitOfWork) -> None:
    seed_pole(uow)
    FiscalYearService(uow).close(2024)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).update(full_draft(fiscal_year_start_month=4))
    assert "1 exercice clôturé" in caught.value.message()


def test_logo_png_copied_by_hash_and_reused(uow: UnitOfWork, tmp_path: Path) -> None:
    seed_pole(uow)
    source = tmp_path / "logo pôle & co.PNG"
    source.write_bytes(PNG)
    service = PoleService(uow)
    view = service.set_logo(source)
    digest = hashlib.sha256(PNG).hexdigest()
    assert view.logo_path is not None
    assert view.logo_path == uow.db.attachments_dir / f"{digest}.png"
    assert view.logo_path.read_bytes() == PNG
    assert view.logo_name == "logo pôle & co.PNG"
    again = tmp_path / "copie.png"
    again.write_bytes(PNG)
    assert service.set_logo(again).logo_attachment_id == view.logo_attachment_id
    with uow.read() as session:
        assert len(session.scalars(select(Attachment)).all()) == 1
    cleared = service.clear_logo()
    assert (cleared.logo_attachment_id, cleared.logo_path) == (None, None)


def test_logo_jpeg_accepted(uow: UnitOfWork, tmp_path: Path) -> None:
    seed_pole(uow)
    source = tmp_path / "logo.jpeg"
    source.write_bytes(JPEG)
    view = PoleService(uow).set_logo(str(source))
    with uow.read() as session:
        attachment = session.get(Attachment, view.logo_attachment_id)
        assert attachment is not None and attachment.mime == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "content"),
    [("faux logo.png", b"<svg>not a png</svg>"), ("logo.gif", b"GIF89a..."), ("logo.jpg", PNG[:4])],
)
def test_logo_not_an_image_refused(
    uow: UnitOfWork, tmp_path: Path, name: str, content: bytes
) -> None:
    seed_pole(uow)
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).set_logo(source)
    assert (caught.value.code, caught.value.field) == ("logo_not_image", "logo")
    assert caught.value.message() == (
        f"« {name} » n'est pas une image PNG ou JPEG : choisissez un fichier .png ou .jpg."
    )
    assert PoleService(uow).get().logo_attachment_id is None  # type: ignore[union-attr]


def test_logo_missing_or_too_large(uow: UnitOfWork, tmp_path: Path) -> None:
    seed_pole(uow)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).set_logo(tmp_path / "absent.png")
    assert caught.value.code == "logo_unreadable"
    big = tmp_path / "énorme.png"
    big.write_bytes(PNG + b"\x00" * (6 * 1024 * 1024))
    with pytest.raises(PtceError) as caught:
        PoleService(uow).set_logo(big)
    assert caught.value.code == "logo_too_large"
    assert "ne doit pas dépasser 5 Mo" in caught.value.message()


def test_logo_needs_a_pole(uow: UnitOfWork, tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(PNG)
    with pytest.raises(PtceError) as caught:
        PoleService(uow).set_logo(source)
    assert caught.value.code == "pole_missing"
