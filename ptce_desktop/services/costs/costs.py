"""Costs of the shared services (charges mutualisées), saved with their shares.

A cost is written with its shares in the same transaction: the shares come from the domain
engine (:mod:`.shares`; basis TTC or HT per DESIGN §4.5). A cost belongs to the fiscal year of
its period start (lists, totals and quarters use that date); one whose period starts, or whose
invoice is dated, in a closed year is refused by the unit of work.
:meth:`CostService.record_adjustment` records the correction in an open year instead (period
start and invoice date both in open years; ``is_adjustment``, ``adjusts_cost_id``).

Amounts may be negative (credit notes, adjustments); ``ttc_cents`` must equal ``ht_cents +
vat_cents``. The Cerfa sub-line is optional; when given it must be one of
``domain.cerfa.CHARGE_SUBLINES``.

The list pages in SQL with a keyset cursor: ``sort`` is one of ``SORTS`` (prefix ``-`` for
descending), ties broken by id, ``after`` the ``next_cursor`` of the previous page. The text
filter is a case-insensitive ``LIKE`` (ASCII case only on SQLite).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from ptce_desktop.domain.cerfa import CHARGE_SUBLINES
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_money
from ptce_desktop.domain.vat import VatRegime, amount_to_split, split_basis
from ptce_desktop.services.common import (
    clean_text,
    fiscal_year,
    fiscal_year_for,
    get_or_error,
    start_month,
)
from ptce_desktop.services.costs.shared_services import ServiceTotals, service_totals
from ptce_desktop.services.costs.shares import (
    SplitContext,
    closed_years,
    compute_cents,
    compute_split,
    cost_frozen,
    explain_share,
    pole_vat_registered,
    shares_by_member,
    shares_by_quarter,
    write_cost_shares,
)
from ptce_desktop.services.costs.views import (
    CostDetail,
    CostDraft,
    CostFilters,
    CostPage,
    CostRow,
    MemberServiceQuarter,
    MemberShareTotal,
    ShareExplanationView,
    ShareView,
)
from ptce_desktop.services.list_search import typed_amount
from ptce_desktop.services.pole.attachments import AttachmentTarget, attachments_of
from ptce_desktop.store.base import LEN_LABEL, LEN_NAME, LEN_REF, MONEY_MAX
from ptce_desktop.store.models import AttachmentLink, Cost, Member, Project, Share, SharedService
from ptce_desktop.store.unit_of_work import (
    UnitOfWork,
    WriteCache,
    flush_record,
    load_record,
    write_cache,
)

__all__ = ["SORTS", "CostDraft", "CostFilters", "CostPage", "CostService"]

COST = Entity.COST

SORTS: dict[str, Any] = {
    "invoice_date": Cost.invoice_date,
    "period_start": Cost.period_start,
    "label": Cost.label,
    "ht": Cost.ht_cents,
    "ttc": Cost.ttc_cents,
    "service": SharedService.name,
}
_DATE_SORTS = {"invoice_date", "period_start"}
_INT_SORTS = {"ht", "ttc"}


@dataclass(frozen=True)
class _Service:
    """The columns of a service a cost's save reads (kept between saves: no ORM object)."""

    id: int
    name: str
    key_id: int | None
    vat_regime: VatRegime
    vat_rate_bp: int


_SERVICE_QUERY = select(
    SharedService.id,
    SharedService.name,
    SharedService.key_id,
    SharedService.vat_regime,
    SharedService.vat_rate_bp,
).where(SharedService.id == bindparam("service_id"))


def _read_service(session: Session, service_id: int) -> _Service | None:
    row = session.execute(_SERVICE_QUERY, {"service_id": service_id}).first()
    return None if row is None else _Service(*row)


