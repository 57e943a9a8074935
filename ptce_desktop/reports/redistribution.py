"""The "Rapport de redistribution" PDF (DESIGN §6): where a year's grants and pooled costs went.

Built only from :class:`~ptce_desktop.documents.redistribution.RedistributionReportData`:
every amount printed is one the grants, redistributions, costs, calls and payments services
returned. Layout, top to bottom:

* the title, the fiscal year and the funder (or "tous financeurs"), and the year in figures;
* **1. Subventions et reversements**: one line per grant (voted, received, passed on, kept for
  coordination, still to pass on) with totals; then each grant: its references, its money, the
  members with the key or decision behind their part (due, passed on, still to pass on), and the
  redistributions made;
* **2. Répartition des charges mutualisées**: one line per service (costs, amount split, called,
  paid, outstanding) with totals; then each service: its key and versions, each member's share,
  called, paid and outstanding, totals, and the check that the shares add up to the costs.

Rows are per member (aggregated in SQL), never per cost line, so a 300-member pole with tens of
thousands of costs prints a few hundred rows per service at most.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ptce_desktop.documents.redistribution import (
    GrantMemberLine,
    GrantSection,
    RedistributionReportData,
    ServiceSection,
)
from ptce_desktop.domain.money import format_percent
from ptce_desktop.reports.base import Target, build_pdf, guillemets, money_text
from ptce_desktop.reports.flowables import (
    bold,
    clean_text,
    date_text,
    empty_note,
    heading,
    key_figures,
    key_value_table,
    money_cell,
    para,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import CONTENT_WIDTH, TABLE_LEADING, TABLE_SIZE, TEXT, get_styles
from ptce_desktop.reports.tables import PADDING_H, CellValue, data_table

__all__ = ["build_redistribution_report", "redistribution_story"]

TITLE = "Rapport de redistribution"
NO_GRANTS = "Aucune donnée : aucune subvention pour cet exercice."
NO_SERVICES = "Aucune donnée : aucune charge mutualisée ni appel de fonds pour cet exercice."
NO_MEMBERS = "Aucune donnée : aucun membre concerné."
NO_REDISTRIBUTIONS = "Aucun reversement effectué."
MINUS = "\u2212"
_HYPHEN_MINUS = re.compile(r"(?<![\w-])-(?=\d)")
OVER_PASSED = (
    "Attention : reste à reverser négatif. Le pôle a reversé plus que le plan ne donne sur ce "
    "qui a été reçu ; vérifier le plan de reversement ou les reversements saisis."
)
OVER_PASSED_SUMMARY = (
    "Attention : au moins une subvention a un reste à reverser négatif (voir son détail)."
)
# A name column and five amounts wide enough for "9 999 999,99 €" in bold (totals).
_SUMMARY_WIDTHS = (3.0, 1.6, 1.6, 1.6, 1.6, 1.6)
# The member's name as wide as four amount columns of "999 999,99 €" in bold allow (68 pt).
_MEMBER_WIDTHS = (3.25, 1, 1, 1, 1)
_GRANT_MEMBER_WIDTHS = (2.8, 4.4, 1.4, 1.4)
_GRANTS_WIDTHS = (2.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3)


def build_redistribution_report(
    model: RedistributionReportData,
    target: Target,
    *,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the redistribution report of ``model`` to ``target``; returns the page count."""
    scope = f"financeur : {model.funder_name}" if model.funder_name else "tous financeurs"
    return build_pdf(
        target,
        title=f"{TITLE} {model.year_label}",
        subject=f"Exercice {model.year_label} — {scope}",
        pole_name=model.pole_name,
        story=redistribution_story(model),
        logo_path=model.logo_path,
        generated_on=generated_on,
        progress=progress,
    )


def redistribution_story(model: RedistributionReportData) -> list[Flowable]:
    scope = f"Financeur : {model.funder_name}" if model.funder_name else "Tous financeurs"
    story = title_block(
        f"{TITLE} — exercice {model.year_label}",
        f"Du {date_text(model.period_start)} au {date_text(model.period_end)} · {scope}",
    )
    story.append(_figures(model))
    story.append(spacer(3))
    story.append(para(_period_note(model), get_styles().small))
    story += _grants(model)
    if not model.single_funder:
        story += _services(model)
    return story


