"""The "Rapport d'activité" PDF (DESIGN §6; docs/research/cerfa-and-reports.md §3.6).

Built only from :class:`~ptce_desktop.documents.activity.ActivityReportData`. The
sections of §3.6 for which the application holds data, in its order: cover, 1. édito, 2. the
year in key figures, 3. the pole and its territory, 4. members (by category, joins and exits,
the PTCE eligibility rule), 5. jobs, 6. shared services, 7. cooperation projects,
8. events, 9. governance, 10. financial report (charts and totals), 11. funders, 12. outlook,
and the member list in annex. Section 10 of §3.6 (economic impact) needs data the application
does not hold and is left out. A section without data is left out (the others are numbered in
order): a reader never finds « Aucune donnée » printed as content.

:func:`activity_story` gives the flowables (cover first, no trailing page break) so that the
Cerfa 15059 bundle can append the activity report to a compte rendu financier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple
from datetime import date
from fractions import Fraction
from functools import cache

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from ptce_desktop.documents.activity import ActivityReportData, JobsLine
from ptce_desktop.domain.money import format_integer, format_percent, format_units
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.reports.base import Target, build_pdf, logo_flowable, money_text
from ptce_desktop.reports.charts import bar_chart
from ptce_desktop.reports.flowables import (
    bold,
    date_text,
    heading,
    key_figures,
    key_value_table,
    money_cell,
    number_cell,
    para,
    right,
    spacer,
)
from ptce_desktop.reports.styles import ACCENT, MUTED, get_styles
from ptce_desktop.reports.tables import CellValue, data_table

__all__ = ["activity_story", "build_activity_report"]

TITLE = "Rapport d'activité"


def build_activity_report(
    model: ActivityReportData,
    target: Target,
    *,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the activity report of ``model`` to ``target``; returns the page count."""
    return build_pdf(
        target,
        title=f"{TITLE} {model.year_label}",
        subject=f"Exercice {model.year_label}",
        pole_name=model.pole.name,
        story=activity_story(model),
        logo_path=model.logo_path,
        generated_on=generated_on,
        progress=progress,
    )


def activity_story(model: ActivityReportData) -> list[Flowable]:
    """The report's flowables: the cover, then every section that has something to say,
    numbered in order (an empty section is left out, never printed as « Aucune donnée »)."""
    story = _cover(model)
    number = 0
    for title, section, has_data in _SECTIONS:
        if not has_data(model):
            continue
        number += 1
        story += [heading(f"{number}. {title}"), *section(model)]
    if model.members:
        story += _annex(model)
    return story


def _has_members(model: ActivityReportData) -> bool:
    return any(line.count or line.joined or line.left for line in model.categories)


def _count(value: int, one: str, many: str) -> str:
    return f"{value} {one if value <= 1 else many}"


# --- cover --------------------------------------------------------------------------------------


@cache
def _cover_styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    styles = get_styles()
    name = ParagraphStyle(
        "ptce.cover.name", parent=styles.title, fontSize=24, leading=30, alignment=TA_CENTER
    )
    title = ParagraphStyle(
        "ptce.cover.title",
        parent=styles.title,
        fontName=styles.fonts.regular,
        fontSize=20,
        leading=26,
        textColor=ACCENT,
        alignment=TA_CENTER,
        spaceBefore=18,
    )
    line = ParagraphStyle(
        "ptce.cover.line", parent=styles.body, textColor=MUTED, alignment=TA_CENTER, fontSize=10.5
    )
    return name, title, line


def _cover(model: ActivityReportData) -> list[Flowable]:
    name, title, line = _cover_styles()
    pole = model.pole
    ids = " · ".join(
        text for text in (f"SIRET {pole.siret}" if pole.siret else "", pole.rna or "") if text
    )
    logo = logo_flowable(model.logo_path)
    story: list[Flowable] = [Spacer(1, 150)] if logo is None else [Spacer(1, 50), logo, spacer(10)]
    story += [
        para(pole.name or "Pôle territorial de coopération économique", name),
        para(f"{TITLE} {model.year_label}", title),
        spacer(10),
        para(f"Exercice du {date_text(model.period_start)} au {date_text(model.period_end)}", line),
    ]
    if pole.territory:
        story.append(para(f"Territoire : {pole.territory}", line))
    if ids:
        story.append(para(ids, line))
    story.append(PageBreak())
    return story


