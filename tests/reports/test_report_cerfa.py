"""The Cerfa 15059 PDF from hand-made read models: grid, totals, %, group rows, annex,
attestation, hostile texts, an empty grant, reproducibility, and the bundle with the activity
report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from fractions import Fraction
from io import BytesIO
from pathlib import Path

import pytest

from ptce_desktop.documents.activity import (
    ActivityReportData,
    EligibilityView,
    PoleIdentity,
)
from ptce_desktop.documents.cerfa import (
    NO_PROJECT,
    CerfaGrant,
    CerfaGrantOfAction,
    CerfaMethod,
    CerfaOverhead,
    CerfaPole,
    CerfaReport,
    CerfaSignatory,
    CerfaTexts,
    assemble_grid,
    ratio_bp,
)
from ptce_desktop.domain.cerfa import CHARGES_GRID, PRODUITS_GRID
from ptce_desktop.domain.money import format_money
from ptce_desktop.reports.base import render_pdf
from ptce_desktop.reports.bundle import build_crf_with_activity_report, concatenate
from ptce_desktop.reports.cerfa15059 import (
    _COL_WEIGHTS,
    build_cerfa15059,
    cerfa_story,
    missing_texts,
    ratio_text,
    share_sentence,
    visible_rows,
)
from ptce_desktop.reports.cerfa15059_annex import (
    attestation_text,
    overhead_text,
    significant_gaps,
)

GENERATED = date(2026, 3, 2)
HOSTILE = "Dupont & Fils <SARL>"
MARKUP = "<b>x</b>"
APOSTROPHE = "l'Éclair — œuvre €"
LONG_NAME = ("Association intercommunale d'insertion & de coopération " * 6)[:300]
LONG_TEXT = ("Le pôle & ses membres <ESS> ont ouvert un tiers-lieu. " * 100)[:5000]

FORECAST = {
    "613": 12_000_00,
    "616": 1_000_00,
    "641": 20_000_00,
    "ci_fixes": 3_000_00,
    "74_region": 30_000_00,
    "75_dont": 2_000_00,
    "864": 4_000_00,
    "870": 4_000_00,
}
ACTUAL = {
    "613": 11_500_00,
    "616": 1_234_56,
    "641": 21_000_00,
    "61x": 300_00,  # 614 charges locatives, on « Sous-traitance, charges locatives, autres »
    "65": 5_000_00,
    "ci_fixes": 3_373_46,
    "74_region": 25_000_00,
    "74_etat": 4_000_00,
    "75_dont": 2_400_00,
    "70": 1_500_00,
    "864": 3_500_00,
    "870": 3_500_00,
    "875": 250_00,
    "860": 250_00,
}


def make_report(
    forecast: Mapping[str, int] = FORECAST,
    actual: Mapping[str, int] = ACTUAL,
    **changes: object,
) -> CerfaReport:
    grid = assemble_grid(forecast, actual)
    totals = grid.totals
    voted = 30_000_00
    report = CerfaReport(
        pole=CerfaPole(
            name=f"Pôle Sud {HOSTILE}",
            siret="73282932000074",
            rna="W262000123",
            address="1 rue de l'Éclair, 26100 Romans-sur-Isère",
            email=None,
            phone=None,
        ),
        grant=CerfaGrant(
            id=1,
            title=f"Animation {MARKUP} {APOSTROPHE}",
            funder_name="Région Auvergne-Rhône-Alpes",
            funder_type="region",
            funder_type_label="Région",
            project_name=LONG_NAME,
            status_label="Votée",
            decision_ref="CP-2025/04",
            decision_date=date(2025, 3, 20),
            convention_ref="CONV & <12>",
            convention_date=date(2025, 4, 2),
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            exercise_label="2025",
            exercise_years=(2025,),
            requested_cents=35_000_00,
            voted_cents=voted,
            received_cents=25_000_00,
        ),
        charges=grid.charges,
        produits=grid.produits,
        in_kind_charges=grid.in_kind_charges,
        in_kind_produits=grid.in_kind_produits,
        totals=totals,
        grant_share_bp=ratio_bp(voted, totals.produits.actual_cents),
        groups_with_own_accounts=grid.groups_with_own_accounts,
        overhead=CerfaOverhead(
            method="flat_rate",
            rate_bp=1000,
            key_name=None,
            key_unit=None,
            key_method=None,
            base_cents=33_734_56,
            action_weight=Fraction(0),
            total_weight=Fraction(0),
            action_members=(),
            amount_cents=3_373_46,
            note=f"Forfait prévu par la convention {HOSTILE}",
            problem=None,
        ),
        texts=CerfaTexts(
            bilan_qualitatif=LONG_TEXT,
            beneficiaires=f"120 personnes, {APOSTROPHE}",
            dates_lieux=None,
            ecarts=f"Loyers renégociés {MARKUP}",
            cvn_note=None,
            remarques=None,
        ),
        signatory=CerfaSignatory("Marie Curie-Dupont", "Présidente", f"Pôle Sud {HOSTILE}"),
        method=CerfaMethod(
            project_name=LONG_NAME,
            period_known=True,
            cost_count=4,
            uncoded_costs_cents=0,
            redistributed_cents=5_000_00,
            grants=(
                CerfaGrantOfAction(
                    f"Animation {MARKUP}",
                    "Région AURA",
                    "Région",
                    "Région(s)",
                    voted,
                    25_000_00,
                    25_000_00,
                ),
                CerfaGrantOfAction(
                    "Appui DREETS", "DREETS", "État", "État", 4_000_00, 1_000_00, 4_000_00
                ),
            ),
            fee_years=("2025",),
            fees_cents=2_400_00,
            calls_cents=1_500_00,
            in_kind_count=2,
        ),
        balance=grid.balance,
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def empty_report() -> CerfaReport:
    """A grant with nothing: no period, no amounts, no texts, no pole details."""
    base = make_report({}, {})
    return replace(
        base,
        grant=replace(
            base.grant,
            project_name=None,
            period_start=None,
            period_end=None,
            exercise_label=None,
            exercise_years=(),
            voted_cents=None,
            requested_cents=None,
            received_cents=0,
        ),
        grant_share_bp=None,
        overhead=replace(
            base.overhead, method="none", rate_bp=None, base_cents=0, amount_cents=0, note=None
        ),
        texts=CerfaTexts(),
        signatory=CerfaSignatory(None, None, ""),
        pole=CerfaPole("", None, None, None, None, None),
        method=CerfaMethod(None, False, 0, 0, 0, (), (), 0, 0, 0),
        balance=assemble_grid({}, {}).balance,
    )


def render(report: CerfaReport, *, group_rows_only: bool = False) -> bytes:
    buffer = BytesIO()
    build_cerfa15059(report, buffer, group_rows_only=group_rows_only, generated_on=GENERATED)
    return buffer.getvalue()


def squeeze(text: str) -> str:
    return "".join(text.split())


def grid_pages(pages: list[str]) -> str:
    """The text of the feuillet 2 pages (from its heading to the annex)."""
    text = " ".join(pages)
    start = text.index("Feuillet 2")
    return text[start : text.index("Feuillet 3")]


# --- the grid -----------------------------------------------------------------------------------


def test_every_grid_row_prints_in_order_with_its_amounts(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    report = make_report()
    grid = grid_pages(page_texts(render(report)))
    position = 0
    for row in report.charges + report.in_kind_charges + report.produits + report.in_kind_produits:
        label = " ".join(row.label.split())
        found = grid.find(label, position)
        assert found >= 0, f"{row.code} « {label} » missing or out of order"
        line = grid[found : found + len(label) + 60]
        assert " ".join(format_money(row.forecast_cents).split()) in line, row.code
        assert " ".join(format_money(row.actual_cents).split()) in line, row.code
        position = found + len(label)
    assert len(report.charges + report.in_kind_charges) == len(CHARGES_GRID)
    assert len(report.produits + report.in_kind_produits) == len(PRODUITS_GRID)


def test_totals_are_the_sums_of_their_rows() -> None:
    report = make_report()
    rows = {row.code: row for row in report.charges + report.in_kind_charges}
    rows |= {row.code: row for row in report.produits + report.in_kind_produits}
    for field in ("forecast_cents", "actual_cents"):

        def value(code: str, field: str = field) -> int:
            return int(getattr(rows[code], field))

        assert value("61") == sum(value(c) for c in ("613", "615", "616", "618", "61x"))
        for code, row in rows.items():  # every group and section = Σ its printed rows
            kids = [other for other in rows.values() if other.parent == code]
            if kids and row.level != "total":
                assert value(code) == sum(int(getattr(kid, field)) for kid in kids), code
        assert value("charges_directes") == sum(
            value(c) for c in ("60", "61", "62", "63", "64", "65", "66", "67", "68")
        )
        assert value("charges_indirectes") == sum(
            value(c) for c in ("ci_fixes", "ci_financieres", "ci_autres")
        )
        assert value("total_charges") == value("charges_directes") + value("charges_indirectes")
        assert value("86") == sum(value(c) for c in ("860", "861", "862", "864"))
        assert value("total_general_charges") == value("total_charges") + value("86")
        assert value("74") == sum(value(c) for c in rows if c.startswith("74_"))
        assert value("ressources_directes") == sum(
            value(c) for c in ("70", "73", "74", "75", "76", "77", "78")
        )
        assert value("total_produits") == value("ressources_directes") + value("ressources_propres")
        assert value("87") == sum(value(c) for c in ("870", "871", "875"))
        assert value("total_general_produits") == value("total_produits") + value("87")
    charges = 11_500_00 + 1_234_56 + 21_000_00 + 300_00 + 5_000_00 + 3_373_46
    assert report.totals.charges.actual_cents == charges
    assert report.groups_with_own_accounts == ()
    # own resources cover what the direct resources leave: the actual balance is then 0
    direct = 1_500_00 + 25_000_00 + 4_000_00 + 2_400_00
    assert rows["ressources_propres"].actual_cents == charges - direct
    assert report.balance is not None
    assert report.balance.actual_cents == 0
    assert report.balance.forecast_cents == (30_000_00 + 2_000_00) - (
        12_000_00 + 1_000_00 + 20_000_00 + 3_000_00
    )


def test_ratio_is_actual_over_forecast_and_a_dash_without_forecast(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    report = make_report()
    rows = {row.code: row for row in report.charges + report.produits}
    assert rows["613"].ratio_bp == 9583  # 11 500 / 12 000 = 95,833… %
    assert rows["65"].ratio_bp is None
    grid = grid_pages(page_texts(render(report)))
    assert "Locations 12 000,00 € 11 500,00 € 95,83 %" in grid
    assert "65 – Autres charges de gestion courante 0,00 € 5 000,00 € —" in grid


def test_grant_share_sentence(page_texts: Callable[[bytes], list[str]]) -> None:
    report = make_report()
    total = report.totals.produits.actual_cents
    assert total == report.totals.charges.actual_cents == 42_408_02  # own resources included
    assert report.grant_share_bp == ratio_bp(30_000_00, total) == 7074  # 30 000 / 42 408,02
    text = " ".join(page_texts(render(report)))
    assert "La subvention de 30 000,00 € représente 70,74 % du total des produits" in text
    assert "n'est pas renseigné" in share_sentence(empty_report())


def test_group_rows_only_prints_no_sub_row(page_texts: Callable[[bytes], list[str]]) -> None:
    report = make_report()
    shown = visible_rows(report.charges + report.in_kind_charges, True)
    shown += visible_rows(report.produits + report.in_kind_produits, True)
    assert shown and not any(row.is_sub_row for row in shown)
    assert {row.level for row in shown} == {"section", "group", "line", "total"}
    assert [row.code for row in shown if row.level == "line"] == ["ressources_propres"]
    grid = grid_pages(page_texts(render(report, group_rows_only=True)))
    for label in ("Locations", "Assurance", "Rémunération des personnels", "Région(s)", "864"):
        assert label not in grid
    for label in ("61 – Services extérieurs", "Total des charges", "Total des produits", "TOTAL"):
        assert label in grid
    assert "cases grisées" in grid
    assert "Charges indirectes affectées à l'action 3 000,00 € 3 373,46 €" in grid


def test_gaps_list_the_most_detailed_rows() -> None:
    report = make_report()
    full = [row.code for row in significant_gaps(report.charges + report.produits, False)]
    assert "613" not in full  # 4,2 % gap
    assert "641" not in full  # 5 % gap
    assert {"65", "616", "74_region", "74_etat", "75_dont", "70"} <= set(full)
    assert "74" not in full and "61" not in full
    groups = [row.code for row in significant_gaps(report.charges + report.produits, True)]
    assert "65" in groups and "74_region" not in groups and "616" not in groups


# --- annex and attestation ------------------------------------------------------------------


def test_annex_texts_overhead_and_attestation(
    page_texts: Callable[[bytes], list[str]], body_text: Callable[[bytes], str]
) -> None:
    report = make_report()
    data = render(report)
    text = " ".join(page_texts(data))
    assert "Taux forfaitaire : 10 % des coûts directs de l'action (33 734,56 €" in text
    assert "soit 3 373,46 €" in text
    assert (
        "Je soussigné(e) Marie Curie-Dupont, Présidente, représentant(e) légal(e) de "
        f"Pôle Sud {HOSTILE}, certifie exactes les informations du présent compte rendu."
    ) in text
    assert "Signature" in text and "Fait à" in text
    assert "870 Bénévolat, 875 Dons en nature" in text
    body = body_text(data)
    assert squeeze(LONG_TEXT) in body
    assert squeeze(f"Loyers renégociés {MARKUP}") in body
    assert squeeze(LONG_NAME) in body
    assert "Aucune donnée" not in text  # dates et lieux, CVN, remarques: left out
    assert "Observations sur" not in text
    assert "avant l'envoi (textes du compte rendu) : Date(s) et lieu(x) de réalisation" in text


def test_overhead_in_words_for_each_rule() -> None:
    flat = make_report().overhead
    assert overhead_text(replace(flat, method="none", note=None)) == [
        "Aucune règle de répartition des charges indirectes n'est définie pour cette "
        "subvention : aucune charge indirecte n'est affectée à l'action."
    ]
    key = replace(
        flat,
        method="key",
        rate_bp=None,
        key_name=f"Surfaces {HOSTILE}",
        key_unit="m²",
        key_method="units",
        base_cents=10_000_00,
        action_weight=Fraction(30_000),
        total_weight=Fraction(120_000),
        action_members=("Épicerie", HOSTILE),
        amount_cents=2_500_00,
        note=None,
    )
    words = " ".join(" ".join(overhead_text(key)).split())
    assert f"Clé de répartition « Surfaces {HOSTILE} » (unité : m²)" in words
    assert "(charges sans projet, 10 000,00 €)" in words
    assert "25 % (30 m² pour les membres participant à l'action (Épicerie, " in words
    assert "sur 120 m² au total" in words
    assert "soit 2 500,00 €" in words
    stuck = " ".join(overhead_text(replace(key, problem=NO_PROJECT, amount_cents=0)))
    assert "n'est rattachée à aucun projet" in stuck


def test_attestation_without_a_representative_leaves_blanks() -> None:
    text = attestation_text(empty_report())
    assert text.startswith("Je soussigné(e) ……")
    assert "représentant(e) légal(e) de ……" in text


# --- robustness ---------------------------------------------------------------------------------


def test_hostile_strings_print_literally(body_text: Callable[[bytes], str]) -> None:
    body = body_text(render(make_report()))
    assert squeeze(f"Animation {MARKUP} {APOSTROPHE}") in body
    assert squeeze(f"Pôle Sud {HOSTILE}") in body
    assert squeeze("CONV & <12> du 02/04/2025") in body


def test_empty_grant_prints_a_full_grid_of_zeros(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    report = empty_report()
    rows = report.charges + report.in_kind_charges + report.produits + report.in_kind_produits
    assert len(rows) == len(CHARGES_GRID) + len(PRODUITS_GRID)
    assert all(row.forecast_cents == row.actual_cents == 0 for row in rows)
    assert all(row.ratio_bp is None for row in rows)
    pages = page_texts(render(report))
    grid = grid_pages(pages)
    assert grid.count("0,00 €") == 2 * len(rows) + 2  # and the balance line
    text = " ".join(pages)
    assert "Aucune donnée" not in text
    assert missing_texts(report) == [
        "Mise en œuvre de l'action",
        "Bénéficiaires de l'action",
        "Date(s) et lieu(x) de réalisation de l'action",
        "Objectifs et indicateurs d'évaluation",
    ]
    assert "Période de l'action" not in text  # a row without data is left out
    assert "Sans période" in text
    assert "n'a pas de période" in text


def test_same_model_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    pages = build_cerfa15059(make_report(), first, generated_on=GENERATED)
    assert build_cerfa15059(make_report(), second, generated_on=GENERATED) == pages
    assert first.read_bytes() == second.read_bytes()
    assert pages >= 4


def test_three_sheets_start_on_new_pages(page_texts: Callable[[bytes], list[str]]) -> None:
    pages = page_texts(render(make_report()))
    starts = [
        next(i for i, page in enumerate(pages) if marker in page)
        for marker in ("Feuillet 1", "Feuillet 2", "Feuillet 3")
    ]
    assert starts[0] < starts[1] < starts[2]
    assert "Identification" in pages[0]


@pytest.mark.parametrize("group_rows_only", [False, True])
def test_story_is_reusable(group_rows_only: bool) -> None:
    story = cerfa_story(make_report(), group_rows_only=group_rows_only)
    data, pages = render_pdf(title="t", subject="s", pole_name="p", story=story)
    assert pages >= 3 and data.startswith(b"%PDF")


# --- the bundle with the activity report ---------------------------------------------------------


def test_bundle_prints_the_crf_then_the_activity_report(
    page_texts: Callable[[bytes], list[str]],
) -> None:
    activity = ActivityReportData(
        year=2025,
        year_label="2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        pole=PoleIdentity(name=f"Pôle Sud {HOSTILE}"),
        eligibility=EligibilityView(1, 1, 1, ()),
    )
    buffer = BytesIO()
    pages = build_crf_with_activity_report(make_report(), activity, buffer, generated_on=GENERATED)
    texts = page_texts(buffer.getvalue())
    assert len(texts) == pages
    crf_pages = len(page_texts(render(make_report()))) + 1  # after the front sheet (issue 10)
    assert pages > crf_pages
    assert "Attestation" in texts[crf_pages - 1]
    assert "Rapport d'activité" in texts[crf_pages]
    assert f"page {crf_pages + 1} / {pages}" in texts[crf_pages]


def test_concatenate_breaks_pages_between_stories() -> None:
    from reportlab.platypus import PageBreak, Spacer

    first, second = [Spacer(1, 1)], [Spacer(1, 2)]
    story = concatenate(first, [], second)
    assert len(story) == 3 and isinstance(story[1], PageBreak)


# --- typography ---------------------------------------------------------------------------------


def test_ratios_fit_their_column_and_use_a_real_minus() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ptce_desktop.reports.styles import CONTENT_WIDTH, TABLE_SIZE, get_styles

    assert ratio_text(9307) == "93,07\u00a0%"
    assert ratio_text(99_999) == "999,99\u00a0%"
    assert ratio_text(559_016) == "5\u00a0590\u00a0%"  # the demo's old 5 590,16 %
    assert ratio_text(-1234) == "\u221212,34\u00a0%"
    assert ratio_text(None) == "—"
    room = CONTENT_WIDTH * _COL_WEIGHTS[3] - 2 * 4  # the cell's padding
    bold = get_styles().fonts.bold
    for basis_points in (-99_999, 99_999, 559_016, -9_999_900, 99_999_900):
        assert stringWidth(ratio_text(basis_points), bold, TABLE_SIZE) <= room, basis_points


def test_negative_amounts_print_with_a_minus_sign(page_texts: Callable[[bytes], list[str]]) -> None:
    actual = dict(ACTUAL, **{"616": -1_234_56, "67": -50_00})  # credit notes
    text = " ".join(page_texts(render(make_report(actual=actual))))
    grid = grid_pages([text])
    assert "\u22121 234,56 €" in grid and "\u221250,00 €" in grid
    assert "-1 234,56" not in text and "-50,00" not in text
    assert "\u2212" in text[text.index("Feuillet 3") :]  # the gaps table too


def test_guillemets_hold_no_breaking_space() -> None:
    from reportlab.platypus import Paragraph

    paragraphs = [item for item in cerfa_story(make_report()) if isinstance(item, Paragraph)]
    quoted = [item.text for item in paragraphs if "«" in item.text]
    assert len(quoted) >= 3  # the method note, the balance, the overhead rule…
    for text in quoted:
        assert "« " not in text and " »" not in text, text
        assert "«\u00a0" in text and "\u00a0»" in text


def test_attestation_is_made_in_the_poles_town(page_texts: Callable[[bytes], list[str]]) -> None:
    report = make_report()
    report = replace(report, pole=replace(report.pole, city="Romans-sur-Isère & <26>"))
    text = " ".join(page_texts(render(report)))
    assert "Fait à Romans-sur-Isère & <26>, le" in text
    assert "Je soussigné(e) Marie Curie-Dupont, Présidente, représentant(e) légal(e)" in text
