"""MemberService: register, validation, archive/delete, yearly figures and read models."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from support.factories.members import (
    LONG_NAME,
    SIRET,
    SIRET_TYPED,
    add_call,
    add_cost,
    add_member,
    add_payment,
    add_service,
    count_statements,
    draft,
    seed_pole,
    today,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.members.members import MemberService
from ptce_desktop.store.models import (
    AllocationKey,
    KeyVersion,
    KeyVersionUnit,
    Member,
    MemberYearFigures,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

D = dt.date


def members(uow: UnitOfWork) -> MemberService:
    return MemberService(uow, today=today)


def test_create_with_every_field(uow: UnitOfWork) -> None:
    seed_pole(uow)
    view = members(uow).create(
        draft(
            f"  {LONG_NAME}  ",
            short_name="L'Œuvre & Cœur",
            legal_form="SCIC",
            siret=SIRET_TYPED,
            rna="W261234567",
            address="3, place de l'Église <bât. B>",
            postcode="26 000",
            city="Valence",
            contact_name="Zoé L'Hôte",
            email="zoe@oeuvre-coeur.fr",
            phone="04 75 00-00.00",
            joined_on=D(2020, 1, 1),
            college="Collège des entreprises & associations",
            qpv=True,
            notes="Membre fondateur — 1 234,56 € apportés <en nature>",
        )
    )
    assert view.name == LONG_NAME and len(view.name) == 200
    assert (view.siret, view.siren, view.siret_display) == (SIRET, SIRET[:9], SIRET_TYPED)
    assert (view.postcode, view.category_label, view.qpv) == ("26000", "Entreprise de l'ESS", True)
    assert not view.archived
    assert members(uow).get(view.id) == view
    assert members(uow).update(view.id, view.to_draft()) == view


@pytest.mark.parametrize(
    ("changes", "code", "field", "french"),
    [
        ({"name": "   "}, "required", "name", "Le champ « Nom » est obligatoire."),
        ({"name": "x" * 201}, "too_long", "name", "Le champ « Nom » dépasse 200 caractères."),
        (
            {"siret": "732 829 320 00075"},
            "identifier_checksum",
            "siret",
            "SIRET invalide : 14 chiffres attendus, la clé de contrôle ne correspond pas "
            "(vérifiez « 732 829 320 00075 »).",
        ),
        (
            {"siret": SIRET, "siren": "552 100 554"},
            "siren_mismatch",
            "siren",
            "Le SIREN 552100554 ne correspond pas au SIRET 73282932000074 "
            "(ses 9 premiers chiffres).",
        ),
        ({"siren": "12345"}, "identifier_length", "siren", "SIREN invalide"),
        ({"rna": "X12"}, "identifier_format", "rna", "RNA invalide"),
        (
            {"joined_on": D(2024, 5, 2), "left_on": D(2024, 5, 1)},
            "member_left_before_joined",
            "left_on",
            "La date de sortie (01/05/2024) précède la date d'adhésion (02/05/2024).",
        ),
        (
            {"postcode": "260000"},
            "invalid_postcode",
            "postcode",
            "Code postal invalide : « 260000 ». Un code postal français compte 5 chiffres, "
            "par exemple « 26100 ».",
        ),
        ({"postcode": "2A004"}, "invalid_postcode", "postcode", "5 chiffres"),
        ({"email": "zoe@@x.fr"}, "invalid_email", "email", "Adresse e-mail invalide"),
        ({"email": "zoe x@a.fr"}, "invalid_email", "email", "nom@domaine.fr"),
        ({"phone": "appeler Zoé"}, "invalid_phone", "phone", "Numéro de téléphone invalide"),
        ({"category": "sarl"}, "member_category_unknown", "category", "« sarl »"),
        ({"short_name": "x" * 61}, "too_long", "short_name", "« Nom court » dépasse 60"),
    ],
)
def test_create_validation(
    uow: UnitOfWork, changes: dict[str, object], code: str, field: str, french: str
) -> None:
    values: dict[str, object] = {"name": "Épicerie & co"}
    values.update(changes)
    name = values.pop("name")
    with pytest.raises(PtceError) as caught:
        members(uow).create(draft(str(name), **values))
    assert (caught.value.code, caught.value.field) == (code, field)
    assert french in caught.value.message()
    with uow.read() as session:
        assert session.scalars(select(Member)).first() is None


def test_update_and_unknown_member(uow: UnitOfWork) -> None:
    member = add_member(uow, "Épicerie")
    view = members(uow).update(member, draft("Épicerie solidaire <2>", city="Die"))
    assert (view.name, view.city) == ("Épicerie solidaire <2>", "Die")
    with pytest.raises(PtceError) as caught:
        members(uow).update(999, draft("X"))
    assert caught.value.message() == "Membre introuvable (n° 999)."
    with pytest.raises(PtceError):
        members(uow).update(member, draft("Épicerie", email="pas-un-mail"))


def test_archive(uow: UnitOfWork) -> None:
    member = add_member(uow, joined_on=D(2021, 3, 1))
    with pytest.raises(PtceError) as caught:
        members(uow).archive(member, D(2021, 2, 28))
    assert caught.value.code == "member_left_before_joined"
    view = members(uow).archive(member, D(2025, 6, 30))
    assert view.archived and view.left_on == D(2025, 6, 30)


def test_delete_member_without_records(uow: UnitOfWork) -> None:
    member = add_member(uow)
    members(uow).set_year_figures(member, 2025, headcount=3)
    members(uow).delete(member)
    with uow.read() as session:
        assert session.get(Member, member) is None
        assert session.scalars(select(MemberYearFigures)).first() is None


def test_member_with_shares_is_never_deleted_but_can_be_archived(uow: UnitOfWork) -> None:
    seed_pole(uow)
    member = add_member(uow, "Dupont & Fils <SARL>")
    svc = add_service(uow)
    add_cost(uow, svc, D(2025, 2, 1), {member: 1000})
    add_cost(uow, svc, D(2025, 3, 1), {member: 500})
    add_payment(uow, member, D(2025, 4, 1), 1500)
    with pytest.raises(PtceError) as caught:
        members(uow).delete(member)
    error = caught.value
    assert error.code == "member_in_use"
    assert (error.values["shares"], error.values["payments"], error.values["calls"]) == (2, 1, 0)
    assert error.message() == (
        "Le membre « Dupont & Fils <SARL> » ne peut pas être supprimé : il a 2 quotes-parts "
        "et 1 règlement. Archivez-le plutôt (date de sortie) : il gardera tout son historique."
    )
    assert "2 cost shares and 1 payment" in error.message("en")
    members(uow).archive(member, D(2025, 12, 31))
    with uow.read() as session:
        assert session.get(Member, member) is not None
        assert len(session.scalars(select(Share)).all()) == 2


def test_member_with_a_call_only_is_not_deleted(uow: UnitOfWork) -> None:
    member = add_member(uow)
    add_call(
        uow,
        member,
        add_service(uow),
        number="AF-1",
        year=2025,
        quarter=1,
        ttc_cents=10,
        issued=D(2025, 1, 5),
    )
    with pytest.raises(PtceError) as caught:
        members(uow).delete(member)
    assert "1 appel de fonds." in caught.value.message()


def test_year_figures(uow: UnitOfWork) -> None:
    member = add_member(uow)
    service = members(uow)
    figures = service.set_year_figures(member, 2025, 12, 10_500, 2, 8, 30, 123_456_78)
    assert figures is not None
    assert (figures.headcount, figures.etp_milli, figures.turnover_cents) == (
        12,
        10_500,
        12_345_678,
    )
    again = service.set_year_figures(member, 2025, headcount=13)
    assert again is not None and (again.headcount, again.etp_milli) == (13, None)
    assert service.member_detail(member, 2025).figures == again
    assert service.set_year_figures(member, 2025) is None
    assert service.member_detail(member, 2025).figures is None


@pytest.mark.parametrize(
    ("values", "code", "field", "french"),
    [
        (
            {"headcount": -1},
            "negative_figure",
            "headcount",
            "« Effectif » ne peut pas être négatif",
        ),
        ({"etp_milli": -500}, "negative_figure", "etp_milli", "« ETP »"),
        ({"volunteers": 1.5}, "invalid_value", "volunteers", "Bénévoles"),
        ({"jobs_created": True}, "invalid_value", "jobs_created", "Emplois créés"),
        ({"turnover_cents": 10**12}, "figure_too_large", "turnover_cents", "trop grand"),
        ({"year": 1800}, "invalid_year", "year", "Exercice invalide : « 1800 »"),
    ],
)
def test_year_figures_validation(
    uow: UnitOfWork, values: dict[str, object], code: str, field: str, french: str
) -> None:
    member = add_member(uow)
    year = values.pop("year", 2025)
    with pytest.raises(PtceError) as caught:
        members(uow).set_year_figures(member, year, **values)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == (code, field)
    assert french in caught.value.message()


def test_year_figures_of_unknown_member(uow: UnitOfWork) -> None:
    with pytest.raises(PtceError) as caught:
        members(uow).set_year_figures(42, 2025, headcount=1)
    assert caught.value.code == "not_found"


def test_list_members(uow: UnitOfWork) -> None:
    seed_pole(uow)
    zeta = add_member(uow, "Zêta coop", joined_on=D(2026, 6, 1))
    epi = add_member(uow, "Épicerie <solidaire>", siret=SIRET, category="ess_enterprise")
    dupont = add_member(uow, "dupont & Fils", category="non_ess_enterprise")
    gone = add_member(uow, "Ancienne asso", joined_on=D(2019, 1, 1), left_on=D(2024, 6, 30))
    members(uow).set_year_figures(epi, 2024, headcount=4, etp_milli=3_500)
    rows = members(uow).list_members(year=2024)
    assert [row.name for row in rows] == [
        "Ancienne asso",
        "dupont & Fils",
        "Épicerie <solidaire>",
        "Zêta coop",
    ]
    by_id = {row.id: row for row in rows}
    assert by_id[gone].archived and by_id[gone].active
    assert not by_id[zeta].active
    assert by_id[epi].siret_display == SIRET_TYPED
    figures = by_id[epi].figures
    assert figures is not None and figures.etp_milli == 3_500
    assert by_id[dupont].figures is None
    assert by_id[dupont].category_label == "Entreprise hors ESS"
    current = members(uow).list_members(include_archived=False)
    assert {row.id for row in current} == {zeta, epi, dupont}
    assert all(row.year == 2026 for row in current)
    assert {row.id: row.active for row in current} == {zeta: True, epi: True, dupont: True}


def test_list_members_runs_a_bounded_number_of_statements(uow: UnitOfWork) -> None:
    seed_pole(uow)

    def statements() -> int:
        with count_statements(uow) as seen:
            members(uow).list_members(year=2025)
        return len(seen)

    for index in range(3):
        members(uow).set_year_figures(add_member(uow, f"Membre {index}"), 2025, headcount=1)
    few = statements()
    for index in range(30):
        members(uow).set_year_figures(add_member(uow, f"Membre bis {index}"), 2025, headcount=1)
    assert statements() == few <= 4
    assert len(members(uow).list_members(year=2025)) == 33


def test_members_by_category_and_eligibility(uow: UnitOfWork) -> None:
    seed_pole(uow)
    add_member(uow, "Épicerie", category="ess_enterprise", joined_on=D(2025, 4, 1))
    add_member(uow, "SCOP & co", category="ess_enterprise", joined_on=D(2010, 1, 1))
    add_member(uow, "Ville de Die", category="local_authority")
    firm = add_member(uow, "Dupont SARL", category="non_ess_enterprise", joined_on=D(2020, 1, 1))
    add_member(uow, "Zoé", category="person")
    counts = {c.category: c for c in members(uow).members_by_category(2025)}
    assert len(counts) == 8
    ess = counts["ess_enterprise"]
    assert (ess.label, ess.count, ess.joined_in_year, ess.left_in_year) == (
        "Entreprise de l'ESS",
        2,
        1,
        0,
    )
    assert counts["research"].count == 0
    result = members(uow).eligibility(2025)
    assert result.eligible and (result.ess, result.non_ess, result.other) == (2, 1, 1)

    members(uow).archive(firm, D(2025, 3, 31))
    assert counts["non_ess_enterprise"].count == 1
    assert members(uow).members_by_category(2025)[1].left_in_year == 1
    assert members(uow).eligibility(2025).eligible  # still present part of 2025
    result = members(uow).eligibility(2026)
    assert not result.eligible and result.missing == ("non_ess_enterprise",)


def test_member_detail(uow: UnitOfWork) -> None:
    seed_pole(uow)
    member = add_member(uow, "Épicerie & co")
    other = add_member(uow, "Dupont <SARL>")
    rooms = add_service(uow, "Locaux & salles")
    it = add_service(uow, "Informatique — l'€")
    unused = add_service(uow, "Véhicule")
    with uow.write("Clé (test)") as session:
        key = AllocationKey(name="m² occupés", unit="m²", method="units")
        session.add(key)
        session.flush()
        version = KeyVersion(key_id=key.id, valid_from=D(2020, 1, 1))
        session.add(version)
        session.flush()
        session.add(KeyVersionUnit(version_id=version.id, member_id=member, units_milli=12_000))
        session.get(SharedService, unused).key_id = key.id  # type: ignore[union-attr]
    add_cost(uow, rooms, D(2025, 1, 15), {member: 10_000, other: 5_000})
    add_cost(uow, rooms, D(2025, 5, 15), {member: 2_001})
    add_cost(uow, it, D(2025, 12, 31), {member: 333})
    # Invoiced in 2026 for December 2025: counts in 2025, fourth quarter (period start).
    add_cost(uow, it, D(2026, 1, 10), {member: 7}, period=(D(2025, 12, 1), D(2025, 12, 31)))
    add_cost(uow, it, D(2025, 12, 20), {member: 5}, period=(D(2026, 1, 1), D(2026, 1, 31)))
    add_cost(uow, rooms, D(2024, 12, 31), {member: 99_999})  # another year
    q1 = add_call(
        uow,
        member,
        rooms,
        number="AF-2025-0001",
        year=2025,
        quarter=1,
        ttc_cents=12_000,
        issued=D(2025, 1, 10),
    )
    q2 = add_call(
        uow,
        member,
        rooms,
        number="AF-2025-0002",
        year=2025,
        quarter=2,
        ttc_cents=8_000,
        issued=D(2025, 4, 10),
    )
    add_call(
        uow,
        member,
        rooms,
        number="AF-2024-0009",
        year=2024,
        quarter=4,
        ttc_cents=1_000,
        issued=D(2024, 10, 10),
    )
    add_payment(uow, member, D(2025, 2, 1), 12_000, {q1: 12_000})
    add_payment(uow, member, D(2025, 5, 1), 5_000, {q2: 3_000})

    detail = members(uow).member_detail(member, 2025)
    assert (detail.year, detail.year_label, detail.active) == (2025, "2025", True)
    assert [(s.service_name, s.quarters) for s in detail.shares] == [
        ("Informatique — l'€", (0, 0, 0, 340)),
        ("Locaux & salles", (10_000, 2_001, 0, 0)),
    ]
    assert detail.shares_total_cents == 12_341
    assert [(u.name, u.via_key, u.shares_cents) for u in detail.services] == [
        ("Informatique — l'€", False, 340),
        ("Locaux & salles", False, 12_001),
        ("Véhicule", True, 0),
    ]
    assert [(c.number, c.total_cents, c.paid_cents, c.outstanding_cents) for c in detail.calls] == [
        ("AF-2025-0001", 12_000, 12_000, 0),
        ("AF-2025-0002", 8_000, 3_000, 5_000),
    ]
    assert detail.calls[0].kind_label == "Appel provisionnel"
    assert [(p.amount_cents, p.matched_cents) for p in detail.payments] == [
        (12_000, 12_000),
        (5_000, 3_000),
    ]
    assert (detail.called_cents, detail.paid_cents, detail.balance_cents) == (20_000, 17_000, 3_000)
    assert detail.overall_balance_cents == 21_000 - 17_000

    empty = members(uow).member_detail(other, 2026)
    assert (empty.shares, empty.calls, empty.payments, empty.services) == ((), (), (), ())
    assert empty.balance_cents == 0