# --- sections -----------------------------------------------------------------------------------


def _edito(model: ActivityReportData) -> list[Flowable]:
    return [para(model.edito)]


def _figures(model: ActivityReportData) -> list[Flowable]:
    f = model.figures
    return [
        key_figures(
            [
                ("Membres", f.members),
                ("Salariés des membres", f.headcount),
                ("Équivalents temps plein", format_units(f.etp_milli, decimals=2)),
                ("Emplois créés", model.jobs_totals.created),
                ("Bénévoles", model.jobs_totals.volunteers),
                ("Services mutualisés", f.services),
                ("Projets de coopération", f.projects),
                ("Événements", f.events),
                ("Réunions des instances", f.meetings),
                ("Charges mutualisées — exercice", money_text(f.costs_cents)),
                ("Subventions reçues — exercice", money_text(f.grants_received_cents)),
                ("Contributions en nature", money_text(f.in_kind_cents)),
            ]
        ),
    ]


def _rate_bp(part: int, whole: int) -> int | None:
    return share_percent_bp(Fraction(part, whole)) if whole > 0 else None


def _rate_text(part: int, whole: int) -> str:
    rate = _rate_bp(part, whole)
    return "—" if rate is None else format_percent(rate, fixed=True)


def _signed(value: int, text: str) -> str:
    return ("+" if value > 0 else "") + text


_Kind = str  # "count", "money", "etp", "rate"


def _value_text(kind: _Kind, value: int | tuple[int, int] | None) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        assert isinstance(value, tuple)
        return _rate_text(*value)
    assert isinstance(value, int)
    if kind == "money":
        return money_text(value)
    if kind == "etp":
        return format_units(value, decimals=2)
    return format_integer(value)


def _change_text(
    kind: _Kind, before: int | tuple[int, int] | None, now: int | tuple[int, int]
) -> str:
    if before is None:
        return "—"
    if kind == "rate":
        assert isinstance(before, tuple) and isinstance(now, tuple)
        old, new = _rate_bp(*before), _rate_bp(*now)
        if old is None or new is None:
            return "—"
        points = new - old
        text = format_percent(abs(points), symbol=False, fixed=True) + "\u00a0pt"
        return ("\u2212" if points < 0 else "+" if points > 0 else "") + text
    assert isinstance(before, int) and isinstance(now, int)
    diff = now - before
    if kind == "money":
        return _signed(diff, money_text(diff))
    if kind == "etp":
        text = format_units(abs(diff), decimals=2)
        return ("\u2212" if diff < 0 else "+" if diff > 0 else "") + text
    return ("\u2212" if diff < 0 else "+" if diff > 0 else "") + format_integer(abs(diff))


def _indicators(model: ActivityReportData) -> list[tuple[str, _Kind, int | tuple[int, int]]]:
    f, money = model.figures, model.finance
    rows: list[tuple[str, _Kind, int | tuple[int, int]]] = [("Membres", "count", f.members)]
    rows += [(f"dont {line.label}", "count", line.count) for line in model.categories]
    rows += [
        ("Salariés des membres", "count", f.headcount),
        ("Équivalents temps plein", "etp", f.etp_milli),
        ("Emplois créés", "count", model.jobs_totals.created),
        ("Charges mutualisées — exercice", "money", f.costs_cents),
        ("Produits du pôle — exercice", "money", money.income_cents),
        ("Charges du pôle — exercice", "money", money.charges_cents),
        ("Résultat — exercice", "money", money.result_cents),
        ("Subventions reçues — exercice", "money", f.grants_received_cents),
    ]
    rows += [(f"dont {label}", "money", cents) for label, cents in model.funding_by_type]
    rows.append(("Taux d'autofinancement", "rate", money.self_financing))
    return rows


