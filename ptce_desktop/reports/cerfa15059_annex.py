"""Feuillet 3 of the Cerfa 15059*02: the annex that explains the table, and the attestation.

Blocks, in order: the rules for the indirect charges (the grant's overhead rule in words:
flat rate of the direct costs, or the key with its unit and the units used); the gaps between
forecast and actual (the user's explanation, then the rows whose gap reaches
:data:`GAP_THRESHOLD_BP` of the forecast, with the gap in euros — the form sets no threshold,
research §1.4: 10 % is the lower of the two seen); the contributions in kind (the user's note
and the 870/875 caveat); the remarks; how the figures were gathered; the attestation signed
by the pole's legal representative (« Fait à » the pole's town). A question with nothing to say
is left out: nothing prints « Aucune donnée ».
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ptce_desktop.documents.cerfa import (
    NO_PERIOD,
    NO_PROJECT,
    NO_UNITS,
    CerfaOverhead,
    CerfaReport,
    CerfaRow,
    round_half_up,
)
from ptce_desktop.domain.money import format_money, format_percent, format_units
from ptce_desktop.domain.typography import counted
from ptce_desktop.reports.flowables import (
    date_text,
    heading,
    money_cell,
    para,
    right,
    spacer,
)
from ptce_desktop.reports.styles import CONTENT_WIDTH, RULE, get_styles
from ptce_desktop.reports.tables import data_table

__all__ = ["GAP_THRESHOLD_BP", "annex_story", "attestation_text", "overhead_text"]


def _amount(cents: int) -> str:
    """An amount as printed: the domain's format with the real minus sign (U+2212)."""
    return format_money(cents, typographic=True)


GAP_THRESHOLD_BP = 1000
"""A row's gap is listed when |réalisation − prévision| ≥ 10 % of the prévision."""

IN_KIND_CAVEAT = (
    "Les comptes 870 et 875 n'ont pas le même sens dans le Cerfa (870 Bénévolat, 875 Dons en "
    "nature) et dans le plan comptable des associations de 2018 (870 Dons en nature, 875 "
    "Bénévolat) : les contributions sont classées selon leur nature, avec les intitulés du "
    "Cerfa."
)
BLANK = "……………………………………"
_UNIT_KEYS = ("units", "usage")


def annex_story(model: CerfaReport, *, group_rows_only: bool = False) -> list[Flowable]:
    """Feuillet 3 and the attestation; a question with nothing to say is left out (the gaps
    question keeps its table of gaps, the in-kind one its caveat when there is any in kind)."""
    texts = model.texts
    story: list[Flowable] = [
        heading("Feuillet 3 — Annexe explicative du tableau"),
        heading(
            "Règles de répartition des charges indirectes affectées à l'action subventionnée", 2
        ),
        *(para(sentence) for sentence in overhead_text(model.overhead)),
    ]
    gaps = _gap_table(model, group_rows_only)
    if texts.ecarts or gaps:
        story.append(
            heading(
                "Explication et justification des écarts significatifs entre le budget "
                "prévisionnel et le budget final exécuté",
                2,
            )
        )
        if texts.ecarts:
            story.append(para(texts.ecarts))
        story += gaps
    in_kind = model.totals.in_kind_charges
    if texts.cvn_note or in_kind.actual_cents or in_kind.forecast_cents:
        story.append(
            heading("Contributions volontaires en nature affectées à la réalisation de l'action", 2)
        )
        if texts.cvn_note:
            story.append(para(texts.cvn_note))
        story.append(para(IN_KIND_CAVEAT, get_styles().note))
    if texts.remarques:
        story += [
            heading("Observations sur le compte rendu financier de l'action subventionnée", 2),
            para(texts.remarques),
        ]
    story += [*_method(model), spacer(6), KeepTogether(_attestation(model))]
    return story


# --- overhead -----------------------------------------------------------------------------------


def _units(weight_milli: Fraction, unit: str | None) -> str:
    """Units (thousandths, possibly prorated) to the nearest thousandth, with their unit."""
    text = format_units(round_half_up(weight_milli))
    return f"{text} {unit}" if unit else f"{text} unités"


