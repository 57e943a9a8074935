"""In-kind contributions (contributions volontaires en nature, CVN, accounts 86/87).

Each contribution is booked on one Cerfa row of *uses* (86x: 860 secours en nature, 861 mise à
disposition gratuite de biens et services, 862 prestations, 864 personnel bénévole) and shows
the same amount on its row of *resources* (87x: 870 bénévolat, 871 prestations en nature, 875
dons en nature). The row is taken from the contribution's kind through
:data:`~ptce_desktop.domain.cerfa.IN_KIND_NATURE_TO_CERFA` — by nature, never by an account
number typed elsewhere, since 870/875 are swapped between the Cerfa and the 2018 chart of
accounts. The user may pick another 86x row; a kind "autre" must pick one. Staff lent free is
a service (862/871); premises and goods lent, 861/871.

A contribution dated in a closed fiscal year is frozen like the other money of that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ptce_desktop.domain.categories import InKindKind
from ptce_desktop.domain.cerfa import IN_KIND_NATURE_TO_CERFA, cerfa_line
from ptce_desktop.domain.errors import PtceError
from ptce_desktop.domain.messages.entities import Entity
from ptce_desktop.domain.money import format_units
from ptce_desktop.services.common import fiscal_year, get_or_error, parse_code
from ptce_desktop.services.grants.funders import labelled_text
from ptce_desktop.services.grants.plan import check_amount
from ptce_desktop.services.grants.redistributions import check_open_date
from ptce_desktop.store.base import LEN_LABEL, UNITS_MAX
from ptce_desktop.store.models import Grant, InKindContribution, Member, Project
from ptce_desktop.store.unit_of_work import UnitOfWork

__all__ = [
    "CHARGE_TO_RESOURCE",
    "KIND_LABELS",
    "CerfaAmount",
    "InKindDraft",
    "InKindService",
    "InKindTotals",
    "InKindView",
]

#: Stored kind -> nature of :data:`IN_KIND_NATURE_TO_CERFA` ("autre": the user picks the row).
_KIND_NATURE: dict[str, str | None] = {
    "benevolat": "volunteering",
    "mise_a_disposition_personnel": "services",
    "mise_a_disposition_biens": "premises_goods_lent",
    "prestation_en_nature": "services",
    "don_en_nature": "gifts_in_kind",
    "autre": None,
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "benevolat": ("Bénévolat", "Volunteering"),
    "mise_a_disposition_personnel": ("Mise à disposition de personnel", "Staff lent free"),
    "mise_a_disposition_biens": (
        "Mise à disposition de locaux ou de biens",
        "Premises or goods lent free",
    ),
    "prestation_en_nature": ("Prestation en nature", "Service in kind"),
    "don_en_nature": ("Don en nature", "Gift in kind"),
    "autre": ("Autre", "Other"),
}

#: 86x row of uses -> its 87x row of resources.
CHARGE_TO_RESOURCE: dict[str, str] = dict(sorted(IN_KIND_NATURE_TO_CERFA.values()))
_RESOURCE_CODES: tuple[str, ...] = tuple(sorted(set(CHARGE_TO_RESOURCE.values())))
_ALLOWED = ", ".join(CHARGE_TO_RESOURCE)
_WHAT = "la contribution en nature"


@dataclass(frozen=True)
class InKindDraft:
    """``kind``: an :class:`InKindKind` code; ``cerfa_code``: a 86x row, or None for the kind's
    row; ``hours_milli``: hours in thousandths (volunteering)."""

    date: dt.date
    kind: str
    label: str
    amount_cents: int
    cerfa_code: str | None = None
    member_id: int | None = None
    project_id: int | None = None
    grant_id: int | None = None
    hours_milli: int | None = None


@dataclass(frozen=True)
class InKindView:
    id: int
    date: dt.date
    kind: str
    kind_label: str
    label: str
    cerfa_code: str
    resource_code: str
    amount_cents: int
    hours_milli: int | None
    member_id: int | None
    member_name: str | None
    project_id: int | None
    project_name: str | None
    grant_id: int | None
    grant_title: str | None


@dataclass(frozen=True)
class CerfaAmount:
    code: str
    label: str
    amount_cents: int


@dataclass(frozen=True)
class InKindTotals:
    """Every 86x and 87x row (zeros included, grid order) and the totals."""

    charges: tuple[CerfaAmount, ...]
    resources: tuple[CerfaAmount, ...]
    total_cents: int
    hours_milli: int
    count: int


def cerfa_code_for(kind: str, cerfa_code: str | None) -> str:
    """The 86x row of a contribution (raises ``in_kind_kind_unknown`` / ``…_code_…``)."""
    parse_code(InKindKind, kind, "in_kind_kind_unknown", "kind")
    code = (cerfa_code or "").strip()
    if code:
        if code not in CHARGE_TO_RESOURCE:
            raise PtceError("in_kind_code_invalid", "cerfa_code", value=code, allowed=_ALLOWED)
        return code
    nature = _KIND_NATURE[kind]
    if nature is None:
        raise PtceError("in_kind_code_required", "cerfa_code", allowed=_ALLOWED)
    return IN_KIND_NATURE_TO_CERFA[nature][0]


class InKindService:
    """Record in-kind contributions and total them per Cerfa row."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def create_contribution(self, draft: InKindDraft) -> InKindView:
        with self.uow.write("Enregistrer une contribution en nature") as session:
            row = InKindContribution()
            self._apply(session, row, draft)
            session.add(row)
            session.flush()
            return _view(row)

    def update_contribution(self, contribution_id: int, draft: InKindDraft) -> InKindView:
        with self.uow.write("Modifier une contribution en nature") as session:
            row = get_or_error(
                session, InKindContribution, contribution_id, Entity.IN_KIND_CONTRIBUTION
            )
            check_open_date(session, row.date, _WHAT)
            self._apply(session, row, draft)
            session.flush()
            return _view(row)

    def delete_contribution(self, contribution_id: int) -> None:
        with self.uow.write("Supprimer une contribution en nature") as session:
            row = get_or_error(
                session, InKindContribution, contribution_id, Entity.IN_KIND_CONTRIBUTION
            )
            check_open_date(session, row.date, _WHAT)
            session.delete(row)

    def get_contribution(self, contribution_id: int) -> InKindView:
        with self.uow.read() as session:
            return _view(
                get_or_error(
                    session, InKindContribution, contribution_id, Entity.IN_KIND_CONTRIBUTION
                )
            )

    def list_contributions(
        self,
        year: int | None = None,
        grant_id: int | None = None,
        project_id: int | None = None,
        member_id: int | None = None,
    ) -> list[InKindView]:
        """Contributions by date (of a fiscal year, grant, project, member)."""
        with self.uow.read() as session:
            query = (
                select(InKindContribution)
                .where(*_filters(session, year, grant_id, project_id, member_id))
                .order_by(InKindContribution.date, InKindContribution.id)
            )
            rows = session.scalars(query).all()
            names = _names(session, rows)
            return [_view(row, names) for row in rows]

    def totals(
        self,
        year: int | None = None,
        grant_id: int | None = None,
        project_id: int | None = None,
    ) -> InKindTotals:
        """Totals per Cerfa row (86x and 87x) for a fiscal year, a grant and/or a project."""
        with self.uow.read() as session:
            query = (
                select(
                    InKindContribution.cerfa_code,
                    func.sum(InKindContribution.amount_cents),
                    func.sum(func.coalesce(InKindContribution.hours_milli, 0)),
                    func.count(InKindContribution.id),
                )
                .where(*_filters(session, year, grant_id, project_id, None))
                .group_by(InKindContribution.cerfa_code)
            )
            sums = {
                code: (int(amount or 0), int(hours or 0), int(count))
                for code, amount, hours, count in session.execute(query)
            }
        charges = {code: sums.get(code, (0, 0, 0))[0] for code in CHARGE_TO_RESOURCE}
        resources = dict.fromkeys(_RESOURCE_CODES, 0)
        for code, amount in charges.items():
            resources[CHARGE_TO_RESOURCE[code]] += amount
        return InKindTotals(
            charges=tuple(_amount(code, cents) for code, cents in charges.items()),
            resources=tuple(_amount(code, cents) for code, cents in resources.items()),
            total_cents=sum(value[0] for value in sums.values()),
            hours_milli=sum(value[1] for value in sums.values()),
            count=sum(value[2] for value in sums.values()),
        )

    # --- helpers ----------------------------------------------------------------------------

    def _apply(self, session: Session, row: InKindContribution, draft: InKindDraft) -> None:
        if draft.date is None:
            raise PtceError("required", "date", field_label="date")
        label = labelled_text(draft.label, "label", "libellé", required=True, max_length=LEN_LABEL)
        code = cerfa_code_for(draft.kind, draft.cerfa_code)
        check_amount(draft.amount_cents, "amount_cents", "valeur", required=True)
        if draft.hours_milli is not None and not 0 <= draft.hours_milli <= UNITS_MAX:
            raise PtceError(
                "in_kind_hours_out_of_range", "hours_milli", limit=format_units(UNITS_MAX)
            )
        for model, record_id, entity in (
            (Member, draft.member_id, Entity.MEMBER),
            (Project, draft.project_id, Entity.PROJECT),
            (Grant, draft.grant_id, Entity.GRANT),
        ):
            if record_id is not None:
                get_or_error(session, model, record_id, entity)
        check_open_date(session, draft.date, _WHAT)
        row.date = draft.date
        row.kind = InKindKind(draft.kind)
        row.label = label or ""
        row.cerfa_code = code
        row.amount_cents = draft.amount_cents
        row.hours_milli = draft.hours_milli
        row.member_id = draft.member_id
        row.project_id = draft.project_id
        row.grant_id = draft.grant_id


