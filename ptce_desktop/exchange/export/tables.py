"""The tables the CLI and the window export, built from the services' read methods (and, where
no service reads the rows a kind needs, from one read transaction of the unit of work).

What :func:`build` writes for an import kind, ``import KIND`` reads back: the headers are the
kind's own field labels (:mod:`ptce_desktop.exchange.kinds`) and values are written as the
import's converters read them (categories and payment methods by their French labels, members
by name and SIRET, services, keys and grants by name). Shares, calls, balances,
redistributions and the audit trail are export-only.

``year`` (a fiscal year, named by its start year) filters the yearly kinds; members, services
and keys ignore it (keys: every version of every key by units or by percentages — the import
cannot create the other kinds of key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ptce_desktop.domain.categories import CallKind
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.keys import Method
from ptce_desktop.domain.vat import VatRegime
from ptce_desktop.exchange.cells import PAYMENT_METHODS
from ptce_desktop.exchange.export.sheet import Column, Sheet
from ptce_desktop.exchange.export.sheet import ColumnType as T
from ptce_desktop.exchange.kinds import KINDS, KindSpec
from ptce_desktop.services.calls.calls import CallService
from ptce_desktop.services.calls.payments import PaymentService
from ptce_desktop.services.common import fiscal_year
from ptce_desktop.services.costs.costs import CostService
from ptce_desktop.services.costs.shared_services import SharedServiceService
from ptce_desktop.services.keys.keys import KeyService
from ptce_desktop.services.members.members import member_view
from ptce_desktop.services.summary import SummaryService
from ptce_desktop.store.models import (
    AllocationKey,
    AuditEntry,
    Funder,
    Grant,
    Instalment,
    KeyVersion,
    KeyVersionUnit,
    Member,
    MemberYearFigures,
    Redistribution,
)
from ptce_desktop.store.unit_of_work import UnitOfWork

_METHOD_LABELS = {code: label for label, code in PAYMENT_METHODS.items()}
_CALL_KINDS = {CallKind.PROVISIONAL.value: "provisionnel", CallKind.TRUE_UP.value: "régularisation"}


@dataclass(frozen=True)
class ExportKind:
    key: str  # the CLI's KIND
    label: str  # French, the sheet's title
    yearly: bool
    build: Callable[[UnitOfWork, int], Sheet]


def _columns(spec: KindSpec, *fields: tuple[str, T]) -> tuple[Column, ...]:
    """Columns headed by the import kind's own labels, so that the import maps them."""
    return tuple(Column(spec.field(name).label, kind) for name, kind in fields)


def _period(uow: UnitOfWork, year: int) -> tuple[dt.date, dt.date]:
    with uow.read() as session:
        fy = fiscal_year(session, year)
        return fy.start, fy.end


# --- import kinds -----------------------------------------------------------------------------