def overhead_text(rule: CerfaOverhead) -> list[str]:
    """The overhead rule in words, with its figures (one sentence per paragraph)."""
    sentences: list[str] = []
    if rule.method == "flat_rate":
        rate = format_percent(rule.rate_bp or 0)
        sentences.append(
            f"Taux forfaitaire : {rate} des coûts directs de l'action "
            f"({_amount(rule.base_cents)}, hors subventions reversées aux membres), "
            f"soit {_amount(rule.amount_cents)} arrondis au centime, portés en "
            "« Charges fixes de fonctionnement »."
        )
    elif rule.method == "key":
        sentences.append(
            f"Clé de répartition « {rule.key_name or 'sans nom'} »"
            + (f" (unité : {rule.key_unit})" if rule.key_unit else "")
            + " : les charges de structure du pôle sur la période (charges sans projet, "
            f"{_amount(rule.base_cents)}) sont affectées à l'action selon son poids dans "
            "la clé ; les clés de partage des services entre les membres ne sont pas utilisées."
        )
        sentences.append(_key_detail(rule))
    else:
        sentences.append(
            "Aucune règle de répartition des charges indirectes n'est définie pour cette "
            "subvention : aucune charge indirecte n'est affectée à l'action."
        )
    if rule.note:
        sentences.append(f"Précisions : {rule.note}")
    return sentences


def _key_detail(rule: CerfaOverhead) -> str:
    if rule.problem == NO_PROJECT:
        return (
            "La subvention n'est rattachée à aucun projet : elle finance l'activité générale "
            "du pôle, dont toutes les charges sont déjà des charges directes ; la clé n'est "
            "donc pas appliquée."
        )
    if rule.problem == NO_PERIOD:
        return "La subvention n'a pas de période : la clé ne peut pas être appliquée."
    if rule.problem == NO_UNITS:
        return "La clé ne compte aucune unité sur la période : aucune charge indirecte."
    if rule.problem:
        return f"La clé n'a pas pu être appliquée : {rule.problem}"
    members = ", ".join(rule.action_members) or "aucun membre désigné"
    share = rule.weight_bp
    share_text = format_percent(share) if share is not None else "0 %"
    if rule.key_method in _UNIT_KEYS:
        used = (
            f"{_units(rule.action_weight, rule.key_unit)} pour les membres participant à "
            f"l'action ({members}) sur {_units(rule.total_weight, rule.key_unit)} au total"
        )
    else:
        used = f"membres participant à l'action : {members}"
    return (
        f"Poids de l'action dans la clé : {share_text} ({used}, sur la période de la "
        f"subvention), soit {_amount(rule.amount_cents)} de charges indirectes, "
        "arrondis au centime par ligne."
    )


# --- gaps ---------------------------------------------------------------------------------------


def significant_gaps(rows: Sequence[CerfaRow], group_rows_only: bool) -> list[CerfaRow]:
    """Rows whose gap reaches the threshold: the shaded group rows and the sub-rows printed
    (in "group rows only" mode the groups only), in print order; never sections nor totals."""
    found = []
    for row in rows:
        if row.level in ("section", "total"):
            continue
        if group_rows_only and row.is_sub_row:
            continue
        gap = abs(row.actual_cents - row.forecast_cents)
        if gap == 0:
            continue
        if row.forecast_cents == 0 or gap * 10_000 >= GAP_THRESHOLD_BP * abs(row.forecast_cents):
            found.append(row)
    return found


def _gap_table(model: CerfaReport, group_rows_only: bool) -> list[Flowable]:
    rows = significant_gaps(
        model.charges + model.in_kind_charges + model.produits + model.in_kind_produits,
        group_rows_only,
    )
    if not rows:
        return []
    threshold = format_percent(GAP_THRESHOLD_BP)
    story: list[Flowable] = [
        para(f"Lignes dont l'écart atteint {threshold} de la prévision :", get_styles().small)
    ]
    story += data_table(
        ("Ligne", "Prévision", "Réalisation", "Écart"),
        [
            (
                row.label if row.group or not row.parent else f"   {row.label}",
                money_cell(row.forecast_cents),
                money_cell(row.actual_cents),
                right(_amount(row.actual_cents - row.forecast_cents)),
            )
            for row in rows
        ],
        (0.52, 0.16, 0.16, 0.16),
    )
    return story


