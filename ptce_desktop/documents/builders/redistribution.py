"""Builds the read model of the "Rapport de redistribution" PDF (DESIGN §6): a fiscal year,
all funders or one.

Two sides, assembled in **one** read transaction from the services' own computations:

* **grants** — the grants of the year (:func:`~.grant_views.grant_summaries`, the grants list's
  rule: period overlapping the year), each with :func:`~.grant_views.grant_detail_view` (the
  grant screen's figures: voted, received, passed on per member, kept for coordination,
  *reste à reverser*), **à la date du rapport** (all instalments and redistributions, whatever
  their date), exactly as the grant screen shows it; and, apart, what was received and passed
  on **during the exercice** (instalments and redistributions dated within the fiscal year).
* **cost sharing** — per shared service: the year's costs and amount split
  (:func:`~.shared_services.service_totals`), each member's shares of those costs (one GROUP BY
  on the store's rule, a cost counts in the year of its period start, as in
  :func:`~.shares.shares_by_quarter`), what the year's calls asked of it for that service and
  what its payments settle of them.

Decisions:

* **The key or decision behind a redistribution**: the member's plan line ("40 %" of what is
  received, or "montant fixe 10 000,00 €"); for a member outside the plan, the ``basis`` texts of
  its redistributions (distinct, in date order), else "Hors plan".
* **Paid per service.** A payment settles a call, not a line. What a call's payments settle is
  spread over its lines in proportion to their TTC (the settled fraction of the call, the same
  for every line, largest remainder), so a line is never more than settled (paid never exceeds
  called, per line and in the line's direction) and the per-service figures of a member add
  up to its paid total to the cent.
* **Key versions**: the versions of the service's key in force on at least one day of the year
  (the engine takes the version in force on the first day of each cost's period).
* A **single-funder** report holds that funder's grants and what was passed on of them only:
  no cost-sharing side (each member's unpaid balance is none of the funder's business).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ptce_desktop.documents.redistribution import (
    GrantMemberLine,
    GrantSection,
    MemberCostLine,
    RedistributionLine,
    RedistributionReportData,
    ServiceSection,
)
from ptce_desktop.domain.categories import FunderType, GrantStatus
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_money, format_percent
from ptce_desktop.domain.periods import FiscalYear
from ptce_desktop.domain.vat import SplitBasis, split_basis
from ptce_desktop.services.common import fiscal_year, get_or_error, pole_row
from ptce_desktop.services.costs.shared_services import service_totals
from ptce_desktop.services.costs.shares import pole_vat_registered
from ptce_desktop.services.grants.redistributions import member_names
from ptce_desktop.services.grants.views import (
    GrantDetail,
    grant_detail_view,
    grant_summaries,
    overpaid_warning,
)
from ptce_desktop.services.pole.pole import attachment_file
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    Funder,
    Grant,
    Instalment,
    KeyVersion,
    PaymentMatch,
    Share,
    SharedService,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "build_redistribution_data",
    "logo_path",
    "shares_by_service_member",
    "spread_paid",
]

OFF_PLAN = "Hors plan"


# --- the builder ----------------------------------------------------------------------------


def build_redistribution_data(
    uow: UnitOfWork, year: int, funder_id: int | None = None
) -> RedistributionReportData:
    """The report's read model for fiscal ``year`` (all funders, or ``funder_id`` only)."""
    with uow.read() as session:
        fy = fiscal_year(session, year)
        funder_name = None
        if funder_id is not None:
            funder_name = get_or_error(session, Funder, funder_id, Entity.FUNDER).name
        pole = pole_row(session)
        grants = tuple(
            _grant_section(
                grant_detail_view(session, get_or_error(session, Grant, s.id, Entity.GRANT))
            )
            for s in grant_summaries(session, year, funder_id=funder_id)
        )
        grants = tuple(_in_year(grant, fy, session) for grant in grants)
        return RedistributionReportData(
            year=year,
            year_label=fy.label,
            period_start=fy.start,
            period_end=fy.end,
            pole_name=pole.name if pole is not None else "",
            logo_path=logo_path(uow, session),
            funder_name=funder_name,
            grants=grants,
            services=_service_sections(session, fy) if funder_id is None else (),
        )


def logo_path(uow: UnitOfWork, session: Session) -> str | None:
    """The pole's logo file (where :class:`~.pole.PoleService` stores it), if any."""
    pole = pole_row(session)
    logo = pole.logo if pole is not None else None
    if logo is None:
        return None
    return str(attachment_file(uow.db.attachments_dir, logo.sha256, logo.original_name))