def _filters(
    session: Session,
    year: int | None,
    grant_id: int | None,
    project_id: int | None,
    member_id: int | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if year is not None:
        fy = fiscal_year(session, year)
        conditions.append(InKindContribution.date.between(fy.start, fy.end))
    if grant_id is not None:
        conditions.append(InKindContribution.grant_id == grant_id)
    if project_id is not None:
        conditions.append(InKindContribution.project_id == project_id)
    if member_id is not None:
        conditions.append(InKindContribution.member_id == member_id)
    return conditions


_Names = dict[tuple[str, int], str]


def _names(session: Session, rows: Sequence[InKindContribution]) -> _Names:
    """Member, project and grant names of ``rows`` in three queries (no per-row load)."""
    found: _Names = {}
    for tag, model, column, attr in (
        ("member", Member, Member.name, "member_id"),
        ("project", Project, Project.name, "project_id"),
        ("grant", Grant, Grant.title, "grant_id"),
    ):
        ids = {getattr(row, attr) for row in rows} - {None}
        if ids:
            for record_id, name in session.execute(
                select(model.id, column).where(model.id.in_(ids))
            ):
                found[(tag, record_id)] = name
    return found


def _view(row: InKindContribution, names: _Names | None = None) -> InKindView:
    def name(tag: str, record_id: int | None, fallback: object) -> str | None:
        if record_id is None:
            return None
        if names is not None:
            return names.get((tag, record_id))
        return getattr(fallback, "title" if tag == "grant" else "name", None)

    code = row.cerfa_code or cerfa_code_for(row.kind, None)
    return InKindView(
        id=row.id,
        date=row.date,
        kind=row.kind,
        kind_label=KIND_LABELS[row.kind][0],
        label=row.label,
        cerfa_code=code,
        resource_code=CHARGE_TO_RESOURCE[code],
        amount_cents=row.amount_cents,
        hours_milli=row.hours_milli,
        member_id=row.member_id,
        member_name=name("member", row.member_id, row.member if names is None else None),
        project_id=row.project_id,
        project_name=name("project", row.project_id, row.project if names is None else None),
        grant_id=row.grant_id,
        grant_title=name("grant", row.grant_id, row.grant if names is None else None),
    )


def _amount(code: str, cents: int) -> CerfaAmount:
    return CerfaAmount(code, cerfa_line(code).label_fr, cents)
