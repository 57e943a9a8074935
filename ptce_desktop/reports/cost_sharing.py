"""The "Rapport de répartition des charges" PDF (one fiscal year; one service or all).

Built only from :class:`~ptce_desktop.documents.cost_sharing.CostSharingData`. For
each service: its VAT regime and the amount that is split, its key with the versions in force
during the year (each member's units and part), each member's share per quarter with a totals
row, and the reconciliation of the shares with the costs (difference 0,00 € per quarter and for
the year). The year's exceptional lines follow in a section of their own, each with its key
(the version in force on its date), its split and its reconciliation, since they are not costs
of a service. A closing table sums up every service, then adds the exceptional lines so that
the year's total shared out reads on the page.

Orientation: portrait A4, unless the largest amount of a quarter table would not fit its
column on one line (from about 1 000 000 €), then landscape — decided from the data, so the
output stays reproducible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ptce_desktop.documents.cost_sharing import (
    CostSharingData,
    ExceptionalSharing,
    KeyBlock,
    KeyUnitsRow,
    KeyVersionBlock,
    ServiceSharing,
)
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.money import NBSP, format_percent, format_units
from ptce_desktop.domain.percentages import share_percent_bp
from ptce_desktop.domain.vat import SplitBasis, VatRegime
from ptce_desktop.reports.base import Target, build_pdf, guillemets, money_text
from ptce_desktop.reports.flowables import (
    date_text,
    empty_note,
    heading,
    key_figures,
    key_value_table,
    money_cell,
    para,
    right,
    spacer,
    title_block,
)
from ptce_desktop.reports.styles import (
    CONTENT_WIDTH,
    CONTENT_WIDTH_LANDSCAPE,
    TABLE_SIZE,
    get_styles,
)
from ptce_desktop.reports.tables import PADDING_H, CellValue, data_table

__all__ = ["build_cost_sharing_report"]

TITLE = "Rapport de répartition des charges"
METHOD_LABELS: dict[Method, str] = {
    Method.EQUAL: "parts égales",
    Method.UNITS: "unités par membre",
    Method.USAGE: "utilisation enregistrée",
    Method.PERCENT: "pourcentages fixes",
    Method.MIXED: "clé mixte",
}
NO_COSTS = "Aucune donnée : aucune charge sur l'exercice pour ce service."
NO_SERVICES = "Aucune donnée : aucun service mutualisé actif ni aucune charge sur l'exercice."
NO_VERSION = "Aucune donnée : aucune version de la clé en vigueur sur l'exercice."
NO_UNITS = "Aucune donnée : aucun membre ne participe à cette clé."
INTRO = (
    "Chaque charge d'un service mutualisé est répartie entre les membres au centime près, selon "
    "la version de la clé de répartition en vigueur au premier jour de la période qu'elle "
    "couvre ; elle est comptée dans le trimestre où commence cette période. La somme des "
    "quotes-parts est égale au montant des charges, trimestre par trimestre (CGI, art. 261 B : "
    "chaque membre supporte exactement sa part des dépenses communes)."
)
#: Relative widths of the quarter tables: label, T1–T4, total.
QUARTER_COLUMNS = (2.6, 1.45, 1.45, 1.45, 1.45, 1.6)
PRORATA_NOTE = (
    "« × n/N j » : le membre n'est présent que n des N jours de la période ; son poids est "
    "proratisé (unités × n / N) et sa part de la clé en "
    "tient compte. Une clé d'utilisation n'est pas proratisée : l'utilisation est prise telle "
    "qu'enregistrée."
)
NO_BUDGET = "aucun budget saisi"
#: Width of a service's column in the member × service table (its name wraps on words).
MATRIX_COLUMN = 84.0
EXCEPTIONAL_TITLE = "Lignes exceptionnelles"
EXCEPTIONAL_INTRO = (
    "Montants exceptionnels (travaux, achat ponctuel) répartis une seule fois par leur clé, "
    "selon la version en vigueur à leur date, et appelés une seule fois. Ils ne sont pas des "
    "charges des services ci-dessus : la facture correspondante, saisie comme charge, est "
    "réglée par la régularisation de fin d'exercice, qui déduit ce qui a déjà été appelé."
)
NOT_CALLED = "à appeler (répartition de l'appel à venir)"


def _calls_text(line: ExceptionalSharing) -> tuple[str, str]:
    """The "Appel" row of an exceptional line: each member's share is called on its own call,
    so one number stands for the line only when one call carries it."""
    numbers = sorted({row.call_number for row in line.members if row.call_number})
    if not numbers:
        return ("Appel", line.call_number or NOT_CALLED)
    if len(numbers) == 1:
        return ("Appel", numbers[0])
    return ("Appels", f"{len(numbers)} appels, un par membre (colonne {guillemets('Appel')})")


def build_cost_sharing_report(
    model: CostSharingData,
    target: Target,
    *,
    generated_on: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the cost-sharing report to ``target``; returns the number of pages."""
    landscape = _needs_landscape(model)
    doc = _Document(model, CONTENT_WIDTH_LANDSCAPE if landscape else CONTENT_WIDTH)
    subtitle = f"Exercice {model.year_label}"
    if model.service_name is not None:
        subtitle += f" — service « {model.service_name} »"
    return build_pdf(
        target,
        title=f"{TITLE} — {model.year_label}",
        subject=subtitle,
        pole_name=model.pole_name,
        story=doc.story(subtitle),
        logo_path=model.logo_path,
        generated_on=generated_on,
        landscape=landscape,
        progress=progress,
    )


