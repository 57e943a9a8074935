"""GrantService: every field, status, budget, plan, report texts, instalments, lists, totals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from support.factories.grants import (
    FUNDER_NAME,
    GRANT_TITLE,
    close_year,
    euros,
    grant_draft,
    instalment,
    make_grant,
    seed_key,
    seed_world,
)

from ptce_desktop.domain.errors import PtceError
from ptce_desktop.services.grants.funders import FunderDraft
from ptce_desktop.services.grants.plan import PlanLine
from ptce_desktop.services.grants.views import GrantReportTexts, InstalmentDraft
from ptce_desktop.store.models import AuditEntry


def _error(call: Any, *args: Any) -> PtceError:
    with pytest.raises(PtceError) as caught:
        call(*args)
    return caught.value


def test_every_field_round_trips(uow: Any) -> None:
    world = seed_world(uow)
    key_id = seed_key(uow, "units")
    draft = grant_draft(
        world,
        nature="in_kind",
        amount_to_repay_cents=euros("150,00"),
        overhead_method="key",
        overhead_key_id=key_id,
        overhead_note="Loyer au prorata des m² occupés — l'€ & <co>",
    )
    detail = world.services.grants.create_grant(draft)
    for field in dataclasses.fields(draft):
        assert getattr(detail, field.name) == getattr(draft, field.name), field.name
    assert detail.funder_name == FUNDER_NAME
    assert detail.funder_type == "region"
    assert detail.project_name == "Tiers-lieu « La Fabrique » & <co>"
    assert detail.overhead_key_name == "Surface (m²) & <co>"
    assert detail.overhead_rate_bp is None
    assert detail.report_texts == GrantReportTexts()
    flat = world.services.grants.update_grant(
        detail.id,
        dataclasses.replace(
            draft, overhead_method="flat_rate", overhead_rate_bp=700, overhead_key_id=key_id
        ),
    )
    assert (flat.overhead_method, flat.overhead_rate_bp, flat.overhead_key_id) == (
        "flat_rate",
        700,
        None,
    )
    none = world.services.grants.update_grant(detail.id, dataclasses.replace(draft, staged=False))
    assert none.staged is False
    with uow.read() as session:
        actions = [entry.action for entry in session.query(AuditEntry).all()]
    assert "Créer une subvention" in actions
    assert actions.count("Modifier une subvention") == 2


def _expect(world: Any, code: str, field: str, text: str, **changes: Any) -> None:
    error = _error(world.services.grants.create_grant, grant_draft(world, **changes))
    assert (error.code, error.field) == (code, field)
    assert error.message() == text


@pytest.mark.parametrize(
    ("changes", "code", "field", "text"),
    [
        ({"title": " "}, "required", "title", "Le champ « Intitulé » est obligatoire."),
        (
            {"status": "acceptee"},
            "grant_status_unknown",
            "status",
            "Statut de subvention inconnu : « acceptee ».",
        ),
        (
            {"nature": "troc"},
            "grant_nature_unknown",
            "nature",
            "Nature de subvention inconnue : « troc » (numéraire ou en nature).",
        ),
        (
            {"amount_voted_cents": None, "status": "versee_partiellement"},
            "grant_voted_required",
            "amount_voted_cents",
            "Le montant voté est obligatoire pour une subvention « Versée partiellement ».",
        ),
        (
            {"amount_requested_cents": -1},
            "grant_amount_negative",
            "amount_requested_cents",
            "Le montant « montant demandé » ne peut pas être négatif.",
        ),
        (
            {"amount_voted_cents": 100_000_000_000},
            "grant_amount_too_large",
            "amount_voted_cents",
            "Le montant « montant voté » dépasse la limite de 999\u00a0999\u00a0999,99\u00a0€.",
        ),
        (
            {"coordination_share_bp": 10_001},
            "grant_percent_out_of_range",
            "coordination_share_bp",
            "Le pourcentage « part de coordination » doit être compris entre 0 % et 100 %.",
        ),
        (
            {"period_start": dt.date(2025, 6, 1), "period_end": dt.date(2025, 5, 31)},
            "end_before_start",
            "period_end",
            "La date de fin (31/05/2025) est antérieure à la date de début (01/06/2025).",
        ),
        (
            {"overhead_method": "forfait"},
            "overhead_method_unknown",
            "overhead_method",
            "Règle de charges indirectes inconnue : « forfait ».",
        ),
        (
            {"overhead_method": "flat_rate", "overhead_rate_bp": 0},
            "overhead_rate_required",
            "overhead_rate_bp",
            "La règle « taux forfaitaire » demande un taux supérieur à 0 %.",
        ),
        (
            {"overhead_method": "key"},
            "overhead_key_required",
            "overhead_key_id",
            "La règle « clé de répartition » demande de choisir une clé.",
        ),
        (
            {"overhead_method": "key", "overhead_key_id": 99},
            "not_found",
            None,
            "Clé de répartition introuvable (n° 99).",
        ),
        ({"project_id": 77}, "not_found", None, "Projet introuvable (n° 77)."),
        ({"funder_id": 78}, "not_found", None, "Financeur introuvable (n° 78)."),
    ],
)
def test_invalid_grants(
    uow: Any, changes: dict[str, Any], code: str, field: str, text: str
) -> None:
    world = seed_world(uow)
    _expect(world, code, field, text, **changes)


@pytest.mark.parametrize("method", ["percent", "equal"])
def test_overhead_key_must_rest_on_physical_units(uow: Any, method: str) -> None:
    world = seed_world(uow)
    key_id = seed_key(uow, method, name="Pourcentages « CA » & <co>")
    _expect(
        world,
        "overhead_key_not_physical",
        "overhead_key_id",
        "La clé « Pourcentages « CA » & <co> » ne repose pas sur des unités physiques "
        "(m², heures, ETP…) : elle ne peut pas répartir les charges indirectes d'une subvention.",
        overhead_method="key",
        overhead_key_id=key_id,
    )


def test_status_transitions(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world, status="demandee", amount_voted_cents=None)
    error = _error(grants.set_status, grant_id, "votee")
    assert error.code == "grant_voted_required"
    draft = grant_draft(world, status="demandee")
    grants.update_grant(grant_id, draft)
    error = _error(grants.set_status, grant_id, "soldee")
    assert error.code == "grant_transition"
    assert error.message() == "Une subvention « Demandée » ne peut pas passer à « Soldée »."
    assert grants.set_status(grant_id, "votee").status == "votee"
    assert grants.set_status(grant_id, "versee_partiellement").status == "versee_partiellement"
    error = _error(grants.update_grant, grant_id, dataclasses.replace(draft, status="votee"))
    assert error.message() == (
        "Une subvention « Versée partiellement » ne peut pas passer à « Votée »."
    )
    assert grants.set_status(grant_id, "soldee").status == "soldee"
    assert grants.revert_status(grant_id, "versee_partiellement").status == "versee_partiellement"
    refused = make_grant(world, status="demandee", title="Refusée")
    assert grants.set_status(refused, "refusee").status == "refusee"
    assert _error(grants.set_status, refused, "votee").code == "grant_transition"
    assert _error(grants.set_status, refused, "perdue").code == "grant_status_unknown"


def test_suggested_status_follows_the_money_but_never_changes_it(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world)
    assert grants.suggested_status(grant_id) == "votee"
    grants.add_instalment(grant_id, instalment(dt.date(2025, 5, 1), "12 000,00"))
    assert grants.grant_detail(grant_id).status == "votee"
    assert grants.suggested_status(grant_id) == "versee_partiellement"
    grants.add_instalment(grant_id, instalment(dt.date(2025, 11, 1), "18 000,00"))
    assert grants.suggested_status(grant_id) == "soldee"
    pending = make_grant(world, status="demandee", title="En attente")
    assert grants.suggested_status(pending) == "demandee"


def test_budget_lines(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world)
    detail = grants.set_budget_lines(
        grant_id,
        {
            "641": euros("20 000,00"),
            "613": euros("4 000,00"),
            "65": euros("3 000,00"),
            "74_region": euros("30 000,00"),
            "864": 0,
        },
    )
    assert [(line.cerfa_code, line.amount_cents) for line in detail.budget_lines] == [
        ("613", 400_000),
        ("641", 2_000_000),
        ("65", 300_000),
        ("74_region", 3_000_000),
    ]
    assert detail.budget_lines[0].label == "Locations"
    detail = grants.set_budget_lines(grant_id, {"613": euros("4 500,00"), "870": 120_000})
    assert [(line.cerfa_code, line.amount_cents) for line in detail.budget_lines] == [
        ("613", 450_000),
        ("870", 120_000),
    ]


@pytest.mark.parametrize(
    ("code", "error_code", "text"),
    [
        (
            "64",
            "budget_line_group",
            "« 64 – Charges de personnel » regroupe des sous-lignes du Cerfa : saisissez le "
            "prévisionnel sur celles-ci.",
        ),
        ("999", "unknown_cerfa_line", "Ligne du budget Cerfa inconnue : « 999 »."),
        (
            "total_charges",
            "budget_line_not_row",
            "« Total des charges » est un titre ou un total du Cerfa : il se calcule, il ne se "
            "saisit pas.",
        ),
        (
            "606",
            "budget_line_not_printed",
            "Le compte « 606 » n'est pas une ligne imprimée du Cerfa : saisissez-le sur la "
            "ligne « 60x ».",
        ),
    ],
)
def test_budget_line_refused(uow: Any, code: str, error_code: str, text: str) -> None:
    world = seed_world(uow)
    grant_id = make_grant(world)
    error = _error(world.services.grants.set_budget_lines, grant_id, {code: 100})
    assert (error.code, error.field) == (error_code, "budget")
    assert error.message() == text


def test_budget_amount_negative(uow: Any) -> None:
    world = seed_world(uow)
    grant_id = make_grant(world)
    error = _error(world.services.grants.set_budget_lines, grant_id, {"613": -5})
    assert error.message() == "Le montant « budget prévisionnel » ne peut pas être négatif."


def test_plan_validation(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    first, second, third = world.members
    grant_id = make_grant(world)
    error = _error(
        grants.set_plan, grant_id, [PlanLine(first, share_bp=5000), PlanLine(second, share_bp=4100)]
    )
    assert error.code == "plan_total_exceeds"
    assert error.message() == (
        "Les parts du plan (91\u00a0%) et la part de coordination (10\u00a0%) totalisent "
        "101\u00a0%, soit plus de 100 %."
    )
    error = _error(grants.set_plan, grant_id, [PlanLine(first, amount_cents=1, share_bp=1)])
    assert error.message() == (
        "Pour le membre « Dupont & Fils <SARL> », indiquez soit un montant, soit une part "
        "(pas les deux)."
    )
    assert _error(grants.set_plan, grant_id, [PlanLine(first)]).code == "plan_amount_or_share"
    error = _error(
        grants.set_plan, grant_id, [PlanLine(third, share_bp=1), PlanLine(third, share_bp=2)]
    )
    assert error.code == "plan_duplicate_member"
    assert error.message().startswith("Le membre « Société coopérative")
    error = _error(
        grants.set_plan,
        grant_id,
        [PlanLine(first, share_bp=5000), PlanLine(second, amount_cents=euros("12 000,01"))],
    )
    assert error.message() == (
        "Les montants fixes du plan (12\u00a0000,01\u00a0€) dépassent ce que laissent du montant "
        "voté les parts et la coordination (12\u00a0000,00\u00a0€)."
    )
    error = _error(grants.set_plan, grant_id, [PlanLine(999, share_bp=10)])
    assert error.message() == "Membre introuvable (n° 999)."
    error = _error(grants.set_plan, grant_id, [PlanLine(first, share_bp=10_001)])
    assert error.code == "grant_percent_out_of_range"
    error = _error(grants.set_plan, grant_id, [], 10_001)
    assert error.field == "coordination_share_bp"
    # A valid plan; then a coordination share raised through the grant must still fit.
    detail = grants.set_plan(
        grant_id,
        [PlanLine(first, share_bp=5000), PlanLine(second, amount_cents=euros("12 000,00"))],
    )
    assert [(p.member_id, p.share_bp, p.amount_cents) for p in detail.plan] == [
        (first, 5000, None),
        (second, None, 1_200_000),
    ]
    error = _error(grants.update_grant, grant_id, grant_draft(world, coordination_share_bp=1500))
    assert error.code == "plan_amounts_exceed"
    detail = grants.set_plan(grant_id, [PlanLine(second, share_bp=2000)], 500)
    assert [(p.member_id, p.share_bp) for p in detail.plan] == [(second, 2000)]
    assert detail.coordination_share_bp == 500


def test_report_texts(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world)
    texts = GrantReportTexts(
        bilan_qualitatif="  Objectifs atteints & dépassés <90 %>  ",
        beneficiaires="120 personnes, dont 40 en QPV",
        dates_lieux="Crest, Die — l'été 2025",
        ecarts="",
        cvn_note="Locaux prêts par la mairie (1 200 €)",
        remarques=None,
    )
    saved = grants.set_report_texts(grant_id, texts)
    assert saved.bilan_qualitatif == "Objectifs atteints & dépassés <90 %>"
    assert saved.ecarts is None
    again = grants.set_report_texts(grant_id, dataclasses.replace(texts, remarques="RAS"))
    assert again.remarques == "RAS"
    assert grants.grant_detail(grant_id).report_texts == again


def test_instalments(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world)
    first = grants.add_instalment(
        grant_id, instalment(dt.date(2025, 5, 2), "12 000,00", "Virement n° 42 & <avance>")
    )
    assert first.reference == "Virement n° 42 & <avance>"
    changed = grants.update_instalment(first.id, instalment(dt.date(2025, 5, 3), "12 500,00"))
    assert (changed.date, changed.amount_cents, changed.reference) == (
        dt.date(2025, 5, 3),
        1_250_000,
        None,
    )
    detail = grants.grant_detail(grant_id)
    assert detail.received_cents == 1_250_000
    assert [i.id for i in detail.instalments] == [first.id]
    grants.delete_instalment(first.id)
    assert grants.grant_detail(grant_id).received_cents == 0


@pytest.mark.parametrize(
    ("draft", "code", "text"),
    [
        (
            InstalmentDraft(dt.date(2025, 5, 1), 0),
            "grant_amount_not_positive",
            "Le montant « montant » doit être supérieur à 0.",
        ),
        (
            InstalmentDraft(dt.date(2025, 5, 1), 100, "x" * 101),
            "too_long",
            "Le champ « Référence » dépasse 100 caractères.",
        ),
    ],
)
def test_invalid_instalments(uow: Any, draft: InstalmentDraft, code: str, text: str) -> None:
    world = seed_world(uow)
    grant_id = make_grant(world)
    error = _error(world.services.grants.add_instalment, grant_id, draft)
    assert (error.code, error.message()) == (code, text)


def test_instalment_on_refused_grant_and_in_closed_year(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    refused = make_grant(world, status="refusee", title="Refusée & <co>")
    error = _error(grants.add_instalment, refused, instalment(dt.date(2025, 5, 1), "1,00"))
    assert error.message() == (
        "La subvention « Refusée & <co> » est refusée : elle ne peut pas recevoir de versement."
    )
    grant_id = make_grant(world)
    old = grants.add_instalment(grant_id, instalment(dt.date(2024, 12, 20), "1 000,00"))
    close_year(uow, 2024)
    error = _error(grants.add_instalment, grant_id, instalment(dt.date(2024, 12, 31), "1,00"))
    assert error.code == "closed_year"
    assert error.message() == "L'exercice 2024 est clôturé : impossible de modifier le versement."
    assert _error(grants.delete_instalment, old.id).code == "closed_year"
    moved = instalment(dt.date(2025, 1, 5), "1 000,00")
    assert _error(grants.update_instalment, old.id, moved).code == "closed_year"


def test_grant_with_money_cannot_be_deleted(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    grant_id = make_grant(world)
    grants.set_budget_lines(grant_id, {"613": 100})
    grants.set_plan(grant_id, [PlanLine(world.members[0], share_bp=9000)])
    grants.set_report_texts(grant_id, GrantReportTexts(remarques="à supprimer"))
    empty = make_grant(world, title="Vide")
    grants.delete_grant(empty)
    grants.add_instalment(grant_id, instalment(dt.date(2025, 5, 1), "100,00"))
    error = _error(grants.delete_grant, grant_id)
    assert error.message() == (
        f"La subvention « {GRANT_TITLE} » a des versements ou des reversements (versements : "
        "1, reversements : 0) : supprimez-les d'abord."
    )
    grants.delete_instalment(grants.grant_detail(grant_id).instalments[0].id)
    grants.delete_grant(grant_id)
    assert grants.list_grants() == []


def test_list_grants_by_year_and_funder(uow: Any) -> None:
    world = seed_world(uow)
    grants = world.services.grants
    region = make_grant(world)  # 2025-2026
    old = make_grant(
        world, title="Ancienne", period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31)
    )
    decided = make_grant(world, title="Sans période", period_start=None, period_end=None)
    undated = make_grant(
        world,
        title="Sans date",
        period_start=None,
        period_end=None,
        decision_date=None,
        convention_date=None,
    )
    other = world.services.funders.create_funder(FunderDraft(name="État — DREETS", type="etat"))
    state = make_grant(
        world, funder_id=other.id, title="FSE+", period_start=dt.date(2026, 1, 1), period_end=None
    )
    assert {g.id for g in grants.list_grants(2025)} == {region, decided, undated}
    assert {g.id for g in grants.list_grants(2026)} == {region, state, undated}
    assert {g.id for g in grants.list_grants(2023)} == {old, undated}
    assert {g.id for g in grants.list_grants(2030)} == {state, undated}
    assert [g.id for g in grants.list_grants(funder_id=other.id)] == [state]
    assert [g.title for g in grants.list_grants(funder_id=world.funder_id)][:2] == [
        "Ancienne",
        GRANT_TITLE,
    ]


def test_list_grants_money_and_totals_by_funder_type(uow: Any) -> None:
    world = seed_world(uow)
    grants, redistributions = world.services.grants, world.services.redistributions
    first, second, _ = world.members
    region = make_grant(world)
    grants.set_plan(region, [PlanLine(first, share_bp=6000), PlanLine(second, share_bp=3000)])
    grants.add_instalment(region, instalment(dt.date(2025, 5, 2), "10 000,00"))
    grants.add_instalment(region, instalment(dt.date(2026, 2, 2), "5 000,00"))
    redistributions.record_redistribution(region, first, dt.date(2025, 6, 1), euros("1 000,00"))
    other = world.services.funders.create_funder(FunderDraft(name="Fondation & <co>", type="prive"))
    make_grant(world, funder_id=other.id, title="Mécénat", amount_voted_cents=euros("2 000,00"))
    make_grant(
        world, funder_id=other.id, title="Refus", status="refusee", amount_requested_cents=999
    )
    rows = {g.title: g for g in grants.list_grants(2025)}
    summary = rows[GRANT_TITLE]
    assert (summary.voted_cents, summary.received_cents, summary.passed_cents) == (
        3_000_000,
        1_500_000,
        100_000,
    )
    assert summary.coordination_cents == 150_000
    # 90 % of 15 000,00 € is due, 1 000,00 € passed on.
    assert summary.remaining_cents == 1_250_000
    assert summary.suggested_status == "versee_partiellement"
    assert rows["Mécénat"].remaining_cents == 0
    totals = {t.funder_type: t for t in grants.totals_by_funder_type(2025)}
    assert len(totals) == 10
    assert (totals["region"].cerfa_code, totals["region"].label) == ("74_region", "Région")
    assert (totals["region"].voted_cents, totals["region"].received_cents) == (3_000_000, 1_000_000)
    assert totals["prive"].grant_count == 2
    assert totals["prive"].voted_cents == 200_000
    assert totals["prive"].requested_cents == 3_500_000
    assert totals["etat"].voted_cents == 0
    assert grants.totals_by_funder_type(2026)[1].received_cents == 500_000
    by_project = {t.funder_type: t for t in grants.totals_by_funder_type(2025, project_id=999)}
    assert by_project["region"].voted_cents == 0