def _synthesis(model: ActivityReportData) -> list[Flowable]:
    """The year against the previous one: members, jobs, budget, funding mix, shared costs."""
    previous = model.previous
    before: dict[str, int | tuple[int, int]] = (
        {label: value for label, _, value in _indicators(previous)} if previous else {}
    )
    now = _indicators(model)
    labels = [label for label, _, _ in now]
    if previous is not None:  # a category or funder type present the year before only
        for label, kind, _ in _indicators(previous):
            if label not in labels:
                zero: int | tuple[int, int] = (0, 0) if kind == "rate" else 0
                now.append((label, kind, zero))
                labels.append(label)
    if previous is not None:  # absent the year before: 0 that year
        for label, kind, _ in now:
            before.setdefault(label, (0, 0) if kind == "rate" else 0)
    previous_label = previous.year_label if previous is not None else "Exercice précédent"
    story: list[Flowable] = [
        para(
            f"L'exercice {model.year_label} comparé à l'exercice "
            + (previous.year_label if previous else "précédent (sans activité enregistrée)")
            + " ; montants « — exercice » : datés de l'exercice (voir le rapport financier).",
            get_styles().small,
        )
    ]
    story += data_table(
        ("Indicateur", previous_label, model.year_label, "Évolution"),
        [
            [
                label,
                right(_value_text(kind, before.get(label))),
                right(_value_text(kind, value)),
                right(_change_text(kind, before.get(label), value)),
            ]
            for label, kind, value in now
        ],
        (4.2, 1.6, 1.6, 1.4),
    )
    if model.funding_by_type:
        story += [
            heading("Origine des subventions reçues", 2),
            bar_chart(list(model.funding_by_type)),
        ]
    return story


def _finance_table(model: ActivityReportData) -> list[Flowable]:
    money = model.finance
    rows: list[list[CellValue]] = [
        [
            "Produits",
            "Contributions des membres aux services (appelé — exercice)",
            money_cell(money.contributions_cents),
        ],
        [None, "Cotisations dues pour l'exercice", money_cell(money.fees_cents)],
        [None, "Subventions reçues — exercice", money_cell(money.grants_cents)],
        [bold("Total des produits"), None, money_cell(money.income_cents, bold=True)],
        ["Charges", "Charges mutualisées — exercice", money_cell(money.shared_costs_cents)],
        [None, "Reversements aux membres — exercice", money_cell(money.passed_on_cents)],
        [bold("Total des charges"), None, money_cell(money.charges_cents, bold=True)],
    ]
    return [
        heading("Produits, charges et résultat de l'exercice", 2),
        *data_table(
            ("", "Poste", "Montant"),
            rows,
            (1.6, 5.4, 1.8),
            totals_row=["Résultat", "produits − charges", money_cell(money.result_cents)],
            zebra=False,
        ),
        spacer(3),
        para(
            "Taux d'autofinancement (contributions et cotisations des membres / produits) : "
            + _rate_text(money.own_resources_cents, money.income_cents)
            + ". Les contributions volontaires en nature ne sont pas comptées dans le "
            "résultat.",
            get_styles().small,
        ),
    ]


def _pole(model: ActivityReportData) -> list[Flowable]:
    pole = model.pole
    contact = " · ".join(part for part in (pole.email, pole.phone, pole.website) if part)
    items = [
        ("Nom", pole.name),
        ("SIRET", pole.siret or ""),
        ("RNA", pole.rna or ""),
        ("Territoire", pole.territory or ""),
        ("Adresse", pole.address or ""),
        ("Contact", contact),
        ("Représentant légal", pole.legal_rep or ""),
        ("Structure porteuse", pole.lead_member or ""),
    ]
    filled = [(label, value) for label, value in items if value]
    return [key_value_table(filled)]


def _members(model: ActivityReportData) -> list[Flowable]:
    lines = [line for line in model.categories if line.count or line.joined or line.left]
    story: list[Flowable] = []
    if lines:  # without members, the eligibility verdict below says what is missing
        # « Membres » counts those of the year (the figure of the key figures): with the
        # members at both ends, start + entries − exits = end reads off the row.
        start, end = date_text(model.period_start), date_text(model.period_end)
        story += data_table(
            (
                "Catégorie",
                "Membres dans l'exercice",
                f"Au {start}",
                "Entrées",
                "Sorties",
                f"Au {end}",
            ),
            [
                [line.label, line.count, line.at_start, line.joined, line.left, line.at_end]
                for line in lines
            ],
            (3.0, 1.2, 1.1, 0.9, 0.9, 1.1),
            totals_row=[
                "Total",
                number_cell(sum(line.count for line in lines)),
                number_cell(sum(line.at_start for line in lines)),
                number_cell(sum(line.joined for line in lines)),
                number_cell(sum(line.left for line in lines)),
                number_cell(sum(line.at_end for line in lines)),
            ],
        )
    rule = model.eligibility
    counts = (
        f"{_count(rule.ess, 'entreprise', 'entreprises')} de l'ESS, "
        f"{_count(rule.non_ess, 'entreprise', 'entreprises')} hors ESS, "
        f"{_count(rule.other, 'autre acteur', 'autres acteurs')}"
    )
    if rule.eligible:
        verdict = f"Critères de composition d'un PTCE remplis : {counts}."
    else:
        verdict = (
            f"Critères de composition d'un PTCE non remplis ({counts}) : il manque "
            + ", ".join(rule.missing)
            + "."
        )
    story += [
        spacer(4),
        heading("Éligibilité (loi 2014-856, art. 9)", 2),
        para(verdict),
    ]
    if model.members:
        story.append(para("La liste des membres figure en annexe.", get_styles().small))
    return story


