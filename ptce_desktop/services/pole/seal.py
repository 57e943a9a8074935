"""The seal of a closed fiscal year: a SHA-256 fingerprint of what closing froze.

Taken when the year is closed (:meth:`~.fiscal_years.FiscalYearService.close`), stored on its
``fiscal_years`` row and recomputed by ``check``: a different fingerprint means the closed
year's figures were changed behind the app's back (an SQLite tool, a bad import), since the
unit of work refuses every such change.

What is sealed (DESIGN §4b): the year's costs and their shares, calls and their lines,
payments and their matches; and the frozen context — the key versions in force during the
year with their units and parts, the usage recorded in it, the key and dated VAT regime of
every service it uses with its billing coefficient and management fee as they apply over the
year (format 2 on; format 3: what each dated term applies in the year, in order), the pole's
dated VAT registration, each member's presence inside the year, the year's member figures,
budgets and fees. Identity fields (names, addresses, IBAN, logo) are not sealed: they may
change. Only named columns are read, so a column added by a later schema does not break the
seal of a year closed before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.billing import BillingSegments, billing_segments
from ptce_desktop.domain.periods import FiscalYear as Period
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.store.dated import service_vat_on, vat_registered_on
from ptce_desktop.store.models import (
    Call,
    CallLine,
    Cost,
    KeyMixPart,
    KeyVersion,
    KeyVersionUnit,
    Member,
    MembershipFee,
    MemberYearFigures,
    Payment,
    PaymentMatch,
    ServiceBudget,
    Share,
    SharedService,
    UsageRecord,
)

#: Bumped if what is sealed ever changes, so an older seal is recognised as such: a seal is
#: intact when it matches the year's content in any of :data:`SEAL_FORMATS` (2: the services'
#: coefficient and fee are sealed too; 3: as dated terms, each term applying in the year).
SEAL_FORMAT = 3
SEAL_FORMATS = (3, 2, 1)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | str) or value is None:
        return value
    return str(value)


def _rows(session: Session, query: Any) -> list[list[Any]]:
    return sorted(([_plain(v) for v in row] for row in session.execute(query)), key=json.dumps)


def year_content(session: Session, year: int, seal_format: int = SEAL_FORMAT) -> dict[str, Any]:
    """What the seal of fiscal ``year`` covers, as plain JSON-ready data."""
    period = fiscal_year(session, year)
    start, end = period.start, period.end
    in_year = or_(Cost.period_start.between(start, end), Cost.invoice_date.between(start, end))
    cost_ids = select(Cost.id).where(in_year)
    call_ids = select(Call.id).where(Call.year == year)
    payment_ids = select(Payment.id).where(Payment.date.between(start, end))
    versions = _versions_in_force(session, period)
    service_ids = set(session.scalars(select(Cost.service_id).where(in_year)))
    service_ids |= set(
        session.scalars(select(CallLine.service_id).where(CallLine.call_id.in_(call_ids)))
    )
    service_ids |= set(
        session.scalars(select(ServiceBudget.service_id).where(ServiceBudget.year == year))
    )
    services = []
    for service in session.scalars(select(SharedService).where(SharedService.id.in_(service_ids))):
        vat = [
            [regime.value, rate]
            for regime, rate in (service_vat_on(session, service, d) for d in (start, end))
        ]
        sealed: list[Any] = [service.id, service.key_id, vat]
        if seal_format >= 2:
            segments = billing_segments((t.term() for t in service.billing_terms), start, end)
            sealed.append(_billing_sealed(segments, seal_format))
        services.append(sealed)
    presence = []
    for member_id, joined, left in session.execute(
        select(Member.id, Member.joined_on, Member.left_on)
    ):
        first = max(start, joined) if joined is not None else start
        last = min(end, left) if left is not None else end
        if first <= last:
            presence.append([member_id, first.isoformat(), last.isoformat()])
    return {
        "format": seal_format,
        "year": year,
        "costs": _rows(
            session,
            select(
                Cost.id,
                Cost.service_id,
                Cost.invoice_date,
                Cost.period_start,
                Cost.period_end,
                Cost.ht_cents,
                Cost.vat_cents,
                Cost.ttc_cents,
                Cost.is_adjustment,
                Cost.adjusts_cost_id,
            ).where(in_year),
        ),
        "shares": _rows(
            session,
            select(Share.cost_id, Share.member_id, Share.cents, Share.key_version_id).where(
                Share.cost_id.in_(cost_ids)
            ),
        ),
        "calls": _rows(
            session,
            select(Call.id, Call.number, Call.member_id, Call.quarter, Call.kind).where(
                Call.year == year
            ),
        ),
        "call_lines": _rows(
            session,
            select(
                CallLine.call_id,
                CallLine.service_id,
                CallLine.ht_cents,
                CallLine.vat_rate_bp,
                CallLine.vat_cents,
                CallLine.ttc_cents,
            ).where(CallLine.call_id.in_(call_ids)),
        ),
        "payments": _rows(
            session,
            select(Payment.id, Payment.member_id, Payment.date, Payment.amount_cents).where(
                Payment.id.in_(payment_ids)
            ),
        ),
        "matches": _rows(
            session,
            select(PaymentMatch.payment_id, PaymentMatch.call_id, PaymentMatch.amount_cents).where(
                PaymentMatch.payment_id.in_(payment_ids)
            ),
        ),
        "key_versions": _rows(
            session,
            select(KeyVersion.id, KeyVersion.key_id, KeyVersion.valid_from).where(
                KeyVersion.id.in_(versions)
            ),
        ),
        "key_units": _rows(
            session,
            select(
                KeyVersionUnit.version_id,
                KeyVersionUnit.member_id,
                KeyVersionUnit.units_milli,
                KeyVersionUnit.percent_bp,
            ).where(KeyVersionUnit.version_id.in_(versions)),
        ),
        "key_parts": _rows(
            session,
            select(KeyMixPart.version_id, KeyMixPart.part_key_id, KeyMixPart.weight_bp).where(
                KeyMixPart.version_id.in_(versions)
            ),
        ),
        "usage": _rows(
            session,
            select(
                UsageRecord.key_id,
                UsageRecord.member_id,
                UsageRecord.date,
                UsageRecord.quantity_milli,
            ).where(UsageRecord.date.between(start, end)),
        ),
        "services": sorted(services),
        "vat_registered": [vat_registered_on(session, start), vat_registered_on(session, end)],
        "presence": sorted(presence),
        "member_figures": _rows(
            session,
            select(
                MemberYearFigures.member_id,
                MemberYearFigures.headcount,
                MemberYearFigures.etp_milli,
                MemberYearFigures.jobs_created,
                MemberYearFigures.jobs_maintained,
                MemberYearFigures.volunteers,
                MemberYearFigures.turnover_cents,
            ).where(MemberYearFigures.year == year),
        ),
        "budgets": _rows(
            session,
            select(ServiceBudget.service_id, ServiceBudget.amount_cents).where(
                ServiceBudget.year == year
            ),
        ),
        "fees": _rows(
            session,
            select(MembershipFee.category, MembershipFee.amount_cents).where(
                MembershipFee.year == year
            ),
        ),
    }


def _billing_sealed(segments: BillingSegments, seal_format: int) -> Any:
    """Format 3: every segment. Format 2 (one coefficient and fee per service, from a day):
    the one segment as that format wrote it, so a year sealed then stays intact; several
    segments could not exist then, so they are written whole and never match it."""
    if seal_format >= 3:
        return [list(segment) for segment in segments]
    if not segments:
        return None
    if len(segments) == 1:
        return list(segments[0])
    return [list(segment) for segment in segments]


def _versions_in_force(session: Session, period: Period) -> list[int]:
    """Ids of the key versions in force on at least one day of ``period``."""
    found: list[int] = []
    rows = session.execute(
        select(KeyVersion.id, KeyVersion.key_id, KeyVersion.valid_from).order_by(
            KeyVersion.key_id, KeyVersion.valid_from
        )
    ).all()
    for index, (version_id, key_id, valid_from) in enumerate(rows):
        nxt = rows[index + 1] if index + 1 < len(rows) else None
        last = nxt[2] - dt.timedelta(days=1) if nxt is not None and nxt[1] == key_id else None
        if valid_from <= period.end and (last is None or last >= period.start):
            found.append(version_id)
    return found


def year_seal(session: Session, year: int, seal_format: int = SEAL_FORMAT) -> str:
    """The SHA-256 (hex) of :func:`year_content` (in the current format by default)."""
    content = year_content(session, year, seal_format)
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal_intact(session: Session, year: int, seal: str) -> bool:
    """Whether ``seal`` is the fingerprint of the year's content in a known format (a year
    sealed before the current format keeps its older seal until it is reopened)."""
    return any(year_seal(session, year, f) == seal for f in SEAL_FORMATS)