def _needs_landscape(model: CostSharingData) -> bool:
    amounts = [model.costs_cents, model.shared_cents]
    for service in model.services:
        amounts += [*service.costs_quarters, service.costs_cents, service.shared_cents]
        amounts += [c for row in service.members for c in (*row.quarters, row.total_cents)]
    font = get_styles().fonts.bold
    widest: float = max(stringWidth(money_text(c), font, TABLE_SIZE) for c in amounts)
    column = CONTENT_WIDTH * QUARTER_COLUMNS[1] / sum(QUARTER_COLUMNS) - 2 * PADDING_H - 0.5
    return widest > column


def _days_text(method: Method, row: KeyUnitsRow) -> str:
    """`` × 273/365 j`` for a member present part of the days (its weight is prorated; usage
    is taken as recorded)."""
    if method is Method.USAGE or not row.prorated:
        return ""
    return f" × {row.days_present}/{row.period_days}{NBSP}j"


def _budget_text(service: ServiceSharing) -> str:
    if service.budget_cents is None:
        return f"{NO_BUDGET} — charges réelles {money_text(service.costs_cents)}"
    gap = service.budget_gap_cents or 0
    text = (
        f"{money_text(service.budget_cents)} — charges réelles {money_text(service.costs_cents)}"
        f" ({_basis_label(service.basis)}), écart {money_text(gap)}"
    )
    if service.budget_cents > 0:
        text += f", réalisé {format_percent(_ratio_bp(service.costs_cents, service.budget_cents))}"
    return text


def _ratio_bp(part: int, whole: int) -> int:
    """part / whole in basis points, half up (whole > 0)."""
    return share_percent_bp(Fraction(part, whole)) if part >= 0 else 0


def _basis_label(basis: SplitBasis) -> str:
    return "TTC" if basis is SplitBasis.TTC else "HT"


def _units_header(method: Method, unit: str) -> str:
    if method is Method.PERCENT:
        return "Pourcentage fixé"
    if method is Method.EQUAL:
        return "Parts"
    label = "Utilisation" if method is Method.USAGE else "Unités"
    return f"{label} ({unit})" if unit else label


def _units_text(method: Method, units: int) -> str:
    return format_percent(units) if method is Method.PERCENT else format_units(units)


def _total_text(method: Method, rows: Sequence[KeyUnitsRow], total: int, weight: Fraction) -> str:
    """The units' total, and when a member is prorated the weighted total the percentages
    divide by (« 24,2 ; pondéré 23,45 »: 1,5 × 92/184 j counts 0,75), so each part checks."""
    if method is Method.USAGE or not any(row.prorated for row in rows):
        return _units_text(method, total)
    weighted = round(weight)  # thousandths (basis points for a percent key)
    shown = "≈" + NBSP if weighted != weight else ""
    return f"{_units_text(method, total)} ; pondéré {shown}{_units_text(method, weighted)}"