def members(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["members"]
    columns = _columns(
        spec,
        ("name", T.TEXT), ("short_name", T.TEXT), ("category", T.TEXT), ("legal_form", T.TEXT),
        ("siret", T.TEXT), ("siren", T.TEXT), ("rna", T.TEXT), ("vat_number", T.TEXT),
        ("address", T.TEXT), ("postcode", T.TEXT), ("city", T.TEXT), ("contact_name", T.TEXT),
        ("email", T.TEXT), ("phone", T.TEXT), ("joined_on", T.DATE), ("left_on", T.DATE),
        ("college", T.TEXT), ("qpv", T.BOOLEAN), ("notes", T.TEXT),
    )  # fmt: skip
    with uow.read() as session:
        views = [member_view(m) for m in session.scalars(select(Member).order_by(Member.id))]
    rows = [
        (m.name, m.short_name, m.category_label, m.legal_form, m.siret, m.siren, m.rna,
         m.vat_number, m.address, m.postcode, m.city, m.contact_name, m.email, m.phone,
         m.joined_on, m.left_on, m.college, m.qpv, m.notes)
        for m in views
    ]  # fmt: skip
    return Sheet.of(spec.label, columns, rows)


def member_figures(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["member-figures"]
    columns = _columns(
        spec,
        ("member", T.TEXT), ("member_siret", T.TEXT), ("year", T.INTEGER),
        ("headcount", T.INTEGER), ("etp_milli", T.UNITS), ("jobs_created", T.INTEGER),
        ("jobs_maintained", T.INTEGER), ("volunteers", T.INTEGER), ("turnover_cents", T.MONEY),
    )  # fmt: skip
    with uow.read() as session:
        found = session.execute(
            select(MemberYearFigures, Member.name, Member.siret)
            .join(Member, Member.id == MemberYearFigures.member_id)
            .where(MemberYearFigures.year == year)
            .order_by(Member.name, Member.id)
        ).all()
        rows = [
            (name, siret, f.year, f.headcount, f.etp_milli, f.jobs_created, f.jobs_maintained,
             f.volunteers, f.turnover_cents)
            for f, name, siret in found
        ]  # fmt: skip
    return Sheet.of(f"{spec.label} {year}", columns, rows)


def services(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["services"]
    columns = _columns(
        spec,
        ("name", T.TEXT), ("category", T.TEXT), ("description", T.TEXT),
        ("vat_regime", T.TEXT), ("vat_rate_bp", T.PERCENT), ("key", T.TEXT),
        ("carrier", T.TEXT), ("active_from", T.DATE), ("active_to", T.DATE),
    )  # fmt: skip
    views = sorted(SharedServiceService(uow).service_views().values(), key=lambda s: s.id)
    rows = [
        (s.name, s.category, s.description,
         "261 B" if s.vat_regime is VatRegime.EXEMPT_261B else "taxable", s.vat_rate_bp,
         s.key_name, s.carrier_name, s.active_from, s.active_to)
        for s in views
    ]  # fmt: skip
    return Sheet.of(spec.label, columns, rows)


def budgets(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["budgets"]
    columns = _columns(spec, ("service", T.TEXT), ("year", T.INTEGER), ("amount_cents", T.MONEY))
    views = sorted(SharedServiceService(uow).service_views().values(), key=lambda s: s.name)
    rows = [(s.name, y, cents) for s in views for y, cents in s.budgets if y == year]
    return Sheet.of(f"{spec.label} {year}", columns, rows)


def keys(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["keys"]
    columns = _columns(
        spec,
        ("key", T.TEXT), ("valid_from", T.DATE), ("member", T.TEXT), ("member_siret", T.TEXT),
        ("units", T.UNITS), ("percent", T.PERCENT), ("method", T.TEXT),
    )  # fmt: skip
    rows: list[tuple[Any, ...]] = []
    with uow.read() as session:
        found = session.execute(
            select(AllocationKey, KeyVersion, KeyVersionUnit, Member.name, Member.siret)
            .join(KeyVersion, KeyVersion.key_id == AllocationKey.id)
            .join(KeyVersionUnit, KeyVersionUnit.version_id == KeyVersion.id)
            .join(Member, Member.id == KeyVersionUnit.member_id)
            .where(AllocationKey.method.in_([Method.UNITS, Method.PERCENT]))
            .order_by(AllocationKey.name, KeyVersion.valid_from, Member.name, Member.id)
        ).all()
        for key, version, unit, name, siret in found:
            by_units = key.method is Method.UNITS
            rows.append((
                key.name, version.valid_from, name, siret,
                unit.units_milli if by_units else None,
                None if by_units else unit.percent_bp,
                "unités" if by_units else "pourcentages",
            ))  # fmt: skip
    return Sheet.of(spec.label, columns, rows)


def usage(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["usage"]
    columns = _columns(
        spec,
        ("key", T.TEXT), ("member", T.TEXT), ("member_siret", T.TEXT), ("on", T.DATE),
        ("quantity_milli", T.UNITS), ("note", T.TEXT),
    )  # fmt: skip
    start, end = _period(uow, year)
    service = KeyService(uow)
    with uow.read() as session:
        sirets = {i: s for i, s in session.execute(select(Member.id, Member.siret))}
    rows = []
    for key in service.list_keys(start):
        for u in service.list_usage(key.id, start, end):
            rows.append(
                (key.name, u.member_name, sirets.get(u.member_id), u.on, u.quantity_milli, u.note)
            )
    return Sheet.of(f"{spec.label} {year}", columns, rows)


def costs(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["costs"]
    columns = _columns(
        spec,
        ("service", T.TEXT), ("invoice_date", T.DATE), ("period_start", T.DATE),
        ("period_end", T.DATE), ("label", T.TEXT), ("supplier", T.TEXT), ("ht_cents", T.MONEY),
        ("vat_cents", T.MONEY), ("ttc_cents", T.MONEY), ("payment_date", T.DATE),
        ("cerfa_code", T.TEXT), ("invoice_ref", T.TEXT),
    )  # fmt: skip
    service = CostService(uow)
    rows = []
    after: str | None = None
    while True:
        page = service.list_costs(year, after=after, limit=500, count=False)
        rows += [
            (c.service_name, c.invoice_date, c.period_start, c.period_end, c.label, c.supplier,
             c.ht_cents, c.vat_cents, c.ttc_cents, c.payment_date, c.cerfa_code, c.invoice_ref)
            for c in page.rows
        ]  # fmt: skip
        if page.next_cursor is None:
            break
        after = page.next_cursor
    return Sheet.of(f"{spec.label} {year}", columns, rows)


def payments(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["payments"]
    columns = _columns(
        spec,
        ("member", T.TEXT), ("member_siret", T.TEXT), ("date", T.DATE),
        ("amount_cents", T.MONEY), ("method", T.TEXT), ("reference", T.TEXT), ("note", T.TEXT),
    )  # fmt: skip
    with uow.read() as session:
        sirets = {i: s for i, s in session.execute(select(Member.id, Member.siret))}
    rows = [
        (p.member_name, sirets.get(p.member_id), p.date, p.amount_cents,
         _METHOD_LABELS.get(str(p.method), str(p.method)), p.reference, p.note)
        for p in PaymentService(uow).list_payments(year)
    ]  # fmt: skip
    return Sheet.of(f"{spec.label} {year}", columns, rows)


def grant_instalments(uow: UnitOfWork, year: int) -> Sheet:
    spec = KINDS["grant-instalments"]
    columns = _columns(
        spec,
        ("grant", T.TEXT), ("funder", T.TEXT), ("date", T.DATE), ("amount_cents", T.MONEY),
        ("reference", T.TEXT),
    )  # fmt: skip
    start, end = _period(uow, year)
    with uow.read() as session:
        found = session.execute(
            select(Instalment, Grant.title, Funder.name)
            .join(Grant, Grant.id == Instalment.grant_id)
            .join(Funder, Funder.id == Grant.funder_id)
            .where(Instalment.date.between(start, end))
            .order_by(Instalment.date, Instalment.id)
        ).all()
        rows = [(title, funder, i.date, i.amount_cents, i.reference) for i, title, funder in found]
    return Sheet.of(f"{spec.label} {year}", columns, rows)


# --- the board's and the accountant's tables ---------------------------------------------------


def shares(uow: UnitOfWork, year: int) -> Sheet:
    """Members × services × quarters: one row per member and service, a column per quarter."""
    found = CostService(uow).shares_by_quarter(year)
    cells: dict[tuple[str, int, str], list[int]] = {}
    for s in found:
        line = cells.setdefault((s.member_name, s.member_id, s.service_name), [0, 0, 0, 0])
        line[s.quarter - 1] += s.cents
    columns = [Column("Membre"), Column("Service")]
    columns += [Column(f"T{q}", T.MONEY) for q in range(1, 5)]
    columns.append(Column("Total de l'exercice", T.MONEY))
    rows: list[tuple[Any, ...]] = [
        (member, service, *quarters, sum(quarters))
        for (member, _, service), quarters in sorted(cells.items())
    ]
    totals = [sum(r[2 + q] for r in rows) for q in range(5)]
    rows.append(("Total", "", *totals))
    return Sheet.of(f"Quotes-parts {year}", columns, rows)


def calls(uow: UnitOfWork, year: int) -> Sheet:
    columns = (
        Column("Numéro"), Column("Membre"), Column("Type"), Column("Période"),
        Column("Émis le", T.DATE), Column("Échéance", T.DATE), Column("HT", T.MONEY),
        Column("TVA", T.MONEY), Column("TTC", T.MONEY), Column("Réglé", T.MONEY),
        Column("Reste dû", T.MONEY),
    )  # fmt: skip
    rows = [
        (c.number, c.member_name, _CALL_KINDS.get(str(c.kind), str(c.kind)), c.period_label,
         c.issue_date, c.due_date, c.total_ht_cents, c.total_vat_cents, c.total_cents,
         c.paid_cents, c.outstanding_cents)
        for c in CallService(uow).list_calls(year)
    ]  # fmt: skip
    return Sheet.of(f"Appels de fonds {year}", columns, rows)


def balances(uow: UnitOfWork, year: int) -> Sheet:
    columns = (
        Column("Membre"), Column("Appelé", T.MONEY), Column("Réglé", T.MONEY),
        Column("Reste dû", T.MONEY), Column("Non affecté", T.MONEY),
    )  # fmt: skip
    found = PaymentService(uow).balances(year)
    rows: list[tuple[Any, ...]] = [
        (b.name, b.called_cents, b.paid_cents, b.outstanding_cents, b.unapplied_cents)
        for b in found
    ]
    rows.append(("Total", *(sum(r[i] for r in rows) for i in range(1, 5))))
    return Sheet.of(f"Soldes {year}", columns, rows)


def redistributions(uow: UnitOfWork, year: int) -> Sheet:
    columns = (
        Column("Date", T.DATE), Column("Subvention"), Column("Financeur"), Column("Membre"),
        Column("Montant", T.MONEY), Column("Base"),
    )  # fmt: skip
    start, end = _period(uow, year)
    with uow.read() as session:
        found = session.execute(
            select(Redistribution, Grant.title, Funder.name, Member.name)
            .join(Grant, Grant.id == Redistribution.grant_id)
            .join(Funder, Funder.id == Grant.funder_id)
            .join(Member, Member.id == Redistribution.member_id)
            .where(Redistribution.date.between(start, end))
            .order_by(Redistribution.date, Grant.title, Member.name, Redistribution.id)
        ).all()
        rows = [
            (r.date, title, funder, member, r.amount_cents, r.basis)
            for r, title, funder, member in found
        ]
    return Sheet.of(f"Reversements {year}", columns, rows)


def audit(uow: UnitOfWork, year: int) -> Sheet:
    columns = (
        Column("Date", T.DATE), Column("Heure (UTC)"), Column("Action"), Column("Opération"),
        Column("Table"), Column("N°", T.INTEGER), Column("Résumé"),
    )  # fmt: skip
    start, end = _period(uow, year)
    with uow.read() as session:
        found = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.at >= dt.datetime.combine(start, dt.time()),
                AuditEntry.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        ).all()
        rows = [
            (e.at.date(), e.at.strftime("%H:%M:%S"), e.action, e.operation, e.entity,
             e.record_id, e.summary)
            for e in found
        ]  # fmt: skip
    return Sheet.of(f"Journal des modifications {year}", columns, rows)


EXPORT_KINDS: dict[str, ExportKind] = {
    kind.key: kind
    for kind in (
        ExportKind("members", "Membres", False, members),
        ExportKind("member-figures", "Chiffres annuels des membres", True, member_figures),
        ExportKind("services", "Services mutualisés", False, services),
        ExportKind("budgets", "Budgets des services", True, budgets),
        ExportKind("keys", "Versions des clés de répartition", False, keys),
        ExportKind("usage", "Relevés d'utilisation", True, usage),
        ExportKind("costs", "Charges", True, costs),
        ExportKind("payments", "Règlements", True, payments),
        ExportKind("grant-instalments", "Versements de subventions", True, grant_instalments),
        ExportKind("shares", "Quotes-parts par membre, service et trimestre", True, shares),
        ExportKind("calls", "Appels de fonds", True, calls),
        ExportKind("balances", "Soldes des membres", True, balances),
        ExportKind("redistributions", "Reversements de subventions", True, redistributions),
        ExportKind("audit", "Journal des modifications", True, audit),
    )
}


def export_kind(key: str) -> ExportKind:
    kind = EXPORT_KINDS.get(key)
    if kind is None:
        raise PtceError("export_unknown_kind", value=key, choices=", ".join(EXPORT_KINDS))
    return kind


def build(uow: UnitOfWork, key: str, year: int | None = None) -> Sheet:
    """The table of export kind ``key`` for fiscal year ``year`` (default: the current one)."""
    kind = export_kind(key)
    if year is None:
        year = SummaryService(uow).current_year()
    return kind.build(uow, year)


def export_table(uow: UnitOfWork, key: str, path: Any, year: int | None = None) -> Sheet:
    """Build ``key`` and write it to ``path`` (format from the extension); the sheet written."""
    from ptce_desktop.exchange.export.formats import format_of, write_sheet

    format_of(path)  # refuse a bad extension before reading anything
    sheet = build(uow, key, year)
    write_sheet(sheet, path)
    return sheet


__all__: Sequence[str] = ("EXPORT_KINDS", "ExportKind", "build", "export_kind", "export_table")
