"""The activity report from hand-made read models: sections, amounts, totals, hostile texts, an
empty year, reproducibility, and the story used by the Cerfa bundle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.platypus import PageBreak

from ptce_desktop.documents.activity import (
    ActivityReportData,
    BodyLine,
    CategoryLine,
    EligibilityView,
    EventLine,
    FunderLine,
    JobsLine,
    JobsTotals,
    KeyFigures,
    MeetingLine,
    MemberLine,
    PoleIdentity,
    ProjectLine,
    ServiceLine,
)
from ptce_desktop.reports.activity import activity_story, build_activity_report
from ptce_desktop.reports.base import render_pdf

HOSTILE = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b>"
APOSTROPHE = "l'Éclair — œuvre €"
LONG_NAME = "Coopérative " + "très " * 57 + "longue"  # 300 characters
LONG_TEXT = ("Notre pôle & ses membres <ESS> avancent ensemble. " * 110)[:5000]
GENERATED = date(2027, 3, 1)


def full_model(**changes: object) -> ActivityReportData:
    values: dict[str, object] = {
        "year": 2026,
        "year_label": "2026",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "pole": PoleIdentity(
            name="Pôle Sud & Drôme <PTCE>",
            siret="732 829 320 00074",
            rna="W262000123",
            territory="Valence-Romans Agglo & Drôme",
            address="12 rue de l'Œuvre, 26100 Romans-sur-Isère",
            email="contact@pole.example",
            legal_rep="Anne Martin, présidente",
            lead_member=HOSTILE,
        ),
        "edito": LONG_TEXT,
        "perspectives": "Ouvrir un second tiers-lieu & <recruter>.",
        "figures": KeyFigures(
            members=4,
            headcount=57,
            etp_milli=48_500,
            services=2,
            projects=1,
            events=2,
            meetings=3,
            costs_cents=40_000_00,
            grants_received_cents=75_000_00,
            in_kind_cents=8_500_00,
        ),
        "categories": (
            CategoryLine("Entreprise de l'ESS", 2, 1, 0),
            CategoryLine("Entreprise hors ESS", 1, 0, 1),
            CategoryLine("Collectivité territoriale", 1, 0, 0),
            CategoryLine("Réseau", 0, 0, 0),
        ),
        "eligibility": EligibilityView(2, 1, 1, ()),
        "members": (
            MemberLine(HOSTILE, "Entreprise de l'ESS", "732 829 320 00074", date(2020, 1, 1)),
            MemberLine(LONG_NAME, "Entreprise de l'ESS", None, date(2026, 4, 1)),
            MemberLine(MARKUP, "Entreprise hors ESS", None, None, date(2026, 6, 30)),
            MemberLine(APOSTROPHE, "Collectivité territoriale"),
        ),
        "jobs": (
            JobsLine(HOSTILE, 40, 35_500, 3, 30, 12),
            JobsLine(APOSTROPHE, 17, 13_000, None, 17, None),
        ),
        "jobs_totals": JobsTotals(4, 2, 57, 48_500, 3, 47, 12),
        "services": (
            ServiceLine("Locaux & accueil", "Surface (m²)", 3, 12, 30_000_00, 30_000_00),
            ServiceLine("Informatique <réseau>", None, 2, 4, 10_000_00, 9_999_99),
        ),
        "projects": (
            ProjectLine(
                "Tiers-lieu & <atelier>",
                "En cours",
                date(2025, 9, 1),
                None,
                HOSTILE,
                (APOSTROPHE, MARKUP),
                "Rénover l'atelier & ouvrir <bientôt>.",
            ),
        ),
        "events": (
            EventLine(date(2026, 3, 12), "Forum de l'ESS & emploi", "forum", "Romans", 120),
            EventLine(date(2026, 10, 2), "Portes ouvertes", None, None, None),
        ),
        "bodies": (BodyLine("Conseil d'administration", "Conseil d'administration", 3),),
        "meetings": (
            MeetingLine(date(2026, 2, 1), "Budget & plan <2026>", "Conseil d'administration"),
            MeetingLine(date(2026, 6, 1), "Bilan", None, "Valence"),
            MeetingLine(date(2026, 11, 5), "Orientations", "Conseil d'administration"),
        ),
        "funding_by_type": (("Région", 50_000_00), ("État", 25_000_00)),
        "funders": (
            FunderLine("Région Auvergne-Rhône-Alpes", "Région", 1, 60_000_00, 50_000_00),
            FunderLine("État & <DREETS>", "État", 2, 30_000_00, 25_000_00),
        ),
        "in_kind_cents": 8_500_00,
        "in_kind_hours_milli": 420_000,
    }
    values.update(changes)
    return ActivityReportData(**values)  # type: ignore[arg-type]


def empty_model() -> ActivityReportData:
    return ActivityReportData(
        year=2031,
        year_label="2031/2032",
        period_start=date(2031, 9, 1),
        period_end=date(2032, 8, 31),
        pole=PoleIdentity(name="Pôle vide"),
        eligibility=EligibilityView(0, 0, 0, ("au moins une entreprise de l'ESS",)),
    )


def render(model: ActivityReportData) -> tuple[bytes, int]:
    buffer = BytesIO()
    pages = build_activity_report(model, buffer, generated_on=GENERATED)
    return buffer.getvalue(), pages


def test_every_section_prints_its_figures(page_texts: Callable[[bytes], list[str]]) -> None:
    data, pages = render(full_model())
    texts = page_texts(data)
    assert pages == len(texts) >= 4
    cover = texts[0]
    assert "Rapport d'activité 2026" in cover and "SIRET 732 829 320 00074 · W262000123" in cover
    assert "Territoire : Valence-Romans Agglo & Drôme" in cover
    text = " ".join(texts)
    for number, title in enumerate(
        (
            "Édito",
            "L'année en chiffres clés",
            "Synthèse et comparaison avec l'exercice précédent",
            "Le pôle et son territoire",
            "Membres",
            "Emploi",
            "Services mutualisés",
            "Projets de coopération",
            "Animation et événements",
            "Gouvernance",
            "Rapport financier",
            "Financeurs et partenaires",
            "Perspectives",
        ),
        start=1,
    ):
        assert f"{number}. {title}" in text
    assert "Équivalents temps plein 48,50 Emplois créés 3 Bénévoles 12" in text
    assert "Charges mutualisées — exercice 40 000,00 €" in text
    assert "Total 4 3 1 1 3" in text  # of the year, at the start, joins, exits, at the end
    assert "Critères de composition d'un PTCE remplis : 2 entreprises de l'ESS" in text
    assert "Dupont & Fils <SARL> 40 35,50 3 30 12" in text
    assert "Total 57 48,50 3 47 12" in text
    assert "2 membres n’ont pas déclaré de chiffres" in text
    assert "Total 16 40 000,00 € 39 999,99 €" in text
    assert "Tiers-lieu & <atelier> En cours depuis le 01/09/2025 Dupont & Fils <SARL>" in text
    assert "Rénover l'atelier & ouvrir <bientôt>." in text
    assert "Total 2 événements 120" in text
    assert "Conseil d'administration Conseil d'administration 3" in text
    assert "Contributions volontaires en nature 8 500,00 € (420 h de bénévolat" in text
    assert "Total 3 90 000,00 € 75 000,00 €" in text
    assert "Ouvrir un second tiers-lieu & <recruter>." in text
    assert "Annexe — Liste des membres" in texts[-1] and "Total 4 membres" in texts[-1]


def test_hostile_strings_print_literally(body_text: Callable[[bytes], str]) -> None:
    text = body_text(render(full_model())[0])
    for value in (HOSTILE, MARKUP, APOSTROPHE, LONG_NAME, LONG_TEXT):
        assert "".join(value.split()) in text


def test_empty_year_says_no_data_and_missing_actors(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    data, pages = render(empty_model())
    texts = page_texts(data)
    text = " ".join(texts)
    assert pages == len(texts)
    assert "Rapport d'activité 2031/2032" in texts[0]
    assert "Exercice du 01/09/2031 au 31/08/2032" in texts[0]
    # sections without data are left out, never printed as « Aucune donnée » (issue 10)
    assert "Aucune donnée" not in text
    for absent in ("Édito", ". Emploi", ". Projets de coopération", "Perspectives", "Annexe"):
        assert absent not in text, absent
    assert "1. L'année en chiffres clés" in text and "4. Membres" in text
    assert "non remplis (0 entreprise de l'ESS, 0 entreprise hors ESS, 0 autre acteur)" in text
    assert "il manque au moins une entreprise de l'ESS." in text
    assert "figure en annexe" not in text  # no member: no list to point to


def test_missing_actors_are_named(page_texts: Callable[[bytes], list[str]]) -> None:
    rule = EligibilityView(
        2, 0, 0, ("au moins une entreprise hors ESS", "au moins un autre acteur (collectivité…)")
    )
    text = " ".join(page_texts(render(full_model(eligibility=rule))[0]))
    assert (
        "il manque au moins une entreprise hors ESS, au moins un autre acteur (collectivité…)."
        in text
    )


def test_same_model_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    build_activity_report(full_model(), first, generated_on=GENERATED)
    build_activity_report(full_model(), second, generated_on=GENERATED)
    assert first.read_bytes() == second.read_bytes()


def test_story_can_follow_another_document(page_texts: Callable[[bytes], list[str]]) -> None:
    story = activity_story(full_model())
    assert not isinstance(story[-1], PageBreak)
    data, pages = render_pdf(
        title="Compte rendu financier",
        subject="Subvention",
        pole_name="Pôle",
        story=[*activity_story(empty_model()), PageBreak(), *story],
        generated_on=GENERATED,
    )
    text = " ".join(page_texts(data))
    assert text.count("1. Édito") == 1  # the empty year has no édito: it starts with figures
    assert text.count("1. L'année en chiffres clés") == 1
    assert pages > render(full_model())[1]


def test_etp_print_two_decimals_and_chart_labels_whole(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    from ptce_desktop.reports.charts import bar_chart

    label = "Locaux partagés – Maison de la Coopération (Crest) & <annexe> du rez-de-chaussée"
    data, _ = render_pdf(
        title="t",
        subject="s",
        pole_name="p",
        story=[bar_chart([(label, 1_234_56), ("Informatique", -5_00)])],
        generated_on=GENERATED,
    )
    text = " ".join(" ".join(page_texts(data)).split())
    assert label in text  # wrapped on lines, never cut with « … »
    assert "…" not in text
    assert "\u22125,00 €" in text


def test_the_logo_is_on_the_cover(tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    logo = tmp_path / "logo & <pôle>.png"
    Image.new("RGB", (300, 120), "#336699").save(logo)
    data, _ = render(full_model(logo_path=str(logo)))
    pages = PdfReader(BytesIO(data)).pages

    def drawn(page: object) -> int:  # images drawn on a page (one XObject may be reused)
        return page.get_contents().get_data().count(b" Do")  # type: ignore[attr-defined]

    # the running header carries the logo on every page; the cover shows it once more
    assert drawn(pages[0]) == drawn(pages[1]) + 1 == 2
    plain, _ = render(full_model(logo_path=None))
    assert drawn(PdfReader(BytesIO(plain)).pages[0]) == 0


def test_synthesis_compares_with_the_previous_year_and_finance_adds_up(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    from dataclasses import replace

    from ptce_desktop.documents.activity import FinanceView

    finance = FinanceView(
        contributions_cents=100_000_00,
        fees_cents=2_000_00,
        grants_cents=30_000_00,
        shared_costs_cents=95_000_00,
        passed_on_cents=10_000_00,
    )
    assert finance.income_cents == 132_000_00 and finance.charges_cents == 105_000_00
    assert finance.result_cents == 27_000_00
    before = replace(
        full_model(),
        year=2025,
        year_label="2025",
        figures=replace(full_model().figures, members=3, etp_milli=40_000),
        finance=replace(finance, grants_cents=0, passed_on_cents=120_000_00),
    )
    model = replace(full_model(), finance=finance, previous=before)
    text = " ".join(" ".join(page_texts(render(model)[0])).split())
    assert "Synthèse et comparaison avec l'exercice précédent" in text
    assert "Indicateur 2025 2026 Évolution" in text
    assert "Équivalents temps plein 40,00 48,50 +8,50" in text
    # the result: income − charges, both years, and its change, with the real minus sign
    assert "Résultat — exercice \u2212113 000,00 € 27 000,00 € +140 000,00 €" in text
    assert "Total des produits 132 000,00 €" in text
    assert "Total des charges 105 000,00 €" in text
    assert "Résultat produits − charges 27 000,00 €" in text
    # own resources / income = 102 000 / 132 000 = 77,27 %
    assert (
        "Taux d'autofinancement (contributions et cotisations des membres / produits) : 77,27 %"
        in text
    )
    assert "Taux d'autofinancement 100,00 % 77,27 % \u221222,73 pt" in text