def _period_note(model: RedistributionReportData) -> str:
    return (
        f"{guillemets(f'Exercice {model.year_label}')} : versements reçus et reversements datés "
        f"du {date_text(model.period_start)} au {date_text(model.period_end)}. "
        f"{guillemets('À la date du rapport')} : tout ce qui est enregistré pour la subvention, "
        "quelle que soit la date."
    )


def _figures(model: RedistributionReportData) -> Flowable:
    """To date, received = passed on + kept + still to pass on (one row of tiles); then the
    exercice's own figures."""
    year = f"exercice {model.year_label}"
    to_date = "à la date du rapport"
    kept = model.grants_total("coordination_cents") + model.grants_total("unplanned_cents")
    items: list[tuple[str, str | int]] = [
        ("Subventions", len(model.grants)),
        ("Montant voté", money_text(model.grants_total("voted_cents"))),
        (f"Reçu {to_date}", money_text(model.grants_total("received_cents"))),
        (f"Reversé aux membres {to_date}", money_text(model.grants_total("passed_cents"))),
        (f"Conservé par le pôle {to_date}", money_text(kept)),
        (f"Reste à reverser {to_date}", money_text(model.grants_total("remaining_cents"))),
        (f"Reçu — {year}", money_text(model.grants_total("received_year_cents"))),
        (f"Reversé aux membres — {year}", money_text(model.grants_total("passed_year_cents"))),
    ]
    if not model.single_funder:
        items += [
            (f"Charges mutualisées — {year}", money_text(model.services_total("costs_cents"))),
            (f"Appelé — {year}", money_text(model.services_total("called_cents"))),
            (
                f"Reste dû par les membres {to_date}",
                money_text(model.services_total("outstanding_cents")),
            ),
        ]
    return key_figures(items)


# --- grants -------------------------------------------------------------------------------------


def _grants(model: RedistributionReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("1. Subventions et reversements")]
    if not model.grants:
        return [*story, empty_note(NO_GRANTS)]
    story += data_table(
        (
            "Subvention (financeur)",
            "Voté",
            f"Reçu — exercice {model.year_label}",
            f"Reversé — exercice {model.year_label}",
            "Reçu à la date du rapport",
            "Reversé à la date du rapport",
            "Reste à reverser à la date du rapport",
        ),
        [
            [
                f"{grant.title} ({grant.funder_name})",
                money_cell(grant.voted_cents),
                money_cell(grant.received_year_cents),
                money_cell(grant.passed_year_cents),
                money_cell(grant.received_cents),
                money_cell(grant.passed_cents),
                money_cell(grant.remaining_cents),
            ]
            for grant in model.grants
        ],
        _GRANTS_WIDTHS,
        totals_row=[
            "Total",
            money_cell(model.grants_total("voted_cents")),
            money_cell(model.grants_total("received_year_cents")),
            money_cell(model.grants_total("passed_year_cents")),
            money_cell(model.grants_total("received_cents")),
            money_cell(model.grants_total("passed_cents")),
            money_cell(model.grants_total("remaining_cents")),
        ],
        align_right_cols=(1, 2, 3, 4, 5, 6),
    )
    over = [grant for grant in model.grants if grant.over_passed]
    if over:
        story.append(spacer(3))
        story.append(para(OVER_PASSED_SUMMARY, get_styles().warning))
    for grant in model.grants:
        story += _grant(grant, model)
    return story


def typographic(text: str) -> str:
    """``text`` with the real minus sign before amounts (« -250,00 € » → « −250,00 € »)."""
    return _HYPHEN_MINUS.sub(MINUS, text)


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"du {date_text(start)} au {date_text(end)}"
    if start:
        return f"à partir du {date_text(start)}"
    if end:
        return f"jusqu'au {date_text(end)}"
    return "—"


def plan_equation(line: GrantMemberLine) -> str:
    """« dû 9 600,00 € − déjà reversé 6 000,00 € = 3 600,00 € » (U+2212 minus sign)."""
    return (
        f"dû {money_text(line.due_cents)} {MINUS} déjà reversé "
        f"{money_text(line.passed_cents)} = {money_text(line.remaining_cents)}"
    )