def _jobs_row(line: JobsLine) -> list[CellValue]:
    etp = right(format_units(line.etp_milli, decimals=2)) if line.etp_milli is not None else None
    return [line.member_name, line.headcount, etp, line.created, line.maintained, line.volunteers]


def _jobs(model: ActivityReportData) -> list[Flowable]:
    totals = model.jobs_totals
    story: list[Flowable] = []
    story += data_table(
        ("Membre", "Salariés", "ETP", "Emplois créés", "Emplois maintenus", "Bénévoles"),
        [_jobs_row(line) for line in model.jobs],
        (3.6, 1, 1, 1.1, 1.2, 1.1),
        totals_row=[
            "Total",
            number_cell(totals.headcount),
            right(format_units(totals.etp_milli, decimals=2)),
            number_cell(totals.created),
            number_cell(totals.maintained),
            number_cell(totals.volunteers),
        ],
        align_right_cols=(1, 2, 3, 4, 5),
    )
    silent = totals.members - totals.reporting
    if silent > 0 and model.jobs:
        story.append(spacer(3))
        story.append(
            para(
                f"{_count(silent, 'membre n’a', 'membres n’ont')} pas déclaré de chiffres "
                f"pour l'exercice (comptés pour 0).",
                get_styles().small,
            )
        )
    return story