def _version_caption(version: KeyVersionBlock) -> str:
    applied = f"du {date_text(version.applies_from)} au {date_text(version.applies_to)}"
    if version.valid_from is None:
        return f"Utilisation enregistrée {applied}"
    caption = f"Version du {date_text(version.valid_from)}, appliquée {applied}"
    return f"{caption} — {version.note}" if version.note else caption


def _amounts(model: CostSharingData) -> list[int]:
    """Every amount a table of the report prints (for the width of the amount columns)."""
    amounts = [model.costs_cents, model.shared_cents, model.total_cents, model.total_shared_cents]
    for line in model.exceptional:
        amounts += [line.amount_cents, *(row.cents for row in line.members)]
    totals: dict[int, int] = {}
    for service in model.services:
        amounts += [*service.costs_quarters, *service.shared_quarters]
        amounts += [service.costs_cents, service.shared_cents, service.budget_cents or 0]
        amounts.append(service.budget_gap_cents or 0)
        for row in service.members:
            amounts += [*row.quarters, row.total_cents]
            totals[row.member_id] = totals.get(row.member_id, 0) + row.total_cents
    return amounts + list(totals.values())


def _percent_cell(part: int, whole: int | None) -> CellValue:
    if not whole or whole < 0:
        return None
    return right(format_percent(_ratio_bp(part, whole)))


