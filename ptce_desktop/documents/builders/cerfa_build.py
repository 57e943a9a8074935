"""Gathers the figures of a grant's Cerfa 15059 (read model in :mod:`ptce_desktop.documents.cerfa`).

One read session; the amounts are those the services compute: the cost basis rule of
:mod:`.shares`, the in-kind rows of :mod:`.in_kind`, the fees of :mod:`.fees`, the received
totals of :mod:`.redistributions`, the allocation engine for an overhead key.

**The action** (decision, DESIGN §6): the grant's project over the grant's period.

* Prévision: the grant's forecast budget lines, each on the printed row its code rolls into.
* Charges directes: the costs of the project whose period *starts* inside the grant's period
  (the rule the costs service uses for fiscal years), at the amount the pole bears (TTC or HT,
  :mod:`.cerfa_costs`). A cost without a Cerfa code (or with a code the grid does
  not know) is printed on 62x "Services bancaires, autres" and reported in the annex.
  **A grant without a project** funds the pole's general activity: its action is then the
  costs *without* a project in the period.
* 65 (657 subventions versées): what the grants of the action (the same grants as under 74)
  passed on to members, whatever the date.
* Charges indirectes: the grant's overhead rule (:mod:`.cerfa_costs`). A flat rate
  applies to the direct costs above, redistributions excluded (money passed on is not a cost
  of running the action; the member bears its own overheads).
* 74: the grants of the action — the grant itself, and the grants of the same project (or
  also without one) whose period overlaps the grant's (:func:`~.grant_views.grant_in_year`),
  refused ones excluded — by funder type (``FUNDER_TYPE_TO_CERFA``), at the amount
  **received** so far, all instalments (réalisation is money in; the balance is often paid
  after the report: the annex lists each grant with its voted amount, and the grant sentence
  uses the amount voted). The prévision of 74 is the forecast budget's, as for every row.
* 75 "Dont cotisations…": the fees due (:meth:`~.fees.FeeService.fees_due`) for every fiscal
  year the period touches. 70: the members' payments received in the period (payments settle
  the calls for shared services; taken as recorded, VAT included where there is any).
* 86/87: in-kind contributions linked to the grant; or dated in the period, of the same
  project (none for a grant without project), not linked to a grant outside the action. Their
  row comes from their kind (:func:`~.in_kind.cerfa_code_for`, by nature: never by a typed 87x
  number, since 870/875 differ between the Cerfa and the 2018 chart of accounts).

A grant without both period dates has no dated figures: only what is linked to it directly
(forecast, its instalments and redistributions, its in-kind contributions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from ptce_desktop.documents.builders.cerfa_costs import (
    UNCODED_ROW,
    Period,
    borne_cents,
    direct_row,
    overhead,
    period_costs,
    same_project,
    target_row,
)
from ptce_desktop.documents.builders.redistribution import logo_path
from ptce_desktop.documents.cerfa import (
    CerfaGrant,
    CerfaGrantOfAction,
    CerfaMethod,
    CerfaPole,
    CerfaReport,
    CerfaSignatory,
    CerfaTexts,
    assemble_grid,
    ratio_bp,
)
from ptce_desktop.domain.categories import GrantStatus
from ptce_desktop.domain.cerfa import (
    FUNDER_TYPE_TO_CERFA,
    MEMBERSHIP_FEES_ROW,
    REDISTRIBUTION_ROW,
    SHARED_SERVICE_INCOME_ROW,
    cerfa_line,
)
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.identifiers import format_siret
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.services.common import fiscal_year_for, get_or_error, pole_row
from ptce_desktop.services.costs.shares import pole_vat_registered
from ptce_desktop.services.grants.in_kind import CHARGE_TO_RESOURCE, cerfa_code_for
from ptce_desktop.services.grants.redistributions import received_cents
from ptce_desktop.services.grants.views import grant_in_year
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.store.models import Funder, Grant, InKindContribution, Payment, Pole
from ptce_desktop.store.models import Redistribution as RedistributionRow
from ptce_desktop.store.unit_of_work import UnitOfWork


def build_report(uow: UnitOfWork, grant_id: int) -> CerfaReport:
    """The read model of grant ``grant_id`` (see the module docstring for every rule)."""
    with uow.read() as session:
        grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
        period: Period | None = None
        if grant.period_start is not None and grant.period_end is not None:
            period = (grant.period_start, grant.period_end)
        forecast: dict[str, int] = defaultdict(int)
        for line in grant.budget_lines:
            target = target_row(line.cerfa_code)
            if target is not None:
                forecast[target] += line.amount_cents
        actual: dict[str, int] = defaultdict(int)

        vat_registered = pole_vat_registered(session)
        costs = period_costs(session, grant.project_id, period)
        uncoded = 0
        for cost, service in costs:
            amount = borne_cents(cost, service, vat_registered)
            target = direct_row(cost.cerfa_code)
            if target is None:
                target, uncoded = UNCODED_ROW, uncoded + amount
            actual[target] += amount
        rule, overhead_rows = overhead(session, grant, period, sum(actual.values()), vat_registered)
        for code, cents in overhead_rows:
            actual[code] += cents

        grants = _action_grants(session, grant, period)
        grant_ids = [row.id for row, _ in grants]
        redistributed = _redistributed(session, grant_ids)
        actual[REDISTRIBUTION_ROW] += redistributed
        of_action = []
        for row, funder in grants:
            got = received_cents(session, row.id)
            code = FUNDER_TYPE_TO_CERFA[funder.type]
            actual[code] += got
            of_action.append(
                CerfaGrantOfAction(
                    row.title,
                    funder.name,
                    funder.type.label(),
                    cerfa_line(code).label_fr,
                    row.amount_voted_cents,
                    got,
                )
            )
        years = _years(session, period)
        fees = sum(FeeService(uow).fees_due(year.start_year).total_cents for year in years)
        actual[MEMBERSHIP_FEES_ROW] += fees
        payments = _payments(session, period)
        actual[SHARED_SERVICE_INCOME_ROW] += payments
        in_kind = _in_kind(session, grant, period, grant_ids)
        for charge_code, cents in in_kind:
            actual[charge_code] += cents
            actual[CHARGE_TO_RESOURCE[charge_code]] += cents

        charges, produits, kind_charges, kind_produits, totals, own = assemble_grid(
            forecast, actual
        )
        voted = grant.amount_voted_cents
        pole = pole_row(session)
        return CerfaReport(
            pole=_pole(pole),
            grant=_grant(grant, years, received_cents(session, grant.id)),
            charges=charges,
            produits=produits,
            in_kind_charges=kind_charges,
            in_kind_produits=kind_produits,
            totals=totals,
            grant_share_bp=ratio_bp(voted, totals.produits.actual_cents) if voted else None,
            groups_with_own_accounts=own,
            overhead=rule,
            texts=CerfaTexts(
                **{
                    field.name: _text(getattr(grant.report_text, field.name, None))
                    for field in fields(CerfaTexts)
                }
            ),
            signatory=CerfaSignatory(
                name=_text(pole.legal_rep_name) if pole else None,
                title=_text(pole.legal_rep_title) if pole else None,
                organisation=pole.name if pole else "",
            ),
            method=CerfaMethod(
                project_name=grant.project.name if grant.project else None,
                period_known=period is not None,
                cost_count=len(costs),
                uncoded_costs_cents=uncoded,
                redistributed_cents=redistributed,
                grants=tuple(of_action),
                fee_years=tuple(year.label for year in years),
                fees_cents=fees,
                payments_cents=payments,
                in_kind_count=len(in_kind),
            ),
            logo_path=logo_path(uow, session),
        )


# --- identification -------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _pole(pole: Pole | None) -> CerfaPole:
    if pole is None:
        return CerfaPole("", None, None, None, None, None)
    place = " ".join(part for part in (pole.postcode, pole.city) if part)
    address = ", ".join(part for part in (pole.address, place) if part) or None
    siret = format_siret(pole.siret) if pole.siret else None
    return CerfaPole(pole.name, siret, pole.rna, address, pole.email, pole.phone)


def _grant(grant: Grant, years: Sequence[FiscalYear], received: int) -> CerfaGrant:
    labels = [year.label for year in years]
    exercise = None
    if labels:
        exercise = labels[0] if len(labels) == 1 else f"{labels[0]} à {labels[-1]}"
    return CerfaGrant(
        id=grant.id,
        title=grant.title,
        funder_name=grant.funder.name,
        funder_type=grant.funder.type,
        funder_type_label=grant.funder.type.label(),
        project_name=grant.project.name if grant.project else None,
        status_label=grant.status.label(),
        decision_ref=grant.decision_ref,
        decision_date=grant.decision_date,
        convention_ref=grant.convention_ref,
        convention_date=grant.convention_date,
        period_start=grant.period_start,
        period_end=grant.period_end,
        exercise_label=exercise,
        exercise_years=tuple(year.start_year for year in years),
        requested_cents=grant.amount_requested_cents,
        voted_cents=grant.amount_voted_cents,
        received_cents=received,
    )


# --- produits and redistributions -----------------------------------------------------------


def _action_grants(
    session: Session, grant: Grant, period: Period | None
) -> list[tuple[Grant, Funder]]:
    """The grant itself, and the grants of the same project whose period overlaps its own."""
    wanted: ColumnElement[bool] = Grant.id == grant.id
    if period is not None:
        wanted = or_(
            wanted,
            and_(
                same_project(Grant.project_id, grant.project_id),
                Grant.status != GrantStatus.REFUSEE,
                grant_in_year(*period),
            ),
        )
    rows = session.execute(
        select(Grant, Funder)
        .join(Funder, Funder.id == Grant.funder_id)
        .where(wanted)
        .order_by(func.lower(Funder.name), func.lower(Grant.title), Grant.id)
    )
    return [(row, funder) for row, funder in rows]


def _redistributed(session: Session, grant_ids: list[int]) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(RedistributionRow.amount_cents), 0)).where(
            RedistributionRow.grant_id.in_(grant_ids)
        )
    )
    return int(total or 0)


def _years(session: Session, period: Period | None) -> list[FiscalYear]:
    """The fiscal years the period touches."""
    if period is None:
        return []
    first, last = fiscal_year_for(session, period[0]), fiscal_year_for(session, period[1])
    years = [first]
    while years[-1] < last:
        years.append(years[-1].next())
    return years


def _payments(session: Session, period: Period | None) -> int:
    if period is None:
        return 0
    total = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
            Payment.date.between(*period)
        )
    )
    return int(total or 0)


# --- in kind --------------------------------------------------------------------------------


def _in_kind(
    session: Session, grant: Grant, period: Period | None, grant_ids: list[int]
) -> list[tuple[str, int]]:
    """(86x row, cents) of each in-kind contribution of the action."""
    linked: ColumnElement[bool] = InKindContribution.grant_id == grant.id
    if period is not None:
        linked = or_(
            linked,
            and_(
                or_(
                    InKindContribution.grant_id.is_(None),
                    InKindContribution.grant_id.in_(grant_ids),
                ),
                same_project(InKindContribution.project_id, grant.project_id),
                InKindContribution.date.between(*period),
            ),
        )
    rows = session.execute(
        select(
            InKindContribution.kind,
            InKindContribution.cerfa_code,
            InKindContribution.label,
            InKindContribution.amount_cents,
        )
        .where(linked)
        .order_by(InKindContribution.date, InKindContribution.id)
    )
    return [(_in_kind_row(kind, code, label), cents) for kind, code, label, cents in rows]


# Label words -> 86x row, for a contribution of kind "autre" stored without a valid row
# (the in_kind service requires one; older or imported data may lack it). First match wins.
_LABEL_ROWS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("bénévol", "benevol"), "864"),
    (("mise à disposition", "mise a disposition", " prêt ", " locaux ", " local "), "861"),
    ((" don ", " dons ", "don en nature"), "860"),
)


def _in_kind_row(kind: str, code: str | None, label: str) -> str:
    """The 86x row: the stored one, else the kind's (in_kind service), else by label
    (862 "Prestations" when nothing matches)."""
    if code is not None and code in CHARGE_TO_RESOURCE:
        return code
    try:
        return cerfa_code_for(kind, None)
    except PtceError:
        pass
    words = f" {' '.join(label.casefold().split())} "
    for needles, row in _LABEL_ROWS:
        if any(needle in words for needle in needles):
            return row
    return "862"