def _check_draft(
    session: Session, draft: CostDraft, cache: WriteCache | None = None
) -> tuple[_Service, str]:
    """Validate ``draft``; its service and cleaned label. ``cache``: the write's
    :class:`WriteCache`, where the service's columns are kept between saves."""
    label = clean_text(draft.label, "label", required=True, max_length=LEN_LABEL)
    assert label is not None
    service_id = draft.service_id
    if cache is not None:
        service = cache.get(("service", service_id), lambda: _read_service(session, service_id))
    else:
        service = _read_service(session, service_id)
    if service is None:
        raise PtceError("not_found", entity=Entity.SHARED_SERVICE, id=draft.service_id)
    if draft.period_end < draft.period_start:
        raise PtceError(
            "end_before_start",
            "period_end",
            start=draft.period_start,
            end=draft.period_end,
        )
    for name in ("ht_cents", "vat_cents", "ttc_cents"):
        if abs(getattr(draft, name)) > MONEY_MAX:
            raise PtceError("amount_out_of_bounds", name, field_label=name)
    if draft.ht_cents + draft.vat_cents != draft.ttc_cents:
        raise PtceError(
            "ttc_mismatch",
            "ttc_cents",
            ttc=format_money(draft.ttc_cents),
            ht=format_money(draft.ht_cents),
            vat=format_money(draft.vat_cents),
            expected=format_money(draft.ht_cents + draft.vat_cents),
        )
    if draft.cerfa_code is not None and draft.cerfa_code.strip() not in CHARGE_SUBLINES:
        raise PtceError("unknown_cerfa_line", "cerfa_code", value=draft.cerfa_code)
    if draft.project_id is not None:
        get_or_error(session, Project, draft.project_id, Entity.PROJECT)
    clean_text(draft.supplier, "supplier", max_length=LEN_NAME)
    clean_text(draft.invoice_ref, "invoice_ref", max_length=LEN_REF)
    return service, label


def _apply(cost: Cost, service: _Service, label: str, draft: CostDraft) -> None:
    values = {
        "service_id": service.id,
        "invoice_date": draft.invoice_date,
        "period_start": draft.period_start,
        "period_end": draft.period_end,
        "payment_date": draft.payment_date,
        "label": label,
        "supplier": clean_text(draft.supplier, "supplier", max_length=LEN_NAME),
        "ht_cents": draft.ht_cents,
        "vat_cents": draft.vat_cents,
        "ttc_cents": draft.ttc_cents,
        "cerfa_code": draft.cerfa_code.strip() if draft.cerfa_code else None,
        "project_id": draft.project_id,
        "invoice_ref": clean_text(draft.invoice_ref, "invoice_ref", max_length=LEN_REF),
    }
    # Only what differs is set: an edit's unchanged columns get no history to read back (the
    # unit of work's checks and audit read it for every column set).
    loaded = cost.__dict__
    for name, value in values.items():
        if name not in loaded or loaded[name] != value or type(loaded[name]) is not type(value):
            setattr(cost, name, value)


def _share_views(session: Session, cost_id: int) -> tuple[ShareView, ...]:
    rows = session.execute(
        select(Share.member_id, Member.name, Share.cents, Share.key_version_id)
        .join(Member, Member.id == Share.member_id)
        .where(Share.cost_id == cost_id)
        .order_by(Member.name, Share.member_id)
    )
    return tuple(ShareView(*row) for row in rows)


def _attachment_count() -> Any:
    return (
        select(func.count(AttachmentLink.id))
        .where(AttachmentLink.cost_id == Cost.id)
        .correlate(Cost)
        .scalar_subquery()
    )


def _row(cost: Cost, service_name: str, attachments: int, member_cents: int | None) -> CostRow:
    return CostRow(
        cost.id,
        cost.invoice_date,
        cost.period_start,
        cost.period_end,
        cost.payment_date,
        cost.service_id,
        service_name,
        cost.label,
        cost.supplier,
        cost.ht_cents,
        cost.vat_cents,
        cost.ttc_cents,
        cost.cerfa_code,
        cost.project_id,
        cost.invoice_ref,
        cost.is_adjustment,
        cost.adjusts_cost_id,
        attachments,
        member_cents,
    )