class _Document:
    def __init__(self, model: CostSharingData, width: float) -> None:
        self.model = model
        self.width = width
        self.styles = get_styles()
        self.quarters = [q.label.split()[0] for q in model.quarters]
        font = self.styles.fonts.bold
        widest = max(stringWidth(money_text(c), font, TABLE_SIZE) for c in _amounts(model))
        #: An amount column: the widest bold amount on one line, with its padding.
        self.amount_width = max(widest + 2 * PADDING_H + 2, 52.0)

    def _widths(self, amounts: int, amount_width: float | None = None) -> tuple[float, ...]:
        """A name column taking the spare width, then ``amounts`` amount columns."""
        each = amount_width or self.amount_width
        name = max(self.width - amounts * each, self.width * 0.25)
        return (name, *([each] * amounts))

    def story(self, subtitle: str) -> list[Flowable]:
        model = self.model
        story: list[Flowable] = title_block(TITLE, subtitle)
        story.append(para(INTRO))
        story.append(
            para(
                "Trimestres de l'exercice : "
                + " · ".join(
                    f"{q.label.split()[0]} du {date_text(q.start)} au {date_text(q.end)}"
                    for q in model.quarters
                ),
                self.styles.small,
            )
        )
        story.append(
            key_figures(
                [
                    ("Services", len(model.services)),
                    ("Charges réparties", money_text(model.costs_cents)),
                    (
                        "Quotes-parts des membres",
                        money_text(model.shared_cents),
                    ),
                    ("Écart", money_text(model.difference_cents)),
                ],
                columns=4,
                width=self.width,
            )
        )
        if not model.services:
            story.append(empty_note(NO_SERVICES))
        for service in model.services:
            story += self._service(service)
        story += self._exceptional()
        story += self._summary()
        return story

    # --- exceptional lines ----------------------------------------------------------------------

    def _exceptional(self) -> list[Flowable]:
        lines = self.model.exceptional
        if not lines:
            return []
        story: list[Flowable] = [heading(EXCEPTIONAL_TITLE), para(EXCEPTIONAL_INTRO)]
        for line in lines:
            story += self._exceptional_line(line)
        story.append(heading("Lignes exceptionnelles de l'exercice", 2))
        story += data_table(
            ("Ligne", "Clé", "Montant", "Réparti", "Écart"),
            [
                [
                    f"{date_text(line.charge_date)} — {line.label}",
                    line.key_name,
                    money_cell(line.amount_cents),
                    money_cell(line.shared_cents),
                    money_cell(line.difference_cents),
                ]
                for line in lines
            ],
            self._widths_with_key(3),
            totals_row=[
                "Total des lignes exceptionnelles",
                None,
                money_cell(self.model.exceptional_cents),
                money_cell(self.model.exceptional_shared_cents),
                money_cell(self.model.exceptional_shared_cents - self.model.exceptional_cents),
            ],
            width=self.width,
        )
        return story

    def _widths_with_key(self, amounts: int) -> tuple[float, ...]:
        a = self.amount_width
        rest = max(self.width - amounts * a, self.width * 0.4)
        return (rest * 0.6, rest * 0.4, *([a] * amounts))

    def _exceptional_line(self, line: ExceptionalSharing) -> list[Flowable]:
        key = f"{line.key_name} — {METHOD_LABELS[line.key_method]}"
        if line.key_version_from is not None:
            key += f", version du {date_text(line.key_version_from)}"
        story: list[Flowable] = [
            heading(f"{line.label} — {date_text(line.charge_date)}", 2),
            key_value_table(
                [
                    ("Service", line.service_name),
                    ("Clé de répartition", key),
                    (
                        "Montant réparti",
                        f"{money_text(line.amount_cents)} ({_basis_label(line.basis)})",
                    ),
                    _calls_text(line),
                ],
                width=self.width,
            ),
        ]
        if any(row.call_number for row in line.members):
            story += data_table(
                ("Membre", "Appel", "Quote-part"),
                [
                    [row.member_name, row.call_number or NOT_CALLED, money_cell(row.cents)]
                    for row in line.members
                ],
                self._widths_with_key(1),
                totals_row=["Total réparti", None, money_cell(line.shared_cents)],
                width=self.width,
                empty_text=NO_UNITS,
            )
        else:
            story += data_table(
                ("Membre", "Quote-part"),
                [[row.member_name, money_cell(row.cents)] for row in line.members],
                self._widths(1),
                totals_row=["Total réparti", money_cell(line.shared_cents)],
                width=self.width,
                empty_text=NO_UNITS,
            )
        story += data_table(
            ("Rapprochement", "Montant"),
            [
                [
                    f"Montant de la ligne ({_basis_label(line.basis)})",
                    money_cell(line.amount_cents),
                ],
                ["Quotes-parts réparties", money_cell(line.shared_cents)],
            ],
            self._widths(1),
            totals_row=["Écart", money_cell(line.difference_cents)],
            width=self.width,
            zebra=False,
        )
        return story

    # --- one service ----------------------------------------------------------------------------

    def _service(self, service: ServiceSharing) -> list[Flowable]:
        if service.vat_regime is VatRegime.EXEMPT_261B:
            regime = "Exonéré de TVA — article 261 B du CGI"
        else:
            regime = f"Soumis à la TVA au taux de {format_percent(service.vat_rate_bp)}"
        if service.basis is SplitBasis.TTC:
            basis = "Montant TTC (la TVA non récupérable est une charge à répartir)"
        else:
            basis = "Montant HT (la TVA est appliquée sur les appels de fonds)"
        key = service.key
        key_text = f"{key.name} — {METHOD_LABELS[key.method]}" if key else "Aucune clé"
        if key is not None and key.unit:
            key_text += f" (unité : {key.unit})"
        count = f"{service.cost_count} charge{'s' if service.cost_count > 1 else ''}"
        costs = (
            f"{count} — HT {money_text(service.costs_ht_cents)} · TVA "
            f"{money_text(service.costs_vat_cents)} · TTC {money_text(service.costs_ttc_cents)}"
        )
        story: list[Flowable] = [
            heading(service.name),
            key_value_table(
                [
                    ("Régime de TVA", regime),
                    ("Montant réparti", basis),
                    ("Clé de répartition", key_text),
                    ("Charges de l'exercice", costs),
                    ("Budget de l'exercice", _budget_text(service)),
                ],
                width=self.width,
            ),
        ]
        if key is not None:
            story += self._key(key)
            if service.prorated:
                story.append(para(PRORATA_NOTE, self.styles.small))
        story += self._shares(service)
        return story

    def _key(self, key: KeyBlock) -> list[Flowable]:
        story: list[Flowable] = [heading(f"Clé de répartition : {key.name}", 2)]
        if not key.versions:
            story.append(empty_note(NO_VERSION))
        for version in key.versions:
            story += [spacer(4), para(_version_caption(version), self.styles.cell_bold)]
            if key.method is not Method.MIXED:
                story += self._units(
                    key.method, key.unit, version.rows, version.total_units, version.total_weight
                )
                continue
            for part in version.parts:
                story.append(spacer(3))
                story.append(
                    para(
                        f"Composante « {part.key_name} » ({METHOD_LABELS[part.method]}) — "
                        f"pondération {format_percent(share_percent_bp(part.share))}",
                        self.styles.cell,
                    )
                )
                story += self._units(
                    part.method, part.unit, part.rows, part.total_units, part.total_weight
                )
        return story

    def _units(
        self,
        method: Method,
        unit: str,
        rows: Sequence[KeyUnitsRow],
        total: int,
        weight: Fraction,
    ) -> list[Flowable]:
        return data_table(
            ("Membre", _units_header(method, unit), "Part de la clé"),
            [
                [
                    row.member_name,
                    right(_units_text(method, row.units) + _days_text(method, row)),
                    right(format_percent(row.percent_bp, fixed=True)),
                ]
                for row in rows
            ],
            (4.2, 1.6, 1.4),
            totals_row=[
                "Total",
                right(_total_text(method, rows, total, weight)),
                right(format_percent(10_000, fixed=True)),
            ],
            width=self.width,
            empty_text=NO_UNITS,
        )

    def _shares(self, service: ServiceSharing) -> list[Flowable]:
        story: list[Flowable] = [heading("Quotes-parts par trimestre", 2)]
        if service.cost_count == 0 and not service.members:
            story.append(empty_note(NO_COSTS))
            return story
        story += data_table(
            ("Membre", *self.quarters, "Total"),
            [
                [row.member_name, *map(money_cell, row.quarters), money_cell(row.total_cents)]
                for row in service.members
            ],
            self._widths(5),
            totals_row=[
                "Total réparti",
                *map(money_cell, service.shared_quarters),
                money_cell(service.shared_cents),
            ],
            width=self.width,
        )
        differences = [
            shared - cost
            for shared, cost in zip(service.shared_quarters, service.costs_quarters, strict=True)
        ]
        rows: list[list[CellValue]] = [
            [
                f"Charges de l'exercice ({_basis_label(service.basis)})",
                *map(money_cell, service.costs_quarters),
                money_cell(service.costs_cents),
            ],
            [
                "Quotes-parts réparties",
                *map(money_cell, service.shared_quarters),
                money_cell(service.shared_cents),
            ],
        ]
        story.append(heading("Rapprochement avec les charges", 2))
        story += data_table(
            ("", *self.quarters, "Total"),
            rows,
            self._widths(5),
            totals_row=[
                "Écart",
                *map(money_cell, differences),
                money_cell(service.difference_cents),
            ],
            width=self.width,
            zebra=False,
        )
        return story

    # --- summary --------------------------------------------------------------------------------

    def _summary(self) -> list[Flowable]:
        model = self.model
        if not model.services:
            return []
        rows: list[list[CellValue]] = [
            [
                service.name,
                service.key.name if service.key else "—",
                _basis_label(service.basis),
                money_cell(service.costs_cents),
                money_cell(service.shared_cents),
                money_cell(service.difference_cents),
            ]
            for service in model.services
        ]
        total: list[CellValue] = [
            "Total",
            None,
            None,
            money_cell(model.costs_cents),
            money_cell(model.shared_cents),
            money_cell(model.difference_cents),
        ]
        a = self.amount_width
        name = max(self.width - 3 * a - 0.275 * self.width, self.width * 0.2)
        return [
            heading("Synthèse de l'exercice"),
            *data_table(
                ("Service", "Clé", "Base", "Charges", "Réparti", "Écart"),
                rows,
                (name, self.width * 0.2, self.width * 0.075, a, a, a),
                totals_row=total,
                width=self.width,
            ),
            *self._grand_total(),
            *self._budgets(),
            *self._matrix(),
        ]

    def _grand_total(self) -> list[Flowable]:
        """Services + exceptional lines = everything shared out (only with exceptional lines)."""
        model = self.model
        if not model.exceptional:
            return []
        return [
            heading("Total réparti de l'exercice", 2),
            *data_table(
                ("", "Montant", "Réparti", "Écart"),
                [
                    [
                        "Charges des services",
                        money_cell(model.costs_cents),
                        money_cell(model.shared_cents),
                        money_cell(model.difference_cents),
                    ],
                    [
                        EXCEPTIONAL_TITLE,
                        money_cell(model.exceptional_cents),
                        money_cell(model.exceptional_shared_cents),
                        money_cell(model.exceptional_shared_cents - model.exceptional_cents),
                    ],
                ],
                self._widths(3),
                totals_row=[
                    "Total",
                    money_cell(model.total_cents),
                    money_cell(model.total_shared_cents),
                    money_cell(model.total_shared_cents - model.total_cents),
                ],
                width=self.width,
                zebra=False,
            ),
        ]

    def _budgets(self) -> list[Flowable]:
        """Budget (what the provisional calls split) against the actual costs, per service."""
        services = self.model.services
        budgeted = [s for s in services if s.budget_cents is not None]
        budget = sum(s.budget_cents or 0 for s in budgeted)
        actual = sum(s.costs_cents for s in budgeted)
        rows: list[list[CellValue]] = [
            [
                service.name,
                money_cell(service.budget_cents) if service.budget_cents is not None else NO_BUDGET,
                money_cell(service.costs_cents),
                money_cell(service.budget_gap_cents),
                _percent_cell(service.costs_cents, service.budget_cents),
            ]
            for service in services
        ]
        return [
            heading("Budget et réalisé", 2),
            para(
                "Budget de l'exercice (appelé par les appels provisionnels) et charges réelles, "
                "dans la base de répartition de chaque service ; écart = réel − budget.",
                self.styles.small,
            ),
            *data_table(
                ("Service", "Budget", "Charges réelles", "Écart", "Réalisé"),
                rows,
                self._widths(4),
                totals_row=[
                    "Total des services budgétés",
                    money_cell(budget),
                    money_cell(actual),
                    money_cell(actual - budget),
                    _percent_cell(actual, budget),
                ],
                width=self.width,
            ),
        ]

    def _matrix(self) -> list[Flowable]:
        """Each member's shares per service and in total (services in column groups)."""
        services = [s for s in self.model.services if s.members]
        if not services:
            return []
        names: dict[int, str] = {}
        cells: dict[tuple[int, int], int] = {}
        for service in services:
            for row in service.members:
                names[row.member_id] = row.member_name
                cells[row.member_id, service.service_id] = row.total_cents
        members = sorted(names, key=lambda m: (names[m].casefold(), m))
        totals = {m: sum(c for (mm, _), c in cells.items() if mm == m) for m in members}
        column = max(self.amount_width, MATRIX_COLUMN)  # room for a service's name
        fit = max(int((self.width * 0.72) // column), 2)
        groups = [services[i : i + fit] for i in range(0, len(services), fit)]
        if len(groups[-1]) == fit:
            groups.append([])  # the members' total in a column of its own
        story: list[Flowable] = [heading("Quotes-parts par membre et par service", 2)]
        for index, group in enumerate(groups):
            last = index == len(groups) - 1
            header = [service.name for service in group] + (["Total du membre"] if last else [])
            story += data_table(
                ("Membre", *header),
                [
                    [
                        names[m],
                        *(money_cell(cells.get((m, s.service_id), 0)) for s in group),
                        *([money_cell(totals[m])] if last else []),
                    ]
                    for m in members
                ],
                self._widths(len(header), column),
                totals_row=[
                    "Total réparti",
                    *(money_cell(s.shared_cents) for s in group),
                    *([money_cell(sum(totals.values()))] if last else []),
                ],
                width=self.width,
            )
            story.append(spacer(6))
        return story