def _services(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = []
    story += data_table(
        (
            "Service",
            "Clé de répartition",
            "Utilisateurs",
            "Nombre de charges",
            "Coût de l'exercice",
            "Réparti",
        ),
        [
            [
                s.name,
                s.key_name or "—",
                s.users,
                s.cost_count,
                money_cell(s.costs_cents),
                money_cell(s.shared_cents),
            ]
            for s in model.services
        ],
        (2.6, 2.0, 1.35, 1.1, 1.6, 1.6),
        totals_row=[
            "Total",
            None,
            None,
            number_cell(sum(s.cost_count for s in model.services)),
            money_cell(sum(s.costs_cents for s in model.services)),
            money_cell(sum(s.shared_cents for s in model.services)),
        ],
        align_right_cols=(2, 3, 4, 5),
    )
    return story


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{date_text(start)} – {date_text(end)}"
    if start:
        return f"depuis le {date_text(start)}"
    return f"jusqu'au {date_text(end)}" if end else "—"


def _projects(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = []
    story += data_table(
        ("Projet", "Statut", "Période", "Porteur", "Partenaires"),
        [
            [
                p.name,
                p.status_label,
                _period(p.start, p.end),
                p.lead_name or "—",
                ", ".join(p.partners),
            ]
            for p in model.projects
        ],
        (2.6, 1.1, 1.9, 2, 2.8),
    )
    for project in model.projects:
        if project.description and project.description.strip():
            story += [heading(project.name, 2), para(project.description)]
    return story


def _events(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = []
    story += data_table(
        ("Date", "Événement", "Type", "Lieu", "Participants"),
        [
            [date_text(e.date), e.title, e.kind or "", e.place or "", e.participants]
            for e in model.events
        ],
        (1.1, 3.4, 1.5, 2.2, 1.2),
        totals_row=[
            "Total",
            _count(len(model.events), "événement", "événements"),
            None,
            None,
            number_cell(sum(e.participants or 0 for e in model.events)),
        ],
        align_right_cols=(4,),
    )
    return story


def _governance(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = []
    if model.bodies:
        story.append(heading("Instances", 2))
        story += data_table(
            ("Instance", "Type", "Réunions dans l'exercice"),
            [[b.name, b.kind_label, b.meetings] for b in model.bodies],
            (3.5, 2.5, 1.6),
        )
    if model.meetings:
        story.append(heading("Réunions tenues", 2))
        story += data_table(
            ("Date", "Instance", "Objet", "Lieu"),
            [
                [date_text(m.date), m.body_name or "—", m.title, m.place or ""]
                for m in model.meetings
            ],
            (1.1, 2.4, 3.6, 2.2),
        )
    return story


def _finances(model: ActivityReportData) -> list[Flowable]:
    f = model.figures
    hours = (
        f" ({format_units(model.in_kind_hours_milli)} h de bénévolat et mises à disposition)"
        if model.in_kind_hours_milli
        else ""
    )
    services = [(s.name, s.costs_cents) for s in model.services if s.costs_cents]
    story: list[Flowable] = []
    if services:
        story += [heading("Charges mutualisées par service", 2), bar_chart(services)]
    if model.funding_by_type:
        story += [
            heading("Subventions reçues par type de financeur", 2),
            bar_chart(list(model.funding_by_type)),
        ]
    return [
        *_finance_table(model),
        *story,
        heading("Totaux de l'exercice", 2),
        key_value_table(
            [
                ("Charges mutualisées — exercice", money_text(f.costs_cents)),
                (
                    "Réparties entre les membres",
                    money_text(sum(s.shared_cents for s in model.services)),
                ),
                ("Subventions reçues — exercice", money_text(f.grants_received_cents)),
                (
                    "Contributions volontaires en nature",
                    money_text(model.in_kind_cents) + hours,
                ),
            ]
        ),
    ]


def _funders(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = []
    story += data_table(
        ("Financeur", "Type", "Subventions", "Voté", "Reçu — exercice"),
        [
            [
                x.name,
                x.type_label,
                x.grants,
                money_cell(x.voted_cents),
                money_cell(x.received_cents),
            ]
            for x in model.funders
        ],
        (2.9, 2.0, 1.4, 1.6, 1.7),
        totals_row=[
            "Total",
            None,
            number_cell(sum(x.grants for x in model.funders)),
            money_cell(sum(x.voted_cents for x in model.funders)),
            money_cell(sum(x.received_cents for x in model.funders)),
        ],
        align_right_cols=(2, 3, 4),
    )
    return story


def _outlook(model: ActivityReportData) -> list[Flowable]:
    return [para(model.perspectives)]


def _annex(model: ActivityReportData) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), heading("Annexe — Liste des membres")]
    story += data_table(
        ("Membre", "Catégorie", "SIRET", "Adhésion", "Sortie"),
        [
            [m.name, m.category_label, m.siret or "", date_text(m.joined_on), date_text(m.left_on)]
            for m in model.members
        ],
        (3.6, 2.2, 1.8, 1.1, 1.1),
        totals_row=[
            bold("Total"),
            _count(len(model.members), "membre", "membres"),
            None,
            None,
            None,
        ],
    )
    return story


_SECTIONS: tuple[
    tuple[
        str, Callable[[ActivityReportData], list[Flowable]], Callable[[ActivityReportData], object]
    ],
    ...,
] = (
    ("Édito", _edito, lambda m: m.edito.strip()),
    ("L'année en chiffres clés", _figures, lambda m: True),
    ("Synthèse et comparaison avec l'exercice précédent", _synthesis, lambda m: True),
    ("Le pôle et son territoire", _pole, lambda m: any(astuple(m.pole))),
    ("Membres", _members, lambda m: True),  # the eligibility rule is always stated
    ("Emploi", _jobs, lambda m: m.jobs),
    ("Services mutualisés", _services, lambda m: m.services),
    ("Projets de coopération", _projects, lambda m: m.projects),
    ("Animation et événements", _events, lambda m: m.events),
    ("Gouvernance", _governance, lambda m: m.bodies or m.meetings),
    ("Rapport financier", _finances, lambda m: True),
    ("Financeurs et partenaires", _funders, lambda m: m.funders),
    ("Perspectives", _outlook, lambda m: m.perspectives.strip()),
)