def _unindexed(column: Any) -> Any:
    """``+column``: the same value, but SQLite will not pick the column's index for it."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def _encode(value: Any, cost_id: int) -> str:
    plain = value.isoformat() if isinstance(value, date) else value
    return json.dumps([plain, cost_id], ensure_ascii=False)


def _decode(cursor: str, sort_name: str) -> tuple[Any, int]:
    try:
        value, cost_id = json.loads(cursor)
        if sort_name in _DATE_SORTS:
            value = date.fromisoformat(value)
        elif not isinstance(value, int if sort_name in _INT_SORTS else str):
            raise TypeError(value)
        if not isinstance(cost_id, int):
            raise TypeError(cost_id)
    except (ValueError, TypeError) as error:
        raise PtceError("invalid_cursor", "after") from error
    return value, cost_id


class CostService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # --- writes -------------------------------------------------------------------------

    def create_cost(self, draft: CostDraft) -> int:
        with self.uow.write("Saisir une charge") as session:
            return self._save(session, Cost(), draft)

    def update_cost(self, cost_id: int, draft: CostDraft) -> None:
        with self.uow.write("Modifier une charge") as session:
            cost = load_record(session, Cost, cost_id)
            if cost is None:
                raise PtceError("not_found", entity=COST, id=cost_id)
            self._save(session, cost, draft)

    def delete_cost(self, cost_id: int) -> None:
        with self.uow.write("Supprimer une charge") as session:
            cost = get_or_error(session, Cost, cost_id, COST)
            adjusted = session.scalar(select(Cost.id).where(Cost.adjusts_cost_id == cost_id))
            if adjusted is not None:
                raise PtceError("cost_is_adjusted", cost=cost.label)
            session.delete(cost)

    def record_adjustment(self, original_cost_id: int, draft: CostDraft) -> int:
        """Record in an open year the correction of a cost of a closed year."""
        with self.uow.write("Saisir une régularisation") as session:
            original = get_or_error(session, Cost, original_cost_id, COST)
            closed = closed_years(session)
            month = start_month(session)
            if not cost_frozen(original.invoice_date, original.period_start, closed, month):
                raise PtceError("adjustment_year_open", cost=original.label)
            for field in ("period_start", "invoice_date"):
                year = fiscal_year_for(session, getattr(draft, field))
                if year.start_year in closed:
                    raise PtceError("adjustment_in_closed_year", field, year=year.label)
            cost = Cost(is_adjustment=True, adjusts_cost_id=original.id)
            return self._save(session, cost, draft)

    def _save(self, session: Session, cost: Cost, draft: CostDraft) -> int:
        # What this save reads of the services, keys, members and VAT is kept between saves
        # (None once this write has changed anything else: an import's, say).
        cache = write_cache(session)
        service, label = _check_draft(session, draft, cache)
        _apply(cost, service, label, draft)
        new = cost.id is None
        # Before any query below can autoflush it: is the cost row itself written (and so
        # checked by the unit of work) in this action?
        changed = not new and session.is_modified(cost)
        if cache is not None:
            context = cache.get(("split_context",), lambda: SplitContext.load(session))
            context.bind(session)
        else:
            context = SplitContext.load(session)
        computed = compute_cents(
            session,
            context,
            service=service,
            ht_cents=cost.ht_cents,
            ttc_cents=cost.ttc_cents,
            period_start=cost.period_start,
            period_end=cost.period_end,
            label=label,
        )
        if new or changed:
            # The cost row (guarded, audited, its id known) by one INSERT or UPDATE, not the
            # ORM's flush: a third of a save's time on a large file.
            flush_record(session, cost)
        write_cost_shares(session, cost, computed.result, new=new, changed=changed)
        session.flush()
        return cost.id

    def preview_split(self, draft: CostDraft) -> list[ShareView]:
        """The shares ``draft`` would get, without saving (errors as :class:`PtceError`)."""
        with self.uow.read() as session:
            service, label = _check_draft(session, draft)
            computed = compute_split(
                session,
                SplitContext.load(session),
                service=service,
                ht_cents=draft.ht_cents,
                ttc_cents=draft.ttc_cents,
                period_start=draft.period_start,
                period_end=draft.period_end,
                label=label,
            )
            names = dict(
                session.execute(
                    select(Member.id, Member.name).where(
                        Member.id.in_([s.member_id for s in computed.shares])
                    )
                ).all()
            )
            views = [
                ShareView(s.member_id, names[s.member_id], s.cents, s.version_id)
                for s in computed.shares
            ]
            return sorted(views, key=lambda v: (v.member_name, v.member_id))

    # --- reads --------------------------------------------------------------------------

    def list_costs(
        self,
        year: int,
        *,
        filters: CostFilters | None = None,
        sort: str = "invoice_date",
        after: str | None = None,
        limit: int = 200,
        count: bool = True,
    ) -> CostPage:
        """One page of the year's costs, filtered and sorted in SQL, after the keyset ``after``.

        ``count=False`` skips counting every matching cost (``total_count`` is then -1): a list
        that already knows the total asks the next pages without it.
        """
        filters = filters or CostFilters()
        descending = sort.startswith("-")
        sort_name = sort.removeprefix("-")
        if sort_name not in SORTS:
            raise PtceError("invalid_sort", "sort", value=sort)
        column = SORTS[sort_name]
        with self.uow.read() as session:
            period = fiscal_year(session, year)
            conditions: list[ColumnElement[bool]] = [
                Cost.period_start.between(period.start, period.end)
            ]
            # The page is read in the order of the sort column's index (a range read from the
            # cursor, never a sort of the year): the year's bound then filters the rows read,
            # so it must not offer the period index instead (« + » hides it from SQLite).
            ordered: list[ColumnElement[bool]] = [
                _unindexed(Cost.period_start).between(period.start, period.end)
                if sort_name != "period_start"
                else Cost.period_start.between(period.start, period.end)
            ]
            if sort_name == "service":  # the services by their name index drive the loop
                ordered.append(SharedService.name >= "")
            if filters.service_id is not None:
                conditions.append(Cost.service_id == filters.service_id)
            if filters.project_id is not None:
                conditions.append(Cost.project_id == filters.project_id)
            text = (filters.text or "").strip().lower()
            if text:
                escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                pattern = f"%{escaped}%"
                matches: list[ColumnElement[bool]] = [
                    func.lower(field).like(pattern, escape="\\")
                    for field in (Cost.label, Cost.supplier, Cost.invoice_ref)
                ]
                cents = typed_amount(text)  # « 1234,5 » finds the cost of 1 234,50 €
                if cents is not None:
                    matches += [Cost.ttc_cents == cents, Cost.ht_cents == cents]
                conditions.append(or_(*matches))
            member_cents: Any = Share.cents if filters.member_id is not None else None
            base = select(Cost.id).join(SharedService, SharedService.id == Cost.service_id)
            query = select(
                Cost, SharedService.name, _attachment_count().label("n"), member_cents
            ).join(SharedService, SharedService.id == Cost.service_id)
            if filters.member_id is not None:
                on_share = (Share.cost_id == Cost.id) & (Share.member_id == filters.member_id)
                base = base.join(Share, on_share)
                query = query.join(Share, on_share)
            total = -1
            sums: tuple[int, int, int | None] = (0, 0, None)
            if count:  # with the sums of every matching cost, for the list's totals row
                by_member = [Share.cents.label("member")] if filters.member_id is not None else []
                sub = (
                    base.add_columns(Cost.ht_cents.label("ht"), Cost.ttc_cents.label("ttc"))
                    .add_columns(*by_member)
                    .where(*conditions)
                    .subquery()
                )
                figures = [func.coalesce(func.sum(c), 0) for c in (sub.c.ht, sub.c.ttc)]
                if by_member:
                    figures.append(func.coalesce(func.sum(sub.c.member), 0))
                counted = session.execute(select(func.count(), *figures)).one()
                total = int(counted[0])
                sums = (int(counted[1]), int(counted[2]), int(counted[3]) if by_member else None)
            ordered += conditions[1:]
            if after is not None:
                value, last_id = _decode(after, sort_name)
                key, mark = tuple_(column, Cost.id), tuple_(literal(value, column.type), last_id)
                ordered.append(key < mark if descending else key > mark)
            order = (column.desc(), Cost.id.desc()) if descending else (column.asc(), Cost.id)
            fetched = session.execute(
                query.where(*ordered).order_by(*order).limit(max(1, limit) + 1)
            )
            rows = [_row(cost, name, n, cents) for cost, name, n, cents in fetched]
            cursor = None
            if len(rows) > max(1, limit):
                rows = rows[: max(1, limit)]
                last = rows[-1]
                sort_values: dict[str, Any] = {
                    "invoice_date": last.invoice_date,
                    "period_start": last.period_start,
                    "label": last.label,
                    "ht": last.ht_cents,
                    "ttc": last.ttc_cents,
                    "service": last.service_name,
                }
                cursor = _encode(sort_values[sort_name], last.id)
            return CostPage(tuple(rows), cursor, 0 if total is None else total, *sums)

    def get_cost(self, cost_id: int) -> CostDetail:
        with self.uow.read() as session:
            cost = get_or_error(session, Cost, cost_id, COST)
            attachments = attachments_of(session, AttachmentTarget("cost", cost_id))
            service = cost.service
            regime, registered = service.vat_regime, pole_vat_registered(session)
            basis = split_basis(regime, registered)
            amount = amount_to_split(cost.ht_cents, cost.ttc_cents, regime, registered)
            return CostDetail(
                _row(cost, service.name, len(attachments), None),
                service.key_id,
                service.key.name if service.key is not None else None,
                basis,
                amount,
                _share_views(session, cost_id),
                tuple(attachments),
            )

    def explain_share(self, cost_id: int, member_id: int) -> ShareExplanationView:
        with self.uow.read() as session:
            return explain_share(session, cost_id, member_id)

    def shares_by_quarter(
        self, year: int, *, service_id: int | None = None, member_id: int | None = None
    ) -> list[MemberServiceQuarter]:
        with self.uow.read() as session:
            return shares_by_quarter(session, year, service_id=service_id, member_id=member_id)

    def shares_by_member(self, year: int) -> list[MemberShareTotal]:
        """Each member's total share of the year's costs (the year summary's share column)."""
        with self.uow.read() as session:
            return shares_by_member(session, year)

    def totals_per_service(self, year: int) -> list[ServiceTotals]:
        with self.uow.read() as session:
            return service_totals(session, year)
