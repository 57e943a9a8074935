"""Read model of the compte rendu financier (Cerfa 15059*02) of one grant, and its grid rules.

The document (:mod:`ptce_desktop.reports.cerfa15059`) prints :class:`CerfaReport` and nothing
else; the figures are gathered by
:func:`~ptce_desktop.documents.builders.cerfa.build_cerfa_report` (in
:mod:`~ptce_desktop.documents.builders.cerfa_build`) inside one read session. This module holds
the read model and the pure rules of the grid (no store: standard library and ``domain`` only).

**The grid.** Every row of :data:`~ptce_desktop.domain.cerfa.CHARGES_GRID` then
:data:`~ptce_desktop.domain.cerfa.PRODUITS_GRID`, in print order, with *prévision*,
*réalisation* and % (réalisation ÷ prévision, rounded half up to 0,01 %; ``None`` — printed
"—" — when the prévision is 0). Amounts are booked on their printed row (finer accounts roll
into the row named by ``ACCOUNT_LINES``, e.g. 606 into 60x, 614 into 61); then

* a group or section row = the sum of its printed rows, always: every account rolls into a
  printed sub-row where its group has sub-rows (611/612/614/617 into « Sous-traitance,
  charges locatives, autres » under 61, 69 into « Autres impôts et taxes »), so the page adds
  up as printed (:attr:`CerfaReport.groups_with_own_accounts` is empty by construction; a test
  keeps it so);
* Total des charges = charges directes + charges indirectes; Total des produits = ressources
  directes + ressources propres; 86 = 860 + 861 + 862 + 864; 87 = 870 + 871 + 875; TOTAL =
  total + 86 (resp. 87). Everything is integer cents: a total always equals the sum of its
  rows exactly.
* **Ressources propres affectées à l'action** (réalisation) = what the organisation put in
  from its own funds: Total des charges − ressources directes when the charges exceed them,
  else 0 (the prévision is the forecast's own line). **Résultat** (the balance line under the
  grid) = Total des produits − Total des charges in each column: an excédent (> 0) when the
  direct resources exceed the charges (money a funder may ask back), 0 when own resources
  covered the shortfall; a negative prévision is an insuffisance prévisionnelle.

**The %.** The research (cerfa-and-reports.md §1.3) leaves "%" open between a ratio and a gap;
we print the ratio réalisation ÷ prévision (what the secondary sources print), the gap itself
being explained in words in the annex.

**The grant's share.** "La subvention de X € représente Y % du total des produits": X is the
amount voted (the form's "montant attribué"), Y = X ÷ réalisation of Total des produits
(contributions in kind excluded), rounded half up to 0,01 %; ``None`` when either is missing
or the total is 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ptce_desktop.domain.cerfa import CHARGES_GRID, PRODUITS_GRID, CerfaLine, Level

__all__ = [
    "BALANCE_CODE",
    "OWN_RESOURCES_CODE",
    "CerfaEvent",
    "CerfaGrant",
    "CerfaGrantOfAction",
    "CerfaGrid",
    "CerfaMethod",
    "CerfaOverhead",
    "CerfaPeriod",
    "CerfaPole",
    "CerfaReport",
    "CerfaRow",
    "CerfaSheet",
    "CerfaSignatory",
    "CerfaTexts",
    "CerfaTotals",
    "CerfaUnclassified",
    "assemble_grid",
    "day_count",
    "grid_rows",
    "own_resources_cents",
    "prorate",
    "ratio_bp",
    "round_half_up",
]

# Why an overhead key gives nothing (``CerfaOverhead.problem``; the annex words each one).
NO_PROJECT = "no_project"
NO_PERIOD = "no_period"
NO_UNITS = "no_units"

TOTAL_PARTS: dict[str, tuple[str, ...]] = {
    "total_charges": ("charges_directes", "charges_indirectes"),
    "total_general_charges": ("total_charges", "86"),
    "total_produits": ("ressources_directes", "ressources_propres"),
    "total_general_produits": ("total_produits", "87"),
}
"""What each total row adds up (the other rows add up their own children)."""


def round_half_up(value: Fraction) -> int:
    """``value`` rounded to the nearest integer, halves away from zero (2,5 → 3; -2,5 → -3)."""
    magnitude = abs(value)
    rounded = (2 * magnitude.numerator + magnitude.denominator) // (2 * magnitude.denominator)
    return -rounded if value < 0 else rounded


def day_count(start: dt.date, end: dt.date) -> int:
    """Days from ``start`` to ``end``, both included (0 when ``end`` is before ``start``)."""
    return max(0, (end - start).days + 1)


def prorate(cents: int, span: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date]) -> int:
    """The part of ``cents`` spread evenly over the days of ``span`` that falls in ``window``.

    Rounded by cumulative rounding: the amount of days 1..k is rounded half up, and a window's
    part is the difference of two such roundings, so the parts of consecutive windows (the
    fiscal years of a two-year grant) add up exactly to the amount. A span of one day or less
    counts whole when that day is in the window.
    """
    total = day_count(*span)
    if total == 0:
        return cents if window[0] <= span[0] <= window[1] else 0
    first = max(span[0], window[0])
    last = min(span[1], window[1])
    if last < first:
        return 0

    def upto(days: int) -> int:
        return round_half_up(Fraction(cents * days, total))

    before = day_count(span[0], first - dt.timedelta(days=1))
    return upto(before + day_count(first, last)) - upto(before)


def ratio_bp(numerator_cents: int, denominator_cents: int) -> int | None:
    """``numerator ÷ denominator`` in basis points (half up), ``None`` when the base is 0."""
    if denominator_cents == 0:
        return None
    return round_half_up(Fraction(numerator_cents * 10_000, denominator_cents))


# --- the read model -------------------------------------------------------------------------


@dataclass(frozen=True)
class CerfaRow:
    """One printed row of the grid with its two amounts (cents).

    ``level``: "section" (header of a block), "group" (shaded account group), "line"
    (sub-row) or "total". ``group``: shaded. ``parent``: the group or section above it.
    """

    code: str
    label: str
    level: Level
    group: bool
    parent: str | None
    in_kind: bool
    forecast_cents: int
    actual_cents: int

    @property
    def ratio_bp(self) -> int | None:
        """Réalisation ÷ prévision in basis points; ``None`` ("—") when the prévision is 0."""
        return ratio_bp(self.actual_cents, self.forecast_cents)

    @property
    def is_balance(self) -> bool:
        """The balance line (Résultat), printed under the produits block."""
        return self.code == BALANCE_CODE

    @property
    def is_sub_row(self) -> bool:
        """A row printed under a group or a section (hidden in "group rows only" mode)."""
        return self.level == "line" and self.parent is not None


BALANCE_CODE = "resultat"
OWN_RESOURCES_CODE = "ressources_propres"
BALANCE_LABEL = "Résultat : excédent (+) ou insuffisance (−)"


@dataclass(frozen=True)
class CerfaPeriod:
    """The period reported on: the grant's, or its part inside one fiscal year (``--year``).

    ``year_label`` names that fiscal year (``None`` for the whole grant period);
    ``valid_years`` are the fiscal years the grant period touches (labels).
    """

    start: dt.date
    end: dt.date
    grant_start: dt.date
    grant_end: dt.date
    year_label: str | None
    valid_years: tuple[str, ...]

    @property
    def days(self) -> int:
        return day_count(self.start, self.end)

    @property
    def grant_days(self) -> int:
        return day_count(self.grant_start, self.grant_end)

    @property
    def whole_grant(self) -> bool:
        return (self.start, self.end) == (self.grant_start, self.grant_end)


@dataclass(frozen=True)
class CerfaUnclassified:
    """A cost of the period without a Cerfa line: listed before building, never filed silently.

    ``proposed_code`` is the account proposed from its service's category (``None`` when no
    word matches); ``amount_cents`` is the part of the period, on the report's basis.
    """

    cost_id: int
    period_start: dt.date
    label: str
    service_name: str
    amount_cents: int
    proposed_code: str | None
    proposed_label: str | None


@dataclass(frozen=True)
class CerfaTotals:
    """The total rows of the grid (the same objects as in the row tuples)."""

    charges: CerfaRow
    produits: CerfaRow
    in_kind_charges: CerfaRow  # 86
    in_kind_produits: CerfaRow  # 87
    general_charges: CerfaRow  # TOTAL = total des charges + 86
    general_produits: CerfaRow  # TOTAL = total des produits + 87


@dataclass(frozen=True)
class CerfaPole:
    """The organisation that reports (the pole's carrying structure)."""

    name: str
    siret: str | None
    rna: str | None
    address: str | None
    email: str | None
    phone: str | None
    #: The town of « Fait à … » under the attestation.
    city: str | None = None


@dataclass(frozen=True)
class CerfaGrant:
    """The grant reported on."""

    id: int
    title: str
    funder_name: str
    funder_type: str
    funder_type_label: str
    project_name: str | None
    status_label: str
    decision_ref: str | None
    decision_date: dt.date | None
    convention_ref: str | None
    convention_date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    exercise_label: str | None
    #: Start years of the fiscal years the period touches (empty without a period).
    exercise_years: tuple[int, ...]
    requested_cents: int | None
    voted_cents: int | None
    received_cents: int


@dataclass(frozen=True)
class CerfaOverhead:
    """The grant's overhead rule (charges indirectes) and how its réalisation was computed.

    ``method``: "none", "flat_rate" (``rate_bp`` × ``base_cents``, the action's direct costs)
    or "key" (``base_cents`` = the pole's overhead costs, i.e. its costs without a project in
    the period, × the action's weight in the key: ``action_weight`` / ``total_weight``, the
    key's units of the members taking part in the action over the units of all members, as
    the cost-sharing engine weighs them for the grant's period). ``problem``: why the key could
    not be applied (printed in the annex; the amount is then 0).
    """

    method: str
    rate_bp: int | None
    key_name: str | None
    key_unit: str | None
    key_method: str | None
    base_cents: int
    action_weight: Fraction
    total_weight: Fraction
    action_members: tuple[str, ...]
    amount_cents: int
    note: str | None
    problem: str | None

    @property
    def weight_bp(self) -> int | None:
        """The action's weight in the key in basis points (half up); ``None`` without units."""
        if self.total_weight == 0:
            return None
        return round_half_up(self.action_weight * 10_000 / self.total_weight)


@dataclass(frozen=True)
class CerfaTexts:
    """The free texts of the report (``None`` when empty: printed "Aucune donnée")."""

    bilan_qualitatif: str | None = None
    beneficiaires: str | None = None
    dates_lieux: str | None = None
    ecarts: str | None = None
    cvn_note: str | None = None
    remarques: str | None = None


@dataclass(frozen=True)
class CerfaSheet:
    """Feuillet 1 beyond the free texts: objectives and indicators (indicator, expected,
    achieved), beneficiaries (number, and by public), dates and places apart. Empty: not
    filled in (the section is pre-filled from the events, or left out)."""

    objectives: str | None = None
    indicators: tuple[tuple[str, str, str], ...] = ()
    beneficiaries_count: int | None = None
    publics: tuple[tuple[str, int], ...] = ()
    action_dates: str | None = None
    action_places: str | None = None


@dataclass(frozen=True)
class CerfaEvent:
    """An event of the action in the report period (feuillet 1 is pre-filled from them when the
    grant's own texts are empty: dates, places, participants)."""

    date: dt.date
    title: str
    place: str | None
    participants: int | None


@dataclass(frozen=True)
class CerfaSignatory:
    """Who signs the attestation: the pole's legal representative."""

    name: str | None
    title: str | None
    organisation: str


@dataclass(frozen=True)
class CerfaGrantOfAction:
    """A grant counted under 74: réalisation = ``attributed_cents``, its voted amount for the
    report period (pro rata of days of its own period); ``received_cents`` is all the money
    received so far (printed in the annex only)."""

    title: str
    funder_name: str
    funder_type_label: str
    row_label: str  # the sub-row of 74 it is counted on
    voted_cents: int | None
    received_cents: int
    attributed_cents: int = 0


@dataclass(frozen=True)
class CerfaMethod:
    """Where the réalisation comes from (printed in the annex, so a reader can check it).

    ``project_name``: the action is that project (``None``: the pole's operation).
    ``uncoded_costs_cents``: costs without a Cerfa line printed on 62x because the user
    allowed it (listed in :attr:`CerfaReport.unclassified`). ``calls_cents``: the members'
    calls for shared services of the period (pole's operation only, under 70).
    """

    project_name: str | None
    period_known: bool
    cost_count: int
    uncoded_costs_cents: int
    redistributed_cents: int
    grants: tuple[CerfaGrantOfAction, ...]
    fee_years: tuple[str, ...]
    fees_cents: int
    calls_cents: int
    in_kind_count: int
    vat_registered: bool = False


@dataclass(frozen=True)
class CerfaReport:
    """Everything the Cerfa 15059*02 of one grant prints."""

    pole: CerfaPole
    grant: CerfaGrant
    charges: tuple[CerfaRow, ...]  # charges directes, indirectes, Total des charges
    produits: tuple[CerfaRow, ...]  # ressources, ressources propres, Total des produits
    in_kind_charges: tuple[CerfaRow, ...]  # 86, 860–864, TOTAL
    in_kind_produits: tuple[CerfaRow, ...]  # 87, 870–875, TOTAL
    totals: CerfaTotals
    grant_share_bp: int | None
    groups_with_own_accounts: tuple[str, ...]
    overhead: CerfaOverhead
    texts: CerfaTexts
    signatory: CerfaSignatory
    method: CerfaMethod
    logo_path: str | None = None
    #: Total des produits − Total des charges (the balance line; see the module docstring).
    balance: CerfaRow | None = None
    #: The period reported on (``None`` for a grant without both period dates).
    period: CerfaPeriod | None = None
    #: The grant is not voted (requested or refused): a draft, watermarked, never sent.
    draft: bool = False
    #: Costs of the period without a Cerfa line (see :class:`CerfaUnclassified`).
    unclassified: tuple[CerfaUnclassified, ...] = ()
    #: The grant's voted amount for the report period (pro rata of days; ``None``: not voted).
    attributed_cents: int | None = None
    #: Events of the action in the period, by date (feuillet 1's pre-fill).
    events: tuple[CerfaEvent, ...] = ()
    #: Feuillet 1's structured parts (objectives, indicators, beneficiaries, dates, places).
    sheet: CerfaSheet = CerfaSheet()

    @property
    def grant_amount_cents(self) -> int | None:
        """The amount of the grant sentence under the grid: the amount voted for the report
        period (all of it when the report covers the grant's whole period)."""
        if self.attributed_cents is not None:
            return self.attributed_cents
        return self.grant.voted_cents


# --- the grid, pure -------------------------------------------------------------------------


def _amounts(
    lines: tuple[CerfaLine, ...], own: Mapping[str, int]
) -> tuple[dict[str, int], set[str]]:
    """Every row's amount from the amounts booked on printed rows (``own``)."""
    values: dict[str, int] = {}
    for line in reversed(lines):  # children come after their parent: add them up first
        if line.level == "total":
            continue
        kids = [child for child in lines if child.parent == line.code]
        values[line.code] = own.get(line.code, 0) + sum(values[kid.code] for kid in kids)
    for line in lines:
        if line.level == "total":
            values[line.code] = sum(values[part] for part in TOTAL_PARTS[line.code])
    with_own = {
        line.code
        for line in lines
        if line.group and own.get(line.code, 0) and any(c.parent == line.code for c in lines)
    }
    return values, with_own


def grid_rows(
    forecast: Mapping[str, int],
    actual: Mapping[str, int],
    labels: Mapping[str, str] | None = None,
) -> tuple[tuple[CerfaRow, ...], tuple[CerfaRow, ...], tuple[str, ...]]:
    """The charges and produits rows from amounts booked on printed rows (code -> cents).

    Codes must be printed rows (use ``cerfa_line(code).target`` first). ``labels`` replaces
    the printed label of some rows (the funders named on the sub-rows of 74). Returns the
    charges rows, the produits rows (each block with its in-kind rows, in print order), and
    the group codes that carry amounts of their own besides their sub-rows.
    """
    blocks: list[tuple[CerfaRow, ...]] = []
    own_groups: set[str] = set()
    labels = labels or {}
    for lines in (CHARGES_GRID, PRODUITS_GRID):
        planned, planned_own = _amounts(lines, forecast)
        done, done_own = _amounts(lines, actual)
        own_groups |= planned_own | done_own
        blocks.append(
            tuple(
                CerfaRow(
                    code=line.code,
                    label=labels.get(line.code, line.label_fr),
                    level=line.level,
                    group=line.group,
                    parent=line.parent,
                    in_kind=line.in_kind,
                    forecast_cents=planned[line.code],
                    actual_cents=done[line.code],
                )
                for line in lines
            )
        )
    order = [line.code for line in CHARGES_GRID + PRODUITS_GRID]
    return blocks[0], blocks[1], tuple(sorted(own_groups, key=order.index))


_GRAND_TOTALS = frozenset({"total_general_charges", "total_general_produits"})


def _split_block(rows: tuple[CerfaRow, ...]) -> tuple[tuple[CerfaRow, ...], tuple[CerfaRow, ...]]:
    """(rows up to the total, in-kind block with the grand total)."""
    main = tuple(row for row in rows if not row.in_kind and row.code not in _GRAND_TOTALS)
    rest = tuple(row for row in rows if row.in_kind or row.code in _GRAND_TOTALS)
    return main, rest


@dataclass(frozen=True)
class CerfaGrid:
    """The four blocks of the grid, its totals, the balance line and the own-groups."""

    charges: tuple[CerfaRow, ...]
    produits: tuple[CerfaRow, ...]
    in_kind_charges: tuple[CerfaRow, ...]
    in_kind_produits: tuple[CerfaRow, ...]
    totals: CerfaTotals
    groups_with_own_accounts: tuple[str, ...]
    balance: CerfaRow


def own_resources_cents(actual: Mapping[str, int]) -> int:
    """Ressources propres affectées à l'action: the charges the direct resources leave
    uncovered (0 when they cover them). ``actual`` is booked on printed rows, without
    ressources propres."""
    booked = {code: cents for code, cents in actual.items() if code != OWN_RESOURCES_CODE}
    charges, produits, _ = grid_rows({}, booked)
    by_code = {row.code: row.actual_cents for row in charges + produits}
    return max(0, by_code["total_charges"] - by_code["ressources_directes"])


def assemble_grid(
    forecast: Mapping[str, int],
    actual: Mapping[str, int],
    *,
    labels: Mapping[str, str] | None = None,
    own_resources: bool = True,
) -> CerfaGrid:
    """The grid from amounts booked on printed rows.

    ``own_resources``: compute the réalisation of « Ressources propres affectées à l'action »
    (:func:`own_resources_cents`, replacing any amount booked on it); the prévision is
    always the forecast's.
    """
    done = dict(actual)
    if own_resources:
        done[OWN_RESOURCES_CODE] = own_resources_cents(done)
    charges_rows, produits_rows, own = grid_rows(forecast, done, labels)
    charges, in_kind_charges = _split_block(charges_rows)
    produits, in_kind_produits = _split_block(produits_rows)
    by_code = {row.code: row for row in charges_rows + produits_rows}
    totals = CerfaTotals(
        charges=by_code["total_charges"],
        produits=by_code["total_produits"],
        in_kind_charges=by_code["86"],
        in_kind_produits=by_code["87"],
        general_charges=by_code["total_general_charges"],
        general_produits=by_code["total_general_produits"],
    )
    balance = CerfaRow(
        code=BALANCE_CODE,
        label=BALANCE_LABEL,
        level="total",
        group=False,
        parent=None,
        in_kind=False,
        forecast_cents=totals.produits.forecast_cents - totals.charges.forecast_cents,
        actual_cents=totals.produits.actual_cents - totals.charges.actual_cents,
    )
    return CerfaGrid(charges, produits, in_kind_charges, in_kind_produits, totals, own, balance)