# --- how the figures were gathered --------------------------------------------------------------


PERIOD_RULE = (
    "Période : celle de la subvention ; pour un exercice demandé, la part de cette période "
    "comprise dans l'exercice. Les montants qui couvrent une période (charges, subventions, "
    "appels de fonds, cotisations) sont retenus pour la part de leur période comprise dans "
    "celle du compte rendu, au prorata des jours ; les montants datés d'un jour "
    "(reversements, contributions en nature) le sont si leur date y tombe. C'est la règle du "
    "compte de résultat dont le tableau est issu (charges et produits de la période, "
    "rattachés à ce qu'ils couvrent), appliquée de la même façon aux charges et aux produits : "
    "l'argent reçu à ce jour est indiqué à part, pour chaque subvention."
)
BASIS_RULE_VAT = (
    "Base : montants hors TVA récupérée ou collectée par le pôle (assujetti) — charges HT "
    "pour les services taxables et TTC pour les services exonérés (art. 261 B du CGI), "
    "produits HT ; charges et produits sont sur la même base."
)
BASIS_RULE_NO_VAT = (
    "Base : le pôle n'est pas assujetti à la TVA ; les charges sont retenues TTC (la TVA est "
    "une charge pour lui) et les appels de fonds à leur montant hors TVA collectée, qui est "
    "nulle : charges et produits sont sur la même base."
)


def method_lines(model: CerfaReport) -> list[str]:
    """How the figures were gathered, in sentences (the rules and their figures)."""
    method, grant, period = model.method, model.grant, model.period
    lines: list[str] = []
    if period is None:
        lines.append(
            "La subvention n'a pas de période : seuls les montants rattachés directement à la "
            "subvention sont repris (budget prévisionnel, montant voté, reversements, "
            "contributions en nature)."
        )
    else:
        lines.append(PERIOD_RULE)
        span = f"du {_day(period.start)} au {_day(period.end)}"
        if period.year_label is not None:
            lines.append(
                f"Ce compte rendu couvre l'exercice {period.year_label}, soit {span} "
                f"({period.days} jours sur les {period.grant_days} de la subvention, du "
                f"{_day(period.grant_start)} au {_day(period.grant_end)}) ; exercices "
                f"possibles : {', '.join(period.valid_years)}."
            )
            if not period.whole_grant:
                lines.append(
                    "Prévision : le budget prévisionnel de toute la subvention, ramené à cette "
                    f"période au prorata des jours ({period.days} sur {period.grant_days}), "
                    "comme la réalisation, pour que les deux colonnes se comparent."
                )
        else:
            lines.append(f"Ce compte rendu couvre toute la période de la subvention, {span}.")
    lines.append(BASIS_RULE_VAT if method.vat_registered else BASIS_RULE_NO_VAT)
    if method.project_name:
        action = (
            f"Action : le projet « {method.project_name} ». Charges directes : "
            f"{counted(method.cost_count, 'charge', 'charges')} du projet ; charges indirectes "
            "selon la règle "
            "ci-dessus. Produits : ceux du projet seulement — ses subventions (74) et ses "
            "contributions en nature ; l'application n'enregistre pas de ventes propres à un "
            "projet (70) ni de cotisations (75), qui restent à zéro."
        )
    else:
        action = (
            "Action : le fonctionnement du pôle (subvention non rattachée à un projet). "
            f"Charges directes : {counted(method.cost_count, 'charge', 'charges')} sans projet. "
            "Produits : "
            "appels de fonds des membres pour les services mutualisés (70, "
            f"{_amount(method.calls_cents)} HT), cotisations dues pour "
            f"{_years_text(method.fee_years)}, {_amount(method.fees_cents)} au prorata "
            "des jours de chaque exercice (75), subventions non rattachées à un projet (74)."
        )
    lines.append(action)
    if method.uncoded_costs_cents:
        lines.append(
            f"Charges sans ligne Cerfa : {_amount(method.uncoded_costs_cents)}, portées en "
            "« Services bancaires, autres » à la demande de l'utilisateur (liste ci-dessous)."
        )
    lines.append(
        "Subventions versées (65) : "
        f"{_amount(method.redistributed_cents)} reversés aux membres sur les subventions "
        "de l'action pendant la période."
    )
    lines.append(
        "Ressources propres affectées à l'action : la part des charges que les ressources "
        "directes ne couvrent pas (zéro lorsqu'elles les couvrent). Résultat : total des "
        "produits moins total des charges."
    )
    lines.append(
        "Contributions en nature : "
        + counted(method.in_kind_count, "contribution rattachée", "contributions rattachées")
        + " à la subvention ou à l'action sur la période."
    )
    del grant
    return lines