def _grant(grant: GrantSection, model: RedistributionReportData) -> list[Flowable]:
    year = f"exercice {model.year_label}"
    decision = " du ".join(
        part for part in (grant.decision_ref, date_text(grant.decision_date)) if part
    )
    coordination = (
        f"Conservé pour la coordination ({format_percent(grant.coordination_share_bp)}), "
        "à la date du rapport"
    )
    items: list[tuple[str, str]] = [
        ("Financeur", f"{grant.funder_name} ({grant.funder_type_label})"),
        ("Projet ou action", grant.project_name or "—"),
        ("Statut", grant.status_label),
        ("Décision", decision or "—"),
        ("Période", _period(grant.period_start, grant.period_end)),
        (
            "Montant voté",
            money_text(grant.voted_cents) if grant.voted_cents is not None else "—",
        ),
        (f"Reçu — {year}", money_text(grant.received_year_cents)),
        (f"Reversé aux membres — {year}", money_text(grant.passed_year_cents)),
        ("Reçu à la date du rapport", money_text(grant.received_cents)),
        (
            "Reversé aux membres à la date du rapport",
            money_text(grant.passed_cents),
        ),
        (coordination, money_text(grant.coordination_cents)),
    ]
    if grant.unplanned_cents:
        items.append(("Reçu non affecté par le plan", money_text(grant.unplanned_cents)))
    items.append(
        (
            "Reste à reverser à la date du rapport",
            money_text(grant.remaining_cents),
        )
    )
    story: list[Flowable] = [
        heading(f"{grant.funder_name} — {grant.title}", 2),
        key_value_table(items),
        spacer(6),
    ]
    story += data_table(
        (
            "Membre",
            "Clé ou décision : dû − déjà reversé = reste",
            f"Reversé — {year}",
            "Reste à reverser",
        ),
        [
            [
                _name(line.member_name, _GRANT_MEMBER_WIDTHS),
                f"{line.basis} : {plan_equation(line)}"
                + (" — reversé au-delà du plan" if line.over_passed else ""),
                money_cell(line.passed_year_cents),
                money_cell(line.remaining_cents),
            ]
            for line in grant.members
        ],
        _GRANT_MEMBER_WIDTHS,
        totals_row=[
            "Total",
            (
                f"dû {money_text(sum(line.due_cents for line in grant.members))} {MINUS} "
                f"déjà reversé {money_text(sum(line.passed_cents for line in grant.members))}"
            ),
            money_cell(sum(line.passed_year_cents for line in grant.members)),
            money_cell(sum(line.remaining_cents for line in grant.members)),
        ],
        align_right_cols=(2, 3),
        empty_text="Aucun membre dans le plan de reversement ni aucun reversement.",
    )
    if grant.warning:  # the grant's whole reste à reverser is negative: the one sentence
        story.append(spacer(2))
        story.append(para(f"Attention : {typographic(grant.warning)}", get_styles().warning))
    elif grant.over_passed:  # one member passed on beyond its due, the grant not negative
        story.append(spacer(2))
        story.append(para(OVER_PASSED, get_styles().warning))
    story.append(spacer(4))
    in_year = [
        row for row in grant.redistributions if model.period_start <= row.date <= model.period_end
    ]
    others = [row for row in grant.redistributions if row not in in_year]
    if in_year:
        story.append(para(f"Reversements — {year}", get_styles().cell_bold))
        story += data_table(
            ("Date", "Membre", "Montant", "Fondement"),
            [
                [date_text(row.date), row.member_name, money_cell(row.amount_cents), row.basis]
                for row in in_year
            ],
            (1.3, 3, 1.4, 4),
            totals_row=[
                "Total",
                None,
                money_cell(sum(row.amount_cents for row in in_year)),
                None,
            ],
            align_right_cols=(2,),
        )
    else:
        story.append(empty_note(f"Aucun reversement daté de l'exercice {model.year_label}."))
    if others:
        total = sum(row.amount_cents for row in others)
        story.append(
            para(
                f"Reversements datés hors de l'exercice : {len(others)}, "
                f"{money_text(total)} (compris dans le reversé à la date du rapport).",
                get_styles().small,
            )
        )
    return story


# --- cost sharing -------------------------------------------------------------------------------


def _key_text(service: ServiceSection) -> str:
    key = service.key_name or "aucune clé"
    if service.key_versions:
        dates = ", ".join(date_text(day) for day in service.key_versions)
        plural = "s" if len(service.key_versions) > 1 else ""
        key += f" (version{plural} du {dates})"
    count = f"{service.cost_count} charge{'s' if service.cost_count > 1 else ''}"
    return f"Clé : {key} · base de répartition : {service.basis} · {count}"


