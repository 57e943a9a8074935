"""Gathers the figures of a grant's Cerfa 15059 (read model in :mod:`ptce_desktop.documents.cerfa`).

One read session; the amounts are those the services compute: the cost basis rule
(:func:`~ptce_desktop.domain.vat.amount_to_split`), the in-kind rows of :mod:`.in_kind`,
the fees of :mod:`.fees`, the received totals of :mod:`.redistributions`, the allocation
engine for an overhead key.

**The period** (:func:`report_period`): the grant's period; with a fiscal year (``--year Y``)
the part of the grant's period inside that year. A year the grant's period does not touch is
refused (``cerfa_year_outside``, the valid years listed).

**One basis, one dating rule for charges and products** (the rules the annex prints):

* basis: the amounts the pole bears or earns, without the VAT it recovers or collects — HT
  when the pole is VAT-registered and the service taxable, TTC otherwise (the VAT is then a
  cost); products likewise: the HT of the members' calls (the VAT on a call is collected for
  the State, not earned).
* dating: accrual, as in the compte de résultat the form is drawn from (arrêté of 11 October
  2006): an amount that covers a period counts for the part of that period inside the report
  period, pro rata of days (:func:`~ptce_desktop.documents.cerfa.prorate`) — a cost by the
  period it covers, a grant by its own period, a call by its quarter (or its fiscal year), the
  fees by their fiscal year; an amount with a date only (a redistribution, an in-kind
  contribution) counts when its date is inside. Money received is not a product of the
  period: it is shown in the annex next to each grant.

**The action** (DESIGN §6): the grant's project; a grant without a project funds the pole's
operation.

* Prévision: the grant's forecast budget lines, each on the printed row its code rolls into.
* Charges directes: the costs of the project (pole's operation: the costs without a
  project) as told above. A cost without a Cerfa line is listed (:attr:`CerfaReport.
  unclassified`, a line proposed from its service's category); printed on 62x only when the
  caller allows it (the CLI's ``--allow-unclassified``), and the annex lists it.
* 65 (657 subventions versées): what the grants of the action passed on to members, dated in
  the period.
* Charges indirectes: the grant's overhead rule (:mod:`.cerfa_costs`). A flat rate applies to
  the direct costs above, redistributions excluded.
* 74: the voted grants of the action (a refused or merely requested co-funding is not a
  product) — the grant itself, the grants of the same project (pole's operation: the grants
  without a project) whose period meets the report period — each at its **voted amount for the
  period**, on the sub-row of its funder's type, the sub-row naming the funders.
* 70 and 75: a project's products are its own: the app records no sales of a project, so 70
  and 75 are 0 for a project grant (said in the annex). For the pole's operation, 70 = the HT
  of the members' calls for shared services of the period, 75 « Dont cotisations » = the fees
  due for each fiscal year, pro rata of its days in the period.
* 86/87: in-kind contributions dated in the period, linked to the grant, or of the same
  project (none for a grant without project) and not linked to a grant outside the action. Their
  row comes from their kind (:func:`~.in_kind.cerfa_code_for`, by nature: never by a typed 87x
  number, since 870/875 differ between the Cerfa and the 2018 chart of accounts).
* Ressources propres and the balance line: :mod:`ptce_desktop.documents.cerfa`.
* Feuillet 1: the grant's report texts; the events of the action in the period (its project's,
  or the pole's own for a pole-wide grant) pre-fill the dates, places and participants when
  those texts are empty.

A grant without both period dates has no dated figures: only what is linked to it directly
(forecast, the grant itself at its voted amount, its redistributions and in-kind
contributions).
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
    PeriodCost,
    direct_row,
    overhead,
    period_costs,
    same_project,
    target_row,
)
from ptce_desktop.documents.builders.redistribution import logo_path
from ptce_desktop.documents.cerfa import (
    CerfaEvent,
    CerfaGrant,
    CerfaGrantOfAction,
    CerfaMethod,
    CerfaPeriod,
    CerfaPole,
    CerfaReport,
    CerfaSheet,
    CerfaSignatory,
    CerfaTexts,
    CerfaUnclassified,
    assemble_grid,
    prorate,
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
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.split import allocate_cents
from ptce_desktop.domain.typography import counted
from ptce_desktop.services.common import fiscal_year, fiscal_year_for, get_or_error, pole_row
from ptce_desktop.services.costs.shares import pole_vat_registered
from ptce_desktop.services.grants.cerfa_proposal import proposal_for
from ptce_desktop.services.grants.in_kind import CHARGE_TO_RESOURCE, cerfa_code_for
from ptce_desktop.services.grants.redistributions import received_cents
from ptce_desktop.services.grants.report_sheet import sheet_of
from ptce_desktop.services.grants.views import grant_in_year
from ptce_desktop.services.members.fees import FeeService
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Event,
    Funder,
    Grant,
    InKindContribution,
    Pole,
)
from ptce_desktop.store.models import Redistribution as RedistributionRow
from ptce_desktop.store.unit_of_work import UnitOfWork

VOTED = (GrantStatus.VOTEE, GrantStatus.VERSEE_PARTIELLEMENT, GrantStatus.SOLDEE)
"""Statuses of a grant whose Cerfa can be sent (the others print as a watermarked draft)."""

_STATE_ROW = "74_etat"
_STATE_LABEL = "État"  # the form's prompt « préciser le(s) ministère(s) » is answered by names


def report_period(session: Session, grant: Grant, year: int | None) -> CerfaPeriod | None:
    """The period of the report (module docstring); ``None`` for a grant without a period.

    Raises ``cerfa_year_outside`` for a year the grant's period does not touch, and
    ``cerfa_no_period`` for a year asked of a grant without a period.
    """
    if grant.period_start is None or grant.period_end is None:
        if year is not None:
            raise PtceError("cerfa_no_period", "year", title=grant.title)
        return None
    start, end = grant.period_start, grant.period_end
    valid = tuple(y.label for y in _years(session, (start, end)))
    if year is None:
        return CerfaPeriod(start, end, start, end, None, valid)
    fiscal = fiscal_year(session, year)
    first, last = max(start, fiscal.start), min(end, fiscal.end)
    if last < first:
        raise PtceError(
            "cerfa_year_outside",
            "year",
            year_label=fiscal.label,
            title=grant.title,
            start=start.strftime("%d/%m/%Y"),
            end=end.strftime("%d/%m/%Y"),
            valid=", ".join(valid),
        )
    return CerfaPeriod(first, last, start, end, fiscal.label, valid)


def build_report(
    uow: UnitOfWork,
    grant_id: int,
    *,
    year: int | None = None,
    refuse_draft: bool = False,
    refuse_unclassified: bool = False,
) -> CerfaReport:
    """The read model of grant ``grant_id`` (see the module docstring for every rule).

    ``year``: report only the part of the grant's period inside that fiscal year.
    ``refuse_draft``: raise ``cerfa_grant_not_voted`` for a grant neither voted nor paid.
    ``refuse_unclassified``: raise ``cerfa_unclassified_costs`` when a cost of the period has
    no Cerfa line (they are listed in the message); otherwise they print on 62x and in the
    annex.
    """
    with uow.read() as session:
        grant = get_or_error(session, Grant, grant_id, Entity.GRANT)
        draft = grant.status not in VOTED
        if draft and refuse_draft:
            raise PtceError(
                "cerfa_grant_not_voted", "grant", title=grant.title, status=grant.status.label()
            )
        report_span = report_period(session, grant, year)
        period: Period | None = None
        if report_span is not None:
            period = (report_span.start, report_span.end)
        forecast: dict[str, int] = defaultdict(int)
        for line in grant.budget_lines:
            target = target_row(line.cerfa_code)
            if target is not None:
                forecast[target] += line.amount_cents
        if report_span is not None and not report_span.whole_grant:
            forecast = _forecast_for_period(forecast, report_span)
        actual: dict[str, int] = defaultdict(int)

        # Dated: the registration in force at the start of the period reported.
        vat_registered = pole_vat_registered(session, period[0] if period else None)
        costs = period_costs(session, grant.project_id, period, vat_registered)
        unclassified = _unclassified(costs)
        if unclassified and refuse_unclassified:
            raise PtceError(
                "cerfa_unclassified_costs",
                "cerfa_code",
                count=len(unclassified),
                costs=_unclassified_text(unclassified),
            )
        uncoded = 0
        for item in costs:
            target = direct_row(item.cost.cerfa_code)
            if target is None:
                target, uncoded = UNCODED_ROW, uncoded + item.cents
            actual[target] += item.cents
        rule, overhead_rows = overhead(session, grant, period, sum(actual.values()), vat_registered)
        for code, cents in overhead_rows:
            actual[code] += cents

        grants = _action_grants(session, grant, period)
        grant_ids = [row.id for row, _ in grants]
        redistributed = _redistributed(session, grant_ids, period)
        actual[REDISTRIBUTION_ROW] += redistributed
        of_action = []
        funders: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for row, funder in grants:
            got = received_cents(session, row.id)
            code = FUNDER_TYPE_TO_CERFA[funder.type]
            attributed = _attributed(row, period)
            actual[code] += attributed
            funders[code].append((funder.name, attributed))
            of_action.append(
                CerfaGrantOfAction(
                    row.title,
                    funder.name,
                    funder.type.label(),
                    _funder_row_label(code),
                    row.amount_voted_cents,
                    got,
                    attributed,
                )
            )
        years = _years(session, period)
        fees = calls = 0
        if grant.project_id is None and period is not None:
            fees = _fees(uow, years, period)
            calls = _calls(session, years, period)
        actual[MEMBERSHIP_FEES_ROW] += fees
        actual[SHARED_SERVICE_INCOME_ROW] += calls
        in_kind = _in_kind(session, grant, period, grant_ids)
        for charge_code, cents in in_kind:
            actual[charge_code] += cents
            actual[CHARGE_TO_RESOURCE[charge_code]] += cents

        grid = assemble_grid(forecast, actual, labels=_funder_labels(funders))
        voted = _attributed(grant, period) if grant.amount_voted_cents else None
        pole = pole_row(session)
        return CerfaReport(
            pole=_pole(pole),
            grant=_grant(grant, years, received_cents(session, grant.id)),
            charges=grid.charges,
            produits=grid.produits,
            in_kind_charges=grid.in_kind_charges,
            in_kind_produits=grid.in_kind_produits,
            totals=grid.totals,
            grant_share_bp=(ratio_bp(voted, grid.totals.produits.actual_cents) if voted else None),
            groups_with_own_accounts=grid.groups_with_own_accounts,
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
                calls_cents=calls,
                in_kind_count=len(in_kind),
                vat_registered=vat_registered,
            ),
            logo_path=logo_path(uow, session),
            balance=grid.balance,
            period=report_span,
            draft=draft,
            unclassified=unclassified,
            attributed_cents=voted,
            events=_events(session, grant, period),
            sheet=_sheet(grant),
        )


def _forecast_for_period(forecast: dict[str, int], span: CerfaPeriod) -> dict[str, int]:
    """The forecast of the whole grant period brought to the report period (one fiscal year)
    by the rule of the réalisation: pro rata of days
    (:func:`~ptce_desktop.documents.cerfa.prorate`: the years add up to the budget).

    A grant row (74) is prorated alone, as the grant itself is in the réalisation (a funder
    reads the same 8 356,16 € in both columns); each side's other rows share the rest of the
    side's prorated total by largest remainder, so a balanced budget stays balanced to the
    cent. Rows that cannot be shared (a negative one, or nothing left) are prorated alone."""
    own, window = (span.grant_start, span.grant_end), (span.start, span.end)
    sides: dict[object, list[str]] = defaultdict(list)
    for code in forecast:
        sides[cerfa_line(code).side].append(code)
    result: dict[str, int] = {}
    for codes in sides.values():
        others = [code for code in codes if not code.startswith("74")]
        for code in codes:
            if code not in others:
                result[code] = prorate(forecast[code], own, window)
        amounts = {index: forecast[code] for index, code in enumerate(others)}
        if any(cents < 0 for cents in amounts.values()) or not any(amounts.values()):
            for code in others:
                result[code] = prorate(forecast[code], own, window)
            continue
        side_total = prorate(sum(forecast[code] for code in codes), own, window)
        rest = side_total - sum(result[code] for code in codes if code not in others)
        for index, cents in allocate_cents(rest, amounts).items():
            result[others[index]] = cents
    return result


def _attributed(grant: Grant, period: Period | None) -> int:
    """The voted amount of ``grant`` for ``period``, pro rata of days of its own period (all
    of it without a report period or without its own)."""
    voted = grant.amount_voted_cents or 0
    if period is None or grant.period_start is None or grant.period_end is None:
        return voted
    return prorate(voted, (grant.period_start, grant.period_end), period)


def _funder_row_label(code: str) -> str:
    return _STATE_LABEL if code == _STATE_ROW else cerfa_line(code).label_fr


def _funder_labels(funders: dict[str, list[tuple[str, int]]]) -> dict[str, str]:
    """The sub-rows of 74 that name their funders: « Département(s) : Département de la
    Drôme »; with several funders on one row each is followed by its amount for the period."""
    labels = {_STATE_ROW: _STATE_LABEL}
    for code, items in funders.items():
        names: dict[str, int] = defaultdict(int)
        for name, cents in items:
            names[name] += cents
        if len(names) == 1:
            text = next(iter(names))
        else:
            text = " ; ".join(f"{name} ({format_money(cents)})" for name, cents in names.items())
        labels[code] = f"{_funder_row_label(code)} : {text}"
    return labels


def _unclassified(costs: Sequence[PeriodCost]) -> tuple[CerfaUnclassified, ...]:
    found = []
    for item in costs:
        if direct_row(item.cost.cerfa_code) is not None:
            continue
        proposal = proposal_for(item.service.category, item.service.name, item.cost.label)
        found.append(
            CerfaUnclassified(
                cost_id=item.cost.id,
                period_start=item.cost.period_start,
                label=item.cost.label,
                service_name=item.service.name,
                amount_cents=item.cents,
                proposed_code=proposal.code if proposal else None,
                proposed_label=proposal.label if proposal else None,
            )
        )
    return tuple(found)


_LISTED = 10


def _unclassified_text(items: Sequence[CerfaUnclassified]) -> str:
    lines = []
    for item in items[:_LISTED]:
        proposal = (
            f", proposée : {item.proposed_code} {item.proposed_label}" if item.proposed_code else ""
        )
        lines.append(
            f"n° {item.cost_id} « {item.label} » ({item.service_name}, "
            f"{item.period_start:%d/%m/%Y}, {format_money(item.amount_cents)}{proposal})"
        )
    if len(items) > _LISTED:
        lines.append("… et " + counted(len(items) - _LISTED, "autre", "autres"))
    return " ; ".join(lines)


# --- identification -------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _pole(pole: Pole | None) -> CerfaPole:
    if pole is None:
        return CerfaPole("", None, None, None, None, None)
    place = " ".join(part for part in (pole.postcode, pole.city) if part)
    address = ", ".join(part for part in (pole.address, place) if part) or None
    siret = format_siret(pole.siret) if pole.siret else None
    city = (pole.city or "").strip() or None
    return CerfaPole(pole.name, siret, pole.rna, address, pole.email, pole.phone, city)


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
    """The grant itself, and the voted grants of the same project (or also without one) whose
    period meets the report period."""
    wanted: ColumnElement[bool] = Grant.id == grant.id
    if period is not None:
        wanted = or_(
            wanted,
            and_(
                same_project(Grant.project_id, grant.project_id),
                Grant.status.in_(VOTED),
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


def _redistributed(session: Session, grant_ids: list[int], period: Period | None) -> int:
    """What the grants of the action passed on to members, dated in the period (all of it
    without a period)."""
    wanted: ColumnElement[bool] = RedistributionRow.grant_id.in_(grant_ids)
    if period is not None:
        wanted = and_(wanted, RedistributionRow.date.between(*period))
    total = session.scalar(
        select(func.coalesce(func.sum(RedistributionRow.amount_cents), 0)).where(wanted)
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


def _fees(uow: UnitOfWork, years: Sequence[FiscalYear], period: Period) -> int:
    """The fees due for each fiscal year, pro rata of its days inside the period."""
    fees = FeeService(uow)
    return sum(
        prorate(fees.fees_due(year.start_year).total_cents, (year.start, year.end), period)
        for year in years
    )


def _calls(session: Session, years: Sequence[FiscalYear], period: Period) -> int:
    """The HT of the members' calls whose period (quarter, or fiscal year for a call without
    a quarter) meets ``period``, pro rata of days."""
    by_year = {year.start_year: year for year in years}
    rows = session.execute(
        select(Call.year, Call.quarter, func.sum(CallLine.ht_cents))
        .join(CallLine, CallLine.call_id == Call.id)
        .where(Call.year.in_(list(by_year)))
        .group_by(Call.year, Call.quarter)
    )
    total = 0
    for start_year, quarter, cents in rows:
        year = by_year[start_year]
        span = year.quarters()[quarter - 1] if quarter else year.period
        total += prorate(int(cents or 0), (span.start, span.end), period)
    return total


def _sheet(grant: Grant) -> CerfaSheet:
    sheet = sheet_of(grant.report_text)
    return CerfaSheet(
        objectives=sheet.objectives,
        indicators=tuple((i.label, i.expected, i.achieved) for i in sheet.indicators),
        beneficiaries_count=sheet.beneficiaries_count,
        publics=tuple((p.public, p.count) for p in sheet.publics),
        action_dates=sheet.action_dates,
        action_places=sheet.action_places,
    )


def _events(session: Session, grant: Grant, period: Period | None) -> tuple[CerfaEvent, ...]:
    """The events of the action (its project; without a project, the pole's own events)
    dated in the period."""
    if period is None:
        return ()
    rows = session.scalars(
        select(Event)
        .where(same_project(Event.project_id, grant.project_id), Event.date.between(*period))
        .order_by(Event.date, Event.id)
    )
    return tuple(
        CerfaEvent(row.date, row.title, (row.place or "").strip() or None, row.participants)
        for row in rows
    )


# --- in kind --------------------------------------------------------------------------------


def _in_kind(
    session: Session, grant: Grant, period: Period | None, grant_ids: list[int]
) -> list[tuple[str, int]]:
    """(86x row, cents) of each in-kind contribution of the action dated in the period."""
    linked: ColumnElement[bool] = InKindContribution.grant_id == grant.id
    if period is not None:
        linked = and_(
            InKindContribution.date.between(*period),
            or_(
                linked,
                and_(
                    or_(
                        InKindContribution.grant_id.is_(None),
                        InKindContribution.grant_id.in_(grant_ids),
                    ),
                    same_project(InKindContribution.project_id, grant.project_id),
                ),
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