def _in_year(grant: GrantSection, fy: FiscalYear, session: Session) -> GrantSection:
    """The grant with what was received and passed on during the fiscal year."""
    received = session.scalar(
        select(func.coalesce(func.sum(Instalment.amount_cents), 0)).where(
            Instalment.grant_id == grant.grant_id, Instalment.date.between(fy.start, fy.end)
        )
    )
    in_year = [row for row in grant.redistributions if fy.start <= row.date <= fy.end]
    by_member: dict[int, int] = defaultdict(int)
    for row in in_year:
        by_member[row.member_id] += row.amount_cents
    return replace(
        grant,
        received_year_cents=int(received or 0),
        passed_year_cents=sum(row.amount_cents for row in in_year),
        members=tuple(
            replace(line, passed_year_cents=by_member.get(line.member_id, 0))
            for line in grant.members
        ),
    )


def _plan_basis(amount_cents: int | None, share_bp: int | None) -> str | None:
    if share_bp is not None:
        return f"Plan : {format_percent(share_bp)} du reçu"
    if amount_cents is not None:
        return f"Plan : montant fixe {format_money(amount_cents)}"
    return None


def _grant_section(detail: GrantDetail) -> GrantSection:
    basis_texts: dict[int, list[str]] = defaultdict(list)
    for row in detail.redistributions:
        text = (row.basis or "").strip()
        if text and text not in basis_texts[row.member_id]:
            basis_texts[row.member_id].append(text)
    members = tuple(
        GrantMemberLine(
            member_id=line.member_id,
            member_name=line.member_name,
            basis=_plan_basis(line.amount_cents, line.share_bp)
            or "; ".join(basis_texts[line.member_id])
            or OFF_PLAN,
            due_cents=line.due_cents,
            passed_cents=line.passed_cents,
            remaining_cents=line.remaining_cents,
        )
        for line in detail.plan
    )
    return GrantSection(
        grant_id=detail.id,
        title=detail.title,
        funder_name=detail.funder_name,
        funder_type_label=FunderType(detail.funder_type).label(),
        project_name=detail.project_name,
        status_label=GrantStatus(detail.status).label(),
        decision_ref=detail.decision_ref,
        decision_date=detail.decision_date,
        period_start=detail.period_start,
        period_end=detail.period_end,
        voted_cents=detail.amount_voted_cents,
        received_cents=detail.received_cents,
        passed_cents=detail.passed_cents,
        coordination_share_bp=detail.coordination_share_bp,
        coordination_cents=detail.coordination_cents,
        unplanned_cents=detail.unplanned_cents,
        remaining_cents=detail.remaining_cents,
        members=members,
        # the one sentence of a negative reste à reverser (window, « À faire », check, summary)
        warning=overpaid_warning(detail.title, detail.remaining_cents),
        redistributions=tuple(
            RedistributionLine(
                row.date, row.member_name, row.amount_cents, row.basis, row.member_id
            )
            for row in detail.redistributions
        ),
    )


# --- cost sharing ---------------------------------------------------------------------------


def spread_paid(paid_cents: int, line_cents: Mapping[int, int]) -> dict[int, int]:
    """What a call's payments settle (``paid_cents``), spread over its lines (id → TTC).

    Every line is settled in the same proportion, ``paid / total`` (at most 1), largest
    remainder: each line's part lies between 0 and its own amount (paid never exceeds called
    on a line, whatever the mix of positive and credit lines), and the parts sum to
    ``paid_cents``. Money beyond the call's total (an overpaid call), or on a call that sums to
    zero, goes to the first line so that it stays visible.
    """
    result = dict.fromkeys(line_cents, 0)
    total = sum(line_cents.values())
    if not line_cents or paid_cents == 0:
        return result
    if total == 0 or (paid_cents > 0) != (total > 0):
        result[min(line_cents)] = paid_cents
        return result
    settled = paid_cents if abs(paid_cents) <= abs(total) else total
    # Each line's exact part, settled × cents / total, as its floor and its remainder over
    # |total| (integers: the parts and the order of the remainders a Fraction gives, without
    # its cost — a thousand calls a report).
    sign = 1 if total > 0 else -1
    floors: dict[int, int] = {}
    remainders: dict[int, int] = {}
    for line, cents in line_cents.items():
        floors[line], remainders[line] = divmod(settled * cents * sign, abs(total))
    leftover = settled - sum(floors.values())
    by_remainder = sorted(line_cents, key=lambda line: (-remainders[line], line))
    for line in by_remainder[:leftover]:
        floors[line] += 1
    result.update(floors)
    result[min(line_cents)] += paid_cents - settled
    return result