def _method(model: CerfaReport) -> list[Flowable]:
    method = model.method
    styles = get_styles()
    story: list[Flowable] = [heading("Établissement des montants réalisés", 2)]
    story += [para(line, styles.small) for line in method_lines(model)]
    if method.grants:
        story.append(
            para(
                "Subventions d'exploitation (74) : les subventions votées de l'action, sur la "
                "ligne du type de leur financeur, au montant voté pour la période (au prorata des "
                "jours de leur propre période) ; le montant reçu à ce jour est indiqué pour "
                "information.",
                ParagraphStyle("cerfa.intro", parent=styles.small, keepWithNext=1),
            )
        )
        story += data_table(
            ("Financeur", "Subvention", "Voté", "Pour la période", "Reçu à ce jour"),
            [
                (
                    item.funder_name,
                    item.title,
                    money_cell(item.voted_cents),
                    money_cell(item.attributed_cents),
                    money_cell(item.received_cents),
                )
                for item in method.grants
            ],
            (0.22, 0.33, 0.15, 0.15, 0.15),
        )
    if model.unclassified:
        story.append(
            para(
                "Charges de la période sans ligne Cerfa (à classer ; ligne proposée d'après "
                "la catégorie du service) :",
                ParagraphStyle("cerfa.intro2", parent=styles.small, keepWithNext=1),
            )
        )
        story += data_table(
            ("Charge", "Service", "Début", "Montant", "Ligne proposée"),
            [
                (
                    f"n° {item.cost_id} {item.label}",
                    item.service_name,
                    date_text(item.period_start),
                    money_cell(item.amount_cents),
                    f"{item.proposed_code} {item.proposed_label}"
                    if item.proposed_code
                    else "aucune",
                )
                for item in model.unclassified
            ],
            (0.3, 0.2, 0.12, 0.14, 0.24),
        )
    return story


def _day(day: date | None) -> str:
    return date_text(day) if day is not None else "—"


# --- attestation --------------------------------------------------------------------------------


def attestation_text(model: CerfaReport) -> str:
    """ "Je soussigné(e) …, représentant(e) légal(e) de …, certifie exactes …" """
    signatory = model.signatory
    name = signatory.name or BLANK
    if signatory.name and signatory.title:
        name = f"{signatory.name}, {signatory.title}"
    organisation = signatory.organisation or BLANK
    return (
        f"Je soussigné(e) {name}, représentant(e) légal(e) de {organisation}, certifie "
        "exactes les informations du présent compte rendu."
    )


def _attestation(model: CerfaReport) -> list[Flowable]:
    styles = get_styles()
    width = CONTENT_WIDTH * 0.45
    box = Table(
        [[para("Signature", styles.small)], [""]],
        colWidths=[width],
        rowHeights=[14, 62],
        hAlign="RIGHT",
    )
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [
        heading("Attestation"),
        para(attestation_text(model)),
        spacer(10),
        para(f"Fait à {model.pole.city or BLANK}, le {BLANK}"),
        spacer(10),
        box,
    ]


def _years_text(labels: tuple[str, ...]) -> str:
    """« l'exercice 2025 », « les exercices 2024 et 2025 » or « aucun exercice »."""
    if not labels:
        return "aucun exercice"
    if len(labels) == 1:
        return f"l'exercice {labels[0]}"
    return f"les exercices {', '.join(labels[:-1])} et {labels[-1]}"
