"""The year summary of ``ptce-desktop summary`` as French plain text: aligned tables, amounts as
« 1 234,56 € », « Aucune donnée. » for an empty section. Pure formatting of a
:class:`~ptce_desktop.services.summary.YearSummary`."""

from __future__ import annotations

from collections.abc import Sequence

from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import format_date
from ptce_desktop.domain.typography import counted
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.services.grants.views import overpaid_warning
from ptce_desktop.services.summary import YearSummary

NAME_WIDTH = 48
NO_DATA = "  Aucune donnée."


def _cut(text: str, width: int = NAME_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: Sequence[str] | None = None,
    *,
    right_from: int = 1,
) -> list[str]:
    """Plain-text table: columns from ``right_from`` on are right-aligned (amounts)."""
    widths = [len(h) for h in headers]
    for row in [*rows, *([total] if total else [])]:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if index >= right_from else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(parts)).rstrip()

    rule = "  " + "  ".join("-" * width for width in widths)
    lines = [line(headers), rule, *(line(row) for row in rows)]
    if total is not None:
        lines += [rule, line(total)]
    return lines


def summary_lines(summary: YearSummary) -> list[str]:
    """The year summary as French plain text (amounts as « 1 234,56 € »)."""
    money = format_money
    title = summary.pole_name or "Pôle non renseigné"
    lines = [
        title,
        f"Exercice {summary.year_label} (du {format_date(summary.start)} "
        f"au {format_date(summary.end)})",
        "",
        "Membres par catégorie",
    ]
    if any(c.count or c.joined_in_year or c.left_in_year for c in summary.categories):
        rows = [
            [c.label, str(c.count), str(c.joined_in_year), str(c.left_in_year)]
            for c in summary.categories
        ]
        total = [
            "Total",
            str(summary.active_members),
            str(summary.members_joined),
            str(summary.members_left),
        ]
        lines += table(["Catégorie", "Actifs", "Entrés", "Sortis"], rows, total)
    else:
        lines.append(NO_DATA)
    rule = summary.eligibility
    if rule.eligible:
        lines.append(
            "Éligibilité PTCE : oui — "
            f"{counted(rule.ess, 'entreprise', 'entreprises')} de l'ESS, "
            f"{counted(rule.non_ess, 'entreprise', 'entreprises')} hors ESS, "
            f"{counted(rule.other, 'autre acteur', 'autres acteurs')}."
        )
    else:
        lines.append(f"Éligibilité PTCE : non — il manque {', '.join(rule.missing_labels)}.")

    lines += ["", "Charges par service"]
    if summary.services:
        rows = [
            [
                _cut(s.name, 40),
                _cut(s.key_name or "—", 28),
                "exonérée 261 B" if s.vat_regime is VatRegime.EXEMPT_261B else "taxable",
                str(s.cost_count),
                money(s.ttc_cents),
                s.basis.value.upper(),
                money(s.split_cents),
                money(s.budget_cents) if s.budget_cents is not None else "—",
            ]
            for s in summary.services
        ]
        total = [
            "Total",
            "",
            "",
            str(sum(s.cost_count for s in summary.services)),
            money(summary.costs_ttc_cents),
            "",
            money(summary.costs_split_cents),
            money(sum(s.budget_cents or 0 for s in summary.services)),
        ]
        headers = ["Service", "Clé", "TVA", "Charges", "TTC", "Base", "Réparti", "Budget"]
        lines += table(headers, rows, total, right_from=3)
        lines.append(f"Total des charges réparties : {money(summary.costs_split_cents)}")
    else:
        lines.append(NO_DATA)

    lines += ["", "Quote-part de chaque membre"]
    shares = [m for m in summary.members if m.share_cents]
    if shares:
        rows = [[_cut(m.name), money(m.share_cents)] for m in shares]
        lines += table(["Membre", "Quote-part"], rows, ["Total", money(summary.shares_cents)])
        verdict = "égal au" if summary.shares_match_costs else "DIFFÉRENT du"
        lines.append(
            f"Total des quotes-parts : {money(summary.shares_cents)} — {verdict} total des "
            f"charges réparties ({money(summary.costs_split_cents)})."
        )
    else:
        lines.append(NO_DATA)

    lines += ["", "Appels de fonds et règlements"]
    if summary.has_calls or any(m.unapplied_cents for m in summary.members):
        rows = [
            [
                _cut(m.name),
                money(m.called_cents),
                money(m.paid_cents),
                money(m.outstanding_cents),
                money(m.unapplied_cents) if m.unapplied_cents else "",
            ]
            for m in summary.members
            if m.called_cents or m.paid_cents or m.unapplied_cents
        ]
        total = [
            "Total",
            money(summary.called_cents),
            money(summary.paid_cents),
            money(summary.outstanding_cents),
            money(summary.unapplied_cents),
        ]
        lines += table(["Membre", "Appelé", "Réglé", "Reste dû", "Non affecté"], rows, total)
    else:
        lines.append(NO_DATA)

    lines += ["", "Subventions"]
    if summary.grants:
        rows = [
            [
                _cut(g.title, 40),
                _cut(g.funder_name, 32),
                g.status_label,
                money(g.voted_cents) if g.voted_cents is not None else "—",
                money(g.received_cents),
                money(g.passed_cents),
                money(g.remaining_cents),
            ]
            for g in summary.grants
        ]
        total = [
            "Total",
            "",
            "",
            money(summary.voted_cents),
            money(summary.received_cents),
            money(summary.passed_cents),
            money(summary.remaining_cents),
        ]
        headers = ["Subvention", "Financeur", "Statut", "Votée", "Reçue", "Reversée"]
        lines += table([*headers, "Reste à reverser"], rows, total, right_from=3)
        lines.append(
            "Montants cumulés de chaque subvention à ce jour ; la part gardée pour la "
            f"coordination s'élève à {money(summary.coordination_cents)}."
        )
        for g in summary.grants:  # a negative reste à reverser: said, never left to the sign
            warning = overpaid_warning(g.title, g.remaining_cents)
            if warning is not None:
                lines.append(f"Attention : {warning}")
    else:
        lines.append(NO_DATA)
    return lines