def _called_and_paid(
    session: Session, year: int
) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Per (service, member): TTC called by the year's calls, and paid (:func:`spread_paid`)."""
    year_calls = select(Call.id).where(Call.year == year)
    settled = dict(
        session.execute(
            select(PaymentMatch.call_id, func.sum(PaymentMatch.amount_cents))
            .where(PaymentMatch.call_id.in_(year_calls))
            .group_by(PaymentMatch.call_id)
        ).all()
    )
    rows = session.execute(
        select(Call.id, Call.member_id, CallLine.id, CallLine.service_id, CallLine.ttc_cents)
        .join(CallLine, CallLine.call_id == Call.id)
        .where(Call.year == year)
        .order_by(Call.id, CallLine.id)
    ).all()
    called: dict[tuple[int, int], int] = defaultdict(int)
    paid: dict[tuple[int, int], int] = defaultdict(int)
    calls: dict[int, tuple[int, dict[int, int], dict[int, int]]] = {}
    for call_id, member_id, line_id, service_id, ttc in rows:
        _, lines, services = calls.setdefault(call_id, (member_id, {}, {}))
        lines[line_id] = int(ttc)
        services[line_id] = service_id
        called[service_id, member_id] += int(ttc)
    for call_id, (member_id, lines, services) in calls.items():
        for line_id, cents in spread_paid(int(settled.get(call_id) or 0), lines).items():
            paid[services[line_id], member_id] += cents
    return called, paid


def shares_by_service_member(session: Session, fy: FiscalYear) -> dict[tuple[int, int], int]:
    """Per (service, member): the shares of the year's costs, one GROUP BY.

    The same sums as :func:`~.shares.shares_by_quarter` over the year (a cost counts in the
    fiscal year of its period start, the store's rule), without the per-quarter split and the
    names, which cost 5x more on 200 000 shares.
    """
    rows = session.execute(
        select(Cost.service_id, Share.member_id, func.sum(Share.cents))
        .join(Cost, Cost.id == Share.cost_id)
        .where(Cost.period_start.between(fy.start, fy.end))
        .group_by(Cost.service_id, Share.member_id)
    ).all()
    return {(service, member): int(cents) for service, member, cents in rows}


def _versions_in_year(
    session: Session, key_ids: Iterable[int], fy: FiscalYear
) -> dict[int, tuple[dt.date, ...]]:
    wanted = set(key_ids)
    by_key: dict[int, list[dt.date]] = defaultdict(list)
    if wanted:
        for key_id, valid_from in session.execute(
            select(KeyVersion.key_id, KeyVersion.valid_from)
            .where(KeyVersion.key_id.in_(wanted), KeyVersion.valid_from <= fy.end)
            .order_by(KeyVersion.key_id, KeyVersion.valid_from)
        ).all():
            by_key[key_id].append(valid_from)
    result = {}
    for key_id, dates in by_key.items():
        before = [day for day in dates if day <= fy.start]
        within = [day for day in dates if day > fy.start]
        result[key_id] = tuple(before[-1:] + within)
    return result


def _sort_key(name: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )


def _service_sections(session: Session, fy: FiscalYear) -> tuple[ServiceSection, ...]:
    year = fy.start_year
    totals = service_totals(session, year)
    shares = shares_by_service_member(session, fy)
    called, paid = _called_and_paid(session, year)
    names = member_names(session, {member for _, member in (*shares, *called, *paid)})
    key_ids = dict(session.execute(select(SharedService.id, SharedService.key_id)).all())
    versions = _versions_in_year(session, (k for k in key_ids.values() if k is not None), fy)
    registered = pole_vat_registered(session, fy.start)  # dated: as the year had it

    by_service: dict[int, set[int]] = defaultdict(set)
    sort_keys: dict[int, str] = {}  # each member's once, not once a service
    for service_id, member_id in (*shares, *called, *paid):
        if member_id not in sort_keys:
            sort_keys[member_id] = _sort_key(names.get(member_id, ""))
        by_service[service_id].add(member_id)
    sections = []
    for total in totals:
        members = by_service.get(total.service_id, set())
        if total.cost_count == 0 and not members:
            continue
        basis = split_basis(total.vat_regime, registered)
        lines = sorted(
            (
                MemberCostLine(
                    member_id=member,
                    member_name=names.get(member, ""),
                    share_cents=shares.get((total.service_id, member), 0),
                    called_cents=called.get((total.service_id, member), 0),
                    paid_cents=paid.get((total.service_id, member), 0),
                )
                for member in members
            ),
            key=lambda line: (sort_keys[line.member_id], line.member_id),
        )
        key_id = key_ids.get(total.service_id)
        sections.append(
            ServiceSection(
                service_id=total.service_id,
                name=total.name,
                key_name=total.key_name,
                key_versions=versions.get(key_id, ()) if key_id is not None else (),
                basis="HT" if basis is SplitBasis.HT else "TTC",
                cost_count=total.cost_count,
                costs_cents=total.ht_cents if basis is SplitBasis.HT else total.ttc_cents,
                ttc_cents=total.ttc_cents,
                shared_cents=total.shared_cents,
                members=tuple(lines),
            )
        )
    return tuple(sections)