def _services(model: RedistributionReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("2. Répartition des charges mutualisées")]
    if not model.services:
        return [*story, empty_note(NO_SERVICES)]
    story += data_table(
        (
            "Service",
            "Charges",
            "Réparti",
            "Appelé",
            "Payé à la date du rapport",
            "Reste dû à la date du rapport",
        ),
        [
            [
                service.name,
                money_cell(service.costs_cents),
                money_cell(service.shared_cents),
                money_cell(service.called_cents),
                money_cell(service.paid_cents),
                money_cell(service.outstanding_cents),
            ]
            for service in model.services
        ],
        _SUMMARY_WIDTHS,
        totals_row=[
            "Total",
            money_cell(model.services_total("costs_cents")),
            money_cell(model.services_total("shared_cents")),
            money_cell(model.services_total("called_cents")),
            money_cell(model.services_total("paid_cents")),
            money_cell(model.services_total("outstanding_cents")),
        ],
        align_right_cols=(1, 2, 3, 4, 5),
    )
    story.append(spacer(3))
    story.append(
        para(
            "Charges de l'exercice dans la base de répartition (TTC, ou HT pour un service "
            "taxable d'un pôle assujetti) ; appelé : appels de l'exercice, TTC ; payé : ce que "
            "les règlements, quelle que soit leur date, soldent de ces appels.",
            get_styles().small,
        )
    )
    for service in model.services:
        story += _service(service)
    return story


class _Lines(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """Plain text broken into lines once, drawn with ``drawString``: no markup is parsed (user
    text stays literal) and re-measuring at each page break costs nothing. A wrapping name as
    a Paragraph made a 300-member report 8x slower (tests/benchmarks, ``--long-names``)."""

    def __init__(self, lines: list[str], width: float, font: str) -> None:
        super().__init__()
        self.lines, self.font = lines, font
        self.width, self.height = width, TABLE_LEADING * len(lines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFont(self.font, TABLE_SIZE)
        self.canv.setFillColor(TEXT)
        for index, line in enumerate(self.lines):
            self.canv.drawString(0, self.height - TABLE_SIZE - index * TABLE_LEADING, line)


def _name(text: str, weights: tuple[float, ...]) -> CellValue:
    """A name for the first column of a table of ``weights``: plain when it fits one line
    (or cannot be broken at spaces: the table's own wrapping paragraph then cuts it)."""
    value = " ".join(clean_text(text).split())
    font = get_styles().fonts.regular
    width = CONTENT_WIDTH * weights[0] / sum(weights) - 2 * PADDING_H - 0.5
    if stringWidth(value, font, TABLE_SIZE) <= width:
        return value
    lines = simpleSplit(value, font, TABLE_SIZE, width)
    if any(stringWidth(line, font, TABLE_SIZE) > width for line in lines):
        return value
    return _Lines(lines, width, font)


def _service(service: ServiceSection) -> list[Flowable]:
    styles = get_styles()
    story: list[Flowable] = [heading(service.name, 2), para(_key_text(service), _keep_small())]
    story += data_table(
        (
            "Membre",
            "Quote-part",
            "Appelé",
            "Payé à la date du rapport",
            "Reste dû à la date du rapport",
        ),
        [
            [
                _name(line.member_name, _MEMBER_WIDTHS),
                money_cell(line.share_cents),
                money_cell(line.called_cents),
                money_cell(line.paid_cents),
                money_cell(line.outstanding_cents),
            ]
            for line in service.members
        ],
        _MEMBER_WIDTHS,
        totals_row=[
            bold("Total"),
            money_cell(service.shares_total_cents),
            money_cell(service.called_cents),
            money_cell(service.paid_cents),
            money_cell(service.outstanding_cents),
        ],
        align_right_cols=(1, 2, 3, 4),
        empty_text=NO_MEMBERS,
        note=_reconciliation(service),
    )
    if not service.members:
        story += [spacer(3), para(_reconciliation(service), styles.small)]
    return story


def _keep_small() -> ParagraphStyle:
    """The small style kept with what follows: a service's key note stays with its table
    (it and the heading above were left alone at a page's foot)."""
    return ParagraphStyle("redistribution.key", parent=get_styles().small, keepWithNext=1)


def _reconciliation(service: ServiceSection) -> str:
    shares = service.shares_total_cents
    if shares == service.costs_cents:
        return (
            f"Contrôle : total des quotes-parts {money_text(shares)} = charges de l'exercice "
            f"{money_text(service.costs_cents)}."
        )
    return (
        f"Écart : total des quotes-parts {money_text(shares)}, charges de l'exercice "
        f"{money_text(service.costs_cents)} (charges non réparties : "
        f"{money_text(service.costs_cents - shares)})."
    )
